/* documents.c: pass 2, a document from each TEI element.
 *
 * A document gets its id, date and type, then its blocks: the title, the
 * header lines, the flattened text; then its blocks' texts are assembled
 * into one buffer and its note markers point at their notes' blocks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "corpus_impl.h"
#include "documents.h"
#include "flatpool.h"
#include "flatten.h"
#include "header.h"
#include "idtab.h"
#include "tei.h"

static char *doc_id(struct corpus *c, xmlNodePtr tei, size_t file, unsigned nth)
{
	char *id = tei_attr(tei, "id");
	struct buf b = BUF_INIT;
	const char *base;
	size_t stem, k = 2;

	if (id && *id) {
		buf_adds(&b, id);
	} else {
		base = strrchr(c->files[file].path, '/');
		base = base ? base + 1 : c->files[file].path;
		buf_adds(&b, base);
		if (b.len > 4 && strcmp(b.data + b.len - 4, ".xml") == 0)
			b.data[b.len -= 4] = '\0';
		if (nth > 1)
			buf_printf(&b, "-%u", nth);
	}
	free(id);
	/* ids are unique among documents: a second "x" becomes "x-2" */
	stem = b.len;
	while (flatjob_has_doc(c, b.data)) {
		b.len = stem;
		buf_printf(&b, "-%zu", k++);
	}
	return buf_steal(&b);
}

/* Points a block's note markers at their notes' blocks; a marker whose
 * note had nothing in it stays a marker without a link. */
static void link_notes(struct docrec *d)
{
	size_t k;

	for (k = 0; k < d->nspans; k++) {
		struct span *sp = &d->spans[k];
		size_t serial = sp->arg;

		if (sp->kind != SPAN_NOTEREF)
			continue;
		if (serial < d->nnote_block && d->note_block[serial] < UINT32_MAX)
			sp->arg = (uint32_t)d->note_block[serial];
		else
			*sp = (struct span){ SPAN_EMPHASIS, sp->start, sp->end, 0 };
	}
}

/* The text and the per-block arrays grew by doubling while the document
 * was flattened: what they do not use is given back (a third of the text
 * buffers' memory on the synthetic corpus).  The text keeps 16 zero bytes
 * after its end (a search subject). */
static void trim(struct docrec *d)
{
	if (d->text.cap > d->text.len + 16) {
		d->text.data = xrealloc(d->text.data, d->text.len + 16);
		d->text.cap = d->text.len + 16;
	}
	if (d->nblocks && d->capblocks > d->nblocks) {
		d->blocks = xrealloc(d->blocks, d->nblocks * sizeof(*d->blocks));
		d->nodes = xrealloc(d->nodes, d->nblocks * sizeof(*d->nodes));
		d->capblocks = d->nblocks;
	}
	if (d->nspans && d->capspans > d->nspans) {
		d->spans = xrealloc(d->spans, d->nspans * sizeof(*d->spans));
		d->capspans = d->nspans;
	}
	if (d->nlinks && d->caplinks > d->nlinks) {
		d->links = xrealloc(d->links, d->nlinks * sizeof(*d->links));
		d->caplinks = d->nlinks;
	}
}

/* Assembles the blocks' texts into one buffer, each followed by '\n'. */
static void assemble(struct docrec *d)
{
	size_t i;

	buf_zero_slack(&d->text, 16);   /* the text is a search subject */
	trim(d);
	link_notes(d);
	for (i = 0; i < d->nblocks; i++) {
		d->blocks[i].text = d->text.data + d->offsets[i];
		d->blocks[i].spans = d->blocks[i].nspans ? d->spans + d->span_first[i] : NULL;
		d->blocks[i].links = d->nlinks ? d->links : NULL;
	}
	free(d->span_first);
	d->span_first = NULL;
	free(d->note_block);
	d->note_block = NULL;
	d->nnote_block = d->capnote_block = 0;
	free(d->offsets);
	d->offsets = NULL;
	d->pub.text_len = d->text.len;
	d->pub.text = buf_steal(&d->text);
	d->pub.blocks = d->blocks;
	d->pub.nblocks = d->nblocks;
}

/* A new document (in the corpus, or in the thread's job) with its load
 * index (the job's own) in *index. */
static struct docrec *new_document(struct corpus *c, size_t file, xmlNodePtr tei,
				   xmlNodePtr header, unsigned nth, size_t *index)
{
	char *id = doc_id(c, tei, file, nth);
	struct docrec *d = flatjob_new_doc(c, index);

	d->pub.id = id;
	d->tei = tei;
	d->pub.file = c->files[file].path;
	d->file = file;
	flatjob_name_doc(c, d->pub.id, *index);
	d->pub.date = header_date(header, c->files[file].path, &d->date_shown);
	d->pub.type = header_type(tei, header);
	return d;
}

static enum tei_step standoff_enter(void *ctx, xmlNodePtr n)
{
	if (!tei_is(n, EL_note))
		return n->type == XML_ELEMENT_NODE ? TEI_DESCEND : TEI_SKIP;
	flatten_element(ctx, n);
	return TEI_SKIP;
}

/* The notes of the document's standOff (a listAnnotation's, say), which
 * its text points at with ptr or ref: note blocks after the text, their
 * mentions indexed like any other. */
