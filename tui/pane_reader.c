/* pane_reader.c: the Reader pane and its pages: a document, an entity's
 * page, the help.
 *
 * A page is a list of blocks; the reader wraps them to its width (layout.c)
 * into lines, each a byte range of one block, with an indent and blank
 * lines between blocks so headings, list items, quotes, notes and captions
 * look like what they are.  The reading position is kept as (block, byte
 * offset), not as a line number, so a resize rewraps and keeps the line
 * you were reading at the top. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "keys.h"
#include "layout.h"
#include "page.h"
#include "render.h"

enum page_kind { PAGE_NONE, PAGE_DOC, PAGE_ENTITY, PAGE_HELP };

struct rline {
	size_t block;           /* (size_t)-1 for a blank line */
	size_t start, end;      /* bytes into the block text */
	unsigned indent;
};

struct reader {
	struct app *app;
	enum page_kind kind;
	size_t doc;             /* PAGE_DOC: corpus order */
	long entity;            /* PAGE_ENTITY */
	struct page *page;      /* PAGE_ENTITY, PAGE_HELP: owned */
	const struct block *blocks;
	size_t nblocks;
	struct buf title;
	struct rline *lines;
	size_t nlines, cap;
	int width;              /* wrapped for */
	struct layout layout;
};

#define NO_BLOCK ((size_t)-1)

static struct reader *state(struct view *v)
{
	return v->priv;
}

void *reader_new(struct app *a)
{
	struct reader *r = xcalloc(1, sizeof(*r));

	r->app = a;
	r->doc = (size_t)-1;
	r->entity = -1;
	return r;
}

static unsigned block_indent(const struct block *b)
{
	switch (b->kind) {
	case BLOCK_ITEM:
		return 2 * (b->level ? b->level - 1 : 0) + 2;
	case BLOCK_QUOTE:
	case BLOCK_STAGE:
		return 4;
	case BLOCK_NOTE:
	case BLOCK_CAPTION:
		return 2;
	default:
		return 0;
	}
}

/* No blank line between header lines, or between items of a list. */
static int blank_before(const struct block *prev, const struct block *b)
{
	if (!prev)
		return 0;
	if (b->kind == BLOCK_META && (prev->kind == BLOCK_META || prev->kind == BLOCK_TITLE))
		return 0;
	if (b->kind == BLOCK_ITEM && prev->kind == BLOCK_ITEM)
		return 0;
	return 1;
}

static void add_line(struct reader *r, size_t block, size_t start, size_t end, unsigned indent)
{
	struct rline *l;

	r->lines = xgrow(r->lines, &r->cap, r->nlines + 1, sizeof(*r->lines));
	l = &r->lines[r->nlines++];
	l->block = block;
	l->start = start;
	l->end = end;
	l->indent = indent;
}

static void wrap(struct reader *r, int width)
{
	size_t i, k;

	r->nlines = 0;
	r->width = width;
	for (i = 0; i < r->nblocks; i++) {
		const struct block *b = &r->blocks[i];
		unsigned indent = block_indent(b);
		int w = width - (int)indent;

		if (blank_before(i ? &r->blocks[i - 1] : NULL, b))
			add_line(r, NO_BLOCK, 0, 0, 0);
		if (w < 8) {
			indent = 0;
			w = width;
		}
		layout_wrap(&r->layout, b->text, b->len, b->label_len, (unsigned)(w > 0 ? w : 1));
		for (k = 0; k < r->layout.nlines; k++)
			add_line(r, i, r->layout.lines[k].start, r->layout.lines[k].end,
				 indent + r->layout.lines[k].indent);
	}
}

/* The line showing byte off of block (the last line starting at or
 * before it). */
static size_t line_of(const struct reader *r, size_t block, size_t off)
{
	size_t lo = 0, hi = r->nlines, found = 0;

	/* lines are in (block, start) order, blank lines aside */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2, m = mid;

		while (m < hi && r->lines[m].block == NO_BLOCK)
			m++;
		if (m == hi) {
			hi = mid;
			continue;
		}
		if (r->lines[m].block < block ||
		    (r->lines[m].block == block && r->lines[m].start <= off)) {
			found = m;
			lo = m + 1;
		} else {
			hi = mid;
		}
	}
	return found;
}

void reader_position(struct view *v, size_t *block, size_t *off)
{
	struct reader *r = state(v);
	size_t i = v->top;

	while (i < r->nlines && r->lines[i].block == NO_BLOCK)
		i++;
	if (i >= r->nlines) {
		*block = 0;
		*off = 0;
		return;
	}
	*block = r->lines[i].block;
	*off = r->lines[i].start;
}

