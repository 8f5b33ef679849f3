/* page.c: entity pages.
 *
 * Relations are phrased from the entity's side: a person's "Affiliated
 * with" is the same relation as the organisation's "People".  The phrase
 * table is data; a relation name it does not know is shown as it is. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "page.h"
#include "pageblock.h"

struct rel_phrase {
	const char *name;
	const char *active;     /* this entity is the active party */
	const char *passive;
};

static const struct rel_phrase rel_phrases[] = {
	{ "affiliation", "Affiliated with", "People" },
	{ "memberOf", "Member of", "Members" },
	{ "partOf", "Part of", "Contains" },
	{ "foundedBy", "Founded by", "Founded" },
	{ "founded", "Founded", "Founded by" },
	{ "successorOf", "Successor of", "Succeeded by" },
	{ "predecessorOf", "Predecessor of", "Preceded by" },
	{ "fundedBy", "Funded by", "Funds" },
	{ "cooperatesWith", "Works with", "Works with" },
	{ "worksWith", "Works with", "Works with" },
	{ "employedBy", "Employed by", "Employs" },
	{ "locatedIn", "Located in", "Location of" },
};

#define N_PHRASES (sizeof(rel_phrases) / sizeof(rel_phrases[0]))

static const char *phrase_for(const struct relation *r)
{
	size_t i;

	for (i = 0; i < N_PHRASES; i++)
		if (strcmp(rel_phrases[i].name, r->name) == 0)
			return r->dir == REL_PASSIVE ? rel_phrases[i].passive
						     : rel_phrases[i].active;
	return r->name;
}

static void relations(struct page *p, const struct entity_index *ix, const struct entity *e)
{
	const char **heads = NULL;
	size_t nheads = 0, cap = 0, i, j;

	/* one line per phrase, its entities linked, in the order first seen */
	for (i = 0; i < e->nrelations; i++) {
		const char *h = phrase_for(&e->relations[i]);

		for (j = 0; j < nheads; j++)
			if (strcmp(heads[j], h) == 0)
				break;
		if (j == nheads) {
			heads = xgrow(heads, &cap, nheads + 1, sizeof(char *));
			heads[nheads++] = h;
		}
	}
	if (nheads)
		page_add_text(p, BLOCK_HEADING, 1, "Relations", 0);
	for (j = 0; j < nheads; j++) {
		struct page_block b;
		int first = 1;

		memset(&b, 0, sizeof(b));
		buf_printf(&b.text, "%s: ", heads[j]);
		b.label_len = b.text.len;
		for (i = 0; i < e->nrelations; i++) {
			const struct relation *r = &e->relations[i];
			const struct entity *o = entity_get(ix, r->other);

			if (strcmp(phrase_for(r), heads[j]) != 0)
				continue;
			if (!first)
				buf_adds(&b.text, ", ");
			first = 0;
			page_block_span(&b, o->name, SPAN_MENTION, r->other, NULL);
			if (r->role) {
				buf_adds(&b.text, " (");
				page_block_adds(&b, r->role);
				buf_addc(&b.text, ')');
			}
		}
		page_block_add(p, BLOCK_ITEM, 1, &b);
	}
	free(heads);
}

#define APPEARS_SHOWN 20    /* names on the page; the rest behind a link */

/* The entities e shares a paragraph with, most shared first: the first
 * APPEARS_SHOWN and a link "and N more" to the whole list (LOC_WITH). */
static void appears_with(struct page *p, const struct entity_index *ix, long e)
{
	long *others;
	size_t *counts, n, i, shown;
	struct page_block b;

	n = entity_cooccurring(ix, e, &others, &counts);
	if (n) {
		page_add_text(p, BLOCK_HEADING, 1, "Appears with", 0);
		memset(&b, 0, sizeof(b));
		shown = n < APPEARS_SHOWN ? n : APPEARS_SHOWN;
		for (i = 0; i < shown; i++) {
			if (i)
				buf_adds(&b.text, ", ");
			page_block_span(&b, entity_get(ix, others[i])->name, SPAN_MENTION, others[i], NULL);
			buf_printf(&b.text, " (%zu)", counts[i]);
		}
		if (n > shown) {
			struct location to = { LOC_WITH, NULL, 0, 0 };
			struct buf more = BUF_INIT;

			to.id = entity_get(ix, e)->id;
			buf_printf(&more, "and %zu more", n - shown);
			buf_adds(&b.text, ", ");
			page_block_span(&b, more.data, SPAN_LINK, -1, &to);
			buf_free(&more);
		}
		page_block_add(p, BLOCK_PARAGRAPH, 0, &b);
	}
	free(others);
	free(counts);
}

