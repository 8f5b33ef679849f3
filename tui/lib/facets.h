/* facets.h: counts of documents by year, type and every kind of entity
 * (place, person, org, event …), and a selection of those values that
 * filters documents (TEI Publisher's facets).
 *
 * facets_new() lists every value the corpus has: each year a document's
 * date begins with, each document type, and each entity mentioned at
 * least once in a document's header or text.  The entity kinds are the
 * entity types the loaded records and mentions have (no fixed list):
 * places first, then persons, organisations, then the other types by
 * name.  Values are in kind order (years, types, then the entity kinds);
 * years ascending, types by name (folded, then by bytes), the entities of
 * a kind in the most documents first, then by name.
 *
 * facets_count() counts, for each value, the documents that have it among
 * a set of documents (all of them, or the current search results).
 *
 * A selection is a set of values.  A document is in when, for every kind
 * with a selected value, it has at least one of that kind's selected
 * values: OR within a kind, AND across kinds.  With nothing selected every
 * document is in.
 *
 * The corpus must outlive the facets; labels of types and entities are
 * borrowed from it. */
#ifndef WB_FACETS_H
#define WB_FACETS_H

#include <stddef.h>

struct corpus;

/* The two kinds every corpus has; entity kinds are numbered from
 * FACET_ENTITY on, as many as facets_nkinds() says. */
enum {
	FACET_YEAR,
	FACET_TYPE,
	FACET_ENTITY
};

struct facet_value {
	size_t kind;         /* FACET_YEAR, FACET_TYPE or an entity kind */
	const char *label;   /* "2014", "werkbezoek", "Emmen", "Aly van Beek" */
	long entity;         /* entity kinds: the entity index; else -1 */
	size_t count;        /* documents, as of the last facets_count() */
	int selected;
};

struct facets;

/* NULL only when memory runs out. */
struct facets *facets_new(const struct corpus *c);
void facets_free(struct facets *f);

size_t facets_nvalues(const struct facets *f);
const struct facet_value *facets_value(const struct facets *f, size_t i);

/* How many kinds there are (FACET_ENTITY + the entity types found). */
size_t facets_nkinds(const struct facets *f);
/* The name of a kind, capitalised for lists: "Year", "Type", "Place",
 * "Person", "Org", "Event" (an entity type with its first letter upper
 * case); "" past the end.  Owned by f. */
const char *facets_kind_name(const struct facets *f, size_t kind);

/* Counts documents per value among those with in[doc] nonzero, or among
 * all documents when in is NULL (in has corpus_ndocs entries). */
void facets_count(struct facets *f, const unsigned char *in);

/* Selecting: toggle value i, clear every selection, how many are on. */
void facets_toggle(struct facets *f, size_t i);
void facets_clear(struct facets *f);
size_t facets_nselected(const struct facets *f);

/* Whether document doc (corpus order) is in the selection. */
int facets_doc_in(const struct facets *f, size_t doc);

/* Whether document doc has value i. */
int facets_doc_has(const struct facets *f, size_t doc, size_t i);

/* A value as the session file names it: *what is "year", "type" or
 * "entity", the result the year, the type, or the entity's id (borrowed
 * from f or the corpus).  NULL past the end. */
const char *facets_key(const struct facets *f, size_t i, const char **what);
/* Selects the value facets_key names so; 0 when there is none (a corpus
 * changed since), 1 when it is now selected. */
int facets_select_key(struct facets *f, const char *what, const char *key);

#endif
