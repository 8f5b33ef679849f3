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

static void push(struct history_list *h, const struct location *l)
{
	if (h->n == HISTORY_MAX) {
		location_clear(&h->items[0]);
		memmove(&h->items[0], &h->items[1], (h->n - 1) * sizeof(*h->items));
		h->n--;
	}
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
		   const struct location *to)
{
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
		return;
	}
	push(h, to);
	h->pos = h->n - 1;
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
