/* path.c: the entity graph and the k shortest chains through it
 * (path.h).
 *
 * Links are kept once, in an array, with an adjacency list per entity
 * (CSR: start offsets into one array).  Co-mention pairs come from a
 * table of each block's entities (a counting sort of every mention by its
 * block), read entity by entity: for entity a, the later entities in the
 * blocks of a's mentions (corpus order), counted in an array indexed by
 * entity (stamped with a, so never cleared), so a pair's evidence is the
 * first block in corpus order and its count the blocks they share; only
 * each entity's own partners are sorted. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "path.h"

struct link {
	long a, b;
	enum path_link kind;
	const struct relation *rel;     /* as a holds it */
	size_t doc, block, shared;
};

struct adj {
	size_t link;
	long other;
};

struct path_graph {
	const struct corpus *c;
	size_t n;                       /* entities */
	struct link *links;
	size_t nlinks, cap;
	size_t *start;                  /* n + 1 offsets into adj */
	struct adj *adj;
};

static void add_link(struct path_graph *g, const struct link *l)
{
	g->links = xgrow(g->links, &g->cap, g->nlinks + 1, sizeof(*g->links));
	g->links[g->nlinks++] = *l;
}

static void add_relations(struct path_graph *g, const struct entity_index *ix)
{
	size_t e, i;

	for (e = 0; e < g->n; e++) {
		const struct entity *en = entity_get(ix, (long)e);

		for (i = 0; i < en->nrelations; i++) {
			const struct relation *r = &en->relations[i];
			struct link l = { (long)e, r->other, PATH_RELATION, r, 0, 0, 0 };

			/* each relation is held by both parties: keep one */
			if (r->other == (long)e || r->other < 0 || r->dir == REL_PASSIVE ||
			    (r->dir == REL_MUTUAL && r->other < (long)e))
				continue;
			add_link(g, &l);
		}
	}
}

/* Whether a mention's document and block are the corpus's (base[d] the
 * blocks before document d). */
static int in_corpus(const size_t *base, size_t ndocs, const struct mention *m)
{
	return m->doc < ndocs && m->block < base[m->doc + 1] - base[m->doc];
}

/* The entities mentioned in each block of the corpus: block i (counted
 * over the corpus, document d's first block being base[d]) has entities
 * ents[start[i], end[i]), each once, in ascending order: a counting sort
 * by block, stable, over the entities taken in order, a repeated mention
 * dropped.  32-bit, as the table is read in random order (by each
 * entity's mentions) and half the size is half the cache misses. */
struct block_table {
	size_t *base;           /* ndocs + 1: blocks before each document */
	uint32_t *start, *end;  /* nblocks each: offsets into ents */
	uint32_t *ents;
};

/* The corpus-wide index of a mention's block. */
static size_t block_of(const struct block_table *bt, const struct mention *m)
{
	return bt->base[m->doc] + m->block;
}

static void block_table_make(const struct path_graph *g, const struct entity_index *ix,
			     struct block_table *bt)
{
	size_t ndocs = corpus_ndocs(g->c), d, e, i, nb, total = 0;

	bt->base = xcalloc(ndocs + 1, sizeof(*bt->base));
	for (d = 0; d < ndocs; d++)
		bt->base[d + 1] = bt->base[d] + corpus_doc(g->c, d)->nblocks;
	nb = bt->base[ndocs];
	bt->start = xcalloc(nb + 1, sizeof(*bt->start));
	bt->end = xmalloc((nb + 1) * sizeof(*bt->end));
	for (e = 0; e < g->n; e++) {
		const struct entity *en = entity_get(ix, (long)e);

		for (i = 0; i < en->nmentions; i++)
			if (in_corpus(bt->base, ndocs, &en->mentions[i]))
				bt->start[block_of(bt, &en->mentions[i])]++;
	}
	for (i = 0; i < nb; i++) {
		uint32_t n = bt->start[i];

		bt->start[i] = bt->end[i] = (uint32_t)total;
		total += n;
	}
	bt->ents = xmalloc((total + 1) * sizeof(*bt->ents));
	for (e = 0; e < g->n; e++) {
		const struct entity *en = entity_get(ix, (long)e);

		for (i = 0; i < en->nmentions; i++) {
			size_t blk;

			if (!in_corpus(bt->base, ndocs, &en->mentions[i]))
				continue;
			blk = block_of(bt, &en->mentions[i]);
			if (bt->end[blk] == bt->start[blk] ||
			    bt->ents[bt->end[blk] - 1] != (uint32_t)e)
				bt->ents[bt->end[blk]++] = (uint32_t)e;
		}
	}
}

