/* Unit tests for fold.c and pattern.c's folding: the one fold rule, the
 * filter and --fold agreeing on it, and folded offsets mapped back to
 * whole characters of the original. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "buf.h"
#include "entity.h"
#include "fold.h"
#include "pattern.h"
#include "text.h"

static char *folded(const char *s, unsigned flags)
{
	struct buf b = BUF_INIT;

	fold_append(&b, s, strlen(s), flags);
	return b.data ? buf_steal(&b) : xstrdup("");
}

static void fold_is(const char *s, unsigned flags, const char *want, const char *what)
{
	char *got = folded(s, flags);

	is_str(got, want, "%s", what);
	free(got);
}

static char *pattern(const char *s)
{
	struct buf b = BUF_INIT;

	pattern_fold(s, strlen(s), &b);
	return b.data ? buf_steal(&b) : xstrdup("");
}

static void test_rule(void)
{
	fold_is("Ștefan Æsop Straße Łódź Øresund", 0, "Stefan AEsop Strasse Lodz Oresund",
		"accents off, case kept");
	fold_is("Ștefan Æsop Straße Łódź Øresund", FOLD_CASE,
		"stefan aesop strasse lodz oresund", "accents and case off");
	fold_is("æœøßłđıðþħŧŋ", 0, "aeoeossldidthhtn", "the letters that do not decompose");
	fold_is("ÆŒØẞŁĐÐÞĦŦŊ", 0, "AEOEOSSLDDTHHTN", "and their capitals");
	fold_is("cafe\xCC\x81 één", 0, "cafe een", "a combining accent is dropped");
	fold_is("Ά ΐ Ωμέγα", FOLD_CASE, "α ι ωμεγα", "Greek loses its tonos, and its case");
	fold_is("Ёлка й", FOLD_CASE, "елка и", "Cyrillic decomposes too");
	fold_is("ĳ 漢字 “x”", FOLD_CASE, "ĳ 漢字 “x”", "what does not decompose stays");
	fold_is("a\xFF" "b", 0, "a\xEF\xBF\xBD" "b", "an invalid byte becomes U+FFFD");
}

static void test_filter_agrees(void)
{
	static const char *const pairs[][2] = {
		{ "Ștefan cel Mare", "stefan" },
		{ "Fabels van Æsop", "aesop" },
		{ "Lange Straße 5", "strasse" },
		{ "Łódź", "lodz" },
		{ "De Øresund", "oresund" },
	};
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		ok(text_contains_folded(pairs[i][0], pairs[i][1]),
		   "filter: '%s' finds '%s'", pairs[i][1], pairs[i][0]);
	}
	ok(text_contains_folded("stefan", "Ștefan"), "filter: Ștefan finds stefan");
	ok(text_contains_folded("AESOP", "Æsop"), "filter: Æsop finds AESOP");
	ok(!text_contains_folded("Æsop", "esop x"), "filter: and not what is not there");
}

/* Whether off is at a character boundary of s[0..len). */
static int boundary(const char *s, size_t len, size_t off)
{
	return off == len || ((unsigned char)s[off] & 0xC0) != 0x80;
}

