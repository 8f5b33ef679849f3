/* import_tag.c: the register's names in a report, and candidates for new
 * records (import_tag.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entity.h"
#include "idtab.h"
#include "import.h"
#include "import_tag.h"
#include "mdtext.h"
#include "names.h"
#include "text.h"

struct import_tagger {
	const struct entity_index *ix;
	struct name_ref *names;     /* persons, organisations, places */
	size_t nnames;
	size_t *group;              /* names[i] has the string of names[group[i]] */
	long *amb;                  /* a group's index in ambiguous, or -1 */
	size_t *counts;             /* per entity */
	size_t ntags;
	struct import_ambiguous *ambiguous;
	size_t nambiguous, amb_cap;
	struct import_candidate *cand;
	size_t ncand, cand_cap;
	struct idtab cand_ids;      /* text to index in cand */
};

/* Particles that may stand between two capitalised words of a name. */
static const char *const particles[] = {
	"van", "de", "der", "den", "het", "ten", "ter", "te", "von", "la", "le", "du", "da",
};

static int taggable(const struct entity *e)
{
	return e->source && e->cls != ENTITY_OTHER && !strchr(e->id, ':');
}

/* A short form that only short forms are ("Gemeente" of gemeente Almelo
 * and of gemeente Stadskanaal) is a common noun: no name to tag.  The
 * table is regrouped without them. */
static void drop_common_nouns(struct import_tagger *t)
{
	size_t i, k, kept = 0;

	for (i = 0; i < t->nnames; i = k) {
		int real = 0;

		for (k = i; k < t->nnames && t->group[k] == i; k++)
			real |= !t->names[k].short_form;
		if (!real && k - i > 1)
			continue;
		for (; i < k; i++) {
			t->names[kept] = t->names[i];
			t->group[kept] = kept - (i - t->group[i]);
			kept++;
		}
	}
	t->nnames = kept;
}

/* Whether a short form at [s, e) takes an ending after an apostrophe
 * ("mkb'ers", people of small firms): then it is no name.  A compound
 * with "-" is ("GGZ-terrein", the grounds of that GGZ). */
static int apostrophe_ending(const char *text, size_t len, size_t e)
{
	uint32_t cp;

	if (e + 1 >= len || text[e] != '\'')
		return 0;
	text_decode(text + e + 1, len - e - 1, &cp);
	return names_word_char(cp);
}

struct import_tagger *import_tagger_new(const struct entity_index *ix)
{
	struct import_tagger *t = xcalloc(1, sizeof(*t));
	struct name_ref *all;
	size_t n, i;

	t->ix = ix;
	all = names_build(ix, 1, &n);
	t->names = xcalloc(n ? n : 1, sizeof(*t->names));
	for (i = 0; i < n; i++)
		if (taggable(entity_get(ix, all[i].entity)))
			t->names[t->nnames++] = all[i];
	free(all);
	t->group = xcalloc(t->nnames ? t->nnames : 1, sizeof(*t->group));
	t->amb = xcalloc(t->nnames ? t->nnames : 1, sizeof(*t->amb));
	for (i = 0; i < t->nnames; i++) {
		int same = i > 0 && t->names[i].len == t->names[i - 1].len &&
			   memcmp(t->names[i].name, t->names[i - 1].name, t->names[i].len) == 0;

		t->group[i] = same ? t->group[i - 1] : i;
		t->amb[i] = -1;
	}
	drop_common_nouns(t);
	t->counts = xcalloc(entity_count(ix) ? entity_count(ix) : 1, sizeof(*t->counts));
	return t;
}

void import_tagger_free(struct import_tagger *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nambiguous; i++)
		free(t->ambiguous[i].entities);
	for (i = 0; i < t->ncand; i++)
		free(t->cand[i].text);
	free(t->ambiguous);
	free(t->cand);
	idtab_free(&t->cand_ids);
	free(t->names);
	free(t->group);
	free(t->amb);
	free(t->counts);
	free(t);
}

static int ambiguous_group(const struct import_tagger *t, size_t g)
{
	return g + 1 < t->nnames && t->group[g + 1] == g;
}

