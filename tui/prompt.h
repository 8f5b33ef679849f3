/* prompt.h: the one-line editor at the bottom of the screen, for search
 * (/), filter (&) and commands (:), with a history per kind.
 *
 * The event loop feeds it keys; it says whether the text changed (the
 * loop then searches or filters as you type), was accepted or cancelled. */
#ifndef WB_PROMPT_H
#define WB_PROMPT_H

#include <curses.h>
#include <stddef.h>

#include "buf.h"

struct history {
	char **items;           /* oldest first, owned */
	size_t n, cap;
};

void history_add(struct history *h, const char *s);
void history_free(struct history *h);

enum prompt_result {
	PROMPT_NOTHING,         /* the key did nothing visible */
	PROMPT_MOVED,           /* redraw, the text is the same */
	PROMPT_CHANGED,         /* the text changed */
	PROMPT_ACCEPT,          /* Enter */
	PROMPT_CANCEL           /* Esc, or Backspace on an empty line */
};

struct prompt {
	int active;
	char lead;              /* '/', '&' or ':' */
	struct buf text;
	struct history *history;
	size_t recall;          /* history->n when not recalling */
	char *error;            /* shown after the text, owned */
};

void prompt_open(struct prompt *p, char lead, struct history *h);
void prompt_close(struct prompt *p);
/* One key from wget_wch: code is its return (OK or KEY_CODE_YES). */
enum prompt_result prompt_key(struct prompt *p, int code, wint_t ch);
void prompt_set_error(struct prompt *p, const char *error);
/* Draws the prompt on row y of win, width columns, and places the cursor. */
void prompt_draw(struct prompt *p, WINDOW *win, int y, int width);
void prompt_free(struct prompt *p);

#endif
