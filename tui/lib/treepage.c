/* treepage.c: the XPath page and the source page (treepage.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "page.h"
#include "source.h"
#include "text.h"
#include "treepage.h"
#include "xpath.h"

/* A match's text is cut here on the page: a match may be a whole div. */
#define MATCH_CHARS 300

/* An error of xpath_run on one line: "at column N: message". */
static char *one_line(const char *error)
{
	const char *nl = strchr(error, '\n'), *caret;
	struct buf b = BUF_INIT;

	if (!nl)
		return xstrdup(error);
	caret = strchr(nl + 1, '^');
	if (caret)
		buf_printf(&b, "at column %zu: %s", (size_t)(caret - nl), caret + 2);
	else
		buf_adds(&b, nl + 1);
	return buf_steal(&b);
}

static void add_match(struct page *p, const struct corpus *c, const struct xpath_match *m)
{
	const struct doc *d = m->doc != XPATH_NO_DOC ? corpus_doc(c, m->doc) : NULL;
	struct buf label = BUF_INIT, text = BUF_INIT;
	size_t len = strlen(m->text), cut = len;

	if (len > MATCH_CHARS)
		cut = text_char_start(m->text, MATCH_CHARS);
	buf_add(&text, m->text, cut);
	if (cut < len)
		buf_adds(&text, "\xE2\x80\xA6");
	if (!text.len)
		buf_adds(&text, "(empty)");
	if (d) {
		struct location to = { LOC_DOC, d->id, m->block, 0 };

		buf_printf(&label, "%s:%ld ", d->id, m->line);
		page_add_link(p, BLOCK_ITEM, 1, label.data, text.data, &to);
	} else {
		if (m->file)
			buf_printf(&label, "%s:%ld ", m->file, m->line);
		buf_add(&label, text.data, text.len);
		page_add_text(p, BLOCK_ITEM, 1, label.data,
			      m->file ? strlen(label.data) - text.len : 0);
	}
	buf_free(&label);
	buf_free(&text);
}

struct page *page_xpath(const struct corpus *c, const char *expr, size_t max_lines,
			char **error)
{
	struct xpath_result r = XPATH_RESULT_INIT;
	struct xpath_limits lim = { 0, max_lines, 0 };
	struct buf line = BUF_INIT;
	struct page *p;
	char *e = NULL;
	size_t i;

	*error = NULL;
	if (xpath_run(c, expr, &lim, &r, &e) != 0) {
		*error = one_line(e);
		free(e);
		return NULL;
	}
	buf_printf(&line, "XPath: %s", expr);
	p = page_new(line.data);
	page_add_text(p, BLOCK_TITLE, 0, line.data, 0);
	buf_reset(&line);
	if (r.total > r.n)
		buf_printf(&line, "%zu matches, the first %zu shown.", r.total, r.n);
	else
		buf_printf(&line, "%zu match%s.", r.total, r.total == 1 ? "" : "es");
	buf_adds(&line, " Tab to a line and Enter to go to its place in the text.");
	page_add_text(p, BLOCK_PARAGRAPH, 0, line.data, 0);
	for (i = 0; i < r.n; i++)
		add_match(p, c, &r.matches[i]);
	buf_free(&line);
	xpath_result_free(&r);
	return p;
}

struct page *page_source(const struct source_view *v)
{
	struct page *p = page_new(v->file ? v->file : "Source");
	struct buf line = BUF_INIT;
	long max = 1;
	int width;
	size_t i;

	for (i = 0; i < v->nlines; i++)
		if (v->lines[i].line > max)
			max = v->lines[i].line;
	width = snprintf(NULL, 0, "%ld", max);
	for (i = 0; i < v->nlines; i++) {
		const struct source_line *l = &v->lines[i];
		size_t label;

		buf_reset(&line);
		if (l->line)
			buf_printf(&line, "%*ld ", width, l->line);
		else
			buf_printf(&line, "%*s ", width, "");
		label = line.len;
		buf_add(&line, v->text + l->start, l->len);
		page_add_text(p, BLOCK_ITEM, 0, line.data, label);
	}
	buf_free(&line);
	return p;
}
