/* terminal.h: the terminal under curses: taking it over and giving it
 * back on every way out (signals and crashes included), noticing a
 * resize curses missed or a terminal that went away, and reading one key
 * at a time with UTF-8 decoded here. */
#ifndef WB_TERMINAL_H
#define WB_TERMINAL_H

#include <curses.h>

/* Esc and a key that came with it (M-b): the key's character plus this,
 * read as one (terminal_read_key). */
#define KEY_META 0x200000

/* A mouse event, read with KEY_CODE_YES (terminal_read_key); what it was
 * is in terminal_mouse_event. */
#define KEY_WB_MOUSE (KEY_MAX + 1)

enum mouse_kind { MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

struct mouse_event {
	enum mouse_kind kind;
	int y, x;               /* the cell, 0-based */
};

/* A byte that is not UTF-8, skipped (terminal_read_key). */
#define KEY_SKIPPED (-2)

/* Installs the signal handlers and starts curses on stdin/stdout.
 * Returns 0, or -1 with a message on stderr. */
int terminal_start(void);
/* Gives the terminal back; safe to call twice, and from die(). */
void terminal_restore(void);
/* The signal that asked the program to end (SIGINT, SIGTERM, SIGHUP,
 * SIGQUIT), or 0. */
int terminal_signal(void);
/* Whether the terminal's size differs from what curses knows; curses is
 * told the new size. */
int terminal_size_changed(void);
/* Whether the terminal is gone (the SSH connection dropped). */
int terminal_gone(void);
/* Reads one key: KEY_CODE_YES with a curses key code in *ch, OK with a
 * character (KEY_META added for Esc and an ASCII key sent together, as a
 * terminal sends Alt-b), ERR when there is no input or it failed, or
 * KEY_SKIPPED. */
int terminal_read_key(wint_t *ch);
/* Mouse reporting on or off (xterm's SGR 1006 encoding, and the old one
 * through curses where the terminal has no other); off again when the
 * terminal is given back. */
void terminal_mouse(int on);
/* The event of the last KEY_WB_MOUSE. */
const struct mouse_event *terminal_mouse_event(void);
/* Whether a key is waiting (it stays waiting), or a signal asked the
 * program to end: a search's cancel test. */
int terminal_key_pending(void *ctx);

#endif
