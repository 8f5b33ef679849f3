/* complete.c: matching what was typed against document titles, entity
 * names and ids, and the Tab candidates of the : prompt (complete.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "complete.h"
#include "corpus.h"
#include "entity.h"
#include "fold.h"

const char *const command_names[] = {
	"collocates", "entity", "help", "history", "info", "open", "path", "quit", "search", "set", "source", NULL
};

/* How well a name matches what was typed: better is higher. */
enum match { MATCH_NONE, MATCH_INSIDE, MATCH_PREFIX, MATCH_NAME, MATCH_ID };

void candidates_free(struct candidates *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->items[i]);
	free(c->items);
	memset(c, 0, sizeof(*c));
}

static void candidates_add(struct candidates *c, const char *s)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->items[i], s) == 0)
			return;
	c->items = xgrow(c->items, &c->cap, c->n + 1, sizeof(char *));
	c->items[c->n++] = xstrdup(s);
}

static void fold_into(struct buf *b, const char *s)
{
	buf_reset(b);
	buf_grow(b, 0);
	fold_append(b, s, strlen(s), FOLD_CASE);
}

/* How name matches typed (folded already, in want). */
static enum match match_name(const char *name, const struct buf *want, struct buf *scratch)
{
	if (!name)
		return MATCH_NONE;
	fold_into(scratch, name);
	if (strcmp(scratch->data, want->data) == 0)
		return MATCH_NAME;
	if (strncmp(scratch->data, want->data, want->len) == 0)
		return MATCH_PREFIX;
	return strstr(scratch->data, want->data) ? MATCH_INSIDE : MATCH_NONE;
}

/* The names of item i of a kind, k = 0, 1, ...: the id first, then the
 * title or the names; NULL after the last (a missing title is NULL at 1). */
#define NAMES(fn) const char *(*fn)(const struct corpus *c, size_t i, size_t k)

static const char *doc_name(const struct corpus *c, size_t i, size_t k)
{
	const struct doc *d = corpus_doc(c, i);

	return k == 0 ? d->id : k == 1 ? d->title : NULL;
}

static const char *entity_name(const struct corpus *c, size_t i, size_t k)
{
	const struct entity *e = entity_get(corpus_entities(c), (long)i);

	if (k == 0)
		return e->id;
	if (k == 1)
		return e->name;
	return k - 2 < e->nvariants ? e->variants[k - 2] : NULL;
}

/* The best match of any name of item i, and which name gave it. */
static enum match match_item(const struct corpus *c, NAMES(names), size_t i, const char *arg,
			     const struct buf *want, struct buf *scratch, const char **which)
{
	enum match best = MATCH_NONE, m;
	const char *name;
	size_t k;

	for (k = 0; (name = names(c, i, k)) != NULL || k < 2; k++) {
		if (!name)
			continue;
		m = k == 0 && strcmp(name, arg) == 0 ? MATCH_ID : match_name(name, want, scratch);
		if (m > best) {
			best = m;
			*which = name;
		}
	}
	return best;
}

/* The items of n whose names match arg best, in order, into *out. */
static size_t find(const struct corpus *c, NAMES(names), size_t n, const char *arg,
		   size_t **out)
{
	struct buf want = BUF_INIT, scratch = BUF_INIT;
	enum match best = MATCH_INSIDE, m;
	size_t i, found = 0, cap = 0;
	const char *which;

	*out = NULL;
	fold_into(&want, arg);
	for (i = 0; i < n && *arg; i++) {
		m = match_item(c, names, i, arg, &want, &scratch, &which);
		if (m < best)
			continue;
		if (m > best)
			found = 0;
		best = m;
		*out = xgrow(*out, &cap, found + 1, sizeof(size_t));
		(*out)[found++] = i;
	}
	buf_free(&want);
	buf_free(&scratch);
	return found;
}

size_t complete_find_docs(const struct corpus *c, const char *arg, size_t **out)
{
	return find(c, doc_name, corpus_ndocs(c), arg, out);
}

