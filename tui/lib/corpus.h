/* corpus.h: a TEI corpus loaded into memory, as documents of blocks.
 *
 * corpus_open() reads one file or every *.xml below a directory with
 * libxml2 (only the loader, corpus.c and its parts, includes it), merges
 * them under one teiCorpus root that lives as long as the corpus, and
 * flattens each TEI text into documents: an ordered list of blocks, each
 * one line of UTF-8 text with spans for entity mentions, emphasis, links
 * and note markers.
 * Authority records (person, org, place, event …) and every mention go
 * into the entity index (entity.h) that the corpus owns.
 *
 * A document's first blocks are its header as a reader sees it: the title
 * (BLOCK_TITLE) and lines such as "Date: 2014-11-05" or "Places: Emmen"
 * (BLOCK_META, their names are mention spans); doc->nheader counts them.
 * The text of a block is exactly what a reader sees, including its label
 * ("• " before a list item, "[1] " before a note): label_len says how many
 * leading bytes are label.  So the --show --width=0 rendering is one block
 * per line, and a byte offset into a block is a position on that line.
 *
 * All strings are UTF-8, valid (invalid input is reported and the file
 * skipped), NUL-terminated, and borrowed until corpus_free(). */
#ifndef WB_CORPUS_H
#define WB_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "location.h"

struct entity_index;

enum block_kind {
	BLOCK_TITLE,     /* the document's title */
	BLOCK_META,      /* a header line: date, type, places, hosts … */
	BLOCK_HEADING,   /* head of a div; level is the div depth, from 1 */
	BLOCK_PARAGRAPH, /* p, ab, and other running text */
	BLOCK_ITEM,      /* a list item; level is the list depth, from 1 */
	BLOCK_QUOTE,     /* a block quotation, a pull quote */
	BLOCK_NOTE,      /* a note, moved after the block it is anchored in */
	BLOCK_CAPTION,   /* figure head or description */
	BLOCK_SPEECH,    /* sp or u; the label is the speaker */
	BLOCK_STAGE,     /* a stage direction */
	BLOCK_KIND_COUNT
};

enum span_kind {
	SPAN_MENTION,    /* a name: span_entity() is the entity */
	SPAN_EMPHASIS,   /* hi, emph, foreign, title … */
	SPAN_LINK,       /* ref or ptr: span_link() says where it points */
	SPAN_NOTEREF,    /* a note marker: span_note() is the note's block */
	SPAN_HIT         /* not made by the corpus: search hits in the reader */
};

/* A block's text is at most BLOCK_LEN_MAX bytes, so that a span's offsets
 * fit in 32 bits (the loader cuts a longer block there, with a warning;
 * the longest block of a 100 MB corpus has a few thousand bytes). */
#define BLOCK_LEN_MAX ((size_t)UINT32_MAX)
/* arg of a mention that names no entity */
#define SPAN_NO_ENTITY UINT32_MAX

/* 16 bytes: a corpus has a span for every name in it.  What arg means
 * depends on kind; read it with the functions below, not directly. */
struct span {
	enum span_kind kind;
	uint32_t start, end;    /* bytes into the block text, start < end */
	/* SPAN_MENTION: the entity's index, or SPAN_NO_ENTITY;
	 * SPAN_LINK: the index of its record in the block's links;
	 * SPAN_NOTEREF: the block index of the note; else 0. */
	uint32_t arg;
};

/* Where a SPAN_LINK leads, resolved when the corpus loaded: a document
 * (block 0, or the element the target names) or an entity named by the
 * target's fragment, an address outside the corpus (LOC_URL), or LOC_NONE
 * when it names nothing here.  to.id is borrowed: copy with
 * location_copy. */
struct span_link {
	struct location to;
	const char *target;     /* the target as written, or NULL */
};

/* Whose line a header line of a letter is (correspAction/@type). */
enum block_corresp {
	CORRESP_NONE,
	CORRESP_SENT,    /* "From: …": its names wrote the letter */
	CORRESP_RECEIVED /* "To: …": its names received it */
};

struct block {
	enum block_kind kind;
	unsigned level;
	const char *text;       /* what a reader sees, label first */
	size_t len;             /* bytes of text, at most BLOCK_LEN_MAX */
	size_t label_len;       /* leading bytes of text that are the label */
	const struct span *spans;   /* sorted by start */
	/* The link records its SPAN_LINK spans index (span_link); the blocks
	 * of a document share one table.  NULL when there are none. */
	const struct span_link *links;
	uint32_t nspans;        /* (32 bits: the block is 56 bytes, not 64) */
	enum block_corresp corresp; /* BLOCK_META of a letter: From or To */
};

/* The entity a SPAN_MENTION names (an index into the entity index), or -1
 * when it names none or s is not a mention. */
