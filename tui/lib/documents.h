/* documents.h: pass 2 of the load, one document per TEI element.
 *
 * Private to the loader. */
#ifndef WB_DOCUMENTS_H
#define WB_DOCUMENTS_H

#include <stddef.h>

struct corpus;

/* Every TEI element with a text in a parsed file becomes a document of
 * c, in load order (teiCorpus may nest). */
void documents_collect(struct corpus *c, size_t file);

#endif
