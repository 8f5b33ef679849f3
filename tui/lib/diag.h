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
