/* keys.c: the default key bindings, naming keys for the help screen, and
 * the key table as --keys and the documentation show it (tui/keysdoc.c
 * writes the documentation's copies from keys_table). */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "keys.h"

#define CTRL(x) ((x) & 0x1f)

/* Defaults follow less, vim and tig. */
static const struct key_binding default_bindings[] = {
	{ '?', REQ_HELP },
	{ KEY_F(1), REQ_HELP },
	{ 'q', REQ_QUIT },
	{ 'Q', REQ_QUIT_NOW },
	{ CTRL('c'), REQ_CANCEL },
	{ CTRL('g'), REQ_CANCEL },
	{ '=', REQ_INFO },
	{ ':', REQ_COMMAND },
	{ '1', REQ_FOCUS_DOCUMENTS },
	{ '2', REQ_FOCUS_READER },
	{ '3', REQ_FOCUS_ENTITIES },
	{ '4', REQ_FOCUS_RESULTS },
	{ 'w', REQ_FOCUS_NEXT },
	{ 'z', REQ_MAXIMIZE },
	{ CTRL('l'), REQ_REDRAW },
	{ 'F', REQ_FACETS },
	{ 'X', REQ_FACETS_CLEAR },
	{ 'j', REQ_MOVE_DOWN },
	{ KEY_DOWN, REQ_MOVE_DOWN },
	{ CTRL('n'), REQ_MOVE_DOWN },
	{ 'k', REQ_MOVE_UP },
	{ KEY_UP, REQ_MOVE_UP },
	{ CTRL('p'), REQ_MOVE_UP },
	{ ' ', REQ_PAGE_DOWN },
	{ KEY_NPAGE, REQ_PAGE_DOWN },
	{ CTRL('f'), REQ_PAGE_DOWN },
	{ 'b', REQ_PAGE_UP },
	{ KEY_PPAGE, REQ_PAGE_UP },
	{ CTRL('b'), REQ_PAGE_UP },
	{ CTRL('d'), REQ_HALF_DOWN },
	{ CTRL('u'), REQ_HALF_UP },
	{ 'g', REQ_FIRST },
	{ KEY_HOME, REQ_FIRST },
	{ 'G', REQ_LAST },
	{ KEY_END, REQ_LAST },
	{ '\n', REQ_ENTER },
	{ '\r', REQ_ENTER },
	{ KEY_ENTER, REQ_ENTER },
	{ 'l', REQ_ENTER },
	{ KEY_RIGHT, REQ_ENTER },
	{ '\t', REQ_NEXT_LINK },
	{ KEY_BTAB, REQ_PREV_LINK },
	{ 'f', REQ_HINTS },
	{ KEY_BACKSPACE, REQ_BACK },
	{ 127, REQ_BACK },
	{ CTRL('h'), REQ_BACK },
	{ 'h', REQ_BACK },
	{ KEY_LEFT, REQ_BACK },
	{ 'L', REQ_FORWARD },
	{ 'p', REQ_PATH_TO },
	{ 'm', REQ_MARK },
	{ '\'', REQ_GOTO_MARK },
	{ '/', REQ_SEARCH },
	{ 'n', REQ_SEARCH_NEXT },
	{ 'N', REQ_SEARCH_PREV },
	{ 27, REQ_CLEAR },
	{ '&', REQ_FILTER },
	{ 'o', REQ_SORT },
	{ '\\', REQ_SOURCE },
	{ 'v', REQ_EDIT },
	{ 'R', REQ_RELOAD },
};

#define N_BINDINGS (sizeof(default_bindings) / sizeof(default_bindings[0]))

#define REQ_INFO(name, help, group) { #name, help, group },
static const struct {
	const char *name, *help, *group;
} request_info[REQ_COUNT] = {
	{ "NONE", "", "" },
	REQUESTS(REQ_INFO)
};
#undef REQ_INFO

