/* corpus.c: the corpus object and its public interface (corpus.h).
 *
 * corpus_open runs the load: the files are found and parsed (load.c),
 * every file's authority records are read (pass 1, records.c; with the
 * pool, each file's as soon as it is parsed), then every
 * TEI text is flattened into a document (pass 2, documents.c, on a pool
 * of threads with --jobs: flatpool.c), so that a mention resolves
 * whatever file its record is in.  Then the documents are
 * put in corpus order, mentions go to the entity index in that order, and
 * links are resolved.  Diagnostics are collected throughout (diag.c).
 *
 * The loader is split by job: tei.c (the element table and the walker),
 * load.c, diag.c, refs.c, records.c, documents.c, header.c, blocks.c,
 * flatten.c and elements.c; corpus_impl.h is the struct they share.  It is
 * the only module that includes libxml2. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "corpus.h"
#include "corpus_impl.h"
#include "diag.h"
#include "documents.h"
#include "entity.h"
#include "flatpool.h"
#include "idtab.h"
#include "load.h"
#include "loadpool.h"
#include "xinclude.h"
#include "records.h"
#include "tei.h"

#define DEFAULT_MAX_FILE_SIZE ((size_t)256 << 20)
#define DEFAULT_MAX_DEPTH 64
#define DEFAULT_MAX_INCLUDE_DEPTH 8

size_t corpus_doc_lookup(const struct corpus *c, const char *id)
{
	return idtab_get(&c->doc_ids, id);
}

/* A new corpus with its empty teiCorpus root. */
static struct corpus *corpus_new(const struct corpus_options *opt)
{
	struct corpus *c = xcalloc(1, sizeof(*c));

	if (opt)
		c->opt = *opt;
	if (!c->opt.max_file_size)
		c->opt.max_file_size = DEFAULT_MAX_FILE_SIZE;
	if (!c->opt.max_depth)
		c->opt.max_depth = DEFAULT_MAX_DEPTH;
	if (!c->opt.max_include_depth)
		c->opt.max_include_depth = DEFAULT_MAX_INCLUDE_DEPTH;
	c->ix = entity_index_new();
	c->dict = tei_names();
	xmlDictReference(c->dict);
	c->master = xmlNewDoc((const xmlChar *)"1.0");
	if (!c->dict || !c->master)
		die("out of memory");
	c->root = xmlNewDocNode(c->master, NULL, (const xmlChar *)"teiCorpus", NULL);
	xmlDocSetRootElement(c->master, c->root);
	xmlSetNs(c->root, xmlNewNs(c->root, (const xmlChar *)"http://www.tei-c.org/ns/1.0", NULL));
	return c;
}

/* What XInclude may add by default: 4 times the corpus, at least 16 MiB. */
static size_t include_budget(size_t disk_bytes)
{
	size_t floor = (size_t)16 << 20;

	if (disk_bytes > SIZE_MAX / 4)
		return SIZE_MAX;
	return disk_bytes * 4 > floor ? disk_bytes * 4 : floor;
}

