/* Unit tests for facets.c: document counts by year, type and every
 * entity kind, and the selection that filters documents by them.
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
 * document.
 *
 * tests/fixtures/corpus/facets/: persons, organisations, a place and an
 * event of a register, and a person without a record:
 *
 *   0  fc-a  2013  werkbezoek  Aly, MOgroep, the event Werkbezoek Emmen
 *   1  fc-b  2014  werkbezoek  Aly, Bo, Sociaal Werk Nederland
 *   2  fc-c  2014  interview   Bo, Emmen, Kees (no record), MOgroep
 *
 * "mantelzorg" is in the text of fc-a and fc-c. */
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

/* The index of the value of this kind ("Year", "Person") and label,
 * or -1. */
static long find(const struct facets *f, const char *kind, const char *label)
{
	for (size_t i = 0; i < facets_nvalues(f); i++) {
		const struct facet_value *v = facets_value(f, i);
		if (strcmp(facets_kind_name(f, v->kind), kind) == 0 &&
		    strcmp(v->label, label) == 0)
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
					i ? ", " : "", facets_kind_name(f, v->kind),
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
	char buf[1024];
	is_int(corpus_ndocs(c), 4, "meta: four documents");
	listing(f, buf, sizeof buf);
	is_str(buf, "Year 1999 (1), Year 2014 (2), Type artikel (1), "
	       "Type interview (1), Type werkbezoek (2), "
	       "Place Assen (1), Place Emmen (1), Person Aly van Beek (1), "
	       "Org Sedna Welzijn Emmen (1), Org Welzijn Midden-Drenthe (1)",
	       "meta: every value, kinds in order, counts of all documents");

	unsigned char in[4] = {1, 0, 1, 1};
	facets_count(f, in);
	listing(f, buf, sizeof buf);
	is_str(buf, "Year 1999 (1), Year 2014 (1), Type artikel (1), "
	       "Type interview (1), Type werkbezoek (1), "
	       "Place Assen (1), Place Emmen (1), Person Aly van Beek (1), "
	       "Org Sedna Welzijn Emmen (1), Org Welzijn Midden-Drenthe (1)",
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
	long y2014 = find(f, "Year", "2014"), y1999 = find(f, "Year", "1999");
	long wb = find(f, "Type", "werkbezoek"), art = find(f, "Type", "artikel");
	long emmen = find(f, "Place", "Emmen");
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
	is_str(buf, "Year 2012 (1), Year 2016 (1), Place Emmen (1), "
	       "Person Aly van Beek (2), Person Kees de Boer (2), "
	       "Person Bo Smit (1), Org MOgroep (1)",
	       "entities: years, no types, only entities mentioned, "
	       "in the most documents first");
	facets_toggle(f, (size_t)find(f, "Place", "Emmen"));
	members(f, corpus_ndocs(c), buf);
	is_str(buf, "0 ", "Emmen: the early document, which names it in its text");
	facets_free(f);
	corpus_free(c);
}

/* The documents whose text has the word, as a set for
 * facets_count (the text filter of the pane, or search results). */
static void text_set(struct corpus *c, const char *word, unsigned char *in)
{
	for (size_t d = 0; d < corpus_ndocs(c); d++) {
		const struct doc *doc = corpus_doc(c, d);
		in[d] = memmem(doc->text, doc->text_len, word, strlen(word)) != NULL;
	}
}

/* Entity kinds from the records: persons, organisations, an event, a
 * person with no record; selecting them, with a text filter too. */
static void test_entity_kinds(void)
{
	struct corpus *c = open_fixture("facets");
	struct facets *f = c ? facets_new(c) : NULL;
	ok(f != NULL && corpus_ndocs(c) == 3, "facets: opened, three documents");
	if (!f) {
		corpus_free(c);
		return;
	}
	char buf[1024];
	listing(f, buf, sizeof buf);
	is_str(buf, "Year 2013 (1), Year 2014 (2), Type interview (1), "
	       "Type werkbezoek (2), Place Emmen (1), Person Aly van Beek (2), "
	       "Person Bo Smit (2), Person Kees (1), Org MOgroep (2), "
	       "Org Sociaal Werk Nederland (1), Event Werkbezoek Emmen (1)",
	       "facets: a kind for each entity type found, event included");
	is_int(facets_nkinds(f), 6, "facets: Year, Type, Place, Person, Org, Event");
	is_str(facets_kind_name(f, 6), "", "facets: past the last kind, no name");

	long aly = find(f, "Person", "Aly van Beek"), bo = find(f, "Person", "Bo Smit");
	long mog = find(f, "Org", "MOgroep"), ev = find(f, "Event", "Werkbezoek Emmen");
	long kees = find(f, "Person", "Kees"), y14 = find(f, "Year", "2014");
	ok(aly >= 0 && bo >= 0 && mog >= 0 && ev >= 0 && kees >= 0 && y14 >= 0,
	   "facets: the values looked for are there");
	facets_toggle(f, (size_t)aly);
	members(f, 3, buf);
	is_str(buf, "0 1 ", "Aly: the two documents naming her");
	facets_toggle(f, (size_t)kees);
	members(f, 3, buf);
	is_str(buf, "0 1 2 ", "Aly or Kees (no record): OR within persons");
	facets_toggle(f, (size_t)mog);
	members(f, 3, buf);
	is_str(buf, "0 2 ", "(Aly or Kees) and MOgroep: AND across kinds");
	facets_toggle(f, (size_t)y14);
	members(f, 3, buf);
	is_str(buf, "2 ", "and 2014: the interview");
	facets_clear(f);
	facets_toggle(f, (size_t)ev);
	members(f, 3, buf);
	is_str(buf, "0 ", "the event: the document naming it with rs");

	/* With the text filter: counts among the documents with the word,
	 * the selection within them too (as the pane combines them). */
	unsigned char in[3];
	text_set(c, "mantelzorg", in);
	ok(in[0] && !in[1] && in[2], "mantelzorg is in fc-a and fc-c");
	facets_count(f, in);
	listing(f, buf, sizeof buf);
	is_str(buf, "Year 2013 (1), Year 2014 (1), Type interview (1), "
	       "Type werkbezoek (1), Place Emmen (1), Person Aly van Beek (1), "
	       "Person Bo Smit (1), Person Kees (1), Org MOgroep (2), "
	       "Org Sociaal Werk Nederland (0), Event Werkbezoek Emmen (1)",
	       "mantelzorg: counts of the documents with the word");
	facets_clear(f);
	facets_toggle(f, (size_t)bo);
	size_t both = 0;
	for (size_t d = 0; d < 3; d++)
		both += in[d] && facets_doc_in(f, d);
	is_int(both, 1, "mantelzorg and Bo: only fc-c");

	/* The session's names for values, and selecting by them. */
	const char *what, *key = facets_key(f, (size_t)bo, &what);
	is_str(what, "entity", "an entity value is named entity");
	is_str(key, "fc-bo", "by its id");
	key = facets_key(f, (size_t)kees, &what);
	is_str(key, "person:kees", "one without a record by its made-up id");
	key = facets_key(f, (size_t)y14, &what);
	ok(strcmp(what, "year") == 0 && strcmp(key, "2014") == 0, "a year: year 2014");
	ok(facets_key(f, facets_nvalues(f), &what) == NULL, "past the end: no key");
	facets_clear(f);
	ok(facets_select_key(f, "entity", "fc-mog") &&
	   facets_select_key(f, "type", "interview"), "selected by key");
	ok(!facets_select_key(f, "entity", "fc-gone") &&
	   !facets_select_key(f, "year", "fc-mog"), "an unknown key selects nothing");
	members(f, 3, buf);
	is_str(buf, "2 ", "MOgroep and interview: fc-c");
	is_int(facets_nselected(f), 2, "two selected");
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
	test_entity_kinds();
	corpus_cleanup();
	return done_testing();
}
