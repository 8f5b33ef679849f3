/* entity.h: the entity index: records, names, relations and mentions.
 *
 * The corpus fills it while loading (entity_add, entity_add_name, …) and
 * then calls entity_index_finish(), after which it is read-only.  An
 * entity is a person, organisation, place or any other TEI type; it comes
 * from an authority record, or only from mentions (grouped by type and
 * normalised name, id "type:name"), or from an external URI.  Entities
 * are addressed by index (long), stable after finish.
 *
 * Strings are copied in; everything is owned by the index. */
#ifndef WB_ENTITY_H
#define WB_ENTITY_H

#include <stddef.h>
#include <stdint.h>

enum entity_class {
	ENTITY_PERSON,
	ENTITY_ORG,
	ENTITY_PLACE,
	ENTITY_OTHER
};

enum relation_dir {
	REL_ACTIVE,   /* this entity is the active party: X memberOf other */
	REL_PASSIVE,  /* this entity is the passive party: other memberOf X */
	REL_MUTUAL
};

struct relation {
	long other;
	const char *name;      /* "affiliation", "memberOf", "partOf" … */
	const char *role;      /* "directeur" …, or NULL */
	enum relation_dir dir;
};

/* 16 bytes: an entity index holds one for every name in the corpus.  A
 * block's text is at most BLOCK_LEN_MAX bytes (corpus.h), and there are
 * fewer documents, and blocks in one, than that. */
struct mention {
	uint32_t doc, block;   /* document index in corpus order, block index */
	uint32_t start, len;   /* bytes into the block text */
};

struct entity {
	const char *id;
	const char *type;      /* "person", "org", "place", "event" … */
	enum entity_class cls;
	const char *name;      /* preferred name (never NULL, may be the id) */
	const char **variants; /* other names, without the preferred one */
	size_t nvariants;
	const char *desc;      /* role, occupation, description, or NULL */
	const char *const *notes;  /* the record's note elements, in order */
	size_t nnotes;
	const char *source;    /* "file:line" of the record, or NULL */
	const struct relation *relations;
	size_t nrelations;
	const struct mention *mentions;  /* in corpus order */
	size_t nmentions;
	size_t ndocs;          /* distinct documents mentioning it */
};

struct entity_index;

struct entity_index *entity_index_new(void);
void entity_index_free(struct entity_index *ix);

/* Building.  entity_add returns the index of a new entity. */
long entity_add(struct entity_index *ix, const char *id, const char *type);
void entity_set_source(struct entity_index *ix, long e, const char *source);
/* The first name added is the preferred one; duplicates are ignored. */
void entity_add_name(struct entity_index *ix, long e, const char *name);
/* Whether e has a name, or any name at all when name is NULL; compares
 * normalised names.  Works while building. */
int entity_has_name(const struct entity_index *ix, long e, const char *name);
/* Appends a part to the description ("; " between parts). */
void entity_add_desc(struct entity_index *ix, long e, const char *desc);
/* Adds a note of the record (a paragraph of its own on the page);
 * an empty one or one it already has is ignored. */
void entity_add_note(struct entity_index *ix, long e, const char *note);
/* Records the relation on both entities. */
void entity_add_relation(struct entity_index *ix, long active, long passive,
			 const char *name, const char *role, int mutual);
/* A mention of e: doc, block, start and start + len are below 2^32 (see
 * struct mention). */
void entity_add_mention(struct entity_index *ix, long e, size_t doc,
			size_t block, size_t start, size_t len);
/* Room for n more mentions of e: with an exact count beforehand, the
 * arrays do not grow by doubling. */
void entity_reserve_mentions(struct entity_index *ix, long e, size_t n);
/* Sorts mentions into corpus order (they usually come sorted), counts
 * documents, and publishes every entity's arrays. */
void entity_index_finish(struct entity_index *ix);

/* Reading. */
size_t entity_count(const struct entity_index *ix);
const struct entity *entity_get(const struct entity_index *ix, long e);
/* The entity with this id, or -1.  Works while building too. */
long entity_find(const struct entity_index *ix, const char *id);
enum entity_class entity_class_of(const char *type);
/* The type letter shown in lists: P, O, L (place), or E (other). */
char entity_class_letter(enum entity_class cls);

/* Entities mentioned in the same documents as e, most shared documents
 * first, then by name as entity_sort orders names.  *others and *counts
 * are malloc'ed (caller frees); returns n. */
size_t entity_cooccurring(const struct entity_index *ix, long e,
			  long **others, size_t **counts);

/* Normalises a name for grouping and comparing: spaces collapsed, then
 * folded as fold.h does with FOLD_CASE (no accents, lower case), so
 * "Ștefan" and "stefan" are one name.  Caller frees. */
char *entity_normalise(const char *name);

/* The one order of entities in lists (--entities, the Entities pane):
 * entities with a record first, then those without one (names grouped
 * by type and spelling, external identifiers), each part in this order. */
enum entity_order {
	ENTITY_BY_NAME,         /* by preferred name, folded as
				 * entity_normalise does; ties by index */
	ENTITY_BY_MENTIONS      /* most mentions first, then by name */
};

/* Sorts the entity indexes ids[0..n) of ix in that order. */
void entity_sort(const struct entity_index *ix, long *ids, size_t n,
		 enum entity_order order);

#endif
