/* commands.c: the command line (:): a command name and its argument, read
 * into an action (commands.h).  Nothing here runs a command: the loop
 * carries out the action like any pane's. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "corpus.h"
#include "buf.h"
#include "entity.h"
#include "query.h"
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

void command_read(const struct corpus *c, const char *line, struct action *act)
{
	const char *arg;
	const struct doc *d;
	const struct entity_index *ix = corpus_entities(c);
	long e;
	size_t n;

	while (*line == ' ')
		line++;
	n = strcspn(line, " ");
	arg = line + n;
	while (*arg == ' ')
		arg++;
	if (is(line, n, "q") || is(line, n, "quit")) {
		action_set(act, ACTION_QUIT);
	} else if (is(line, n, "open")) {
		if ((d = corpus_find_doc(c, arg)) != NULL)
			action_open_page(act, LOC_DOC, d->id, 0, 0);
		else
			action_say(act, 1, "no document '%s'", arg);
	} else if (is(line, n, "entity")) {
		if ((e = entity_find(ix, arg)) >= 0)
			action_open_page(act, LOC_ENTITY, entity_get(ix, e)->id, 0, 0);
		else
			action_say(act, 1, "no entity '%s'", arg);
	} else if (is(line, n, "search")) {
		action_search(act, arg);
	} else if (is(line, n, "xpath")) {
		xpath_command(c, arg, act);
	} else if (is(line, n, "path")) {
		path_command(c, arg, act);
	} else if (is(line, n, "help")) {
		action_open_page(act, LOC_HELP, NULL, 0, 0);
	} else if (is(line, n, "history")) {
		action_open_page(act, LOC_HISTORY, NULL, 0, 0);
	} else if (n) {
		action_say(act, 1, "unknown command ':%.*s' (try :open, :entity, :search, :xpath, "
			   ":path, :history, :quit)", (int)n, line);
	}
}
