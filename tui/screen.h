/* screen.h: where the panes go and drawing the whole screen: the panes,
 * the status line under them (or the prompt in its place), or a notice
 * that the terminal is too small.  One doupdate() per call to
 * screen_draw. */
#ifndef WB_SCREEN_H
#define WB_SCREEN_H

#include "action.h"
#include "prompt.h"
#include "view.h"

struct screen {
	int rows, cols;
	int too_small;      /* nothing fits: a notice instead */
	int single;         /* the terminal fits one pane at a time */
	/* what the panes were placed for (screen_stale) */
	int placed;
	enum pane focus;
	int maximized, results;
	unsigned generation;    /* one more at each screen_place */
};

/* The status line's text (borrowed). */
struct screen_status {
	const char *left, *right;
	int error;          /* left is an error message */
	int lean;           /* left alone, as short as less's prompt: what a
			     * scroll must write again (view_stream) */
};

/* Whether the panes must be placed again: the focus (with one pane at a
 * time), maximising or the results pane changed since screen_place. */
int screen_stale(const struct screen *s, enum pane focus, int maximized, int results);
/* Places views[PANE_COUNT] on a terminal of LINES x COLS: the focused one
 * alone when maximized or the terminal is narrow; the results pane at the
 * bottom when results. */
void screen_place(struct screen *s, struct view *views, enum pane focus, int maximized,
		  int results);
/* Draws it all: with prompt active, the prompt has the status line and
 * the cursor. */
void screen_draw(const struct screen *s, struct view *views, enum pane focus,
		 struct prompt *prompt, const struct screen_status *st);

#endif
