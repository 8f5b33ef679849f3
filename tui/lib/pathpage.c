/* pathpage.c: the reader's page of the chains between two entities
 * (pathpage.h), and the phrase of a step that --path prints too.
 *
 * Each chain is a heading and a line per step: the two names (links to
 * their pages) and the evidence: the relation phrased from the first
 * one's side, or the first paragraph they share, a link into the text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "pathpage.h"
#include "text.h"

/* A line under construction: text and its spans, and its links' records
 * (their ids owned). */
struct line {
	struct buf text;
	struct span *spans;
	size_t nspans, cap;
	struct span_link *links;
	size_t nlinks, caplinks;
};

static void line_text(struct line *l, const char *s)
{
	text_sanitize(&l->text, s, strlen(s));
}

static void line_span(struct line *l, const char *s, enum span_kind kind, long entity,
		      const struct location *to)
{
	struct span *sp;
	size_t start = l->text.len;

	line_text(l, s);
	if (l->text.len > BLOCK_LEN_MAX)
		return;   /* past what a span can say: plain text */
	l->spans = xgrow(l->spans, &l->cap, l->nspans + 1, sizeof(*l->spans));
	sp = &l->spans[l->nspans++];
	memset(sp, 0, sizeof(*sp));
	sp->kind = kind;
	sp->start = (uint32_t)start;
	sp->end = (uint32_t)l->text.len;
	if (kind == SPAN_MENTION)
		span_set_entity(sp, entity);
	if (kind == SPAN_LINK) {
		l->links = xgrow(l->links, &l->caplinks, l->nlinks + 1, sizeof(*l->links));
		memset(&l->links[l->nlinks], 0, sizeof(*l->links));
		if (to)
			location_copy(&l->links[l->nlinks].to, to);
		sp->arg = (uint32_t)l->nlinks++;
	}
}

static void line_add(struct page *p, enum block_kind kind, unsigned level, struct line *l)
{
	struct block *b;

	p->blocks = xgrow(p->blocks, &p->cap, p->nblocks + 1, sizeof(*p->blocks));
	b = &p->blocks[p->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->level = level;
	b->len = l->text.len;
	b->text = buf_steal(&l->text);
	b->spans = l->spans;
	b->nspans = (uint32_t)l->nspans;
	b->links = l->links;
	memset(l, 0, sizeof(*l));
}

void pathpage_evidence(const struct corpus *c, const struct path_step *s, struct buf *out)
{
	const struct doc *d;

	if (s->link == PATH_RELATION) {
		buf_adds(out, s->rel->name);
		if (s->rel->role)
			buf_printf(out, " (%s)", s->rel->role);
		return;
	}
	d = corpus_doc(c, s->doc);
	buf_printf(out, "in one paragraph: %s %s, line %zu", *d->date ? d->date : "----", d->title,
		   s->block + 1);
	if (s->shared > 1)
		buf_printf(out, " (and %zu more)", s->shared - 1);
}

/* "A — affiliation (directeur) → B" or "A and B in one paragraph: …". */
static void step_line(struct page *p, const struct corpus *c, const struct path_step *s)
{
	const struct entity_index *ix = corpus_entities(c);
	struct line l = { BUF_INIT, NULL, 0, 0 };
	struct buf ev = BUF_INIT;

	line_span(&l, entity_get(ix, s->from)->name, SPAN_MENTION, s->from, NULL);
	if (s->link == PATH_RELATION) {
		int back = s->rel->dir == REL_PASSIVE;

		/* the arrow points from the active party: A ← memberOf — B */
		pathpage_evidence(c, s, &ev);
		line_text(&l, back ? " \xE2\x86\x90 " : " \xE2\x80\x94 ");
		line_text(&l, ev.data);
		line_text(&l, back ? " \xE2\x80\x94 " : " \xE2\x86\x92 ");
		line_span(&l, entity_get(ix, s->to)->name, SPAN_MENTION, s->to, NULL);
	} else {
		const struct doc *d = corpus_doc(c, s->doc);
		struct location at = { LOC_DOC, NULL, 0, 0 };

		at.id = d->id;
		at.block = s->block;
		line_text(&l, " and ");
		line_span(&l, entity_get(ix, s->to)->name, SPAN_MENTION, s->to, NULL);
		line_text(&l, " in one paragraph: ");
		buf_printf(&ev, "%s %s, line %zu", *d->date ? d->date : "----", d->title,
			   s->block + 1);
		line_span(&l, ev.data, SPAN_LINK, -1, &at);
		if (s->shared > 1) {
			buf_reset(&ev);
			buf_printf(&ev, " (and %zu more)", s->shared - 1);
			line_text(&l, ev.data);
		}
	}
	line_add(p, BLOCK_ITEM, 1, &l);
	buf_free(&ev);
}

static void text_line(struct page *p, enum block_kind kind, const char *s)
{
	struct line l = { BUF_INIT, NULL, 0, 0 };

	line_text(&l, s);
	line_add(p, kind, 1, &l);
}

struct page *pathpage_new(const struct corpus *c, const struct path_graph *g, long from,
			  long to, size_t k)
{
	const struct entity_index *ix = corpus_entities(c);
	struct path *paths = NULL;
	size_t n = path_find(g, from, to, k, &paths), i, j;
	struct buf b = BUF_INIT;
	struct page *p;

	buf_printf(&b, "%s \xE2\x86\x92 %s", entity_get(ix, from)->name, entity_get(ix, to)->name);
	p = page_new(b.data);
	text_line(p, BLOCK_TITLE, b.data);
	buf_reset(&b);
	if (n == 0)
		buf_adds(&b, "No chain connects them: no relation and no shared paragraph leads "
			 "from one to the other.");
	else
		buf_printf(&b, "%zu chain%s, the shortest first: a stated relation counts %d, a "
			   "shared paragraph %d.", n, n == 1 ? "" : "s", PATH_COST_RELATION,
			   PATH_COST_COMENTION);
	text_line(p, BLOCK_PARAGRAPH, b.data);
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		buf_printf(&b, "Chain %zu: %zu step%s, cost %u", i + 1, paths[i].nsteps,
			   paths[i].nsteps == 1 ? "" : "s", paths[i].cost);
		text_line(p, BLOCK_HEADING, b.data);
		for (j = 0; j < paths[i].nsteps; j++)
			step_line(p, c, &paths[i].steps[j]);
	}
	buf_free(&b);
	path_list_free(paths, n);
	return p;
}
