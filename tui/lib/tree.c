/* tree.c: placing nodes of the loaded tree in the corpus (tree.h).
 *
 * The loader kept, for every block, the element it was made from
 * (corpus_impl.h, docrec.nodes); a sorted copy of those pointers answers
 * "which block is this node part of" by walking up from the node. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "corpus_impl.h"
#include "entity.h"
#include "tei.h"
#include "tree.h"

struct tree_entry {
	const void *node;
	size_t doc, block;      /* block (size_t)-1: the document's TEI element */
};

struct tree_map {
	struct tree_entry *e;
	size_t n;
};

static int cmp_entry(const void *a, const void *b)
{
	const struct tree_entry *x = a, *y = b;

	if (x->node != y->node)
		return (const char *)x->node < (const char *)y->node ? -1 : 1;
	/* the TEI element's entry, then the first block of an element */
	if (x->block != y->block)
		return x->block + 1 < y->block + 1 ? -1 : 1;
	return 0;
}

struct tree_map *tree_map_new(const struct corpus *c)
{
	struct tree_map *m = xcalloc(1, sizeof(*m));
	size_t i, k, n = 0;

	for (i = 0; i < c->ndocs; i++)
		n += c->docs[i].nblocks + 1;
	m->e = xcalloc(n ? n : 1, sizeof(*m->e));
	for (i = 0; i < c->ndocs; i++) {
		const struct docrec *d = &c->docs[i];

		m->e[m->n++] = (struct tree_entry){ d->tei, c->rank[i], (size_t)-1 };
		for (k = 0; k < d->nblocks; k++)
			if (d->nodes[k])
				m->e[m->n++] = (struct tree_entry){ d->nodes[k], c->rank[i], k };
	}
	xsort(m->e, m->n, sizeof(*m->e), cmp_entry);
	return m;
}

void tree_map_free(struct tree_map *m)
{
	if (!m)
		return;
	free(m->e);
	free(m);
}

/* The first entry for node, or NULL. */
static const struct tree_entry *find(const struct tree_map *m, const void *node)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if ((const char *)m->e[mid].node < (const char *)node)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->n && m->e[lo].node == node ? &m->e[lo] : NULL;
}

int tree_locate(const struct tree_map *m, xmlNodePtr n, size_t *doc, size_t *block)
{
	const struct tree_entry *e;

	*doc = *block = (size_t)-1;
	for (; n; n = n->parent) {
		if (n->type == XML_DOCUMENT_NODE)
			break;
		e = find(m, n);
		if (!e)
			continue;
		/* a block's element is preferred to the TEI element it is in */
		if (e->block == (size_t)-1 && e + 1 < m->e + m->n && e[1].node == n)
			e++;
		*doc = e->doc;
		*block = e->block == (size_t)-1 ? 0 : e->block;
		return 1;
	}
	return 0;
}

const char *tree_file(const struct corpus *c, xmlNodePtr n)
{
	size_t i;

	if (!n)
		return NULL;
	for (i = 0; i < c->nfiles; i++)
		if (c->files[i].doc == n->doc)
			return c->files[i].path;
	return NULL;
}

long tree_line(xmlNodePtr n)
{
	while (n && n->type != XML_ELEMENT_NODE && n->type != XML_TEXT_NODE &&
	       n->type != XML_COMMENT_NODE && n->type != XML_PI_NODE &&
	       n->type != XML_CDATA_SECTION_NODE)
		n = n->parent;
	return n ? xmlGetLineNo(n) : 0;
}

xmlNodePtr tree_block_node(const struct corpus *c, size_t doc, size_t block)
{
	const struct docrec *d;

	if (doc >= c->ndocs)
		return NULL;
	d = &c->docs[c->order[doc]];
	if (block == (size_t)-1)
		return d->tei;
	return block < d->nblocks ? d->nodes[block] : NULL;
}

struct record_search {
	const char *id;         /* the xml:id looked for */
	long line;              /* the record's line, from its source */
	xmlNodePtr found;
};

static enum tei_step record_enter(void *ctx, xmlNodePtr n)
{
	struct record_search *s = ctx;
	xmlChar *id;
	int same;

	if (n->type != XML_ELEMENT_NODE)
		return TEI_SKIP;
	id = xmlGetNsProp(n, (const xmlChar *)"id", XML_XML_NAMESPACE);
	same = id ? strcmp((const char *)id, s->id) == 0 : s->line && xmlGetLineNo(n) == s->line;
	xmlFree(id);
	if (!same)
		return TEI_DESCEND;
	/* an id kept apart (two files had one) is known by its line */
	if (!s->found || (s->line && xmlGetLineNo(n) == s->line))
		s->found = n;
	return s->line && xmlGetLineNo(n) == s->line ? TEI_STOP : TEI_SKIP;
}

xmlNodePtr tree_record(const struct corpus *c, const char *id)
{
	static const struct tei_visitor v = { record_enter, NULL };
	long e = entity_find(c->ix, id);
	const struct entity *ent = e >= 0 ? entity_get(c->ix, e) : NULL;
	struct record_search s = { id, 0, NULL };
	const char *hash = strrchr(id, '#'), *colon = NULL;
	size_t i, flen = 0;

	if (!ent)
		return NULL;
	if (hash)
		s.id = hash + 1;
	if (ent->source && (colon = strrchr(ent->source, ':')) != NULL) {
		s.line = strtol(colon + 1, NULL, 10);
		flen = (size_t)(colon - ent->source);
	}
	for (i = 0; i < c->nfiles && !(s.found && s.line && xmlGetLineNo(s.found) == s.line); i++) {
		const char *path = c->files[i].path;
		size_t plen = strlen(path);

		/* the source names the file relative to the corpus root */
		if (colon && !(plen >= flen && strncmp(path + plen - flen, ent->source, flen) == 0))
			continue;
		if (c->files[i].root)
			tei_walk(c->files[i].root, 1, &v, &s);
	}
	return s.found;
}

xmlNodePtr tree_root(const struct corpus *c)
{
	return c->root;
}

size_t tree_nfiles(const struct corpus *c)
{
	return c->nfiles;
}

xmlNodePtr tree_file_root(const struct corpus *c, size_t i)
{
	return i < c->nfiles ? c->files[i].root : NULL;
}

const char *tree_file_path(const struct corpus *c, size_t i)
{
	return i < c->nfiles ? c->files[i].path : NULL;
}
