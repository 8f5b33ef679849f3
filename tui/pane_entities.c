/* pane_entities.c: the Entities pane: type letter, name and number of
 * mentions, sorted by name or by mentions (o toggles), filtered by typing
 * (&), and limited to those mentioned in documents with search hits (F,
 * "in results").  Enter opens the entity's page in the reader. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "pane_entities.h"
#include "render.h"
#include "text.h"

struct entities {
	const struct pane_context *ctx;
	long *by_name, *by_count;   /* every entity with a mention */
	size_t n;
	long *shown;
	size_t nshown;
	int by_mentions;
	char *filter;
	int in_results;             /* only entities in documents with hits */
	unsigned char *hit_docs;    /* per document: it has a hit */
	const char *seen_pattern;   /* the search hit_docs was made for */
	size_t seen_ndocs;
};

static struct entities *state(struct view *v)
{
	return v->priv;
}

/* Marks the documents with a search hit, the search remembered. */
static void mark_hit_docs(struct entities *s)
{
	const struct search_state *q = s->ctx->search;
	size_t n = corpus_ndocs(s->ctx->corpus);

	free(s->hit_docs);
	s->hit_docs = xcalloc(n ? n : 1, 1);
	s->seen_pattern = q->pattern_text;
	s->seen_ndocs = q->hits.ndocs;
	if (!q->pattern_text)
		return;
	/* the search lists its documents as hits arrive: no pass over
	 * the hits, which grow slice by slice as a search is typed */
	for (size_t i = 0; i < q->hits.ndocs; i++)
		if (q->hits.docs[i] < n)
			s->hit_docs[q->hits.docs[i]] = 1;
}

static int in_hit_docs(const struct entities *s, const struct entity *e)
{
	for (size_t m = 0; m < e->nmentions; m++)
		if (s->hit_docs[e->mentions[m].doc])
			return 1;
	return 0;
}

static void refilter(struct entities *s)
{
	const struct entity_index *ix = corpus_entities(s->ctx->corpus);
	const long *order = s->by_mentions ? s->by_count : s->by_name;
	size_t i;

	s->nshown = 0;
	for (i = 0; i < s->n; i++) {
		const struct entity *e = entity_get(ix, order[i]);
		size_t k;
		int ok = !s->filter || text_contains_folded(e->name, s->filter);

		for (k = 0; !ok && k < e->nvariants; k++)
			ok = text_contains_folded(e->variants[k], s->filter);
		if (ok && s->in_results)
			ok = in_hit_docs(s, e);
		if (ok)
			s->shown[s->nshown++] = order[i];
	}
}

void *entities_new(const struct pane_context *ctx)
{
	struct entities *s = xcalloc(1, sizeof(*s));
	const struct entity_index *ix = corpus_entities(ctx->corpus);
	size_t i, total = entity_count(ix);

	s->ctx = ctx;
	s->by_name = xcalloc(total ? total : 1, sizeof(long));
	s->by_count = xcalloc(total ? total : 1, sizeof(long));
	s->shown = xcalloc(total ? total : 1, sizeof(long));
	for (i = 0; i < total; i++)
		if (entity_get(ix, (long)i)->nmentions)
			s->by_name[s->n++] = (long)i;
	memcpy(s->by_count, s->by_name, s->n * sizeof(long));
	entity_sort(ix, s->by_name, s->n, ENTITY_BY_NAME);
	entity_sort(ix, s->by_count, s->n, ENTITY_BY_MENTIONS);
	refilter(s);
	return s;
}

static size_t entities_filter(struct view *v, const char *text)
{
	struct entities *s = state(v);

	free(s->filter);
	s->filter = text && *text ? xstrdup(text) : NULL;
	refilter(s);
	v->sel = v->top = 0;
	view_clamp(v);
	return s->nshown;
}

static size_t entities_lines(struct view *v)
{
	struct entities *s = state(v);
	const struct search_state *q = s->ctx->search;

	/* The search changed (or grew) since: the list follows it. */
	if (s->in_results && (q->pattern_text != s->seen_pattern ||
			      q->hits.ndocs != s->seen_ndocs)) {
		mark_hit_docs(s);
		refilter(s);
		view_clamp(v);
	}
	return s->nshown;
}

static void entities_draw(struct view *v, size_t n, int y, int width, int selected)
{
	struct entities *s = state(v);
	const struct entity *e = entity_get(corpus_entities(s->ctx->corpus), s->shown[n]);
	enum style st = selected ? STYLE_SELECTED : STYLE_NORMAL;
	char letter[3] = { entity_class_letter(e->cls), ' ', '\0' };
	char count[24];
	int cw, nw;

	snprintf(count, sizeof(count), " %zu", e->nmentions);
	cw = (int)strlen(count);
	if (selected)
		render_fill(v->content, y, 0, width, st);
	render_str(v->content, y, 0, width, letter, selected ? st : render_class_style(e->cls));
	nw = render_str(v->content, y, 2, width - 2 - cw, e->name, selected ? st : render_class_style(e->cls));
	if (!e->source)   /* a name with no record is marked so */
		render_str(v->content, y, 2 + nw, width - 2 - cw - nw, " (no record)", selected ? st : STYLE_DIM);
	if (width > cw + 4)
		render_str(v->content, y, width - cw, cw, count, selected ? st : STYLE_DIM);
}

static int entities_request(struct view *v, enum request req, struct action *act)
{
	struct entities *s = state(v);
	const struct entity *e;
	long keep;

	switch (req) {
	case REQ_ENTER:
		e = s->nshown ? entity_get(corpus_entities(s->ctx->corpus), s->shown[v->sel]) : NULL;
		if (e)
			action_open_page(act, LOC_ENTITY, e->id, 0, 0);
		return 1;
	case REQ_SORT:
		keep = s->nshown ? s->shown[v->sel] : -1;
		s->by_mentions = !s->by_mentions;
		refilter(s);
		v->sel = 0;
		for (size_t i = 0; i < s->nshown; i++)
			if (s->shown[i] == keep)
				v->sel = i;
		view_goto(v, v->sel);
		action_say(act, 0, "entities sorted by %s", s->by_mentions ? "mentions" : "name");
		return 1;
	case REQ_FACETS:
		s->in_results = !s->in_results;
		if (s->in_results)
			mark_hit_docs(s);
		refilter(s);
		v->sel = v->top = 0;
		view_clamp(v);
		action_say(act, 0, "entities: %s", s->in_results
			   ? "only those in documents with search hits" : "all");
		return 1;
	default:
		return 0;
	}
}

static void entities_title(struct view *v, struct buf *title, struct buf *right)
{
	struct entities *s = state(v);

	if (s->filter || s->in_results)
		buf_printf(title, "Entities (%zu of %zu)", s->nshown, s->n);
	else
		buf_printf(title, "Entities (%zu)", s->n);
	if (s->in_results)
		buf_adds(title, " in results");
	if (s->filter)
		buf_printf(title, " &%s", s->filter);
	buf_adds(right, s->by_mentions ? "by mentions" : "by name");
}

static void entities_done(struct view *v)
{
	struct entities *s = state(v);

	free(s->by_name);
	free(s->by_count);
	free(s->shown);
	free(s->filter);
	free(s->hit_docs);
	free(s);
	v->priv = NULL;
}

const struct view_ops entities_ops = {
	.name = "Entities",
	.has_cursor = 1,
	.lines = entities_lines,
	.draw = entities_draw,
	.request = entities_request,
	.title = entities_title,
	.filter = entities_filter,
	.done = entities_done,
};
