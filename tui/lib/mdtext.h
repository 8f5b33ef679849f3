/* mdtext.h: a report in plain text or Markdown, read into blocks.
 *
 * For the import (import.h): the blocks of a report as it arrives, one
 * paragraph per run of lines between blank lines (lines joined with a
 * space, a word broken at a line end with "-" joined again), "#" headings,
 * "-", "*", "+" and "1." list items.  Inline Markdown becomes spans over
 * the plain text: [text](url) a link, **x** bold, *x* and _x_ italic;
 * a backslash escapes the next mark.  Everything else is text.
 *
 * The text that comes out is valid UTF-8 (an invalid byte becomes
 * U+FFFD) with no control character, bidirectional control or other
 * character that XML 1.0 or a terminal must not receive; a tab is a
 * space, runs of spaces are one. */
#ifndef WB_MDTEXT_H
#define WB_MDTEXT_H

#include <stddef.h>

enum mdtext_kind {
	MDTEXT_HEADING,
	MDTEXT_PARA,
	MDTEXT_ITEM
};

enum mdtext_span_kind {
	MDTEXT_ITALIC,
	MDTEXT_BOLD,
	MDTEXT_LINK
};

struct mdtext_span {
	size_t start, end;             /* bytes into the block text */
	enum mdtext_span_kind kind;
	char *target;                  /* a link's http(s) URL, else NULL */
};

struct mdtext_block {
	enum mdtext_kind kind;
	int level;                     /* a heading's level: 1 for "#" …; 2
					* for a line guessed to be one */
	int numbered;                  /* an item of a numbered list */
	char *n;                       /* that item's number, else NULL */
	char *text;                    /* the plain text, NUL-terminated */
	size_t len;
	struct mdtext_span *spans;     /* by start, an outer span before the
					* spans inside it; they nest */
	size_t nspans;
	long line;                     /* where the block starts, from 1 */
};

struct mdtext {
	struct mdtext_block *blocks;
	size_t n;
};

/* Reads s[0..len) into out (owned by out; mdtext_free frees it).  With
 * guess_headings (a plain-text report), a paragraph of one short line
 * that does not end as a sentence does (".", ",", ":", a quote …) is a
 * heading of level 2. */
void mdtext_read(const char *s, size_t len, int guess_headings, struct mdtext *out);

void mdtext_free(struct mdtext *m);

#endif
