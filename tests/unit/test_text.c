/* Unit tests for text.c: decoding, sanitising, widths, character counts,
 * ASCII fallback; and layout.c's blank-line rule. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "../tap.h"
#include "buf.h"
#include "corpus.h"
#include "layout.h"
#include "text.h"

static char *sanitized(const char *s, size_t len)
{
	struct buf b = BUF_INIT;

	text_sanitize(&b, s, len);
	return buf_steal(&b);
}

static char *ascii(const char *s)
{
	struct buf b = BUF_INIT;

	text_to_ascii(&b, s, strlen(s));
	return buf_steal(&b);
}

int main(void)
{
	uint32_t cp;
	char *s;

	setlocale(LC_CTYPE, "C.UTF-8");

	is_int(text_decode("é", 2, &cp), 2, "é is two bytes");
	is_int(cp, 0xE9, "é decodes to U+00E9");
	is_int(text_decode("\xC0\xAF", 2, &cp), 1, "overlong '/' consumes one byte");
	is_int(cp, 0xFFFD, "overlong '/' is U+FFFD");
	is_int(text_decode("\xED\xA0\x80", 3, &cp), 1, "a surrogate is invalid");
	is_int(text_decode("\xE2\x82", 2, &cp), 1, "a truncated sequence is invalid");
	ok(text_valid_utf8("cliënten één", strlen("cliënten één")), "Dutch text is valid UTF-8");
	ok(!text_valid_utf8("a\xFF" "b", 3), "0xFF is not UTF-8");

	s = sanitized("a\033[2Jb", 6);
	is_str(s, "a^[[2Jb", "ESC becomes ^[");
	free(s);
	s = sanitized("x\xE2\x80\xAEy", 5);
	is_str(s, "x<U+202E>y", "RIGHT-TO-LEFT OVERRIDE becomes a placeholder");
	free(s);
	s = sanitized("\xC2\x9B" "31m", 5);
	is_str(s, "<U+009B>31m", "the C1 CSI never passes raw");
	free(s);
	{
		/* every default-ignorable code point: a placeholder; the
		 * characters beside the ranges are not */
		static const struct { uint32_t cp; int unsafe; } dic[] = {
			{ 0x3164, 1 }, { 0x115F, 1 }, { 0x1160, 1 }, { 0xFFA0, 1 },
			{ 0x180E, 1 }, { 0x034F, 1 }, { 0xFE00, 1 }, { 0xFE0F, 1 },
			{ 0xE0100, 1 }, { 0xE01EF, 1 }, { 0xE0000, 1 }, { 0xE0041, 1 },
			{ 0xE007F, 1 }, { 0x17B4, 1 }, { 0x1BCA0, 1 }, { 0x1D173, 1 },
			{ 0xFFF0, 1 }, { 0x2065, 1 }, { 0x180B, 1 },
			{ 0x3163, 0 }, { 0x3165, 0 }, { 0x115E, 0 }, { 0x1161, 0 },
			{ 0xFF9F, 0 }, { 0xFFA1, 0 }, { 0x034E, 0 }, { 0x0350, 0 },
			{ 0xFDFF, 0 }, { 0xFE10, 0 }, { 0xE1000, 0 }, { 0x1D172, 0 },
			{ 0x17B6, 0 }, { 0xE9, 0 }, { 0x20AC, 0 }, { 0x1F600, 0 },
		};
		struct buf b = BUF_INIT;
		size_t i;

		for (i = 0; i < sizeof(dic) / sizeof(dic[0]); i++) {
			char want[16];

			is_int(text_is_unsafe(dic[i].cp), dic[i].unsafe, "U+%04X is %s",
			       (unsigned)dic[i].cp, dic[i].unsafe ? "unsafe" : "safe");
			buf_reset(&b);
			text_encode(&b, dic[i].cp);
			s = sanitized(b.data, b.len);
			snprintf(want, sizeof want, "<U+%04X>", (unsigned)dic[i].cp);
			if (dic[i].unsafe)
				is_str(s, want, "U+%04X becomes its placeholder", (unsigned)dic[i].cp);
			free(s);
		}
		buf_free(&b);
	}
	s = sanitized("a\xFFz", 3);
	is_str(s, "a\xEF\xBF\xBDz", "an invalid byte becomes U+FFFD");
	free(s);
	s = sanitized("één café", strlen("één café"));
	is_str(s, "één café", "plain Dutch text passes unchanged");
	free(s);

	is_int(text_width("café", 5), 4, "café is four columns");
	is_int(text_width("e\xCC\x81", 3), 1, "e + combining acute is one column");
	is_int(text_width("日本", 6), 4, "CJK characters are two columns each");
	is_int(text_width("\t", 1), 2, "a tab shows as ^I, two columns");

	is_int(text_chars("café", 5), 4, "café is four characters");
	is_int(text_chars("e\xCC\x81", 3), 2, "e + combining acute is two");
	is_int(text_chars("a\xFF" "b", 3), 3, "an invalid byte is one");
	is_int(text_char_start("één", 1), 0, "inside é: back to its start");
	is_int(text_char_start("één", 2), 2, "at a start: stays");

	{
		struct block title = { .kind = BLOCK_TITLE }, meta = { .kind = BLOCK_META },
			     item = { .kind = BLOCK_ITEM }, para = { .kind = BLOCK_PARAGRAPH };

		ok(!layout_blank_between(NULL, &title), "no blank line before the first block");
		ok(!layout_blank_between(&title, &meta), "none between the title and a header line");
		ok(!layout_blank_between(&meta, &meta), "none between header lines");
		ok(!layout_blank_between(&item, &item), "none between list items");
		ok(layout_blank_between(&meta, &para), "one after the header");
		ok(layout_blank_between(&para, &item), "one before a list");
		ok(layout_blank_between(&item, &para), "one after it");
	}

	s = ascii("Cliënten, één Œuvre ĳs – “ok”…");
	is_str(s, "Clienten, een OEuvre ijs - \"ok\"...", "accents dropped for ASCII terminals");
	free(s);
	s = ascii("Ștefan Æsop Þór cafe\xCC\x81 Ωμέγα");
	is_str(s, "Stefan AEsop THor cafe ?????", "ASCII letters come from the one fold");
	free(s);
	return done_testing();
}
