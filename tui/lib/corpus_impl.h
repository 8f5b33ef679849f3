/* corpus_impl.h: struct corpus as the loader sees it.
 *
 * Private to the loader: corpus.c and the files it is split into (load.c,
 * diag.c, tei.c, refs.c, records.c, blocks.c, elements.c, flatten.c,
 * header.c, documents.c).  Nothing else includes it; the rest of the
 * program knows struct corpus only as the opaque type of corpus.h.  All
 * the state of a load lives here, in the corpus being opened: the loader
 * has no mutable file-scope state, so two corpora may load at once. */
#ifndef WB_CORPUS_IMPL_H
#define WB_CORPUS_IMPL_H

#include <regex.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"
#include "corpus.h"
#include "diag.h"
#include "idtab.h"

struct prefix_def {
	char *ident;
	regex_t re;
	char *replacement;
};

struct file_rec {
	char *path;               /* as given or found below the directory */
	char *real;               /* realpath, to resolve "file.xml#id" */
	xmlDocPtr doc;            /* its parsed document; root grafted */
	xmlNodePtr root;
	size_t ndiags;            /* problems found, kept or not */
	size_t summary;           /* 1 + the index of its summary line, or 0 */
	struct prefix_def *prefixes;
	size_t nprefixes, capprefixes;
	/* The bytes, read again (load_bytes) when the first kept message of
	 * the loader's own needs a column (libxml2 keeps only line numbers on
	 * nodes), and freed when corpus_open ends.  lines: where each line
	 * starts, made with them. */
	char *data;
	size_t len;
	size_t *lines;
	size_t nlines;
	/* Where the last column was found (line, byte offset, column): the
	 * next needle on that line is looked for from there on, so many
	 * messages about one long line cost one pass over it. */
	long col_line;
	size_t col_off;
	long col_col;
};

/* A record whose id is taken by a different record in another file is
 * kept under "file#id"; references from its own file still find it, by
 * key in local_ids. */
struct local_id {
	char *key;                /* "<file index>#<id>", owned */
	long entity;
};

/* A relation seen in pass 1, resolved once every record is known. */
struct pending_rel {
	size_t file;
	long line;
	char *name, *role;
	char *active, *passive, *mutual;   /* space-separated references */
	long from;                          /* for affiliations: the person */
};

/* An element of a text with an xml:id, where its text is shown: what a
 * link to "#id" (or "file.xml#id") leads to when no record or document
 * has that id. */
struct text_anchor {
	char *id;                 /* owned */
	char *local;              /* "<file index>#<id>", owned */
	size_t doc;               /* load index */
	size_t block, off;
};

/* A note of a standOff in a TEI with no text of its own (an annotation
 * file): shown in each document that points at it. */
struct orphan_note {
	char *id;                 /* its xml:id, owned */
	xmlNodePtr note;
};

struct docrec {
	struct doc pub;
	struct block *blocks;
	size_t nblocks, capblocks;
	/* Every block's spans in one array, block after block, and one table
	 * of link records they index (their targets owned).  While building,
	 * span_first says where each block's spans begin; assembled, each
	 * block points into spans and at links. */
	struct span *spans;
	size_t nspans, capspans;
	struct span_link *links;
	size_t nlinks, caplinks;
	size_t *span_first;       /* per block, into spans while building */
	size_t *offsets;          /* per block, into text while building */
	struct buf text;          /* the blocks' text, each followed by '\n' */
	size_t *note_block;       /* a note's serial -> its block, while building */
	size_t nnote_block, capnote_block;
	char *date_shown;         /* the Date: line's value (header_date) */
	char *tell_apart;         /* "Sender → Addressee" of a letter, or NULL */
	xmlNodePtr tei;           /* the document's TEI element */
	xmlNodePtr *nodes;        /* per block, its element (xpath.c, source.c) */
	size_t file;              /* index of the file it is in */
};

struct corpus {
	xmlDocPtr master;
	xmlNodePtr root;
	xmlDictPtr dict;
	char *root_dir;           /* realpath of the corpus root directory */
	struct file_rec *files;
	size_t nfiles, capfiles;
	size_t bytes;
	size_t cur_file;          /* the file being parsed, for diagnostics */
	struct docrec *docs;      /* in load order */
	size_t ndocs, capdocs;
	size_t *order;            /* corpus order -> load index */
	size_t *rank;             /* load index -> corpus order */
	struct idtab doc_ids;     /* document id to load index */
	struct entity_index *ix;
	struct corpus_diag *diags;
	size_t ndiags, capdiags;
	struct local_id *locals;
	size_t nlocals, caplocals;
	struct idtab local_ids;   /* local_id keys to their index in locals */
	struct idtab all_ids;     /* every xml:id of every file, to its file */
	struct text_anchor *anchors;
	size_t nanchors, capanchors;
	struct idtab anchor_ids;  /* anchors by id and by local key */
	struct orphan_note *orphans;
	size_t norphans, caporphans;
	struct idtab orphan_ids;  /* orphans by id, while documents are read */
	struct idtab reals;       /* each file's realpath to its index, while parsing */
	struct pending_rel *rels;
	size_t nrels, caprels;
	struct corpus_options opt;
	unsigned anon;            /* records without an id so far: "person-3" */
	int in_xinclude;          /* the loader reports through the XInclude error */
	int loader_quiet;         /* the loader reports nothing (xinclude.c's look) */
	size_t disk_bytes;        /* the corpus files' size on disk, from the walk */
	size_t include_budget;    /* bytes XInclude may add to the corpus, */
	size_t include_used;      /* as xinclude.c counts them beforehand, */
	size_t include_loaded;    /* and as the loader serves them */
	struct xi_memo *xi;       /* xinclude.c: each included file's cost */
	size_t nxi, capxi;
	struct idtab xi_ids;      /* its real path to its index in xi */
	struct buf loader_reason; /* why the loader refused, for that error */
	struct diag_queue *held;  /* per file: its records' messages, held back
				     while later files are parsed (corpus.c) */
};

/* Frees what a document holds (corpus.c). */
void corpus_free_docrec(struct docrec *d);

/* The document with this id, by load index, or IDTAB_NONE. */
size_t corpus_doc_lookup(const struct corpus *c, const char *id);

#endif
