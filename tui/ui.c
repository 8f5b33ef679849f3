/* ui.c: the interactive program: the terminal, the layout of the panes,
 * the event loop, the search as you type.
 *
 * One key at a time: a request goes to the focused pane first, then to
 * the view engine's moving, then to the global requests here; each
 * reports what must be redrawn, and the loop redraws it with one doupdate.
 * The terminal is restored on every way out: q, a signal (a flag the loop
 * sees), a lost terminal (reads fail), and a crash (restore, then let the
 * signal go on to the sanitizer or the core dump). */
#include "config.h"

#include <curses.h>
#include <errno.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <poll.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "prompt.h"
#include "render.h"
#include "session.h"
#include "text.h"
#include "ui.h"

#define NO_HIT ((size_t)-1)

/* Smallest sizes: below MIN_* nothing fits; below WIDE_* one pane at a
 * time. */
#define MIN_COLS 24
#define MIN_ROWS 6
#define WIDE_COLS 90
#define WIDE_ROWS 18

/* Keys handled before the screen is drawn, when they come faster than it
 * can be (a paste, a slow terminal). */
#define MAX_KEYS_PER_DRAW 256

/* Search budget: as you type, and once the pattern is kept. */
#define LIVE_SECONDS 0.25
#define KEPT_SECONDS 5.0

static volatile sig_atomic_t got_signal;
static int curses_on;

struct ui {
	struct app app;             /* first: the panes' app is the ui */
	struct prompt prompt;
	struct history searches, filters, commands;
	struct history_list hist;   /* back, forward, '', marks */
	enum pane filter_pane;
	unsigned search_flags;
	int pending;                /* 'm' or '\'' waiting for its letter */
	int quit;
};

static struct ui *ui_of(struct app *a)
{
	return (struct ui *)(void *)a;
}

/* ---- the terminal ------------------------------------------------------- */

static void restore_terminal(void)
{
	if (curses_on && !isendwin())
		endwin();
	curses_on = 0;
}

static void on_signal(int sig)
{
	got_signal = sig;
}

static struct sigaction old_crash[32];

/* A crash: give the terminal back, then let the signal do what it would
 * have done (a sanitizer's report, a core dump). */
static void on_crash(int sig, siginfo_t *info, void *uc)
{
	struct sigaction *old = sig < 32 ? &old_crash[sig] : NULL;

	restore_terminal();
	if (old && (old->sa_flags & SA_SIGINFO) && old->sa_sigaction) {
		sigaction(sig, old, NULL);
		old->sa_sigaction(sig, info, uc);
		return;
	}
	if (old && old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
		sigaction(sig, old, NULL);
		old->sa_handler(sig);
		return;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Two resizes in quick succession can leave curses with the size between
 * them (one SIGWINCH is lost while it handles the other): the terminal is
 * asked before every redraw, and curses told when it differs. */
static int size_changed(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || !ws.ws_row || !ws.ws_col ||
	    (ws.ws_row == LINES && ws.ws_col == COLS))
		return 0;
	resize_term(ws.ws_row, ws.ws_col);
	return 1;
}

/* Whether the terminal is gone (the SSH connection dropped): input
 * hung up or in error. */
static int terminal_gone(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };

	if (poll(&p, 1, 0) < 0)
		return errno != EINTR;
	return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static void install_signals(void)
{
	static const int quit_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(quit_signals) / sizeof(quit_signals[0]); i++)
		sigaction(quit_signals[i], &sa, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(crash_signals) / sizeof(crash_signals[0]); i++)
		sigaction(crash_signals[i], &sa, &old_crash[crash_signals[i]]);
}

/* ---- app functions for the panes ------------------------------------ */

void app_message(struct app *a, int error, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(a->message);
	a->message = buf_steal(&b);
	a->message_error = error;
}

void app_focus(struct app *a, enum pane p)
{
	a->focus = p;
}

const struct history_list *app_history(struct app *a)
{
	return &ui_of(a)->hist;
}

static int location_valid(const struct corpus *c, const struct location *l);

