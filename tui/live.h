/* live.h: the corpus loaded again when its files change (--watch), after
 * the editor (v), or by hand (R).
 *
 * live_wait stands in front of the loop's reading of keys: it returns
 * when a key is waiting, or when the corpus changed on disk and the
 * writes have settled.  live_reload opens the corpus again; a file that
 * loaded before and has a new error now (an edit left it malformed) keeps
 * the previous corpus, and the message says where the file broke.  The
 * reload runs between two keys: a corpus of a few megabytes loads in a
 * fraction of a second, and the keys typed meanwhile wait their turn. */
#ifndef WB_LIVE_H
#define WB_LIVE_H

#include "action.h"
#include "corpus.h"

struct watch;

struct live {
	const char *path;               /* the corpus as it was opened (borrowed) */
	struct corpus_options copt;
	struct watch *watch;            /* NULL: not watching */
	int pending;                    /* a change seen, not loaded yet */
	long long checked;              /* polling: when the files were last looked at (ms) */
};

/* Starts watching l->path when watch is set; a corpus that cannot be
 * watched is said in say and loaded as before. */
void live_start(struct live *l, int watch, struct message *say);
void live_stop(struct live *l);
enum live_event {
	LIVE_KEY,               /* a key is waiting (or the terminal is gone) */
	LIVE_CHANGED,           /* the corpus changed, and the writes settled */
	LIVE_SIGNAL             /* a signal came: a resize curses has not seen,
				 * or one that ends the program */
};

/* Waits for a key, a signal or a change of the corpus.  Without a watch
 * it returns LIVE_KEY at once, and the loop's read of keys waits. */
enum live_event live_wait(struct live *l);
/* Drops the changes noticed so far (the editor's own writes, reloaded
 * already). */
void live_forget(struct live *l);
/* The corpus opened again.  NULL when it cannot be opened or a file has
 * a new error (old is kept), with the reason in say; else the new corpus
 * (caller frees) and a line saying what was loaded. */
struct corpus *live_reload(const struct live *l, const struct corpus *old, struct message *say);

#endif