/* The year of an ISO date ("2014" of "2014-11-05"): its leading digits
 * before a '-' or the end; 0 when it has none. */
static size_t date_year(const char *date, char year[16])
{
	size_t n = 0;

	while (n < 15 && date[n] >= '0' && date[n] <= '9')
		n++;
	if (!n || (date[n] && date[n] != '-'))
		return 0;
	memcpy(year, date, n);
	year[n] = '\0';
	return n;
}

/* The years of the documents that mention e, each a link to the
 * documents of that year (LOC_YEAR) with how many of them mention e:
 * "2013 (1) ─ 2014 (3) ─ 1 undated". */
static void timeline(struct page *p, const struct corpus *c, const struct entity *e)
{
	struct page_block b;
	size_t i, undated = 0, ndocs = 0, nyears = 0;
	char year[16], last[16] = "";

	memset(&b, 0, sizeof(b));
	buf_adds(&b.text, "Timeline: ");
	b.label_len = b.text.len;
	for (i = 0; i <= e->nmentions; i++) {
		const struct doc *d = i < e->nmentions ? corpus_doc(c, e->mentions[i].doc) : NULL;

		if (d && i && e->mentions[i - 1].doc == e->mentions[i].doc)
			continue;       /* one count per document */
		if (d && !date_year(d->date, year)) {
			undated++;
			continue;
		}
		if (*last && (!d || strcmp(last, year) != 0)) {
			struct location to = { LOC_YEAR, NULL, 0, 0 };

			to.id = last;
			if (nyears++)
				buf_adds(&b.text, " \xE2\x94\x80 ");   /* ─ */
			page_block_span(&b, last, SPAN_LINK, -1, &to);
			buf_printf(&b.text, " (%zu)", ndocs);
			ndocs = 0;
		}
		if (d) {
			memcpy(last, year, sizeof(last));
			ndocs++;
		}
	}
	if (undated)
		buf_printf(&b.text, "%s%zu undated", nyears ? " \xE2\x94\x80 " : "", undated);
	if (nyears || undated)
		page_block_add(p, BLOCK_META, 0, &b);
	else
		page_block_free(&b);
}

/* Whether mention m is on a letter's From (or To) line. */
static int mention_corresp(const struct corpus *c, const struct mention *m,
			   enum block_corresp role)
{
	const struct doc *d = corpus_doc(c, m->doc);

	return m->block < d->nheader && d->blocks[m->block].corresp == role;
}

/* The letters e wrote or received (their correspDesc's From or To line
 * names e): a heading with their number, then each letter's date and
 * title, a link to it. */
static void letters(struct page *p, const struct corpus *c, const struct entity *e,
		    enum block_corresp role)
{
	struct buf h = BUF_INIT;
	size_t i, n = 0, last = (size_t)-1;

	for (i = 0; i < e->nmentions; i++)
		if (mention_corresp(c, &e->mentions[i], role) && e->mentions[i].doc != last) {
			last = e->mentions[i].doc;
			n++;
		}
	if (!n)
		return;
	buf_printf(&h, "Letters %s (%zu)", role == CORRESP_SENT ? "written" : "received", n);
	page_add_text(p, BLOCK_HEADING, 1, h.data, 0);
	buf_free(&h);
	for (i = 0, last = (size_t)-1; i < e->nmentions; i++) {
		const struct doc *d = corpus_doc(c, e->mentions[i].doc);
		struct location to = { LOC_DOC, NULL, 0, 0 };
		struct buf label = BUF_INIT;

		if (!mention_corresp(c, &e->mentions[i], role) || e->mentions[i].doc == last)
			continue;
		last = e->mentions[i].doc;
		to.id = d->id;
		if (*d->date)
			buf_printf(&label, "%s  ", d->date);
		page_add_link(p, BLOCK_ITEM, 1, label.len ? label.data : "", d->title, &to);
		buf_free(&label);
	}
}

/* One mention in context: "…left [name] right…", a link to the spot. */
static void mention_line(struct page *p, const struct corpus *c, const struct mention *m)
{
	const struct doc *d = corpus_doc(c, m->doc);
	const struct block *blk = &d->blocks[m->block];
	size_t from = m->start, to = m->start + m->len, words;
	struct location target = { LOC_DOC, NULL, 0, 0 };
	struct page_block b;

	/* about eight words either side, cut at word boundaries */
	for (words = 0; from > blk->label_len && words < 8; from--)
		if (blk->text[from - 1] == ' ' && ++words == 8)
			break;
	for (words = 0; to < blk->len && words < 8; to++)
		if (blk->text[to] == ' ' && ++words == 8)
			break;
	memset(&b, 0, sizeof(b));
	target.id = d->id;
	target.block = m->block;
	target.off = m->start;
	if (from > blk->label_len)
		buf_adds(&b.text, "\xE2\x80\xA6");
	page_block_text(&b, blk->text + from, m->start - from);
	{
		char *name = xstrndup(blk->text + m->start, m->len);

		page_block_span(&b, name, SPAN_LINK, -1, &target);
		free(name);
	}
	page_block_text(&b, blk->text + m->start + m->len, to - (m->start + m->len));
	if (to < blk->len)
		buf_adds(&b.text, "\xE2\x80\xA6");
	page_block_add(p, BLOCK_ITEM, 2, &b);
}

