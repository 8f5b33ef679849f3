/* batch.h: the batch interface, plain text for pipes and scripts.
 *
 * Each mode writes UTF-8 to out with every string from the corpus
 * sanitised (no terminal control characters) and returns the exit status:
 * 0 done, 1 nothing found or problems found.  The formats are stable;
 * the manual page describes them. */
#ifndef WB_BATCH_H
#define WB_BATCH_H

#include <stdio.h>

#include "format.h"
#include "kwic.h"

struct corpus;

/* How a listing is written: --format, and --context for --search. */
#define BATCH_CONTEXT 100       /* --context's default */
struct batch_output {
	enum format_kind format;
	size_t context;         /* characters each side of a hit (BATCH_CONTEXT) */
	size_t max_count;       /* --max-count: hits printed at most; 0: all */
	enum search_order sort; /* --sort; SEARCH_ORDER_DOC (0) by default */
	int count;              /* --count: the matched forms and their counts */
	int collocates;         /* --collocates: the words over-represented near
				 * the hits (collocates.h) */
};

/* id TAB date TAB type TAB title, in corpus order (in fmt: keys id, date,
 * type, title). */
int batch_list(const struct corpus *c, enum format_kind fmt, FILE *out);
/* id TAB type TAB name TAB mentions TAB documents, by name; type filters
 * by entity type ("person", "org", "place" …) when not NULL (in fmt: keys
 * id, type, name, mentions, documents). */
int batch_entities(const struct corpus *c, const char *type, enum format_kind fmt,
		   FILE *out);
/* One entity page as plain text. */
int batch_entity(const struct corpus *c, const char *id, FILE *out);
/* One document as plain text: width 0 is one block per line, else
 * wrapped to width columns with a blank line between blocks. */
int batch_show(const struct corpus *c, const char *doc_id, unsigned width, FILE *out);
/* Every hit of pattern as docid:line:column:text, line and column as in
 * the --show --width=0 rendering (column in characters, from 1), text the
 * match with o->context characters of its line either side ("…" where the
 * line goes on), so the output is bounded by hits x (2 x context) plus
 * the input.  Empty matches are no hits.  At most o->max_count hits (0:
 * all), then "N of M hits printed" on stderr.  flags are enum
 * search_flag bits.  Returns 0 with hits, 1 without, 2 for an invalid or
 * too complex pattern (message on stderr). */
int batch_search(const struct corpus *c, const char *pattern, unsigned flags,
		 const struct batch_output *o, FILE *out);
/* "werkbezoek: N of M hits printed (--max-count=N)" on stderr when o
 * cut a listing of nhits. */
void batch_say_cut(const struct batch_output *o, size_t nhits);
/* Writes s[0..len) to out with every control and invisible character
 * shown as a placeholder: nothing from the corpus reaches a terminal raw. */
void batch_put(FILE *out, const char *s, size_t len);
/* The byte range [*from, *to) of the line text[0..len) that a hit
 * [start, end) is printed with: context characters either side. */
void batch_hit_window(const char *text, size_t len, size_t start, size_t end,
		      size_t context, size_t *from, size_t *to);
/* batch_query.c: --search with the query language (query.h), --context
 * and --format: a plain regex as TSV in corpus order is batch_search's.
 * TSV: docid:line:column:text as batch_search; json and csv: keys doc,
 * date, line, column, left, match, right; in o->sort's order (kwic.h).
 * With o->count one record a matched form instead, count TAB form (keys
 * count, form), the most frequent first (search_count); with
 * o->collocates one a collocate, ll TAB near TAB total TAB word (keys ll,
 * near, total, word; ll with 3 decimals).  Returns 0 with hits, 1
 * without, 2 for an invalid query (on stderr, a caret under the fault). */
int batch_query(const struct corpus *c, const char *text, unsigned flags,
		const struct batch_output *o, FILE *out);
/* batch_path.c: --path=A,B: up to three chains between two entities (by
 * id or name), a record a step: path, step, from, from_name, to,
 * to_name, link (relation, relation-of, paragraph), evidence, doc, line.
 * Returns 0 with a chain, 1 without, 2 when A or B is no entity. */
int batch_path(const struct corpus *c, const char *arg, const struct batch_output *o,
	       FILE *out);
/* --export-graph=FILE: every entity (id, name, type, mentions) and every
 * link (relations, and co-mention in a paragraph weighted by the number
 * of paragraphs) as GraphML (FILE ends in .graphml or .xml) or DOT (.dot,
 * .gv).  Returns 0, or 2 when FILE cannot be written. */
int batch_export_graph(const struct corpus *c, const char *file);
/* A problem --check reports, as a record of --format json or csv (keys
 * file, line, column, severity, message, entity, other; entity and other
 * "" when they do not apply). */
struct batch_problem {
	const char *file;
	long line, column;
	const char *severity;   /* error, warning, untagged, never-mentioned,
				 * likely-duplicate */
	const char *message;    /* the message, or the name untagged or of
				 * the record */
	const char *entity;     /* the entity's id, or NULL */
	const char *other;      /* likely-duplicate: the id of the other */
};
void batch_check_record(struct format_writer *w, FILE *out, const struct batch_problem *p);
/* Every problem found while loading: in tsv (w's kind, the default)
 * file:line:column: error|warning: message; else a batch_problem record
 * each. */
int batch_check(const struct corpus *c, struct format_writer *w, FILE *out);
/* Writes the loading errors (not warnings) to out, for the other modes. */
void batch_errors(const struct corpus *c, FILE *out);

/* batch_tree.c: the tree itself.  --xpath: every match as file:line: text
 * (the node's string value, whitespace collapsed), or with as_xml
 * file:line: and the node as XML on the lines after it; a number, string
 * or boolean result as its value.  In json and csv (fmt) a record a
 * match, keys file, line, doc, text: doc the document's id ("" in a
 * register or for a value), text the string value (cut at 4096 bytes) or
 * with as_xml the XML, its line breaks kept.  Returns 0 with matches, 1
 * without, 2 for an invalid expression (on stderr, a caret under the
 * fault). */
int batch_xpath(const struct corpus *c, const char *expr, int as_xml, enum format_kind fmt,
		FILE *out);
/* --source=DOCID[#BLOCK]: "# file", then the document's TEI element (or
 * the element of BLOCK, its line in --show --width=0) as XML, every line
 * after its line in the file ("%6ld  "). */
int batch_source(const struct corpus *c, const char *arg, FILE *out);
/* --source-entity=ID: the entity's authority record, the same way. */
int batch_source_entity(const struct corpus *c, const char *id, FILE *out);
/* --check --untagged: every register name or variant in the text that no
 * mention covers, as file:line:column: untagged 'NAME' (id): line the
 * line of the block's element in the file, column in characters into the
 * block's text as --show --width=0 prints it; then each record never
 * mentioned or likely a duplicate of another.  In json and csv (w) a
 * batch_problem record each: severity untagged, never-mentioned or
 * likely-duplicate, message the name, entity the id, other the other
 * record's.  Returns 1 if any. */
int batch_untagged(const struct corpus *c, struct format_writer *w, FILE *out);

#endif
