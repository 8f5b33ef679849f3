/* pane_results.h: the Results pane (pane_results.c). */
#ifndef WB_PANE_RESULTS_H
#define WB_PANE_RESULTS_H

#include "pane_context.h"
#include "view.h"

extern const struct view_ops results_ops;

/* The pane's own state for view_init; ctx is borrowed for the pane's
 * life.  view_free frees it. */
void *results_new(const struct pane_context *ctx);
/* The hits changed: back to the first. */
void results_reset(struct view *v);
/* The line that shows hit i (of the search's hits) in the pane's order. */
size_t results_line_of_hit(struct view *v, size_t i);

#endif
