/* Unit tests for search as you type (search_live.c) and what it relies on
 * in search.c: the hit array kept from pattern to pattern, documents
 * counted as hits arrive, a search narrowed to a list of documents, which
 * patterns may be narrowed, and a search typed key by key, stopped after
 * every slice, giving the very hits of a search run once.
 *
 * The fixture is made here: 40 small TEI documents of Dutch-like words
 * around "gemeente" (with and without accents and capitals, and some
 * documents without it), one of them with a hundred paragraphs so that a
 * slice stops inside it. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "buf.h"
#include "corpus.h"
#include "search.h"
#include "search_live.h"

#define NDOCS 40

static struct corpus *corpus;
static struct search_context *sc;

/* Words the documents are made of; the i-th document takes every word
 * whose index shares a factor pattern with i, so documents differ. */
static const char *const words[] = {
	"gemeente", "gemeenten", "Gemeente", "GEMEENTE", "geméénte", "gemak",
	"gebouw", "wijk", "genoeg", "gemeentehuis", "zorg", "Gemak", "ge", "g",
	"gegegemeente",
};
#define NWORDS (sizeof words / sizeof *words)

static void write_doc(const char *dir, size_t i)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	size_t p, w, paras = i == 7 ? 100 : 1 + i % 4;
	FILE *f;

	buf_printf(&text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"d%02zu\">\n"
		   "<teiHeader><fileDesc><titleStmt><title>d%02zu</title></titleStmt>"
		   "<publicationStmt><p>Test.</p></publicationStmt>"
		   "<sourceDesc><p>test_search_live</p></sourceDesc></fileDesc>"
		   "</teiHeader>\n<text><body>\n", i, i);
	for (p = 0; p < paras; p++) {
		buf_adds(&text, "<p>");
		for (w = 0; w < NWORDS; w++)
			/* documents 3, 13, 23, 33 have no word of gem… at all */
			if ((i * 7 + p * 3 + w * 5) % 11 < 4 + i % 3 &&
			    !(i % 10 == 3 && (words[w][0] | 0x20) == 'g'))
				buf_printf(&text, "%s ", words[w]);
		buf_adds(&text, "de wijk.</p>\n");
	}
	buf_adds(&text, "</body></text>\n</TEI>\n");
	buf_printf(&path, "%s/d%02zu.xml", dir, i);
	f = fopen(path.data, "w");
	if (!f || fputs(text.data, f) == EOF || fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", path.data);
		exit(1);
	}
	buf_free(&path);
	buf_free(&text);
}

static struct search_pattern *compile(const char *pat, unsigned flags)
{
	char *error = NULL;
	struct search_pattern *p = search_compile(pat, strlen(pat), flags, &error);

	if (!p) {
		printf("Bail out! %s: %s\n", pat, error);
		exit(1);
	}
	return p;
}

/* pat searched once over the corpus, no limits. */
static void search_once(const char *pat, unsigned flags, struct search_result *r)
{
	struct search_pattern *p = compile(pat, flags);

	search_run(sc, p, 0, corpus_ndocs(corpus), NULL, r);
	search_pattern_free(p);
}

static int same_hits(const struct search_result *a, const struct search_result *b)
{
	return a->nhits == b->nhits && a->total == b->total && a->ndocs == b->ndocs &&
	       (!a->nhits || !memcmp(a->hits, b->hits, a->nhits * sizeof *a->hits)) &&
	       (!a->ndocs || !memcmp(a->docs, b->docs, a->ndocs * sizeof *a->docs));
}

