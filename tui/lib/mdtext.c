/* mdtext.c: a report in plain text or Markdown, read into blocks
 * (mdtext.h).
 *
 * Two passes: lines are cleaned and gathered into raw blocks (blank lines,
 * "#" and list markers decide where a block ends), then each raw block's
 * inline marks become spans over its plain text.  A closing mark is
 * looked for within a window of bytes, so hostile input (a megabyte of
 * "[" or "*") costs a bounded amount per byte. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mdtext.h"
#include "text.h"

enum {
	CLOSER_WINDOW = 2000,   /* bytes searched for a closing mark */
	MAX_DEPTH = 8,          /* marks inside marks */
	HEADING_MAX = 100       /* bytes of a guessed heading */
};

/* Whether cp may go into the text: no control (a newline is kept by the
 * caller), no bidirectional or invisible format character, nothing XML
 * 1.0 forbids. */
static int allowed(uint32_t cp)
{
	return !text_is_unsafe(cp) && cp != 0xFFFE && cp != 0xFFFF;
}

/* s cleaned: valid UTF-8, "\r\n" and "\r" as "\n", a tab as a space,
 * what allowed() refuses dropped. */
static void clean(struct buf *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);

		if (cp == '\r') {
			if (i + 1 >= len || s[i + 1] != '\n')
				buf_addc(out, '\n');
		} else if (cp == '\n')
			buf_addc(out, '\n');
		else if (cp == '\t')
			buf_addc(out, ' ');
		else if (allowed(cp))
			text_encode(out, cp);
		i += n;
	}
}

/* ------------------------------------------------------------------ */
/* inline marks */

struct inl {
	struct buf text;
	struct mdtext_span *spans;
	size_t nspans, cap;
};

static int is_space(char c)
{
	return c == ' ' || c == '\n';
}

static int is_alnum(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	       (unsigned char)c >= 0x80;
}

/* The first "]" in s[i..len) within the window, with no "[" before it. */
static size_t find_bracket(const char *s, size_t i, size_t len)
{
	size_t end = len - i > CLOSER_WINDOW ? i + CLOSER_WINDOW : len;

	for (; i < end; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '[')
			return len;
		else if (s[i] == ']')
			return i;
	}
	return len;
}

/* The closing mark (n bytes of c) for an opening at s[i - n]: not after
 * a space, and for "_" not before a letter; len when there is none. */
static size_t find_closer(const char *s, size_t i, size_t len, char c, size_t n)
{
	size_t end = len - i > CLOSER_WINDOW ? i + CLOSER_WINDOW : len;
	size_t j;

	if (i >= len || is_space(s[i]))
		return len;
	for (j = i + 1; j + n <= end; j++) {
		if (s[j] == '\\') {
			j++;
			continue;
		}
		if (s[j] != c || is_space(s[j - 1]))
			continue;
		if (n == 1 && j + 1 < len && s[j + 1] == c)
			continue;
		if (n == 2 && s[j + 1] != c)
			continue;
		if (c == '_' && j + 1 < len && is_alnum(s[j + 1]))
			continue;
		return j;
	}
	return len;
}

/* A link's target if it is a URL the TEI can hold (http or https, no
 * space or quote), else NULL. */
static char *link_target(const char *s, size_t len)
{
	size_t i;

	if (!((len > 7 && strncmp(s, "http://", 7) == 0) ||
	      (len > 8 && strncmp(s, "https://", 8) == 0)))
		return NULL;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] <= ' ' || strchr("\"'<>\\`{}|^", s[i]))
			return NULL;
	return xstrndup(s, len);
}

static void parse_inline(struct inl *in, const char *s, size_t len, int depth);

/* Opens a span at the text's end, parses s[0..len) into it, closes it. */
static void add_span(struct inl *in, enum mdtext_span_kind kind, char *target,
		     const char *s, size_t len, int depth)
{
	size_t k = in->nspans;

	in->spans = xgrow(in->spans, &in->cap, k + 1, sizeof(*in->spans));
	in->spans[k] = (struct mdtext_span){ in->text.len, 0, kind, target };
	in->nspans++;
	parse_inline(in, s, len, depth + 1);
	in->spans[k].end = in->text.len;
}

/* A mark at s[i]: the bytes it takes (its content parsed into a span),
 * or 0 when it is no mark here. */
