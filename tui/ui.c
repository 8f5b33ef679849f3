/* ui.c: the event loop: keys in, actions carried out, the screen drawn.
 *
 * One key at a time: a request goes to the focused pane first, then to
 * the view engine's moving, then to the loop's own requests here.  None
 * of them calls back into the loop: each fills in an action (action.h),
 * and apply() below carries it out; it is also the one place that decides
 * what is a step in the page history.  When a batch of waiting keys has
 * been handled, the screen is drawn once (screen.c).  The loop's other
 * jobs are files of their own sharing struct ui (ui_impl.h): ui_prompt.c,
 * ui_count.c, ui_mouse.c, ui_options.c, ui_session.c, ui_reload.c. */
#include "config.h"

#include <errno.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "buf.h"
#include "commands.h"
#include "complete.h"
#include "corpus.h"
#include "editor.h"
#include "history.h"
#include "live.h"
#include "output_hold.h"
#include "pane_context.h"
#include "pane_documents.h"
#include "pane_entities.h"
#include "pane_reader.h"
#include "pane_results.h"
#include "prompt.h"
#include "render.h"
#include "screen.h"
#include "session.h"
#include "settings.h"
#include "terminal.h"
#include "ui.h"
#include "ui_impl.h"
#include "ui_search.h"
#include "say.h"

/* Keys handled before the screen is drawn, when they come faster than it
 * can be (a paste, a slow terminal). */
#define MAX_KEYS_PER_DRAW 256

int ui_results_shown(const struct ui *u)
{
	return u->search.state.pattern_text != NULL && !u->search.state.hidden;
}

/* Whether the reader, focused, shows a page reached by navigation (the
 * help, an entity's page, the history) that q and Esc close: back to the
 * page before it. */
static int closable_page(struct ui *u)
{
	enum location_kind k = reader_page_kind(reader(u));

	if (u->focus != PANE_READER || !u->hist.n || u->hist.pos == 0)
		return 0;
	return k == LOC_HELP || k == LOC_ENTITY || k == LOC_HISTORY || k == LOC_WITH ||
	       k == LOC_YEAR;
}

/* Places the panes again when what they were placed for changed. */
static void relayout(struct ui *u)
{
	if (screen_stale(&u->screen, u->focus, u->maximized, ui_results_shown(u)))
		screen_place(&u->screen, u->views, u->focus, u->maximized, ui_results_shown(u));
}

/* ---- carrying out actions ------------------------------------------------ */

/* Goes to a location in the reader as a step in the history (back and
 * forward, '' come back here), and focuses the reader. */
static void navigate(struct ui *u, const struct location *to, int exact)
{
	struct location here = { LOC_NONE, NULL, 0, 0 };

	if (!corpus_has_location(u->corpus, to)) {
		message_set(&u->status, 1, "%s is not in this corpus", to->id ? to->id : "that page");
		return;
	}
	/* the history first, so the history page is up to date; the history
	 * page itself is not a step in it */
	reader_location(reader(u), &here);
	if (to->kind != LOC_HISTORY && here.kind != LOC_HISTORY)
		history_visit(&u->hist, &here, to);
	else if (to->kind != LOC_HISTORY)
		history_visit(&u->hist, NULL, to);
	location_clear(&here);
	/* a little context above a spot inside the page, as less does */
	reader_show_location(reader(u), to, !exact && (to->block || to->off) ? 2 : 0);
	u->focus = PANE_READER;
}

/* Makes hit i the current one and opens it: a history step. */
static void goto_hit(struct ui *u, size_t i, int keep_focus)
{
	const struct search_state *s = &u->search.state;
	enum pane focus = u->focus;
	const struct search_hit *h;
	struct location l = { LOC_DOC, NULL, 0, 0 };

	if (i >= s->hits.nhits)
		return;
	u->search.state.current_hit = i;
	h = &s->hits.hits[i];
	l.id = corpus_doc(u->corpus, h->doc)->id;   /* borrowed: navigate copies */
	l.block = h->block;
	l.off = h->start;
	navigate(u, &l, 0);
	view_goto(&u->views[PANE_RESULTS], results_line_of_hit(&u->views[PANE_RESULTS], i));
	u->focus = keep_focus ? focus : PANE_READER;
}

