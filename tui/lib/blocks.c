/* blocks.c: building blocks of flattened text and adding them to the
 * document.
 *
 * Whitespace is collapsed as a reader expects; spans are kept in order of
 * start, outer first; a note is moved after the outermost block that
 * anchors it, and its marker holds the note's serial number until the
 * document is assembled (documents.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "corpus_impl.h"
#include "diag.h"
#include "flatpool.h"
#include "idtab.h"
#include "tei.h"

/* The length of the invisible format character at p (n bytes left), or
 * 0: soft hyphen, zero-width space and joiners, word joiner, invisible
 * operators, BOM, variation selectors, the combining grapheme joiner,
 * tags.  A reader does not see them and a search must not trip over
 * them: they are left out of the text.  Direction controls (U+200E/F,
 * U+202A..202E, U+2066..2069, U+061C) are not: they can reorder what a
 * reader sees, so text.c shows them as placeholders.  p starts with a
 * byte of 0xC2 or more. */
static size_t ignorable_len(const unsigned char *p, size_t n)
{
	if (n >= 2 && ((p[0] == 0xC2 && p[1] == 0xAD) || (p[0] == 0xCD && p[1] == 0x8F)))
		return 2;   /* U+00AD, U+034F */
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x8B && p[2] <= 0x8D)
		return 3;   /* U+200B..200D */
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA0 && p[2] <= 0xA4)
		return 3;   /* U+2060..2064 */
	if (n >= 3 && ((p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) ||
		       (p[0] == 0xEF && p[1] == 0xB8 && p[2] <= 0x8F) ||
		       (p[0] == 0xE1 && p[1] == 0xA0 && p[2] >= 0x8B && p[2] <= 0x8F)))
		return 3;   /* U+FEFF, U+FE00..FE0F, U+180B..180F */
	if (n >= 4 && p[0] == 0xF3 && p[1] == 0xA0 && p[2] >= 0x80 && p[2] <= 0x87)
		return 4;   /* U+E0000..E01FF: tags, variation selectors */
	return 0;
}

void bb_add(struct bb *b, const char *s, size_t len)
{
	char *start, *out;
	size_t i = 0, skip;
	int space = b->pending_space;

	/* collapsing only shrinks the text: copy it in one pass, words in a
	 * tight inner loop (this is where most of the corpus goes through) */
	buf_grow(&b->text, len + 1);
	start = b->text.data;
	out = start + b->text.len;
	while (i < len) {
		if (tei_is_space((unsigned char)s[i])) {
			space = 1;
			i++;
			continue;
		}
		if ((unsigned char)s[i] >= 0xC2 &&
		    (skip = ignorable_len((const unsigned char *)s + i, len - i)) > 0) {
			i += skip;
			continue;
		}
		if (space && (size_t)(out - start) > b->label_len)
			*out++ = ' ';
		space = 0;
		/* a word: up to a space, or a lead byte that may be ignorable */
		do
			*out++ = s[i++];
		while (i < len && (unsigned char)s[i] < 0xC2 &&
		       ((unsigned char)s[i] > ' ' || !tei_is_space((unsigned char)s[i])));
	}
	b->text.len = (size_t)(out - start);
	start[b->text.len] = '\0';
	b->pending_space = space;
}

/* Where a span opened now starts: after the space still pending. */
size_t bb_span_start(const struct bb *b)
{
	return b->text.len + (b->pending_space && b->text.len > b->label_len ? 1 : 0);
}

struct bb_span *bb_add_span(struct bb *b, enum span_kind kind, size_t start)
{
	struct bb_span *s;

