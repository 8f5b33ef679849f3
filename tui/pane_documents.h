/* pane_documents.h: the Documents pane (pane_documents.c). */
#ifndef WB_PANE_DOCUMENTS_H
#define WB_PANE_DOCUMENTS_H

#include "pane_context.h"
#include "view.h"

extern const struct view_ops documents_ops;

/* The pane's own state for view_init; ctx is borrowed for the pane's
 * life.  view_free frees it. */
void *documents_new(const struct pane_context *ctx);

#endif
