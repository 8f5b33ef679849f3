/* import.c: a report as a TEI document with the register's names tagged
 * (import.h).
 *
 * Every block is tagged once (import_tag.c), then written: the title's
 * names appear in the header and in the body's head, counted once.  The
 * inline content of a block is a set of properly nested ranges (links,
 * emphasis, names, the stated date) written with a stack. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entity.h"
#include "import.h"
#include "import_head.h"
#include "import_tag.h"
#include "mdtext.h"
#include "text.h"

enum { MAX_DIVS = 8 };

/* What the writer needs of a block beside its text. */
struct tagged {
	struct import_match *m;
	size_t n;
};

struct writer {
	struct buf *out;
	const struct entity_index *ix;
	const struct mdtext *md;
	const struct tagged *tags;
	const struct import_head *head;
};

/* A range to write as an element: rank orders equal ranges, the outer
 * first (a link holds a name, a name holds emphasis). */
struct range {
	size_t s, e;
	int rank;
	size_t index;      /* into the spans, or the matches */
};

enum { RANK_LINK, RANK_NAME, RANK_HI, RANK_DATE };

static const char *const name_elements[] = {
	[ENTITY_PERSON] = "persName", [ENTITY_ORG] = "orgName", [ENTITY_PLACE] = "placeName",
};

static void esc(struct buf *b, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		switch (s[i]) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_addc(b, s[i]);
		}
}

static void indent(struct buf *b, int depth)
{
	int i;

	for (i = 0; i < depth; i++)
		buf_adds(b, "  ");
}

static int by_range(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->e != y->e)
		return x->e > y->e ? -1 : 1;
	return x->rank - y->rank;
}

static void open_range(struct writer *w, const struct mdtext_block *b,
		       const struct tagged *t, const struct range *r)
{
	struct buf *o = w->out;

	if (r->rank == RANK_NAME) {
		const struct import_match *m = &t->m[r->index];
		const struct entity *e = entity_get(w->ix, m->entity);

		buf_printf(o, "<%s ref=\"#", name_elements[e->cls]);
		esc(o, e->id, strlen(e->id));
		buf_adds(o, m->low ? "\" cert=\"low\">" : "\">");
	} else if (r->rank == RANK_DATE) {
		buf_printf(o, "<date when=\"%s\">", w->head->when);
	} else if (b->spans[r->index].kind == MDTEXT_LINK) {
		const char *url = b->spans[r->index].target;

		if (url) {
			buf_adds(o, "<ref target=\"");
			esc(o, url, strlen(url));
			buf_adds(o, "\">");
		} else
			buf_adds(o, "<ref type=\"link\">");
	} else
		buf_adds(o, b->spans[r->index].kind == MDTEXT_BOLD ? "<hi rend=\"bold\">"
								   : "<hi rend=\"italic\">");
}

static void close_range(struct writer *w, const struct tagged *t, const struct range *r,
			const struct mdtext_block *b)
{
	if (r->rank == RANK_NAME)
		buf_printf(w->out, "</%s>",
			   name_elements[entity_get(w->ix, t->m[r->index].entity)->cls]);
	else if (r->rank == RANK_DATE)
		buf_adds(w->out, "</date>");
	else
		buf_adds(w->out, b->spans[r->index].kind == MDTEXT_LINK ? "</ref>" : "</hi>");
}

/* The ranges of block k, sorted; the stated date only where nothing else
 * touches it (a date holds text only, and a link or a name holds no
 * date). */
static struct range *ranges_of(struct writer *w, size_t k, size_t *n)
{
	const struct mdtext_block *b = &w->md->blocks[k];
	const struct tagged *t = &w->tags[k];
	struct range *r = xcalloc(b->nspans + t->n + 1, sizeof(*r));
	size_t i;

	*n = 0;
	for (i = 0; i < b->nspans; i++)
		r[(*n)++] = (struct range){ b->spans[i].start, b->spans[i].end,
					    b->spans[i].kind == MDTEXT_LINK ? RANK_LINK : RANK_HI, i };
	for (i = 0; i < t->n; i++)
		r[(*n)++] = (struct range){ t->m[i].start, t->m[i].end, RANK_NAME, i };
	if (w->head->date_block == (long)k) {
		size_t s = w->head->date_start, e = w->head->date_end;

		for (i = 0; i < *n && (r[i].e <= s || e <= r[i].s); i++)
			;
		if (i == *n)
			r[(*n)++] = (struct range){ s, e, RANK_DATE, 0 };
	}
	xsort(r, *n, sizeof(*r), by_range);
	return r;
}

/* Block k's text with its ranges as elements; with_date 0 leaves the
 * date out (the header's copies of the title). */