/* Scratch for the co-mentions of one entity a with those after it:
 * stamp[b] == a when b is already linked to a, at tmp[slot[b]]. */
struct pair_scratch {
	long *stamp, *others;
	size_t *slot;
	struct link *tmp;
	size_t nothers;
};

static int long_cmp(const void *pa, const void *pb)
{
	long a = *(const long *)pa, b = *(const long *)pb;

	return (a > b) - (a < b);
}

/* Counts one block shared by a and every later entity in it; a new pair
 * gets this block, the first in corpus order, as its evidence. */
static void pair_block(const struct block_table *bt, struct pair_scratch *ps, long a,
		       const struct mention *m)
{
	size_t blk = block_of(bt, m), to = bt->end[blk], j;

	for (j = bt->start[blk]; j < to && bt->ents[j] <= (uint32_t)a; j++)
		;
	for (; j < to; j++) {
		long b = (long)bt->ents[j];

		if (ps->stamp[b] == a) {
			ps->tmp[ps->slot[b]].shared++;
			continue;
		}
		ps->stamp[b] = a;
		ps->slot[b] = ps->nothers;
		ps->tmp[ps->nothers] = (struct link){ a, b, PATH_COMENTION, NULL, m->doc,
						      m->block, 1 };
		ps->others[ps->nothers++] = b;
	}
}

/* The co-mention links of entity a with every later entity, ordered by
 * that entity: a's mentions are in corpus order, each block once. */
static void entity_pairs(struct path_graph *g, const struct entity *en, long a,
			 const struct block_table *bt, struct pair_scratch *ps)
{
	size_t ndocs = corpus_ndocs(g->c), i;
	const struct mention *prev = NULL;

	ps->nothers = 0;
	for (i = 0; i < en->nmentions; i++) {
		const struct mention *m = &en->mentions[i];

		if (!in_corpus(bt->base, ndocs, m) ||
		    (prev && prev->doc == m->doc && prev->block == m->block))
			continue;
		prev = m;
		pair_block(bt, ps, a, m);
	}
	g->links = xgrow(g->links, &g->cap, g->nlinks + ps->nothers, sizeof(*g->links));
	if (ps->nothers * 8 >= g->n - (size_t)a) {
		/* many partners: the stamps, in order, cost less than a sort */
		for (i = (size_t)a + 1; i < g->n; i++)
			if (ps->stamp[i] == a)
				g->links[g->nlinks++] = ps->tmp[ps->slot[i]];
		return;
	}
	if (ps->nothers > 1)
		qsort(ps->others, ps->nothers, sizeof(*ps->others), long_cmp);
	for (i = 0; i < ps->nothers; i++)
		g->links[g->nlinks++] = ps->tmp[ps->slot[ps->others[i]]];
}

/* The co-mention links, ordered by their pair (a, then b): entity by
 * entity, through the table of each block's entities.  Each block a pair
 * shares is met once, from the pair's first entity. */
static void add_comentions(struct path_graph *g, const struct entity_index *ix)
{
	struct block_table bt;
	struct pair_scratch ps;
	size_t a;

	block_table_make(g, ix, &bt);
	ps.stamp = xmalloc((g->n + 1) * sizeof(*ps.stamp));
	ps.others = xmalloc((g->n + 1) * sizeof(*ps.others));
	ps.slot = xmalloc((g->n + 1) * sizeof(*ps.slot));
	ps.tmp = xmalloc((g->n + 1) * sizeof(*ps.tmp));
	for (a = 0; a < g->n; a++)
		ps.stamp[a] = -1;
	for (a = 0; a < g->n; a++)
		entity_pairs(g, entity_get(ix, (long)a), (long)a, &bt, &ps);
	free(ps.stamp);
	free(ps.others);
	free(ps.slot);
	free(ps.tmp);
	free(bt.base);
	free(bt.start);
	free(bt.end);
	free(bt.ents);
}

