/* search_live.h: search as you type, a pattern after each key.
 *
 * Each key starts a new pattern into the same search_result, whose memory
 * is kept from key to key (search_result_reset), and the search runs in
 * slices (search_live_step, with a time budget and a cancel callback) so
 * that the interface can draw and read the next key between them.
 *
 * When the new pattern provably finds hits only where the previous one
 * did (search_live_narrows: a longer literal), only the documents with a
 * hit of the previous pattern are searched, and those it had not reached
 * yet when the new key came; when every hit of the previous pattern is
 * known, only the places they start at (SEARCH_AT_HITS).  The hits are
 * the same as a full search's.
 *
 * The unit tests drive it as the interface does. */
#ifndef WB_SEARCH_LIVE_H
#define WB_SEARCH_LIVE_H

#include <stddef.h>
#include <stdint.h>

#include "search.h"

struct corpus;

enum search_narrowing {
	SEARCH_EVERYWHERE,              /* the whole corpus */
	SEARCH_IN_DOCS,                 /* the documents in docs[] */
	SEARCH_AT_HITS                  /* only where the last pattern's hits
					 * start (at[]): it was searched to
					 * the end, every hit kept, with no
					 * folding, and its matches cannot
					 * overlap (no prefix of it is also
					 * its suffix, case ignored); and
					 * there are few enough of them that
					 * trying each costs less than a scan
					 * (SEARCH_AT_BYTES) */
};

/* Trying a literal at one place costs about what scanning this many bytes
 * of text does (70 ns against 0.3 ns a byte, measured on the 100 MB test
 * corpus); up to SEARCH_AT_FEW places are always tried. */
#define SEARCH_AT_BYTES 256
#define SEARCH_AT_FEW 4096

struct search_live {
	char *text;                     /* the pattern started last (owned),
					 * NULL: none to narrow from */
	size_t len;
	unsigned flags;                 /* enum search_flag it was compiled with */
	const struct search_pattern *pattern;   /* borrowed from the caller */
	int narrowed;                   /* enum search_narrowing */
	int done;                       /* a step said SEARCH_DONE */
	uint32_t *docs, *spare;         /* the documents to search, ascending */
	size_t ndocs, docs_cap, spare_cap;
	struct search_hit *at;          /* the places to try, in corpus order */
	size_t nat, at_cap, at_next;
	const struct corpus *corpus;    /* borrowed */
	size_t corpus_ndocs, text_bytes;
	double seconds;                 /* spent searching this pattern */
};

#define SEARCH_LIVE_INIT { NULL, 0, 0, NULL, 0, 0, NULL, NULL, 0, 0, 0, NULL, 0, 0, 0, NULL, 0, 0, 0 }

/* Whether every document with a hit of text[0..len) has a hit of
 * old[0..oldlen), both searched with flags: old is a non-empty prefix of
 * text and text is a plain literal (query_is_plain, no character PCRE2
 * reads as syntax, no control character), and with SEARCH_FOLD it is
 * ASCII, which folding leaves alone.  Smart case is sound either way: a
 * longer pattern that turns case-sensitive finds a subset of what its
 * caseless prefix found. */
int search_live_narrows(const char *old, size_t oldlen, const char *text, size_t len,
			unsigned flags);

/* Starts searching text[0..len) compiled as p (borrowed until the next
 * start or search_live_forget) with flags, over corpus c (borrowed), into
 * out.  out must hold what the previous start and its
 * steps left there (possibly stopped half-way): when the new pattern
 * narrows the old one, its documents are taken from out before out is
 * reset (keeping its memory). */
void search_live_start(struct search_live *lv, const char *text, size_t len, unsigned flags,
		       const struct search_pattern *p, const struct corpus *c,
		       struct search_result *out);

/* Searches on from where out stopped, within lim (search_run's limits),
 * and adds the time to lv->seconds.  SEARCH_DONE when the pattern has
 * been searched everywhere; PARTIAL or CANCELLED: call again to go on. */
enum search_status search_live_step(struct search_live *lv, struct search_context *sc,
				    const struct search_limits *lim, struct search_result *out);

/* Whether text[0..len) with flags is the pattern started last. */
int search_live_same(const struct search_live *lv, const char *text, size_t len,
		     unsigned flags);

/* Nothing to narrow from any more (out was cleared or used for something
 * else, such as a query).  Keeps lv's memory. */
void search_live_forget(struct search_live *lv);

/* Releases lv's memory; search_live_free(NULL) is a no-op. */
void search_live_free(struct search_live *lv);

#endif
