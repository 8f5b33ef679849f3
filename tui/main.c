/* main.c: options, batch modes, start-up and the interactive session.
 *
 * The options are a table: getopt_long's array and --help are both made
 * from it, so an option cannot exist without its help line. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "buf.h"
#include "corpus.h"
#include "keys.h"
#include "search.h"
#include "ui.h"

enum opt_id {
	OPT_HELP = 'h',
	OPT_VERSION = 'V',
	OPT_IGNORE_CASE = 'i',
	OPT_LIST = 256,
	OPT_ENTITIES,
	OPT_ENTITY,
	OPT_SHOW,
	OPT_WIDTH,
	OPT_CHECK,
	OPT_KEYS,
	OPT_SEARCH,
	OPT_SMART_CASE,
	OPT_FOLD,
	OPT_MAX_FILE_SIZE,
	OPT_NO_SESSION,
	OPT_CONFIG,
};

struct option_spec {
	const char *name;
	int has_arg;
	int id;
	const char *arg;
	const char *help;
};

static const struct option_spec option_specs[] = {
	{ "list", no_argument, OPT_LIST, NULL,
	  "documents: id TAB date TAB type TAB title" },
	{ "entities", optional_argument, OPT_ENTITIES, "TYPE",
	  "entities: id TAB type TAB name TAB mentions TAB documents" },
	{ "entity", required_argument, OPT_ENTITY, "ID", "one entity page as plain text" },
	{ "show", required_argument, OPT_SHOW, "DOCID", "one document as plain text" },
	{ "width", required_argument, OPT_WIDTH, "N",
	  "wrap --show at N columns (0: one block per line)" },
	{ "search", required_argument, OPT_SEARCH, "REGEX",
	  "hits: docid:line:column:text (line as in --show --width=0)" },
	{ "ignore-case", no_argument, OPT_IGNORE_CASE, NULL,
	  "search without regard to case" },
	{ "smart-case", no_argument, OPT_SMART_CASE, NULL,
	  "caseless unless the pattern has a capital (the default)" },
	{ "fold", no_argument, OPT_FOLD, NULL,
	  "search without regard to accents: een finds \xC3\xA9\xC3\xA9n" },
	{ "check", no_argument, OPT_CHECK, NULL,
	  "problems in the corpus, a line each:\n"
	  "file:line:column: error|warning: message; exit 1 if any" },
	{ "keys", no_argument, OPT_KEYS, NULL, "the browser's keys: keys TAB what they do" },
	{ "no-session", no_argument, OPT_NO_SESSION, NULL,
	  "the browser neither restores nor saves the session" },
	{ "config", required_argument, OPT_CONFIG, "FILE",
	  "the browser's config file (bind, color, set lines; see werkbezoek(1))" },
	{ "max-file-size", required_argument, OPT_MAX_FILE_SIZE, "MIB",
	  "skip corpus files larger than this (default 256)" },
	{ "help", no_argument, OPT_HELP, NULL, "show this help and exit" },
	{ "version", no_argument, OPT_VERSION, NULL, "show the version and exit" },
};

#define N_OPTIONS (sizeof(option_specs) / sizeof(option_specs[0]))

static void usage(FILE *out)
{
	const char *h;
	size_t i;

	fprintf(out,
		"Usage: werkbezoek [OPTION]... [CORPUS]\n"
		"A terminal browser for reports encoded as TEI XML.\n\n"
		"Without an option, opens the interactive browser on CORPUS.\n\n");
	for (i = 0; i < N_OPTIONS; i++) {
		const struct option_spec *o = &option_specs[i];
		struct buf b = BUF_INIT;

		buf_printf(&b, o->id < 128 ? "-%c, " : "    ", (char)o->id);
		buf_printf(&b, "--%s", o->name);
		if (o->arg)
			buf_printf(&b, o->has_arg == optional_argument ? "[=%s]" : "=%s", o->arg);
		/* a help running over lines continues under its first */
		fprintf(out, "  %-24s ", b.data);
		for (h = o->help; *h; h++) {
			if (*h == '\n')
				fprintf(out, "\n%27s", "");
			else
				fputc(*h, out);
		}
		fputc('\n', out);
		buf_free(&b);
	}
	fprintf(out,
		"\nCORPUS is a TEI file or a directory of them.  It defaults to\n"
		"$WERKBEZOEK_CORPUS, else the installed corpus, else ./corpus.\n"
		"The installed corpus: %s\n"
		"Exit status: 0 done, 1 nothing found or problems found, 2 error.\n"
		"\nRead more in the werkbezoek(1) manual page.\n", WB_CORPUS_DIR);
}

