/* xpath.c: XPath 1.0 over the corpus (xpath.h), with libxml2's evaluator.
 *
 * The expression is compiled and evaluated against the teiCorpus root
 * that every file hangs under.  libxml2 reports a syntax error with the
 * position in the expression it stopped at; that becomes a caret under
 * the expression.  The operation limit (libxml2's opLimit) bounds the
 * time a deeply nested expression may take. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "buf.h"
#include "tree.h"
#include "xpath.h"

#define DEFAULT_MAX_OPS 50000000UL
#define DEFAULT_MAX_MATCHES 10000
#define TEI_NS "http://www.tei-c.org/ns/1.0"

/* The first error libxml2 reports for the expression. */
struct xpath_error {
	int set;
	int at;                 /* a position in the expression is known */
	int position;           /* bytes into the expression */
	const char *message;
};

/* libxml2 2.9 hands the callback its error before the message is set:
 * the messages by code, from XML_XPATH_EXPRESSION_OK on, as libxml2
 * words them. */
static const char *const messages[] = {
	"ok", "number encoding", "unfinished literal", "start of literal",
	"expected $ for variable reference", "undefined variable", "invalid predicate",
	"invalid expression", "missing closing curly brace", "unregistered function",
	"invalid operand", "invalid type", "invalid number of arguments",
	"invalid context size", "invalid context position", "out of memory",
	"syntax error", "resource error", "sub resource error",
	"undefined namespace prefix (TEI is tei:, XML is xml:)", "encoding error",
	"character out of XML range", "invalid or incomplete context", "stack usage error",
	"forbidden variable", "too much work: the operation limit stopped it",
	"nested too deeply: the recursion limit stopped it",
};

static void on_error(void *ctx, xmlErrorPtr err)
{
	struct xpath_error *e = ctx;
	int i;

	if (e->set || !err)
		return;
	e->set = 1;
	i = err->code - XML_XPATH_EXPRESSION_OK;
	e->message = i >= 0 && (size_t)i < sizeof(messages) / sizeof(messages[0])
			     ? messages[i] : "invalid expression";
	/* a syntax error names the expression and where in it */
	e->at = err->str1 != NULL;
	e->position = err->int1;
}

/* expr, a caret under the fault when known, and the message. */
static char *error_text(const char *expr, const struct xpath_error *e)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(expr), pos = e->position > 0 ? (size_t)e->position : 0;

	if (pos > len)
		pos = len;
	if (e->at)
		buf_printf(&b, "%s\n%*s^ %s", expr, (int)pos, "",
			   e->message ? e->message : "invalid expression");
	else
		buf_printf(&b, "%s\n%s", expr, e->message ? e->message : "invalid expression");
	return buf_steal(&b);
}

/* Whitespace collapsed, as a reader sees text. */
static char *collapse(const char *s)
{
	struct buf b = BUF_INIT;
	int space = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addc(&b, ' ');
		space = 0;
		buf_addc(&b, *s);
	}
	buf_addc(&b, '\0');
	b.len--;
	return buf_steal(&b);
}

static char *node_text(xmlNodePtr n, int as_xml)
{
	xmlBufferPtr xb;
	xmlChar *s;
	char *out;

	if (as_xml && n->type != XML_NAMESPACE_DECL) {
		xb = xmlBufferCreate();
		if (!xb)
			die("out of memory");
		xmlNodeDump(xb, n->doc, n, 0, 0);
		out = xstrdup((const char *)xmlBufferContent(xb));
		xmlBufferFree(xb);
		return out;
	}
	if (n->type == XML_NAMESPACE_DECL) {
		const xmlNs *ns = (const xmlNs *)(void *)n;

		return xstrdup(ns->href ? (const char *)ns->href : "");
	}
	s = xmlNodeGetContent(n);
	out = collapse(s ? (const char *)s : "");
	xmlFree(s);
	return out;
}

static struct xpath_match *add_match(struct xpath_result *r)
{
	struct xpath_match *m;

	r->matches = xgrow(r->matches, &r->cap, r->n + 1, sizeof(*r->matches));
	m = &r->matches[r->n++];
	memset(m, 0, sizeof(*m));
	m->doc = m->block = XPATH_NO_DOC;
	return m;
}

static void add_nodes(const struct corpus *c, xmlNodeSetPtr set, const struct xpath_limits *lim,
		      size_t max, struct xpath_result *r)
{
	struct tree_map *map;
	int i, n = set ? set->nodeNr : 0;

	r->total = (size_t)n;
	if (!n)
		return;
	map = tree_map_new(c);
	for (i = 0; i < n && r->n < max; i++) {
		xmlNodePtr node = set->nodeTab[i];
		struct xpath_match *m = add_match(r);

		m->text = node_text(node, lim && lim->as_xml);
		if (node->type == XML_NAMESPACE_DECL)
			continue;
		m->file = tree_file(c, node);
		m->line = tree_line(node);
		tree_locate(map, node, &m->doc, &m->block);
	}
	tree_map_free(map);
}

/* A number, a string or a boolean: one match holding the value. */
static void add_value(xmlXPathObjectPtr obj, struct xpath_result *r)
{
	xmlChar *s = xmlXPathCastToString(obj);

	add_match(r)->text = xstrdup(s ? (const char *)s : "");
	xmlFree(s);
	r->total = 1;
}

static xmlXPathContextPtr new_context(const struct corpus *c, const struct xpath_limits *lim,
				      struct xpath_error *err)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(tree_root(c)->doc);

	if (!ctx)
		die("out of memory");
	ctx->node = tree_root(c);
	ctx->error = on_error;
	ctx->userData = err;
	xmlXPathRegisterNs(ctx, (const xmlChar *)"tei", (const xmlChar *)TEI_NS);
#if LIBXML_VERSION >= 20911
	ctx->opLimit = lim && lim->max_ops ? lim->max_ops : DEFAULT_MAX_OPS;
#else
	(void)lim;
#endif
	return ctx;
}

int xpath_run(const struct corpus *c, const char *expr, const struct xpath_limits *lim,
	      struct xpath_result *r, char **error)
{
	struct xpath_error err = { 0, 0, 0, NULL };
	xmlXPathContextPtr ctx;
	xmlXPathCompExprPtr comp;
	xmlXPathObjectPtr obj = NULL;
	size_t max = lim && lim->max_matches ? lim->max_matches : DEFAULT_MAX_MATCHES;
	int status = -1;

	xpath_result_free(r);
	*error = NULL;
	ctx = new_context(c, lim, &err);
	comp = xmlXPathCtxtCompile(ctx, (const xmlChar *)expr);
	if (comp)
		obj = xmlXPathCompiledEval(comp, ctx);
	if (!obj) {
		*error = error_text(expr, &err);
		goto out;
	}
	if (obj->type == XPATH_NODESET)
		add_nodes(c, obj->nodesetval, lim, max, r);
	else
		add_value(obj, r);
	status = 0;
out:
	xmlXPathFreeObject(obj);
	xmlXPathFreeCompExpr(comp);
	xmlXPathFreeContext(ctx);
	return status;
}

void xpath_result_free(struct xpath_result *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->matches[i].text);
	free(r->matches);
	memset(r, 0, sizeof(*r));
}
