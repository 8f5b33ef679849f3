/* header.h: a document's metadata and header blocks from its teiHeader.
 *
 * Private to the loader. */
#ifndef WB_HEADER_H
#define WB_HEADER_H

#include <libxml/tree.h>

struct flat;

/* The document's date, ISO 8601 ("" when none): from the header where a
 * document's own date most likely is, else from the file name.  Caller
 * frees. */
char *header_date(xmlNodePtr header, const char *file);
/* The text type: text/@type, a texttype term or a catRef ("" when none).
 * Caller frees. */
char *header_type(xmlNodePtr tei, xmlNodePtr header);
/* The title block (blocks[0]): the main title with its mentions, else
 * fallback. */
void header_title(struct flat *f, xmlNodePtr header, const char *fallback);
/* The header lines after the title: Date, Type, Author, Places, the
 * participants and the Source. */
void header_blocks(struct flat *f, xmlNodePtr header);

#endif