static void reader_resize(struct view *v, int width)
{
	struct reader *r = state(v);
	size_t block = 0, off = 0;

	if (!r->blocks || width == r->width)
		return;
	reader_position(v, &block, &off);
	wrap(r, width);
	v->top = r->nlines ? line_of(r, block, off) : 0;
}

static void clear_page(struct reader *r)
{
	page_free(r->page);
	r->page = NULL;
	r->blocks = NULL;
	r->nblocks = 0;
	r->kind = PAGE_NONE;
	r->doc = (size_t)-1;
	r->entity = -1;
	buf_reset(&r->title);
}

static void show_blocks(struct view *v, const struct block *blocks, size_t n)
{
	struct reader *r = state(v);

	r->blocks = blocks;
	r->nblocks = n;
	wrap(r, v->width > 0 ? v->width : 80);
	v->top = 0;
}

/* Shows document doc with byte off of block near the top. */
void reader_show_doc(struct view *v, size_t doc, size_t block, size_t off)
{
	struct reader *r = state(v);
	const struct doc *d = corpus_doc(r->app->corpus, doc);
	size_t line;

	if (!d)
		return;
	if (r->kind != PAGE_DOC || r->doc != doc) {
		clear_page(r);
		r->kind = PAGE_DOC;
		r->doc = doc;
		buf_adds(&r->title, d->title);
		if (*d->date)
			buf_printf(&r->title, " \xC2\xB7 %s", d->date);
		show_blocks(v, d->blocks, d->nblocks);
	}
	if (block < r->nblocks) {
		line = line_of(r, block, off);
		/* a little context above the spot, as less does for a search */
		v->top = line > 2 && (block || off) ? line - 2 : (block || off ? line : 0);
	}
	view_clamp(v);
}

void reader_show_entity(struct view *v, long e)
{
	struct reader *r = state(v);
	struct page *p = page_entity(r->app->corpus, e);
	const struct entity *ent = entity_get(corpus_entities(r->app->corpus), e);

	if (!p)
		return;
	clear_page(r);
	r->kind = PAGE_ENTITY;
	r->entity = e;
	r->page = p;
	buf_printf(&r->title, "%s \xC2\xB7 %s", ent->name, ent->type);
	show_blocks(v, p->blocks, p->nblocks);
}

/* The help page, made from the request table. */
void reader_show_help(struct view *v)
{
	struct reader *r = state(v);
	struct page *p = page_new("Help");
	const char *group = NULL;
	struct buf line = BUF_INIT;
	int req;

	page_add_text(p, BLOCK_TITLE, 0, "werkbezoek " PACKAGE_VERSION " \xE2\x80\x94 keys", 0);
	page_add_text(p, BLOCK_PARAGRAPH, 0,
		      "Leave this page by opening a document (1) or an entity (3). "
		      "Names in the reader are coloured by type: persons, organisations, "
		      "places and others; search hits are highlighted.", 0);
	for (req = REQ_NONE + 1; req < REQ_COUNT; req++) {
		const char *g = keys_request_group((enum request)req);
		size_t label;

		if (!group || strcmp(group, g) != 0) {
			page_add_text(p, BLOCK_HEADING, 1, g, 0);
			group = g;
		}
		buf_reset(&line);
		buf_printf(&line, "%-18s ", keys_for((enum request)req));
		label = line.len;
		buf_adds(&line, keys_request_help((enum request)req));
		page_add_text(p, BLOCK_ITEM, 1, line.data, label);
	}
	page_add_text(p, BLOCK_HEADING, 1, "In a prompt (/ & :)", 0);
	page_add_text(p, BLOCK_ITEM, 1, "Enter              keep what you typed", 19);
	page_add_text(p, BLOCK_ITEM, 1, "Esc                cancel", 19);
	page_add_text(p, BLOCK_ITEM, 1, "Up, Down           earlier and later searches", 19);
	page_add_text(p, BLOCK_ITEM, 1, "Backspace, C-w, C-u  delete a character, a word, all", 21);
	buf_free(&line);
	clear_page(r);
	r->kind = PAGE_HELP;
	r->page = p;
	buf_adds(&r->title, "Help");
	show_blocks(v, p->blocks, p->nblocks);
}

const char *reader_title(struct view *v)
{
	struct reader *r = state(v);

	return r->title.data ? r->title.data : "";
}

size_t reader_doc(struct view *v)
{
	struct reader *r = state(v);

	return r->kind == PAGE_DOC ? r->doc : (size_t)-1;
}

void reader_lines(struct view *v, size_t *top, size_t *n)
{
	*top = v->top;
	*n = state(v)->nlines;
}

static size_t reader_count(struct view *v)
{
	return state(v)->nlines;
}