	b->spans = xgrow(b->spans, &b->capspans, b->nspans + 1, sizeof(*b->spans));
	s = &b->spans[b->nspans++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->start = start;
	s->entity = -1;
	return s;
}

static void anchors_push(struct bb_anchor **v, size_t *n, size_t *cap, char *id, size_t off)
{
	*v = xgrow(*v, cap, *n + 1, sizeof(**v));
	(*v)[*n].id = id;
	(*v)[(*n)++].off = off;
}

/* A block's anchors wait for the next block (it was left out, empty). */
static void anchors_to_pending(struct flat *f, struct bb *b)
{
	size_t i;

	for (i = 0; i < b->nanchors; i++)
		anchors_push(&f->pending, &f->npending, &f->cappending, b->anchors[i].id, 0);
	b->nanchors = 0;
}

/* Element id is at (block, off) of the document being made: kept in the
 * corpus under its id and, for links from its own file, "<file>#<id>". */
static void anchor_place(struct flat *f, char *id, size_t block, size_t off)
{
	struct corpus *c = f->c;
	struct text_anchor *a;
	struct buf local = BUF_INIT;

	a = flatjob_new_anchor(c);
	a->id = id;
	buf_printf(&local, "%zu#%s", f->file, id);
	a->local = buf_steal(&local);
	a->doc = f->doc;
	a->block = block;
	a->off = off;
	if (!flatjob_this()) {   /* a job's are indexed when merged */
		idtab_put(&c->anchor_ids, a->local, c->nanchors - 1);
		idtab_put(&c->anchor_ids, a->id, c->nanchors - 1);
	}
}

void flat_anchor(struct flat *f, char *id)
{
	struct bb *b = flat_top(f);

	if (b && !b->implicit)
		anchors_push(&b->anchors, &b->nanchors, &b->capanchors, id, bb_span_start(b));
	else
		anchors_push(&f->pending, &f->npending, &f->cappending, id, 0);
}

void flat_flush_anchors(struct flat *f)
{
	size_t i;

	for (i = 0; i < f->npending; i++) {
		if (f->d->nblocks)
			anchor_place(f, f->pending[i].id, f->d->nblocks - 1,
				     f->d->blocks[f->d->nblocks - 1].len);
		else
			free(f->pending[i].id);
	}
	f->npending = 0;
}

void bb_reset(struct bb *b)
{
	size_t i;

	for (i = 0; i < b->nspans; i++)
		free(b->spans[i].target);
	b->nspans = 0;
	buf_reset(&b->text);
	b->label_len = 0;
	b->pending_space = 0;
	b->gen++;
}

void bb_free(struct bb *b)
{
	size_t i;

	for (i = 0; i < b->nanchors; i++)
		free(b->anchors[i].id);
	free(b->anchors);
	bb_reset(b);
	buf_free(&b->text);
	free(b->spans);
	free(b->label);
	free(b->label_more);
}

/* Puts the pending label at the start of the block. */
void bb_use_label(struct bb *b, char **label, long *entity)
{
	struct bb_span *s;
	size_t i;

	if (!*label)
		return;
	buf_adds(&b->text, *label);
	b->label_len = b->text.len;
	if (*entity >= 0) {
		/* the label is "Name: ": the mention covers the name */
		size_t n = b->text.len;

		while (n > 0 && (b->text.data[n - 1] == ' ' || b->text.data[n - 1] == ':'))
			n--;
		for (i = 0; n > 0 && i <= b->nlabel_more; i++) {
			s = bb_add_span(b, SPAN_MENTION, 0);
			s->end = n;
			s->entity = i ? b->label_more[i - 1] : *entity;
		}
	}
	free(b->label_more);
	b->label_more = NULL;
	b->nlabel_more = 0;
	free(*label);
	*label = NULL;
	*entity = -1;
}

static int cmp_span(const void *a, const void *b)
{
	const struct bb_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return 0;
}

/* Note serial is block i of d, for its marker to point at. */
static void note_at(struct docrec *d, unsigned serial, size_t i)
{
	size_t k;

	d->note_block = xgrow(d->note_block, &d->capnote_block, (size_t)serial + 1,
			      sizeof(*d->note_block));
	for (k = d->nnote_block; k <= serial; k++)
		d->note_block[k] = (size_t)-1;
	if (d->nnote_block <= serial)
		d->nnote_block = (size_t)serial + 1;
	d->note_block[serial] = i;
}

/* A block longer than the corpus allows is cut at a character's start
 * (its spans with it), so that span offsets fit in 32 bits. */
static void cut_long_block(struct flat *f, struct bb *b)
{
	size_t max = f->c->opt.max_block_len, n, i, k;

	if (!max || max > BLOCK_LEN_MAX)
		max = BLOCK_LEN_MAX;
	if (b->text.len <= max)
		return;
	n = max;
	while (n > 0 && ((unsigned char)b->text.data[n] & 0xC0) == 0x80)
		n--;
	diag_add(f->c, f->file, b->node ? xmlGetLineNo(b->node) : 0, 0, 0,
		 "a block of %zu bytes: cut after %zu (the most a block holds is %zu)",
		 b->text.len, n, max);
	b->text.len = n;
	b->text.data[n] = '\0';
	if (b->label_len > n)
		b->label_len = n;
	for (i = k = 0; i < b->nspans; i++) {
		if (b->spans[i].end > n)
			b->spans[i].end = n;
		if (b->spans[i].start < b->spans[i].end)
			b->spans[k++] = b->spans[i];
		else
			free(b->spans[i].target);
	}
	b->nspans = k;
}

/* The block's spans, in order, go to the document's array compact; each
 * link's target goes to the document's link table. */
static void add_spans(struct docrec *d, struct bb *b)
{
	size_t i;

	d->spans = xgrow(d->spans, &d->capspans, d->nspans + b->nspans, sizeof(*d->spans));
	for (i = 0; i < b->nspans; i++) {
		struct bb_span *from = &b->spans[i];
		struct span *to = &d->spans[d->nspans++];

		to->kind = from->kind;
		to->start = (uint32_t)from->start;   /* the block is <= BLOCK_LEN_MAX */
		to->end = (uint32_t)from->end;
		to->arg = 0;
		if (from->kind == SPAN_MENTION) {
			span_set_entity(to, from->entity);
		} else if (from->kind == SPAN_NOTEREF) {
			/* the serial for now: a block index once assembled */
			to->arg = from->note < UINT32_MAX ? (uint32_t)from->note : UINT32_MAX;
		} else if (from->kind == SPAN_LINK && d->nlinks >= UINT32_MAX) {
			to->kind = SPAN_EMPHASIS;   /* more links than a span can index */
		} else if (from->kind == SPAN_LINK) {
			d->links = xgrow(d->links, &d->caplinks, d->nlinks + 1, sizeof(*d->links));
			memset(&d->links[d->nlinks], 0, sizeof(*d->links));
			d->links[d->nlinks].target = from->target;
			from->target = NULL;   /* moved */
			to->arg = (uint32_t)d->nlinks++;
		}
	}
}

void flat_add_block(struct flat *f, struct bb *b)
{
	struct docrec *d = f->d;
	struct block *blk;
	size_t i, cap = d->capblocks;

	cut_long_block(f, b);
	while (b->nspans > UINT32_MAX)   /* (never: each needs an element) */
		free(b->spans[--b->nspans].target);
	d->blocks = xgrow(d->blocks, &d->capblocks, d->nblocks + 1, sizeof(*d->blocks));
	/* the arrays beside it grow when it does, not at every block (a
	 * realloc that copies each time is quadratic) */
	if (d->capblocks != cap || !d->span_first) {
		d->span_first = xrealloc(d->span_first, d->capblocks * sizeof(*d->span_first));
		d->offsets = xrealloc(d->offsets, d->capblocks * sizeof(*d->offsets));
		d->nodes = xrealloc(d->nodes, d->capblocks * sizeof(*d->nodes));
	}
	d->nodes[d->nblocks] = b->node ? b->node : f->text;
	blk = &d->blocks[d->nblocks];
	memset(blk, 0, sizeof(*blk));
	blk->kind = b->kind;
	blk->level = b->level;
	blk->len = b->text.len;
	blk->label_len = b->label_len;
	blk->corresp = b->corresp;
	/* blocks arrive in order: their text goes straight to the document's
	 * buffer, and the pointers are set once it stops moving */
	d->offsets[d->nblocks] = d->text.len;
	if (b->is_note && b->serial)
		note_at(d, b->serial, d->nblocks);
	buf_add(&d->text, b->text.data ? b->text.data : "", b->text.len);
	buf_addc(&d->text, '\n');
	/* inner spans close first: put them in order of start, outer first */
	if (b->nspans > 1)
		qsort(b->spans, b->nspans, sizeof(*b->spans), cmp_span);
	d->span_first[d->nblocks] = d->nspans;
	add_spans(d, b);
	blk->nspans = (uint32_t)b->nspans;
	for (i = 0; i < f->npending; i++)
		anchor_place(f, f->pending[i].id, d->nblocks, 0);
	f->npending = 0;
	for (i = 0; i < b->nanchors; i++)
		anchor_place(f, b->anchors[i].id, d->nblocks,
			     b->anchors[i].off < blk->len ? b->anchors[i].off : blk->len);
	b->nanchors = 0;
	d->nblocks++;
}

void flat_drop_last_block(struct flat *f)
{
	struct docrec *d = f->d;
	size_t i;

	d->nblocks--;
	d->text.len = d->offsets[d->nblocks];
	for (i = d->span_first[d->nblocks]; i < d->nspans; i++)
		if (d->spans[i].kind == SPAN_LINK) {
			free_const(d->links[d->spans[i].arg].target);
			d->nlinks--;   /* the block's links are the table's last */
		}
	d->nspans = d->span_first[d->nblocks];
}

/* The notes waiting for their anchor's block go to the document. */
void flat_flush_notes(struct flat *f)
{
	size_t i, j;

	/* in the order of their markers: an inner note closes first */
	for (i = 1; i < f->ndeferred; i++) {
		struct bb t = f->deferred[i];

		for (j = i; j > 0 && f->deferred[j - 1].serial > t.serial; j--)
			f->deferred[j] = f->deferred[j - 1];
		f->deferred[j] = t;
	}
	for (i = 0; i < f->ndeferred; i++) {
		flat_add_block(f, &f->deferred[i]);
		bb_free(&f->deferred[i]);
	}
	f->ndeferred = 0;
}

/* Emits a finished block: a note waits until the outermost block that
 * anchors it is done; any other block goes to the document, and when it
 * is an outermost one, the notes it anchors follow it.  Note markers hold
 * the note's serial number until the document is assembled. */
void flat_emit(struct flat *f, struct bb *b)
{
	while (b->text.len > b->label_len && b->text.data[b->text.len - 1] == ' ')
		b->text.data[--b->text.len] = '\0';
	if (b->text.len == 0 || (b->text.len == b->label_len && !b->is_note)) {
		anchors_to_pending(f, b);
		bb_reset(b);
	} else if (b->is_note && f->depth > 1) {
		struct bb *n;

		f->deferred = xgrow(f->deferred, &f->capdeferred, f->ndeferred + 1,
				    sizeof(*f->deferred));
		n = &f->deferred[f->ndeferred++];
		memset(n, 0, sizeof(*n));
		n->kind = b->kind;
		n->level = b->level;
		n->is_note = 1;
		n->serial = b->serial;
		n->node = b->node;
		buf_add(&n->text, b->text.data, b->text.len);
		n->label_len = b->label_len;
		n->spans = b->spans;
		n->nspans = b->nspans;
		n->capspans = b->capspans;
		b->spans = NULL;
		b->nspans = b->capspans = 0;
		n->anchors = b->anchors;
		n->nanchors = b->nanchors;
		n->capanchors = b->capanchors;
		b->anchors = NULL;
		b->nanchors = b->capanchors = 0;
		bb_reset(b);
		return;
	} else {
		flat_add_block(f, b);
		bb_reset(b);
	}
	if (f->depth <= 1)
		flat_flush_notes(f);
}

struct bb *flat_top(struct flat *f)
{
	return f->depth ? &f->stack[f->depth - 1] : NULL;
}

struct bb *flat_push(struct flat *f, enum block_kind kind, unsigned level,
			     xmlNodePtr node)
{
	struct bb *b;

	f->stack = xgrow(f->stack, &f->capdepth, f->depth + 1, sizeof(*f->stack));
	b = &f->stack[f->depth++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->level = level;
	b->node = node;
	b->label_entity = -1;
	return b;
}

void flat_pop(struct flat *f)
{
	struct bb *b = &f->stack[f->depth - 1];

	if (b->label) {
		/* a block that never had text of its own still shows its label */
		bb_use_label(b, &b->label, &b->label_entity);
		b->label_len = 0;
	}
	flat_emit(f, b);
	bb_free(b);
	f->depth--;
}

/* The block text goes to: the open block, or a new implicit paragraph
 * for text that stands outside any block element. */
struct bb *flat_target(struct flat *f)
{
	struct bb *b = flat_top(f);

	if (!b) {
		b = flat_push(f, BLOCK_PARAGRAPH, 0, NULL);
		b->implicit = 1;
	}
	if (b->label && b->text.len == 0)
		bb_use_label(b, &b->label, &b->label_entity);
	return b;
}

void flat_add_text(struct flat *f, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!tei_is_space((unsigned char)s[i]))
			break;
	if (i == len) {
		struct bb *b = flat_top(f);

		if (b && len)
			b->pending_space = 1;
		return;
	}
	bb_add(flat_target(f), s, len);
}
