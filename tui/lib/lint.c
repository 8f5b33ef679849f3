/* lint.c: register names left untagged in the text (lint.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "lint.h"
#include "text.h"

struct name_ref {
	const char *name;
	size_t len;
	long entity;
};

static int by_length(const void *a, const void *b)
{
	const struct name_ref *x = a, *y = b;

	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Whether variant is one word of name ("GGZ" of "GGZ Zuid West Drenthe",
 * "Gemeente" of "gemeente Stadskanaal", "MKB" of "MKB-Nederland"), case
 * aside: a short form, which names the record only where the encoder
 * says so ("de GGZ" is mental health care in general). */
static int short_form(const char *variant, const char *name)
{
	size_t n = strlen(variant);
	const char *p;

	if (strpbrk(variant, " -"))
		return 0;
	for (p = name; *p; p++) {
		if (p != name && p[-1] != ' ' && p[-1] != '-')
			continue;
		if (strncasecmp(p, variant, n) == 0 && (!p[n] || p[n] == ' ' || p[n] == '-'))
			return 1;
	}
	return 0;
}

/* Every name and variant of every record, longest first. */
static struct name_ref *all_names(const struct entity_index *ix, size_t *n)
{
	struct name_ref *names = NULL;
	size_t cap = 0, i, k, count = entity_count(ix);

	*n = 0;
	for (i = 0; i < count; i++) {
		const struct entity *e = entity_get(ix, (long)i);

		for (k = 0; k <= e->nvariants; k++) {
			const char *s = k ? e->variants[k - 1] : e->name;

			/* a record named by its id only has no name to find */
			if (!s || !*s || (k == 0 && strcmp(s, e->id) == 0) ||
			    (k > 0 && short_form(s, e->name)))
				continue;
			names = xgrow(names, &cap, *n + 1, sizeof(*names));
			names[(*n)++] = (struct name_ref){ s, strlen(s), (long)i };
		}
	}
	if (*n)
		qsort(names, *n, sizeof(*names), by_length);
	return names;
}

/* A letter or digit: ASCII ones, and the Latin letters with accents
 * (U+00C0 to U+024F but the two signs among them); a word goes on through
 * it, a quote or a dash ends it. */
static int word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

/* Whether a word goes on before byte s or from byte e of b. */
static int inside_word(const struct block *b, size_t s, size_t e)
{
	uint32_t cp;

	if (s > 0) {
		size_t p = text_char_start(b->text, s - 1);

		text_decode(b->text + p, b->len - p, &cp);
		if (word_char(cp))
			return 1;
	}
	if (e < b->len) {
		text_decode(b->text + e, b->len - e, &cp);
		if (word_char(cp))
			return 1;
	}
	return 0;
}

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
	struct name_ref *names = all_names(corpus_entities(c), &nnames);
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
					if (inside_word(b, s, e) || covered(b, s, e, found, first, *n))
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