static void make_adjacency(struct path_graph *g)
{
	size_t i, *fill;

	g->start = xcalloc(g->n + 1, sizeof(*g->start));
	g->adj = xcalloc(2 * g->nlinks + 1, sizeof(*g->adj));
	for (i = 0; i < g->nlinks; i++) {
		g->start[g->links[i].a + 1]++;
		g->start[g->links[i].b + 1]++;
	}
	for (i = 0; i < g->n; i++)
		g->start[i + 1] += g->start[i];
	fill = xcalloc(g->n + 1, sizeof(*fill));
	memcpy(fill, g->start, g->n * sizeof(*fill));
	for (i = 0; i < g->nlinks; i++) {
		const struct link *l = &g->links[i];
		struct adj x = { i, l->b }, y = { i, l->a };

		g->adj[fill[l->a]++] = x;
		g->adj[fill[l->b]++] = y;
	}
	free(fill);
}

struct path_graph *path_graph_new(const struct corpus *c)
{
	const struct entity_index *ix = corpus_entities(c);
	struct path_graph *g = xcalloc(1, sizeof(*g));

	g->c = c;
	g->n = entity_count(ix);
	add_relations(g, ix);
	add_comentions(g, ix);
	make_adjacency(g);
	return g;
}

void path_graph_free(struct path_graph *g)
{
	if (!g)
		return;
	free(g->links);
	free(g->start);
	free(g->adj);
	free(g);
}

size_t path_graph_links(const struct path_graph *g)
{
	return g->nlinks;
}

/* ---- shortest chains -------------------------------------------------- */

static unsigned link_cost(const struct link *l)
{
	return l->kind == PATH_RELATION ? PATH_COST_RELATION : PATH_COST_COMENTION;
}

/* A chain as the search keeps it: nodes[0..nlinks], links between. */
struct chain {
	long *nodes;
	size_t *links;
	size_t nlinks;
	unsigned cost;
};

struct search {
	const struct path_graph *g;
	unsigned *dist;
	size_t *via;            /* the link a node was reached by */
	unsigned char *banned_node, *banned_link, *done;
	long *heap;
	size_t nheap;
};

static int heap_less(const struct search *s, size_t i, size_t j)
{
	return s->dist[s->heap[i]] < s->dist[s->heap[j]] ||
	       (s->dist[s->heap[i]] == s->dist[s->heap[j]] && s->heap[i] < s->heap[j]);
}

static void heap_swap(struct search *s, size_t i, size_t j)
{
	long t = s->heap[i];

	s->heap[i] = s->heap[j];
	s->heap[j] = t;
}