/* The corpus of a batch run, still reachable at exit (see main). */
static struct corpus *volatile batch_corpus;

/* The browser needs a terminal it can drive; say so in one line, with no
 * escape sequence, when there is none. */
static int terminal_usable(void)
{
	const char *term = getenv("TERM");

	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && term && *term &&
	       strcmp(term, "dumb") != 0;
}

/* The key table, from the same data as the help screen. */
static void print_keys(void)
{
	struct buf b = BUF_INIT;

	keys_table(&b, KEYS_PLAIN);
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
}

/* The corpus to open when none is named: $WERKBEZOEK_CORPUS; else the
 * installed one; else ./corpus, as when run from the source tree.  No path
 * of the build tree is compiled in. */
static const char *default_corpus(void)
{
	const char *env = getenv("WERKBEZOEK_CORPUS");
	struct stat st;

	if (env && *env)
		return env;
	if (stat(WB_CORPUS_DIR, &st) == 0)
		return WB_CORPUS_DIR;
	return "corpus";
}

/* Batch output is UTF-8 whatever the locale; widths need a UTF-8 LC_CTYPE. */
static void utf8_ctype(void)
{
	const char *cs = nl_langinfo(CODESET);

	if (!cs || strcmp(cs, "UTF-8") != 0)
		if (!setlocale(LC_CTYPE, "C.UTF-8"))
			setlocale(LC_CTYPE, "en_US.UTF-8");
}

static unsigned terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		return ws.ws_col;
	return 0;
}

static int parse_number(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || v > max || *s == '-')
		return 0;
	*out = v;
	return 1;
}

/* What the command line asks for.  mode is 0 for the browser, else the
 * OPT_ of the batch mode; arg is that option's argument (borrowed from
 * argv). */
struct run {
	int mode;
	const char *arg;
	const char *path;
	unsigned search_flags;
	int no_session;
	const char *config;
	int width_set;
	unsigned long width;
	struct corpus_options copt;
};

/* Only one batch mode at a time; the same one twice keeps the last
 * argument, as getopt does for any option. */
static int set_mode(struct run *r, int opt, const char *arg)
{
	if (r->mode && r->mode != opt) {
		fprintf(stderr, "werkbezoek: choose one of --list, --entities, "
			"--entity, --show, --search, --check\n");
		return 0;
	}
	r->mode = opt;
	r->arg = arg;
	return 1;
}

/* One option (not --help, --version or --keys, which end the run).
 * Returns 0 after saying on stderr what is wrong with it. */
static int take_option(struct run *r, int opt, const char *arg)
{
	unsigned long mib;

	switch (opt) {
	case OPT_LIST:
	case OPT_ENTITIES:
	case OPT_ENTITY:
	case OPT_SHOW:
	case OPT_CHECK:
	case OPT_SEARCH:
		return set_mode(r, opt, arg);
	case OPT_IGNORE_CASE:
		r->search_flags = (r->search_flags & ~(unsigned)SEARCH_SMARTCASE) | SEARCH_CASELESS;
		return 1;
	case OPT_SMART_CASE:
		r->search_flags = (r->search_flags & ~(unsigned)SEARCH_CASELESS) | SEARCH_SMARTCASE;
		return 1;
	case OPT_FOLD:
		r->search_flags |= SEARCH_FOLD;
		return 1;
	case OPT_CONFIG:
		r->config = arg;
		return 1;
	case OPT_NO_SESSION:
		r->no_session = 1;
		return 1;
	case OPT_WIDTH:
		if (!parse_number(arg, 100000, &r->width)) {
			fprintf(stderr, "werkbezoek: --width wants a number of columns\n");
			return 0;
		}
		r->width_set = 1;
		return 1;
	case OPT_MAX_FILE_SIZE:
		if (!parse_number(arg, 1UL << 20, &mib) || mib == 0) {
			fprintf(stderr, "werkbezoek: --max-file-size wants a size in MiB\n");
			return 0;
		}
		r->copt.max_file_size = (size_t)mib << 20;
		return 1;
	default:
		fprintf(stderr, "Try 'werkbezoek --help' for more information.\n");
		return 0;
	}
}

