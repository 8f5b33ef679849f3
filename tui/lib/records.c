/* records.c: pass 1, the authority records of every file.
 *
 * A record's names, description, notes and affiliations go to the entity index;
 * a record whose id another file's different record holds is kept under
 * "file#id"; a record without an id is numbered per corpus ("person-3").
 * Relations and affiliations are kept until every record is known. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus_impl.h"
#include "diag.h"
#include "entity.h"
#include "flatten.h"
#include "idtab.h"
#include "records.h"
#include "refs.h"
#include "tei.h"

#define TEI_NS "http://www.tei-c.org/ns/1.0"

/* Whether n is in a namespace other than TEI's (no namespace counts as
 * TEI: older files have none). */
static int foreign_ns(xmlNodePtr n)
{
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, TEI_NS) != 0;
}

/* A list of records: listPerson, listBibl, listObject … */
static int is_list(xmlNodePtr n)
{
	return n && n->type == XML_ELEMENT_NODE && !foreign_ns(n) &&
	       strncmp((const char *)n->name, "list", 4) == 0;
}

/* Whether every name of a record without an id points at a record of its
 * own: "<person><persName key="pmb13274">…</persName></person>" in an
 * event's list is a reference to that person, not a new one. */
static int names_point_elsewhere(xmlNodePtr rec)
{
	xmlNodePtr n;
	int names = 0;

	for (n = rec->children; n; n = n->next) {
		if (!(tei_flags(n) & F_NAME) && !tei_is(n, EL_title))
			continue;
		if (!tei_has_attr(n, "ref") && !tei_has_attr(n, "key"))
			return 0;
		names++;
	}
	return names > 0;
}

/* The entity type a record element makes, or NULL when n is no record:
 * person, org, place, event, object …; bibl and biblStruct with an id in
 * a list are works; castItem and role with an id are persons (the
 * characters of a play); an element of another namespace with an id in a
 * TEI list is a record of its own kind ("ed:artwork": "artwork"). */
static const char *record_type(xmlNodePtr n)
{
	int has_id = tei_has_attr(n, "id");

	if (n->type != XML_ELEMENT_NODE)
		return NULL;
	if (foreign_ns(n))
		return has_id && is_list(n->parent) ? (const char *)n->name : NULL;
	if (tei_flags(n) & F_RECORD) {
		/* a pointer to a record (particDesc, an event's list) is not one */
		if (!has_id && (tei_has_attr(n, "sameAs") || tei_has_attr(n, "ref") ||
				tei_has_attr(n, "corresp") || names_point_elsewhere(n)))
			return NULL;
		return (const char *)n->name;
	}
	if (!has_id)
		return NULL;
	if ((tei_is(n, EL_bibl) || tei_is(n, EL_biblStruct)) && is_list(n->parent))
		return "work";
	if (tei_is(n, EL_castItem) || tei_is(n, EL_role))
		return "person";
	return NULL;
}

static int is_record(xmlNodePtr n)
{
	return record_type(n) != NULL;
}

struct record {
	char *id;
	const char *type;
	char **names;
	size_t nnames, capnames;
	struct buf desc;
};

static void record_free(struct record *r)
{
	size_t i;

	free(r->id);
	for (i = 0; i < r->nnames; i++)
		free(r->names[i]);
	free(r->names);
	buf_free(&r->desc);
}

static void record_desc(struct record *r, const char *s)
{
	if (!s || !*s)
		return;
	if (r->desc.len)
		buf_adds(&r->desc, "; ");
	buf_adds(&r->desc, s);
}

/* Whether r is the record e already is: the same type, and a name in
 * common (or one of them has none). */
static int same_record(struct corpus *c, long e, const struct record *r)
{
	const struct entity *old = entity_get(c->ix, e);
	int same = strcmp(old->type, r->type) == 0;
	size_t k;

	if (same && r->nnames && entity_has_name(c->ix, e, NULL)) {
		same = 0;
		for (k = 0; k < r->nnames && !same; k++)
			same = entity_has_name(c->ix, e, r->names[k]);
	}
	return same;
}

