/* idtab.h: the one hash table: ids (strings) to indexes.
 *
 * Open addressing with linear probing over a power-of-two array, kept at
 * most half full.  The table borrows its keys: each must stay unchanged
 * at the same address while the table holds it (the owner's id strings).
 * Used for document ids, entity ids and anything else looked up by id. */
#ifndef WB_IDTAB_H
#define WB_IDTAB_H

#include <stddef.h>

struct idtab_slot {
	const char *key;        /* borrowed; NULL for an empty slot */
	size_t value;
};

struct idtab {
	struct idtab_slot *slots;
	size_t cap, n;
};

#define IDTAB_INIT { NULL, 0, 0 }
#define IDTAB_NONE ((size_t)-1)

/* Maps key to value unless key is there already: the first one stays.
 * Returns the value key maps to afterwards. */
size_t idtab_put(struct idtab *t, const char *key, size_t value);
/* The value of key, or IDTAB_NONE. */
size_t idtab_get(const struct idtab *t, const char *key);
size_t idtab_count(const struct idtab *t);
/* Frees the slots (not the keys) and empties t. */
void idtab_free(struct idtab *t);

/* FNV-1a of a string. */
size_t hash_string(const char *s);

#endif
