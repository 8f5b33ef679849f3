/* Unit tests for search.c: compiling, smart case, accent folding, limits,
 * block boundaries, resumable runs, keyword in context, sorting and the
 * batch position of a hit.
 *
 * The fixture is three small TEI documents written to a temporary
 * directory and opened with corpus_open(): Dutch text with and without
 * accents, a name, a list, wide characters, a bidi control, and (in the
 * last document) a run of a's for the catastrophic pattern.  Runs in the
 * C.UTF-8 locale so that wide characters are two columns. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../tap.h"
#include "buf.h"
#include "corpus.h"
#include "kwic.h"
#include "search.h"
#include "text.h"

#define HEADER(id, date)                                                     \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                        \
	"<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"" id "\">\n"      \
	"<teiHeader><fileDesc><titleStmt><title>" id "</title></titleStmt>"   \
	"<publicationStmt><p>Test.</p></publicationStmt>"                     \
	"<sourceDesc><p>test_search</p></sourceDesc></fileDesc>"              \
	"<profileDesc><creation><date when=\"" date "\"/></creation>"         \
	"</profileDesc></teiHeader>\n<text><body>\n"
#define FOOTER "</body></text>\n</TEI>\n"

static const char doc_een[] = HEADER("eerste", "2014-11-05")
	"<p>De cliënten van het café kregen één kop koffie.</p>\n"
	"<p>Clienten en ÉÉN CAFÉ, zonder accenten: clienten een cafe.</p>\n"
	"<p>Wethouder <persName>Aly van Beek</persName> sprak met de Werkgroep.</p>\n"
	"<list><item>werkbezoek aan Emmen</item><item>werken in de wijk</item></list>\n"
	"<p>Ontleed: cafe\xCC\x81 hier.</p>\n"
	"<p>Let op&#x202E;: gevaar.</p>\n"
	"<p>xx y xxx</p>\n"
	"<p>aaaaaaaaab</p>\n"
	"<p>漢字漢字 wide werk 漢字漢字漢字</p>\n"
	FOOTER;

static const char doc_twee[] = HEADER("tweede", "2015-01-01")
	"<p>Het werk van de zorg.</p>\n"
	"<p>Goed werk doet wonderen.</p>\n"
	"<p>Ander werk zonder naam.</p>\n"
	FOOTER;

static const char doc_namen[] = HEADER("namen", "2017-01-01")
	"<p>Ștefan las Æsop in de Straße, van Łódź tot de Øresund.</p>\n"
	FOOTER;

static const char doc_drie[] = HEADER("derde", "2016-01-01")
	"<p>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab</p>\n"
	FOOTER;

static struct corpus *corpus;
static struct search_context *sc;
static size_t ndocs;

static void write_file(const char *dir, const char *name, const char *text)
{
	struct buf path = BUF_INIT;
	FILE *f;

	buf_printf(&path, "%s/%s", dir, name);
	f = fopen(path.data, "w");
	if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", path.data);
		exit(1);
	}
	buf_free(&path);
}

static void remove_file(const char *dir, const char *name)
{
	struct buf path = BUF_INIT;

	buf_printf(&path, "%s/%s", dir, name);
	unlink(path.data);
	buf_free(&path);
}

/* Runs pat over documents [from, to) with no limits. */
static enum search_status run(const char *pat, unsigned flags, size_t from,
			      size_t to, struct search_result *r)
{
	struct search_pattern *p;
	enum search_status st;
	char *error = NULL;

	p = search_compile(pat, strlen(pat), flags, &error);
	if (!p) {
		printf("# %s: %s\n", pat, error);
		free(error);
		return SEARCH_TOO_COMPLEX;
	}
	st = search_run(sc, p, from, to, NULL, r);
	search_pattern_free(p);
	return st;
}

static size_t count(const char *pat, unsigned flags)
{
	struct search_result r = SEARCH_RESULT_INIT;
	size_t n;

	run(pat, flags, 0, ndocs, &r);
	n = r.nhits;
	search_result_free(&r);
	return n;
}

static const struct block *hit_block(const struct search_hit *h)
{
	return &corpus_doc(corpus, h->doc)->blocks[h->block];
}

