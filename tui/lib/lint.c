/* lint.c: register names left untagged in the text (lint.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "idtab.h"
#include "lint.h"
#include "names.h"

static int overlaps(size_t s1, size_t e1, size_t s2, size_t e2)
{
	return s1 < e2 && s2 < e1;
}

/* Whether [start, end) of b is inside a mention, or inside an occurrence
 * already found (from found[first..n)). */
static int covered(const struct block *b, size_t start, size_t end,
		   const struct lint_untagged *found, size_t first, size_t n)
{
	size_t i;

	for (i = 0; i < b->nspans; i++)
		if (b->spans[i].kind == SPAN_MENTION &&
		    overlaps(start, end, b->spans[i].start, b->spans[i].end))
			return 1;
	for (i = first; i < n; i++)
		if (overlaps(start, end, found[i].start, found[i].end))
			return 1;
	return 0;
}

static int by_place(const void *a, const void *b)
{
	const struct lint_untagged *x = a, *y = b;

	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

struct lint_untagged *lint_untagged(const struct corpus *c, size_t *n)
{
	size_t nnames, i, k, d, cap = 0;
	struct name_ref *names = names_build(corpus_entities(c), 0, &nnames);
	struct lint_untagged *found = NULL;

	*n = 0;
	for (d = 0; d < corpus_ndocs(c); d++) {
		const struct doc *doc = corpus_doc(c, d);

		for (k = doc->nheader; k < doc->nblocks; k++) {
			const struct block *b = &doc->blocks[k];
			size_t first = *n;

			for (i = 0; i < nnames; i++) {
				const char *p = b->text + b->label_len, *end = b->text + b->len;

				while ((p = memmem(p, (size_t)(end - p), names[i].name,
						   names[i].len)) != NULL) {
					size_t s = (size_t)(p - b->text), e = s + names[i].len;

					p++;
					if (names_inside_word(b->text, b->len, s, e) || covered(b, s, e, found, first, *n))
						continue;
					found = xgrow(found, &cap, *n + 1, sizeof(*found));
					found[(*n)++] = (struct lint_untagged){
						d, k, s, e, names[i].entity, names[i].name
					};
				}
			}
			if (*n > first)
				qsort(found + first, *n - first, sizeof(*found), by_place);
		}
	}
	free(names);
	return found;
}

/* The duplicates: each record whose normalised preferred name an earlier
 * record has, against the first that has it. */
static void duplicates(const struct entity_index *ix, struct lint_record **out, size_t *n,
		       size_t *cap)
{
	struct idtab seen = IDTAB_INIT;
	size_t i, count = entity_count(ix);
	char **keys = xcalloc(count ? count : 1, sizeof(*keys));

	for (i = 0; i < count; i++) {
		const struct entity *e = entity_get(ix, (long)i);
		size_t first;

		if (!e->source)
			continue;
		keys[i] = entity_normalise(e->name);
		first = idtab_put(&seen, keys[i], i);
		if (first != i) {
			*out = xgrow(*out, cap, *n + 1, sizeof(**out));
			(*out)[(*n)++] = (struct lint_record){ (long)i, (long)first };
		}
	}
	idtab_free(&seen);
	for (i = 0; i < count; i++)
		free(keys[i]);
	free(keys);
}

struct lint_record *lint_records(const struct corpus *c, size_t *n)
{
	const struct entity_index *ix = corpus_entities(c);
	struct lint_record *out = NULL;
	size_t cap = 0, i, count = entity_count(ix);

	*n = 0;
	for (i = 0; i < count; i++) {
		const struct entity *e = entity_get(ix, (long)i);

		if (e->source && e->nmentions == 0) {
			out = xgrow(out, &cap, *n + 1, sizeof(*out));
			out[(*n)++] = (struct lint_record){ (long)i, -1 };
		}
	}
	duplicates(ix, &out, n, &cap);
	return out;
}
