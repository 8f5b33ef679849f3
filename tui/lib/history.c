/* history.c: the reader's back/forward list, last jump and marks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "history.h"

void history_list_init(struct history_list *h)
{
	memset(h, 0, sizeof(*h));
}

void history_list_free(struct history_list *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		location_clear(&h->items[i]);
	free(h->items);
	location_clear(&h->last_jump);
	for (i = 0; i < MARKS; i++)
		location_clear(&h->marks[i]);
	memset(h, 0, sizeof(*h));
}

/* Drops the oldest entries until at most max are left. */
static void trim(struct history_list *h, size_t max)
{
	size_t i, drop;

	if (h->n <= max)
		return;
	drop = h->n - max;
	for (i = 0; i < drop; i++)
		location_clear(&h->items[i]);
	memmove(&h->items[0], &h->items[drop], max * sizeof(*h->items));
	h->n = max;
	h->pos = h->pos >= drop ? h->pos - drop : 0;
}

void history_cap(struct history_list *h)
{
	trim(h, HISTORY_MAX);
}

static void push(struct history_list *h, const struct location *l)
{
	trim(h, HISTORY_MAX - 1);
	h->items = xgrow(h->items, &h->cap, h->n + 1, sizeof(*h->items));
	memset(&h->items[h->n], 0, sizeof(*h->items));
	location_copy(&h->items[h->n], l);
	h->n++;
}

void history_update(struct history_list *h, const struct location *here)
{
	if (h->n && here->kind != LOC_NONE && location_same_page(&h->items[h->pos], here))
		location_copy(&h->items[h->pos], here);
}

void history_visit(struct history_list *h, const struct location *here,
		   const struct location *to_arg)
{
	struct location to_copy = { LOC_NONE, NULL, 0, 0 };
	const struct location *to = &to_copy;

	/* to may be h's own: the last jump (overwritten just below), a mark or
	 * an entry (cleared or moved when the list changes) */
	location_copy(&to_copy, to_arg);
	if (here && here->kind != LOC_NONE) {
		if (!h->n)
			push(h, here);
		else
			history_update(h, here);
		history_jumped(h, here);
	}
	/* forward history ends here */
	while (h->n > h->pos + 1)
		location_clear(&h->items[--h->n]);
	if (h->n && location_same_page(&h->items[h->pos], to)) {
		location_copy(&h->items[h->pos], to);
	} else {
		push(h, to);
		h->pos = h->n - 1;
	}
	location_clear(&to_copy);
}

const struct location *history_back(struct history_list *h, const struct location *here)
{
	if (!h->n || h->pos == 0)
		return NULL;
	history_update(h, here);
	history_jumped(h, here);
	h->pos--;
	return &h->items[h->pos];
}

const struct location *history_forward(struct history_list *h, const struct location *here)
{
	if (h->pos + 1 >= h->n)
		return NULL;
	history_update(h, here);
	history_jumped(h, here);
	h->pos++;
	return &h->items[h->pos];
}

void history_jumped(struct history_list *h, const struct location *here)
{
	if (here && here->kind != LOC_NONE)
		location_copy(&h->last_jump, here);
}

int history_set_mark(struct history_list *h, int c, const struct location *here)
{
	if (c < 'a' || c > 'z')
		return 0;
	location_copy(&h->marks[c - 'a'], here);
	return 1;
}

const struct location *history_mark(const struct history_list *h, int c)
{
	if (c < 'a' || c > 'z' || h->marks[c - 'a'].kind == LOC_NONE)
		return NULL;
	return &h->marks[c - 'a'];
}
