/* ui_reload.c: the corpus on disk: v opens the editor (editor.c), R and a
 * change seen by live.c load the corpus again, and the panes are made
 * again on the new one with the reader kept in its place and the facets
 * kept selected. */
#include "config.h"

#include <stdlib.h>

#include "action.h"
#include "corpus.h"
#include "editor.h"
#include "pane_reader.h"
#include "session.h"
#include "ui_impl.h"

/* The reader's page in the corpus loaded again: the same document or
 * entity, at its block or the nearest one left, in the source view if it
 * was. */
static void keep_place(struct ui *u, struct location *here, int source)
{
	const struct doc *d = here->kind == LOC_DOC ? corpus_find_doc(u->corpus, here->id) : NULL;
	struct action ignored = ACTION_INIT;

	if (d && here->block >= d->nblocks) {
		here->block = d->nblocks ? d->nblocks - 1 : 0;
		here->off = 0;
	}
	if (here->kind != LOC_NONE && reader_show_location(reader(u), here, 0)) {
		if (source && reader_ops.request(reader(u), REQ_SOURCE, &ignored))
			action_clear(&ignored);
		return;
	}
	if (corpus_ndocs(u->corpus))
		reader_show_doc(reader(u), 0, 0, 0, 0);
	if (here->kind != LOC_NONE)
		message_set(&u->status, 1, "%s is no longer in the corpus", here->id ? here->id : "the page");
}

/* Puts corpus c in the place of the one shown: the panes hold indexes
 * into the old one, so they are made again; the search runs again; the
 * history and the marks are locations by id and stay. */
static void swap_corpus(struct ui *u, struct corpus *c)
{
	struct location here = { LOC_NONE, NULL, 0, 0 };
	char *pattern = u->search.state.pattern_text ? xstrdup(u->search.state.pattern_text) : NULL;
	int source = reader_showing_source(reader(u));
	unsigned flags = u->search.flags;
	size_t i, keep = u->search.state.hits.keep;
	struct session facets;

	session_init(&facets);
	ui_facets_save(u, &facets);
	reader_location(reader(u), &here);
	for (i = 0; i < PANE_COUNT; i++)
		view_free(&u->views[i]);
	ui_search_free(&u->search);
	corpus_free(u->owned);
	ui_make_panes(u, c, flags);
	ui_facets_restore(u, &facets);
	session_free(&facets);
	u->search.state.hits.keep = keep;
	screen_place(&u->screen, u->views, u->focus, u->maximized, 0);
	if (pattern && ui_search_text(u, pattern, KEPT_SECONDS))
		ui_search_finish(&u->search);
	if (u->focus == PANE_RESULTS && !ui_results_shown(u))
		u->focus = PANE_READER;
	screen_place(&u->screen, u->views, u->focus, u->maximized, ui_results_shown(u));
	keep_place(u, &here, source);
	location_clear(&here);
	free(pattern);
}

/* R, a change on disk, or an edited file: the corpus loaded again in
 * place of this one, or kept with the reason in say. */
void ui_reload(struct ui *u, struct message *say)
{
	struct corpus *c = live_reload(&u->live, u->corpus, say);

	live_forget(&u->live);
	if (c)
		swap_corpus(u, c);
}

/* v: the file and line at the top of the reader in the editor, and the
 * corpus loaded again when the file changed. */
void ui_edit(struct ui *u, struct action *act)
{
	const char *file;
	long line;
	char *path, *error = NULL;
	int changed = 0;

	if (u->restricted) {
		action_say(act, 1, "restricted mode: no editor");
		return;
	}
	line = reader_file_line(reader(u), &file);
	if (!line) {
		action_say(act, 1, "this page is no file's: open a document or an entity to edit it");
		return;
	}
	path = xstrdup(file);   /* the corpus it is borrowed from may go */
	editor_run(path, line, &changed, &error);
	if (changed)
		ui_reload(u, &act->say);
	else
		action_say(act, 0, "not changed: %s", path);
	if (error)      /* said last: it wins */
		action_say(act, 1, "%s", error);
	free(error);
	free(path);
}

