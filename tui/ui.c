/* ui.c: the event loop: keys in, actions carried out, the screen drawn.
 *
 * One key at a time: a request goes to the focused pane first, then to
 * the view engine's moving, then to the loop's own requests here.  None
 * of them calls back into the loop: each fills in an action (action.h),
 * and apply() below carries it out; it is also the one place that decides
 * what is a step in the page history.  When a batch of waiting keys has
 * been handled, the screen is drawn once (screen.c). */
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
#include "ui_search.h"
#include "say.h"

/* Keys handled before the screen is drawn, when they come faster than it
 * can be (a paste, a slow terminal). */
#define MAX_KEYS_PER_DRAW 256

/* The reader's widest line unless set width=N says otherwise: longer
 * lines are hard to follow back to their start. */
#define DEFAULT_MAX_WIDTH 100

struct ui {
	const struct corpus *corpus;
	struct corpus *owned;           /* the same, freed when replaced */
	struct live live;               /* loading it again */
	int restricted;
	struct pane_context ctx;        /* what the panes may read */
	struct view views[PANE_COUNT];
	enum pane focus;
	int maximized;                  /* only the focused pane is shown */
	struct screen screen;
	struct ui_search search;
	struct history_list hist;       /* back, forward, '', marks */
	struct message status;          /* the status line's, until the next key */
	struct session_stamp session_read; /* the session file as it was read */
	struct prompt prompt;
	struct prompt_completer completer;     /* Tab in the : prompt */
	struct location before_prompt;  /* the reader's page when / opened:
					 * typing previews hits, a cancel
					 * comes back here */
	enum pane focus_before_prompt;
	struct history searches, filters, commands;
	enum pane filter_pane;          /* the list & filters */
	int pending;                    /* 'm' or '\'' waiting for its letter */
	int max_width;                  /* set width=N: the reader's widest line */
	int counting;                   /* 0 typed: digits make a count */
	size_t count;                   /* for the next key (010j, 050G) */
	int mouse;                      /* set mouse (the default), set nomouse */
	int read_errors;                /* failed reads in a row */
	int quit;
};

static struct view *reader(struct ui *u)
{
	return &u->views[PANE_READER];
}

static int results_shown(const struct ui *u)
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
	return k == LOC_HELP || k == LOC_ENTITY || k == LOC_HISTORY;
}

