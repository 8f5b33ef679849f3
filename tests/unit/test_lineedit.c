/* Unit tests for lineedit.c: readline's motions, deleting and killing,
 * yanking, and UTF-8 characters never split. */
#include "config.h"

#include "../tap.h"
#include "lineedit.h"

static const char *t(const struct line_edit *e)
{
	return e->text.data ? e->text.data : "";
}

int main(void)
{
	struct line_edit e = LINE_EDIT_INIT;

	line_edit_set(&e, "zorXg");
	is_int(e.cursor, 5, "set puts the cursor at the end");
	ok(line_edit_move(&e, LINE_CHAR_LEFT), "Left moves");
	ok(line_edit_delete(&e, LINE_CHAR_LEFT, 0), "Backspace deletes");
	is_str(t(&e), "zorg", "Left then Backspace deletes the character before the cursor");
	is_int(e.cursor, 3, "and the cursor stays before g");
	line_edit_insert(&e, "ro", 2);
	is_str(t(&e), "zorrog", "typing inserts at the cursor");
	ok(line_edit_move(&e, LINE_CHAR_RIGHT), "Right moves");
	is_int(e.cursor, 6, "one character");
	ok(!line_edit_move(&e, LINE_CHAR_RIGHT), "Right at the end does not move");

	line_edit_set(&e, "Aly van Beek");
	line_edit_move(&e, LINE_WORD_LEFT);
	is_int(e.cursor, 8, "M-b goes to the start of the last word");
	line_edit_move(&e, LINE_WORD_LEFT);
	is_int(e.cursor, 4, "and the one before");
	line_edit_move(&e, LINE_WORD_RIGHT);
	is_int(e.cursor, 7, "M-f goes to the end of the word");
	line_edit_move(&e, LINE_START);
	is_int(e.cursor, 0, "C-a goes to the start");
	ok(!line_edit_delete(&e, LINE_CHAR_LEFT, 0), "Backspace at the start deletes nothing");
	line_edit_delete(&e, LINE_CHAR_RIGHT, 0);
	is_str(t(&e), "ly van Beek", "Delete deletes the character under the cursor");
	line_edit_move(&e, LINE_END);
	is_int(e.cursor, 11, "C-e goes to the end");

	line_edit_set(&e, ":open a-b c");
	ok(line_edit_delete(&e, LINE_SPACE_WORD_LEFT, 1), "C-w deletes");
	is_str(t(&e), ":open a-b ", "C-w deletes back to a space");
	line_edit_delete(&e, LINE_SPACE_WORD_LEFT, 1);
	is_str(t(&e), ":open ", "and over spaces first, the word with its hyphen");
	line_edit_move(&e, LINE_START);
	line_edit_move(&e, LINE_CHAR_RIGHT);
	line_edit_delete(&e, LINE_END, 1);
	is_str(t(&e), ":", "C-k deletes to the end");
	ok(line_edit_yank(&e), "C-y yanks");
	is_str(t(&e), ":open ", "what C-k killed");
	line_edit_move(&e, LINE_CHAR_LEFT);
	line_edit_delete(&e, LINE_START, 1);
	is_str(t(&e), " ", "C-u deletes to the start");
	line_edit_yank(&e);
	line_edit_yank(&e);
	is_str(t(&e), ":open:open ", "C-y yanks again, at the cursor");

	/* UTF-8: é is two bytes, 中 three */
	line_edit_set(&e, "caf\xC3\xA9\xE4\xB8\xAD");
	line_edit_move(&e, LINE_CHAR_LEFT);
	is_int(e.cursor, 5, "Left over a three-byte character");
	line_edit_move(&e, LINE_CHAR_LEFT);
	is_int(e.cursor, 3, "Left over a two-byte character");
	line_edit_delete(&e, LINE_CHAR_RIGHT, 0);
	is_str(t(&e), "caf\xE4\xB8\xAD", "Delete takes the whole character");
	line_edit_move(&e, LINE_END);
	line_edit_delete(&e, LINE_CHAR_LEFT, 0);
	is_str(t(&e), "caf", "Backspace takes the whole character");
	line_edit_set(&e, "Beëk x");
	line_edit_move(&e, LINE_CHAR_LEFT);
	line_edit_move(&e, LINE_WORD_LEFT);
	is_int(e.cursor, 0, "an accented letter is part of a word");

	line_edit_set(&e, ":open inno");
	line_edit_replace(&e, 6, "Innovatie begint klein");
	is_str(t(&e), ":open Innovatie begint klein", "a completion replaces the word");
	is_int(e.cursor, e.text.len, "and the cursor follows it");
	line_edit_free(&e);
	line_edit_free(&e);
	ok(1, "line_edit_free twice is safe");
	return done_testing();
}