static inline long span_entity(const struct span *s)
{
	return s->kind == SPAN_MENTION && s->arg != SPAN_NO_ENTITY ? (long)s->arg : -1;
}

/* The block index (in the same document) of the note a SPAN_NOTEREF
 * points at; (size_t)-1 when s is not a note marker. */
static inline size_t span_note(const struct span *s)
{
	return s->kind == SPAN_NOTEREF ? (size_t)s->arg : (size_t)-1;
}

/* The link record of a SPAN_LINK span s of block b; NULL when s is not a
 * link.  Borrowed from b's document or page. */
static inline const struct span_link *span_link(const struct block *b, const struct span *s)
{
	return s->kind == SPAN_LINK && b->links ? &b->links[s->arg] : NULL;
}

/* Sets a mention's entity: e < 0 (or too big for a span) names none. */
static inline void span_set_entity(struct span *s, long e)
{
	s->arg = e >= 0 && (unsigned long)e < SPAN_NO_ENTITY ? (uint32_t)e : SPAN_NO_ENTITY;
}

struct doc {
	const char *id;         /* xml:id of the TEI root, else the file name */
	const char *title;
	const char *date;       /* ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) or "" */
	const char *type;       /* "werkbezoek", "interview" … or "" */
	const char *file;       /* the path it was read from */
	const struct block *blocks;
	size_t nblocks;
	size_t nheader;         /* blocks[0..nheader) are title and meta */
	/* Every block's text in one buffer, each followed by '\n' (which never
	 * occurs inside a block): blocks[i].text points into it.  Searching
	 * runs over this buffer in one pass. */
	const char *text;
	size_t text_len;
};

/* One problem found while loading: "file:line:column: message". */
struct corpus_diag {
	const char *file;
	long line, column;
	int is_error;           /* an error skipped something; else a warning */
	const char *message;
};

struct corpus_options {
	size_t max_file_size;   /* bytes; 0 means the default, 256 MiB; also the
				 * cap on each resource an XInclude or entity loads */
	size_t max_include;     /* bytes XInclude may add to the whole corpus; 0
				 * means 4 times the corpus files' size, at least
				 * 16 MiB */
	unsigned max_depth;     /* directory levels below the corpus root; 0: 64 */
	unsigned max_include_depth; /* XInclude nesting; 0: 8 */
	size_t max_attributes;  /* on one element; 0: 10,000 (prescan.h) */
	size_t max_entity_expansion; /* bytes entities add to attribute
				 * values in one file; 0: 16 MiB */
	size_t max_block_len;   /* bytes of one block's text: a longer one is
				 * cut (a warning); 0 or more than BLOCK_LEN_MAX:
				 * BLOCK_LEN_MAX.  Smaller for tests. */
	int check_refs;         /* also report dangling and junk references */
	int all_diags;          /* keep every problem, not the first 100 of
				 * a file and a summary line (--check) */
	unsigned jobs;          /* threads that parse files (--jobs); 0: the
				 * online CPUs, at most 8; the corpus is the
				 * same for any number */
	/* Called (when not NULL) after each file is read: files read so
	 * far, of how many, and the bytes read so far; with ctx. */
	void (*progress)(void *ctx, size_t done, size_t total, size_t bytes);
	void *progress_ctx;
};

/* Opens a file or a directory (every *.xml below it, sorted by path).
 * Never fails for a bad file: problems become diagnostics and the rest
 * loads.  Returns NULL only when path itself cannot be read, with a
 * message in *error (caller frees). */
struct corpus *corpus_open(const char *path, const struct corpus_options *opt,
			   char **error);
void corpus_free(struct corpus *c);
/* Releases libxml2's global state; call once, at exit. */
void corpus_cleanup(void);

size_t corpus_ndocs(const struct corpus *c);
/* Documents in corpus order: by date, then by id. */
const struct doc *corpus_doc(const struct corpus *c, size_t i);
/* The document with this id, or NULL. */
const struct doc *corpus_find_doc(const struct corpus *c, const char *id);
/* The index of d in corpus order. */
size_t corpus_doc_index(const struct corpus *c, const struct doc *d);

struct entity_index *corpus_entities(const struct corpus *c);
/* Whether l names a page of this corpus: a document or an entity it has
 * (by id), the help or the history page.  Not nowhere, nor an address
 * outside it. */
int corpus_has_location(const struct corpus *c, const struct location *l);

size_t corpus_ndiags(const struct corpus *c);
const struct corpus_diag *corpus_diag(const struct corpus *c, size_t i);
/* Number of files read, and the total of their sizes in bytes. */
size_t corpus_nfiles(const struct corpus *c);
size_t corpus_bytes(const struct corpus *c);

/* Names of block kinds ("paragraph") and entity-mention element types. */
const char *corpus_block_kind_name(enum block_kind kind);

#endif
