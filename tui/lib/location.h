/* location.h: a place a reader can be, as data: what a link, a mark, a
 * history step and the saved session hold.
 *
 * A location is a page and a position on it.  Documents and entities are
 * named by id, not by index, so a location outlives a corpus that changed
 * (a saved session names documents that may be gone).  A link in a text
 * carries one of these, resolved when the corpus loads; nothing parses a
 * link back out of a string. */
#ifndef WB_LOCATION_H
#define WB_LOCATION_H

#include <stddef.h>

enum location_kind {
	LOC_NONE,       /* nowhere: a link whose target names nothing here */
	LOC_DOC,        /* document id, at (block, off) */
	LOC_ENTITY,     /* the page of entity id */
	LOC_HELP,       /* the help page */
	LOC_HISTORY,    /* the :history page */
	LOC_URL,        /* outside the corpus: id is the address (not opened) */
	LOC_XPATH,      /* the matches of the XPath expression id */
	LOC_PATH,       /* the chains between two entities: id is their
			 * ids, a TAB between them */
	LOC_COLLOCATES, /* the collocates of the hits of the search id */
	LOC_WITH,       /* everyone entity id appears with */
	LOC_YEAR        /* the documents of year id ("2014") */
};

struct location {
	enum location_kind kind;
	const char *id;         /* document id, entity id or address */
	size_t block, off;      /* the line at the top: block index, byte
				 * offset in it (of a document or a page) */
	size_t link, link_off;  /* the selected link: link is 1 + the block
				 * it is in, link_off where it starts; link
				 * 0 when none is selected */
};

/* The id is owned by whoever holds the location (history, marks, the
 * session), except in a span of a corpus or a page, where it is borrowed
 * from them: copy such a location with location_copy before keeping it. */

/* Copies src into dst, id included (dst's old id is freed). */
void location_copy(struct location *dst, const struct location *src);
void location_clear(struct location *l);
/* Same page (the position aside). */
int location_same_page(const struct location *a, const struct location *b);

#endif
