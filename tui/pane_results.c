/* pane_results.c: the Results pane: the current search's hits as
 * keyword-in-context lines (date, the words before, the match highlighted,
 * the words after).  Enter opens the document at the hit.  o cycles the
 * order (kwic.h: corpus order, the match, left or right words 1..3) and
 * then the count of each matched form; the hits themselves stay in corpus
 * order for n and N, the pane keeps its own index of them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "kwic.h"
#include "pane_results.h"
#include "render.h"
#include "text.h"

/* After the orders of kwic.h: the matched forms with their counts. */
#define ORDER_COUNT SEARCH_ORDERS

struct results {
	const struct pane_context *ctx;
	int order;                      /* enum search_order or ORDER_COUNT */
	/* made for the hits at for_hits/for_n; line → hit and hit → line */
	const struct search_hit *for_hits;
	size_t for_n;
	int valid;
	size_t *line_hit, *hit_line, nlines;
	struct search_group *groups;
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

static void drop_index(struct results *r)
{
	free(r->line_hit);
	free(r->hit_line);
	free(r->groups);
	r->line_hit = r->hit_line = NULL;
	r->groups = NULL;
	r->valid = 0;
}

/* Makes the index for the hits as they are now (a search that goes on
 * adds hits). */
static void make_index(struct results *r)
{
	const struct search_result *h = &r->ctx->search->hits;
	size_t i;

	if (r->valid && r->for_hits == h->hits && r->for_n == h->nhits)
		return;
	drop_index(r);
	r->for_hits = h->hits;
	r->for_n = r->nlines = h->nhits;
	r->valid = 1;
	/* the hits come in corpus order: lines are hits */
	if (!h->nhits || r->order == SEARCH_ORDER_DOC)
		return;
	r->hit_line = xmalloc(h->nhits * sizeof *r->hit_line);
	if (r->order == ORDER_COUNT) {
		r->groups = search_count(r->ctx->corpus, h->hits, h->nhits, &r->nlines,
					 r->hit_line);
		return;
	}
	r->line_hit = xmalloc(h->nhits * sizeof *r->line_hit);
	for (i = 0; i < h->nhits; i++)
		r->line_hit[i] = i;
	search_sort_index(r->ctx->corpus, h->hits, r->line_hit, h->nhits,
			  (enum search_order)r->order);
	for (i = 0; i < h->nhits; i++)
		r->hit_line[r->line_hit[i]] = i;
}

static size_t line_to_hit(struct results *r, size_t line)
{
	make_index(r);
	if (line >= r->nlines)
		return NO_HIT;
	if (r->groups)
		return r->groups[line].first;
	return r->line_hit ? r->line_hit[line] : line;
}

size_t results_line_of_hit(struct view *v, size_t hit)
{
	struct results *r = state(v);

	make_index(r);
	return hit < r->for_n && r->hit_line ? r->hit_line[hit] : hit;
}

void results_reset(struct view *v)
{
	drop_index(state(v));
	v->top = v->sel = 0;
	view_clamp(v);
}

static size_t results_lines(struct view *v)
{
	make_index(state(v));
	return state(v)->nlines;
}

/* Display columns of the sanitised text[from, to). */
static size_t cols_of(const char *text, size_t from, size_t to, struct buf *scratch)
{
	buf_reset(scratch);
	text_sanitize(scratch, text + from, to - from);
	return text_width(scratch->data ? scratch->data : "", scratch->len);
}

/* Paints the entity mentions of the hit's block over its context, in
 * their entity's colour: right of the match from column xr on (vis
 * columns of text), left of it ending before column xl (vis columns).
 * A mention cut by the left edge is left plain. */
static void paint_mentions(const struct view *v, const struct corpus *c,
			   const struct search_hit *h, int y, int xl, size_t lvis, int xr,
			   size_t rvis)
{
	const struct block *b = &corpus_doc(c, h->doc)->blocks[h->block];
	const struct entity_index *ix = corpus_entities(c);
	struct buf scratch = BUF_INIT;
	size_t i;

	for (i = 0; i < b->nspans; i++) {
		const struct span *sp = &b->spans[i];
		enum style st;
		size_t from, to, col, w;

		if (span_entity(sp) < 0 || sp->end > b->len)
			continue;
		st = render_class_style(entity_get(ix, span_entity(sp))->cls);
		if (sp->end > h->end) {                 /* right of the match */
			from = sp->start > h->end ? sp->start : h->end;
			to = sp->end;
			col = cols_of(b->text, h->end, from, &scratch);
			if (col >= rvis)
				continue;
			w = cols_of(b->text, from, to, &scratch);
			render_str(v->content, y, xr + (int)col,
				   (int)(w < rvis - col ? w : rvis - col), scratch.data, st);
		}
		if (sp->start < h->start) {             /* left of it */
			from = sp->start;
			to = sp->end < h->start ? sp->end : h->start;
			col = cols_of(b->text, to, h->start, &scratch);
			w = cols_of(b->text, from, to, &scratch);
			if (col + w > lvis)
				continue;
			render_str(v->content, y, xl - (int)(col + w), (int)w, scratch.data, st);
		}
	}
	buf_free(&scratch);
}

/* Columns of a piece's text: the piece less its "…" when it was cut. */
static size_t piece_text_cols(const char *text, size_t from, size_t to, size_t piece_cols,
			      size_t width)
{
	struct buf scratch = BUF_INIT;
	size_t total = cols_of(text, from, to, &scratch);

	buf_free(&scratch);
	return total > width && piece_cols ? piece_cols - 1 : piece_cols;
}

/* A line of the count: how many, and the form. */
static void draw_group(struct view *v, const struct search_group *g, int y, int width,
		       enum style st)
{
	const struct pane_context *ctx = state(v)->ctx;
	struct search_kwic k;
	struct buf num = BUF_INIT;
	int x;

