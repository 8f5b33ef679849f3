/* Unit tests for path.c and pathpage.c on the people fixture
 * (people_fixture.h): the graph's links, the cheapest chain through
 * relations and shared paragraphs, the alternatives in order, the
 * evidence of each step, unconnected entities, and the path page. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "entity.h"
#include "path.h"
#include "pathpage.h"
#include "people_fixture.h"

static struct corpus *corpus;
static struct path_graph *graph;

static long id(const char *s)
{
	return entity_find(corpus_entities(corpus), s);
}

/* The chains from a to b as "a>b>c cost; …", ids along the way. */
static void chains(const char *a, const char *b, size_t k, const char *want)
{
	struct path *p;
	size_t n = path_find(graph, id(a), id(b), k, &p), i, j;
	struct buf got = BUF_INIT;

	buf_adds(&got, "");
	for (i = 0; i < n; i++) {
		buf_printf(&got, "%s%s", i ? "; " : "", a);
		for (j = 0; j < p[i].nsteps; j++)
			buf_printf(&got, ">%s", entity_get(corpus_entities(corpus), p[i].steps[j].to)->id);
		buf_printf(&got, " %u", p[i].cost);
	}
	is_str(got.data, want, "chains %s to %s (k %zu)", a, b, k);
	buf_free(&got);
	path_list_free(p, n);
}

static void test_chains(void)
{
	is_int(path_graph_links(graph), 8, "3 relations and 5 co-mention pairs");
	chains("anna", "koepel", 3, "anna>zorgorg>bram>welzijn>koepel 6");
	chains("koepel", "anna", 3, "koepel>welzijn>bram>zorgorg>anna 6");
	chains("anna", "carla", 3, "anna>zorgorg>bram>carla 7");
	chains("carla", "devries1", 3, "carla>devries1 3; carla>devries2>devries1 6");
	chains("carla", "devries1", 1, "carla>devries1 3");
	chains("bram", "devries2", 5,
	       "bram>carla>devries2 6; bram>carla>devries1>devries2 9");
	chains("anna", "eve", 3, "");
	chains("anna", "anna", 3, "");
}

static void test_evidence(void)
{
	struct path *p;
	size_t n = path_find(graph, id("koepel"), id("anna"), 1, &p);
	struct buf ev = BUF_INIT;

	is_int(n, 1, "one chain from koepel to anna");
	if (n != 1 || p[0].nsteps != 4)
		return;
	ok(p[0].steps[0].link == PATH_RELATION && p[0].steps[0].rel->dir == REL_PASSIVE &&
	   strcmp(p[0].steps[0].rel->name, "partOf") == 0,
	   "koepel>welzijn: partOf, held by koepel as the passive party");
	ok(p[0].steps[1].link == PATH_RELATION && p[0].steps[1].rel->dir == REL_PASSIVE,
	   "welzijn>bram: bram's affiliation, seen from welzijn");
	ok(p[0].steps[2].link == PATH_COMENTION && p[0].steps[2].doc == 0 &&
	   p[0].steps[2].block == 5 && p[0].steps[2].shared == 1,
	   "bram>zorgorg: the paragraph they share (document a, block 5)");
	pathpage_evidence(corpus, &p[0].steps[2], &ev);
	is_str(ev.data, "in one paragraph: 2013-05-01 Report a, line 6", "its evidence");
	buf_reset(&ev);
	pathpage_evidence(corpus, &p[0].steps[3], &ev);
	is_str(ev.data, "affiliation (directeur)", "a relation's evidence: name (role)");
	buf_free(&ev);
	path_list_free(p, n);
}

