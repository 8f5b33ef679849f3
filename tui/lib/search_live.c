/* search_live.c: search as you type (search_live.h): which documents a
 * longer literal needs to search, and the search run in slices.
 *
 * Narrowing is decided on the text alone, conservatively: a literal that
 * extends a literal finds its hits where the shorter one matched at the
 * same start, so in the documents that had a hit of it.  Anything PCRE2
 * may read as syntax (a class, a repeat, an escape, an option) or the
 * query language (query.h) searches the whole corpus again. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "corpus.h"
#include "query.h"
#include "search_live.h"

/* Bytes PCRE2 reads as syntax outside a class (docs/search.md); '{' and
 * '}' are literal unless they make a repeat, but are counted as syntax. */
static const char syntax[] = "\\^$.[]|()?*+{}";

static int literal(const char *s, size_t len, int ascii)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 || ch == 0x7F || (ascii && ch >= 0x80) || strchr(syntax, ch))
			return 0;
	}
	return 1;
}

int search_live_narrows(const char *old, size_t oldlen, const char *text, size_t len,
			unsigned flags)
{
	if (!oldlen || len < oldlen || memcmp(old, text, oldlen) != 0)
		return 0;
	return literal(text, len, (flags & SEARCH_FOLD) != 0) && query_is_plain(old, oldlen) &&
	       query_is_plain(text, len);
}

static void push(uint32_t **a, size_t *n, size_t *cap, uint32_t d)
{
	if (*n == *cap)
		*a = xgrow(*a, cap, *n + 1, sizeof **a);
	(*a)[(*n)++] = d;
}

/* The documents the next pattern needs: those with a hit of the last one
 * that it searched, and those it had still to search. */
static void narrow_docs(struct search_live *lv, const struct search_result *out)
{
	size_t i, n = 0, rest = lv->done ? (size_t)-1 : out->next_doc;

	for (i = 0; i < out->ndocs && out->docs[i] < rest; i++)
		push(&lv->spare, &n, &lv->spare_cap, out->docs[i]);
	if (rest != (size_t)-1) {
		if (lv->narrowed == SEARCH_AT_HITS) {
			for (i = lv->at_next; i < lv->nat; i++)
				if (!n || lv->spare[n - 1] != lv->at[i].doc)
					push(&lv->spare, &n, &lv->spare_cap, lv->at[i].doc);
		} else if (lv->narrowed == SEARCH_IN_DOCS) {
			for (i = 0; i < lv->ndocs; i++)
				if (lv->docs[i] >= rest)
					push(&lv->spare, &n, &lv->spare_cap, lv->docs[i]);
		} else {
			for (i = rest; i < lv->corpus_ndocs; i++)
				push(&lv->spare, &n, &lv->spare_cap, (uint32_t)i);
		}
	}
	/* the new list is docs[], the old one's memory the spare */
	{
		uint32_t *t = lv->docs;
		size_t c = lv->docs_cap;

		lv->docs = lv->spare;
		lv->docs_cap = lv->spare_cap;
		lv->spare = t;
		lv->spare_cap = c;
	}
	lv->ndocs = n;
	lv->narrowed = SEARCH_IN_DOCS;
}

static char lower_ascii(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether two matches of the literal s[0..len) can overlap: a proper
 * prefix of it is also its suffix, ASCII case ignored (the pattern may
 * have been caseless).  Anything not ASCII is taken to be able to. */
static int can_overlap(const char *s, size_t len)
{
	size_t k, i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	for (k = 1; k < len; k++) {
		for (i = 0; i < k && lower_ascii(s[i]) == lower_ascii(s[len - k + i]); i++)
			;
		if (i == k)
			return 1;
	}
	return 0;
}

/* Every hit of the last pattern known, none overlapping: the places to
 * try the next one. */
static int narrow_at(struct search_live *lv, const struct search_result *out, unsigned flags)
{
	if (!lv->done || (flags & SEARCH_FOLD) || out->nhits != out->total ||
	    can_overlap(lv->text, lv->len) ||
	    (out->nhits > SEARCH_AT_FEW && out->nhits > lv->text_bytes / SEARCH_AT_BYTES))
		return 0;
	if (out->nhits > lv->at_cap)
		lv->at = xgrow(lv->at, &lv->at_cap, out->nhits, sizeof *lv->at);
	if (out->nhits)
		memcpy(lv->at, out->hits, out->nhits * sizeof *lv->at);
	lv->nat = out->nhits;
	lv->at_next = 0;
	lv->narrowed = SEARCH_AT_HITS;
	return 1;
}

/* The corpus's text in bytes, counted once per corpus. */
static void measure(struct search_live *lv, const struct corpus *c)
{
	size_t d;

	if (lv->corpus == c && lv->corpus_ndocs == corpus_ndocs(c))
		return;
	lv->corpus = c;
	lv->corpus_ndocs = corpus_ndocs(c);
	lv->text_bytes = 0;
	for (d = 0; d < lv->corpus_ndocs; d++)
		lv->text_bytes += corpus_doc(c, d)->text_len;
}

void search_live_start(struct search_live *lv, const char *text, size_t len, unsigned flags,
		       const struct search_pattern *p, const struct corpus *c,
		       struct search_result *out)
{
	int narrow = lv->text && lv->flags == flags && lv->corpus == c &&
		     lv->corpus_ndocs == corpus_ndocs(c) && out->status != SEARCH_TOO_COMPLEX &&
		     search_live_narrows(lv->text, lv->len, text, len, flags);

	measure(lv, c);
	if (!narrow)
		lv->narrowed = SEARCH_EVERYWHERE;
	else if (!narrow_at(lv, out, flags))
		narrow_docs(lv, out);
	search_result_reset(out);
	free(lv->text);
	lv->text = xmalloc(len + 1);
	memcpy(lv->text, text, len);
	lv->text[len] = '\0';
	lv->len = len;
	lv->flags = flags;
	lv->pattern = p;
	lv->done = 0;
	lv->seconds = 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum search_status search_live_step(struct search_live *lv, struct search_context *sc,
				    const struct search_limits *lim, struct search_result *out)
{
	double t = now();
	enum search_status st;

	if (lv->narrowed == SEARCH_AT_HITS) {
		lv->at_next = search_run_at(sc, lv->pattern, lv->at, lv->nat, lv->at_next, lim,
					    out);
		st = out->status;
	} else if (lv->narrowed == SEARCH_IN_DOCS)
		st = search_run_docs(sc, lv->pattern, lv->docs, lv->ndocs, out->next_doc, lim,
				     out);
	else
		st = search_run(sc, lv->pattern, out->next_doc, lv->corpus_ndocs, lim, out);
	lv->seconds += now() - t;
	lv->done = st == SEARCH_DONE;
	return st;
}

int search_live_same(const struct search_live *lv, const char *text, size_t len,
		     unsigned flags)
{
	return lv->text && lv->len == len && lv->flags == flags && !memcmp(lv->text, text, len);
}

void search_live_forget(struct search_live *lv)
{
	free(lv->text);
	lv->text = NULL;
	lv->len = 0;
	lv->pattern = NULL;
	lv->narrowed = SEARCH_EVERYWHERE;
	lv->done = 0;
}

void search_live_free(struct search_live *lv)
{
	if (!lv)
		return;
	search_live_forget(lv);
	free(lv->docs);
	free(lv->spare);
	free(lv->at);
	lv->docs = lv->spare = NULL;
	lv->at = NULL;
	lv->ndocs = lv->docs_cap = lv->spare_cap = 0;
	lv->nat = lv->at_cap = lv->at_next = 0;
}
