/* query_eval.c: running a parsed query (query.h) over the corpus.
 *
 * Every term that finds places (text, entity, type) first lists them for
 * the whole corpus, in corpus order: a text term by one search_run, an
 * entity by its mentions.  Then the units (paragraphs, or documents for
 * within:document) are walked in order, each leaf's cursor moving on with
 * them, and the boolean tree is decided unit by unit.  So a query costs
 * its text searches plus one pass over the blocks, whatever its shape. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "kwic.h"
#include "query.h"
#include "query_impl.h"
#include "text.h"

/* A leaf's places and the slice of them in the current unit. */
struct leaf {
	struct search_hit *r;
	size_t n, cap, lo, hi;
};

struct hits {
	struct search_hit *h;
	size_t n, cap;
};

struct run {
	const struct query *q;
	struct leaf *leaves;
	size_t nleaves, next;   /* next: the leaf eval() reaches next */
	const struct doc *doc;
	struct hits text, ent;
};

static int finds_places(const struct qnode *n)
{
	return n->kind == Q_TEXT || n->kind == Q_ENTITY || n->kind == Q_TYPE;
}

static size_t count_leaves(const struct qnode *n)
{
	size_t i, k = finds_places(n);

	for (i = 0; i < n->nkids; i++)
		k += count_leaves(n->kids[i]);
	return k;
}

static void hits_add(struct hits *h, const struct search_hit *x)
{
	h->h = xgrow(h->h, &h->cap, h->n + 1, sizeof(*h->h));
	h->h[h->n++] = *x;
}

static void leaf_add_mentions(struct leaf *l, const struct entity *e)
{
	size_t i;

	for (i = 0; i < e->nmentions; i++) {
		const struct mention *m = &e->mentions[i];
		struct search_hit x = { m->doc, m->block, m->start, m->start + m->len };

		l->r = xgrow(l->r, &l->cap, l->n + 1, sizeof(*l->r));
		l->r[l->n++] = x;
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Lists every leaf's places, in the order eval() meets the leaves.
 * Returns the worst status of the text searches; *done is the number of
 * documents all of them finished. */
static enum search_status collect(struct run *r, const struct qnode *n,
				  struct search_context *sc, const struct search_limits *lim,
				  double deadline, size_t *done)
{
	enum search_status st = SEARCH_DONE, kid;
	struct leaf *l;
	size_t i;

	if (finds_places(n)) {
		l = &r->leaves[r->next++];
		if (n->kind == Q_ENTITY)
			leaf_add_mentions(l, entity_get(corpus_entities(r->q->c), n->entity));
		for (i = 0; n->kind == Q_TYPE && i < n->ntypes; i++)
			leaf_add_mentions(l, entity_get(corpus_entities(r->q->c), n->types[i]));
		if (n->kind == Q_TYPE)
			xsort(l->r, l->n, sizeof(*l->r), search_hit_cmp);
		if (n->kind == Q_TEXT) {
			struct search_result res = SEARCH_RESULT_INIT;
			struct search_limits mine = { 0, NULL, NULL };

			if (lim) {
				mine = *lim;
				if (lim->seconds > 0) {
					mine.seconds = deadline - now();
					if (mine.seconds <= 0)
						mine.seconds = 1e-6;
				}
			}
			st = search_run(sc, n->pat, 0, *done, lim ? &mine : NULL, &res);
			if (st != SEARCH_DONE && res.next_doc < *done)
				*done = res.next_doc;
			l->r = res.hits;
			l->n = res.nhits;
			l->cap = res.cap;
			free(res.docs);    /* the hits are the leaf's */
		}
	}
	for (i = 0; i < n->nkids; i++) {
		kid = collect(r, n->kids[i], sc, lim, deadline, done);
		if (kid != SEARCH_DONE && (st == SEARCH_DONE || kid == SEARCH_TOO_COMPLEX))
			st = kid;
	}
	return st;
}

/* Sets every leaf's slice to its places in blocks [from, to) of doc. */
static void slice_unit(struct run *r, size_t doc, size_t from, size_t to)
{
	size_t i;

	for (i = 0; i < r->nleaves; i++) {
		struct leaf *l = &r->leaves[i];

		while (l->lo < l->n && (l->r[l->lo].doc < doc ||
					(l->r[l->lo].doc == doc && l->r[l->lo].block < from)))
			l->lo++;
		for (l->hi = l->lo; l->hi < l->n && l->r[l->hi].doc == doc &&
				    l->r[l->hi].block < to; l->hi++)
			;
	}
}

/* A document date within [lo, hi], each bound compared as far as both
 * are written: 2015 is within 2015-06..2015-12, 2015-03 within 2015. */
static int date_within(const char *date, const char *lo, const char *hi)
{
	size_t dl = strlen(date);

	if (!dl)
		return 0;
	if (*lo && strncmp(date, lo, dl < strlen(lo) ? dl : strlen(lo)) < 0)
		return 0;
	if (*hi && strncmp(date, hi, dl < strlen(hi) ? dl : strlen(hi)) > 0)
		return 0;
	return 1;
}

static int eval(struct run *r, const struct qnode *n, int positive);

static int eval_leaf(struct run *r, const struct qnode *n, int positive)
{
	struct leaf *l = &r->leaves[r->next++];
	size_t i;

	if (l->hi == l->lo)
		return 0;
	for (i = l->lo; positive && i < l->hi; i++)
		hits_add(n->kind == Q_TEXT ? &r->text : &r->ent, &l->r[i]);
	return 1;
}

/* Every kid is evaluated, even after the answer is known, so the leaves
 * are met in the same order for every unit. */
static int eval_group(struct run *r, const struct qnode *n, int positive)
{
	size_t i, ntext = r->text.n, nent = r->ent.n;
	int all = 1, any = 0, m;

	for (i = 0; i < n->nkids; i++) {
		m = eval(r, n->kids[i], positive);
		all &= m;
		any |= m;
	}
	m = n->kind == Q_AND ? all : any;
	if (!m) {
		r->text.n = ntext;
		r->ent.n = nent;
	}
	return m;
}

static int eval(struct run *r, const struct qnode *n, int positive)
{
	switch (n->kind) {
	case Q_TEXT:
	case Q_ENTITY:
	case Q_TYPE:
		return eval_leaf(r, n, positive);
	case Q_DOC:
		return strcmp(r->doc->id, n->value) == 0;
	case Q_KIND:
		return strcasecmp(r->doc->type, n->value) == 0;
	case Q_DATE:
		return date_within(r->doc->date, n->value, n->hi);
	case Q_AND:
	case Q_OR:
		return eval_group(r, n, positive);
	case Q_NOT:
		return !eval(r, n->kids[0], 0);
	}
	return 0;
}

/* A character of a word, as a regex's \w sees it: letters and digits
 * (any beyond ASCII but the punctuation and symbol blocks), and _. */
static int word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z') || cp == '_';
	return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 &&
	       !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F);
}

