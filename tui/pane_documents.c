/* pane_documents.c: the Documents pane: date, type and title, oldest
 * first, filtered by typing (&) and by facets (F: years, types and every
 * entity kind, facets.h).  Moving the selection shows the document in the
 * reader; Enter also moves the focus there.  In the facet list Enter
 * toggles a value, & there filters the values (by kind and label, so
 * "&person" lists the persons), and the counts are of the documents the
 * document list's & filter lets through. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "facets.h"
#include "pane_documents.h"
#include "render.h"
#include "text.h"

struct documents {
	const struct pane_context *ctx;
	size_t *shown;          /* corpus-order indexes passing the filter */
	size_t nshown;
	char *filter;
	struct facets *facets;  /* NULL when out of memory: no facets */
	size_t *vals;           /* the facet values through facet_filter */
	size_t nvals;
	char *facet_filter;     /* the & filter of the facet list, or NULL */
	int in_facets;          /* the pane lists facet values */
	size_t doc_sel, doc_top;    /* the document list's, while it does */
};

static struct documents *state(struct view *v)
{
	return v->priv;
}

static int passes_text(const struct documents *d, const struct doc *doc)
{
	return !d->filter || text_contains_folded(doc->title, d->filter) ||
	       text_contains_folded(doc->date, d->filter) ||
	       text_contains_folded(doc->type, d->filter) ||
	       text_contains_folded(doc->id, d->filter);
}

/* The documents shown: through the & filter and the facets; the facet
 * counts are of those through the & filter. */
static void refilter(struct documents *d)
{
	size_t i, n = corpus_ndocs(d->ctx->corpus);
	unsigned char *text_in = xcalloc(n ? n : 1, 1);

	free(d->shown);
	d->shown = xcalloc(n ? n : 1, sizeof(size_t));
	d->nshown = 0;
	for (i = 0; i < n; i++) {
		text_in[i] = (unsigned char)passes_text(d, corpus_doc(d->ctx->corpus, i));
		if (text_in[i] && (!d->facets || facets_doc_in(d->facets, i)))
			d->shown[d->nshown++] = i;
	}
	if (d->facets)
		facets_count(d->facets, text_in);
	free(text_in);
}

/* Whether facet value i passes the facet list's & filter: its kind
 * and label ("Person Aly van Beek") contain the text, folded. */
static int passes_facet_filter(const struct documents *d, size_t i)
{
	const struct facet_value *fv = facets_value(d->facets, i);
	struct buf line = BUF_INIT;
	int in;

	if (!d->facet_filter)
		return 1;
	buf_printf(&line, "%s %s", facets_kind_name(d->facets, fv->kind), fv->label);
	in = text_contains_folded(line.data, d->facet_filter);
	buf_free(&line);
	return in;
}

/* The facet values listed: those through the facet list's filter. */
static void refilter_values(struct documents *d)
{
	size_t i, n = d->facets ? facets_nvalues(d->facets) : 0;

	free(d->vals);
	d->vals = xcalloc(n ? n : 1, sizeof(size_t));
	d->nvals = 0;
	for (i = 0; i < n; i++)
		if (passes_facet_filter(d, i))
			d->vals[d->nvals++] = i;
}

void *documents_new(const struct pane_context *ctx)
{
	struct documents *d = xcalloc(1, sizeof(*d));

	d->ctx = ctx;
	d->facets = facets_new(ctx->corpus);
	refilter(d);
	refilter_values(d);
	return d;
}

/* & filters the documents by text, or in the facets their values. */
static size_t documents_filter(struct view *v, const char *text)
{
	struct documents *d = state(v);
	char **filter = d->in_facets ? &d->facet_filter : &d->filter;

	free(*filter);
	*filter = text && *text ? xstrdup(text) : NULL;
	if (d->in_facets)
		refilter_values(d);
	else
		refilter(d);
	v->sel = v->top = 0;
	view_clamp(v);
	return d->in_facets ? d->nvals : d->nshown;
}

static size_t documents_lines(struct view *v)
{
	struct documents *d = state(v);

	return d->in_facets ? d->nvals : d->nshown;
}

