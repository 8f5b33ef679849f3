/* bench_search.c: search throughput against a bare PCRE2-JIT loop.
 *
 *   bench_search [CORPUS]     (default /tmp/werkbezoek-synth100)
 *
 * Loads the corpus once, then for each pattern measures in the same run
 * (a) search_run() over every document, with a time budget and a cancel
 * callback as the interface sets them, and (b) the least a search can do:
 * pcre2_jit_match() over each document's text with the same compile
 * options, counting matches.  Prints both throughputs in MB/s of document
 * text and their ratio (target: at least 0.80).  Each measurement is the
 * fastest of several rounds, (a) and (b) taking turns.  With folding, the
 * first run also builds the folded text; that time is printed apart.
 * Then a few catastrophic or slow patterns run with a one-second budget
 * and must end within 1.5 seconds.
 *
 *   bench_search --bare PATTERN [CORPUS]
 *
 * prints only the bare loop's time for PATTERN (smart case, as the
 * browser searches it), the fastest of several rounds, as "bare SECONDS
 * MATCHES": the peer the typing harness (bench-typing.py) compares with.
 *
 * A program, not a test: it includes pcre2.h only to have something to
 * compare with.  Exit status 1 if a required ratio is below the target
 * or a bounded pattern overran. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "corpus.h"
#include "search.h"

#define ROUNDS 7
#define TARGET 0.80

struct bench_case {
	const char *name;
	const char *pattern;
	unsigned flags;
	int required;           /* counts towards the exit status */
};

static const struct bench_case cases[] = {
	{ "literal", "gemeente", 0, 1 },
	{ "caseless literal", "gemeente", SEARCH_CASELESS, 1 },
	{ "\\bwerk\\w*", "\\bwerk\\w*", SEARCH_SMARTCASE, 1 },
	{ "five-word alternation",
	  "zorg|welzijn|gemeente|cliënten|vrijwilligers", SEARCH_SMARTCASE, 1 },
	{ "literal, --fold", "clienten", SEARCH_SMARTCASE | SEARCH_FOLD, 0 },
};

/* Catastrophic or slow patterns: each must end within the budget. */
static const char *const bounded[] = {
	"(a+)+$",
	"(\\w+\\s?)+$",
	"^(\\w+\\s*)*x",
	".*a.*e.*i.*o.*u.*q",
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int never(void *ctx)
{
	(void)ctx;
	return 0;
}

/* The bare loop: every match in every document's text, no bookkeeping. */
static size_t bare_loop(const struct corpus *c, pcre2_code *re,
			pcre2_match_data *md, pcre2_match_context *mc)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	size_t d, n = 0, off;
	int rc;

	for (d = 0; d < corpus_ndocs(c); d++) {
		const struct doc *doc = corpus_doc(c, d);

		off = 0;
		while (off < doc->text_len) {
			rc = pcre2_jit_match(re, (PCRE2_SPTR)doc->text,
					     doc->text_len, off,
					     PCRE2_NO_UTF_CHECK, md, mc);
			if (rc < 0)
				break;
			n++;
			off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		}
	}
	return n;
}

static pcre2_code *bare_compile(const char *pat, int caseless)
{
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
			PCRE2_NEVER_BACKSLASH_C | PCRE2_MULTILINE;
	PCRE2_SIZE erroff;
	pcre2_code *re;
	int err;

	if (caseless)
		opts |= PCRE2_CASELESS;
	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts, &err,
			   &erroff, NULL);
	if (!re || pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0) {
		fprintf(stderr, "bench_search: cannot JIT-compile %s\n", pat);
		exit(2);
	}
	return re;
}

/* --bare: the bare loop's best time for pat over c, smart case. */
static int bare_only(const struct corpus *c, const char *pat)
{
	char *error = NULL;
	struct search_pattern *p = search_compile(pat, strlen(pat), SEARCH_SMARTCASE, &error);
	pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	pcre2_jit_stack *js;
	double t, best = 1e9;
	size_t n = 0;
	int round;

	if (!p) {
		fprintf(stderr, "bench_search: %s: %s\n", pat, error);
		return 2;
	}
	re = bare_compile(pat, search_pattern_caseless(p));
	md = pcre2_match_data_create(1, NULL);
	mc = pcre2_match_context_create(NULL);
	js = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	pcre2_jit_stack_assign(mc, NULL, js);
	for (round = 0; round < ROUNDS; round++) {
		t = now();
		n = bare_loop(c, re, md, mc);
		t = now() - t;
		if (t < best)
			best = t;
	}
	printf("bare %.4f %zu\n", best, n);
	pcre2_jit_stack_free(js);
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	search_pattern_free(p);
	return 0;
}