/* The text of hit i of r, as a static string of the last call. */
static const char *hit_text(const struct search_result *r, size_t i)
{
	static struct buf b;
	const struct search_hit *h = &r->hits[i];

	buf_reset(&b);
	if (i >= r->nhits)
		return "(no hit)";
	buf_add(&b, hit_block(h)->text + h->start, h->end - h->start);
	return b.data;
}

/* The index of the first block of document d whose text contains s. */
static size_t find_block(size_t d, const char *s)
{
	const struct doc *doc = corpus_doc(corpus, d);
	size_t i, j, n = strlen(s);

	for (i = 0; i < doc->nblocks; i++)
		for (j = 0; j + n <= doc->blocks[i].len; j++)
			if (memcmp(doc->blocks[i].text + j, s, n) == 0)
				return i;
	return (size_t)-1;
}

static int caseless(const char *pat)
{
	char *error = NULL;
	struct search_pattern *p;
	int c;

	p = search_compile(pat, strlen(pat), SEARCH_SMARTCASE, &error);
	if (!p) {
		printf("# %s: %s\n", pat, error);
		free(error);
		return -1;
	}
	c = search_pattern_caseless(p);
	search_pattern_free(p);
	return c;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int hits_equal(const struct search_result *a,
		      const struct search_result *b)
{
	return a->nhits == b->nhits &&
	       (a->nhits == 0 ||
		memcmp(a->hits, b->hits, a->nhits * sizeof *a->hits) == 0);
}

static int always(void *ctx)
{
	int *n = ctx;

	(*n)++;
	return 1;
}

static void test_literal_and_case(void)
{
	is_int(count("koffie", SEARCH_SMARTCASE), 1, "a literal finds its one hit");
	is_int(count("café", SEARCH_SMARTCASE), 2,
	       "smart case: café finds café and CAFÉ");
	is_int(count("café", 0), 1, "without smart case café finds only café");
	is_int(count("Clienten", SEARCH_SMARTCASE), 1,
	       "smart case: an upper-case letter makes the search exact");
	is_int(count("clienten", SEARCH_SMARTCASE), 2,
	       "smart case: clienten finds Clienten and clienten");
	is_int(count("Clienten", SEARCH_CASELESS | SEARCH_SMARTCASE), 2,
	       "-i wins over smart case");
	is_int(count("ÉÉN", SEARCH_CASELESS), 2,
	       "Unicode case folding: ÉÉN finds één and ÉÉN");
	is_int(count("ÉÉN", SEARCH_SMARTCASE), 1,
	       "smart case: É is an upper-case letter");
	is_int(count("\\bcafé\\b", SEARCH_SMARTCASE), 2,
	       "\\b knows that é is a letter: \\bcafé\\b");
	is_int(count("\\bcaf\\b", SEARCH_SMARTCASE), 0,
	       "\\b does not split café");

	is_int(caseless("werk"), 1, "smart case: werk ignores case");
	is_int(caseless("\\W\\S\\D\\B\\Aa"), 1, "smart case: escapes are not literals");
	is_int(caseless("\\p{Lu}x\\P{Lu}\\pL"), 1, "smart case: \\p{Lu} is not a literal");
	is_int(caseless("\\N{U+41}x"), 1, "smart case: \\N{U+41} is not a literal");
	is_int(caseless("\\xABx\\x{C9}"), 1, "smart case: hex digits are not literals");
	is_int(caseless("\\xABCD"), 0, "smart case: \\xAB takes two digits, CD are literals");
	is_int(caseless("(?U)x(?-U:y)"), 1, "smart case: option letters are not literals");
	is_int(caseless("(?<Naam>x)\\k<Naam>(?P=Naam)"), 1,
	       "smart case: group names are not literals");
	is_int(caseless("(*LIMIT_MATCH=10)(*UCP)x(*MARK:A)"), 1,
	       "smart case: verbs are not literals");
	is_int(caseless("[[:alpha:]]x\\cA"), 1, "smart case: a POSIX class is not a literal");
	is_int(caseless("(?#Comment)x"), 1, "smart case: a comment is not a literal");
	is_int(caseless("[A-Z]x"), 0, "smart case: a class's letters are literals");
	is_int(caseless("\\QAB\\E"), 0, "smart case: \\Q…\\E holds literals");
	is_int(caseless("(?i:x)(?=Y)"), 0, "smart case: a letter after a group head counts");
	is_int(caseless("(*pla:Y)"), 0, "smart case: (*pla:…) holds literals");
	is_int(caseless("x\\É"), 0, "smart case: an escaped É is a literal");
}

static void test_fold(void)
{
	struct search_result r = SEARCH_RESULT_INIT;
	size_t b;

	is_int(count("clienten", SEARCH_SMARTCASE | SEARCH_FOLD), 3,
	       "fold: clienten finds cliënten, Clienten and clienten");
	is_int(count("cliënten", SEARCH_SMARTCASE | SEARCH_FOLD), 3,
	       "fold: cliënten finds clienten too");
	is_int(count("\\been\\b", SEARCH_SMARTCASE | SEARCH_FOLD), 3,
	       "fold: een finds één, ÉÉN and een");
	is_int(count("\\bcafe\\b", SEARCH_SMARTCASE | SEARCH_FOLD), 4,
	       "fold: cafe finds café, CAFÉ, cafe and a decomposed café");
	is_int(count("caf\\é", SEARCH_SMARTCASE | SEARCH_FOLD), 4,
	       "fold: an escaped é folds without becoming \\e");
	is_int(count("clienten", SEARCH_SMARTCASE), 2, "no fold: clienten misses cliënten");

	run("clienten", SEARCH_SMARTCASE | SEARCH_FOLD, 0, 1, &r);
	b = find_block(0, "De cliënten");
	ok(r.nhits == 3 && r.hits[0].block == b, "fold: the first hit is in the first paragraph");
	if (r.nhits) {
		is_int(r.hits[0].start, 3, "fold: the hit starts at its byte in the original");
		is_int(r.hits[0].end, 3 + strlen("cliënten"),
		       "fold: the hit ends at its byte in the original");
		is_str(hit_text(&r, 0), "cliënten", "fold: the hit's original text");
	}
	search_result_reset(&r);

	run("ontleed: cafe", SEARCH_SMARTCASE | SEARCH_FOLD, 0, 1, &r);
	is_int(r.nhits, 1, "fold: a decomposed é is found");
	if (r.nhits)
		is_str(hit_text(&r, 0), "Ontleed: cafe\xCC\x81",
		       "fold: the hit takes the combining accent along");
	search_result_reset(&r);

	run("één kop", SEARCH_SMARTCASE | SEARCH_FOLD, 0, 1, &r);
	is_int(r.nhits, 1, "fold: an accented pattern finds accented text");
	if (r.nhits)
		is_str(hit_text(&r, 0), "één kop", "fold: and its hit is the original text");
	search_result_free(&r);
}

/* The & filter (text_contains_folded) and --fold agree: each name is
 * found by both from its folded spelling, and the --fold hit covers
 * exactly the name as written. */
static void test_fold_agrees(const char *dir)
{
	static const char *const names[][2] = {
		{ "Ștefan", "stefan" }, { "Æsop", "aesop" }, { "Straße", "strasse" },
		{ "Łódź", "lodz" }, { "Øresund", "oresund" },
	};
	static const char *const parts[] = { "stras", "sse", "esop", "a", "s", "\\w" };
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_context *own;
	struct corpus *c;
	const struct block *bl;
	char *error = NULL;
	size_t i, k;
	int whole = 1;

	write_file(dir, "namen.xml", doc_namen);
	c = corpus_open(dir, NULL, &error);
	remove_file(dir, "namen.xml");
	if (!c) {
		ok(0, "the names fixture opens: %s", error ? error : "?");
		free(error);
		return;
	}
	own = search_context_new(c);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct search_pattern *p = search_compile(names[i][1], strlen(names[i][1]),
							  SEARCH_SMARTCASE | SEARCH_FOLD, &error);

		search_result_reset(&r);
		if (p)
			search_run(own, p, 0, corpus_ndocs(c), NULL, &r);
		search_pattern_free(p);
		bl = r.nhits ? &corpus_doc(c, r.hits[0].doc)->blocks[r.hits[0].block] : NULL;
		ok(r.nhits == 1 && bl && r.hits[0].end - r.hits[0].start == strlen(names[i][0]) &&
		   memcmp(bl->text + r.hits[0].start, names[i][0], strlen(names[i][0])) == 0,
		   "--fold %s finds %s, exactly", names[i][1], names[i][0]);
		ok(bl && text_contains_folded(bl->text, names[i][1]),
		   "the filter %s finds %s too", names[i][1], names[i][0]);
	}
	/* patterns that start or end inside a fold of two letters (ss, AE) */
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		struct search_pattern *p = search_compile(parts[i], strlen(parts[i]),
							  SEARCH_CASELESS | SEARCH_FOLD, &error);

		search_result_reset(&r);
		if (p)
			search_run(own, p, 0, corpus_ndocs(c), NULL, &r);
		search_pattern_free(p);
		for (k = 0; k < r.nhits; k++) {
			bl = &corpus_doc(c, r.hits[k].doc)->blocks[r.hits[k].block];
			if (r.hits[k].start >= r.hits[k].end || r.hits[k].end > bl->len ||
			    text_char_start(bl->text, r.hits[k].start) != r.hits[k].start ||
			    (r.hits[k].end < bl->len &&
			     text_char_start(bl->text, r.hits[k].end) != r.hits[k].end))
				whole = 0;
		}
		if (i == 0) {
			bl = r.nhits ? &corpus_doc(c, r.hits[0].doc)->blocks[r.hits[0].block] : NULL;
			ok(r.nhits == 1 && bl && r.hits[0].end - r.hits[0].start == strlen("Straß") &&
			   memcmp(bl->text + r.hits[0].start, "Straß", strlen("Straß")) == 0,
			   "--fold stras ends inside ss: the hit is Straß, ß whole");
		}
	}
	ok(whole, "--fold hits that begin or end inside ss or AE cover whole characters");
	search_result_free(&r);
	search_context_free(own);
	corpus_free(c);
}

