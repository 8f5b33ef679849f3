/* search.h: regular-expression search over the corpus's documents.
 *
 * A pattern is compiled once (PCRE2, JIT) and run over the text of a
 * range of documents at a time, so the interface can search as the user
 * types and stay responsive: each run is bounded by PCRE2's match and heap
 * limits, by a time budget and by a cancel callback.  Hits are byte ranges
 * inside one block; a match never spans two blocks (see search_run).
 *
 * Patterns are PCRE2 syntax in UTF mode with Unicode properties: \w, \b
 * and case folding know about é and ë.  ^ and $ match at the start and end
 * of each block.  docs/search.md describes the dialect for users.
 *
 * Accent folding (SEARCH_FOLD) searches a copy of each document's text
 * folded as fold.h says (the fold the list filters and name sorting use);
 * the copy and its map back to the original text live in a
 * search_context, built the first time a document is searched with
 * folding and kept until search_context_free().  A hit in folded text
 * covers whole characters of the original.
 *
 * A pattern and a context are not safe to use from two threads at once. */
#ifndef WB_SEARCH_H
#define WB_SEARCH_H

#include <stddef.h>
#include <stdint.h>

struct corpus;
struct search_pattern;
struct search_context;

enum search_flag {
	SEARCH_CASELESS = 1,    /* always ignore case (-i) */
	SEARCH_SMARTCASE = 2,   /* ignore case unless the pattern has an
				 * upper-case letter that is a literal */
	SEARCH_FOLD = 4         /* ignore accents (fold.h): "een" finds
				 * "één", "aesop" finds "Æsop" */
};

enum search_status {
	SEARCH_DONE,            /* every document in the range was searched */
	SEARCH_PARTIAL,         /* the time budget ran out first */
	SEARCH_TOO_COMPLEX,     /* PCRE2 gave up (match, heap, depth or JIT
				 * stack limit): the search stops there */
	SEARCH_CANCELLED        /* the cancel callback said so */
};

/* doc is the index in corpus order, block the index in doc->blocks, and
 * [start, end) bytes into that block's text, start < end.  16 bytes: a
 * hit more than 4 GiB into one block is counted, not kept
 * (search_result_add). */
struct search_hit {
	uint32_t doc, block, start, end;
};

/* A growing list of hits in corpus order and where the last run stopped.
 * Start from SEARCH_RESULT_INIT; search_result_free() releases it.
 * search_result_reset() empties it for the next pattern and keeps its
 * memory: search as you type fills the same array key after key.
 *
 * total counts every hit found, nhits those kept: with keep > 0 at most
 * keep hits are kept (the first, in corpus order) and the rest only
 * counted, so a pattern such as "." on 100 MB costs 16 MB, not 3 GB.
 * nhits < total says the list is cut. */
struct search_result {
	struct search_hit *hits;
	size_t nhits, cap;
	size_t total;               /* hits found, kept or not */
	size_t keep;                /* hits kept at most; 0: all */
	enum search_status status;  /* of the last search_run() */
	size_t next_doc;            /* first document not completely searched */
	size_t next_off;            /* private: where in next_doc to resume */
	/* the documents with a hit found (kept or not), in corpus order,
	 * counted as the hits arrive: ndocs is "hits in N documents", and
	 * docs what a longer literal needs to search (search_live.h) */
	uint32_t *docs;
	size_t ndocs, docs_cap;
};

#define SEARCH_RESULT_INIT { NULL, 0, 0, 0, 0, SEARCH_DONE, 0, 0, NULL, 0, 0 }
/* The browser's keep (--max-hits): 1,000,000 hits, 16 MB. */
#define SEARCH_KEEP_DEFAULT 1000000

/* Counts the hit [start, end) of doc's block in r->total (and doc in
 * r->docs when it is new) and keeps it when r has room (keep) and it fits
 * in a search_hit; an empty range is no hit.  Hits come in corpus order
 * (doc never below the last one's).  Returns 1 when it was kept. */
int search_result_add(struct search_result *r, size_t doc, size_t block, size_t start,
		      size_t end);

