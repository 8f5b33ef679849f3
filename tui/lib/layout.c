/* layout.c: greedy wrapping of one block at a time.
 *
 * Greedy is what less and w3m do and what a reader of running text
 * expects; it is also linear, so wrapping a 100 MB paragraph is no worse
 * than reading it. */
#include "config.h"

#include <stdint.h>

#include "buf.h"
#include "corpus.h"
#include "layout.h"
#include "text.h"

static void add_line(struct layout *l, size_t start, size_t end, unsigned indent,
		     unsigned width)
{
	struct layout_line *ln;

	l->lines = xgrow(l->lines, &l->cap, l->nlines + 1, sizeof(*l->lines));
	ln = &l->lines[l->nlines++];
	ln->start = start;
	ln->end = end;
	ln->indent = indent;
	ln->width = width;
}

size_t layout_wrap(struct layout *l, const char *text, size_t len, size_t label_len,
		   unsigned width)
{
	unsigned hang = 0, indent = 0, col = 0, break_col = 0;
	size_t start = 0, i = 0, break_at = 0, n;
	int have_break = 0;
	uint32_t cp;

	if (width < 1)
		width = 1;
	if (label_len) {
		size_t w = text_width(text, label_len);

		hang = w * 2 <= width ? (unsigned)w : 0;
	}
	l->nlines = 0;
	while (i < len) {
		int w;

		n = text_decode(text + i, len - i, &cp);
		w = text_cp_width(cp);
		if (cp == ' ' && i >= label_len) {
			/* a break opportunity: the line could end before this space */
			break_at = i;
			break_col = col;
			have_break = 1;
		}
		/* a character that does not fit starts a new line, unless the
		 * line is still empty (an orphan combining mark counts as
		 * something: a wide character after it goes to the next line) */
		if (col + (unsigned)w > width - indent && i > start && w > 0) {
			if (have_break && break_at > start) {
				add_line(l, start, break_at, indent, break_col);
				i = break_at + 1;   /* skip the space */
			} else {
				add_line(l, start, i, indent, col);
			}
			start = i;
			indent = hang;
			col = 0;
			have_break = 0;
			/* spaces at the start of a continuation line are not shown */
			while (start < len && text[start] == ' ' && start >= label_len)
				start++;
			i = start;
			continue;
		}
		col += (unsigned)w;
		i += n;
	}
	add_line(l, start, len, indent, col);
	return l->nlines;
}

void layout_free(struct layout *l)
{
	free_const(l->lines);
	l->lines = NULL;
	l->nlines = l->cap = 0;
}

size_t layout_line_of(const struct layout *l, size_t off)
{
	size_t lo = 0, hi = l->nlines;

	/* the last line whose start is at or before off */
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (l->lines[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int layout_blank_between(const struct block *prev, const struct block *next)
{
	if (!prev)
		return 0;
	if (next->kind == BLOCK_META &&
	    (prev->kind == BLOCK_META || prev->kind == BLOCK_TITLE))
		return 0;
	if (next->kind == BLOCK_ITEM && prev->kind == BLOCK_ITEM)
		return 0;
	return 1;
}
