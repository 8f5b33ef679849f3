/* flatten.c: the text walk.
 *
 * One iterative walk (tei_walk) over a TEI text: text nodes and entity
 * references are added to the open block here; each element goes to its
 * handler (elements.c) on entering and leaving, and the frames of the open
 * elements are kept on a stack of their own, so nesting depth costs heap,
 * not C stack.  flatten_string is the same walk for a plain string. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>

#include "blocks.h"
#include "buf.h"
#include "corpus_impl.h"
#include "diag.h"
#include "elements.h"
#include "flatten.h"
#include "tei.h"

struct text_walk {
	struct flat *f;
	struct frame *frames;
	size_t nframes, capframes;
};

static void expand_entity_ref(struct flat *f, xmlNodePtr n)
{
	xmlEntityPtr ent = xmlGetDocEntity(n->doc, n->name);
	const char *s;
	size_t len;

	if (ent && (ent->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
		    ent->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY)) {
		struct buf name = BUF_INIT;

		buf_printf(&name, "&%s;", (const char *)n->name);
		diag_add_at(f->c, f->file, xmlGetLineNo(n->parent), name.data, 0,
			    "external entity '%s' (%s) is not loaded", name.data,
			    ent->SystemID ? (const char *)ent->SystemID : "no system id");
		buf_free(&name);
		return;
	}
	if (!ent || ent->etype != XML_INTERNAL_GENERAL_ENTITY || !ent->content)
		return;
	s = (const char *)ent->content;
	len = strlen(s);
	if (memchr(s, '<', len) || memchr(s, '&', len))
		return;   /* markup in an entity: shown as nothing */
	if (f->expanded + len > f->expand_budget) {
		diag_add(f->c, f->file, xmlGetLineNo(n->parent), 1, 0,
			 "entity expansion limit reached; '&%s;' not expanded",
			 (const char *)n->name);
		return;
	}
	f->expanded += len;
	flat_add_text(f, s, len);
}

static enum tei_step text_enter(void *ctx, xmlNodePtr n)
{
	struct text_walk *w = ctx;
	struct frame fr;
	enum tei_step step;
	char *id;

	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content)
			flat_add_text(w->f, (const char *)n->content,
				      strlen((const char *)n->content));
		return TEI_SKIP;
	case XML_ENTITY_REF_NODE:
		expand_entity_ref(w->f, n);
		return TEI_SKIP;
	case XML_ELEMENT_NODE:
		break;
	default:
		return TEI_SKIP;
	}
	if (tei_is_skipped(n))
		return TEI_SKIP;
	memset(&fr, 0, sizeof(fr));
	step = element_enter(w->f, n, &fr);
	if (n->properties && (id = tei_attr(n, "id")) != NULL) {
		if (*id)
			flat_anchor(w->f, id);   /* after a block it opens is open */
		else
			free(id);
	}
	if (step == TEI_SKIP)
		return TEI_SKIP;
	w->frames = xgrow(w->frames, &w->capframes, w->nframes + 1, sizeof(*w->frames));
	w->frames[w->nframes++] = fr;
	return TEI_DESCEND;
}

static void text_leave(void *ctx, xmlNodePtr n)
{
	struct text_walk *w = ctx;

	(void)n;
	element_leave(w->f, &w->frames[--w->nframes]);
}

static void flatten(struct flat *f, xmlNodePtr text, int with_top)
{
	static const struct tei_visitor v = { text_enter, text_leave };
	struct text_walk w;
	xmlNodePtr outer = f->text;

	memset(&w, 0, sizeof(w));
	w.f = f;
	f->text = text;
	tei_walk(text, with_top, &v, &w);
	while (f->depth)
		flat_pop(f);
	flat_flush_notes(f);
	flat_flush_anchors(f);
	free(w.frames);
	f->text = outer;
}

void flatten_text(struct flat *f, xmlNodePtr text)
{
	flatten(f, text, 0);
}

void flatten_element(struct flat *f, xmlNodePtr n)
{
	flatten(f, n, 1);
}

static enum tei_step string_enter(void *ctx, xmlNodePtr n)
{
	struct bb *b = ctx;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			bb_add(b, (const char *)n->content, strlen((const char *)n->content));
		return TEI_SKIP;
	}
	if (n->type != XML_ELEMENT_NODE || tei_is_skipped(n) || tei_is(n, EL_note))
		return TEI_SKIP;
	if (tei_is(n, EL_lb) || tei_is(n, EL_space)) {
		char *brk = tei_attr(n, "break");

		if (!brk || strcmp(brk, "no") != 0)
			b->pending_space = 1;
		free(brk);
	} else if (tei_needs_word_break(n)) {
		b->pending_space = 1;
	}
	return TEI_DESCEND;
}

char *flatten_string(xmlNodePtr top)
{
	static const struct tei_visitor v = { string_enter, NULL };
	struct bb b;
	char *s;

	memset(&b, 0, sizeof(b));
	tei_walk(top, 0, &v, &b);
	s = b.text.data ? xstrndup(b.text.data, b.text.len) : xstrdup("");
	bb_free(&b);
	return s;
}
