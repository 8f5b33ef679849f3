/* xinclude.h: what XInclude may add, checked before libxml2 adds it.
 *
 * Private to the loader.  libxml2 carries out a document's XIncludes in
 * one call, with no bound on what they add: an include of a 300 MB text,
 * ten includes of a fragment that includes the next ten times (10^6
 * copies), an xpointer() whose XPath is quadratic.  So each include is
 * costed first, in bytes of the files it would bring in, with every
 * nested include counted as often as it is copied, and taken out of the
 * tree (reported at its line) when
 *  - its xpointer uses a scheme other than a bare id or element(), here
 *    or in what it includes,
 *  - it, or what it includes, names something that is not a regular file
 *    below the corpus root of at most the file size cap,
 *  - it is nested deeper than opt.max_include_depth, or in a loop,
 *  - it would take the corpus's inclusion bytes over c->include_budget.
 * Each included file is read and parsed once per corpus (memoised by its
 * real path).  The loader checks each resource and the budget again as
 * it serves them. */
#ifndef WB_XINCLUDE_H
#define WB_XINCLUDE_H

#include <stddef.h>

#include <libxml/tree.h>

struct corpus;

/* Takes out of doc (c->files[file], size bytes, parsed, not included) every
 * include that may not be carried out, each reported as a warning. */
void xinclude_check(struct corpus *c, size_t file, xmlDocPtr doc, size_t size);
/* Frees the memo. */
void xinclude_free(struct corpus *c);

#endif