static void test_errors_and_limits(void)
{
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_pattern *p;
	char *error = NULL;
	double t;

	p = search_compile("(ab", 3, SEARCH_SMARTCASE, &error);
	ok(p == NULL, "an unclosed group does not compile");
	is_str(error, "missing closing parenthesis at offset 3",
	       "the message says what and where");
	free(error);
	error = NULL;
	p = search_compile("cliënten[", strlen("cliënten["), SEARCH_FOLD, &error);
	ok(p == NULL, "fold: an invalid pattern does not compile");
	is_str(error, "missing terminating ] for character class at offset 10",
	       "fold: the offset is one in the pattern as typed");
	free(error);
	error = NULL;

	t = now();
	is_int(run("(a+)+$", SEARCH_SMARTCASE, 0, ndocs, &r), SEARCH_TOO_COMPLEX,
	       "(a+)+$ over a run of a's is too complex");
	ok(now() - t < 1.0, "and says so within a second (%.3f s)", now() - t);
	is_str(search_status_message(r.status), "pattern too complex",
	       "the status message");
	search_result_reset(&r);

	is_int(run("(a+)+$", SEARCH_SMARTCASE, 0, 1, &r), SEARCH_DONE,
	       "(a+)+$ over ten a's is fine");
	search_result_reset(&r);
	is_int(run("(*LIMIT_MATCH=10)(a+)+$", SEARCH_SMARTCASE, 0, 1, &r),
	       SEARCH_TOO_COMPLEX, "(*LIMIT_MATCH=10) lowers the limit");
	search_result_reset(&r);
	t = now();
	is_int(run("(*LIMIT_MATCH=4000000000)(a+)+$", SEARCH_SMARTCASE, 0, ndocs,
		   &r), SEARCH_TOO_COMPLEX,
	       "(*LIMIT_MATCH=4000000000) cannot raise it");
	ok(now() - t < 1.0, "and it still ends fast (%.3f s)", now() - t);
	search_result_free(&r);
}

