/* layout.h: wrapping block text to a width in display columns.
 *
 * A block is wrapped into lines, each a byte range of the block text;
 * lines after the first are indented by the width of the block's label
 * (a hanging indent, so list items and notes line up).  Breaks fall at
 * spaces (the space is not shown); a word wider than the line is broken
 * between characters, never inside one, and a combining mark stays with
 * its base.  Widths are those of text.h. */
#ifndef WB_LAYOUT_H
#define WB_LAYOUT_H

#include <stddef.h>

struct block;

struct layout_line {
	size_t start, end;      /* bytes into the block text */
	unsigned indent;        /* columns before the text */
	unsigned width;         /* display columns of the text */
};

struct layout {
	struct layout_line *lines;  /* owned, reused across calls */
	size_t nlines, cap;
};

/* Wraps text[0..len) to width columns (at least 1) into l, replacing its
 * lines.  Returns the number of lines (at least 1, even for empty text). */
size_t layout_wrap(struct layout *l, const char *text, size_t len, size_t label_len,
		   unsigned width);
void layout_free(struct layout *l);

/* The line of l holding byte offset off (the last line for off == len). */
size_t layout_line_of(const struct layout *l, size_t off);

/* Whether a blank line goes between block prev and the next block next
 * when blocks are wrapped to a width (the reader, --show --width=N):
 * yes, except between lines of a header (a header line after the title
 * or another header line) and between items of a list.  prev NULL: the
 * first block, no. */
int layout_blank_between(const struct block *prev, const struct block *next);

#endif
