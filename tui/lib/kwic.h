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

enum search_order {
	SEARCH_ORDER_DOC,       /* corpus order: document, block, offset */
	SEARCH_ORDER_LEFT,      /* by the words before the match, nearest
				 * first, as a concordance sorts */
	SEARCH_ORDER_RIGHT      /* by the words after the match */
};

/* Corpus order of two hits (document, block, start, end), for qsort. */
int search_hit_cmp(const void *a, const void *b);

/* Sorts hits[0..n) of corpus c.  Context words compare folded (fold.h,
 * FOLD_CASE: no accents, no case), as names sort; ties go by the matched
 * text, then corpus order. */
void search_sort(const struct corpus *c, struct search_hit *hits, size_t n,
		 enum search_order order);

/* The hit's place in the batch interface (--search): *line is the block
 * index + 1, its line in the --show --width=0 rendering; *column the
 * number of code points before the hit in the block, + 1. */
void search_hit_position(const struct corpus *c, const struct search_hit *h,
			 size_t *line, size_t *column);

#endif
