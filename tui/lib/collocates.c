/* collocates.c: the words over-represented near the hits, by Dunning's
 * log-likelihood (collocates.h).
 *
 * Two passes: every word of the corpus is folded and counted in a
 * vocabulary (idtab, the words owned by an array beside it); then the
 * blocks that have hits are split into words again, the windows marked,
 * and the marked words counted near. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "collocates.h"
#include "corpus.h"
#include "fold.h"
#include "idtab.h"
#include "kwic.h"
#include "search.h"
#include "text.h"

struct span_ {
	size_t start, end;
};

/* The words of a block: their byte ranges, in order. */
struct words {
	struct span_ *w;
	size_t n, cap;
};

/* The vocabulary: folded word to index, and the counts of each. */
struct vocab {
	struct idtab tab;
	char **word;
	size_t *total, *near;
	size_t n, cap;
	struct buf key;         /* the fold of the word in hand */
};

static void split_words(const char *s, size_t len, struct words *out)
{
	size_t i = 0, start = 0;
	int in = 0;

	out->n = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = text_decode(s + i, len - i, &cp);
		int w = search_is_word_cp(cp);

		if (w && !in)
			start = i;
		else if (!w && in) {
			out->w = xgrow(out->w, &out->cap, out->n + 1, sizeof(*out->w));
			out->w[out->n].start = start;
			out->w[out->n++].end = i;
		}
		in = w;
		i += k;
	}
	if (in) {
		out->w = xgrow(out->w, &out->cap, out->n + 1, sizeof(*out->w));
		out->w[out->n].start = start;
		out->w[out->n++].end = len;
	}
}

/* The index of the fold of s[0..len) in v; a new word when add, else
 * IDTAB_NONE for one it does not have. */
static size_t vocab_index(struct vocab *v, const char *s, size_t len, int add)
{
	size_t i;

	buf_reset(&v->key);
	fold_append(&v->key, s, len, FOLD_CASE);
	buf_addc(&v->key, '\0');
	i = idtab_get(&v->tab, v->key.data);
	if (i != IDTAB_NONE || !add)
		return i;
	if (v->n == v->cap) {
		size_t cap = v->cap;

		v->word = xgrow(v->word, &cap, v->n + 1, sizeof(*v->word));
		v->total = xrealloc(v->total, cap * sizeof(*v->total));
		v->near = xrealloc(v->near, cap * sizeof(*v->near));
		v->cap = cap;
	}
	v->word[v->n] = xstrdup(v->key.data);
	v->total[v->n] = 0;
	v->near[v->n] = 0;
	idtab_put(&v->tab, v->word[v->n], v->n);
	return v->n++;
}

/* Pass one: every word of the corpus; returns N. */
static size_t count_corpus(const struct corpus *c, struct vocab *v, struct words *ws)
{
	size_t d, b, i, n = 0;

	for (d = 0; d < corpus_ndocs(c); d++) {
		const struct doc *doc = corpus_doc(c, d);

		for (b = 0; b < doc->nblocks; b++) {
			const struct block *bl = &doc->blocks[b];

			split_words(bl->text, bl->len, ws);
			for (i = 0; i < ws->n; i++) {
				/* apart: vocab_index may move v->total */
				size_t k = vocab_index(v, bl->text + ws->w[i].start,
						       ws->w[i].end - ws->w[i].start, 1);

				v->total[k]++;
			}
			n += ws->n;
		}
	}
	return n;
}

/* Marks the window of hit h among the words ws of its block. */
static void mark_window(const struct words *ws, const struct search_hit *h, char *mark)
{
	size_t i, first_after = ws->n, last_before = 0, k;

	for (i = 0; i < ws->n && ws->w[i].end <= h->start; i++)
		last_before = i + 1;            /* words [0, last_before) end before it */
	for (; i < ws->n; i++)
		if (ws->w[i].start >= h->end) {
			first_after = i;
			break;
		}
	for (k = 0; k < COLLOCATES_SPAN && k < last_before; k++)
		mark[last_before - 1 - k] = 1;
	for (k = 0; k < COLLOCATES_SPAN && first_after + k < ws->n; k++)
		mark[first_after + k] = 1;
}

