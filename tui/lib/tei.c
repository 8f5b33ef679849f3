/* tei.c: the element table, small XML helpers and the one tree walker.
 *
 * The element table is made from TEI_ELEMENTS (tei.h).  Its names are
 * interned once, by tei_init, in the dictionary every parser shares, and
 * found again by the address of the interned name: a small open-addressing
 * table from pointer to element, filled by tei_init and only read after.
 * That is the loader's only file-scope state, and it is read-only while
 * any corpus loads. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tei.h"

#define EL_NAME(n, f, r) #n,
#define EL_FLAGS(n, f, r) (f),
#define EL_ROLE(n, f, r) (r),
static const char *const el_strings[EL_COUNT] = { "", TEI_ELEMENTS(EL_NAME) };
static const unsigned char el_flags[EL_COUNT] = { 0, TEI_ELEMENTS(EL_FLAGS) };
static const unsigned char el_roles[EL_COUNT] = { ROLE_INLINE, TEI_ELEMENTS(EL_ROLE) };

/* Filled by tei_init, read-only afterwards (see tei.h). */
#define EL_HASH_SIZE 1024
static xmlDictPtr names;
static const xmlChar *el_ptr[EL_COUNT];
static unsigned char el_hash[EL_HASH_SIZE];

static size_t el_slot(const xmlChar *p)
{
	return ((size_t)(uintptr_t)p >> 4) & (EL_HASH_SIZE - 1);
}

void tei_init(void)
{
	size_t i, h;

	if (names)
		return;
	names = xmlDictCreate();
	if (!names)
		die("out of memory");
	memset(el_hash, 0, sizeof(el_hash));
	for (i = 1; i < EL_COUNT; i++) {
		el_ptr[i] = xmlDictLookup(names, (const xmlChar *)el_strings[i], -1);
		for (h = el_slot(el_ptr[i]); el_hash[h]; h = (h + 1) & (EL_HASH_SIZE - 1))
			;
		el_hash[h] = (unsigned char)i;
	}
}

void tei_cleanup(void)
{
	xmlDictFree(names);
	names = NULL;
}

xmlDictPtr tei_names(void)
{
	return names;
}

enum el tei_el(xmlNodePtr n)
{
	size_t h;

	if (!n || n->type != XML_ELEMENT_NODE)
		return EL_NONE;
	for (h = el_slot(n->name); el_hash[h]; h = (h + 1) & (EL_HASH_SIZE - 1))
		if (el_ptr[el_hash[h]] == n->name)
			return (enum el)el_hash[h];
	return EL_NONE;
}

int tei_is(xmlNodePtr n, enum el e)
{
	return n && n->type == XML_ELEMENT_NODE && n->name == el_ptr[e];
}

unsigned tei_flags(xmlNodePtr n)
{
	return el_flags[tei_el(n)];
}

enum text_role tei_role(xmlNodePtr n)
{
	return (enum text_role)el_roles[tei_el(n)];
}

char *tei_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	for (a = n->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, name) == 0) {
			xmlChar *v;
			char *s;

			/* the usual attribute is one text node: no need to join */
			if (a->children && !a->children->next &&
			    a->children->type == XML_TEXT_NODE && a->children->content)
				return xstrdup((const char *)a->children->content);
			v = xmlNodeListGetString(n->doc, a->children, 1);
			s = xstrdup(v ? (const char *)v : "");
			xmlFree(v);
			return s;
		}
	}
	return NULL;
}

int tei_has_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	for (a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0)
			return 1;
	return 0;
}

xmlNodePtr tei_child(xmlNodePtr n, enum el e)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (tei_is(n, e))
			return n;
	return NULL;
}

struct find_ctx {
	enum el want;
	xmlNodePtr found;
};

static enum tei_step find_enter(void *ctx, xmlNodePtr n)
{
	struct find_ctx *f = ctx;

	if (!tei_is(n, f->want))
		return TEI_DESCEND;
	f->found = n;
	return TEI_STOP;
}

xmlNodePtr tei_find(xmlNodePtr top, enum el e)
{
	static const struct tei_visitor v = { find_enter, NULL };
	struct find_ctx f = { e, NULL };

	if (top)
		tei_walk(top, 1, &v, &f);
	return f.found;
}

/* Which element of a choice (or app, subst) is shown: corr, reg, expan,
 * lem, add, else the first element. */
static xmlNodePtr chosen_reading(xmlNodePtr choice)
{
	static const enum el prefer[] = { EL_corr, EL_reg, EL_expan, EL_lem, EL_add };
	xmlNodePtr n;
	size_t i;

	for (i = 0; i < sizeof(prefer) / sizeof(prefer[0]); i++)
		for (n = choice->children; n; n = n->next)
			if (tei_is(n, prefer[i]))
				return n;
	for (n = choice->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static int parent_is_choice(xmlNodePtr n)
{
	xmlNodePtr p = n->parent;

	return p && (tei_is(p, EL_choice) || tei_is(p, EL_app) || tei_is(p, EL_subst));
}

int tei_is_skipped(xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (parent_is_choice(n) && n != chosen_reading(n->parent))
		return 1;
	return (tei_flags(n) & F_SKIP) != 0;
}

int tei_needs_word_break(xmlNodePtr n)
{
	xmlNodePtr p = n->prev;

	while (p && (p->type == XML_COMMENT_NODE || p->type == XML_PI_NODE))
		p = p->prev;
	return p && p->type == XML_ELEMENT_NODE && (tei_flags(n) & F_PART) &&
	       (tei_flags(p) & F_PART);
}

/* After n and everything below it: the next node, leaving every element
 * climbed out of, or NULL at the end of the walk. */
static xmlNodePtr walk_next(xmlNodePtr n, xmlNodePtr top, int with_top,
			    const struct tei_visitor *v, void *ctx)
{
	for (;;) {
		if (n == top)
			return NULL;
		if (n->next)
			return n->next;
		n = n->parent;
		if (!n || (n == top && !with_top))
			return NULL;
		if (v->leave)
			v->leave(ctx, n);
	}
}

void tei_walk(xmlNodePtr top, int with_top, const struct tei_visitor *v, void *ctx)
{
	xmlNodePtr n = with_top ? top : top->children;

	while (n) {
		enum tei_step step = v->enter(ctx, n);

		if (step == TEI_STOP)
			return;
		if (step == TEI_DESCEND && n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		if (step == TEI_DESCEND && v->leave && n->type == XML_ELEMENT_NODE)
			v->leave(ctx, n);
		n = walk_next(n, top, with_top, v, ctx);
	}
}