/* The number of runs of x in all block text, counted here by hand. */
static size_t x_runs(void)
{
	size_t d, i, j, n = 0;

	for (d = 0; d < ndocs; d++) {
		const struct doc *doc = corpus_doc(corpus, d);

		for (i = 0; i < doc->nblocks; i++)
			for (j = 0; j < doc->blocks[i].len; j++)
				if (doc->blocks[i].text[j] == 'x' &&
				    (j == 0 || doc->blocks[i].text[j - 1] != 'x'))
					n++;
	}
	return n;
}

static void test_empty_and_blocks(void)
{
	struct search_result r = SEARCH_RESULT_INIT;
	size_t i, bad = 0, b;
	const struct block *bl;

	is_int(run("", SEARCH_SMARTCASE, 0, ndocs, &r), SEARCH_DONE,
	       "the empty pattern ends");
	is_int(r.nhits, 0, "and finds nothing");
	search_result_reset(&r);
	is_int(run("x*", 0, 0, ndocs, &r), SEARCH_DONE, "x* ends");
	is_int(r.nhits, x_runs(), "x* finds the runs of x, no empty hits");
	for (i = 0; i < r.nhits; i++)
		if (r.hits[i].start >= r.hits[i].end)
			bad++;
	is_int(bad, 0, "no hit is empty");
	search_result_reset(&r);
	is_int(count("^|$|\\b", 0), 0, "anchors alone find nothing");

	run("\\s+", 0, 0, ndocs, &r);
	for (i = 0, bad = 0; i < r.nhits; i++) {
		bl = hit_block(&r.hits[i]);
		if (r.hits[i].end > bl->len ||
		    memchr(bl->text + r.hits[i].start, '\n',
			   r.hits[i].end - r.hits[i].start))
			bad++;
	}
	ok(r.nhits > 10 && bad == 0, "\\s+ never runs over a block end (%zu hits)",
	   r.nhits);
	search_result_reset(&r);

	run("Emmen\\s+\\S+", 0, 0, 1, &r);
	b = find_block(0, "Emmen");
	is_int(r.nhits, 1, "a match over two list items is one hit");
	if (r.nhits) {
		is_int(r.hits[0].block, b, "in the first item");
		is_str(hit_text(&r, 0), "Emmen", "cut at the item's end");
	}
	search_result_reset(&r);

	run("[^.]+werken", 0, 0, 1, &r);
	if (r.nhits)
		ok(!strchr(hit_text(&r, 0), '\n') && r.hits[0].block == b,
		   "[^.] over a separator is cut too: \"%s\"", hit_text(&r, 0));
	else
		ok(1, "[^.] over a separator is cut too (no hit)");
	search_result_reset(&r);

	run("Beek", 0, 0, ndocs, &r);
	is_int(r.nhits, 1, "a name in persName is found");
	if (r.nhits) {
		bl = hit_block(&r.hits[0]);
		for (i = 0, bad = 1; i < bl->nspans; i++)
			if (bl->spans[i].kind == SPAN_MENTION &&
			    bl->spans[i].start <= r.hits[0].start &&
			    bl->spans[i].end >= r.hits[0].end)
				bad = 0;
		ok(!bad, "and the hit lies inside the name's mention span");
	}
	search_result_free(&r);
}

