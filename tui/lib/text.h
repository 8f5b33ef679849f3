/* text.h: UTF-8 decoding, display widths and sanitising of corpus text.
 *
 * Everything that turns corpus bytes into something a terminal or a pipe
 * may receive goes through here: a control character (C0, DEL, C1) or a
 * bidirectional control never leaves the program raw.  Widths are display
 * columns as the terminal counts them (wcwidth in a UTF-8 locale). */
#ifndef WB_TEXT_H
#define WB_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* Decodes one code point from s[0..len) (len >= 1) into *cp and returns
 * the bytes it used.  An invalid or truncated sequence yields U+FFFD and
 * consumes exactly one byte, so a walk always advances. */
size_t text_decode(const char *s, size_t len, uint32_t *cp);

/* Appends the UTF-8 encoding of cp (a valid scalar value) to b. */
void text_encode(struct buf *b, uint32_t cp);

/* Whether cp must not reach a terminal as itself: C0 controls (tab and
 * newline included), DEL, C1 controls, bidirectional controls and every
 * default-ignorable code point (Hangul fillers, variation selectors, the
 * Mongolian vowel separator, the combining grapheme joiner, tag
 * characters …): what reorders text or shows as nothing or a blank. */
int text_is_unsafe(uint32_t cp);

/* Appends the visible placeholder for an unsafe code point: caret notation
 * for C0 and DEL ("^[", "^?"), "<U+202E>" for the others. */
void text_placeholder(struct buf *b, uint32_t cp);

/* Display columns of cp: 0 for combining marks, 2 for wide characters,
 * the placeholder's width for unsafe ones. */
int text_cp_width(uint32_t cp);

/* Display columns of s[0..len) after sanitising: the one count of
 * display columns (layout, KWIC, the panes through render_width). */
size_t text_width(const char *s, size_t len);

/* Characters (code points, as text_decode walks them) in s[0..len): the
 * one count of character columns (--search's column, 1 + this count of
 * the text before the hit). */
size_t text_chars(const char *s, size_t len);

/* The start of the character that byte off of s is in (off itself when
 * it is a start): a cut there never splits a character. */
size_t text_char_start(const char *s, size_t off);

/* Appends s[0..len) to b with every unsafe code point replaced by its
 * placeholder and every invalid byte by U+FFFD.  Returns the number of
 * replacements made. */
size_t text_sanitize(struct buf *b, const char *s, size_t len);

/* Whether s[0..len) is valid UTF-8 (no surrogates, no overlongs). */
int text_valid_utf8(const char *s, size_t len);

/* Appends s as ASCII, for terminals whose locale cannot show UTF-8:
 * letters folded as fold.h folds them (é → e, æ → ae, a combining
 * accent → nothing), typographic punctuation as its ASCII look-alike,
 * unsafe code points as placeholders, anything else as "?". */
void text_to_ascii(struct buf *b, const char *s, size_t len);

/* Whether needle occurs in haystack, case and accents ignored: both
 * folded with fold.h's FOLD_CASE, the fold --fold searches with.  For
 * the lists' & filter. */
int text_contains_folded(const char *haystack, const char *needle);

#endif
