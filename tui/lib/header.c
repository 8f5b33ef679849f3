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

/* The ISO date at the start of s (YYYY, YYYY-MM or YYYY-MM-DD, a year of
 * four digits) into out[11]; 0 when s does not start with one. */
static int iso_date(const char *s, char *out)
{
	size_t i, n;

	if (!s)
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

/* One date element read: its sort key and how it is shown. */
struct date_value {
	char iso[11];             /* the earliest date it says, "" when none */
	struct buf shown;         /* "1890-01-31", "1890-01-31 to 1890-02-02" … */
};

/* The first ISO value among a date's attributes with these names. */
static int date_attr(xmlNodePtr n, const char *const *names, char *out)
{
	int found = 0;
	char *v;

	for (; *names && !found; names++) {
		v = tei_attr(n, *names);
		found = iso_date(v, out);
		free(v);
	}
	return found;
}

/* Whether the encoder says the date is a guess. */
static int date_is_approximate(xmlNodePtr n)
{
	static const char *const attrs[] = { "cert", "evidence", "precision", NULL };
	static const char *const guesses[] = { "low", "medium", "unknown", "conjecture",
					       NULL };
	int approx = 0;
	size_t a, g;

	for (a = 0; attrs[a] && !approx; a++) {
		char *v = tei_attr(n, attrs[a]);

		for (g = 0; v && guesses[g] && !approx; g++)
			approx = strcmp(v, guesses[g]) == 0;
		free(v);
	}
	return approx;
}

/* Reads one date element: @when, a range (@from/@to), bounds
 * (@notBefore/@notAfter), else an ISO date at the start of its text. */
static int read_date(xmlNodePtr n, struct date_value *d)
{
	static const char *const when[] = { "when", "when-iso", NULL };
	static const char *const from[] = { "from", "from-iso", NULL };
	static const char *const to[] = { "to", "to-iso", NULL };
	static const char *const after[] = { "notBefore", "notBefore-iso", NULL };
	static const char *const before[] = { "notAfter", "notAfter-iso", NULL };
	char a[11], b[11];
	int range, has_a, has_b;

	buf_reset(&d->shown);
	if (date_attr(n, when, a)) {
		buf_adds(&d->shown, a);
		goto done;
	}
	has_a = date_attr(n, from, a);
	has_b = date_attr(n, to, b);
	range = has_a || has_b;
	if (!range) {
		has_a = date_attr(n, after, a);
		has_b = date_attr(n, before, b);
	}
	if (has_a && has_b) {
		buf_printf(&d->shown, "%s to %s", a, b);
	} else if (has_a) {
		buf_printf(&d->shown, range ? "from %s" : "not before %s", a);
	} else if (has_b) {
		buf_printf(&d->shown, range ? "until %s" : "not after %s", b);
		memcpy(a, b, sizeof(a));
	} else {
		char *text = flatten_string(n);
		int ok = iso_date(text, a);

		free(text);
		if (!ok)
			return 0;
		buf_adds(&d->shown, a);
	}
done:
	memcpy(d->iso, a, sizeof(d->iso));
	if (date_is_approximate(n))
		buf_adds(&d->shown, " (approximate)");
	return 1;
}

/* Where a document's own date is, best first (issue 11): a step is a
 * place to look, given as the element it is in; a filter on that element
 * narrows it ("correspAction" of type "sent"). */
struct date_place {
	enum el scope;            /* looked for below the header, or the TEI */
	int beside_header;        /* scope is a sibling of the teiHeader */
	enum el holder;           /* the element a date must be in, or EL_NONE */
	const char *attr, *value; /* the holder's attribute filter, or NULL */
};

static const struct date_place date_places[] = {
	{ EL_correspDesc, 0, EL_correspAction, "type", "sent" },
	{ EL_creation, 0, EL_NONE, NULL, NULL },
	{ EL_settingDesc, 0, EL_NONE, NULL, NULL },
	{ EL_standOff, 1, EL_event, "type", "written" },
	{ EL_sourceDesc, 0, EL_bibl, NULL, NULL },
	{ EL_sourceDesc, 0, EL_biblStruct, NULL, NULL },
	{ EL_standOff, 1, EL_event, "type", "print" },
	{ EL_standOff, 1, EL_event, "type", "premiere" },
	{ EL_publicationStmt, 0, EL_NONE, NULL, NULL },
	{ EL_sourceDesc, 0, EL_NONE, NULL, NULL },
	{ EL_profileDesc, 0, EL_NONE, NULL, NULL },
};

struct date_ctx {
	const struct date_place *place;
	xmlNodePtr scope;
	struct date_value *value;
	int found;
};

/* Whether a holder element passes the place's filter. */
static int holder_passes(const struct date_place *pl, xmlNodePtr holder)
{
	char *v;
	int pass;

	if (!pl->attr)
		return 1;
	v = tei_attr(holder, pl->attr);
	pass = v && strcmp(v, pl->value) == 0;
	free(v);
	return pass;
}

/* Whether n is in (or is) a holder, below the scope. */
static int in_holder(const struct date_place *pl, xmlNodePtr n, xmlNodePtr scope)
{
	if (pl->holder == EL_NONE)
		return 1;
	for (; n && n != scope; n = n->parent)
		if (tei_is(n, pl->holder))
			return 1;
	return 0;
}

static enum tei_step date_enter(void *ctx, xmlNodePtr n)
{
	struct date_ctx *d = ctx;
	const struct date_place *pl = d->place;

	if (n->type != XML_ELEMENT_NODE)
		return TEI_SKIP;
	if (pl->holder != EL_NONE && tei_is(n, pl->holder) && !holder_passes(pl, n))
		return TEI_SKIP;   /* a received, not a sent correspAction */
	if ((tei_is(n, EL_date) || (pl->holder == EL_event && tei_is(n, EL_event))) &&
	    in_holder(pl, n, d->scope) && read_date(n, d->value)) {
		d->found = 1;
		return TEI_STOP;
	}
	return TEI_DESCEND;
}

/* The first YYYY-MM-DD or YYYY in a file name, or "". */
static void file_date(const char *file, struct date_value *v)
{
	const char *base = strrchr(file, '/');
	char out[11];

	base = base ? base + 1 : file;
	for (; *base; base++)
		if (isdigit((unsigned char)*base) && (base == file || !isdigit((unsigned char)base[-1])) &&
		    iso_date(base, out) && (out[4] == '\0' || strlen(out) >= 7) &&
		    !isdigit((unsigned char)base[strlen(out)])) {
			memcpy(v->iso, out, sizeof(v->iso));
			buf_adds(&v->shown, out);
			return;
		}
}

char *header_date(xmlNodePtr header, const char *file, char **shown)
{
	static const struct tei_visitor visit = { date_enter, NULL };
	struct date_value v;
	struct date_ctx d;
	size_t i;

	memset(&v, 0, sizeof(v));
	memset(&d, 0, sizeof(d));
	d.value = &v;
	for (i = 0; header && i < sizeof(date_places) / sizeof(date_places[0]) && !d.found; i++) {
		d.place = &date_places[i];
		d.scope = d.place->beside_header ? tei_child(header->parent, d.place->scope)
						  : tei_find(header, d.place->scope);
		if (d.scope)
			tei_walk(d.scope, 0, &visit, &d);
	}
	if (!d.found)
		file_date(file, &v);
	*shown = v.shown.data ? buf_steal(&v.shown) : xstrdup("");
	return xstrdup(v.iso);
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
	struct bb_span *s;

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

/* ---- letters ------------------------------------------------------------- */

static const struct {
	const char *type, *label;
} corresp_labels[] = {
	{ "sent", "From" }, { "received", "To" }, { "forwarded", "Forwarded" },
	{ "redirected", "Redirected" }, { "transmitted", "Transmitted" },
};

static const char *corresp_label(const char *type)
{
	size_t i;

	for (i = 0; type && i < sizeof(corresp_labels) / sizeof(corresp_labels[0]); i++)
		if (strcmp(type, corresp_labels[i].type) == 0)
			return corresp_labels[i].label;
	return "Correspondence";
}

/* Who a correspAction names first, for telling letters apart. */
static void corresp_party(struct buf *out, const char *type, xmlNodePtr action)
{
	xmlNodePtr n;
	char *name;

	if (!type || (strcmp(type, "sent") != 0 && strcmp(type, "received") != 0))
		return;
	for (n = action->children; n; n = n->next)
		if (tei_is(n, EL_persName) || tei_is(n, EL_orgName) || tei_is(n, EL_name))
			break;
	name = n ? flatten_string(n) : NULL;
	if (name && *name) {
		if (strcmp(type, "received") == 0)
			buf_adds(out, out->len ? " \xE2\x86\x92 " : "\xE2\x86\x92 ");   /* → */
		else if (out->len)
			buf_reset(out);
		buf_adds(out, name);
	}
	free(name);
}

/* "From: Sender, Place, 1890-01-31": the names and places are mentions. */
static void meta_corresp_action(struct flat *f, xmlNodePtr action, struct buf *parties)
{
	struct meta_line m;
	char *type = tei_attr(action, "type");
	xmlNodePtr n;

	meta_begin(&m, corresp_label(type));
	if (type && strcmp(type, "sent") == 0)
		m.b.corresp = CORRESP_SENT;
	else if (type && strcmp(type, "received") == 0)
		m.b.corresp = CORRESP_RECEIVED;
	for (n = action->children; n; n = n->next) {
		if (tei_flags(n) & F_NAME) {
			meta_pointer(f, &m, n, NULL);
		} else if (tei_is(n, EL_date)) {
			struct date_value v;

			memset(&v, 0, sizeof(v));
			if (read_date(n, &v))
				meta_item(&m, v.shown.data, -1, NULL);
			else {
				char *text = flatten_string(n);

				meta_item(&m, text, -1, NULL);
				free(text);
			}
			buf_free(&v.shown);
		}
	}
	meta_end(f, &m);
	corresp_party(parties, type, action);
	free(type);
}

static void meta_corresp(struct flat *f, xmlNodePtr header)
{
	xmlNodePtr cd = tei_find(header, EL_correspDesc), n;
	struct buf parties = BUF_INIT;

	for (n = cd ? cd->children : NULL; n; n = n->next)
		if (tei_is(n, EL_correspAction))
			meta_corresp_action(f, n, &parties);
	if (parties.len) {
		free(f->d->tell_apart);
		f->d->tell_apart = buf_steal(&parties);
	}
	buf_free(&parties);
}

void header_blocks(struct flat *f, xmlNodePtr header)
{
	xmlNodePtr partic, list;

	meta_value(f, "Date", f->d->date_shown);
	meta_value(f, "Type", f->d->pub.type);
	if (!header)
		return;
	meta_corresp(f, header);
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

/* How well a title of the titleStmt names this document, 0 best: the
 * main title or an analytic one (a letter's own), then one that says
 * nothing, a monograph's, any other, and a series or journal title last. */
static int title_rank(xmlNodePtr title)
{
	static const struct {
		const char *attr, *value;
		int rank;
	} ranks[] = {
		{ "type", "main", 0 }, { "level", "a", 1 }, { "level", "m", 3 },
		{ "level", "s", 5 }, { "level", "j", 5 }, { "type", "sub", 6 },
		{ "type", "desc", 6 }, { "type", "iso-date", 7 },
	};
	size_t i;
	int rank = -1;

	for (i = 0; i < sizeof(ranks) / sizeof(ranks[0]) && rank < 0; i++) {
		char *v = tei_attr(title, ranks[i].attr);

		if (v && strcmp(v, ranks[i].value) == 0)
			rank = ranks[i].rank;
		free(v);
	}
	if (rank >= 0)
		return rank;
	return tei_has_attr(title, "type") || tei_has_attr(title, "level") ? 4 : 2;
}

/* The document's own title in the titleStmt: the best ranked, the first
 * of equals. */
static xmlNodePtr main_title(xmlNodePtr header)
{
	xmlNodePtr ts = header ? tei_find(header, EL_titleStmt) : NULL;
	xmlNodePtr title, best = NULL;
	int best_rank = 99;

	for (title = tei_child(ts, EL_title); title; title = title->next) {
		int r;

		if (!tei_is(title, EL_title))
			continue;
		r = title_rank(title);
		if (r < best_rank) {
			best = title;
			best_rank = r;
		}
	}
	return best;
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
	while (f->d->nblocks > 1)
		flat_drop_last_block(f);
}