static void test_position(void)
{
	struct search_result r = SEARCH_RESULT_INIT;
	size_t line = 0, column = 0;

	run("koffie", 0, 0, ndocs, &r);
	if (r.nhits == 1) {
		search_hit_position(corpus, &r.hits[0], &line, &column);
		is_int(line, find_block(0, "De cliënten") + 1,
		       "line: block index + 1");
		is_int(column, 41, "column: code points before the hit + 1");
		is_int(r.hits[0].start, 44, "while the hit starts at byte 44");
	} else {
		ok(0, "koffie has one hit");
	}
	search_result_free(&r);
}

static void kwic_is(const struct search_hit *h, size_t lw, size_t mw, size_t rw,
		    const char *left, const char *match, const char *right,
		    const char *name)
{
	struct search_kwic k;

	search_kwic(corpus, h, lw, mw, rw, &k);
	is_str(k.left, left, "%s: left", name);
	is_str(k.match, match, "%s: match", name);
	is_str(k.right, right, "%s: right", name);
	search_kwic_free(&k);
}

static void test_kwic(void)
{
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_kwic k;

	run("werk\\b", 0, 0, 1, &r);
	if (r.nhits != 1) {
		ok(0, "one werk in the first document");
		search_result_free(&r);
		return;
	}
	kwic_is(&r.hits[0], 40, 10, 40, "漢字漢字 wide ", "werk", " 漢字漢字漢字",
		"KWIC with room");
	kwic_is(&r.hits[0], 8, 3, 6, "… wide ", "we…", " 漢字…",
		"KWIC cut without splitting a wide character");
	kwic_is(&r.hits[0], 9, 4, 5, "…字 wide ", "werk", " 漢…",
		"KWIC cut one column further");
	kwic_is(&r.hits[0], 1, 0, 1, "…", "", "…", "KWIC in one column");
	search_kwic(corpus, &r.hits[0], 8, 3, 6, &k);
	ok(k.left_cols == 7 && k.match_cols == 3 && k.right_cols == 6,
	   "KWIC column counts (%zu %zu %zu)", k.left_cols, k.match_cols,
	   k.right_cols);
	search_kwic_free(&k);
	search_result_reset(&r);

	run("gevaar", 0, 0, 1, &r);
	if (r.nhits == 1)
		kwic_is(&r.hits[0], 40, 10, 40, "Let op<U+202E>: ", "gevaar", ".",
			"KWIC sanitises a bidi control");
	else
		ok(0, "gevaar has one hit");
	search_result_free(&r);
}