/* Bindings from the config file, looked at before the defaults. */
static struct key_binding *user_bindings;
static size_t n_user, cap_user;

void keys_bind(int key, enum request req)
{
	size_t i;

	for (i = 0; i < n_user; i++)
		if (user_bindings[i].key == key) {
			user_bindings[i].request = req;
			return;
		}
	user_bindings = xgrow(user_bindings, &cap_user, n_user + 1, sizeof(*user_bindings));
	user_bindings[n_user].key = key;
	user_bindings[n_user++].request = req;
}

void keys_unbind_all(void)
{
	free(user_bindings);
	user_bindings = NULL;
	n_user = cap_user = 0;
}

enum request keys_request_by_name(const char *name)
{
	size_t i, k;

	for (i = REQ_NONE + 1; i < REQ_COUNT; i++) {
		const char *n = request_info[i].name;

		for (k = 0; n[k] && name[k]; k++) {
			char c = name[k] == '-' ? '_' : name[k];

			if ((c >= 'a' && c <= 'z' ? c - 32 : c) != n[k])
				break;
		}
		if (!n[k] && !name[k])
			return (enum request)i;
	}
	return REQ_NONE;
}

int keys_parse(const char *name, int *key)
{
	struct buf b = BUF_INIT;
	int k, found = 0;

	if (name[0] && !name[1] && (unsigned char)name[0] > 32 && (unsigned char)name[0] < 127) {
		*key = name[0];
		return 1;
	}
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3]) {
		*key = name[2] - 'a' + 1;
		return 1;
	}
	/* the names keys_name gives, for every key it names */
	for (k = 1; k < KEY_MAX && !found; k++) {
		if (k >= 32 && k < 127)
			continue;
		buf_reset(&b);
		keys_name(&b, k);
		if (b.data && strcmp(b.data, name) == 0 && strncmp(b.data, "key ", 4) != 0) {
			*key = k;
			found = 1;
		}
	}
	buf_free(&b);
	return found;
}

enum request keys_request(int key)
{
	size_t i;

	for (i = 0; i < n_user; i++)
		if (user_bindings[i].key == key)
			return user_bindings[i].request;
	for (i = 0; i < N_BINDINGS; i++)
		if (default_bindings[i].key == key)
			return default_bindings[i].request;
	return REQ_NONE;
}

const char *keys_request_name(enum request req)
{
	return req < REQ_COUNT ? request_info[req].name : "";
}

const char *keys_request_help(enum request req)
{
	return req < REQ_COUNT ? request_info[req].help : "";
}

const char *keys_request_group(enum request req)
{
	return req < REQ_COUNT ? request_info[req].group : "";
}

void keys_name(struct buf *out, int key)
{
	const char *name = NULL;

	switch (key) {
	case ' ':
		name = "Space";
		break;
	case '\n':
	case '\r':
	case KEY_ENTER:
		name = "Enter";
		break;
	case 27:
		name = "Esc";
		break;
	case '\t':
		name = "Tab";
		break;
	case KEY_BTAB:
		name = "S-Tab";
		break;
	case KEY_DOWN:
		name = "Down";
		break;
	case KEY_UP:
		name = "Up";
		break;
	case KEY_LEFT:
		name = "Left";
		break;
	case KEY_RIGHT:
		name = "Right";
		break;
	case KEY_NPAGE:
		name = "PgDn";
		break;
	case KEY_PPAGE:
		name = "PgUp";
		break;
	case KEY_HOME:
		name = "Home";
		break;
	case KEY_END:
		name = "End";
		break;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		name = "Backspace";
		break;
	case KEY_DC:
		name = "Delete";
		break;
	}
	if (name)
		buf_adds(out, name);
	else if (key >= KEY_F(1) && key <= KEY_F(12))
		buf_printf(out, "F%d", key - KEY_F(0));
	else if (key > 0 && key < 32)
		buf_printf(out, "C-%c", key + 'a' - 1);
	else if (key >= 32 && key < 127)
		buf_addc(out, (char)key);
	else
		buf_printf(out, "key %d", key);
}

