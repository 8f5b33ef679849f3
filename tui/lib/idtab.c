/* idtab.c: ids to indexes, by open addressing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "idtab.h"

size_t hash_string(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

/* The slot holding key, or the empty slot where it would go. */
static struct idtab_slot *probe(struct idtab_slot *slots, size_t cap, const char *key)
{
	size_t mask = cap - 1, h = hash_string(key) & mask;

	while (slots[h].key && strcmp(slots[h].key, key) != 0)
		h = (h + 1) & mask;
	return &slots[h];
}

static void grow(struct idtab *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64, i;
	struct idtab_slot *slots = xcalloc(cap, sizeof(*slots));

	for (i = 0; i < t->cap; i++)
		if (t->slots[i].key)
			*probe(slots, cap, t->slots[i].key) = t->slots[i];
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

size_t idtab_put(struct idtab *t, const char *key, size_t value)
{
	struct idtab_slot *s;

	if ((t->n + 1) * 2 > t->cap)
		grow(t);
	s = probe(t->slots, t->cap, key);
	if (!s->key) {
		s->key = key;
		s->value = value;
		t->n++;
	}
	return s->value;
}

size_t idtab_get(const struct idtab *t, const char *key)
{
	const struct idtab_slot *s;

	if (!t->cap)
		return IDTAB_NONE;
	s = probe(t->slots, t->cap, key);
	return s->key ? s->value : IDTAB_NONE;
}

size_t idtab_count(const struct idtab *t)
{
	return t->n;
}

void idtab_free(struct idtab *t)
{
	free(t->slots);
	t->slots = NULL;
	t->cap = t->n = 0;
}