/* Another record with a taken id: kept as "file#id", found by its id
 * from its own file. */
static long store_apart(struct corpus *c, size_t file, const struct record *r)
{
	struct buf q = BUF_INIT;
	const char *base = strrchr(c->files[file].path, '/');
	long e;

	buf_printf(&q, "%s#%s", base ? base + 1 : c->files[file].path, r->id);
	e = entity_find(c->ix, q.data);
	if (e < 0)
		e = entity_add(c->ix, q.data, r->type);
	c->locals = xgrow(c->locals, &c->caplocals, c->nlocals + 1, sizeof(*c->locals));
	buf_reset(&q);
	buf_printf(&q, "%zu#%s", file, r->id);
	c->locals[c->nlocals].key = buf_steal(&q);
	c->locals[c->nlocals].entity = e;
	idtab_put(&c->local_ids, c->locals[c->nlocals].key, c->nlocals);
	c->nlocals++;
	return e;
}

static void set_source(struct corpus *c, size_t file, long e, long line)
{
	struct buf s = BUF_INIT;
	const char *real = c->files[file].real ? c->files[file].real : c->files[file].path;
	size_t n = strlen(c->root_dir);

	/* shown relative to the corpus root: "register.xml:18" */
	if (strncmp(real, c->root_dir, n) == 0 && real[n] == '/')
		real += n + 1;
	buf_printf(&s, "%s:%ld", real, line);
	entity_set_source(c->ix, e, s.data);
	buf_free(&s);
}

static long record_store(struct corpus *c, size_t file, struct record *r, long line)
{
	long e = entity_find(c->ix, r->id);
	size_t i;

	if (e < 0)
		e = entity_add(c->ix, r->id, r->type);
	else if (!same_record(c, e, r))
		e = store_apart(c, file, r);
	set_source(c, file, e, line);
	for (i = 0; i < r->nnames; i++)
		entity_add_name(c->ix, e, r->names[i]);
	if (r->desc.len)
		entity_add_desc(c->ix, e, r->desc.data);
	return e;
}

static void add_pending_rel(struct corpus *c, size_t file, long line, const char *name,
			    char *role, char *active, char *passive, char *mutual, long from)
{
	struct pending_rel *p;

	c->rels = xgrow(c->rels, &c->caprels, c->nrels + 1, sizeof(*c->rels));
	p = &c->rels[c->nrels++];
	p->file = file;
	p->line = line;
	p->name = xstrdup(name);
	p->role = role;
	p->active = active;
	p->passive = passive;
	p->mutual = mutual;
	p->from = from;
}

/* Children that name a record beyond TEI's names: a title in the
 * analytic or monographic part of a biblStruct, and any "…Name" or
 * "title" element of a record in another namespace. */
static int record_is_named_by(xmlNodePtr rec, xmlNodePtr n)
{
	const char *name = (const char *)n->name;
	size_t len = strlen(name);

	if (!foreign_ns(rec) || n->type != XML_ELEMENT_NODE)
		return 0;
	return strcmp(name, "title") == 0 || strcmp(name, "name") == 0 ||
	       (len > 4 && strcmp(name + len - 4, "Name") == 0);
}

/* The names of a biblStruct: the titles of its analytic and monogr. */
static void read_struct_titles(struct record *r, xmlNodePtr rec)
{
	xmlNodePtr part, t;

	for (part = rec->children; part; part = part->next)
		for (t = part->type == XML_ELEMENT_NODE ? tei_child(part, EL_title) : NULL; t;
		     t = t->next)
			if (tei_is(t, EL_title)) {
				char *s = flatten_string(t);

				if (*s) {
					r->names = xgrow(r->names, &r->capnames, r->nnames + 1,
							 sizeof(char *));
					r->names[r->nnames++] = s;
				} else {
					free(s);
				}
			}
}

/* A record's names and description, from its child elements (its notes
 * are read by read_record, each kept apart). */
