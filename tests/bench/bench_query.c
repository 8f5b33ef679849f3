/* bench_query.c: the query language and :path on a large corpus.
 *
 *   bench_query [CORPUS]     (default /tmp/werkbezoek-synth100)
 *
 * Loads the corpus once, then
 *
 * - for each text part, times the query of that text and an entity
 *   (query_run over the whole corpus) against the text alone, the fastest
 *   of ROUNDS rounds taking turns, and prints their ratio (target: at
 *   most 2);
 * - times :path between two entities: building the graph (once per
 *   corpus, at the first :path of a session) and path_find for three
 *   chains, each the fastest of ROUNDS (target: at most 100 ms for both
 *   together, the first :path; the later ones cost path_find alone).
 *
 * The entities are the corpus's most mentioned one (the most work for a
 * query to check) and, for :path, the first and last entity of the index.
 * A program, not a test: exit status 1 when a target is missed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "path.h"
#include "query.h"
#include "search.h"

#define ROUNDS 5
#define QUERY_TARGET 2.0
#define PATH_TARGET 0.100

static const char *const texts[] = { "gemeente", "\\bwerk\\w*", "zorg|welzijn" };

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One run of text as a query; its time, its hits in *nhits. */
static double run_once(const struct corpus *c, struct search_context *sc, const char *text,
		       size_t *nhits)
{
	struct search_result r = SEARCH_RESULT_INIT;
	char *error = NULL;
	size_t column;
	struct query *q = query_parse(c, text, strlen(text), SEARCH_SMARTCASE, &error, &column);
	double t0 = now(), t;

	if (!q) {
		fprintf(stderr, "bench_query: %s: %s\n", text, error);
		exit(2);
	}
	query_run(q, sc, NULL, &r);
	t = now() - t0;
	*nhits = r.nhits;
	query_free(q);
	search_result_free(&r);
	return t;
}

/* The entity with the most mentions. */
static long most_mentioned(const struct corpus *c)
{
	const struct entity_index *ix = corpus_entities(c);
	size_t i, best = 0;

	for (i = 1; i < entity_count(ix); i++)
		if (entity_get(ix, (long)i)->nmentions > entity_get(ix, (long)best)->nmentions)
			best = i;
	return (long)best;
}

static int bench_queries(const struct corpus *c)
{
	struct search_context *sc = search_context_new(c);
	const struct entity *e = entity_get(corpus_entities(c), most_mentioned(c));
	struct buf both = BUF_INIT;
	int status = 0;
	size_t i, k;

	printf("%-28s %9s %9s %9s %6s\n", "query", "hits", "text s", "query s", "ratio");
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		double best_text = 1e9, best_both = 1e9, t;
		size_t n_text = 0, n_both = 0;

		buf_reset(&both);
		buf_printf(&both, "%s @%s", texts[i], e->id);
		for (k = 0; k < ROUNDS; k++) {
			if ((t = run_once(c, sc, texts[i], &n_text)) < best_text)
				best_text = t;
			if ((t = run_once(c, sc, both.data, &n_both)) < best_both)
				best_both = t;
		}
		printf("%-28s %9zu %9.3f %9.3f %6.2f%s\n", both.data, n_both, best_text, best_both,
		       best_both / best_text, best_both / best_text > QUERY_TARGET ? "  MISSED" : "");
		printf("%-28s %9zu\n", "  (the text alone)", n_text);
		if (best_both / best_text > QUERY_TARGET)
			status = 1;
	}
	buf_free(&both);
	search_context_free(sc);
	return status;
}

static int bench_path(const struct corpus *c)
{
	const struct entity_index *ix = corpus_entities(c);
	long a = 0, b = (long)entity_count(ix) - 1;
	double t0, graph, best = 1e9, t;
	struct path_graph *g;
	struct path *paths;
	size_t k, n = 0;

	graph = 1e9;
	for (k = 0; k < ROUNDS; k++) {
		t0 = now();
		g = path_graph_new(c);
		if ((t = now() - t0) < graph)
			graph = t;
		if (k + 1 < ROUNDS)
			path_graph_free(g);
	}
	for (k = 0; k < ROUNDS; k++) {
		t0 = now();
		n = path_find(g, a, b, 3, &paths);
		t = now() - t0;
		path_list_free(paths, n);
		if (t < best)
			best = t;
	}
	printf(":path %s %s: %zu chains; graph %.3f s (%zu links), path_find %.4f s, "
	       "first :path %.3f s%s\n", entity_get(ix, a)->id, entity_get(ix, b)->id, n, graph,
	       path_graph_links(g), best, graph + best,
	       graph + best > PATH_TARGET ? "  MISSED" : "");
	path_graph_free(g);
	return graph + best > PATH_TARGET;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/tmp/werkbezoek-synth100";
	char *error = NULL;
	struct corpus *c;
	double t0 = now();
	int status;

	c = corpus_open(path, NULL, &error);
	if (!c) {
		fprintf(stderr, "bench_query: %s\n", error);
		return 2;
	}
	printf("corpus %s: %zu documents, %zu entities, loaded in %.2f s\n", path,
	       corpus_ndocs(c), entity_count(corpus_entities(c)), now() - t0);
	status = bench_queries(c);
	status |= bench_path(c);
	return status;
}