/* Reads the command line into r.  Returns -1 to go on, else the exit
 * status to end with (--help, --version, --keys, a wrong option). */
static int parse_options(int argc, char **argv, struct run *r)
{
	struct option longopts[N_OPTIONS + 1];
	size_t i;
	int opt;

	memset(longopts, 0, sizeof(longopts));
	for (i = 0; i < N_OPTIONS; i++) {
		longopts[i].name = option_specs[i].name;
		longopts[i].has_arg = option_specs[i].has_arg;
		longopts[i].val = option_specs[i].id;
	}
	while ((opt = getopt_long(argc, argv, "hVi", longopts, NULL)) != -1) {
		switch (opt) {
		case OPT_HELP:
			usage(stdout);
			return 0;
		case OPT_VERSION:
			printf("werkbezoek %s\n", PACKAGE_VERSION);
			return 0;
		case OPT_KEYS:
			print_keys();
			return 0;
		default:
			if (!take_option(r, opt, optarg))
				return 2;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "werkbezoek: one corpus at a time\n"
			"Try 'werkbezoek --help' for more information.\n");
		return 2;
	}
	r->path = optind < argc ? argv[optind] : default_corpus();
	return -1;
}

/* Opens the corpus for the run, after checking that the browser has a
 * terminal (a batch mode needs none).  NULL after saying why on stderr. */
static struct corpus *pick_corpus(const struct run *r)
{
	struct corpus *c;
	char *error = NULL;

	if (r->mode)
		utf8_ctype();
	else if (!terminal_usable()) {
		fprintf(stderr, "werkbezoek: not a capable terminal; use the batch options (see --help)\n");
		return NULL;
	}
	c = corpus_open(r->path, &r->copt, &error);
	if (!c) {
		fprintf(stderr, "werkbezoek: cannot open corpus %s\n", error);
		free(error);
	}
	return c;
}

/* One batch mode on c; returns its exit status. */
static int run_batch(const struct corpus *c, const struct run *r)
{
	if (r->mode != OPT_CHECK)
		batch_errors(c, stderr);
	switch (r->mode) {
	case OPT_LIST:
		return batch_list(c, stdout);
	case OPT_ENTITIES:
		return batch_entities(c, r->arg, stdout);
	case OPT_ENTITY:
		return batch_entity(c, r->arg, stdout);
	case OPT_SHOW:
		return batch_show(c, r->arg, r->width_set ? (unsigned)r->width : terminal_width(),
				  stdout);
	case OPT_CHECK:
		return batch_check(c, stdout);
	case OPT_SEARCH:
		return batch_search(c, r->arg, r->search_flags, stdout);
	}
	return 2;
}

int main(int argc, char **argv)
{
	struct run r = { .search_flags = SEARCH_SMARTCASE };
	struct corpus *c;
	int status;

	setlocale(LC_ALL, "");
	status = parse_options(argc, argv, &r);
	if (status >= 0)
		return status;
	c = pick_corpus(&r);
	if (!c)
		return 2;
	if (r.mode) {
		status = run_batch(c, &r);
		/* A batch run is about to exit: freeing a large corpus node
		 * by node would take a fifth of its time, and the kernel frees
		 * it at once.  The interactive program frees it (and the unit
		 * tests do), so the freeing code stays exercised under the
		 * sanitizers. */
		batch_corpus = c;
	} else {
		struct ui_options uo = { r.search_flags, r.no_session, r.config };

		status = ui_run(c, &uo);
		corpus_free(c);
		corpus_cleanup();
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		status = 2;
	return status;
}