int app_navigate(struct app *a, const struct location *to)
{
	struct ui *u = ui_of(a);
	struct view *r = &a->views[PANE_READER];
	struct location here = { LOC_NONE, NULL, 0, 0 };

	if (!location_valid(a->corpus, to)) {
		app_message(a, 1, "%s is not in this corpus", to->id ? to->id : "that page");
		return 0;
	}
	/* the history first, so the history page is up to date; the history
	 * page itself is not a step in it */
	reader_location(r, &here);
	if (to->kind != LOC_HISTORY && here.kind != LOC_HISTORY)
		history_visit(&u->hist, &here, to);
	else if (to->kind != LOC_HISTORY)
		history_visit(&u->hist, NULL, to);
	location_clear(&here);
	/* a little context above a spot inside the page, as less does */
	reader_show_location(r, to, to->block || to->off ? 2 : 0);
	app_focus(a, PANE_READER);
	return 1;
}

static void navigate_to(struct app *a, enum location_kind kind, const char *id, size_t block,
			size_t off)
{
	struct location l = { kind, NULL, block, off };

	l.id = id ? xstrdup(id) : NULL;
	app_navigate(a, &l);
	location_clear(&l);
}

void app_open_doc(struct app *a, size_t doc, size_t block, size_t off)
{
	const struct doc *d = corpus_doc(a->corpus, doc);

	if (d)
		navigate_to(a, LOC_DOC, d->id, block, off);
}

void app_preview_doc(struct app *a, size_t doc)
{
	reader_show_doc(&a->views[PANE_READER], doc, 0, 0, 0);
}

void app_open_entity(struct app *a, long e)
{
	const struct entity *ent = entity_get(corpus_entities(a->corpus), e);

	if (ent)
		navigate_to(a, LOC_ENTITY, ent->id, 0, 0);
}

void app_open_help(struct app *a)
{
	navigate_to(a, LOC_HELP, NULL, 0, 0);
}

void app_goto_hit(struct app *a, size_t i)
{
	const struct search_hit *h;

	if (i >= a->hits.nhits)
		return;
	a->current_hit = i;
	h = &a->hits.hits[i];
	app_open_doc(a, h->doc, h->block, h->start);
	view_goto(&a->views[PANE_RESULTS], i);
	app_focus(a, PANE_READER);
}

int app_matches_filter(const char *text, const char *filter)
{
	return text_contains_folded(text, filter);
}

/* ---- layout ------------------------------------------------------------- */

static int results_shown(const struct app *a)
{
	return a->pattern_text != NULL;
}

static void layout(struct ui *u)
{
	struct app *a = &u->app;
	int rows = LINES, cols = COLS, body, left, res, docs;
	size_t i;

	a->rows = rows;
	a->cols = cols;
	a->too_small = cols < MIN_COLS || rows < MIN_ROWS;
	a->single = cols < WIDE_COLS || rows < WIDE_ROWS;
	for (i = 0; i < PANE_COUNT; i++)
		view_place(&a->views[i], 0, 0, 0, 0, 0);
	werase(stdscr);
	if (a->too_small)
		return;
	body = rows - 1;   /* the status line */
	if (a->single || a->maximized) {
		view_place(&a->views[a->focus], 0, 0, body, cols, 0);
		return;
	}
	left = cols * 3 / 10;
	if (left < 28)
		left = 28;
	if (left > 48)
		left = 48;
	res = results_shown(a) ? body / 4 : 0;
	if (res && res < 5)
		res = 5;
	docs = (body - res) / 2;
	view_place(&a->views[PANE_DOCUMENTS], 0, 0, docs, left, 1);
	view_place(&a->views[PANE_ENTITIES], docs, 0, body - res - docs, left, 1);
	view_place(&a->views[PANE_READER], 0, left, body - res, cols - left, 1);
	if (res)
		view_place(&a->views[PANE_RESULTS], body - res, 0, res, cols, 1);
}

/* ---- drawing -------------------------------------------------------------- */

