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
#include "batch_import.h"
#include "buf.h"
#include "corpus.h"
#include "keys.h"
#include "query.h"
#include "restricted.h"
#include "progress.h"
#include "kwic.h"
#include "search.h"
#include "ui.h"
#include "say.h"

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
	OPT_MAX_INCLUDE,
	OPT_MAX_INCLUDE_DEPTH,
	OPT_MAX_DEPTH,
	OPT_JOBS,
	OPT_NO_SESSION,
	OPT_XPATH,
	OPT_XML,
	OPT_SOURCE,
	OPT_SOURCE_ENTITY,
	OPT_UNTAGGED,
	OPT_FORMAT,
	OPT_CONTEXT,
	OPT_MAX_COUNT,
	OPT_MAX_HITS,
	OPT_MAX_ATTRIBUTES,
	OPT_MAX_ENTITY_EXPANSION,
	OPT_PATH,
	OPT_EXPORT_GRAPH,
	OPT_WATCH,
	OPT_NO_WATCH,
	OPT_RESTRICTED,
	OPT_SORT,
	OPT_COUNT,
	OPT_COLLOCATES,
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
	{ "context", required_argument, OPT_CONTEXT, "N",
	  "--search shows N characters each side of a hit\n"
	  "(default 100; the line whole when it fits)" },
	{ "max-count", required_argument, OPT_MAX_COUNT, "N",
	  "--search prints N hits at most, then says on\n"
	  "stderr how many there were" },
	{ "max-hits", required_argument, OPT_MAX_HITS, "N",
	  "the browser's search keeps N hits (1000000)\n"
	  "and counts the rest" },
	{ "sort", required_argument, OPT_SORT, "ORDER",
	  "--search hits in ORDER: doc (the default), match,\n"
	  "left1..left3 or right1..right3 (the Nth word left\n"
	  "or right of the match, without case or accents)" },
	{ "count", no_argument, OPT_COUNT, NULL,
	  "--search: each matched form once, count TAB form,\n"
	  "the most frequent first" },
	{ "collocates", no_argument, OPT_COLLOCATES, NULL,
	  "--search: the words over-represented within 5 words\n"
	  "of the hits, by log-likelihood: ll TAB near TAB\n"
	  "total TAB word" },
	{ "format", required_argument, OPT_FORMAT, "FMT",
	  "listings (also --check, --xpath, --keys) as tsv (the\n"
	  "default), json (an object a line) or csv (a\n"
	  "header line first)" },
	{ "path", required_argument, OPT_PATH, "A,B",
	  "chains between two entities (ids or names):\n"
	  "path TAB step TAB from TAB from_name TAB to TAB\n"
	  "to_name TAB link TAB evidence TAB doc TAB line" },
	{ "export-graph", required_argument, OPT_EXPORT_GRAPH, "FILE",
	  "entities, relations and co-mentions as GraphML\n"
	  "(FILE.graphml) or DOT (FILE.dot)" },
	{ "ignore-case", no_argument, OPT_IGNORE_CASE, NULL,
	  "search without regard to case" },
	{ "smart-case", no_argument, OPT_SMART_CASE, NULL,
	  "caseless unless the pattern has a capital (the default)" },
	{ "fold", no_argument, OPT_FOLD, NULL,
	  "search without regard to accents: een finds \xC3\xA9\xC3\xA9n" },
	{ "check", no_argument, OPT_CHECK, NULL,
	  "problems in the corpus, a line each:\n"
	  "file:line:column: error|warning: message; exit 1 if any" },
	{ "xpath", required_argument, OPT_XPATH, "EXPR",
	  "XPath 1.0 over the corpus (TEI as tei:, e.g. //tei:persName):\n"
	  "file:line: text of each match" },
	{ "xml", no_argument, OPT_XML, NULL, "--xpath prints each match as XML" },
	{ "source", required_argument, OPT_SOURCE, "DOCID[#N]",
	  "the document's TEI XML (or block N's, N its line\n"
	  "in --show --width=0), each line after its line in the file" },
	{ "source-entity", required_argument, OPT_SOURCE_ENTITY, "ID",
	  "an entity's record as TEI XML, the same way" },
	{ "untagged", no_argument, OPT_UNTAGGED, NULL,
	  "--check also lists register names left untagged:\n"
	  "file:line:column: untagged 'NAME' (id), records\n"
	  "never mentioned and likely duplicates" },
	{ "keys", no_argument, OPT_KEYS, NULL, "the browser's keys: keys TAB what they do" },
	{ "no-session", no_argument, OPT_NO_SESSION, NULL,
	  "the browser neither restores nor saves the session" },
	{ "watch", no_argument, OPT_WATCH, NULL,
	  "load the corpus again when its files change (the default)" },
	{ "no-watch", no_argument, OPT_NO_WATCH, NULL,
	  "only R (or the editor, v) loads it again" },
	{ "restricted", no_argument, OPT_RESTRICTED, NULL,
	  "for an SSH ForceCommand: no editor, no writing but the\n"
	  "session (also WERKBEZOEK_RESTRICTED=1)" },
	{ "config", required_argument, OPT_CONFIG, "FILE",
	  "the browser's config file (bind, color, set lines; see werkbezoek(1))" },
	{ "max-file-size", required_argument, OPT_MAX_FILE_SIZE, "MIB",
	  "skip corpus files, and files they include,\n"
	  "larger than this (default 256)" },
	{ "max-include", required_argument, OPT_MAX_INCLUDE, "MIB",
	  "what XInclude may add to the whole corpus\n"
	  "(default 4 times the corpus files, at least 16)" },
	{ "max-include-depth", required_argument, OPT_MAX_INCLUDE_DEPTH, "N",
	  "how deep includes may nest (default 8)" },
	{ "max-depth", required_argument, OPT_MAX_DEPTH, "N",
	  "directory levels read below CORPUS (default 64)" },
	{ "jobs", required_argument, OPT_JOBS, "N",
	  "read files on N threads, 1 to 8 (default: the\n"
	  "online CPUs, at most 8); the same corpus for any N" },
	{ "max-attributes", required_argument, OPT_MAX_ATTRIBUTES, "N",
	  "skip a file with an element of more attributes\n"
	  "(default 10000)" },
	{ "max-entity-expansion", required_argument, OPT_MAX_ENTITY_EXPANSION, "MIB",
	  "skip a file whose entities would add more to its\n"
	  "attribute values (default 16)" },
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
		"\n  werkbezoek import [--register=FILE] [--markdown] [-o FILE] REPORT\n"
		"writes a plain-text or Markdown report as TEI with the register's\n"
		"names tagged (werkbezoek import --help).\n"
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

