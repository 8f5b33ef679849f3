/* load.h: reading corpus files safely into libxml2 trees.
 *
 * Private to the loader.  One external entity loader serves DTDs,
 * entities and XInclude alike, and loads local files below the corpus
 * root only; files over the size cap are not read; each file's root is
 * grafted under the corpus's teiCorpus root. */
#ifndef WB_LOAD_H
#define WB_LOAD_H

#include <stddef.h>

#include <libxml/tree.h>

struct corpus;

/* Installs the entity loader in libxml2 (process-wide).  Called by
 * corpus_open before it parses; like tei_init, the first call must come
 * before any thread that loads.  The loader finds the corpus through the
 * parser context, so any number of corpora may load at once. */
void load_init(void);
/* Every *.xml below dir, sorted by path, added to c->files. */
void load_find_files(struct corpus *c, const char *dir);
/* Reads and parses c->files[file], XIncludes done, its root grafted;
 * problems become diagnostics and a bad file is left out. */
void load_parse(struct corpus *c, size_t file);
/* Makes sure c->files[file].data holds the file's bytes, reading them
 * again if they were let go (quietly: for a diagnostic's column).  0 when
 * they cannot be read.  diag_release() frees them. */
int load_bytes(struct corpus *c, size_t file);
/* Takes a grafted root off the corpus root again. */
void load_ungraft(struct corpus *c, xmlNodePtr node);

#endif
