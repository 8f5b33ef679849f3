/* main.c: options, batch modes, start-up and the interactive session.
 *
 * The options are a table: getopt_long's array and --help are both made
 * from it, so an option cannot exist without its help line. */
#include "config.h"

#include <curses.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"

enum opt_id {
	OPT_HELP = 'h',
	OPT_VERSION = 'V',
};

struct option_spec {
	const char *name;
	int has_arg;
	int id;
	const char *arg;
	const char *help;
};

static const struct option_spec option_specs[] = {
	{ "help", no_argument, OPT_HELP, NULL, "show this help and exit" },
	{ "version", no_argument, OPT_VERSION, NULL, "show the version and exit" },
};

#define N_OPTIONS (sizeof(option_specs) / sizeof(option_specs[0]))

static void usage(FILE *out)
{
	size_t i;

	fprintf(out,
		"Usage: werkbezoek [OPTION]... [CORPUS]\n"
		"A terminal browser for reports encoded as TEI XML.\n\n"
		"Without an option, opens the interactive browser on CORPUS.\n\n");
	for (i = 0; i < N_OPTIONS; i++) {
		const struct option_spec *o = &option_specs[i];
		struct buf b = BUF_INIT;

		buf_printf(&b, "--%s", o->name);
		if (o->arg)
			buf_printf(&b, o->has_arg == optional_argument ? "[=%s]" : "=%s", o->arg);
		fprintf(out, "  %-22s %s\n", b.data, o->help);
		buf_free(&b);
	}
	fprintf(out,
		"\nReport bugs and read more in the werkbezoek(1) manual page.\n");
}

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

static int run_interactive(void)
{
	struct sigaction sa;
	const char *term = getenv("TERM");
	int ch;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || !term ||
	    !*term || strcmp(term, "dumb") == 0) {
		fprintf(stderr, "werkbezoek: not a capable terminal; use the batch options (see --help)\n");
		return 2;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "werkbezoek: cannot use terminal type %s\n", term);
		return 2;
	}
	die_set_hook(restore_terminal);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	mvaddstr(0, 0, "werkbezoek " PACKAGE_VERSION);
	mvaddstr(2, 0, "Press q to quit.");
	refresh();
	while (!got_signal && (ch = getch()) != 'q') {
		if (ch == ERR)
			break;
	}
	restore_terminal();
	return 0;
}

int main(int argc, char **argv)
{
	struct option longopts[N_OPTIONS + 1];
	size_t i;
	int c;

	setlocale(LC_ALL, "");
	memset(longopts, 0, sizeof(longopts));
	for (i = 0; i < N_OPTIONS; i++) {
		longopts[i].name = option_specs[i].name;
		longopts[i].has_arg = option_specs[i].has_arg;
		longopts[i].val = option_specs[i].id;
	}
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_HELP:
			usage(stdout);
			return 0;
		case OPT_VERSION:
			printf("werkbezoek %s\n", PACKAGE_VERSION);
			return 0;
		default:
			fprintf(stderr, "Try 'werkbezoek --help' for more information.\n");
			return 2;
		}
	}
	return run_interactive();
}
