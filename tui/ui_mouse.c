/* ui_mouse.c: mouse reports (terminal.c decodes them) carried out on the
 * panes. */
#include "config.h"

#include "action.h"
#include "pane_reader.h"
#include "ui_impl.h"

/* The shown pane whose window (its frame included) holds (y, x), with
 * the row and column in its text; PANE_COUNT for none. */
static enum pane pane_at(struct ui *u, int y, int x, int *row, int *col)
{
	int by, bx, h, w, i;

	for (i = 0; i < PANE_COUNT; i++) {
		struct view *v = &u->views[i];

		if (!v->shown)
			continue;
		getbegyx(v->content, by, bx);
		getmaxyx(v->content, h, w);
		*row = y - by;
		*col = x - bx;
		if (y >= by - 1 && y < by + h && x >= bx - 1 && x <= bx + w)
			return (enum pane)i;
	}
	return PANE_COUNT;
}

/* The wheel scrolls the pane under the pointer, three lines a notch; a
 * click focuses it, selects the line of a list, follows a link in the
 * reader. */
void ui_mouse(struct ui *u, const struct mouse_event *m, struct action *act)
{
	int row, col, i;
	enum pane p = pane_at(u, m->y, m->x, &row, &col);
	struct view *v;

	if (p == PANE_COUNT || u->screen.too_small)
		return;
	v = &u->views[p];
	if (m->kind != MOUSE_CLICK) {
		for (i = 0; i < 3; i++)
			view_move(v, m->kind == MOUSE_WHEEL_UP ? REQ_MOVE_UP : REQ_MOVE_DOWN, act);
		/* a scroll as j and k are: the status line lean */
		u->lean = p == PANE_READER && u->focus == PANE_READER;
		return;
	}
	u->focus = p;
	if (row < 0 || col < 0 || row >= v->height || col >= v->width)
		return;
	if (p == PANE_READER) {
		reader_click(v, row, col, act);
	} else if (v->top + (size_t)row < v->ops->lines(v)) {
		v->sel = v->top + (size_t)row;
		view_clamp(v);
		if (v->ops->select)
			v->ops->select(v, act);
	}
}

