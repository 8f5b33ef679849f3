/* Unit tests for the query language (query.c, query_eval.c): which texts
 * are plain regexes, syntax errors and their columns, and what queries
 * find in the people fixture (people_fixture.h): text with entities,
 * negation, OR, groups, types, document terms, scopes and near:N. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "people_fixture.h"
#include "entity.h"
#include "query.h"
#include "search.h"

static struct corpus *corpus;
static struct search_context *sc;

static void test_plain(void)
{
	static const struct { const char *text; int plain; } cases[] = {
		{ "mantelzorg", 1 },
		{ "Marijke|Aly van (de|der) \\w+", 1 },
		{ "foo@bar", 1 },
		{ "\\bre:", 1 },
		{ "kind", 1 },
		{ "@anna", 0 },
		{ "-(@anna)", 0 },
		{ "wijk date:2014", 0 },
		{ "(re:x)", 0 },
		{ "x\tnear:3", 0 },
		{ "!type:person", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_int(query_is_plain(cases[i].text, strlen(cases[i].text)), cases[i].plain,
		       "query_is_plain(\"%s\")", cases[i].text);
}

/* text must fail at column with a message containing want. */
static void fails(const char *text, size_t column, const char *want)
{
	char *error = NULL;
	size_t col = 0;
	struct query *q = query_parse(corpus, text, strlen(text), SEARCH_SMARTCASE, &error,
				      &col);

	ok(!q && error && strstr(error, want) && col == column,
	   "'%s': column %zu, %s", text, column, want);
	if (q || col != column || !error || !strstr(error, want))
		printf("#   got column %zu: %s\n", col, error ? error : "(parsed)");
	query_free(q);
	free(error);
}

static void test_errors(void)
{
	fails("@nobody", 1, "no entity 'nobody'");
	fails("mantelzorg @\"De Vries\"", 12, "names 2 entities");
	fails("re:( x", 4, "invalid pattern");
	fails("(@anna re:mantelzorg", 1, "missing )");
	fails("@anna )", 7, "unexpected )");
	fails("@anna re:x)", 11, "unexpected )");
	fails("date:20x4", 6, "a date is");
	fails("date:..", 6, "a date is");
	fails("@anna near:x", 12, "number of words");
	fails("@anna | ", 9, "a term expected");
	fails("| @anna", 1, "a term expected");
	fails("type:robot @anna", 6, "no entity of type 'robot'");
	fails("type:person,robot", 13, "no entity of type 'robot'");
	fails("doc:zzz @anna", 5, "no document 'zzz'");
	fails("kind:roman", 6, "no document of kind 'roman'");
	fails("within:page @anna", 8, "paragraph or document");
	fails("@\"Anna", 2, "unclosed quote");
	fails("(within:document @anna)", 2, "whole query");
	fails("-near:3 @anna", 1, "cannot be negated");
	fails("@anna near:2 within:document", 7, "near:");
	fails("near:3", 7, "a term expected");
	fails("@", 1, "an entity expected");
	fails("re:", 1, "a pattern expected");
	fails("type:", 1, "a value expected");
	/* columns are characters, not bytes */
	fails("\xC3\xA9\xC3\xA9n @nobody", 5, "no entity");
}

/* Runs text; returns the hits (caller frees with search_result_free). */
static struct search_result run(const char *text)
{
	struct search_result r = SEARCH_RESULT_INIT;
	char *error = NULL;
	size_t col;
	struct query *q = query_parse(corpus, text, strlen(text), SEARCH_SMARTCASE, &error,
				      &col);

	if (!q) {
		printf("# '%s' column %zu: %s\n", text, col, error);
		free(error);
		return r;
	}
	query_run(q, sc, NULL, &r);
	query_free(q);
	return r;
}

/* The hits of text as "doc.block:matched text" joined by spaces, to
 * compare with want. */
static void finds(const char *text, const char *want)
{
	struct search_result r = run(text);
	struct buf got = BUF_INIT;
	size_t i;

	buf_adds(&got, "");
	for (i = 0; i < r.nhits; i++) {
		const struct search_hit *h = &r.hits[i];
		const struct doc *d = corpus_doc(corpus, h->doc);

		buf_printf(&got, "%s%s.%zu:%.*s", i ? " " : "", d->id, (size_t)h->block,
			   (int)(h->end - h->start), d->blocks[h->block].text + h->start);
	}
	is_str(got.data, want, "%s", text);
	ok(r.status == SEARCH_DONE, "%s: done", text);
	buf_free(&got);
	search_result_free(&r);
}

static void test_text_and_entities(void)
{
	finds("re:mantelzorg",
	      "a.3:mantelzorg a.4:Mantelzorg a.5:mantelzorg b.3:mantelzorg");
	finds("mantelzorg @anna", "a.3:mantelzorg");
	finds("mantelzorg -@anna", "a.4:Mantelzorg a.5:mantelzorg b.3:mantelzorg");
	finds("mantelzorg !@anna !@bram", "a.4:Mantelzorg");
	finds("mantelzorg @bram", "a.5:mantelzorg b.3:mantelzorg");
	finds("mantelzorg @Zorgorg", "a.5:mantelzorg");
	finds("mantelzorg @ZORGORG", "a.5:mantelzorg");
	finds("mantelzorg @\"jan de vries\"", "");
	finds("wijk (@anna | @bram)", "a.3:wijk a.5:wijk");
	finds("wijk !(@anna OR @bram)", "b.4:wijk");
	finds("wijk date:2013", "a.3:wijk a.5:wijk");
	finds("wijk doc:b", "b.4:wijk");
	finds("wijk kind:interview", "b.4:wijk");
	finds("wijk -kind:WERKBEZOEK", "b.4:wijk");
	finds("re:wijk | re:wijk", "a.3:wijk a.5:wijk b.4:wijk");
	finds("re:mantel re:mantelzorg @anna", "a.3:mantel a.3:mantelzorg");
	finds("\"over de\" | @carla", "b.4:Over de "
	      "c.3:Carla, De Vries en De Vries. c.4:Carla belde Bram.");
}