/* Pass two: the words in the windows of the hits of one block,
 * hits[0..n); returns how many. */
static size_t count_block(const struct block *bl, const struct search_hit *hits, size_t n,
			  struct vocab *v, struct words *ws)
{
	size_t i, w = 0;
	char *mark;

	split_words(bl->text, bl->len, ws);
	mark = xcalloc(ws->n + 1, 1);
	for (i = 0; i < n; i++)
		mark_window(ws, &hits[i], mark);
	for (i = 0; i < ws->n; i++) {
		size_t k;

		if (!mark[i])
			continue;
		k = vocab_index(v, bl->text + ws->w[i].start, ws->w[i].end - ws->w[i].start, 0);
		if (k != IDTAB_NONE) {
			v->near[k]++;
			w++;
		}
	}
	free(mark);
	return w;
}

static double xlnx(double o, double e)
{
	return o > 0 ? o * log(o / e) : 0.0;
}

double collocates_ll(double a, double W, double f, double N)
{
	double b = W - a, cc = f - a, d = N - W - cc;

	if (N <= 0 || W <= 0 || f <= 0 || W >= N || f >= N)
		return 0.0;
	return 2.0 * (xlnx(a, W * f / N) + xlnx(b, W * (N - f) / N) +
		      xlnx(cc, (N - W) * f / N) + xlnx(d, (N - W) * (N - f) / N));
}

static int cmp_collocates(const void *pa, const void *pb)
{
	const struct collocate *a = pa, *b = pb;

	if (a->ll != b->ll)
		return a->ll > b->ll ? -1 : 1;
	if (a->near != b->near)
		return a->near > b->near ? -1 : 1;
	return strcmp(a->word, b->word);
}

/* The over-represented words of v into out, sorted. */
static void pick(struct vocab *v, struct collocates *out)
{
	double W = (double)out->window_words, N = (double)out->corpus_words;
	size_t i, cap = 0;

	for (i = 0; i < v->n; i++) {
		struct collocate *it;

		if (v->near[i] < COLLOCATES_MIN || (double)v->near[i] * N <= W * (double)v->total[i])
			continue;
		out->items = xgrow(out->items, &cap, out->n + 1, sizeof(*out->items));
		it = &out->items[out->n++];
		it->word = v->word[i];
		v->word[i] = NULL;
		it->near = v->near[i];
		it->total = v->total[i];
		it->ll = collocates_ll((double)it->near, W, (double)it->total, N);
	}
	if (out->n)
		qsort(out->items, out->n, sizeof(*out->items), cmp_collocates);
}

void collocates_compute(const struct corpus *c, const struct search_hit *hits, size_t n,
			struct collocates *out)
{
	struct vocab v = { IDTAB_INIT, NULL, NULL, NULL, 0, 0, BUF_INIT };
	struct words ws = { NULL, 0, 0 };
	struct search_hit *sorted = NULL;
	size_t i, j;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return;
	out->corpus_words = count_corpus(c, &v, &ws);
	sorted = xmalloc(n * sizeof(*sorted));
	memcpy(sorted, hits, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), search_hit_cmp);
	for (i = 0; i < n; i = j) {
		const struct block *bl = &corpus_doc(c, sorted[i].doc)->blocks[sorted[i].block];

		for (j = i + 1; j < n && sorted[j].doc == sorted[i].doc &&
		     sorted[j].block == sorted[i].block; j++)
			;
		out->window_words += count_block(bl, sorted + i, j - i, &v, &ws);
	}
	pick(&v, out);
	for (i = 0; i < v.n; i++)
		free(v.word[i]);
	free(v.word);
	free(v.total);
	free(v.near);
	idtab_free(&v.tab);
	buf_free(&v.key);
	free(ws.w);
	free(sorted);
}

void collocates_free(struct collocates *out)
{
	size_t i;

	for (i = 0; i < out->n; i++)
		free(out->items[i].word);
	free(out->items);
	memset(out, 0, sizeof(*out));
}
