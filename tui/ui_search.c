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

	memset(s, 0, sizeof(*s));
	s->state.hits = none;
	s->state.hits.keep = SEARCH_KEEP_DEFAULT;
	s->state.current_hit = NO_HIT;
	s->state.status = SEARCH_DONE;
	s->corpus = c;
	s->context = search_context_new(c);
	s->flags = flags;
}

void ui_search_clear(struct ui_search *s)
{
	search_pattern_free(s->pattern);
	s->pattern = NULL;
	query_free(s->query);
	s->query = NULL;
	free_const(s->state.pattern_text);
	s->state.pattern_text = NULL;
	/* freed, not kept: a pattern typed on the way to the one wanted may
	 * have had a million hits */
	search_result_free(&s->state.hits);
#ifdef HAVE_MALLOC_TRIM
	malloc_trim(0);   /* and given back: a long session does not keep it */
#endif
	s->state.current_hit = NO_HIT;
	s->state.status = SEARCH_DONE;
	s->state.hidden = 0;
}

void ui_search_free(struct ui_search *s)
{
	ui_search_clear(s);
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
	char *why = NULL;
	struct query *q = query_parse(s->corpus, text, strlen(text), s->flags, &why, &column);

	if (!q) {
		buf_printf(&msg, "column %zu: %s", column, why);
		free(why);
		*error = buf_steal(&msg);
		return 0;
	}
	ui_search_clear(s);
	s->query = q;
	s->state.pattern_text = xstrdup(text);
	s->state.status = query_run(q, s->context, &lim, &s->state.hits);
	return 1;
}

int ui_search_run(struct ui_search *s, const char *text, double seconds, char **error)
{
	struct search_limits lim = { seconds, terminal_key_pending, NULL };
	struct search_pattern *p;

	if (!*text) {
		ui_search_clear(s);
		return 1;
	}
	if (!query_is_plain(text, strlen(text)))
		return run_query(s, text, seconds, error);
	p = search_compile(text, strlen(text), s->flags, error);
	if (!p)
		return 0;
	ui_search_clear(s);
	s->pattern = p;
	s->state.pattern_text = xstrdup(text);
	s->state.status = search_run(s->context, p, 0, corpus_ndocs(s->corpus), &lim,
				     &s->state.hits);
	return 1;
}

void ui_search_finish(struct ui_search *s)
{
	struct search_limits lim = { KEPT_SECONDS, terminal_key_pending, NULL };

	if (s->query && (s->state.status == SEARCH_PARTIAL ||
			 s->state.status == SEARCH_CANCELLED)) {
		s->state.status = query_run(s->query, s->context, &lim, &s->state.hits);
		return;
	}
	if (!s->pattern || (s->state.status != SEARCH_PARTIAL &&
			    s->state.status != SEARCH_CANCELLED))
		return;
	s->state.status = search_run(s->context, s->pattern, s->state.hits.next_doc,
				     corpus_ndocs(s->corpus), &lim, &s->state.hits);
}

size_t ui_search_near(const struct ui_search *s, size_t doc, size_t block, size_t off,
		      int forward)
{
	const struct search_result *r = &s->state.hits;
	size_t i;

	if (!r->nhits)
		return NO_HIT;
	if (doc == (size_t)-1)
		return forward ? 0 : r->nhits - 1;
	for (i = 0; i < r->nhits; i++) {
		const struct search_hit *h = &r->hits[i];

		if (h->doc > doc || (h->doc == doc && (h->block > block ||
						       (h->block == block && h->start >= off))))
			break;
	}
	if (forward)
		return i < r->nhits ? i : 0;
	return i > 0 ? i - 1 : r->nhits - 1;
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
