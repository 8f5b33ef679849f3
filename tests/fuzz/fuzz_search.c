/* fuzz_search.c: patterns and subjects through search.c.
 *
 * The input is a flag byte, a pattern up to the first NUL, and a subject:
 *
 *   bits 0-2  SEARCH_CASELESS, SEARCH_SMARTCASE, SEARCH_FOLD
 *   bits 3-5  the cancel callback says "cancel" at that poll (0: never)
 *   bit 6     search the bundled corpus (loaded once) instead of the
 *             subject, when FUZZ_CORPUS_DIR names it
 *   bit 7     the subject's lines become list items (with a label)
 *             instead of paragraphs
 *
 * The subject becomes a one-document TEI file, a block per line, escaped
 * for XML (C0 controls, which XML cannot hold, become their control
 * pictures U+2400…; invalid UTF-8 becomes U+FFFD), read through
 * corpus_open like any corpus.  The pattern is compiled with the flags;
 * an invalid one must give NULL and a message.  A valid one is run with a
 * 0.05 s budget and the cancel callback, resumed where each run stopped
 * until it is done, and every hit is checked: inside one block, on
 * character boundaries, in corpus order without overlap.  When that went
 * quickly, an unlimited run must find exactly the same hits.  Then
 * search_kwic (widths cycling from 0 to 40), search_hit_position and
 * search_sort in every order (a permutation; document order gives back
 * the original).  A run that overshoots its budget by far (a single
 * PCRE2 call that cannot be interrupted) is reported as a crash too:
 * search.h promises the interface stays responsive.  Last, the pattern is
 * typed a character at a time into search_live.h as the interface does
 * (each prefix stopped after a slice or two, a longer literal narrowed to
 * the last one's documents or places), and must end with the hits of the
 * unlimited run. */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "corpus.h"
#include "kwic.h"
#include "search.h"
#include "search_live.h"
#include "text.h"

#define FUZZ_PREFIX "search-"

#include "fuzz.h"

#define BUDGET 0.05            /* seconds per search_run */
#define OVERRUN 1.0            /* a run this long broke the budget */
#define MAX_RESUMES 200
#define MAX_KWIC 200           /* hits that get a keyword in context */

static char *dir_path, *subject_path;
static struct corpus *fixed;   /* the bundled corpus, or NULL */
static int fixed_tried;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void cleanup(void)
{
	corpus_free(fixed);
	fixed = NULL;
	if (subject_path)
		unlink(subject_path);
	if (dir_path)
		rmdir(dir_path);
	free(subject_path);
	free(dir_path);
	subject_path = dir_path = NULL;
	corpus_cleanup();
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	struct buf b = BUF_INIT;

	if (dir_path)
		return;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "");
	buf_printf(&b, "%s/fuzz_search.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(b.data)) {
		perror(b.data);
		abort();
	}
	dir_path = buf_steal(&b);
	buf_printf(&b, "%s/subject.xml", dir_path);
	subject_path = buf_steal(&b);
	atexit(cleanup);
}

static const struct corpus *fixed_corpus(void)
{
	const char *dir = getenv("FUZZ_CORPUS_DIR");
	char *error = NULL;

#ifdef FUZZ_CORPUS_DIR
	if (!dir)
		dir = FUZZ_CORPUS_DIR;
#endif
	if (fixed_tried)
		return fixed;
	fixed_tried = 1;
	if (!dir || !*dir)
		return NULL;
	fixed = corpus_open(dir, NULL, &error);
	if (!fixed) {
		fprintf(stderr, "fuzz_search: %s (searching subjects only)\n", error);
		free(error);
	}
	return fixed;
}

/* The subject as XML character data: '&', '<', '>' escaped, what XML
 * cannot hold replaced, a line per block. */
static void write_subject(const uint8_t *s, size_t len, int items)
{
	struct buf b = BUF_INIT;
	const char *open = items ? "<item>" : "<p>", *close = items ? "</item>" : "</p>";
	size_t i = 0, n;
	uint32_t cp;
	FILE *fp;

	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		 "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"subject\">"
		 "<teiHeader><fileDesc><titleStmt><title>Subject</title></titleStmt>"
		 "</fileDesc></teiHeader><text><body>");
	if (items)
		buf_adds(&b, "<list>");
	buf_adds(&b, open);
	while (i < len) {
		n = text_decode((const char *)s + i, len - i, &cp);
		if (cp == '\n') {
			buf_adds(&b, close);
			buf_addc(&b, '\n');
			buf_adds(&b, open);
		} else if (cp == '&') {
			buf_adds(&b, "&amp;");
		} else if (cp == '<') {
			buf_adds(&b, "&lt;");
		} else if (cp == '>') {
			buf_adds(&b, "&gt;");
		} else if (cp == '\r') {
			buf_adds(&b, "&#13;");
		} else if (cp < 0x20 && cp != '\t') {
			text_encode(&b, 0x2400 + cp);
		} else if (cp == 0xFFFE || cp == 0xFFFF) {
			text_encode(&b, 0xFFFD);
		} else {
			text_encode(&b, cp);
		}
		i += n;
	}
	buf_adds(&b, close);
	if (items)
		buf_adds(&b, "</list>");
	buf_adds(&b, "</body></text></TEI>\n");
	fp = fopen(subject_path, "wb");
	if (!fp || fwrite(b.data, 1, b.len, fp) != b.len || fclose(fp) != 0) {
		perror(subject_path);
		abort();
	}
	buf_free(&b);
}

