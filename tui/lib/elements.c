/* elements.c: the element handlers of the text walk.
 *
 * element_enter dispatches on the element's role (tei.h) to one handler
 * each: a block (with its note marker, list label, heading level or
 * speaker label), a line break, a gap, a pointer, a mention, an emphasis
 * or link span, a table cell, or plain inline content.  What leaving the
 * element does is kept in its frame: close the block, add the span, or
 * add the mention (resolved on entering; a mention without a resolvable
 * reference is grouped by its type and name when it closes). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "apparatus.h"
#include "blocks.h"
#include "buf.h"
#include "corpus_impl.h"
#include "diag.h"
#include "elements.h"
#include "entity.h"
#include "flatpool.h"
#include "flatten.h"
#include "refs.h"
#include "tei.h"

/* ---- blocks ------------------------------------------------------------- */

/* Block-level elements and the kind of block each makes here. */
static int block_kind_of(struct flat *f, xmlNodePtr n, enum block_kind *kind)
{
	struct bb *t = flat_top(f);
	int outside = !t || t->implicit;    /* not inside a block already */
	enum el e = tei_el(n);

	if (tei_flags(n) & F_PARA) {
		*kind = BLOCK_PARAGRAPH;
		return 1;
	}
	switch (e) {
	case EL_head:
		*kind = tei_is(n->parent, EL_figure) || tei_is(n->parent, EL_table)
			? BLOCK_CAPTION : BLOCK_HEADING;
		return 1;
	case EL_bibl:
	case EL_label:
		*kind = BLOCK_PARAGRAPH;
		return outside;
	case EL_item:
		*kind = BLOCK_ITEM;
		return 1;
	case EL_note:
		*kind = BLOCK_NOTE;
		return 1;
	case EL_figDesc:
		*kind = BLOCK_CAPTION;
		return 1;
	case EL_sp:
	case EL_u:
		*kind = BLOCK_SPEECH;
		return 1;
	case EL_stage:
		/* a direction between the lines of a speech is one of its own;
		 * inside a line it runs on, emphasised */
		*kind = BLOCK_STAGE;
		return outside || tei_is(n->parent, EL_sp);
	case EL_quote:
	case EL_cit:
	case EL_floatingText:
		*kind = BLOCK_QUOTE;
		return outside || t->kind == BLOCK_QUOTE;
	default:
		return 0;
	}
}

/* A block about to open: what it will be. */
struct block_start {
	enum block_kind kind;
	unsigned level;
	unsigned serial;          /* a note's serial number, 0 for other blocks */
	char *label;              /* owned until the block takes it */
	long label_entity;
	long *label_more;         /* more speakers, owned until the block takes them */
	size_t nlabel_more;
};

static unsigned count_ancestors(xmlNodePtr n, enum el name, xmlNodePtr stop)
{
	unsigned k = 0;

	for (n = n->parent; n && n != stop; n = n->parent)
		if (tei_is(n, name))
			k++;
	return k;
}

/* The label of a list item: "1. " in a numbered list, else "• ". */
static char *item_label(xmlNodePtr item)
{
	xmlNodePtr list = item->parent, n;
	char *rend = list ? tei_attr(list, "rend") : NULL;
	char *type = list ? tei_attr(list, "type") : NULL;
	char *nattr = tei_attr(item, "n");
	struct buf b = BUF_INIT;
	int numbered = 0;
	unsigned k = 0;

	if ((rend && (strstr(rend, "number") || strstr(rend, "ordered"))) ||
	    (type && (strstr(type, "number") || strstr(type, "ordered"))))
		numbered = 1;
	if (nattr && *nattr) {
		buf_printf(&b, "%s%s ", nattr, numbered && !strchr(nattr, '.') ? "." : "");
	} else if (numbered) {
		for (n = list->children; n; n = n->next) {
			if (tei_is(n, EL_item))
				k++;
			if (n == item)
				break;
		}
		buf_printf(&b, "%u. ", k);
	} else {
		buf_adds(&b, "\xE2\x80\xA2 ");   /* • */
	}
	free(rend);
	free(type);
	free(nattr);
	return buf_steal(&b);
}

