/* xpath.h: XPath 1.0 over the corpus's one in-memory tree.
 *
 * Every file the corpus loaded is one subtree of the teiCorpus root, so an
 * expression sees them all at once.  The TEI namespace is bound to the
 * prefix "tei" and "xml" is XML's own: //tei:persName[@ref='#aly'].
 * libxml2's XPath 1.0 has no default element namespace, so an unprefixed
 * name matches only elements in no namespace.
 *
 * A match is reported as data: the file and line of the node, the
 * document and block it is in (when it is in a document's text or
 * header), and its text (the string value, whitespace collapsed) or its
 * XML.  No libxml2 type leaves this module.  An evaluation is bounded: a
 * number of XPath operations, and a number of matches kept. */
#ifndef WB_XPATH_H
#define WB_XPATH_H

#include <stddef.h>

struct corpus;

#define XPATH_NO_DOC ((size_t)-1)

struct xpath_match {
	const char *file;       /* borrowed from the corpus; NULL for a value */
	long line;              /* in file, from 1; 0 when not known */
	size_t doc;             /* corpus order, or XPATH_NO_DOC (a register) */
	size_t block;           /* in doc: the block the node is part of */
	char *text;             /* owned: the string value or the node as XML;
				 * for a number, a string or a boolean, its value */
};

struct xpath_result {
	struct xpath_match *matches;
	size_t n, cap;
	size_t total;           /* nodes the expression selected; > n when cut */
};

#define XPATH_RESULT_INIT { NULL, 0, 0, 0 }

struct xpath_limits {
	unsigned long max_ops;  /* XPath operations; 0: the default (50 million) */
	size_t max_matches;     /* matches kept; 0: the default (10,000) */
	int as_xml;             /* text is the node serialised, not its value */
};

/* Evaluates expr over c into r (emptied first).  Returns 0 done, or -1
 * with *error set (caller frees): the expression on one line, a caret
 * under the place it went wrong on the next, and libxml2's message, or
 * the operation limit reached. */
int xpath_run(const struct corpus *c, const char *expr, const struct xpath_limits *lim,
	      struct xpath_result *r, char **error);
void xpath_result_free(struct xpath_result *r);

#endif