/* Back and forward: the page and the position you left it at; the
 * history moves, no step is added. */
static void history_step(struct ui *u, int back)
{
	struct location here = { LOC_NONE, NULL, 0, 0 };
	const struct location *to;

	reader_location(reader(u), &here);
	to = back ? history_back(&u->hist, &here) : history_forward(&u->hist, &here);
	location_clear(&here);
	if (!to) {
		message_set(&u->status, 1, back ? "no earlier page" : "no later page");
		return;
	}
	if (!reader_show_location(reader(u), to, 0))
		message_set(&u->status, 1, "%s is not in this corpus", to->id ? to->id : "that page");
	u->focus = PANE_READER;
}

static size_t hit_near_reader(struct ui *u, int forward)
{
	size_t block = 0, off = 0, doc = reader_doc(reader(u));

	if (doc != (size_t)-1)
		reader_position(reader(u), &block, &off);
	return ui_search_near(&u->search, doc, block, off, forward);
}

/* The prompt's error after a search ran: why it stopped, unless it goes
 * on between keys. */
static void say_search_status(struct ui *u)
{
	const struct search_state *s = &u->search.state;

	prompt_set_error(&u->prompt, s->status != SEARCH_DONE && !s->searching
			 ? search_status_message(s->status) : NULL);
}

/* Runs text as the search within seconds (live: as it is typed, one
 * slice, ui_search_live); an invalid pattern leaves the search as it was
 * and says why in the prompt, and returns 0. */
static int search_text(struct ui *u, const char *text, double seconds, int live)
{
	char *error = NULL;
	int ok = live ? ui_search_live(&u->search, text, &error)
		      : ui_search_run(&u->search, text, seconds, &error);

	if (!ok) {
		prompt_set_error(&u->prompt, error);
		free(error);
		return 0;
	}
	if (*text)
		say_search_status(u);
	results_reset(&u->views[PANE_RESULTS]);
	/* now, not after the key: going to a hit scrolls the results pane,
	 * which must have its height */
	relayout(u);
	return 1;
}

int ui_search_text(struct ui *u, const char *text, double seconds)
{
	return search_text(u, text, seconds, 0);
}

int ui_search_typed(struct ui *u, const char *text)
{
	return search_text(u, text, LIVE_SLICE, 1);
}

/* The search kept (Enter after /, or :search): all of it, remembered,
 * and the first hit from the reader's position on.  0 for an invalid
 * pattern. */
int ui_search_keep(struct ui *u, const char *text, double seconds)
{
	/* the same pattern as typed keeps its hits: no second search */
	if (!ui_search_text(u, text, seconds))
		return 0;
	history_add(&u->searches, text);
	ui_search_finish(&u->search);
	if (u->search.state.status != SEARCH_DONE)
		message_set(&u->status, 1, "%s: %zu hits so far", search_status_message(u->search.state.status),
		    u->search.state.hits.total);
	else if (u->search.state.hits.nhits < u->search.state.hits.total)
		message_set(&u->status, 0, "%zu hits: the first %zu kept (--max-hits)",
		    u->search.state.hits.total, u->search.state.hits.nhits);
	if (u->search.state.hits.nhits)
		goto_hit(u, hit_near_reader(u, 1), 0);
	return 1;
}

/* = and :info, as less's =: what the reader shows and where. */
/* p on an entity's page: the : prompt with ":path ID " begun. */
static void path_to(struct ui *u, struct action *act)
{
	struct location here = { LOC_NONE, NULL, 0, 0 };
	struct buf line = BUF_INIT;

	reader_location(reader(u), &here);
	if (here.kind == LOC_ENTITY && here.id) {
		buf_printf(&line, "path %s ", here.id);
		prompt_open(&u->prompt, ':', &u->commands, &u->completer);
		prompt_set_text(&u->prompt, line.data);
	} else {
		action_say(act, 1, "p finds paths from an entity: open its page first");
	}
	location_clear(&here);
	buf_free(&line);
}

