/* load.c: safe loading of corpus files, and the walk that finds them.
 *
 * Untrusted input is the normal case: no network, no external DTD or
 * entity loading outside the corpus root (one entity loader serves both
 * entities and XInclude), a size cap per file, a directory walk without
 * recursion that leaves out symlinks out of the corpus.  A file's bytes
 * are freed once parsed, and read again only for a diagnostic's column. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/valid.h>
#include <libxml/xinclude.h>

#include "buf.h"
#include "corpus_impl.h"
#include "diag.h"
#include "idtab.h"
#include "load.h"
#include "loadsax.h"
#include "prescan.h"
#include "records.h"
#include "text.h"
#include "xinclude.h"
#include "tei.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | \
		       XML_PARSE_NOXINCNODE)

/* The slot a pool worker is parsing into (loadpool.c), on its thread. */
static __thread struct load_slot *worker_slot;

static int under_root(const struct corpus *c, const char *real)
{
	size_t n = strlen(c->root_dir);

	return strncmp(real, c->root_dir, n) == 0 && (real[n] == '/' || real[n] == '\0' ||
						      strcmp(c->root_dir, "/") == 0);
}

/* Why the loader refused url: told through the XInclude error that
 * follows (it has the line of the include), else reported now. */
static void refuse(struct corpus *c, xmlParserCtxtPtr ctxt, const char *what, const char *url,
		   const char *why)
{
	if (c->loader_quiet)
		return;
	if (c->in_xinclude) {
		buf_reset(&c->loader_reason);
		buf_printf(&c->loader_reason, "%s '%s': %s", what, url, why);
		return;
	}
	diag_add(c, c->cur_file, ctxt && ctxt->input ? ctxt->input->line : 0, 1, 0,
		 "%s '%s': %s", what, url, why);
}

int load_local_path(const struct corpus *c, const char *url, char *real, struct buf *why)
{
	const char *path = url;
	char *unescaped;

	if (strncmp(url, "file://", 7) == 0) {
		path = url + 7;
		if (strncmp(path, "localhost/", 10) == 0)
			path += 9;
	} else if (strstr(url, "://") || strncmp(url, "data:", 5) == 0) {
		buf_printf(why, "not a local file");
		return 0;
	}
	unescaped = xmlURIUnescapeString(path, 0, NULL);
	if (!unescaped || !realpath(unescaped, real)) {
		buf_printf(why, "%s", strerror(errno));
		xmlFree(unescaped);
		return -1;
	}
	xmlFree(unescaped);
	if (!under_root(c, real)) {
		buf_printf(why, "outside the corpus root");
		return 0;
	}
	return 1;
}

int load_open_regular(const char *path, int flags, size_t cap, size_t *size, struct buf *why)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | flags);
	struct stat st;

	if (fd < 0) {
		buf_printf(why, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		buf_printf(why, "not a regular file");
	} else if ((size_t)st.st_size > cap) {
		buf_printf(why, "%lld bytes, more than the limit of %zu (--max-file-size raises it)",
			   (long long)st.st_size, cap);
	} else {
		*size = (size_t)st.st_size;
		return fd;
	}
	close(fd);
	return -1;
}

char *load_read_regular(const char *path, int flags, size_t cap, size_t *len, struct buf *why)
{
	size_t size = 0, n = 0;
	int fd = load_open_regular(path, flags, cap, &size, why);
	char *data;
	ssize_t got;

	if (fd < 0)
		return NULL;
	data = xmalloc(size + 1);
	/* a file that grows meanwhile is read to its size when opened */
	while (n < size && ((got = read(fd, data + n, size - n)) > 0 || (got < 0 && errno == EINTR)))
		n += got > 0 ? (size_t)got : 0;
	data[n] = '\0';
	*len = n;
	close(fd);
	return data;
}

