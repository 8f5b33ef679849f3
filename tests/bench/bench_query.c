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
 * - times :path: building the graph (once per corpus, at the first
 *   :path of a session), then path_find for three chains between three
 *   pairs of entities, each the fastest of ROUNDS (target: at most 100 ms
 *   for the graph and the slowest pair together, the first :path; the
 *   later ones cost path_find alone).
 *
 * The query's entity is the corpus's most mentioned one (the most work
 * for a query to check); the :path pairs are the first and last entity
 * of the index, the most and the least mentioned, and two from the
 * middle.
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

/* The entity with the fewest mentions, but at least one. */
static long least_mentioned(const struct corpus *c)
{
	const struct entity_index *ix = corpus_entities(c);
	size_t i;
	long best = -1;

	for (i = 0; i < entity_count(ix); i++) {
		size_t m = entity_get(ix, (long)i)->nmentions;

		if (m && (best < 0 || m < entity_get(ix, best)->nmentions))
			best = (long)i;
	}
	return best < 0 ? 0 : best;
}

/* path_find for a and b, the fastest of ROUNDS; its chains in *n. */
static double time_find(const struct path_graph *g, long a, long b, size_t *n)
{
	double best = 1e9, t0, t;
	struct path *paths;
	size_t k;

	for (k = 0; k < ROUNDS; k++) {
		t0 = now();
		*n = path_find(g, a, b, 3, &paths);
		t = now() - t0;
		path_list_free(paths, *n);
		if (t < best)
			best = t;
	}
	return best;
}

/* The graph once (the fastest of ROUNDS builds), then path_find for
 * pairs of different reach: the first and last entity of the index, the
 * most and the least mentioned, two from the middle.  The first :path
 * is the graph and the slowest pair. */
static int bench_path(const struct corpus *c)
{
	const struct entity_index *ix = corpus_entities(c);
	long n = (long)entity_count(ix);
	long pairs[][2] = { { 0, n - 1 }, { most_mentioned(c), least_mentioned(c) },
			    { n / 3, 2 * n / 3 } };
	double t0, graph = 1e9, worst = 0, t;
	struct path_graph *g = NULL;
	size_t k, chains;

	for (k = 0; k < ROUNDS; k++) {
		path_graph_free(g);
		t0 = now();
		g = path_graph_new(c);
		if ((t = now() - t0) < graph)
			graph = t;
	}
	printf(":path graph %.3f s (%zu links)\n", graph, path_graph_links(g));
	for (k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++) {
		t = time_find(g, pairs[k][0], pairs[k][1], &chains);
		printf(":path %s %s: %zu chains, path_find %.4f s\n",
		       entity_get(ix, pairs[k][0])->id, entity_get(ix, pairs[k][1])->id, chains, t);
		if (t > worst)
			worst = t;
	}
	printf("first :path (graph + slowest path_find) %.3f s%s\n", graph + worst,
	       graph + worst > PATH_TARGET ? "  MISSED" : "");
	path_graph_free(g);
	return graph + worst > PATH_TARGET;
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
