/* Unit tests for facets.c: document counts by year, type and place, and
 * the selection that filters documents by them.
 *
 * The fixtures are tests/fixtures/corpus/meta/ (below $top_srcdir, "."
 * by default), four documents in corpus order, read off the files:
 *
 *   0  1999-03-04-x  1999-03-04  interview   (date from the file name)
 *   1  meta-header   2014-11-05  werkbezoek
 *   2  meta-partic   2014-11-05  werkbezoek  places Emmen, Assen (header)
 *   3  meta-undated  (no date)   artikel
 *
 * and tests/fixtures/corpus/entities/: ent-early (2012, Emmen in the
 * text) and ent-late (2016), no types, and a register that is no
 * document. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "corpus.h"
#include "facets.h"

static const char *srcdir;

static struct corpus *open_fixture(const char *name)
{
	char path[4096];
	char *error = NULL;
	snprintf(path, sizeof path, "%s/tests/fixtures/corpus/%s", srcdir, name);
	struct corpus *c = corpus_open(path, NULL, &error);
	if (!c) {
		printf("# %s: %s\n", path, error ? error : "?");
		free(error);
	}
	return c;
}

/* The index of the value of this kind and label, or -1. */
static long find(const struct facets *f, enum facet_kind kind,
		 const char *label)
{
	for (size_t i = 0; i < facets_nvalues(f); i++) {
		const struct facet_value *v = facets_value(f, i);
		if (v->kind == kind && strcmp(v->label, label) == 0)
			return (long)i;
	}
	return -1;
}

/* "Year 1999 (1), …" of every value, to compare as one string. */
static void listing(const struct facets *f, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < facets_nvalues(f) && len < size; i++) {
		const struct facet_value *v = facets_value(f, i);
		len += (size_t)snprintf(out + len, size - len, "%s%s %s (%zu)",
					i ? ", " : "", facet_kind_name(v->kind),
					v->label, v->count);
	}
}

/* Which documents are in, as "0 1 2 ". */
static void members(const struct facets *f, size_t ndocs, char *out)
{
	out[0] = '\0';
	for (size_t d = 0; d < ndocs; d++)
		if (facets_doc_in(f, d))
			sprintf(out + strlen(out), "%zu ", d);
}

static void test_counts(struct corpus *c, struct facets *f)
{
	char buf[512];
	is_int(corpus_ndocs(c), 4, "meta: four documents");
	listing(f, buf, sizeof buf);
	is_str(buf, "Year 1999 (1), Year 2014 (2), Type artikel (1), "
	       "Type interview (1), Type werkbezoek (2), "
	       "Place Assen (1), Place Emmen (1)",
	       "meta: every value, kinds in order, counts of all documents");

	unsigned char in[4] = {1, 0, 1, 1};
	facets_count(f, in);
	listing(f, buf, sizeof buf);
	is_str(buf, "Year 1999 (1), Year 2014 (1), Type artikel (1), "
	       "Type interview (1), Type werkbezoek (1), "
	       "Place Assen (1), Place Emmen (1)",
	       "meta: counts among documents 0, 2 and 3");
	unsigned char none[4] = {0};
	facets_count(f, none);
	listing(f, buf, sizeof buf);
	ok(strstr(buf, "Year 2014 (0)") && strstr(buf, "Place Emmen (0)"),
	   "meta: an empty set counts nothing, values stay listed");
	facets_count(f, NULL);
}

static void test_select(struct facets *f)
{
	char buf[64];
	long y2014 = find(f, FACET_YEAR, "2014"), y1999 = find(f, FACET_YEAR, "1999");
	long wb = find(f, FACET_TYPE, "werkbezoek"), art = find(f, FACET_TYPE, "artikel");
	long emmen = find(f, FACET_PLACE, "Emmen");
	ok(y2014 >= 0 && y1999 >= 0 && wb >= 0 && art >= 0 && emmen >= 0,
	   "meta: the values looked for are there");

	members(f, 4, buf);
	is_str(buf, "0 1 2 3 ", "nothing selected: every document is in");
	ok(facets_doc_has(f, 2, (size_t)emmen) && !facets_doc_has(f, 1, (size_t)emmen),
	   "Emmen is in meta-partic's header, not in meta-header");

	facets_toggle(f, (size_t)y2014);
	members(f, 4, buf);
	is_str(buf, "1 2 ", "2014: the two documents of 2014");
	facets_toggle(f, (size_t)y1999);
	members(f, 4, buf);
	is_str(buf, "0 1 2 ", "2014 or 1999: OR within a kind");
	facets_toggle(f, (size_t)emmen);
	members(f, 4, buf);
	is_str(buf, "2 ", "(2014 or 1999) and Emmen: AND across kinds");
	is_int(facets_nselected(f), 3, "three values selected");
	facets_toggle(f, (size_t)emmen);
	facets_toggle(f, (size_t)art);
	members(f, 4, buf);
	is_str(buf, "", "a year and a type no document has together: none");
	facets_toggle(f, (size_t)art);
	facets_toggle(f, (size_t)wb);
	members(f, 4, buf);
	is_str(buf, "1 2 ", "2014 or 1999, and werkbezoek");
	ok(facets_value(f, (size_t)wb)->selected, "the value says it is selected");

	facets_clear(f);
	is_int(facets_nselected(f), 0, "clear: nothing selected");
	members(f, 4, buf);
	is_str(buf, "0 1 2 3 ", "clear: every document is in again");
	ok(facets_value(f, facets_nvalues(f)) == NULL, "past the end: NULL");
	ok(!facets_doc_has(f, 4, 0) && !facets_doc_has(f, 0, facets_nvalues(f)),
	   "out-of-range document or value has nothing");
}

static void test_entities(void)
{
	struct corpus *c = open_fixture("entities");
	struct facets *f = c ? facets_new(c) : NULL;
	ok(f != NULL, "entities: opened");
	if (!f) {
		corpus_free(c);
		return;
	}
	char buf[512];
	listing(f, buf, sizeof buf);
	/* Drenthe is in the register only, never mentioned: no value. */
	is_str(buf, "Year 2012 (1), Year 2016 (1), Place Emmen (1)",
	       "entities: years, no types, a place mentioned in the text only");
	facets_toggle(f, (size_t)find(f, FACET_PLACE, "Emmen"));
	members(f, corpus_ndocs(c), buf);
	is_str(buf, "0 ", "Emmen: the early document, which names it in its text");
	facets_free(f);
	corpus_free(c);
}

int main(void)
{
	srcdir = getenv("top_srcdir");
	if (!srcdir || !*srcdir)
		srcdir = ".";

	struct corpus *c = open_fixture("meta");
	struct facets *f = c ? facets_new(c) : NULL;
	ok(f != NULL, "meta: opened");
	if (f) {
		test_counts(c, f);
		test_select(f);
	}
	facets_free(f);
	corpus_free(c);
	test_entities();
	corpus_cleanup();
	return done_testing();
}