static void test_sort(void)
{
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_result copy = SEARCH_RESULT_INIT;
	struct buf order = BUF_INIT;
	size_t i;

	run("\\bwerk\\b", SEARCH_SMARTCASE, 0, ndocs, &r);
	is_int(r.nhits, 4, "four times werk");
	if (r.nhits != 4)
		goto out;
	copy.hits = xmalloc(r.nhits * sizeof *r.hits);
	memcpy(copy.hits, r.hits, r.nhits * sizeof *r.hits);
	copy.nhits = copy.cap = r.nhits;

	search_sort(corpus, r.hits, r.nhits, SEARCH_ORDER_LEFT1);
	for (i = 0; i < r.nhits; i++) {
		struct search_kwic k;

		search_kwic(corpus, &r.hits[i], 6, 4, 0, &k);
		buf_printf(&order, "%s|", k.left);
		search_kwic_free(&k);
	}
	is_str(order.data, "Ander |Goed |Het |…wide |",
	       "sorted by the word before the match");
	buf_reset(&order);

	search_sort(corpus, r.hits, r.nhits, SEARCH_ORDER_RIGHT1);
	for (i = 0; i < r.nhits; i++) {
		struct search_kwic k;

		search_kwic(corpus, &r.hits[i], 0, 4, 7, &k);
		buf_printf(&order, "%s|", k.right);
		search_kwic_free(&k);
	}
	is_str(order.data, " doet …| van d…| zonde…| 漢字…|",
	       "sorted by the words after the match");

	search_sort(corpus, r.hits, r.nhits, SEARCH_ORDER_DOC);
	ok(hits_equal(&r, &copy), "sorted back into corpus order");
out:
	buf_free(&order);
	search_result_free(&copy);
	search_result_free(&r);
}

/* The left words of hits idx[0..n), as the order shows them. */
static void left_words(const struct search_result *r, const size_t *idx, size_t n,
		       struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < n; i++) {
		struct search_kwic k;

		search_kwic(corpus, &r->hits[idx[i]], 20, 4, 0, &k);
		buf_printf(out, "%s|", k.left);
		search_kwic_free(&k);
	}
}