static enum style block_style(const struct block *b)
{
	switch (b->kind) {
	case BLOCK_TITLE:
		return STYLE_TITLE;
	case BLOCK_HEADING:
		return STYLE_HEADING;
	case BLOCK_QUOTE:
		return STYLE_QUOTE;
	case BLOCK_NOTE:
		return STYLE_NOTE;
	case BLOCK_CAPTION:
	case BLOCK_STAGE:
		return STYLE_CAPTION;
	default:
		return STYLE_NORMAL;
	}
}

static enum style span_style(const struct reader *r, const struct span *s)
{
	const struct entity *e;

	switch (s->kind) {
	case SPAN_MENTION:
		e = entity_get(corpus_entities(r->app->corpus), s->entity);
		if (!e)
			return STYLE_OTHER;
		switch (e->cls) {
		case ENTITY_PERSON:
			return STYLE_PERSON;
		case ENTITY_ORG:
			return STYLE_ORG;
		case ENTITY_PLACE:
			return STYLE_PLACE;
		case ENTITY_OTHER:
			break;
		}
		return STYLE_OTHER;
	case SPAN_EMPHASIS:
		return STYLE_EMPHASIS;
	case SPAN_LINK:
	case SPAN_NOTEREF:
		return STYLE_LINK;
	case SPAN_HIT:
		break;
	}
	return STYLE_HIT;
}

/* Adds a style run for [start, end) of the block, clipped to the line. */
static void add_run(struct buf *runs, const struct rline *l, size_t start, size_t end,
		    enum style st)
{
	struct style_run run;

	if (end <= l->start || start >= l->end)
		return;
	run.start = (start > l->start ? start : l->start) - l->start;
	run.end = (end < l->end ? end : l->end) - l->start;
	run.style = st;
	buf_add(runs, (const char *)&run, sizeof(run));
}

/* The first hit in this document's block, by binary search over the
 * hits, which are in corpus order. */
static size_t first_hit(const struct app *a, size_t doc, size_t block)
{
	size_t lo = 0, hi = a->hits.nhits;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct search_hit *h = &a->hits.hits[mid];

		if (h->doc < doc || (h->doc == doc && h->block < block))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void reader_draw(struct view *v, size_t n, int y, int width, int selected)
{
	struct reader *r = state(v);
	const struct rline *l = &r->lines[n];
	const struct block *b;
	struct buf runs = BUF_INIT;
	size_t i;

	(void)selected;
	if (l->block == NO_BLOCK || (int)l->indent >= width)
		return;
	b = &r->blocks[l->block];
	if (b->label_len && (b->kind == BLOCK_META || b->kind == BLOCK_ITEM ||
			     b->kind == BLOCK_SPEECH || b->kind == BLOCK_NOTE))
		add_run(&runs, l, 0, b->label_len, b->kind == BLOCK_META ? STYLE_META : STYLE_TITLE);
	for (i = 0; i < b->nspans; i++)
		add_run(&runs, l, b->spans[i].start, b->spans[i].end, span_style(r, &b->spans[i]));
	if (r->kind == PAGE_DOC) {
		struct app *a = r->app;

		for (i = first_hit(a, r->doc, l->block);
		     i < a->hits.nhits && a->hits.hits[i].doc == r->doc &&
		     a->hits.hits[i].block == l->block; i++)
			add_run(&runs, l, a->hits.hits[i].start, a->hits.hits[i].end,
				i == a->current_hit ? STYLE_CURRENT_HIT : STYLE_HIT);
	}
	render_text(v->content, y, (int)l->indent, width - (int)l->indent, b->text + l->start,
		    l->end - l->start, block_style(b), (const struct style_run *)(void *)runs.data,
		    runs.len / sizeof(struct style_run));
	buf_free(&runs);
}

static int reader_request(struct view *v, enum request req)
{
	(void)v;
	(void)req;
	return REACT_NONE;
}

static void reader_titles(struct view *v, struct buf *title, struct buf *right)
{
	struct reader *r = state(v);
	size_t pct;

	buf_adds(title, r->title.len ? r->title.data : "Reader");
	if (r->nlines) {
		size_t bottom = v->top + (size_t)(v->height > 0 ? v->height : 1);

		pct = bottom >= r->nlines ? 100 : bottom * 100 / r->nlines;
		buf_printf(right, "%zu%%", pct);
	}
}

static void reader_done(struct view *v)
{
	struct reader *r = state(v);

	clear_page(r);
	buf_free(&r->title);
	free(r->lines);
	layout_free(&r->layout);
	free(r);
	v->priv = NULL;
}

const struct view_ops reader_ops = {
	"Reader", 0, reader_count, reader_draw, reader_request,
	NULL, reader_titles, reader_resize, reader_done,
};
