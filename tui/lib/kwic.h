/* kwic.h: the concordance of a search: keyword in context for the results
 * pane, hits sorted by their context, a hit's line and column for the
 * batch interface.
 *
 * These read a hit's block of corpus text and nothing else; they work on
 * hits from search_run() (search.h) or made by hand, so long as the hit
 * lies inside its block on character boundaries. */
#ifndef WB_KWIC_H
#define WB_KWIC_H

#include <stddef.h>
#include <stdint.h>

struct corpus;
struct search_hit;

/* Keyword in context, for the results pane: the text of the hit's block
 * before, in and after the match, sanitised (text_sanitize) and cut to
 * display columns.  left is cut from the left with a leading "…", right
 * at the right with a trailing "…", match at the right with "…" if it is
 * wider than its width; a character is never split.  *_cols say how
 * many columns each string takes (at most its width).  The strings are
 * owned by the struct: search_kwic_free(). */
struct search_kwic {
	char *left, *match, *right;
	size_t left_cols, match_cols, right_cols;
};

void search_kwic(const struct corpus *c, const struct search_hit *h,
		 size_t left_width, size_t match_width, size_t right_width,
		 struct search_kwic *out);
void search_kwic_free(struct search_kwic *k);

/* The orders of a concordance (AntConc's sort): corpus order, by the
 * matched text, or by the Nth word left or right of the match. */
enum search_order {
	SEARCH_ORDER_DOC,       /* corpus order: document, block, offset */
	SEARCH_ORDER_MATCH,     /* by the matched text */
	SEARCH_ORDER_LEFT1,     /* by the 1st, 2nd, 3rd word before the match */
	SEARCH_ORDER_LEFT2,
	SEARCH_ORDER_LEFT3,
	SEARCH_ORDER_RIGHT1,    /* by the 1st, 2nd, 3rd word after it */
	SEARCH_ORDER_RIGHT2,
	SEARCH_ORDER_RIGHT3,
	SEARCH_ORDERS           /* how many */
};

/* "doc", "match", "left1" … "right3": the --sort names. */
const char *search_order_name(enum search_order order);
/* The order named name to *order; 0 for no such name. */
int search_order_parse(const char *name, enum search_order *order);

/* Whether code point cp belongs to a word: letters, digits and marks;
 * ASCII punctuation, Latin-1 symbols and general punctuation separate
 * words (also collocates.h's words). */
int search_is_word_cp(uint32_t cp);

/* Corpus order of two hits (document, block, start, end), for qsort. */
int search_hit_cmp(const void *a, const void *b);

/* Sorts idx[0..n), indexes into hits, by order.  Words are runs of
 * letters, digits and marks; they compare folded (fold.h, FOLD_CASE: no
 * accents, no case) as bytes.  LEFTn and RIGHTn: the Nth word from the
 * match (a missing word first), then the words on that side nearest
 * first (up to 8), then the folded match; MATCH: the folded match.
 * Ties keep the order of idx (stable); DOC sorts by corpus order.  The
 * keys are made once: O(n log n). */
void search_sort_index(const struct corpus *c, const struct search_hit *hits,
		       size_t *idx, size_t n, enum search_order order);
/* Sorts hits[0..n) themselves the same way. */
void search_sort(const struct corpus *c, struct search_hit *hits, size_t n,
		 enum search_order order);

/* A group of hits with the same matched text, byte for byte (CQP's
 * count): first is the index of its first hit, count how many. */
struct search_group {
	size_t first, count;
};

/* Groups hits[0..n) by matched text, most frequent first, ties by the
 * folded text, then the text as bytes.  *ngroups gets their number, and
 * group_of[i] (n entries; NULL: not wanted) the group of hit i.  Returns
 * the groups, NULL when n is 0; caller frees. */
struct search_group *search_count(const struct corpus *c, const struct search_hit *hits,
				  size_t n, size_t *ngroups, size_t *group_of);

/* The hit's place in the batch interface (--search): *line is the block
 * index + 1, its line in the --show --width=0 rendering; *column the
 * number of code points before the hit in the block, + 1. */
void search_hit_position(const struct corpus *c, const struct search_hit *h,
			 size_t *line, size_t *column);

#endif
