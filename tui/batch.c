/* batch.c: --list, --entities, --entity, --show and --check.
 *
 * Output is for pipes: plain UTF-8, one record per line, every string from
 * the corpus sanitised so no control character reaches a terminal that
 * happens to be on the other end. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "kwic.h"
#include "layout.h"
#include "page.h"
#include "search.h"
#include "text.h"

void batch_put(FILE *out, const char *s, size_t len)
{
	struct buf b = BUF_INIT;

	text_sanitize(&b, s, len);
	if (b.len)
		fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}

static void puts_clean(FILE *out, const char *s)
{
	batch_put(out, s, strlen(s));
}

int batch_list(const struct corpus *c, enum format_kind fmt, FILE *out)
{
	struct format_writer w = FORMAT_WRITER_INIT(fmt);
	size_t i, n = corpus_ndocs(c);

	for (i = 0; i < n; i++) {
		const struct doc *d = corpus_doc(c, i);
		struct format_field f[] = {
			{ "id", d->id, 0 }, { "date", d->date, 0 },
			{ "type", d->type, 0 }, { "title", d->title, 0 },
		};

		format_record(&w, out, f, sizeof(f) / sizeof(f[0]));
	}
	return n ? 0 : 1;
}

static int type_matches(const struct entity *e, const char *type)
{
	if (!type || !*type)
		return 1;
	if (strcmp(e->type, type) == 0)
		return 1;
	/* "person" also finds personGrp; "org"/"organisation" are one */
	if (strcmp(type, "person") == 0)
		return e->cls == ENTITY_PERSON;
	if (strcmp(type, "organisation") == 0 || strcmp(type, "organization") == 0)
		return e->cls == ENTITY_ORG;
	return 0;
}

int batch_entities(const struct corpus *c, const char *type, enum format_kind fmt,
		   FILE *out)
{
	struct format_writer w = FORMAT_WRITER_INIT(fmt);
	const struct entity_index *ix = corpus_entities(c);
	size_t n = entity_count(ix), i, shown = 0;
	long *order = xcalloc(n ? n : 1, sizeof *order);

	for (i = 0; i < n; i++)
		order[i] = (long)i;
	entity_sort(ix, order, n, ENTITY_BY_NAME);

	for (i = 0; i < n; i++) {
		const struct entity *e = entity_get(ix, order[i]);
		struct buf t = BUF_INIT;

		/* a name known from its mentions only, with no record, says so */
		buf_printf(&t, "%s%s", e->type, e->source ? "" : " (no record)");
		struct format_field f[] = {
			{ "id", e->id, 0 }, { "type", t.data, 0 }, { "name", e->name, 0 },
			{ "mentions", NULL, (long long)e->nmentions },
			{ "documents", NULL, (long long)e->ndocs },
		};

		if (type_matches(e, type)) {
			format_record(&w, out, f, sizeof(f) / sizeof(f[0]));
			shown++;
		}
		buf_free(&t);
	}
	free(order);
	return shown ? 0 : 1;
}

/* Prints blocks as --show does: width 0 is one block per line; otherwise
 * wrapped, with blank lines where the reader has them
 * (layout_blank_between). */
static void print_blocks(const struct block *blocks, size_t n, unsigned width,
			 FILE *out)
{
	struct layout l = { 0 };
	size_t i, k;

	for (i = 0; i < n; i++) {
		const struct block *b = &blocks[i];

		if (width == 0) {
			batch_put(out, b->text, b->len);
			fputc('\n', out);
			continue;
		}
		if (layout_blank_between(i ? &blocks[i - 1] : NULL, b))
			fputc('\n', out);
		layout_wrap(&l, b->text, b->len, b->label_len, width);
		for (k = 0; k < l.nlines; k++) {
			fprintf(out, "%*s", (int)l.lines[k].indent, "");
			batch_put(out, b->text + l.lines[k].start, l.lines[k].end - l.lines[k].start);
			fputc('\n', out);
		}
	}
	layout_free(&l);
}

