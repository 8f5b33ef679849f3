/* source.c: an element of the loaded tree written out as XML, with the
 * lines of its file (source.h), and the tokens a screen colours it by.
 *
 * The writer walks the tree without recursion (tei_walk), so a deeply
 * nested hostile file cannot exhaust the stack.  Each output line carries
 * a line of the file: a line that starts with an element's tag takes that
 * element's line (libxml2 keeps it on the node); any other line counts on
 * from the one before it.  Text keeps its own line breaks, so a file
 * written one element a line reads back with its own numbering. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "source.h"
#include "tei.h"
#include "tree.h"

struct writer {
	struct source_view *v;
	struct buf text;
	xmlNodePtr focus;       /* the element whose first line is the focus */
	int line_blank;         /* nothing but spaces on the current line yet */
};

static void new_line(struct writer *w, long line)
{
	struct source_view *v = w->v;

	v->lines = xgrow(v->lines, &v->cap, v->nlines + 1, sizeof(*v->lines));
	v->lines[v->nlines].start = w->text.len;
	v->lines[v->nlines].len = 0;
	v->lines[v->nlines].line = line;
	v->nlines++;
	w->line_blank = 1;
}

static void end_line(struct writer *w)
{
	struct source_line *l = &w->v->lines[w->v->nlines - 1];

	l->len = w->text.len - l->start;
	buf_addc(&w->text, '\n');
}

/* Appends s[0..len); a '\n' in it starts the next line of the file. */
static void put(struct writer *w, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n') {
			long prev = w->v->lines[w->v->nlines - 1].line;

			end_line(w);
			new_line(w, prev ? prev + 1 : 0);
			continue;
		}
		if (s[i] == '\t') {
			/* to the next tab stop: a tab would reach a screen as ^I */
			size_t col = w->text.len - w->v->lines[w->v->nlines - 1].start;

			do
				buf_addc(&w->text, ' ');
			while (++col % 8);
			continue;
		}
		if (s[i] != ' ')
			w->line_blank = 0;
		buf_addc(&w->text, s[i]);
	}
}

static void puts_w(struct writer *w, const char *s)
{
	put(w, s, strlen(s));
}

/* Text escaped as XML: in an attribute, quotes and line breaks too. */
static void put_escaped(struct writer *w, const char *s, int attr)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': puts_w(w, "&amp;"); break;
		case '<': puts_w(w, "&lt;"); break;
		case '>': puts_w(w, "&gt;"); break;
		case '"': puts_w(w, attr ? "&quot;" : "\""); break;
		case '\n': puts_w(w, attr ? "&#10;" : "\n"); break;
		case '\r': puts_w(w, "&#13;"); break;
		case '\t': puts_w(w, attr ? "&#9;" : "\t"); break;
		default: put(w, s, 1); break;
		}
	}
}

static void put_name(struct writer *w, const xmlNs *ns, const xmlChar *name)
{
	if (ns && ns->prefix) {
		puts_w(w, (const char *)ns->prefix);
		put(w, ":", 1);
	}
	puts_w(w, (const char *)name);
}

static void start_tag(struct writer *w, xmlNodePtr n)
{
	const xmlNs *ns;
	const xmlAttr *a;
	long line = xmlGetLineNo(n);

	/* a line that begins with this tag is the element's line in its file */
	if (w->line_blank && line > 0)
		w->v->lines[w->v->nlines - 1].line = line;
	if (n == w->focus)
		w->v->focus = w->v->nlines - 1;
	put(w, "<", 1);
	put_name(w, n->ns, n->name);
	for (ns = n->nsDef; ns; ns = ns->next) {
		puts_w(w, ns->prefix ? " xmlns:" : " xmlns");
		if (ns->prefix)
			puts_w(w, (const char *)ns->prefix);
		puts_w(w, "=\"");
		put_escaped(w, ns->href ? (const char *)ns->href : "", 1);
		put(w, "\"", 1);
	}
	for (a = n->properties; a; a = a->next) {
		xmlChar *value = xmlNodeListGetString(n->doc, a->children, 1);

		put(w, " ", 1);
		put_name(w, a->ns, a->name);
		puts_w(w, "=\"");
		put_escaped(w, value ? (const char *)value : "", 1);
		put(w, "\"", 1);
		xmlFree(value);
	}
	puts_w(w, n->children ? ">" : "/>");
}

static void put_other(struct writer *w, xmlNodePtr n)
{
	const char *content = n->content ? (const char *)n->content : "";

	switch (n->type) {
	case XML_TEXT_NODE:
		put_escaped(w, content, 0);
		break;
	case XML_CDATA_SECTION_NODE:
		puts_w(w, "<![CDATA[");
		puts_w(w, content);
		puts_w(w, "]]>");
		break;
	case XML_COMMENT_NODE:
		puts_w(w, "<!--");
		puts_w(w, content);
		puts_w(w, "-->");
		break;
	case XML_PI_NODE:
		puts_w(w, "<?");
		puts_w(w, (const char *)n->name);
		if (*content) {
			put(w, " ", 1);
			puts_w(w, content);
		}
		puts_w(w, "?>");
		break;
	case XML_ENTITY_REF_NODE:
		put(w, "&", 1);
		puts_w(w, (const char *)n->name);
		put(w, ";", 1);
		break;
	default:
		break;
	}
}

static enum tei_step write_enter(void *ctx, xmlNodePtr n)
{
	struct writer *w = ctx;

