/* fuzz_text.c: text.c and layout.c on arbitrary bytes, with invariants.
 *
 * The input is a width byte (1..200 columns), a label-length byte, and
 * the text.  Checked:
 *   - text_sanitize: its output is valid UTF-8 without C0, DEL, C1, bidi
 *     or other unsafe code points; it returns 0 only for input it left as
 *     it was; sanitising again changes nothing; text_width is the same
 *     before and after (it counts what the sanitiser will show).
 *   - text_decode always advances, never past the end; re-encoding what
 *     it decoded gives the same bytes, except where it reported an
 *     invalid byte; text_valid_utf8 agrees with it; code points taken
 *     from the input survive text_encode then text_decode.
 *   - text_to_ascii gives printable ASCII only.
 *   - text_contains_folded: a string contains itself, the empty string,
 *     and (valid UTF-8) both halves of itself.
 *   - the fold (fold.h): folding twice is folding once, with and without
 *     FOLD_CASE, and its output is valid UTF-8; text_chars counts the
 *     characters text_decode walks; fold_text_build copies only when
 *     something folds, and every character boundary of the copy maps
 *     back, in order, to a character boundary of the original, a start never after its end,
 *     the end of the copy to the end of the text.
 *   - layout_wrap: at least one line; lines in order, without overlap,
 *     on character boundaries, covering the text with only spaces left
 *     out; the first line has no indent, the others the label's hanging
 *     indent; each line's width is its text's and fits width - indent,
 *     unless the line is one character (with its marks) wider than that;
 *     width 0 wraps as 1; layout_line_of finds, for every offset, the
 *     line that holds it. */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "layout.h"
#include "text.h"

#define FUZZ_PREFIX "text-"

#include "fuzz.h"

static int locale_set;

static void check_sanitized(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	CHECK(text_valid_utf8(s, len));
	while (i < len) {
		CHECK((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] != 0x7F);
		n = text_decode(s + i, len - i, &cp);
		CHECK(n >= 1 && n <= len - i);
		CHECK(!text_is_unsafe(cp));
		CHECK(!(cp >= 0x80 && cp < 0xA0));
		i += n;
	}
}

static void check_sanitize(const char *s, size_t len)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	size_t r;

	r = text_sanitize(&a, s, len);
	check_sanitized(a.data ? a.data : "", a.len);
	if (r == 0)
		CHECK(a.len == len && (len == 0 || memcmp(a.data, s, len) == 0));
	else
		CHECK(a.len != len || memcmp(a.data, s, len) != 0);
	CHECK(text_width(s, len) == text_width(a.data ? a.data : "", a.len));
	CHECK(text_sanitize(&b, a.data ? a.data : "", a.len) == 0);
	CHECK(b.len == a.len && (a.len == 0 || memcmp(a.data, b.data, a.len) == 0));
	buf_free(&a);
	buf_free(&b);
}

/* Marks boundaries[i] for every i where a decode from 0 stops. */
static void check_decode(const char *s, size_t len, unsigned char *boundary)
{
	struct buf b = BUF_INIT;
	size_t i = 0, n, k;
	uint32_t cp;
	int valid = 1;

	while (i < len) {
		boundary[i] = 1;
		n = text_decode(s + i, len - i, &cp);
		CHECK(n >= 1 && n <= 4 && n <= len - i);
		CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
		if (cp == 0xFFFD && n == 1) {
			valid = 0;
		} else {
			buf_reset(&b);
			text_encode(&b, cp);
			CHECK(b.len == n && memcmp(b.data, s + i, n) == 0);
		}
		i += n;
	}
	boundary[len] = 1;
	CHECK(text_valid_utf8(s, len) == valid);

	/* code points made from the input's bytes, round trip */
	for (k = 0; k + 3 < len && k < 64; k += 4) {
		uint32_t c = ((uint32_t)(unsigned char)s[k] << 24 |
			      (uint32_t)(unsigned char)s[k + 1] << 16 |
			      (uint32_t)(unsigned char)s[k + 2] << 8 |
			      (unsigned char)s[k + 3]) % 0x110000;
		uint32_t back;

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		buf_reset(&b);
		text_encode(&b, c);
		CHECK(text_valid_utf8(b.data, b.len));
		CHECK(text_decode(b.data, b.len, &back) == b.len);
		CHECK(back == c);
		(void)text_cp_width(c);
	}
	buf_free(&b);
}

static void check_ascii(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i;

	text_to_ascii(&b, s, len);
	for (i = 0; i < b.len; i++)
		CHECK(b.data[i] >= 0x20 && b.data[i] < 0x7F);
	buf_free(&b);
}

static void check_fold_idempotent(const char *s, size_t len, unsigned flags)
{
	struct buf a = BUF_INIT, b = BUF_INIT;

	fold_append(&a, s, len, flags);
	CHECK(text_valid_utf8(a.data ? a.data : "", a.len));
	fold_append(&b, a.data ? a.data : "", a.len, flags);
	CHECK(a.len == b.len && (a.len == 0 || memcmp(a.data, b.data, a.len) == 0));
	buf_free(&a);
	buf_free(&b);
}

