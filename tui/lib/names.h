/* names.h: the register's names as a table to find in running text.
 *
 * One table for the two readers of plain text against the register: the
 * lint of names left untagged (lint.c) and the import of a report
 * (import.c).  A name is looked for as the register spells it (case and
 * accents as written), as a whole word (names_inside_word).  A variant
 * that is one word of the preferred name ("GGZ" of "GGZ Zuid West
 * Drenthe") is a short form that names the record only where the encoder
 * says so: the lint leaves it out, the import tags it as uncertain.  A record named by its id only has no
 * name to find. */
#ifndef WB_NAMES_H
#define WB_NAMES_H

#include <stddef.h>
#include <stdint.h>

struct entity_index;

struct name_ref {
	const char *name;       /* borrowed from the entity index */
	size_t len;
	long entity;
	int preferred;          /* the record's preferred name, not a variant */
	int short_form;         /* a variant that is one word of the
				 * preferred name */
};

/* Every name and variant of every record, longest first (then by bytes,
 * then preferred names before variants, then by entity index); *n of
 * them; short forms only with_short_forms.  Caller frees the array. */
struct name_ref *names_build(const struct entity_index *ix, int with_short_forms, size_t *n);

/* A letter or digit: ASCII ones, and the Latin letters with accents
 * (U+00C0 to U+024F but the two signs among them); a word goes on
 * through it, a quote or a dash ends it. */
int names_word_char(uint32_t cp);

/* Whether a word goes on before byte s or from byte e of text[0..len):
 * a name found at [s, e) is then part of a longer word. */
int names_inside_word(const char *text, size_t len, size_t s, size_t e);

#endif
