/* render.h: the one module that draws with curses and picks colours.
 *
 * Panes say what a piece of text is (a person's name, a search hit, a
 * heading) and render decides how it looks: colours when the terminal has
 * them and NO_COLOR is unset, else bold, underline and reverse.  Every
 * string passes through the sanitiser on its way out (control and bidi
 * characters become visible placeholders) and is cut at display columns,
 * never inside a character.  In a locale that is not UTF-8, text is shown
 * with its accents dropped. */
#ifndef WB_RENDER_H
#define WB_RENDER_H

#include <curses.h>
#include <stddef.h>

enum style {
	STYLE_NORMAL,
	STYLE_TITLE,          /* pane titles, the document title */
	STYLE_FRAME,          /* borders */
	STYLE_FRAME_FOCUS,    /* the focused pane's border and title */
	STYLE_SELECTED,       /* the selected line of a list */
	STYLE_HEADING,
	STYLE_META,           /* header lines: the label part */
	STYLE_QUOTE,
	STYLE_NOTE,
	STYLE_CAPTION,
	STYLE_EMPHASIS,
	STYLE_LINK,
	STYLE_PERSON,
	STYLE_ORG,
	STYLE_PLACE,
	STYLE_OTHER,
	STYLE_HIT,            /* a search hit */
	STYLE_CURRENT_HIT,    /* the hit n/N went to */
	STYLE_CONTROL,        /* a placeholder for a control character */
	STYLE_STATUS,
	STYLE_PROMPT,
	STYLE_ERROR,
	STYLE_DIM,
	STYLE_COUNT
};

/* Call after initscr: sets up colours (unless NO_COLOR or a monochrome
 * terminal) and notes whether the locale can show UTF-8. */
void render_init(void);
/* Whether text is shown as UTF-8 (else transliterated to ASCII). */
int render_utf8(void);

attr_t render_attr(enum style s);
/* The style named name ("hit", "current-hit", "person" ...), or
 * STYLE_COUNT. */
enum style render_style_by_name(const char *name);
/* The config file's colour: style s in colour fg on bg (curses colour
 * numbers, -1 the terminal's own) with attributes attrs (A_BOLD ...).
 * Without colour (NO_COLOR, a monochrome terminal) only attrs apply, and
 * only when there are some. */
void render_set_style(enum style s, short fg, short bg, attr_t attrs);
/* The style of an entity's name, by its class (enum entity_class). */
enum style render_class_style(int cls);

/* A run of styles over a piece of text: [start, end) bytes. */
struct style_run {
	size_t start, end;
	enum style style;
};

/* Draws text[0..len) at (y, x) of win, at most width columns, with base
 * style and runs on top (later runs win).  Control characters show as
 * placeholders in STYLE_CONTROL.  Returns the columns used. */
int render_text(WINDOW *win, int y, int x, int width, const char *text, size_t len,
		enum style base, const struct style_run *runs, size_t nruns);
/* The same, for a NUL-terminated string in one style. */
int render_str(WINDOW *win, int y, int x, int width, const char *s, enum style st);
/* Fills from column x to x + width with spaces in style st. */
void render_fill(WINDOW *win, int y, int x, int width, enum style st);

/* A frame around a pane with a title in its top border. */
void render_frame(WINDOW *win, const char *title, const char *right, int focused);

/* The display width of s as render_text shows it. */
int render_width(const char *s, size_t len);

#endif