/* The key table, from the same data as the help screen: keys TAB what
 * they do, or the same two fields (keys, does) as json or csv. */
static void print_keys(enum format_kind kind)
{
	struct format_writer w = FORMAT_WRITER_INIT(kind);
	struct buf b = BUF_INIT;
	char *line, *next, *tab;

	keys_table(&b, KEYS_PLAIN);
	if (kind == FORMAT_TSV) {
		fwrite(b.data, 1, b.len, stdout);
		buf_free(&b);
		return;
	}
	for (line = b.data; line && *line; line = next) {
		struct format_field f[2] = { { "keys", line, 0, 0, 0 }, { "does", "", 0, 0, 0 } };

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		tab = strchr(line, '\t');
		if (tab) {
			*tab = '\0';
			f[1].str = tab + 1;
		}
		format_record(&w, stdout, f, 2);
	}
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
	int no_watch;
	int restricted;
	int as_xml;
	int untagged;
	const char *config;
	int width_set;
	unsigned long width;
	struct batch_output out;
	size_t max_hits;
	struct corpus_options copt;
};

/* Only one batch mode at a time; the same one twice keeps the last
 * argument, as getopt does for any option. */
static int set_mode(struct run *r, int opt, const char *arg)
{
	if (r->mode && r->mode != opt) {
		fprintf(stderr, "werkbezoek: choose one of --list, --entities, "
			"--entity, --show, --search, --check, --xpath, --source, --source-entity, --path,\n"
			"--export-graph\n");
		return 0;
	}
	r->mode = opt;
	r->arg = arg;
	return 1;
}