/* What bounds one search_run().  seconds <= 0 means no time budget;
 * cancelled (may be NULL) is polled with ctx at every document and every
 * few hundred matches, and stops the run when it returns nonzero. */
struct search_limits {
	double seconds;
	int (*cancelled)(void *ctx);
	void *ctx;
};

/* Compiles pat[0..len) (need not be NUL-terminated; UTF-8) with flags
 * (enum search_flag, or-ed).  Returns NULL for an invalid pattern with a
 * message such as "missing closing parenthesis at offset 3" in *error
 * (caller frees); the offset is in bytes of pat.  An empty pattern is
 * valid and finds nothing. */
struct search_pattern *search_compile(const char *pat, size_t len,
				      unsigned flags, char **error);
/* search_pattern_free(NULL) is a no-op. */
void search_pattern_free(struct search_pattern *p);
/* Whether p ignores case: SEARCH_CASELESS, or smart case that found no
 * literal upper-case letter.  For the status line. */
int search_pattern_caseless(const struct search_pattern *p);

/* A context holds what searching c needs beyond the pattern (the folded
 * text).  c is borrowed and must outlive the context. */
struct search_context *search_context_new(const struct corpus *c);
/* search_context_free(NULL) is a no-op. */
void search_context_free(struct search_context *sc);

/* Searches documents [doc_from, doc_to) (clamped to the corpus) and
 * appends their hits to out in corpus order; lim may be NULL (no time
 * budget, no cancel).  Returns the status, also left in out->status.
 *
 * Empty matches are not hits (as in less): "x*" finds the runs of x.  A
 * match that runs over the end of a block (\s, [^x] and \n can match the
 * separator) is cut at that end, and the search goes on at the start of
 * the next block; a match that starts at the separator is dropped.
 *
 * When the run stops early (PARTIAL, CANCELLED), out keeps the hits found
 * so far and out->next_doc names the document it was in: calling again
 * with doc_from == out->next_doc and the same out resumes inside that
 * document, where it stopped.  Use a fresh or reset result for a new
 * pattern.  After SEARCH_TOO_COMPLEX, searching on is pointless. */
enum search_status search_run(struct search_context *sc,
			      const struct search_pattern *p,
			      size_t doc_from, size_t doc_to,
			      const struct search_limits *lim,
			      struct search_result *out);

/* search_run() over only the documents docs[0..n) (ascending corpus
 * indices) that are >= doc_from: a search narrowed to where a shorter
 * pattern had hits.  Resumes as search_run() does, when doc_from ==
 * out->next_doc; when it is done, out->next_doc is the corpus's number of
 * documents. */
enum search_status search_run_docs(struct search_context *sc,
				   const struct search_pattern *p,
				   const uint32_t *docs, size_t n, size_t doc_from,
				   const struct search_limits *lim,
				   struct search_result *out);

/* p (a literal as search_live_narrows says, without SEARCH_FOLD) tried
 * at the starts of the hits at[from..n) only, in corpus order, each match
 * that starts exactly there and not inside the hit before added to out
 * (the hits a scan finds): a longer literal where a shorter one, whose
 * matches cannot overlap, was found.  out's keep must hold every hit.  Stops as
 * search_run() does (out->status; out->next_doc is the document it was
 * in) and returns the index in at to go on from, n when done. */
size_t search_run_at(struct search_context *sc, const struct search_pattern *p,
		     const struct search_hit *at, size_t n, size_t from,
		     const struct search_limits *lim, struct search_result *out);

/* Empties r for a new search, keeping its memory and its keep. */
void search_result_reset(struct search_result *r);
/* Gives back the memory r does not use (after a search is kept: the
 * array may have grown for a pattern typed on the way). */
void search_result_trim(struct search_result *r);
/* Releases the hits; r is then empty.  NULL is a no-op. */
void search_result_free(struct search_result *r);

/* A short message for the status line: "", "partial results",
 * "pattern too complex", "search cancelled".  Static. */
const char *search_status_message(enum search_status s);

#endif