static void test_reuse_and_docs(void)
{
	struct search_result r = SEARCH_RESULT_INIT, one = SEARCH_RESULT_INIT;
	const struct search_hit *before;
	size_t cap, i, docs = 0;

	search_once("ge", SEARCH_SMARTCASE, &r);
	ok(r.nhits > 100, "ge has hits (%zu)", r.nhits);
	for (i = 0; i < r.nhits; i++)
		if (i == 0 || r.hits[i].doc != r.hits[i - 1].doc) {
			if (docs < r.ndocs && r.docs[docs] != r.hits[i].doc)
				break;
			docs++;
		}
	is_int(r.ndocs, docs, "the documents are counted as the hits arrive");
	ok(i == r.nhits, "and listed in corpus order");
	is_int(r.ndocs, NDOCS - 4, "every document but the four without ge…");
	before = r.hits;
	cap = r.cap;
	search_result_reset(&r);
	ok(r.hits == before && r.cap == cap && r.nhits == 0 && r.ndocs == 0 && r.total == 0,
	   "reset keeps the array for the next pattern");
	search_once("gemeente", SEARCH_SMARTCASE, &r);
	ok(r.hits == before, "a pattern with fewer hits fills the same array");
	search_result_trim(&r);
	is_int(r.cap, r.nhits, "trim gives back what is not used");
	is_int(r.docs_cap, r.ndocs, "and of the document list");
	search_once("gemeente", SEARCH_SMARTCASE, &one);
	ok(same_hits(&r, &one), "a reused and trimmed array holds the same hits");

	/* with a keep, the documents of hits not kept still count */
	search_result_free(&r);
	r.keep = 3;
	search_once("gemeente", SEARCH_SMARTCASE, &r);
	is_int(r.nhits, 3, "keep 3: three hits kept");
	is_int(r.ndocs, one.ndocs, "and every document with a hit counted");
	search_result_free(&r);
	search_result_free(&one);
	search_result_free(NULL);
}

static void test_run_docs(void)
{
	struct search_result all = SEARCH_RESULT_INIT, some = SEARCH_RESULT_INIT,
			     want = SEARCH_RESULT_INIT;
	struct search_pattern *p = compile("gemeente", SEARCH_SMARTCASE);
	const uint32_t list[] = { 1, 7, 8, 20, 39 };
	size_t i, j;

	search_run(sc, p, 0, NDOCS, NULL, &all);
	for (i = 0; i < all.nhits; i++)
		for (j = 0; j < sizeof list / sizeof *list; j++)
			if (all.hits[i].doc == list[j])
				search_result_add(&want, all.hits[i].doc, all.hits[i].block,
						  all.hits[i].start, all.hits[i].end);
	is_int(search_run_docs(sc, p, list, 5, 0, NULL, &some), SEARCH_DONE,
	       "a search over a list of documents");
	ok(want.nhits > 0 && same_hits(&some, &want), "finds the hits of those documents only");
	is_int(some.next_doc, NDOCS, "and is done with the corpus");
	search_result_reset(&some);
	search_run_docs(sc, p, list, 5, 8, NULL, &some);
	ok(some.nhits && some.hits[0].doc == 8, "from a document on: the list from there");
	search_result_free(&all);
	search_result_free(&some);
	search_result_free(&want);
	search_pattern_free(p);
}

