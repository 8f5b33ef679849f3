/* ui.h: the interactive browser. */
#ifndef WB_UI_H
#define WB_UI_H

#include "corpus.h"

struct ui_options {
	unsigned search_flags;  /* enum search_flag bits for / */
	int no_session;         /* neither restore nor save the session */
	const char *path;       /* the corpus c was opened from, and how: */
	struct corpus_options copt;     /* to load it again (R, v, --watch) */
	int watch;              /* load it again when its files change */
	int restricted;         /* no editor (--restricted) */
	const char *config;     /* --config FILE, or NULL (settings.h) */
	size_t max_hits;        /* --max-hits: hits kept (0: SEARCH_KEEP_DEFAULT) */
};

/* Runs the browser on c until the user quits, a signal ends it or the
 * terminal goes away; the terminal is restored on every way out, and the
 * session is saved.  Takes c over (the corpus loaded again replaces it)
 * and frees it.  Returns the exit status. */
int ui_run(struct corpus *c, const struct ui_options *opt);

#endif