/* "[x] Year 2014 (2)": a facet value, its documents and whether it is on. */
static void facet_draw(struct view *v, size_t n, int y, int width, int selected)
{
	const struct facets *f = state(v)->facets;
	const struct facet_value *fv = facets_value(f, state(v)->vals[n]);
	enum style st = selected ? STYLE_SELECTED : STYLE_NORMAL;
	struct buf count = BUF_INIT;
	int x = 0;

	if (selected)
		render_fill(v->content, y, 0, width, st);
	x += render_str(v->content, y, x, width - x, fv->selected ? "[x] " : "[ ] ", st);
	x += render_str(v->content, y, x, width - x, facets_kind_name(f, fv->kind), selected ? st : STYLE_DIM);
	x += render_str(v->content, y, x, width - x, " ", st);
	x += render_str(v->content, y, x, width - x, fv->label, st);
	buf_printf(&count, " (%zu)", fv->count);
	render_str(v->content, y, x, width - x, count.data, selected ? st : STYLE_DIM);
	buf_free(&count);
}

static void documents_draw(struct view *v, size_t n, int y, int width, int selected)
{
	const struct doc *doc;
	enum style st = selected ? STYLE_SELECTED : STYLE_NORMAL;
	int x = 0;

	if (state(v)->in_facets) {
		facet_draw(v, n, y, width, selected);
		return;
	}
	doc = corpus_doc(state(v)->ctx->corpus, state(v)->shown[n]);
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

	if (d->nshown && !d->in_facets)
		action_preview(act, d->shown[v->sel]);
}

/* The document list again after the facet list, its selection kept
 * when that document is still shown. */
static void show_documents(struct view *v, struct action *act)
{
	struct documents *d = state(v);

	d->in_facets = 0;
	v->sel = d->doc_sel;
	v->top = d->doc_top;
	view_clamp(v);
	documents_select(v, act);
}

/* F switches between the lists, X clears the facets, Enter in the
 * facet list toggles the selected value. */
static int facets_request(struct view *v, enum request req, struct action *act)
{
	struct documents *d = state(v);

	if (!d->facets)
		return 0;
	if (req == REQ_FACETS && d->in_facets) {
		show_documents(v, act);
	} else if (req == REQ_FACETS) {
		d->doc_sel = v->sel;
		d->doc_top = v->top;
		d->in_facets = 1;
		v->sel = v->top = 0;
	} else {
		if (req == REQ_FACETS_CLEAR)
			facets_clear(d->facets);
		else if (d->nvals)
			facets_toggle(d->facets, d->vals[v->sel]);
		refilter(d);
		d->doc_sel = d->doc_top = 0;
		if (!d->in_facets)
			show_documents(v, act);
	}
	return 1;
}

void documents_facets_each(struct view *v,
			   void (*fn)(void *arg, const char *what, const char *key),
			   void *arg)
{
	struct documents *d = state(v);

	for (size_t i = 0; d->facets && i < facets_nvalues(d->facets); i++) {
		const char *what, *key = facets_key(d->facets, i, &what);

		if (facets_value(d->facets, i)->selected)
			fn(arg, what, key);
	}
}

int documents_select_facet(struct view *v, const char *what, const char *key)
{
	struct documents *d = state(v);

	if (!d->facets || !facets_select_key(d->facets, what, key))
		return 0;
	refilter(d);
	v->sel = v->top = 0;
	view_clamp(v);
	return 1;
}

static int documents_request(struct view *v, enum request req, struct action *act)
{
	struct documents *d = state(v);

	if (req == REQ_FACETS || req == REQ_FACETS_CLEAR ||
	    (req == REQ_ENTER && d->in_facets))
		return facets_request(v, req, act);
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
	size_t on = d->facets ? facets_nselected(d->facets) : 0;

	(void)right;
	if (d->in_facets) {
		buf_printf(title, "Facets (%zu on) of Documents (%zu of %zu)", on, d->nshown, n);
		if (d->facet_filter)
			buf_printf(title, " &%s", d->facet_filter);
		return;
	}
	if (d->filter || on)
		buf_printf(title, "Documents (%zu of %zu)", d->nshown, n);
	else
		buf_printf(title, "Documents (%zu)", n);
	for (size_t i = 0; on && i < facets_nvalues(d->facets); i++)
		if (facets_value(d->facets, i)->selected)
			buf_printf(title, " \xC2\xB7 %s", facets_value(d->facets, i)->label);
	if (d->filter)
		buf_printf(title, " &%s", d->filter);
}

static void documents_done(struct view *v)
{
	struct documents *d = state(v);

	free(d->shown);
	free(d->filter);
	free(d->vals);
	free(d->facet_filter);
	facets_free(d->facets);
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