/* A file's bytes, served to libxml2 through a read callback: a memory
 * buffer (xmlParserInputBufferCreateMem) has none in libxml2 2.9, and a
 * text XInclude reads only through it, so it would include nothing. */
struct memory_file {
	char *data;
	size_t len, pos;
};

static int memory_read(void *ctx, char *out, int n)
{
	struct memory_file *m = ctx;
	size_t k = m->len - m->pos;

	if (n <= 0)
		return 0;
	if (k > (size_t)n)
		k = (size_t)n;
	memcpy(out, m->data + m->pos, k);
	m->pos += k;
	return (int)k;
}

static int memory_close(void *ctx)
{
	struct memory_file *m = ctx;

	free(m->data);
	free(m);
	return 0;
}

/* The bytes of real (taken) as a parser input named after it. */
static xmlParserInputPtr memory_input(xmlParserCtxtPtr ctxt, const char *real, char *data,
				      size_t len)
{
	struct memory_file *m = xmalloc(sizeof(*m));
	xmlParserInputBufferPtr ib;
	xmlParserInputPtr in;

	m->data = data;
	m->len = len;
	m->pos = 0;
	ib = xmlParserInputBufferCreateIO(memory_read, memory_close, m, XML_CHAR_ENCODING_NONE);
	if (!ib) {
		memory_close(m);
		return NULL;
	}
	in = xmlNewIOInputStream(ctxt, ib, XML_CHAR_ENCODING_NONE);
	if (!in) {
		xmlFreeParserInputBuffer(ib);
		return NULL;
	}
	/* its name is the base of the includes it has */
	in->filename = (char *)xmlCanonicPath((const xmlChar *)real);
	return in;
}

/* The one external entity loader: regular files below the corpus root
 * only, each within the size cap, read without blocking; what XInclude
 * loads counts against the corpus's inclusion budget.  The corpus comes
 * with the parser context (load_parse and XInclude pass it on as
 * _private); a text XInclude's context has none in libxml2 2.9, so then
 * it is the one this thread's errors go to.  Without a corpus, nothing is
 * loaded. */
static xmlParserInputPtr safe_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	struct corpus *c = ctxt && ctxt->_private ? ctxt->_private : diag_listener();
	char real[PATH_MAX];
	struct buf why = BUF_INIT;
	char *data = NULL;
	size_t len = 0;
	int r;

	(void)id;
	if (worker_slot) {
		/* a worker reports nothing: the main thread parses this
		 * file again, in order, as a single thread would */
		worker_slot->loader_used = 1;
		return NULL;
	}
	if (!c || !url)
		return NULL;
	r = load_local_path(c, url, real, &why);
	if (r > 0)
		data = load_read_regular(real, O_NOFOLLOW, c->opt.max_file_size, &len, &why);
	if (data && c->in_xinclude && len > c->include_budget - c->include_loaded) {
		buf_printf(&why, "over the inclusion budget of %zu bytes (--max-include raises it)",
			   c->include_budget);
		free(data);
		data = NULL;
	}
	if (!data) {
		refuse(c, ctxt, r < 0 ? "cannot load" : "refused to load", url, why.data);
		buf_free(&why);
		return NULL;
	}
	buf_free(&why);
	if (c->in_xinclude)
		c->include_loaded += len;
	return memory_input(ctxt, real, data, len);
}

void load_init(void)
{
	if (xmlGetExternalEntityLoader() != safe_loader)
		xmlSetExternalEntityLoader(safe_loader);
}

/* The bytes of c->files[file] (caller frees), or NULL, reported unless
 * quiet.  Opened without blocking, so a FIFO or a device that took the
 * place of a file is refused, not waited on. */
static char *read_file(struct corpus *c, size_t file, size_t *len, int quiet)
{
	struct buf why = BUF_INIT;
	char *data = load_read_regular(c->files[file].path, 0, c->opt.max_file_size, len, &why);

	if (!data && !quiet)
		diag_add(c, file, 0, 0, 1, "file skipped: %s", why.data);
	buf_free(&why);
	return data;
}