static void test_narrows(void)
{
	static const struct {
		const char *old, *text;
		unsigned flags;
		int want;
	} cases[] = {
		{ "gem", "geme", SEARCH_SMARTCASE, 1 },
		{ "gem", "gem", SEARCH_SMARTCASE, 1 },
		{ "gem", "gemeente huis", SEARCH_SMARTCASE, 1 },
		{ "gem", "gemE", SEARCH_SMARTCASE, 1 },      /* turns case-sensitive */
		{ "Gem", "Geme", SEARCH_SMARTCASE, 1 },
		{ "gem", "geme", SEARCH_CASELESS, 1 },
		{ "gem", "geme", 0, 1 },
		{ "gem", "gemé", SEARCH_SMARTCASE, 1 },
		{ "gem", "geme", SEARCH_FOLD, 1 },
		{ "gem", "gemé", SEARCH_FOLD, 0 },           /* folding is not ASCII */
		{ "", "g", SEARCH_SMARTCASE, 0 },
		{ "geme", "gem", SEARCH_SMARTCASE, 0 },      /* shorter */
		{ "gem", "gaten", SEARCH_SMARTCASE, 0 },     /* not a prefix */
		{ "gem", "gem.", SEARCH_SMARTCASE, 0 },
		{ "gem", "gem*", SEARCH_SMARTCASE, 0 },
		{ "gem", "gem?", SEARCH_SMARTCASE, 0 },
		{ "gem", "gem|x", SEARCH_SMARTCASE, 0 },
		{ "gem", "gem\\w", SEARCH_SMARTCASE, 0 },
		{ "gem", "gem{2}", SEARCH_SMARTCASE, 0 },
		{ "gem", "gem(x)", SEARCH_SMARTCASE, 0 },
		{ "gem", "gem[e]", SEARCH_SMARTCASE, 0 },
		{ "gem", "gem$", SEARCH_SMARTCASE, 0 },
		{ "gem", "gem\t", SEARCH_SMARTCASE, 0 },      /* a control character */
		{ "gem", "gem @p1", SEARCH_SMARTCASE, 0 },   /* the query language */
		{ "re", "re:x", SEARCH_SMARTCASE, 0 },
		{ "gem", "gem doc:d01", SEARCH_SMARTCASE, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(search_live_narrows(cases[i].old, strlen(cases[i].old), cases[i].text,
					   strlen(cases[i].text), cases[i].flags),
		       cases[i].want, "narrows(\"%s\", \"%s\", %u)", cases[i].old, cases[i].text,
		       cases[i].flags);
}

/* A key waiting, at the first look: every step stops at its first check
 * (after one document, or a few matches into one). */
static int key_waiting(void *ctx)
{
	(void)ctx;
	return 1;
}

/* Types the prefixes of word one key at a time, as the interface does:
 * each new pattern starts on what the last one left after `slices`
 * cancelled slices (0: searched to the end at once), and the last is
 * searched to the end a slice at a time.  Checks every pattern against a search run
 * once, and that a longer pattern was narrowed.  Returns how many keys
 * were narrowed to the places of the last pattern's hits. */
static size_t type_word(const char *word, unsigned flags, size_t slices, int want_hits)
{
	struct search_live lv = SEARCH_LIVE_INIT;
	struct search_result r = SEARCH_RESULT_INIT, once = SEARCH_RESULT_INIT;
	struct search_limits lim = { 0, key_waiting, NULL };
	struct search_pattern *p = NULL;
	size_t len, n, wlen = strlen(word), steps = 0, narrowed = 0, at_hits = 0, mid_doc = 0;
	int same = 1;

	for (len = 1; len <= wlen; len++) {
		char *pat = xmalloc(len + 1);
		struct search_pattern *next;

		memcpy(pat, word, len);
		pat[len] = '\0';
		next = compile(pat, flags);
		search_live_start(&lv, pat, len, flags, next, corpus, &r);
		/* the last pattern is still in use while the next starts */
		search_pattern_free(p);
		p = next;
		narrowed += lv.narrowed != SEARCH_EVERYWHERE;
		at_hits += lv.narrowed == SEARCH_AT_HITS;
		if (!slices)
			search_live_step(&lv, sc, NULL, &r);
		for (n = 0; (len == wlen || n < slices) &&
			    search_live_step(&lv, sc, &lim, &r) != SEARCH_DONE; n++) {
			steps++;
			mid_doc += r.next_off != 0;
		}
		if (len == wlen || !slices) {
			search_result_reset(&once);
			search_once(pat, flags, &once);
			same &= same_hits(&r, &once);
		}
		free(pat);
	}
	ok(same, "/%s typed (flags %u, %zu slices a key): the hits of a one-shot search",
	   word, flags, slices);
	ok(!want_hits == !once.total, "  and it has %s hits (%zu)", want_hits ? "" : "no",
	   once.total);
	is_int(narrowed, wlen - 1, "  every key after the first narrowed the search");
	if (slices && want_hits)
		ok(steps > NDOCS && mid_doc > 0,
		   "  stopped %zu times, %zu inside a document, and resumed", steps, mid_doc);
	search_pattern_free(p);
	search_live_free(&lv);
	search_result_free(&r);
	search_result_free(&once);
	return at_hits;
}

/* A pattern that is not a literal searches everywhere again. */
static void test_not_narrowed(void)
{
	struct search_live lv = SEARCH_LIVE_INIT;
	struct search_result r = SEARCH_RESULT_INIT, once = SEARCH_RESULT_INIT;
	struct search_pattern *a = compile("gemeente", SEARCH_SMARTCASE),
			      *b = compile("gemeente|wijk", SEARCH_SMARTCASE);

	search_live_start(&lv, "gemeente", 8, SEARCH_SMARTCASE, a, corpus, &r);
	search_live_step(&lv, sc, NULL, &r);
	search_live_start(&lv, "gemeente|wijk", 13, SEARCH_SMARTCASE, b, corpus, &r);
	ok(!lv.narrowed, "an alternation after a literal is searched everywhere");
	search_live_step(&lv, sc, NULL, &r);
	search_once("gemeente|wijk", SEARCH_SMARTCASE, &once);
	ok(same_hits(&r, &once) && r.ndocs == NDOCS, "with all its hits");
	ok(search_live_same(&lv, "gemeente|wijk", 13, SEARCH_SMARTCASE) &&
	   !search_live_same(&lv, "gemeente|wijk", 13, SEARCH_CASELESS) &&
	   !search_live_same(&lv, "gemeente", 8, SEARCH_SMARTCASE),
	   "the same pattern is the same text with the same flags");
	search_live_forget(&lv);
	search_live_start(&lv, "gemeente|wijke", 14, SEARCH_SMARTCASE, b, corpus, &r);
	ok(!lv.narrowed, "nothing to narrow from after forget");
	search_live_free(&lv);
	search_live_free(NULL);
	search_result_free(&r);
	search_result_free(&once);
	search_pattern_free(a);
	search_pattern_free(b);
}

int main(void)
{
	char dir[] = "/tmp/test_search_live.XXXXXX";
	struct buf path = BUF_INIT;
	char *error = NULL;
	size_t i;

	setlocale(LC_CTYPE, "C.UTF-8");
	if (!mkdtemp(dir)) {
		printf("Bail out! mkdtemp failed\n");
		return 1;
	}
	for (i = 0; i < NDOCS; i++)
		write_doc(dir, i);
	corpus = corpus_open(dir, NULL, &error);
	for (i = 0; i < NDOCS; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/d%02zu.xml", dir, i);
		unlink(path.data);
	}
	buf_free(&path);
	rmdir(dir);
	if (!corpus || corpus_ndocs(corpus) != NDOCS) {
		printf("Bail out! %s\n", error ? error : "the fixture did not load");
		return 1;
	}
	sc = search_context_new(corpus);

	test_reuse_and_docs();
	test_run_docs();
	test_narrows();
	/* searched to the end, a pattern's hits are the places of the next */
	is_int(type_word("gemeente", SEARCH_SMARTCASE, 0, 1), 7,
	       "  each key to where the last one's hits start");
	is_int(type_word("gemeente", SEARCH_CASELESS, 0, 1), 7, "  (caseless too)");
	is_int(type_word("gemeente", SEARCH_FOLD, 0, 1), 0, "  but not with folding");
	/* "gege" in "gegegemeente" is found once, at 0: "gegem" at 2 is not
	 * where a hit of it starts */
	is_int(type_word("gegem", SEARCH_SMARTCASE, 0, 1), 2,
	       "  not from geg and gege, which a match of can overlap");
	type_word("gemeente", SEARCH_SMARTCASE, 1, 1);
	type_word("gemeente", SEARCH_SMARTCASE, 3, 1);
	type_word("Gemeente", SEARCH_SMARTCASE, 2, 1);
	type_word("gemEente", SEARCH_SMARTCASE, 1, 0);
	type_word("gemeente", SEARCH_CASELESS, 1, 1);
	type_word("gemeente", 0, 2, 1);
	type_word("gemeente", SEARCH_FOLD | SEARCH_SMARTCASE, 1, 1);
	type_word("gemeentehuis", SEARCH_SMARTCASE, 1, 1);
	type_word("gemx", SEARCH_SMARTCASE, 1, 0);
	test_not_narrowed();

	search_context_free(sc);
	corpus_free(corpus);
	return done_testing();
}