static void say_info(struct ui *u, struct message *m)
{
	struct location here = { LOC_NONE, NULL, 0, 0 };
	size_t top, n, doc = reader_doc(reader(u));
	const struct doc *d = doc != (size_t)-1 ? corpus_doc(u->corpus, doc) : NULL;
	size_t pct;

	reader_lines(reader(u), &top, &n);
	pct = n ? (top + 1) * 100 / n : 0;
	reader_location(reader(u), &here);
	if (d)
		/* the path last: a narrow terminal cuts the end */
		message_set(m, 0, "%s \xC2\xB7 %s \xC2\xB7 line %zu/%zu (%zu%%) \xC2\xB7 %zu bytes \xC2\xB7 %s",
			    d->id, *d->date ? d->date : "no date", top + 1, n, pct, d->text_len, d->file);
	else if (here.kind == LOC_ENTITY)
		message_set(m, 0, "entity %s \xC2\xB7 line %zu/%zu (%zu%%)", here.id, top + 1, n, pct);
	else if (here.kind != LOC_NONE)
		message_set(m, 0, "%s \xC2\xB7 line %zu/%zu", reader_title(reader(u)), top + 1, n);
	else
		message_set(m, 1, "nothing in the reader");
	location_clear(&here);
}

/* :N: line n of the page in the reader, at the top; a jump ('' comes
 * back). */
static void goto_line(struct ui *u, size_t n)
{
	struct location here = { LOC_NONE, NULL, 0, 0 };
	size_t top, lines;

	reader_lines(reader(u), &top, &lines);
	if (!lines) {
		message_set(&u->status, 1, "no page in the reader");
		return;
	}
	reader_location(reader(u), &here);
	history_jumped(&u->hist, &here);
	location_clear(&here);
	view_goto(reader(u), n > 0 ? (n <= lines ? n - 1 : lines - 1) : 0);
	u->focus = PANE_READER;
}

/* Carries out act and empties it.  What is a history step is decided
 * here: opening a location and going to a hit are steps; a preview is
 * not; back and forward move along the history without adding to it. */
static void apply(struct ui *u, struct action *act)
{
	message_take(&u->status, &act->say);
	switch (act->kind) {
	case ACTION_NONE:
		break;
	case ACTION_OPEN:
	case ACTION_RETURN:
		navigate(u, &act->to, act->kind == ACTION_RETURN);
		break;
	case ACTION_PREVIEW:
		reader_show_doc(reader(u), act->doc, 0, 0, 0);
		break;
	case ACTION_GOTO_HIT:
		goto_hit(u, act->hit, act->keep_focus);
		break;
	case ACTION_FOCUS:
		u->focus = act->pane;
		break;
	case ACTION_BACK:
	case ACTION_FORWARD:
		history_step(u, act->kind == ACTION_BACK);
		break;
	case ACTION_SEARCH:
		if (!ui_search_keep(u, act->pattern, KEPT_SECONDS))
			message_set(&u->status, 1, "%s", u->prompt.error ? u->prompt.error : "invalid pattern");
		break;
	case ACTION_GOTO_LINE:
		goto_line(u, act->line);
		break;
	case ACTION_CONFIG:
		ui_config_command(u, act->pattern);
		break;
	case ACTION_INFO:
		say_info(u, &u->status);
		break;
	case ACTION_QUIT:
		u->quit = 1;
		break;
	}
	action_clear(act);
}

/* ---- the loop's own requests ------------------------------------------- */

/* n and N: the next hit from the current one, or from the reader's
 * position when there is none yet. */
