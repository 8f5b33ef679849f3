/* location.c: copying and comparing locations. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "location.h"

void location_copy(struct location *dst, const struct location *src)
{
	char *id = src->id ? xstrdup(src->id) : NULL;

	free_const(dst->id);
	*dst = *src;
	dst->id = id;
}

void location_clear(struct location *l)
{
	free_const(l->id);
	memset(l, 0, sizeof(*l));
}

int location_same_page(const struct location *a, const struct location *b)
{
	if (a->kind != b->kind)
		return 0;
	if (!a->id || !b->id)
		return a->id == b->id;
	return strcmp(a->id, b->id) == 0;
}