/* A note's label "[n] "; inside a block its marker "[n]" goes where the
 * note stands, a link to the note once the document is assembled. */
static void note_label(struct flat *f, xmlNodePtr n, int anchored, struct block_start *s)
{
	char *num = tei_attr(n, "n");
	struct buf m = BUF_INIT;

	f->notes++;
	if (num && *num)
		buf_printf(&m, "[%s]", num);
	else
		buf_printf(&m, "[%u]", f->notes);
	free(num);
	if (anchored) {
		struct bb *tb = flat_target(f);
		struct bb_span *sp = bb_add_span(tb, SPAN_NOTEREF, tb->text.len);

		buf_add(&tb->text, m.data, m.len);
		tb->pending_space = 0;
		sp->end = tb->text.len;
		sp->note = s->serial = ++f->serials;   /* a block index once assembled */
	}
	buf_addc(&m, ' ');
	s->label = buf_steal(&m);
}

/* One speaker of a who: its entity, or -1 (an unknown id reported). */
static long speaker_entity(struct flat *f, xmlNodePtr n, const char *tok)
{
	long e;

	if (refs_resolve_token(f->c, f->file, tok, &e, 0) == REF_OK)
		return e;
	if (!refs_names_element(f->c, tok))
		diag_add_at(f->c, f->file, xmlGetLineNo(n), tok, 0,
			    "reference to unknown id '%s'", tok);
	return -1;
}

/* Every speaker in who is credited (issue 11: a mention each, over the
 * label); the name, when there is no speaker element, is theirs joined
 * with " and ": their entities' names, else the ids. */
static char *speaker_from_who(struct flat *f, xmlNodePtr n, const char *who, char *name,
			      struct block_start *s)
{
	char *all = xstrdup(who), *tok, *save = NULL;
	struct buf names = BUF_INIT;
	long e;

	for (tok = strtok_r(all, " \t\n\r", &save); tok; tok = strtok_r(NULL, " \t\n\r", &save)) {
		e = speaker_entity(f, n, tok);
		if (names.len)
			buf_adds(&names, " and ");
		buf_adds(&names, e >= 0 ? entity_get(f->c->ix, e)->name
			 : tok[0] == '#' ? tok + 1 : tok);
		if (e < 0)
			continue;
		if (s->label_entity < 0) {
			s->label_entity = e;
		} else {
			s->label_more = xrealloc(s->label_more,
						 (s->nlabel_more + 1) * sizeof(*s->label_more));
			s->label_more[s->nlabel_more++] = e;
		}
	}
	if (!name || !*name) {
		free(name);
		name = buf_steal(&names);
	}
	buf_free(&names);
	free(all);
	return name;
}

/* A speech's label "Name: ", from its speaker element or its who. */
static void speaker_label(struct flat *f, xmlNodePtr n, struct block_start *s)
{
	xmlNodePtr sp = tei_child(n, EL_speaker);
	char *who = tei_attr(n, "who");
	char *name = sp ? flatten_string(sp) : NULL;
	struct buf l = BUF_INIT;

	if (who && *who)
		name = speaker_from_who(f, n, who, name, s);
	free(who);
	if (name && *name)
		buf_printf(&l, "%s: ", name);
	free(name);
	s->label = l.len ? buf_steal(&l) : NULL;
	buf_free(&l);
}

/* A block inside a block: what the outer block has so far is a block of
 * its own; the inner one inherits the outer's kind where that says more
 * than "p". */
static void inherit(struct flat *f, struct bb *outer, struct block_start *s)
{
	if (s->kind != BLOCK_NOTE)
		flat_emit(f, outer);
	if (s->kind == BLOCK_PARAGRAPH && outer->kind != BLOCK_PARAGRAPH &&
	    outer->kind != BLOCK_HEADING) {
		s->kind = outer->kind;
		s->level = outer->level;
		if (!s->label && outer->label) {
			s->label = outer->label;
			s->label_entity = outer->label_entity;
			s->label_more = outer->label_more;
			s->nlabel_more = outer->nlabel_more;
			outer->label = NULL;
			outer->label_entity = -1;
			outer->label_more = NULL;
			outer->nlabel_more = 0;
		}
	}
}

