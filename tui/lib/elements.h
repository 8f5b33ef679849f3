/* elements.h: what each element does in the text walk.
 *
 * Private to the loader.  flatten.c walks a text; for each element it
 * meets, element_enter dispatches on the element's role (TEI_ELEMENTS in
 * tei.h) to a handler that opens a block, a span or a mention, or writes
 * a note marker, a speaker label, a gap … and says in a frame what
 * leaving the element does; element_leave does it. */
#ifndef WB_ELEMENTS_H
#define WB_ELEMENTS_H

#include <stddef.h>

#include <libxml/tree.h>

#include "corpus.h"
#include "tei.h"

struct flat;
struct bb;

enum frame_action {
	FRAME_NONE, FRAME_BLOCK, FRAME_SPAN, FRAME_MENTION, FRAME_SPACE, FRAME_APP
};

/* One frame per open element in the text walk: what to do on leaving. */
struct frame {
	enum frame_action action;
	size_t bdepth;            /* spans: the depth of the block they are in */
	unsigned gen;             /* and its generation when they opened */
	size_t first_span;        /* FRAME_MENTION: spans added for extra refs */
	struct bb_span tmpl;         /* the span to add on leaving */
	char *type;               /* FRAME_MENTION: the entity type, owned */
	xmlNodePtr node;          /* FRAME_APP: the app */
};

/* Enters element n (not skipped) of the text f->text: fills *fr (zeroed
 * by the caller).  TEI_SKIP when n's content is not walked; then *fr
 * holds nothing to do. */
enum tei_step element_enter(struct flat *f, xmlNodePtr n, struct frame *fr);
/* Leaves an element entered with TEI_DESCEND; frees what *fr owns. */
void element_leave(struct flat *f, struct frame *fr);

#endif