/* Each key's name is made in a buffer of its own: a name kept in one
 * static buffer was overwritten by the next, and two different keys then
 * looked alike, so the second was left out. */
void keys_names(struct buf *out, const int *keys, size_t n)
{
	struct buf name = BUF_INIT, prev = BUF_INIT;
	size_t i, j, start = out->len;

	for (i = 0; i < n; i++) {
		int seen = 0;

		buf_reset(&name);
		keys_name(&name, keys[i]);
		for (j = 0; j < i && !seen; j++) {
			buf_reset(&prev);
			keys_name(&prev, keys[j]);
			seen = strcmp(prev.data, name.data) == 0;
		}
		if (seen)
			continue;
		if (out->len > start)
			buf_adds(out, ", ");
		buf_adds(out, name.data);
	}
	buf_free(&name);
	buf_free(&prev);
}

/* The keys of req in the order of the bindings table. */
static void names_of(struct buf *out, enum request req)
{
	int keys[N_BINDINGS];
	size_t i, n = 0;

	for (i = 0; i < N_BINDINGS; i++)
		if (default_bindings[i].request == req)
			keys[n++] = default_bindings[i].key;
	keys_names(out, keys, n);
}

const char *keys_for(enum request req)
{
	static struct buf b;

	buf_reset(&b);
	names_of(&b, req);
	return b.data ? b.data : "";
}

/* Markdown: a | in a cell would end it. */
static void put_markdown(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '\\')
			buf_addc(out, '\\');
		buf_addc(out, *s);
	}
}

/* roff: a backslash, a minus (a hyphen otherwise), quotes, and a dot or
 * quote at the start of a line, which would make it a request. */
static void put_roff(struct buf *out, const char *s)
{
	if (*s == '.')
		buf_adds(out, "\\&");
	for (; *s; s++) {
		switch (*s) {
		case '\\':
			buf_adds(out, "\\e");
			break;
		case '-':
			buf_adds(out, "\\-");
			break;
		case '\'':
			buf_adds(out, "\\(aq");
			break;
		case '"':
			buf_adds(out, "\\(dq");
			break;
		default:
			buf_addc(out, *s);
		}
	}
}

static void markdown_head(struct buf *out)
{
	buf_adds(out, "| keys | does |\n|---|---|\n");
}

void keys_table(struct buf *out, enum keys_format fmt)
{
	struct buf keys = BUF_INIT;
	const char *group = NULL;
	int req;

	if (fmt == KEYS_MARKDOWN)
		markdown_head(out);
	for (req = REQ_NONE + 1; req < REQ_COUNT; req++) {
		const char *help = keys_request_help((enum request)req);
		const char *g = keys_request_group((enum request)req);

		buf_reset(&keys);
		names_of(&keys, (enum request)req);
		if (!keys.data)
			buf_adds(&keys, "");
		switch (fmt) {
		case KEYS_PLAIN:
			buf_printf(out, "%s\t%s\n", keys.data, help);
			break;
		case KEYS_MARKDOWN_GROUPED:
			if (!group || strcmp(group, g) != 0) {
				buf_printf(out, "%s## %s\n\n", group ? "\n" : "", g);
				markdown_head(out);
				group = g;
			}
			/* fall through */
		case KEYS_MARKDOWN:
			buf_adds(out, "| ");
			put_markdown(out, keys.data);
			buf_adds(out, " | ");
			put_markdown(out, help);
			buf_adds(out, " |\n");
			break;
		case KEYS_MAN:
			buf_adds(out, ".TP\n.B ");
			put_roff(out, keys.data);
			buf_addc(out, '\n');
			put_roff(out, help);
			buf_addc(out, '\n');
			break;
		}
	}
	buf_free(&keys);
}