static void write_inline(struct writer *w, size_t k, int with_date)
{
	const struct mdtext_block *b = &w->md->blocks[k];
	size_t n, i, pos = 0, depth = 0;
	struct range *r = ranges_of(w, k, &n);
	const struct range **stack = xcalloc(n + 1, sizeof(*stack));

	for (i = 0; i <= n; i++) {
		size_t at = i < n ? r[i].s : b->len;

		if (i < n && r[i].rank == RANK_DATE && !with_date)
			continue;
		while (depth > 0 && stack[depth - 1]->e <= at) {
			const struct range *top = stack[--depth];

			esc(w->out, b->text + pos, top->e - pos);
			pos = top->e;
			close_range(w, &w->tags[k], top, b);
		}
		esc(w->out, b->text + pos, at - pos);
		pos = at;
		if (i < n) {
			open_range(w, b, &w->tags[k], &r[i]);
			stack[depth++] = &r[i];
		}
	}
	free(stack);
	free(r);
}

/* ------------------------------------------------------------------ */
/* the header */

/* The document's id: "doc-" and the file's base name in lower case
 * letters and digits, runs of anything else as one "-". */
static void write_id(struct buf *o, const char *base)
{
	size_t start = o->len;
	const char *p;
	int dash = 0;

	buf_adds(o, "doc");
	for (p = base; *p && *p != '.'; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c | 0x20);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash || o->len == start + 3)
				buf_addc(o, '-');
			buf_addc(o, c);
			dash = 0;
		} else
			dash = 1;
	}
	if (o->len == start + 3)
		buf_adds(o, "-import");
}

/* The base name of the file, cleaned of anything XML or a terminal
 * must not receive. */
static char *base_name(const char *file)
{
	const char *slash = file ? strrchr(file, '/') : NULL;
	const char *s = file ? (slash ? slash + 1 : file) : "";
	struct buf b = BUF_INIT;
	size_t i = 0, len = strlen(s);

	while (i < len) {
		uint32_t cp;
		size_t k = text_decode(s + i, len - i, &cp);

		if (!text_is_unsafe(cp) && cp != 0xFFFE && cp != 0xFFFF)
			text_encode(&b, cp);
		i += k;
	}
	if (b.len == 0)
		buf_adds(&b, "stdin");
	return buf_steal(&b);
}

static void write_title(struct writer *w, int depth, const char *attrs)
{
	struct buf *o = w->out;

	indent(o, depth);
	buf_printf(o, "<title%s>", attrs);
	if (w->head->title >= 0)
		write_inline(w, (size_t)w->head->title, 0);
	else
		buf_adds(o, "TODO: title");
	buf_adds(o, "</title>\n");
	if (w->head->subtitle >= 0 && strcmp(attrs, "") != 0) {
		indent(o, depth);
		buf_adds(o, "<title type=\"sub\">");
		write_inline(w, (size_t)w->head->subtitle, 0);
		buf_adds(o, "</title>\n");
	}
}

/* The date as the report states it, or the editor's TODO. */
static void write_date(struct writer *w)
{
	const struct import_head *h = w->head;
	struct buf *o = w->out;

	if (h->date_block < 0) {
		buf_adds(o, "<date cert=\"unknown\">TODO: date</date>");
		return;
	}
	buf_printf(o, "<date when=\"%s\">", h->when);
	esc(o, w->md->blocks[h->date_block].text + h->date_start, h->date_end - h->date_start);
	buf_adds(o, "</date>");
}

static void write_header(struct writer *w, const char *base)
{
	struct buf *o = w->out;
	const char *type = w->head->type ? w->head->type : "TODO";

	buf_adds(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"");
	write_id(o, base);
	buf_adds(o, "\">\n  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n");
	write_title(w, 4, " type=\"main\"");
	buf_adds(o, "      </titleStmt>\n      <publicationStmt>\n"
		    "        <p>Imported with werkbezoek import from ");
	esc(o, base, strlen(base));
	buf_adds(o, ", the names of the register tagged. To be checked by an editor: "
		    "every TODO, every cert=\"low\".</p>\n"
		    "      </publicationStmt>\n      <sourceDesc>\n        <bibl>\n");
	write_title(w, 5, "");
	buf_adds(o, "          ");
	write_date(w);
	buf_adds(o, "\n          <idno type=\"file\">");
	esc(o, base, strlen(base));
	buf_adds(o, "</idno>\n        </bibl>\n      </sourceDesc>\n    </fileDesc>\n"
		    "    <profileDesc>\n      <creation>");
	write_date(w);
	buf_printf(o, "</creation>\n      <textClass>\n        <keywords><term type=\"texttype\">"
		      "%s</term></keywords>\n      </textClass>\n    </profileDesc>\n"
		      "  </teiHeader>\n  <text type=\"%s\">\n    <body>\n", type, type);
}

/* ------------------------------------------------------------------ */
/* the body */