static void draw_status(struct ui *u)
{
	struct app *a = &u->app;
	struct buf left = BUF_INIT, right = BUF_INIT;
	int w = a->cols, rw;

	if (u->prompt.active) {
		prompt_draw(&u->prompt, stdscr, a->rows - 1, w);
		curs_set(1);
		return;
	}
	curs_set(0);
	if (a->message) {
		buf_adds(&left, a->message);
	} else if (a->focus == PANE_READER) {
		size_t top, n;

		/* the position goes right, with the hints: a narrow terminal
		 * cuts the title, never where you are */
		reader_lines(&a->views[PANE_READER], &top, &n);
		buf_printf(&left, "%s", reader_title(&a->views[PANE_READER]));
		if (n)
			buf_printf(&right, "line %zu/%zu \xC2\xB7 ", top + 1, n);
	} else {
		buf_adds(&left, a->views[a->focus].ops->name);
	}
	if (a->pattern_text && a->hits.nhits) {
		if (a->current_hit != NO_HIT)
			buf_printf(&right, "%zu/%zu hits \xC2\xB7 ", a->current_hit + 1, a->hits.nhits);
		else
			buf_printf(&right, "%zu hits \xC2\xB7 ", a->hits.nhits);
	}
	buf_adds(&right, "? help");
	render_fill(stdscr, a->rows - 1, 0, w, STYLE_STATUS);
	rw = render_width(right.data, right.len);
	render_str(stdscr, a->rows - 1, 1, w - rw - 3, left.data ? left.data : "",
		   a->message && a->message_error ? STYLE_ERROR : STYLE_STATUS);
	if (rw + 2 < w)
		render_str(stdscr, a->rows - 1, w - rw - 1, rw, right.data, STYLE_STATUS);
	buf_free(&left);
	buf_free(&right);
}

