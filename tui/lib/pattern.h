/* pattern.h: reading a search pattern before it is compiled (search.c).
 *
 * Patterns are PCRE2 syntax (docs/search.md); these functions know just
 * enough of it to tell literal characters from syntax. */
#ifndef WB_PATTERN_H
#define WB_PATTERN_H

#include <stddef.h>

struct buf;

/* Whether a character of pat[0..len) that stands for itself is an
 * upper-case or title-case letter, as Unicode says (smart case; less -i
 * and ripgrep -S decide the same way).  Escapes, options, group names,
 * verbs and comments are syntax; letters in classes and in \Q…\E count. */
int pattern_has_literal_upper(const char *pat, size_t len);

/* Appends pat[0..len) to out with its literal characters folded as
 * fold.h folds text (accents, not case).  ASCII is unchanged, so escapes
 * survive; an escaped letter that folds to ASCII loses its backslash
 * ("\é" becomes "e", not ESC); a fold of several letters becomes a group
 * ("æ" becomes "(?:ae)") except in a class or \Q…\E, where "[æ]" becomes
 * "[ae]".  Escapes such as \x{e9} are not folded. */
void pattern_fold(const char *pat, size_t len, struct buf *out);

#endif
