/* keys.c: the default key bindings, and naming keys for the help screen. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "keys.h"

#define CTRL(x) ((x) & 0x1f)

/* Defaults follow less, vim and tig (DESIGN.md, "Keys"). */
static const struct key_binding default_bindings[] = {
	{ '?', REQ_HELP },
	{ KEY_F(1), REQ_HELP },
	{ 'q', REQ_QUIT },
	{ ':', REQ_COMMAND },
	{ '1', REQ_FOCUS_DOCUMENTS },
	{ '2', REQ_FOCUS_READER },
	{ '3', REQ_FOCUS_ENTITIES },
	{ '4', REQ_FOCUS_RESULTS },
	{ 'w', REQ_FOCUS_NEXT },
	{ 'z', REQ_MAXIMIZE },
	{ CTRL('l'), REQ_REDRAW },
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
	{ 'm', REQ_MARK },
	{ '\'', REQ_GOTO_MARK },
	{ '/', REQ_SEARCH },
	{ 'n', REQ_SEARCH_NEXT },
	{ 'N', REQ_SEARCH_PREV },
	{ 27, REQ_CLEAR },
	{ '&', REQ_FILTER },
	{ 'o', REQ_SORT },
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

enum request keys_request(int key)
{
	size_t i;

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

const char *keys_name(int key)
{
	static char s[16];

	switch (key) {
	case ' ':
		return "Space";
	case '\n':
	case '\r':
	case KEY_ENTER:
		return "Enter";
	case 27:
		return "Esc";
	case '\t':
		return "Tab";
	case KEY_BTAB:
		return "S-Tab";
	case KEY_DOWN:
		return "Down";
	case KEY_UP:
		return "Up";
	case KEY_LEFT:
		return "Left";
	case KEY_RIGHT:
		return "Right";
	case KEY_NPAGE:
		return "PgDn";
	case KEY_PPAGE:
		return "PgUp";
	case KEY_HOME:
		return "Home";
	case KEY_END:
		return "End";
	case KEY_BACKSPACE:
	case 127:
	case 8:
		return "Backspace";
	case KEY_F(1):
		return "F1";
	}
	if (key > 0 && key < 32) {
		snprintf(s, sizeof(s), "C-%c", key + 'a' - 1);
		return s;
	}
	if (key >= 32 && key < 127) {
		s[0] = (char)key;
		s[1] = '\0';
		return s;
	}
	snprintf(s, sizeof(s), "key %d", key);
	return s;
}

const char *keys_for(enum request req)
{
	static struct buf b;
	size_t i;
	int last = -1;

	buf_reset(&b);
	for (i = 0; i < N_BINDINGS; i++) {
		const char *name;

		if (default_bindings[i].request != req)
			continue;
		name = keys_name(default_bindings[i].key);
		/* Enter is bound three times over; name it once */
		if (last >= 0 && strcmp(name, keys_name(last)) == 0)
			continue;
		if (b.len)
			buf_adds(&b, ", ");
		buf_adds(&b, name);
		last = default_bindings[i].key;
	}
	return b.data ? b.data : "";
}
