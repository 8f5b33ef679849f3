/* ui_search.c: the loop's search (ui_search.h): compiling the pattern,
 * running it over the corpus within a budget that a keystroke cuts short,
 * and stepping through its hits. */
#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "query.h"
#include "terminal.h"
#include "ui_search.h"

void ui_search_init(struct ui_search *s, const struct corpus *c, unsigned flags)
{
	struct search_result none = SEARCH_RESULT_INIT;
	struct search_live live = SEARCH_LIVE_INIT;

	memset(s, 0, sizeof(*s));
	s->state.hits = none;
	s->live = live;
	s->state.hits.keep = SEARCH_KEEP_DEFAULT;
	s->state.current_hit = NO_HIT;
	s->state.status = SEARCH_DONE;
	s->corpus = c;
	s->context = search_context_new(c);
	s->flags = flags;
}

/* No pattern and no query; the hits are emptied but their memory kept
 * for the next pattern. */
static void drop(struct ui_search *s)
{
	search_pattern_free(s->pattern);
	s->pattern = NULL;
	query_free(s->query);
	s->query = NULL;
	free_const(s->state.pattern_text);
	s->state.pattern_text = NULL;
	search_live_forget(&s->live);
	search_result_reset(&s->state.hits);
	s->state.current_hit = NO_HIT;
	s->state.status = SEARCH_DONE;
	s->state.searching = 0;
	s->state.hidden = 0;
}

void ui_search_clear(struct ui_search *s)
{
	drop(s);
	/* freed, not kept: a pattern typed on the way to the one wanted may
	 * have had a million hits */
	search_result_free(&s->state.hits);
#ifdef HAVE_MALLOC_TRIM
	malloc_trim(0);   /* and given back: a long session does not keep it */
#endif
}

void ui_search_free(struct ui_search *s)
{
	ui_search_clear(s);
	search_live_free(&s->live);
	search_context_free(s->context);
	s->context = NULL;
}

/* A query of text and entities, run whole: its text terms are searched
 * over the corpus before the units are walked, so it cannot resume. */
static int run_query(struct ui_search *s, const char *text, double seconds, char **error)
{
	struct search_limits lim = { seconds, terminal_key_pending, NULL };
	struct buf msg = BUF_INIT;
	size_t column = 0;
	char *why = NULL, *copy;
	struct query *q = query_parse(s->corpus, text, strlen(text), s->flags, &why, &column);

	if (!q) {
		buf_printf(&msg, "column %zu: %s", column, why);
		free(why);
		*error = buf_steal(&msg);
		return 0;
	}
	/* the new text made before the old one is freed: panes tell a new
	 * search by its address */
	copy = xstrdup(text);
	drop(s);
	s->query = q;
	s->run_flags = s->flags;
	s->state.pattern_text = copy;
	s->state.status = query_run(q, s->context, &lim, &s->state.hits);
	return 1;
}

/* One step of the pattern's search within seconds, cut short by a key. */
static void step(struct ui_search *s, double seconds)
{
	struct search_limits lim = { seconds, terminal_key_pending, NULL };

	s->state.status = search_live_step(&s->live, s->context, &lim, &s->state.hits);
	s->state.searching = ui_search_pending(s);
}

/* Compiles text and starts its search (narrowed when it can be); 0 for
 * a pattern that does not compile, the search as it was. */
static int start(struct ui_search *s, const char *text, char **error)
{
	struct search_pattern *p = search_compile(text, strlen(text), s->flags, error);
	const char *old;

	if (!p)
		return 0;
	/* the live search keeps its text and the hits their memory: the
	 * next pattern may narrow this one's documents */
	search_live_start(&s->live, text, strlen(text), s->flags, p, s->corpus, &s->state.hits);
	search_pattern_free(s->pattern);
	s->pattern = p;
	query_free(s->query);
	s->query = NULL;
	old = s->state.pattern_text;
	s->state.pattern_text = xstrdup(text);   /* before the old is freed */
	free_const(old);
	s->run_flags = s->flags;
	s->state.current_hit = NO_HIT;
	s->state.hidden = 0;
	return 1;
}

/* Whether text is what the search there ran, with the same flags. */
static int same_search(const struct ui_search *s, const char *text)
{
	return s->state.pattern_text && (s->pattern || s->query) && s->run_flags == s->flags &&
	       strcmp(s->state.pattern_text, text) == 0;
}

/* Runs text: a query within query_seconds, a pattern's first step
 * within pattern_seconds; the same search as ran keeps its hits. */
static int run(struct ui_search *s, const char *text, double query_seconds,
	       double pattern_seconds, char **error)
{
	if (!*text) {
		ui_search_clear(s);
		return 1;
	}
	if (same_search(s, text))
		return 1;
	if (!query_is_plain(text, strlen(text)))
		return run_query(s, text, query_seconds, error);
	if (!start(s, text, error))
		return 0;
	step(s, pattern_seconds);
	return 1;
}

int ui_search_run(struct ui_search *s, const char *text, double seconds, char **error)
{
	return run(s, text, seconds, seconds, error);
}

int ui_search_live(struct ui_search *s, const char *text, char **error)
{
	return run(s, text, LIVE_SECONDS, LIVE_SLICE, error);
}

/* Whether the search stopped before the end of the corpus. */
static int unfinished(const struct ui_search *s)
{
	return s->state.status == SEARCH_PARTIAL || s->state.status == SEARCH_CANCELLED;
}

int ui_search_pending(const struct ui_search *s)
{
	return s->pattern && unfinished(s) && s->live.seconds < KEPT_SECONDS;
}

void ui_search_step(struct ui_search *s)
{
	if (ui_search_pending(s))
		step(s, LIVE_SLICE);
}

void ui_search_finish(struct ui_search *s)
{
	struct search_limits lim = { KEPT_SECONDS, terminal_key_pending, NULL };

	if (s->query && unfinished(s)) {
		s->state.status = query_run(s->query, s->context, &lim, &s->state.hits);
	} else if (s->pattern && unfinished(s)) {
		step(s, KEPT_SECONDS);
	}
	s->state.searching = 0;
	/* kept: the memory a pattern typed on the way needed goes back */
	search_result_trim(&s->state.hits);
}

/* Whether hit h comes at or after (doc, block, off). */
static int at_or_after(const struct search_hit *h, size_t doc, size_t block, size_t off)
{
	return h->doc > doc || (h->doc == doc && (h->block > block ||
						  (h->block == block && h->start >= off)));
}

size_t ui_search_near(const struct ui_search *s, size_t doc, size_t block, size_t off,
		      int forward)
{
	const struct search_result *r = &s->state.hits;
	size_t lo = 0, hi, mid;

	if (!r->nhits)
		return NO_HIT;
	if (doc == (size_t)-1)
		return forward ? 0 : r->nhits - 1;
	/* hits are in corpus order: the first at or after the place */
	hi = r->nhits;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (at_or_after(&r->hits[mid], doc, block, off))
			hi = mid;
		else
			lo = mid + 1;
	}
	if (forward)
		return lo < r->nhits ? lo : 0;
	return lo > 0 ? lo - 1 : r->nhits - 1;
}

size_t ui_search_next(const struct ui_search *s, int forward, int *wrapped)
{
	size_t n = s->state.hits.nhits, cur = s->state.current_hit;

	*wrapped = 0;
	if (forward) {
		if (cur + 1 < n)
			return cur + 1;
		*wrapped = 1;
		return 0;
	}
	if (cur > 0)
		return cur - 1;
	*wrapped = 1;
	return n - 1;
}
