/* batch_tree.c: the batch modes that read the loaded tree: --xpath,
 * --source and --source-entity (batch.h).
 *
 * Like every batch mode, output is sanitised: a control character in the
 * corpus reaches the pipe as a visible placeholder.  The XML of --xml and
 * --source keeps its line breaks (each line is sanitised apart). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "lint.h"
#include "source.h"
#include "text.h"
#include "xpath.h"
#include "say.h"

/* s with its line breaks kept, every line sanitised. */
static void put_lines(FILE *out, const char *s)
{
	const char *nl;

	while ((nl = strchr(s, '\n')) != NULL) {
		batch_put(out, s, (size_t)(nl - s));
		fputc('\n', out);
		s = nl + 1;
	}
	batch_put(out, s, strlen(s));
}

/* A match's text is cut here in the one-line form. */
#define MATCH_TEXT_MAX 4096

/* A match as a record of keys file, line, doc, text. */
static void put_match_record(const struct corpus *c, struct format_writer *w, FILE *out,
			     const struct xpath_match *m, int as_xml)
{
	size_t len = strlen(m->text);
	char *text = !as_xml && len > MATCH_TEXT_MAX
		? xstrndup(m->text, text_char_start(m->text, MATCH_TEXT_MAX)) : NULL;
	struct format_field f[] = {
		{ "file", m->file ? m->file : "", 0, 0, 0 },
		{ "line", NULL, m->line, 0, 0 },
		{ "doc", m->file && m->doc != XPATH_NO_DOC ? corpus_doc(c, m->doc)->id : "",
		  0, 0, 0 },
		{ "text", text ? text : m->text, 0, 0, as_xml },
	};

	format_record(w, out, f, sizeof(f) / sizeof(f[0]));
	free(text);
}

/* A match in the traditional form: file:line: text, or file:line: and
 * the XML on the lines after it. */
static void put_match_line(FILE *out, const struct xpath_match *m, int as_xml)
{
	size_t len = strlen(m->text);

	if (m->file) {
		batch_put(out, m->file, strlen(m->file));
		fprintf(out, ":%ld:%s", m->line, as_xml ? "\n" : " ");
	}
	if (as_xml) {
		put_lines(out, m->text);
	} else {
		batch_put(out, m->text, len > MATCH_TEXT_MAX ? text_char_start(m->text, MATCH_TEXT_MAX)
							 : len);
		if (len > MATCH_TEXT_MAX)
			fputs("\xE2\x80\xA6", out);
	}
	fputc('\n', out);
}

int batch_xpath(const struct corpus *c, const char *expr, int as_xml, enum format_kind fmt,
		FILE *out)
{
	struct format_writer w = FORMAT_WRITER_INIT(fmt);
	struct xpath_limits lim = { 0, 0, as_xml };
	struct xpath_result r = XPATH_RESULT_INIT;
	char *error = NULL;
	size_t i;

	if (xpath_run(c, expr, &lim, &r, &error) != 0) {
		fputs("werkbezoek: invalid XPath expression:\n", stderr);
		put_lines(stderr, error);
		fputc('\n', stderr);
		free(error);
		return 2;
	}
	for (i = 0; i < r.n; i++) {
		if (fmt == FORMAT_TSV)
			put_match_line(out, &r.matches[i], as_xml);
		else
			put_match_record(c, &w, out, &r.matches[i], as_xml);
	}
	if (r.total > r.n)
		fprintf(stderr, "werkbezoek: %zu matches, the first %zu shown\n", r.total, r.n);
	i = r.n;
	xpath_result_free(&r);
	return i ? 0 : 1;
}

/* The lines of a source view, each after its line in the file. */
static void print_source(const struct source_view *v, FILE *out)
{
	size_t i;

	for (i = 0; i < v->nlines; i++) {
		const struct source_line *l = &v->lines[i];

		if (l->line)
			fprintf(out, "%6ld  ", l->line);
		else
			fputs("        ", out);
		batch_put(out, v->text + l->start, l->len);
		fputc('\n', out);
	}
}

int batch_source(const struct corpus *c, const char *arg, FILE *out)
{
	struct source_view v = SOURCE_VIEW_INIT;
	const char *hash = strchr(arg, '#');
	char *id = hash ? xstrndup(arg, (size_t)(hash - arg)) : xstrdup(arg);
	const struct doc *d = corpus_find_doc(c, id);
	unsigned long block = 0;
	char *end = NULL;
	int status = 1;

	if (!d) {
		fputs("werkbezoek: no document '", stderr);
		batch_put(stderr, id, strlen(id));
		fputs("' (--list shows them)\n", stderr);
		goto out;
	}
	if (hash) {
		block = strtoul(hash + 1, &end, 10);
		if (!hash[1] || *end || block == 0 || block > d->nblocks) {
			say("werkbezoek: no block '%s' in the document: BLOCK is its "
				"line in --show --width=0, 1 to %zu\n", hash + 1, d->nblocks);
			goto out;
		}
		source_block(c, corpus_doc_index(c, d), block - 1, &v);
	} else {
		source_doc(c, corpus_doc_index(c, d), (size_t)-1, &v);
	}
	fputs("# ", out);
	batch_put(out, v.file ? v.file : "?", strlen(v.file ? v.file : "?"));
	fputc('\n', out);
	print_source(&v, out);
	status = 0;
out:
	source_view_free(&v);
	free(id);
	return status;
}

