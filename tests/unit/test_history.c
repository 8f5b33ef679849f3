/* Unit tests for history.c: back and forward, a visit dropping forward
 * history, the HISTORY_MAX cap, the last jump ('') and the marks. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "../tap.h"
#include "history.h"

static struct location doc(const char *id, size_t block)
{
	struct location l = { LOC_DOC, id, block, 0 };

	return l;
}

int main(void)
{
	struct history_list h;
	struct location a = doc("a", 0), a5 = doc("a", 5), b = doc("b", 0), b7 = doc("b", 7);
	struct location c = doc("c", 0), none = { LOC_NONE, NULL, 0, 0 };
	const struct location *to;
	char id[16], *owned;
	size_t i;
	int fine;

	history_list_init(&h);
	ok(history_back(&h, &a) == NULL, "an empty history has no back");
	ok(history_forward(&h, &a) == NULL, "and no forward");
	ok(history_mark(&h, 'a') == NULL, "and no marks");
	is_int(h.last_jump.kind, LOC_NONE, "and no last jump");

	history_visit(&h, NULL, &a);
	is_int(h.n, 1, "the first page is the first entry");
	history_visit(&h, &a5, &b);
	is_int(h.n, 2, "a visit adds an entry");
	is_int(h.pos, 1, "and stands on it");
	is_int(h.items[0].block, 5, "the page left keeps the position it was left at");
	is_str(h.last_jump.id, "a", "a visit is a jump: '' goes back to the page left");
	is_int(h.last_jump.block, 5, "at its position");

	to = history_back(&h, &b7);
	ok(to && to->id && strcmp(to->id, "a") == 0 && to->block == 5, "back: the page before, where it was left");
	is_int(h.items[1].block, 7, "back remembers where the page was left");
	is_str(h.last_jump.id, "b", "back is a jump");
	ok(history_back(&h, to) == NULL, "no back before the first page");
	to = history_forward(&h, &a5);
	ok(to && strcmp(to->id, "b") == 0 && to->block == 7, "forward again, where it was left");
	ok(history_forward(&h, &b7) == NULL, "no forward after the last page");

	/* a visit from the middle drops what lay ahead */
	history_back(&h, &b7);
	history_visit(&h, &a5, &c);
	is_int(h.n, 2, "a visit from the middle drops the forward history");
	is_str(h.items[1].id, "c", "and the new page takes its place");
	ok(history_forward(&h, &c) == NULL, "so there is no forward");

	/* the same page again: its entry moves, none is added */
	history_visit(&h, &c, &(struct location){ LOC_DOC, "c", 9, 3 });
	is_int(h.n, 2, "a visit to the page shown adds no entry");
	is_int(h.items[1].block, 9, "it moves the entry's position");

	/* history-visit-to-own-location: going to '' hands the list its own
	 * last jump, which the visit overwrote before using it */
	history_jumped(&h, &a);
	history_visit(&h, &c, &h.last_jump);
	is_str(h.items[h.pos].id, "a", "history-visit-to-own-location: '' goes to the last jump");
	is_str(h.last_jump.id, "c", "and '' again would come back");
	history_set_mark(&h, 'm', &b);
	history_visit(&h, &a, history_mark(&h, 'm'));
	is_str(h.items[h.pos].id, "b", "a visit to a mark, handed over as the list's own");
	history_visit(&h, &b, &h.items[0]);
	is_str(h.items[h.pos].id, "a", "a visit to an entry, handed over as the list's own");

	/* marks */
	ok(history_set_mark(&h, 'a', &b7), "set mark a");
	ok(history_set_mark(&h, 'z', &c), "set mark z");
	ok(!history_set_mark(&h, 'A', &c), "A is not a mark");
	ok(!history_set_mark(&h, '\'', &c), "' is not a mark");
	to = history_mark(&h, 'a');
	ok(to && strcmp(to->id, "b") == 0 && to->block == 7, "mark a is where it was set");
	ok(history_mark(&h, 'b') == NULL, "mark b is not set");
	ok(history_mark(&h, '{') == NULL && history_mark(&h, 0) == NULL, "no mark outside a-z");
	owned = strdup("d");
	history_set_mark(&h, 'd', &(struct location){ LOC_DOC, owned, 1, 2 });
	free(owned);
	is_str(history_mark(&h, 'd')->id, "d", "a mark keeps a copy of the id");
	history_set_mark(&h, 'a', &c);
	is_str(history_mark(&h, 'a')->id, "c", "setting a mark again moves it");
	history_jumped(&h, &c);
	history_jumped(&h, &none);
	is_str(h.last_jump.id, "c", "a jump from nowhere is not recorded");
	history_jumped(&h, NULL);
	is_str(h.last_jump.id, "c", "nor a jump from NULL");
	history_list_free(&h);
	is_int(h.n, 0, "freed: empty");
	history_list_free(&h);

	/* the cap */
	history_list_init(&h);
	history_visit(&h, NULL, &a);
	for (i = 0; i < HISTORY_MAX + 100; i++) {
		snprintf(id, sizeof(id), "d%zu", i);
		history_visit(&h, &h.items[h.pos], &(struct location){ LOC_DOC, id, 0, 0 });
	}
	is_int(h.n, HISTORY_MAX, "the history holds at most HISTORY_MAX pages");
	is_int(h.pos, HISTORY_MAX - 1, "and stands on the newest");
	snprintf(id, sizeof(id), "d%d", 100);
	is_str(h.items[0].id, id, "the oldest are dropped first");
	fine = 1;
	for (i = 0; i < HISTORY_MAX - 1; i++)
		fine = fine && history_back(&h, &h.items[h.pos]) != NULL;
	ok(fine, "back goes through all of them");
	ok(history_back(&h, &h.items[h.pos]) == NULL, "and stops at the oldest kept");
	history_list_free(&h);

	/* a list filled from elsewhere, longer than the cap */
	history_list_init(&h);
	for (i = 0; i < HISTORY_MAX + 10; i++) {
		snprintf(id, sizeof(id), "e%zu", i);
		h.items = realloc(h.items, (h.n + 1) * sizeof(*h.items));
		h.cap = h.n + 1;
		memset(&h.items[h.n], 0, sizeof(*h.items));
		location_copy(&h.items[h.n++], &(struct location){ LOC_DOC, id, 0, 0 });
	}
	h.pos = h.n - 1;
	history_visit(&h, &h.items[h.pos], &b);
	is_int(h.n, HISTORY_MAX, "a visit brings a list longer than the cap back to it");
	is_str(h.items[h.pos].id, "b", "and stands on the new page");
	history_list_free(&h);

	return done_testing();
}