/* The first head of a div with @n starts with its number: "3. Title". */
static void heading_number(struct bb *b, xmlNodePtr head)
{
	char *text, *prefix;

	if (!tei_is(head->parent, EL_div) || tei_child(head->parent, EL_head) != head ||
	    !tei_has_attr(head->parent, "n"))
		return;
	text = flatten_string(head);
	prefix = apparatus_div_prefix(head->parent, text);
	if (prefix)
		bb_add(b, prefix, strlen(prefix));
	free(prefix);
	free(text);
}

static void open_block(struct flat *f, xmlNodePtr n, enum block_kind kind)
{
	struct block_start s = { kind, 0, 0, NULL, -1, NULL, 0 };
	struct bb *outer = flat_top(f), *b;

	if (kind == BLOCK_NOTE)
		note_label(f, n, outer && !outer->implicit, &s);
	if (outer && outer->implicit) {
		flat_pop(f);
		outer = NULL;
	}
	if (kind == BLOCK_ITEM) {
		s.level = count_ancestors(n, EL_list, f->text);
		s.label = item_label(n);
	} else if (kind == BLOCK_HEADING) {
		s.level = count_ancestors(n, EL_div, f->text);
		if (!s.level)
			s.level = 1;
	} else if (kind == BLOCK_SPEECH) {
		speaker_label(f, n, &s);
	}
	if (outer)
		inherit(f, outer, &s);
	b = flat_push(f, s.kind, s.level, n);
	if (s.kind == BLOCK_HEADING)
		heading_number(b, n);
	b->is_note = s.kind == BLOCK_NOTE;
	b->serial = s.serial;
	b->label = s.label;
	b->label_entity = s.label_entity;
	b->label_more = s.label_more;
	b->nlabel_more = s.nlabel_more;
	if (b->is_note && b->label)
		bb_use_label(b, &b->label, &b->label_entity);   /* its number first */
}

/* ---- inline elements ------------------------------------------------------ */


/* Whether an opening quote "“" closes a "„" still open in b: German
 * quotes open low and close high. */
static int closes_low_quote(const struct bb *b)
{
	const char *p = b->text.data, *end = p ? p + b->text.len : NULL;
	int open = 0;

	for (; p && p + 3 <= end; p++)
		if (p[0] == '\xE2' && p[1] == '\x80' && (p[2] == '\x9E' || p[2] == '\x9C'))
			open = p[2] == '\x9E';   /* „ opens, “ closes it */
	return open;
}

/* pc's @join: 1 when it is side or "both", 0 for another value, -1 when
 * there is none. */
static int pc_join_attr(xmlNodePtr pc, const char *side)
{
	char *join = tei_attr(pc, "join");
	int r;

	if (!join)
		return -1;
	r = strcmp(join, side) == 0 || strcmp(join, "both") == 0;
	free(join);
	return r;
}

/* pc's text, or NULL when its first child is not text. */
static const char *pc_text(xmlNodePtr pc)
{
	xmlNodePtr t = pc->children;

	if (!t || t->type != XML_TEXT_NODE || !t->content)
		return NULL;
	return (const char *)t->content;
}

/* Whether s starts with one of the n strings of list. */
static int starts_with_any(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strncmp(s, list[i], strlen(list[i])) == 0)
			return 1;
	return 0;
}

/* Whether punctuation token pc joins the word before it: @join "left" or
 * "both", else closing punctuation ("," "." ")" "”" "»" "…", and "“"
 * when it closes a "„"). */
static int pc_joins_left(const struct bb *b, xmlNodePtr pc)
{
	static const char *const closing[] = {
		".", ",", ";", ":", "!", "?", ")", "]", "}", "%",
		"\xE2\x80\xA6", "\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99",   /* … » ” ’ */
	};
	const char *s;
	int r = pc_join_attr(pc, "left");

	if (r >= 0)
		return r;
	if (!(s = pc_text(pc)) || !s[0])
		return 0;
	if (starts_with_any(s, closing, sizeof(closing) / sizeof(closing[0])))
		return 1;
	return strncmp(s, "\xE2\x80\x9C", 3) == 0 && closes_low_quote(b);
}

