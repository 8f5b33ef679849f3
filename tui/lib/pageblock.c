/* pageblock.c: a block of a page being made (pageblock.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pageblock.h"
#include "text.h"

void page_block_text(struct page_block *b, const char *s, size_t len)
{
	text_sanitize(&b->text, s, len);
}

void page_block_adds(struct page_block *b, const char *s)
{
	page_block_text(b, s, strlen(s));
}

void page_block_span(struct page_block *b, const char *s, enum span_kind kind, long entity,
		     const struct location *to)
{
	struct span *sp;
	size_t start = b->text.len;

	page_block_adds(b, s);
	if (b->text.len > BLOCK_LEN_MAX)
		return;   /* past what a span can say: plain text */
	b->spans = xgrow(b->spans, &b->cap, b->nspans + 1, sizeof(*b->spans));
	sp = &b->spans[b->nspans++];
	memset(sp, 0, sizeof(*sp));
	sp->kind = kind;
	sp->start = (uint32_t)start;
	sp->end = (uint32_t)b->text.len;
	if (kind == SPAN_MENTION)
		span_set_entity(sp, entity);
	if (kind == SPAN_LINK) {
		b->links = xgrow(b->links, &b->caplinks, b->nlinks + 1, sizeof(*b->links));
		memset(&b->links[b->nlinks], 0, sizeof(*b->links));
		if (to)
			location_copy(&b->links[b->nlinks].to, to);
		sp->arg = (uint32_t)b->nlinks++;
	}
}

void page_block_add(struct page *p, enum block_kind kind, unsigned level, struct page_block *b)
{
	struct block *blk;

	p->blocks = xgrow(p->blocks, &p->cap, p->nblocks + 1, sizeof(*p->blocks));
	blk = &p->blocks[p->nblocks++];
	memset(blk, 0, sizeof(*blk));
	blk->kind = kind;
	blk->level = level;
	blk->len = b->text.len;
	blk->label_len = b->label_len;
	blk->text = buf_steal(&b->text);
	blk->spans = b->spans;
	blk->nspans = (uint32_t)b->nspans;
	blk->links = b->links;
	memset(b, 0, sizeof(*b));
}

void page_block_free(struct page_block *b)
{
	size_t i;

	for (i = 0; i < b->nlinks; i++)
		free_const(b->links[i].to.id);
	free(b->links);
	free(b->spans);
	buf_free(&b->text);
}