/* --max-depth, --max-include-depth: a count of levels, 1 to 10,000. */
static int take_count(struct run *r, int opt, const char *arg)
{
	unsigned long n;

	if (!parse_number(arg, 10000, &n) || n == 0) {
		fprintf(stderr, "werkbezoek: --%s wants a number from 1 to 10000\n",
			opt == OPT_MAX_DEPTH ? "max-depth" : "max-include-depth");
		return 0;
	}
	if (opt == OPT_MAX_DEPTH)
		r->copt.max_depth = (unsigned)n;
	else
		r->copt.max_include_depth = (unsigned)n;
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
	case OPT_XPATH:
	case OPT_SOURCE:
	case OPT_SOURCE_ENTITY:
	case OPT_PATH:
	case OPT_EXPORT_GRAPH:
		return set_mode(r, opt, arg);
	case OPT_XML:
		r->as_xml = 1;
		return 1;
	case OPT_UNTAGGED:
		r->untagged = 1;
		return 1;
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
	case OPT_WATCH:
	case OPT_NO_WATCH:
		r->no_watch = opt == OPT_NO_WATCH;
		return 1;
	case OPT_RESTRICTED:
		r->restricted = 1;
		return 1;
	case OPT_WIDTH:
		if (!parse_number(arg, 100000, &r->width)) {
			fprintf(stderr, "werkbezoek: --width wants a number of columns\n");
			return 0;
		}
		r->width_set = 1;
		return 1;
	case OPT_FORMAT:
		if (!format_parse(arg, &r->out.format)) {
			fprintf(stderr, "werkbezoek: --format is tsv, json or csv\n");
			return 0;
		}
		return 1;
	case OPT_CONTEXT:
		if (!parse_number(arg, 100000, &mib) || mib == 0) {
			fprintf(stderr, "werkbezoek: --context wants a number of characters\n");
			return 0;
		}
		r->out.context = mib;
		return 1;
	case OPT_MAX_COUNT:
		if (!parse_number(arg, 1000000000UL, &mib) || mib == 0) {
			fprintf(stderr, "werkbezoek: --max-count wants a number of hits\n");
			return 0;
		}
		r->out.max_count = mib;
		return 1;
	case OPT_MAX_HITS:
		if (!parse_number(arg, 1000000000UL, &mib) || mib == 0) {
			fprintf(stderr, "werkbezoek: --max-hits wants a number of hits\n");
			return 0;
		}
		r->max_hits = mib;
		return 1;
	case OPT_SORT:
		if (!search_order_parse(arg, &r->out.sort)) {
			fprintf(stderr, "werkbezoek: --sort is doc, match, left1, left2, left3, "
				"right1, right2 or right3\n");
			return 0;
		}
		return 1;
	case OPT_COUNT:
		r->out.count = 1;
		return 1;
	case OPT_COLLOCATES:
		r->out.collocates = 1;
		return 1;
	case OPT_MAX_FILE_SIZE:
		if (!parse_number(arg, 1UL << 20, &mib) || mib == 0) {
			fprintf(stderr, "werkbezoek: --max-file-size wants a size in MiB\n");
			return 0;
		}
		r->copt.max_file_size = (size_t)mib << 20;
		return 1;
	case OPT_MAX_INCLUDE:
		if (!parse_number(arg, 1UL << 30, &mib) || mib == 0) {
			fprintf(stderr, "werkbezoek: --max-include wants a size in MiB\n");
			return 0;
		}
		r->copt.max_include = (size_t)mib << 20;
		return 1;
	case OPT_MAX_ATTRIBUTES:
		if (!parse_number(arg, 100000000UL, &mib) || mib == 0) {
			fprintf(stderr, "werkbezoek: --max-attributes wants a number\n");
			return 0;
		}
		r->copt.max_attributes = mib;
		return 1;
	case OPT_MAX_ENTITY_EXPANSION:
		if (!parse_number(arg, 1UL << 20, &mib) || mib == 0) {
			fprintf(stderr, "werkbezoek: --max-entity-expansion wants a size in MiB\n");
			return 0;
		}
		r->copt.max_entity_expansion = (size_t)mib << 20;
		return 1;
	case OPT_MAX_INCLUDE_DEPTH:
	case OPT_MAX_DEPTH:
		return take_count(r, opt, arg);
	case OPT_JOBS:
		if (!parse_number(arg, 8, &mib) || mib == 0) {
			fprintf(stderr, "werkbezoek: --jobs wants a number from 1 to 8\n");
			return 0;
		}
		r->copt.jobs = (unsigned)mib;
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
	int opt, keys = 0;

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
			keys = 1;
			break;
		default:
			if (!take_option(r, opt, optarg))
				return 2;
		}
	}
	if (keys) {
		print_keys(r->out.format);
		return 0;
	}
	if (argc - optind > 1) {
		fprintf(stderr, "werkbezoek: one corpus at a time\n"
			"Try 'werkbezoek --help' for more information.\n");
		return 2;
	}
	r->path = optind < argc ? argv[optind] : default_corpus();
	r->copt.all_diags = r->mode == OPT_CHECK;   /* every problem, and a count */
	return -1;
}

