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
struct buf;

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
/* For url (a file: URL or a path), its real path in real (PATH_MAX
 * bytes): 1 when it is a local file below the corpus root, 0 when it is
 * not (refused), -1 when it cannot be found; why says which. */
int load_local_path(const struct corpus *c, const char *url, char *real, struct buf *why);
/* path opened for reading without blocking (flags added, e.g. O_NOFOLLOW)
 * when it is a regular file of at most cap bytes: the descriptor, its size
 * in *size.  Else -1, and why says what it is. */
int load_open_regular(const char *path, int flags, size_t cap, size_t *size, struct buf *why);
/* The bytes of such a file (caller frees; NUL-terminated), or NULL with
 * why. */
char *load_read_regular(const char *path, int flags, size_t cap, size_t *len, struct buf *why);
/* Takes a grafted root off the corpus root again. */
void load_ungraft(struct corpus *c, xmlNodePtr node);

#endif
