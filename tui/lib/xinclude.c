/* xinclude.c: what XInclude may add, costed before libxml2 adds it.
 *
 * The cost of an include is the size of what it brings in: a text file's
 * size; an XML file's size plus the cost of its own includes, each counted
 * as often as it occurs (so ten includes of a file that includes the next
 * ten times cost a hundred times that file); a part of the same document,
 * the document's size.  A fallback's includes are added as if carried out
 * too.  Each XML file is read and parsed once per corpus: the memo keeps
 * its cost and why it may not be included, if so. */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxml/xinclude.h>

#include "buf.h"
#include "corpus_impl.h"
#include "diag.h"
#include "idtab.h"
#include "load.h"
#include "xinclude.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | \
		       XML_PARSE_NOXINCNODE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

struct xi_memo {
	char *path;             /* the file's real path (the memo's key) */
	size_t bytes;           /* it and all it includes */
	int done;               /* 0 while it is being costed: a loop */
	char *why;              /* why it may not be included, or NULL */
};

/* What an include, a file or a subtree costs. */
struct cost {
	size_t bytes;
	struct buf why;         /* empty unless refused */
};

static void cost_file(struct corpus *c, const char *real, unsigned depth, struct cost *out);

static size_t sat_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* Whether data is text XInclude may bring in: UTF-8 with no character
 * XML forbids. */
static int xml_text(const char *data, size_t len)
{
	size_t i;

	if (strlen(data) != len || !xmlCheckUTF8((const unsigned char *)data))
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)data[i] < 0x20 && !strchr("\t\n\r", data[i]))
			return 0;
	return 1;
}

/* A text include (UTF-8, the default encoding) carried out here, in one
 * piece: libxml2 2.9 appends the text a few KB at a time, measuring all
 * of it again each time (6 MB take minutes).  1 when inc was replaced,
 * 0 to leave it to libxml2 (why set when it cannot be included). */
static int include_text(struct corpus *c, xmlNodePtr inc, struct buf *why)
{
	xmlChar *parse = xmlGetNoNsProp(inc, (const xmlChar *)"parse");
	xmlChar *enc = xmlGetNoNsProp(inc, (const xmlChar *)"encoding");
	xmlChar *href = xmlGetNoNsProp(inc, (const xmlChar *)"href");
	xmlChar *base = NULL, *uri = NULL;
	char real[PATH_MAX], *data = NULL;
	struct buf ignored = BUF_INIT;
	size_t len = 0;
	int done = 0;

	if (!parse || !xmlStrEqual(parse, (const xmlChar *)"text") || !href || !*href ||
	    (enc && xmlStrcasecmp(enc, (const xmlChar *)"UTF-8") != 0))
		goto out;
	base = xmlNodeGetBase(inc->doc, inc);
	uri = xmlBuildURI(href, base);
	if (!uri || load_local_path(c, (const char *)uri, real, &ignored) <= 0)
		goto out;
	data = load_read_regular(real, O_NOFOLLOW, c->opt.max_file_size, &len, &ignored);
	if (!data || len > INT_MAX)
		goto out;
	if (!xml_text(data, len)) {
		buf_printf(why, "'%s': not UTF-8 text", (const char *)href);
	} else {
		xmlNodePtr t = xmlNewDocTextLen(inc->doc, (const xmlChar *)data, (int)len);

		if (!t)
			die("out of memory");
		xmlReplaceNode(inc, t);
		xmlFreeNode(inc);
		done = 1;
	}
out:
	free(data);
	buf_free(&ignored);
	xmlFree(parse);
	xmlFree(enc);
	xmlFree(href);
	xmlFree(base);
	xmlFree(uri);
	return done;
}

/* The node after n in document order, n's children left out; NULL after
 * the last one under root. */
static xmlNodePtr skip(xmlNodePtr n, xmlNodePtr root)
{
	while (n != root && !n->next)
		n = n->parent;
	return n == root ? NULL : n->next;
}

static int is_include(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->name, "include") == 0 &&
	       (xmlStrEqual(n->ns->href, XINCLUDE_NS) || xmlStrEqual(n->ns->href, XINCLUDE_OLD_NS));
}

/* Whether an xpointer is a bare id or element() parts only: the
 * xpointer() scheme is XPath, whose cost has no bound. */
