/* pathpage.h: the page of the chains between two entities (:path), made
 * like page.h's entity pages: a list of blocks whose names are mention
 * spans (links to the entities' pages) and whose shared paragraphs are
 * links into the text; and the evidence of a step as --path prints it. */
#ifndef WB_PATHPAGE_H
#define WB_PATHPAGE_H

#include <stddef.h>

#include "page.h"
#include "path.h"

struct buf;
struct corpus;

/* The page of up to k chains from entity from to entity to in g (a
 * graph of c).  Caller frees with page_free. */
struct page *pathpage_new(const struct corpus *c, const struct path_graph *g, long from,
			  long to, size_t k);

/* Appends the evidence of step s to out: a relation as "name (role)",
 * a co-mention as "in one paragraph: DATE TITLE, line N (and M more)". */
void pathpage_evidence(const struct corpus *c, const struct path_step *s, struct buf *out);

#endif
