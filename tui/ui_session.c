/* ui_session.c: the session (session.h) taken over at the start and
 * written on quit. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "corpus.h"
#include "pane_documents.h"
#include "pane_reader.h"
#include "pane_results.h"
#include "say.h"
#include "ui_impl.h"

static int location_exists(const struct location *l, void *arg)
{
	const struct ui *u = arg;

	return corpus_has_location(u->corpus, l);
}

/* The search that was active, run again (within the kept search's
 * budget), with the hit that was current; the reader stays where it was
 * saved. */
static void restore_search(struct ui *u, const struct session *s)
{
	char *error = NULL;

	if (!s->active)
		return;
	if (!ui_search_run(&u->search, s->active, KEPT_SECONDS, &error)) {
		free(error);
		return;
	}
	ui_search_finish(&u->search);
	if (s->active_hit && s->active_hit <= u->search.state.hits.nhits)
		u->search.state.current_hit = s->active_hit - 1;
	results_reset(&u->views[PANE_RESULTS]);
	if (u->search.state.current_hit != NO_HIT)
		view_goto(&u->views[PANE_RESULTS], u->search.state.current_hit);
}

void ui_facets_restore(struct ui *u, const struct session *s)
{
	for (size_t i = 0; i < s->nfacets; i++)
		documents_select_facet(&u->views[PANE_DOCUMENTS], s->facets[i].what,
				       s->facets[i].key);
}

static void save_facet(void *arg, const char *what, const char *key)
{
	session_add_facet(arg, what, key);
}

void ui_facets_save(struct ui *u, struct session *s)
{
	documents_facets_each(&u->views[PANE_DOCUMENTS], save_facet, s);
}

/* Takes over a saved session, leaving s empty.  What names documents or
 * entities no longer in the corpus is dropped quietly (session_keep);
 * session_load has kept the history to HISTORY_MAX entries. */
void ui_restore_session(struct ui *u, struct session *s)
{
	size_t i;

	for (i = 0; i < s->nsearches; i++)
		history_add(&u->searches, s->searches[i]);
	session_keep(s, location_exists, u);
	history_list_free(&u->hist);
	u->hist = s->hist;
	history_list_init(&s->hist);
	if (s->page.kind != LOC_NONE && reader_show_location(reader(u), &s->page, 0))
		u->focus = PANE_READER;
	ui_facets_restore(u, s);
	restore_search(u, s);
}

int ui_save_session(struct ui *u, const char *path)
{
	struct session s;
	char *error = NULL;
	size_t i;
	int rc;

	session_init(&s);
	s.loaded = u->session_read;
	reader_location(reader(u), &s.page);
	history_update(&u->hist, &s.page);
	s.hist = u->hist;               /* borrowed for the write */
	for (i = 0; i < u->searches.n; i++)
		session_add_search(&s, u->searches.items[i]);
	if (u->search.state.pattern_text && !u->prompt.active)
		session_set_active(&s, u->search.state.pattern_text,
				   u->search.state.current_hit == NO_HIT ? 0
				   : u->search.state.current_hit + 1);
	ui_facets_save(u, &s);
	rc = session_save(path, &s, &error);
	if (rc > 0)
		say("werkbezoek: %s\n", error);        /* saved, with a note */
	else if (rc < 0)
		say("werkbezoek: the session was not saved: %s\n", error);
	free(error);
	history_list_init(&s.hist);     /* give it back before freeing s */
	session_free(&s);
	return rc < 0 ? -1 : 0;
}

