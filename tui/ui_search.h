/* ui_search.h: the loop's search: the pattern typed after /, run over the
 * whole corpus as you type within a time budget, its hits, and which hit
 * n and N go to next.  The panes see its state read-only (state, through
 * pane_context.h); only the loop calls these. */
#ifndef WB_UI_SEARCH_H
#define WB_UI_SEARCH_H

#include <stddef.h>

#include "pane_context.h"
#include "search_live.h"

struct corpus;

/* Search budget: a query as you type (query_run cannot stop and go on,
 * so it is not sliced), and once the pattern is kept. */
#define LIVE_SECONDS 0.25
#define KEPT_SECONDS 5.0
/* Search as you type runs in slices of a frame, reading the terminal
 * between them; it goes on between keys for KEPT_SECONDS at most. */
#define LIVE_SLICE 0.016

struct ui_search {
	struct search_state state;      /* what the panes see */
	const struct corpus *corpus;    /* borrowed */
	struct search_context *context;
	struct search_pattern *pattern;
	struct query *query;            /* instead of pattern: a query
					 * (query.h) of text and entities */
	unsigned flags;                 /* enum search_flag bits */
	unsigned run_flags;             /* the flags state's search ran with */
	struct search_live live;        /* the pattern's search, in slices */
};

void ui_search_init(struct ui_search *s, const struct corpus *c, unsigned flags);
void ui_search_free(struct ui_search *s);
/* No search: the pattern and the hits are dropped (and their memory
 * given back to the system). */
void ui_search_clear(struct ui_search *s);
/* Searches for text within seconds; "" clears.  The search already
 * there is kept when text and the flags are the same (Enter after the
 * pattern was typed), with its hits as they are (ui_search_finish goes
 * on with it).  text is a regex, or a
 * query when query_is_plain says it is not one.  Returns 0 for a pattern
 * that does not compile or a query that cannot be read, with *error set
 * (caller frees; a query's error starts with its column); a search that
 * stopped early says so in state.status. */
int ui_search_run(struct ui_search *s, const char *text, double seconds, char **error);
/* Searches for text as it is typed: one slice of LIVE_SLICE seconds,
 * cut short by a key; ui_search_step goes on.  A longer literal than the
 * last searches only the documents that had hits (search_live.h).
 * Returns as ui_search_run does. */
int ui_search_live(struct ui_search *s, const char *text, char **error);
/* Whether the search typed goes on: it stopped for time or a key and has
 * had less than KEPT_SECONDS. */
int ui_search_pending(const struct ui_search *s);
/* One more slice of it, cut short by a key. */
void ui_search_step(struct ui_search *s);
/* Goes on with a search that stopped for time or a key, for KEPT_SECONDS. */
void ui_search_finish(struct ui_search *s);
/* The first hit at or after (doc, block, off) going forward, or the last
 * before it going back, wrapping around the corpus; doc (size_t)-1 for a
 * page that is no document.  NO_HIT without hits. */
size_t ui_search_near(const struct ui_search *s, size_t doc, size_t block, size_t off,
		      int forward);
/* The hit after (or before) the current one, wrapping; *wrapped says it
 * went round the end.  The current hit must be set. */
size_t ui_search_next(const struct ui_search *s, int forward, int *wrapped);

#endif
