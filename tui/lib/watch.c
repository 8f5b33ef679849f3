/* watch.c: noticing that the corpus changed on disk (watch.h).
 *
 * Both ways walk the corpus directory as the loader does (names starting
 * with a dot left out, *.xml files, subdirectories to a fixed depth): the
 * inotify way to put a watch on each directory, the polling way to hash
 * what it finds into a fingerprint.  A change is not a reload: the caller
 * decides when to load again (after the writes have settled). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_SYS_INOTIFY_H
#include <sys/inotify.h>
#endif

#include "buf.h"
#include "watch.h"

/* Deeper than any corpus; a loop of symbolic links stops here. */
#define MAX_DEPTH 16
#define POLL_MS 2000

struct watch {
	char *dir;              /* the directory watched */
	char *only;             /* a one-file corpus: its file name; else NULL */
	int fd;                 /* inotify, or -1 */
	uint64_t print;         /* the fingerprint, when polling */
};

static int ends_with_xml(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

/* Whether a file named name is one the corpus is read from. */
static int corpus_file(const struct watch *w, const char *name)
{
	return w->only ? strcmp(name, w->only) == 0 : name[0] != '.' && ends_with_xml(name);
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n--)
		h = (h ^ *s++) * 1099511628211ULL;
	return h;
}

static uint64_t stamp(uint64_t h, const char *path, const struct stat *st)
{
	int64_t v[4] = { (int64_t)st->st_size, (int64_t)st->st_mtim.tv_sec,
			 (int64_t)st->st_mtim.tv_nsec, (int64_t)st->st_ino };

	h = fnv(h, path, strlen(path) + 1);
	return fnv(h, v, sizeof(v));
}

/* Walks dir: each corpus file into the fingerprint *h (h may be NULL),
 * each directory to the inotify descriptor (fd -1: none). */
static void walk(const struct watch *w, const char *dir, int depth, uint64_t *h, int fd)
{
	struct buf p = BUF_INIT;
	struct dirent *de;
	struct stat st;
	DIR *dp;

#ifdef HAVE_SYS_INOTIFY_H
	if (fd >= 0)
		inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
				  IN_DELETE | IN_CREATE | IN_ONLYDIR);
#endif
	if (w->only && h) {
		buf_printf(&p, "%s/%s", dir, w->only);
		if (stat(p.data, &st) == 0)
			*h = stamp(*h, p.data, &st);
		buf_free(&p);
		return;
	}
	if (w->only || depth > MAX_DEPTH || !(dp = opendir(dir)))
		return;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		buf_reset(&p);
		buf_printf(&p, "%s/%s", dir, de->d_name);
		if (stat(p.data, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			walk(w, p.data, depth + 1, h, fd);
		else if (h && S_ISREG(st.st_mode) && corpus_file(w, de->d_name))
			*h += stamp(14695981039346656037ULL, p.data, &st);   /* any order */
	}
	closedir(dp);
	buf_free(&p);
}

static uint64_t fingerprint(const struct watch *w)
{
	uint64_t h = 0;

	walk(w, w->dir, 0, &h, -1);
	return h;
}

struct watch *watch_new(const char *path, enum watch_method how)
{
	struct watch *w;
	struct stat st;
	const char *slash;

	if (stat(path, &st) != 0)
		return NULL;
	w = xcalloc(1, sizeof(*w));
	w->fd = -1;
	if (S_ISDIR(st.st_mode)) {
		w->dir = xstrdup(path);
	} else {
		slash = strrchr(path, '/');
		w->dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
			       : xstrdup(".");
		w->only = xstrdup(slash ? slash + 1 : path);
	}
#ifdef HAVE_SYS_INOTIFY_H
	if (how == WATCH_AUTO)
		w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd >= 0) {
		walk(w, w->dir, 0, NULL, w->fd);
		return w;
	}
#else
	(void)how;
#endif
	w->print = fingerprint(w);
	return w;
}

void watch_free(struct watch *w)
{
	if (!w)
		return;
	if (w->fd >= 0)
		close(w->fd);
	free(w->dir);
	free(w->only);
	free(w);
}

int watch_fd(const struct watch *w)
{
	return w->fd;
}

int watch_interval(const struct watch *w)
{
	return w->fd >= 0 ? -1 : POLL_MS;
}

const char *watch_method_name(const struct watch *w)
{
	return w->fd >= 0 ? "inotify" : "polling";
}

#ifdef HAVE_SYS_INOTIFY_H
/* The events waiting: a corpus file changed, a directory came (watched
 * from now on, and a change: it may hold files), or events were lost. */
static int read_events(struct watch *w)
{
	char ev[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *e;
	ssize_t n;
	size_t i;
	int changed = 0;

	while ((n = read(w->fd, ev, sizeof(ev))) > 0) {
		for (i = 0; i + sizeof(*e) <= (size_t)n; i += sizeof(*e) + e->len) {
			e = (const struct inotify_event *)(ev + i);
			if (e->mask & IN_Q_OVERFLOW) {
				changed = 1;
			} else if (e->len && (e->mask & IN_ISDIR) && e->name[0] != '.' && !w->only) {
				changed |= (e->mask & (IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)) != 0;
				/* watched again from the top: a directory
				 * already watched keeps its one watch */
				if (e->mask & (IN_CREATE | IN_MOVED_TO))
					walk(w, w->dir, 0, NULL, w->fd);
			} else if (e->len && !(e->mask & IN_CREATE) && corpus_file(w, e->name)) {
				changed = 1;
			}
		}
	}
	return changed;
}
#endif

int watch_changed(struct watch *w)
{
	uint64_t now;

#ifdef HAVE_SYS_INOTIFY_H
	if (w->fd >= 0)
		return read_events(w);
#endif
	now = fingerprint(w);
	if (now == w->print)
		return 0;
	w->print = now;
	return 1;
}
