/* import.h: a report in plain text or Markdown as a TEI document with
 * the register's names tagged (werkbezoek import).
 *
 * The report is read into blocks (mdtext.h); its title, date and kind
 * come from its first blocks (import_head.h), and what is not found there
 * is written as "TODO" for the editor.  Every name and variant of a
 * person, organisation or place of the register (names.h: longest first,
 * whole words, spelt as the register spells it, short forms left out) is
 * tagged persName/orgName/placeName ref="#id"; a name that several
 * records bear is tagged for the first of them (the one whose preferred
 * name it is, else the first in the register) with cert="low", and
 * listed.  Capitalised words and runs of them ("Hanzehogeschool", "MKB
 * Nederland") that no record names are listed as candidates for new
 * records.
 *
 * The document follows corpus/schema/werkbezoek.rng: a teiHeader, and a
 * body with one div type="report" whose head is the title, one div
 * type="section" for each later heading (nested by Markdown level),
 * paragraphs, lists, hi for emphasis, ref for links. */
#ifndef WB_IMPORT_H
#define WB_IMPORT_H

#include <stddef.h>

struct entity_index;

struct import_options {
	const char *file_name;  /* the report's file name: its base name
				 * makes the document's id and idno */
	int markdown;           /* Markdown: headings only from "#" */
};

struct import_tally {
	long entity;            /* in the register's entity index */
	size_t n;               /* names of it tagged */
};

struct import_ambiguous {
	const char *name;       /* borrowed from the entity index */
	long *entities;         /* every record that bears it; the first
				 * is the one tagged */
	size_t nentities;
	size_t n;               /* occurrences tagged */
};

struct import_candidate {
	char *text;
	size_t n;               /* occurrences */
};

struct import_result {
	char *xml;              /* the TEI document, NUL-terminated */
	size_t len;
	int has_title, has_date, has_type;
	size_t ntags;           /* names tagged */
	struct import_tally *tally;         /* by count, then register order */
	size_t ntally;
	struct import_ambiguous *ambiguous; /* in the order first met */
	size_t nambiguous;
	struct import_candidate *candidates; /* by count, then text */
	size_t ncandidates;
};

/* Imports text[0..len) with the names of ix (the register, borrowed
 * while the result is read: the names point into it).  Fills out, which
 * import_result_free frees. */
void import_report(const char *text, size_t len, const struct entity_index *ix,
		   const struct import_options *opt, struct import_result *out);

void import_result_free(struct import_result *r);

#endif
