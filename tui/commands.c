/* commands.c: the command line (:): a command name and its argument, read
 * into an action (commands.h).  Nothing here runs a command: the loop
 * carries out the action like any pane's. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "commands.h"
#include "complete.h"
#include "corpus.h"
#include "entity.h"
#include "query.h"
#include "search.h"
#include "xpath.h"

/* Whether the n bytes at word are name. */
static int is(const char *word, size_t n, const char *name)
{
	return n == strlen(name) && strncmp(word, name, n) == 0;
}

/* :xpath EXPR opens the page of its matches; an invalid expression is
 * reported here, where it was typed. */
static void xpath_command(const struct corpus *c, const char *expr, struct action *act)
{
	struct xpath_limits lim = { 0, 1, 0 };
	struct xpath_result r = XPATH_RESULT_INIT;
	char *error = NULL, *nl, *caret;

	if (!*expr) {
		action_say(act, 1, ":xpath wants an expression, e.g. //tei:persName[not(@ref)]");
		return;
	}
	if (xpath_run(c, expr, &lim, &r, &error) == 0) {
		action_open_page(act, LOC_XPATH, expr, 0, 0);
	} else {
		nl = strchr(error, '\n');
		caret = nl ? strchr(nl + 1, '^') : NULL;
		if (caret)
			action_say(act, 1, "XPath: at column %zu: %s", (size_t)(caret - nl), caret + 2);
		else
			action_say(act, 1, "XPath: %s", nl ? nl + 1 : error);
	}
	free(error);
	xpath_result_free(&r);
}

/* :path A B opens the page of the chains between two entities. */
static void path_command(const struct corpus *c, const char *arg, struct action *act)
{
	const struct entity_index *ix = corpus_entities(c);
	struct buf ids = BUF_INIT;
	char *error = NULL;
	long a, b;

	if (!query_entity_pair(c, arg, &a, &b, &error)) {
		action_say(act, 1, ":path: %s", error);
		free(error);
		return;
	}
	buf_printf(&ids, "%s\t%s", entity_get(ix, a)->id, entity_get(ix, b)->id);
	action_open_page(act, LOC_PATH, ids.data, 0, 0);
	buf_free(&ids);
}

/* :collocates [QUERY] opens the page of the collocates of QUERY's hits,
 * or the current search's. */
static void collocates_command(const struct corpus *c, const char *search, const char *arg,
			       struct action *act)
{
	char *error = NULL;
	size_t column = 1;

	if (!*arg && !search) {
		action_say(act, 1, ":collocates wants a search first (/), or a query");
		return;
	}
	if (*arg && query_is_plain(arg, strlen(arg))) {
		column = 0;     /* PCRE2's message names the offset */
		search_pattern_free(search_compile(arg, strlen(arg), SEARCH_SMARTCASE, &error));
	} else if (*arg) {
		query_free(query_parse(c, arg, strlen(arg), SEARCH_SMARTCASE, &error, &column));
	}
	if (error && column)
		action_say(act, 1, ":collocates: at column %zu: %s", column, error);
	else if (error)
		action_say(act, 1, ":collocates: %s", error);
	else
		action_open_page(act, LOC_COLLOCATES, *arg ? arg : search, 0, 0);
	free(error);
}

/* Says the candidates: "3 documents match 'x': a, b, c". */
static void say_candidates(struct action *act, size_t n, const char *what, const char *arg,
			   const char *(*name)(const struct corpus *, size_t),
			   const struct corpus *c, const size_t *found)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < n && b.len < 160; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", name(c, found[i]));
	action_say(act, 1, "%zu %s match '%s': %s%s (Tab lists them)", n, what, arg,
		   b.data, i < n ? ", ..." : "");
	buf_free(&b);
}

static const char *doc_title(const struct corpus *c, size_t i)
{
	const struct doc *d = corpus_doc(c, i);

	return d->title ? d->title : d->id;
}

static const char *entity_label(const struct corpus *c, size_t i)
{
	return entity_get(corpus_entities(c), (long)i)->name;
}

/* :open, by id, title or a part of it that names one document. */
static void open_doc(const struct corpus *c, const char *arg, struct action *act)
{
	size_t *found, n = complete_find_docs(c, arg, &found);

	if (n == 1)
		action_open_page(act, LOC_DOC, corpus_doc(c, found[0])->id, 0, 0);
	else if (n == 0)
		action_say(act, 1, "no document '%s'", arg);
	else
		say_candidates(act, n, "documents", arg, doc_title, c, found);
	free(found);
}

static void open_entity(const struct corpus *c, const char *arg, struct action *act)
{
	const struct entity_index *ix = corpus_entities(c);
	size_t *found, n = complete_find_entities(c, arg, &found);

	if (n == 1)
		action_open_page(act, LOC_ENTITY, entity_get(ix, (long)found[0])->id, 0, 0);
	else if (n == 0)
		action_say(act, 1, "no entity '%s'", arg);
	else
		say_candidates(act, n, "entities", arg, entity_label, c, found);
	free(found);
}

/* :N: a line number, all digits. */
static int line_number(const char *word, size_t n, size_t *line)
{
	size_t i, v = 0;

	if (!n || n > 9)
		return 0;
	for (i = 0; i < n; i++) {
		if (word[i] < '0' || word[i] > '9')
			return 0;
		v = v * 10 + (size_t)(word[i] - '0');
	}
	*line = v;
	return 1;
}

void command_read(const struct corpus *c, const char *search, const char *line,
		  struct action *act)
{
	char *arg;
	size_t n, len, number;

	while (*line == ' ')
		line++;
	n = strcspn(line, " ");
	arg = xstrdup(line + n + strspn(line + n, " "));
	/* a trailing space is no part of a name */
	for (len = strlen(arg); len > 0 && arg[len - 1] == ' '; len--)
		arg[len - 1] = '\0';
	if (is(line, n, "q") || is(line, n, "quit"))
		action_set(act, ACTION_QUIT);
	else if (is(line, n, "open"))
		open_doc(c, arg, act);
	else if (is(line, n, "entity"))
		open_entity(c, arg, act);
	else if (is(line, n, "search"))
		action_search(act, arg);
	else if (is(line, n, "xpath"))
		xpath_command(c, arg, act);
	else if (is(line, n, "path"))
		path_command(c, arg, act);
	else if (is(line, n, "collocates"))
		collocates_command(c, search, arg, act);
	else if (is(line, n, "set") || is(line, n, "source") || is(line, n, "bind") ||
		 is(line, n, "color"))
		action_config(act, line);
	else if (is(line, n, "help"))
		action_open_page(act, LOC_HELP, NULL, 0, 0);
	else if (is(line, n, "info"))
		action_set(act, ACTION_INFO);
	else if (is(line, n, "history"))
		action_open_page(act, LOC_HISTORY, NULL, 0, 0);
	else if (line_number(line, n, &number))
		action_goto_line(act, number);
	else if (n)
		action_say(act, 1, "unknown command ':%.*s' (try :open, :entity, :search, :xpath, "
			   ":path, :collocates, :N, :info, :set, :source, :history, :quit)", (int)n, line);
	free(arg);
}
