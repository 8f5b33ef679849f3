/* terminal.c: the terminal: curses started and given back on every way
 * out -- q, a signal (a flag the loop sees), a lost terminal (reads fail),
 * and a crash (restore, then let the signal go on to the sanitizer or the
 * core dump) -- and keys read one at a time. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "buf.h"
#include "output_hold.h"
#include "render.h"
#include "terminal.h"
#include "text.h"
#include "say.h"

static volatile sig_atomic_t got_signal;
static int curses_on;
static int mouse_on;
static struct mouse_event last_mouse;

/* SGR mouse reporting (1006) asked of the terminal, or taken back. */
static void sgr_mouse(int on)
{
	fputs(on ? "\033[?1006h" : "\033[?1006l", stdout);
	fflush(stdout);
}

void terminal_restore(void)
{
	/* what was held for one write goes out first, then the restore */
	output_send();
	if (curses_on && mouse_on) {
		mousemask(0, NULL);
		sgr_mouse(0);
	}
	if (curses_on && !isendwin())
		endwin();
	curses_on = 0;
}

void terminal_mouse(int on)
{
	if (!curses_on || on == mouse_on)
		return;
	mouse_on = on;
	mousemask(on ? BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED : 0, NULL);
	mouseinterval(0);
	sgr_mouse(on);
}

const struct mouse_event *terminal_mouse_event(void)
{
	return &last_mouse;
}

/* A number of an SGR report, up to the byte that ends it (in *end). */
static int sgr_number(int *end)
{
	int c, v = 0, digits = 0;

	while ((c = wgetch(stdscr)) >= '0' && c <= '9' && digits++ < 6)
		v = v * 10 + (c - '0');
	*end = c;
	return digits ? v : -1;
}

/* The rest of "ESC [ < b ; x ; y M" (press) or "m" (release), the ESC [
 * already read: 1 for an event worth reporting. */
static int read_sgr_mouse(void)
{
	int b, x, y, end;

	wtimeout(stdscr, 50);
	b = sgr_number(&end);
	x = end == ';' ? sgr_number(&end) : -1;
	y = end == ';' ? sgr_number(&end) : -1;
	wtimeout(stdscr, 0);
	if (b < 0 || x < 1 || y < 1 || (end != 'M' && end != 'm'))
		return 0;
	last_mouse.x = x - 1;
	last_mouse.y = y - 1;
	if (b == 64 || b == 65)
		last_mouse.kind = b == 64 ? MOUSE_WHEEL_UP : MOUSE_WHEEL_DOWN;
	else if ((b & ~(4 | 8 | 16)) == 0 && end == 'M')
		last_mouse.kind = MOUSE_CLICK;   /* the left button, with or without shift */
	else
		return 0;
	return 1;
}

/* A report through curses (a terminal with only the old encoding). */
static int read_curses_mouse(void)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return 0;
	last_mouse.x = ev.x;
	last_mouse.y = ev.y;
	if (ev.bstate & BUTTON4_PRESSED)
		last_mouse.kind = MOUSE_WHEEL_UP;
	else if (ev.bstate & BUTTON5_PRESSED)
		last_mouse.kind = MOUSE_WHEEL_DOWN;
	else if (ev.bstate & BUTTON1_PRESSED)
		last_mouse.kind = MOUSE_CLICK;
	else
		return 0;
	return 1;
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

	terminal_restore();
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
int terminal_size_changed(void)
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
int terminal_gone(void)
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

/* A key waiting: the search stops so the next keystroke is not kept
 * waiting behind it. */
int terminal_key_pending(void *ctx)
{
	int c;

	(void)ctx;
	if (got_signal)
		return 1;       /* the end asked for (the terminal gone: SIGHUP) */
	wtimeout(stdscr, 0);
	c = wgetch(stdscr);
	wtimeout(stdscr, -1);
	if (c == ERR)
		return 0;
	ungetch(c);
	return 1;
}

/* Esc: with an ASCII key already waiting behind it (Alt-b sends both at
 * once; curses has waited ESCDELAY for a longer sequence), the two are
 * one key, KEY_META + the key; else Esc alone. */
static int read_meta(wint_t *ch)
{
	int c;

	wtimeout(stdscr, 0);
	c = wgetch(stdscr);
	wtimeout(stdscr, -1);
	if (c == ERR || c >= 0x80 || c == 27) {
		if (c != ERR)
			ungetch(c);
		*ch = 27;
		return OK;
	}
	if (c == '[' && mouse_on) {
		/* ESC [ < : an SGR mouse report, which curses did not know */
		wtimeout(stdscr, 0);
		c = wgetch(stdscr);
		if (c == '<') {
			int got = read_sgr_mouse();

			wtimeout(stdscr, -1);
			*ch = KEY_WB_MOUSE;
			return got ? KEY_CODE_YES : KEY_SKIPPED;
		}
		wtimeout(stdscr, -1);
		if (c != ERR)
			ungetch(c);
		c = '[';
	}
	*ch = (wint_t)(KEY_META + c);
	return OK;
}

/* Reads one key: a curses key code (KEY_CODE_YES), a character (OK), ERR
 * when there is no input or it failed, or KEY_SKIPPED for bytes that are
 * not UTF-8.  UTF-8 is decoded here, byte by byte, rather than by
 * wget_wch, which stays stuck after an invalid sequence (a stray byte
 * over SSH must not cost the keyboard).  In a locale that is not UTF-8 a
 * byte is its Latin-1 character. */
int terminal_read_key(wint_t *ch)
{
	char bytes[4];
	size_t n, need, i;
	uint32_t cp;
	int c = wgetch(stdscr);

	if (c == ERR)
		return ERR;
	if (c == KEY_MOUSE) {
		*ch = KEY_WB_MOUSE;
		return read_curses_mouse() ? KEY_CODE_YES : KEY_SKIPPED;
	}
	if (c >= KEY_MIN) {
		*ch = (wint_t)c;
		return KEY_CODE_YES;
	}
	if (c == 27)
		return read_meta(ch);
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

int terminal_signal(void)
{
	return got_signal;
}

/* C-c comes as a key (3), not as SIGINT: in a prompt it cancels, during
 * a search it stops it, and at the top level it does nothing harmful, as
 * in less.  Only the interrupt character goes: C-\ and C-z still signal.
 * curses keeps the setting as its program mode, and endwin() gives back
 * the terminal's own settings. */
static void keep_interrupt_key(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_cc[VINTR] = _POSIX_VDISABLE;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();
}

int terminal_start(void)
{
	install_signals();
	/* a short Esc, as vim and less users expect, unless the user set one */
	if (!getenv("ESCDELAY"))
		set_escdelay(100);
	if (!newterm(NULL, stdout, stdin)) {
		say("werkbezoek: cannot use this terminal (TERM=%s)\n",
			getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	curses_on = 1;
	die_set_hook(terminal_restore);
	cbreak();
	noecho();
	nonl();
	keep_interrupt_key();
	keypad(stdscr, TRUE);
	curs_set(0);
	return 0;
}