static void search_step(struct ui *u, int forward, struct action *act)
{
	const struct search_state *s = &u->search.state;
	size_t next;
	int wrapped;

	if (!s->pattern_text) {
		action_say(act, 1, "no search: type / and a pattern");
		return;
	}
	if (!s->hits.nhits) {
		action_say(act, 1, "no hits for /%s", s->pattern_text);
		return;
	}
	u->search.state.hidden = 0;     /* Esc hid it: n and N show it again */
	if (s->current_hit == NO_HIT) {
		next = hit_near_reader(u, forward);
	} else {
		next = ui_search_next(&u->search, forward, &wrapped);
		if (wrapped)
			action_say(act, 0, forward ? "search hit the end, continuing at the top"
				   : "search hit the top, continuing at the end");
	}
	action_goto_hit(act, next, 0);
}

/* The letter after m or ': set a mark, go to one, or '' . */
static void mark_key(struct ui *u, int prefix, wint_t ch, struct action *act)
{
	struct location here = { LOC_NONE, NULL, 0, 0 };
	const struct location *m;

	if (prefix == 'm') {
		reader_location(reader(u), &here);
		if (here.kind == LOC_NONE)
			action_say(act, 1, "nothing to mark: open a page first");
		else if (history_set_mark(&u->hist, (int)ch, &here))
			action_say(act, 0, "mark %c set", (char)ch);
		else
			action_say(act, 1, "marks are the letters a-z");
		location_clear(&here);
	} else if (ch == '\'') {
		/* a jump itself: a second '' comes back */
		if (u->hist.last_jump.kind == LOC_NONE)
			action_say(act, 1, "no jump to go back to");
		else
			action_return(act, &u->hist.last_jump);
	} else if ((m = history_mark(&u->hist, (int)ch)) != NULL) {
		action_return(act, m);
	} else {
		action_say(act, 1, ch >= 'a' && ch <= 'z' ? "mark %c is not set" : "no mark %c",
			   ch >= 32 && ch < 127 ? (char)ch : '?');
	}
}

/* Focusing, maximising and redrawing; 0 for another request. */
static int window_request(struct ui *u, enum request req, struct action *act)
{
	enum pane p;

	switch (req) {
	case REQ_FOCUS_DOCUMENTS:
	case REQ_FOCUS_READER:
	case REQ_FOCUS_ENTITIES:
	case REQ_FOCUS_RESULTS:
		if (req == REQ_FOCUS_RESULTS && !ui_results_shown(u))
			action_say(act, 1, "no search results yet: type / and a pattern");
		else
			action_focus(act, (enum pane)(PANE_DOCUMENTS + (req - REQ_FOCUS_DOCUMENTS)));
		return 1;
	case REQ_FOCUS_NEXT:
		p = u->focus;
		do
			p = (enum pane)((p + 1) % PANE_COUNT);
		while (p == PANE_RESULTS && !ui_results_shown(u));
		action_focus(act, p);
		return 1;
	case REQ_MAXIMIZE:
		u->maximized = !u->maximized;
		return 1;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	default:
		return 0;
	}
}

/* & : the focused list, if it has a filter. */
static void open_filter(struct ui *u, struct action *act)
{
	if (!u->views[u->focus].ops->filter) {
		action_say(act, 1, "& filters the Documents (1) or Entities (3) list");
		return;
	}
	u->filter_pane = u->focus;
	prompt_open(&u->prompt, '&', &u->filters, NULL);
}


