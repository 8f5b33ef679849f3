/* kwic.c: the concordance: hits as keyword in context, sorted by their
 * context, and placed as line and column.
 *
 * The results pane shows each hit between the words before and after it;
 * the batch interface prints a hit's line and column.  Both read the hit's
 * block and nothing else, so none of this needs PCRE2 or the search's
 * state: a hit is data (search.h), and these are views of it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "fold.h"
#include "kwic.h"
#include "search.h"
#include "text.h"

/* ---- keyword in context -------------------------------------------- */

/* The start of the code point that ends at s[i] (i > 0). */
static size_t prev_cp(const char *s, size_t i)
{
	return text_char_start(s, i - 1);
}

/* Sanitises s[0..len) and cuts it to width columns, at the right with a
 * trailing "…" (cut_left == 0) or at the left with a leading one. */
static char *kwic_piece(const char *s, size_t len, size_t width, int cut_left,
			size_t *cols)
{
	struct buf clean = BUF_INIT, out = BUF_INIT;
	size_t w = 0, i, j, n, total;
	uint32_t cp;
	int cw;

	text_sanitize(&clean, s, len);
	total = text_width(clean.data ? clean.data : "", clean.len);
	if (total <= width) {
		*cols = total;
		return buf_steal(&clean);
	}
	if (width == 0) {
		*cols = 0;
		buf_free(&clean);
		return xstrdup("");
	}
	if (!cut_left) {
		i = 0;
		while (i < clean.len) {
			n = text_decode(clean.data + i, clean.len - i, &cp);
			cw = text_cp_width(cp);
			if (w + (size_t)cw > width - 1)
				break;
			w += (size_t)cw;
			i += n;
		}
		buf_add(&out, clean.data, i);
		buf_adds(&out, "…");
	} else {
		i = clean.len;
		while (i > 0) {
			j = prev_cp(clean.data, i);
			text_decode(clean.data + j, clean.len - j, &cp);
			cw = text_cp_width(cp);
			if (w + (size_t)cw > width - 1)
				break;
			w += (size_t)cw;
			i = j;
		}
		/* marks whose letter was cut off would sit on the "…" */
		while (i < clean.len) {
			n = text_decode(clean.data + i, clean.len - i, &cp);
			if (text_cp_width(cp) != 0)
				break;
			i += n;
		}
		buf_adds(&out, "…");
		buf_add(&out, clean.data + i, clean.len - i);
	}
	buf_free(&clean);
	*cols = w + 1;
	return buf_steal(&out);
}

void search_kwic(const struct corpus *c, const struct search_hit *h,
		 size_t left_width, size_t match_width, size_t right_width,
		 struct search_kwic *out)
{
	const struct block *bl = &corpus_doc(c, h->doc)->blocks[h->block];

	out->left = kwic_piece(bl->text, h->start, left_width, 1,
			       &out->left_cols);
	out->match = kwic_piece(bl->text + h->start, h->end - h->start,
				match_width, 0, &out->match_cols);
	out->right = kwic_piece(bl->text + h->end, bl->len - h->end,
				right_width, 0, &out->right_cols);
}

void search_kwic_free(struct search_kwic *k)
{
	if (!k)
		return;
	free(k->left);
	free(k->match);
	free(k->right);
	k->left = k->match = k->right = NULL;
}

/* ---- sorting ------------------------------------------------------- */

/* Context words compared, nearest first; later ones rarely decide. */
#define KEY_WORDS 8

/* A hit's sort keys, made once: offsets into the arena.  prim is the
 * Nth word (with its '\1'), ctx the words on its side, mkey the match. */
struct sort_item {
	size_t idx;
	const struct search_hit *hit;
	size_t prim, primlen, ctx, ctxlen, mkey, mkeylen;
	const char *arena;
};

static const char *const order_names[SEARCH_ORDERS] = {
	"doc", "match", "left1", "left2", "left3", "right1", "right2", "right3"
};

const char *search_order_name(enum search_order order)
{
	return order < SEARCH_ORDERS ? order_names[order] : "?";
}

int search_order_parse(const char *name, enum search_order *order)
{
	size_t i;

	for (i = 0; i < SEARCH_ORDERS; i++)
		if (strcmp(name, order_names[i]) == 0) {
			*order = (enum search_order)i;
			return 1;
		}
	return 0;
}

/* Letters, digits and marks make words; ASCII punctuation, Latin-1
 * symbols, general punctuation (quotes, dashes, …) separate them. */
int search_is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return 0;
	if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F))
		return 0;
	return !text_is_unsafe(cp);
}

/* Appends the sort form of s[0..len): the fold of fold.h, accents and
 * case ignored. */
