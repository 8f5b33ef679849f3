/* pane_results.c: the Results pane: the current search's hits as
 * keyword-in-context lines (date, the words before, the match highlighted,
 * the words after).  Enter opens the document at the hit. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "kwic.h"
#include "pane_results.h"
#include "render.h"

struct results {
	const struct pane_context *ctx;
};

static struct results *state(struct view *v)
{
	return v->priv;
}

void *results_new(const struct pane_context *ctx)
{
	struct results *r = xcalloc(1, sizeof(*r));

	r->ctx = ctx;
	return r;
}

void results_reset(struct view *v)
{
	v->top = v->sel = 0;
	view_clamp(v);
}

static size_t results_lines(struct view *v)
{
	return state(v)->ctx->search->hits.nhits;
}

static void results_draw(struct view *v, size_t n, int y, int width, int selected)
{
	const struct pane_context *ctx = state(v)->ctx;
	const struct search_hit *h = &ctx->search->hits.hits[n];
	const struct doc *d = corpus_doc(ctx->corpus, h->doc);
	struct search_kwic k;
	int x = 0, rest, lw, mw, rw;
	enum style st = selected ? STYLE_SELECTED : STYLE_NORMAL;

	if (selected)
		render_fill(v->content, y, 0, width, st);
	x += render_str(v->content, y, 0, width, *d->date ? d->date : "----------",
			selected ? st : STYLE_DIM);
	x += render_str(v->content, y, x, width - x, "  ", st);
	rest = width - x;
	if (rest < 8)
		return;
	/* the match in the middle, as a concordance shows it */
	mw = rest / 3;
	lw = (rest - mw) / 2;
	rw = rest - mw - lw;
	search_kwic(ctx->corpus, h, (size_t)lw, (size_t)mw, (size_t)rw, &k);
	render_str(v->content, y, x + lw - (int)k.left_cols, (int)k.left_cols, k.left, st);
	x += lw;
	x += render_str(v->content, y, x, (int)k.match_cols, k.match,
			n == ctx->search->current_hit ? STYLE_CURRENT_HIT : STYLE_HIT);
	render_str(v->content, y, x, width - x, k.right, st);
	search_kwic_free(&k);
}

/* Moving through the hits shows each in the reader; the focus stays. */
static void results_select(struct view *v, struct action *act)
{
	action_goto_hit(act, v->sel, 1);
}

static int results_request(struct view *v, enum request req, struct action *act)
{
	if (req == REQ_ENTER && state(v)->ctx->search->hits.nhits) {
		action_goto_hit(act, v->sel, 0);
		return 1;
	}
	return 0;
}

static void results_title(struct view *v, struct buf *title, struct buf *right)
{
	const struct search_state *a = state(v)->ctx->search;
	size_t i, docs = 0;

	if (!a->pattern_text) {
		buf_adds(title, "Results");
		return;
	}
	for (i = 0; i < a->hits.nhits; i++)
		if (i == 0 || a->hits.hits[i].doc != a->hits.hits[i - 1].doc)
			docs++;
	buf_printf(title, "/%s \xC2\xB7 %zu hit%s in %zu document%s", a->pattern_text,
		   a->hits.nhits, a->hits.nhits == 1 ? "" : "s", docs, docs == 1 ? "" : "s");
	buf_adds(right, search_status_message(a->status));
}

static void results_done(struct view *v)
{
	free(v->priv);
	v->priv = NULL;
}

const struct view_ops results_ops = {
	.name = "Results",
	.has_cursor = 1,
	.lines = results_lines,
	.draw = results_draw,
	.request = results_request,
	.select = results_select,
	.title = results_title,
	.done = results_done,
};
