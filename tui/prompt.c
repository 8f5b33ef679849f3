/* prompt.c: the prompt for /, & and : (prompt.h): keys mapped to
 * readline's editing (lineedit.c), the history recalled by prefix, Tab
 * completion, and drawing with the cursor kept in view.  The text grows as
 * needed (a search string is never cut, tig#689); no control character
 * gets into it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "prompt.h"
#include "render.h"
#include "text.h"

#define MAX_HISTORY 200
#define CTRL(x) ((x) & 0x1f)

void history_add(struct history *h, const char *s)
{
	size_t i;

	if (!s || !*s)
		return;
	/* the same entry again moves to the end */
	for (i = 0; i < h->n; i++) {
		if (strcmp(h->items[i], s) == 0) {
			char *keep = h->items[i];

			memmove(&h->items[i], &h->items[i + 1], (h->n - i - 1) * sizeof(char *));
			h->items[h->n - 1] = keep;
			return;
		}
	}
	if (h->n == MAX_HISTORY) {
		free(h->items[0]);
		memmove(&h->items[0], &h->items[1], (h->n - 1) * sizeof(char *));
		h->n--;
	}
	h->items = xgrow(h->items, &h->cap, h->n + 1, sizeof(char *));
	h->items[h->n++] = xstrdup(s);
}

void history_free(struct history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->items[i]);
	free(h->items);
	memset(h, 0, sizeof(*h));
}

void prompt_open(struct prompt *p, char lead, struct history *h,
		 const struct prompt_completer *completer)
{
	p->active = 1;
	p->lead = lead;
	line_edit_set(&p->edit, "");
	p->history = h;
	p->recall = h ? h->n : 0;
	free(p->typed);
	p->typed = NULL;
	p->completer.complete = completer ? completer->complete : NULL;
	p->completer.arg = completer ? completer->arg : NULL;
	prompt_set_error(p, NULL);
	prompt_set_info(p, NULL);
}

void prompt_close(struct prompt *p)
{
	p->active = 0;
	prompt_set_error(p, NULL);
	prompt_set_info(p, NULL);
}

void prompt_set_text(struct prompt *p, const char *text)
{
	line_edit_set(&p->edit, text);
}

const char *prompt_text(const struct prompt *p)
{
	return p->edit.text.data ? p->edit.text.data : "";
}

void prompt_set_error(struct prompt *p, const char *error)
{
	free(p->error);
	p->error = error ? xstrdup(error) : NULL;
}

void prompt_set_info(struct prompt *p, const char *info)
{
	free(p->info);
	p->info = info ? xstrdup(info) : NULL;
}

/* Up and Down: the previous (next) entry that begins with what was typed
 * before the cursor when recalling began; past the newest, that text
 * again.  Returns whether the text changed. */
static int recall(struct prompt *p, int dir)
{
	struct history *h = p->history;
	size_t i = p->recall, plen;

	if (!h || !h->n)
		return 0;
	if (!p->typed)
		p->typed = xstrndup(prompt_text(p), p->edit.cursor);
	plen = strlen(p->typed);
	for (;;) {
		if (dir < 0 ? i == 0 : i >= h->n)
			return 0;
		i = dir < 0 ? i - 1 : i + 1;
		if (i == h->n || strncmp(h->items[i], p->typed, plen) == 0)
			break;
	}
	p->recall = i;
	line_edit_set(&p->edit, i < h->n ? h->items[i] : p->typed);
	return 1;
}

/* The longest common start of the candidates, in whole characters. */
static size_t common_start(const struct candidates *c)
{
	size_t len = strlen(c->items[0]), i, k;

	for (i = 1; i < c->n; i++) {
		for (k = 0; k < len && c->items[i][k] == c->items[0][k]; k++)
			;
		len = k;
	}
	while (len > 0 && ((unsigned char)c->items[0][len] & 0xC0) == 0x80)
		len--;
	return len;
}

/* Says what the candidates are, as many as fit a line of about 200. */
static void list_candidates(struct prompt *p, const struct candidates *c)
{
	struct buf b = BUF_INIT;
	size_t i;

	buf_printf(&b, "%zu:", c->n);
	for (i = 0; i < c->n && b.len < 200; i++)
		buf_printf(&b, "%s %s", i ? "," : "", c->items[i]);
	if (i < c->n)
		buf_adds(&b, ", ...");
	prompt_set_error(p, b.data);
	buf_free(&b);
}