	buf_printf(&num, "%8zu  ", g->count);
	x = render_str(v->content, y, 0, width, num.data, st);
	search_kwic(ctx->corpus, &ctx->search->hits.hits[g->first], 0,
		    width > x ? (size_t)(width - x) : 0, 0, &k);
	render_str(v->content, y, x, width - x, k.match, STYLE_HIT);
	search_kwic_free(&k);
	buf_free(&num);
}

/* The date column: YYYY-MM-DD. */
#define DATE_COLS 10

static void results_draw(struct view *v, size_t line, int y, int width, int selected)
{
	const struct pane_context *ctx = state(v)->ctx;
	size_t n = line_to_hit(state(v), line);
	const struct search_hit *h;
	const struct doc *d;
	struct search_kwic k;
	int x = 0, rest, lw, mw, rw;
	enum style st = selected ? STYLE_SELECTED : STYLE_NORMAL;

	if (n == NO_HIT)
		return;
	if (selected)
		render_fill(v->content, y, 0, width, st);
	if (state(v)->groups) {
		draw_group(v, &state(v)->groups[line], y, width, st);
		return;
	}
	h = &ctx->search->hits.hits[n];
	d = corpus_doc(ctx->corpus, h->doc);
	/* a column as wide as a whole date, so that a year alone ("2015")
	 * keeps the matches of every line in one column */
	x = width < DATE_COLS ? width : DATE_COLS;
	render_str(v->content, y, 0, x, *d->date ? d->date : "----------",
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
	if (!selected) {
		const struct block *b = &d->blocks[h->block];

		paint_mentions(v, ctx->corpus, h, y, x - (int)k.match_cols,
			       piece_text_cols(b->text, 0, h->start, k.left_cols, (size_t)lw), x,
			       piece_text_cols(b->text, h->end, b->len, k.right_cols, (size_t)rw));
	}
	search_kwic_free(&k);
}

/* Moving through the hits shows each in the reader; the focus stays. */
static void results_select(struct view *v, struct action *act)
{
	size_t hit = line_to_hit(state(v), v->sel);

	if (hit != NO_HIT)
		action_goto_hit(act, hit, 1);
}

/* What o says, in the order's place: the status line's words. */
static const char *const order_says[ORDER_COUNT + 1] = {
	"in corpus order", "by the match", "by the 1st word left", "by the 2nd word left",
	"by the 3rd word left", "by the 1st word right", "by the 2nd word right",
	"by the 3rd word right", "counted by matched form"
};

/* The next order; the selected hit stays selected. */
static void next_order(struct view *v, struct action *act)
{
	struct results *r = state(v);
	size_t hit = line_to_hit(r, v->sel);

	r->order = (r->order + 1) % (ORDER_COUNT + 1);
	drop_index(r);
	v->sel = hit == NO_HIT ? 0 : results_line_of_hit(v, hit);
	view_goto(v, v->sel);
	action_say(act, 0, "results %s", order_says[r->order]);
}

static int results_request(struct view *v, enum request req, struct action *act)
{
	size_t hit;

	if (req == REQ_SORT) {
		next_order(v, act);
		return 1;
	}
	if (req == REQ_ENTER && state(v)->ctx->search->hits.nhits) {
		hit = line_to_hit(state(v), v->sel);
		if (hit != NO_HIT)
			action_goto_hit(act, hit, 0);
		return 1;
	}
	return 0;
}

static void results_title(struct view *v, struct buf *title, struct buf *right)
{
	const struct search_state *a = state(v)->ctx->search;
	size_t docs = a->hits.ndocs;

	if (!a->pattern_text) {
		buf_adds(title, "Results");
		return;
	}
	buf_printf(title, "/%s \xC2\xB7 %zu hit%s in %zu document%s", a->pattern_text,
		   a->hits.total, a->hits.total == 1 ? "" : "s", docs, docs == 1 ? "" : "s");
	if (a->hits.nhits < a->hits.total)
		buf_printf(title, ", the first %zu listed", a->hits.nhits);
	if (state(v)->order == ORDER_COUNT) {
		make_index(state(v));
		buf_printf(title, ", %zu form%s", state(v)->nlines, state(v)->nlines == 1 ? "" : "s");
	}
	buf_adds(right, a->searching ? "searching" : search_status_message(a->status));
	if (state(v)->order != SEARCH_ORDER_DOC)
		buf_printf(right, "%s%s", right->len ? " \xC2\xB7 " : "",
			   state(v)->order == ORDER_COUNT ? "count"
			   : search_order_name((enum search_order)state(v)->order));
}

static void results_done(struct view *v)
{
	drop_index(state(v));
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
