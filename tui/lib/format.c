/* format.c: TSV, JSON lines and CSV records for the batch listings
 * (format.h).  Escaping is per format, a table of writers. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "format.h"
#include "text.h"

int format_parse(const char *name, enum format_kind *kind)
{
	static const char *const names[] = { "tsv", "json", "csv" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0) {
			*kind = (enum format_kind)i;
			return 1;
		}
	return 0;
}

static void json_string(struct buf *out, const char *s, size_t len)
{
	size_t i;

	buf_addc(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '"' || ch == '\\') {
			buf_addc(out, '\\');
			buf_addc(out, (char)ch);
		} else if (ch < 0x20 || ch == 0x7f) {
			buf_printf(out, "\\u%04x", ch);
		} else {
			buf_addc(out, (char)ch);
		}
	}
	buf_addc(out, '"');
}

static void csv_string(struct buf *out, const char *s, size_t len)
{
	size_t i;

	if (!memchr(s, ',', len) && !memchr(s, '"', len) && !memchr(s, '\n', len) &&
	    !memchr(s, '\r', len)) {
		buf_add(out, s, len);
		return;
	}
	buf_addc(out, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_addc(out, '"');
		buf_addc(out, s[i]);
	}
	buf_addc(out, '"');
}

/* s sanitised line by line, its line breaks kept. */
static void sanitize_lines(struct buf *clean, const char *s)
{
	const char *nl;

	while ((nl = strchr(s, '\n')) != NULL) {
		text_sanitize(clean, s, (size_t)(nl - s));
		buf_addc(clean, '\n');
		s = nl + 1;
	}
	text_sanitize(clean, s, strlen(s));
}

/* One value, sanitised, in the writer's escaping. */
static void put_value(const struct format_writer *w, struct buf *out,
		      const struct format_field *f)
{
	struct buf clean = BUF_INIT;

	if (!f->str) {
		buf_printf(out, "%lld", f->num);
		return;
	}
	if (f->bare) {
		buf_adds(out, f->str);
		return;
	}
	if (f->lines)
		sanitize_lines(&clean, f->str);
	else
		text_sanitize(&clean, f->str, strlen(f->str));
	if (w->kind == FORMAT_JSON)
		json_string(out, clean.data ? clean.data : "", clean.len);
	else if (w->kind == FORMAT_CSV)
		csv_string(out, clean.data ? clean.data : "", clean.len);
	else if (clean.len)
		buf_add(out, clean.data, clean.len);
	buf_free(&clean);
}

void format_record(struct format_writer *w, FILE *out, const struct format_field *f,
		   size_t n)
{
	static const char *const sep[] = { "\t", ",", "," };
	struct buf b = BUF_INIT;
	size_t i;

	if (w->kind == FORMAT_CSV && !w->started) {
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i ? "," : "", f[i].key);
		buf_addc(&b, '\n');
	}
	w->started = 1;
	if (w->kind == FORMAT_JSON)
		buf_addc(&b, '{');
	for (i = 0; i < n; i++) {
		if (i)
			buf_adds(&b, sep[w->kind]);
		if (w->kind == FORMAT_JSON) {
			json_string(&b, f[i].key, strlen(f[i].key));
			buf_addc(&b, ':');
		}
		put_value(w, &b, &f[i]);
	}
	if (w->kind == FORMAT_JSON)
		buf_addc(&b, '}');
	buf_addc(&b, '\n');
	fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}