static void draw(struct ui *u)
{
	struct app *a = &u->app;
	size_t i;

	if (a->too_small) {
		const char *msg = "Terminal too small";
		int w = (int)strlen(msg);

		werase(stdscr);
		render_str(stdscr, a->rows / 2, a->cols > w ? (a->cols - w) / 2 : 0, a->cols, msg,
			   STYLE_ERROR);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	/* the status line lives on stdscr, under the panes */
	draw_status(u);
	wnoutrefresh(stdscr);
	for (i = 0; i < PANE_COUNT; i++)
		view_draw(&a->views[i], (enum pane)i == a->focus);
	if (u->prompt.active) {
		/* the cursor goes back to the prompt after the panes */
		prompt_draw(&u->prompt, stdscr, a->rows - 1, a->cols);
		wnoutrefresh(stdscr);
	}
	doupdate();
}

/* ---- search ------------------------------------------------------------- */

/* A key waiting: the search stops so the next keystroke is not kept
 * waiting behind it. */
static int key_pending(void *ctx)
{
	int c;

	(void)ctx;
	wtimeout(stdscr, 0);
	c = wgetch(stdscr);
	wtimeout(stdscr, -1);
	if (c == ERR)
		return 0;
	ungetch(c);
	return 1;
}

static void clear_search(struct app *a)
{
	search_pattern_free(a->pattern);
	a->pattern = NULL;
	free(a->pattern_text);
	a->pattern_text = NULL;
	/* freed, not kept: a pattern typed on the way to the one wanted may
	 * have had a million hits */
	search_result_free(&a->hits);
#ifdef HAVE_MALLOC_TRIM
	malloc_trim(0);   /* and given back: a long session does not keep it */
#endif
	a->current_hit = NO_HIT;
	a->search_status = SEARCH_DONE;
	results_reset(&a->views[PANE_RESULTS]);
}

/* Runs pattern over the corpus within seconds; returns 0 and sets the
 * prompt's error for an invalid pattern. */
static int run_search(struct ui *u, const char *text, double seconds)
{
	struct app *a = &u->app;
	struct search_limits lim = { seconds, key_pending, NULL };
	char *error = NULL;
	struct search_pattern *p;
	int had_results = results_shown(a);

	if (!*text) {
		clear_search(a);
		if (had_results)
			layout(u);
		return 1;
	}
	p = search_compile(text, strlen(text), u->search_flags, &error);
	if (!p) {
		prompt_set_error(&u->prompt, error);
		free(error);
		return 0;
	}
	prompt_set_error(&u->prompt, NULL);
	clear_search(a);
	a->pattern = p;
	a->pattern_text = xstrdup(text);
	a->search_status = search_run(a->search, p, 0, corpus_ndocs(a->corpus), &lim, &a->hits);
	if (a->search_status != SEARCH_DONE)
		prompt_set_error(&u->prompt, search_status_message(a->search_status));
	results_reset(&a->views[PANE_RESULTS]);
	if (!had_results)
		layout(u);
	return 1;
}

/* Goes on with a search that stopped for time or a key. */
static void finish_search(struct ui *u)
{
	struct app *a = &u->app;
	struct search_limits lim = { KEPT_SECONDS, key_pending, NULL };

	if (!a->pattern || (a->search_status != SEARCH_PARTIAL &&
			    a->search_status != SEARCH_CANCELLED))
		return;
	a->search_status = search_run(a->search, a->pattern, a->hits.next_doc,
				      corpus_ndocs(a->corpus), &lim, &a->hits);
	if (a->search_status != SEARCH_DONE)
		app_message(a, 1, "%s: %zu hits so far", search_status_message(a->search_status),
			    a->hits.nhits);
}

/* The first hit at or after the reader's position (forward), or before
 * it (backward), wrapping around the corpus. */
static size_t hit_from_reader(struct app *a, int forward)
{
	struct view *r = &a->views[PANE_READER];
	size_t doc = reader_doc(r), block, off, i;

	if (!a->hits.nhits)
		return NO_HIT;
	if (doc == (size_t)-1)
		return forward ? 0 : a->hits.nhits - 1;
	reader_position(r, &block, &off);
	for (i = 0; i < a->hits.nhits; i++) {
		const struct search_hit *h = &a->hits.hits[i];

		if (h->doc > doc || (h->doc == doc && (h->block > block ||
						       (h->block == block && h->start >= off))))
			break;
	}
	if (forward)
		return i < a->hits.nhits ? i : 0;
	return i > 0 ? i - 1 : a->hits.nhits - 1;
}

static int search_step(struct ui *u, int forward)
{
	struct app *a = &u->app;
	size_t next;

	if (!a->pattern_text) {
		app_message(a, 1, "no search: type / and a pattern");
		return REACT_ALL;
	}
	if (!a->hits.nhits) {
		app_message(a, 1, "no hits for /%s", a->pattern_text);
		return REACT_ALL;
	}
	if (a->current_hit == NO_HIT) {
		next = hit_from_reader(a, forward);
	} else if (forward) {
		next = a->current_hit + 1;
		if (next >= a->hits.nhits) {
			next = 0;
			app_message(a, 0, "search hit the end, continuing at the top");
		}
	} else {
		next = a->current_hit;
		if (next == 0) {
			next = a->hits.nhits;
			app_message(a, 0, "search hit the top, continuing at the end");
		}
		next--;
	}
	app_goto_hit(a, next);
	return REACT_ALL;
}

/* ---- commands ------------------------------------------------------------- */

static int run_command(struct ui *u, const char *line)
{
	struct app *a = &u->app;
	const char *arg;
	size_t n;

	while (*line == ' ')
		line++;
	n = strcspn(line, " ");
	arg = line + n;
	while (*arg == ' ')
		arg++;
	if ((n == 1 && *line == 'q') || (n == 4 && strncmp(line, "quit", 4) == 0)) {
		u->quit = 1;
	} else if (n == 4 && strncmp(line, "open", 4) == 0) {
		const struct doc *d = corpus_find_doc(a->corpus, arg);

		if (!d)
			app_message(a, 1, "no document '%s'", arg);
		else
			app_open_doc(a, corpus_doc_index(a->corpus, d), 0, 0);
	} else if (n == 6 && strncmp(line, "entity", 6) == 0) {
		long e = entity_find(corpus_entities(a->corpus), arg);

		if (e < 0)
			app_message(a, 1, "no entity '%s'", arg);
		else
			app_open_entity(a, e);
	} else if (n == 6 && strncmp(line, "search", 6) == 0) {
		if (run_search(u, arg, KEPT_SECONDS)) {
			history_add(&u->searches, arg);
			finish_search(u);
			if (a->hits.nhits)
				app_goto_hit(a, hit_from_reader(a, 1));
		} else {
			app_message(a, 1, "%s", u->prompt.error ? u->prompt.error : "invalid pattern");
		}
	} else if (n == 4 && strncmp(line, "help", 4) == 0) {
		app_open_help(a);
	} else if (n == 7 && strncmp(line, "history", 7) == 0) {
		navigate_to(a, LOC_HISTORY, NULL, 0, 0);
	} else if (n) {
		app_message(a, 1, "unknown command ':%.*s' (try :open, :entity, :search, :history, :quit)",
			    (int)n, line);
	}
	return REACT_ALL;
}

/* ---- requests ------------------------------------------------------------- */

/* Back and forward: the page and the position you left it at. */
static int history_step(struct ui *u, int back)
{
	struct app *a = &u->app;
	struct view *r = &a->views[PANE_READER];
	struct location here = { LOC_NONE, NULL, 0, 0 };
	const struct location *to;

	reader_location(r, &here);
	to = back ? history_back(&u->hist, &here) : history_forward(&u->hist, &here);
	location_clear(&here);
	if (!to) {
		app_message(a, 1, back ? "no earlier page" : "no later page");
		return REACT_ALL;
	}
	if (!reader_show_location(r, to, 0))
		app_message(a, 1, "%s is not in this corpus", to->id ? to->id : "that page");
	app_focus(a, PANE_READER);
	return REACT_LAYOUT;
}

/* The letter after m or ': set a mark, go to one, or '' . */
static int mark_key(struct ui *u, int prefix, wint_t ch)
{
	struct app *a = &u->app;
	struct location here = { LOC_NONE, NULL, 0, 0 }, to = { LOC_NONE, NULL, 0, 0 };
	const struct location *m;

	reader_location(&a->views[PANE_READER], &here);
	if (prefix == 'm') {
		if (here.kind == LOC_NONE)
			app_message(a, 1, "nothing to mark: open a page first");
		else if (history_set_mark(&u->hist, (int)ch, &here))
			app_message(a, 0, "mark %c set", (char)ch);
		else
			app_message(a, 1, "marks are the letters a-z");
	} else if (ch == '\'') {
		if (u->hist.last_jump.kind == LOC_NONE) {
			app_message(a, 1, "no jump to go back to");
		} else {
			/* a jump itself: a second '' comes back */
			location_copy(&to, &u->hist.last_jump);
			app_navigate(a, &to);
		}
	} else if ((m = history_mark(&u->hist, (int)ch)) != NULL) {
		location_copy(&to, m);
		app_navigate(a, &to);
	} else {
		app_message(a, 1, ch >= 'a' && ch <= 'z' ? "mark %c is not set" : "no mark %c",
			    ch >= 32 && ch < 127 ? (char)ch : '?');
	}
	location_clear(&here);
	location_clear(&to);
	return REACT_LAYOUT;
}

static int global_request(struct ui *u, enum request req)
{
	struct app *a = &u->app;

	switch (req) {
	case REQ_QUIT:
		u->quit = 1;
		return REACT_QUIT;
	case REQ_HELP:
		app_open_help(a);
		return REACT_LAYOUT;
	case REQ_FOCUS_DOCUMENTS:
	case REQ_FOCUS_READER:
	case REQ_FOCUS_ENTITIES:
	case REQ_FOCUS_RESULTS:
		if (req == REQ_FOCUS_RESULTS && !results_shown(a)) {
			app_message(a, 1, "no search results yet: type / and a pattern");
			return REACT_ALL;
		}
		a->focus = (enum pane)(PANE_DOCUMENTS + (req - REQ_FOCUS_DOCUMENTS));
		return REACT_LAYOUT;
	case REQ_FOCUS_NEXT:
		do
			a->focus = (enum pane)((a->focus + 1) % PANE_COUNT);
		while (a->focus == PANE_RESULTS && !results_shown(a));
		return REACT_LAYOUT;
	case REQ_MAXIMIZE:
		a->maximized = !a->maximized;
		return REACT_LAYOUT;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		return REACT_ALL;
	case REQ_SEARCH:
		prompt_open(&u->prompt, '/', &u->searches);
		return REACT_ALL;
	case REQ_SEARCH_NEXT:
		return search_step(u, 1);
	case REQ_SEARCH_PREV:
		return search_step(u, 0);
	case REQ_CLEAR:
		if (a->pattern_text) {
			clear_search(a);
			if (a->focus == PANE_RESULTS)
				a->focus = PANE_READER;
			return REACT_LAYOUT;
		}
		return REACT_ALL;
	case REQ_FILTER:
		if (a->focus != PANE_DOCUMENTS && a->focus != PANE_ENTITIES) {
			app_message(a, 1, "& filters the Documents (1) or Entities (3) list");
			return REACT_ALL;
		}
		u->filter_pane = a->focus;
		prompt_open(&u->prompt, '&', &u->filters);
		return REACT_ALL;
	case REQ_COMMAND:
		prompt_open(&u->prompt, ':', &u->commands);
		return REACT_ALL;
	case REQ_BACK:
	case REQ_FORWARD:
		return history_step(u, req == REQ_BACK);
	case REQ_MARK:
	case REQ_GOTO_MARK:
		u->pending = req == REQ_MARK ? 'm' : '\'';
		app_message(a, 0, req == REQ_MARK ? "mark: type a letter a-z"
			    : "go to mark: type a letter a-z, or ' for before the last jump");
		return REACT_ALL;
	default:
		return REACT_NONE;
	}
}

static int apply_filter(struct ui *u, const char *text)
{
	struct view *v = &u->app.views[u->filter_pane];

	if (u->filter_pane == PANE_DOCUMENTS)
		return documents_filter(v, text);
	return entities_filter(v, text);
}

static int prompt_input(struct ui *u, int code, wint_t ch)
{
	struct app *a = &u->app;
	struct prompt *p = &u->prompt;
	char *text;

	switch (prompt_key(p, code, ch)) {
	case PROMPT_NOTHING:
		return REACT_NONE;
	case PROMPT_MOVED:
		return REACT_ALL;
	case PROMPT_CHANGED:
		if (p->lead == '/')
			run_search(u, p->text.data, LIVE_SECONDS);
		else if (p->lead == '&')
			apply_filter(u, p->text.data);
		return REACT_LAYOUT;
	case PROMPT_ACCEPT:
		text = xstrdup(p->text.data ? p->text.data : "");
		prompt_close(p);
		if (p->lead == '/') {
			if (*text && run_search(u, text, LIVE_SECONDS)) {
				history_add(&u->searches, text);
				finish_search(u);
				if (a->hits.nhits)
					app_goto_hit(a, hit_from_reader(a, 1));
				else
					app_message(a, 1, "no hits for /%s", text);
			} else if (*text) {
				app_message(a, 1, "invalid pattern /%s", text);
			}
		} else if (p->lead == '&') {
			history_add(&u->filters, text);
		} else {
			history_add(&u->commands, text);
			run_command(u, text);
		}
		free(text);
		return REACT_LAYOUT;
	case PROMPT_CANCEL:
		prompt_close(p);
		if (p->lead == '/')
			run_search(u, "", LIVE_SECONDS);
		else if (p->lead == '&')
			apply_filter(u, "");
		return REACT_LAYOUT;
	}
	return REACT_NONE;
}

static int handle_key(struct ui *u, int code, wint_t ch)
{
	struct app *a = &u->app;
	struct view *v;
	enum request req;
	int r;

	if (u->prompt.active)
		return prompt_input(u, code, ch);
	if (u->pending) {
		int prefix = u->pending;

		u->pending = 0;
		if (code == KEY_CODE_YES || ch == 27)
			return REACT_ALL;
		return mark_key(u, prefix, ch);
	}
	if (reader_hinting(&a->views[PANE_READER]))
		return reader_hint_key(&a->views[PANE_READER], code == KEY_CODE_YES ? -1 : (int)ch);
	req = keys_request(code == KEY_CODE_YES ? (int)ch : (ch < 256 ? (int)ch : -1));
	if (req == REQ_NONE)
		return REACT_NONE;
	v = &a->views[a->focus];
	if (!a->too_small && v->shown) {
		r = v->ops->request ? v->ops->request(v, req) : REACT_NONE;
		if (r)
			return r;
		r = view_move(v, req);
		if (r)
			return r;
	}
	return global_request(u, req);
}

/* ---- the loop ------------------------------------------------------------- */

static void setup(struct ui *u, struct corpus *c)
{
	struct app *a = &u->app;

	a->corpus = c;
	a->search = search_context_new(c);
	a->current_hit = NO_HIT;
	u->search_flags = SEARCH_SMARTCASE;
	view_init(&a->views[PANE_DOCUMENTS], &documents_ops, a, documents_new(a));
	view_init(&a->views[PANE_READER], &reader_ops, a, reader_new(a));
	view_init(&a->views[PANE_ENTITIES], &entities_ops, a, entities_new(a));
	view_init(&a->views[PANE_RESULTS], &results_ops, a, results_new(a));
	a->focus = PANE_DOCUMENTS;
}

static void teardown(struct ui *u)
{
	struct app *a = &u->app;
	size_t i;

	clear_search(a);
	for (i = 0; i < PANE_COUNT; i++)
		view_free(&a->views[i]);
	search_result_free(&a->hits);
	search_context_free(a->search);
	free(a->message);
	prompt_free(&u->prompt);
	history_free(&u->searches);
	history_free(&u->filters);
	history_free(&u->commands);
	history_list_free(&u->hist);
}

/* Whether a location names something in this corpus. */
static int location_valid(const struct corpus *c, const struct location *l)
{
	switch (l->kind) {
	case LOC_DOC:
		return l->id && corpus_find_doc(c, l->id);
	case LOC_ENTITY:
		return l->id && entity_find(corpus_entities(c), l->id) >= 0;
	case LOC_HELP:
	case LOC_HISTORY:
		return 1;
	case LOC_NONE:
	case LOC_URL:
		break;
	}
	return 0;
}

/* Takes over a saved session; what names documents no longer in the
 * corpus is dropped quietly. */
static void restore_session(struct ui *u, struct session *s)
{
	struct app *a = &u->app;
	size_t i, kept = 0, pos = 0;

	for (i = 0; i < s->nsearches; i++)
		history_add(&u->searches, s->searches[i]);
	for (i = 0; i < s->hist.n; i++) {
		if (!location_valid(a->corpus, &s->hist.items[i]))
			continue;
		if (i <= s->hist.pos)
			pos = kept;
		u->hist.items = xgrow(u->hist.items, &u->hist.cap, kept + 1, sizeof(*u->hist.items));
		memset(&u->hist.items[kept], 0, sizeof(*u->hist.items));
		location_copy(&u->hist.items[kept++], &s->hist.items[i]);
	}
	u->hist.n = kept;
	u->hist.pos = pos;
	if (location_valid(a->corpus, &s->hist.last_jump))
		location_copy(&u->hist.last_jump, &s->hist.last_jump);
	for (i = 0; i < MARKS; i++)
		if (location_valid(a->corpus, &s->hist.marks[i]))
			location_copy(&u->hist.marks[i], &s->hist.marks[i]);
	if (location_valid(a->corpus, &s->page) &&
	    reader_show_location(&a->views[PANE_READER], &s->page, 0))
		a->focus = PANE_READER;
}

static void save_session(struct ui *u, const char *path)
{
	struct session s;
	char *error = NULL;
	size_t i;

	session_init(&s);
	reader_location(&u->app.views[PANE_READER], &s.page);
	history_update(&u->hist, &s.page);
	s.hist = u->hist;               /* borrowed for the write */
	for (i = 0; i < u->searches.n; i++)
		session_add_search(&s, u->searches.items[i]);
	if (session_save(path, &s, &error) != 0) {
		fprintf(stderr, "werkbezoek: the session was not saved: %s\n", error);
		free(error);
	}
	history_list_init(&s.hist);     /* give it back before freeing s */
	session_free(&s);
}

/* A byte that is not UTF-8, skipped. */
#define KEY_SKIPPED (-2)

/* Reads one key: a curses key code (KEY_CODE_YES), a character (OK), ERR
 * when there is no input or it failed, or KEY_SKIPPED for bytes that are
 * not UTF-8.  UTF-8 is decoded here, byte by byte, rather than by
 * wget_wch, which stays stuck after an invalid sequence (a stray byte
 * over SSH must not cost the keyboard).  In a locale that is not UTF-8 a
 * byte is its Latin-1 character. */
static int read_key(wint_t *ch)
{
	char bytes[4];
	size_t n, need, i;
	uint32_t cp;
	int c = wgetch(stdscr);

	if (c == ERR)
		return ERR;
	if (c >= KEY_MIN) {
		*ch = (wint_t)c;
		return KEY_CODE_YES;
	}
	if (c < 0x80 || !render_utf8()) {
		*ch = (wint_t)c;
		return OK;
	}
	need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	bytes[0] = (char)c;
	/* the rest of a character comes with it, or not at all */
	wtimeout(stdscr, 50);
	for (n = 1; n < need; n++) {
		c = wgetch(stdscr);
		if (c == ERR || c >= KEY_MIN || (c & 0xC0) != 0x80) {
			if (c != ERR)
				ungetch(c);
			break;
		}
		bytes[n] = (char)c;
	}
	wtimeout(stdscr, -1);
	i = n == need ? text_decode(bytes, n, &cp) : 0;
	if (i != need || cp == 0xFFFD)
		return KEY_SKIPPED;
	*ch = (wint_t)cp;
	return OK;
}

int ui_run(struct corpus *c, const struct ui_options *opt)
{
	struct ui u;
	struct session saved;
	char *path = NULL, *error = NULL;
	wint_t ch;
	int code, errors = 0, react, gone = 0, resized = 0;
	SCREEN *screen;

	memset(&u, 0, sizeof(u));
	install_signals();
	/* a short Esc, as vim and less users expect, unless the user set one */
	if (!getenv("ESCDELAY"))
		set_escdelay(100);
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		fprintf(stderr, "werkbezoek: cannot use this terminal (TERM=%s)\n",
			getenv("TERM") ? getenv("TERM") : "");
		return 2;
	}
	curses_on = 1;
	die_set_hook(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	render_init();
	setup(&u, c);
	u.search_flags = opt->search_flags;
	if (!render_utf8())
		app_message(&u.app, 1, "the locale is not UTF-8: accents are shown without "
			    "their marks (try LANG=C.UTF-8)");
	else if (corpus_ndiags(c))
		app_message(&u.app, 1, "%zu problems in the corpus (werkbezoek --check lists them)",
			    corpus_ndiags(c));
	if (corpus_ndocs(c))
		reader_show_doc(&u.app.views[PANE_READER], 0, 0, 0, 0);
	if (!opt->no_session && (path = session_path()) != NULL) {
		session_init(&saved);
		if (session_load(path, &saved, &error) > 0)
			restore_session(&u, &saved);
		else if (error)
			app_message(&u.app, 1, "%s", error);
		free(error);
		session_free(&saved);
	}
	layout(&u);
	draw(&u);

	while (!u.quit && !got_signal && !gone) {
		int keys = 0;

		react = 0;
		/* Every key already waiting is handled before the screen is
		 * drawn once: on a slow line, twenty keys cost one redraw, not
		 * twenty (the screen would lag ever further behind). */
		for (;;) {
			errno = 0;
			code = read_key(&ch);
			if (got_signal)
				break;
			if (code == KEY_SKIPPED)
				continue;
			if (code == ERR) {
				/* no more input waiting, an interrupted read, or a
				 * terminal that is gone: only the last ends the
				 * program, and a read that keeps failing cannot make
				 * it spin */
				if (terminal_gone() || ++errors > 1000) {
					gone = 1;
					break;
				}
				if (keys)
					break;
				continue;
			}
			errors = 0;
			keys++;
			if (code == KEY_CODE_YES && ch == KEY_RESIZE) {
				resized = 1;
				react |= REACT_LAYOUT;
			} else {
				free(u.app.message);
				u.app.message = NULL;
				react |= handle_key(&u, code, ch);
			}
			if (u.quit || keys >= MAX_KEYS_PER_DRAW)
				break;
			wtimeout(stdscr, 0);
		}
		wtimeout(stdscr, -1);
		if (u.quit || got_signal || gone)
			break;
		if (size_changed())
			resized = 1;
		if (resized) {
			/* A terminal resets its scrolling region when it is
			 * resized, and keeps what part of the screen it likes:
			 * curses, which may not have seen every resize, starts
			 * afresh (leaving and entering its mode resets both)
			 * and paints it all. */
			endwin();
			clearok(curscr, TRUE);
			react |= REACT_LAYOUT | REACT_RESIZED;
			resized = 0;
		}
		if (react & REACT_LAYOUT)
			layout(&u);
#ifdef HAVE_MALLOC_TRIM
		/* a resize freed every window for new ones: what is left over
		 * goes back to the system */
		if (react & REACT_RESIZED)
			malloc_trim(0);
#endif
		draw(&u);
	}
	restore_terminal();
	if (path)
		save_session(&u, path);
	free(path);
	teardown(&u);
	/* as a shell reports it: 128 + the signal that ended it; a terminal
	 * that went away is an error */
	if (got_signal)
		return 128 + got_signal;
	return u.quit ? 0 : 2;
}