/* Tab: one candidate replaces what is typed (a command name gets a space
 * after it); several put in what they have in common beyond it, or are
 * listed. */
static enum prompt_result complete(struct prompt *p)
{
	struct candidates c = CANDIDATES_INIT;
	enum prompt_result r = PROMPT_NOTHING;
	size_t common;

	if (!p->completer.complete)
		return PROMPT_NOTHING;
	p->completer.complete(p->completer.arg, prompt_text(p), p->edit.cursor, &c);
	if (c.n == 0) {
		prompt_set_error(p, "no completions");
		r = PROMPT_MOVED;
	} else if (c.n == 1) {
		line_edit_replace(&p->edit, c.start, c.items[0]);
		if (c.start == strspn(prompt_text(p), " ") && p->edit.cursor == p->edit.text.len)
			line_edit_insert(&p->edit, " ", 1);
		prompt_set_error(p, NULL);
		r = PROMPT_CHANGED;
	} else {
		common = common_start(&c);
		if (common > p->edit.cursor - c.start) {
			char *s = xstrndup(c.items[0], common);

			line_edit_replace(&p->edit, c.start, s);
			free(s);
			r = PROMPT_CHANGED;
		} else {
			r = PROMPT_MOVED;
		}
		list_candidates(p, &c);
	}
	candidates_free(&c);
	return r;
}

static enum prompt_result moved(int did)
{
	return did ? PROMPT_MOVED : PROMPT_NOTHING;
}

static enum prompt_result changed(int did)
{
	return did ? PROMPT_CHANGED : PROMPT_NOTHING;
}

/* Backspace: on an empty line it closes the prompt, as in less. */
static enum prompt_result backspace(struct prompt *p)
{
	if (!p->edit.text.len)
		return PROMPT_CANCEL;
	return changed(line_edit_delete(&p->edit, LINE_CHAR_LEFT, 0));
}

/* The keys curses names (arrows, Home, Delete ...). */
static enum prompt_result curses_key(struct prompt *p, wint_t ch)
{
	switch (ch) {
	case KEY_ENTER:
		return PROMPT_ACCEPT;
	case KEY_BACKSPACE:
		return backspace(p);
	case KEY_DC:
		return changed(line_edit_delete(&p->edit, LINE_CHAR_RIGHT, 0));
	case KEY_LEFT:
		return moved(line_edit_move(&p->edit, LINE_CHAR_LEFT));
	case KEY_RIGHT:
		return moved(line_edit_move(&p->edit, LINE_CHAR_RIGHT));
	case KEY_HOME:
		return moved(line_edit_move(&p->edit, LINE_START));
	case KEY_END:
		return moved(line_edit_move(&p->edit, LINE_END));
	case KEY_UP:
	case KEY_DOWN:
		return changed(recall(p, ch == KEY_UP ? -1 : 1));
	default:
		return PROMPT_NOTHING;
	}
}

/* Control keys and M-letters. */
static enum prompt_result control_key(struct prompt *p, wint_t ch)
{
	switch (ch) {
	case '\n':
	case '\r':
		return PROMPT_ACCEPT;
	case 27:
	case CTRL('c'):
	case CTRL('g'):
		return PROMPT_CANCEL;
	case 127:
	case CTRL('h'):
		return backspace(p);
	case CTRL('d'):
		return changed(line_edit_delete(&p->edit, LINE_CHAR_RIGHT, 0));
	case CTRL('b'):
		return moved(line_edit_move(&p->edit, LINE_CHAR_LEFT));
	case CTRL('f'):
		return moved(line_edit_move(&p->edit, LINE_CHAR_RIGHT));
	case CTRL('a'):
		return moved(line_edit_move(&p->edit, LINE_START));
	case CTRL('e'):
		return moved(line_edit_move(&p->edit, LINE_END));
	case CTRL('w'):
		return changed(line_edit_delete(&p->edit, LINE_SPACE_WORD_LEFT, 1));
	case CTRL('u'):
		return changed(line_edit_delete(&p->edit, LINE_START, 1));
	case CTRL('k'):
		return changed(line_edit_delete(&p->edit, LINE_END, 1));
	case CTRL('y'):
		return changed(line_edit_yank(&p->edit));
	case CTRL('p'):
	case CTRL('n'):
		return changed(recall(p, ch == CTRL('p') ? -1 : 1));
	case '\t':
		return complete(p);
	case KEY_META + 'b':
		return moved(line_edit_move(&p->edit, LINE_WORD_LEFT));
	case KEY_META + 'f':
		return moved(line_edit_move(&p->edit, LINE_WORD_RIGHT));
	case KEY_META + 'd':
		return changed(line_edit_delete(&p->edit, LINE_WORD_RIGHT, 1));
	case KEY_META + 127:
	case KEY_META + CTRL('h'):
		return changed(line_edit_delete(&p->edit, LINE_WORD_LEFT, 1));
	default:
		return PROMPT_NOTHING;
	}
}

