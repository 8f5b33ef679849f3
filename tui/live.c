/* live.c: waiting for keys or a changed corpus, and loading it again
 * (live.h). */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "live.h"
#include "terminal.h"
#include "watch.h"

/* Writes that come this close together are one change: an editor writes
 * a backup, the file, and removes the backup; sed -i writes a copy and
 * renames it.  A change that goes on longer is loaded after SETTLE_MAX. */
#define SETTLE_MS 150
#define SETTLE_MAX 20

void live_start(struct live *l, int watch, struct message *say)
{
	l->watch = NULL;
	if (!watch)
		return;
	l->watch = watch_new(l->path, WATCH_AUTO);
	if (!l->watch)
		message_set(say, 1, "%s cannot be watched for changes: R loads it again", l->path);
}

void live_stop(struct live *l)
{
	watch_free(l->watch);
	l->watch = NULL;
}

/* Polls the terminal (and the watch's descriptor) for ms milliseconds
 * (-1: until something comes).  LIVE_KEY when the terminal has input,
 * LIVE_SIGNAL when the wait was interrupted, LIVE_CHANGED otherwise (the
 * descriptor is readable, or the time is up: the files are looked at). */
static enum live_event wait_input(struct live *l, int ms)
{
	struct pollfd p[2] = { { STDIN_FILENO, POLLIN, 0 }, { -1, POLLIN, 0 } };
	int n;

	p[1].fd = l->watch ? watch_fd(l->watch) : -1;
	n = poll(p, 2, ms);
	if (n < 0)
		return errno == EINTR ? LIVE_SIGNAL : LIVE_KEY;
	return (p[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) ? LIVE_KEY : LIVE_CHANGED;
}

/* After a first change: LIVE_CHANGED when the writes have stopped, else
 * what came first (the change waits for the next call). */
static enum live_event settled(struct live *l)
{
	enum live_event e;
	int i;

	for (i = 0; i < SETTLE_MAX; i++) {
		if ((e = wait_input(l, SETTLE_MS)) != LIVE_CHANGED)
			return e;
		if (!watch_changed(l->watch))
			break;
	}
	return LIVE_CHANGED;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Polling: the files looked at again when the interval has passed, even
 * when keys keep coming. */
static void poll_due(struct live *l)
{
	int every = watch_interval(l->watch);

	if (every < 0 || now_ms() - l->checked < every)
		return;
	l->checked = now_ms();
	l->pending |= watch_changed(l->watch);
}

enum live_event live_wait(struct live *l)
{
	enum live_event e;

	if (!l->watch)
		return LIVE_KEY;
	poll_due(l);
	/* a key curses has read already (ungetch) is not on the descriptor */
	if (!l->pending && terminal_key_pending(NULL))
		return LIVE_KEY;
	for (;;) {
		if (l->pending) {
			if ((e = settled(l)) == LIVE_CHANGED)
				l->pending = 0;
			return e;
		}
		if ((e = wait_input(l, watch_interval(l->watch))) != LIVE_CHANGED)
			return e;
		l->checked = now_ms();
		l->pending = watch_changed(l->watch);
	}
}

void live_forget(struct live *l)
{
	if (l->watch)
		watch_changed(l->watch);
	l->pending = 0;
}

/* The errors of file in c. */
static size_t errors_in(const struct corpus *c, const char *file)
{
	size_t i, n = 0;

	for (i = 0; i < corpus_ndiags(c); i++) {
		const struct corpus_diag *d = corpus_diag(c, i);

		n += d->is_error && d->file && strcmp(d->file, file) == 0;
	}
	return n;
}

/* The first error of new in a file that had fewer errors in old: what the
 * last edit broke.  NULL when there is none. */
static const struct corpus_diag *new_error(const struct corpus *old, const struct corpus *new)
{
	size_t i;

	for (i = 0; i < corpus_ndiags(new); i++) {
		const struct corpus_diag *d = corpus_diag(new, i);

		if (d->is_error && d->file && errors_in(new, d->file) > errors_in(old, d->file))
			return d;
	}
	return NULL;
}

struct corpus *live_reload(const struct live *l, const struct corpus *old, struct message *say)
{
	struct corpus *c;
	const struct corpus_diag *d;
	char *error = NULL;

	c = corpus_open(l->path, &l->copt, &error);
	if (!c) {
		message_set(say, 1, "cannot load %s again: %s", l->path, error);
		free(error);
		return NULL;
	}
	d = new_error(old, c);
	if (d) {
		message_set(say, 1, "%s:%ld:%ld: %s (the text before it is kept)", d->file, d->line,
			    d->column, d->message);
		corpus_free(c);
		return NULL;
	}
	message_set(say, 0, "the corpus changed: loaded again (%zu documents)", corpus_ndocs(c));
	return c;
}
