/* import_tag.h: the register's names found in a report's blocks, and the
 * capitalised words no record names, for the import (import.h).
 *
 * A tagger is made once per report from the register; it keeps the
 * counts the import's summary reports (per entity, ambiguous names,
 * candidates for new records). */
#ifndef WB_IMPORT_TAG_H
#define WB_IMPORT_TAG_H

#include <stddef.h>

struct entity_index;
struct mdtext_span;
struct import_result;

struct import_match {
	size_t start, end;      /* bytes into the block text */
	long entity;
	int low;                /* the name is ambiguous: cert="low" */
};

struct import_tagger;

/* A tagger for the persons, organisations and places of ix (borrowed
 * until import_tagger_free). */
struct import_tagger *import_tagger_new(const struct entity_index *ix);
void import_tagger_free(struct import_tagger *t);

/* Every name in text[0..len), by start: longest first, whole words, not
 * overlapping each other, and nesting with the block's spans (inside a
 * link or beside it, never around one; inside or around emphasis).
 * Counted for the summary; caller frees the array (*n of them). */
struct import_match *import_tag_block(struct import_tagger *t, const char *text, size_t len,
				      const struct mdtext_span *spans, size_t nspans,
				      size_t *n);

/* Counts the candidates for new records in text[0..len): runs of
 * capitalised words (with "van", "de" … between two of them) outside the
 * matches m[0..n); a run's first word is left out where a sentence
 * starts (a heading starts one). */
void import_tag_candidates(struct import_tagger *t, const char *text, size_t len,
			   const struct import_match *m, size_t n);

/* Moves the counts into r (tally, ambiguous, candidates, ntags). */
void import_tagger_results(struct import_tagger *t, struct import_result *r);

#endif
