/* corpus.c: loading TEI files with libxml2 into one tree, and flattening
 * them into documents, blocks and entities.
 *
 * This is the only module that includes libxml2.  Loading is two passes
 * over the parsed files: the first collects the authority records
 * (person, org, place …), prefix definitions and relations of every file,
 * so that the second, which flattens each TEI text into blocks, can resolve
 * every mention as it meets it, whatever file the record is in.
 *
 * Untrusted input is the normal case: no network, no external DTD or
 * entity loading outside the corpus root (one entity loader serves both
 * entities and XInclude), a size cap per file, errors collected as
 * "file:line:column: message", and tree walks that use the nodes' parent
 * pointers instead of recursion, so nesting depth cannot exhaust the stack. */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/valid.h>
#include <libxml/xinclude.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "idtab.h"
#include "text.h"

#define DEFAULT_MAX_FILE_SIZE ((size_t)256 << 20)
#define MAX_DIAGS_PER_FILE 100
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | \
		       XML_PARSE_NOXINCNODE)

/* ---- the corpus ------------------------------------------------------- */

struct prefix_def {
	char *ident;
	regex_t re;
	char *replacement;
};

struct file_rec {
	char *path;               /* as given or found below the directory */
	char *real;               /* realpath, to resolve "file.xml#id" */
	xmlDocPtr doc;            /* its parsed document; root grafted */
	xmlNodePtr root;
	size_t ndiags;
	struct prefix_def *prefixes;
	size_t nprefixes, capprefixes;
};

/* A record whose id is taken by a different record in another file is
 * kept under "file#id"; references from its own file still find it. */
struct local_id {
	size_t file;
	char *id;
	long entity;
};

/* A relation seen in pass 1, resolved once every record is known. */
struct pending_rel {
	size_t file;
	long line;
	char *name, *role;
	char *active, *passive, *mutual;   /* space-separated references */
	long from;                          /* for affiliations: the person */
};

struct docrec {
	struct doc pub;
	struct block *blocks;
	size_t nblocks, capblocks;
	struct span **spans;      /* per block, owned */
	size_t *offsets;          /* per block, into text while building */
	struct buf text;          /* the blocks' text, each followed by '\n' */
	size_t *note_block;       /* a note's serial -> its block, while building */
	size_t nnote_block, capnote_block;
};

struct corpus {
	xmlDocPtr master;
	xmlNodePtr root;
	xmlDictPtr dict;
	char *root_dir;           /* realpath of the corpus root directory */
	struct file_rec *files;
	size_t nfiles, capfiles;
	size_t bytes;
	size_t cur_file;          /* the file being parsed, for diagnostics */
	struct docrec *docs;      /* in load order */
	size_t ndocs, capdocs;
	size_t *order;            /* corpus order -> load index */
	struct idtab doc_ids;     /* document id to load index */
	struct entity_index *ix;
	struct corpus_diag *diags;
	size_t ndiags, capdiags;
	struct local_id *locals;
	size_t nlocals, caplocals;
	struct pending_rel *rels;
	size_t nrels, caprels;
	struct corpus_options opt;
	int in_xinclude;          /* the loader reports through the XInclude error */
	struct buf loader_reason; /* why the loader refused, for that error */
};

/* The loader is global in libxml2; it reaches the corpus being opened
 * through this pointer while corpus_open runs. */
static struct corpus *loading;

/* ---- diagnostics ------------------------------------------------------ */

static void add_diag(struct corpus *c, size_t file, long line, long col,
		     int is_error, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static void add_diag(struct corpus *c, size_t file, long line, long col,
		     int is_error, const char *fmt, ...)
{
	struct buf raw = BUF_INIT, clean = BUF_INIT;
	struct corpus_diag *d;
	struct file_rec *f = file < c->nfiles ? &c->files[file] : NULL;
	va_list ap;

	if (f && ++f->ndiags > MAX_DIAGS_PER_FILE) {
		if (f->ndiags != MAX_DIAGS_PER_FILE + 1)
			return;
		buf_printf(&raw, "too many problems; the rest of this file's are not shown");
	} else {
		va_start(ap, fmt);
		buf_vprintf(&raw, fmt, ap);
		va_end(ap);
	}
	while (raw.len && (raw.data[raw.len - 1] == '\n' || raw.data[raw.len - 1] == ' '))
		raw.data[--raw.len] = '\0';
	text_sanitize(&clean, raw.data, raw.len);
	buf_free(&raw);
	/* libxml2 repeats a message for every level of a nested entity: keep
	 * one, at the last place, the one in the file's own text */
	if (c->ndiags && f && c->diags[c->ndiags - 1].file == f->path &&
	    strcmp(c->diags[c->ndiags - 1].message, clean.data) == 0) {
		d = &c->diags[c->ndiags - 1];
		d->line = line > 0 ? line : 1;
		d->column = col > 0 ? col : 1;
		f->ndiags--;
		buf_free(&clean);
		return;
	}

	c->diags = xgrow(c->diags, &c->capdiags, c->ndiags + 1, sizeof(*c->diags));
	d = &c->diags[c->ndiags++];
	d->file = f ? f->path : "(corpus)";
	d->line = line > 0 ? line : 1;
	d->column = col > 0 ? col : 1;
	d->is_error = is_error;
	d->message = buf_steal(&clean);
}

static void on_xml_error(void *ctx, xmlErrorPtr err)
{
	struct corpus *c = ctx;
	const char *msg;

	if (!err || !err->message)
		return;
	/* libxml2 adds detail on a second line ("Bytes: 0xE9 …"): one line */
	msg = err->message;
	if (err->domain == XML_FROM_XINCLUDE) {
		/* an include that was refused or missing: the file still loads */
		if (c->loader_reason.len) {
			add_diag(c, c->cur_file, err->line, err->int2, 0, "%s", c->loader_reason.data);
			buf_reset(&c->loader_reason);
		} else {
			add_diag(c, c->cur_file, err->line, err->int2, 0, "%.*s",
				 (int)strcspn(msg, "\n"), msg);
		}
		return;
	}
	add_diag(c, c->cur_file, err->line, err->int2,
		 err->level != XML_ERR_WARNING, "%.*s", (int)strcspn(msg, "\n"), msg);
}

/* Finds the column of needle on a line of a file, for our own messages
 * (libxml2 keeps only line numbers on nodes).  1 when not found. */
static long find_column(const char *path, long line, const char *needle)
{
	FILE *fp = fopen(path, "rb");
	struct buf l = BUF_INIT;
	long cur = 1, col = 1;
	int ch;
	char *p;

	if (!fp)
		return 1;
	while ((ch = getc(fp)) != EOF && cur < line)
		if (ch == '\n')
			cur++;
	if (ch != EOF && ch != '\n')
		buf_addc(&l, (char)ch);
	while (cur == line && (ch = getc(fp)) != EOF && ch != '\n' && l.len < 1 << 20)
		buf_addc(&l, (char)ch);
	fclose(fp);
	if (l.data && needle && *needle && (p = strstr(l.data, needle)))
		col = 1 + (long)text_width(l.data, (size_t)(p - l.data));
	buf_free(&l);
	return col;
}

/* ---- element names ---------------------------------------------------- */

/* What the loader needs to know about an element, by name. */
enum {
	F_ROOT = 1 << 0,     /* a root a corpus file may have */
	F_RECORD = 1 << 1,   /* an authority record */
	F_NAME = 1 << 2,     /* a name of a record */
	F_PART = 1 << 3,     /* a word of its own next to a sibling part */
	F_SKIP = 1 << 4,     /* not part of the running text */
	F_PARA = 1 << 5,     /* a paragraph-like block */
	F_EMPH = 1 << 6,     /* shown emphasised */
	F_DESC = 1 << 7      /* describes a record: role, occupation … */
};

/* Every TEI element the loader looks at.  Names are interned in one
 * dictionary that every parser shares, so recognising an element is a
 * pointer compare, not a string compare per name per node. */
#define TEI_ELEMENTS(X) \
	X(TEI, F_ROOT) \
	X(teiCorpus, F_ROOT) \
	X(teiHeader, F_SKIP) \
	X(text, 0) \
	X(listPerson, F_ROOT | F_SKIP) \
	X(listOrg, F_ROOT | F_SKIP) \
	X(listPlace, F_ROOT | F_SKIP) \
	X(listRelation, F_ROOT | F_SKIP) \
	X(listEvent, F_ROOT | F_SKIP) \
	X(taxonomy, F_ROOT | F_SKIP) \
	X(standOff, F_ROOT | F_SKIP) \
	X(listPrefixDef, F_ROOT) \
	X(prefixDef, 0) \
	X(person, F_ROOT | F_RECORD) \
	X(personGrp, F_RECORD) \
	X(org, F_ROOT | F_RECORD) \
	X(place, F_ROOT | F_RECORD) \
	X(event, F_RECORD) \
	X(relation, 0) \
	X(affiliation, 0) \
	X(occupation, F_DESC) \
	X(roleName, F_PART | F_DESC) \
	X(desc, F_DESC) \
	X(state, F_DESC) \
	X(trait, F_DESC) \
	X(faith, F_DESC) \
	X(education, F_DESC) \
	X(persName, F_NAME | F_PART) \
	X(orgName, F_NAME | F_PART) \
	X(placeName, F_NAME | F_PART) \
	X(name, F_NAME | F_PART) \
	X(geogName, F_NAME) \
	X(settlement, F_NAME | F_PART) \
	X(region, F_NAME | F_PART) \
	X(country, F_NAME | F_PART) \
	X(bloc, F_NAME) \
	X(district, F_NAME) \
	X(label, F_NAME) \
	X(eventName, F_NAME) \
	X(rs, 0) \
	X(forename, F_PART) \
	X(surname, F_PART) \
	X(addName, F_PART) \
	X(nameLink, F_PART) \
	X(genName, F_PART) \
	X(fw, F_SKIP) \
	X(listBibl, F_SKIP) \
	X(facsimile, F_SKIP) \
	X(include, F_SKIP) \
	X(fallback, F_SKIP) \
	X(graphic, F_SKIP) \
	X(media, F_SKIP) \
	X(binaryObject, F_SKIP) \
	X(speaker, F_SKIP) \
	X(interpGrp, F_SKIP) \
	X(linkGrp, F_SKIP) \
	X(spanGrp, F_SKIP) \
	X(link, F_SKIP) \
	X(alt, F_SKIP) \
	X(altGrp, F_SKIP) \
	X(join, F_SKIP) \
	X(joinGrp, F_SKIP) \
	X(certainty, F_SKIP) \
	X(precision, F_SKIP) \
	X(respons, F_SKIP) \
	X(witDetail, F_SKIP) \
	X(p, F_PARA) \
	X(ab, F_PARA) \
	X(l, F_PARA) \
	X(byline, F_PARA) \
	X(dateline, F_PARA) \
	X(docAuthor, F_PARA) \
	X(docDate, F_PARA) \
	X(titlePart, F_PARA) \
	X(salute, F_PARA) \
	X(signed, F_PARA) \
	X(trailer, F_PARA) \
	X(opener, F_PARA) \
	X(closer, F_PARA) \
	X(argument, F_PARA) \
	X(epigraph, F_PARA) \
	X(row, F_PARA) \
	X(castItem, F_PARA) \
	X(postscript, F_PARA) \
	X(bibl, 0) \
	X(head, 0) \
	X(item, 0) \
	X(list, 0) \
	X(note, 0) \
	X(figDesc, 0) \
	X(figure, 0) \
	X(table, 0) \
	X(cell, F_PART) \
	X(sp, 0) \
	X(u, 0) \
	X(stage, 0) \
	X(quote, 0) \
	X(cit, 0) \
	X(floatingText, 0) \
	X(div, 0) \
	X(choice, 0) \
	X(app, 0) \
	X(subst, 0) \
	X(corr, 0) \
	X(reg, 0) \
	X(expan, 0) \
	X(lem, 0) \
	X(add, 0) \
	X(lb, 0) \
	X(cb, 0) \
	X(space, 0) \
	X(gap, 0) \
	X(ptr, 0) \
	X(ref, 0) \
	X(hi, F_EMPH) \
	X(emph, F_EMPH) \
	X(foreign, F_EMPH) \
	X(title, F_EMPH) \
	X(mentioned, F_EMPH) \
	X(soCalled, F_EMPH) \
	X(term, F_EMPH) \
	X(date, 0) \
	X(idno, 0) \
	X(author, 0) \
	X(titleStmt, 0) \
	X(catRef, 0) \
	X(creation, 0) \
	X(publicationStmt, 0) \
	X(sourceDesc, 0) \
	X(profileDesc, 0) \
	X(settingDesc, 0) \
	X(particDesc, 0)

#define EL_ENUM(n, f) EL_##n,
#define EL_NAME(n, f) #n,
#define EL_FLAGS(n, f) (f),
enum el { EL_NONE, TEI_ELEMENTS(EL_ENUM) EL_COUNT };
static const char *const el_strings[EL_COUNT] = { "", TEI_ELEMENTS(EL_NAME) };
static const unsigned char el_flags[EL_COUNT] = { 0, TEI_ELEMENTS(EL_FLAGS) };

#define EL_HASH_SIZE 1024
static xmlDictPtr names;                 /* shared by every corpus */
static const xmlChar *el_ptr[EL_COUNT];
static unsigned char el_hash[EL_HASH_SIZE];

static size_t el_slot(const xmlChar *p)
{
	return ((size_t)(uintptr_t)p >> 4) & (EL_HASH_SIZE - 1);
}

static void elements_init(void)
{
	size_t i, h;

	if (names)
		return;
	names = xmlDictCreate();
	if (!names)
		die("out of memory");
	for (i = 1; i < EL_COUNT; i++) {
		el_ptr[i] = xmlDictLookup(names, (const xmlChar *)el_strings[i], -1);
		for (h = el_slot(el_ptr[i]); el_hash[h]; h = (h + 1) & (EL_HASH_SIZE - 1))
			;
		el_hash[h] = (unsigned char)i;
	}
}

static enum el el_of(xmlNodePtr n)
{
	size_t h;

	if (!n || n->type != XML_ELEMENT_NODE)
		return EL_NONE;
	for (h = el_slot(n->name); el_hash[h]; h = (h + 1) & (EL_HASH_SIZE - 1))
		if (el_ptr[el_hash[h]] == n->name)
			return (enum el)el_hash[h];
	return EL_NONE;
}

static int is_el(xmlNodePtr n, enum el e)
{
	return n && n->type == XML_ELEMENT_NODE && n->name == el_ptr[e];
}

static unsigned el_flag(xmlNodePtr n)
{
	return el_flags[el_of(n)];
}

/* ---- small XML helpers ------------------------------------------------ */

/* An attribute's value (caller frees), or NULL.  Namespaced attributes
 * such as xml:id are matched by their local name. */
static char *attr(xmlNodePtr n, const char *name)
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

static int has_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	for (a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0)
			return 1;
	return 0;
}

