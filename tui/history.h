/* history.h: where the reader has been: locations, the back/forward list,
 * the last jump ('') and the marks (m x, ' x).
 *
 * A location is a page and a position on it.  Documents are named by id,
 * not by index, so a location outlives a corpus that changed (a saved
 * session names documents that may be gone).  No curses here. */
#ifndef WB_HISTORY_H
#define WB_HISTORY_H

#include <stddef.h>

enum location_kind { LOC_NONE, LOC_DOC, LOC_ENTITY, LOC_HELP, LOC_HISTORY };

struct location {
	enum location_kind kind;
	char *id;               /* LOC_DOC: document id; LOC_ENTITY: entity id */
	size_t block, off;      /* the position: block index, byte offset */
};

/* Copies src into dst (dst's old id is freed). */
void location_copy(struct location *dst, const struct location *src);
void location_clear(struct location *l);
/* Same page (the position aside). */
int location_same_page(const struct location *a, const struct location *b);

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
 * its position): forward history is dropped. */
void history_visit(struct history_list *h, const struct location *here,
		   const struct location *to);
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