int prompt_meta_key(wint_t ch)
{
	return ch == KEY_META + 'b' || ch == KEY_META + 'f' || ch == KEY_META + 'd' ||
	       ch == KEY_META + 127 || ch == KEY_META + CTRL('h');
}

enum prompt_result prompt_key(struct prompt *p, int code, wint_t ch)
{
	struct buf one = BUF_INIT;
	enum prompt_result r;
	int curses = code == KEY_CODE_YES;
	int recalling = curses ? ch == KEY_UP || ch == KEY_DOWN : ch == CTRL('p') || ch == CTRL('n');

	if (curses)
		r = curses_key(p, ch);
	else if (ch < 32 || ch == 127 || ch >= KEY_META)
		r = control_key(p, ch);
	else if ((ch >= 0x7F && ch < 0xA0) || ch > 0x10FFFF || (ch >= 0xD800 && ch <= 0xDFFF))
		r = PROMPT_NOTHING;     /* no control character gets into the text */
	else {
		text_encode(&one, (uint32_t)ch);
		line_edit_insert(&p->edit, one.data, one.len);
		buf_free(&one);
		r = PROMPT_CHANGED;
	}
	if (r == PROMPT_CHANGED) {
		/* typing after a recall searches the history afresh */
		if (!recalling) {
			free(p->typed);
			p->typed = NULL;
			p->recall = p->history ? p->history->n : 0;
		}
		if (curses || ch != '\t')
			prompt_set_error(p, NULL);
	}
	return r;
}

/* The first byte to show of t so that the cursor (byte cursor) fits in
 * room columns: a long pattern scrolls, the cursor stays in view. */
static size_t first_shown(const char *t, size_t cursor, int room)
{
	size_t skip = 0;
	int before = render_width(t, cursor);

	while (before >= room && skip < cursor) {
		uint32_t cp;
		size_t n = text_decode(t + skip, cursor - skip, &cp);

		before -= text_cp_width(cp);
		skip += n ? n : 1;
	}
	return skip;
}

void prompt_draw(struct prompt *p, WINDOW *win, int y, int width)
{
	char lead[2] = { p->lead, '\0' };
	const char *t = prompt_text(p);
	int x, room, info = 0, cx;
	size_t skip;

	render_fill(win, y, 0, width, STYLE_PROMPT);
	x = render_str(win, y, 0, width, lead, STYLE_PROMPT);
	if (p->info) {
		info = render_width(p->info, strlen(p->info)) + 2;
		if (info > width / 3)
			info = 0;
		else
			render_str(win, y, width - info + 1, info - 1, p->info, STYLE_PROMPT);
	}
	room = width - x - 1 - info;
	if (p->error)
		room -= room / 2;
	if (room < 1)
		room = 1;
	skip = first_shown(t, p->edit.cursor, room);
	cx = x + render_width(t + skip, p->edit.cursor - skip);
	x += render_str(win, y, x, room, t + skip, STYLE_PROMPT);
	if (p->error && x + 2 < width - info)
		render_str(win, y, x + 2, width - info - x - 2, p->error, STYLE_ERROR);
	wmove(win, y, cx < width ? cx : width - 1);
}

void prompt_free(struct prompt *p)
{
	line_edit_free(&p->edit);
	free(p->typed);
	p->typed = NULL;
	free(p->error);
	p->error = NULL;
	free(p->info);
	p->info = NULL;
}
