/* keysdoc.c: writes the documentation's key tables from the request table,
 * so that the README, docs/keys.md and the manual page cannot drift from
 * the program.  Built by make, never installed.
 *
 *   keysdoc FORMAT            the table alone, on stdout
 *   keysdoc FORMAT FILE       FILE on stdout, with the lines between its
 *                             marker lines replaced by the table
 *
 * FORMAT is plain, markdown, markdown-grouped or man.  The markers are two
 * lines of FILE, kept as they are: one containing "generated keys begin",
 * one containing "generated keys end" (in a comment of FILE's language).
 * make writes the documents with it (Makefile.am); tests/cli/docs.sh
 * checks that the committed ones are what it writes.  Exit status: 0, or 2
 * with a message on stderr. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "keys.h"

#define BEGIN_MARK "generated keys begin"
#define END_MARK "generated keys end"

static const struct {
	const char *name;
	enum keys_format fmt;
} formats[] = {
	{ "plain", KEYS_PLAIN },
	{ "markdown", KEYS_MARKDOWN },
	{ "markdown-grouped", KEYS_MARKDOWN_GROUPED },
	{ "man", KEYS_MAN },
};

/* Reads all of path into b; 0 on success. */
static int slurp(const char *path, struct buf *b)
{
	FILE *fp = fopen(path, "rb");
	char chunk[8192];
	size_t n;
	int rc;

	if (!fp)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(b, chunk, n);
	rc = ferror(fp) ? -1 : 0;
	fclose(fp);
	return rc;
}

/* Replaces the text between the marker lines of doc with table. */
static int splice(const struct buf *doc, const struct buf *table, struct buf *out,
		  const char *path)
{
	const char *begin, *end, *after_begin, *end_line;

	begin = doc->data ? strstr(doc->data, BEGIN_MARK) : NULL;
	end = begin ? strstr(begin, END_MARK) : NULL;
	if (!begin || !end) {
		fprintf(stderr, "keysdoc: %s: no lines marked \"%s\" and \"%s\"\n", path,
			BEGIN_MARK, END_MARK);
		return -1;
	}
	after_begin = strchr(begin, '\n');
	if (!after_begin || after_begin > end) {
		fprintf(stderr, "keysdoc: %s: the markers share a line\n", path);
		return -1;
	}
	after_begin++;
	for (end_line = end; end_line > doc->data && end_line[-1] != '\n'; end_line--)
		;
	buf_add(out, doc->data, (size_t)(after_begin - doc->data));
	buf_add(out, table->data, table->len);
	buf_add(out, end_line, doc->len - (size_t)(end_line - doc->data));
	return 0;
}

int main(int argc, char **argv)
{
	struct buf table = BUF_INIT, doc = BUF_INIT, out = BUF_INIT;
	size_t i;
	int rc = 2;

	if (argc < 2 || argc > 3)
		goto usage;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(argv[1], formats[i].name) == 0)
			break;
	if (i == sizeof(formats) / sizeof(formats[0]))
		goto usage;
	keys_table(&table, formats[i].fmt);
	if (argc == 2) {
		buf_add(&out, table.data, table.len);
	} else {
		if (slurp(argv[2], &doc) != 0) {
			fprintf(stderr, "keysdoc: cannot read %s\n", argv[2]);
			goto out;
		}
		if (splice(&doc, &table, &out, argv[2]) != 0)
			goto out;
	}
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		fprintf(stderr, "keysdoc: write error\n");
		goto out;
	}
	rc = 0;
	goto out;
usage:
	fprintf(stderr, "usage: keysdoc plain|markdown|markdown-grouped|man [FILE]\n");
out:
	buf_free(&table);
	buf_free(&doc);
	buf_free(&out);
	return rc;
}
