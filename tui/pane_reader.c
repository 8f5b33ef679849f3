/* pane_reader.c: the Reader pane and its pages: a document, an entity's
 * page, the help, the history, the matches of an XPath expression.
 *
 * \ shows the TEI source of the document or record on the page instead
 * (treepage.h), coloured by source_tokens, at the element of the block
 * that was at the top; \ again goes back to the text where it was.
 *
 * Following a link (Enter, or a label typed after f) fills in an action
 * with the link's location, copied; the loop opens it.
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

#include "buf.h"
#include "corpus.h"
#include "history.h"
#include "entity.h"
#include "keys.h"
#include "layout.h"
#include "page.h"
#include "pane_reader.h"
#include "render.h"
#include "source.h"
#include "treepage.h"
#include "collocpage.h"
#include "path.h"
#include "pathpage.h"
#include "text.h"

/* How many chains the path page shows at most. */
#define READER_PATHS 3

enum page_kind { PAGE_NONE, PAGE_DOC, PAGE_ENTITY, PAGE_HELP, PAGE_HISTORY, PAGE_XPATH,
		PAGE_PATH, PAGE_COLLOCATES, PAGE_LIST };

struct rline {
	size_t block;           /* (size_t)-1 for a blank line */
	size_t start, end;      /* bytes into the block text */
	unsigned indent;
};

/* A link on the page: an entity mention, a ref, a note marker. */
struct rlink {
	size_t block;
	const struct span *span;
};

struct reader {
	const struct pane_context *ctx;
	enum page_kind kind;
	size_t doc;             /* PAGE_DOC: corpus order */
	long entity;            /* PAGE_ENTITY */
	struct page *page;      /* PAGE_ENTITY, PAGE_HELP: owned */
	const struct block *blocks;
	size_t nblocks;
	struct buf title;
	struct rline *lines;
	size_t nlines, cap;
	int width;              /* wrapped for (the pane's width) */
	int max_width;          /* the widest a line is wrapped to; 0: the pane's */
	struct layout layout;
	struct rlink *links;    /* in page order */
	size_t nlinks, caplinks;
	size_t cur_link;        /* selected with Tab, or NO_LINK */
	int hinting;            /* f: labels on the visible links */
	struct buf typed;       /* the label typed so far */
	size_t hint_first;      /* the first visible link, labelled first */
	size_t nhints;
	char *xpath;            /* PAGE_XPATH: the expression, owned */
	char *path;             /* PAGE_PATH: "id TAB id", owned */
	char *colloc;           /* PAGE_COLLOCATES: the query, owned */
	struct location list;   /* PAGE_LIST: LOC_WITH or LOC_YEAR, owned */
	struct path_graph *graph;       /* for PAGE_PATH, made when first
					 * needed, owned */
	/* The source view (\\) of a document or entity page: page holds its
	 * lines, text_block and text_off where the text was, lexer the
	 * tokenizer's state at the start of each line. */
	int source;
	size_t text_block, text_off;
	unsigned char *lexer;
	/* Where the page was put (a location, a resize) and the top line it
	 * gave: while the top stays there, that is the position, not the
	 * start of the line at the top, so resizing back and forth or saving
	 * and restoring does not creep. */
	int anchored;
	size_t anchor_block, anchor_off, anchor_top;
	unsigned long wraps;    /* one more each time the lines are made */
};

#define NO_LINK ((size_t)-1)

#define NO_BLOCK ((size_t)-1)

static struct reader *state(struct view *v)
{
	return v->priv;
}

static void show_entity(struct view *v, long e, int lazy);
static void show_help(struct view *v);
static void show_history(struct view *v);
static int show_xpath(struct view *v, const char *expr);
static int show_path(struct view *v, const char *ids);
static int show_collocates(struct view *v, const char *query);
static int show_list(struct view *v, const struct location *l);
static void add_run(struct buf *runs, const struct rline *l, size_t start, size_t end,
		    enum style st);