static void test_page(void)
{
	struct page *pg = pathpage_new(corpus, graph, id("carla"), id("devries1"), 3);
	size_t i, items = 0, links = 0, names = 0;

	ok(pg && pg->nblocks >= 2, "the path page has blocks");
	if (!pg)
		return;
	is_str(pg->title, "Carla \xE2\x86\x92 Jan de Vries", "its title names both");
	for (i = 0; i < pg->nblocks; i++) {
		const struct block *b = &pg->blocks[i];
		size_t k;

		items += b->kind == BLOCK_ITEM;
		for (k = 0; k < b->nspans; k++) {
			links += span_link(b, &b->spans[k]) &&
				 span_link(b, &b->spans[k])->to.kind == LOC_DOC;
			names += b->spans[k].kind == SPAN_MENTION;
		}
	}
	is_int(items, 3, "a line per step: 1 + 2");
	is_int(links, 3, "each shared paragraph is a link into the text");
	is_int(names, 6, "both names of each step are links to their pages");
	ok(strstr(pg->blocks[3].text, "Carla and Jan de Vries in one paragraph: 2015 Report c, line 4")
	   == pg->blocks[3].text, "the step line: names and where");
	page_free(pg);
	pg = pathpage_new(corpus, graph, id("anna"), id("eve"), 3);
	ok(pg && pg->nblocks == 2 && strstr(pg->blocks[1].text, "No chain"),
	   "no chain: the page says so");
	page_free(pg);
}

/* The first block entities x and y are both mentioned in, and how many
 * blocks they share, by walking both mention lists (corpus order): the
 * oracle for the graph's co-mention links.  0 when they share none. */
static size_t shared_blocks(const struct entity *x, const struct entity *y,
			    size_t *doc, size_t *block)
{
	size_t i = 0, j = 0, n = 0;
	long last_d = -1, last_b = -1;

	while (i < x->nmentions && j < y->nmentions) {
		const struct mention *m = &x->mentions[i], *o = &y->mentions[j];

		if (m->doc < o->doc || (m->doc == o->doc && m->block < o->block)) {
			i++;
		} else if (o->doc < m->doc || o->block < m->block) {
			j++;
		} else {
			if ((long)m->doc != last_d || (long)m->block != last_b) {
				if (!n)
					*doc = m->doc, *block = m->block;
				n++;
				last_d = (long)m->doc, last_b = (long)m->block;
			}
			i++;
		}
	}
	return n;
}

/* graph-comentions-as-walked: every co-mention link of the graph of the
 * bundled corpus (122 entities, entities with many partners and with
 * few) is the pair's first shared block and count, as walking both
 * mention lists finds them, each pair once, in pair order; and no pair
 * sharing a block is missing. */
static void test_comentions_oracle(void)
{
	char path[4096], *error = NULL;
	const char *top = getenv("top_srcdir");
	struct corpus *c;
	struct path_graph *g;
	const struct entity_index *ix;
	size_t i, nlinks, ncom = 0, bad = 0, pairs = 0, d = 0, b = 0;
	long last_a = -1, last_b = -1;
	int ordered = 1;

	snprintf(path, sizeof path, "%s/corpus", top && *top ? top : ".");
	c = corpus_open(path, NULL, &error);
	ok(c != NULL, "the bundled corpus opens");
	if (!c) {
		free(error);
		return;
	}
	ix = corpus_entities(c);
	g = path_graph_new(c);
	nlinks = path_graph_links(g);
	for (i = 0; i < nlinks; i++) {
		struct path_step st;

		path_graph_link(g, i, &st);
		if (st.link != PATH_COMENTION)
			continue;
		ncom++;
		if (st.from > last_a || (st.from == last_a && st.to > last_b))
			last_a = st.from, last_b = st.to;
		else
			ordered = 0;
		if (st.from >= st.to ||
		    shared_blocks(entity_get(ix, st.from), entity_get(ix, st.to), &d, &b)
		    != st.shared || d != st.doc || b != st.block)
			bad++;
	}
	for (i = 0; i < entity_count(ix); i++)
		for (size_t j = i + 1; j < entity_count(ix); j++)
			pairs += shared_blocks(entity_get(ix, (long)i), entity_get(ix, (long)j),
					       &d, &b) > 0;
	ok(ncom > 500, "the corpus has many co-mention links (%zu)", ncom);
	is_int(bad, 0, "each link's first shared block and count are the walk's");
	is_int(ncom, pairs, "every pair sharing a block is linked, once");
	ok(ordered, "co-mention links come in pair order");
	path_graph_free(g);
	corpus_free(c);
}

int main(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	corpus = pf_open();
	graph = path_graph_new(corpus);
	test_chains();
	test_evidence();
	test_page();
	test_comentions_oracle();
	path_graph_free(graph);
	path_graph_free(NULL);
	corpus_free(corpus);
	corpus_cleanup();
	return done_testing();
}