static void test_entity_only(void)
{
	finds("@bram", "a.5:Zorgorg en Bram werkten samen aan een plan voor de wijk en voor "
	      "veel meer mensen in de regio: mantelzorg. b.3:Bram noemde mantelzorg. "
	      "c.4:Carla belde Bram.");
	finds("@carla @bram", "c.4:Carla belde Bram.");
	finds("@anna @bram", "");
	finds("type:org", "a.5:Zorgorg en Bram werkten samen aan een plan voor de wijk en "
	      "voor veel meer mensen in de regio: mantelzorg.");
	finds("type:person,org -@bram", "a.3:Anna sprak over mantelzorg in de wijk. "
	      "c.3:Carla, De Vries en De Vries.");
	finds("within:document @anna @bram", "a.0:Report a");
	finds("within:document @carla -@bram", "");
	finds("within:document @bram wijk", "a.3:wijk a.5:wijk b.4:wijk");
}

static void test_documents(void)
{
	finds("date:2014", "b.0:Report b");
	finds("date:..2014", "a.0:Report a b.0:Report b");
	finds("date:2014-03..", "b.0:Report b c.0:Report c");
	finds("date:2014-03-05", "b.0:Report b");
	finds("date:2013-06..2014-02", "");
	finds("kind:werkbezoek", "a.0:Report a c.0:Report c");
	finds("-kind:werkbezoek | doc:a", "a.0:Report a b.0:Report b");
}

static void test_near(void)
{
	finds("mantelzorg @bram near:3", "b.3:mantelzorg");
	finds("mantelzorg @bram near:1", "b.3:mantelzorg");
	finds("mantelzorg @bram near:0", "");
	finds("mantelzorg @bram near:20", "a.5:mantelzorg b.3:mantelzorg");
	/* the mention after the hit counts as well as before */
	finds("plan @bram near:4", "a.5:plan");
	finds("plan @bram near:3", "");
	finds("Bram @bram near:0", "a.5:Bram b.3:Bram c.4:Bram");
}

/* query_entity_pair: "A,B", "A B", quoted names, names of several words */
static void pair(const char *arg, const char *a, const char *b)
{
	long x = -1, y = -1;
	char *error = NULL;
	int got = query_entity_pair(corpus, arg, &x, &y, &error);

	if (a)
		ok(got && x == entity_find(corpus_entities(corpus), a) &&
		   y == entity_find(corpus_entities(corpus), b), "pair '%s' is %s and %s", arg, a, b);
	else
		ok(!got && error && strstr(error, b), "pair '%s' fails: %s", arg, b);
	if (error && a)
		printf("#   %s\n", error);
	free(error);
}

static void test_pairs(void)
{
	pair("anna,bram", "anna", "bram");
	pair("anna bram", "anna", "bram");
	pair("Anna, Jan de Vries", "anna", "devries1");
	pair("jan de vries zorgorg", "devries1", "zorgorg");
	pair("\"Piet de Vries\" anna", "devries2", "anna");
	pair("anna nobody", NULL, "no entity 'nobody'");
	pair("anna", NULL, "name two entities");
	pair("anna,\"De Vries\"", NULL, "names 2 entities");
}

static int cancel_now(void *ctx)
{
	(void)ctx;
	return 1;
}

static void test_limits(void)
{
	struct search_limits lim = { 0, cancel_now, NULL };
	struct search_result r = SEARCH_RESULT_INIT;
	char *error = NULL;
	size_t col;
	struct query *q = query_parse(corpus, "mantelzorg @bram", 16, SEARCH_SMARTCASE,
				      &error, &col);

	ok(q != NULL, "parses");
	if (!q)
		return;
	is_int(query_run(q, sc, &lim, &r), SEARCH_CANCELLED, "a cancelled text term says so");
	ok(r.next_doc < corpus_ndocs(corpus) &&
	   (r.nhits == 0 || r.hits[r.nhits - 1].doc < r.next_doc),
	   "and finds nothing beyond where it stopped");
	is_int(query_run(q, sc, NULL, &r), SEARCH_DONE, "the same query runs again");
	is_int(r.nhits, 2, "into the reset result");
	search_result_free(&r);
	query_free(q);
}

int main(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	corpus = pf_open();
	sc = search_context_new(corpus);
	test_plain();
	test_errors();
	test_text_and_entities();
	test_entity_only();
	test_documents();
	test_near();
	test_limits();
	test_pairs();
	query_free(NULL);
	search_context_free(sc);
	corpus_free(corpus);
	corpus_cleanup();
	return done_testing();
}