static void read_names(struct record *r, xmlNodePtr rec)
{
	xmlNodePtr n;
	char *s;

	for (n = rec->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || is_record(n))
			continue;
		if ((tei_flags(n) & F_NAME) || tei_is(n, EL_forename) || tei_is(n, EL_surname) ||
		    tei_is(n, EL_title) || tei_is(n, EL_role) || record_is_named_by(rec, n)) {
			s = flatten_string(n);
			if (*s && !strstr(s, "://")) {   /* an address is not a name */
				r->names = xgrow(r->names, &r->capnames, r->nnames + 1,
						 sizeof(char *));
				r->names[r->nnames++] = s;
			} else {
				free(s);
			}
		} else if (tei_flags(n) & F_DESC) {
			s = flatten_string(n);
			record_desc(r, s);
			free(s);
		}
	}
}

/* An affiliation: a relation to the org it names, else a description. */
static void read_affiliation(struct corpus *c, size_t file, long e, xmlNodePtr n)
{
	char *ref = tei_attr(n, "ref");
	char *role = tei_attr(n, "role");
	char *text = flatten_string(n);

	if (!role || !*role) {
		free(role);
		role = *text ? xstrdup(text) : NULL;
	}
	if (*text && (!ref || !*ref))
		entity_add_desc(c->ix, e, text);
	if (ref && *ref) {
		add_pending_rel(c, file, xmlGetLineNo(n), "affiliation", role, NULL, ref, NULL, e);
	} else {
		free(ref);
		free(role);
	}
	free(text);
}

/* Reads one record element: its names, description and affiliations.
 * Nested records are read on their own by the walk. */
static void read_record(struct corpus *c, size_t file, xmlNodePtr rec, long parent)
{
	struct record r;
	xmlNodePtr n;
	long e;
	char *id = tei_attr(rec, "id");

	memset(&r, 0, sizeof(r));
	r.type = record_type(rec);
	if (id && *id) {
		r.id = id;
	} else {
		struct buf b = BUF_INIT;

		free(id);
		buf_printf(&b, "%s-%u", r.type, ++c->anon);
		r.id = buf_steal(&b);
	}
	read_names(&r, rec);
	if (tei_is(rec, EL_biblStruct))
		read_struct_titles(&r, rec);
	if (!r.nnames && tei_is(rec, EL_object) && tei_find(rec, EL_objectName)) {
		r.names = xgrow(r.names, &r.capnames, 1, sizeof(char *));
		r.names[r.nnames++] = flatten_string(tei_find(rec, EL_objectName));
	}
	if (!r.nnames && tei_is(rec, EL_role)) {
		r.names = xgrow(r.names, &r.capnames, 1, sizeof(char *));
		r.names[r.nnames++] = flatten_string(rec);
	}
	e = record_store(c, file, &r, xmlGetLineNo(rec));
	record_free(&r);
	for (n = rec->children; n; n = n->next) {
		if (tei_is(n, EL_affiliation))
			read_affiliation(c, file, e, n);
		if (tei_is(n, EL_note)) {
			char *s = flatten_string(n);

			entity_add_note(c->ix, e, s);
			free(s);
		}
	}
	if (parent >= 0)
		entity_add_relation(c->ix, e, parent, "partOf", NULL, 0);
}

static void read_prefix_def(struct corpus *c, size_t file, xmlNodePtr n)
{
	struct file_rec *f = &c->files[file];
	char *ident = tei_attr(n, "ident");
	char *match = tei_attr(n, "matchPattern");
	char *repl = tei_attr(n, "replacementPattern");
	struct prefix_def *p;

	if (!ident || !match || !repl) {
		diag_add(c, file, xmlGetLineNo(n), 1, 0,
			 "prefixDef needs ident, matchPattern and replacementPattern");
		goto out;
	}
	f->prefixes = xgrow(f->prefixes, &f->capprefixes, f->nprefixes + 1, sizeof(*p));
	p = &f->prefixes[f->nprefixes];
	/* the pattern as written (its groups are $1 …); the caller checks
	 * that a match covers the whole reference */
	if (regcomp(&p->re, match, REG_EXTENDED) != 0) {
		diag_add_at(c, file, xmlGetLineNo(n), match, 0,
			    "prefixDef '%s': matchPattern is not a valid regular expression",
			    ident);
		goto out;
	}
	p->ident = ident;
	p->replacement = repl;
	f->nprefixes++;
	ident = repl = NULL;
out:
	free(ident);
	free(match);
	free(repl);
}