/* Opens the corpus for the run, after checking that the browser has a
 * terminal (a batch mode needs none).  NULL after saying why on stderr. */
static struct corpus *pick_corpus(const struct run *r)
{
	struct corpus *c;
	struct corpus_options opt = r->copt;
	struct progress pr;
	char *error = NULL;

	if (r->mode)
		utf8_ctype();
	else if (!terminal_usable()) {
		fprintf(stderr, "werkbezoek: not a capable terminal; use the batch options (see --help)\n");
		return NULL;
	}
	/* on the terminal, before the browser starts or the batch output */
	progress_init(&pr, stderr);
	opt.progress = progress_report;
	opt.progress_ctx = &pr;
	c = corpus_open(r->path, &opt, &error);
	progress_end(&pr);
	if (!c) {
		say("werkbezoek: cannot open corpus %s\n", error);
		free(error);
	}
	return c;
}

/* One batch mode on c; returns its exit status. */
static int run_batch(const struct corpus *c, const struct run *r)
{
	int status;

	if (r->mode != OPT_CHECK)
		batch_errors(c, stderr);
	switch (r->mode) {
	case OPT_LIST:
		return batch_list(c, r->out.format, stdout);
	case OPT_ENTITIES:
		return batch_entities(c, r->arg, r->out.format, stdout);
	case OPT_ENTITY:
		return batch_entity(c, r->arg, stdout);
	case OPT_SHOW:
		return batch_show(c, r->arg, r->width_set ? (unsigned)r->width : terminal_width(),
				  stdout);
	case OPT_CHECK:
	{
		struct format_writer w = FORMAT_WRITER_INIT(r->out.format);

		status = batch_check(c, &w, stdout);
		if (r->untagged && batch_untagged(c, &w, stdout) != 0)
			status = 1;
		return status;
	}
	case OPT_SEARCH:
		if (r->out.count && r->out.sort != SEARCH_ORDER_DOC) {
			fprintf(stderr, "werkbezoek: --count lists forms by frequency: no --sort\n");
			return 2;
		}
		if (r->out.collocates && (r->out.count || r->out.sort != SEARCH_ORDER_DOC)) {
			fprintf(stderr, "werkbezoek: --collocates lists words by log-likelihood: "
				"no --count or --sort\n");
			return 2;
		}
		if (r->out.format != FORMAT_TSV || r->out.count || r->out.collocates ||
		    r->out.sort != SEARCH_ORDER_DOC || !query_is_plain(r->arg, strlen(r->arg)))
			return batch_query(c, r->arg, r->search_flags, &r->out, stdout);
		return batch_search(c, r->arg, r->search_flags, &r->out, stdout);
	case OPT_XPATH:
		return batch_xpath(c, r->arg, r->as_xml, r->out.format, stdout);
	case OPT_SOURCE:
		return batch_source(c, r->arg, stdout);
	case OPT_SOURCE_ENTITY:
		return batch_source_entity(c, r->arg, stdout);
	case OPT_PATH:
		return batch_path(c, r->arg, &r->out, stdout);
	case OPT_EXPORT_GRAPH:
		return batch_export_graph(c, r->arg);
	}
	return 2;
}

int main(int argc, char **argv)
{
	struct run r = { .search_flags = SEARCH_SMARTCASE, .out.context = BATCH_CONTEXT };
	struct corpus *c;
	int status;

	setlocale(LC_ALL, "");
	if (argc > 1 && strcmp(argv[1], "import") == 0) {
		utf8_ctype();
		status = batch_import_main(argc - 1, argv + 1, default_corpus());
		corpus_cleanup();
		return status;
	}
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
		struct ui_options uo = { r.search_flags, r.no_session, r.path, r.copt,
					 !r.no_watch, r.restricted || restricted_env(), r.config,
					 r.max_hits };

		status = ui_run(c, &uo);        /* frees c */
		corpus_cleanup();
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		status = 2;
	return status;
}