/* Counts an occurrence of the ambiguous name of group g. */
static void count_ambiguous(struct import_tagger *t, size_t g)
{
	struct import_ambiguous *a;
	size_t i;

	if (t->amb[g] < 0) {
		t->ambiguous = xgrow(t->ambiguous, &t->amb_cap, t->nambiguous + 1,
				     sizeof(*t->ambiguous));
		a = &t->ambiguous[t->nambiguous];
		*a = (struct import_ambiguous){ t->names[g].name, NULL, 0, 0 };
		for (i = g; i < t->nnames && t->group[i] == g; i++) {
			a->entities = xrealloc(a->entities, (a->nentities + 1) * sizeof(long));
			a->entities[a->nentities++] = t->names[i].entity;
		}
		t->amb[g] = (long)t->nambiguous++;
	}
	t->ambiguous[t->amb[g]].n++;
}

/* Whether [s, e) nests with every span: inside a link or apart from it
 * (a name holds no link), inside, around or apart from emphasis. */
static int nests(size_t s, size_t e, const struct mdtext_span *spans, size_t nspans)
{
	size_t i;

	for (i = 0; i < nspans; i++) {
		size_t a = spans[i].start, b = spans[i].end;

		if (e <= a || b <= s || (a <= s && e <= b))
			continue;
		if (spans[i].kind != MDTEXT_LINK && s <= a && b <= e)
			continue;
		return 0;
	}
	return 1;
}

static int overlaps_any(size_t s, size_t e, const struct import_match *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s < m[i].end && m[i].start < e)
			return 1;
	return 0;
}

static int by_start(const void *a, const void *b)
{
	const struct import_match *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

struct import_match *import_tag_block(struct import_tagger *t, const char *text, size_t len,
				      const struct mdtext_span *spans, size_t nspans,
				      size_t *n)
{
	struct import_match *m = NULL;
	size_t cap = 0, i, k;

	*n = 0;
	for (i = 0; i < t->nnames; i++) {
		const char *p = text, *end = text + len;
		size_t g = t->group[i];

		if (g != i)
			continue;   /* the group's first name stands for it */
		while ((p = memmem(p, (size_t)(end - p), t->names[i].name, t->names[i].len))) {
			size_t s = (size_t)(p - text), e = s + t->names[i].len;

			p++;
			if (names_inside_word(text, len, s, e) || overlaps_any(s, e, m, *n) ||
			    !nests(s, e, spans, nspans) ||
			    (t->names[g].short_form && apostrophe_ending(text, len, e)))
				continue;
			m = xgrow(m, &cap, *n + 1, sizeof(*m));
			m[(*n)++] = (struct import_match){ s, e, t->names[g].entity,
							   ambiguous_group(t, g) || t->names[g].short_form };
		}
	}
	if (*n)
		qsort(m, *n, sizeof(*m), by_start);
	for (k = 0; k < *n; k++) {
		t->counts[m[k].entity]++;
		t->ntags++;
		if (m[k].low)
			for (i = 0; i < t->nnames; i++)
				if (t->group[i] == i && t->names[i].entity == m[k].entity &&
				    ambiguous_group(t, i) && t->names[i].len == m[k].end - m[k].start &&
				    memcmp(t->names[i].name, text + m[k].start, t->names[i].len) == 0)
					count_ambiguous(t, i);
	}
	return m;
}

/* ------------------------------------------------------------------ */
/* candidates */

struct token {
	size_t s, e;
	int cap, particle, sentence, tagged;
};

static int upper(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	       (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0);
}

static int is_particle(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(particles) / sizeof(particles[0]); i++)
		if (strlen(particles[i]) == len && memcmp(particles[i], s, len) == 0)
			return 1;
	return 0;
}

/* Whether a sentence starts at byte s: only openers (quotes, brackets)
 * and spaces between it and the block's start or a full stop. */
static int sentence_start(const char *text, size_t s)
{
	while (s > 0) {
		size_t p = text_char_start(text, s - 1);
		uint32_t cp;

		text_decode(text + p, s - p, &cp);
		if (cp == ' ' || cp == '\'' || cp == '"' || cp == '(' || cp == '[' ||
		    cp == 0x2018 || cp == 0x201C || cp == 0xAB)
			s = p;
		else
			return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == 0x2026;
	}
	return 1;
}