static void global_request(struct ui *u, enum request req, struct action *act)
{
	switch (req) {
	case REQ_QUIT:
		action_set(act, closable_page(u) ? ACTION_BACK : ACTION_QUIT);
		break;
	case REQ_QUIT_NOW:
		action_set(act, ACTION_QUIT);
		break;
	case REQ_CANCEL:
		action_say(act, 0, "nothing to cancel (q quits)");
		break;
	case REQ_INFO:
		say_info(u, &act->say);
		break;
	case REQ_HELP:
		action_open_page(act, LOC_HELP, NULL, 0, 0);
		break;
	case REQ_SEARCH:
		reader_location(reader(u), &u->before_prompt);
		u->focus_before_prompt = u->focus;
		prompt_open(&u->prompt, '/', &u->searches, NULL);
		break;
	case REQ_SEARCH_NEXT:
	case REQ_SEARCH_PREV:
		search_step(u, req == REQ_SEARCH_NEXT, act);
		break;
	case REQ_CLEAR:
		if (closable_page(u) && reader_page_kind(reader(u)) != LOC_ENTITY) {
			action_set(act, ACTION_BACK);
		} else if (ui_results_shown(u)) {
			u->search.state.hidden = 1;
			if (u->focus == PANE_RESULTS)
				action_focus(act, PANE_READER);
		}
		break;
	case REQ_FILTER:
		open_filter(u, act);
		break;
	case REQ_COMMAND:
		prompt_open(&u->prompt, ':', &u->commands, &u->completer);
		break;
	case REQ_PATH_TO:
		path_to(u, act);
		break;
	case REQ_BACK:
	case REQ_FORWARD:
		action_set(act, req == REQ_BACK ? ACTION_BACK : ACTION_FORWARD);
		break;
	case REQ_EDIT:
		ui_edit(u, act);
		break;
	case REQ_RELOAD:
		ui_reload(u, &act->say);
		break;
	case REQ_MARK:
	case REQ_GOTO_MARK:
		u->pending = req == REQ_MARK ? 'm' : '\'';
		action_say(act, 0, req == REQ_MARK ? "mark: type a letter a-z"
			   : "go to mark: type a letter a-z, or ' for before the last jump");
		break;
	default:
		window_request(u, req, act);
		break;
	}
}

/* ---- keys ------------------------------------------------------------------ */

/* The requests that scroll by lines or pages: in the reader they leave
 * the status line lean (ui_draw). */
static const enum request scrolls[] = {
	REQ_MOVE_DOWN, REQ_MOVE_UP, REQ_PAGE_DOWN, REQ_PAGE_UP, REQ_HALF_DOWN, REQ_HALF_UP,
};

static int scrolls_by(enum request req)
{
	size_t i;

	for (i = 0; i < sizeof(scrolls) / sizeof(scrolls[0]); i++)
		if (scrolls[i] == req)
			return 1;
	return 0;
}

/* A request: the focused pane first, then the view engine's moving, then
 * the loop. */
void ui_request(struct ui *u, enum request req, struct action *act)
{
	struct view *v = &u->views[u->focus];

	if (req == REQ_NONE)
		return;
	if (!u->screen.too_small && v->shown) {
		if (v->ops->request && v->ops->request(v, req, act))
			return;
		if (view_move(v, req, act)) {
			u->lean = u->focus == PANE_READER && scrolls_by(req);
			return;
		}
	}
	global_request(u, req, act);
}

static void handle_key(struct ui *u, int code, wint_t ch)
{
	struct action act = ACTION_INIT;

	u->lean = 0;
	/* Esc and a key together are one key only to the prompt's editing */
	if (code == OK && ch >= KEY_META && !(u->prompt.active && prompt_meta_key(ch))) {
		handle_key(u, OK, 27);
		handle_key(u, OK, ch - KEY_META);
		return;
	}

	if (code == KEY_CODE_YES && ch == KEY_WB_MOUSE) {
		if (!u->prompt.active && !u->pending)
			ui_mouse(u, terminal_mouse_event(), &act);
	} else if (u->prompt.active) {
		ui_prompt_input(u, code, ch, &act);
	} else if (u->pending) {
		int prefix = u->pending;

		u->pending = 0;
		if (code != KEY_CODE_YES && ch != 27)
			mark_key(u, prefix, ch, &act);
	} else if (reader_hinting(reader(u))) {
		reader_hint_key(reader(u), code == KEY_CODE_YES ? -1 : (int)ch, &act);
	} else if (ui_count_key(u, code, ch, &act)) {
		/* done */
	} else {
		ui_request(u, keys_request(code == KEY_CODE_YES ? (int)ch : (ch < 256 ? (int)ch : -1)),
			&act);
	}
	apply(u, &act);
	relayout(u);
}

