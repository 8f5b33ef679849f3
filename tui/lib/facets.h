/* facets.h: counts of documents by year, type and place, and a selection
 * of those values that filters documents (TEI Publisher's facets).
 *
 * facets_new() lists every value the corpus has: each year a document's
 * date begins with, each document type, and each place entity (class
 * ENTITY_PLACE) mentioned in a document's header or text.  Values are in
 * kind order (years, then types, then places); years ascending, types and
 * places by name (folded, then by bytes).
 *
 * facets_count() counts, for each value, the documents that have it among
 * a set of documents (all of them, or the current search results).
 *
 * A selection is a set of values.  A document is in when, for every kind
 * with a selected value, it has at least one of that kind's selected
 * values: OR within a kind, AND across kinds.  With nothing selected every
 * document is in.
 *
 * The corpus must outlive the facets; labels of types and places are
 * borrowed from it. */
#ifndef WB_FACETS_H
#define WB_FACETS_H

#include <stddef.h>

struct corpus;

enum facet_kind {
	FACET_YEAR,
	FACET_TYPE,
	FACET_PLACE,
	FACET_KIND_COUNT
};

struct facet_value {
	enum facet_kind kind;
	const char *label;   /* "2014", "werkbezoek", "Emmen" */
	long entity;         /* FACET_PLACE: the entity index; else -1 */
	size_t count;        /* documents, as of the last facets_count() */
	int selected;
};

struct facets;

/* NULL only when memory runs out. */
struct facets *facets_new(const struct corpus *c);
void facets_free(struct facets *f);

size_t facets_nvalues(const struct facets *f);
const struct facet_value *facets_value(const struct facets *f, size_t i);
/* The name of a kind, capitalised for lists: "Year", "Type", "Place". */
const char *facet_kind_name(enum facet_kind kind);

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

#endif