void *reader_new(const struct pane_context *ctx)
{
	struct reader *r = xcalloc(1, sizeof(*r));

	r->ctx = ctx;
	r->doc = (size_t)-1;
	r->entity = -1;
	r->cur_link = NO_LINK;
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

/* Adds the lines of blocks first .. nblocks, wrapped at r->width. */
static void wrap_blocks(struct reader *r, size_t first)
{
	int width = r->width;
	size_t i, k;

	/* a line of text no wider than reads well (set width=N) */
	if (r->max_width > 0 && width > r->max_width)
		width = r->max_width;
	for (i = first; i < r->nblocks; i++) {
		const struct block *b = &r->blocks[i];
		unsigned indent = r->source ? 0 : block_indent(b);
		int w = width - (int)indent;

		if (!r->source && layout_blank_between(i ? &r->blocks[i - 1] : NULL, b))
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

static void wrap(struct reader *r, int width)
{
	/* a page wrapped at three columns needs many lines; the next one
	 * need not keep them */
	if (r->cap > 4096) {
		free(r->lines);
		r->lines = NULL;
		r->cap = 0;
		layout_free(&r->layout);
	}
	r->nlines = 0;
	r->width = width;
	r->wraps++;
	wrap_blocks(r, 0);
}

unsigned long reader_wraps(struct view *v)
{
	return state(v)->wraps;
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

/* The top line for (block, off): its line, or for an offset at the end
 * of a block, the blank line after it (reader_position's way of naming a
 * blank line at the top). */
static size_t top_line_of(const struct reader *r, size_t block, size_t off)
{
	size_t line = line_of(r, block, off);

	if (block < r->nblocks && off > 0 && off >= r->blocks[block].len &&
	    line + 1 < r->nlines && r->lines[line + 1].block == NO_BLOCK)
		line++;
	return line;
}

/* Remembers that (block, off) put the top where it is now. */
static void anchor(struct view *v, size_t block, size_t off)
{
	struct reader *r = state(v);

	r->anchored = 1;
	r->anchor_block = block;
	r->anchor_off = off;
	r->anchor_top = v->top;
}

/* A blank line at the top is named by the end of the block above it. */
void reader_position(struct view *v, size_t *block, size_t *off)
{
	struct reader *r = state(v);
	size_t i = v->top;

	*block = 0;
	*off = 0;
	if (r->anchored && r->anchor_top == v->top) {
		*block = r->anchor_block;
		*off = r->anchor_off;
		return;
	}
	if (i < r->nlines && r->lines[i].block == NO_BLOCK) {
		while (i > 0 && r->lines[i].block == NO_BLOCK)
			i--;
		if (r->lines[i].block != NO_BLOCK) {
			*block = r->lines[i].block;
			*off = r->blocks[*block].len;
			return;
		}
		while (i < r->nlines && r->lines[i].block == NO_BLOCK)
			i++;
	}
	if (i >= r->nlines)
		return;
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
	v->top = r->nlines ? top_line_of(r, block, off) : 0;
	view_clamp(v);
	anchor(v, block, off);
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
	free(r->xpath);
	r->xpath = NULL;
	free(r->path);
	r->path = NULL;
	free(r->colloc);
	r->colloc = NULL;
	location_clear(&r->list);
	r->source = 0;
	free(r->lexer);
	r->lexer = NULL;
	r->anchored = 0;
	buf_reset(&r->title);
}

/* The links of blocks first .. nblocks, added to the list in page order. */
static void collect_links(struct reader *r, size_t first)
{
	const struct block *blocks = r->blocks;
	size_t i, k, n = r->nblocks;

	for (i = first; i < n; i++)
		for (k = 0; k < blocks[i].nspans; k++) {
			const struct span *sp = &blocks[i].spans[k];

			if (sp->kind != SPAN_MENTION && sp->kind != SPAN_LINK &&
			    sp->kind != SPAN_NOTEREF)
				continue;
			/* a name inside a name: one link, the outer one */
			if (r->nlinks && r->links[r->nlinks - 1].block == i &&
			    r->links[r->nlinks - 1].span->end >= sp->end)
				continue;
			r->links = xgrow(r->links, &r->caplinks, r->nlinks + 1, sizeof(*r->links));
			r->links[r->nlinks].block = i;
			r->links[r->nlinks].span = sp;
			r->nlinks++;
		}
}

static void show_blocks(struct view *v, const struct block *blocks, size_t n)
{
	struct reader *r = state(v);

	r->blocks = blocks;
	r->nblocks = n;
	wrap(r, v->width > 0 ? v->width : 80);
	v->top = 0;
	r->nlinks = 0;
	r->cur_link = NO_LINK;
	r->hinting = 0;
	collect_links(r, 0);
}

int reader_finish_page(struct view *v)
{
	struct reader *r = state(v);
	size_t had;

	if (r->kind != PAGE_ENTITY || r->source || !r->page || page_complete(r->page))
		return 0;
	had = r->nblocks;
	page_more(r->page, (size_t)-1);
	/* the blocks shown stay as they were (only where they are may
	 * change): their lines, links and the top stay too */
	r->blocks = r->page->blocks;
	r->nblocks = r->page->nblocks;
	wrap_blocks(r, had);
	collect_links(r, had);
	return 1;
}

/* Shows document doc with byte off of block context lines below the top. */
void reader_show_doc(struct view *v, size_t doc, size_t block, size_t off, size_t context)
{
	struct reader *r = state(v);
	const struct doc *d = corpus_doc(r->ctx->corpus, doc);
	size_t line;

	if (!d)
		return;
	if (r->kind != PAGE_DOC || r->doc != doc || r->source) {
		clear_page(r);
		r->kind = PAGE_DOC;
		r->doc = doc;
		buf_adds(&r->title, d->title);
		if (*d->date)
			buf_printf(&r->title, " \xC2\xB7 %s", d->date);
		show_blocks(v, d->blocks, d->nblocks);
	}
	if (block < r->nblocks) {
		line = top_line_of(r, block, off);
		v->top = line > context ? line - context : 0;
	}
	view_clamp(v);
	if (!context && block < r->nblocks)
		anchor(v, block, off);
}

/* An entity page's first lines: a screen and more, so that the first
 * screen is drawn at once; reader_finish_page() builds the rest. */
#define ENTITY_FIRST_LINES 200

/* The page of entity e; lazy: only its first lines for now. */
static void show_entity(struct view *v, long e, int lazy)
{
	struct reader *r = state(v);
	struct page *p = lazy ? page_entity_first(r->ctx->corpus, e, ENTITY_FIRST_LINES)
			      : page_entity(r->ctx->corpus, e);
	const struct entity *ent = entity_get(corpus_entities(r->ctx->corpus), e);

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
/* The help's part on prompts and commands: a heading has no text. */
static const char *const prompt_help[][2] = {
	{ "Counts", NULL },
	{ "0, digits, a key", "the key that many times: 010j; 050G goes to line 50" },
	{ "In a prompt (/ & :)", NULL },
	{ "Enter", "keep what you typed" },
	{ "Esc, C-c, C-g", "cancel" },
	{ "Left, Right, M-b, M-f", "move a character, a word" },
	{ "Home, End, C-a, C-e", "the start, the end" },
	{ "Backspace, Delete", "delete a character" },
	{ "C-w, C-u, C-k, C-y", "cut a word, to the start, to the end; put back" },
	{ "Up, Down", "earlier and later entries beginning with what is typed" },
	{ "Tab", "complete a command, a title, a name" },
	{ "Commands (:)", NULL },
	{ ":open TITLE", "a document by title (or a part of it) or id" },
	{ ":entity NAME", "an entity by name (or a part of it) or id" },
	{ ":search REGEX", "search and go to the first hit" },
	{ ":N", "line N of the page" },
	{ ":info", "the document's id, file, date, size; where you are" },
	{ ":set OPTION, :source FILE", "an option; a config file (see the manual)" },
	{ ":history, :help", "where you have been; this page" },
	{ ":q, :quit", "quit" },
};

static void show_help(struct view *v)
{
	struct reader *r = state(v);
	struct page *p = page_new("Help");
	const char *group = NULL;
	struct buf line = BUF_INIT;
	size_t i, label;
	int req;

	page_add_text(p, BLOCK_TITLE, 0, "werkbezoek " PACKAGE_VERSION " \xE2\x80\x94 keys", 0);
	page_add_text(p, BLOCK_PARAGRAPH, 0,
		      "Leave this page by opening a document (1) or an entity (3). "
		      "Names in the reader are coloured by type: persons, organisations, "
		      "places and others; search hits are highlighted.", 0);
	for (req = REQ_NONE + 1; req < REQ_COUNT; req++) {
		const char *g = keys_request_group((enum request)req);

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
	for (i = 0; i < sizeof(prompt_help) / sizeof(prompt_help[0]); i++) {
		if (!prompt_help[i][1]) {
			page_add_text(p, BLOCK_HEADING, 1, prompt_help[i][0], 0);
			continue;
		}
		buf_reset(&line);
		buf_printf(&line, "%-18s ", prompt_help[i][0]);
		label = line.len;
		buf_adds(&line, prompt_help[i][1]);
		page_add_text(p, BLOCK_ITEM, 1, line.data, label);
	}
	buf_free(&line);
	clear_page(r);
	r->kind = PAGE_HELP;
	r->page = p;
	buf_adds(&r->title, "Help");
	show_blocks(v, p->blocks, p->nblocks);
}

void reader_location(struct view *v, struct location *out)
{
	struct reader *r = state(v);
	const struct entity *e;

	location_clear(out);
	switch (r->kind) {
	case PAGE_NONE:
		return;
	case PAGE_DOC:
		out->kind = LOC_DOC;
		out->id = xstrdup(corpus_doc(r->ctx->corpus, r->doc)->id);
		break;
	case PAGE_ENTITY:
		e = entity_get(corpus_entities(r->ctx->corpus), r->entity);
		out->kind = LOC_ENTITY;
		out->id = xstrdup(e->id);
		break;
	case PAGE_HELP:
		out->kind = LOC_HELP;
		break;
	case PAGE_HISTORY:
		out->kind = LOC_HISTORY;
		break;
	case PAGE_XPATH:
		out->kind = LOC_XPATH;
		out->id = xstrdup(r->xpath);
		break;
	case PAGE_PATH:
		out->kind = LOC_PATH;
		out->id = xstrdup(r->path);
		break;
	case PAGE_COLLOCATES:
		out->kind = LOC_COLLOCATES;
		out->id = xstrdup(r->colloc);
		break;
	case PAGE_LIST:
		location_copy(out, &r->list);
		break;
	}
	if (r->source) {
		/* the source view is a way of looking at the page, not a page */
		out->block = r->text_block;
		out->off = r->text_off;
		return;
	}
	reader_position(v, &out->block, &out->off);
	if (r->cur_link != NO_LINK) {
		out->link = r->links[r->cur_link].block + 1;
		out->link_off = r->links[r->cur_link].span->start;
	}
}

/* Arriving at a mention (from an entity's page), or where a link was
 * selected (a mark, back, the session): it is the selected link, so it
 * stands out and Enter goes on from it. */
static void select_link_at(struct reader *r, size_t block, size_t off)
{
	size_t i;

	for (i = 0; i < r->nlinks; i++)
		if (r->links[i].block == block && r->links[i].span->start == off) {
			r->cur_link = i;
			return;
		}
}

/* The line of (block, off) at the top, as it was. */
static void show_at(struct view *v, size_t block, size_t off)
{
	struct reader *r = state(v);

	if (block < r->nblocks)
		v->top = top_line_of(r, block, off);
	view_clamp(v);
	if (block < r->nblocks)
		anchor(v, block, off);
}

int reader_show_location(struct view *v, const struct location *l, size_t context)
{
	struct reader *r = state(v);
	const struct doc *d;
	long e;

	switch (l->kind) {
	case LOC_DOC:
		d = l->id ? corpus_find_doc(r->ctx->corpus, l->id) : NULL;
		if (!d)
			return 0;
		reader_show_doc(v, corpus_doc_index(r->ctx->corpus, d), l->block, l->off, context);
		if (l->link)
			select_link_at(r, l->link - 1, l->link_off);
		else
			select_link_at(r, l->block, l->off);
		return 1;
	case LOC_ENTITY:
		e = l->id ? entity_find(corpus_entities(r->ctx->corpus), l->id) : -1;
		if (e < 0)
			return 0;
		if (r->kind != PAGE_ENTITY || r->entity != e || r->source)
			show_entity(v, e, l->block == 0 && l->off == 0);
		else
			reader_finish_page(v);
		break;
	case LOC_XPATH:
		if (!l->id || ((r->kind != PAGE_XPATH || strcmp(r->xpath, l->id) != 0) &&
			       !show_xpath(v, l->id)))
			return 0;
		break;
	case LOC_PATH:
		if (!l->id || ((r->kind != PAGE_PATH || strcmp(r->path, l->id) != 0) &&
			       !show_path(v, l->id)))
			return 0;
		break;
	case LOC_COLLOCATES:
		if (!l->id || ((r->kind != PAGE_COLLOCATES || strcmp(r->colloc, l->id) != 0) &&
			       !show_collocates(v, l->id)))
			return 0;
		break;
	case LOC_WITH:
	case LOC_YEAR:
		if ((r->kind != PAGE_LIST || !location_same_page(&r->list, l)) && !show_list(v, l))
			return 0;
		break;
	case LOC_HELP:
		if (r->kind != PAGE_HELP)
			show_help(v);
		break;
	case LOC_HISTORY:
		show_history(v);
		break;
	case LOC_NONE:
	case LOC_URL:
		return 0;
	}
	show_at(v, l->block, l->off);
	if (context && v->top > context)
		v->top -= context;
	if (l->link)
		select_link_at(r, l->link - 1, l->link_off);
	return 1;
}

/* The back/forward list as a page of links. */
static void show_history(struct view *v)
{
	struct reader *r = state(v);
	const struct history_list *h = r->ctx->history;
	struct page *p = page_new("History");
	size_t i;

	page_add_text(p, BLOCK_TITLE, 0, "History", 0);
	page_add_text(p, BLOCK_PARAGRAPH, 0,
		      "Where you have been, the latest last; Tab to a line and Enter to go "
		      "back there.  The line marked > is where you are.", 0);
	for (i = 0; i < h->n; i++) {
		const struct location *l = &h->items[i];
		struct buf text = BUF_INIT;
		const char *name = "";
		const struct doc *d;
		long e;

		switch (l->kind) {
		case LOC_DOC:
			d = l->id ? corpus_find_doc(r->ctx->corpus, l->id) : NULL;
			name = d ? d->title : l->id;
			break;
		case LOC_ENTITY:
			e = l->id ? entity_find(corpus_entities(r->ctx->corpus), l->id) : -1;
			name = e >= 0 ? entity_get(corpus_entities(r->ctx->corpus), e)->name : l->id;
			break;
		case LOC_HELP:
			name = "Help";
			break;
		case LOC_WITH:
		case LOC_YEAR:
			name = l->id;
			break;
		default:
			continue;
		}
		buf_printf(&text, "%s ", i == h->pos ? ">" : " ");
		if (l->kind == LOC_WITH)
			buf_adds(&text, "Appears with: ");
		else if (l->kind == LOC_YEAR)
			buf_adds(&text, "Documents of ");
		page_add_link(p, BLOCK_ITEM, 1, text.data, name ? name : "", l);
		buf_free(&text);
	}
	clear_page(r);
	r->kind = PAGE_HISTORY;
	r->page = p;
	buf_adds(&r->title, "History");
	show_blocks(v, p->blocks, p->nblocks);
}

/* The matches of an XPath expression as a page of links.  0 (and the
 * page unchanged) when the expression is invalid: commands.c checks it
 * before it comes here. */
static int show_xpath(struct view *v, const char *expr)
{
	struct reader *r = state(v);
	char *error = NULL;
	struct page *p = page_xpath(r->ctx->corpus, expr, 0, &error);

	if (!p) {
		free(error);
		return 0;
	}
	clear_page(r);
	r->kind = PAGE_XPATH;
	r->xpath = xstrdup(expr);
	r->page = p;
	buf_printf(&r->title, "XPath %s", expr);
	show_blocks(v, p->blocks, p->nblocks);
	return 1;
}

/* The collocates of a search (collocpage.h): of the current search's
 * hits when query is its text and it is done, else of the query run
 * afresh (smart case).  0 (and the page unchanged) for an invalid query. */
static int show_collocates(struct view *v, const char *query)
{
	struct reader *r = state(v);
	const struct search_state *s = r->ctx->search;
	int current = s && s->pattern_text && strcmp(s->pattern_text, query) == 0 &&
		      s->status == SEARCH_DONE;
	char *error = NULL;
	struct page *p = collocpage_new(r->ctx->corpus, query, SEARCH_SMARTCASE,
					current ? s->hits.hits : NULL,
					current ? s->hits.nhits : 0, &error);

	if (!p) {
		free(error);
		return 0;
	}
	clear_page(r);
	r->kind = PAGE_COLLOCATES;
	r->colloc = xstrdup(query);
	r->page = p;
	buf_printf(&r->title, "Collocates %s", query);
	show_blocks(v, p->blocks, p->nblocks);
	return 1;
}

/* The chains between two entities (pathpage.h); ids is "id TAB id".
 * 0 (and the page unchanged) when either is no entity. */
static int show_path(struct view *v, const char *ids)
{
	struct reader *r = state(v);
	const struct entity_index *ix = corpus_entities(r->ctx->corpus);
	const char *tab = strchr(ids, '\t');
	char *first = tab ? xstrndup(ids, (size_t)(tab - ids)) : NULL;
	long a = first ? entity_find(ix, first) : -1, b = tab ? entity_find(ix, tab + 1) : -1;
	struct page *p;

	free(first);
	if (a < 0 || b < 0)
		return 0;
	if (!r->graph)
		r->graph = path_graph_new(r->ctx->corpus);
	p = pathpage_new(r->ctx->corpus, r->graph, a, b, READER_PATHS);
	clear_page(r);
	r->kind = PAGE_PATH;
	r->path = xstrdup(ids);
	r->page = p;
	buf_printf(&r->title, "Path %s", p->title);
	show_blocks(v, p->blocks, p->nblocks);
	return 1;
}

/* A list page of an entity page's links (page_list): everyone it
 * appears with, the documents of a year.  0 when l names none. */
static int show_list(struct view *v, const struct location *l)
{
	struct reader *r = state(v);
	struct page *p = page_list(r->ctx->corpus, l);

	if (!p)
		return 0;
	clear_page(r);
	r->kind = PAGE_LIST;
	location_copy(&r->list, l);
	r->list.block = r->list.off = 0;
	r->page = p;
	buf_adds(&r->title, p->title);
	show_blocks(v, p->blocks, p->nblocks);
	return 1;
}

/* ---- the source view ------------------------------------------------------ */

/* The lexer's state at the start of every line of the source page. */
static void lex_lines(struct reader *r)
{
	struct source_lexer lx = { 0 };
	size_t i;

	free(r->lexer);
	r->lexer = xcalloc(r->nblocks ? r->nblocks : 1, 1);
	for (i = 0; i < r->nblocks; i++) {
		const struct block *b = &r->blocks[i];

		r->lexer[i] = (unsigned char)lx.state;
		source_tokens(&lx, b->text + b->label_len, b->len - b->label_len, NULL, NULL);
	}
}

/* The source of what the page shows, at the element of the block at the
 * top (a document), or of the record (an entity).  Returns 0 with a
 * message when there is none. */
static int source_on(struct view *v, struct action *act)
{
	struct reader *r = state(v);
	struct source_view sv = SOURCE_VIEW_INIT;
	const struct entity *e;
	int ok = -1;

	reader_position(v, &r->text_block, &r->text_off);
	if (r->kind == PAGE_DOC) {
		ok = source_doc(r->ctx->corpus, r->doc, r->text_block, &sv);
	} else if (r->kind == PAGE_ENTITY) {
		e = entity_get(corpus_entities(r->ctx->corpus), r->entity);
		ok = e ? source_entity(r->ctx->corpus, e->id, &sv) : -1;
	} else {
		action_say(act, 1, "no TEI source for this page");
		return 0;
	}
	if (ok != 0) {
		action_say(act, 1, "no TEI source found for this page");
		return 0;
	}
	page_free(r->page);
	r->page = page_source(&sv);
	r->source = 1;
	show_blocks(v, r->page->blocks, r->page->nblocks);
	lex_lines(r);
	v->top = line_of(r, sv.focus, 0);
	view_clamp(v);
	action_say(act, 0, "TEI source of %s (\\ for the text again)", sv.file ? sv.file : "the page");
	source_view_free(&sv);
	return 1;
}

/* Back to the text, where it was when the source was asked for. */
static void source_off(struct view *v)
{
	struct reader *r = state(v);
	size_t block = r->text_block, off = r->text_off;

	r->source = 0;
	free(r->lexer);
	r->lexer = NULL;
	page_free(r->page);
	r->page = NULL;
	if (r->kind == PAGE_DOC) {
		show_blocks(v, corpus_doc(r->ctx->corpus, r->doc)->blocks,
			    corpus_doc(r->ctx->corpus, r->doc)->nblocks);
	} else {
		r->page = page_entity(r->ctx->corpus, r->entity);
		show_blocks(v, r->page->blocks, r->page->nblocks);
	}
	show_at(v, block, off);
}

int reader_showing_source(struct view *v)
{
	return state(v)->source;
}

static const enum style token_styles[] = {
	[SOURCE_TEXT] = STYLE_NORMAL,
	[SOURCE_TAG] = STYLE_HEADING,
	[SOURCE_ATTR] = STYLE_META,
	[SOURCE_VALUE] = STYLE_PLACE,
	[SOURCE_COMMENT] = STYLE_DIM,
	[SOURCE_REF] = STYLE_EMPHASIS,
};

struct token_runs {
	struct buf *runs;
	const struct rline *line;
	size_t base;            /* the label's length: tokens count from there */
};

static void token_run(void *ctx, enum source_token t, size_t start, size_t end)
{
	struct token_runs *k = ctx;

	if (t != SOURCE_TEXT)
		add_run(k->runs, k->line, k->base + start, k->base + end, token_styles[t]);
}

/* A source line's colours: the line number dim, the XML by token. */
static void source_runs(const struct reader *r, const struct rline *l, struct buf *runs)
{
	const struct block *b = &r->blocks[l->block];
	struct source_lexer lx = { r->lexer ? r->lexer[l->block] : 0 };
	struct token_runs k = { runs, l, b->label_len };

	add_run(runs, l, 0, b->label_len, STYLE_DIM);
	source_tokens(&lx, b->text + b->label_len, b->len - b->label_len, token_run, &k);
}

const char *reader_title(struct view *v)
{
	struct reader *r = state(v);

	return r->title.data ? r->title.data : "";
}

void reader_set_max_width(struct view *v, int cols)
{
	struct reader *r = state(v);
	int width = r->width;

	if (cols == r->max_width)
		return;
	r->max_width = cols;
	if (r->blocks && width > 0) {
		r->width = 0;           /* rewrap, keeping the place */
		reader_resize(v, width);
	}
}

enum location_kind reader_page_kind(struct view *v)
{
	static const enum location_kind kinds[] = {
		[PAGE_NONE] = LOC_NONE, [PAGE_DOC] = LOC_DOC, [PAGE_ENTITY] = LOC_ENTITY,
		[PAGE_HELP] = LOC_HELP, [PAGE_HISTORY] = LOC_HISTORY, [PAGE_XPATH] = LOC_XPATH,
		[PAGE_PATH] = LOC_PATH,
	};

	struct reader *r = state(v);

	return r->kind == PAGE_LIST ? r->list.kind : kinds[r->kind];
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
		e = entity_get(corpus_entities(r->ctx->corpus), span_entity(s));
		return e ? render_class_style(e->cls) : STYLE_OTHER;
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
static size_t first_hit(const struct search_state *a, size_t doc, size_t block)
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

/* Labels for f: one letter while they suffice, else two. */
static const char hint_letters[] = "asdfghjklqwertyuiopzxcvbnm";
#define HINT_LETTERS 26

static void hint_label(const struct reader *r, size_t i, char *out)
{
	if (r->nhints <= HINT_LETTERS) {
		out[0] = hint_letters[i];
		out[1] = '\0';
	} else {
		out[0] = hint_letters[(i / HINT_LETTERS) % HINT_LETTERS];
		out[1] = hint_letters[i % HINT_LETTERS];
		out[2] = '\0';
	}
}

static void reader_draw(struct view *v, size_t n, int y, int width, int selected)
{
	struct reader *r = state(v);
	const struct rline *l = &r->lines[n];
	const struct search_state *a = r->ctx->search;
	const struct block *b;
	struct buf runs = BUF_INIT;
	size_t i;

	(void)selected;
	if (l->block == NO_BLOCK || (int)l->indent >= width)
		return;
	b = &r->blocks[l->block];
	if (r->source)
		source_runs(r, l, &runs);
	else if (b->label_len && (b->kind == BLOCK_META || b->kind == BLOCK_ITEM ||
			     b->kind == BLOCK_SPEECH || b->kind == BLOCK_NOTE))
		add_run(&runs, l, 0, b->label_len, b->kind == BLOCK_META ? STYLE_META : STYLE_TITLE);
	for (i = 0; i < b->nspans; i++)
		add_run(&runs, l, b->spans[i].start, b->spans[i].end, span_style(r, &b->spans[i]));
	if (r->kind == PAGE_DOC && !r->ctx->search->hidden)
		for (i = first_hit(a, r->doc, l->block);
		     i < a->hits.nhits && a->hits.hits[i].doc == r->doc &&
		     a->hits.hits[i].block == l->block; i++)
			if (i != a->current_hit)
				add_run(&runs, l, a->hits.hits[i].start, a->hits.hits[i].end, STYLE_HIT);
	if (r->cur_link != NO_LINK && r->links[r->cur_link].block == l->block)
		add_run(&runs, l, r->links[r->cur_link].span->start, r->links[r->cur_link].span->end,
			STYLE_SELECTED);
	/* last, so it wins: a hit on a name is also where the link selection
	 * lands, and must still stand out from the other hits */
	if (r->kind == PAGE_DOC && !a->hidden && a->current_hit < a->hits.nhits &&
	    a->hits.hits[a->current_hit].doc == r->doc &&
	    a->hits.hits[a->current_hit].block == l->block)
		add_run(&runs, l, a->hits.hits[a->current_hit].start,
			a->hits.hits[a->current_hit].end, STYLE_CURRENT_HIT);
	render_text(v->content, y, (int)l->indent, width - (int)l->indent, b->text + l->start,
		    l->end - l->start, block_style(b), (const struct style_run *)(void *)runs.data,
		    runs.len / sizeof(struct style_run));
	buf_free(&runs);
	if (r->hinting) {
		for (i = 0; i < r->nhints; i++) {
			const struct rlink *k = &r->links[r->hint_first + i];
			char label[3];
			int col;

			if (k->block != l->block || k->span->start < l->start || k->span->start >= l->end)
				continue;
			hint_label(r, i, label);
			col = (int)l->indent + render_width(b->text + l->start, k->span->start - l->start);
			if (col < width)
				render_str(v->content, y, col, width - col, label, STYLE_CURRENT_HIT);
		}
	}
}

static size_t link_line(const struct reader *r, size_t i)
{
	return line_of(r, r->links[i].block, r->links[i].span->start);
}

static size_t view_rows(const struct view *v)
{
	return v->height > 0 ? (size_t)v->height : 1;
}

/* Tab and Shift-Tab: the next or previous link, from the one selected or
 * from the screen, scrolling to it across page breaks. */
static void select_link(struct view *v, int forward, struct action *act)
{
	struct reader *r = state(v);
	size_t i, line, h = view_rows(v);

	if (!r->nlinks) {
		action_say(act, 1, "no links on this page");
		return;
	}
	if (r->cur_link != NO_LINK && link_line(r, r->cur_link) >= v->top &&
	    link_line(r, r->cur_link) < v->top + h) {
		i = r->cur_link;
		if (forward)
			i = i + 1 < r->nlinks ? i + 1 : 0;
		else
			i = i > 0 ? i - 1 : r->nlinks - 1;
	} else if (forward) {
		for (i = 0; i < r->nlinks && link_line(r, i) < v->top; i++)
			;
		if (i == r->nlinks)
			i = 0;
	} else {
		for (i = r->nlinks; i > 0 && link_line(r, i - 1) >= v->top + h; i--)
			;
		i = i ? i - 1 : r->nlinks - 1;
	}
	r->cur_link = i;
	line = link_line(r, i);
	if (line < v->top)
		v->top = line;
	else if (line >= v->top + h)
		v->top = line - h + 1;
	view_clamp(v);
}

/* A link's location was resolved when its page was made: go there, or say
 * why not. */
static void follow_link(const struct span_link *link, struct action *act)
{
	switch (link->to.kind) {
	case LOC_URL:
		action_say(act, 0, "a link out of the corpus: %s (not opened)", link->to.id);
		break;
	case LOC_NONE:
		if (link->target)
			action_say(act, 1, "nothing in the corpus for the link %s", link->target);
		else
			action_say(act, 0, "this link had no address in the source");
		break;
	default:
		/* copied: the link belongs to a page the reader is leaving */
		action_open(act, &link->to);
		break;
	}
}

static void follow(struct view *v, size_t i, struct action *act)
{
	struct reader *r = state(v);
	const struct span *sp = r->links[i].span;
	const struct span_link *link;
	const struct entity *e;

	r->cur_link = i;
	switch (sp->kind) {
	case SPAN_MENTION:
		e = entity_get(corpus_entities(r->ctx->corpus), span_entity(sp));
		if (e)
			action_open_page(act, LOC_ENTITY, e->id, 0, 0);
		break;
	case SPAN_NOTEREF:
		if (r->kind == PAGE_DOC)
			action_open_page(act, LOC_DOC, corpus_doc(r->ctx->corpus, r->doc)->id,
					 span_note(sp), 0);
		break;
	case SPAN_LINK:
		if ((link = span_link(&r->blocks[r->links[i].block], sp)) != NULL)
			follow_link(link, act);
		break;
	default:
		break;
	}
}

/* The byte of line l at display column col (from the line's start, its
 * indent counted), or (size_t)-1 past its text. */
static size_t byte_at_column(const struct reader *r, const struct rline *l, int col)
{
	const char *t = r->blocks[l->block].text;
	size_t at = l->start;
	int x = (int)l->indent;

	if (col < x)
		return (size_t)-1;
	while (at < l->end) {
		uint32_t cp;
		size_t n = text_decode(t + at, l->end - at, &cp);
		int w = text_cp_width(cp);

		if (col < x + (w > 0 ? w : 1))
			return at;
		x += w > 0 ? w : 0;
		at += n ? n : 1;
	}
	return (size_t)-1;
}

int reader_click(struct view *v, int row, int col, struct action *act)
{
	struct reader *r = state(v);
	size_t line = v->top + (size_t)row, off, i;
	const struct rline *l;

	if (row < 0 || line >= r->nlines || r->lines[line].block == NO_BLOCK)
		return 0;
	l = &r->lines[line];
	if ((off = byte_at_column(r, l, col)) == (size_t)-1)
		return 0;
	for (i = 0; i < r->nlinks; i++)
		if (r->links[i].block == l->block && r->links[i].span->start <= off &&
		    off < r->links[i].span->end) {
			follow(v, i, act);
			return 1;
		}
	return 0;
}

static void start_hints(struct view *v, struct action *act)
{
	struct reader *r = state(v);
	size_t i, h = view_rows(v);

	r->hint_first = NO_LINK;
	r->nhints = 0;
	for (i = 0; i < r->nlinks; i++) {
		size_t line = link_line(r, i);

		if (line >= v->top && line < v->top + h) {
			if (r->hint_first == NO_LINK)
				r->hint_first = i;
			r->nhints++;
		}
	}
	if (!r->nhints) {
		action_say(act, 1, "no links on the screen");
		return;
	}
	if (r->nhints > HINT_LETTERS * HINT_LETTERS)
		r->nhints = HINT_LETTERS * HINT_LETTERS;
	r->hinting = 1;
	buf_reset(&r->typed);
	action_say(act, 0, "type a link's label (Esc cancels)");
}

int reader_hinting(struct view *v)
{
	return state(v)->hinting;
}

void reader_hint_key(struct view *v, int ch, struct action *act)
{
	struct reader *r = state(v);
	char label[3];
	size_t i, matches = 0, found = 0;

	if (ch < 'a' || ch > 'z') {
		r->hinting = 0;
		if (ch != 27)
			action_say(act, 0, "no link followed");
		return;
	}
	buf_addc(&r->typed, (char)ch);
	for (i = 0; i < r->nhints; i++) {
		hint_label(r, i, label);
		if (strncmp(label, r->typed.data, r->typed.len) == 0) {
			matches++;
			found = i;
		}
	}
	if (matches == 0) {
		r->hinting = 0;
		action_say(act, 1, "no link labelled %s", r->typed.data);
		return;
	}
	hint_label(r, found, label);
	if (matches == 1 && strlen(label) == r->typed.len) {
		r->hinting = 0;
		follow(v, r->hint_first + found, act);
	}
}

static int reader_request(struct view *v, enum request req, struct action *act)
{
	struct reader *r = state(v);

	/* every request sees the whole page */
	reader_finish_page(v);

	switch (req) {
	case REQ_NEXT_LINK:
	case REQ_PREV_LINK:
		select_link(v, req == REQ_NEXT_LINK, act);
		return 1;
	case REQ_HINTS:
		start_hints(v, act);
		return 1;
	case REQ_SOURCE:
		if (r->source)
			source_off(v);
		else
			source_on(v, act);
		return 1;
	case REQ_ENTER:
		if (r->cur_link != NO_LINK)
			follow(v, r->cur_link, act);
		else
			action_say(act, 0, "Tab selects a link, f labels them all");
		return 1;
	default:
		return 0;
	}
}

/* The line of the file that a source line shows: its label, or the
 * nearest labelled line above it (a line the tree cannot place). */
static long source_top_line(struct view *v)
{
	struct reader *r = state(v);
	size_t i = v->top < r->nlines ? r->lines[v->top].block : NO_BLOCK;

	for (; i != NO_BLOCK && i < r->nblocks; i--) {
		long n = strtol(r->blocks[i].text, NULL, 10);

		if (n > 0)
			return n;
		if (i == 0)
			break;
	}
	return 0;
}

/* Whether line is on the screen. */
static int visible(const struct view *v, size_t line)
{
	return line >= v->top && line < v->top + view_rows(v);
}

/* The block the eye is on: the current search hit's or the selected
 * link's when it is on the screen, else the block at the top. */
static size_t eye_block(struct view *v)
{
	struct reader *r = state(v);
	const struct search_state *s = r->ctx->search;
	const struct search_hit *h;
	size_t block, off;

	if (s && s->current_hit != NO_HIT && s->current_hit < s->hits.nhits) {
		h = &s->hits.hits[s->current_hit];
		if (h->doc == r->doc && visible(v, line_of(r, h->block, h->start)))
			return h->block;
	}
	if (r->cur_link != NO_LINK && visible(v, link_line(r, r->cur_link)))
		return r->links[r->cur_link].block;
	reader_position(v, &block, &off);
	return block;
}

long reader_file_line(struct view *v, const char **file)
{
	struct reader *r = state(v);
	const struct corpus *c = r->ctx->corpus;
	const struct entity *e;
	size_t block = r->text_block;
	long line;

	*file = NULL;
	if (r->kind == PAGE_ENTITY) {
		e = entity_get(corpus_entities(c), r->entity);
		line = e ? source_entity_line(c, e->id, file) : 0;
	} else if (r->kind == PAGE_DOC) {
		if (!r->source)
			block = eye_block(v);
		line = source_block_line(c, r->doc, block, file);
		if (!line)  /* a header line: the document's TEI element */
			line = source_block_line(c, r->doc, (size_t)-1, file);
	} else {
		return 0;
	}
	if (line && r->source && source_top_line(v))
		line = source_top_line(v);
	return *file ? line : 0;
}

static void reader_titles(struct view *v, struct buf *title, struct buf *right)
{
	struct reader *r = state(v);
	size_t pct;

	if (r->source)
		buf_adds(title, "Source \xC2\xB7 ");
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
	path_graph_free(r->graph);
	buf_free(&r->title);
	buf_free(&r->typed);
	free(r->links);
	free(r->lines);
	layout_free(&r->layout);
	free(r);
	v->priv = NULL;
}

const struct view_ops reader_ops = {
	.name = "Reader",
	.lines = reader_count,
	.draw = reader_draw,
	.request = reader_request,
	.title = reader_titles,
	.resize = reader_resize,
	.done = reader_done,
};
