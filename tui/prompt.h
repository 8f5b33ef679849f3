/* prompt.h: the one-line editor at the bottom of the screen, for search
 * (/), filter (&) and commands (:), with a history per kind.
 *
 * It edits as readline does (lineedit.h): Left/Right, Home/End, C-a/C-e,
 * C-b/C-f, M-b/M-f, Backspace/Delete, C-w/C-u/C-k and C-y; Up and Down
 * (C-p, C-n) recall the entries of its history that begin with what is
 * typed before the cursor; Tab completes with the candidates the loop's
 * completer offers.  Esc, C-c and C-g cancel it.
 *
 * The event loop feeds it keys; it says whether the text changed (the
 * loop then searches or filters as you type), was accepted or cancelled. */
#ifndef WB_PROMPT_H
#define WB_PROMPT_H

#include <curses.h>
#include <stddef.h>

#include "buf.h"
#include "complete.h"
#include "lineedit.h"
#include "terminal.h"

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
	PROMPT_CANCEL           /* Esc, C-c, C-g, or Backspace on an empty line */
};

/* Fills out with what could replace line[out->start, cursor). */
struct prompt_completer {
	void (*complete)(void *arg, const char *line, size_t cursor, struct candidates *out);
	void *arg;
};

struct prompt {
	int active;
	char lead;              /* '/', '&' or ':' */
	struct line_edit edit;
	struct history *history;
	size_t recall;          /* history->n when not recalling */
	char *typed;            /* what was typed before recalling, owned */
	struct prompt_completer completer;   /* complete NULL: Tab does nothing */
	char *error;            /* shown after the text, owned */
	char *info;             /* shown at the right ("3/12 hits"), owned */
};

/* Opens the prompt empty; completer may be NULL. */
void prompt_open(struct prompt *p, char lead, struct history *h,
		 const struct prompt_completer *completer);
void prompt_close(struct prompt *p);
/* Replaces the text typed with text, the cursor at its end (a command
 * begun for the reader to finish). */
void prompt_set_text(struct prompt *p, const char *text);
/* The text typed (borrowed until the next key). */
const char *prompt_text(const struct prompt *p);
/* One key from terminal_read_key: code is its return (OK or
 * KEY_CODE_YES); ch may be KEY_META + a character. */
enum prompt_result prompt_key(struct prompt *p, int code, wint_t ch);
/* Whether the prompt edits with KEY_META + c (M-b, M-f, M-d,
 * M-Backspace); another is Esc and then c. */
int prompt_meta_key(wint_t ch);
void prompt_set_error(struct prompt *p, const char *error);
void prompt_set_info(struct prompt *p, const char *info);
/* Draws the prompt on row y of win, width columns, and places the cursor. */
void prompt_draw(struct prompt *p, WINDOW *win, int y, int width);
void prompt_free(struct prompt *p);

#endif
