/* batch_query.c: --search with the query language, with --context and in
 * every --format (batch.h).
 *
 * A plain regex printed as TSV in corpus order is batch_search's job
 * (batch.c), unchanged; everything else comes here: the query is parsed
 * (query.h) or the regex compiled (search.h), run once over the corpus,
 * each hit written as a record (format.h), in the order of --sort, or
 * with --count each matched form and its count. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "buf.h"
#include "collocates.h"
#include "corpus.h"
#include "format.h"
#include "kwic.h"
#include "query.h"
#include "search.h"
#include "text.h"

/* A batch search may take its time, but not for ever. */
#define QUERY_SECONDS 60.0
static const char ellipsis[] = "\xE2\x80\xA6";

/* The hit's line cut into left, match and right, each with context
 * characters at most, "…" where cut. */
static void cut_line(const struct block *b, const struct search_hit *h, size_t context,
		     struct buf *left, struct buf *match, struct buf *right)
{
	size_t from, to;

	batch_hit_window(b->text, b->len, h->start, h->end, context, &from, &to);
	if (from > 0)
		buf_adds(left, ellipsis);
	buf_add(left, b->text + from, h->start - from);
	buf_add(match, b->text + h->start, h->end - h->start);
	buf_add(right, b->text + h->end, to - h->end);
	if (to < b->len)
		buf_adds(right, ellipsis);
	buf_addc(left, '\0');
	buf_addc(match, '\0');
	buf_addc(right, '\0');
}

static void put_hit(const struct corpus *c, const struct search_hit *h,
		    struct format_writer *w, size_t context, FILE *out)
{
	const struct doc *d = corpus_doc(c, h->doc);
	const struct block *b = &d->blocks[h->block];
	struct buf left = BUF_INIT, match = BUF_INIT, right = BUF_INIT, pos = BUF_INIT;
	size_t line, column;

	search_hit_position(c, h, &line, &column);
	cut_line(b, h, context, &left, &match, &right);
	if (w->kind == FORMAT_TSV) {
		/* docid:line:column:text, as batch_search writes it */
		struct format_field f = { "hit", NULL, 0 };

		buf_printf(&pos, "%s:%zu:%zu:%s%s%s", d->id, line, column, left.data,
			   match.data, right.data);
		f.str = pos.data;
		format_record(w, out, &f, 1);
	} else {
		struct format_field f[] = {
			{ "doc", d->id, 0 }, { "date", d->date, 0 },
			{ "line", NULL, (long long)line }, { "column", NULL, (long long)column },
			{ "left", left.data, 0 }, { "match", match.data, 0 },
			{ "right", right.data, 0 },
		};

		format_record(w, out, f, sizeof(f) / sizeof(f[0]));
	}
	buf_free(&left);
	buf_free(&match);
	buf_free(&right);
	buf_free(&pos);
}

/* --count: each matched form and how often, the most frequent first. */
static void put_counts(const struct corpus *c, const struct search_result *r,
		       struct format_writer *w, FILE *out)
{
	size_t i, ngroups;
	struct search_group *g = search_count(c, r->hits, r->nhits, &ngroups, NULL);
	struct buf form = BUF_INIT;

	for (i = 0; i < ngroups; i++) {
		const struct search_hit *h = &r->hits[g[i].first];
		const struct block *b = &corpus_doc(c, h->doc)->blocks[h->block];
		struct format_field f[] = {
			{ "count", NULL, (long long)g[i].count }, { "form", NULL, 0 },
		};

		buf_reset(&form);
		buf_add(&form, b->text + h->start, h->end - h->start);
		buf_addc(&form, '\0');
		f[1].str = form.data;
		format_record(w, out, f, 2);
	}
	buf_free(&form);
	free(g);
}

/* --collocates: the words over-represented near the hits. */
static void put_collocates(const struct corpus *c, const struct search_result *r,
			   struct format_writer *w, FILE *out)
{
	struct collocates col = COLLOCATES_INIT;
	char ll[32];
	size_t i;

	collocates_compute(c, r->hits, r->nhits, &col);
	for (i = 0; i < col.n; i++) {
		const struct collocate *it = &col.items[i];
		struct format_field f[] = {
			{ "ll", ll, 0, 1 }, { "near", NULL, (long long)it->near },
			{ "total", NULL, (long long)it->total }, { "word", it->word, 0 },
		};

		snprintf(ll, sizeof(ll), "%.3f", it->ll);
		format_record(w, out, f, 4);
	}
	collocates_free(&col);
}

/* Says what is wrong with the query on stderr, a caret under the fault. */
static void query_error(const char *text, const char *error, size_t column)
{
	struct buf b = BUF_INIT;
	size_t i;

	buf_printf(&b, "werkbezoek: invalid query at column %zu: ", column);
	text_sanitize(&b, error, strlen(error));
	buf_adds(&b, "\n  ");
	text_sanitize(&b, text, strlen(text));
	buf_adds(&b, "\n  ");
	for (i = 1; i < column; i++)
		buf_addc(&b, ' ');
	buf_adds(&b, "^\n");
	fwrite(b.data, 1, b.len, stderr);
	buf_free(&b);
}

/* Runs text as a regex or a query into r.  Returns 0 after saying why
 * it cannot run. */
static int run_query(const struct corpus *c, const char *text, unsigned flags,
		     struct search_context *sc, struct search_result *r)
{
	struct search_limits lim = { QUERY_SECONDS, NULL, NULL };
	char *error = NULL;
	size_t column = 0;

	if (query_is_plain(text, strlen(text))) {
		struct search_pattern *p = search_compile(text, strlen(text), flags, &error);

		if (!p) {
			query_error(text, error, 1);
			free(error);
			return 0;
		}
		search_run(sc, p, 0, corpus_ndocs(c), &lim, r);
		search_pattern_free(p);
	} else {
		struct query *q = query_parse(c, text, strlen(text), flags, &error, &column);

		if (!q) {
			query_error(text, error, column);
			free(error);
			return 0;
		}
		query_run(q, sc, &lim, r);
		query_free(q);
	}
	return 1;
}

int batch_query(const struct corpus *c, const char *text, unsigned flags,
		const struct batch_output *o, FILE *out)
{
	struct format_writer w = FORMAT_WRITER_INIT(o->format);
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_context *sc = search_context_new(c);
	int status = 2;
	size_t i, n;

	if (run_query(c, text, flags, sc, &r)) {
		int listed = o->count || o->collocates;

		if (o->count)
			put_counts(c, &r, &w, out);
		else if (o->collocates)
			put_collocates(c, &r, &w, out);
		else
			search_sort(c, r.hits, r.nhits, o->sort);
		n = o->max_count && o->max_count < r.nhits ? o->max_count : r.nhits;
		for (i = 0; !listed && i < n; i++)
			put_hit(c, &r.hits[i], &w, o->context, out);
		if (!listed)
			batch_say_cut(o, r.nhits);
		status = r.nhits ? 0 : 1;
		if (r.status == SEARCH_TOO_COMPLEX) {
			fprintf(stderr, "werkbezoek: %s (the match limit stopped it)\n",
				search_status_message(r.status));
			status = 2;
		} else if (r.status != SEARCH_DONE) {
			fprintf(stderr, "werkbezoek: %s\n", search_status_message(r.status));
		}
	}
	search_result_free(&r);
	search_context_free(sc);
	return status;
}