/* AntConc's sort on the Nth word, the match, stability, and CQP's count. */
static void test_sort_nth(void)
{
	struct search_result r = SEARCH_RESULT_INIT;
	struct buf got = BUF_INIT;
	struct search_group *g;
	size_t idx[4], i, ng, *group_of;
	enum search_order o;

	run("\\bwerk\\b", SEARCH_SMARTCASE, 0, ndocs, &r);
	if (r.nhits != 4) {
		ok(0, "four times werk");
		goto out;
	}
	for (i = 0; i < 4; i++)
		idx[i] = i;
	search_sort_index(corpus, r.hits, idx, 4, SEARCH_ORDER_RIGHT2);
	is_str((buf_reset(&got), buf_printf(&got, "%zu%zu%zu%zu", idx[0], idx[1], idx[2], idx[3]),
		got.data), "0132", "right2: no second word first, then de, naam, wonderen");
	search_sort_index(corpus, r.hits, idx, 4, SEARCH_ORDER_LEFT2);
	left_words(&r, idx, 4, &got);
	is_str(got.data, "Ander |Goed |Het |漢字漢字 wide |",
	       "left2: hits without a second word by the first, then 漢字漢字");
	for (i = 0; i < 4; i++)
		idx[i] = 3 - i;
	search_sort_index(corpus, r.hits, idx, 4, SEARCH_ORDER_MATCH);
	ok(idx[0] == 3 && idx[1] == 2 && idx[2] == 1 && idx[3] == 0,
	   "match: equal matches keep their order (stable)");
	search_sort_index(corpus, r.hits, idx, 4, SEARCH_ORDER_DOC);
	ok(idx[0] == 0 && idx[1] == 1 && idx[2] == 2 && idx[3] == 3,
	   "doc: back into corpus order");
	for (o = SEARCH_ORDER_DOC; o < SEARCH_ORDERS; o++) {
		enum search_order back = SEARCH_ORDERS;

		ok(search_order_parse(search_order_name(o), &back) && back == o,
		   "the name %s parses back", search_order_name(o));
	}
	ok(!search_order_parse("left4", &o), "left4 is no order");
	search_result_reset(&r);

	run("[Ww]erk\\w*", 0, 0, ndocs, &r);
	group_of = xmalloc(r.nhits * sizeof *group_of);
	g = search_count(corpus, r.hits, r.nhits, &ng, group_of);
	buf_reset(&got);
	for (i = 0; i < ng; i++) {
		const struct search_hit *h = &r.hits[g[i].first];
		const struct block *bl = &corpus_doc(corpus, h->doc)->blocks[h->block];

		buf_printf(&got, "%.*s:%zu|", (int)(h->end - h->start), bl->text + h->start,
			   g[i].count);
	}
	for (i = 0; i < r.nhits; i++)
		if (r.hits[i].end - r.hits[i].start == 4)
			break;
	ok(ng > 0 && g[0].first == i, "a group's first is its first hit in corpus order");
	for (i = 0; i < r.nhits; i++)
		if (group_of[i] >= ng ||
		    (group_of[i] == 0) != (r.hits[i].end - r.hits[i].start == 4))
			break;
	ok(i == r.nhits, "each hit's group: the werk hits in the first");
	free(group_of);
	is_str(got.data, "werk:4|werkbezoek:1|werken:1|Werkgroep:1|", "count: most frequent first, ties by the folded form");
	free(g);
	ok(search_count(corpus, r.hits, 0, &ng, NULL) == NULL && ng == 0, "no hits, no groups");
out:
	buf_free(&got);
	search_result_free(&r);
}

static void test_resume(void)
{
	struct search_result all = SEARCH_RESULT_INIT;
	struct search_result part = SEARCH_RESULT_INIT;
	struct search_limits lim = { 0, NULL, NULL };
	struct search_pattern *p;
	char *error = NULL;
	size_t d, runs = 0;
	int polls = 0;

	p = search_compile("\\w+", 3, 0, &error);
	search_run(sc, p, 0, ndocs, NULL, &all);
	ok(all.nhits > 50 && all.next_doc == ndocs && all.status == SEARCH_DONE,
	   "a whole run: %zu words", all.nhits);

	for (d = 0; d < ndocs; d++)
		search_run(sc, p, d, d + 1, NULL, &part);
	ok(hits_equal(&all, &part), "one document at a time gives the same hits");
	search_result_reset(&part);

	lim.cancelled = always;
	lim.ctx = &polls;
	is_int(search_run(sc, p, 0, ndocs, &lim, &part), SEARCH_CANCELLED,
	       "the cancel callback stops the run");
	ok(polls > 0 && part.next_doc < ndocs, "after polling it (%d)", polls);
	is_str(search_status_message(part.status), "search cancelled",
	       "the status message");
	search_run(sc, p, part.next_doc, ndocs, NULL, &part);
	ok(hits_equal(&all, &part), "resuming after a cancel gives the same hits");
	search_result_reset(&part);

	lim.cancelled = NULL;
	lim.seconds = 1e-9;
	do {
		search_run(sc, p, part.next_doc, ndocs, &lim, &part);
		runs++;
	} while (part.status == SEARCH_PARTIAL && runs < 100000);
	is_int(part.status, SEARCH_DONE, "a tiny time budget ends each run early");
	ok(runs > ndocs, "so it takes many runs (%zu)", runs);
	ok(hits_equal(&all, &part), "which together give the same hits");
	is_str(search_status_message(SEARCH_PARTIAL), "partial results",
	       "the status message");

	search_pattern_free(p);
	search_result_free(&part);
	search_result_free(&all);
}