static void test_offsets(void)
{
	static const char s[] = "Straße Æsop e\xCC\x81" "x é";
	struct fold_text ft = FOLD_TEXT_INIT;
	size_t len = strlen(s), f, g, a, b;
	int whole = 1;

	fold_text_build(&ft, s, len);
	is_str(ft.text, "Strasse AEsop ex e", "the folded copy");
	/* "Strass": the end in the middle of ss covers ß whole */
	is_int(fold_text_start(&ft, 0), 0, "a start before any fold is itself");
	is_int(fold_text_end(&ft, 6), strlen("Straß"), "an end inside ss is after ß");
	is_int(fold_text_end(&ft, 4), 4, "an end before ss is before ß");
	is_int(fold_text_start(&ft, 5), 4, "a start inside ss is at ß");
	is_int(fold_text_start(&ft, 9), strlen("Straße "), "a start inside AE is at Æ");
	is_int(fold_text_end(&ft, 9), strlen("Straße Æ"), "an end inside AE is after Æ");
	is_int(fold_text_end(&ft, strlen("Strasse AEsop e")), strlen("Straße Æsop e\xCC\x81"),
	       "an end after e takes its dropped accent along");
	is_int(fold_text_start(&ft, strlen("Strasse AEsop e")), strlen("Straße Æsop e\xCC\x81"),
	       "a start after e is after its accent");
	is_int(fold_text_end(&ft, ft.len), len, "the end is the end");
	for (f = 0; f <= ft.len; f++)
		for (g = f; g <= ft.len; g++) {
			a = fold_text_start(&ft, f);
			b = fold_text_end(&ft, g);
			if (!boundary(s, len, a) || !boundary(s, len, b) || a > b || b > len)
				whole = 0;
		}
	ok(whole, "every folded range maps to whole characters, in order");
	fold_text_free(&ft);
	fold_text_build(&ft, "plain", 5);
	ok(ft.text == NULL && fold_text_end(&ft, 3) == 3, "nothing to fold: no copy");
	fold_text_free(&ft);
	fold_text_free(NULL);
}

static void test_pattern(void)
{
	char *p;

	p = pattern("Ștefan|æ+|[æé]|\\é|\\Qß+\\E|x{2}");
	is_str(p, "Stefan|(?:ae)+|[aee]|e|\\Qss+\\E|x{2}",
	       "a pattern folds its literals; a fold of two letters is one atom");
	free(p);
	p = pattern("\\x{e9}\\w");
	is_str(p, "\\x{e9}\\w", "escapes are not folded");
	free(p);
	ok(pattern_has_literal_upper("Æsop", strlen("Æsop")), "Æsop has a capital");
	ok(!pattern_has_literal_upper("\\Wæsop", strlen("\\Wæsop")), "\\Wæsop has none");
}

/* Names sort by the same fold, in --entities as in the Entities pane. */
static void test_entity_order(void)
{
	static const char *const names[] = { "Zoë", "Ștefan", "Æsop", "bob", "Ada" };
	struct entity_index *ix = entity_index_new();
	long ids[5];
	char *n;
	size_t i, k;

	for (i = 0; i < 5; i++) {
		long e = entity_add(ix, names[i], "person");

		entity_add_name(ix, e, names[i]);
		for (k = 0; k < i % 3; k++)
			entity_add_mention(ix, e, 0, 0, k, 1);
		ids[i] = e;
	}
	entity_index_finish(ix);
	entity_sort(ix, ids, 5, ENTITY_BY_NAME);
	ok(ids[0] == 4 && ids[1] == 2 && ids[2] == 3 && ids[3] == 1 && ids[4] == 0,
	   "by name: Ada, Æsop, bob, Ștefan, Zoë (accents and case ignored)");
	entity_sort(ix, ids, 5, ENTITY_BY_MENTIONS);
	ok(ids[0] == 2 && ids[1] == 4 && ids[2] == 1 && ids[3] == 3 && ids[4] == 0,
	   "by mentions: Æsop (2); Ada, Ștefan (1); bob, Zoë (0), each by name");
	n = entity_normalise("  Ștefan \t cel  MARE ");
	is_str(n, "stefan cel mare", "a name normalised: spaces collapsed, folded");
	free(n);
	entity_index_free(ix);
}

int main(void)
{
	const char *out;

	setlocale(LC_CTYPE, "C.UTF-8");
	is_int(fold_cp('a', 0, &out), -1, "ASCII stays without FOLD_CASE");
	ok(fold_cp('Q', FOLD_CASE, &out) == 1 && out[0] == 'q', "and is lower-cased with it");
	ok(fold_cp(0x301, 0, &out) == 0, "a combining mark folds to nothing");
	is_int(fold_cp(0x416, 0, &out), -1, "Ж keeps its case without FOLD_CASE");
	test_rule();
	test_filter_agrees();
	test_offsets();
	test_pattern();
	test_entity_order();
	return done_testing();
}