static int xpointer_allowed(const char *x)
{
	size_t n;

	while (*x == ' ' || *x == '\t' || *x == '\n' || *x == '\r')
		x++;
	if (!strchr(x, '('))
		return 1;   /* a bare name */
	while (*x) {
		if (strncmp(x, "element(", 8) != 0)
			return 0;
		x += 8;
		n = strspn(x, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./");
		if (x[n] != ')')
			return 0;
		x += n + 1;
		while (*x == ' ' || *x == '\t' || *x == '\n' || *x == '\r')
			x++;
	}
	return 1;
}

/* An include of a text file: its size. */
static void cost_text(struct corpus *c, const char *real, struct cost *out)
{
	size_t size = 0;
	int fd = load_open_regular(real, O_NOFOLLOW, c->opt.max_file_size, &size, &out->why);

	if (fd >= 0) {
		close(fd);
		out->bytes = size;
	}
}

/* The include's own target (not its fallback), costed into out. */
static void cost_target(struct corpus *c, xmlNodePtr inc, const char *self, size_t self_size,
			unsigned depth, struct cost *out)
{
	xmlChar *href = xmlGetNoNsProp(inc, (const xmlChar *)"href");
	xmlChar *parse = xmlGetNoNsProp(inc, (const xmlChar *)"parse");
	xmlChar *base = NULL, *uri = NULL;
	char real[PATH_MAX];
	struct buf why = BUF_INIT;
	int r;

	if (!href || !*href) {
		out->bytes = self_size;   /* a part of this document */
		goto out;
	}
	base = xmlNodeGetBase(inc->doc, inc);
	uri = xmlBuildURI(href, base);
	r = uri ? load_local_path(c, (const char *)uri, real, &why) : -1;
	if (r == 0)
		buf_printf(&out->why, "'%s': %s", (const char *)href, why.data);
	if (r <= 0)
		goto out;   /* not found: libxml2 reports it, or takes the fallback */
	if (parse && xmlStrEqual(parse, (const xmlChar *)"text")) {
		cost_text(c, real, out);
	} else if (self && strcmp(real, self) == 0) {
		out->bytes = self_size;
	} else {
		cost_file(c, real, depth + 1, out);
	}
	if (out->why.len && strncmp(out->why.data, "'", 1) != 0) {
		struct buf w = BUF_INIT;

		buf_printf(&w, "'%s': %s", (const char *)href, out->why.data);
		buf_free(&out->why);
		out->why = w;
	}
out:
	buf_free(&why);
	xmlFree(href);
	xmlFree(parse);
	xmlFree(base);
	xmlFree(uri);
}

static void cost_tree(struct corpus *c, xmlNodePtr root, const char *self, size_t self_size,
		      unsigned depth, struct cost *out);

/* One include at depth (1: in a corpus file) with its fallback. */
static void cost_include(struct corpus *c, xmlNodePtr inc, const char *self, size_t self_size,
			 unsigned depth, struct cost *out)
{
	xmlChar *xp = xmlGetNoNsProp(inc, (const xmlChar *)"xpointer");
	xmlNodePtr ch;

	memset(out, 0, sizeof(*out));
	if (depth > c->opt.max_include_depth) {
		buf_printf(&out->why, "includes nested deeper than %u (--max-include-depth raises it)",
			   c->opt.max_include_depth);
	} else if (xp && !xpointer_allowed((const char *)xp)) {
		buf_printf(&out->why, "xpointer '%.60s%s': only an id or element() is allowed",
			   (const char *)xp, xmlStrlen(xp) > 60 ? "..." : "");
	} else {
		cost_target(c, inc, self, self_size, depth, out);
		for (ch = inc->children; ch && !out->why.len; ch = ch->next) {
			struct cost fb;

			memset(&fb, 0, sizeof(fb));
			cost_tree(c, ch, self, self_size, depth, &fb);
			out->bytes = sat_add(out->bytes, fb.bytes);
			if (fb.why.len)
				buf_printf(&out->why, "%s", fb.why.data);
			buf_free(&fb.why);
		}
	}
	xmlFree(xp);
}

/* Every include in the subtree at root (root included), added to out;
 * stops at the first refusal or once over the budget. */
static void cost_tree(struct corpus *c, xmlNodePtr root, const char *self, size_t self_size,
		      unsigned depth, struct cost *out)
{
	xmlNodePtr n = root;

	while (n && !out->why.len && out->bytes <= c->include_budget) {
		if (is_include(n)) {
			struct cost one;

			cost_include(c, n, self, self_size, depth, &one);
			out->bytes = sat_add(out->bytes, one.bytes);
			if (one.why.len)
				buf_printf(&out->why, "%s", one.why.data);
			buf_free(&one.why);
			n = skip(n, root);
		} else {
			n = n->type == XML_ELEMENT_NODE && n->children ? n->children : skip(n, root);
		}
	}
	if (!out->why.len && out->bytes > c->include_budget)
		buf_printf(&out->why, "it would add more than the inclusion budget of %zu bytes "
			   "(--max-include raises it)", c->include_budget);
}

#if LIBXML_VERSION >= 21200
static void ignore_error(void *ctx, const xmlError *err)
#else
static void ignore_error(void *ctx, xmlErrorPtr err)
#endif
{
	(void)ctx;
	(void)err;
}

/* An XML file and its includes, at depth; from the memo when it is there.
 * The memo does not know the depth: a file first reached too deep stays
 * refused when it is reached again from higher up (a refusal too many,
 * never one too few), and the scan stays linear in the files. */
static void cost_file(struct corpus *c, const char *real, unsigned depth, struct cost *out)
{
	size_t i = idtab_get(&c->xi_ids, real), len = 0;
	struct xi_memo *m;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	char *data;

	if (i == IDTAB_NONE) {
		c->xi = xgrow(c->xi, &c->capxi, c->nxi + 1, sizeof(*c->xi));
		memset(&c->xi[c->nxi], 0, sizeof(*c->xi));
		c->xi[c->nxi].path = xstrdup(real);
		idtab_put(&c->xi_ids, c->xi[c->nxi].path, c->nxi);
		i = c->nxi++;
	} else {
		m = &c->xi[i];
		out->bytes = m->bytes;
		if (!m->done)
			buf_printf(&out->why, "an inclusion loop");
		else if (m->why)
			buf_printf(&out->why, "%s", m->why);
		return;
	}
	data = load_read_regular(real, O_NOFOLLOW, c->opt.max_file_size, &len, &out->why);
	if (data && len <= INT_MAX) {
		/* its problems are reported when libxml2 includes it */
		ctxt = xmlNewParserCtxt();
		if (!ctxt)
			die("out of memory creating a parser");
		ctxt->_private = c;
		xmlSetStructuredErrorFunc(c, ignore_error);
		c->loader_quiet++;
		doc = xmlCtxtReadMemory(ctxt, data, (int)len, real, NULL, PARSE_OPTIONS);
		c->loader_quiet--;
		diag_listen(c);
		xmlFreeParserCtxt(ctxt);
		out->bytes = len;
		if (doc)
			cost_tree(c, xmlDocGetRootElement(doc), real, len, depth, out);
		xmlFreeDoc(doc);
	}
	free(data);
	m = &c->xi[i];
	m->bytes = out->bytes;
	m->why = out->why.len ? xstrdup(out->why.data) : NULL;
	m->done = 1;
}

/* Takes inc out of the tree, saying why. */
static void drop(struct corpus *c, size_t file, xmlNodePtr inc, const char *why)
{
	diag_add_at(c, file, xmlGetLineNo(inc), "include", 0, "xi:include skipped: %s", why);
	xmlUnlinkNode(inc);
	xmlFreeNode(inc);
}

void xinclude_check(struct corpus *c, size_t file, xmlDocPtr doc, size_t size)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), n = root, next;
	const char *self = c->files[file].real;
	struct cost one;

	while (n) {
		if (!is_include(n)) {
			n = n->type == XML_ELEMENT_NODE && n->children ? n->children : skip(n, root);
			continue;
		}
		next = skip(n, root);
		cost_include(c, n, self, size, 1, &one);
		if (!one.why.len && one.bytes > c->include_budget - c->include_used)
			buf_printf(&one.why, "it would add %zu bytes, over what is left (%zu) of "
				   "the inclusion budget of %zu bytes (--max-include raises it)",
				   one.bytes, c->include_budget - c->include_used, c->include_budget);
		if (!one.why.len) {
			c->include_used += one.bytes;
			include_text(c, n, &one.why);
		}
		if (one.why.len)
			drop(c, file, n, one.why.data);
		buf_free(&one.why);
		n = next;
	}
}

void xinclude_free(struct corpus *c)
{
	size_t i;

	for (i = 0; i < c->nxi; i++) {
		free(c->xi[i].path);
		free(c->xi[i].why);
	}
	free(c->xi);
	idtab_free(&c->xi_ids);
}
