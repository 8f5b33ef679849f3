/* diag.h: the loader's diagnostics, "file:line:column: message".
 *
 * Private to the loader.  A file keeps at most MAX_DIAGS_PER_FILE
 * messages (every one with corpus_options.all_diags), and one that has
 * more ends with a summary line, "N problems in this file"; nothing is
 * formatted or looked up for a message that is not kept, so loading time
 * does not grow with the number of problems. */
#ifndef WB_DIAG_H
#define WB_DIAG_H

#include <stddef.h>

struct corpus;

#define MAX_DIAGS_PER_FILE 100

/* A message about file (an index into c->files, or (size_t)-1 for the
 * corpus) at line and col (0 for unknown: shown as 1). */
void diag_add(struct corpus *c, size_t file, long line, long col, int is_error,
	      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* The same at the column (in characters, from 1) where needle first
 * occurs on that line of the file as read, 1 when it does not. */
void diag_add_at(struct corpus *c, size_t file, long line, const char *needle,
		 int is_error, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Messages held back: while a queue is held on a thread, diag_add and
 * diag_add_at there put their messages into it, formatted, instead of
 * into the corpus; diag_replay adds them later, in the order they came,
 * exactly as they would have been added then (what is kept, columns and
 * summaries are decided when they are replayed). */
struct diag_held;
struct diag_queue {
	struct diag_held *items;
	size_t n, cap;
};

#define DIAG_QUEUE_INIT { NULL, 0, 0 }

/* Holds this thread's messages in q from now on; NULL stops. */
void diag_hold(struct diag_queue *q);
/* Adds q's messages to c in order and empties q. */
void diag_replay(struct corpus *c, struct diag_queue *q);
/* Drops q's messages. */
void diag_queue_free(struct diag_queue *q);

/* Sends libxml2's errors on this thread to c's diagnostics (about
 * c->cur_file), or with c NULL stops doing so. */
void diag_listen(struct corpus *c);
/* One message of libxml2's (its domain, level, line, column and text)
 * as a diagnostic of c->cur_file, as the handler diag_listen installs
 * stores it; the pool's workers record them and the main thread replays
 * them through this. */
void diag_xml_error(struct corpus *c, int domain, int level, long line, long col,
		    const char *msg);
/* The corpus diag_listen gave this thread, or NULL. */
struct corpus *diag_listener(void);

/* Writes the summary line of every file with more than
 * MAX_DIAGS_PER_FILE problems (end of the load). */
void diag_summarise(struct corpus *c);
/* Drops the kept bytes and line tables of every file (end of the load). */
void diag_release(struct corpus *c);

#endif
