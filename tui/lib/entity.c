/* entity.c: the entity index.
 *
 * Entities live in one array; each keeps its names, relations and
 * mentions in growable arrays while the corpus is loaded, and exposes them
 * through its read-only struct entity after entity_index_finish().  Ids
 * map to indexes through the id table (idtab.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entity.h"
#include "fold.h"
#include "idtab.h"

struct entity_rec {
	struct entity pub;
	char **names;            /* names[0] is the preferred name */
	size_t nnames, capnames;
	struct buf desc;
	char **notes;
	size_t nnotes, capnotes;
	struct relation *rels;
	size_t nrels, caprels;
	struct mention *ments;
	size_t nments, capments;
};

struct entity_index {
	struct entity_rec *recs;
	size_t n, cap;
	struct idtab ids;        /* id to index; the first record of an id wins */
	/* Built by entity_index_finish(): the entities each document mentions,
	 * each once, in index order: doc_ents[doc_first[d] .. doc_first[d+1]). */
	size_t *doc_first;
	uint32_t *doc_ents;       /* (32 bits: as many as mentions, nearly) */
	size_t ndocs;
};

struct entity_index *entity_index_new(void)
{
	return xcalloc(1, sizeof(struct entity_index));
}

void entity_index_free(struct entity_index *ix)
{
	size_t i, j;

	if (!ix)
		return;
	for (i = 0; i < ix->n; i++) {
		struct entity_rec *r = &ix->recs[i];

		free_const(r->pub.id);
		free_const(r->pub.type);
		free_const(r->pub.source);
		for (j = 0; j < r->nnames; j++)
			free(r->names[j]);
		free(r->names);
		free_const(r->pub.variants);
		buf_free(&r->desc);
		for (j = 0; j < r->nnotes; j++)
			free(r->notes[j]);
		free(r->notes);
		for (j = 0; j < r->nrels; j++) {
			free_const(r->rels[j].name);
			free_const(r->rels[j].role);
		}
		free(r->rels);
		free(r->ments);
	}
	free(ix->recs);
	idtab_free(&ix->ids);
	free(ix->doc_first);
	free(ix->doc_ents);
	free(ix);
}

long entity_find(const struct entity_index *ix, const char *id)
{
	size_t i = idtab_get(&ix->ids, id);

	return i == IDTAB_NONE ? -1 : (long)i;
}

enum entity_class entity_class_of(const char *type)
{
	if (!type)
		return ENTITY_OTHER;
	if (strcmp(type, "person") == 0 || strcmp(type, "personGrp") == 0)
		return ENTITY_PERSON;
	if (strcmp(type, "org") == 0)
		return ENTITY_ORG;
	if (strcmp(type, "place") == 0)
		return ENTITY_PLACE;
	return ENTITY_OTHER;
}

char entity_class_letter(enum entity_class cls)
{
	switch (cls) {
	case ENTITY_PERSON:
		return 'P';
	case ENTITY_ORG:
		return 'O';
	case ENTITY_PLACE:
		return 'L';
	case ENTITY_OTHER:
		break;
	}
	return 'E';
}

long entity_add(struct entity_index *ix, const char *id, const char *type)
{
	struct entity_rec *r;
	long e = (long)ix->n;

	ix->recs = xgrow(ix->recs, &ix->cap, ix->n + 1, sizeof(*ix->recs));
	r = &ix->recs[ix->n++];
	memset(r, 0, sizeof(*r));
	r->pub.id = xstrdup(id);
	r->pub.type = xstrdup(type);
	r->pub.name = r->pub.id;
	r->pub.cls = entity_class_of(type);
	idtab_put(&ix->ids, r->pub.id, (size_t)e);
	return e;
}

void entity_set_source(struct entity_index *ix, long e, const char *source)
{
	struct entity_rec *r = &ix->recs[e];

	if (!r->pub.source)
		r->pub.source = xstrdup(source);
}