/* ---- drawing ----------------------------------------------------------------- */

/* The status line in full: the message, or the page and where it is, at
 * the left; the options that differ from the defaults, the hits and the
 * hints at the right. */
static void status_full(struct ui *u, struct buf *left, struct buf *right)
{
	const struct search_state *s = &u->search.state;
	struct buf pct = BUF_INIT;

	/* one pane at a time: which one it is, and the keys to the others */
	if (u->screen.single && !u->status.text)
		buf_printf(left, "%d ", (int)u->focus + 1);
	if (u->status.text) {
		buf_adds(left, u->status.text);
	} else if (u->focus == PANE_READER) {
		size_t top, n;

		/* the page's title as its title bar has it; the position goes
		 * right, with the hints: a narrow terminal cuts the title,
		 * never where you are */
		reader_ops.title(reader(u), left, &pct);
		reader_lines(reader(u), &top, &n);
		if (n)
			buf_printf(right, "line %zu/%zu \xC2\xB7 ", top + 1, n);
	} else {
		buf_adds(left, u->views[u->focus].ops->name);
	}
	buf_free(&pct);
	if (u->search.flags & SEARCH_FOLD)
		buf_adds(right, "fold \xC2\xB7 ");
	if (u->search.flags & SEARCH_CASELESS)
		buf_adds(right, "ic \xC2\xB7 ");
	if (u->max_width != DEFAULT_MAX_WIDTH)
		buf_printf(right, "w%d \xC2\xB7 ", u->max_width);
	if (s->pattern_text && s->hits.nhits && !s->hidden) {
		/* + : partial counts, the search goes on */
		const char *more = s->searching ? "+" : "";

		if (s->current_hit != NO_HIT)
			buf_printf(right, "%zu/%zu%s hits \xC2\xB7 ", s->current_hit + 1,
				   s->hits.total, more);
		else
			buf_printf(right, "%zu%s hits \xC2\xB7 ", s->hits.total, more);
	}
	buf_adds(right, "? help");
	if (u->screen.single && !u->status.text)
		buf_adds(right, " \xC2\xB7 1-4 w");
}

/* Whether the reader fills the screen as less's text does (a bare view:
 * no frame, no title bar) with the status line under it, not the prompt. */
static int reader_bare(struct ui *u)
{
	const struct view *v = reader(u);

	return u->focus == PANE_READER && v->shown && !v->frame && !u->prompt.active &&
	       !u->screen.too_small;
}

/* A scroll of the reader since the last draw, when nothing else changed
 * (the same layout, the same lines, no repaint asked for), goes out as
 * less sends it (view_stream). */
static void stream_reader(struct ui *u)
{
	struct view *v = reader(u);
	int bare = reader_bare(u);

	if (bare && u->drawn.valid && u->drawn.screen == u->screen.generation &&
	    u->drawn.wraps == reader_wraps(v) && !is_cleared(curscr) && !isendwin())
		view_stream(v, u->drawn.top);
	u->drawn.valid = bare;
	u->drawn.screen = u->screen.generation;
	u->drawn.wraps = reader_wraps(v);
	u->drawn.top = v->top;
}

void ui_draw(struct ui *u)
{
	struct buf left = BUF_INIT, right = BUF_INIT;
	struct screen_status st = { 0 };
	size_t top, n;
	int held;

	reader_lines(reader(u), &top, &n);
	if (u->lean && !u->status.text && reader_bare(u) && n) {
		/* scrolling: the position alone, as less's prompt, so that a
		 * line scrolled in costs what it costs in less */
		buf_printf(&left, "line %zu/%zu", top + 1, n);
		st.lean = 1;
	} else {
		status_full(u, &left, &right);
	}
	st.left = left.data ? left.data : "";
	st.right = right.data ? right.data : "";
	st.error = u->status.text && u->status.error;
	/* one write for the whole update: curses writes a line at a time,
	 * and over SSH each write can be a packet.  Not after endwin():
	 * curses then sets the terminal's modes again on its descriptor */
	held = !isendwin() && output_hold() == 0;
	stream_reader(u);
	screen_draw(&u->screen, u->views, u->focus, &u->prompt, &st);
	if (held)
		output_send();
	buf_free(&left);
	buf_free(&right);
}

