/* action.h: what a pane asks of the event loop, as data.
 *
 * A pane's request handler never calls the loop: it fills in an action
 * (open this location, show this document, go to hit i, focus a pane,
 * say something, quit) and the loop carries it out in one place,
 * ui.c's apply(), which also decides what is a step in the page history.
 * The loop's own requests (commands, n/N, marks, back and forward) are
 * actions too, carried out by the same function.  No curses here. */
#ifndef WB_ACTION_H
#define WB_ACTION_H

#include <stdarg.h>
#include <stddef.h>

#include "location.h"

/* The panes, as an action names them (focus) and the loop lays them out. */
enum pane {
	PANE_DOCUMENTS,
	PANE_READER,
	PANE_ENTITIES,
	PANE_RESULTS,
	PANE_COUNT
};

/* A line for the status line until the next key. */
struct message {
	char *text;             /* owned; NULL: nothing to say */
	int error;              /* it says what went wrong */
};

/* Sets m (the last one said wins); clear empties it. */
void message_set(struct message *m, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void message_vset(struct message *m, int error, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
void message_clear(struct message *m);
/* Moves src into dst when src says something; src is left empty. */
void message_take(struct message *dst, struct message *src);

enum action_kind {
	ACTION_NONE,        /* nothing to do but say the message, if any */
	ACTION_OPEN,        /* open to in the reader and focus it: a history step */
	ACTION_RETURN,      /* as ACTION_OPEN, but to a place the reader was
			     * (a mark, ''): shown exactly as it was, with
			     * no lines of context above it */
	ACTION_PREVIEW,     /* show document doc in the reader: no history step */
	ACTION_GOTO_HIT,    /* make hit the current one and open it (a history
			     * step); the focus goes to the reader unless
			     * keep_focus */
	ACTION_FOCUS,       /* focus pane */
	ACTION_BACK,        /* back in the page history */
	ACTION_FORWARD,     /* forward again */
	ACTION_SEARCH,      /* search for pattern and go to the first hit */
	ACTION_GOTO_LINE,   /* line (1 the first) of the reader's page: a jump */
	ACTION_CONFIG,      /* pattern is a config line (set ...) or source FILE */
	ACTION_INFO,        /* say what the reader shows (:info, =) */
	ACTION_QUIT
};

struct action {
	enum action_kind kind;
	struct location to;     /* ACTION_OPEN, ACTION_RETURN: owned (its id is
				 * a copy) */
	size_t doc;             /* ACTION_PREVIEW: corpus order */
	size_t hit;             /* ACTION_GOTO_HIT: an index into the hits */
	int keep_focus;         /* ACTION_GOTO_HIT */
	enum pane pane;         /* ACTION_FOCUS */
	char *pattern;          /* ACTION_SEARCH, ACTION_CONFIG: owned */
	struct message say;     /* with any kind */
	size_t line;            /* ACTION_GOTO_LINE */
};

#define ACTION_INIT { ACTION_NONE, { LOC_NONE, NULL, 0, 0 }, 0, 0, 0, PANE_DOCUMENTS, NULL, \
		      { NULL, 0 }, 0 }

/* Each sets the kind and its argument; what was there is dropped, the
 * message aside. */
void action_open(struct action *a, const struct location *to);   /* to copied */
void action_open_page(struct action *a, enum location_kind kind, const char *id,
		      size_t block, size_t off);                  /* id copied */
void action_return(struct action *a, const struct location *to); /* to copied */
void action_preview(struct action *a, size_t doc);
void action_goto_hit(struct action *a, size_t hit, int keep_focus);
void action_focus(struct action *a, enum pane p);
void action_search(struct action *a, const char *pattern);       /* copied */
void action_goto_line(struct action *a, size_t line);
void action_config(struct action *a, const char *line);          /* copied */
void action_set(struct action *a, enum action_kind kind);       /* no argument */
/* Sets the message (the last one said wins). */
void action_say(struct action *a, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Frees what the action owns and makes it ACTION_NONE again. */
void action_clear(struct action *a);

#endif
