/* loadsax.c: SAX handlers around libxml2's own, for the loader.
 *
 * - Includes: the start of an element named include or fallback is noted
 *   (loadsax_saw_include).
 * - Text buffers: libxml2 builds a text node that comes in several pieces
 *   (a paragraph longer than its input chunk, one with &amp; in it) in a
 *   buffer it doubles (ctxt->nodemem bytes for ctxt->nodelen of text):
 *   when an element starts or ends, the text node before it is finished,
 *   and its buffer is cut to its length.  On the 100 MB synthetic corpus
 *   that gives back 32 MB of the trees' 620. */
#include "config.h"

#include <string.h>

#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "buf.h"
#include "loadsax.h"

static __thread int saw_include;

int loadsax_saw_include(void)
{
	return saw_include;
}

/* The text node being built as the last child of the current element,
 * if its buffer has room to spare: cut to its length.  libxml2 keeps
 * nodelen and nodemem for exactly that node (the last child, a text
 * node) and has grown its buffer with xmlRealloc only when nodemem >
 * nodelen + 1; content in the node itself (XML_PARSE_COMPACT) or in the
 * dictionary always has nodemem == nodelen + 1. */
static void trim_text(xmlParserCtxtPtr ctxt)
{
	xmlNodePtr t = ctxt->node ? ctxt->node->last : NULL;
	xmlChar *p;

	if (!t || t->type != XML_TEXT_NODE || t->name != xmlStringText || !t->content ||
	    ctxt->nodelen < 0 || ctxt->nodemem <= ctxt->nodelen + 1 ||
	    t->content == (xmlChar *)&t->properties)
		return;
	p = xmlRealloc(t->content, (size_t)ctxt->nodelen + 1);
	if (p) {
		t->content = p;
		ctxt->nodemem = ctxt->nodelen + 1;
	}
}

static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			  const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
			  int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	if ((localname[0] == 'i' && strcmp((const char *)localname, "include") == 0) ||
	    (localname[0] == 'f' && strcmp((const char *)localname, "fallback") == 0))
		saw_include = 1;
	trim_text(ctx);
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces,
			      nb_attributes, nb_defaulted, attributes);
}

static void end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
			const xmlChar *uri)
{
	trim_text(ctx);
	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

xmlParserCtxtPtr loadsax_new_parser(xmlDictPtr dict)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();

	if (!ctxt || !dict || !ctxt->sax)
		die("out of memory creating a parser");
	if (ctxt->dict)
		xmlDictFree(ctxt->dict);
	ctxt->dict = dict;
	ctxt->sax->startElementNs = start_element;
	ctxt->sax->endElementNs = end_element;
	saw_include = 0;
	return ctxt;
}