/* A cap on kept hits: the first keep in corpus order are kept, the
 * count stays exact; a resumed run counts on; reset keeps the cap. */
static void test_keep(void)
{
	struct search_result all = SEARCH_RESULT_INIT, r = SEARCH_RESULT_INIT;
	size_t i;

	ok(sizeof(struct search_hit) == 16, "a hit is stored in 16 bytes");
	run("e", 0, 0, ndocs, &all);
	ok(all.nhits > 20 && all.total == all.nhits, "no cap: every hit kept (%zu)", all.nhits);
	r.keep = 5;
	run("e", 0, 0, ndocs, &r);
	is_int(r.nhits, 5, "keep 5: five hits kept");
	is_int(r.total, all.total, "keep 5: the count is exact");
	for (i = 0; i < 5; i++)
		ok(r.hits[i].doc == all.hits[i].doc && r.hits[i].start == all.hits[i].start &&
		   r.hits[i].block == all.hits[i].block, "keep 5: hit %zu is the first %zu's", i, i);
	search_result_reset(&r);
	is_int(r.total, 0, "reset: the count is 0");
	is_int(r.keep, 5, "reset: the cap stays");
	run("e", 0, 0, 1, &r);
	run("e", 0, 1, ndocs, &r);
	is_int(r.total, all.total, "two runs: the count is the whole");
	is_int(r.nhits, 5, "two runs: still five kept");
	search_result_reset(&r);
	ok(!search_result_add(&r, 0, 0, 3, 3), "an empty range is no hit");
	ok(!search_result_add(&r, 0, 0, 1, (size_t)1 << 33), "a hit past 4 GiB is not kept");
	is_int(r.total, 1, "but counted");
	search_result_free(&r);
	search_result_free(&all);
}

int main(void)
{
	char dir[] = "/tmp/test_search.XXXXXX";
	char *error = NULL;

	setlocale(LC_CTYPE, "C.UTF-8");
	if (!mkdtemp(dir)) {
		printf("Bail out! mkdtemp failed\n");
		return 1;
	}
	write_file(dir, "een.xml", doc_een);
	write_file(dir, "twee.xml", doc_twee);
	write_file(dir, "drie.xml", doc_drie);
	corpus = corpus_open(dir, NULL, &error);
	remove_file(dir, "een.xml");
	remove_file(dir, "twee.xml");
	remove_file(dir, "drie.xml");
	test_fold_agrees(dir);
	rmdir(dir);
	if (!corpus) {
		printf("Bail out! %s\n", error ? error : "corpus_open failed");
		return 1;
	}
	ndocs = corpus_ndocs(corpus);
	is_int(ndocs, 3, "the fixture has three documents");
	if (ndocs != 3 || corpus_ndiags(corpus))
		printf("# diagnostics: %zu\n", corpus_ndiags(corpus));
	sc = search_context_new(corpus);

	test_literal_and_case();
	test_fold();
	test_errors_and_limits();
	test_empty_and_blocks();
	test_position();
	test_kwic();
	test_sort();
	test_sort_nth();
	test_resume();
	test_keep();

	search_context_free(sc);
	corpus_free(corpus);
	return done_testing();
}