/* The words of text: runs of letters and digits, with a "-" between two
 * of them inside the word ("Leendert-Jan"). */
static struct token *tokens(const char *text, size_t len, const struct import_match *m,
			    size_t nm, size_t *n)
{
	struct token *tok = NULL;
	size_t cap = 0, i = 0, s;
	uint32_t cp, first;

	*n = 0;
	while (i < len) {
		size_t k = text_decode(text + i, len - i, &cp);

		if (!names_word_char(cp)) {
			i += k;
			continue;
		}
		s = i;
		first = cp;
		while (i < len) {
			k = text_decode(text + i, len - i, &cp);
			if (names_word_char(cp))
				i += k;
			else if (cp == '-' && i + 1 < len &&
				 (text_decode(text + i + 1, len - i - 1, &cp), names_word_char(cp)))
				i += 1;
			else
				break;
		}
		tok = xgrow(tok, &cap, *n + 1, sizeof(*tok));
		tok[(*n)++] = (struct token){ s, i, upper(first), is_particle(text + s, i - s),
					      sentence_start(text, s), overlaps_any(s, i, m, nm) };
	}
	return tok;
}

static void count_candidate(struct import_tagger *t, const char *s, size_t len)
{
	char *text = xstrndup(s, len);
	size_t i = idtab_get(&t->cand_ids, text);

	if (i != IDTAB_NONE) {
		t->cand[i].n++;
		free(text);
		return;
	}
	t->cand = xgrow(t->cand, &t->cand_cap, t->ncand + 1, sizeof(*t->cand));
	t->cand[t->ncand] = (struct import_candidate){ text, 1 };
	idtab_put(&t->cand_ids, text, t->ncand++);
}

/* The run of words tok[a..b] (b capitalised), its first word left out
 * at a sentence's start. */
static void run_done(struct import_tagger *t, const char *text, const struct token *tok,
		     size_t a, size_t b)
{
	if (tok[a].sentence) {
		for (a++; a <= b && !tok[a].cap; a++)
			;
		if (a > b)
			return;
	}
	if (a == b && tok[a].e - tok[a].s < 2)
		return;
	count_candidate(t, text + tok[a].s, tok[b].e - tok[a].s);
}

void import_tag_candidates(struct import_tagger *t, const char *text, size_t len,
			   const struct import_match *m, size_t nm)
{
	size_t n, i, a = 0, last = 0;
	struct token *tok = tokens(text, len, m, nm, &n);
	int open = 0;

	for (i = 0; i < n; i++) {
		int joined = open && tok[i].s == tok[i - 1].e + 1 && text[tok[i].s - 1] == ' ';

		if (open && (!joined || tok[i].tagged || (!tok[i].cap && !tok[i].particle))) {
			run_done(t, text, tok, a, last);
			open = 0;
		}
		if (tok[i].tagged || !tok[i].cap)
			continue;   /* a particle keeps the run open */
		if (!open) {
			a = i;
			open = 1;
		}
		last = i;
	}
	if (open)
		run_done(t, text, tok, a, last);
	free(tok);
}

/* ------------------------------------------------------------------ */

static int by_count(const void *a, const void *b)
{
	const struct import_tally *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->entity < y->entity ? -1 : x->entity > y->entity;
}

static int by_candidate(const void *a, const void *b)
{
	const struct import_candidate *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->text, y->text);
}

void import_tagger_results(struct import_tagger *t, struct import_result *r)
{
	size_t i, count = entity_count(t->ix);

	r->ntags = t->ntags;
	r->tally = xcalloc(count ? count : 1, sizeof(*r->tally));
	for (i = 0; i < count; i++)
		if (t->counts[i])
			r->tally[r->ntally++] = (struct import_tally){ (long)i, t->counts[i] };
	xsort(r->tally, r->ntally, sizeof(*r->tally), by_count);
	r->ambiguous = t->ambiguous;
	r->nambiguous = t->nambiguous;
	t->ambiguous = NULL;
	t->nambiguous = 0;
	if (t->ncand)
		qsort(t->cand, t->ncand, sizeof(*t->cand), by_candidate);
	idtab_free(&t->cand_ids);
	r->candidates = t->cand;
	r->ncandidates = t->ncand;
	t->cand = NULL;
	t->ncand = 0;
}
