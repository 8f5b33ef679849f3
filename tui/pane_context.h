/* pane_context.h: what a pane may read of the rest of the program.
 *
 * The loop makes one context and hands every pane a pointer to it when it
 * makes the pane.  Everything here is read-only to the panes: the corpus,
 * the search (pattern, hits, the current hit), and the page history (for
 * the reader's history page).  A pane that wants any of it changed says
 * so with an action (action.h); the loop owns and changes the state. */
#ifndef WB_PANE_CONTEXT_H
#define WB_PANE_CONTEXT_H

#include <stddef.h>

#include "search.h"

struct corpus;
struct history_list;

#define NO_HIT ((size_t)-1)

/* The search as the panes see it; the loop's search (ui_search.h) owns it. */
struct search_state {
	const char *pattern_text;   /* what was typed; NULL: no search */
	struct search_result hits;  /* in corpus order */
	size_t current_hit;         /* the hit n/N went to last, or NO_HIT */
	enum search_status status;
	int searching;              /* the search goes on between keys:
				     * the counts are partial so far */
	int hidden;                 /* Esc: no highlighting and no results
				     * pane, but n and N still go on (and show
				     * it again), as less's ESC-u */
};

struct pane_context {
	const struct corpus *corpus;
	const struct search_state *search;
	const struct history_list *history;
};

#endif
