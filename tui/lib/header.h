/* header.h: a document's metadata and header blocks from its teiHeader.
 *
 * Private to the loader. */
#ifndef WB_HEADER_H
#define WB_HEADER_H

#include <libxml/tree.h>

struct flat;

/* The document's own date, ISO 8601 ("" when none; the earliest a range
 * or bounds allow), and in *shown how the header line shows it ("1890-01-31
 * to 1890-02-02", "not before 1890", " (approximate)" after a guess).
 * Looked for, in this order: the sent correspAction, creation, setting,
 * standOff's event of type "written", a bibl or biblStruct of the source,
 * standOff's "print" and "premiere" events, publicationStmt, the rest of
 * sourceDesc and profileDesc; else the file name.  Caller frees both. */
char *header_date(xmlNodePtr header, const char *file, char **shown);
/* The text type: text/@type, a texttype term or a catRef ("" when none).
 * Caller frees. */
char *header_type(xmlNodePtr tei, xmlNodePtr header);
/* The title block (blocks[0]): the titleStmt title that names this
 * document (type "main", then level "a", then one without type or level,
 * level "m", any other; a series or journal title, level "s" or "j", only
 * when nothing else is there), with its mentions; else fallback. */
void header_title(struct flat *f, xmlNodePtr header, const char *fallback);
/* The header lines after the title: Date, Type, a letter's From and To
 * (correspDesc; "Sender \u2192 Addressee" goes to f->d->tell_apart),
 * Author, Places, the participants and the Source. */
void header_blocks(struct flat *f, xmlNodePtr header);

#endif
