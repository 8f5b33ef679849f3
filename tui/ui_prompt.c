/* ui_prompt.c: the loop's side of the prompts (prompt.c edits the line):
 * / previews hits while typed and keeps the search on Enter, & filters the
 * list as typed, : runs a command (commands.c), Tab completes one
 * (complete.c); a cancel puts the reader back where it was. */
#include "config.h"

#include <stdlib.h>

#include "action.h"
#include "buf.h"
#include "commands.h"
#include "complete.h"
#include "corpus.h"
#include "pane_reader.h"
#include "ui_impl.h"

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
 * reader goes back.  "+" after the count: the search goes on. */
static void search_preview(struct ui *u)
{
	struct search_state *s = &u->search.state;
	const struct location *from = &u->before_prompt;
	const struct doc *d = from->kind == LOC_DOC ? corpus_find_doc(u->corpus, from->id) : NULL;
	struct location l = { LOC_DOC, NULL, 0, 0 };
	struct buf info = BUF_INIT;
	const char *more = s->status == SEARCH_DONE ? "" : "+";
	size_t i;

	if (!s->pattern_text || !s->hits.nhits) {
		prompt_set_info(&u->prompt, !s->pattern_text ? NULL
				: s->searching ? "searching" : "no hits");
		if (s->current_hit != NO_HIT || !s->searching)
			restore_reader(u);
		s->current_hit = NO_HIT;
		return;
	}
	i = ui_search_near(&u->search, d ? corpus_doc_index(u->corpus, d) : (size_t)-1,
			   from->block, from->off, 1);
	/* a slice added hits after the one shown: the reader stays */
	if (i != s->current_hit) {
		s->current_hit = i;
		l.id = corpus_doc(u->corpus, s->hits.hits[i].doc)->id;
		l.block = s->hits.hits[i].block;
		l.off = s->hits.hits[i].start;
		reader_show_location(reader(u), &l, 2);
	}
	if (u->screen.single)
		u->focus = PANE_READER;
	buf_printf(&info, "%zu/%zu%s hits", i + 1, s->hits.total, more);
	prompt_set_info(&u->prompt, info.data);
	buf_free(&info);
}

void ui_search_typed_step(struct ui *u)
{
	const struct search_state *s = &u->search.state;

	ui_search_step(&u->search);
	if (!u->prompt.active || u->prompt.lead != '/')
		return;
	search_preview(u);
	/* stopped for good: why (the budget, a pattern too complex) */
	if (!s->searching && s->status != SEARCH_DONE)
		prompt_set_error(&u->prompt, search_status_message(s->status));
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
		if (*text && ui_search_keep(u, text, LIVE_SECONDS)) {
			if (!u->search.state.hits.nhits)
				action_say(act, 1, "no hits for /%s", text);
		} else if (*text) {
			action_say(act, 1, "invalid pattern /%s", text);
		}
	} else if (p->lead == '&') {
		history_add(&u->filters, text);
	} else {
		history_add(&u->commands, text);
		command_read(u->corpus, u->search.state.pattern_text, text, act);
	}
	free(text);
}

void ui_prompt_input(struct ui *u, int code, wint_t ch, struct action *act)
{
	struct prompt *p = &u->prompt;

	switch (prompt_key(p, code, ch)) {
	case PROMPT_NOTHING:
	case PROMPT_MOVED:
		break;
	case PROMPT_CHANGED:
		if (p->lead == '/') {
			/* the key shows at once; then one slice, a frame at
			 * most: the loop draws, reads the next key and goes
			 * on with the search while none waits */
			if (!terminal_key_pending(NULL))
				ui_draw(u);
			if (ui_search_typed(u, prompt_text(p)))
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
			ui_search_text(u, "", LIVE_SECONDS);
			restore_reader(u);
		} else if (p->lead == '&') {
			apply_filter(u, "");
		}
		break;
	}
}

void ui_complete_command_line(void *arg, const char *line, size_t cursor,
			      struct candidates *out)
{
	const struct ui *u = arg;

	complete_command(u->corpus, line, cursor, out);
}