/* The files to read: every *.xml below a directory, or the one file. */
static void add_files(struct corpus *c, const char *path, const char *real, int is_dir)
{
	char *slash;

	c->root_dir = xstrdup(real);
	if (is_dir) {
		load_find_files(c, path);
		return;
	}
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

/* After file i is in: the progress line. */
static void parsed(struct corpus *c, size_t i)
{
	if (c->opt.progress)
		c->opt.progress(c->opt.progress_ctx, i + 1, c->nfiles, c->bytes);
}

/* With the pool, after file i is in: also its records (pass 1), while
 * later files are parsed.  Their messages are held back and added after
 * every file's parse messages (read_records), where one thread adds them;
 * libxml2 reports nothing into the corpus meanwhile, as on one thread. */
static void parsed_records(struct corpus *c, size_t i)
{
	parsed(c, i);
	if (!c->files[i].root)
		return;
	diag_listen(NULL);
	diag_hold(&c->held[i]);
	records_collect(c, i);
	diag_hold(NULL);
	diag_listen(c);
}

static void parse_files(struct corpus *c)
{
	char real[PATH_MAX];
	size_t i;

	diag_listen(c);
	for (i = 0; i < c->nfiles; i++)
		if (realpath(c->files[i].path, real)) {
			c->files[i].real = xstrdup(real);
			idtab_put(&c->reals, c->files[i].real, i);
		}
	c->held = xcalloc(c->nfiles ? c->nfiles : 1, sizeof(*c->held));
	if (!loadpool_parse(c, loadpool_jobs(c->opt.jobs), parsed_records)) {
		free(c->held);
		c->held = NULL;
		for (i = 0; i < c->nfiles; i++) {
			load_parse(c, i);
			parsed(c, i);
		}
	}
	idtab_free(&c->reals);
	diag_listen(NULL);
}

/* Pass 1: every file's records, in file order; with the pool they are
 * read already, and only their messages are added now. */
static void read_records(struct corpus *c)
{
	size_t i;

	for (i = 0; i < c->nfiles; i++)
		if (c->held)
			diag_replay(c, &c->held[i]);
		else if (c->files[i].root)
			records_collect(c, i);
	free(c->held);
	c->held = NULL;
}

/* What putting documents in order compares, so the comparison needs no
 * corpus. */
struct doc_key {
	const char *date, *id;
	size_t index;
};

static int cmp_doc_key(const void *a, const void *b)
{
	const struct doc_key *x = a, *y = b;
	int r;

	/* dated documents first, oldest first */
	if (!*x->date != !*y->date)
		return *x->date ? -1 : 1;
	r = strcmp(x->date, y->date);
	if (r)
		return r;
	return strcmp(x->id, y->id);
}

/* Corpus order (by date, then id), and its inverse. */
static void sort_documents(struct corpus *c)
{
	struct doc_key *keys = xcalloc(c->ndocs ? c->ndocs : 1, sizeof(*keys));
	size_t i;

	for (i = 0; i < c->ndocs; i++) {
		keys[i].date = c->docs[i].pub.date;
		keys[i].id = c->docs[i].pub.id;
		keys[i].index = i;
	}
	qsort(keys, c->ndocs, sizeof(*keys), cmp_doc_key);
	c->order = xcalloc(c->ndocs ? c->ndocs : 1, sizeof(size_t));
	c->rank = xcalloc(c->ndocs ? c->ndocs : 1, sizeof(size_t));
	for (i = 0; i < c->ndocs; i++) {
		c->order[i] = keys[i].index;
		c->rank[keys[i].index] = i;
	}
	free(keys);
}

/* Documents that share a title, for telling them apart. */
struct title_key {
	const char *title;
	size_t index;            /* load index */
	size_t rank;
};

static int cmp_title_key(const void *a, const void *b)
{
	const struct title_key *x = a, *y = b;
	int r = strcmp(x->title, y->title);

	if (r)
		return r;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* What tells document d apart from others of its title: a letter's
 * "Sender → Addressee" and its date (round 0), else its id (round 1). */
static void tell_apart(struct docrec *d, int round)
{
	struct buf t = BUF_INIT;
	const char *sep = " (";

	buf_adds(&t, d->pub.title);
	if (round == 0) {
		if (d->tell_apart) {
			buf_printf(&t, "%s%s", sep, d->tell_apart);
			sep = ", ";
		}
		if (*d->pub.date) {
			buf_printf(&t, "%s%s", sep, d->pub.date);
			sep = ", ";
		}
		if (*sep == ',')
			buf_addc(&t, ')');
	} else {
		buf_printf(&t, " [%s]", d->pub.id);
	}
	free_const(d->pub.title);
	d->pub.title = buf_steal(&t);
}

/* Rows of the document list are distinguishable (issue 11: 25 letters
 * titled with their series title alike): documents that share a title
 * get what differs added to it. */
static void distinguish_titles(struct corpus *c)
{
	struct title_key *keys = xcalloc(c->ndocs ? c->ndocs : 1, sizeof(*keys));
	size_t i, j, k;
	int round;

	for (round = 0; round < 2; round++) {
		for (i = 0; i < c->ndocs; i++) {
			keys[i].title = c->docs[i].pub.title;
			keys[i].index = i;
			keys[i].rank = c->rank[i];
		}
		qsort(keys, c->ndocs, sizeof(*keys), cmp_title_key);
		for (i = 0; i < c->ndocs; i = j) {
			for (j = i + 1; j < c->ndocs && strcmp(keys[i].title, keys[j].title) == 0; j++)
				;
			for (k = i; j - i > 1 && k < j; k++)
				tell_apart(&c->docs[keys[k].index], round);
		}
	}
	free(keys);
}

/* Mentions go to the index in corpus order, so each entity's list is
 * sorted. */
static void add_mentions(struct corpus *c)
{
	size_t i, b, k, n = entity_count(c->ix), *count = xcalloc(n ? n : 1, sizeof(*count));

	/* counted first: each entity's array is made its size at once */
	for (i = 0; i < c->ndocs; i++)
		for (k = 0; k < c->docs[i].nspans; k++)
			if (span_entity(&c->docs[i].spans[k]) >= 0)
				count[span_entity(&c->docs[i].spans[k])]++;
	for (i = 0; i < n; i++)
		if (count[i])
			entity_reserve_mentions(c->ix, (long)i, count[i]);
	free(count);
	for (i = 0; i < c->ndocs; i++) {
		const struct doc *d = &c->docs[c->order[i]].pub;

		for (b = 0; b < d->nblocks; b++)
			for (k = 0; k < d->blocks[b].nspans; k++) {
				const struct span *s = &d->blocks[b].spans[k];

				if (span_entity(s) >= 0)
					entity_add_mention(c->ix, span_entity(s), i, b, s->start,
							   s->end - s->start);
			}
	}
	entity_index_finish(c->ix);
}

/* A link's target as a location: an address with a scheme leads out of
 * the corpus; otherwise its fragment (or the whole target) names an entity
 * or a document.  Ids are borrowed from the corpus. */
/* The element of a text a link's target names: "#id" one of its own file
 * first, else any with that id.  IDTAB_NONE when none has it. */
static size_t find_anchor(const struct corpus *c, size_t file, const char *target,
			  const char *frag)
{
	struct buf local = BUF_INIT;
	size_t a = IDTAB_NONE;

	if (target[0] == '#') {
		buf_printf(&local, "%zu#%s", file, frag);
		a = idtab_get(&c->anchor_ids, local.data);
		buf_free(&local);
	}
	return a != IDTAB_NONE ? a : idtab_get(&c->anchor_ids, frag);
}

static void resolve_link(struct corpus *c, size_t file, struct span_link *s)
{
	const char *frag;
	size_t d, a;
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
	} else if ((d = corpus_doc_lookup(c, frag)) != IDTAB_NONE) {
		s->to.kind = LOC_DOC;
		s->to.id = c->docs[d].pub.id;
	} else if ((a = find_anchor(c, file, s->target, frag)) != IDTAB_NONE) {
		s->to.kind = LOC_DOC;
		s->to.id = c->docs[c->anchors[a].doc].pub.id;
		s->to.block = c->anchors[a].block;
		s->to.off = c->anchors[a].off;
	}
}

static void resolve_links(struct corpus *c)
{
	size_t i, l;

	for (i = 0; i < c->ndocs; i++)
		for (l = 0; l < c->docs[i].nlinks; l++)
			resolve_link(c, c->docs[i].file, &c->docs[i].links[l]);
}

struct corpus *corpus_open(const char *path, const struct corpus_options *opt, char **error)
{
	struct corpus *c;
	struct stat st;
	char real[PATH_MAX];
	size_t i;

	*error = NULL;
	if (stat(path, &st) != 0 || !realpath(path, real)) {
		struct buf e = BUF_INIT;

		buf_printf(&e, "%s: %s", path, strerror(errno));
		*error = buf_steal(&e);
		return NULL;
	}
	LIBXML_TEST_VERSION
	tei_init();
	load_init();
	c = corpus_new(opt);
	add_files(c, path, real, S_ISDIR(st.st_mode));
	if (!S_ISDIR(st.st_mode))
		c->disk_bytes = (size_t)st.st_size;
	c->include_budget = c->opt.max_include ? c->opt.max_include : include_budget(c->disk_bytes);
	parse_files(c);
	read_records(c);
	records_resolve_relations(c);
	documents_index_orphan_notes(c);
	if (!flatpool_collect(c, loadpool_jobs(c->opt.jobs)))
		for (i = 0; i < c->nfiles; i++)
			if (c->files[i].root)
				documents_collect(c, i);
	documents_free_orphan_notes(c);
	diag_summarise(c);
	diag_release(c);
	sort_documents(c);
	distinguish_titles(c);
	add_mentions(c);
	resolve_links(c);
	return c;
}

void corpus_free_docrec(struct docrec *d)
{
	size_t j;

	free_const(d->pub.id);
	free_const(d->pub.title);
	free_const(d->pub.date);
	free_const(d->pub.type);
	free(d->date_shown);
	free(d->tell_apart);
	free_const(d->pub.text);
	for (j = 0; j < d->nlinks; j++)
		free_const(d->links[j].target);
	free(d->links);
	free(d->spans);
	free(d->span_first);
	free(d->nodes);
	free(d->blocks);
}

static void free_file(struct corpus *c, struct file_rec *f)
{
	size_t j;

	if (f->root) {
		load_ungraft(c, f->root);
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
	free(f->data);
	free(f->lines);
}

void corpus_free(struct corpus *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->ndocs; i++)
		corpus_free_docrec(&c->docs[i]);
	free(c->docs);
	free(c->order);
	free(c->rank);
	idtab_free(&c->doc_ids);
	for (i = 0; i < c->nfiles; i++)
		free_file(c, &c->files[i]);
	free(c->files);
	xmlFreeDoc(c->master);
	xmlDictFree(c->dict);
	for (i = 0; i < c->ndiags; i++)
		free_const(c->diags[i].message);
	free(c->diags);
	for (i = 0; i < c->nlocals; i++)
		free(c->locals[i].key);
	free(c->locals);
	idtab_free(&c->local_ids);
	idtab_free(&c->all_ids);
	for (i = 0; i < c->nanchors; i++) {
		free(c->anchors[i].id);
		free(c->anchors[i].local);
	}
	free(c->anchors);
	idtab_free(&c->anchor_ids);
	entity_index_free(c->ix);
	free(c->root_dir);
	buf_free(&c->loader_reason);
	xinclude_free(c);
	free(c);
}

void corpus_cleanup(void)
{
	tei_cleanup();
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
	size_t i = corpus_doc_lookup(c, id);

	return i == IDTAB_NONE ? NULL : &c->docs[i].pub;
}

size_t corpus_doc_index(const struct corpus *c, const struct doc *d)
{
	size_t i = d && d->id ? corpus_doc_lookup(c, d->id) : IDTAB_NONE;

	/* by its id, which is unique: no scan */
	if (i == IDTAB_NONE || &c->docs[i].pub != d)
		return (size_t)-1;
	return c->rank[i];
}

struct entity_index *corpus_entities(const struct corpus *c)
{
	return c->ix;
}

int corpus_has_location(const struct corpus *c, const struct location *l)
{
	switch (l->kind) {
	case LOC_DOC:
		return l->id && corpus_find_doc(c, l->id);
	case LOC_ENTITY:
		return l->id && entity_find(c->ix, l->id) >= 0;
	case LOC_HELP:
	case LOC_HISTORY:
		return 1;
	case LOC_XPATH:
	case LOC_PATH:
	case LOC_COLLOCATES:
	case LOC_YEAR:
		return l->id != NULL;
	case LOC_WITH:
		return l->id && entity_find(c->ix, l->id) >= 0;
	case LOC_NONE:
	case LOC_URL:
		break;
	}
	return 0;
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