static void read_relation(struct corpus *c, size_t file, xmlNodePtr n)
{
	char *name = tei_attr(n, "name");

	if (!name || !*name) {
		free(name);
		name = tei_attr(n, "type");
	}
	if (!name || !*name) {
		free(name);
		name = tei_attr(n, "ref");
	}
	add_pending_rel(c, file, xmlGetLineNo(n), name && *name ? name : "related", NULL,
			tei_attr(n, "active"), tei_attr(n, "passive"), tei_attr(n, "mutual"), -1);
	free(name);
}

/* The record n is part of (a place in a place), or -1. */
static long parent_record(struct corpus *c, size_t file, xmlNodePtr n)
{
	xmlNodePtr p, stop = c->files[file].root->parent;
	long parent = -1;
	char *pid;

	for (p = n->parent; p && p != stop; p = p->parent) {
		if (p->type == XML_ELEMENT_NODE && is_record(p) &&
		    strcmp((const char *)p->name, (const char *)n->name) == 0) {
			pid = tei_attr(p, "id");
			if (pid)
				parent = refs_find_id(c, file, pid);
			free(pid);
			break;
		}
	}
	return parent;
}

/* A record that only points at others ("<org role="organised by">
 * <orgName key="pmb35053">…</orgName></org>" in an event): a relation of
 * the record it stands in to each record it names, by its role. */
static void read_pointer_record(struct corpus *c, size_t file, xmlNodePtr n)
{
	xmlNodePtr p, name;
	long from = -1;
	char *role = tei_attr(n, "role");

	for (p = n->parent; p && from < 0 && p != c->files[file].root->parent; p = p->parent) {
		char *id = is_record(p) ? tei_attr(p, "id") : NULL;

		if (id)
			from = refs_find_id(c, file, id);
		free(id);
	}
	for (name = n->children; from >= 0 && name; name = name->next) {
		char *ref;

		if (!(tei_flags(name) & F_NAME) && !tei_is(name, EL_title))
			continue;
		ref = tei_attr(name, "ref");
		if (!ref)
			ref = tei_attr(name, "key");
		add_pending_rel(c, file, xmlGetLineNo(name), role && *role ? role : "related",
				NULL, NULL, ref, NULL, from);
	}
	free(role);
}

struct collect_ctx {
	struct corpus *c;
	size_t file;
};

static enum tei_step collect_enter(void *ctx, xmlNodePtr n)
{
	struct collect_ctx *w = ctx;

	if (n->type != XML_ELEMENT_NODE)
		return TEI_DESCEND;
	if (is_record(n)) {
		read_record(w->c, w->file, n, parent_record(w->c, w->file, n));
		return TEI_DESCEND;
	}
	if (((tei_flags(n) & F_RECORD) || tei_is(n, EL_bibl)) && names_point_elsewhere(n)) {
		read_pointer_record(w->c, w->file, n);
		return TEI_SKIP;
	}
	if (((tei_flags(n) & F_PARA) && !tei_is(n, EL_castItem)) || tei_is(n, EL_head) ||
	    tei_is(n, EL_item))
		return TEI_SKIP;   /* running text holds no records */
	if (tei_is(n, EL_prefixDef)) {
		read_prefix_def(w->c, w->file, n);
		return TEI_SKIP;
	}
	if (tei_is(n, EL_relation)) {
		read_relation(w->c, w->file, n);
		return TEI_SKIP;
	}
	return TEI_DESCEND;
}

void records_collect(struct corpus *c, size_t file)
{
	static const struct tei_visitor v = { collect_enter, NULL };
	struct collect_ctx w = { c, file };

	tei_walk(c->files[file].root, 1, &v, &w);
}

struct rel_ctx {
	long *list;
	size_t n, cap;
};

