/* blocks.h: blocks under construction, and the document they go to.
 *
 * Private to the loader.  The text walk (flatten.c, elements.c) and the
 * header lines (header.c) append inline text to the innermost open block
 * of a stack; a finished block goes to the document, and a note waits for
 * the outermost block that anchors it. */
#ifndef WB_BLOCKS_H
#define WB_BLOCKS_H

#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"
#include "corpus.h"

struct corpus;
struct docrec;

/* An element's xml:id and where its text starts in a block under
 * construction; its block index is known once the block is added. */
struct bb_anchor {
	char *id;                 /* owned */
	size_t off;
};

/* A span while its block is built, wide and with its target owned; the
 * block's spans become struct span (corpus.h) when it goes to the
 * document (flat_add_block). */
struct bb_span {
	enum span_kind kind;
	size_t start, end;        /* end (size_t)-1: not closed yet */
	long entity;              /* SPAN_MENTION */
	char *target;             /* SPAN_LINK, owned, or NULL */
	size_t note;              /* SPAN_NOTEREF: the note's serial */
};

/* Inline content is appended to a block under construction.  Whitespace
 * is collapsed as a reader expects: any run of XML whitespace becomes one
 * space, none at the start or end of a block. */
struct bb {
	enum block_kind kind;
	unsigned level;
	enum block_corresp corresp;
	struct buf text;
	size_t label_len;
	struct bb_span *spans;
	size_t nspans, capspans;
	int pending_space;
	unsigned gen;             /* bumped whenever the block is emitted */
	int is_note;              /* emitted after the block that anchors it */
	unsigned serial;          /* a note's number among the document's notes */
	int implicit;             /* opened by stray text, not an element */
	char *label;              /* a label not yet used (item, speaker) */
	long label_entity;        /* a mention over the label, or -1 */
	long *label_more;         /* more mentions over it (several speakers) */
	size_t nlabel_more;
	xmlNodePtr node;
	struct bb_anchor *anchors;  /* ids of elements whose text starts here */
	size_t nanchors, capanchors;
};

/* The state of one document's flattening. */
struct flat {
	struct corpus *c;
	size_t file;
	size_t doc;               /* load index */
	struct docrec *d;
	struct bb *stack;         /* open blocks, innermost last */
	size_t depth, capdepth;
	struct bb *deferred;      /* finished notes waiting for their anchor */
	size_t ndeferred, capdeferred;
	unsigned notes;           /* running note number, as shown */
	unsigned serials;         /* notes begun, numbered from 1 */
	xmlNodePtr text;          /* the element being flattened */
	int skip_notes;           /* a title: its notes are not shown */
	size_t expanded;          /* bytes added by entity expansion */
	size_t expand_budget;
	struct bb_anchor *pending;  /* ids waiting for the next block added */
	size_t npending, cappending;
};


/* Appends text, whitespace collapsed. */
void bb_add(struct bb *b, const char *s, size_t len);
/* Where a span opened now starts: after the space still pending. */
size_t bb_span_start(const struct bb *b);
/* A new span of kind from start (end 0, entity -1), owned by b. */
struct bb_span *bb_add_span(struct bb *b, enum span_kind kind, size_t start);
/* Empties b for its next block (bumps gen). */
void bb_reset(struct bb *b);
void bb_free(struct bb *b);
/* Puts the pending *label (freed, set NULL) at the start of the block,
 * with a mention of *entity over its name when that is >= 0, and one of
 * each of b->label_more (let go). */
void bb_use_label(struct bb *b, char **label, long *entity);

/* Element id (owned, taken) starts where the next text goes: in the open
 * block, or, outside any, at the next block added to the document.  A
 * link to the id leads there (corpus.c resolve_links). */
void flat_anchor(struct flat *f, char *id);
/* Ids still waiting when the text ends: at the end of the last block. */
void flat_flush_anchors(struct flat *f);

/* Adds b to the document as it is (b keeps its text; spans move): its
 * text cut at the corpus's max_block_len (a warning), its spans made
 * compact, its links' records added to the document's table. */
void flat_add_block(struct flat *f, struct bb *b);
/* Takes the document's last block away again, with its spans and links. */
void flat_drop_last_block(struct flat *f);
/* The notes waiting for their anchor's block go to the document. */
void flat_flush_notes(struct flat *f);
/* A finished block: to the document, or waiting when it is a note. */
void flat_emit(struct flat *f, struct bb *b);
/* The innermost open block, or NULL. */
struct bb *flat_top(struct flat *f);
/* Opens a block for node (borrowed); valid until the next push. */
struct bb *flat_push(struct flat *f, enum block_kind kind, unsigned level,
		     xmlNodePtr node);
/* Closes the innermost block: emitted with its label. */
void flat_pop(struct flat *f);
/* The block text goes to: the open block, or a new implicit paragraph
 * for text that stands outside any block element. */
struct bb *flat_target(struct flat *f);
/* Running text: all whitespace only makes a pending space. */
void flat_add_text(struct flat *f, const char *s, size_t len);

#endif