/* Whether id, sanitised as --list and --entities print it, is want: an
 * id with a control or invisible character is given back in its printed
 * form ("a^[b", "x<U+009B>"). */
static int printed_as(const char *id, const char *want)
{
	struct buf b = BUF_INIT;
	int same;

	if (!text_sanitize(&b, id, strlen(id))) {
		buf_free(&b);
		return 0;       /* printed as it is: the exact look-up had it */
	}
	buf_addc(&b, '\0');
	same = strcmp(b.data, want) == 0;
	buf_free(&b);
	return same;
}

/* The document id names, exactly or in its printed form (the first in
 * corpus order that is printed so). */
static const struct doc *find_doc(const struct corpus *c, const char *id)
{
	const struct doc *d = corpus_find_doc(c, id);
	size_t i, n = corpus_ndocs(c);

	for (i = 0; !d && i < n; i++)
		if (printed_as(corpus_doc(c, i)->id, id))
			d = corpus_doc(c, i);
	return d;
}

/* The entity id names, exactly or in its printed form. */
static long find_entity(const struct corpus *c, const char *id)
{
	const struct entity_index *ix = corpus_entities(c);
	long e = entity_find(ix, id);
	size_t i, n = entity_count(ix);

	for (i = 0; e < 0 && i < n; i++)
		if (printed_as(entity_get(ix, (long)i)->id, id))
			e = (long)i;
	return e;
}

int batch_show(const struct corpus *c, const char *doc_id, unsigned width, FILE *out)
{
	const struct doc *d = find_doc(c, doc_id);

	if (!d) {
		fprintf(stderr, "werkbezoek: no document '");
		puts_clean(stderr, doc_id);
		fprintf(stderr, "' (--list shows them)\n");
		return 1;
	}
	print_blocks(d->blocks, d->nblocks, width, out);
	return 0;
}

int batch_entity(const struct corpus *c, const char *id, FILE *out)
{
	long e = find_entity(c, id);
	struct page *p;

	if (e < 0) {
		fprintf(stderr, "werkbezoek: no entity '");
		puts_clean(stderr, id);
		fprintf(stderr, "' (--entities shows them)\n");
		return 1;
	}
	p = page_entity(c, e);
	print_blocks(p->blocks, p->nblocks, 0, out);
	page_free(p);
	return 0;
}

static const char ellipsis[] = "\xE2\x80\xA6";

void batch_hit_window(const char *text, size_t len, size_t start, size_t end,
		      size_t context, size_t *from, size_t *to)
{
	size_t n;

	for (*from = start, n = 0; *from > 0 && n < context; n++)
		*from = text_char_start(text, *from - 1);
	for (*to = end, n = 0; *to < len && n < context; n++) {
		(*to)++;
		while (*to < len && ((unsigned char)text[*to] & 0xC0) == 0x80)
			(*to)++;
	}
}

static void put_hit_line(FILE *out, const struct block *b, size_t start, size_t end,
			 size_t context)
{
	size_t from, to;

	batch_hit_window(b->text, b->len, start, end, context, &from, &to);
	if (from > 0)
		fputs(ellipsis, out);
	batch_put(out, b->text + from, to - from);
	if (to < b->len)
		fputs(ellipsis, out);
}

void batch_say_cut(const struct batch_output *o, size_t nhits)
{
	if (o->max_count && nhits > o->max_count)
		fprintf(stderr, "werkbezoek: %zu of %zu hits printed (--max-count=%zu)\n",
			o->max_count, nhits, o->max_count);
}

/* A batch search may take its time, but not for ever. */
#define BATCH_SEARCH_SECONDS 60.0

