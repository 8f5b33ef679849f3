/* records.h: pass 1 of the load, the authority records.
 *
 * Private to the loader.  Every file is walked for records (person, org,
 * place …), prefix definitions and relations before any text is
 * flattened, so that every mention can be resolved as it is met. */
#ifndef WB_RECORDS_H
#define WB_RECORDS_H

#include <stddef.h>

struct corpus;

/* Reads the records, prefixDefs and relations of one parsed file into the
 * entity index; relations wait for records_resolve_relations. */
void records_collect(struct corpus *c, size_t file);
/* Adds every xml:id of one parsed file to c->all_ids (value: the file),
 * so that a reference to an element that is not a record (a note, an
 * anchor, a div) is known to exist.  Reads libxml2's table of the
 * document's ids, so it runs before that is freed; walk: XInclude
 * changed the tree, so walk it instead.  The file's doc and root are
 * set. */
void records_index_ids(struct corpus *c, size_t file, int walk);
/* Resolves the relations collected, once every record is known. */
void records_resolve_relations(struct corpus *c);

#endif
