/* render.c: styles, and drawing text safely and within its width.
 *
 * Text is drawn one run of same-styled characters at a time with
 * waddnstr, which ncursesw decodes as UTF-8 in a UTF-8 locale.  Widths are
 * counted here, with the same function the layout uses, so what the layout
 * wrapped to N columns is drawn in N columns. */
#include "config.h"

#include <langinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entity.h"
#include "render.h"
#include "text.h"

static attr_t styles[STYLE_COUNT];
static int utf8 = 1;
static int colour_on;

/* The names the config file gives the styles, in enum style's order. */
static const char *const style_names[STYLE_COUNT] = {
	"normal", "title", "frame", "frame-focus", "selected", "heading", "meta", "quote",
	"note", "caption", "emphasis", "link", "person", "org", "place", "other", "hit",
	"current-hit", "control", "status", "prompt", "error", "dim",
};

/* Colour pairs 1-8 are the defaults; a style the config colours gets
 * its own pair after them. */
#define FIRST_CONFIG_PAIR 16

enum style render_style_by_name(const char *name)
{
	int i;

	for (i = 0; i < STYLE_COUNT; i++)
		if (strcmp(style_names[i], name) == 0)
			return (enum style)i;
	return STYLE_COUNT;
}

void render_set_style(enum style s, short fg, short bg, attr_t attrs)
{
	short pair = (short)(FIRST_CONFIG_PAIR + s);

	if (s >= STYLE_COUNT)
		return;
	if (!colour_on) {
		if (attrs)
			styles[s] = attrs;
		return;
	}
	if (pair < COLOR_PAIRS && init_pair(pair, fg, bg) == OK)
		styles[s] = COLOR_PAIR(pair) | attrs;
}

int render_utf8(void)
{
	return utf8;
}

attr_t render_attr(enum style s)
{
	return s < STYLE_COUNT ? styles[s] : A_NORMAL;
}

enum style render_class_style(int cls)
{
	switch (cls) {
	case ENTITY_PERSON:
		return STYLE_PERSON;
	case ENTITY_ORG:
		return STYLE_ORG;
	case ENTITY_PLACE:
		return STYLE_PLACE;
	default:
		return STYLE_OTHER;
	}
}

void render_init(void)
{
	const char *no_color = getenv("NO_COLOR");
	const char *cs = nl_langinfo(CODESET);
	int colour = has_colors() && !(no_color && *no_color);

	utf8 = cs && strcmp(cs, "UTF-8") == 0;

	/* without colour: bold, underline and reverse say the same things */
	styles[STYLE_NORMAL] = A_NORMAL;
	styles[STYLE_TITLE] = A_BOLD;
	styles[STYLE_FRAME] = A_NORMAL;
	styles[STYLE_FRAME_FOCUS] = A_BOLD;
	styles[STYLE_SELECTED] = A_REVERSE;
	styles[STYLE_HEADING] = A_BOLD;
	styles[STYLE_META] = A_BOLD;
	styles[STYLE_QUOTE] = A_NORMAL;
	styles[STYLE_NOTE] = A_NORMAL;
	styles[STYLE_CAPTION] = A_NORMAL;
	styles[STYLE_EMPHASIS] = A_UNDERLINE;
	styles[STYLE_LINK] = A_UNDERLINE;
	styles[STYLE_PERSON] = A_BOLD;
	styles[STYLE_ORG] = A_UNDERLINE;
	styles[STYLE_PLACE] = A_BOLD | A_UNDERLINE;
	styles[STYLE_OTHER] = A_UNDERLINE;
	styles[STYLE_HIT] = A_REVERSE;
	/* the current hit is more than bold (which some terminals show
	 * as just a brighter reverse): underlined too */
	styles[STYLE_CURRENT_HIT] = A_REVERSE | A_BOLD | A_UNDERLINE;
	styles[STYLE_CONTROL] = A_REVERSE;
	styles[STYLE_STATUS] = A_REVERSE;
	styles[STYLE_PROMPT] = A_NORMAL;
	styles[STYLE_ERROR] = A_BOLD;
	styles[STYLE_DIM] = A_NORMAL;
	colour_on = colour;
	if (!colour)
		return;

	start_color();
	use_default_colors();
	init_pair(1, COLOR_CYAN, -1);     /* persons */
	init_pair(2, COLOR_GREEN, -1);    /* organisations */
	init_pair(3, COLOR_MAGENTA, -1);  /* places */
	init_pair(4, COLOR_BLUE, -1);     /* other entities, links */
	init_pair(5, COLOR_BLACK, COLOR_YELLOW);  /* hits */
	init_pair(6, COLOR_YELLOW, -1);   /* headings, frames in focus */
	init_pair(7, COLOR_RED, -1);      /* errors, control characters */
	init_pair(8, COLOR_BLACK, COLOR_CYAN);    /* the current hit */
	styles[STYLE_FRAME_FOCUS] = COLOR_PAIR(6) | A_BOLD;
	styles[STYLE_HEADING] = COLOR_PAIR(6) | A_BOLD;
	styles[STYLE_META] = A_BOLD;
	styles[STYLE_QUOTE] = A_NORMAL;
	styles[STYLE_LINK] = COLOR_PAIR(4) | A_UNDERLINE;
	styles[STYLE_PERSON] = COLOR_PAIR(1);
	styles[STYLE_ORG] = COLOR_PAIR(2);
	styles[STYLE_PLACE] = COLOR_PAIR(3);
	styles[STYLE_OTHER] = COLOR_PAIR(4);
	styles[STYLE_HIT] = COLOR_PAIR(5);
	styles[STYLE_CURRENT_HIT] = COLOR_PAIR(8) | A_BOLD;
	styles[STYLE_CONTROL] = COLOR_PAIR(7) | A_REVERSE;
	styles[STYLE_ERROR] = COLOR_PAIR(7) | A_BOLD;
	styles[STYLE_DIM] = A_DIM;
}

