/* diag.c: the loader's diagnostics, and libxml2's errors turned into them.
 *
 * Messages are sanitised (they quote corpus text) and cut to one line.
 * The column of a message the loader makes itself is found in the bytes
 * of the file (read again by load_bytes for the first such message of a
 * file), through a table of line starts made once per file, and only for
 * a message that is kept: a file with thousands of dangling references
 * loads in linear time. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include "buf.h"
#include "corpus_impl.h"
#include "diag.h"
#include "load.h"
#include "text.h"

/* Where each line of f starts: one pass over the bytes. */
static void index_lines(struct file_rec *f)
{
	size_t n = 1, cap = 0;
	const char *p = f->data, *end = f->data + f->len, *nl;

	f->lines = xgrow(NULL, &cap, 1, sizeof(*f->lines));
	f->lines[0] = 0;
	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		p = nl + 1;
		f->lines = xgrow(f->lines, &cap, n + 1, sizeof(*f->lines));
		f->lines[n++] = (size_t)(p - f->data);
	}
	f->nlines = n;
}

/* The column of needle on a line of f, in characters from 1 (a tab is
 * one), or 1 when it is not there. */
/* How far past the last column found the next one is looked for first. */
#define COLUMN_AHEAD 4096

static long find_column(struct file_rec *f, long line, const char *needle)
{
	const char *s, *e, *p = NULL;
	long col = 1;

	if (!f || !f->data || line < 1 || !needle || !*needle)
		return 1;
	if (!f->lines)
		index_lines(f);
	if ((size_t)line > f->nlines)
		return 1;
	s = f->data + f->lines[line - 1];
	e = (size_t)line < f->nlines ? f->data + f->lines[line] : f->data + f->len;
	/* messages come in document order: go on from the last one's place,
	 * looking a little way ahead first (a sanitizer checks the whole
	 * range memmem is given, found early or not) */
	if (f->col_line == line && f->col_off <= (size_t)(e - s)) {
		size_t rest = (size_t)(e - s) - f->col_off;

		p = memmem(s + f->col_off, rest < COLUMN_AHEAD ? rest : COLUMN_AHEAD,
			   needle, strlen(needle));
		if (!p && rest > COLUMN_AHEAD)
			p = memmem(s + f->col_off, rest, needle, strlen(needle));
	}
	if (p) {
		col = f->col_col;
		s += f->col_off;
	} else {
		p = memmem(s, (size_t)(e - s), needle, strlen(needle));
		if (!p)
			return 1;
	}
	f->col_line = line;
	f->col_off = (size_t)(p - (f->data + f->lines[line - 1]));
	for (; s < p; s++)
		col += ((unsigned char)*s & 0xC0) != 0x80;   /* not a continuation byte */
	f->col_col = col;
	return col;
}

static void diag_vadd(struct corpus *c, size_t file, long line, long col,
		      const char *needle, int is_error, const char *fmt, va_list ap)
	__attribute__((format(printf, 7, 0)));

static void diag_vadd(struct corpus *c, size_t file, long line, long col,
		      const char *needle, int is_error, const char *fmt, va_list ap)
{
	struct buf raw = BUF_INIT, clean = BUF_INIT;
	struct corpus_diag *d;
	struct file_rec *f = file < c->nfiles ? &c->files[file] : NULL;

	if (f && ++f->ndiags > MAX_DIAGS_PER_FILE && !c->opt.all_diags) {
		if (f->ndiags != MAX_DIAGS_PER_FILE + 1)
			return;   /* counted for the summary, not kept */
		/* the summary's place, after the file's first messages; its
		 * text is written by diag_summarise when the count is known */
		f->summary = c->ndiags + 1;
		buf_adds(&raw, "problems in this file");
		line = col = 1;
		needle = NULL;
		is_error = 0;
	} else {
		buf_vprintf(&raw, fmt, ap);
	}
	if (needle && f && load_bytes(c, file))
		col = find_column(f, line, needle);
	while (raw.len && (raw.data[raw.len - 1] == '\n' || raw.data[raw.len - 1] == ' '))
		raw.data[--raw.len] = '\0';
	text_sanitize(&clean, raw.data, raw.len);
	buf_free(&raw);
	/* libxml2 repeats a message for every level of a nested entity: keep
	 * one, at the last place, the one in the file's own text */
	if (c->ndiags && f && c->diags[c->ndiags - 1].file == f->path &&
	    strcmp(c->diags[c->ndiags - 1].message, clean.data) == 0) {
		d = &c->diags[c->ndiags - 1];
		d->line = line > 0 ? line : 1;
		d->column = col > 0 ? col : 1;
		f->ndiags--;
		buf_free(&clean);
		return;
	}
	c->diags = xgrow(c->diags, &c->capdiags, c->ndiags + 1, sizeof(*c->diags));
	d = &c->diags[c->ndiags++];
	d->file = f ? f->path : "(corpus)";
	d->line = line > 0 ? line : 1;
	d->column = col > 0 ? col : 1;
	d->is_error = is_error;
	d->message = buf_steal(&clean);
}