static void check_fold(const char *s, size_t len, const unsigned char *boundary)
{
	struct fold_text ft = FOLD_TEXT_INIT;
	size_t f, a, b, last_a = 0, last_b = 0, chars = 0;
	const char *t;
	uint32_t cp;

	check_fold_idempotent(s, len, 0);
	check_fold_idempotent(s, len, FOLD_CASE);
	for (f = 0; f < len; f++)
		chars += boundary[f];
	CHECK(text_chars(s, len) == chars);
	fold_text_build(&ft, s, len);
	CHECK(ft.text ? ft.npoints > 0 : ft.len == len);
	t = ft.text ? ft.text : s;
	/* at every character boundary of the copy (where PCRE2 can match) */
	for (f = 0; f <= ft.len; f += f < ft.len ? text_decode(t + f, ft.len - f, &cp) : 1) {
		a = fold_text_start(&ft, f);
		b = fold_text_end(&ft, f);
		CHECK(a <= b && b <= len && boundary[a] && boundary[b]);
		CHECK(a >= last_a && b >= last_b);
		last_a = a;
		last_b = b;
	}
	CHECK(fold_text_end(&ft, ft.len) == len);
	fold_text_free(&ft);
	fold_text_free(&ft);    /* a freed fold_text can be freed again */
}

static void check_folded(const char *s, size_t len)
{
	size_t n = strnlen(s, len), half;
	char *whole = malloc(n + 1), *head;

	if (!whole)
		abort();
	memcpy(whole, s, n);
	whole[n] = '\0';
	CHECK(text_contains_folded(whole, ""));
	CHECK(text_contains_folded(whole, whole));
	if (text_valid_utf8(whole, n)) {
		half = n / 2;
		while (half > 0 && ((unsigned char)whole[half] & 0xC0) == 0x80)
			half--;
		head = malloc(half + 1);
		if (!head)
			abort();
		memcpy(head, whole, half);
		head[half] = '\0';
		CHECK(text_contains_folded(whole, head));
		CHECK(text_contains_folded(whole, whole + half));
		free(head);
	}
	free(whole);
}

/* Whether s[start..end) is one code point and zero-width ones after it. */
static int one_char(const char *s, size_t start, size_t end)
{
	uint32_t cp;
	size_t i;

	if (start >= end)
		return 0;
	i = start + text_decode(s + start, end - start, &cp);
	while (i < end) {
		i += text_decode(s + i, end - i, &cp);
		if (text_cp_width(cp) != 0)
			return 0;
	}
	return 1;
}

static void check_layout(const char *s, size_t len, size_t label_len, unsigned width,
			 const unsigned char *boundary)
{
	struct layout l = { NULL, 0, 0 }, one = { NULL, 0, 0 };
	size_t n, k, off, pos = 0, lw = label_len ? text_width(s, label_len) : 0;
	unsigned hang = lw * 2 <= width ? (unsigned)lw : 0;

	n = layout_wrap(&l, s, len, label_len, width);
	CHECK(n >= 1 && n == l.nlines);
	for (k = 0; k < n; k++) {
		const struct layout_line *ln = &l.lines[k];

		CHECK(ln->start >= pos && ln->start <= ln->end && ln->end <= len);
		/* what falls between lines is spaces */
		for (off = pos; off < ln->start; off++)
			CHECK(s[off] == ' ');
		CHECK(boundary[ln->start] && boundary[ln->end]);
		CHECK(ln->indent == (k == 0 ? 0 : hang));
		CHECK(ln->width == text_width(s + ln->start, ln->end - ln->start));
		CHECK(ln->width <= width - ln->indent || one_char(s, ln->start, ln->end));
		/* only the last line may be empty */
		CHECK(ln->start < ln->end || k == n - 1);
		pos = ln->end;
	}
	CHECK(l.lines[0].start == 0);
	for (off = pos; off < len; off++)
		CHECK(s[off] == ' ');
	CHECK(l.lines[n - 1].end == len);
	for (off = 0; off <= len; off++) {
		k = layout_line_of(&l, off);
		CHECK(k < n);
		CHECK(l.lines[k].start <= off || k == 0);
		CHECK(k == n - 1 || l.lines[k + 1].start > off);
		if (off < l.lines[k].end)
			CHECK(off >= l.lines[k].start);
	}
	CHECK(layout_line_of(&l, len) == n - 1);

	/* the same layout reused for another width, and width 0 as 1 */
	if (width == 1) {
		layout_wrap(&l, s, len, label_len, 0);
		layout_wrap(&one, s, len, label_len, 1);
		CHECK(l.nlines == one.nlines &&
		      memcmp(l.lines, one.lines, l.nlines * sizeof *l.lines) == 0);
	}
	layout_free(&l);
	layout_free(&one);
	layout_free(&l);   /* a freed layout can be freed again */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	size_t len, label_len;
	unsigned width;
	unsigned char *boundary;

	if (!locale_set) {
		/* widths are wcwidth's: a UTF-8 locale, as main() makes sure */
		if (!setlocale(LC_CTYPE, "C.UTF-8"))
			setlocale(LC_CTYPE, "");
		locale_set = 1;
	}
	if (size < 2)
		return 0;
	width = data[0] % 200 + 1;
	s = (const char *)data + 2;
	len = size - 2;
	label_len = data[1] % (len + 1);
	/* a label ends on a character boundary: corpus.c makes it so */
	while (label_len > 0 && label_len < len && ((unsigned char)s[label_len] & 0xC0) == 0x80)
		label_len--;

	boundary = calloc(len + 1, 1);
	if (!boundary)
		abort();
	check_sanitize(s, len);
	check_decode(s, len, boundary);
	check_ascii(s, len);
	check_folded(s, len);
	check_fold(s, len, boundary);
	check_layout(s, len, label_len, width, boundary);
	check_layout(s, len, label_len, width % 13 + 1, boundary);
	free(boundary);
	return 0;
}

#include "standalone.c"
