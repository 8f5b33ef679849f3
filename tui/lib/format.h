/* format.h: records for scripts, as TSV, JSON lines or CSV (--format).
 *
 * A batch listing describes each of its records as fields, key and value,
 * always the same keys in the same order, and this module writes them:
 *
 *   tsv   the values joined by TAB (a listing's traditional form); no
 *         header line
 *   json  one object per line, {"key":"value",...}: numbers bare,
 *         strings escaped (RFC 8259), every key present
 *   csv   RFC 4180: a header line of the keys first, then one line per
 *         record, a value with , " or a line break in double quotes
 *
 * Every string value is sanitised first (text_sanitize): a control or
 * bidi character from the corpus reaches no terminal in any format, and
 * the text is the same as --show prints. */
#ifndef WB_FORMAT_H
#define WB_FORMAT_H

#include <stddef.h>
#include <stdio.h>

enum format_kind {
	FORMAT_TSV,
	FORMAT_JSON,
	FORMAT_CSV
};

/* A field: str (NUL-terminated, UTF-8) when not NULL, else the number.
 * bare: str is a number already written ("24.865"), bare in JSON too.
 * lines: str's line breaks are kept (each line sanitised apart; "\n" in
 * JSON, a quoted value in CSV), for a value that is XML as written. */
struct format_field {
	const char *key;
	const char *str;
	long long num;
	int bare;
	int lines;
};

/* "tsv", "json", "csv" to *kind; 0 for anything else. */
int format_parse(const char *name, enum format_kind *kind);

/* One writer per listing: the header (csv) is written before the first
 * record.  Start from FORMAT_WRITER_INIT(kind). */
struct format_writer {
	enum format_kind kind;
	int started;
};

#define FORMAT_WRITER_INIT(kind) { (kind), 0 }

/* Writes a record of n fields to out. */
void format_record(struct format_writer *w, FILE *out, const struct format_field *f,
		   size_t n);

#endif
