/* text.c: UTF-8 decoding, display widths and sanitising.
 *
 * The decoder is strict (RFC 3629: no overlongs, no surrogates, nothing
 * above U+10FFFF) because a lenient one is how escape sequences sneak past
 * a sanitiser.  Widths come from wcwidth(); main() makes sure LC_CTYPE is a
 * UTF-8 locale whenever text is measured. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "buf.h"
#include "fold.h"
#include "text.h"

size_t text_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		goto invalid;
	}
	if (len < n)
		goto invalid;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto invalid;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		goto invalid;
	*cp = c;
	return n;
invalid:
	*cp = 0xFFFD;
	return 1;
}

void text_encode(struct buf *b, uint32_t cp)
{
	char s[4];
	size_t n;

	if (cp < 0x80) {
		s[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_add(b, s, n);
}

/* What no terminal is sent as it is, besides C0 and C1: bidirectional
 * controls, and every Default_Ignorable_Code_Point of Unicode 15
 * (DerivedCoreProperties.txt), which a terminal shows as nothing or as a
 * blank: a name of Hangul fillers looks empty, a variation selector or
 * tag character hides in an id.  Sorted, for the binary search. */
static const struct { uint32_t lo, hi; } unsafe_ranges[] = {
	{ 0x00AD, 0x00AD },     /* soft hyphen */
	{ 0x034F, 0x034F },     /* combining grapheme joiner */
	{ 0x061C, 0x061C },     /* Arabic letter mark */
	{ 0x115F, 0x1160 },     /* Hangul choseong and jungseong fillers */
	{ 0x17B4, 0x17B5 },     /* Khmer inherent vowels */
	{ 0x180B, 0x180F },     /* Mongolian variation selectors, vowel separator */
	{ 0x200B, 0x200F },     /* zero widths, LRM, RLM */
	{ 0x2028, 0x202E },     /* separators, embeddings, overrides */
	{ 0x2060, 0x206F },     /* word joiner, invisible operators, isolates */
	{ 0x3164, 0x3164 },     /* Hangul filler */
	{ 0xFE00, 0xFE0F },     /* variation selectors */
	{ 0xFEFF, 0xFEFF },     /* BOM, zero-width no-break space */
	{ 0xFFA0, 0xFFA0 },     /* halfwidth Hangul filler */
	{ 0xFFF0, 0xFFFB },     /* unassigned ignorables, interlinear annotation */
	{ 0x1BCA0, 0x1BCA3 },   /* shorthand format controls */
	{ 0x1D173, 0x1D17A },   /* musical symbol formatting */
	{ 0xE0000, 0xE0FFF },   /* tags, variation selectors supplement */
};

int text_is_unsafe(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(unsafe_ranges) / sizeof(unsafe_ranges[0]), mid;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 1;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cp < unsafe_ranges[mid].lo)
			hi = mid;
		else if (cp > unsafe_ranges[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

void text_placeholder(struct buf *b, uint32_t cp)
{
	if (cp < 0x20) {
		buf_addc(b, '^');
		buf_addc(b, (char)('@' + cp));
	} else if (cp == 0x7F) {
		buf_add(b, "^?", 2);
	} else {
		buf_printf(b, "<U+%04X>", (unsigned)cp);
	}
}

int text_cp_width(uint32_t cp)
{
	int w;

	if (text_is_unsafe(cp)) {
		if (cp < 0x20 || cp == 0x7F)
			return 2;
		return cp > 0xFFFF ? 9 : 8;
	}
	if (cp < 0x7F)
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

size_t text_width(const char *s, size_t len)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < len) {
		i += text_decode(s + i, len - i, &cp);
		w += (size_t)text_cp_width(cp);
	}
	return w;
}

size_t text_chars(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80)
			i++;
		else
			i += text_decode(s + i, len - i, &cp);
		n++;
	}
	return n;
}

size_t text_char_start(const char *s, size_t off)
{
	while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80)
		off--;
	return off;
}

size_t text_sanitize(struct buf *b, const char *s, size_t len)
{
	size_t i = 0, start = 0, n, replaced = 0;
	uint32_t cp;

	buf_grow(b, len);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if ((cp == 0xFFFD && n == 1) || text_is_unsafe(cp)) {
			buf_add(b, s + start, i - start);
			if (cp == 0xFFFD)
				text_encode(b, 0xFFFD);
			else
				text_placeholder(b, cp);
			replaced++;
			start = i + n;
		}
		i += n;
	}
	buf_add(b, s + start, len - start);
	return replaced;
}

int text_valid_utf8(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && n == 1)
			return 0;
		i += n;
	}
	return 1;
}

/* A non-ASCII code point as ASCII, when it has a spelling: punctuation
 * that has a look-alike, and letters through the fold (fold.h), whose
 * table is the one list of base letters; NULL when it has none. */
static const char *ascii_of(uint32_t cp)
{
	const char *f;
	int k, i;

	switch (cp) {
	case 0x132: return "IJ";                /* ĳ is a letter in Dutch */
	case 0x133: return "ij";
	case 0x138: return "k";                 /* kra */
	case 0x149: return "n";                 /* n preceded by apostrophe */
	case 0xD7: return "*";
	case 0xF7: return "/";
	case 0xA0: return " ";
	case 0xB7: return ".";                  /* the middle dot */
	case 0x2022: return "*";                /* a bullet */
	case 0x2018: case 0x2019: case 0x201A: return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0xAB: case 0xBB: return "\"";
	case 0x2013: case 0x2014: case 0x2500: return "-";
	case 0x2502: return "|";
	case 0x2026: return "...";
	}
	k = fold_cp(cp, 0, &f);
	for (i = 0; i < k; i++)
		if ((unsigned char)f[i] >= 0x80)
			return NULL;
	return k >= 0 ? f : NULL;
}

void text_to_ascii(struct buf *b, const char *s, size_t len)
{
	size_t i = 0;
	const char *a;
	uint32_t cp;

	while (i < len) {
		i += text_decode(s + i, len - i, &cp);
		if (text_is_unsafe(cp))
			text_placeholder(b, cp);
		else if (cp < 0x80)
			buf_addc(b, (char)cp);
		else if ((a = ascii_of(cp)))
			buf_adds(b, a);
		else
			buf_addc(b, '?');
	}
}

int text_contains_folded(const char *haystack, const char *needle)
{
	struct buf h = BUF_INIT, n = BUF_INIT;
	int found;

	fold_append(&h, haystack, strlen(haystack), FOLD_CASE);
	fold_append(&n, needle, strlen(needle), FOLD_CASE);
	found = strstr(h.data ? h.data : "", n.data ? n.data : "") != NULL;
	buf_free(&h);
	buf_free(&n);
	return found;
}
