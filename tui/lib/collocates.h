/* collocates.h: the words most over-represented near a set of hits.
 *
 * The words of the corpus are runs of letters, digits and marks (as the
 * concordance's sort has them: search_is_word_cp in kwic.h), counted
 * folded (fold.h, FOLD_CASE: no accents, no case).  The window of a hit
 * is the COLLOCATES_SPAN words before it and the COLLOCATES_SPAN words
 * after it in its block (a block is a line of --show --width=0); a word
 * that overlaps the hit is in neither.  Every word in the window of some
 * hit counts once, however many windows it is in.
 *
 * For each word w, with a its count in the windows, W the number of
 * words in the windows, f its count in the corpus and N the number of
 * words in the corpus, the 2x2 table near / elsewhere by w / not w
 *
 *      a         W - a
 *      f - a     N - W - (f - a)
 *
 * gives Dunning's log-likelihood G2 = 2 sum O ln(O / E), E the product of
 * the margins over N, 0 ln 0 = 0.  A word is a collocate when a >= 2 and
 * a exceeds its expected count W f / N.  They come by G2, highest first,
 * then by a, then by the folded word as bytes. */
#ifndef WB_COLLOCATES_H
#define WB_COLLOCATES_H

#include <stddef.h>

struct corpus;
struct search_hit;

#define COLLOCATES_SPAN 5       /* words each side of a hit */
#define COLLOCATES_MIN 2        /* fewer near the hits is no evidence */

struct collocate {
	char *word;             /* folded; owned by the list */
	size_t near;            /* a: in the windows */
	size_t total;           /* f: in the corpus */
	double ll;              /* G2 */
};

struct collocates {
	struct collocate *items;
	size_t n;
	size_t window_words;    /* W */
	size_t corpus_words;    /* N */
};

#define COLLOCATES_INIT { NULL, 0, 0, 0 }

/* The collocates of hits[0..n) (any order) in c, into out (which starts
 * empty).  O(corpus words) time for the counts of the corpus. */
void collocates_compute(const struct corpus *c, const struct search_hit *hits, size_t n,
			struct collocates *out);
/* Releases what out owns; it is then empty. */
void collocates_free(struct collocates *out);

/* G2 of a word with counts a, f, in windows of W words of a corpus of N
 * (the formula above; for tests and the oracle's sake). */
double collocates_ll(double a, double W, double f, double N);

#endif