int batch_source_entity(const struct corpus *c, const char *id, FILE *out)
{
	struct source_view v = SOURCE_VIEW_INIT;

	if (source_entity(c, id, &v) != 0) {
		fputs("werkbezoek: no record for entity '", stderr);
		batch_put(stderr, id, strlen(id));
		fputs("' (--entities shows them)\n", stderr);
		return 1;
	}
	fputs("# ", out);
	batch_put(out, v.file ? v.file : "?", strlen(v.file ? v.file : "?"));
	fputc('\n', out);
	print_source(&v, out);
	source_view_free(&v);
	return 0;
}

/* Where a record is: file:line as the other lines of --check name files
 * (its source, relative to the corpus, when the tree does not know). */
static void put_place(FILE *out, const struct corpus *c, const struct entity *e)
{
	const char *file = NULL;
	long line = source_entity_line(c, e->id, &file);

	if (file && line > 0) {
		batch_put(out, file, strlen(file));
		fprintf(out, ":%ld", line);
	} else
		batch_put(out, e->source, strlen(e->source));
}

/* A record as file:line:1: WHAT 'NAME' (id). */
static void put_record(FILE *out, const struct corpus *c, const struct entity *e,
		       const char *what)
{
	put_place(out, c, e);
	fprintf(out, ":1: %s '", what);
	batch_put(out, e->name, strlen(e->name));
	fputs("' (", out);
	batch_put(out, e->id, strlen(e->id));
	fputc(')', out);
}

/* Where a record is as file and line, for a record of --format; the
 * source "file:line" split when the tree does not know (*buf holds the
 * file then; caller frees). */
static const char *record_file_line(const struct corpus *c, const struct entity *e,
				    long *line, char **buf)
{
	const char *file = NULL, *colon;

	*buf = NULL;
	*line = source_entity_line(c, e->id, &file);
	if (file && *line > 0)
		return file;
	*line = 0;
	if (!e->source)
		return "";
	colon = strrchr(e->source, ':');
	if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
		*line = strtol(colon + 1, NULL, 10);
		return *buf = xstrndup(e->source, (size_t)(colon - e->source));
	}
	return e->source;
}

/* A record never mentioned (other NULL) or likely a duplicate of other,
 * as a record of --format. */
static void record_problem(struct format_writer *w, FILE *out, const struct corpus *c,
			   const struct entity *e, const struct entity *other)
{
	char *buf;
	struct batch_problem p = { NULL, 0, 1, other ? "likely-duplicate" : "never-mentioned",
				   e->name, e->id, other ? other->id : NULL };

	p.file = record_file_line(c, e, &p.line, &buf);
	batch_check_record(w, out, &p);
	free(buf);
}

/* Records never mentioned, likely duplicates; returns how many. */
static size_t untagged_records(const struct corpus *c, struct format_writer *w, FILE *out)
{
	const struct entity_index *ix = corpus_entities(c);
	size_t n, i;
	struct lint_record *r = lint_records(c, &n);

	for (i = 0; i < n; i++) {
		const struct entity *e = entity_get(ix, r[i].entity);
		const struct entity *o = r[i].other >= 0 ? entity_get(ix, r[i].other) : NULL;

		if (w->kind != FORMAT_TSV) {
			record_problem(w, out, c, e, o);
			continue;
		}
		put_record(out, c, e, o ? "likely duplicate" : "never mentioned");
		if (o) {
			fputs(" of '", out);
			batch_put(out, o->name, strlen(o->name));
			fputs("' (", out);
			batch_put(out, o->id, strlen(o->id));
			fputs(") at ", out);
			put_place(out, c, o);
		}
		fputc('\n', out);
	}
	free(r);
	return n;
}

int batch_untagged(const struct corpus *c, struct format_writer *w, FILE *out)
{
	size_t n, i;
	struct lint_untagged *u = lint_untagged(c, &n);

	for (i = 0; i < n; i++) {
		const struct doc *d = corpus_doc(c, u[i].doc);
		const struct block *b = &d->blocks[u[i].block];
		const char *file = NULL;
		long line = source_block_line(c, u[i].doc, u[i].block, &file);
		const char *id = entity_get(corpus_entities(c), u[i].entity)->id;
		struct batch_problem p = { file ? file : d->file, line,
					   (long)text_chars(b->text, u[i].start) + 1, "untagged",
					   u[i].name, id, NULL };

		if (w->kind != FORMAT_TSV) {
			batch_check_record(w, out, &p);
			continue;
		}
		batch_put(out, p.file, strlen(p.file));
		fprintf(out, ":%ld:%ld: untagged '", p.line, p.column);
		batch_put(out, u[i].name, strlen(u[i].name));
		fputs("' (", out);
		batch_put(out, id, strlen(id));
		fputs(")\n", out);
	}
	free(u);
	return untagged_records(c, w, out) || n ? 1 : 0;
}
