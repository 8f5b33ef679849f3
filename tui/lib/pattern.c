/* pattern.c: reading a user's pattern before PCRE2 compiles it.
 *
 * Two questions need PCRE2's syntax without PCRE2's compiler: which
 * characters of a pattern stand for themselves (smart case looks for an
 * upper-case letter among them, not in \W, (?i) or (*MARK:A)), and what
 * the pattern becomes when its literal characters are folded as the text
 * is for --fold.  Both walk the pattern once; neither has to be perfect,
 * since PCRE2 itself still compiles the result and reports its errors. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "fold.h"
#include "pattern.h"
#include "text.h"

/* ---- smart case ---------------------------------------------------- */

/* The index just past the first c at or after i, or len. */
static size_t skip_past(const char *p, size_t len, size_t i, char c)
{
	const char *q = i < len ? memchr(p + i, c, len - i) : NULL;

	return q ? (size_t)(q - p) + 1 : len;
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Skips the escape at p[i] == '\\', adding the literal characters it
 * stands for (\Q…\E, an escaped non-ASCII letter) to lit. */
static size_t skip_escape(const char *p, size_t len, size_t i, struct buf *lit)
{
	size_t j, n;
	uint32_t cp;
	char e;

	if (i + 1 >= len)
		return len;
	e = p[i + 1];
	i += 2;
	switch (e) {
	case 'Q':
		for (j = i; j + 1 < len; j++)
			if (p[j] == '\\' && p[j + 1] == 'E')
				break;
		if (j + 1 >= len)
			j = len;
		buf_add(lit, p + i, j - i);
		return j < len ? j + 2 : len;
	case 'p': case 'P': case 'N': case 'o': case 'x':
		if (i < len && p[i] == '{')
			return skip_past(p, len, i, '}');
		if (e == 'p' || e == 'P')
			return i < len ? i + 1 : len;
		/* \xhh: at most two hex digits, which may be upper case */
		for (j = 0; e == 'x' && j < 2 && i < len && p[i] &&
		     strchr("0123456789abcdefABCDEF", p[i]); j++)
			i++;
		return i;
	case 'c':
		return i < len ? i + 1 : len;
	case 'g': case 'k':
		if (i < len && p[i] == '{')
			return skip_past(p, len, i, '}');
		if (i < len && p[i] == '<')
			return skip_past(p, len, i, '>');
		if (i < len && p[i] == '\'')
			return skip_past(p, len, i + 1, '\'');
		return i;
	default:
		if ((unsigned char)e >= 0x80) {
			/* an escaped letter is that letter */
			n = text_decode(p + i - 1, len - (i - 1), &cp);
			buf_add(lit, p + i - 1, n);
			return i - 1 + n;
		}
		return i;
	}
}

/* Skips the head of a group at p[i] == '(' followed by '?' or '*': its
 * options, name, condition or verb, which are not literals. */
static size_t skip_group_head(const char *p, size_t len, size_t i)
{
	size_t j = i + 2;
	int lower = 0;

	if (p[i + 1] == '*') {
		/* (*pla:…), (*atomic:…) are groups of literals; upper-case
		 * verbs and options (*MARK:X), (*LIMIT_MATCH=9) are not */
		while (j < len && (is_alpha(p[j]) || p[j] == '_')) {
			if (p[j] >= 'a' && p[j] <= 'z')
				lower = 1;
			j++;
		}
		if (lower)
			return j < len && p[j] == ':' ? j + 1 : j;
		return skip_past(p, len, j, ')');
	}
	if (j >= len)
		return len;
	switch (p[j]) {
	case '#':
		return skip_past(p, len, j, ')');
	case '<':
		if (j + 1 < len && (p[j + 1] == '=' || p[j + 1] == '!'))
			return j + 2;
		return skip_past(p, len, j, '>');
	case '\'':
		return skip_past(p, len, j + 1, '\'');
	case 'P':
		if (j + 1 < len && p[j + 1] == '<')
			return skip_past(p, len, j, '>');
		return skip_past(p, len, j, ')');
	case '&':
	case 'C':
		return skip_past(p, len, j, ')');
	case '(':
		if (j + 1 < len && (p[j + 1] == '?' || p[j + 1] == '*'))
			return j;       /* an assertion as condition */
		return skip_past(p, len, j, ')');
	}
	while (j < len && (is_alpha(p[j]) || (p[j] >= '0' && p[j] <= '9') ||
			   p[j] == '^' || p[j] == '-' || p[j] == '+'))
		j++;
	if (j < len && strchr(":)=!>|", p[j]) && p[j])
		j++;
	return j;
}

/* Collects the characters of pat that stand for themselves. */
static void pattern_literals(const char *p, size_t len, struct buf *lit)
{
	size_t i = 0, n;
	uint32_t cp;
	int in_class = 0;

	while (i < len) {
		char c = p[i];

		if (c == '\\') {
			i = skip_escape(p, len, i, lit);
		} else if (!in_class && c == '(' && i + 1 < len &&
			   (p[i + 1] == '?' || p[i + 1] == '*')) {
			i = skip_group_head(p, len, i);
		} else if (!in_class && c == '[') {
			in_class = 1;
			i++;
			if (i < len && p[i] == '^')
				i++;
			if (i < len && p[i] == ']')
				i++;
		} else if (in_class && c == '[' && i + 1 < len && p[i + 1] == ':') {
			i = skip_past(p, len, i + 2, ']');
		} else if (in_class && c == ']') {
			in_class = 0;
			i++;
		} else {
			n = text_decode(p + i, len - i, &cp);
			buf_add(lit, p + i, n);
			i += n;
		}
	}
}

/* Whether a literal character of pat is an upper-case (or title-case)
 * letter, as Unicode says: less -i and ripgrep -S decide the same way. */
int pattern_has_literal_upper(const char *pat, size_t len)
{
	static const char upper[] = "[\\p{Lu}\\p{Lt}]";
	struct buf lit = BUF_INIT;
	pcre2_code *re;
	pcre2_match_data *md;
	PCRE2_SIZE erroff;
	int err, rc = PCRE2_ERROR_NOMATCH;

	pattern_literals(pat, len, &lit);
	if (!lit.len)
		goto out;
	re = pcre2_compile((PCRE2_SPTR)upper, sizeof upper - 1,
			   PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
			   &err, &erroff, NULL);
	if (!re)
		die("search: cannot compile %s", upper);
	md = pcre2_match_data_create(1, NULL);
	if (!md)
		die("out of memory");
	rc = pcre2_match(re, (PCRE2_SPTR)lit.data, lit.len, 0, 0, md, NULL);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
out:
	buf_free(&lit);
	return rc >= 0;
}

/* ---- folding ------------------------------------------------------- */

/* Appends what the literal code point at p[0..n) folds to.  A fold of
 * several characters (æ → ae) is made one atom, so "æ+" repeats both;
 * in a class or in \Q…\E it cannot be and need not be. */
static void fold_literal(const char *p, size_t n, uint32_t cp, int esc,
			 int plain, struct buf *out)
{
	const char *f;
	int k = fold_cp(cp, 0, &f);

	if (k < 0) {
		if (esc)
			buf_addc(out, '\\');
		buf_add(out, p, n);
		return;
	}
	if (k == 0)
		return;
	if (!plain && text_chars(f, (size_t)k) > 1) {
		buf_adds(out, "(?:");
		buf_add(out, f, (size_t)k);
		buf_addc(out, ')');
		return;
	}
	/* "\e" would be ESC: an escaped letter that folds to ASCII is the
	 * letter; one that folds to another non-ASCII letter keeps its
	 * backslash */
	if (esc && (unsigned char)f[0] >= 0x80)
		buf_addc(out, '\\');
	buf_add(out, f, (size_t)k);
}

void pattern_fold(const char *p, size_t len, struct buf *out)
{
	size_t i = 0, n;
	uint32_t cp;
	int esc, in_class = 0, in_quote = 0;

	while (i < len) {
		esc = 0;
		if (p[i] == '\\' && i + 1 < len) {
			if ((unsigned char)p[i + 1] < 0x80) {
				if (p[i + 1] == 'Q')
					in_quote = 1;
				else if (p[i + 1] == 'E')
					in_quote = 0;
				buf_add(out, p + i, 2);
				i += 2;
				continue;
			}
			esc = !in_quote;
			if (in_quote)
				buf_addc(out, '\\');
			i++;
		}
		if ((unsigned char)p[i] < 0x80) {
			if (!in_quote && !in_class && p[i] == '[') {
				in_class = 1;
				buf_addc(out, p[i++]);
				if (i < len && p[i] == '^')
					buf_addc(out, p[i++]);
				if (i < len && p[i] == ']')
					buf_addc(out, p[i++]);
				continue;
			}
			if (!in_quote && in_class && p[i] == ']')
				in_class = 0;
			buf_addc(out, p[i++]);
			continue;
		}
		n = text_decode(p + i, len - i, &cp);
		fold_literal(p + i, n, cp, esc, in_class || in_quote, out);
		i += n;
	}
}