/* ---- the loop ------------------------------------------------------------------ */

/* The search and the panes over corpus c. */
void ui_make_panes(struct ui *u, struct corpus *c, unsigned search_flags)
{
	u->corpus = c;
	u->owned = c;
	ui_search_init(&u->search, c, search_flags);
	u->ctx.corpus = c;
	u->ctx.search = &u->search.state;
	u->ctx.history = &u->hist;
	u->completer.complete = ui_complete_command_line;
	u->max_width = DEFAULT_MAX_WIDTH;
	u->completer.arg = u;
	view_init(&u->views[PANE_DOCUMENTS], &documents_ops, documents_new(&u->ctx));
	view_init(&u->views[PANE_READER], &reader_ops, reader_new(&u->ctx));
	reader_set_max_width(reader(u), DEFAULT_MAX_WIDTH);
	view_init(&u->views[PANE_ENTITIES], &entities_ops, entities_new(&u->ctx));
	view_init(&u->views[PANE_RESULTS], &results_ops, results_new(&u->ctx));
}

static void setup(struct ui *u, struct corpus *c, unsigned search_flags)
{
	ui_make_panes(u, c, search_flags);
	u->focus = PANE_DOCUMENTS;
	if (!render_utf8()) {
		/* what is shown without its accents must be found without
		 * them: "Michael" on the screen finds Michaël */
		u->search.flags |= SEARCH_FOLD;
		message_set(&u->status, 1, "the locale is not UTF-8: accents are shown without their marks "
		    "(try LANG=C.UTF-8)");
	}
	else if (corpus_ndiags(c))
		message_set(&u->status, 1, "%zu problems in the corpus (werkbezoek --check lists them)",
		    corpus_ndiags(c));
	if (corpus_ndocs(c))
		reader_show_doc(reader(u), 0, 0, 0, 0);
}

static void teardown(struct ui *u)
{
	size_t i;

	ui_search_free(&u->search);
	for (i = 0; i < PANE_COUNT; i++)
		view_free(&u->views[i]);
	message_clear(&u->status);
	prompt_free(&u->prompt);
	location_clear(&u->before_prompt);
	history_free(&u->searches);
	history_free(&u->filters);
	history_free(&u->commands);
	history_list_free(&u->hist);
}

/* The saved session's path, with the session taken over; NULL without
 * one (caller frees). */
static char *load_session(struct ui *u)
{
	struct session saved;
	char *path = session_path(), *error = NULL;
	int rc;

	if (!path)
		return NULL;
	session_init(&saved);
	rc = session_load(path, &saved, &error);
	u->session_read = saved.loaded;
	if (rc > 0)
		ui_restore_session(u, &saved);
	else if (error)
		message_set(&u->status, 1, "%s", error);
	free(error);
	session_free(&saved);
	return path;
}

/* Handles every key already waiting before the screen is drawn once: on
 * a slow line, twenty keys cost one redraw, not twenty (the screen would
 * lag ever further behind).  Returns 1 when the terminal is gone; sets
 * *resized for a KEY_RESIZE. */
