/* batch_path.c: --path=A,B (the chains between two entities, a record a
 * step) and --export-graph=FILE (entities and their links as GraphML or
 * DOT), both on path.h's graph. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "path.h"
#include "pathpage.h"
#include "query.h"
#include "text.h"

/* How many chains --path lists at most. */
#define BATCH_PATHS 3

/* The two entities of arg; 0 after saying on stderr why not. */
static int two_entities(const struct corpus *c, const char *arg, long *a, long *b)
{
	struct buf m = BUF_INIT;
	char *error = NULL;

	if (query_entity_pair(c, arg, a, b, &error))
		return 1;
	text_sanitize(&m, error, strlen(error));
	fprintf(stderr, "werkbezoek: --path: %.*s\n", (int)m.len, m.data);
	buf_free(&m);
	free(error);
	return 0;
}

static void put_step(const struct corpus *c, struct format_writer *w, size_t path,
		     size_t step, const struct path_step *s, FILE *out)
{
	const struct entity_index *ix = corpus_entities(c);
	const struct entity *from = entity_get(ix, s->from), *to = entity_get(ix, s->to);
	struct buf ev = BUF_INIT;
	int co = s->link == PATH_COMENTION;
	const char *link = co ? "paragraph" : s->rel->dir == REL_PASSIVE ? "relation-of" : "relation";

	pathpage_evidence(c, s, &ev);
	{
		struct format_field f[] = {
			{ "path", NULL, (long long)path }, { "step", NULL, (long long)step },
			{ "from", from->id, 0 }, { "from_name", from->name, 0 },
			{ "to", to->id, 0 }, { "to_name", to->name, 0 },
			{ "link", link, 0 }, { "evidence", ev.data, 0 },
			{ "doc", co ? corpus_doc(c, s->doc)->id : "", 0 },
			{ "line", NULL, co ? (long long)s->block + 1 : 0 },
		};

		format_record(w, out, f, sizeof(f) / sizeof(f[0]));
	}
	buf_free(&ev);
}

int batch_path(const struct corpus *c, const char *arg, const struct batch_output *o,
	       FILE *out)
{
	struct format_writer w = FORMAT_WRITER_INIT(o->format);
	struct path_graph *g;
	struct path *paths;
	size_t n, i, j;
	long a, b;

	if (!two_entities(c, arg, &a, &b))
		return 2;
	g = path_graph_new(c);
	n = path_find(g, a, b, BATCH_PATHS, &paths);
	for (i = 0; i < n; i++)
		for (j = 0; j < paths[i].nsteps; j++)
			put_step(c, &w, i + 1, j + 1, &paths[i].steps[j], out);
	path_list_free(paths, n);
	path_graph_free(g);
	return n ? 0 : 1;
}
