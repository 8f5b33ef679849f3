/* import_head.c: a report's title, date and kind (import_head.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "import_head.h"
#include "mdtext.h"

static const char *const months[][2] = {
	{ "januari", "january" }, { "februari", "february" }, { "maart", "march" },
	{ "april", "april" }, { "mei", "may" }, { "juni", "june" },
	{ "juli", "july" }, { "augustus", "august" }, { "september", "september" },
	{ "oktober", "october" }, { "november", "november" }, { "december", "december" },
};

/* The kinds of text a report names itself by, the likelier first. */
static const char *const types[] = {
	"werkbezoek", "interview", "verslag", "nieuwsbericht", "artikel",
};

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

static int letter(char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (unsigned char)c >= 0x80;
}

/* A run of 1 to max digits at s[i], not inside a longer number: its
 * value, its length in *n; -1 if none. */
static long number(const char *s, size_t len, size_t i, size_t max, size_t *n)
{
	long v = 0;
	size_t k = 0;

	while (i + k < len && digit(s[i + k]) && k <= max)
		v = v * 10 + (s[i + k++] - '0');
	if (k == 0 || k > max)
		return -1;
	*n = k;
	return v;
}

/* The month named at s[i] (whole word, either language): 1 to 12 and
 * its length in *n, else 0. */
static int month_name(const char *s, size_t len, size_t i, size_t *n)
{
	size_t m, l, k;

	for (m = 0; m < 12; m++)
		for (l = 0; l < 2; l++) {
			k = strlen(months[m][l]);
			if (i + k <= len && strncasecmp(s + i, months[m][l], k) == 0 &&
			    (i + k == len || !letter(s[i + k]))) {
				*n = k;
				return (int)m + 1;
			}
		}
	return 0;
}

static int valid(long y, long m, long d)
{
	return y >= 1800 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* A date starting at s[i] (a digit after no digit or letter): its end,
 * or 0. */
static size_t date_at(const char *s, size_t len, size_t i, long *y, long *m, long *d)
{
	size_t n1 = 0, n2 = 0, n3 = 0, j;
	long a = number(s, len, i, 4, &n1), b, c;
	int mn;

	if (a < 0)
		return 0;
	j = i + n1;
	if (n1 == 4 && j + 6 <= len && s[j] == '-' && (b = number(s, len, j + 1, 2, &n2)) > 0 &&
	    n2 == 2 && s[j + 3] == '-' && (c = number(s, len, j + 4, 2, &n3)) > 0 && n3 == 2) {
		*y = a, *m = b, *d = c;
		return j + 6;
	}
	if (n1 > 2)
		return 0;
	if (j < len && strchr("-/.", s[j]) && (b = number(s, len, j + 1, 2, &n2)) > 0 &&
	    j + 1 + n2 < len && s[j + 1 + n2] == s[j] &&
	    (c = number(s, len, j + 2 + n2, 4, &n3)) > 0 && n3 == 4) {
		*y = c, *m = b, *d = a;
		return j + 2 + n2 + n3;
	}
	if (j < len && s[j] == ' ' && (mn = month_name(s, len, j + 1, &n2)) > 0 &&
	    j + 1 + n2 < len && s[j + 1 + n2] == ' ' &&
	    (c = number(s, len, j + 2 + n2, 4, &n3)) > 0 && n3 == 4) {
		*y = c, *m = mn, *d = a;
		return j + 2 + n2 + n3;
	}
	return 0;
}

int import_find_date(const char *s, size_t len, char when[11], size_t *start, size_t *end)
{
	size_t i, e;
	long y, m, d;

	for (i = 0; i < len; i++) {
		if (!digit(s[i]) || (i > 0 && (digit(s[i - 1]) || letter(s[i - 1]))))
			continue;
		e = date_at(s, len, i, &y, &m, &d);
		if (e && valid(y, m, d) && (e == len || !digit(s[e]))) {
			snprintf(when, 11, "%04ld-%02ld-%02ld", y, m, d);
			*start = i;
			*end = e;
			return 1;
		}
	}
	return 0;
}

/* Whether word occurs in s as a whole word, case aside. */
static int has_word(const char *s, size_t len, const char *word)
{
	size_t k = strlen(word), i;

	for (i = 0; i + k <= len; i++)
		if (strncasecmp(s + i, word, k) == 0 && (i == 0 || !letter(s[i - 1])) &&
		    (i + k == len || !letter(s[i + k])))
			return 1;
	return 0;
}

void import_head_guess(const struct mdtext *m, struct import_head *h)
{
	size_t i, t, look = m->n < IMPORT_HEAD_LOOK ? m->n : IMPORT_HEAD_LOOK;

	memset(h, 0, sizeof(*h));
	h->title = h->subtitle = h->date_block = -1;
	if (m->n > 0 && m->blocks[0].kind == MDTEXT_HEADING) {
		h->title = 0;
		if (m->n > 1 && m->blocks[1].kind == MDTEXT_HEADING)
			h->subtitle = 1;
	}
	for (i = 0; i < look && h->date_block < 0; i++)
		if (import_find_date(m->blocks[i].text, m->blocks[i].len, h->when,
				     &h->date_start, &h->date_end))
			h->date_block = (long)i;
	for (t = 0; t < sizeof(types) / sizeof(types[0]) && !h->type; t++)
		for (i = 0; i < look && !h->type; i++)
			if (has_word(m->blocks[i].text, m->blocks[i].len, types[t]))
				h->type = types[t];
}