void entity_add_name(struct entity_index *ix, long e, const char *name)
{
	struct entity_rec *r = &ix->recs[e];
	size_t i;

	if (!name || !*name)
		return;
	for (i = 0; i < r->nnames; i++)
		if (strcmp(r->names[i], name) == 0)
			return;
	r->names = xgrow(r->names, &r->capnames, r->nnames + 1, sizeof(char *));
	r->names[r->nnames++] = xstrdup(name);
	r->pub.name = r->names[0];   /* readable while the corpus loads */
}

int entity_has_name(const struct entity_index *ix, long e, const char *name)
{
	const struct entity_rec *r = &ix->recs[e];
	char *want;
	size_t i;
	int found = 0;

	if (!name)
		return r->nnames > 0;
	want = entity_normalise(name);
	for (i = 0; i < r->nnames && !found; i++) {
		char *have = entity_normalise(r->names[i]);

		found = strcmp(have, want) == 0;
		free(have);
	}
	free(want);
	return found;
}

void entity_add_desc(struct entity_index *ix, long e, const char *desc)
{
	struct entity_rec *r = &ix->recs[e];

	if (!desc || !*desc)
		return;
	if (r->desc.len && strstr(r->desc.data, desc))
		return;
	if (r->desc.len)
		buf_adds(&r->desc, "; ");
	buf_adds(&r->desc, desc);
}

void entity_add_note(struct entity_index *ix, long e, const char *note)
{
	struct entity_rec *r = &ix->recs[e];
	size_t i;

	if (!note || !*note)
		return;
	for (i = 0; i < r->nnotes; i++)
		if (strcmp(r->notes[i], note) == 0)
			return;
	r->notes = xgrow(r->notes, &r->capnotes, r->nnotes + 1, sizeof(char *));
	r->notes[r->nnotes++] = xstrdup(note);
}

static void add_rel(struct entity_rec *r, long other, const char *name,
		    const char *role, enum relation_dir dir)
{
	struct relation *rel;
	size_t i;

	for (i = 0; i < r->nrels; i++) {
		rel = &r->rels[i];
		if (rel->other == other && rel->dir == dir &&
		    strcmp(rel->name, name) == 0 &&
		    ((!rel->role && !role) || (rel->role && role && strcmp(rel->role, role) == 0)))
			return;
	}
	r->rels = xgrow(r->rels, &r->caprels, r->nrels + 1, sizeof(*r->rels));
	rel = &r->rels[r->nrels++];
	rel->other = other;
	rel->name = xstrdup(name);
	rel->role = role && *role ? xstrdup(role) : NULL;
	rel->dir = dir;
}

void entity_add_relation(struct entity_index *ix, long active, long passive,
			 const char *name, const char *role, int mutual)
{
	if (active == passive)
		return;
	add_rel(&ix->recs[active], passive, name, role, mutual ? REL_MUTUAL : REL_ACTIVE);
	add_rel(&ix->recs[passive], active, name, role, mutual ? REL_MUTUAL : REL_PASSIVE);
}

void entity_add_mention(struct entity_index *ix, long e, size_t doc,
			size_t block, size_t start, size_t len)
{
	struct entity_rec *r = &ix->recs[e];
	struct mention *m;

	r->ments = xgrow(r->ments, &r->capments, r->nments + 1, sizeof(*r->ments));
	m = &r->ments[r->nments++];
	m->doc = (uint32_t)doc;
	m->block = (uint32_t)block;
	m->start = (uint32_t)start;
	m->len = (uint32_t)len;
}

void entity_reserve_mentions(struct entity_index *ix, long e, size_t n)
{
	struct entity_rec *r = &ix->recs[e];

	if (r->capments >= r->nments + n)
		return;
	r->capments = r->nments + n;
	r->ments = xrealloc(r->ments, r->capments * sizeof(*r->ments));
}

