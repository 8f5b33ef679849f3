/* query.h: the query language of /, :search and --search: text and
 * entities in one query.
 *
 * A query that uses none of the language's terms is a plain regex and is
 * searched exactly as search.h does (query_is_plain); the language starts
 * when a whitespace-separated word begins with one of its prefixes:
 *
 *   re:PATTERN, re:"PAT TERN"  text (PCRE2, as search.h); in a query a
 *                              bare word or a "quoted" string is one too
 *   @ID, @Name, @"Some Name"   a mention of that entity (by id, else by
 *                              its name or a variant, folded; an
 *                              ambiguous name is an error)
 *   type:person, type:org,place   a mention of any entity of a type
 *   doc:ID  kind:TYPE  date:2014  date:2013..2015  date:..2013-06
 *                              documents: by id, type, date (a date
 *                              bound compares as far as it is written)
 *   within:paragraph (default), within:document, near:N
 *                              where the terms must meet; near:N keeps a
 *                              text hit with a mention the query names at
 *                              most N words away, in its paragraph
 *
 * Terms side by side must all hold (AND); `|` or OR between terms is
 * either; -term or !term is not; ( ) group.  Results are search hits
 * (search.h) in corpus order: the text matches where the query holds;
 * where it holds without a text match, the whole paragraph (a block), or
 * for within:document and queries of document terms only, the document's
 * title line.
 *
 * The patterns are compiled and run by search.h. */
#ifndef WB_QUERY_H
#define WB_QUERY_H

#include <stddef.h>

#include "search.h"

struct corpus;
struct query;

/* Whether text[0..len) is a plain regex: no word of it (split at
 * whitespace, ignoring a leading -, ! or ( ) starts with @ or a prefix
 * of the language.  A plain regex goes to search.h unchanged. */
int query_is_plain(const char *text, size_t len);

/* Parses text[0..len) against corpus c (borrowed; entities and documents
 * are looked up now) with enum search_flag flags for its text terms.
 * Returns NULL on a syntax error or a name that finds nothing, with
 * *error a message (caller frees) and *column the 1-based character
 * column it points at. */
struct query *query_parse(const struct corpus *c, const char *text, size_t len,
			  unsigned flags, char **error, size_t *column);
/* The entity named by id, else by a name or variant compared as
 * entity_normalise does (among several of one name, the only one with a
 * record).  -1 with *error (caller frees) when none or several are. */
long query_entity(const struct corpus *c, const char *name, char **error);
/* Two entities in one argument, as :path and --path take them: "A,B"
 * (split at the comma that leaves two entities) or "A B" (words, a
 * "quoted" name one word, split where both sides are entities).
 * Returns 0 with *error (caller frees) when no split names two. */
int query_entity_pair(const struct corpus *c, const char *arg, long *a, long *b,
		      char **error);
/* query_free(NULL) is a no-op. */
void query_free(struct query *q);

/* Runs q over the whole corpus into out (reset first), in corpus order
 * without duplicates.  sc is a search context of the same corpus; lim as
 * for search_run (may be NULL).  When a text term stops early (time,
 * cancel, too complex) the results cover the documents every text term
 * finished, and the status says why. */
enum search_status query_run(const struct query *q, struct search_context *sc,
			     const struct search_limits *lim, struct search_result *out);

#endif
