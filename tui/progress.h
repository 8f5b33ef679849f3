/* progress.h: the line that says how loading a large corpus is going.
 *
 * While corpus_open reads files, the corpus calls progress_report (its
 * struct corpus_options progress callback) after each one.  Once loading
 * has taken longer than a quarter of a second, a line "Loading: 120 of
 * 599 files, 23.4 MB" is written to the terminal and rewritten in place
 * (\r), at most ten times a second; progress_end clears it.  Nothing is
 * written when out is not a terminal. */
#ifndef WB_PROGRESS_H
#define WB_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

struct progress {
	FILE *out;               /* NULL: say nothing */
	double start, last;      /* seconds, monotonic */
	double after;            /* say nothing before this many seconds */
	size_t width;            /* columns of the line shown, 0 when none */
};

/* Starts timing; out is used only when it is a terminal.  The delay is
 * $WERKBEZOEK_PROGRESS_AFTER seconds when set (the tests set 0), else
 * 0.25. */
void progress_init(struct progress *p, FILE *out);
/* The corpus_options callback; ctx is a struct progress. */
void progress_report(void *ctx, size_t done, size_t total, size_t bytes);
/* Clears the line, if one was shown. */
void progress_end(struct progress *p);

#endif
