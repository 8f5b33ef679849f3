/* import_head.h: what a report says about itself, for the TEI header of
 * its import (import.h): its title, its date and its kind of text.
 *
 * Read from the report's first blocks only (IMPORT_HEAD_LOOK of them),
 * where a report states them: "Werkbezoek MOgroep aan Tinten ... 5
 * november 2014", "Verslag werkbezoek Noordermaat Assen" / "24 november
 * 2013".  What is not found there is left for the editor. */
#ifndef WB_IMPORT_HEAD_H
#define WB_IMPORT_HEAD_H

#include <stddef.h>

struct mdtext;

enum { IMPORT_HEAD_LOOK = 4 };

struct import_head {
	long title;             /* the title block, -1 when the report
				 * does not open with a heading */
	long subtitle;          /* a heading right after it, or -1 */
	char when[11];          /* the date as YYYY-MM-DD, "" if none */
	long date_block;        /* where the date stands (-1 if none) */
	size_t date_start, date_end;   /* bytes into that block's text */
	const char *type;       /* "werkbezoek", "interview" … or NULL */
};

/* Fills h from m's first blocks. */
void import_head_guess(const struct mdtext *m, struct import_head *h);

/* The first date in s[0..len) ("5 november 2014", "11 May 2017",
 * "01-11-2012", "2014-11-05"; Dutch and English month names): 1 with it
 * as YYYY-MM-DD in when and its bytes [*start, *end), else 0. */
int import_find_date(const char *s, size_t len, char when[11], size_t *start, size_t *end);

#endif
