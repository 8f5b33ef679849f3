/* tree.h: finding things in the loaded tree, for the modules that read it
 * after loading (xpath.c, source.c, lint.c).
 *
 * Private to the library: it speaks libxml2.  A node is placed in the
 * corpus as a reader knows it: the file and line it came from, and the
 * document and block it is part of. */
#ifndef WB_TREE_H
#define WB_TREE_H

#include <stddef.h>

#include <libxml/tree.h>

struct corpus;

/* Every block's element and every document's TEI element, sorted, to
 * place a node in a document (tree_locate).  Built once per query. */
struct tree_map;

struct tree_map *tree_map_new(const struct corpus *c);
void tree_map_free(struct tree_map *m);
/* The document (corpus order) and block that n is part of: its nearest
 * ancestor that is a block's element (the first block of that element),
 * else the document whose TEI element holds it (block 0).  Returns 0 and
 * sets both to (size_t)-1 when n is in no document (a register). */
int tree_locate(const struct tree_map *m, xmlNodePtr n, size_t *doc, size_t *block);

/* The path of the file n was read from (borrowed), or NULL. */
const char *tree_file(const struct corpus *c, xmlNodePtr n);
/* The line of n in its file (an attribute's or a text's: its element's
 * start), or 0. */
long tree_line(xmlNodePtr n);

/* The element block of document doc (corpus order) was made from, or
 * NULL; the document's TEI element for block (size_t)-1. */
xmlNodePtr tree_block_node(const struct corpus *c, size_t doc, size_t block);
/* The authority record of entity id (by xml:id; in the file its source
 * names when two files have one), or NULL. */
xmlNodePtr tree_record(const struct corpus *c, const char *id);

/* The root every loaded file hangs under, and the files' roots. */
xmlNodePtr tree_root(const struct corpus *c);
size_t tree_nfiles(const struct corpus *c);
xmlNodePtr tree_file_root(const struct corpus *c, size_t i);
const char *tree_file_path(const struct corpus *c, size_t i);

#endif
