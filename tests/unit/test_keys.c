/* Unit tests for keys.c: naming keys, the keys of a request, and the key
 * table that --keys prints and the documentation is made of. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>

#include "../tap.h"
#include "buf.h"
#include "keys.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static char *names(const int *keys, size_t n)
{
	struct buf b = BUF_INIT;

	keys_names(&b, keys, n);
	return b.data ? buf_steal(&b) : calloc(1, 1);
}

static char *table(enum keys_format fmt)
{
	struct buf b = BUF_INIT;

	keys_table(&b, fmt);
	return buf_steal(&b);
}

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

int main(void)
{
	static const int two_letters[] = { 'q', 'x' };
	static const int enter[] = { '\n', '\r', KEY_ENTER, 'l', KEY_RIGHT };
	static const int back[] = { KEY_BACKSPACE, 127, 8, 'h', KEY_LEFT };
	static const int repeated[] = { 'j', 'k', 'j' };
	struct buf a = BUF_INIT, b = BUF_INIT;
	char *s;
	int req, bound = 1;

	/* keys-second-binding-dropped: keys_name returned one static buffer
	 * and the list compared two of its results, so a second letter bound
	 * to a request was taken for the first and left out of the help. */
	s = names(two_letters, N(two_letters));
	is_str(s, "q, x", "keys-second-binding-dropped: two letters bound to one request are both named");
	free(s);
	s = names(enter, N(enter));
	is_str(s, "Enter, l, Right", "Enter, bound three times over, is named once");
	free(s);
	s = names(back, N(back));
	is_str(s, "Backspace, h, Left", "Backspace, DEL and C-h are named once");
	free(s);
	s = names(repeated, N(repeated));
	is_str(s, "j, k", "a key listed twice is named once, even apart");
	free(s);
	s = names(NULL, 0);
	is_str(s, "", "no keys: no names");
	free(s);

	keys_name(&a, 'a');
	keys_name(&b, 'b');
	is_str(a.data, "a", "a key's name is the caller's: naming another does not change it");
	is_str(b.data, "b", "b is named b");
	buf_reset(&a);
	keys_name(&a, 0x0c);
	is_str(a.data, "C-l", "control keys are C-x");
	buf_reset(&a);
	keys_name(&a, KEY_F(1));
	is_str(a.data, "F1", "F1");
	buf_reset(&a);
	keys_name(&a, 1000000);
	is_str(a.data, "key 1000000", "an unknown key code is named by number");
	buf_free(&a);
	buf_free(&b);

	is_str(keys_for(REQ_MOVE_DOWN), "j, Down, C-n", "the keys of MOVE_DOWN, in the bindings' order");
	is_str(keys_for(REQ_HELP), "?, F1", "the keys of HELP");
	is_str(keys_for(REQ_BACK), "Backspace, h, Left", "the keys of BACK");
	is_int(keys_request('j'), REQ_MOVE_DOWN, "j is MOVE_DOWN");
	is_int(keys_request(KEY_F(1)), REQ_HELP, "F1 is HELP");
	is_int(keys_request('Z'), REQ_NONE, "an unbound key is no request");
	is_str(keys_request_name(REQ_GOTO_MARK), "GOTO_MARK", "requests are named by the table");
	is_str(keys_request_group(REQ_SEARCH), "Searching", "and grouped by it");
	for (req = REQ_NONE + 1; req < REQ_COUNT; req++)
		if (!*keys_for((enum request)req) || !*keys_request_help((enum request)req))
			bound = 0;
	ok(bound, "every request has a key and a help text");

	s = table(KEYS_PLAIN);
	is_int(count_lines(s), REQ_COUNT - 1, "the plain table has a line per request");
	ok(strstr(s, "j, Down, C-n\tMove down one line\n") != NULL, "plain: keys TAB help");
	free(s);
	s = table(KEYS_MARKDOWN);
	ok(strncmp(s, "| keys | does |\n|---|---|\n", 26) == 0, "markdown: one table");
	is_int(count_lines(s), REQ_COUNT + 1, "markdown: a row per request under the head");
	ok(strstr(s, "| j, Down, C-n | Move down one line |\n") != NULL, "markdown: a row");
	free(s);
	s = table(KEYS_MARKDOWN_GROUPED);
	ok(strncmp(s, "## General\n\n| keys | does |\n", 28) == 0, "grouped: a heading first");
	ok(strlen(s) > 2 && strcmp(s + strlen(s) - 2, "\n\n") != 0,
	   "grouped: no blank line after the last row");
	ok(strstr(s, "|\n\n## Panes\n\n| keys | does |\n|---|---|\n| 1 |") != NULL,
	   "grouped: a heading and a head per group");
	free(s);
	s = table(KEYS_MAN);
	ok(strstr(s, ".TP\n.B C\\-l\nRedraw the screen\n") != NULL, "man: minus signs escaped");
	ok(strstr(s, ".B \\(aq\n\\(aq x: go to mark x; \\(aq\\(aq: back") != NULL,
	   "man: quotes escaped, so no line starts with one");
	free(s);
	return done_testing();
}
