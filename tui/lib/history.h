/* history.h: where the reader has been: the back/forward list, the last
 * jump ('') and the marks (m x, ' x), each a location (location.h).
 * No terminal code here. */
#ifndef WB_HISTORY_H
#define WB_HISTORY_H

#include <stddef.h>

#include "location.h"

#define HISTORY_MAX 500
#define MARKS 26

struct history_list {
	struct location *items; /* oldest first */
	size_t n, cap;
	size_t pos;             /* items[pos] is where we are */
	struct location last_jump;   /* where '' goes */
	struct location marks[MARKS];  /* 'a'..'z' */
};

void history_list_init(struct history_list *h);
void history_list_free(struct history_list *h);
/* A new page was opened at to from here (here: the page being left, with
 * its position, or NULL): forward history is dropped, and the oldest
 * entries beyond HISTORY_MAX.  to may be one of h's own locations (the
 * last jump, a mark, an entry). */
void history_visit(struct history_list *h, const struct location *here,
		   const struct location *to);
/* Keeps the newest HISTORY_MAX entries of a list filled from elsewhere
 * (a saved session), pos following its entry. */
void history_cap(struct history_list *h);
/* Updates the position of the current entry (before saving or leaving). */
void history_update(struct history_list *h, const struct location *here);
/* Back and forward: the location to show, or NULL at either end. */
const struct location *history_back(struct history_list *h, const struct location *here);
const struct location *history_forward(struct history_list *h, const struct location *here);
/* Records a jump from here (for ''). */
void history_jumped(struct history_list *h, const struct location *here);
/* Sets mark c ('a'..'z'); returns 0 for another character. */
int history_set_mark(struct history_list *h, int c, const struct location *here);
/* Mark c, or NULL when unset. */
const struct location *history_mark(const struct history_list *h, int c);

#endif