/* Whether punctuation token pc joins the word after it: @join "right" or
 * "both", else opening punctuation ("(" "[" "„" "“" "«" "¿" …). */
static int pc_joins_right(const struct bb *b, xmlNodePtr pc)
{
	static const char *const opening[] = {
		"(", "[", "{", "\xE2\x80\x9E", "\xE2\x80\x9A", "\xE2\x80\x9C", "\xE2\x80\x98",
		"\xC2\xAB", "\xC2\xBF", "\xC2\xA1",   /* „ ‚ “ ‘ « ¿ ¡ */
	};
	const char *s;
	int r = pc_join_attr(pc, "right");

	if (r >= 0)
		return r;
	if (!(s = pc_text(pc)) ||
	    !starts_with_any(s, opening, sizeof(opening) / sizeof(opening[0])))
		return 0;
	/* a "“" that closes an open "„" joins the word before it instead */
	return !(strncmp(s, "\xE2\x80\x9C", 3) == 0 && b && closes_low_quote(b));
}

/* The element before n among its siblings, text of spaces only and
 * comments passed over; NULL when there is other text between. */
static xmlNodePtr prev_token(xmlNodePtr n)
{
	const xmlChar *s;

	for (n = n->prev; n; n = n->prev) {
		if (n->type == XML_ELEMENT_NODE)
			return n;
		if (n->type != XML_TEXT_NODE)
			continue;
		for (s = n->content; s && *s; s++)
			if (!tei_is_space(*s))
				return NULL;
	}
	return NULL;
}

/* Tokens: a w after a w or a pc is a word of its own ("<w>a</w><w>b</w>"
 * is "a b"), except after opening punctuation; closing punctuation joins
 * the word before it. */
static void token_space(struct bb *b, xmlNodePtr n)
{
	xmlNodePtr p = prev_token(n);

	if (p && tei_is(p, EL_pc) && pc_joins_right(b, p))
		b->pending_space = 0;   /* <pc>(</pc> <w>zie</w> */
	else if (tei_is(n, EL_pc) && pc_joins_left(b, n))
		b->pending_space = 0;   /* <w>morgen</w> <pc>,</pc> */
	else if (p && (tei_is(p, EL_w) || tei_is(p, EL_pc)))
		b->pending_space = 1;
}

static enum tei_step enter_inline(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	(void)fr;
	if ((tei_is(n, EL_pc) || tei_is(n, EL_w)) && flat_top(f))
		token_space(flat_top(f), n);
	else if (tei_needs_word_break(n) && flat_top(f))
		flat_top(f)->pending_space = 1;
	return TEI_DESCEND;
}

static enum tei_step enter_span(struct flat *f, xmlNodePtr n, struct frame *fr);

static enum tei_step enter_block(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	enum block_kind kind;

	if (!block_kind_of(f, n, &kind)) {
		if (tei_is(n, EL_label) && tei_is(n->parent, EL_item))
			fr->action = FRAME_SPACE;   /* "a) eerste", not "a)eerste" */
		return tei_is(n, EL_stage) ? enter_span(f, n, fr) : enter_inline(f, n, fr);
	}
	if (kind != BLOCK_NOTE && flat_top(f) && flat_top(f)->is_note) {
		/* a note is one block: its paragraphs and lists run on */
		flat_top(f)->pending_space = 1;
		fr->action = FRAME_SPACE;
		return enter_inline(f, n, fr);
	}
	if (kind == BLOCK_NOTE && f->skip_notes)
		return TEI_SKIP;   /* a note in a title is not shown */
	open_block(f, n, kind);
	fr->action = FRAME_BLOCK;
	return TEI_DESCEND;
}

static enum tei_step enter_break(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	char *brk = tei_attr(n, "break");
	struct bb *b = flat_top(f);

	(void)fr;
	if (b && (!brk || strcmp(brk, "no") != 0))
		b->pending_space = 1;
	free(brk);
	return TEI_SKIP;
}

