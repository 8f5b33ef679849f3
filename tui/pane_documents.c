/* pane_documents.c: the Documents pane: date, type and title, oldest
 * first, filtered by typing (&).  Moving the selection shows the document
 * in the reader; Enter also moves the focus there. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "pane_documents.h"
#include "render.h"
#include "text.h"

struct documents {
	const struct pane_context *ctx;
	size_t *shown;          /* corpus-order indexes passing the filter */
	size_t nshown;
	char *filter;
};

static struct documents *state(struct view *v)
{
	return v->priv;
}

static void refilter(struct documents *d)
{
	size_t i, n = corpus_ndocs(d->ctx->corpus);

	free(d->shown);
	d->shown = xcalloc(n ? n : 1, sizeof(size_t));
	d->nshown = 0;
	for (i = 0; i < n; i++) {
		const struct doc *doc = corpus_doc(d->ctx->corpus, i);

		if (!d->filter || text_contains_folded(doc->title, d->filter) ||
		    text_contains_folded(doc->date, d->filter) ||
		    text_contains_folded(doc->type, d->filter) ||
		    text_contains_folded(doc->id, d->filter))
			d->shown[d->nshown++] = i;
	}
}

void *documents_new(const struct pane_context *ctx)
{
	struct documents *d = xcalloc(1, sizeof(*d));

	d->ctx = ctx;
	refilter(d);
	return d;
}

static size_t documents_filter(struct view *v, const char *text)
{
	struct documents *d = state(v);

	free(d->filter);
	d->filter = text && *text ? xstrdup(text) : NULL;
	refilter(d);
	v->sel = v->top = 0;
	view_clamp(v);
	return d->nshown;
}

static size_t documents_lines(struct view *v)
{
	return state(v)->nshown;
}

static void documents_draw(struct view *v, size_t n, int y, int width, int selected)
{
	const struct doc *doc = corpus_doc(state(v)->ctx->corpus, state(v)->shown[n]);
	enum style st = selected ? STYLE_SELECTED : STYLE_NORMAL;
	int x = 0;

	if (selected)
		render_fill(v->content, y, 0, width, st);
	x += render_str(v->content, y, x, width - x, *doc->date ? doc->date : "----------", st);
	x += render_str(v->content, y, x, width - x, " ", st);
	x += render_str(v->content, y, x, width - x, doc->title, selected ? st : STYLE_NORMAL);
	if (*doc->type && x + 3 < width) {
		x += render_str(v->content, y, x, width - x, " \xC2\xB7 ", selected ? st : STYLE_DIM);
		render_str(v->content, y, x, width - x, doc->type, selected ? st : STYLE_DIM);
	}
}

static void documents_select(struct view *v, struct action *act)
{
	struct documents *d = state(v);

	if (d->nshown)
		action_preview(act, d->shown[v->sel]);
}

static int documents_request(struct view *v, enum request req, struct action *act)
{
	struct documents *d = state(v);

	if (req == REQ_ENTER && d->nshown) {
		action_open_page(act, LOC_DOC, corpus_doc(d->ctx->corpus, d->shown[v->sel])->id, 0, 0);
		return 1;
	}
	return 0;
}

static void documents_title(struct view *v, struct buf *title, struct buf *right)
{
	struct documents *d = state(v);
	size_t n = corpus_ndocs(d->ctx->corpus);

	if (d->filter)
		buf_printf(title, "Documents (%zu of %zu) &%s", d->nshown, n, d->filter);
	else
		buf_printf(title, "Documents (%zu)", n);
	(void)right;
}

static void documents_done(struct view *v)
{
	struct documents *d = state(v);

	free(d->shown);
	free(d->filter);
	free(d);
	v->priv = NULL;
}

const struct view_ops documents_ops = {
	.name = "Documents",
	.has_cursor = 1,
	.lines = documents_lines,
	.draw = documents_draw,
	.request = documents_request,
	.select = documents_select,
	.title = documents_title,
	.filter = documents_filter,
	.done = documents_done,
};
