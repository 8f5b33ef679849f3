/* flatten.h: TEI text to blocks and spans, and elements to plain strings.
 *
 * Private to the loader. */
#ifndef WB_FLATTEN_H
#define WB_FLATTEN_H

#include <libxml/tree.h>

struct flat;

/* Flattens the content of text (a TEI text, a title) into f's document:
 * every block is closed and every waiting note added at the end. */
void flatten_text(struct flat *f, xmlNodePtr text);
/* Flattens element n itself (a note of a standOff) the same way. */
void flatten_element(struct flat *f, xmlNodePtr n);
/* The text content of n, whitespace collapsed, choice by its reading,
 * name parts separated, notes left out; for names and labels, without
 * spans.  Caller frees. */
char *flatten_string(xmlNodePtr n);

#endif