static int read_keys(struct ui *u, int *resized)
{
	int code, keys = 0, gone = 0;
	wint_t ch;

	for (;;) {
		errno = 0;
		code = terminal_read_key(&ch);
		if (terminal_signal())
			break;
		if (code == KEY_SKIPPED) {
			/* counted: a key that came before it (a click before
			 * its release) is drawn before the next read waits */
			keys++;
			wtimeout(stdscr, 0);
			continue;
		}
		if (code == ERR) {
			/* no more input waiting, an interrupted read, or a
			 * terminal that is gone: only the last ends the
			 * program, and a read that keeps failing cannot make
			 * it spin */
			if (terminal_gone() || ++u->read_errors > 1000) {
				gone = 1;
				break;
			}
			if (keys)
				break;
			continue;
		}
		u->read_errors = 0;
		keys++;
		if (code == KEY_CODE_YES && ch == KEY_RESIZE) {
			/* a new layout: the page named again */
			*resized = 1;
			u->lean = 0;
		} else {
			message_clear(&u->status);
			handle_key(u, code, ch);
		}
		if (u->quit || keys >= MAX_KEYS_PER_DRAW)
			break;
		wtimeout(stdscr, 0);
	}
	wtimeout(stdscr, -1);
	return gone;
}

/* Two resizes in quick succession can leave curses with the size between
 * them (one SIGWINCH is lost while it handles the other): the terminal is
 * asked before every redraw. */
static void redraw(struct ui *u, int resized)
{
	if (terminal_size_changed())
		resized = 1;
	if (resized) {
		/* A terminal resets its scrolling region when it is resized,
		 * and keeps what part of the screen it likes: curses, which
		 * may not have seen every resize, starts afresh (leaving and
		 * entering its mode resets both) and paints it all. */
		endwin();
		clearok(curscr, TRUE);
		screen_place(&u->screen, u->views, u->focus, u->maximized, ui_results_shown(u));
#ifdef HAVE_MALLOC_TRIM
		/* every window was freed for new ones: what is left over goes
		 * back to the system */
		malloc_trim(0);
#endif
	}
	ui_draw(u);
}

int ui_run(struct corpus *c, const struct ui_options *opt)
{
	struct ui u;
	char *path = NULL;
	int gone = 0, resized, unsaved = 0;

	memset(&u, 0, sizeof(u));
	if (terminal_start() != 0) {
		corpus_free(c);
		return 2;
	}
	render_init();
	setup(&u, c, opt->search_flags);
	if (opt->max_hits)
		u.search.state.hits.keep = opt->max_hits;
	u.restricted = opt->restricted;
	u.live.path = opt->path;
	u.live.copt = opt->copt;
	live_start(&u.live, opt->watch, &u.status);
	u.mouse = 1;
	ui_load_config(&u, opt->config);
	terminal_mouse(u.mouse);
	if (!opt->no_session)
		path = load_session(&u);
	screen_place(&u.screen, u.views, u.focus, u.maximized, ui_results_shown(&u));
	ui_draw(&u);
	while (!u.quit && !terminal_signal() && !gone) {
		resized = 0;
		/* an entity page drawn from its first lines: the rest is
		 * built now that the screen is out, before the next key */
		if (reader_finish_page(reader(&u)))
			redraw(&u, 0);
		/* the search typed goes on a slice at a time while no key
		 * waits: the counts grow on the screen */
		while (ui_search_pending(&u.search) && !terminal_key_pending(NULL)) {
			ui_search_typed_step(&u);
			redraw(&u, 0);
		}
		switch (live_wait(&u.live)) {
		case LIVE_CHANGED:
			ui_reload(&u, &u.status);
			redraw(&u, 0);
			continue;
		case LIVE_SIGNAL:
			/* curses sees a resize only in its own read */
			if (!terminal_signal())
				redraw(&u, 0);
			continue;
		case LIVE_KEY:
			break;
		}
		gone = read_keys(&u, &resized);
		if (u.quit || terminal_signal() || gone)
			break;
		redraw(&u, resized);
	}
	terminal_restore();
	if (path && ui_save_session(&u, path) != 0)
		unsaved = 1;
	free(path);
	teardown(&u);
	live_stop(&u.live);
	corpus_free(u.owned);
	/* as a shell reports it: 128 + the signal that ended it; a terminal
	 * that went away is an error */
	if (terminal_signal())
		return 128 + terminal_signal();
	/* a session that could not be saved: q still says so (status 1) */
	return u.quit ? unsaved : 2;
}
