/* loadsax.h: the loader's parser context, with SAX handlers around
 * libxml2's own (loadsax.c).  Private to the loader. */
#ifndef WB_LOADSAX_H
#define WB_LOADSAX_H

#include <libxml/parser.h>

/* A new parser context that uses dictionary dict (taken: freed with the
 * context) and the handlers below; dies when out of memory.  Resets this
 * thread's loadsax_saw_include. */
xmlParserCtxtPtr loadsax_new_parser(xmlDictPtr dict);

/* Whether the last parse on this thread (since loadsax_new_parser) met
 * an element named include or fallback, in any namespace: only then has
 * XInclude anything to do, so a file without one is not walked for
 * includes (drop_corpus_includes, xinclude_check and xmlXIncludeProcess
 * each walk the whole tree). */
int loadsax_saw_include(void);

#endif
