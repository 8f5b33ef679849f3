/* Unit tests for xpath.c, source.c and tree.c: matches placed in their
 * document and block, the operation limit, the match limit, errors, the
 * source view's lines and the tokens it is coloured by.  Fixture:
 * tests/fixtures/corpus/spans/spans.xml (top_srcdir defaults to "."). */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "buf.h"
#include "corpus.h"
#include "source.h"
#include "xpath.h"

static struct corpus *open_spans(void)
{
	const char *top = getenv("top_srcdir");
	char path[PATH_MAX];
	char *error = NULL;
	struct corpus *c;

	snprintf(path, sizeof(path), "%s/tests/fixtures/corpus/spans/spans.xml",
		 top && *top ? top : ".");
	c = corpus_open(path, NULL, &error);
	if (!c) {
		printf("Bail out! %s\n", error);
		exit(1);
	}
	return c;
}

/* The first block of d whose text starts with prefix. */
static size_t block_starting(const struct doc *d, const char *prefix)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (strncmp(d->blocks[i].text, prefix, strlen(prefix)) == 0)
			return i;
	return (size_t)-1;
}

static void test_matches(const struct corpus *c)
{
	struct xpath_result r = XPATH_RESULT_INIT;
	struct xpath_limits lim = { 0, 0, 0 };
	const struct doc *d = corpus_find_doc(c, "spans");
	char *error = NULL;

	is_int(xpath_run(c, "//tei:body/tei:p/tei:persName", &lim, &r, &error), 0, "a path runs");
	is_int(r.n, 1, "one persName in the text");
	is_str(r.matches[0].text, "Aly van Beek", "its string value");
	is_int(r.matches[0].line, 10, "at its line");
	ok(strstr(r.matches[0].file, "spans.xml") != NULL, "in its file");
	is_int(r.matches[0].doc, corpus_doc_index(c, d), "in its document");
	is_int(r.matches[0].block, block_starting(d, "Aly van Beek van de"), "in its block");

	xpath_run(c, "//tei:listPerson/tei:person", &lim, &r, &error);
	is_int(r.n, 1, "the record");
	is_int(r.matches[0].block, 0, "a node outside the text: the document's first block");

	xpath_run(c, "//tei:title", &lim, &r, &error);
	is_int(r.matches[0].block, 0, "the title: the title block");

	lim.as_xml = 1;
	xpath_run(c, "//tei:hi", &lim, &r, &error);
	is_str(r.matches[0].text, "<hi rend=\"bold\">vet</hi>", "as XML");
	lim.as_xml = 0;

	lim.max_matches = 2;
	xpath_run(c, "//tei:p", &lim, &r, &error);
	is_int(r.n, 2, "the match limit keeps two");
	ok(r.total > 2, "and counts them all (%zu)", r.total);
	lim.max_matches = 0;

	xpath_run(c, "1 + 1", &lim, &r, &error);
	is_str(r.matches[0].text, "2", "a number");
	ok(r.matches[0].file == NULL, "a value has no file");
	xpath_result_free(&r);
}

static void test_errors(const struct corpus *c)
{
	struct xpath_result r = XPATH_RESULT_INIT;
	struct xpath_limits lim = { 1000, 0, 0 };
	char *error = NULL;

	is_int(xpath_run(c, "count(//*[count(//*[count(//*) > 0]) > 0])", &lim, &r, &error), -1,
	       "the operation limit stops a cubic expression");
	ok(error && strstr(error, "operation limit"), "and says so");
	free(error);
	lim.max_ops = 0;
	is_int(xpath_run(c, "//tei:p[", &lim, &r, &error), -1, "a syntax error");
	is_str(error, "//tei:p[\n        ^ invalid expression", "a caret under it");
	free(error);
	xpath_result_free(&r);
}

static void test_source(const struct corpus *c)
{
	struct source_view v = SOURCE_VIEW_INIT;
	const struct doc *d = corpus_find_doc(c, "spans");
	size_t doc = corpus_doc_index(c, d), b = block_starting(d, "Een vet");
	const char *file;

	is_int(source_block(c, doc, b, &v), 0, "a block's element");
	is_int(v.nlines, 1, "one line");
	is_int(v.lines[0].line, 12, "its line in the file");
	ok(strncmp(v.text, "<p>Een <hi rend=\"bold\">vet</hi>", 31) == 0, "written as XML");
	is_int(source_doc(c, doc, b, &v), 0, "the document");
	is_int(v.lines[v.focus].line, 12, "focused on the block's line");
	is_int(v.lines[0].line, 2, "from the TEI element's line");
	is_int(source_block_line(c, doc, b, &file), 12, "source_block_line");
	is_int(source_entity(c, "s-mog", &v), 0, "a record");
	is_int(v.lines[0].line, 6, "at its line");
	is_int(source_entity(c, "nobody", &v), -1, "no record");
	source_view_free(&v);
}

struct tokens {
	struct buf b;
	const char *s;
};

static void emit(void *ctx, enum source_token t, size_t start, size_t end)
{
	static const char names[] = "xtavcr";
	struct tokens *k = ctx;

	buf_printf(&k->b, "%c[%.*s]", names[t], (int)(end - start), k->s + start);
}

static void test_tokens(void)
{
	struct tokens k = { BUF_INIT, NULL };
	struct source_lexer lx = { 0 };

	k.s = "<p n=\"1\">a &amp; b<!-- c";
	source_tokens(&lx, k.s, strlen(k.s), emit, &k);
	is_str(k.b.data, "t[<p]x[ ]a[n=]v[\"1\"]t[>]x[a ]r[&amp;]x[ b]c[<!-- c]", "tokens");
	buf_reset(&k.b);
	k.s = "still -->x</p>";
	source_tokens(&lx, k.s, strlen(k.s), emit, &k);
	is_str(k.b.data, "c[still -->]x[x]t[</p]t[>]", "a comment goes on over lines");
	buf_free(&k.b);
}

int main(void)
{
	struct corpus *c = open_spans();

	test_matches(c);
	test_errors(c);
	test_source(c);
	test_tokens();
	corpus_free(c);
	corpus_cleanup();
	return done_testing();
}