static void heap_push(struct search *s, long v)
{
	size_t i = s->nheap++;

	s->heap[i] = v;
	while (i > 0 && heap_less(s, i, (i - 1) / 2)) {
		heap_swap(s, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static long heap_pop(struct search *s)
{
	long top = s->heap[0];
	size_t i = 0, c;

	s->heap[0] = s->heap[--s->nheap];
	for (;;) {
		c = 2 * i + 1;
		if (c >= s->nheap)
			break;
		if (c + 1 < s->nheap && heap_less(s, c + 1, c))
			c++;
		if (!heap_less(s, c, i))
			break;
		heap_swap(s, i, c);
		i = c;
	}
	return top;
}

/* Dijkstra from a to b avoiding banned nodes and links.  A node may be
 * pushed more than once (no decrease-key); the heap holds at most a push
 * per link end.  Returns 0 when b cannot be reached. */
static int shortest(struct search *s, long a, long b, struct chain *out)
{
	const struct path_graph *g = s->g;
	size_t i, n = 0;
	long v;

	for (i = 0; i < g->n; i++) {
		s->dist[i] = (unsigned)-1;
		s->done[i] = 0;
	}
	s->nheap = 0;
	s->dist[a] = 0;
	heap_push(s, a);
	while (s->nheap) {
		v = heap_pop(s);
		if (s->done[v])
			continue;
		s->done[v] = 1;
		if (v == b)
			break;
		for (i = g->start[v]; i < g->start[v + 1]; i++) {
			const struct adj *x = &g->adj[i];
			unsigned d = s->dist[v] + link_cost(&g->links[x->link]);

			if (s->banned_link[x->link] || s->banned_node[x->other] || d >= s->dist[x->other])
				continue;
			s->dist[x->other] = d;
			s->via[x->other] = x->link;
			heap_push(s, x->other);
		}
	}
	if (!s->done[b])
		return 0;
	for (v = b; v != a; n++) {
		const struct link *l = &g->links[s->via[v]];

		v = l->a == v ? l->b : l->a;
	}
	out->nlinks = n;
	out->cost = s->dist[b];
	out->nodes = xcalloc(n + 1, sizeof(long));
	out->links = xcalloc(n ? n : 1, sizeof(size_t));
	out->nodes[n] = b;
	for (v = b; v != a;) {
		const struct link *l = &g->links[s->via[v]];

		out->links[--n] = s->via[v];
		v = l->a == v ? l->b : l->a;
		out->nodes[n] = v;
	}
	return 1;
}

static void chain_free(struct chain *c)
{
	free(c->nodes);
	free(c->links);
	memset(c, 0, sizeof(*c));
}

static int chain_same(const struct chain *x, const struct chain *y)
{
	return x->nlinks == y->nlinks && memcmp(x->links, y->links, x->nlinks * sizeof(size_t)) == 0;
}

/* root (the first i links of p) followed by spur. */
static struct chain chain_join(const struct chain *p, size_t i, const struct chain *spur,
			       const struct path_graph *g)
{
	struct chain c;
	size_t k;

	c.nlinks = i + spur->nlinks;
	c.nodes = xcalloc(c.nlinks + 1, sizeof(long));
	c.links = xcalloc(c.nlinks ? c.nlinks : 1, sizeof(size_t));
	memcpy(c.nodes, p->nodes, i * sizeof(long));
	memcpy(c.nodes + i, spur->nodes, (spur->nlinks + 1) * sizeof(long));
	memcpy(c.links, p->links, i * sizeof(size_t));
	memcpy(c.links + i, spur->links, spur->nlinks * sizeof(size_t));
	c.cost = 0;
	for (k = 0; k < c.nlinks; k++)
		c.cost += link_cost(&g->links[c.links[k]]);
	return c;
}

struct chains {
	struct chain *c;
	size_t n, cap;
};

static int chains_have(const struct chains *cs, const struct chain *c)
{
	size_t i;

	for (i = 0; i < cs->n; i++)
		if (chain_same(&cs->c[i], c))
			return 1;
	return 0;
}

/* Yen's deviations of found->c[last] into the candidates. */
static void deviations(struct search *s, const struct chains *found, struct chains *cand)
{
	const struct chain *p = &found->c[found->n - 1];
	size_t i, j;

	for (i = 0; i < p->nlinks; i++) {
		struct chain spur = { 0 }, c;

		for (j = 0; j < found->n; j++) {
			const struct chain *q = &found->c[j];

			if (q->nlinks > i && memcmp(q->links, p->links, i * sizeof(size_t)) == 0)
				s->banned_link[q->links[i]] = 1;
		}
		for (j = 0; j < i; j++)
			s->banned_node[p->nodes[j]] = 1;
		if (shortest(s, p->nodes[i], p->nodes[p->nlinks], &spur)) {
			c = chain_join(p, i, &spur, s->g);
			if (!chains_have(found, &c) && !chains_have(cand, &c)) {
				cand->c = xgrow(cand->c, &cand->cap, cand->n + 1, sizeof(*cand->c));
				cand->c[cand->n++] = c;
			} else {
				chain_free(&c);
			}
			chain_free(&spur);
		}
		memset(s->banned_link, 0, s->g->nlinks + 1);
		memset(s->banned_node, 0, s->g->n);
	}
}

/* Moves the cheapest candidate (then fewest links, then first found) to
 * found. */
static void take_cheapest(struct chains *cand, struct chains *found)
{
	size_t i, best = 0;

	for (i = 1; i < cand->n; i++)
		if (cand->c[i].cost < cand->c[best].cost ||
		    (cand->c[i].cost == cand->c[best].cost &&
		     cand->c[i].nlinks < cand->c[best].nlinks))
			best = i;
	found->c = xgrow(found->c, &found->cap, found->n + 1, sizeof(*found->c));
	found->c[found->n++] = cand->c[best];
	cand->c[best] = cand->c[--cand->n];
}

/* The relation as entity from holds it, for a link of a and b. */
static const struct relation *relation_from(const struct path_graph *g, const struct link *l,
					    long from)
{
	const struct entity *e;
	size_t i;

	if (from == l->a)
		return l->rel;
	e = entity_get(corpus_entities(g->c), from);
	for (i = 0; i < e->nrelations; i++)
		if (e->relations[i].other == l->a && strcmp(e->relations[i].name, l->rel->name) == 0)
			return &e->relations[i];
	return l->rel;
}

static void step_of(const struct path_graph *g, size_t link, long from, struct path_step *st)
{
	const struct link *l = &g->links[link];

	memset(st, 0, sizeof(*st));
	st->from = from;
	st->to = l->a == from ? l->b : l->a;
	st->link = l->kind;
	if (l->kind == PATH_RELATION) {
		st->rel = relation_from(g, l, from);
	} else {
		st->doc = l->doc;
		st->block = l->block;
		st->shared = l->shared;
	}
}

void path_graph_link(const struct path_graph *g, size_t i, struct path_step *out)
{
	step_of(g, i, g->links[i].a, out);
}

static void to_paths(const struct path_graph *g, const struct chains *found, struct path *out)
{
	size_t i, k;

	for (i = 0; i < found->n; i++) {
		const struct chain *c = &found->c[i];

		out[i].nsteps = c->nlinks;
		out[i].cost = c->cost;
		out[i].steps = xcalloc(c->nlinks ? c->nlinks : 1, sizeof(struct path_step));
		for (k = 0; k < c->nlinks; k++)
			step_of(g, c->links[k], c->nodes[k], &out[i].steps[k]);
	}
}

size_t path_find(const struct path_graph *g, long from, long to, size_t k,
		 struct path **out)
{
	struct search s = { 0 };
	struct chains found = { 0 }, cand = { 0 };
	struct chain first = { 0 };
	size_t i, n;

	*out = NULL;
	if (from < 0 || to < 0 || (size_t)from >= g->n || (size_t)to >= g->n || from == to || !k)
		return 0;
	s.g = g;
	s.dist = xcalloc(g->n, sizeof(*s.dist));
	s.via = xcalloc(g->n, sizeof(*s.via));
	s.done = xcalloc(g->n, 1);
	s.banned_node = xcalloc(g->n, 1);
	s.banned_link = xcalloc(g->nlinks + 1, 1);
	s.heap = xcalloc(2 * g->nlinks + 2, sizeof(*s.heap));
	if (shortest(&s, from, to, &first)) {
		found.c = xgrow(NULL, &found.cap, 1, sizeof(*found.c));
		found.c[found.n++] = first;
		while (found.n < k) {
			deviations(&s, &found, &cand);
			if (!cand.n)
				break;
			take_cheapest(&cand, &found);
		}
	}
	n = found.n;
	*out = n ? xcalloc(n, sizeof(**out)) : NULL;
	to_paths(g, &found, *out);
	for (i = 0; i < found.n; i++)
		chain_free(&found.c[i]);
	for (i = 0; i < cand.n; i++)
		chain_free(&cand.c[i]);
	free(found.c);
	free(cand.c);
	free(s.dist);
	free(s.via);
	free(s.done);
	free(s.banned_node);
	free(s.banned_link);
	free(s.heap);
	return n;
}

void path_list_free(struct path *paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(paths[i].steps);
	free(paths);
}