static enum tei_step enter_gap(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	(void)n;
	(void)fr;
	flat_add_text(f, "[\xE2\x80\xA6]", 5);   /* […] */
	return TEI_SKIP;
}

/* "[target]" in b, a link to target (owned, taken). */
static void add_pointer(struct bb *b, char *target)
{
	struct bb_span *s;

	if (b->pending_space && b->text.len > b->label_len)
		buf_addc(&b->text, ' ');
	b->pending_space = 0;
	s = bb_add_span(b, SPAN_LINK, b->text.len);
	buf_printf(&b->text, "[%s]", target);
	s->end = b->text.len;
	s->target = target;
}

/* A pointer: its target, shown as "[target]", is the link. */
static enum tei_step enter_ptr(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	char *target = tei_attr(n, "target");

	(void)fr;
	if (target && *target)
		add_pointer(flat_target(f), target);
	else
		free(target);
	return TEI_SKIP;
}

static enum tei_step enter_mention(struct flat *f, xmlNodePtr n, struct frame *fr);

/* Emphasis over the content, or a link to the target of a ref; a title
 * that points at a record (@ref, @key) is a mention of that work. */
static enum tei_step enter_span(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	struct bb *b;

	if (tei_is(n, EL_title) && (tei_has_attr(n, "ref") || tei_has_attr(n, "key")))
		return enter_mention(f, n, fr);

	enter_inline(f, n, fr);
	b = flat_target(f);
	fr->action = FRAME_SPAN;
	fr->bdepth = f->depth;
	fr->gen = b->gen;
	fr->tmpl.start = bb_span_start(b);
	fr->tmpl.kind = SPAN_EMPHASIS;
	if (tei_is(n, EL_ref)) {
		char *target = tei_attr(n, "target");

		fr->tmpl.kind = SPAN_LINK;
		if (target && *target)
			fr->tmpl.target = target;
		else
			free(target);
	}
	return TEI_DESCEND;
}

/* A cell after another one in its row: " | " between them. */
static enum tei_step enter_cell(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	xmlNodePtr p = n->prev;

	enter_inline(f, n, fr);
	while (p && p->type != XML_ELEMENT_NODE)
		p = p->prev;
	if (p && flat_top(f))
		flat_add_text(f, " | ", 3);
	return TEI_DESCEND;
}

/* ---- an edition's apparatus and divisions ---------------------------------- */

/* The lemma of an app runs on; leaving it adds the marker and the entry. */
static enum tei_step enter_app(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	enter_inline(f, n, fr);
	if (!f->skip_notes) {
		fr->action = FRAME_APP;
		fr->node = n;
	}
	return TEI_DESCEND;
}

/* The marker "°" after the lemma (in the open block; none outside any),
 * a link to a note block with the app's entry, numbered among the notes'
 * serials so that it follows the block it is in. */
static void close_app(struct flat *f, xmlNodePtr app)
{
	char *entry = apparatus_entry(app);
	char *label = xstrdup(APPARATUS_MARK " ");
	long none = -1;
	struct bb *b = flat_top(f), *note;
	unsigned serial = ++f->serials;

	if (!entry) {
		free(label);
		return;
	}
	if (b) {
		struct bb_span *sp = bb_add_span(b, SPAN_NOTEREF, b->text.len);

		buf_adds(&b->text, APPARATUS_MARK);
		sp->end = b->text.len;
		sp->note = serial;
	}
	note = flat_push(f, BLOCK_NOTE, 0, app);
	note->is_note = 1;
	note->serial = serial;
	bb_use_label(note, &label, &none);
	bb_add(note, entry, strlen(entry));
	flat_pop(f);
	free(entry);
}

/* A div with @n and no head: a heading of its own, "chapter 3". */
static enum tei_step enter_div(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	char *heading;
	struct bb *b;

	enter_inline(f, n, fr);
	if (tei_child(n, EL_head) || (heading = apparatus_div_heading(n)) == NULL)
		return TEI_DESCEND;
	open_block(f, n, BLOCK_HEADING);
	b = flat_top(f);
	b->level = count_ancestors(n, EL_div, f->text) + 1;
	bb_add(b, heading, strlen(heading));
	flat_pop(f);
	free(heading);
	return TEI_DESCEND;
}