/* Words in s[from, to). */
static size_t words_in(const char *s, size_t from, size_t to)
{
	size_t n = 0;
	int in = 0;

	while (from < to) {
		uint32_t cp;
		size_t k = text_decode(s + from, to - from, &cp);
		int w = word_cp(cp);

		n += w && !in;
		in = w;
		from += k ? k : 1;
	}
	return n;
}

/* Whether a mention of the unit lies at most near words from hit h. */
static int near_enough(const struct run *r, const struct search_hit *h)
{
	const char *s = r->doc->blocks[h->block].text;
	size_t i;

	for (i = 0; i < r->ent.n; i++) {
		const struct search_hit *m = &r->ent.h[i];

		if (m->block != h->block)
			continue;
		if (m->end <= h->start ? words_in(s, m->end, h->start) <= (size_t)r->q->near :
		    h->end <= m->start ? words_in(s, h->end, m->start) <= (size_t)r->q->near : 1)
			return 1;
	}
	return 0;
}

static void out_add(struct search_result *out, size_t doc, size_t block, size_t start,
		    size_t end)
{
	search_result_add(out, doc, block, start, end);
}

/* What a unit that matched adds: its text hits (near enough), else the
 * paragraph, else (a document unit) the title line. */
static void unit_results(struct run *r, size_t doc, size_t block, int whole_doc,
			 struct search_result *out)
{
	const struct doc *d = r->doc;
	size_t i;

	if (r->text.n) {
		qsort(r->text.h, r->text.n, sizeof(*r->text.h), search_hit_cmp);
		for (i = 0; i < r->text.n; i++) {
			const struct search_hit *h = &r->text.h[i];

			if (i && search_hit_cmp(h, h - 1) == 0)
				continue;
			if (r->q->near < 0 || near_enough(r, h))
				out_add(out, h->doc, h->block, h->start, h->end);
		}
		return;
	}
	if (!whole_doc)
		out_add(out, doc, block, 0, d->blocks[block].len);
	else if (d->nblocks)
		out_add(out, doc, 0, 0, d->blocks[0].len);
}

static void run_unit(struct run *r, size_t doc, size_t from, size_t to, int whole_doc,
		     struct search_result *out)
{
	slice_unit(r, doc, from, to);
	r->next = 0;
	r->text.n = r->ent.n = 0;
	if (eval(r, r->q->root, 1))
		unit_results(r, doc, from, whole_doc, out);
}

enum search_status query_run(const struct query *q, struct search_context *sc,
			     const struct search_limits *lim, struct search_result *out)
{
	struct run r = { 0 };
	size_t ndocs = corpus_ndocs(q->c), done = ndocs, doc, b, i;
	enum search_status st;
	int whole_doc = q->scope == QSCOPE_DOCUMENT ||
			(!q->scope_set && count_leaves(q->root) == 0);

	search_result_reset(out);
	r.q = q;
	r.nleaves = count_leaves(q->root);
	r.leaves = xcalloc(r.nleaves + 1, sizeof(*r.leaves));
	st = collect(&r, q->root, sc, lim, now() + (lim ? lim->seconds : 0), &done);
	for (doc = 0; doc < done; doc++) {
		r.doc = corpus_doc(q->c, doc);
		if (whole_doc)
			run_unit(&r, doc, 0, r.doc->nblocks, 1, out);
		for (b = 0; !whole_doc && b < r.doc->nblocks; b++)
			run_unit(&r, doc, b, b + 1, 0, out);
	}
	for (i = 0; i < r.nleaves; i++)
		free(r.leaves[i].r);
	free(r.leaves);
	free(r.text.h);
	free(r.ent.h);
	out->status = st;
	out->next_doc = done;
	return st;
}
