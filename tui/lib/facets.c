/* facets.c: document counts by year, type and place, and the selection
 * that filters documents by them (facets.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "entity.h"
#include "facets.h"

struct facets {
	const struct corpus *corpus;
	const struct entity_index *ix;
	struct facet_value *values;
	char **keys;            /* sort key of each value (folded label) */
	size_t nvalues, cap;
	long *doc_year, *doc_type;  /* per document: its value, or -1 */
	size_t ndocs;
};

static const char *const kind_names[FACET_KIND_COUNT] = {
	[FACET_YEAR] = "Year",
	[FACET_TYPE] = "Type",
	[FACET_PLACE] = "Place",
};

const char *facet_kind_name(enum facet_kind kind)
{
	return kind < FACET_KIND_COUNT ? kind_names[kind] : "";
}

/* The year a date begins with ("2014" of "2014-11-05"), copied into
 * out[5]; 0 when the date does not begin with four digits. */
static int date_year(const char *date, char out[5])
{
	for (int i = 0; i < 4; i++)
		if (date[i] < '0' || date[i] > '9')
			return 0;
	if (date[4] != '\0' && date[4] != '-')
		return 0;
	memcpy(out, date, 4);
	out[4] = '\0';
	return 1;
}

/* The value of this kind and label, added when new; -1 without memory.
 * Year labels are copied (they are keys too); others are borrowed. */
static long value_find_add(struct facets *f, enum facet_kind kind,
			   const char *label, long entity)
{
	/* Places come once each (entity by entity): no search for them. */
	for (size_t i = 0; kind != FACET_PLACE && i < f->nvalues; i++)
		if (f->values[i].kind == kind &&
		    strcmp(f->values[i].label, label) == 0)
			return (long)i;
	if (f->nvalues == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 16;
		struct facet_value *v = realloc(f->values, cap * sizeof *v);
		if (!v)
			return -1;
		f->values = v;
		char **k = realloc(f->keys, cap * sizeof *k);
		if (!k)
			return -1;
		f->keys = k;
		f->cap = cap;
	}
	char *key = kind == FACET_YEAR ? strdup(label) : entity_normalise(label);
	if (!key)
		return -1;
	f->keys[f->nvalues] = key;
	f->values[f->nvalues] = (struct facet_value){
		.kind = kind, .label = kind == FACET_YEAR ? key : label,
		.entity = entity,
	};
	return (long)f->nvalues++;
}

/* Years and types, found document by document, in f->doc_year/doc_type. */
static int collect_docs(struct facets *f)
{
	for (size_t d = 0; d < f->ndocs; d++) {
		const struct doc *doc = corpus_doc(f->corpus, d);
		char year[5];
		f->doc_year[d] = f->doc_type[d] = -1;
		if (date_year(doc->date, year) &&
		    (f->doc_year[d] = value_find_add(f, FACET_YEAR, year, -1)) < 0)
			return -1;
		if (doc->type[0] &&
		    (f->doc_type[d] = value_find_add(f, FACET_TYPE, doc->type,
						     -1)) < 0)
			return -1;
	}
	return 0;
}

/* Every place entity mentioned at least once. */
static int collect_places(struct facets *f)
{
	size_t n = entity_count(f->ix);
	for (size_t e = 0; e < n; e++) {
		const struct entity *ent = entity_get(f->ix, (long)e);
		if (ent->cls == ENTITY_PLACE && ent->nmentions > 0 &&
		    value_find_add(f, FACET_PLACE, ent->name, (long)e) < 0)
			return -1;
	}
	return 0;
}

/* Sorting values and keys together through an index permutation. */
static const struct facets *sort_facets;

static int value_cmp(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct facet_value *x = &sort_facets->values[i],
				 *y = &sort_facets->values[j];
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	int r = strcmp(sort_facets->keys[i], sort_facets->keys[j]);
	if (!r)
		r = strcmp(x->label, y->label);
	return r ? r : (i < j ? -1 : i > j);
}