struct cancel {
	unsigned polls, at;
};

static int cancelled(void *ctx)
{
	struct cancel *k = ctx;

	return k->at && ++k->polls % k->at == 0;
}

static int at_boundary(const char *s, size_t len, size_t off)
{
	return off == len || ((unsigned char)s[off] & 0xC0) != 0x80;
}

static void check_hits(const struct corpus *c, const struct search_hit *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct doc *d = corpus_doc(c, h[i].doc);
		const struct block *bl;

		CHECK(d != NULL);
		CHECK(h[i].block < d->nblocks);
		bl = &d->blocks[h[i].block];
		CHECK(h[i].start < h[i].end);
		CHECK(h[i].end <= bl->len);
		CHECK(at_boundary(bl->text, bl->len, h[i].start));
		CHECK(at_boundary(bl->text, bl->len, h[i].end));
		if (i) {
			const struct search_hit *p = &h[i - 1];

			/* corpus order, and a hit starts where the last ended
			 * or later */
			CHECK(p->doc < h[i].doc || (p->doc == h[i].doc &&
				(p->block < h[i].block || (p->block == h[i].block &&
							   p->end <= h[i].start))));
		}
	}
}

static size_t check_piece(const char *s, size_t cols, size_t width)
{
	size_t i, len;

	CHECK(s != NULL);
	len = strlen(s);
	CHECK(text_valid_utf8(s, len));
	CHECK(cols <= width);
	CHECK(text_width(s, len) == cols);
	for (i = 0; i < len; i++)
		CHECK((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] != 0x7F);
	return len;
}

static void check_kwic(const struct corpus *c, const struct search_hit *h, size_t n)
{
	static const size_t widths[][3] = {
		{ 0, 0, 0 }, { 1, 1, 1 }, { 2, 1, 2 }, { 3, 2, 5 }, { 10, 6, 12 }, { 40, 20, 40 }
	};
	size_t i, line, column;

	for (i = 0; i < n && i < MAX_KWIC; i++) {
		const size_t *w = widths[i % (sizeof widths / sizeof widths[0])];
		const struct block *bl = &corpus_doc(c, h[i].doc)->blocks[h[i].block];
		struct search_kwic k;

		search_kwic(c, &h[i], w[0], w[1], w[2], &k);
		check_piece(k.left, k.left_cols, w[0]);
		check_piece(k.match, k.match_cols, w[1]);
		check_piece(k.right, k.right_cols, w[2]);
		search_kwic_free(&k);
		search_hit_position(c, &h[i], &line, &column);
		CHECK(line == h[i].block + 1);
		CHECK(column >= 1 && column <= h[i].start + 1);
		(void)bl;
	}
}

static void check_sort(const struct corpus *c, const struct search_hit *h, size_t n)
{
	struct search_hit *s;
	struct search_group *g;
	size_t i, ng, total = 0, *of;
	int o;

	if (n == 0)
		return;
	s = malloc(n * sizeof *s);
	of = malloc(n * sizeof *of);
	if (!s || !of)
		abort();
	memcpy(s, h, n * sizeof *s);
	for (o = SEARCH_ORDER_MATCH; o < SEARCH_ORDERS; o++) {
		search_sort(c, s, n, (enum search_order)o);
		qsort(s, n, sizeof *s, search_hit_cmp);   /* still the same hits */
		CHECK(memcmp(s, h, n * sizeof *s) == 0);
	}
	search_sort(c, s, n, SEARCH_ORDER_RIGHT3);
	search_sort(c, s, n, SEARCH_ORDER_DOC);
	for (i = 0; i < n; i++)
		CHECK(search_hit_cmp(&s[i], &h[i]) == 0);
	/* the groups cover every hit once, each in its own */
	g = search_count(c, h, n, &ng, of);
	CHECK(ng >= 1 && ng <= n);
	for (i = 0; i < ng; i++) {
		CHECK(g[i].count >= 1 && g[i].first < n && of[g[i].first] == i);
		CHECK(i == 0 || g[i].count <= g[i - 1].count);
		total += g[i].count;
	}
	CHECK(total == n);
	for (i = 0; i < n; i++)
		CHECK(of[i] < ng && g[of[i]].first <= i);
	free(g);
	free(of);
	free(s);
}

/* pat typed a character at a time (search_live.h), each prefix given
 * slices of the budget with k's cancel, the whole of it searched to the
 * end: the hits of all, a search run once. */
