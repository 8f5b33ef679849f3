/* pane_entities.h: the Entities pane (pane_entities.c). */
#ifndef WB_PANE_ENTITIES_H
#define WB_PANE_ENTITIES_H

#include "pane_context.h"
#include "view.h"

extern const struct view_ops entities_ops;

/* The pane's own state for view_init; ctx is borrowed for the pane's
 * life.  view_free frees it. */
void *entities_new(const struct pane_context *ctx);

#endif
