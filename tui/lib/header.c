/* header.c: metadata and header blocks from a document's teiHeader.
 *
 * A document's title block is made by the text walk (its names are
 * mentions); the lines after it ("Places: Emmen", "Hosts: …") are made
 * here, each name a mention of the entity its pointer resolves to. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "corpus_impl.h"
#include "entity.h"
#include "flatten.h"
#include "header.h"
#include "refs.h"
#include "tei.h"

/* ---- date and type -------------------------------------------------------- */

static int iso_date(const char *s, char *out)
{
	size_t i, n = strlen(s);

	/* YYYY, YYYY-MM or YYYY-MM-DD at the start, digits where digits go */
	if (n < 4)
		return 0;
	for (i = 0; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	n = 4;
	if (s[4] == '-' && isdigit((unsigned char)s[5]) && isdigit((unsigned char)s[6])) {
		n = 7;
		if (s[7] == '-' && isdigit((unsigned char)s[8]) && isdigit((unsigned char)s[9]))
			n = 10;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return 1;
}

/* The walk for the first date element with an ISO date. */
struct date_ctx {
	char out[11];
	int found;
};

static enum tei_step date_enter(void *ctx, xmlNodePtr n)
{
	static const char *const attrs[] = { "when", "when-iso", "from", "notBefore", NULL };
	struct date_ctx *d = ctx;
	size_t k;
	char *v;

	if (!tei_is(n, EL_date))
		return TEI_DESCEND;
	for (k = 0; attrs[k] && !d->found; k++) {
		v = tei_attr(n, attrs[k]);
		d->found = v && iso_date(v, d->out);
		free(v);
	}
	if (!d->found) {
		v = flatten_string(n);
		d->found = iso_date(v, d->out);
		free(v);
	}
	return d->found ? TEI_STOP : TEI_DESCEND;
}

/* The first YYYY-MM-DD or YYYY in a file name, or "". */
static char *file_date(const char *file)
{
	const char *base = strrchr(file, '/');
	char out[11];

	base = base ? base + 1 : file;
	for (; *base; base++)
		if (isdigit((unsigned char)*base) && (base == file || !isdigit((unsigned char)base[-1])) &&
		    iso_date(base, out) && (out[4] == '\0' || strlen(out) >= 7) &&
		    !isdigit((unsigned char)base[strlen(out)]))
			return xstrdup(out);
	return xstrdup("");
}

char *header_date(xmlNodePtr header, const char *file)
{
	/* where a document's own date is most likely to be, first */
	static const enum el places[] = { EL_creation, EL_publicationStmt, EL_sourceDesc,
					  EL_profileDesc, EL_teiHeader };
	static const struct tei_visitor v = { date_enter, NULL };
	struct date_ctx d;
	size_t i;

	memset(&d, 0, sizeof(d));
	for (i = 0; header && i < sizeof(places) / sizeof(places[0]); i++) {
		xmlNodePtr scope = places[i] == EL_teiHeader ? header : tei_find(header, places[i]);

		if (scope)
			tei_walk(scope, 1, &v, &d);
		if (d.found)
			return xstrdup(d.out);
	}
	return file_date(file);
}

/* The walk for the first texttype term or catRef. */
static enum tei_step type_enter(void *ctx, xmlNodePtr n)
{
	char **type = ctx;
	char *v;

	if (tei_is(n, EL_term)) {
		v = tei_attr(n, "type");
		if (v && (strcmp(v, "texttype") == 0 || strcmp(v, "genre") == 0 ||
			  strcmp(v, "type") == 0))
			*type = flatten_string(n);
		free(v);
	} else if (tei_is(n, EL_catRef)) {
		v = tei_attr(n, "target");
		if (v && *v) {
			const char *s = strrchr(v, '#');

			*type = xstrdup(s ? s + 1 : v);
		}
		free(v);
	}
	return *type ? TEI_STOP : TEI_DESCEND;
}

char *header_type(xmlNodePtr tei, xmlNodePtr header)
{
	static const struct tei_visitor v = { type_enter, NULL };
	xmlNodePtr text = tei_child(tei, EL_text);
	char *t = text ? tei_attr(text, "type") : NULL;

	if (t && *t)
		return t;
	free(t);
	t = NULL;
	if (header)
		tei_walk(header, 1, &v, &t);
	return t ? t : xstrdup("");
}

/* ---- header lines --------------------------------------------------------- */

/* A header line "Label: a, b, c" whose names are mentions. */
struct meta_line {
	struct bb b;
	int items;
};

static void meta_begin(struct meta_line *m, const char *label)
{
	memset(m, 0, sizeof(*m));
	m->b.kind = BLOCK_META;
	m->b.label_entity = -1;
	buf_printf(&m->b.text, "%s: ", label);
	m->b.label_len = m->b.text.len;
}

static void meta_item(struct meta_line *m, const char *name, long e, const char *note)
{
	size_t start;
	struct span *s;

	if (!name || !*name)
		return;
	if (m->items++)
		buf_adds(&m->b.text, ", ");
	start = m->b.text.len;
	buf_adds(&m->b.text, name);
	if (e >= 0) {
		s = bb_add_span(&m->b, SPAN_MENTION, start);
		s->end = m->b.text.len;
		s->entity = e;
	}
	if (note && *note)
		buf_printf(&m->b.text, " (%s)", note);
}

static void meta_end(struct flat *f, struct meta_line *m)
{
	if (m->items)
		flat_add_block(f, &m->b);
	bb_free(&m->b);
}

/* A line with one plain value. */
static void meta_value(struct flat *f, const char *label, const char *value)
{
	struct meta_line m;

	meta_begin(&m, label);
	meta_item(&m, value, -1, NULL);
	meta_end(f, &m);
}

static void on_pointer(void *ctx, long e, const char *tok)
{
	long *p = ctx;

	(void)tok;
	if (e >= 0 && *p < 0)
		*p = e;
}

/* The first entity one of n's pointer attributes resolves to, or -1. */
static long pointer_entity(struct flat *f, xmlNodePtr n)
{
	static const char *const ptr_attrs[] = { "sameAs", "ref", "key", "corresp", "who", NULL };
	long e = -1;
	size_t i;

	for (i = 0; ptr_attrs[i] && e < 0; i++) {
		char *v = tei_attr(n, ptr_attrs[i]);

		if (v && *v)
			refs_resolve(f->c, f->file, xmlGetLineNo(n), v, on_pointer, &e);
		free(v);
	}
	return e;
}

/* A participant or setting: the entity it points to and its name. */
static void meta_pointer(struct flat *f, struct meta_line *m, xmlNodePtr n, const char *note)
{
	xmlNodePtr name = NULL, k;
	long e = pointer_entity(f, n);
	char *text;

	for (k = n->children; k && !name; k = k->next)
		if (tei_flags(k) & F_NAME)
			name = k;
	if (e < 0 && name)
		e = pointer_entity(f, name);
	text = flatten_string(name ? name : n);
	if (!*text && e >= 0) {
		free(text);
		text = xstrdup(entity_get(f->c->ix, e)->name);
	}
	meta_item(m, text, e, note);
	free(text);
}

static void meta_authors(struct flat *f, xmlNodePtr header)
{
	struct meta_line m;
	xmlNodePtr n;

	meta_begin(&m, "Author");
	for (n = tei_child(tei_find(header, EL_titleStmt), EL_author); n; n = n->next)
		if (tei_is(n, EL_author))
			meta_pointer(f, &m, n, NULL);
	meta_end(f, &m);
}

struct places_ctx {
	struct flat *f;
	struct meta_line *m;
};

static enum tei_step places_enter(void *ctx, xmlNodePtr n)
{
	struct places_ctx *p = ctx;

	if (tei_is(n, EL_placeName) || (tei_is(n, EL_name) && tei_has_attr(n, "ref")))
		meta_pointer(p->f, p->m, n, NULL);
	return TEI_DESCEND;
}

static void meta_places(struct flat *f, xmlNodePtr header)
{
	static const struct tei_visitor v = { places_enter, NULL };
	xmlNodePtr setting = tei_find(header, EL_settingDesc);
	struct meta_line m;
	struct places_ctx p = { f, &m };

	meta_begin(&m, "Places");
	if (setting)
		tei_walk(setting, 1, &v, &p);
	meta_end(f, &m);
}

/* One line of particDesc: hosts, organisations, a delegation or
 * participants, from a list or a single org or person. */
static void meta_partic(struct flat *f, xmlNodePtr list)
{
	struct meta_line m;
	char *ltype = tei_attr(list, "type");
	int orgs = tei_is(list, EL_listOrg) || tei_is(list, EL_org);
	xmlNodePtr n;

	if (orgs)
		meta_begin(&m, ltype && strcmp(ltype, "hosts") == 0 ? "Hosts" : "Organisations");
	else
		meta_begin(&m, ltype && strcmp(ltype, "delegation") == 0 ? "Delegation"
									 : "Participants");
	if (tei_is(list, EL_org) || tei_is(list, EL_person)) {
		meta_pointer(f, &m, list, NULL);
	} else {
		for (n = list->children; n; n = n->next) {
			if (tei_is(n, EL_org) || tei_is(n, EL_person) || tei_is(n, EL_personGrp)) {
				char *role = tei_attr(n, "role");

				meta_pointer(f, &m, n, role);
				free(role);
			}
		}
	}
	meta_end(f, &m);
	free(ltype);
}

static void meta_source(struct flat *f, xmlNodePtr header)
{
	xmlNodePtr sd = tei_find(header, EL_sourceDesc);
	xmlNodePtr idno = sd ? tei_find(sd, EL_idno) : NULL;
	char *s = NULL;

	if (idno)
		s = flatten_string(idno);
	else if (sd && tei_child(sd, EL_bibl))
		s = flatten_string(tei_child(sd, EL_bibl));
	if (s && *s)
		meta_value(f, "Source", s);
	free(s);
}

void header_blocks(struct flat *f, xmlNodePtr header)
{
	xmlNodePtr partic, list;

	meta_value(f, "Date", f->d->pub.date);
	meta_value(f, "Type", f->d->pub.type);
	if (!header)
		return;
	meta_authors(f, header);
	meta_places(f, header);
	partic = tei_find(header, EL_particDesc);
	for (list = partic ? partic->children : NULL; list; list = list->next)
		if (tei_is(list, EL_listOrg) || tei_is(list, EL_listPerson) ||
		    tei_is(list, EL_org) || tei_is(list, EL_person))
			meta_partic(f, list);
	meta_source(f, header);
}

/* ---- the title ------------------------------------------------------------ */

/* The main title of the titleStmt: type "main" or none, else the first. */
static xmlNodePtr main_title(xmlNodePtr header)
{
	xmlNodePtr ts = header ? tei_find(header, EL_titleStmt) : NULL;
	xmlNodePtr title;

	for (title = tei_child(ts, EL_title); title; title = title->next) {
		char *type;
		int is_main;

		if (!tei_is(title, EL_title))
			continue;
		type = tei_attr(title, "type");
		is_main = !type || strcmp(type, "main") == 0;
		free(type);
		if (is_main)
			return title;
	}
	return tei_child(ts, EL_title);
}

void header_title(struct flat *f, xmlNodePtr header, const char *fallback)
{
	xmlNodePtr title = main_title(header);
	struct bb *b;

	if (title) {
		f->skip_notes = 1;
		flatten_text(f, title);   /* p-less content: an implicit block */
		f->skip_notes = 0;
		if (f->d->nblocks)
			f->d->blocks[0].kind = BLOCK_TITLE;
	}
	if (!f->d->nblocks) {
		b = flat_push(f, BLOCK_TITLE, 0, NULL);
		bb_add(b, fallback, strlen(fallback));
		flat_pop(f);
	}
	/* a title split by a note: one block is enough */
	while (f->d->nblocks > 1) {
		f->d->nblocks--;
		f->d->text.len = f->d->offsets[f->d->nblocks];
		free(f->d->spans[f->d->nblocks]);
	}
}