/* What a page built lazily has still to build: the mention lines of
 * entity from mention next on. */
struct page_more {
	const struct corpus *c;
	long entity;
	size_t next;
};

static void mentions_heading(struct page *p, const struct entity *e)
{
	struct buf h = BUF_INIT;

	buf_printf(&h, "Mentions (%zu in %zu document%s)", e->nmentions, e->ndocs,
		   e->ndocs == 1 ? "" : "s");
	page_add_text(p, BLOCK_HEADING, 1, h.data, 0);
	buf_free(&h);
}

/* Mention lines i .. i + n (at most), each document's first with its
 * title above it; returns the index after the last one built. */
static size_t mentions(struct page *p, const struct corpus *c, const struct entity *e,
		       size_t i, size_t n)
{
	size_t end = n < e->nmentions - i ? i + n : e->nmentions;

	for (; i < end; i++) {
		const struct mention *m = &e->mentions[i];

		if (i == 0 || e->mentions[i - 1].doc != m->doc) {
			const struct doc *d = corpus_doc(c, m->doc);
			struct page_block b;

			memset(&b, 0, sizeof(b));
			if (*d->date)
				buf_printf(&b.text, "%s  ", d->date);
			{
				struct location to = { LOC_DOC, d->id, 0, 0 };

				page_block_span(&b, d->title, SPAN_LINK, -1, &to);
			}
			page_block_add(p, BLOCK_PARAGRAPH, 1, &b);
		}
		mention_line(p, c, m);
	}
	return i;
}

int page_more(struct page *p, size_t n)
{
	const struct entity *e;

	if (!p->more)
		return 0;
	e = entity_get(corpus_entities(p->more->c), p->more->entity);
	p->more->next = mentions(p, p->more->c, e, p->more->next, n);
	if (p->more->next < e->nmentions)
		return 1;
	free(p->more);
	p->more = NULL;
	return 0;
}

int page_complete(const struct page *p)
{
	return p->more == NULL;
}

struct page *page_new(const char *title)
{
	struct page *p = xcalloc(1, sizeof(*p));

	p->title = xstrdup(title);
	return p;
}

void page_add_text(struct page *p, enum block_kind kind, unsigned level, const char *text,
		   size_t label_len)
{
	struct page_block b = PAGE_BLOCK_INIT;
	page_block_adds(&b, text);
	b.label_len = label_len;
	page_block_add(p, kind, level, &b);
}

void page_add_link(struct page *p, enum block_kind kind, unsigned level, const char *label,
		   const char *text, const struct location *to)
{
	struct page_block b = PAGE_BLOCK_INIT;
	page_block_adds(&b, label);
	b.label_len = b.text.len;
	page_block_span(&b, text, SPAN_LINK, -1, to);
	page_block_add(p, kind, level, &b);
}

struct page *page_entity(const struct corpus *c, long id)
{
	return page_entity_first(c, id, (size_t)-1);
}

/* The record part of the page: title, type, names, role, record, notes. */
static void record(struct page *p, const struct entity *e)
{
	struct page_block b;
	size_t i;

	page_add_text(p, BLOCK_TITLE, 1, e->name, 0);

	memset(&b, 0, sizeof(b));
	buf_adds(&b.text, "Type: ");
	b.label_len = b.text.len;
	page_block_adds(&b, e->type);
	buf_adds(&b.text, " \xC2\xB7 id ");   /* · */
	page_block_adds(&b, e->id);
	page_block_add(p, BLOCK_META, 0, &b);
	if (e->nvariants) {
		memset(&b, 0, sizeof(b));
		buf_adds(&b.text, "Also: ");
		b.label_len = b.text.len;
		for (i = 0; i < e->nvariants; i++) {
			if (i)
				buf_adds(&b.text, ", ");
			page_block_adds(&b, e->variants[i]);
		}
		page_block_add(p, BLOCK_META, 0, &b);
	}
	if (e->desc) {
		memset(&b, 0, sizeof(b));
		buf_adds(&b.text, "Role: ");
		b.label_len = b.text.len;
		page_block_adds(&b, e->desc);
		page_block_add(p, BLOCK_META, 0, &b);
	}
	memset(&b, 0, sizeof(b));
	buf_adds(&b.text, "Record: ");
	b.label_len = b.text.len;
	if (e->source)
		page_block_adds(&b, e->source);
	else
		buf_adds(&b.text, "(no record), known from its mentions only");
	page_block_add(p, BLOCK_META, 0, &b);
	for (i = 0; i < e->nnotes; i++) {
		memset(&b, 0, sizeof(b));
		buf_adds(&b.text, "Note: ");
		b.label_len = b.text.len;
		page_block_adds(&b, e->notes[i]);
		page_block_add(p, BLOCK_PARAGRAPH, 0, &b);
	}
}

