/* pane_documents.h: the Documents pane (pane_documents.c). */
#ifndef WB_PANE_DOCUMENTS_H
#define WB_PANE_DOCUMENTS_H

#include "pane_context.h"
#include "view.h"

extern const struct view_ops documents_ops;

/* The pane's own state for view_init; ctx is borrowed for the pane's
 * life.  view_free frees it. */
void *documents_new(const struct pane_context *ctx);

/* Calls fn with each selected facet value, named as facets_key names it
 * (for the session file). */
void documents_facets_each(struct view *v,
			   void (*fn)(void *arg, const char *what, const char *key),
			   void *arg);
/* Selects the facet value facets_key names so and filters the list by
 * it; 0 when the corpus has no such value (any more). */
int documents_select_facet(struct view *v, const char *what, const char *key);

#endif
