/* prompt.c: line editing for /, & and :.
 *
 * The text grows as needed (a search string is never cut, tig#689); it
 * is edited at its end, which is what a search-as-you-type prompt needs,
 * and deletes whole UTF-8 characters. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "prompt.h"
#include "render.h"
#include "text.h"

#define MAX_HISTORY 200

void history_add(struct history *h, const char *s)
{
	size_t i;

	if (!s || !*s)
		return;
	/* the same entry again moves to the end */
	for (i = 0; i < h->n; i++) {
		if (strcmp(h->items[i], s) == 0) {
			char *keep = h->items[i];

			memmove(&h->items[i], &h->items[i + 1], (h->n - i - 1) * sizeof(char *));
			h->items[h->n - 1] = keep;
			return;
		}
	}
	if (h->n == MAX_HISTORY) {
		free(h->items[0]);
		memmove(&h->items[0], &h->items[1], (h->n - 1) * sizeof(char *));
		h->n--;
	}
	h->items = xgrow(h->items, &h->cap, h->n + 1, sizeof(char *));
	h->items[h->n++] = xstrdup(s);
}

void history_free(struct history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->items[i]);
	free(h->items);
	memset(h, 0, sizeof(*h));
}

void prompt_open(struct prompt *p, char lead, struct history *h)
{
	p->active = 1;
	p->lead = lead;
	buf_reset(&p->text);
	buf_grow(&p->text, 0);
	p->history = h;
	p->recall = h ? h->n : 0;
	prompt_set_error(p, NULL);
}

void prompt_close(struct prompt *p)
{
	p->active = 0;
	prompt_set_error(p, NULL);
}

void prompt_set_error(struct prompt *p, const char *error)
{
	free(p->error);
	p->error = error ? xstrdup(error) : NULL;
}

static void delete_char(struct buf *b)
{
	/* back over continuation bytes to the start of the last character */
	while (b->len > 0 && ((unsigned char)b->data[b->len - 1] & 0xC0) == 0x80)
		b->len--;
	if (b->len > 0)
		b->len--;
	b->data[b->len] = '\0';
}

static void delete_word(struct buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	while (b->len > 0 && b->data[b->len - 1] != ' ')
		b->len--;
	b->data[b->len] = '\0';
}

static void recall(struct prompt *p, int dir)
{
	struct history *h = p->history;

	if (!h || !h->n)
		return;
	if (dir < 0 && p->recall > 0)
		p->recall--;
	else if (dir > 0 && p->recall < h->n)
		p->recall++;
	buf_reset(&p->text);
	if (p->recall < h->n)
		buf_adds(&p->text, h->items[p->recall]);
}

enum prompt_result prompt_key(struct prompt *p, int code, wint_t ch)
{
	if (code == KEY_CODE_YES) {
		switch (ch) {
		case KEY_ENTER:
			return PROMPT_ACCEPT;
		case KEY_BACKSPACE:
			if (!p->text.len)
				return PROMPT_CANCEL;
			delete_char(&p->text);
			return PROMPT_CHANGED;
		case KEY_UP:
			recall(p, -1);
			return PROMPT_CHANGED;
		case KEY_DOWN:
			recall(p, 1);
			return PROMPT_CHANGED;
		default:
			return PROMPT_NOTHING;
		}
	}
	switch (ch) {
	case '\n':
	case '\r':
		return PROMPT_ACCEPT;
	case 27:        /* Esc */
	case 7:         /* C-g */
		return PROMPT_CANCEL;
	case 127:
	case 8:
		if (!p->text.len)
			return PROMPT_CANCEL;
		delete_char(&p->text);
		return PROMPT_CHANGED;
	case 21:        /* C-u */
		buf_reset(&p->text);
		return PROMPT_CHANGED;
	case 23:        /* C-w */
		delete_word(&p->text);
		return PROMPT_CHANGED;
	}
	if (ch < 32 || (ch >= 0x7F && ch < 0xA0) || ch > 0x10FFFF || (ch >= 0xD800 && ch <= 0xDFFF))
		return PROMPT_NOTHING;   /* no control character gets into the text */
	text_encode(&p->text, (uint32_t)ch);
	return PROMPT_CHANGED;
}

void prompt_draw(struct prompt *p, WINDOW *win, int y, int width)
{
	char lead[2] = { p->lead, '\0' };
	int x, tw, room;
	const char *t = p->text.data ? p->text.data : "";
	size_t skip = 0;

	render_fill(win, y, 0, width, STYLE_PROMPT);
	x = render_str(win, y, 0, width, lead, STYLE_PROMPT);
	room = width - x - 1;
	if (p->error)
		room -= room / 2;
	/* a long pattern scrolls: its end, where you type, stays in view */
	tw = render_width(t, strlen(t));
	while (tw > room && t[skip]) {
		uint32_t cp;
		size_t n = text_decode(t + skip, strlen(t + skip), &cp);

		tw -= text_cp_width(cp);
		skip += n;
	}
	x += render_str(win, y, x, room, t + skip, STYLE_PROMPT);
	if (p->error) {
		int cx = x;

		render_str(win, y, x + 2, width - x - 2, p->error, STYLE_ERROR);
		x = cx;
	}
	wmove(win, y, x < width ? x : width - 1);
}

void prompt_free(struct prompt *p)
{
	buf_free(&p->text);
	free(p->error);
	p->error = NULL;
}
