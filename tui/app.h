/* app.h: the interactive program's shared state, as the panes see it.
 *
 * The event loop (ui.c) owns the panes, the search and the prompt; panes
 * reach each other only through these functions: open a document in the
 * reader, open an entity's page, focus a pane, say something in the
 * status line. */
#ifndef WB_APP_H
#define WB_APP_H

#include <stddef.h>

#include "history.h"
#include "search.h"
#include "view.h"

struct corpus;

enum pane {
	PANE_DOCUMENTS,
	PANE_READER,
	PANE_ENTITIES,
	PANE_RESULTS,
	PANE_COUNT
};

struct app {
	struct corpus *corpus;
	struct view views[PANE_COUNT];
	enum pane focus;
	int maximized;              /* only the focused pane is shown */
	int single;                 /* the terminal fits one pane at a time */
	int too_small;
	int rows, cols;
	/* the search: its pattern, hits and the hit n/N went to last */
	struct search_context *search;
	struct search_pattern *pattern;
	char *pattern_text;
	struct search_result hits;
	size_t current_hit;         /* an index into hits, or (size_t)-1 */
	enum search_status search_status;
	/* the status line's message until the next key */
	char *message;
	int message_error;
};

/* Goes to a location in the reader, as a step in the history (back and
 * forward, '' come back here), and focuses the reader.  Returns 0 when the
 * location names nothing in the corpus. */
int app_navigate(struct app *a, const struct location *to);
/* Opens document doc (corpus order) in the reader with byte offset off of
 * block near the top of the reader, and focuses the reader; a history step. */
void app_open_doc(struct app *a, size_t doc, size_t block, size_t off);
/* Shows doc in the reader without a history step (the documents list's
 * preview as the selection moves). */
void app_preview_doc(struct app *a, size_t doc);
const struct history_list *app_history(struct app *a);
/* Opens entity e's page in the reader. */
void app_open_entity(struct app *a, long e);
void app_open_help(struct app *a);
void app_focus(struct app *a, enum pane p);
/* Makes hit i the current one and shows it in the reader. */
void app_goto_hit(struct app *a, size_t i);
void app_message(struct app *a, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The panes, one file each. */
extern const struct view_ops documents_ops;
extern const struct view_ops reader_ops;
extern const struct view_ops entities_ops;
extern const struct view_ops results_ops;

/* Private state constructors, so ui.c can set the panes up. */
void *documents_new(struct app *a);
void *reader_new(struct app *a);
void *entities_new(struct app *a);
void *results_new(struct app *a);

/* Filtering the focused list (&): set the text, "" for none. */
int documents_filter(struct view *v, const char *text);
int entities_filter(struct view *v, const char *text);
/* The reader's pages: a document with byte off of block near the top, an
 * entity's page, the help (made from the request table). */
void reader_show_doc(struct view *v, size_t doc, size_t block, size_t off, size_t context);
void reader_show_entity(struct view *v, long e);
void reader_show_help(struct view *v);
void reader_show_history(struct view *v);
/* The page and position shown, and going back to one; context lines are
 * kept above the position.  0 when the location names nothing here. */
void reader_location(struct view *v, struct location *out);
int reader_show_location(struct view *v, const struct location *l, size_t context);
/* f: whether link labels are up, and a key typed while they are. */
int reader_hinting(struct view *v);
int reader_hint_key(struct view *v, int ch);
/* The reader's page: what the status line and n/N need. */
const char *reader_title(struct view *v);
/* The document shown in the reader (corpus order), or (size_t)-1. */
size_t reader_doc(struct view *v);
/* The (block, offset) at the top of the reader. */
void reader_position(struct view *v, size_t *block, size_t *off);
/* Line position for the status line: first visible line, lines. */
void reader_lines(struct view *v, size_t *top, size_t *n);
/* The results changed: reset the results pane. */
void results_reset(struct view *v);

/* Case- and accent-insensitive substring test for filters. */
int app_matches_filter(const char *text, const char *filter);

#endif
