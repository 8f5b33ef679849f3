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
/* Before any document is read: the notes with an xml:id in the standOff
 * of a TEI without a text (or of no TEI), which the documents that point
 * at them (ptr or ref, "#id" or "file.xml#id") show as their own. */
void documents_index_orphan_notes(struct corpus *c);
/* Frees what documents_index_orphan_notes made. */
void documents_free_orphan_notes(struct corpus *c);

#endif
