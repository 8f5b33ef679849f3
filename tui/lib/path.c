/* path.c: the entity graph and the k shortest chains through it
 * (path.h).
 *
 * Links are kept once, in an array, with an adjacency list per entity
 * (CSR: start offsets into one array).  Co-mention pairs come from
 * sorting every mention by its block: each block's distinct entities are
 * paired, and the pairs sorted and merged, so a pair's evidence is the
 * first block in corpus order and its count the blocks they share. */
#include "config.h"

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

struct triple {
	size_t doc, block;
	long e;
};

static int triple_cmp(const void *pa, const void *pb)
{
	const struct triple *a = pa, *b = pb;

	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->block != b->block)
		return a->block < b->block ? -1 : 1;
	return (a->e > b->e) - (a->e < b->e);
}

static int pair_cmp(const void *pa, const void *pb)
{
	const struct link *a = pa, *b = pb;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return (a->block > b->block) - (a->block < b->block);
}

/* The pairs of distinct entities in each block, in pairs. */
static struct link *block_pairs(const struct path_graph *g, const struct entity_index *ix,
				size_t *npairs)
{
	struct triple *t = NULL;
	struct link *pairs = NULL;
	size_t nt = 0, tcap = 0, pcap = 0, e, i, j, k, from;

	for (e = 0; e < g->n; e++) {
		const struct entity *en = entity_get(ix, (long)e);

		for (i = 0; i < en->nmentions; i++) {
			struct triple x = { en->mentions[i].doc, en->mentions[i].block, (long)e };

			t = xgrow(t, &tcap, nt + 1, sizeof(*t));
			t[nt++] = x;
		}
	}
	xsort(t, nt, sizeof(*t), triple_cmp);
	*npairs = 0;
	for (from = 0; from < nt; from = i) {
		for (i = from; i < nt && t[i].doc == t[from].doc && t[i].block == t[from].block; i++)
			;
		for (j = from; j < i; j++) {
			if (j > from && t[j].e == t[j - 1].e)
				continue;
			for (k = j + 1; k < i; k++) {
				struct link l = { t[j].e, t[k].e, PATH_COMENTION, NULL,
						  t[j].doc, t[j].block, 1 };

				if (t[k].e == t[k - 1].e)
					continue;
				pairs = xgrow(pairs, &pcap, *npairs + 1, sizeof(*pairs));
				pairs[(*npairs)++] = l;
			}
		}
	}
	free(t);
	return pairs;
}

static void add_comentions(struct path_graph *g, const struct entity_index *ix)
{
	size_t n, i, j;
	struct link *pairs = block_pairs(g, ix, &n);

	xsort(pairs, n, sizeof(*pairs), pair_cmp);
	for (i = 0; i < n; i = j) {
		struct link l = pairs[i];

		for (j = i; j < n && pairs[j].a == l.a && pairs[j].b == l.b; j++)
			;
		l.shared = j - i;
		add_link(g, &l);
	}
	free(pairs);
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
