/* screen.c: the layout of the panes and drawing the screen (screen.h).
 *
 * Wide terminals show the Documents and Entities lists on the left, the
 * reader on the right and, while there is a search, the results along the
 * bottom; narrow ones show one pane at a time, as wide as the terminal. */
#include "config.h"

#include <string.h>

#include "render.h"
#include "screen.h"

/* Smallest sizes: below MIN_* nothing fits; below WIDE_* one pane at a
 * time. */
#define MIN_COLS 24
#define MIN_ROWS 6
#define WIDE_COLS 90
#define WIDE_ROWS 18

int screen_stale(const struct screen *s, enum pane focus, int maximized, int results)
{
	return !s->placed || s->maximized != maximized || s->results != results ||
	       (s->focus != focus && (s->single || maximized));
}

void screen_place(struct screen *s, struct view *views, enum pane focus, int maximized,
		  int results)
{
	int rows = LINES, cols = COLS, body, left, res, docs;
	size_t i;

	s->rows = rows;
	s->cols = cols;
	s->too_small = cols < MIN_COLS || rows < MIN_ROWS;
	s->single = cols < WIDE_COLS || rows < WIDE_ROWS;
	s->placed = 1;
	s->focus = focus;
	s->maximized = maximized;
	s->results = results;
	s->generation++;
	for (i = 0; i < PANE_COUNT; i++)
		view_place(&views[i], 0, 0, 0, 0, VIEW_BARE);
	werase(stdscr);
	if (s->too_small)
		return;
	body = rows - 1;   /* the status line */
	if (s->single || maximized) {
		/* the reader alone is laid out as less is: text on every row
		 * but the status line, which names the page */
		view_place(&views[focus], 0, 0, body, cols,
			   focus == PANE_READER ? VIEW_BARE : VIEW_TITLED);
		return;
	}
	left = cols * 3 / 10;
	if (left < 28)
		left = 28;
	if (left > 48)
		left = 48;
	res = results ? body / 4 : 0;
	if (res && res < 5)
		res = 5;
	docs = (body - res) / 2;
	view_place(&views[PANE_DOCUMENTS], 0, 0, docs, left, VIEW_BOXED);
	view_place(&views[PANE_ENTITIES], docs, 0, body - res - docs, left, VIEW_BOXED);
	view_place(&views[PANE_READER], 0, left, body - res, cols - left, VIEW_BOXED);
	if (res)
		view_place(&views[PANE_RESULTS], body - res, 0, res, cols, VIEW_BOXED);
}

static void draw_status(const struct screen *s, struct prompt *prompt,
			const struct screen_status *st)
{
	int w = s->cols, rw;

	if (prompt->active) {
		prompt_draw(prompt, stdscr, s->rows - 1, w);
		curs_set(1);
		return;
	}
	curs_set(0);
	if (st->lean) {
		/* as less's prompt: the text alone, the rest of the row blank */
		wmove(stdscr, s->rows - 1, 0);
		wclrtoeol(stdscr);
		render_str(stdscr, s->rows - 1, 0, w, st->left, STYLE_STATUS);
		return;
	}
	render_fill(stdscr, s->rows - 1, 0, w, STYLE_STATUS);
	rw = render_width(st->right, strlen(st->right));
	render_str(stdscr, s->rows - 1, 1, w - rw - 3, st->left,
		   st->error ? STYLE_ERROR : STYLE_STATUS);
	if (rw + 2 < w)
		render_str(stdscr, s->rows - 1, w - rw - 1, rw, st->right, STYLE_STATUS);
}

static void draw_too_small(const struct screen *s)
{
	const char *msg = "Terminal too small";
	int w = (int)strlen(msg);

	werase(stdscr);
	render_str(stdscr, s->rows / 2, s->cols > w ? (s->cols - w) / 2 : 0, s->cols, msg,
		   STYLE_ERROR);
	wnoutrefresh(stdscr);
	doupdate();
}

void screen_draw(const struct screen *s, struct view *views, enum pane focus,
		 struct prompt *prompt, const struct screen_status *st)
{
	size_t i;

	if (s->too_small) {
		draw_too_small(s);
		return;
	}
	/* the status line lives on stdscr, under the panes */
	draw_status(s, prompt, st);
	wnoutrefresh(stdscr);
	for (i = 0; i < PANE_COUNT; i++)
		view_draw(&views[i], (enum pane)i == focus);
	if (prompt->active) {
		/* the cursor goes back to the prompt after the panes */
		prompt_draw(prompt, stdscr, s->rows - 1, s->cols);
		wnoutrefresh(stdscr);
	}
	doupdate();
}
