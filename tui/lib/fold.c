/* fold.c: the accent and case fold, and folded text mapped back.
 *
 * The table of what each code point folds to is generated (fold_gen.py
 * writes fold_table.h from Python's unicodedata), so the rule is stated
 * once, in the generator, and the tests' oracle restates it.  Lookups
 * are a binary search over about 1,200 entries, and only for non-ASCII
 * code points in the table's span; most text never gets that far. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "text.h"

struct fold_entry {
	uint32_t cp;
	signed char flen, llen;         /* -1: unchanged in that form */
	char f[5], l[5];                /* accent-blind; and case-blind */
};

#include "fold_table.h"

static const char ascii_lower[] = "abcdefghijklmnopqrstuvwxyz";

static const struct fold_entry *lookup(uint32_t cp)
{
	size_t lo = 0, hi = sizeof fold_table / sizeof fold_table[0], mid;

	if (cp < FOLD_FIRST || cp > FOLD_LAST)
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (fold_table[mid].cp == cp)
			return &fold_table[mid];
		if (fold_table[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int fold_cp(uint32_t cp, unsigned flags, const char **out)
{
	const struct fold_entry *e;

	if (cp < 0x80) {
		if (!(flags & FOLD_CASE) || cp < 'A' || cp > 'Z')
			return -1;
		*out = &ascii_lower[cp - 'A'];
		return 1;
	}
	e = lookup(cp);
	if (!e)
		return -1;
	if (flags & FOLD_CASE) {
		*out = e->l;
		return e->llen;
	}
	*out = e->f;
	return e->flen;
}

void fold_append(struct buf *b, const char *s, size_t len, unsigned flags)
{
	size_t i = 0, n;
	const char *f;
	uint32_t cp;
	int k;

	buf_grow(b, len);
	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		k = fold_cp(cp, flags, &f);
		if (k >= 0)
			buf_add(b, f, (size_t)k);
		else if (cp == 0xFFFD && n == 1)
			text_encode(b, 0xFFFD);
		else
			buf_add(b, s + i, n);
		i += n;
	}
}

static void add_point(struct fold_text *ft, size_t *cap, size_t folded,
		      size_t orig, size_t olen, int flen)
{
	struct fold_point *p;

	ft->points = xgrow(ft->points, cap, ft->npoints + 1, sizeof *ft->points);
	p = &ft->points[ft->npoints++];
	p->folded = folded;
	p->orig = orig;
	p->olen = (unsigned char)olen;
	p->flen = (unsigned char)flen;
}

void fold_text_build(struct fold_text *ft, const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i = 0, copied = 0, n, cap = 0;
	const char *f;
	uint32_t cp;
	int k;

	ft->len = len;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		k = fold_cp(cp, 0, &f);
		if (k < 0) {
			i += n;
			continue;
		}
		buf_add(&b, s + copied, i - copied);
		add_point(ft, &cap, b.len, i, n, k);
		buf_add(&b, f, (size_t)k);
		i += n;
		copied = i;
	}
	if (!ft->npoints)
		return;
	buf_add(&b, s + copied, len - copied);
	buf_zero_slack(&b, 16);         /* JIT reads past the end */
	ft->len = b.len;
	ft->text = buf_steal(&b);
}

/* The number of points before the first one "after" offset f: for a
 * start, a point is after f when it begins past f; for an end, also when
 * it begins at f with something in it (the character comes after the
 * end; a dropped mark at f still belongs before it). */
static size_t points_before(const struct fold_text *ft, size_t f, int end)
{
	size_t lo = 0, hi = ft->npoints, mid;
	const struct fold_point *p;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		p = &ft->points[mid];
		if (p->folded > f || (end && p->folded == f && p->flen > 0))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

size_t fold_text_start(const struct fold_text *ft, size_t f)
{
	const struct fold_point *p;
	size_t k;

	if (!ft->text || !(k = points_before(ft, f, 0)))
		return f;
	p = &ft->points[k - 1];
	if (f < p->folded + p->flen)
		return p->orig;
	return p->orig + p->olen + (f - p->folded - p->flen);
}

size_t fold_text_end(const struct fold_text *ft, size_t g)
{
	const struct fold_point *p;
	size_t k;

	if (!ft->text || !(k = points_before(ft, g, 1)))
		return g;
	p = &ft->points[k - 1];
	if (g < p->folded + p->flen)
		return p->orig + p->olen;
	return p->orig + p->olen + (g - p->folded - p->flen);
}

void fold_text_free(struct fold_text *ft)
{
	if (!ft)
		return;
	free(ft->text);
	free(ft->points);
	memset(ft, 0, sizeof *ft);
}
