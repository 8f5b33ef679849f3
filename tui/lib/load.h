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
/* Parsing on a pool of threads (loadpool.c) splits load_parse in two: a
 * worker reads and parses a file into a slot, touching nothing of the
 * corpus but reading its options, paths and dictionary (to which it adds
 * nothing: a file's other names go to *dict, the worker's own, which
 * load_slot_parse creates when NULL and may retire, setting it to NULL,
 * by the rule in loadpool.c's header), and
 * recording libxml2's messages (load_slot_record, from the worker's own
 * error handler); then the main thread, in file order, replays the
 * messages as diagnostics and does the rest of load_parse.  A file whose
 * parse asked the entity loader for something is parsed again there by
 * load_parse, so the result is the same as a single thread's. */
struct load_err {
	int domain, level;
	long line, col;
	char *message;
};

struct load_slot {
	xmlDocPtr doc;            /* NULL: not read, or not well-formed */
	size_t len;
	int read_ok;
	char *why;                /* why it could not be read */
	long end_line;            /* where the parser stopped, if not well-formed */
	int includes;             /* an element named include or fallback
				   * was parsed: XInclude has work to do */
	int loader_used;          /* the main thread loads it again itself:
				   * the entity loader was wanted, or the
				   * pre-scan found a bomb to report */
	struct load_err *errs;
	size_t nerrs, caperrs;
};

void load_slot_parse(const struct corpus *c, size_t file, struct load_slot *s,
		     xmlDictPtr *dict);
void load_slot_record(struct load_slot *s, int domain, int level, long line, long col,
		      const char *message);
/* Takes the slot's document (or its problems) into the corpus, as
 * load_parse would have, and empties the slot.  A file it parses itself
 * has its names go to *dict, the main thread's sub-dictionary of the
 * corpus's while the workers run (created when NULL; the caller frees
 * it, and it may be let go and set to NULL here), not to the corpus's. */
void load_parse_slot(struct corpus *c, size_t file, struct load_slot *s, xmlDictPtr *dict);
void load_slot_free(struct load_slot *s);
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
