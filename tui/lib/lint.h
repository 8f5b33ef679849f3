/* lint.h: names from the register left untagged in the text, records
 * never mentioned and likely duplicates (--check --untagged).
 *
 * Every name and variant of every record is looked for in the text of
 * every document (its blocks after the header), as the register spells
 * it (case and accents as written), as a whole word; an occurrence that
 * no mention covers is reported.  Longer names are looked for first, and
 * a shorter one inside an occurrence already reported is not reported
 * again ("Sedna" inside "Sedna Welzijn Emmen").  A variant that is one
 * word of the preferred name ("GGZ" of "GGZ Zuid West Drenthe") is a
 * short form that names the record only where the encoder says so, and
 * is not looked for. */
#ifndef WB_LINT_H
#define WB_LINT_H

#include <stddef.h>

struct corpus;

struct lint_untagged {
	size_t doc, block;      /* corpus order; the block of the text */
	size_t start, end;      /* bytes into the block text */
	long entity;            /* whose name it is */
	const char *name;       /* the name as the register has it, borrowed */
};

/* Every untagged occurrence, in corpus order, *n of them; caller frees
 * the array (NULL when there are none). */
struct lint_untagged *lint_untagged(const struct corpus *c, size_t *n);

/* A record to look at again: never mentioned anywhere (other -1), or
 * likely the duplicate of an earlier record (other): their preferred
 * names are one name once normalised (entity_normalise: spaces, case,
 * accents).  Only authority records count, not names without one. */
struct lint_record {
	long entity;
	long other;
};

/* Every such record, the never mentioned first, each part in the order
 * of the entity index; *n of them; caller frees (NULL when none). */
struct lint_record *lint_records(const struct corpus *c, size_t *n);

#endif