static enum style style_at(size_t off, enum style base, const struct style_run *runs,
			   size_t nruns)
{
	enum style s = base;
	size_t i;

	for (i = 0; i < nruns; i++)
		if (off >= runs[i].start && off < runs[i].end)
			s = runs[i].style;
	return s;
}

/* Draws out.data as one piece in style st. */
static void flush(WINDOW *win, struct buf *out, enum style st)
{
	if (!out->len)
		return;
	wattrset(win, styles[st]);
	waddnstr(win, out->data, (int)out->len);
	buf_reset(out);
}

int render_text(WINDOW *win, int y, int x, int width, const char *text, size_t len,
		enum style base, const struct style_run *runs, size_t nruns)
{
	static struct buf out, tmp;
	enum style cur = base;
	size_t i = 0, n;
	int col = 0;
	uint32_t cp;

	if (width <= 0)
		return 0;
	wmove(win, y, x);
	buf_reset(&out);
	while (i < len) {
		enum style st = style_at(i, base, runs, nruns);
		int w;

		n = text_decode(text + i, len - i, &cp);
		buf_reset(&tmp);
		if (text_is_unsafe(cp) || (cp == 0xFFFD && n == 1)) {
			if (cp == 0xFFFD)
				text_encode(&tmp, 0xFFFD);
			else
				text_placeholder(&tmp, cp);
			if (!utf8) {
				struct buf a = BUF_INIT;

				text_to_ascii(&a, tmp.data, tmp.len);
				buf_reset(&tmp);
				buf_add(&tmp, a.data, a.len);
				buf_free(&a);
			}
			st = STYLE_CONTROL;
			w = (int)text_width(tmp.data, tmp.len);
		} else if (!utf8 && cp >= 0x80) {
			text_to_ascii(&tmp, text + i, n);
			w = (int)tmp.len;
		} else {
			buf_add(&tmp, text + i, n);
			w = text_cp_width(cp);
		}
		if (col + w > width)
			break;
		if (st != cur) {
			flush(win, &out, cur);
			cur = st;
		}
		buf_add(&out, tmp.data, tmp.len);
		col += w;
		i += n;
	}
	flush(win, &out, cur);
	wattrset(win, A_NORMAL);
	return col;
}

int render_str(WINDOW *win, int y, int x, int width, const char *s, enum style st)
{
	return render_text(win, y, x, width, s, strlen(s), st, NULL, 0);
}

void render_fill(WINDOW *win, int y, int x, int width, enum style st)
{
	if (width <= 0)
		return;
	wattrset(win, styles[st]);
	mvwhline(win, y, x, ' ', width);
	wattrset(win, A_NORMAL);
}

int render_width(const char *s, size_t len)
{
	if (!utf8) {
		struct buf a = BUF_INIT;
		int w;

		text_to_ascii(&a, s, len);
		w = (int)text_width(a.data ? a.data : "", a.len);
		buf_free(&a);
		return w;
	}
	return (int)text_width(s, len);
}

void render_frame(WINDOW *win, const char *title, const char *right, int focused)
{
	int h, w, col;
	enum style fs = focused ? STYLE_FRAME_FOCUS : STYLE_FRAME;

	getmaxyx(win, h, w);
	wattrset(win, styles[fs]);
	if (h == 1)
		mvwhline(win, 0, 0, ACS_HLINE, w);   /* a title bar, no box */
	else
		box(win, 0, 0);
	wattrset(win, A_NORMAL);
	if (w < 6)
		return;
	col = 2;
	if (title && *title) {
		render_str(win, 0, 1, 1, " ", fs);
		col = 2 + render_str(win, 0, 2, w - 4, title, focused ? STYLE_FRAME_FOCUS : STYLE_TITLE);
		render_str(win, 0, col, 1, " ", fs);
	}
	if (right && *right) {
		int rw = render_width(right, strlen(right));

		if (rw + col + 4 < w)
			render_str(win, 0, w - rw - 3, rw + 2, right, fs);
	}
	(void)h;
}
