/* action.c: making and freeing actions (action.h). */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include "action.h"
#include "buf.h"

/* Drops the argument of the kind before, keeps the message. */
static void drop_argument(struct action *a)
{
	location_clear(&a->to);
	free(a->pattern);
	a->pattern = NULL;
	a->doc = a->hit = 0;
	a->keep_focus = 0;
	a->pane = PANE_DOCUMENTS;
	a->line = 0;
	a->kind = ACTION_NONE;
}

void action_open(struct action *a, const struct location *to)
{
	drop_argument(a);
	a->kind = ACTION_OPEN;
	location_copy(&a->to, to);
}

void action_open_page(struct action *a, enum location_kind kind, const char *id, size_t block,
		      size_t off)
{
	struct location l = { kind, id, block, off };

	action_open(a, &l);
}

void action_return(struct action *a, const struct location *to)
{
	action_open(a, to);
	a->kind = ACTION_RETURN;
}

void action_preview(struct action *a, size_t doc)
{
	drop_argument(a);
	a->kind = ACTION_PREVIEW;
	a->doc = doc;
}

void action_goto_hit(struct action *a, size_t hit, int keep_focus)
{
	drop_argument(a);
	a->kind = ACTION_GOTO_HIT;
	a->hit = hit;
	a->keep_focus = keep_focus;
}

void action_focus(struct action *a, enum pane p)
{
	drop_argument(a);
	a->kind = ACTION_FOCUS;
	a->pane = p;
}

void action_goto_line(struct action *a, size_t line)
{
	drop_argument(a);
	a->kind = ACTION_GOTO_LINE;
	a->line = line;
}

void action_config(struct action *a, const char *line)
{
	action_search(a, line);
	a->kind = ACTION_CONFIG;
}

void action_search(struct action *a, const char *pattern)
{
	drop_argument(a);
	a->kind = ACTION_SEARCH;
	a->pattern = xstrdup(pattern);
}

void action_set(struct action *a, enum action_kind kind)
{
	drop_argument(a);
	a->kind = kind;
}

void message_vset(struct message *m, int error, const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;

	buf_vprintf(&b, fmt, ap);
	free(m->text);
	m->text = buf_steal(&b);
	m->error = error;
}

void message_set(struct message *m, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	message_vset(m, error, fmt, ap);
	va_end(ap);
}

void message_clear(struct message *m)
{
	free(m->text);
	m->text = NULL;
	m->error = 0;
}

void message_take(struct message *dst, struct message *src)
{
	if (!src->text)
		return;
	free(dst->text);
	*dst = *src;
	src->text = NULL;
	src->error = 0;
}

void action_say(struct action *a, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	message_vset(&a->say, error, fmt, ap);
	va_end(ap);
}

void action_clear(struct action *a)
{
	drop_argument(a);
	message_clear(&a->say);
}