/* ---- mentions ------------------------------------------------------------- */

struct mention_ctx {
	struct flat *f;
	struct bb *b;
	size_t start;
	const char *type;
	long first;
};

/* Records the entity a mention names.  Several references make several
 * spans over the same text. */
static void on_mention(void *ctx, long e, const char *tok)
{
	struct mention_ctx *m = ctx;

	if (e == -2)
		return;   /* dangling: grouped by name below */
	if (e == -1) {
		/* an external identifier: the URI is the entity's id */
		e = flatjob_entity(m->f->c, tok, m->type, NULL);
	}
	if (m->first < 0) {
		m->first = e;
	} else {
		struct bb_span *s = bb_add_span(m->b, SPAN_MENTION, m->start);

		s->end = (size_t)-1;   /* closed with the element */
		s->entity = e;
	}
}

/* The record a castList role stands for (caller frees), or NULL: its own
 * @ref, @corresp or @sameAs, its castItem's, else the id of either (such
 * a castItem or role is a record itself). */
static char *cast_ref(xmlNodePtr role)
{
	static const char *const attrs[] = { "ref", "corresp", "sameAs" };
	xmlNodePtr n = role;
	char *v = NULL, *id;
	size_t i;
	int k;

	for (k = 0; k < 2 && n; k++, n = tei_is(role->parent, EL_castItem) ? role->parent : NULL)
		for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
			v = tei_attr(n, attrs[i]);
			if (v && *v)
				return v;
			free(v);
		}
	for (k = 0, n = role; k < 2 && n; k++, n = tei_is(role->parent, EL_castItem) ? role->parent : NULL)
		if ((id = tei_attr(n, "id")) != NULL) {
			struct buf b = BUF_INIT;

			buf_printf(&b, "#%s", id);
			free(id);
			return buf_steal(&b);
		}
	return NULL;
}

/* The entity type a mention element names, or NULL (caller frees). */
static char *mention_type(xmlNodePtr n)
{
	char *t;

	if (tei_is(n, EL_role)) {
		/* a role of a castList is a mention when it names its record */
		int named;

		t = cast_ref(n);
		named = t != NULL;
		free(t);
		return named ? xstrdup("person") : NULL;
	}
	if (tei_is(n, EL_persName))
		return xstrdup("person");
	if (tei_is(n, EL_orgName))
		return xstrdup("org");
	if (tei_is(n, EL_placeName) || tei_is(n, EL_geogName) || tei_is(n, EL_settlement))
		return xstrdup("place");
	if (tei_is(n, EL_objectName))
		return xstrdup("object");
	if (tei_is(n, EL_title))
		return xstrdup("work");
	t = tei_attr(n, "type");   /* name, rs */
	if (t && (strcmp(t, "organisation") == 0 || strcmp(t, "organization") == 0)) {
		free(t);
		return xstrdup("org");
	}
	if (t && *t)
		return t;
	free(t);
	/* an rs or name without a type that points at a record */
	if (tei_has_attr(n, "ref") || tei_has_attr(n, "key"))
		return xstrdup("name");
	return NULL;
}

static enum tei_step enter_mention(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	struct mention_ctx m;
	char *ref, *type;

	enter_inline(f, n, fr);
	if ((type = mention_type(n)) == NULL)
		return TEI_DESCEND;
	memset(&m, 0, sizeof(m));
	m.f = f;
	m.b = flat_target(f);
	m.start = bb_span_start(m.b);
	m.type = type;
	m.first = -1;
	fr->first_span = m.b->nspans;
	ref = tei_is(n, EL_role) ? cast_ref(n) : tei_attr(n, "ref");
	if (!ref || !*ref) {
		free(ref);
		ref = tei_attr(n, "key");
	}
	if (ref && *ref)
		refs_resolve(f->c, f->file, xmlGetLineNo(n), ref, on_mention, &m);
	free(ref);
	fr->action = FRAME_MENTION;
	fr->bdepth = f->depth;
	fr->gen = m.b->gen;
	fr->tmpl.start = m.start;
	fr->tmpl.entity = m.first >= 0 ? m.first : -3;
	fr->type = type;
	return TEI_DESCEND;
}