static int cmp_mention(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

/* The document -> entities table (counting sort by document): two
 * passes over every entity's mentions, which are sorted by then. */
static void index_documents(struct entity_index *ix)
{
	size_t i, j, d, total = 0;

	free(ix->doc_first);
	free(ix->doc_ents);
	ix->ndocs = 0;
	for (i = 0; i < ix->n; i++)
		if (ix->recs[i].nments) {
			d = ix->recs[i].ments[ix->recs[i].nments - 1].doc + 1;
			ix->ndocs = d > ix->ndocs ? d : ix->ndocs;
		}
	ix->doc_first = xcalloc(ix->ndocs + 2, sizeof(size_t));
	for (i = 0; i < ix->n; i++)
		for (j = 0; j < ix->recs[i].nments; j++)
			if (j == 0 || ix->recs[i].ments[j].doc != ix->recs[i].ments[j - 1].doc) {
				ix->doc_first[ix->recs[i].ments[j].doc + 2]++;
				total++;
			}
	for (d = 2; d < ix->ndocs + 2; d++)
		ix->doc_first[d] += ix->doc_first[d - 1];
	ix->doc_ents = xcalloc(total ? total : 1, sizeof(*ix->doc_ents));
	/* doc_first[d + 1] is the fill point of d; afterwards it is d's end */
	for (i = 0; i < ix->n; i++)
		for (j = 0; j < ix->recs[i].nments; j++)
			if (j == 0 || ix->recs[i].ments[j].doc != ix->recs[i].ments[j - 1].doc)
				ix->doc_ents[ix->doc_first[ix->recs[i].ments[j].doc + 1]++] = (uint32_t)i;
}

void entity_index_finish(struct entity_index *ix)
{
	size_t i, j;

	for (i = 0; i < ix->n; i++) {
		struct entity_rec *r = &ix->recs[i];

		int sorted = 1;

		for (j = 1; j < r->nments && sorted; j++)
			if (cmp_mention(&r->ments[j - 1], &r->ments[j]) > 0)
				sorted = 0;
		if (!sorted)
			qsort(r->ments, r->nments, sizeof(*r->ments), cmp_mention);
		r->pub.ndocs = 0;
		for (j = 0; j < r->nments; j++)
			if (j == 0 || r->ments[j].doc != r->ments[j - 1].doc)
				r->pub.ndocs++;
		r->pub.name = r->nnames ? r->names[0] : r->pub.id;
		free_const(r->pub.variants);
		r->pub.variants = xcalloc(r->nnames ? r->nnames : 1, sizeof(char *));
		for (j = 1; j < r->nnames; j++)
			r->pub.variants[j - 1] = r->names[j];
		r->pub.nvariants = r->nnames ? r->nnames - 1 : 0;
		r->pub.desc = r->desc.len ? r->desc.data : NULL;
		r->pub.notes = (const char *const *)r->notes;
		r->pub.nnotes = r->nnotes;
		r->pub.relations = r->rels;
		r->pub.nrelations = r->nrels;
		r->pub.mentions = r->ments;
		r->pub.nmentions = r->nments;
	}
	index_documents(ix);
}

size_t entity_count(const struct entity_index *ix)
{
	return ix->n;
}

const struct entity *entity_get(const struct entity_index *ix, long e)
{
	if (e < 0 || (size_t)e >= ix->n)
		return NULL;
	return &ix->recs[e].pub;
}

/* ---- the one order of entities ---------------------------------------- */

struct sort_item {
	long e;
	int unlinked;           /* no record: sorted after the records */
	size_t count;           /* mentions, shared documents … */
	char *key;              /* the normalised name */
};

static int cmp_by_name(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;
	int r = a->unlinked - b->unlinked;

	if (r)
		return r;
	r = strcmp(a->key, b->key);

	return r ? r : (a->e < b->e ? -1 : a->e > b->e);
}

static int cmp_by_count(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;

	if (a->unlinked != b->unlinked)
		return a->unlinked - b->unlinked;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return cmp_by_name(pa, pb);
}

/* Sorts ids[0..n) by name, or when counts is not NULL by counts[i], the
 * count of ids[i] (most first), and then by name, carrying counts along;
 * with records_first, entities with a record before names grouped without
 * one (issue 11: such groups must not crowd out the records). */
static void sort_ids(const struct entity_index *ix, long *ids, size_t n,
		     size_t *counts, int records_first)
{
	struct sort_item *items;
	size_t i;

	if (n < 2)
		return;
	items = xcalloc(n, sizeof *items);
	for (i = 0; i < n; i++) {
		items[i].e = ids[i];
		items[i].count = counts ? counts[i] : 0;
		items[i].unlinked = records_first && !ix->recs[ids[i]].pub.source;
		items[i].key = entity_normalise(ix->recs[ids[i]].pub.name);
	}
	qsort(items, n, sizeof *items, counts ? cmp_by_count : cmp_by_name);
	for (i = 0; i < n; i++) {
		ids[i] = items[i].e;
		if (counts)
			counts[i] = items[i].count;
		free(items[i].key);
	}
	free(items);
}

/* ---- co-occurrence: a hash of counts, sorted once --------------------- */

struct count_slot {
	long e;                 /* -1: empty */
	size_t n;
};

struct count_hash {
	struct count_slot *slots;
	size_t mask, used;
};

static void hash_init(struct count_hash *h, size_t want)
{
	size_t cap = 16, i;

	while (cap < want * 2)
		cap *= 2;
	h->slots = xcalloc(cap, sizeof *h->slots);
	for (i = 0; i < cap; i++)
		h->slots[i].e = -1;
	h->mask = cap - 1;
	h->used = 0;
}

static void hash_bump(struct count_hash *h, long e, size_t by);

static void hash_grow(struct count_hash *h)
{
	struct count_hash bigger;
	size_t i;

	hash_init(&bigger, h->mask + 1);
	for (i = 0; i <= h->mask; i++)
		if (h->slots[i].e >= 0)
			hash_bump(&bigger, h->slots[i].e, h->slots[i].n);
	free(h->slots);
	*h = bigger;
}

/* Adds by to e's count. */
static void hash_bump(struct count_hash *h, long e, size_t by)
{
	size_t k;

	if ((h->used + 1) * 2 > h->mask + 1)
		hash_grow(h);
	k = ((size_t)e * 0x9E3779B97F4A7C15u) & h->mask;
	while (h->slots[k].e >= 0 && h->slots[k].e != e)
		k = (k + 1) & h->mask;
	if (h->slots[k].e < 0) {
		h->slots[k].e = e;
		h->used++;
	}
	h->slots[k].n += by;
}

size_t entity_cooccurring(const struct entity_index *ix, long e,
			  long **others, size_t **counts)
{
	const struct entity_rec *me = &ix->recs[e];
	struct count_hash h;
	size_t i, j, n = 0;

	/* every document e is in, once; every other entity in it, once */
	hash_init(&h, 64);
	for (i = 0; i < me->nments; i++) {
		size_t d = me->ments[i].doc;

		if ((i && me->ments[i - 1].doc == d) || d >= ix->ndocs)
			continue;
		for (j = ix->doc_first[d]; j < ix->doc_first[d + 1]; j++)
			if ((long)ix->doc_ents[j] != e)
				hash_bump(&h, (long)ix->doc_ents[j], 1);
	}
	*others = xcalloc(h.used ? h.used : 1, sizeof(long));
	*counts = xcalloc(h.used ? h.used : 1, sizeof(size_t));
	for (i = 0; i <= h.mask; i++)
		if (h.slots[i].e >= 0) {
			(*others)[n] = h.slots[i].e;
			(*counts)[n++] = h.slots[i].n;
		}
	sort_ids(ix, *others, n, *counts, 0);
	free(h.slots);
	return n;
}

char *entity_normalise(const char *name)
{
	struct buf b = BUF_INIT, f = BUF_INIT;
	int space = 0;

	for (; *name; name++) {
		unsigned char c = (unsigned char)*name;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addc(&b, ' ');
		space = 0;
		buf_addc(&b, (char)c);
	}
	fold_append(&f, b.data ? b.data : "", b.len, FOLD_CASE);
	buf_free(&b);
	return f.data ? buf_steal(&f) : xstrdup("");
}

void entity_sort(const struct entity_index *ix, long *ids, size_t n,
		 enum entity_order order)
{
	size_t *mentions = NULL, i;

	if (order == ENTITY_BY_MENTIONS) {
		mentions = xcalloc(n ? n : 1, sizeof *mentions);
		for (i = 0; i < n; i++)
			mentions[i] = ix->recs[ids[i]].nments;
	}
	sort_ids(ix, ids, n, mentions, 1);
	free(mentions);
}
