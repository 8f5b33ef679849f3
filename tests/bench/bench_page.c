/* bench_page: how long the entity page of the most-mentioned entity takes.
 *
 *   tests/bench/bench_page [CORPUS]      (make bench runs it)
 *
 * Loads the corpus once, picks the entity with the most mentions, and
 * prints the fastest of five rounds of entity_cooccurring() (the
 * "Appears with" count), of page_entity_first() with the 200 mention
 * lines the reader builds before it draws the first screen (target: 20
 * ms), and of page_entity(), the whole page, which the reader builds after
 * the first screen is out.  A program, not a test: make check does not
 * run it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "corpus.h"
#include "entity.h"
#include "page.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/tmp/werkbezoek-synth100";
	const struct entity_index *ix;
	const struct entity *e;
	struct corpus *c;
	char *error = NULL;
	double t, best_co = 1e9, best_page = 1e9, best_first = 1e9;
	size_t i, n, nblocks = 0;
	long top = -1;
	int round;

	c = corpus_open(path, NULL, &error);
	if (!c) {
		fprintf(stderr, "bench_page: %s\n", error);
		return 2;
	}
	ix = corpus_entities(c);
	for (i = 0; i < entity_count(ix); i++)
		if (top < 0 || entity_get(ix, (long)i)->nmentions >
			       entity_get(ix, top)->nmentions)
			top = (long)i;
	if (top < 0) {
		fprintf(stderr, "bench_page: no entities in %s\n", path);
		return 2;
	}
	e = entity_get(ix, top);
	for (round = 0; round < 5; round++) {
		long *others;
		size_t *counts;
		struct page *p;

		t = now();
		n = entity_cooccurring(ix, top, &others, &counts);
		t = now() - t;
		best_co = t < best_co ? t : best_co;
		free(others);
		free(counts);
		t = now();
		p = page_entity(c, top);
		t = now() - t;
		best_page = t < best_page ? t : best_page;
		nblocks = p->nblocks;
		page_free(p);
		t = now();
		p = page_entity_first(c, top, 200);
		t = now() - t;
		best_first = t < best_first ? t : best_first;
		page_free(p);
	}
	printf("entity page of %s: %zu mentions in %zu documents, %zu co-occurring, %zu lines\n",
	       e->id, e->nmentions, e->ndocs, n, nblocks);
	printf("appears-with count:  %.1f ms (on 1 thread)\n", best_co * 1e3);
	printf("first screen:        %.1f ms (the first 200 mention lines), %.2f x the 20 ms target\n",
	       best_first * 1e3, best_first / 0.020);
	printf("whole page:          %.1f ms (built after the first screen is out), %.1f x the first screen\n",
	       best_page * 1e3, best_page / best_first);
	corpus_free(c);
	corpus_cleanup();
	return best_first > 0.020;
}