static size_t try_mark(struct inl *in, const char *s, size_t i, size_t len, int depth)
{
	size_t close, close2;

	if (depth >= MAX_DEPTH)
		return 0;
	if (s[i] == '[') {
		close = find_bracket(s, i + 1, len);
		if (close >= len || close + 1 >= len || s[close + 1] != '(')
			return 0;
		close2 = close + 2;
		while (close2 < len && close2 - close < CLOSER_WINDOW && s[close2] != ')' &&
		       !is_space(s[close2]))
			close2++;
		if (close2 >= len || s[close2] != ')' || close == i + 1)
			return 0;
		add_span(in, MDTEXT_LINK, link_target(s + close + 2, close2 - close - 2),
			 s + i + 1, close - i - 1, depth);
		return close2 + 1 - i;
	}
	if (s[i] == '*' && i + 1 < len && s[i + 1] == '*') {
		close = find_closer(s, i + 2, len, '*', 2);
		if (close >= len)
			return 0;
		add_span(in, MDTEXT_BOLD, NULL, s + i + 2, close - i - 2, depth);
		return close + 2 - i;
	}
	if (s[i] == '*' || (s[i] == '_' && (i == 0 || !is_alnum(s[i - 1])))) {
		close = find_closer(s, i + 1, len, s[i], 1);
		if (close >= len)
			return 0;
		add_span(in, MDTEXT_ITALIC, NULL, s + i + 1, close - i - 1, depth);
		return close + 1 - i;
	}
	return 0;
}

static void parse_inline(struct inl *in, const char *s, size_t len, int depth)
{
	size_t i = 0, used;

	while (i < len) {
		if (s[i] == '\\' && i + 1 < len && strchr("\\`*_[]()#+-.!", s[i + 1])) {
			buf_addc(&in->text, s[i + 1]);
			i += 2;
		} else if (strchr("[*_", s[i]) && (used = try_mark(in, s, i, len, depth)) > 0)
			i += used;
		else
			buf_addc(&in->text, s[i++]);
	}
}

/* ------------------------------------------------------------------ */
/* blocks */

struct reader {
	struct mdtext *out;
	size_t cap;
	int guess_headings;
	struct buf raw;          /* the open block's lines, joined */
	enum mdtext_kind kind;
	int level, numbered;
	char *n;
	long line, nlines;
};

/* Whether a one-line paragraph reads as a heading: short, with a letter,
 * and not ending as a sentence or a quotation does. */
static int heading_like(const char *s, size_t len)
{
	static const char *const ends[] = { ".", ",", ";", ":", "!", "?", "'", "\"",
		"\xE2\x80\xA6", "\xE2\x80\x99", "\xE2\x80\x9D", "\xC2\xBB" };
	size_t i, n;
	int letter = 0;

	if (len == 0 || len > HEADING_MAX)
		return 0;
	for (i = 0; i < len; i++)
		if (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || (unsigned char)s[i] >= 0xC0)
			letter = 1;
	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		n = strlen(ends[i]);
		if (len >= n && memcmp(s + len - n, ends[i], n) == 0)
			return 0;
	}
	return letter;
}

static void free_spans(struct mdtext_span *spans, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		free(spans[k].target);
	free(spans);
}

static void flush(struct reader *r)
{
	struct inl in = { BUF_INIT, NULL, 0, 0 };
	struct mdtext_block *b;
	struct mdtext *m = r->out;

	if (r->raw.len == 0)
		goto out;
	parse_inline(&in, r->raw.data, r->raw.len, 0);
	if (in.text.len == 0) {
		free_spans(in.spans, in.nspans);
		buf_free(&in.text);
		goto out;
	}
	m->blocks = xgrow(m->blocks, &r->cap, m->n + 1, sizeof(*m->blocks));
	b = &m->blocks[m->n++];
	*b = (struct mdtext_block){ r->kind, r->level, r->numbered, r->n, NULL, in.text.len,
				    in.spans, in.nspans, r->line };
	b->text = buf_steal(&in.text);
	r->n = NULL;
	if (r->guess_headings && b->kind == MDTEXT_PARA && r->nlines == 1 &&
	    heading_like(b->text, b->len)) {
		b->kind = MDTEXT_HEADING;
		b->level = 2;
	}
out:
	free(r->n);
	r->n = NULL;
	buf_reset(&r->raw);
	r->nlines = 0;
}

