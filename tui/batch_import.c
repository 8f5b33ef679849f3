/* batch_import.c: the import subcommand (batch_import.h).
 *
 * werkbezoek import [--register=FILE] [--markdown] [-o FILE] REPORT
 * reads the report, opens the register as a corpus (its records are the
 * names to tag), writes the TEI document and the summary. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "batch.h"
#include "batch_import.h"
#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "import.h"
#include "restricted.h"
#include "text.h"
#include "say.h"

enum { MAX_REPORT = 64 << 20 };

struct import_run {
	const char *report;
	const char *register_path;
	const char *output;
	int markdown;
	int restricted;
};

static void import_usage(FILE *out)
{
	fputs("Usage: werkbezoek import [OPTION]... REPORT\n"
	      "Writes a plain-text or Markdown report (REPORT, or - for standard input)\n"
	      "as a TEI document with every name of the register tagged.\n\n"
	      "  --register=FILE   the register whose records are tagged\n"
	      "                    (default: register.xml of the corpus)\n"
	      "  --markdown        read REPORT as Markdown (the default for *.md):\n"
	      "                    headings only from \"#\"\n"
	      "  -o, --output=FILE write the document to FILE, not standard output\n"
	      "  --restricted      refuse -o (also WERKBEZOEK_RESTRICTED=1)\n"
	      "  -h, --help        show this help and exit\n\n"
	      "A summary goes to standard error: names tagged per record, ambiguous\n"
	      "names (tagged cert=\"low\"), candidates for new records.\n", out);
}

/* The whole of path ("-": standard input), at most MAX_REPORT bytes. */
static int read_report(const char *path, struct buf *b)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int ok = 1;

	if (!f) {
		say("werkbezoek import: %s: %s\n", path, strerror(errno));
		return 0;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b->len + n > MAX_REPORT) {
			say("werkbezoek import: %s: larger than %d MiB\n", path,
				MAX_REPORT >> 20);
			ok = 0;
			break;
		}
		buf_add(b, chunk, n);
	}
	if (ok && ferror(f)) {
		say("werkbezoek import: %s: read error\n", path);
		ok = 0;
	}
	if (f != stdin)
		fclose(f);
	return ok;
}

static void summary(const struct import_result *r, const struct entity_index *ix,
		    const char *report)
{
	size_t i, k;

	fputs("werkbezoek import: ", stderr);
	say("%s", report);
	fprintf(stderr, ": %zu names of %zu records tagged, %zu ambiguous, "
		"%zu candidates for new records\n", r->ntags, r->ntally, r->nambiguous,
		r->ncandidates);
	if (!r->has_title || !r->has_date || !r->has_type)
		fprintf(stderr, "werkbezoek import: not stated, TODO in the header:%s%s%s\n",
			r->has_title ? "" : " title", r->has_date ? "" : " date",
			r->has_type ? "" : " type");
	for (i = 0; i < r->ntally; i++) {
		const struct entity *e = entity_get(ix, r->tally[i].entity);

		fputs("tagged\t", stderr);
		say("%s", e->id);
		fprintf(stderr, "\t%zu\t", r->tally[i].n);
		say("%s", e->name);
		fputc('\n', stderr);
	}
	for (i = 0; i < r->nambiguous; i++) {
		fputs("ambiguous\t", stderr);
		say("%s", r->ambiguous[i].name);
		fprintf(stderr, "\t%zu\t", r->ambiguous[i].n);
		for (k = 0; k < r->ambiguous[i].nentities; k++) {
			if (k)
				fputc(' ', stderr);
			say("%s", entity_get(ix, r->ambiguous[i].entities[k])->id);
		}
		fputc('\n', stderr);
	}
	for (i = 0; i < r->ncandidates; i++) {
		fputs("candidate\t", stderr);
		say("%s", r->candidates[i].text);
		fprintf(stderr, "\t%zu\n", r->candidates[i].n);
	}
}

/* Writes the document; 0 after saying why it could not. */
static int write_out(const struct import_run *ir, const struct import_result *r)
{
	FILE *f = ir->output ? fopen(ir->output, "wb") : stdout;
	int ok;

	if (!f) {
		say("werkbezoek import: %s: %s\n", ir->output, strerror(errno));
		return 0;
	}
	ok = fwrite(r->xml, 1, r->len, f) == r->len;
	if (f != stdout)
		ok = (fclose(f) == 0) && ok;
	else
		ok = fflush(f) == 0 && ok;
	if (!ok)
		say("werkbezoek import: cannot write %s\n",
			ir->output ? ir->output : "standard output");
	return ok;
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && strcmp(s + n - k, tail) == 0;
}

/* Reads the subcommand's options into ir; -1 to go on, else the exit
 * status. */
static int parse_import(int argc, char **argv, struct import_run *ir)
{
	static const struct option longopts[] = {
		{ "register", required_argument, NULL, 'r' },
		{ "markdown", no_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "restricted", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'r': ir->register_path = optarg; break;
		case 'm': ir->markdown = 1; break;
		case 'o': ir->output = optarg; break;
		case 'R': ir->restricted = 1; break;
		case 'h': import_usage(stdout); return 0;
		default:
			fputs("Try 'werkbezoek import --help' for more information.\n", stderr);
			return 2;
		}
	}
	if (argc - optind != 1) {
		fputs("werkbezoek import: one report at a time\n"
		      "Try 'werkbezoek import --help' for more information.\n", stderr);
		return 2;
	}
	if (ir->output && (ir->restricted || restricted_env())) {
		fputs("werkbezoek import: restricted mode: no writing to files (-o); "
		      "the document goes to standard output\n", stderr);
		return 2;
	}
	ir->report = argv[optind];
	if (ends_with(ir->report, ".md") || ends_with(ir->report, ".markdown"))
		ir->markdown = 1;
	return -1;
}

/* The register to use: the one named, else the corpus's register.xml
 * (the corpus itself when it is a file). */
static char *register_path(const struct import_run *ir, const char *corpus)
{
	struct buf b = BUF_INIT;
	struct stat st;

	if (ir->register_path)
		return xstrdup(ir->register_path);
	if (stat(corpus, &st) == 0 && S_ISDIR(st.st_mode))
		buf_printf(&b, "%s/register.xml", corpus);
	else
		buf_adds(&b, corpus);
	return buf_steal(&b);
}

int batch_import_main(int argc, char **argv, const char *corpus)
{
	struct import_run ir = { 0 };
	struct corpus_options copt = { 0 };
	struct import_result r;
	struct buf text = BUF_INIT;
	struct corpus *reg = NULL;
	char *error = NULL, *rpath = NULL;
	int status = parse_import(argc, argv, &ir);

	if (status >= 0)
		return status;
	status = 2;
	if (!read_report(ir.report, &text))
		goto out;
	rpath = register_path(&ir, corpus);
	reg = corpus_open(rpath, &copt, &error);
	if (!reg) {
		say("werkbezoek import: cannot open register %s\n", error);
		goto out;
	}
	batch_errors(reg, stderr);
	import_report(text.data ? text.data : "", text.len, corpus_entities(reg),
		      &(struct import_options){ ir.report, ir.markdown }, &r);
	if (write_out(&ir, &r)) {
		summary(&r, corpus_entities(reg), ir.report);
		status = 0;
	}
	import_result_free(&r);
out:
	corpus_free(reg);
	free(error);
	free(rpath);
	buf_free(&text);
	return status;
}
