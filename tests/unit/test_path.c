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
			links += b->spans[k].kind == SPAN_LINK && b->spans[k].to.kind == LOC_DOC;
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

int main(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	corpus = pf_open();
	graph = path_graph_new(corpus);
	test_chains();
	test_evidence();
	test_page();
	path_graph_free(graph);
	path_graph_free(NULL);
	corpus_free(corpus);
	corpus_cleanup();
	return done_testing();
}
