/* view.c: the view engine: frames, moving, scrolling, drawing lines.
 *
 * Drawing is whole-window (werase and every visible line) and cheap: curses
 * compares with what the terminal shows and sends only what changed, and
 * with idlok() a scroll goes out as a scroll, not a repaint. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "render.h"
#include "view.h"

void view_init(struct view *v, const struct view_ops *ops, void *priv)
{
	memset(v, 0, sizeof(*v));
	v->ops = ops;
	v->priv = priv;
}

static void drop_windows(struct view *v)
{
	if (v->tall)
		delwin(v->tall);
	if (v->content)
		delwin(v->content);
	if (v->frame)
		delwin(v->frame);
	v->content = v->frame = v->tall = NULL;
}

/* the content window's place inside the outer size, by frame */
static const struct {
	int top, side;      /* rows above the lines, columns either side */
} frames[] = {
	[VIEW_BARE] = { 0, 0 },
	[VIEW_TITLED] = { 1, 0 },
	[VIEW_BOXED] = { 1, 1 },
};

static WINDOW *window(int height, int width, int y, int x)
{
	WINDOW *w = newwin(height, width, y, x);

	if (w) {
		/* curses clears the screen at the first refresh of a window as
		 * big as the screen (a bare view's tall one); what is on the
		 * screen is known, only what changed need go */
		clearok(w, FALSE);
		idlok(w, TRUE);
		/* the cursor is hidden: no need to move it back after each update */
		leaveok(w, TRUE);
	}
	return w;
}

void view_place(struct view *v, int y, int x, int height, int width, enum view_frame frame)
{
	int old_width = v->width;
	int top = frames[frame].top, side = frames[frame].side;
	int bottom = side;  /* a box has a bottom border */

	drop_windows(v);
	v->shown = height >= 1 + top + bottom && width >= 1 + 2 * side;
	if (!v->shown) {
		v->height = v->width = 0;
		return;
	}
	if (frame != VIEW_BARE)
		v->frame = window(frame == VIEW_BOXED ? height : 1, width, y, x);
	v->content = window(height - top - bottom, width - 2 * side, y + top, x + side);
	if (frame == VIEW_BARE && y + height < LINES)
		v->tall = window(height + 1, width, y, x);
	if ((frame != VIEW_BARE && !v->frame) || !v->content) {
		drop_windows(v);
		v->shown = 0;
		return;
	}
	v->height = height - top - bottom;
	v->width = width - 2 * side;
	/* A bare view's lines stop a column short of the right edge.  The
	 * bottom right cell, which a line streamed in at the bottom reaches,
	 * cannot be written without the terminal scrolling (automatic
	 * margins): curses writes the cell before it and inserts a
	 * character, 6 bytes more for every full line. */
	if (frame == VIEW_BARE && v->width > 1)
		v->width--;
	if (v->ops->resize && old_width != v->width)
		v->ops->resize(v, v->width);
	view_clamp(v);
}

void view_clamp(struct view *v)
{
	size_t n = v->ops->lines(v);
	size_t h = v->height > 0 ? (size_t)v->height : 1;

	if (v->ops->has_cursor) {
		if (v->sel >= n)
			v->sel = n ? n - 1 : 0;
		if (v->sel < v->top)
			v->top = v->sel;
		if (v->sel >= v->top + h)
			v->top = v->sel - h + 1;
	}
	if (v->top + h > n)
		v->top = n > h ? n - h : 0;
}

void view_goto(struct view *v, size_t n)
{
	size_t h = v->height > 0 ? (size_t)v->height : 1;

	if (v->ops->has_cursor) {
		v->sel = n;
		if (v->sel < v->top || v->sel >= v->top + h)
			v->top = v->sel > h / 2 ? v->sel - h / 2 : 0;
	} else {
		v->top = n;
	}
	view_clamp(v);
}

int view_move(struct view *v, enum request req, struct action *act)
{
	size_t n = v->ops->lines(v);
	size_t h = v->height > 1 ? (size_t)v->height : 1;
	size_t *pos = v->ops->has_cursor ? &v->sel : &v->top;
	size_t old = *pos;
	size_t last = n ? n - 1 : 0;

	if (!v->ops->has_cursor)
		last = n > h ? n - h : 0;
	switch (req) {
	case REQ_MOVE_DOWN:
		if (*pos < last)
			(*pos)++;
		break;
	case REQ_MOVE_UP:
		if (*pos > 0)
			(*pos)--;
		break;
	case REQ_PAGE_DOWN:
	case REQ_HALF_DOWN: {
		size_t step = req == REQ_PAGE_DOWN ? (h > 2 ? h - 1 : 1) : (h / 2 ? h / 2 : 1);

		*pos = *pos + step < last ? *pos + step : last;
		if (v->ops->has_cursor)
			v->top = v->top + step < (n > h ? n - h : 0) ? v->top + step
								      : (n > h ? n - h : 0);
		break;
	}
	case REQ_PAGE_UP:
	case REQ_HALF_UP: {
		size_t step = req == REQ_PAGE_UP ? (h > 2 ? h - 1 : 1) : (h / 2 ? h / 2 : 1);

		*pos = *pos > step ? *pos - step : 0;
		if (v->ops->has_cursor)
			v->top = v->top > step ? v->top - step : 0;
		break;
	}
	case REQ_FIRST:
		*pos = 0;
		break;
	case REQ_LAST:
		*pos = last;
		break;
	default:
		return 0;
	}
	view_clamp(v);
	if (v->ops->has_cursor && old != *pos && v->ops->select)
		v->ops->select(v, act);
	return 1;
}

static void draw_lines(struct view *v)
{
	size_t n = v->ops->lines(v), i;
	int y;

	werase(v->content);
	for (y = 0, i = v->top; y < v->height && i < n; y++, i++)
		v->ops->draw(v, i, y, v->width, v->ops->has_cursor && i == v->sel);
	wnoutrefresh(v->content);
}

void view_draw(struct view *v, int focused)
{
	struct buf title = BUF_INIT, right = BUF_INIT;

	if (!v->shown)
		return;
	if (v->frame) {
		v->ops->title(v, &title, &right);
		werase(v->frame);
		render_frame(v->frame, title.data, right.data, focused);
		wnoutrefresh(v->frame);
		buf_free(&title);
		buf_free(&right);
	}
	draw_lines(v);
}

void view_stream(struct view *v, size_t from)
{
	WINDOW *content = v->content;
	size_t to = v->top, steps = to > from ? to - from : from - to, i;

	if (!v->shown || !v->tall || !steps || steps > (size_t)v->height)
		return;
	/* forward, the tops from .. to - 1: the first covers the row under
	 * the view with the next line, each after it scrolls by one; back,
	 * the tops from - 1 .. to, each a scroll the other way.  The
	 * caller's draw at `to` is the last scroll (forward) or gives the
	 * row under the view back (backward). */
	v->content = v->tall;
	v->height++;
	for (i = 0; i < steps; i++) {
		v->top = to > from ? from + i : from - 1 - i;
		draw_lines(v);
		doupdate();
	}
	v->height--;
	v->content = content;
	v->top = to;
}

void view_free(struct view *v)
{
	if (v->ops && v->ops->done)
		v->ops->done(v);
	drop_windows(v);
}