struct diag_held {
	size_t file;
	long line, col;
	char *needle;             /* NULL: diag_add's, else diag_add_at's */
	int is_error;
	char *msg;
};

static __thread struct diag_queue *held;

void diag_hold(struct diag_queue *q)
{
	held = q;
}

static void diag_vhold(size_t file, long line, long col, const char *needle, int is_error,
		       const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

static void diag_vhold(size_t file, long line, long col, const char *needle, int is_error,
		       const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;
	struct diag_held *h;

	buf_vprintf(&msg, fmt, ap);
	held->items = xgrow(held->items, &held->cap, held->n + 1, sizeof(*held->items));
	h = &held->items[held->n++];
	h->file = file;
	h->line = line;
	h->col = col;
	h->needle = needle ? xstrdup(needle) : NULL;
	h->is_error = is_error;
	h->msg = msg.data ? buf_steal(&msg) : xstrdup("");
}

void diag_queue_free(struct diag_queue *q)
{
	size_t k;

	for (k = 0; k < q->n; k++) {
		free(q->items[k].needle);
		free(q->items[k].msg);
	}
	free(q->items);
	q->items = NULL;
	q->n = q->cap = 0;
}

void diag_replay(struct corpus *c, struct diag_queue *q)
{
	size_t k;

	for (k = 0; k < q->n; k++) {
		struct diag_held *h = &q->items[k];

		if (h->needle)
			diag_add_at(c, h->file, h->line, h->needle, h->is_error, "%s", h->msg);
		else
			diag_add(c, h->file, h->line, h->col, h->is_error, "%s", h->msg);
	}
	diag_queue_free(q);
}

void diag_add(struct corpus *c, size_t file, long line, long col, int is_error,
	      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (held)
		diag_vhold(file, line, col, NULL, is_error, fmt, ap);
	else
		diag_vadd(c, file, line, col, NULL, is_error, fmt, ap);
	va_end(ap);
}

void diag_add_at(struct corpus *c, size_t file, long line, const char *needle,
		 int is_error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (held)
		diag_vhold(file, line, 1, needle ? needle : "", is_error, fmt, ap);
	else
		diag_vadd(c, file, line, 1, needle ? needle : "", is_error, fmt, ap);
	va_end(ap);
}

void diag_xml_error(struct corpus *c, int domain, int level, long line, long col,
		    const char *msg)
{
	/* libxml2 adds detail on a second line ("Bytes: 0xE9 …"): one line */
	if (domain == XML_FROM_XINCLUDE) {
		/* an include that was refused or missing: the file still loads */
		if (c->loader_reason.len) {
			diag_add(c, c->cur_file, line, col, 0, "%s", c->loader_reason.data);
			buf_reset(&c->loader_reason);
		} else {
			diag_add(c, c->cur_file, line, col, 0, "%.*s",
				 (int)strcspn(msg, "\n"), msg);
		}
		return;
	}
	diag_add(c, c->cur_file, line, col, level != XML_ERR_WARNING, "%.*s",
		 (int)strcspn(msg, "\n"), msg);
}

/* libxml2 2.12 made the error it passes const. */
#if LIBXML_VERSION >= 21200
static void on_xml_error(void *ctx, const xmlError *err)
#else
static void on_xml_error(void *ctx, xmlErrorPtr err)
#endif
{
	if (!err || !err->message)
		return;
	diag_xml_error(ctx, err->domain, err->level, err->line, err->int2, err->message);
}

void diag_listen(struct corpus *c)
{
	if (c)
		xmlSetStructuredErrorFunc(c, on_xml_error);
	else
		xmlSetStructuredErrorFunc(NULL, NULL);
}

struct corpus *diag_listener(void)
{
	return xmlStructuredError == on_xml_error ? xmlStructuredErrorContext : NULL;
}

void diag_summarise(struct corpus *c)
{
	size_t i;

	for (i = 0; i < c->nfiles; i++) {
		struct file_rec *f = &c->files[i];
		struct buf m = BUF_INIT;

		if (f->ndiags <= MAX_DIAGS_PER_FILE)
			continue;
		buf_printf(&m, "%zu problems in this file", f->ndiags);
		if (f->summary) {
			struct corpus_diag *d = &c->diags[f->summary - 1];

			buf_printf(&m, "; the first %d are shown (--check shows all)",
				   MAX_DIAGS_PER_FILE);
			free_const(d->message);
			d->message = buf_steal(&m);
		} else {
			diag_add(c, i, 1, 1, 0, "%s", m.data);
		}
		buf_free(&m);
	}
}

void diag_release(struct corpus *c)
{
	size_t i;

	for (i = 0; i < c->nfiles; i++) {
		free(c->files[i].data);
		free(c->files[i].lines);
		c->files[i].data = NULL;
		c->files[i].lines = NULL;
		c->files[i].len = c->files[i].nlines = 0;
		c->files[i].col_line = 0;
	}
}