struct page *page_entity_first(const struct corpus *c, long id, size_t n)
{
	const struct entity_index *ix = corpus_entities(c);
	const struct entity *e = entity_get(ix, id);
	struct page *p;

	if (!e)
		return NULL;
	p = page_new(e->name);
	record(p, e);
	timeline(p, c, e);
	relations(p, ix, e);
	letters(p, c, e, CORRESP_SENT);
	letters(p, c, e, CORRESP_RECEIVED);
	appears_with(p, ix, id);
	mentions_heading(p, e);
	p->more = xcalloc(1, sizeof *p->more);
	p->more->c = c;
	p->more->entity = id;
	page_more(p, n);
	return p;
}

/* Everyone e shares a paragraph with, one a line, most shared first. */
static struct page *page_with(const struct corpus *c, const char *id)
{
	const struct entity_index *ix = corpus_entities(c);
	long e = entity_find(ix, id), *others;
	size_t *counts, n, i;
	struct buf h = BUF_INIT;
	struct page *p;

	if (e < 0)
		return NULL;
	buf_printf(&h, "Appears with %s", entity_get(ix, e)->name);
	p = page_new(h.data);
	page_add_text(p, BLOCK_TITLE, 1, h.data, 0);
	buf_reset(&h);
	n = entity_cooccurring(ix, e, &others, &counts);
	buf_printf(&h, "%zu entities share a paragraph with %s; the number says in how many.",
		   n, entity_get(ix, e)->name);
	page_add_text(p, BLOCK_PARAGRAPH, 1, h.data, 0);
	buf_free(&h);
	for (i = 0; i < n; i++) {
		struct page_block b;

		memset(&b, 0, sizeof(b));
		page_block_span(&b, entity_get(ix, others[i])->name, SPAN_MENTION, others[i], NULL);
		buf_printf(&b.text, " (%zu)", counts[i]);
		page_block_add(p, BLOCK_ITEM, 1, &b);
	}
	free(others);
	free(counts);
	return p;
}

/* The documents of one year, in corpus order (by date), each a link. */
static struct page *page_year(const struct corpus *c, const char *year)
{
	struct buf h = BUF_INIT;
	struct page *p;
	size_t i, n = 0;
	char y[16];

	buf_printf(&h, "Documents of %s", year);
	p = page_new(h.data);
	page_add_text(p, BLOCK_TITLE, 1, h.data, 0);
	for (i = 0; i < corpus_ndocs(c); i++) {
		const struct doc *d = corpus_doc(c, i);
		struct location to = { LOC_DOC, NULL, 0, 0 };
		struct buf label = BUF_INIT;

		if (!date_year(d->date, y) || strcmp(y, year) != 0)
			continue;
		to.id = d->id;
		buf_printf(&label, "%s  ", d->date);
		page_add_link(p, BLOCK_ITEM, 1, label.data, d->title, &to);
		buf_free(&label);
		n++;
	}
	buf_reset(&h);
	buf_printf(&h, "%zu document%s dated %s.", n, n == 1 ? "" : "s", year);
	page_add_text(p, BLOCK_PARAGRAPH, 0, h.data, 0);
	buf_free(&h);
	return p;
}

struct page *page_list(const struct corpus *c, const struct location *l)
{
	if (!l->id)
		return NULL;
	if (l->kind == LOC_WITH)
		return page_with(c, l->id);
	if (l->kind == LOC_YEAR)
		return page_year(c, l->id);
	return NULL;
}

void page_free(struct page *p)
{
	size_t i, j;

	if (!p)
		return;
	for (i = 0; i < p->nblocks; i++) {
		/* each link record is one span's */
		for (j = 0; p->blocks[i].links && j < p->blocks[i].nspans; j++)
			if (p->blocks[i].spans[j].kind == SPAN_LINK)
				free_const(p->blocks[i].links[p->blocks[i].spans[j].arg].to.id);
		free_const(p->blocks[i].links);
		free_const(p->blocks[i].spans);
		free_const(p->blocks[i].text);
	}
	free(p->blocks);
	free(p->title);
	free(p->more);
	free(p);
}
