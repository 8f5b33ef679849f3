/* page.h: pages made from the corpus that are not documents: an entity's
 * page (record, notes, relations, appears-with, timeline, mentions in
 * context), and the list pages its links lead to.
 *
 * A page is a list of blocks (corpus.h), so the reader shows it like a
 * document and --entity prints it like --show.  Names on it are mention
 * spans; each mention line is a link to the mention's document, block
 * and byte offset (a location, location.h). */
#ifndef WB_PAGE_H
#define WB_PAGE_H

#include <stddef.h>

#include "corpus.h"

struct page_more;

struct page {
	char *title;
	struct block *blocks;      /* may move as page_more() adds blocks */
	size_t nblocks, cap;
	struct page_more *more;    /* NULL: the page is complete */
};

struct corpus;

/* An empty page with a title, and lines added to it: the help page is
 * made this way.  text is copied; label_len leading bytes are its label. */
struct page *page_new(const char *title);
void page_add_text(struct page *p, enum block_kind kind, unsigned level, const char *text,
		   size_t label_len);
/* A line of label (not a link) and then text as a link to the location
 * to (copied). */
void page_add_link(struct page *p, enum block_kind kind, unsigned level, const char *label,
		   const char *text, const struct location *to);

/* The page of entity e, complete.  Caller frees with page_free. */
struct page *page_entity(const struct corpus *c, long e);
/* The page of entity e built lazily: everything up to the mentions'
 * heading and then its first n mention lines (with their documents'
 * title lines); page_more() adds up to n more mention lines at the end
 * (blocks already there stay as they are, though p->blocks may move) and
 * returns whether more remain.  Once page_more() has returned 0 the page
 * equals page_entity()'s block for block.  page_complete(): whether
 * nothing remains. */
struct page *page_entity_first(const struct corpus *c, long e, size_t n);
int page_more(struct page *p, size_t n);
int page_complete(const struct page *p);
/* A list page reached from an entity page, or NULL when l names none:
 * LOC_WITH, everyone entity l->id appears with (the whole of its "and N
 * more"); LOC_YEAR, the documents dated in year l->id ("2014"), the
 * target of a timeline year.  Caller frees with page_free. */
struct page *page_list(const struct corpus *c, const struct location *l);
void page_free(struct page *p);

#endif