static void rel_collect(void *ctx, long e, const char *tok)
{
	struct rel_ctx *r = ctx;

	(void)tok;
	if (e < 0)
		return;
	r->list = xgrow(r->list, &r->cap, r->n + 1, sizeof(long));
	r->list[r->n++] = e;
}

static void resolve_relation(struct corpus *c, struct pending_rel *p)
{
	struct rel_ctx act = { NULL, 0, 0 }, pas = { NULL, 0, 0 }, mut = { NULL, 0, 0 };
	size_t a, b;

	if (p->from >= 0)
		rel_collect(&act, p->from, NULL);
	if (p->active)
		refs_resolve(c, p->file, p->line, p->active, rel_collect, &act);
	if (p->passive)
		refs_resolve(c, p->file, p->line, p->passive, rel_collect, &pas);
	if (p->mutual)
		refs_resolve(c, p->file, p->line, p->mutual, rel_collect, &mut);
	for (a = 0; a < act.n; a++)
		for (b = 0; b < pas.n; b++)
			entity_add_relation(c->ix, act.list[a], pas.list[b], p->name, p->role, 0);
	for (a = 0; a < mut.n; a++)
		for (b = a + 1; b < mut.n; b++)
			entity_add_relation(c->ix, mut.list[a], mut.list[b], p->name, p->role, 1);
	free(act.list);
	free(pas.list);
	free(mut.list);
}

void records_resolve_relations(struct corpus *c)
{
	size_t i;

	for (i = 0; i < c->nrels; i++) {
		struct pending_rel *p = &c->rels[i];

		resolve_relation(c, p);
		free(p->name);
		free(p->role);
		free(p->active);
		free(p->passive);
		free(p->mutual);
	}
	free(c->rels);
	c->rels = NULL;
	c->nrels = c->caprels = 0;
}

struct ids_ctx {
	struct corpus *c;
	size_t file;
};

/* Whether attribute a is an xml:id with a value of one text node. */
static int is_xml_id(xmlAttrPtr a)
{
	return a->ns && a->ns->prefix && strcmp((const char *)a->name, "id") == 0 &&
	       strcmp((const char *)a->ns->prefix, "xml") == 0 && a->children &&
	       a->children->type == XML_TEXT_NODE && a->children->content;
}

static enum tei_step ids_enter(void *ctx, xmlNodePtr n)
{
	struct ids_ctx *w = ctx;
	xmlAttrPtr a;

	if (n->type != XML_ELEMENT_NODE)
		return TEI_SKIP;
	for (a = n->properties; a; a = a->next)
		if (is_xml_id(a))
			/* the key is borrowed from the tree, which lives as long */
			idtab_put(&w->c->all_ids, (const char *)a->children->content, w->file);
	return TEI_DESCEND;
}

/* One entry of libxml2's table of a document's ids: put when it is an
 * xml:id of an element below the file's root (not of an entity's
 * content, say). */
static void ids_scan(void *payload, void *data, const xmlChar *name)
{
	xmlIDPtr id = payload;
	struct ids_ctx *w = data;
	xmlNodePtr root = w->c->files[w->file].root, n;

	(void)name;
	if (!id || !id->attr || !is_xml_id(id->attr))
		return;
	for (n = id->attr->parent; n && n != root; n = n->parent)
		;
	if (n)
		idtab_put(&w->c->all_ids, (const char *)id->attr->children->content, w->file);
}

void records_index_ids(struct corpus *c, size_t file, int walk)
{
	static const struct tei_visitor v = { ids_enter, NULL };
	struct ids_ctx w = { c, file };
	xmlDocPtr doc = c->files[file].doc;

	/* The parser put every xml:id in the document's table (xmlAddID):
	 * reading it spares a walk over the whole tree, which costs more than
	 * the rest of the ids' work.  Not when a DTD of the document's own
	 * can declare other ID attributes, whose values may hide an xml:id's
	 * in the table, nor when XInclude copied nodes in. */
	if (walk || !doc || doc->intSubset) {
		tei_walk(c->files[file].root, 1, &v, &w);
		return;
	}
	if (doc->ids)
		xmlHashScan(doc->ids, ids_scan, &w);
}
