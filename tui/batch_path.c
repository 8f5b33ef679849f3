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
#include "say.h"

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

/* ---- --export-graph ---------------------------------------------------- */

/* s sanitised and escaped for an XML attribute or a DOT string. */
static void escaped(struct buf *out, const char *s, int xml)
{
	struct buf clean = BUF_INIT;
	size_t i;

	text_sanitize(&clean, s, strlen(s));
	for (i = 0; i < clean.len; i++) {
		char ch = clean.data[i];

		if (xml && ch == '&')
			buf_adds(out, "&amp;");
		else if (xml && ch == '<')
			buf_adds(out, "&lt;");
		else if (xml && ch == '>')
			buf_adds(out, "&gt;");
		else if (xml && ch == '"')
			buf_adds(out, "&quot;");
		else if (!xml && (ch == '"' || ch == '\\'))
			buf_printf(out, "\\%c", ch);
		else
			buf_addc(out, ch);
	}
	buf_free(&clean);
}

static const char graphml_head[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
	"  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
	"  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
	"  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
	"  <key id=\"link\" for=\"edge\" attr.name=\"link\" attr.type=\"string\"/>\n"
	"  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
	"  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
	"  <graph id=\"werkbezoek\" edgedefault=\"undirected\">\n";

static void graph_node(struct buf *b, const struct entity *e, int xml)
{
	if (xml) {
		buf_adds(b, "    <node id=\"");
		escaped(b, e->id, 1);
		buf_adds(b, "\"><data key=\"name\">");
		escaped(b, e->name, 1);
		buf_adds(b, "</data><data key=\"type\">");
		escaped(b, e->type, 1);
		buf_printf(b, "</data><data key=\"mentions\">%zu</data></node>\n", e->nmentions);
		return;
	}
	buf_adds(b, "  \"");
	escaped(b, e->id, 0);
	buf_adds(b, "\" [label=\"");
	escaped(b, e->name, 0);
	buf_adds(b, "\", type=\"");
	escaped(b, e->type, 0);
	buf_printf(b, "\", mentions=%zu];\n", e->nmentions);
}

/* A link: a relation (its name, and role) or shared paragraphs (their
 * number as the weight). */
static void graph_edge(struct buf *b, const struct entity *x, const struct entity *y,
		       const struct path_step *s, int xml)
{
	struct buf label = BUF_INIT;
	int co = s->link == PATH_COMENTION;
	size_t weight = co ? s->shared : 1;

	if (co)
		buf_printf(&label, "%zu paragraph%s", s->shared, s->shared == 1 ? "" : "s");
	else
		buf_printf(&label, "%s%s%s%s", s->rel->name, s->rel->role ? " (" : "",
			   s->rel->role ? s->rel->role : "", s->rel->role ? ")" : "");
	buf_adds(b, xml ? "    <edge source=\"" : "  \"");
	escaped(b, x->id, xml);
	buf_adds(b, xml ? "\" target=\"" : "\" -- \"");
	escaped(b, y->id, xml);
	buf_printf(b, xml ? "\"><data key=\"link\">%s</data><data key=\"label\">"
		   : "\" [link=%s, label=\"", co ? "paragraph" : "relation");
	escaped(b, label.data, xml);
	buf_printf(b, xml ? "</data><data key=\"weight\">%zu</data></edge>\n"
		   : "\", weight=%zu];\n", weight);
	buf_free(&label);
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && strcmp(s + n - k, tail) == 0;
}

int batch_export_graph(const struct corpus *c, const char *file)
{
	const struct entity_index *ix = corpus_entities(c);
	int xml = ends_with(file, ".graphml") || ends_with(file, ".xml");
	struct buf b = BUF_INIT;
	struct path_graph *g;
	size_t i, n = entity_count(ix);
	FILE *f;

	if (!xml && !ends_with(file, ".dot") && !ends_with(file, ".gv")) {
		fprintf(stderr, "werkbezoek: --export-graph: name a .graphml or a .dot file\n");
		return 2;
	}
	g = path_graph_new(c);
	buf_adds(&b, xml ? graphml_head : "graph werkbezoek {\n");
	for (i = 0; i < n; i++)
		graph_node(&b, entity_get(ix, (long)i), xml);
	for (i = 0; i < path_graph_links(g); i++) {
		struct path_step s;

		path_graph_link(g, i, &s);
		graph_edge(&b, entity_get(ix, s.from), entity_get(ix, s.to), &s, xml);
	}
	buf_adds(&b, xml ? "  </graph>\n</graphml>\n" : "}\n");
	path_graph_free(g);
	f = fopen(file, "w");
	if (!f || fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0) {
		say("werkbezoek: --export-graph: cannot write %s\n", file);
		buf_free(&b);
		return 2;
	}
	buf_free(&b);
	return 0;
}
