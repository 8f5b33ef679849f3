/* view.h: the view engine beneath the panes.
 *
 * A view is a pane on the screen: a frame window and a content window
 * inside it, a list of lines (or a page of wrapped text), the first line
 * shown and, for lists, the selected one.  What is in the lines is the
 * pane's business, told through its struct view_ops (one file per pane,
 * as tig does): the engine does the moving, the scrolling and the
 * drawing loop, and asks the pane to draw one line at a time.
 *
 * Requests report what must be redrawn; the event loop redraws it once
 * per key with wnoutrefresh and one doupdate (htop's reactions). */
#ifndef WB_VIEW_H
#define WB_VIEW_H

#include <curses.h>
#include <stddef.h>

#include "keys.h"

struct app;
struct view;
struct buf;

enum reaction {
	REACT_NONE = 0,
	REACT_HANDLED = 1 << 0,     /* the request was taken */
	REACT_VIEW = 1 << 1,        /* redraw this view */
	REACT_ALL = 1 << 2,         /* redraw every view and the status */
	REACT_LAYOUT = 1 << 3,      /* the layout changed */
	REACT_QUIT = 1 << 4,
	REACT_RESIZED = 1 << 5      /* the terminal changed size */
};

struct view_ops {
	const char *name;           /* "Documents" */
	int has_cursor;             /* a list with a selected line */
	/* The number of lines at the current width. */
	size_t (*lines)(struct view *v);
	/* Draws line n at row y of v->content, width columns. */
	void (*draw)(struct view *v, size_t n, int y, int width, int selected);
	/* A request the engine does not handle itself, or wants the pane to
	 * see first (returns REACT_NONE to let the engine handle it). */
	int (*request)(struct view *v, enum request req);
	/* The selection moved (lists). */
	void (*select)(struct view *v);
	/* The pane's title and the text at the right of its top border. */
	void (*title)(struct view *v, struct buf *title, struct buf *right);
	/* The width changed: rewrap (may be NULL). */
	void (*resize)(struct view *v, int width);
	void (*done)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	struct app *app;
	WINDOW *frame, *content;
	int height, width;          /* of the content window */
	int shown;                  /* placed on the screen now */
	size_t top, sel;
	void *priv;                 /* the pane's own state */
};

void view_init(struct view *v, const struct view_ops *ops, struct app *app, void *priv);
/* Places the view at (y, x) with the given outer size, frame included;
 * height or width 0 hides it.  A view alone on the screen (boxed 0) has
 * only a title bar: its lines span the terminal's width, so curses can
 * scroll them with the terminal's own scrolling and clear to the end of a
 * line, as less does. */
void view_place(struct view *v, int y, int x, int height, int width, int boxed);
/* Queues the view's windows for the next doupdate. */
void view_draw(struct view *v, int focused);
/* Moving and scrolling shared by every pane; REACT_NONE when req is
 * not about moving. */
int view_move(struct view *v, enum request req);
/* Keeps sel visible (lists) and top in range. */
void view_clamp(struct view *v);
/* Selects line n and scrolls to show it; for a page, puts n at the top. */
void view_goto(struct view *v, size_t n);
void view_free(struct view *v);

#endif