struct body {
	int levels[MAX_DIVS];   /* heading level of each open div; [0] the report */
	int ndivs;
	int list;               /* an open list: 1 bulleted, 2 numbered */
};

static int depth_of(const struct body *bd)
{
	return 3 + bd->ndivs + (bd->list ? 1 : 0);
}

static void close_list(struct writer *w, struct body *bd)
{
	if (!bd->list)
		return;
	bd->list = 0;
	indent(w->out, depth_of(bd));
	buf_adds(w->out, "</list>\n");
}

static void close_divs(struct writer *w, struct body *bd, int level)
{
	close_list(w, bd);
	while (bd->ndivs > 1 && bd->levels[bd->ndivs - 1] >= level) {
		bd->ndivs--;
		indent(w->out, depth_of(bd));
		buf_adds(w->out, "</div>\n");
	}
}

static void write_element(struct writer *w, size_t k, int depth, const char *open,
			  const char *close)
{
	indent(w->out, depth);
	buf_adds(w->out, open);
	write_inline(w, k, 1);
	buf_adds(w->out, close);
}

static void write_block(struct writer *w, struct body *bd, size_t k)
{
	const struct mdtext_block *b = &w->md->blocks[k];
	int kind = b->numbered ? 2 : 1;

	if (b->kind == MDTEXT_HEADING) {
		int level = b->level < 1 ? 1 : b->level;

		close_divs(w, bd, level);
		if (bd->ndivs < MAX_DIVS) {
			indent(w->out, depth_of(bd));
			buf_adds(w->out, "<div type=\"section\">\n");
			bd->levels[bd->ndivs++] = level;
		}
		write_element(w, k, depth_of(bd), "<head>", "</head>\n");
		return;
	}
	if (b->kind != MDTEXT_ITEM || bd->list != kind)
		close_list(w, bd);
	if (b->kind == MDTEXT_PARA) {
		write_element(w, k, depth_of(bd), "<p>", "</p>\n");
		return;
	}
	if (!bd->list) {
		indent(w->out, depth_of(bd));
		buf_printf(w->out, "<list rend=\"%s\">\n", kind == 2 ? "numbered" : "bulleted");
		bd->list = kind;
	}
	indent(w->out, depth_of(bd));
	if (b->n)
		buf_printf(w->out, "<item n=\"%s\">", b->n);
	else
		buf_adds(w->out, "<item>");
	write_inline(w, k, 1);
	buf_adds(w->out, "</item>\n");
}

static void write_body(struct writer *w)
{
	struct body bd = { { 0 }, 1, 0 };
	size_t k = 0;

	buf_adds(w->out, "      <div type=\"report\">\n");
	if (w->head->title >= 0)
		write_element(w, k++, 4, "<head>", "</head>\n");
	if (w->head->subtitle >= 0)
		write_element(w, k++, 4, "<head type=\"sub\">", "</head>\n");
	for (; k < w->md->n; k++)
		write_block(w, &bd, k);
	close_divs(w, &bd, 0);
	buf_adds(w->out, "      </div>\n    </body>\n  </text>\n</TEI>\n");
}

/* ------------------------------------------------------------------ */

void import_report(const char *text, size_t len, const struct entity_index *ix,
		   const struct import_options *opt, struct import_result *out)
{
	struct mdtext md;
	struct import_head head;
	struct import_tagger *t = import_tagger_new(ix);
	struct tagged *tags;
	struct buf o = BUF_INIT;
	struct writer w = { &o, ix, &md, NULL, &head };
	char *base = base_name(opt->file_name);
	size_t k;

	memset(out, 0, sizeof(*out));
	mdtext_read(text, len, !opt->markdown, &md);
	import_head_guess(&md, &head);
	tags = xcalloc(md.n + 1, sizeof(*tags));
	for (k = 0; k < md.n; k++) {
		const struct mdtext_block *b = &md.blocks[k];

		tags[k].m = import_tag_block(t, b->text, b->len, b->spans, b->nspans, &tags[k].n);
		import_tag_candidates(t, b->text, b->len, tags[k].m, tags[k].n);
	}
	w.tags = tags;
	write_header(&w, base);
	write_body(&w);
	out->len = o.len;
	out->xml = buf_steal(&o);
	out->has_title = head.title >= 0;
	out->has_date = head.date_block >= 0;
	out->has_type = head.type != NULL;
	import_tagger_results(t, out);
	for (k = 0; k < md.n; k++)
		free(tags[k].m);
	free(tags);
	free(base);
	import_tagger_free(t);
	mdtext_free(&md);
}

void import_result_free(struct import_result *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nambiguous; i++)
		free(r->ambiguous[i].entities);
	for (i = 0; i < r->ncandidates; i++)
		free(r->candidates[i].text);
	free(r->ambiguous);
	free(r->candidates);
	free(r->tally);
	free(r->xml);
	memset(r, 0, sizeof(*r));
}
