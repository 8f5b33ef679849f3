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
#include "pageblock.h"
#include "pathpage.h"

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
	struct page_block l = PAGE_BLOCK_INIT;
	struct buf ev = BUF_INIT;

	page_block_span(&l, entity_get(ix, s->from)->name, SPAN_MENTION, s->from, NULL);
	if (s->link == PATH_RELATION) {
		int back = s->rel->dir == REL_PASSIVE;

		/* the arrow points from the active party: A ← memberOf — B */
		pathpage_evidence(c, s, &ev);
		page_block_adds(&l, back ? " \xE2\x86\x90 " : " \xE2\x80\x94 ");
		page_block_adds(&l, ev.data);
		page_block_adds(&l, back ? " \xE2\x80\x94 " : " \xE2\x86\x92 ");
		page_block_span(&l, entity_get(ix, s->to)->name, SPAN_MENTION, s->to, NULL);
	} else {
		const struct doc *d = corpus_doc(c, s->doc);
		struct location at = { LOC_DOC, NULL, 0, 0 };

		at.id = d->id;
		at.block = s->block;
		page_block_adds(&l, " and ");
		page_block_span(&l, entity_get(ix, s->to)->name, SPAN_MENTION, s->to, NULL);
		page_block_adds(&l, " in one paragraph: ");
		buf_printf(&ev, "%s %s, line %zu", *d->date ? d->date : "----", d->title,
			   s->block + 1);
		page_block_span(&l, ev.data, SPAN_LINK, -1, &at);
		if (s->shared > 1) {
			buf_reset(&ev);
			buf_printf(&ev, " (and %zu more)", s->shared - 1);
			page_block_adds(&l, ev.data);
		}
	}
	page_block_add(p, BLOCK_ITEM, 1, &l);
	buf_free(&ev);
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
	page_add_text(p, BLOCK_TITLE, 1, b.data, 0);
	buf_reset(&b);
	if (n == 0)
		buf_adds(&b, "No chain connects them: no relation and no shared paragraph leads "
			 "from one to the other.");
	else
		buf_printf(&b, "%zu chain%s, the shortest first: a stated relation counts %d, a "
			   "shared paragraph %d.", n, n == 1 ? "" : "s", PATH_COST_RELATION,
			   PATH_COST_COMENTION);
	page_add_text(p, BLOCK_PARAGRAPH, 1, b.data, 0);
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		buf_printf(&b, "Chain %zu: %zu step%s, cost %u", i + 1, paths[i].nsteps,
			   paths[i].nsteps == 1 ? "" : "s", paths[i].cost);
		page_add_text(p, BLOCK_HEADING, 1, b.data, 0);
		for (j = 0; j < paths[i].nsteps; j++)
			step_line(p, c, &paths[i].steps[j]);
	}
	buf_free(&b);
	path_list_free(paths, n);
	return p;
}