static void key_add(struct buf *b, const char *s, size_t len)
{
	fold_append(b, s, len, FOLD_CASE);
}

/* Appends the words of s[0..len) around position at, nearest first:
 * leftwards (words before at) or rightwards, each followed by '\1' so
 * a shorter word sorts before a longer one it begins. */
static void context_key(struct buf *b, const char *s, size_t len, size_t at,
			int leftwards)
{
	size_t i = at, ws, we, j, words;
	uint32_t cp;

	for (words = 0; words < KEY_WORDS; words++) {
		if (leftwards) {
			while (i > 0) {
				j = prev_cp(s, i);
				text_decode(s + j, len - j, &cp);
				if (search_is_word_cp(cp))
					break;
				i = j;
			}
			we = i;
			while (i > 0) {
				j = prev_cp(s, i);
				text_decode(s + j, len - j, &cp);
				if (!search_is_word_cp(cp))
					break;
				i = j;
			}
			ws = i;
		} else {
			while (i < len) {
				j = text_decode(s + i, len - i, &cp);
				if (search_is_word_cp(cp))
					break;
				i += j;
			}
			ws = i;
			while (i < len) {
				j = text_decode(s + i, len - i, &cp);
				if (!search_is_word_cp(cp))
					break;
				i += j;
			}
			we = i;
		}
		if (ws == we)
			break;
		key_add(b, s + ws, we - ws);
		buf_addc(b, '\1');
	}
}

static int cmp_doc_order(const struct search_hit *a, const struct search_hit *b)
{
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->block != b->block)
		return a->block < b->block ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return 0;
}

int search_hit_cmp(const void *pa, const void *pb)
{
	return cmp_doc_order(pa, pb);
}

static int cmp_keys(const char *a, size_t alen, const char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);

	if (r)
		return r;
	return alen < blen ? -1 : alen > blen;
}

static int cmp_items(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;
	int r;

	r = cmp_keys(a->arena + a->prim, a->primlen, b->arena + b->prim, b->primlen);
	if (!r)
		r = cmp_keys(a->arena + a->ctx, a->ctxlen, b->arena + b->ctx, b->ctxlen);
	if (!r)
		r = cmp_keys(a->arena + a->mkey, a->mkeylen,
			     b->arena + b->mkey, b->mkeylen);
	if (!r)
		r = a->idx < b->idx ? -1 : a->idx > b->idx;
	return r;
}

static int cmp_items_doc(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;
	int r = cmp_doc_order(a->hit, b->hit);

	return r ? r : (a->idx < b->idx ? -1 : a->idx > b->idx);
}

/* Appends word nth (from 1) of the words key (each ending in '\1'), or
 * nothing when there are fewer. */
static void nth_word(struct buf *b, size_t from, size_t nth)
{
	size_t i = from, end;

	while (--nth > 0) {
		while (i < b->len && b->data[i] != '\1')
			i++;
		if (i == b->len)
			return;
		i++;
	}
	for (end = i; end < b->len && b->data[end] != '\1'; end++)
		;
	if (end < b->len) {
		/* grown first: the copy comes from b itself */
		buf_grow(b, end + 1 - i);
		buf_add(b, b->data + i, end + 1 - i);
	}
}

/* Makes the hit's keys for order in the arena. */
static void item_keys(const struct corpus *c, struct sort_item *it, enum search_order order,
		      struct buf *arena)
{
	const struct search_hit *h = it->hit;
	const struct block *bl = &corpus_doc(c, h->doc)->blocks[h->block];
	int left = order >= SEARCH_ORDER_LEFT1 && order <= SEARCH_ORDER_LEFT3;
	int right = order >= SEARCH_ORDER_RIGHT1 && order <= SEARCH_ORDER_RIGHT3;

	it->ctx = arena->len;
	if (left)
		context_key(arena, bl->text, bl->len, h->start, 1);
	else if (right)
		context_key(arena, bl->text, bl->len, h->end, 0);
	it->ctxlen = arena->len - it->ctx;
	it->prim = arena->len;
	if (left || right)
		nth_word(arena, it->ctx, (size_t)(order - (left ? SEARCH_ORDER_LEFT1
							 : SEARCH_ORDER_RIGHT1)) + 1);
	it->primlen = arena->len - it->prim;
	it->mkey = arena->len;
	key_add(arena, bl->text + h->start, h->end - h->start);
	it->mkeylen = arena->len - it->mkey;
}

