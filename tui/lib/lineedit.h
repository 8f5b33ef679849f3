/* lineedit.h: editing one line of text as readline does, without a
 * terminal: a UTF-8 text, a cursor inside it, and what was cut last.
 *
 * The prompt (tui/prompt.c) maps keys to these calls and draws the
 * result; the unit tests drive them directly.  The cursor is a byte
 * offset and always at the start of a whole character; nothing here
 * splits one.  Words are as readline's M-b and M-f see them (letters and
 * digits, and every non-ASCII character); C-w's are separated by spaces. */
#ifndef WB_LINEEDIT_H
#define WB_LINEEDIT_H

#include <stddef.h>

#include "buf.h"

struct line_edit {
	struct buf text;        /* owned; text.data NUL-terminated */
	size_t cursor;          /* byte offset in text, a character start */
	struct buf killed;      /* the last text cut by a kill, for yank */
};

#define LINE_EDIT_INIT { BUF_INIT, 0, BUF_INIT }

/* Where a motion goes from the cursor. */
enum line_motion {
	LINE_CHAR_LEFT,         /* Left, C-b */
	LINE_CHAR_RIGHT,        /* Right, C-f */
	LINE_WORD_LEFT,         /* M-b */
	LINE_WORD_RIGHT,        /* M-f */
	LINE_SPACE_WORD_LEFT,   /* C-w: back over spaces, then to a space */
	LINE_START,             /* Home, C-a */
	LINE_END                /* End, C-e */
};

/* Replaces the text with s, the cursor at its end. */
void line_edit_set(struct line_edit *e, const char *s);
/* Replaces text[start, cursor) with s (a completion), the cursor after it. */
void line_edit_replace(struct line_edit *e, size_t start, const char *s);
/* Inserts s[0..len) at the cursor, which moves after it. */
void line_edit_insert(struct line_edit *e, const char *s, size_t len);
/* Where motion m goes from the cursor (a byte offset). */
size_t line_edit_target(const struct line_edit *e, enum line_motion m);
/* Moves the cursor; returns whether it moved. */
int line_edit_move(struct line_edit *e, enum line_motion m);
/* Deletes from the cursor to where m goes; with kill the text deleted
 * becomes what line_edit_yank inserts.  Returns whether anything went. */
int line_edit_delete(struct line_edit *e, enum line_motion m, int kill);
/* Inserts the text last killed; returns whether there was any. */
int line_edit_yank(struct line_edit *e);
void line_edit_free(struct line_edit *e);

#endif