/* Group mentions without a resolvable reference by type and name. */
static long unreferenced_entity(struct corpus *c, const char *type, const char *name)
{
	char *norm = entity_normalise(name);
	struct buf id = BUF_INIT;
	long e;

	buf_printf(&id, "%s:%s", type, norm);
	e = flatjob_entity(c, id.data, type, name);
	free(norm);
	buf_free(&id);
	return e;
}

static void close_mention(struct flat *f, struct bb *b, struct frame *fr)
{
	size_t end = b->text.len, i;
	char *name;

	for (i = fr->first_span; i < b->nspans; i++)
		if (b->spans[i].end == (size_t)-1)
			b->spans[i].end = end;
	if (end > fr->tmpl.start) {
		if (fr->tmpl.entity == -3) {
			name = xstrndup(b->text.data + fr->tmpl.start, end - fr->tmpl.start);
			fr->tmpl.entity = unreferenced_entity(f->c, fr->type, name);
			free(name);
		}
		if (fr->tmpl.entity >= 0) {
			struct bb_span *s = bb_add_span(b, SPAN_MENTION, fr->tmpl.start);

			s->end = end;
			s->entity = fr->tmpl.entity;
		}
	}
	/* drop extra-ref spans left empty */
	for (i = fr->first_span; i < b->nspans; ) {
		if (b->spans[i].end <= b->spans[i].start) {
			memmove(&b->spans[i], &b->spans[i + 1],
				(b->nspans - i - 1) * sizeof(*b->spans));
			b->nspans--;
		} else {
			i++;
		}
	}
}

static void close_span(struct bb *b, struct frame *fr)
{
	struct bb_span *s;

	if (b->text.len <= fr->tmpl.start) {
		/* an empty <ref target="…"/> shows its target, as a ptr does */
		if (fr->tmpl.kind == SPAN_LINK && fr->tmpl.target) {
			add_pointer(b, xstrdup(fr->tmpl.target));
		}
		return;
	}
	s = bb_add_span(b, fr->tmpl.kind, fr->tmpl.start);
	s->end = b->text.len;
	s->target = fr->tmpl.target;
	fr->tmpl.target = NULL;
}

/* ---- dispatch ------------------------------------------------------------- */

/* The handler of each role: the element table says which role is whose. */
static enum tei_step (*const enter_by_role[ROLE_COUNT])(struct flat *, xmlNodePtr,
							 struct frame *) = {
	[ROLE_INLINE] = enter_inline,
	[ROLE_BLOCK] = enter_block,
	[ROLE_BREAK] = enter_break,
	[ROLE_GAP] = enter_gap,
	[ROLE_PTR] = enter_ptr,
	[ROLE_MENTION] = enter_mention,
	[ROLE_SPAN] = enter_span,
	[ROLE_CELL] = enter_cell,
	[ROLE_APP] = enter_app,
	[ROLE_DIV] = enter_div,
};

enum tei_step element_enter(struct flat *f, xmlNodePtr n, struct frame *fr)
{
	return enter_by_role[tei_role(n)](f, n, fr);
}

void element_leave(struct flat *f, struct frame *fr)
{
	struct bb *b = fr->bdepth && fr->bdepth <= f->depth ? &f->stack[fr->bdepth - 1] : NULL;

	switch (fr->action) {
	case FRAME_BLOCK:
		flat_pop(f);
		break;
	case FRAME_SPACE:
		if (flat_top(f))
			flat_top(f)->pending_space = 1;
		break;
	case FRAME_SPAN:
	case FRAME_MENTION:
		/* a block split inside the span drops it */
		if (b && b->gen == fr->gen) {
			if (fr->action == FRAME_MENTION)
				close_mention(f, b, fr);
			else
				close_span(b, fr);
		}
		break;
	case FRAME_APP:
		close_app(f, fr->node);
		break;
	case FRAME_NONE:
		break;
	}
	free_const(fr->tmpl.target);
	free(fr->type);
}