/* Appends a line to the open block: after a space, or glued to a word
 * broken with "-" at the line's end (the "-" dropped between two lower
 * case letters, "opvoedings-" "ondersteuning"; kept otherwise, "SPW-"
 * "opleiding"). */
static void join_line(struct reader *r, const char *s, size_t len)
{
	struct buf *raw = &r->raw;
	size_t i;

	if (raw->len >= 2 && raw->data[raw->len - 1] == '-' && len > 0 && is_alnum(s[0]) &&
	    is_alnum(raw->data[raw->len - 2])) {
		char before = raw->data[raw->len - 2];

		if (before >= 'a' && before <= 'z' && s[0] >= 'a' && s[0] <= 'z')
			raw->len--;
	} else if (raw->len > 0)
		buf_addc(raw, ' ');
	for (i = 0; i < len; i++)
		if (s[i] != ' ' || (i > 0 && s[i - 1] != ' '))
			buf_addc(raw, s[i]);
	while (raw->len > 0 && raw->data[raw->len - 1] == ' ')
		raw->len--;
	r->nlines++;
}

/* The list marker at the start of s: its length with the spaces after
 * it, 0 if none; a numbered one's number into *num. */
static size_t item_marker(const char *s, size_t len, char **num)
{
	size_t i = 0;

	*num = NULL;
	if (len >= 2 && strchr("-*+", s[0]) && s[1] == ' ')
		i = 1;
	else if (len >= 4 && memcmp(s, "\xE2\x80\xA2 ", 4) == 0)
		i = 3;
	else {
		while (i < len && i < 9 && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == 0 || i + 1 >= len || (s[i] != '.' && s[i] != ')') || s[i + 1] != ' ')
			return 0;
		*num = xstrndup(s, i);
		i++;
	}
	while (i < len && s[i] == ' ')
		i++;
	return i;
}

/* The heading marker at the start of s ("#" to "######" and a space):
 * its length with the spaces, 0 if none; the level into *level. */
static size_t heading_marker(const char *s, size_t len, int *level)
{
	size_t i = 0;

	while (i < len && i < 7 && s[i] == '#')
		i++;
	if (i == 0 || i > 6 || (i < len && s[i] != ' '))
		return 0;
	*level = (int)i;
	while (i < len && s[i] == ' ')
		i++;
	return i;
}

static void start(struct reader *r, enum mdtext_kind kind, int level, long line)
{
	flush(r);
	r->kind = kind;
	r->level = level;
	r->numbered = 0;
	r->line = line;
}

static void take_line(struct reader *r, const char *s, size_t len, long line)
{
	size_t indent = 0, m;
	int level;
	char *num;

	while (len > 0 && s[len - 1] == ' ')
		len--;
	while (indent < len && s[indent] == ' ')
		indent++;
	s += indent;
	len -= indent;
	if (len == 0) {
		flush(r);
		return;
	}
	if (indent < 4 && (m = heading_marker(s, len, &level)) > 0) {
		start(r, MDTEXT_HEADING, level, line);
		while (len > m && (s[len - 1] == '#' || s[len - 1] == ' '))
			len--;
		join_line(r, s + m, len > m ? len - m : 0);
		flush(r);
	} else if ((m = item_marker(s, len, &num)) > 0) {
		start(r, MDTEXT_ITEM, 0, line);
		r->numbered = num != NULL;
		r->n = num;
		join_line(r, s + m, len - m);
	} else {
		if (r->raw.len == 0)
			start(r, MDTEXT_PARA, 0, line);
		join_line(r, s, len);
	}
}

void mdtext_read(const char *s, size_t len, int guess_headings, struct mdtext *out)
{
	struct reader r = { out, 0, guess_headings, BUF_INIT, MDTEXT_PARA, 0, 0, NULL, 0, 0 };
	struct buf text = BUF_INIT;
	const char *p, *end, *nl;
	long line = 1;

	memset(out, 0, sizeof(*out));
	clean(&text, s, len);
	p = text.data ? text.data : "";
	end = p + text.len;
	for (; p < end; p = nl + 1, line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		take_line(&r, p, (size_t)(nl - p), line);
	}
	flush(&r);
	buf_free(&r.raw);
	buf_free(&text);
}

void mdtext_free(struct mdtext *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		free_spans(m->blocks[i].spans, m->blocks[i].nspans);
		free(m->blocks[i].text);
		free(m->blocks[i].n);
	}
	free(m->blocks);
	memset(m, 0, sizeof(*m));
}
