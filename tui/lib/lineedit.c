/* lineedit.c: readline's editing of one line (lineedit.h). */
#include "config.h"

#include <string.h>

#include "lineedit.h"

static const char *text(const struct line_edit *e)
{
	return e->text.data ? e->text.data : "";
}

static int continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

static size_t char_left(const struct line_edit *e, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && continuation((unsigned char)text(e)[at]))
		at--;
	return at;
}

static size_t char_right(const struct line_edit *e, size_t at)
{
	if (at >= e->text.len)
		return e->text.len;
	at++;
	while (at < e->text.len && continuation((unsigned char)text(e)[at]))
		at++;
	return at;
}

/* A letter or digit, or any character beyond ASCII (its bytes). */
static int word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int in_word(char c, int spaces_only)
{
	return spaces_only ? c != ' ' : word_byte((unsigned char)c);
}

static size_t word_left(const struct line_edit *e, size_t at, int spaces_only)
{
	const char *t = text(e);

	while (at > 0 && !in_word(t[at - 1], spaces_only))
		at--;
	while (at > 0 && in_word(t[at - 1], spaces_only))
		at--;
	return at;
}

static size_t word_right(const struct line_edit *e, size_t at)
{
	const char *t = text(e);

	while (at < e->text.len && !word_byte((unsigned char)t[at]))
		at++;
	while (at < e->text.len && word_byte((unsigned char)t[at]))
		at++;
	return at;
}

size_t line_edit_target(const struct line_edit *e, enum line_motion m)
{
	switch (m) {
	case LINE_CHAR_LEFT:
		return char_left(e, e->cursor);
	case LINE_CHAR_RIGHT:
		return char_right(e, e->cursor);
	case LINE_WORD_LEFT:
		return word_left(e, e->cursor, 0);
	case LINE_SPACE_WORD_LEFT:
		return word_left(e, e->cursor, 1);
	case LINE_WORD_RIGHT:
		return word_right(e, e->cursor);
	case LINE_START:
		return 0;
	case LINE_END:
		return e->text.len;
	}
	return e->cursor;
}

void line_edit_set(struct line_edit *e, const char *s)
{
	buf_reset(&e->text);
	buf_grow(&e->text, 0);
	buf_adds(&e->text, s ? s : "");
	e->cursor = e->text.len;
}

void line_edit_insert(struct line_edit *e, const char *s, size_t len)
{
	size_t tail = e->text.len - e->cursor;

	buf_grow(&e->text, len);
	memmove(e->text.data + e->cursor + len, e->text.data + e->cursor, tail);
	memcpy(e->text.data + e->cursor, s, len);
	e->text.len += len;
	e->text.data[e->text.len] = '\0';
	e->cursor += len;
}

/* Cuts text[from, to), the cursor at from. */
static void cut(struct line_edit *e, size_t from, size_t to)
{
	memmove(e->text.data + from, e->text.data + to, e->text.len - to);
	e->text.len -= to - from;
	e->text.data[e->text.len] = '\0';
	e->cursor = from;
}

void line_edit_replace(struct line_edit *e, size_t start, const char *s)
{
	if (start > e->cursor)
		start = e->cursor;
	if (e->text.data)
		cut(e, start, e->cursor);
	line_edit_insert(e, s, strlen(s));
}

int line_edit_move(struct line_edit *e, enum line_motion m)
{
	size_t to = line_edit_target(e, m);

	if (to == e->cursor)
		return 0;
	e->cursor = to;
	return 1;
}

int line_edit_delete(struct line_edit *e, enum line_motion m, int kill)
{
	size_t to = line_edit_target(e, m), from = e->cursor;

	if (to == from)
		return 0;
	if (to < from) {
		size_t t = to;

		to = from;
		from = t;
	}
	if (kill) {
		buf_reset(&e->killed);
		buf_add(&e->killed, e->text.data + from, to - from);
	}
	cut(e, from, to);
	return 1;
}

int line_edit_yank(struct line_edit *e)
{
	if (!e->killed.len)
		return 0;
	line_edit_insert(e, e->killed.data, e->killed.len);
	return 1;
}

void line_edit_free(struct line_edit *e)
{
	buf_free(&e->text);
	buf_free(&e->killed);
	e->cursor = 0;
}