size_t complete_find_entities(const struct corpus *c, const char *arg, size_t **out)
{
	return find(c, entity_name, entity_count(corpus_entities(c)), arg, out);
}

/* The first name of item i (its title or names before its id) that
 * matches at least floor, or NULL. */
static const char *offered_name(const struct corpus *c, NAMES(names), size_t i,
				const struct buf *want, struct buf *scratch, enum match floor)
{
	const char *name;
	size_t k;

	for (k = 1; (name = names(c, i, k)) != NULL || k < 2; k++)
		if (name && match_name(name, want, scratch) >= floor)
			return name;
	name = names(c, i, 0);
	return match_name(name, want, scratch) >= floor ? name : NULL;
}

/* For Tab: a name of each of n items that begins with (or, failing that,
 * contains) arg; one name an item, its title or name before its id. */
static void offer(const struct corpus *c, NAMES(names), size_t n, const char *arg,
		  struct candidates *out)
{
	struct buf want = BUF_INIT, scratch = BUF_INIT;
	enum match floor;
	const char *name;
	size_t i;

	fold_into(&want, arg);
	for (floor = MATCH_PREFIX; floor >= MATCH_INSIDE && !out->n; floor--)
		for (i = 0; i < n; i++)
			if ((name = offered_name(c, names, i, &want, &scratch, floor)) != NULL)
				candidates_add(out, name);
	buf_free(&want);
	buf_free(&scratch);
}

/* Where the entity being typed after :path begins: inside an open quote
 * (the first, of several words); after a closing quote or a comma (the
 * second); else after the first word (an id, as p begins it). */
static const char *path_second(const char *arg)
{
	const char *comma = strchr(arg, ','), *space = strchr(arg, ' '), *quote;

	if (*arg == '"') {
		quote = strchr(arg + 1, '"');
		if (!quote)
			return arg + 1;
		arg = quote + 1;
		arg += strspn(arg, " ,");
		return arg;
	}
	if (comma)
		arg = comma + 1;
	else if (space)
		arg = space + 1;
	while (*arg == ' ')
		arg++;
	return arg;
}

/* Tab after :path: a first name of several words typed without quotes or
 * comma yet ("Aly van B") is completed whole when some entity's name
 * begins with it; otherwise the entity path_second finds. */
static void offer_path(const struct corpus *c, const char *typed, const char *arg,
		       struct candidates *out)
{
	size_t n = entity_count(corpus_entities(c));

	if (*arg != '"' && !strchr(arg, ',') && strchr(arg, ' ')) {
		out->start = (size_t)(arg - typed);
		offer(c, entity_name, n, arg, out);
		if (out->n)
			return;
	}
	arg = path_second(arg);
	out->start = (size_t)(arg - typed);
	offer(c, entity_name, n, arg, out);
}

void complete_command(const struct corpus *c, const char *line, size_t cursor,
		      struct candidates *out)
{
	char *typed = xstrndup(line, cursor);
	const char *arg, *word = typed;
	size_t n, i;

	candidates_free(out);
	while (*word == ' ')
		word++;
	n = strcspn(word, " ");
	arg = word + n;
	if (!*arg) {
		/* the command's name itself */
		out->start = (size_t)(word - typed);
		for (i = 0; command_names[i]; i++)
			if (strncmp(command_names[i], word, n) == 0)
				candidates_add(out, command_names[i]);
		free(typed);
		return;
	}
	while (*arg == ' ')
		arg++;
	out->start = (size_t)(arg - typed);
	if (n == 4 && strncmp(word, "open", 4) == 0) {
		offer(c, doc_name, corpus_ndocs(c), arg, out);
	} else if (n == 4 && strncmp(word, "path", 4) == 0) {
		offer_path(c, typed, arg, out);
	} else if (n == 6 && strncmp(word, "entity", 6) == 0) {
		offer(c, entity_name, entity_count(corpus_entities(c)), arg, out);
	}
	free(typed);
}
