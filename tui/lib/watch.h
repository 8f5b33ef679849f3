/* watch.h: noticing that the corpus changed on disk.
 *
 * With inotify (Linux): a watch on the corpus directory and on every
 * directory below it (a corpus that is one file: its directory), and an
 * event for a *.xml file written, moved in or out, or deleted (for a
 * one-file corpus: that file) is a change.  Without it, or asked to
 * (WATCH_POLL): a fingerprint of the path, size, time and inode of every
 * such file, taken again when watch_changed is called -- the caller calls
 * it every watch_interval milliseconds.  A new directory is watched too.
 * The files looked at are the loader's: *.xml below the corpus, names
 * starting with a dot left out. */
#ifndef WB_WATCH_H
#define WB_WATCH_H

enum watch_method {
	WATCH_AUTO,     /* inotify where there is one, else polling */
	WATCH_POLL      /* polling whatever there is */
};

struct watch;

/* Starts watching the corpus at path (a file or a directory).  NULL when
 * path cannot be read. */
struct watch *watch_new(const char *path, enum watch_method how);
void watch_free(struct watch *w);
/* The descriptor to poll for input (inotify), or -1 when polling. */
int watch_fd(const struct watch *w);
/* Milliseconds between calls to watch_changed when polling; -1 with a
 * descriptor (call it when the descriptor is readable). */
int watch_interval(const struct watch *w);
/* Whether a corpus file changed since the last call (or since
 * watch_new).  Never blocks: it reads the events waiting, or takes the
 * fingerprint again. */
int watch_changed(struct watch *w);
/* "inotify" or "polling", for the documentation and the tests. */
const char *watch_method_name(const struct watch *w);

#endif