int batch_search(const struct corpus *c, const char *pattern, unsigned flags,
		 const struct batch_output *o, FILE *out)
{
	struct search_result r = SEARCH_RESULT_INIT;
	struct search_limits lim = { BATCH_SEARCH_SECONDS, NULL, NULL };
	struct search_context *sc;
	struct search_pattern *p;
	enum search_status st;
	char *error = NULL;
	size_t i, n, last_line = 0, last_column = 0;
	int status;

	p = search_compile(pattern, strlen(pattern), flags, &error);
	if (!p) {
		fprintf(stderr, "werkbezoek: invalid pattern: ");
		puts_clean(stderr, error);
		fputc('\n', stderr);
		free(error);
		return 2;
	}
	sc = search_context_new(c);
	st = search_run(sc, p, 0, corpus_ndocs(c), &lim, &r);
	n = o->max_count && o->max_count < r.nhits ? o->max_count : r.nhits;
	for (i = 0; i < n; i++) {
		const struct search_hit *h = &r.hits[i];
		const struct doc *d = corpus_doc(c, h->doc);
		const struct block *b = &d->blocks[h->block];
		size_t line, column;

		/* hits in a block come in order: count characters on from the
		 * last one (a million hits in one paragraph stay linear) */
		if (i && h->doc == r.hits[i - 1].doc && h->block == r.hits[i - 1].block &&
		    h->start >= r.hits[i - 1].start) {
			line = last_line;
			column = last_column + text_chars(b->text + r.hits[i - 1].start,
							  h->start - r.hits[i - 1].start);
		} else {
			search_hit_position(c, h, &line, &column);
		}
		last_line = line;
		last_column = column;
		puts_clean(out, d->id);
		fprintf(out, ":%zu:%zu:", line, column);
		put_hit_line(out, b, h->start, h->end, o->context);
		fputc('\n', out);
	}
	batch_say_cut(o, r.nhits);
	status = r.nhits ? 0 : 1;
	if (st == SEARCH_TOO_COMPLEX) {
		fprintf(stderr, "werkbezoek: %s (the match limit stopped it)\n",
			search_status_message(st));
		status = 2;
	} else if (st != SEARCH_DONE) {
		fprintf(stderr, "werkbezoek: %s\n", search_status_message(st));
	}
	search_result_free(&r);
	search_context_free(sc);
	search_pattern_free(p);
	return status;
}

static void print_diag(const struct corpus_diag *d, FILE *out)
{
	puts_clean(out, d->file);
	fprintf(out, ":%ld:%ld: %s: ", d->line, d->column, d->is_error ? "error" : "warning");
	puts_clean(out, d->message);
	fputc('\n', out);
}

void batch_check_record(struct format_writer *w, FILE *out, const struct batch_problem *p)
{
	struct format_field f[] = {
		{ "file", p->file, 0, 0, 0 },
		{ "line", NULL, p->line, 0, 0 },
		{ "column", NULL, p->column, 0, 0 },
		{ "severity", p->severity, 0, 0, 0 },
		{ "message", p->message, 0, 0, 0 },
		{ "entity", p->entity ? p->entity : "", 0, 0, 0 },
		{ "other", p->other ? p->other : "", 0, 0, 0 },
	};

	format_record(w, out, f, sizeof(f) / sizeof(f[0]));
}

int batch_check(const struct corpus *c, struct format_writer *w, FILE *out)
{
	size_t i, n = corpus_ndiags(c);

	for (i = 0; i < n; i++) {
		const struct corpus_diag *d = corpus_diag(c, i);
		struct batch_problem p = { d->file, d->line, d->column,
					   d->is_error ? "error" : "warning", d->message,
					   NULL, NULL };

		if (w->kind == FORMAT_TSV)
			print_diag(d, out);
		else
			batch_check_record(w, out, &p);
	}
	return n ? 1 : 0;
}

void batch_errors(const struct corpus *c, FILE *out)
{
	size_t i, n = corpus_ndiags(c);

	for (i = 0; i < n; i++)
		if (corpus_diag(c, i)->is_error)
			print_diag(corpus_diag(c, i), out);
}