/* Places the panes again when what they were placed for changed. */
static void relayout(struct ui *u)
{
	if (screen_stale(&u->screen, u->focus, u->maximized, results_shown(u)))
		screen_place(&u->screen, u->views, u->focus, u->maximized, results_shown(u));
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

/* Runs text as the search within seconds; an invalid pattern leaves the
 * search as it was and says why in the prompt, and returns 0. */
static int search_text(struct ui *u, const char *text, double seconds)
{
	char *error = NULL;

	if (!ui_search_run(&u->search, text, seconds, &error)) {
		prompt_set_error(&u->prompt, error);
		free(error);
		return 0;
	}
	if (*text)
		prompt_set_error(&u->prompt, u->search.state.status != SEARCH_DONE
				 ? search_status_message(u->search.state.status) : NULL);
	results_reset(&u->views[PANE_RESULTS]);
	/* now, not after the key: going to a hit scrolls the results pane,
	 * which must have its height */
	relayout(u);
	return 1;
}

/* The search kept (Enter after /, or :search): all of it, remembered,
 * and the first hit from the reader's position on.  0 for an invalid
 * pattern. */
static int search_keep(struct ui *u, const char *text, double seconds)
{
	if (!search_text(u, text, seconds))
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

/* ---- options (the config file's set, :set) --------------------------------- */

/* set NAME[=VALUE]: fold, ignorecase (its opposite is smart case), width=N
 * (the reader's widest line; 0: the pane's), each with no in front to
 * turn it off. */
static int set_option(void *arg, const char *name, const char *value, struct buf *err)
{
	struct ui *u = arg;
	unsigned *f = &u->search.flags;
	int on = strncmp(name, "no", 2) != 0;
	const char *base = on ? name : name + 2;
	char *end;
	long n;

	if (strcmp(base, "fold") == 0 && !value) {
		*f = on ? *f | SEARCH_FOLD : *f & ~(unsigned)SEARCH_FOLD;
	} else if (strcmp(base, "ignorecase") == 0 && !value) {
		*f &= ~(unsigned)(SEARCH_CASELESS | SEARCH_SMARTCASE);
		*f |= on ? SEARCH_CASELESS : SEARCH_SMARTCASE;
	} else if (strcmp(base, "mouse") == 0 && !value) {
		u->mouse = on;
		terminal_mouse(on);
	} else if (on && strcmp(base, "width") == 0 && value) {
		n = strtol(value, &end, 10);
		if (*end || end == value || n < 0 || n > 10000) {
			buf_printf(err, "width wants a number of columns, 0 for no limit: '%s'", value);
			return 0;
		}
		u->max_width = (int)n;
		reader_set_max_width(reader(u), u->max_width);
	} else {
		buf_printf(err, "no option '%s' (fold, ignorecase, mouse, width=N; no in front: off)",
			   name);
		return 0;
	}
	return 1;
}

/* :set and :source: a config line, or a file of them. */
static void config_command(struct ui *u, const char *line)
{
	struct config_ops ops = { set_option, u };
	struct buf err = BUF_INIT;
	const char *file = line + strspn(line, " ");
	int bad;

	if (strncmp(file, "source", 6) == 0 && (file[6] == ' ' || !file[6])) {
		file += 6 + strspn(file + 6, " ");
		if (u->restricted) {
			/* a path the reader names is no part of the corpus */
			message_set(&u->status, 1, "restricted mode: no :source");
			return;
		}
		bad = *file ? config_source(&ops, file, &err) : -1;
		if (!*file)
			message_set(&u->status, 1, "source wants a file: :source ~/my-keys");
		else if (bad)
			message_set(&u->status, 1, "%.*s%s", (int)strcspn(err.data, "\n"), err.data,
				    bad > 1 ? " (and more)" : "");
		else
			message_set(&u->status, 0, "read %s", file);
	} else if (!config_line(&ops, line, &err)) {
		message_set(&u->status, 1, "%s", err.data ? err.data : "wrong");
	}
	buf_free(&err);
}

/* The config file at the start: errors in the status line, the first
 * with file:line (a file not named is not missed). */
static void load_config(struct ui *u, const char *option)
{
	struct config_ops ops = { set_option, u };
	struct buf err = BUF_INIT;
	int named, bad;
	char *path = config_path(option, &named);
	FILE *fp;

	if (!path)
		return;
	if (!named && (fp = fopen(path, "r")) == NULL) {
		free(path);
		return;
	}
	if (!named)
		fclose(fp);
	bad = config_source(&ops, path, &err);
	if (bad)
		message_set(&u->status, 1, "%.*s%s", (int)strcspn(err.data, "\n"), err.data,
			    bad > 1 ? " (and more)" : "");
	buf_free(&err);
	free(path);
}

/* = and :info, as less's =: what the reader shows and where. */
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
		if (!search_keep(u, act->pattern, KEPT_SECONDS))
			message_set(&u->status, 1, "%s", u->prompt.error ? u->prompt.error : "invalid pattern");
		break;
	case ACTION_GOTO_LINE:
		goto_line(u, act->line);
		break;
	case ACTION_CONFIG:
		config_command(u, act->pattern);
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
		if (req == REQ_FOCUS_RESULTS && !results_shown(u))
			action_say(act, 1, "no search results yet: type / and a pattern");
		else
			action_focus(act, (enum pane)(PANE_DOCUMENTS + (req - REQ_FOCUS_DOCUMENTS)));
		return 1;
	case REQ_FOCUS_NEXT:
		p = u->focus;
		do
			p = (enum pane)((p + 1) % PANE_COUNT);
		while (p == PANE_RESULTS && !results_shown(u));
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

static void edit(struct ui *u, struct action *act);
static void reload(struct ui *u, struct message *say);

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
		} else if (results_shown(u)) {
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
	case REQ_BACK:
	case REQ_FORWARD:
		action_set(act, req == REQ_BACK ? ACTION_BACK : ACTION_FORWARD);
		break;
	case REQ_EDIT:
		edit(u, act);
		break;
	case REQ_RELOAD:
		reload(u, &act->say);
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

/* ---- the prompt ------------------------------------------------------------ */

static void apply_filter(struct ui *u, const char *text)
{
	struct view *v = &u->views[u->filter_pane];

	v->ops->filter(v, text);
}

/* The reader back where it was when / opened, and the pane that had the
 * focus: typing showed hits in it. */
static void restore_reader(struct ui *u)
{
	if (u->before_prompt.kind != LOC_NONE)
		reader_show_location(reader(u), &u->before_prompt, 0);
	u->focus = u->focus_before_prompt;
}

/* As / is typed: the count of hits at the prompt's right, and the first
 * hit from where the reader was shown in the reader (no history step),
 * which a narrow terminal then shows in place of a list; without hits the
 * reader goes back. */
static void search_preview(struct ui *u)
{
	struct search_state *s = &u->search.state;
	const struct location *from = &u->before_prompt;
	const struct doc *d = from->kind == LOC_DOC ? corpus_find_doc(u->corpus, from->id) : NULL;
	struct location l = { LOC_DOC, NULL, 0, 0 };
	struct buf info = BUF_INIT;
	size_t i;

	if (!s->pattern_text || !s->hits.nhits) {
		prompt_set_info(&u->prompt, s->pattern_text ? "no hits" : NULL);
		restore_reader(u);
		return;
	}
	i = ui_search_near(&u->search, d ? corpus_doc_index(u->corpus, d) : (size_t)-1,
			   from->block, from->off, 1);
	s->current_hit = i;
	l.id = corpus_doc(u->corpus, s->hits.hits[i].doc)->id;
	l.block = s->hits.hits[i].block;
	l.off = s->hits.hits[i].start;
	reader_show_location(reader(u), &l, 2);
	if (u->screen.single)
		u->focus = PANE_READER;
	buf_printf(&info, "%zu/%zu%s hits", i + 1, s->hits.total,
		   s->status == SEARCH_DONE ? "" : "+");
	prompt_set_info(&u->prompt, info.data);
	buf_free(&info);
}

/* Enter in the prompt: keep the search, the filter, or run the command. */
static void prompt_accept(struct ui *u, struct action *act)
{
	struct prompt *p = &u->prompt;
	char *text = xstrdup(prompt_text(p));

	prompt_close(p);
	if (p->lead == '/') {
		/* the history step goes from where the reader was, not from
		 * the hit it previewed */
		restore_reader(u);
		if (*text && search_keep(u, text, LIVE_SECONDS)) {
			if (!u->search.state.hits.nhits)
				action_say(act, 1, "no hits for /%s", text);
		} else if (*text) {
			action_say(act, 1, "invalid pattern /%s", text);
		}
	} else if (p->lead == '&') {
		history_add(&u->filters, text);
	} else {
		history_add(&u->commands, text);
		command_read(u->corpus, text, act);
	}
	free(text);
}

static void draw(struct ui *u);

static void prompt_input(struct ui *u, int code, wint_t ch, struct action *act)
{
	struct prompt *p = &u->prompt;

	switch (prompt_key(p, code, ch)) {
	case PROMPT_NOTHING:
	case PROMPT_MOVED:
		break;
	case PROMPT_CHANGED:
		if (p->lead == '/') {
			/* the key shows before the search of it runs (a
			 * quarter second on a big corpus) */
			if (!terminal_key_pending(NULL))
				draw(u);
			if (search_text(u, prompt_text(p), LIVE_SECONDS))
				search_preview(u);
		} else if (p->lead == '&') {
			apply_filter(u, prompt_text(p));
		}
		break;
	case PROMPT_ACCEPT:
		prompt_accept(u, act);
		break;
	case PROMPT_CANCEL:
		prompt_close(p);
		if (p->lead == '/') {
			search_text(u, "", LIVE_SECONDS);
			restore_reader(u);
		} else if (p->lead == '&') {
			apply_filter(u, "");
		}
		break;
	}
}

static void complete_command_line(void *arg, const char *line, size_t cursor,
				  struct candidates *out)
{
	const struct ui *u = arg;

	complete_command(u->corpus, line, cursor, out);
}

/* ---- the mouse ------------------------------------------------------------- */

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
static void mouse(struct ui *u, const struct mouse_event *m, struct action *act)
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

/* ---- keys ------------------------------------------------------------------ */

/* A request: the focused pane first, then the view engine's moving, then
 * the loop. */
static void request(struct ui *u, enum request req, struct action *act)
{
	struct view *v = &u->views[u->focus];

	if (req == REQ_NONE)
		return;
	if (!u->screen.too_small && v->shown) {
		if (v->ops->request && v->ops->request(v, req, act))
			return;
		if (view_move(v, req, act))
			return;
	}
	global_request(u, req, act);
}

/* ---- counts ------------------------------------------------------------------ */

#define MAX_COUNT 1000000

/* A count, as vim's 10j but begun with 0 (the digits 1-4 are the panes):
 * 0, digits, then a key, which is done that many times; g and G go to
 * that line.  Returns 1 when the key was part of it. */
static int count_key(struct ui *u, int code, wint_t ch, struct action *act)
{
	enum request req;
	size_t i, n;

	if (code != OK) {
		u->counting = 0;
		return 0;
	}
	if (!u->counting) {
		if (ch != '0')
			return 0;
		u->counting = 1;
		u->count = 0;
		action_say(act, 0, "count: digits, then a key (010j, 050G)");
		return 1;
	}
	if (ch >= '0' && ch <= '9') {
		if (u->count < MAX_COUNT)
			u->count = u->count * 10 + (size_t)(ch - '0');
		action_say(act, 0, "count %zu", u->count);
		return 1;
	}
	n = u->count;
	u->counting = 0;
	req = keys_request(ch < 256 ? (int)ch : -1);
	if (n && (req == REQ_FIRST || req == REQ_LAST)) {
		if (u->focus == PANE_READER)
			action_goto_line(act, n);
		else
			view_goto(&u->views[u->focus], n - 1);
		return 1;
	}
	for (i = 0; i < (n ? n : 1) && i < MAX_COUNT; i++) {
		request(u, req, act);
		if (act->kind != ACTION_NONE && act->kind != ACTION_PREVIEW)
			break;          /* opened something: once is enough */
	}
	return 1;
}

static void handle_key(struct ui *u, int code, wint_t ch)
{
	struct action act = ACTION_INIT;

	/* Esc and a key together are one key only to the prompt's editing */
	if (code == OK && ch >= KEY_META && !(u->prompt.active && prompt_meta_key(ch))) {
		handle_key(u, OK, 27);
		handle_key(u, OK, ch - KEY_META);
		return;
	}

	if (code == KEY_CODE_YES && ch == KEY_WB_MOUSE) {
		if (!u->prompt.active && !u->pending)
			mouse(u, terminal_mouse_event(), &act);
	} else if (u->prompt.active) {
		prompt_input(u, code, ch, &act);
	} else if (u->pending) {
		int prefix = u->pending;

		u->pending = 0;
		if (code != KEY_CODE_YES && ch != 27)
			mark_key(u, prefix, ch, &act);
	} else if (reader_hinting(reader(u))) {
		reader_hint_key(reader(u), code == KEY_CODE_YES ? -1 : (int)ch, &act);
	} else if (count_key(u, code, ch, &act)) {
		/* done */
	} else {
		request(u, keys_request(code == KEY_CODE_YES ? (int)ch : (ch < 256 ? (int)ch : -1)),
			&act);
	}
	apply(u, &act);
	relayout(u);
}

/* ---- the session ------------------------------------------------------------ */

static int location_exists(const struct location *l, void *arg)
{
	const struct ui *u = arg;

	return corpus_has_location(u->corpus, l);
}

/* The search that was active, run again (within the kept search's
 * budget), with the hit that was current; the reader stays where it was
 * saved. */
static void restore_search(struct ui *u, const struct session *s)
{
	char *error = NULL;

	if (!s->active)
		return;
	if (!ui_search_run(&u->search, s->active, KEPT_SECONDS, &error)) {
		free(error);
		return;
	}
	ui_search_finish(&u->search);
	if (s->active_hit && s->active_hit <= u->search.state.hits.nhits)
		u->search.state.current_hit = s->active_hit - 1;
	results_reset(&u->views[PANE_RESULTS]);
	if (u->search.state.current_hit != NO_HIT)
		view_goto(&u->views[PANE_RESULTS], u->search.state.current_hit);
}

/* Takes over a saved session, leaving s empty.  What names documents or
 * entities no longer in the corpus is dropped quietly (session_keep);
 * session_load has kept the history to HISTORY_MAX entries. */
static void restore_session(struct ui *u, struct session *s)
{
	size_t i;

	for (i = 0; i < s->nsearches; i++)
		history_add(&u->searches, s->searches[i]);
	session_keep(s, location_exists, u);
	history_list_free(&u->hist);
	u->hist = s->hist;
	history_list_init(&s->hist);
	if (s->page.kind != LOC_NONE && reader_show_location(reader(u), &s->page, 0))
		u->focus = PANE_READER;
	restore_search(u, s);
}

/* Saves the session; a failure is said on stderr (the terminal is
 * restored by then).  Returns 0, or -1 when it was not saved. */
static int save_session(struct ui *u, const char *path)
{
	struct session s;
	char *error = NULL;
	size_t i;
	int rc;

	session_init(&s);
	s.loaded = u->session_read;
	reader_location(reader(u), &s.page);
	history_update(&u->hist, &s.page);
	s.hist = u->hist;               /* borrowed for the write */
	for (i = 0; i < u->searches.n; i++)
		session_add_search(&s, u->searches.items[i]);
	if (u->search.state.pattern_text && !u->prompt.active)
		session_set_active(&s, u->search.state.pattern_text,
				   u->search.state.current_hit == NO_HIT ? 0
				   : u->search.state.current_hit + 1);
	rc = session_save(path, &s, &error);
	if (rc > 0)
		say("werkbezoek: %s\n", error);        /* saved, with a note */
	else if (rc < 0)
		say("werkbezoek: the session was not saved: %s\n", error);
	free(error);
	history_list_init(&s.hist);     /* give it back before freeing s */
	session_free(&s);
	return rc < 0 ? -1 : 0;
}

/* ---- drawing ----------------------------------------------------------------- */

static void draw(struct ui *u)
{
	struct buf left = BUF_INIT, right = BUF_INIT;
	const struct search_state *s = &u->search.state;
	struct screen_status st;

	/* one pane at a time: which one it is, and the keys to the others */
	if (u->screen.single && !u->status.text)
		buf_printf(&left, "%d ", (int)u->focus + 1);
	if (u->status.text) {
		buf_adds(&left, u->status.text);
	} else if (u->focus == PANE_READER) {
		size_t top, n;

		/* the position goes right, with the hints: a narrow terminal
		 * cuts the title, never where you are */
		reader_lines(reader(u), &top, &n);
		buf_adds(&left, reader_title(reader(u)));
		if (n)
			buf_printf(&right, "line %zu/%zu \xC2\xB7 ", top + 1, n);
	} else {
		buf_adds(&left, u->views[u->focus].ops->name);
	}
	/* the options that differ from the defaults */
	if (u->search.flags & SEARCH_FOLD)
		buf_adds(&right, "fold \xC2\xB7 ");
	if (u->search.flags & SEARCH_CASELESS)
		buf_adds(&right, "ic \xC2\xB7 ");
	if (u->max_width != DEFAULT_MAX_WIDTH)
		buf_printf(&right, "w%d \xC2\xB7 ", u->max_width);
	if (s->pattern_text && s->hits.nhits && !s->hidden) {
		if (s->current_hit != NO_HIT)
			buf_printf(&right, "%zu/%zu hits \xC2\xB7 ", s->current_hit + 1, s->hits.total);
		else
			buf_printf(&right, "%zu hits \xC2\xB7 ", s->hits.total);
	}
	buf_adds(&right, "? help");
	if (u->screen.single && !u->status.text)
		buf_adds(&right, " \xC2\xB7 1-4 w");
	st.left = left.data ? left.data : "";
	st.right = right.data;
	st.error = u->status.text && u->status.error;
	screen_draw(&u->screen, u->views, u->focus, &u->prompt, &st);
	buf_free(&left);
	buf_free(&right);
}

/* ---- the corpus on disk: the editor, loading again (editor.c, live.c) ---- */

static void make_panes(struct ui *u, struct corpus *c, unsigned search_flags);

/* The reader's page in the corpus loaded again: the same document or
 * entity, at its block or the nearest one left, in the source view if it
 * was. */
static void keep_place(struct ui *u, struct location *here, int source)
{
	const struct doc *d = here->kind == LOC_DOC ? corpus_find_doc(u->corpus, here->id) : NULL;
	struct action ignored = ACTION_INIT;

	if (d && here->block >= d->nblocks) {
		here->block = d->nblocks ? d->nblocks - 1 : 0;
		here->off = 0;
	}
	if (here->kind != LOC_NONE && reader_show_location(reader(u), here, 0)) {
		if (source && reader_ops.request(reader(u), REQ_SOURCE, &ignored))
			action_clear(&ignored);
		return;
	}
	if (corpus_ndocs(u->corpus))
		reader_show_doc(reader(u), 0, 0, 0, 0);
	if (here->kind != LOC_NONE)
		message_set(&u->status, 1, "%s is no longer in the corpus", here->id ? here->id : "the page");
}

/* Puts corpus c in the place of the one shown: the panes hold indexes
 * into the old one, so they are made again; the search runs again; the
 * history and the marks are locations by id and stay. */
static void swap_corpus(struct ui *u, struct corpus *c)
{
	struct location here = { LOC_NONE, NULL, 0, 0 };
	char *pattern = u->search.state.pattern_text ? xstrdup(u->search.state.pattern_text) : NULL;
	int source = reader_showing_source(reader(u));
	unsigned flags = u->search.flags;
	size_t i, keep = u->search.state.hits.keep;

	reader_location(reader(u), &here);
	for (i = 0; i < PANE_COUNT; i++)
		view_free(&u->views[i]);
	ui_search_free(&u->search);
	corpus_free(u->owned);
	make_panes(u, c, flags);
	u->search.state.hits.keep = keep;
	screen_place(&u->screen, u->views, u->focus, u->maximized, 0);
	if (pattern && search_text(u, pattern, KEPT_SECONDS))
		ui_search_finish(&u->search);
	if (u->focus == PANE_RESULTS && !results_shown(u))
		u->focus = PANE_READER;
	screen_place(&u->screen, u->views, u->focus, u->maximized, results_shown(u));
	keep_place(u, &here, source);
	location_clear(&here);
	free(pattern);
}

/* R, a change on disk, or an edited file: the corpus loaded again in
 * place of this one, or kept with the reason in say. */
static void reload(struct ui *u, struct message *say)
{
	struct corpus *c = live_reload(&u->live, u->corpus, say);

	live_forget(&u->live);
	if (c)
		swap_corpus(u, c);
}

/* v: the file and line at the top of the reader in the editor, and the
 * corpus loaded again when the file changed. */
static void edit(struct ui *u, struct action *act)
{
	const char *file;
	long line;
	char *path, *error = NULL;
	int changed = 0;

	if (u->restricted) {
		action_say(act, 1, "restricted mode: no editor");
		return;
	}
	line = reader_file_line(reader(u), &file);
	if (!line) {
		action_say(act, 1, "this page is no file's: open a document or an entity to edit it");
		return;
	}
	path = xstrdup(file);   /* the corpus it is borrowed from may go */
	editor_run(path, line, &changed, &error);
	if (changed)
		reload(u, &act->say);
	else
		action_say(act, 0, "not changed: %s", path);
	if (error)      /* said last: it wins */
		action_say(act, 1, "%s", error);
	free(error);
	free(path);
}

/* ---- the loop ------------------------------------------------------------------ */

/* The search and the panes over corpus c. */
static void make_panes(struct ui *u, struct corpus *c, unsigned search_flags)
{
	u->corpus = c;
	u->owned = c;
	ui_search_init(&u->search, c, search_flags);
	u->ctx.corpus = c;
	u->ctx.search = &u->search.state;
	u->ctx.history = &u->hist;
	u->completer.complete = complete_command_line;
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
	make_panes(u, c, search_flags);
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
		restore_session(u, &saved);
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
			*resized = 1;
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
		screen_place(&u->screen, u->views, u->focus, u->maximized, results_shown(u));
#ifdef HAVE_MALLOC_TRIM
		/* every window was freed for new ones: what is left over goes
		 * back to the system */
		malloc_trim(0);
#endif
	}
	draw(u);
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
	load_config(&u, opt->config);
	terminal_mouse(u.mouse);
	if (!opt->no_session)
		path = load_session(&u);
	screen_place(&u.screen, u.views, u.focus, u.maximized, results_shown(&u));
	draw(&u);
	while (!u.quit && !terminal_signal() && !gone) {
		resized = 0;
		switch (live_wait(&u.live)) {
		case LIVE_CHANGED:
			reload(&u, &u.status);
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
	if (path && save_session(&u, path) != 0)
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
