/* collocpage.c: the :collocates page (collocpage.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "collocates.h"
#include "collocpage.h"
#include "corpus.h"
#include "query.h"
#include "search.h"

/* A search for a page may take a while, but not for ever. */
#define PAGE_SECONDS 20.0
#define WB_STR_(x) #x
#define WB_STR(x) WB_STR_(x)

/* Runs query, a regex or a query, into r; 0 with *error when invalid. */
static int run(const struct corpus *c, const char *query, unsigned flags,
	       struct search_result *r, char **error)
{
	struct search_limits lim = { PAGE_SECONDS, NULL, NULL };
	struct search_context *sc = search_context_new(c);
	size_t len = strlen(query), column = 0;
	int ok = 0;

	if (query_is_plain(query, len)) {
		struct search_pattern *p = search_compile(query, len, flags, error);

		if (p) {
			search_run(sc, p, 0, corpus_ndocs(c), &lim, r);
			search_pattern_free(p);
			ok = 1;
		}
	} else {
		struct query *q = query_parse(c, query, len, flags, error, &column);

		if (q) {
			query_run(q, sc, &lim, r);
			query_free(q);
			ok = 1;
		}
	}
	search_context_free(sc);
	return ok;
}

/* The paragraph that says what the figures are. */
static void explain(struct page *p, size_t nhits, const struct collocates *col)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "%zu hit%s. ", nhits, nhits == 1 ? "" : "s");
	if (col->n == 0)
		buf_adds(&b, "No word occurs within 5 words of them twice and more often "
			 "than chance would have it.");
	else
		buf_printf(&b, "The words most over-represented within %d words of them, by "
			   "log-likelihood (G2) against the whole corpus: near counts a word "
			   "within %d words of a hit (%zu words in all), total in the corpus "
			   "(%zu words).%s", COLLOCATES_SPAN, COLLOCATES_SPAN,
			   col->window_words, col->corpus_words,
			   col->n > COLLOCPAGE_MAX ? " The first " WB_STR(COLLOCPAGE_MAX) " shown." : "");
	page_add_text(p, BLOCK_PARAGRAPH, 0, b.data, 0);
	buf_free(&b);
}

static void add_rows(struct page *p, const struct collocates *col)
{
	struct buf line = BUF_INIT;
	size_t i, label;

	if (col->n == 0)
		return;
	page_add_text(p, BLOCK_ITEM, 0, "      G2   near  total  word", 28);
	for (i = 0; i < col->n && i < COLLOCPAGE_MAX; i++) {
		const struct collocate *it = &col->items[i];

		buf_reset(&line);
		buf_printf(&line, "%8.1f %6zu %6zu  ", it->ll, it->near, it->total);
		label = line.len;
		buf_adds(&line, it->word);
		page_add_text(p, BLOCK_ITEM, 0, line.data, label);
	}
	buf_free(&line);
}

struct page *collocpage_new(const struct corpus *c, const char *query, unsigned flags,
			    const struct search_hit *hits, size_t n, char **error)
{
	struct search_result r = SEARCH_RESULT_INIT;
	struct collocates col = COLLOCATES_INIT;
	struct buf title = BUF_INIT;
	struct page *p;

	*error = NULL;
	if (!hits) {
		if (!run(c, query, flags, &r, error))
			return NULL;
		hits = r.hits;
		n = r.nhits;
	}
	collocates_compute(c, hits, n, &col);
	buf_printf(&title, "Collocates: %s", query);
	p = page_new(title.data);
	page_add_text(p, BLOCK_TITLE, 0, title.data, 0);
	explain(p, n, &col);
	add_rows(p, &col);
	collocates_free(&col);
	search_result_free(&r);
	buf_free(&title);
	return p;
}