int main(int argc, char **argv)
{
	const char *bare = argc > 2 && !strcmp(argv[1], "--bare") ? argv[2] : NULL;
	const char *path = bare ? (argc > 3 ? argv[3] : "/tmp/werkbezoek-synth100")
			   : argc > 1 ? argv[1] : "/tmp/werkbezoek-synth100";
	struct search_limits lim = { 60.0, never, NULL };
	struct search_result res = SEARCH_RESULT_INIT;
	struct search_context *sc;
	struct corpus *c;
	char *error = NULL;
	double t, best_s, best_b, mb, cold = 0;
	size_t i, d, bytes = 0, nbare = 0;
	int round, fail = 0;

	t = now();
	c = corpus_open(path, NULL, &error);
	if (!c) {
		fprintf(stderr, "bench_search: %s\n", error);
		return 2;
	}
	if (bare) {
		fail = bare_only(c, bare);
		corpus_free(c);
		return fail;
	}
	for (d = 0; d < corpus_ndocs(c); d++)
		bytes += corpus_doc(c, d)->text_len;
	mb = (double)bytes / 1e6;
	printf("corpus %s: %zu documents, %.1f MB of text, loaded in %.2f s; searching on 1 thread\n",
	       path, corpus_ndocs(c), mb, now() - t);
	printf("%-22s %9s %9s %9s %6s %9s\n", "pattern", "hits", "search",
	       "bare", "ratio", "");
	printf("%-22s %9s %9s %9s %6s\n", "", "", "MB/s", "MB/s", "");
	sc = search_context_new(c);

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		const struct bench_case *bc = &cases[i];
		struct search_pattern *p;
		pcre2_code *re;
		pcre2_match_data *md;
		pcre2_match_context *mc;
		pcre2_jit_stack *js;

		p = search_compile(bc->pattern, strlen(bc->pattern), bc->flags,
				   &error);
		if (!p) {
			fprintf(stderr, "bench_search: %s: %s\n", bc->pattern, error);
			return 2;
		}
		re = bare_compile(bc->pattern, search_pattern_caseless(p));
		md = pcre2_match_data_create(1, NULL);
		mc = pcre2_match_context_create(NULL);
		js = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
		pcre2_jit_stack_assign(mc, NULL, js);

		if (bc->flags & SEARCH_FOLD) {
			t = now();
			search_run(sc, p, 0, corpus_ndocs(c), &lim, &res);
			cold = now() - t;
			search_result_reset(&res);
		}
		best_s = best_b = 1e9;
		for (round = 0; round < ROUNDS; round++) {
			search_result_reset(&res);
			t = now();
			search_run(sc, p, 0, corpus_ndocs(c), &lim, &res);
			t = now() - t;
			if (t < best_s)
				best_s = t;
			t = now();
			nbare = bare_loop(c, re, md, mc);
			t = now() - t;
			if (t < best_b)
				best_b = t;
		}
		printf("%-22s %9zu %9.0f %9.0f %6.2f %s\n", bc->name, res.nhits,
		       mb / best_s, mb / best_b, best_b / best_s,
		       res.status != SEARCH_DONE ? search_status_message(res.status) :
		       !bc->required ? "(not required)" :
		       best_b / best_s < TARGET ? "BELOW TARGET" : "");
		if (bc->flags & SEARCH_FOLD)
			printf("%-22s (bare: the pattern unfolded over the original "
			       "text)\n%-22s first run, folding the text: %.3f s\n",
			       "", "", cold);
		else if (nbare != res.nhits)
			printf("%-22s bare loop counted %zu matches\n", "", nbare);
		if (bc->required && best_b / best_s < TARGET)
			fail = 1;

		pcre2_jit_stack_free(js);
		pcre2_match_context_free(mc);
		pcre2_match_data_free(md);
		pcre2_code_free(re);
		search_pattern_free(p);
	}

	/* patterns that must end, with a one-second budget */
	printf("\n%-22s %9s %9s  %s\n", "bounded (1 s budget)", "hits", "seconds",
	       "status");
	lim.seconds = 1.0;
	for (i = 0; i < sizeof bounded / sizeof *bounded; i++) {
		struct search_pattern *p;
		enum search_status st;

		p = search_compile(bounded[i], strlen(bounded[i]),
				   SEARCH_SMARTCASE, &error);
		if (!p) {
			fprintf(stderr, "bench_search: %s: %s\n", bounded[i], error);
			return 2;
		}
		search_result_reset(&res);
		t = now();
		st = search_run(sc, p, 0, corpus_ndocs(c), &lim, &res);
		t = now() - t;
		printf("%-22s %9zu %9.3f  %s\n", bounded[i], res.nhits, t,
		       st == SEARCH_DONE ? "done" : search_status_message(st));
		if (t > 1.5)
			fail = 1;
		search_pattern_free(p);
	}

	search_result_free(&res);
	search_context_free(sc);
	corpus_free(c);
	return fail;
}
