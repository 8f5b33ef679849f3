/* pageblock.h: a block of a page being made (page.c's entity and list
 * pages, pathpage.c's chains): its text, the mention and link spans in
 * it and the links' records, moved onto the end of a page when done. */
#ifndef WB_PAGEBLOCK_H
#define WB_PAGEBLOCK_H

#include <stddef.h>

#include "buf.h"
#include "corpus.h"
#include "page.h"

struct page_block {
	struct buf text;
	struct span *spans;
	size_t nspans, cap;
	struct span_link *links;    /* their ids owned */
	size_t nlinks, caplinks;
	size_t label_len;           /* leading bytes that are a label */
};

#define PAGE_BLOCK_INIT { BUF_INIT, NULL, 0, 0, NULL, 0, 0, 0 }

/* Appends len bytes of s, or the string s, made safe for a terminal
 * (text_sanitize). */
void page_block_text(struct page_block *b, const char *s, size_t len);
void page_block_adds(struct page_block *b, const char *s);
/* Appends s as a span: a mention of entity (SPAN_MENTION) or a link to a
 * copy of *to (SPAN_LINK).  Past BLOCK_LEN_MAX it is plain text. */
void page_block_span(struct page_block *b, const char *s, enum span_kind kind, long entity,
		     const struct location *to);
/* Moves b onto the end of p as a block of kind at level; b is empty
 * (PAGE_BLOCK_INIT) after. */
void page_block_add(struct page *p, enum block_kind kind, unsigned level, struct page_block *b);
/* Frees a block that is not added. */
void page_block_free(struct page_block *b);

#endif