static xmlNodePtr first_child_el(xmlNodePtr n, enum el name)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (is_el(n, name))
			return n;
	return NULL;
}

/* The next node in document order below top, or NULL: iterative. */
static xmlNodePtr next_node(xmlNodePtr n, xmlNodePtr top, int descend)
{
	if (descend && n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n && n != top) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* The first element named name at or below top (document order). */
static xmlNodePtr find_el(xmlNodePtr top, enum el name)
{
	xmlNodePtr n;

	for (n = top; n; n = next_node(n, top, 1))
		if (is_el(n, name))
			return n;
	return NULL;
}

static int is_xml_space(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* ---- flattening text ---------------------------------------------------- */

/* Inline content is appended to a block under construction.  Whitespace
 * is collapsed as a reader expects: any run of XML whitespace becomes one
 * space, none at the start or end of a block. */
struct bb {
	enum block_kind kind;
	unsigned level;
	struct buf text;
	size_t label_len;
	struct span *spans;
	size_t nspans, capspans;
	int pending_space;
	unsigned gen;             /* bumped whenever the block is emitted */
	int is_note;              /* emitted after the block that anchors it */
	unsigned serial;          /* a note's number among the document's notes */
	int implicit;             /* opened by stray text, not an element */
	char *label;              /* a label not yet used (item, speaker) */
	long label_entity;        /* a mention over the label, or -1 */
	xmlNodePtr node;
};

static void bb_add(struct bb *b, const char *s, size_t len)
{
	char *start, *out;
	size_t i = 0;
	int space = b->pending_space;

	/* collapsing only shrinks the text: copy it in one pass, words in a
	 * tight inner loop (this is where most of the corpus goes through) */
	buf_grow(&b->text, len + 1);
	start = b->text.data;
	out = start + b->text.len;
	while (i < len) {
		if (is_xml_space((unsigned char)s[i])) {
			space = 1;
			i++;
			continue;
		}
		if (space && (size_t)(out - start) > b->label_len)
			*out++ = ' ';
		space = 0;
		do
			*out++ = s[i++];
		while (i < len && ((unsigned char)s[i] > ' ' || !is_xml_space((unsigned char)s[i])));
	}
	b->text.len = (size_t)(out - start);
	start[b->text.len] = '\0';
	b->pending_space = space;
}

/* Where a span opened now starts: after the space still pending. */
static size_t bb_span_start(const struct bb *b)
{
	return b->text.len + (b->pending_space && b->text.len > b->label_len ? 1 : 0);
}

static struct span *bb_add_span(struct bb *b, enum span_kind kind, size_t start)
{
	struct span *s;

	b->spans = xgrow(b->spans, &b->capspans, b->nspans + 1, sizeof(*b->spans));
	s = &b->spans[b->nspans++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->start = start;
	s->entity = -1;
	return s;
}

static void bb_reset(struct bb *b)
{
	size_t i;

	for (i = 0; i < b->nspans; i++)
		free_const(b->spans[i].target);
	b->nspans = 0;
	buf_reset(&b->text);
	b->label_len = 0;
	b->pending_space = 0;
	b->gen++;
}

static void bb_free(struct bb *b)
{
	bb_reset(b);
	buf_free(&b->text);
	free(b->spans);
	free(b->label);
}

/* Puts the pending label at the start of the block. */
static void bb_use_label(struct bb *b, char **label, long *entity)
{
	struct span *s;

	if (!*label)
		return;
	buf_adds(&b->text, *label);
	b->label_len = b->text.len;
	if (*entity >= 0) {
		/* the label is "Name: ": the mention covers the name */
		size_t n = b->text.len;

		while (n > 0 && (b->text.data[n - 1] == ' ' || b->text.data[n - 1] == ':'))
			n--;
		if (n > 0) {
			s = bb_add_span(b, SPAN_MENTION, 0);
			s->end = n;
			s->entity = *entity;
		}
	}
	free(*label);
	*label = NULL;
	*entity = -1;
}

/* The state of one document's flattening. */
struct flat {
	struct corpus *c;
	size_t file;
	size_t doc;               /* load index */
	struct docrec *d;
	struct bb *stack;         /* open blocks, innermost last */
	size_t depth, capdepth;
	struct bb *deferred;      /* finished notes waiting for their anchor */
	size_t ndeferred, capdeferred;
	unsigned notes;           /* running note number, as shown */
	unsigned serials;         /* notes begun, numbered from 1 */
	int skip_notes;           /* a title: its notes are not shown */
	size_t expanded;          /* bytes added by entity expansion */
	size_t expand_budget;
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return 0;
}

static void doc_add_block(struct flat *f, struct bb *b)
{
	struct docrec *d = f->d;
	struct block *blk;
	size_t i;

	d->blocks = xgrow(d->blocks, &d->capblocks, d->nblocks + 1, sizeof(*d->blocks));
	d->spans = xrealloc(d->spans, d->capblocks * sizeof(*d->spans));
	d->offsets = xrealloc(d->offsets, d->capblocks * sizeof(*d->offsets));
	blk = &d->blocks[d->nblocks];
	memset(blk, 0, sizeof(*blk));
	blk->kind = b->kind;
	blk->level = b->level;
	blk->len = b->text.len;
	blk->label_len = b->label_len;
	/* blocks arrive in order: their text goes straight to the document's
	 * buffer, and the pointers are set once it stops moving */
	d->offsets[d->nblocks] = d->text.len;
	if (b->is_note && b->serial) {
		size_t k;

		d->note_block = xgrow(d->note_block, &d->capnote_block, b->serial + 1,
				      sizeof(*d->note_block));
		for (k = d->nnote_block; k <= b->serial; k++)
			d->note_block[k] = (size_t)-1;
		if (d->nnote_block <= b->serial)
			d->nnote_block = b->serial + 1;
		d->note_block[b->serial] = d->nblocks;
	}
	buf_add(&d->text, b->text.data ? b->text.data : "", b->text.len);
	buf_addc(&d->text, '\n');
	d->spans[d->nblocks] = NULL;
	/* inner spans close first: put them in order of start, outer first */
	if (b->nspans > 1)
		qsort(b->spans, b->nspans, sizeof(*b->spans), cmp_span);
	if (b->nspans) {
		d->spans[d->nblocks] = xmalloc(b->nspans * sizeof(struct span));
		for (i = 0; i < b->nspans; i++) {
			d->spans[d->nblocks][i] = b->spans[i];
			b->spans[i].target = NULL;   /* moved */
		}
	}
	blk->nspans = b->nspans;
	d->nblocks++;
}

/* The notes waiting for their anchor's block go to the document. */
static void flush_notes(struct flat *f)
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
		doc_add_block(f, &f->deferred[i]);
		bb_free(&f->deferred[i]);
	}
	f->ndeferred = 0;
}

/* Emits a finished block: a note waits until the outermost block that
 * anchors it is done; any other block goes to the document, and when it
 * is an outermost one, the notes it anchors follow it.  Note markers hold
 * the note's serial number until the document is assembled. */
static void emit(struct flat *f, struct bb *b)
{
	while (b->text.len > b->label_len && b->text.data[b->text.len - 1] == ' ')
		b->text.data[--b->text.len] = '\0';
	if (b->text.len == 0 || (b->text.len == b->label_len && !b->is_note)) {
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
		buf_add(&n->text, b->text.data, b->text.len);
		n->label_len = b->label_len;
		n->spans = b->spans;
		n->nspans = b->nspans;
		n->capspans = b->capspans;
		b->spans = NULL;
		b->nspans = b->capspans = 0;
		bb_reset(b);
		return;
	} else {
		doc_add_block(f, b);
		bb_reset(b);
	}
	if (f->depth <= 1)
		flush_notes(f);
}

static struct bb *top(struct flat *f)
{
	return f->depth ? &f->stack[f->depth - 1] : NULL;
}

static struct bb *push_block(struct flat *f, enum block_kind kind, unsigned level,
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

static void pop_block(struct flat *f)
{
	struct bb *b = &f->stack[f->depth - 1];

	if (b->label) {
		/* a block that never had text of its own still shows its label */
		bb_use_label(b, &b->label, &b->label_entity);
		b->label_len = 0;
	}
	emit(f, b);
	bb_free(b);
	f->depth--;
}

/* The block text goes to: the open block, or a new implicit paragraph
 * for text that stands outside any block element. */
static struct bb *text_target(struct flat *f)
{
	struct bb *b = top(f);

	if (!b) {
		b = push_block(f, BLOCK_PARAGRAPH, 0, NULL);
		b->implicit = 1;
	}
	if (b->label && b->text.len == 0)
		bb_use_label(b, &b->label, &b->label_entity);
	return b;
}

static void add_text(struct flat *f, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!is_xml_space((unsigned char)s[i]))
			break;
	if (i == len) {
		struct bb *b = top(f);

		if (b && len)
			b->pending_space = 1;
		return;
	}
	bb_add(text_target(f), s, len);
}

/* ---- references --------------------------------------------------------- */

static int is_ncname_start(unsigned char ch)
{
	return isalpha(ch) || ch == '_' || ch >= 0x80;
}

static int is_scheme(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || !isalpha((unsigned char)s[0]))
		return 0;
	for (i = 1; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.')
			return 0;
	return 1;
}

static long find_local(const struct corpus *c, size_t file, const char *id)
{
	size_t i;

	for (i = 0; i < c->nlocals; i++)
		if (c->locals[i].file == file && strcmp(c->locals[i].id, id) == 0)
			return c->locals[i].entity;
	return -1;
}

static long find_id(const struct corpus *c, size_t file, const char *id)
{
	long e = find_local(c, file, id);

	return e >= 0 ? e : entity_find(c->ix, id);
}

/* The file of the corpus at path (resolved against the directory of the
 * referring file), or (size_t)-1. */
static size_t find_file(const struct corpus *c, size_t from, const char *path)
{
	struct buf p = BUF_INIT;
	char real[PATH_MAX];
	size_t i, found = (size_t)-1;
	const char *slash;

	if (path[0] == '/') {
		buf_adds(&p, path);
	} else {
		slash = strrchr(c->files[from].path, '/');
		if (slash)
			buf_add(&p, c->files[from].path, (size_t)(slash - c->files[from].path) + 1);
		buf_adds(&p, path);
	}
	if (realpath(p.data, real)) {
		for (i = 0; i < c->nfiles; i++)
			if (c->files[i].real && strcmp(c->files[i].real, real) == 0)
				found = i;
	}
	buf_free(&p);
	return found;
}

enum ref_result { REF_OK, REF_EXTERNAL, REF_JUNK, REF_DANGLING };

/* Resolves one reference token as TEI uses them: "#id", "file.xml#id",
 * "prefix:id" through a prefixDef, a bare "id", or an absolute URI (an
 * external identifier, never fetched).  depth stops prefix loops. */
static enum ref_result resolve_token(struct corpus *c, size_t file, const char *tok,
				     long *out, int depth)
{
	const char *hash = strchr(tok, '#');
	const char *colon = strchr(tok, ':');
	size_t i;

	*out = -1;
	if (!*tok)
		return REF_JUNK;
	if (tok[0] == '#') {
		if (!is_ncname_start((unsigned char)tok[1]) || strchr(tok + 1, '/') ||
		    strchr(tok + 1, '#'))
			return REF_JUNK;
		*out = find_id(c, file, tok + 1);
		return *out >= 0 ? REF_OK : REF_DANGLING;
	}
	if (colon && !(hash && hash < colon) && depth < 4) {
		size_t plen = (size_t)(colon - tok);
		size_t f;

		for (f = 0; f <= c->nfiles; f++) {
			/* the file's own prefixes first, then any in the corpus */
			size_t fi = f == 0 ? file : f - 1;
			struct file_rec *fr = &c->files[fi];

			if (f > 0 && fi == file)
				continue;
			for (i = 0; i < fr->nprefixes; i++) {
				struct prefix_def *pd = &fr->prefixes[i];
				regmatch_t m[10];
				struct buf r = BUF_INIT;
				const char *rest = colon + 1, *q;
				enum ref_result res;

				if (strlen(pd->ident) != plen || strncmp(pd->ident, tok, plen) != 0)
					continue;
				if (regexec(&pd->re, rest, 10, m, 0) != 0 || m[0].rm_so != 0 ||
				    rest[m[0].rm_eo] != '\0')
					continue;
				for (q = pd->replacement; *q; q++) {
					if (*q == '$' && q[1] >= '1' && q[1] <= '9') {
						int g = q[1] - '0';

						if (m[g].rm_so >= 0)
							buf_add(&r, rest + m[g].rm_so,
								(size_t)(m[g].rm_eo - m[g].rm_so));
						q++;
					} else {
						buf_addc(&r, *q);
					}
				}
				res = resolve_token(c, fi, r.data ? r.data : "", out, depth + 1);
				buf_free(&r);
				return res;
			}
		}
		if (is_scheme(tok, plen))
			return REF_EXTERNAL;
	}
	if (hash) {
		size_t fi;
		char *path;

		if (!is_ncname_start((unsigned char)hash[1]))
			return REF_JUNK;
		path = xstrndup(tok, (size_t)(hash - tok));
		fi = find_file(c, file, path);
		free(path);
		if (fi != (size_t)-1) {
			*out = find_local(c, fi, hash + 1);
			if (*out >= 0)
				return REF_OK;
		}
		/* the file part does not resolve: the fragment id across the corpus */
		*out = entity_find(c->ix, hash + 1);
		return *out >= 0 ? REF_OK : REF_DANGLING;
	}
	*out = find_id(c, file, tok);
	return *out >= 0 ? REF_OK : REF_DANGLING;
}

/* Resolves a space-separated list of references, calling fn for each that
 * names an entity; problems become diagnostics. */
static void resolve_refs(struct corpus *c, size_t file, long line, const char *refs,
			 void (*fn)(void *ctx, long e, const char *tok), void *ctx)
{
	const char *p = refs;

	while (*p) {
		const char *s;
		char *tok;
		long e;

		while (is_xml_space((unsigned char)*p))
			p++;
		s = p;
		while (*p && !is_xml_space((unsigned char)*p))
			p++;
		if (p == s)
			break;
		tok = xstrndup(s, (size_t)(p - s));
		switch (resolve_token(c, file, tok, &e, 0)) {
		case REF_OK:
			fn(ctx, e, tok);
			break;
		case REF_EXTERNAL:
			fn(ctx, -1, tok);
			break;
		case REF_JUNK:
			add_diag(c, file, line, find_column(c->files[file].path, line, tok), 0,
				 "malformed reference '%s'", tok);
			break;
		case REF_DANGLING:
			add_diag(c, file, line, find_column(c->files[file].path, line, tok), 0,
				 "reference to unknown id '%s'", tok);
			fn(ctx, -2, tok);
			break;
		}
		free(tok);
	}
}

/* ---- pass 1: authority records ---------------------------------------- */


static int is_record(xmlNodePtr n)
{
	if (!(el_flag(n) & F_RECORD))
		return 0;
	/* a pointer to a record (particDesc) is not a record */
	return has_attr(n, "id") || !(has_attr(n, "sameAs") || has_attr(n, "ref") ||
				      has_attr(n, "corresp"));
}

/* The text content of n, whitespace collapsed, choice by its reading,
 * name parts separated; for names and labels (no spans). */
static char *flat_string(xmlNodePtr n);

static int is_name_element(xmlNodePtr n)
{
	return (el_flag(n) & F_NAME) != 0;
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

static long record_store(struct corpus *c, size_t file, struct record *r, long line)
{
	long e = entity_find(c->ix, r->id);
	size_t i;
	char src[64];

	if (e >= 0) {
		const struct entity *old = entity_get(c->ix, e);
		int same = strcmp(old->type, r->type) == 0;

		/* the same record told twice shares a name (or one has none);
		 * two records that only share an id are both kept */
		if (same && r->nnames && entity_has_name(c->ix, e, NULL)) {
			size_t k;

			same = 0;
			for (k = 0; k < r->nnames && !same; k++)
				same = entity_has_name(c->ix, e, r->names[k]);
		}
		if (!same) {
			struct buf q = BUF_INIT;
			const char *base = strrchr(c->files[file].path, '/');

			buf_printf(&q, "%s#%s", base ? base + 1 : c->files[file].path, r->id);
			e = entity_find(c->ix, q.data);
			if (e < 0)
				e = entity_add(c->ix, q.data, r->type);
			c->locals = xgrow(c->locals, &c->caplocals, c->nlocals + 1,
					  sizeof(*c->locals));
			c->locals[c->nlocals].file = file;
			c->locals[c->nlocals].id = xstrdup(r->id);
			c->locals[c->nlocals].entity = e;
			c->nlocals++;
			buf_free(&q);
		}
	} else {
		e = entity_add(c->ix, r->id, r->type);
	}
	snprintf(src, sizeof(src), ":%ld", line);
	{
		struct buf s = BUF_INIT;
		const char *real = c->files[file].real ? c->files[file].real : c->files[file].path;
		size_t n = strlen(c->root_dir);

		/* shown relative to the corpus root: "register.xml:18" */
		if (strncmp(real, c->root_dir, n) == 0 && real[n] == '/')
			real += n + 1;
		buf_adds(&s, real);
		buf_adds(&s, src);
		entity_set_source(c->ix, e, s.data);
		buf_free(&s);
	}
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

/* Reads one record element: its names, description and affiliations.
 * Nested records are read on their own by the walk. */
static void read_record(struct corpus *c, size_t file, xmlNodePtr rec, long parent)
{
	struct record r;
	xmlNodePtr n;
	long e;
	char *id = attr(rec, "id");
	static unsigned anon;

	memset(&r, 0, sizeof(r));
	r.type = (const char *)rec->name;
	if (id && *id) {
		r.id = id;
	} else {
		struct buf b = BUF_INIT;

		free(id);
		buf_printf(&b, "%s-%u", r.type, ++anon);
		r.id = buf_steal(&b);
	}
	for (n = rec->children; n; n = n->next) {
		char *s;

		if (n->type != XML_ELEMENT_NODE || is_record(n))
			continue;
		if (is_name_element(n) || is_el(n, EL_forename) || is_el(n, EL_surname)) {
			s = flat_string(n);
			if (*s) {
				r.names = xgrow(r.names, &r.capnames, r.nnames + 1, sizeof(char *));
				r.names[r.nnames++] = s;
			} else {
				free(s);
			}
		} else if (el_flag(n) & F_DESC) {
			s = flat_string(n);
			record_desc(&r, s);
			free(s);
		} else if (is_el(n, EL_note) && !r.desc.len) {
			s = flat_string(n);
			record_desc(&r, s);
			free(s);
		}
	}
	e = record_store(c, file, &r, xmlGetLineNo(rec));
	record_free(&r);
	for (n = rec->children; n; n = n->next) {
		if (is_el(n, EL_affiliation)) {
			char *ref = attr(n, "ref");
			char *role = attr(n, "role");
			char *text = flat_string(n);

			if (!role || !*role) {
				free(role);
				role = *text ? xstrdup(text) : NULL;
			}
			if (text && *text && (!ref || !*ref))
				entity_add_desc(c->ix, e, text);
			if (ref && *ref)
				add_pending_rel(c, file, xmlGetLineNo(n), "affiliation", role,
						NULL, ref, NULL, e);
			else {
				free(ref);
				free(role);
			}
			free(text);
		}
	}
	if (parent >= 0)
		entity_add_relation(c->ix, e, parent, "partOf", NULL, 0);
}

static void read_prefix_def(struct corpus *c, size_t file, xmlNodePtr n)
{
	struct file_rec *f = &c->files[file];
	char *ident = attr(n, "ident");
	char *match = attr(n, "matchPattern");
	char *repl = attr(n, "replacementPattern");
	struct prefix_def *p;

	if (!ident || !match || !repl) {
		add_diag(c, file, xmlGetLineNo(n), 1, 0,
			 "prefixDef needs ident, matchPattern and replacementPattern");
		goto out;
	}
	f->prefixes = xgrow(f->prefixes, &f->capprefixes, f->nprefixes + 1, sizeof(*p));
	p = &f->prefixes[f->nprefixes];
	/* the pattern as written (its groups are $1 …); the caller checks
	 * that a match covers the whole reference */
	if (regcomp(&p->re, match, REG_EXTENDED) != 0) {
		add_diag(c, file, xmlGetLineNo(n), find_column(f->path, xmlGetLineNo(n), match),
			 0, "prefixDef '%s': matchPattern is not a valid regular expression",
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

/* Walks a whole file for records, prefix definitions and relations. */
static void collect_records(struct corpus *c, size_t file)
{
	xmlNodePtr root = c->files[file].root, n;

	for (n = root; n; ) {
		int descend = 1;

		if (n->type == XML_ELEMENT_NODE) {
			if (is_record(n)) {
				long parent = -1;
				xmlNodePtr p;

				/* a place in a place: part of it */
				for (p = n->parent; p && p != root->parent; p = p->parent)
					if (p->type == XML_ELEMENT_NODE && is_record(p) &&
					    strcmp((const char *)p->name, (const char *)n->name) == 0) {
						char *pid = attr(p, "id");

						if (pid)
							parent = find_id(c, file, pid);
						free(pid);
						break;
					}
				read_record(c, file, n, parent);
			} else if (el_flag(n) & F_PARA || is_el(n, EL_head) || is_el(n, EL_item)) {
				descend = 0;   /* running text holds no records */
			} else if (is_el(n, EL_prefixDef)) {
				read_prefix_def(c, file, n);
				descend = 0;
			} else if (is_el(n, EL_relation)) {
				char *name = attr(n, "name");

				if (!name || !*name) {
					free(name);
					name = attr(n, "type");
				}
				if (!name || !*name) {
					free(name);
					name = attr(n, "ref");
				}
				add_pending_rel(c, file, xmlGetLineNo(n),
						name && *name ? name : "related",
						NULL, attr(n, "active"), attr(n, "passive"),
						attr(n, "mutual"), -1);
				free(name);
				descend = 0;
			}
		}
		n = next_node(n, root, descend);
	}
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

static void resolve_relations(struct corpus *c)
{
	size_t i, a, b;

	for (i = 0; i < c->nrels; i++) {
		struct pending_rel *p = &c->rels[i];
		struct rel_ctx act = { 0 }, pas = { 0 }, mut = { 0 };

		if (p->from >= 0) {
			act.list = xmalloc(sizeof(long));
			act.list[0] = p->from;
			act.n = act.cap = 1;
		}
		if (p->active)
			resolve_refs(c, p->file, p->line, p->active, rel_collect, &act);
		if (p->passive)
			resolve_refs(c, p->file, p->line, p->passive, rel_collect, &pas);
		if (p->mutual)
			resolve_refs(c, p->file, p->line, p->mutual, rel_collect, &mut);
		for (a = 0; a < act.n; a++)
			for (b = 0; b < pas.n; b++)
				entity_add_relation(c->ix, act.list[a], pas.list[b], p->name,
						    p->role, 0);
		for (a = 0; a < mut.n; a++)
			for (b = a + 1; b < mut.n; b++)
				entity_add_relation(c->ix, mut.list[a], mut.list[b], p->name,
						    p->role, 1);
		free(act.list);
		free(pas.list);
		free(mut.list);
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

/* ---- pass 2: documents ---------------------------------------------------- */

/* Which element of a choice (or app, subst) is shown: corr, reg, expan,
 * lem, add, else the first element. */
static xmlNodePtr chosen_reading(xmlNodePtr choice)
{
	static const enum el prefer[] = { EL_corr, EL_reg, EL_expan, EL_lem, EL_add };
	xmlNodePtr n;
	size_t i;

	for (i = 0; i < sizeof(prefer) / sizeof(prefer[0]); i++)
		for (n = choice->children; n; n = n->next)
			if (is_el(n, prefer[i]))
				return n;
	for (n = choice->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static int parent_is_choice(xmlNodePtr n)
{
	xmlNodePtr p = n->parent;

	return p && (is_el(p, EL_choice) || is_el(p, EL_app) || is_el(p, EL_subst));
}

/* Elements whose content a reader does not see in the running text. */
static int is_skipped(xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (parent_is_choice(n) && n != chosen_reading(n->parent))
		return 1;
	return (el_flag(n) & F_SKIP) != 0;
}

static int is_name_part(xmlNodePtr n)
{
	return (el_flag(n) & F_PART) != 0;
}

/* An element directly after another element (no text between) that is a
 * separate word: "<forename>Aly</forename><surname>van Beek</surname>". */
static int needs_word_break(xmlNodePtr n)
{
	xmlNodePtr p = n->prev;

	while (p && (p->type == XML_COMMENT_NODE || p->type == XML_PI_NODE))
		p = p->prev;
	return p && p->type == XML_ELEMENT_NODE && is_name_part(n) && is_name_part(p);
}

static char *flat_string(xmlNodePtr top)
{
	struct bb b;
	xmlNodePtr n;

	memset(&b, 0, sizeof(b));
	for (n = top->children; n; ) {
		int descend = 1;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				bb_add(&b, (const char *)n->content, strlen((const char *)n->content));
		} else if (n->type == XML_ELEMENT_NODE) {
			if (is_skipped(n) || is_el(n, EL_note)) {
				descend = 0;
			} else if (is_el(n, EL_lb) || is_el(n, EL_space)) {
				char *brk = attr(n, "break");

				if (!brk || strcmp(brk, "no") != 0)
					b.pending_space = 1;
				free(brk);
			} else if (needs_word_break(n)) {
				b.pending_space = 1;
			}
		} else {
			descend = 0;
		}
		n = next_node(n, top, descend);
		if (n == top)
			n = NULL;
	}
	{
		char *s = b.text.data ? xstrndup(b.text.data, b.text.len) : xstrdup("");

		bb_free(&b);
		return s;
	}
}

/* Block-level elements and the kind of block each makes. */
static int block_kind_of(struct flat *f, xmlNodePtr n, enum block_kind *kind)
{
	struct bb *t = top(f);
	int outside = !t || t->implicit;    /* not inside a block already */
	enum el e = el_of(n);

	if (el_flags[e] & F_PARA) {
		*kind = BLOCK_PARAGRAPH;
		return 1;
	}
	switch (e) {
	case EL_head:
		*kind = is_el(n->parent, EL_figure) || is_el(n->parent, EL_table)
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
		*kind = BLOCK_STAGE;
		return outside;
	case EL_quote:
	case EL_cit:
	case EL_floatingText:
		*kind = BLOCK_QUOTE;
		return outside || t->kind == BLOCK_QUOTE;
	default:
		return 0;
	}
}

static unsigned count_ancestors(xmlNodePtr n, enum el name, xmlNodePtr stop)
{
	unsigned k = 0;

	for (n = n->parent; n && n != stop; n = n->parent)
		if (is_el(n, name))
			k++;
	return k;
}

/* The label of a list item: "1. " in a numbered list, else "• ". */
static char *item_label(xmlNodePtr item)
{
	xmlNodePtr list = item->parent, n;
	char *rend = list ? attr(list, "rend") : NULL;
	char *type = list ? attr(list, "type") : NULL;
	char *nattr = attr(item, "n");
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
			if (is_el(n, EL_item))
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
		e = entity_find(m->f->c->ix, tok);
		if (e < 0)
			e = entity_add(m->f->c->ix, tok, m->type);
	}
	if (m->first < 0)
		m->first = e;
	else {
		struct span *s = bb_add_span(m->b, SPAN_MENTION, m->start);

		s->end = (size_t)-1;   /* closed with the element */
		s->entity = e;
	}
}

/* The entity type a mention element names. */
static char *mention_type(xmlNodePtr n)
{
	if (is_el(n, EL_persName))
		return xstrdup("person");
	if (is_el(n, EL_orgName))
		return xstrdup("org");
	if (is_el(n, EL_placeName) || is_el(n, EL_geogName) || is_el(n, EL_settlement))
		return xstrdup("place");
	if (is_el(n, EL_name) || is_el(n, EL_rs)) {
		char *t = attr(n, "type");

		if (t && *t) {
			if (strcmp(t, "person") == 0 || strcmp(t, "org") == 0 ||
			    strcmp(t, "place") == 0)
				return t;
			if (strcmp(t, "organisation") == 0 || strcmp(t, "organization") == 0) {
				free(t);
				return xstrdup("org");
			}
			return t;
		}
		free(t);
	}
	return NULL;
}

/* Group mentions without a resolvable reference by type and name. */
static long unreferenced_entity(struct corpus *c, const char *type, const char *name)
{
	char *norm = entity_normalise(name);
	struct buf id = BUF_INIT;
	long e;

	buf_printf(&id, "%s:%s", type, norm);
	e = entity_find(c->ix, id.data);
	if (e < 0) {
		e = entity_add(c->ix, id.data, type);
		entity_add_name(c->ix, e, name);
	}
	free(norm);
	buf_free(&id);
	return e;
}

/* One frame per open element in the text walk: what to do on leaving. */
enum frame_action { F_NONE, F_BLOCK, F_SPAN, F_MENTION, F_SPACE };

struct frame {
	xmlNodePtr node;
	enum frame_action action;
	struct bb *b;             /* for spans: the block they are in */
	size_t bdepth;
	unsigned gen;
	size_t first_span;        /* F_MENTION: spans added for extra refs */
	struct span tmpl;         /* the span to add on leaving */
	char *type;
};

static struct bb *bb_at(struct flat *f, size_t depth)
{
	return depth && depth <= f->depth ? &f->stack[depth - 1] : NULL;
}

static void close_span_frame(struct flat *f, struct frame *fr)
{
	struct bb *b = bb_at(f, fr->bdepth);
	size_t i;

	if (!b || b->gen != fr->gen) {
		free(fr->type);
		return;   /* the block was split inside the span: drop it */
	}
	if (fr->action == F_MENTION) {
		size_t end = b->text.len;
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
				struct span *s = bb_add_span(b, SPAN_MENTION, fr->tmpl.start);

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
		free(fr->type);
		return;
	}
	if (b->text.len > fr->tmpl.start) {
		struct span *s = bb_add_span(b, fr->tmpl.kind, fr->tmpl.start);

		s->end = b->text.len;
		s->target = fr->tmpl.target;
		fr->tmpl.target = NULL;
	}
	free_const(fr->tmpl.target);
	free(fr->type);
}

static void expand_entity_ref(struct flat *f, xmlNodePtr n)
{
	xmlEntityPtr ent = xmlGetDocEntity(n->doc, n->name);
	const char *s;
	size_t len;

	if (ent && (ent->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
		    ent->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY)) {
		long line = xmlGetLineNo(n->parent);
		struct buf name = BUF_INIT;

		buf_printf(&name, "&%s;", (const char *)n->name);
		add_diag(f->c, f->file, line, find_column(f->c->files[f->file].path, line, name.data), 0,
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
		add_diag(f->c, f->file, xmlGetLineNo(n->parent), 1, 0,
			 "entity expansion limit reached; '&%s;' not expanded",
			 (const char *)n->name);
		return;
	}
	f->expanded += len;
	add_text(f, s, len);
}

/* Flattens the text of one TEI element into blocks. */
static void flatten_text(struct flat *f, xmlNodePtr text)
{
	struct frame *frames = NULL;
	size_t nframes = 0, capframes = 0;
	xmlNodePtr n = text->children;

	while (n) {
		int descend = 1;
		enum block_kind kind;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				add_text(f, (const char *)n->content,
					 strlen((const char *)n->content));
		} else if (n->type == XML_ENTITY_REF_NODE) {
			expand_entity_ref(f, n);
			descend = 0;
		} else if (n->type != XML_ELEMENT_NODE || is_skipped(n)) {
			descend = 0;
		} else {
			struct frame fr;

			memset(&fr, 0, sizeof(fr));
			fr.node = n;
			int is_block = block_kind_of(f, n, &kind);

			if (is_block && kind != BLOCK_NOTE && top(f) && top(f)->is_note) {
				/* a note is one block: its paragraphs and lists run on */
				top(f)->pending_space = 1;
				is_block = 0;
				fr.action = F_SPACE;
			}
			if (is_block && kind == BLOCK_NOTE && f->skip_notes) {
				descend = 0;   /* a note in a title is not shown */
			} else if (is_block) {
				struct bb *outer = top(f), *b;
				unsigned level = 0, serial = 0;
				char *label = NULL;
				long label_entity = -1;

				if (kind == BLOCK_NOTE && outer && !outer->implicit) {
					/* a marker where the note stands */
					char *num = attr(n, "n");
					struct buf m = BUF_INIT;
					struct bb *tb = text_target(f);
					struct span *s;

					f->notes++;
					if (num && *num)
						buf_printf(&m, "[%s]", num);
					else
						buf_printf(&m, "[%u]", f->notes);
					free(num);
					s = bb_add_span(tb, SPAN_NOTEREF, tb->text.len);
					buf_add(&tb->text, m.data, m.len);
					tb->pending_space = 0;
					s->end = tb->text.len;
					s->note = serial = ++f->serials;   /* a block index once assembled */
					label = xstrndup(m.data, m.len);
					buf_free(&m);
					{
						char *l2 = xmalloc(strlen(label) + 2);

						sprintf(l2, "%s ", label);
						free(label);
						label = l2;
					}
				} else if (kind == BLOCK_NOTE) {
					char *num = attr(n, "n");
					struct buf m = BUF_INIT;

					f->notes++;
					if (num && *num)
						buf_printf(&m, "[%s] ", num);
					else
						buf_printf(&m, "[%u] ", f->notes);
					free(num);
					label = buf_steal(&m);
				}
				if (outer && outer->implicit) {
					pop_block(f);
					outer = NULL;
				}
				if (kind == BLOCK_ITEM) {
					level = count_ancestors(n, EL_list, text);
					label = item_label(n);
				} else if (kind == BLOCK_HEADING) {
					level = count_ancestors(n, EL_div, text);
					if (!level)
						level = 1;
				} else if (kind == BLOCK_SPEECH) {
					xmlNodePtr sp = first_child_el(n, EL_speaker);
					char *who = attr(n, "who");
					struct buf l = BUF_INIT;
					char *name = sp ? flat_string(sp) : NULL;

					if (who && *who) {
						long e = -1;
						char *first = xstrdup(who);
						char *sp2 = strpbrk(first, " \t\n");

						if (sp2)
							*sp2 = '\0';   /* the first speaker labels it */
						if (resolve_token(f->c, f->file, first, &e, 0) == REF_OK) {
							label_entity = e;
						} else {
							add_diag(f->c, f->file, xmlGetLineNo(n),
								 find_column(f->c->files[f->file].path,
									     xmlGetLineNo(n), first),
								 0, "reference to unknown id '%s'", first);
						}
						if (!name || !*name) {
							free(name);
							name = xstrdup(label_entity >= 0
								? entity_get(f->c->ix, label_entity)->name
								: first[0] == '#' ? first + 1 : first);
						}
						free(first);
					}
					free(who);
					if (name && *name)
						buf_printf(&l, "%s: ", name);
					free(name);
					label = l.len ? buf_steal(&l) : NULL;
					buf_free(&l);
				}
				if (outer) {
					/* a block inside a block: what the outer block has so
					 * far is a block of its own; the inner one inherits
					 * the outer's kind where that says more than "p" */
					if (kind != BLOCK_NOTE)
						emit(f, outer);
					if (kind == BLOCK_PARAGRAPH && outer->kind != BLOCK_PARAGRAPH &&
					    outer->kind != BLOCK_HEADING) {
						kind = outer->kind;
						level = outer->level;
						if (!label && outer->label) {
							label = outer->label;
							label_entity = outer->label_entity;
							outer->label = NULL;
							outer->label_entity = -1;
						}
					}
				}
				b = push_block(f, kind, level, n);
				b->is_note = kind == BLOCK_NOTE;
				b->serial = serial;
				b->label = label;
				b->label_entity = label_entity;
				if (kind == BLOCK_NOTE && label) {
					/* notes always show their number first */
					bb_use_label(b, &b->label, &b->label_entity);
				}
				fr.action = F_BLOCK;
			} else if (is_el(n, EL_lb) || is_el(n, EL_space) || is_el(n, EL_cb)) {
				char *brk = attr(n, "break");
				struct bb *b = top(f);

				if (b && (!brk || strcmp(brk, "no") != 0))
					b->pending_space = 1;
				free(brk);
				descend = 0;
			} else if (is_el(n, EL_gap)) {
				add_text(f, "[\xE2\x80\xA6]", 5);   /* […] */
				descend = 0;
			} else if (is_el(n, EL_ptr)) {
				char *target = attr(n, "target");
				struct bb *b;
				struct span *s;

				if (target && *target) {
					b = text_target(f);
					if (b->pending_space && b->text.len > b->label_len)
						buf_addc(&b->text, ' ');
					b->pending_space = 0;
					s = bb_add_span(b, SPAN_LINK, b->text.len);
					buf_printf(&b->text, "[%s]", target);
					s->end = b->text.len;
					s->target = target;
					target = NULL;
				}
				free(target);
				descend = 0;
			} else {
				char *ref = NULL;
				char *type = NULL;

				if (needs_word_break(n) && top(f))
					top(f)->pending_space = 1;
				if ((type = mention_type(n)) != NULL) {
					struct mention_ctx m;
					struct bb *b = text_target(f);

					ref = attr(n, "ref");
					if (!ref || !*ref) {
						free(ref);
						ref = attr(n, "key");
					}
					memset(&m, 0, sizeof(m));
					m.f = f;
					m.b = b;
					m.start = bb_span_start(b);
					m.type = type;
					m.first = -1;
					fr.first_span = b->nspans;
					if (ref && *ref)
						resolve_refs(f->c, f->file, xmlGetLineNo(n), ref,
							     on_mention, &m);
					fr.action = F_MENTION;
					fr.bdepth = f->depth;
					fr.gen = b->gen;
					fr.tmpl.start = m.start;
					fr.tmpl.entity = m.first >= 0 ? m.first : -3;
					fr.type = type;
					type = NULL;
				} else if ((el_flag(n) & F_EMPH) || is_el(n, EL_ref)) {
					struct bb *b = text_target(f);

					fr.action = F_SPAN;
					fr.bdepth = f->depth;
					fr.gen = b->gen;
					fr.tmpl.start = bb_span_start(b);
					if (is_el(n, EL_ref)) {
						char *target = attr(n, "target");

						fr.tmpl.kind = SPAN_LINK;
						if (target && *target)
							fr.tmpl.target = target;
						else
							free(target);
					} else {
						fr.tmpl.kind = SPAN_EMPHASIS;
					}
				} else if (is_el(n, EL_cell) && n->prev) {
					xmlNodePtr p = n->prev;

					while (p && p->type != XML_ELEMENT_NODE)
						p = p->prev;
					if (p && top(f))
						add_text(f, " | ", 3);
				}
				free(ref);
				free(type);
			}
			if (descend && n->children) {
				frames = xgrow(frames, &capframes, nframes + 1, sizeof(*frames));
				frames[nframes++] = fr;
			} else if (fr.action == F_BLOCK) {
				pop_block(f);
			} else if (fr.action == F_SPAN || fr.action == F_MENTION) {
				close_span_frame(f, &fr);
			}
		}
		/* advance; leave every element we climb out of */
		if (descend && n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != text) {
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (nframes && frames[nframes - 1].node == n) {
				struct frame *fr = &frames[--nframes];

				if (fr->action == F_BLOCK)
					pop_block(f);
				else if (fr->action == F_SPAN || fr->action == F_MENTION)
					close_span_frame(f, fr);
				else if (fr->action == F_SPACE && top(f))
					top(f)->pending_space = 1;
			}
		}
		if (n == text)
			n = NULL;
	}
	while (f->depth)
		pop_block(f);
	flush_notes(f);
	free(frames);
}

/* ---- document headers ------------------------------------------------- */

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

static char *header_date(xmlNodePtr header, const char *file)
{
	/* where a document's own date is most likely to be, first */
	static const enum el places[] = { EL_creation, EL_publicationStmt, EL_sourceDesc,
					  EL_profileDesc, EL_teiHeader };
	char out[11];
	size_t i;
	const char *base;

	for (i = 0; header && i < sizeof(places) / sizeof(places[0]); i++) {
		xmlNodePtr scope = places[i] == EL_teiHeader ? header : find_el(header, places[i]);
		xmlNodePtr n;

		for (n = scope; n; n = next_node(n, scope, 1)) {
			static const char *const attrs[] = { "when", "when-iso", "from",
							     "notBefore", NULL };
			size_t k;

			if (!is_el(n, EL_date))
				continue;
			for (k = 0; attrs[k]; k++) {
				char *v = attr(n, attrs[k]);

				if (v && iso_date(v, out)) {
					free(v);
					return xstrdup(out);
				}
				free(v);
			}
			{
				char *t = flat_string(n);

				if (iso_date(t, out)) {
					free(t);
					return xstrdup(out);
				}
				free(t);
			}
		}
	}
	/* from the file name: the first YYYY-MM-DD or YYYY in it */
	base = strrchr(file, '/');
	base = base ? base + 1 : file;
	for (; *base; base++)
		if (isdigit((unsigned char)*base) && (base == file || !isdigit((unsigned char)base[-1])) &&
		    iso_date(base, out) && (out[4] == '\0' || strlen(out) >= 7) &&
		    !isdigit((unsigned char)base[strlen(out)]))
			return xstrdup(out);
	return xstrdup("");
}

static char *header_type(xmlNodePtr tei, xmlNodePtr header)
{
	xmlNodePtr text = first_child_el(tei, EL_text), n;
	char *t = text ? attr(text, "type") : NULL;

	if (t && *t)
		return t;
	free(t);
	for (n = header; n; n = next_node(n, header, 1)) {
		if (is_el(n, EL_term)) {
			char *ty = attr(n, "type");
			int ok = ty && (strcmp(ty, "texttype") == 0 || strcmp(ty, "genre") == 0 ||
					strcmp(ty, "type") == 0);

			free(ty);
			if (ok)
				return flat_string(n);
		} else if (is_el(n, EL_catRef)) {
			char *target = attr(n, "target");

			if (target && *target) {
				const char *s = strrchr(target, '#');
				char *r = xstrdup(s ? s + 1 : target);

				free(target);
				return r;
			}
			free(target);
		}
	}
	return xstrdup("");
}

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
		doc_add_block(f, &m->b);
	bb_free(&m->b);
}

struct pointer_ctx {
	long e;
};

static void on_pointer(void *ctx, long e, const char *tok)
{
	struct pointer_ctx *p = ctx;

	(void)tok;
	if (e >= 0 && p->e < 0)
		p->e = e;
}

/* A participant or setting: the entity it points to and its name. */
static void meta_pointer(struct flat *f, struct meta_line *m, xmlNodePtr n, const char *note)
{
	static const char *const ptr_attrs[] = { "sameAs", "ref", "key", "corresp", "who", NULL };
	struct pointer_ctx p = { -1 };
	xmlNodePtr name = NULL, k;
	char *text;
	size_t i;

	for (i = 0; ptr_attrs[i] && p.e < 0; i++) {
		char *v = attr(n, ptr_attrs[i]);

		if (v && *v)
			resolve_refs(f->c, f->file, xmlGetLineNo(n), v, on_pointer, &p);
		free(v);
	}
	for (k = n->children; k && !name; k = k->next)
		if (is_name_element(k))
			name = k;
	if (p.e < 0 && name) {
		for (i = 0; ptr_attrs[i] && p.e < 0; i++) {
			char *v = attr(name, ptr_attrs[i]);

			if (v && *v)
				resolve_refs(f->c, f->file, xmlGetLineNo(name), v, on_pointer, &p);
			free(v);
		}
	}
	text = name ? flat_string(name) : flat_string(n);
	if (!*text && p.e >= 0) {
		free(text);
		text = xstrdup(entity_get(f->c->ix, p.e)->name);
	}
	meta_item(m, text, p.e, note);
	free(text);
}

/* The title block: the title with its mentions, made by the text walk. */
static void title_block(struct flat *f, xmlNodePtr title, const char *fallback)
{
	struct bb *b;

	if (title) {
		f->skip_notes = 1;
		flatten_text(f, title);   /* p-less content: an implicit block */
		f->skip_notes = 0;
		if (f->d->nblocks)
			f->d->blocks[0].kind = BLOCK_TITLE;
	}
	if (!f->d->nblocks) {
		b = push_block(f, BLOCK_TITLE, 0, NULL);
		bb_add(b, fallback, strlen(fallback));
		pop_block(f);
	}
	/* a title split by a note: one block is enough */
	while (f->d->nblocks > 1) {
		f->d->nblocks--;
		f->d->text.len = f->d->offsets[f->d->nblocks];
		free(f->d->spans[f->d->nblocks]);
	}
}

static void header_blocks(struct flat *f, xmlNodePtr header)
{
	struct meta_line m;
	xmlNodePtr n;
	struct docrec *d = f->d;

	meta_begin(&m, "Date");
	meta_item(&m, d->pub.date, -1, NULL);
	meta_end(f, &m);
	meta_begin(&m, "Type");
	meta_item(&m, d->pub.type, -1, NULL);
	meta_end(f, &m);
	if (!header)
		return;

	meta_begin(&m, "Author");
	for (n = first_child_el(find_el(header, EL_titleStmt), EL_author); n; n = n->next)
		if (is_el(n, EL_author))
			meta_pointer(f, &m, n, NULL);
	meta_end(f, &m);

	meta_begin(&m, "Places");
	for (n = find_el(header, EL_settingDesc); n; n = next_node(n, find_el(header, EL_settingDesc), 1))
		if (is_el(n, EL_placeName) || (is_el(n, EL_name) && has_attr(n, "ref")))
			meta_pointer(f, &m, n, NULL);
	meta_end(f, &m);

	{
		xmlNodePtr partic = find_el(header, EL_particDesc);
		xmlNodePtr list;

		for (list = partic ? partic->children : NULL; list; list = list->next) {
			char *ltype;
			const char *label;

			if (!is_el(list, EL_listOrg) && !is_el(list, EL_listPerson) &&
			    !is_el(list, EL_org) && !is_el(list, EL_person))
				continue;
			ltype = attr(list, "type");
			if (is_el(list, EL_listOrg) || is_el(list, EL_org))
				label = ltype && strcmp(ltype, "hosts") == 0 ? "Hosts" : "Organisations";
			else
				label = ltype && strcmp(ltype, "delegation") == 0 ? "Delegation" : "Participants";
			meta_begin(&m, label);
			if (is_el(list, EL_org) || is_el(list, EL_person)) {
				meta_pointer(f, &m, list, NULL);
			} else {
				for (n = list->children; n; n = n->next) {
					if (is_el(n, EL_org) || is_el(n, EL_person) || is_el(n, EL_personGrp)) {
						char *role = attr(n, "role");

						meta_pointer(f, &m, n, role);
						free(role);
					}
				}
			}
			meta_end(f, &m);
			free(ltype);
		}
	}

	{
		xmlNodePtr sd = find_el(header, EL_sourceDesc);
		xmlNodePtr idno = NULL;
		char *s = NULL;

		for (n = sd; n; n = next_node(n, sd, 1))
			if (is_el(n, EL_idno)) {
				idno = n;
				break;
			}
		if (idno)
			s = flat_string(idno);
		else if (sd && first_child_el(sd, EL_bibl))
			s = flat_string(first_child_el(sd, EL_bibl));
		if (s && *s) {
			meta_begin(&m, "Source");
			meta_item(&m, s, -1, NULL);
			meta_end(f, &m);
		}
		free(s);
	}
}

/* The document with this id, by load index, or (size_t)-1. */
static size_t doc_lookup(const struct corpus *c, const char *id)
{
	return idtab_get(&c->doc_ids, id);
}

static char *doc_id(struct corpus *c, xmlNodePtr tei, size_t file, unsigned nth)
{
	char *id = attr(tei, "id");
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
	while (doc_lookup(c, b.data) != (size_t)-1) {
		b.len = stem;
		buf_printf(&b, "-%zu", k++);
	}
	return buf_steal(&b);
}

/* Assembles the blocks' texts into one buffer, each followed by '\n'. */
static void assemble(struct docrec *d)
{
	size_t i;

	buf_zero_slack(&d->text, 16);   /* the text is a search subject */
	for (i = 0; i < d->nblocks; i++) {
		size_t k;

		d->blocks[i].text = d->text.data + d->offsets[i];
		d->blocks[i].spans = d->spans[i];
		/* a note marker points at its note's block; one whose note had
		 * nothing in it stays a marker without a link */
		for (k = 0; k < d->blocks[i].nspans; k++) {
			struct span *sp = &d->spans[i][k];
			size_t serial = sp->note;

			if (sp->kind != SPAN_NOTEREF)
				continue;
			if (serial < d->nnote_block && d->note_block[serial] != (size_t)-1)
				sp->note = d->note_block[serial];
			else
				sp->kind = SPAN_EMPHASIS;
		}
	}
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

static void read_document(struct corpus *c, size_t file, xmlNodePtr tei, unsigned nth)
{
	struct flat f;
	struct docrec *d;
	xmlNodePtr header = first_child_el(tei, EL_teiHeader);
	xmlNodePtr text = first_child_el(tei, EL_text);
	xmlNodePtr title = NULL, ts;
	size_t i;

	c->docs = xgrow(c->docs, &c->capdocs, c->ndocs + 1, sizeof(*c->docs));
	d = &c->docs[c->ndocs];
	memset(d, 0, sizeof(*d));
	d->pub.id = doc_id(c, tei, file, nth);
	d->pub.file = c->files[file].path;
	idtab_put(&c->doc_ids, d->pub.id, c->ndocs);
	d->pub.date = header_date(header, c->files[file].path);
	d->pub.type = header_type(tei, header);
	c->ndocs++;

	memset(&f, 0, sizeof(f));
	f.c = c;
	f.file = file;
	f.doc = c->ndocs - 1;
	f.d = d;
	f.expand_budget = ((size_t)1 << 20) + c->bytes;

	ts = header ? find_el(header, EL_titleStmt) : NULL;
	for (title = ts ? first_child_el(ts, EL_title) : NULL; title; title = title->next) {
		char *type;
		int main_title;

		if (!is_el(title, EL_title))
			continue;
		type = attr(title, "type");
		main_title = !type || strcmp(type, "main") == 0;
		free(type);
		if (main_title)
			break;
	}
	if (!title && ts)
		title = first_child_el(ts, EL_title);
	title_block(&f, title, d->pub.id);
	header_blocks(&f, header);
	d->pub.nheader = d->nblocks;
	if (text)
		flatten_text(&f, text);
	for (i = 0; i < f.ndeferred; i++)
		bb_free(&f.deferred[i]);
	free(f.deferred);
	free(f.stack);

	assemble(d);
	/* the title block, without its '\n' */
	d->pub.title = xstrndup(d->pub.blocks[0].text, d->pub.blocks[0].len);
}

/* Every TEI element in a file is a document; teiCorpus may nest. */
static void collect_documents(struct corpus *c, size_t file)
{
	xmlNodePtr root = c->files[file].root, n;
	unsigned nth = 0;

	for (n = root; n; ) {
		int descend = 1;

		if (is_el(n, EL_TEI)) {
			/* a TEI with no text (an authority file) is not a document */
			if (first_child_el(n, EL_text))
				read_document(c, file, n, ++nth);
			descend = 0;
		} else if (n->type == XML_ELEMENT_NODE && !is_el(n, EL_teiCorpus)) {
			descend = 0;
		}
		n = next_node(n, root, descend);
	}
}

/* ---- reading files ---------------------------------------------------- */

static int under_root(const struct corpus *c, const char *real)
{
	size_t n = strlen(c->root_dir);

	return strncmp(real, c->root_dir, n) == 0 && (real[n] == '/' || real[n] == '\0' ||
						      strcmp(c->root_dir, "/") == 0);
}

/* The one external entity loader: local files below the corpus root only.
 * It serves DTDs, external entities and XInclude alike. */
/* Why the loader refused url: told through the XInclude error that
 * follows (it has the line of the include), else reported now. */
static void refuse(struct corpus *c, xmlParserCtxtPtr ctxt, const char *what, const char *url,
		   const char *why)
{
	if (c->in_xinclude) {
		buf_reset(&c->loader_reason);
		buf_printf(&c->loader_reason, "%s '%s': %s", what, url, why);
		return;
	}
	add_diag(c, c->cur_file, ctxt && ctxt->input ? ctxt->input->line : 0, 1, 0,
		 "%s '%s': %s", what, url, why);
}

/* The one external entity loader: local files below the corpus root only.
 * It serves DTDs, external entities and XInclude alike. */
static xmlParserInputPtr safe_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	struct corpus *c = loading;
	char real[PATH_MAX];
	const char *path = url;
	char *unescaped = NULL;

	(void)id;
	if (!c || !url)
		return NULL;
	if (strncmp(url, "file://", 7) == 0) {
		path = url + 7;
		if (strncmp(path, "localhost/", 10) == 0)
			path += 9;
	} else if (strstr(url, "://") || strncmp(url, "data:", 5) == 0) {
		refuse(c, ctxt, "refused to load", url, "not a local file");
		return NULL;
	}
	unescaped = xmlURIUnescapeString(path, 0, NULL);
	if (!unescaped || !realpath(unescaped, real)) {
		refuse(c, ctxt, "cannot load", url, strerror(errno));
		xmlFree(unescaped);
		return NULL;
	}
	xmlFree(unescaped);
	if (!under_root(c, real)) {
		refuse(c, ctxt, "refused to load", url, "outside the corpus root");
		return NULL;
	}
	return xmlNewInputFromFile(ctxt, real);
}

static char *read_file(struct corpus *c, size_t file, size_t *len)
{
	const char *path = c->files[file].path;
	FILE *fp = fopen(path, "rb");
	struct stat st;
	char *data;
	size_t n;

	if (!fp) {
		add_diag(c, file, 0, 0, 1, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		add_diag(c, file, 0, 0, 1, "not a regular file");
		fclose(fp);
		return NULL;
	}
	if ((size_t)st.st_size > c->opt.max_file_size) {
		add_diag(c, file, 0, 0, 1,
			 "file is %lld bytes, more than the limit of %zu (--max-file-size raises it)",
			 (long long)st.st_size, c->opt.max_file_size);
		fclose(fp);
		return NULL;
	}
	data = xmalloc((size_t)st.st_size + 1);
	n = fread(data, 1, (size_t)st.st_size, fp);
	fclose(fp);
	data[n] = '\0';
	*len = n;
	return data;
}


static void graft(struct corpus *c, xmlNodePtr node)
{
	/* Linked by hand: xmlAddChild would walk the whole subtree, recursively,
	 * to move every node to the master document.  Each file's nodes keep
	 * their own document (and its dictionary, which all share), so they
	 * are freed through it in corpus_free. */
	node->parent = c->root;
	node->next = NULL;
	node->prev = c->root->last;
	if (c->root->last)
		c->root->last->next = node;
	else
		c->root->children = node;
	c->root->last = node;
}

static void ungraft(struct corpus *c, xmlNodePtr node)
{
	if (node->prev)
		node->prev->next = node->next;
	else
		c->root->children = node->next;
	if (node->next)
		node->next->prev = node->prev;
	else
		c->root->last = node->prev;
	node->parent = NULL;
	node->next = node->prev = NULL;
}

static void parse_file(struct corpus *c, size_t file)
{
	struct file_rec *f = &c->files[file];
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	xmlNodePtr root;
	size_t len = 0;
	char *data;
	int ok = 1;

	c->cur_file = file;
	data = read_file(c, file, &len);
	if (!data)
		return;
	c->bytes += len;
	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		die("out of memory creating a parser");
	/* all files share one dictionary so their names are interned once */
	if (ctxt->dict)
		xmlDictFree(ctxt->dict);
	ctxt->dict = c->dict;
	xmlDictReference(c->dict);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, f->path, NULL, PARSE_OPTIONS);
	if (len > INT_MAX) {
		add_diag(c, file, 0, 0, 1, "file too large for the XML parser");
		ok = 0;
	}
	free(data);
	if (!doc || !ctxt->wellFormed) {
		if (c->ndiags == 0 || strcmp(c->diags[c->ndiags - 1].file, f->path) != 0)
			add_diag(c, file, 1, 1, 1, "not well-formed XML");
		add_diag(c, file, ctxt->input ? ctxt->input->line : 0, 0, 1,
			 "file skipped: it is not well-formed XML");
		xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctxt);
		return;
	}
	xmlFreeParserCtxt(ctxt);
	c->in_xinclude = 1;
	xmlXIncludeProcessFlags(doc, PARSE_OPTIONS);   /* problems are reported */
	c->in_xinclude = 0;
	buf_reset(&c->loader_reason);
	/* libxml2's table of xml:ids (10 KB even for a tiny file) is not
	 * used after XInclude: the entity index has its own */
	if (doc->ids) {
		xmlFreeIDTable(doc->ids);
		doc->ids = NULL;
	}
	root = xmlDocGetRootElement(doc);
	if (!root) {
		add_diag(c, file, 1, 1, 1, "file skipped: no root element");
		xmlFreeDoc(doc);
		return;
	}
	if (!(el_flag(root) & F_ROOT)) {
		add_diag(c, file, xmlGetLineNo(root), 1, 1,
			 "file skipped: root element <%s> is not TEI", (const char *)root->name);
		ok = 0;
	}
	/* libxml2 has decoded the file to UTF-8 and refused invalid input, so
	 * every string in the tree is valid UTF-8: nothing to check again */
	if (!ok) {
		xmlFreeDoc(doc);
		return;
	}
	xmlUnlinkNode(root);
	graft(c, root);
	f->doc = doc;
	f->root = root;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with_xml(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

/* Every *.xml below dir, sorted by path, found without recursion. */
static void find_files(struct corpus *c, const char *dir)
{
	char **todo = NULL, **found = NULL;
	size_t ntodo = 0, captodo = 0, nfound = 0, capfound = 0, i;
	size_t visited = 0;

	todo = xgrow(todo, &captodo, 1, sizeof(char *));
	todo[ntodo++] = xstrdup(dir);
	while (ntodo) {
		char *d = todo[--ntodo];
		DIR *dp = opendir(d);
		struct dirent *de;

		if (!dp) {
			add_diag(c, (size_t)-1, 0, 0, 1, "%s: cannot read directory: %s", d,
				 strerror(errno));
			free(d);
			continue;
		}
		if (++visited > 100000) {
			closedir(dp);
			free(d);
			continue;
		}
		while ((de = readdir(dp)) != NULL) {
			struct buf p = BUF_INIT;
			struct stat st;
			char real[PATH_MAX];

			if (de->d_name[0] == '.')
				continue;   /* ., .., and hidden files */
			buf_printf(&p, "%s/%s", d, de->d_name);
			if (stat(p.data, &st) != 0 || !realpath(p.data, real) || !under_root(c, real)) {
				buf_free(&p);
				continue;   /* dangling, or a symlink out of the corpus */
			}
			if (S_ISDIR(st.st_mode)) {
				todo = xgrow(todo, &captodo, ntodo + 1, sizeof(char *));
				todo[ntodo++] = buf_steal(&p);
			} else if (S_ISREG(st.st_mode) && ends_with_xml(de->d_name)) {
				found = xgrow(found, &capfound, nfound + 1, sizeof(char *));
				found[nfound++] = buf_steal(&p);
			}
			buf_free(&p);
		}
		closedir(dp);
		free(d);
	}
	free(todo);
	qsort(found, nfound, sizeof(char *), cmp_str);
	for (i = 0; i < nfound; i++) {
		c->files = xgrow(c->files, &c->capfiles, c->nfiles + 1, sizeof(*c->files));
		memset(&c->files[c->nfiles], 0, sizeof(*c->files));
		c->files[c->nfiles].path = found[i];
		c->nfiles++;
	}
	free(found);
}

static const struct corpus *sorting;

/* A link's target as a location: an address with a scheme leads out of
 * the corpus; otherwise its fragment (or the whole target) names an entity
 * or a document.  Ids are borrowed from the corpus. */
static void resolve_link(struct corpus *c, struct span *s)
{
	const char *frag;
	size_t d;
	long e;

	if (!s->target)
		return;
	if (strstr(s->target, "://") || strncmp(s->target, "mailto:", 7) == 0) {
		s->to.kind = LOC_URL;
		s->to.id = s->target;
		return;
	}
	frag = strrchr(s->target, '#');
	frag = frag ? frag + 1 : s->target;
	if ((e = entity_find(c->ix, frag)) >= 0) {
		s->to.kind = LOC_ENTITY;
		s->to.id = entity_get(c->ix, e)->id;
	} else if ((d = doc_lookup(c, frag)) != IDTAB_NONE) {
		s->to.kind = LOC_DOC;
		s->to.id = c->docs[d].pub.id;
	}
}

static void resolve_links(struct corpus *c)
{
	size_t i, b, k;

	for (i = 0; i < c->ndocs; i++)
		for (b = 0; b < c->docs[i].nblocks; b++)
			for (k = 0; k < c->docs[i].blocks[b].nspans; k++)
				if (c->docs[i].spans[b][k].kind == SPAN_LINK)
					resolve_link(c, &c->docs[i].spans[b][k]);
}

static int cmp_doc(const void *a, const void *b)
{
	const struct doc *x = &sorting->docs[*(const size_t *)a].pub;
	const struct doc *y = &sorting->docs[*(const size_t *)b].pub;
	int r;

	/* dated documents first, oldest first */
	if (!*x->date != !*y->date)
		return *x->date ? -1 : 1;
	r = strcmp(x->date, y->date);
	if (r)
		return r;
	return strcmp(x->id, y->id);
}

struct corpus *corpus_open(const char *path, const struct corpus_options *opt, char **error)
{
	struct corpus *c;
	struct stat st;
	char real[PATH_MAX];
	xmlExternalEntityLoader old_loader;
	size_t i;

	*error = NULL;
	if (stat(path, &st) != 0 || !realpath(path, real)) {
		struct buf e = BUF_INIT;

		buf_printf(&e, "%s: %s", path, strerror(errno));
		*error = buf_steal(&e);
		return NULL;
	}
	LIBXML_TEST_VERSION
	c = xcalloc(1, sizeof(*c));
	if (opt)
		c->opt = *opt;
	if (!c->opt.max_file_size)
		c->opt.max_file_size = DEFAULT_MAX_FILE_SIZE;
	c->ix = entity_index_new();
	elements_init();
	c->dict = names;
	xmlDictReference(names);
	c->master = xmlNewDoc((const xmlChar *)"1.0");
	if (!c->dict || !c->master)
		die("out of memory");
	c->root = xmlNewDocNode(c->master, NULL, (const xmlChar *)"teiCorpus", NULL);
	xmlDocSetRootElement(c->master, c->root);
	xmlSetNs(c->root, xmlNewNs(c->root, (const xmlChar *)"http://www.tei-c.org/ns/1.0", NULL));

	if (S_ISDIR(st.st_mode)) {
		c->root_dir = xstrdup(real);
		find_files(c, path);
	} else {
		char *slash;

		c->root_dir = xstrdup(real);
		slash = strrchr(c->root_dir, '/');
		if (slash && slash != c->root_dir)
			*slash = '\0';
		else if (slash)
			slash[1] = '\0';
		c->files = xgrow(c->files, &c->capfiles, 1, sizeof(*c->files));
		memset(&c->files[0], 0, sizeof(*c->files));
		c->files[0].path = xstrdup(path);
		c->nfiles = 1;
	}

	loading = c;
	old_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(safe_loader);
	xmlSetStructuredErrorFunc(c, on_xml_error);
	for (i = 0; i < c->nfiles; i++) {
		if (realpath(c->files[i].path, real))
			c->files[i].real = xstrdup(real);
		parse_file(c, i);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetExternalEntityLoader(old_loader);
	loading = NULL;

	for (i = 0; i < c->nfiles; i++)
		if (c->files[i].root)
			collect_records(c, i);
	resolve_relations(c);
	for (i = 0; i < c->nfiles; i++) {
		c->cur_file = i;
		if (c->files[i].root)
			collect_documents(c, i);
	}

	c->order = xcalloc(c->ndocs ? c->ndocs : 1, sizeof(size_t));
	for (i = 0; i < c->ndocs; i++)
		c->order[i] = i;
	sorting = c;
	qsort(c->order, c->ndocs, sizeof(size_t), cmp_doc);
	sorting = NULL;
	/* mentions are added in corpus order, so each entity's list is sorted */
	for (i = 0; i < c->ndocs; i++) {
		const struct doc *d = &c->docs[c->order[i]].pub;
		size_t b, k;

		for (b = 0; b < d->nblocks; b++)
			for (k = 0; k < d->blocks[b].nspans; k++) {
				const struct span *s = &d->blocks[b].spans[k];

				if (s->kind == SPAN_MENTION && s->entity >= 0)
					entity_add_mention(c->ix, s->entity, i, b, s->start,
							   s->end - s->start);
			}
	}
	entity_index_finish(c->ix);
	resolve_links(c);
	return c;
}

void corpus_free(struct corpus *c)
{
	size_t i, j;

	if (!c)
		return;
	for (i = 0; i < c->ndocs; i++) {
		struct docrec *d = &c->docs[i];

		free_const(d->pub.id);
		free_const(d->pub.title);
		free_const(d->pub.date);
		free_const(d->pub.type);
		free_const(d->pub.text);
		for (j = 0; j < d->nblocks; j++) {
			size_t k;

			for (k = 0; k < d->blocks[j].nspans; k++)
				free_const(d->spans[j][k].target);
			free(d->spans[j]);
		}
		free(d->spans);
		free(d->blocks);
	}
	free(c->docs);
	free(c->order);
	idtab_free(&c->doc_ids);
	for (i = 0; i < c->nfiles; i++) {
		struct file_rec *f = &c->files[i];

		if (f->root) {
			ungraft(c, f->root);
			xmlDocSetRootElement(f->doc, f->root);
		}
		xmlFreeDoc(f->doc);
		for (j = 0; j < f->nprefixes; j++) {
			free(f->prefixes[j].ident);
			free(f->prefixes[j].replacement);
			regfree(&f->prefixes[j].re);
		}
		free(f->prefixes);
		free(f->path);
		free(f->real);
	}
	free(c->files);
	xmlFreeDoc(c->master);
	xmlDictFree(c->dict);
	for (i = 0; i < c->ndiags; i++)
		free_const(c->diags[i].message);
	free(c->diags);
	for (i = 0; i < c->nlocals; i++)
		free(c->locals[i].id);
	free(c->locals);
	entity_index_free(c->ix);
	free(c->root_dir);
	buf_free(&c->loader_reason);
	free(c);
}

void corpus_cleanup(void)
{
	xmlDictFree(names);
	names = NULL;
	xmlCleanupParser();
}

size_t corpus_ndocs(const struct corpus *c)
{
	return c->ndocs;
}

const struct doc *corpus_doc(const struct corpus *c, size_t i)
{
	return i < c->ndocs ? &c->docs[c->order[i]].pub : NULL;
}

const struct doc *corpus_find_doc(const struct corpus *c, const char *id)
{
	size_t i = doc_lookup(c, id);

	return i == (size_t)-1 ? NULL : &c->docs[i].pub;
}

size_t corpus_doc_index(const struct corpus *c, const struct doc *d)
{
	size_t i;

	for (i = 0; i < c->ndocs; i++)
		if (&c->docs[c->order[i]].pub == d)
			return i;
	return (size_t)-1;
}

struct entity_index *corpus_entities(const struct corpus *c)
{
	return c->ix;
}

size_t corpus_ndiags(const struct corpus *c)
{
	return c->ndiags;
}

const struct corpus_diag *corpus_diag(const struct corpus *c, size_t i)
{
	return i < c->ndiags ? &c->diags[i] : NULL;
}

size_t corpus_nfiles(const struct corpus *c)
{
	return c->nfiles;
}

size_t corpus_bytes(const struct corpus *c)
{
	return c->bytes;
}

const char *corpus_block_kind_name(enum block_kind kind)
{
	static const char *const kind_names[BLOCK_KIND_COUNT] = {
		"title", "meta", "heading", "paragraph", "item", "quote", "note",
		"caption", "speech", "stage"
	};

	return kind < BLOCK_KIND_COUNT ? kind_names[kind] : "block";
}