void search_sort_index(const struct corpus *c, const struct search_hit *hits,
		       size_t *idx, size_t n, enum search_order order)
{
	struct sort_item *items;
	struct buf arena = BUF_INIT;
	size_t i;

	if (n < 2)
		return;
	items = xcalloc(n, sizeof *items);
	for (i = 0; i < n; i++) {
		items[i].idx = i;
		items[i].hit = &hits[idx[i]];
		if (order != SEARCH_ORDER_DOC)
			item_keys(c, &items[i], order, &arena);
	}
	for (i = 0; i < n; i++)
		items[i].arena = arena.data ? arena.data : "";
	/* the place in idx breaks the last tie: qsort made stable */
	qsort(items, n, sizeof *items, order == SEARCH_ORDER_DOC ? cmp_items_doc : cmp_items);
	for (i = 0; i < n; i++)
		items[i].idx = (size_t)(items[i].hit - hits);
	for (i = 0; i < n; i++)
		idx[i] = items[i].idx;
	free(items);
	buf_free(&arena);
}

void search_sort(const struct corpus *c, struct search_hit *hits, size_t n,
		 enum search_order order)
{
	size_t *idx, i;
	struct search_hit *copy;

	if (n < 2)
		return;
	idx = xmalloc(n * sizeof *idx);
	for (i = 0; i < n; i++)
		idx[i] = i;
	search_sort_index(c, hits, idx, n, order);
	copy = xmalloc(n * sizeof *copy);
	for (i = 0; i < n; i++)
		copy[i] = hits[idx[i]];
	memcpy(hits, copy, n * sizeof *copy);
	free(copy);
	free(idx);
}

/* ---- counting ------------------------------------------------------ */

struct count_item {
	size_t idx;
	const char *text;       /* the match, in the corpus */
	size_t len;
	size_t fkey, fkeylen;   /* its fold, in the arena (groups only) */
	const char *arena;
	size_t count, run;      /* the group's place before sorting */
};

static int cmp_forms(const void *pa, const void *pb)
{
	const struct count_item *a = pa, *b = pb;
	int r = cmp_keys(a->text, a->len, b->text, b->len);

	return r ? r : (a->idx < b->idx ? -1 : a->idx > b->idx);
}

static int cmp_groups(const void *pa, const void *pb)
{
	const struct count_item *a = pa, *b = pb;
	int r;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	r = cmp_keys(a->arena + a->fkey, a->fkeylen, b->arena + b->fkey, b->fkeylen);
	return r ? r : cmp_keys(a->text, a->len, b->text, b->len);
}

struct search_group *search_count(const struct corpus *c, const struct search_hit *hits,
				  size_t n, size_t *ngroups, size_t *group_of)
{
	struct count_item *items;
	struct search_group *groups = NULL;
	struct buf arena = BUF_INIT;
	size_t i, g = 0, *place;

	*ngroups = 0;
	if (n == 0)
		return NULL;
	items = xcalloc(n, sizeof *items);
	for (i = 0; i < n; i++) {
		const struct block *bl = &corpus_doc(c, hits[i].doc)->blocks[hits[i].block];

		items[i].idx = i;
		items[i].text = bl->text + hits[i].start;
		items[i].len = hits[i].end - hits[i].start;
	}
	qsort(items, n, sizeof *items, cmp_forms);
	/* the first of each run of one form stands for its group */
	for (i = 0; i < n; i++) {
		if (g > 0 && cmp_keys(items[g - 1].text, items[g - 1].len,
				      items[i].text, items[i].len) == 0) {
			items[g - 1].count++;
			if (group_of)
				group_of[items[i].idx] = g - 1;
			continue;
		}
		if (group_of)
			group_of[items[i].idx] = g;
		items[g] = items[i];
		items[g].count = 1;
		items[g].run = g;
		items[g].fkey = arena.len;
		key_add(&arena, items[g].text, items[g].len);
		items[g].fkeylen = arena.len - items[g].fkey;
		g++;
	}
	for (i = 0; i < g; i++)
		items[i].arena = arena.data ? arena.data : "";
	qsort(items, g, sizeof *items, cmp_groups);
	groups = xmalloc(g * sizeof *groups);
	place = xmalloc(g * sizeof *place);
	for (i = 0; i < g; i++) {
		groups[i].first = items[i].idx;
		groups[i].count = items[i].count;
		place[items[i].run] = i;
	}
	for (i = 0; group_of && i < n; i++)
		group_of[i] = place[group_of[i]];
	free(place);
	*ngroups = g;
	free(items);
	buf_free(&arena);
	return groups;
}

/* ---- positions ----------------------------------------------------- */

void search_hit_position(const struct corpus *c, const struct search_hit *h,
			 size_t *line, size_t *column)
{
	const struct block *bl = &corpus_doc(c, h->doc)->blocks[h->block];

	*line = h->block + 1;
	*column = text_chars(bl->text, h->start < bl->len ? h->start : bl->len) + 1;
}
