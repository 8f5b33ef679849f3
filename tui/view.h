/* view.h: the view engine beneath the panes.
 *
 * A view is a pane on the screen: a frame window and a content window
 * inside it, a list of lines (or a page of wrapped text), the first line
 * shown and, for lists, the selected one.  What is in the lines is the
 * pane's business, told through its struct view_ops (one file per pane,
 * as tig does): the engine does the moving, the scrolling and the
 * drawing loop, and asks the pane to draw one line at a time.
 *
 * A pane's request handler says whether it took the request and fills in
 * an action (action.h) for what the loop must do beyond the pane itself;
 * it never calls the loop.  The loop redraws every pane once per batch of
 * keys with wnoutrefresh and one doupdate: drawing is cheap, curses sends
 * only what changed. */
#ifndef WB_VIEW_H
#define WB_VIEW_H

#include <curses.h>
#include <stddef.h>

#include "action.h"
#include "keys.h"

struct view;
struct buf;

struct view_ops {
	const char *name;           /* "Documents" */
	int has_cursor;             /* a list with a selected line */
	/* The number of lines at the current width. */
	size_t (*lines)(struct view *v);
	/* Draws line n at row y of v->content, width columns. */
	void (*draw)(struct view *v, size_t n, int y, int width, int selected);
	/* A request the engine does not handle itself, or wants the pane to
	 * see first: returns 1 when taken, with what the loop must do in act,
	 * or 0 to let the engine and then the loop have it. */
	int (*request)(struct view *v, enum request req, struct action *act);
	/* The selection moved (lists); what the loop must do goes in act. */
	void (*select)(struct view *v, struct action *act);
	/* The pane's title and the text at the right of its top border. */
	void (*title)(struct view *v, struct buf *title, struct buf *right);
	/* The width changed: rewrap (may be NULL). */
	void (*resize)(struct view *v, int width);
	/* & typed text into the filter: show only what matches text ("" for
	 * everything); returns the lines left.  NULL: a pane with no filter. */
	size_t (*filter)(struct view *v, const char *text);
	void (*done)(struct view *v);
};

/* How a view is framed (view_place). */
enum view_frame {
	VIEW_BARE,          /* only its lines: every row is text, as in less */
	VIEW_TITLED,        /* a title bar above its lines */
	VIEW_BOXED          /* a box around them, the title in its top border */
};

struct view {
	const struct view_ops *ops;
	WINDOW *frame, *content;    /* frame is NULL for a bare view */
	WINDOW *tall;               /* a bare view's lines and the row under
				     * them, for view_stream (or NULL) */
	int height, width;          /* of the content window */
	int shown;                  /* placed on the screen now */
	size_t top, sel;
	void *priv;                 /* the pane's own state */
};

void view_init(struct view *v, const struct view_ops *ops, void *priv);
/* Places the view at (y, x) with the given outer size, frame included;
 * height or width 0 hides it.  A view alone on the screen is titled or
 * bare: its lines span the terminal's width, so curses can scroll them
 * with the terminal's own scrolling and clear to the end of a line, as
 * less does.  A bare view may borrow the row under it (if the screen has
 * one) while view_stream runs. */
void view_place(struct view *v, int y, int x, int height, int width, enum view_frame frame);
/* Queues the view's windows for the next doupdate. */
void view_draw(struct view *v, int focused);
/* Sends a bare view's scroll from top `from` to its top now as less does,
 * when that is at most a screenful: one doupdate() a line, each drawing
 * the view one row taller (over the row under it) and one line further
 * on.  Every step is then the whole screen scrolling by one line and one
 * new line written, so curses sends a newline (or a reverse index) where
 * it would otherwise set a scrolling region around the view, move into it
 * and reset it, and a page costs what less's costs: its lines and a
 * newline each.  The row under the view is left holding text: the caller
 * draws the screen at once after it.  Nothing to do when the top did
 * not move or moved more than a screenful. */
void view_stream(struct view *v, size_t from);
/* Moving and scrolling shared by every pane: returns 0 when req is not
 * about moving; a moved selection asks the pane (select) for its action. */
int view_move(struct view *v, enum request req, struct action *act);
/* Keeps sel visible (lists) and top in range. */
void view_clamp(struct view *v);
/* Selects line n and scrolls to show it; for a page, puts n at the top. */
void view_goto(struct view *v, size_t n);
void view_free(struct view *v);

#endif
