/* names.c: the register's names as a table to find in text (names.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "entity.h"
#include "names.h"
#include "text.h"

static int by_length(const void *a, const void *b)
{
	const struct name_ref *x = a, *y = b;
	int d;

	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	d = strcmp(x->name, y->name);
	if (d)
		return d;
	if (x->preferred != y->preferred)
		return x->preferred ? -1 : 1;
	return x->entity < y->entity ? -1 : x->entity > y->entity;
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

struct name_ref *names_build(const struct entity_index *ix, int with_short_forms, size_t *n)
{
	struct name_ref *names = NULL;
	size_t cap = 0, i, k, count = entity_count(ix);

	*n = 0;
	for (i = 0; i < count; i++) {
		const struct entity *e = entity_get(ix, (long)i);

		for (k = 0; k <= e->nvariants; k++) {
			const char *s = k ? e->variants[k - 1] : e->name;
			int sf = k > 0 && s && short_form(s, e->name);

			if (!s || !*s || (k == 0 && strcmp(s, e->id) == 0) ||
			    (sf && !with_short_forms))
				continue;
			names = xgrow(names, &cap, *n + 1, sizeof(*names));
			names[(*n)++] = (struct name_ref){ s, strlen(s), (long)i, k == 0, sf };
		}
	}
	if (*n)
		qsort(names, *n, sizeof(*names), by_length);
	return names;
}

int names_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

int names_inside_word(const char *text, size_t len, size_t s, size_t e)
{
	uint32_t cp;

	if (s > 0) {
		size_t p = text_char_start(text, s - 1);

		text_decode(text + p, len - p, &cp);
		if (names_word_char(cp))
			return 1;
	}
	if (e < len) {
		text_decode(text + e, len - e, &cp);
		if (names_word_char(cp))
			return 1;
	}
	return 0;
}