int load_bytes(struct corpus *c, size_t file)
{
	struct file_rec *f = &c->files[file];

	if (!f->data)
		f->data = read_file(c, file, &f->len, 1);
	return f->data != NULL;
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

void load_ungraft(struct corpus *c, xmlNodePtr node)
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

/* The file's bytes through libxml2, its names in dict, or NULL when
 * they are not well-formed XML (reported). */
static xmlDocPtr parse_memory(struct corpus *c, size_t file, const char *data, size_t len,
			      xmlDictPtr dict)
{
	struct file_rec *f = &c->files[file];
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	xmlDictReference(dict);
	ctxt = loadsax_new_parser(dict);
	ctxt->_private = c;   /* for the entity loader */
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, f->path, NULL, PARSE_OPTIONS);
	if (!doc || !ctxt->wellFormed) {
		if (c->ndiags == 0 || strcmp(c->diags[c->ndiags - 1].file, f->path) != 0)
			diag_add(c, file, 1, 1, 1, "not well-formed XML");
		diag_add(c, file, ctxt->input ? ctxt->input->line : 0, 0, 1,
			 "file skipped: it is not well-formed XML");
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* The root of doc if it is one a TEI corpus file may have; else the
 * document is freed (reported). */
static xmlNodePtr tei_root(struct corpus *c, size_t file, xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);

	if (!root) {
		diag_add(c, file, 1, 1, 1, "file skipped: no root element");
	} else if (!(tei_flags(root) & F_ROOT)) {
		diag_add(c, file, xmlGetLineNo(root), 1, 1,
			 "file skipped: root element <%s> is not TEI", (const char *)root->name);
		root = NULL;
	}
	if (!root)
		xmlFreeDoc(doc);
	return root;
}

/* The corpus file an xi:include element's href names (other than the
 * including one itself), or IDTAB_NONE.  A parse="text" include is text,
 * not a file of the corpus. */
static size_t include_names_file(struct corpus *c, size_t file, xmlNodePtr n)
{
	xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
	xmlChar *parse = xmlGetProp(n, (const xmlChar *)"parse");
	xmlChar *base = NULL, *uri = NULL;
	char *path = NULL;
	char real[PATH_MAX];
	size_t j = IDTAB_NONE;

	if (!href || !*href || (parse && xmlStrcmp(parse, (const xmlChar *)"text") == 0))
		goto out;
	base = xmlNodeGetBase(c->files[file].doc, n);
	uri = xmlBuildURI(href, base);
	path = uri ? xmlURIUnescapeString((const char *)uri, 0, NULL) : NULL;
	if (path && strncmp(path, "file://", 7) != 0 && !strstr(path, "://") &&
	    realpath(path, real))
		j = idtab_get(&c->reals, real);
out:
	xmlFree(path);
	xmlFree(uri);
	xmlFree(base);
	xmlFree(parse);
	xmlFree(href);
	return j == file ? IDTAB_NONE : j;
}

struct includes {
	struct corpus *c;
	size_t file;
	xmlNodePtr *drop;
	size_t ndrop, capdrop;
};

static enum tei_step includes_enter(void *ctx, xmlNodePtr n)
{
	struct includes *w = ctx;

	if (n->type != XML_ELEMENT_NODE)
		return TEI_SKIP;
	if (!n->ns || !xmlStrEqual(n->name, (const xmlChar *)"include") ||
	    (!xmlStrEqual(n->ns->href, XINCLUDE_NS) && !xmlStrEqual(n->ns->href, XINCLUDE_OLD_NS)))
		return TEI_DESCEND;
	if (include_names_file(w->c, w->file, n) != IDTAB_NONE) {
		w->drop = xgrow(w->drop, &w->capdrop, w->ndrop + 1, sizeof(*w->drop));
		w->drop[w->ndrop++] = n;
	}
	return TEI_SKIP;
}

/* A file both XIncluded by another corpus file and read on its own loads
 * once, on its own (issue 11: 16 documents shown for 8): includes that
 * name a file of the corpus are taken out before XInclude runs.  (libxml2
 * marks included nodes with xml:base only when they come from another
 * directory, so the copies could not be told apart afterwards.) */
static void drop_corpus_includes(struct corpus *c, size_t file, xmlDocPtr doc)
{
	static const struct tei_visitor v = { includes_enter, NULL };
	struct includes w;
	size_t k;

	memset(&w, 0, sizeof(w));
	w.c = c;
	w.file = file;
	tei_walk(xmlDocGetRootElement(doc), 1, &v, &w);
	for (k = 0; k < w.ndrop; k++) {
		xmlUnlinkNode(w.drop[k]);
		xmlFreeNode(w.drop[k]);
	}
	free(w.drop);
}

static struct prescan_limits prescan_limits_of(const struct corpus *c)
{
	struct prescan_limits lim = {
		c->opt.max_attributes ? c->opt.max_attributes : PRESCAN_MAX_ATTRIBUTES,
		c->opt.max_entity_expansion ? c->opt.max_entity_expansion
					    : PRESCAN_MAX_EXPANSION,
	};

	return lim;
}

/* Files smaller than this are parsed by the main thread, not the pool. */
#define POOL_MIN_BYTES 4096

/* A dictionary of the pool's (a worker's, or the main thread's while the
 * workers run) past this many bytes of strings starts afresh,
 * far below libxml2's limit (XML_MAX_DICTIONARY_LIMIT, 10 MB), so that
 * the files before do not bring a file near it. */
#define DICT_REUSE_BYTES (1024 * 1024)

/* Whether the pre-scan finds a bomb in data, quietly (a worker thread). */
static int prescan_finds(const struct corpus *c, const char *data, size_t len)
{
	struct prescan_limits lim = prescan_limits_of(c);
	struct buf why = BUF_INIT;
	size_t off = 0;
	int found = prescan(data, len, &lim, &off, &why);

	buf_free(&why);
	return found;
}

/* Whether the pre-scan finds a bomb in data (reported, file skipped). */
static int bombed(struct corpus *c, size_t file, const char *data, size_t len)
{
	struct prescan_limits lim = prescan_limits_of(c);
	struct buf why = BUF_INIT;
	size_t off = 0, i, line = 1, bol = 0;

	if (!prescan(data, len, &lim, &off, &why))
		return 0;
	for (i = 0; i < off; i++)
		if (data[i] == '\n') {
			line++;
			bol = i + 1;
		}
	diag_add(c, file, (long)line, (long)text_chars(data + bol, off - bol) + 1, 1,
		 "skipped: %s", why.data);
	buf_free(&why);
	return 1;
}

/* An entry of a document's table of xml:ids, freed without asking the
 * document's dictionary about its strings: xmlFreeIDTable's xmlFreeID
 * does (xmlDictOwns walks the dictionary's string pools), and a pool
 * worker may be adding to that dictionary meanwhile (loadpool.c).
 * xmlAddID copies the value (xmlStrdup, in 2.9 and later) and sets the
 * name only when streaming (xmlTextReader), in the dictionary; the
 * table's keys are the dictionary's, and xmlHashFree leaves them. */
static void free_id(void *payload, const xmlChar *name)
{
	xmlIDPtr id = payload;
	union { const xmlChar *c; xmlChar *m; } value = { id->value };

	(void)name;
	xmlFree(value.m);
	xmlFree(id);
}

/* What load_parse does once the file is parsed: includes (when the
 * parse met an element XInclude looks for), the root grafted. */
static void after_parse(struct corpus *c, size_t file, xmlDocPtr doc, size_t len,
			int includes)
{
	struct file_rec *f = &c->files[file];
	xmlNodePtr root;
	int included;

	c->files[file].doc = doc;   /* for the base of its includes */
	if (includes && c->nfiles > 1)
		drop_corpus_includes(c, file, doc);
	c->files[file].doc = NULL;
	included = 0;
	if (includes) {
		xinclude_check(c, file, doc, len);
		c->in_xinclude = 1;
		/* problems are reported */
		included = xmlXIncludeProcessFlagsData(doc, PARSE_OPTIONS, c) != 0;
		c->in_xinclude = 0;
	}
	buf_reset(&c->loader_reason);
	/* libxml2 has decoded the file to UTF-8 and refused invalid input, so
	 * every string in the tree is valid UTF-8: nothing to check again */
	root = tei_root(c, file, doc);
	if (!root)
		return;
	xmlUnlinkNode(root);
	graft(c, root);
	f->doc = doc;
	f->root = root;
	records_index_ids(c, file, included);
	/* libxml2's table of xml:ids (10 KB even for a tiny file) is not
	 * used after this: the entity index has its own */
	if (doc->ids) {
		xmlHashFree(doc->ids, free_id);
		doc->ids = NULL;
	}
}

/* load_parse, the names going to dict. */
static void parse_into(struct corpus *c, size_t file, xmlDictPtr dict)
{
	xmlDocPtr doc;
	size_t len = 0;
	char *data;

	c->cur_file = file;
	data = read_file(c, file, &len, 0);
	if (!data)
		return;
	c->bytes += len;
	if (len > INT_MAX) {
		/* the parser takes an int length */
		diag_add(c, file, 0, 0, 1, "file too large for the XML parser");
		free(data);
		return;
	}
	if (bombed(c, file, data, len)) {
		free(data);
		return;
	}
	doc = parse_memory(c, file, data, len, dict);
	/* the tree holds copies: the bytes are read again only if a later
	 * message needs a column (load_bytes), so they don't add to the peak */
	free(data);
	if (doc)
		after_parse(c, file, doc, len, loadsax_saw_include());
}

void load_parse(struct corpus *c, size_t file)
{
	/* all files share one dictionary so their names are interned once */
	parse_into(c, file, c->dict);
}

/* ---- the two halves of load_parse, for the pool (loadpool.c) ---------- */

void load_slot_record(struct load_slot *s, int domain, int level, long line, long col,
		      const char *message)
{
	struct load_err *e;

	s->errs = xgrow(s->errs, &s->caperrs, s->nerrs + 1, sizeof(*s->errs));
	e = &s->errs[s->nerrs++];
	e->domain = domain;
	e->level = level;
	e->line = line;
	e->col = col;
	e->message = xstrdup(message);
}

/* Whether the main thread leaves the document of a slot alone while
 * loading (beyond reading it, unlinking and grafting its root and
 * freeing its table of xml:ids with free_id), and its dictionary can
 * take the worker's next file: no XInclude or drop_corpus_includes to
 * run, no xmlFreeDoc of a root that is not TEI's, and room left below
 * libxml2's limit on a dictionary's size. */
static int dict_reusable(const struct load_slot *s, xmlDictPtr dict)
{
	xmlNodePtr root;

	if (!s->doc)
		return 1;
	root = xmlDocGetRootElement(s->doc);
	return !s->includes && root && (tei_flags(root) & F_ROOT) &&
	       xmlDictGetUsage(dict) < DICT_REUSE_BYTES;
}

void load_slot_parse(const struct corpus *c, size_t file, struct load_slot *s,
		     xmlDictPtr *dict)
{
	struct buf why = BUF_INIT;
	xmlParserCtxtPtr ctxt;
	char *data;

	worker_slot = s;
	data = load_read_regular(c->files[file].path, 0, c->opt.max_file_size, &s->len, &why);
	if (!data) {
		s->why = buf_steal(&why);
		worker_slot = NULL;
		return;
	}
	buf_free(&why);
	s->read_ok = 1;
	if (s->len > INT_MAX) {
		free(data);
		worker_slot = NULL;
		return;
	}
	/* a small file costs the pool more than it saves: its own dictionary
	 * (some kilobytes) would outweigh its tree (100,000 files of 250
	 * bytes: 313 MB on one thread, 828 MB on the pool) */
	if (s->len < POOL_MIN_BYTES || prescan_finds(c, data, s->len)) {
		/* the main thread reads it again (and says where a bomb is) */
		s->loader_used = 1;
		free(data);
		worker_slot = NULL;
		return;
	}
	/* the corpus's names, looked up and never added to (threads share
	 * it); a file's other names go to the worker's dictionary, which
	 * serves its successive files until one of them retires it */
	if (!*dict)
		*dict = xmlDictCreateSub(c->dict);
	if (!*dict)
		die("out of memory creating a dictionary");
	xmlDictReference(*dict);
	ctxt = loadsax_new_parser(*dict);
	s->doc = xmlCtxtReadMemory(ctxt, data, (int)s->len, c->files[file].path, NULL,
				   PARSE_OPTIONS);
	s->includes = loadsax_saw_include();
	if (!s->doc || !ctxt->wellFormed || s->loader_used) {
		/* freed here, on the worker: the main thread has no use for it */
		s->end_line = ctxt->input ? ctxt->input->line : 0;
		xmlFreeDoc(s->doc);
		s->doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	free(data);
	if (!dict_reusable(s, *dict)) {
		xmlDictFree(*dict);
		*dict = NULL;
	}
	worker_slot = NULL;
}

void load_slot_free(struct load_slot *s)
{
	size_t i;

	for (i = 0; i < s->nerrs; i++)
		free(s->errs[i].message);
	free(s->errs);
	free(s->why);
	xmlFreeDoc(s->doc);
	memset(s, 0, sizeof(*s));
}

void load_parse_slot(struct corpus *c, size_t file, struct load_slot *s, xmlDictPtr *dict)
{
	struct file_rec *f = &c->files[file];
	size_t i;

	c->cur_file = file;
	if (s->loader_used) {
		load_slot_free(s);
		/* not into the corpus's dictionary, which the workers read */
		if (!*dict)
			*dict = xmlDictCreateSub(c->dict);
		if (!*dict)
			die("out of memory creating a dictionary");
		parse_into(c, file, *dict);
		if (xmlDictGetUsage(*dict) >= DICT_REUSE_BYTES) {
			xmlDictFree(*dict);
			*dict = NULL;
		}
		return;
	}
	if (!s->read_ok) {
		diag_add(c, file, 0, 0, 1, "file skipped: %s", s->why);
		load_slot_free(s);
		return;
	}
	c->bytes += s->len;
	if (s->len > INT_MAX) {
		diag_add(c, file, 0, 0, 1, "file too large for the XML parser");
		load_slot_free(s);
		return;
	}
	for (i = 0; i < s->nerrs; i++)
		diag_xml_error(c, s->errs[i].domain, s->errs[i].level, s->errs[i].line,
			       s->errs[i].col, s->errs[i].message);
	if (!s->doc) {
		if (c->ndiags == 0 || strcmp(c->diags[c->ndiags - 1].file, f->path) != 0)
			diag_add(c, file, 1, 1, 1, "not well-formed XML");
		diag_add(c, file, s->end_line, 0, 1, "file skipped: it is not well-formed XML");
	} else {
		xmlDocPtr doc = s->doc;

		s->doc = NULL;
		after_parse(c, file, doc, s->len, s->includes);
	}
	load_slot_free(s);
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

struct paths {
	char **v;
	size_t n, cap;
};

static void paths_add(struct paths *p, char *path)
{
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof(char *));
	p->v[p->n++] = path;
}

static void paths_free(struct paths *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
}

/* The walk's state: directories to do (each with its depth), the
 * directories seen (by device and inode, the keys owned by seen_keys),
 * the *.xml files found. */
struct walk {
	struct corpus *c;
	struct paths todo, found, seen_keys;
	unsigned *depth;        /* parallel to todo */
	size_t capdepth;
	struct idtab seen;
	int deep_reported;
};

/* Queues directory p (taken) at depth, unless it was seen already: a
 * symlink or a bind mount showing a directory twice lists it once. */
static void walk_dir(struct walk *w, char *p, const struct stat *st, unsigned depth)
{
	struct buf key = BUF_INIT;

	buf_printf(&key, "%llx:%llx", (unsigned long long)st->st_dev,
		   (unsigned long long)st->st_ino);
	if (idtab_get(&w->seen, key.data) != IDTAB_NONE) {
		buf_free(&key);
		free(p);
		return;
	}
	paths_add(&w->seen_keys, buf_steal(&key));
	idtab_put(&w->seen, w->seen_keys.v[w->seen_keys.n - 1], 0);
	if (depth > w->c->opt.max_depth) {
		if (!w->deep_reported)
			diag_add(w->c, (size_t)-1, 0, 0, 1,
				 "%s: skipped: directories nested deeper than %u levels "
				 "(--max-depth raises it)", p, w->c->opt.max_depth);
		w->deep_reported = 1;
		free(p);
		return;
	}
	w->depth = xgrow(w->depth, &w->capdepth, w->todo.n + 1, sizeof(*w->depth));
	w->depth[w->todo.n] = depth;
	paths_add(&w->todo, p);
}

/* The entries of directory d (at depth): directories to do, *.xml files
 * found.  A symlink is followed only to a target inside the corpus root. */
static void read_dir(struct walk *w, DIR *dp, const char *d, unsigned depth)
{
	struct dirent *de;

	while ((de = readdir(dp)) != NULL) {
		struct buf p = BUF_INIT;
		struct stat st;
		char real[PATH_MAX];

		if (de->d_name[0] == '.')
			continue;   /* ., .., and hidden files */
		buf_printf(&p, "%s/%s", d, de->d_name);
		if (stat(p.data, &st) != 0 || !realpath(p.data, real) || !under_root(w->c, real)) {
			buf_free(&p);
			continue;   /* dangling, or a symlink out of the corpus */
		}
		if (S_ISDIR(st.st_mode)) {
			walk_dir(w, buf_steal(&p), &st, depth + 1);
		} else if (S_ISREG(st.st_mode) && ends_with_xml(de->d_name)) {
			paths_add(&w->found, buf_steal(&p));
			w->c->disk_bytes += (size_t)st.st_size;
		}
		buf_free(&p);
	}
}

void load_find_files(struct corpus *c, const char *dir)
{
	struct walk w;
	struct stat st;
	size_t i;

	memset(&w, 0, sizeof(w));
	w.c = c;
	if (stat(dir, &st) != 0)
		return;
	walk_dir(&w, xstrdup(dir), &st, 0);
	while (w.todo.n) {
		unsigned depth = w.depth[w.todo.n - 1];
		char *d = w.todo.v[--w.todo.n];
		DIR *dp = opendir(d);

		if (!dp) {
			diag_add(c, (size_t)-1, 0, 0, 1, "%s: cannot read directory: %s", d,
				 strerror(errno));
		} else {
			read_dir(&w, dp, d, depth);
			closedir(dp);
		}
		free(d);
	}
	xsort(w.found.v, w.found.n, sizeof(char *), cmp_str);
	for (i = 0; i < w.found.n; i++) {
		c->files = xgrow(c->files, &c->capfiles, c->nfiles + 1, sizeof(*c->files));
		memset(&c->files[c->nfiles], 0, sizeof(*c->files));
		c->files[c->nfiles].path = w.found.v[i];
		c->nfiles++;
	}
	free(w.found.v);
	free(w.todo.v);
	free(w.depth);
	idtab_free(&w.seen);
	paths_free(&w.seen_keys);
}