static void check_typed(const struct corpus *c, struct search_context *sc, const char *pat,
			size_t patlen, unsigned flags, struct cancel *k,
			const struct search_result *all)
{
	struct search_live lv = SEARCH_LIVE_INIT;
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_limits lim = { BUDGET / 10, cancelled, k };
	struct search_pattern *p = NULL, *next;
	enum search_status st = SEARCH_DONE;
	size_t len = 0;
	char *error = NULL;
	int i;

	while (len < patlen) {
		len += 1;
		while (len < patlen && ((unsigned char)pat[len] & 0xC0) == 0x80)
			len++;
		next = search_compile(pat, len, flags, &error);
		free(error);
		error = NULL;
		if (!next)
			continue;       /* the interface keeps the last search */
		search_live_start(&lv, pat, len, flags, next, c, &r);
		search_pattern_free(p);
		p = next;
		for (i = 0; i < (len < patlen ? (int)(len % 3) : MAX_RESUMES); i++) {
			st = search_live_step(&lv, sc, &lim, &r);
			if (st == SEARCH_DONE || st == SEARCH_TOO_COMPLEX)
				break;
		}
	}
	if (p && st == SEARCH_DONE && all->status == SEARCH_DONE) {
		CHECK(r.nhits == all->nhits && r.total == all->total && r.ndocs == all->ndocs);
		CHECK(r.nhits == 0 || memcmp(all->hits, r.hits, r.nhits * sizeof *r.hits) == 0);
	}
	search_pattern_free(p);
	search_live_free(&lv);
	search_result_free(&r);
}

static void search(const struct corpus *c, const char *pat, size_t patlen, unsigned flags,
		   unsigned cancel_at)
{
	struct search_result r = SEARCH_RESULT_INIT, all = SEARCH_RESULT_INIT;
	struct cancel k = { 0, cancel_at };
	struct search_limits lim = { BUDGET, cancelled, &k };
	struct search_pattern *p;
	struct search_context *sc;
	enum search_status st;
	char *error = NULL;
	double t0, t, total = 0;
	size_t from = 0, ndocs = corpus_ndocs(c);
	int i;

	p = search_compile(pat, patlen, flags, &error);
	if (!p) {
		CHECK(error != NULL);
		CHECK(text_valid_utf8(error, strlen(error)));
		free(error);
		return;
	}
	CHECK(error == NULL);
	(void)search_pattern_caseless(p);
	sc = search_context_new(c);
	for (i = 0; i < MAX_RESUMES; i++) {
		t0 = now();
		st = search_run(sc, p, from, ndocs, &lim, &r);
		t = now() - t0;
		total += t;
		if (t > OVERRUN) {
			fprintf(stderr, "fuzz_search: search_run took %.2f s with a budget of %.2f s\n",
				t, BUDGET);
			abort();
		}
		CHECK(r.status == st);
		CHECK(search_status_message(st) != NULL);
		if (st == SEARCH_DONE || st == SEARCH_TOO_COMPLEX)
			break;
		CHECK(r.next_doc >= from && r.next_doc <= ndocs);
		from = r.next_doc;
	}
	check_hits(c, r.hits, r.nhits);
	/* stopping and resuming must not lose or repeat a hit */
	if (st == SEARCH_DONE && total < 0.2) {
		st = search_run(sc, p, 0, ndocs, NULL, &all);
		if (st == SEARCH_DONE) {
			CHECK(all.nhits == r.nhits);
			CHECK(r.nhits == 0 ||
			      memcmp(all.hits, r.hits, r.nhits * sizeof *r.hits) == 0);
			k.polls = 0;
			check_typed(c, sc, pat, patlen, flags, &k, &all);
		}
	}
	check_kwic(c, r.hits, r.nhits);
	check_sort(c, r.hits, r.nhits);
	search_result_free(&all);
	search_result_free(&r);
	search_context_free(sc);
	search_pattern_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *pat, *nul, *subj;
	size_t patlen, subjlen;
	const struct corpus *use;
	struct corpus *c = NULL;
	char *error = NULL;
	unsigned flags;

	if (size < 1)
		return 0;
	setup();
	flags = data[0];
	pat = data + 1;
	nul = memchr(pat, 0, size - 1);
	patlen = nul ? (size_t)(nul - pat) : size - 1;
	subj = nul ? nul + 1 : data + size;
	subjlen = (size_t)(data + size - subj);

	use = flags & 0x40 ? fixed_corpus() : NULL;
	if (!use) {
		write_subject(subj, subjlen, flags & 0x80);
		c = corpus_open(subject_path, NULL, &error);
		if (!c) {
			fprintf(stderr, "fuzz_search: %s\n", error ? error : "?");
			abort();
		}
		use = c;
		/* the subject always makes one document */
		CHECK(corpus_ndocs(c) == 1);
	}
	search(use, (const char *)pat, patlen, flags & 7, (flags >> 3) & 7);
	corpus_free(c);
	return 0;
}

#include "standalone.c"
