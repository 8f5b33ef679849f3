/* Unit tests for collocates.c on a fixture small enough to count by
 * hand: one document of six lines (--show --width=0),
 *
 *   1 Dieren                                   1 word
 *   2 Date: 2020-01-01                         4 words (Date 2020 01 01)
 *   3 de kat zat op de mat                     6
 *   4 een Kát en een hond, een hond            7
 *   5 de hond zat stil                         4
 *   6 p q r s t u kat v w x y z o              13
 *
 * so N = 35 words; een, de and hond occur 3 times each, kat 3 (folded:
 * Kát is kat).  Hits are made by hand.  The expected G2 values were
 * worked out apart from the program from the 2x2 table of
 * collocates.h. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../tap.h"
#include "buf.h"
#include "collocates.h"
#include "corpus.h"
#include "search.h"

static const char doc[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"k\">\n"
	"<teiHeader><fileDesc><titleStmt><title>Dieren</title></titleStmt>"
	"<publicationStmt><p>Test.</p></publicationStmt>"
	"<sourceDesc><p>x</p></sourceDesc></fileDesc>"
	"<profileDesc><creation><date when=\"2020-01-01\"/></creation>"
	"</profileDesc></teiHeader>\n<text><body>\n"
	"<p>de kat zat op de mat</p>\n"
	"<p>een K\xC3\xA1t en een hond, een hond</p>\n"
	"<p>de hond zat stil</p>\n"
	"<p>p q r s t u kat v w x y z o</p>\n"
	"</body></text>\n</TEI>\n";

static struct corpus *corpus;

/* A hit on the nth (from 1) occurrence of word in line (from 1). */
static struct search_hit hit(size_t line, const char *word, int nth)
{
	const struct block *b = &corpus_doc(corpus, 0)->blocks[line - 1];
	struct search_hit h = { 0, line - 1, 0, 0 };
	const char *p = strstr(b->text, word);
	int k;

	for (k = 1; k < nth && p; k++)
		p = strstr(p + 1, word);
	if (!p) {
		printf("Bail out! no %s in line %zu\n", word, line);
		exit(1);
	}
	h.start = (size_t)(p - b->text);
	h.end = h.start + strlen(word);
	return h;
}

static const struct collocate *find(const struct collocates *col, const char *word)
{
	size_t i;

	for (i = 0; i < col->n; i++)
		if (strcmp(col->items[i].word, word) == 0)
			return &col->items[i];
	return NULL;
}

static void near_enough(double got, double want, const char *what)
{
	ok(fabs(got - want) < 1e-9, "%s: G2 %.9f (want %.9f)", what, got, want);
}

/* "kat" on line 3 and "Kát" on line 4: windows de | zat op de mat and
 * een | en een hond een hond, W = 11; de 2, een 3, hond 2 near. */
static void test_two_lines(void)
{
	struct search_hit h[2];
	struct collocates col = COLLOCATES_INIT;

	h[1] = hit(3, "kat", 1);        /* any order */
	h[0] = hit(4, "K\xC3\xA1t", 1);
	collocates_compute(corpus, h, 2, &col);
	is_int(col.corpus_words, 35, "N: 35 words");
	is_int(col.window_words, 11, "W: 11 words in the windows");
	is_int(col.n, 3, "three collocates (zat, op, mat, en: once each)");
	if (col.n == 3) {
		is_str(col.items[0].word, "een", "een first");
		is_str(col.items[1].word, "de", "then de (ties by word)");
		is_str(col.items[2].word, "hond", "then hond");
		is_int(col.items[0].near, 3, "een: 3 near");
		is_int(col.items[0].total, 3, "een: 3 in all");
		is_int(col.items[1].near, 2, "de: 2 near");
		/* 2 (3 ln(3/E11) + 8 ln(8/E12) + 0 + 24 ln(24/E22)), E11 = 33/35,
		 * E12 = 11*32/35, E22 = 24*32/35 */
		near_enough(col.items[0].ll, 7.584635190389684, "een");
		near_enough(col.items[1].ll, 1.730677981834871, "de");
		near_enough(col.items[2].ll, 1.730677981834871, "hond");
	}
	collocates_free(&col);
	is_int(col.n, 0, "collocates_free empties the list");
}