static int sort_values(struct facets *f)
{
	size_t n = f->nvalues;
	if (n == 0)
		return 0;
	size_t *perm = malloc(n * sizeof *perm);
	long *where = malloc(n * sizeof *where);
	struct facet_value *v = malloc(n * sizeof *v);
	char **k = malloc(n * sizeof *k);
	if (!perm || !where || !v || !k) {
		free(perm), free(where), free(v), free(k);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	sort_facets = f;
	qsort(perm, n, sizeof *perm, value_cmp);
	for (size_t i = 0; i < n; i++) {
		v[i] = f->values[perm[i]];
		k[i] = f->keys[perm[i]];
		where[perm[i]] = (long)i;
	}
	for (size_t d = 0; d < f->ndocs; d++) {
		if (f->doc_year[d] >= 0)
			f->doc_year[d] = where[f->doc_year[d]];
		if (f->doc_type[d] >= 0)
			f->doc_type[d] = where[f->doc_type[d]];
	}
	free(f->values), free(f->keys), free(perm), free(where);
	f->values = v, f->keys = k, f->cap = n;
	return 0;
}

struct facets *facets_new(const struct corpus *c)
{
	struct facets *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->corpus = c;
	f->ix = corpus_entities(c);
	f->ndocs = corpus_ndocs(c);
	f->doc_year = malloc((f->ndocs + 1) * sizeof *f->doc_year);
	f->doc_type = malloc((f->ndocs + 1) * sizeof *f->doc_type);
	if (!f->doc_year || !f->doc_type || collect_docs(f) < 0 ||
	    collect_places(f) < 0 || sort_values(f) < 0) {
		facets_free(f);
		return NULL;
	}
	facets_count(f, NULL);
	return f;
}

void facets_free(struct facets *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nvalues; i++)
		free(f->keys[i]);
	free(f->keys);
	free(f->values);
	free(f->doc_year);
	free(f->doc_type);
	free(f);
}

size_t facets_nvalues(const struct facets *f)
{
	return f->nvalues;
}

const struct facet_value *facets_value(const struct facets *f, size_t i)
{
	return i < f->nvalues ? &f->values[i] : NULL;
}

/* Whether place entity e is mentioned in document doc: its mentions are
 * in corpus order, so a binary search on the document. */
static int place_in_doc(const struct facets *f, long e, size_t doc)
{
	const struct entity *ent = entity_get(f->ix, e);
	size_t lo = 0, hi = ent->nmentions;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ent->mentions[mid].doc < doc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ent->nmentions && ent->mentions[lo].doc == doc;
}

int facets_doc_has(const struct facets *f, size_t doc, size_t i)
{
	if (i >= f->nvalues || doc >= f->ndocs)
		return 0;
	switch (f->values[i].kind) {
	case FACET_YEAR:
		return f->doc_year[doc] == (long)i;
	case FACET_TYPE:
		return f->doc_type[doc] == (long)i;
	default:
		return place_in_doc(f, f->values[i].entity, doc);
	}
}

/* Documents of the set having a place: its mentions, one per document. */
static size_t count_place(const struct facets *f, long e,
			  const unsigned char *in)
{
	const struct entity *ent = entity_get(f->ix, e);
	size_t n = 0;
	for (size_t m = 0; m < ent->nmentions; m++) {
		size_t d = ent->mentions[m].doc;
		if (m > 0 && ent->mentions[m - 1].doc == d)
			continue;
		if (d < f->ndocs && (!in || in[d]))
			n++;
	}
	return n;
}

void facets_count(struct facets *f, const unsigned char *in)
{
	for (size_t i = 0; i < f->nvalues; i++)
		f->values[i].count = f->values[i].kind == FACET_PLACE
			? count_place(f, f->values[i].entity, in) : 0;
	for (size_t d = 0; d < f->ndocs; d++) {
		if (in && !in[d])
			continue;
		if (f->doc_year[d] >= 0)
			f->values[f->doc_year[d]].count++;
		if (f->doc_type[d] >= 0)
			f->values[f->doc_type[d]].count++;
	}
}

void facets_toggle(struct facets *f, size_t i)
{
	if (i < f->nvalues)
		f->values[i].selected = !f->values[i].selected;
}

void facets_clear(struct facets *f)
{
	for (size_t i = 0; i < f->nvalues; i++)
		f->values[i].selected = 0;
}

size_t facets_nselected(const struct facets *f)
{
	size_t n = 0;
	for (size_t i = 0; i < f->nvalues; i++)
		n += f->values[i].selected != 0;
	return n;
}

int facets_doc_in(const struct facets *f, size_t doc)
{
	int want[FACET_KIND_COUNT] = {0}, have[FACET_KIND_COUNT] = {0};
	for (size_t i = 0; i < f->nvalues; i++) {
		if (!f->values[i].selected)
			continue;
		enum facet_kind k = f->values[i].kind;
		want[k] = 1;
		if (!have[k] && facets_doc_has(f, doc, i))
			have[k] = 1;
	}
	for (int k = 0; k < FACET_KIND_COUNT; k++)
		if (want[k] && !have[k])
			return 0;
	return 1;
}
