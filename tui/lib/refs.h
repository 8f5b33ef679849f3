/* refs.h: resolving TEI references to entities.
 *
 * Private to the loader.  A reference is "#id", "file.xml#id",
 * "prefix:id" through a prefixDef, a bare "id", or an absolute URI (an
 * external identifier, never fetched).  Ids are looked up in the entity
 * index's id table (idtab.h) and among the records kept apart per file. */
#ifndef WB_REFS_H
#define WB_REFS_H

#include <stddef.h>

struct corpus;

enum ref_result { REF_OK, REF_EXTERNAL, REF_JUNK, REF_DANGLING };

/* The entity with this id as file sees it (its own records first), or -1. */
long refs_find_id(const struct corpus *c, size_t file, const char *id);
/* Resolves one reference token; *out is the entity for REF_OK, else -1.
 * depth stops prefix loops: pass 0. */
enum ref_result refs_resolve_token(struct corpus *c, size_t file, const char *tok,
				   long *out, int depth);
/* Whether tok ("#id", "file.xml#id", "id") names an element of the
 * corpus that is not a record: a note, an anchor, a div, a document. */
int refs_names_element(const struct corpus *c, const char *tok);
/* Resolves a space-separated list of references made on line of file:
 * fn gets each entity found, -1 with an external URI, -2 with a dangling
 * reference (after its diagnostic, unless the id names an element that is
 * not a record: refs_names_element); a malformed one is only reported. */
void refs_resolve(struct corpus *c, size_t file, long line, const char *refs,
		  void (*fn)(void *ctx, long e, const char *tok), void *ctx);

#endif