static void standoff_notes(struct flat *f, xmlNodePtr tei)
{
	static const struct tei_visitor v = { standoff_enter, NULL };
	xmlNodePtr n;

	for (n = tei->children; n; n = n->next)
		if (tei_is(n, EL_standOff))
			tei_walk(n, 0, &v, f);
}

/* ---- notes of a standOff with no text of its own ------------------------ */

static int in_standoff(xmlNodePtr n)
{
	for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (tei_is(n, EL_standOff))
			return 1;
	return 0;
}

static enum tei_step orphan_enter(void *ctx, xmlNodePtr n)
{
	struct corpus *c = ctx;
	char *id;

	if (n->type != XML_ELEMENT_NODE || (tei_is(n, EL_TEI) && tei_child(n, EL_text)))
		return TEI_SKIP;   /* a document's own notes are its own */
	if (!tei_is(n, EL_note))
		return TEI_DESCEND;
	if (in_standoff(n) && (id = tei_attr(n, "id")) != NULL) {
		if (*id && idtab_get(&c->orphan_ids, id) == IDTAB_NONE) {
			c->orphans = xgrow(c->orphans, &c->caporphans, c->norphans + 1,
					   sizeof(*c->orphans));
			c->orphans[c->norphans].id = id;
			c->orphans[c->norphans].note = n;
			idtab_put(&c->orphan_ids, id, c->norphans++);
		} else {
			free(id);
		}
	}
	return TEI_SKIP;
}

void documents_index_orphan_notes(struct corpus *c)
{
	static const struct tei_visitor v = { orphan_enter, NULL };
	size_t i;

	for (i = 0; i < c->nfiles; i++)
		if (c->files[i].root)
			tei_walk(c->files[i].root, 1, &v, c);
}

void documents_free_orphan_notes(struct corpus *c)
{
	size_t i;

	for (i = 0; i < c->norphans; i++)
		free(c->orphans[i].id);
	free(c->orphans);
	c->orphans = NULL;
	c->norphans = c->caporphans = 0;
	idtab_free(&c->orphan_ids);
}

/* The orphan note a link's target names, or IDTAB_NONE. */
static size_t orphan_of(const struct corpus *c, const char *target)
{
	const char *frag = target ? strrchr(target, '#') : NULL;

	if (!frag || !c->norphans || strchr(target, ' '))
		return IDTAB_NONE;
	return idtab_get(&c->orphan_ids, frag + 1);
}

/* The orphan notes the document's links point at become note blocks of
 * its own, each once (a note shown may point at another). */
static void attach_orphan_notes(struct flat *f)
{
	size_t l, o, *shown = NULL, nshown = 0, cap = 0, j;

	/* the table grows as notes are shown: theirs are looked at too */
	for (l = 0; f->c->norphans && l < f->d->nlinks; l++) {
		if ((o = orphan_of(f->c, f->d->links[l].target)) == IDTAB_NONE)
			continue;
		for (j = 0; j < nshown && shown[j] != o; j++)
			;
		if (j < nshown)
			continue;
		shown = xgrow(shown, &cap, nshown + 1, sizeof(*shown));
		shown[nshown++] = o;
		flatten_element(f, f->c->orphans[o].note);
	}
	free(shown);
}

static void read_document(struct corpus *c, size_t file, xmlNodePtr tei, unsigned nth)
{
	xmlNodePtr header = tei_child(tei, EL_teiHeader);
	xmlNodePtr text = tei_child(tei, EL_text);
	size_t i, index;
	struct docrec *d = new_document(c, file, tei, header, nth, &index);
	struct flat f;

	memset(&f, 0, sizeof(f));
	f.c = c;
	f.file = file;
	f.doc = index;
	f.d = d;
	f.expand_budget = ((size_t)1 << 20) + c->bytes;
	header_title(&f, header, d->pub.id);
	header_blocks(&f, header);
	d->pub.nheader = d->nblocks;
	/* the title and meta lines come from the header as a whole */
	for (i = 0; i < d->nblocks; i++)
		if (!d->nodes[i])
			d->nodes[i] = header ? header : tei;
	if (text)
		flatten_text(&f, text);
	standoff_notes(&f, tei);
	attach_orphan_notes(&f);
	for (i = 0; i < f.ndeferred; i++)
		bb_free(&f.deferred[i]);
	free(f.deferred);
	free(f.pending);
	free(f.stack);
	assemble(d);
	/* the title block, without its '\n' */
	d->pub.title = xstrndup(d->pub.blocks[0].text, d->pub.blocks[0].len);
}

struct docs_ctx {
	struct corpus *c;
	size_t file;
	unsigned nth;
};

static enum tei_step docs_enter(void *ctx, xmlNodePtr n)
{
	struct docs_ctx *w = ctx;

	if (tei_is(n, EL_TEI)) {
		/* a TEI with no text (an authority file) is not a document */
		if (tei_child(n, EL_text))
			read_document(w->c, w->file, n, ++w->nth);
		return TEI_SKIP;
	}
	if (n->type == XML_ELEMENT_NODE && !tei_is(n, EL_teiCorpus))
		return TEI_SKIP;
	return TEI_DESCEND;
}

void documents_collect(struct corpus *c, size_t file)
{
	static const struct tei_visitor v = { docs_enter, NULL };
	struct docs_ctx w = { c, file, 0 };

	if (!flatjob_this())
		c->cur_file = file;
	tei_walk(c->files[file].root, 1, &v, &w);
}