	if (n->type == XML_ELEMENT_NODE) {
		start_tag(w, n);
		return TEI_DESCEND;
	}
	put_other(w, n);
	return TEI_SKIP;
}

static void write_leave(void *ctx, xmlNodePtr n)
{
	struct writer *w = ctx;

	if (!n->children)
		return;
	puts_w(w, "</");
	put_name(w, n->ns, n->name);
	put(w, ">", 1);
}

/* Writes the element top into out, focus on the element focus. */
static void write_element(const struct corpus *c, xmlNodePtr top, xmlNodePtr focus,
			  struct source_view *out)
{
	static const struct tei_visitor vis = { write_enter, write_leave };
	struct writer w;

	source_view_free(out);
	memset(&w, 0, sizeof(w));
	w.v = out;
	w.focus = focus;
	out->file = tree_file(c, top);
	new_line(&w, xmlGetLineNo(top));
	tei_walk(top, 1, &vis, &w);
	end_line(&w);
	out->len = w.text.len;
	out->text = buf_steal(&w.text);
	if (!out->text)
		out->text = xstrdup("");
}

int source_doc(const struct corpus *c, size_t doc, size_t block, struct source_view *out)
{
	xmlNodePtr tei = tree_block_node(c, doc, (size_t)-1);
	xmlNodePtr el = block == (size_t)-1 ? tei : tree_block_node(c, doc, block);

	if (!tei || !el)
		return -1;
	write_element(c, tei, el, out);
	return 0;
}

int source_block(const struct corpus *c, size_t doc, size_t block, struct source_view *out)
{
	xmlNodePtr el = tree_block_node(c, doc, block);

	if (!el)
		return -1;
	write_element(c, el, el, out);
	return 0;
}

int source_entity(const struct corpus *c, const char *id, struct source_view *out)
{
	xmlNodePtr rec = tree_record(c, id);

	if (!rec)
		return -1;
	write_element(c, rec, rec, out);
	return 0;
}

void source_view_free(struct source_view *v)
{
	free(v->text);
	free(v->lines);
	memset(v, 0, sizeof(*v));
}

long source_block_line(const struct corpus *c, size_t doc, size_t block, const char **file)
{
	xmlNodePtr el = tree_block_node(c, doc, block);

	*file = el ? tree_file(c, el) : NULL;
	return el ? tree_line(el) : 0;
}

long source_entity_line(const struct corpus *c, const char *id, const char **file)
{
	xmlNodePtr rec = tree_record(c, id);

	*file = rec ? tree_file(c, rec) : NULL;
	return rec ? tree_line(rec) : 0;
}

/* ---- tokens -------------------------------------------------------------- */

enum { LX_TEXT, LX_TAG, LX_COMMENT };

static int is_name_char(char ch)
{
	return ch != ' ' && ch != '\t' && ch != '=' && ch != '>' && ch != '/' && ch != '"' &&
	       ch != '\'' && ch != '<' && ch != '\n';
}

/* The end of the token at s[i] in state *state, and its kind. */
static size_t token_end(int *state, const char *s, size_t len, size_t i, enum source_token *t)
{
	const char *end;
	size_t j = i;

	if (*state == LX_COMMENT) {
		*t = SOURCE_COMMENT;
		end = memmem(s + i, len - i, "-->", 3);
		if (!end)
			return len;
		*state = LX_TEXT;
		return (size_t)(end - s) + 3;
	}
	if (*state == LX_TEXT) {
		if (s[i] == '<' && len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			*state = LX_COMMENT;
			return token_end(state, s, len, i + 4, t);
		}
		if (s[i] == '<') {
			*t = SOURCE_TAG;
			for (j = i + 1; j < len && (s[j] == '/' || s[j] == '?' || s[j] == '!'); j++)
				;
			while (j < len && is_name_char(s[j]))
				j++;
			*state = LX_TAG;
			return j;
		}
		if (s[i] == '&') {
			*t = SOURCE_REF;
			for (j = i + 1; j < len && s[j] != ';' && s[j] != '<' && s[j] != ' '; j++)
				;
			return j < len && s[j] == ';' ? j + 1 : j;
		}
		*t = SOURCE_TEXT;
		while (j < len && s[j] != '<' && s[j] != '&')
			j++;
		return j;
	}
	/* in a tag: names, values, the closing > */
	if (s[i] == '>' || s[i] == '/' || s[i] == '?') {
		*t = SOURCE_TAG;
		if (s[i] == '>')
			*state = LX_TEXT;
		return i + 1;
	}
	if (s[i] == '"' || s[i] == '\'') {
		*t = SOURCE_VALUE;
		end = memchr(s + i + 1, s[i], len - i - 1);
		return end ? (size_t)(end - s) + 1 : len;
	}
	if (s[i] == ' ' || s[i] == '\t') {
		*t = SOURCE_TEXT;
		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		return j;
	}
	*t = SOURCE_ATTR;
	while (j < len && is_name_char(s[j]))
		j++;
	if (j < len && s[j] == '=')
		j++;
	return j > i ? j : i + 1;
}

void source_tokens(struct source_lexer *lx, const char *s, size_t len,
		   void (*emit)(void *ctx, enum source_token t, size_t start, size_t end),
		   void *ctx)
{
	size_t i = 0;

	while (i < len) {
		enum source_token t = SOURCE_TEXT;
		size_t j = token_end(&lx->state, s, len, i, &t);

		if (j <= i)
			j = i + 1;
		if (emit)
			emit(ctx, t, i, j);
		i = j;
	}
}
