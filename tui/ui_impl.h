/* ui_impl.h: the event loop's state, PRIVATE to the loop's own files
 * (ui.c and the ui_*.c files it is split into: ui_options.c the :set
 * options and config files, ui_mouse.c mouse reports, ui_session.c the
 * session saved and restored, ui_count.c counts, ui_reload.c the
 * editor and loading the corpus again, ui_prompt.c the prompts' input).  No pane includes it (tests/architecture.sh):
 * panes see only their pane_context and fill in actions. */
#ifndef WB_UI_IMPL_H
#define WB_UI_IMPL_H

#include <stdio.h>

#include "complete.h"
#include "history.h"
#include "live.h"
#include "pane_context.h"
#include "prompt.h"
#include "render.h"
#include "screen.h"
#include "session.h"
#include "terminal.h"
#include "ui_search.h"

/* The reader's widest line unless set width=N says otherwise: longer
 * lines are hard to follow back to their start. */
#define DEFAULT_MAX_WIDTH 100

struct ui {
	const struct corpus *corpus;
	struct corpus *owned;           /* the same, freed when replaced */
	struct live live;               /* loading it again */
	int restricted;
	struct pane_context ctx;        /* what the panes may read */
	struct view views[PANE_COUNT];
	enum pane focus;
	int maximized;                  /* only the focused pane is shown */
	struct screen screen;
	struct ui_search search;
	struct history_list hist;       /* back, forward, '', marks */
	struct message status;          /* the status line's, until the next key */
	struct session_stamp session_read; /* the session file as it was read */
	struct prompt prompt;
	struct prompt_completer completer;     /* Tab in the : prompt */
	struct location before_prompt;  /* the reader's page when / opened:
					 * typing previews hits, a cancel
					 * comes back here */
	enum pane focus_before_prompt;
	struct history searches, filters, commands;
	enum pane filter_pane;          /* the list & filters */
	int pending;                    /* 'm' or '\'' waiting for its letter */
	int max_width;                  /* set width=N: the reader's widest line */
	int counting;                   /* 0 typed: digits make a count */
	size_t count;                   /* for the next key (010j, 050G) */
	int mouse;                      /* set mouse (the default), set nomouse */
	int read_errors;                /* failed reads in a row */
	int quit;
	int lean;                       /* the last key scrolled the reader:
					 * the status line is as short as
					 * less's prompt */
	struct {                        /* the reader as last drawn */
		int valid;              /* alone, with no prompt */
		unsigned screen;        /* the screen's generation */
		unsigned long wraps;    /* reader_wraps */
		size_t top;
	} drawn;
};

static inline struct view *reader(struct ui *u)
{
	return &u->views[PANE_READER];
}

/* ui.c: a request: the focused pane first, then the view engine's
 * moving, then the loop's own. */
void ui_request(struct ui *u, enum request req, struct action *act);

/* ui.c: whether the Results pane is shown (a search kept and not
 * hidden); a search of text with a time budget (0 for an invalid
 * pattern); the panes made on corpus c. */
int ui_results_shown(const struct ui *u);
int ui_search_text(struct ui *u, const char *text, double seconds);
/* ui.c: the search of text as it is typed: one slice (ui_search_live). */
int ui_search_typed(struct ui *u, const char *text);
void ui_make_panes(struct ui *u, struct corpus *c, unsigned search_flags);
/* ui.c: the search kept (Enter after /, :search): remembered, the first
 * hit from the reader's position on current.  0 for an invalid pattern. */
int ui_search_keep(struct ui *u, const char *text, double seconds);

/* ui_prompt.c: one more slice of the search typed, and the prompt's
 * count and preview brought up to date. */
void ui_search_typed_step(struct ui *u);
/* ui_prompt.c: a key while a prompt is open (the prompt's own editing,
 * then what typing, Enter and a cancel do for /, & and :); Tab's
 * completion of a : command line (prompt.h's completer). */
void ui_prompt_input(struct ui *u, int code, wint_t ch, struct action *act);
void ui_complete_command_line(void *arg, const char *line, size_t cursor,
			      struct candidates *out);

/* ui_reload.c: v, the file at the reader's top line in the editor (the
 * corpus loaded again when it changed); the corpus loaded again in place
 * of this one, or kept with the reason in say. */
void ui_edit(struct ui *u, struct action *act);
void ui_reload(struct ui *u, struct message *say);

/* ui_count.c: a key as part of a count (0, digits, then the key done that
 * many times; g and G go to that line): 1 when it was one, the key it
 * ends with carried out through ui_request. */
int ui_count_key(struct ui *u, int code, wint_t ch, struct action *act);

/* ui_options.c: a :set or :source line (errors in the status line), and
 * the config file at the start (--config, WERKBEZOEK_CONFIG or XDG). */
void ui_config_command(struct ui *u, const char *line);
void ui_load_config(struct ui *u, const char *option);

/* ui_mouse.c: a mouse report: the wheel scrolls the pane under the
 * pointer, a click focuses, selects a list line, follows a link. */
void ui_mouse(struct ui *u, const struct mouse_event *m, struct action *act);

/* ui_session.c: takes over a saved session (leaving s empty), dropping
 * what names nothing in the corpus; saves the session to path. */
void ui_restore_session(struct ui *u, struct session *s);
/* Saves the session; a failure is said on stderr (the terminal is
 * restored by then).  Returns 0, or -1 when it was not saved. */
int ui_save_session(struct ui *u, const char *path);
/* The facet values selected in the Documents pane, into s; and selected
 * again from s (those the corpus has): across a session or a reload. */
void ui_facets_save(struct ui *u, struct session *s);
void ui_facets_restore(struct ui *u, const struct session *s);
/* Draws the whole screen now, with one doupdate. */
void ui_draw(struct ui *u);

#endif