/* Both hond on line 4: windows overlap, each word counts once: the
 * whole line, W = 7 (not 6 + 5); kat (Kát) is near once only. */
static void test_overlap(void)
{
	struct search_hit h[2];
	struct collocates col = COLLOCATES_INIT;
	const struct collocate *een, *hond;

	h[0] = hit(4, "hond", 1);
	h[1] = hit(4, "hond", 2);
	collocates_compute(corpus, h, 2, &col);
	is_int(col.window_words, 7, "overlapping windows: W = 7");
	een = find(&col, "een");
	hond = find(&col, "hond");
	ok(een && een->near == 3, "een near 3 times");
	ok(hond && hond->near == 2, "hond near twice (each in the other's window)");
	ok(!find(&col, "kat"), "kat once near: no collocate");
	if (een)
		near_enough(een->ll, 10.914879327261197, "een in 7 of 35");
	if (hond)
		near_enough(hond->ll, 3.47155674729655, "hond in 7 of 35");
	ok(col.n == 2 && een == &col.items[0], "een before hond");
	collocates_free(&col);
}

/* A hit inside a word: the word is in neither window. */
static void test_inside_word(void)
{
	struct search_hit h = hit(3, "at", 1);   /* in kat */
	struct collocates col = COLLOCATES_INIT;
	const struct collocate *de;

	collocates_compute(corpus, &h, 1, &col);
	is_int(col.window_words, 5, "de | zat op de mat: kat itself is not near");
	de = find(&col, "de");
	ok(de && de->near == 2, "de twice near");
	ok(!find(&col, "kat"), "kat not near");
	collocates_free(&col);
}

/* Five words each side and no more; one occurrence is no collocate. */
static void test_span(void)
{
	struct search_hit h = hit(6, "kat", 1);
	struct collocates col = COLLOCATES_INIT;

	collocates_compute(corpus, &h, 1, &col);
	is_int(col.window_words, 10, "q r s t u | v w x y z: 5 each side");
	is_int(col.n, 0, "each once: no collocates");
	collocates_free(&col);
	collocates_compute(corpus, NULL, 0, &col);
	ok(col.n == 0 && col.window_words == 0 && col.corpus_words == 0, "no hits: nothing");
	collocates_free(&col);
}

static void test_formula(void)
{
	/* a = E11 exactly: every cell as expected, G2 = 0 */
	near_enough(collocates_ll(2, 10, 4, 20), 0.0, "independence");
	/* a 2x2 table 10 0 / 0 10: 2 * 20 ln 2 */
	near_enough(collocates_ll(10, 10, 10, 20), 40.0 * log(2.0), "perfect association");
	near_enough(collocates_ll(1, 0, 1, 20), 0.0, "an empty window");
}

int main(void)
{
	char dir[] = "/tmp/test_collocates.XXXXXX";
	struct buf path = BUF_INIT;
	char *error = NULL;
	FILE *f;

	if (!mkdtemp(dir)) {
		printf("Bail out! mkdtemp failed\n");
		return 1;
	}
	buf_printf(&path, "%s/k.xml", dir);
	f = fopen(path.data, "w");
	if (!f || fputs(doc, f) == EOF || fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", path.data);
		return 1;
	}
	corpus = corpus_open(dir, NULL, &error);
	unlink(path.data);
	rmdir(dir);
	buf_free(&path);
	if (!corpus || corpus_ndocs(corpus) != 1 || corpus_doc(corpus, 0)->nblocks != 6) {
		printf("Bail out! the fixture does not open as six lines: %s\n",
		       error ? error : "?");
		return 1;
	}
	test_formula();
	test_two_lines();
	test_overlap();
	test_inside_word();
	test_span();
	corpus_free(corpus);
	corpus_cleanup();
	return done_testing();
}
