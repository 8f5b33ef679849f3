/* facets.c: document counts by year, type and every entity kind, and the
 * selection that filters documents by them (facets.h). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "entity.h"
#include "facets.h"

struct facet_kind_rec {
	char *name;             /* "Year", "Person" …; owned */
	const char *type;       /* the entity type, borrowed; NULL for the first two */
};

struct facets {
	const struct corpus *corpus;
	const struct entity_index *ix;
	struct facet_value *values;
	char **keys;            /* sort key of each value (folded label) */
	size_t nvalues, cap;
	struct facet_kind_rec *kinds;
	size_t nkinds;
	long *doc_year, *doc_type;  /* per document: its value, or -1 */
	size_t ndocs;
	size_t *sel;            /* the selected values, ascending */
	size_t nsel;
};

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
 * Year labels are copied (they are keys too); others are borrowed.
 * Entities come once each: no search for them. */
static long value_find_add(struct facets *f, size_t kind, const char *label,
			   long entity)
{
	for (size_t i = 0; entity < 0 && i < f->nvalues; i++)
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

/* The kind of entity type, added when new ("Person" of "person");
 * -1 without memory. */
static long kind_find_add(struct facets *f, const char *type)
{
	for (size_t k = FACET_ENTITY; k < f->nkinds; k++)
		if (strcmp(f->kinds[k].type, type) == 0)
			return (long)k;
	struct facet_kind_rec *r = realloc(f->kinds, (f->nkinds + 1) * sizeof *r);
	if (!r)
		return -1;
	f->kinds = r;
	char *name = strdup(type);
	if (!name)
		return -1;
	name[0] = (char)toupper((unsigned char)name[0]);
	f->kinds[f->nkinds] = (struct facet_kind_rec){ name, type };
	return (long)f->nkinds++;
}

/* The order of entity kinds: places, persons, organisations, others. */
static int class_rank(const char *type)
{
	static const int rank[] = {
		[ENTITY_PLACE] = 0, [ENTITY_PERSON] = 1, [ENTITY_ORG] = 2,
		[ENTITY_OTHER] = 3,
	};
	return rank[entity_class_of(type)];
}

static int kind_cmp(const void *a, const void *b)
{
	const struct facet_kind_rec *x = a, *y = b;
	int rx = class_rank(x->type), ry = class_rank(y->type);
	return rx != ry ? (rx < ry ? -1 : 1) : strcmp(x->type, y->type);
}

/* The entity kinds, sorted, then every entity mentioned at least once. */
static int collect_entities(struct facets *f)
{
	size_t n = entity_count(f->ix);
	for (size_t e = 0; e < n; e++) {
		const struct entity *ent = entity_get(f->ix, (long)e);
		if (ent->nmentions > 0 && kind_find_add(f, ent->type) < 0)
			return -1;
	}
	qsort(f->kinds + FACET_ENTITY, f->nkinds - FACET_ENTITY,
	      sizeof *f->kinds, kind_cmp);
	for (size_t e = 0; e < n; e++) {
		const struct entity *ent = entity_get(f->ix, (long)e);
		if (ent->nmentions > 0 &&
		    value_find_add(f, (size_t)kind_find_add(f, ent->type),
				   ent->name, (long)e) < 0)
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
	if (x->entity >= 0) {
		size_t dx = entity_get(sort_facets->ix, x->entity)->ndocs,
		       dy = entity_get(sort_facets->ix, y->entity)->ndocs;
		if (dx != dy)
			return dx > dy ? -1 : 1;
	}
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

/* Year and Type, the kinds every corpus has. */
static int add_fixed_kinds(struct facets *f)
{
	static const char *const names[FACET_ENTITY] = { "Year", "Type" };
	f->kinds = calloc(FACET_ENTITY, sizeof *f->kinds);
	if (!f->kinds)
		return -1;
	for (size_t k = 0; k < FACET_ENTITY; k++)
		if ((f->kinds[f->nkinds++].name = strdup(names[k])) == NULL)
			return -1;
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
	if (!f->doc_year || !f->doc_type || add_fixed_kinds(f) < 0 ||
	    collect_docs(f) < 0 || collect_entities(f) < 0 ||
	    sort_values(f) < 0 ||
	    !(f->sel = malloc((f->nvalues + 1) * sizeof *f->sel))) {
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
	for (size_t k = 0; k < f->nkinds; k++)
		free(f->kinds[k].name);
	free(f->kinds);
	free(f->keys);
	free(f->values);
	free(f->doc_year);
	free(f->doc_type);
	free(f->sel);
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

size_t facets_nkinds(const struct facets *f)
{
	return f->nkinds;
}

const char *facets_kind_name(const struct facets *f, size_t kind)
{
	return kind < f->nkinds ? f->kinds[kind].name : "";
}

/* Whether entity e is mentioned in document doc: its mentions are in
 * corpus order, so a binary search on the document. */
static int entity_in_doc(const struct facets *f, long e, size_t doc)
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
		return entity_in_doc(f, f->values[i].entity, doc);
	}
}

/* Documents of the set mentioning an entity: its mentions, one per
 * document. */
static size_t count_entity(const struct facets *f, long e,
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
		f->values[i].count = f->values[i].entity >= 0
			? count_entity(f, f->values[i].entity, in) : 0;
	for (size_t d = 0; d < f->ndocs; d++) {
		if (in && !in[d])
			continue;
		if (f->doc_year[d] >= 0)
			f->values[f->doc_year[d]].count++;
		if (f->doc_type[d] >= 0)
			f->values[f->doc_type[d]].count++;
	}
}

/* The list of selected values again, after a change. */
static void list_selected(struct facets *f)
{
	f->nsel = 0;
	for (size_t i = 0; i < f->nvalues; i++)
		if (f->values[i].selected)
			f->sel[f->nsel++] = i;
}

void facets_toggle(struct facets *f, size_t i)
{
	if (i < f->nvalues) {
		f->values[i].selected = !f->values[i].selected;
		list_selected(f);
	}
}

void facets_clear(struct facets *f)
{
	for (size_t i = 0; i < f->nvalues; i++)
		f->values[i].selected = 0;
	f->nsel = 0;
}

size_t facets_nselected(const struct facets *f)
{
	return f->nsel;
}

/* Selected values are in kind order: each run of one kind must have a
 * value the document has. */
int facets_doc_in(const struct facets *f, size_t doc)
{
	size_t i = 0;
	while (i < f->nsel) {
		size_t kind = f->values[f->sel[i]].kind;
		int have = 0;
		for (; i < f->nsel && f->values[f->sel[i]].kind == kind; i++)
			have = have || facets_doc_has(f, doc, f->sel[i]);
		if (!have)
			return 0;
	}
	return 1;
}

const char *facets_key(const struct facets *f, size_t i, const char **what)
{
	if (i >= f->nvalues)
		return NULL;
	const struct facet_value *v = &f->values[i];
	*what = v->kind == FACET_YEAR ? "year"
		: v->kind == FACET_TYPE ? "type" : "entity";
	return v->entity >= 0 ? entity_get(f->ix, v->entity)->id : v->label;
}

int facets_select_key(struct facets *f, const char *what, const char *key)
{
	for (size_t i = 0; i < f->nvalues; i++) {
		const char *w, *k = facets_key(f, i, &w);
		if (strcmp(w, what) == 0 && strcmp(k, key) == 0) {
			f->values[i].selected = 1;
			list_selected(f);
			return 1;
		}
	}
	return 0;
}
