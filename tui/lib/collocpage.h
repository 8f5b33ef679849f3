/* collocpage.h: the page of the collocates of a search (:collocates),
 * made like page.h's pages: a title, a paragraph saying what the figures
 * are, then a line a word, G2, near and total as its label (collocates.h
 * for the rule). */
#ifndef WB_COLLOCPAGE_H
#define WB_COLLOCPAGE_H

#include <stddef.h>

#include "page.h"

struct corpus;
struct search_hit;

/* At most this many words are listed; the paragraph says how many more. */
#define COLLOCPAGE_MAX 200

/* The page of the collocates of query's hits in c: hits[0..n) when the
 * caller has them (the browser's current search, whatever its flags),
 * else (hits NULL) the query is run here, a regex or the query language
 * (query.h), with flags (enum search_flag).  Returns NULL for an invalid
 * query, with the reason in *error (caller frees).  Caller frees the page
 * with page_free. */
struct page *collocpage_new(const struct corpus *c, const char *query, unsigned flags,
			    const struct search_hit *hits, size_t n, char **error);

#endif
