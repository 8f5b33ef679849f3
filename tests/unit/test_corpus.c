/* Unit tests for the loader, corpus.c and the files it is split into (with
 * entity.c, layout.c and page.c): loading TEI files and directories into
 * documents, blocks, spans and entities.
 *
 * Each group of checks opens its own small corpus below
 * $top_srcdir/tests/fixtures/corpus/ (top_srcdir defaults to "."):
 *
 *   load/      a directory: *.xml below it sorted by path, a subdirectory
 *              with a space in its name, files not named .xml ignored
 *   roots/     every root a TEI corpus file may have: TEI, teiCorpus (with
 *              and without TEI inside, nested), bare listPerson, listOrg,
 *              listPlace, listRelation, taxonomy; a TEI without teiHeader,
 *              a TEI without text (an authority file, not a document)
 *   meta/      document id, date, type; the Places/Hosts/Delegation lines
 *              made from settingDesc and particDesc
 *   blocks/    one document with every kind of block, whitespace, name
 *              parts, choice, lb
 *   spans/     mentions, emphasis, links and exactly what they cover
 *   entities/  records, names, descriptions, relations, mentions in
 *              corpus order, mentions without a reference, co-occurrence,
 *              and the entity page of an organisation
 *   refs/      every form a reference takes in TEI, records of the same id
 *              in two files (merged, or kept apart when they differ)
 *   odd/       legal but unusual files: non-ASCII ids, names with markup,
 *              CRLF, no XML declaration, a 4,000-character line
 *   hostile/   files that attack or break the loader, next to one good
 *              file that must still load; the ones that cannot be
 *              committed (a symlink out of the corpus, 10,000-deep
 *              nesting) are written to a temporary directory at run time
 *   size/      a file over corpus_options.max_file_size
 *   columns/   a dangling reference after a tab and accented letters
 *   anon/      records without an xml:id (numbered per corpus)
 *   dates/     one document per rule for a document's own date and title
 *   letters/   letters with correspDesc and only a series title
 *   works/     bibl and biblStruct in listBibl, object, a record in another
 *              namespace, pointer records in an event, rs type="work"
 *   xinclude/  a teiCorpus that XIncludes the two files lying beside it
 *   drama/     castList items pointing at records, an sp with two @who ids
 *              and an inner stage, a stage inside a line
 *   chars/     a soft hyphen and a zero-width space inside words, w and pc
 *              tokens, a label in an item
 *   links/     ptr and ref to a standOff note, a note in back, an anchor, a
 *              div of another file; an empty ref
 *
 * Layout checks need no corpus; they run in the C.UTF-8 locale so that
 * wide characters have their display widths. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../tap.h"
#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "layout.h"
#include "page.h"
#include "source.h"

static const char *srcdir;

/* ---- helpers ------------------------------------------------------------ */

/* The path of a fixture; each call has its own buffer (a few at a time). */
static const char *fixture(const char *rel)
{
	static char paths[4][PATH_MAX];
	static int k;
	char *p = paths[k++ % 4];

	snprintf(p, PATH_MAX, "%s/tests/fixtures/corpus/%s", srcdir, rel);
	return p;
}

static struct corpus *open_path(const char *path, const struct corpus_options *opt)
{
	char *error = NULL;
	struct corpus *c = corpus_open(path, opt, &error);

	if (!c)
		printf("# cannot open %s: %s\n", path, error ? error : "?");
	free(error);
	return c;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A block's text as a string, in one of a few rotating buffers. */
static const char *btext(const struct block *b)
{
	static char bufs[4][8192];
	static int k;
	char *s = bufs[k++ % 4];
	size_t n = b->len < sizeof(bufs[0]) - 1 ? b->len : sizeof(bufs[0]) - 1;

	memcpy(s, b->text, n);
	s[n] = '\0';
	return s;
}

/* The text a span covers. */
static const char *stext(const struct block *b, const struct span *s)
{
	static char bufs[4][512];
	static int k;
	char *t = bufs[k++ % 4];
	size_t n;

	if (s->end > b->len || s->start > s->end)
		return "(span out of range)";
	n = s->end - s->start < sizeof(bufs[0]) - 1 ? s->end - s->start : sizeof(bufs[0]) - 1;
	memcpy(t, b->text + s->start, n);
	t[n] = '\0';
	return t;
}

static const struct doc *doc_by_id(const struct corpus *c, const char *id)
{
	return c ? corpus_find_doc(c, id) : NULL;
}

/* The first block at or after from whose text starts with prefix, or -1. */
static long block_with_prefix(const struct doc *d, size_t from, const char *prefix)
{
	size_t i, n = strlen(prefix);

	for (i = from; d && i < d->nblocks; i++)
		if (d->blocks[i].len >= n && memcmp(d->blocks[i].text, prefix, n) == 0)
			return (long)i;
	return -1;
}

/* Block i of d; a block of no kind with no text when there is none, so
 * that a missing block fails its checks instead of crashing them. */
static const struct block no_block = { BLOCK_KIND_COUNT, 0, "", 0, 0, NULL, 0 };

static const struct block *block_at(const struct doc *d, long i)
{
	if (!d || i < 0 || (size_t)i >= d->nblocks || !d->blocks)
		return &no_block;
	return &d->blocks[i];
}

/* The text of the block starting with prefix, or "(none)". */
static const char *text_of(const struct doc *d, const char *prefix)
{
	const struct block *b = block_at(d, block_with_prefix(d, 0, prefix));

	return b ? btext(b) : "(none)";
}

static long entity_id(const struct corpus *c, const char *id)
{
	return c ? entity_find(corpus_entities(c), id) : -1;
}

static const struct entity *entity_by_id(const struct corpus *c, const char *id)
{
	long e = entity_id(c, id);

	return e >= 0 ? entity_get(corpus_entities(c), e) : NULL;
}

/* The span of this kind covering exactly the text covered, or NULL. */
static const struct span *span_over(const struct block *b, enum span_kind kind,
				    const char *covered)
{
	size_t i;

	for (i = 0; b && i < b->nspans; i++)
		if (b->spans[i].kind == kind && strcmp(stext(b, &b->spans[i]), covered) == 0)
			return &b->spans[i];
	return NULL;
}

/* The link record of the link over exactly covered in b, or NULL. */
static const struct span_link *link_over(const struct block *b, const char *covered)
{
	const struct span *s = span_over(b, SPAN_LINK, covered);

	return s ? span_link(b, s) : NULL;
}

/* Whether a mention span of entity id covers exactly covered. */
static int mentions_over(const struct corpus *c, const struct block *b, const char *id,
			 const char *covered)
{
	long e = entity_id(c, id);
	size_t i;

	for (i = 0; b && e >= 0 && i < b->nspans; i++)
		if (span_entity(&b->spans[i]) == e &&
		    strcmp(stext(b, &b->spans[i]), covered) == 0)
			return 1;
	return 0;
}

static int has_relation(const struct entity *e, long other, const char *name,
			const char *role, enum relation_dir dir)
{
	size_t i;

	for (i = 0; e && i < e->nrelations; i++) {
		const struct relation *r = &e->relations[i];

		if (r->other == other && strcmp(r->name, name) == 0 && r->dir == dir &&
		    (role ? r->role && strcmp(r->role, role) == 0 : !r->role))
			return 1;
	}
	return 0;
}

/* The first diagnostic about a file ending with suffix whose message
 * contains needle (any message when needle is NULL), or NULL. */
static const struct corpus_diag *diag_for(const struct corpus *c, const char *suffix,
					  const char *needle)
{
	size_t i;

	for (i = 0; c && i < corpus_ndiags(c); i++) {
		const struct corpus_diag *d = corpus_diag(c, i);

		if (d->file && ends_with(d->file, suffix) &&
		    (!needle || (d->message && strstr(d->message, needle))))
			return d;
	}
	return NULL;
}

static size_t count_errors(const struct corpus *c)
{
	size_t i, n = 0;

	for (i = 0; c && i < corpus_ndiags(c); i++)
		n += corpus_diag(c, i)->is_error != 0;
	return n;
}

static void print_diags(const struct corpus *c)
{
	size_t i;

	for (i = 0; c && i < corpus_ndiags(c); i++) {
		const struct corpus_diag *d = corpus_diag(c, i);

		printf("#   %s:%ld:%ld: %s%s\n", d->file, d->line, d->column,
		       d->is_error ? "error: " : "", d->message);
	}
}

/* Every diagnostic is file:line:column: message, all of them present. */
static int diags_well_formed(const struct corpus *c)
{
	size_t i;

	for (i = 0; i < corpus_ndiags(c); i++) {
		const struct corpus_diag *d = corpus_diag(c, i);

		if (!d->file || !*d->file || d->line < 1 || d->column < 1 || !d->message ||
		    !*d->message || strchr(d->message, '\n'))
			return 0;
	}
	return 1;
}

/* The line (1-based) of a file holding needle, and its column in *col. */
static long line_of(const char *path, const char *needle, long *col)
{
	FILE *fp = fopen(path, "rb");
	static char line[16384];
	long n = 0;

	*col = 0;
	if (!fp)
		return -1;
	while (fgets(line, sizeof(line), fp)) {
		char *p;

		n++;
		if ((p = strstr(line, needle)) != NULL) {
			*col = (long)(p - line) + 1;
			fclose(fp);
			return n;
		}
	}
	fclose(fp);
	return -1;
}

/* Whether needle occurs in any document text or any entity's strings. */
static int corpus_contains(const struct corpus *c, const char *needle)
{
	const struct entity_index *ix = corpus_entities(c);
	size_t i, j;

	for (i = 0; i < corpus_ndocs(c); i++) {
		const struct doc *d = corpus_doc(c, i);

		if (strstr(d->text, needle) || strstr(d->title, needle))
			return 1;
	}
	for (i = 0; i < entity_count(ix); i++) {
		const struct entity *e = entity_get(ix, (long)i);

		if (strstr(e->name, needle) || (e->desc && strstr(e->desc, needle)))
			return 1;
		for (j = 0; j < e->nvariants; j++)
			if (strstr(e->variants[j], needle))
				return 1;
	}
	return 0;
}

/* The invariants of every document: doc->text is every block's text, each
 * followed by '\n'; blocks[i].text points into it; no newline, no space at
 * either end of the text after the label; spans inside the block, sorted
 * by start; note markers point at note blocks. */
static int docs_consistent(const struct corpus *c)
{
	size_t i, j, k;

	for (i = 0; i < corpus_ndocs(c); i++) {
		const struct doc *d = corpus_doc(c, i);
		size_t off = 0;

		if (!d->nblocks || d->blocks[0].kind != BLOCK_TITLE || d->nheader > d->nblocks) {
			printf("#   %s: no title block\n", d->id);
			return 0;
		}
		for (j = 0; j < 16; j++)
			if (d->text[d->text_len + j] != '\0') {
				printf("#   %s: byte %zu after the text is not zero\n", d->id, j);
				return 0;
			}
		for (j = 0; j < d->nblocks; j++) {
			const struct block *b = &d->blocks[j];

			if (b->text != d->text + off || d->text[off + b->len] != '\n' ||
			    memchr(b->text, '\n', b->len) || b->label_len > b->len) {
				printf("#   %s: block %zu is not in doc->text\n", d->id, j);
				return 0;
			}
			if (b->len > b->label_len && (b->text[b->label_len] == ' ' ||
						      b->text[b->len - 1] == ' ')) {
				printf("#   %s: block %zu \"%s\" has a space at an end\n", d->id, j,
				       btext(b));
				return 0;
			}
			for (k = 0; k < b->nspans; k++) {
				const struct span *s = &b->spans[k];

				if (s->start >= s->end || s->end > b->len ||
				    (k && s->start < b->spans[k - 1].start)) {
					printf("#   %s: block %zu \"%s\": span %zu [%lu,%lu) is out of "
					       "place\n", d->id, j, btext(b), k,
					       (unsigned long)s->start, (unsigned long)s->end);
					return 0;
				}
				if (s->kind == SPAN_NOTEREF && (span_note(s) >= d->nblocks ||
				    d->blocks[span_note(s)].kind != BLOCK_NOTE)) {
					printf("#   %s: block %zu: a note marker points at block %zu\n",
					       d->id, j, span_note(s));
					return 0;
				}
				if (s->kind == SPAN_LINK && (!b->links || !span_link(b, s))) {
					printf("#   %s: block %zu: a link without a record\n", d->id, j);
					return 0;
				}
			}
			off += b->len + 1;
		}
		if (off != d->text_len || d->text[off] != '\0') {
			printf("#   %s: text_len %zu, blocks total %zu\n", d->id, d->text_len, off);
			return 0;
		}
	}
	return 1;
}

/* Every mention of every entity is a mention span of that entity in the
 * document (corpus order) and block it names, and in corpus order. */
static int mentions_consistent(const struct corpus *c)
{
	const struct entity_index *ix = corpus_entities(c);
	size_t i, j, k;

	for (i = 0; i < entity_count(ix); i++) {
		const struct entity *e = entity_get(ix, (long)i);
		size_t ndocs = 0;

		for (j = 0; j < e->nmentions; j++) {
			const struct mention *m = &e->mentions[j];
			const struct doc *d = corpus_doc(c, m->doc);
			const struct block *b;
			int found = 0;

			if (!d || m->block >= d->nblocks) {
				printf("#   %s: mention %zu points nowhere\n", e->id, j);
				return 0;
			}
			b = &d->blocks[m->block];
			for (k = 0; k < b->nspans; k++)
				if (span_entity(&b->spans[k]) == (long)i &&
				    b->spans[k].start == m->start &&
				    b->spans[k].end == m->start + m->len)
					found = 1;
			if (!found) {
				printf("#   %s: mention %zu has no span\n", e->id, j);
				return 0;
			}
			if (j && (m->doc < e->mentions[j - 1].doc ||
				  (m->doc == e->mentions[j - 1].doc &&
				   m->block < e->mentions[j - 1].block))) {
				printf("#   %s: mentions not in corpus order\n", e->id);
				return 0;
			}
			if (!j || m->doc != e->mentions[j - 1].doc)
				ndocs++;
		}
		if (ndocs != e->ndocs) {
			printf("#   %s: ndocs %zu, mentions in %zu documents\n", e->id, e->ndocs,
			       ndocs);
			return 0;
		}
	}
	return 1;
}

static void check_invariants(const struct corpus *c, const char *what)
{
	ok(docs_consistent(c), "%s: blocks, doc->text and spans are consistent", what);
	ok(mentions_consistent(c), "%s: every mention is a span, in corpus order", what);
	ok(diags_well_formed(c), "%s: diagnostics are file:line:column: message", what);
}

/* ---- loading files and directories -------------------------------------- */

static void test_load(void)
{
	struct corpus *c = open_path(fixture("load"), NULL);
	const struct doc *d;
	char *error = NULL;
	size_t i;
	int found = 0;

	if (!ok(c != NULL, "load/: a directory opens"))
		return;
	is_int(corpus_nfiles(c), 3, "load/: three *.xml files, .txt and .xml.orig ignored");
	is_int(corpus_ndocs(c), 3, "load/: three documents");
	ok(!doc_by_id(c, "should-not-load"), "load/: a file not named .xml is not read");
	d = doc_by_id(c, "b-second");
	ok(d != NULL, "load/: a TEI without xml:id is named after its file");
	for (i = 0; i < corpus_ndocs(c); i++)
		if (ends_with(corpus_doc(c, i)->file, "sub dir/c third.xml") &&
		    strcmp(text_of(corpus_doc(c, i), "Uit c third."), "Uit c third.") == 0)
			found = 1;
	ok(found, "load/: a file in a subdirectory with spaces in its path is read");
	d = doc_by_id(c, "twin");
	ok(d && ends_with(d->file, "/load/a-first.xml"),
	   "load/: files are read sorted by path (the first \"twin\" keeps its id)");
	for (i = 0, found = 0; i < corpus_ndocs(c); i++)
		if (ends_with(corpus_doc(c, i)->file, "c third.xml") &&
		    strcmp(corpus_doc(c, i)->id, "twin") != 0)
			found = 1;
	ok(found, "load/: a second document with the same id gets another one");
	is_int(corpus_ndiags(c), 0, "load/: no diagnostics");
	print_diags(c);
	check_invariants(c, "load/");
	corpus_free(c);

	c = open_path(fixture("load/a-first.xml"), NULL);
	if (ok(c != NULL, "load/a-first.xml: a single file opens")) {
		is_int(corpus_nfiles(c), 1, "a single file: one file read");
		is_int(corpus_ndocs(c), 1, "a single file: one document");
		is_str(corpus_doc(c, 0)->id, "twin", "a single file: its id is its xml:id");
		corpus_free(c);
	}

	c = corpus_open(fixture("no-such-dir"), NULL, &error);
	ok(!c && error && strstr(error, "no-such-dir"),
	   "a path that does not exist: NULL and a message naming it");
	free(error);
	corpus_free(c);
}

/* ---- the roots a corpus file may have ---------------------------------- */

static void test_roots(void)
{
	struct corpus *c = open_path(fixture("roots"), NULL);
	const struct doc *d;
	const struct entity *e;
	static const char *const docs[] = {
		"roots-tei", "tc-1", "tc-2", "nested-inner", "nested-outer", "headerless", NULL
	};
	size_t i;

	if (!ok(c != NULL, "roots/: opens"))
		return;
	is_int(corpus_ndiags(c), 0, "roots/: every kind of root loads without a diagnostic");
	print_diags(c);
	for (i = 0; docs[i]; i++)
		ok(doc_by_id(c, docs[i]) != NULL, "roots/: document %s is there", docs[i]);
	is_int(corpus_ndocs(c), 6, "roots/: six documents (lists, taxonomy, authority file "
	       "and an empty teiCorpus are none)");
	ok(doc_by_id(c, "nested-inner") && ends_with(doc_by_id(c, "nested-inner")->file,
						     "teicorpus-nested.xml"),
	   "roots/: a TEI in a nested teiCorpus is a document");
	d = doc_by_id(c, "headerless");
	is_str(d ? d->title : NULL, "headerless", "TEI without teiHeader: the title is its id");
	is_str(text_of(d, "Een tekst"), "Een tekst zonder teiHeader.",
	       "TEI without teiHeader: its text is read");
	ok(!doc_by_id(c, "authority-file"), "TEI without text is not a document");
	e = entity_by_id(c, "nt-piet");
	is_str(e ? e->name : NULL, "Piet Pieters", "TEI without text: its records are read");
	e = entity_by_id(c, "lp-anna");
	ok(e && strcmp(e->type, "person") == 0 && strcmp(e->name, "Anna de Wit") == 0,
	   "bare listPerson: its person is an entity");
	e = entity_by_id(c, "lo-org");
	ok(e && e->cls == ENTITY_ORG && strcmp(e->name, "Stichting Wijkwerk") == 0,
	   "bare listOrg: its org is an entity");
	e = entity_by_id(c, "pl-city");
	ok(e && e->cls == ENTITY_PLACE && strcmp(e->name, "Assen") == 0,
	   "bare listPlace: its place is an entity");
	ok(has_relation(entity_by_id(c, "lp-anna"), entity_id(c, "lo-org"), "memberOf", NULL,
			REL_ACTIVE), "bare listRelation: its relation joins records of other files");
	d = doc_by_id(c, "tc-1");
	is_str(d ? d->title : NULL, "Eerste in corpus", "teiCorpus: each TEI has its own title");
	check_invariants(c, "roots/");
	corpus_free(c);

	c = open_path(fixture("roots/teicorpus.xml"), NULL);
	if (ok(c != NULL, "roots/teicorpus.xml: opens alone")) {
		is_int(corpus_ndocs(c), 2, "teiCorpus alone: two documents");
		corpus_free(c);
	}
	c = open_path(fixture("roots/listperson-only.xml"), NULL);
	if (ok(c != NULL, "roots/listperson-only.xml: opens alone")) {
		ok(corpus_ndocs(c) == 0 && entity_id(c, "lp-anna") >= 0 && corpus_ndiags(c) == 0,
		   "listPerson alone: no documents, one entity, no diagnostics");
		corpus_free(c);
	}
}

/* ---- document metadata ---------------------------------------------------- */

static void test_meta(void)
{
	struct corpus *c = open_path(fixture("meta"), NULL);
	const struct doc *d;
	const struct block *b;
	long i;

	if (!ok(c != NULL, "meta/: opens"))
		return;
	d = doc_by_id(c, "meta-header");
	is_str(d ? d->date : NULL, "2014-11-05", "date from creation/date/@when");
	is_str(d ? d->type : NULL, "werkbezoek", "type from text/@type");
	is_str(d ? d->title : NULL, "Datum uit de header", "title from titleStmt/title");
	d = doc_by_id(c, "1999-03-04-x");
	ok(d != NULL, "id from the file name when the TEI has no xml:id");
	is_str(d ? d->date : NULL, "1999-03-04", "date from the file name");
	is_str(d ? d->type : NULL, "interview", "type from keywords/term[@type=texttype]");
	d = doc_by_id(c, "meta-undated");
	is_str(d ? d->date : NULL, "", "no date anywhere: \"\"");
	is_str(d ? d->type : NULL, "artikel", "type from catRef/@target");
	is_str(corpus_doc(c, 0)->id, "1999-03-04-x", "corpus order: oldest first");
	is_str(corpus_doc(c, corpus_ndocs(c) - 1)->id, "meta-undated",
	       "corpus order: undated last");

	d = doc_by_id(c, "meta-partic");
	i = block_with_prefix(d, 0, "Places: ");
	b = block_at(d, i);
	ok(b && b->kind == BLOCK_META && (size_t)i < d->nheader,
	   "settingDesc makes a Places: header line");
	is_str(b ? btext(b) : NULL, "Places: Emmen, Assen", "Places: lists every place");
	ok(mentions_over(c, b, "m-emmen", "Emmen") && mentions_over(c, b, "m-assen", "Assen"),
	   "Places: each place is a mention of its record");
	is_int(b ? b->label_len : 0, strlen("Places: "), "Places: the label is \"Places: \"");
	i = block_with_prefix(d, 0, "Hosts: ");
	b = block_at(d, i);
	ok(b && b->kind == BLOCK_META && (size_t)i < d->nheader,
	   "listOrg[@type=hosts] makes a Hosts: header line");
	is_str(b ? btext(b) : NULL, "Hosts: Sedna Welzijn, Welzijn Midden-Drenthe",
	       "Hosts: the name as written, else the record's name (org sameAs, empty)");
	ok(mentions_over(c, b, "m-sedna", "Sedna Welzijn"), "Hosts: the host is a mention");
	ok(mentions_over(c, b, "m-wmd", "Welzijn Midden-Drenthe"),
	   "Hosts: a host without a name of its own is a mention too");
	i = block_with_prefix(d, 0, "Delegation: ");
	b = block_at(d, i);
	ok(b && b->kind == BLOCK_META && (size_t)i < d->nheader,
	   "listPerson[@type=delegation] makes a Delegation: header line");
	ok(mentions_over(c, b, "m-aly", "Aly van Beek"), "Delegation: the person is a mention");
	i = block_with_prefix(d, 0, "Date: ");
	is_str(i >= 0 ? btext(block_at(d, i)) : NULL, "Date: 2014-11-05",
	       "a Date: header line");
	ok(d && d->blocks[d->nheader].kind == BLOCK_PARAGRAPH,
	   "the text starts after the header blocks");
	is_int(corpus_ndiags(c), 0, "meta/: no diagnostics");
	print_diags(c);
	check_invariants(c, "meta/");
	corpus_free(c);
}

/* ---- blocks ---------------------------------------------------------------- */

static void test_blocks(void)
{
	struct corpus *c = open_path(fixture("blocks/structure.xml"), NULL);
	const struct doc *d;
	const struct block *b;
	const struct span *s;
	long i;

	if (!ok(c != NULL, "blocks/structure.xml: opens"))
		return;
	d = doc_by_id(c, "blocks");
	ok(d != NULL, "blocks: the document is there");
	if (!d) {
		corpus_free(c);
		return;
	}
	b = block_at(d, block_with_prefix(d, d->nheader, "Eerste"));
	ok(b && b->kind == BLOCK_HEADING && b->level == 1, "head of a div: heading, level 1");
	is_str(b ? btext(b) : NULL, "Eerste kop", "heading: spaces collapsed");
	b = block_at(d, block_with_prefix(d, d->nheader, "Tweede"));
	ok(b && b->kind == BLOCK_HEADING && b->level == 2, "head of a div in a div: level 2");
	b = block_at(d, block_with_prefix(d, d->nheader, "Een tekst"));
	ok(b && b->kind == BLOCK_PARAGRAPH, "p: a paragraph");
	is_str(b ? btext(b) : NULL, "Een tekst met witruimte",
	       "newlines, tabs and runs of spaces become one space, none at the ends");
	is_str(text_of(d, "Met "), "Met Aly Beek en een fout, een client en bijvoorbeeld dit.",
	       "name parts never glued; choice shows corr, reg, expan");
	ok(!strstr(d->text, "fuot") && !strstr(d->text, "cli\xC3\xABnt") &&
	   !strstr(d->text, "bv."), "choice never shows sic, orig or abbr");
	is_str(text_of(d, "regel"), "regel breuk en verbonden",
	       "lb is a space; lb break=\"no\" joins");

	i = block_with_prefix(d, d->nheader, "\xE2\x80\xA2 appel");
	b = block_at(d, i);
	ok(b && b->kind == BLOCK_ITEM && b->level == 1, "item: a list item, level 1");
	is_int(b ? b->label_len : 0, strlen("\xE2\x80\xA2 "), "item: the label is \"\xE2\x80\xA2 \"");
	is_str(b ? btext(block_at(d, i + 1)) : NULL, "\xE2\x80\xA2 peer", "item: the next item");
	i = block_with_prefix(d, d->nheader, "1. ");
	b = block_at(d, i);
	is_str(b ? btext(b) : NULL, "1. een", "numbered list: \"1. \"");
	is_int(b ? b->label_len : 0, 3, "numbered list: label_len 3");
	is_str(b ? btext(block_at(d, i + 1)) : NULL, "2. twee", "numbered list: \"2. \"");
	b = block_at(d, block_with_prefix(d, d->nheader, "Een citaat."));
	ok(b && b->kind == BLOCK_QUOTE, "quote: a quote block");

	i = block_with_prefix(d, d->nheader, "Een zin");
	b = block_at(d, i);
	is_str(b ? btext(b) : NULL, "Een zin met een noot[1] erin.",
	       "note: a [1] marker where it stands");
	s = span_over(b, SPAN_NOTEREF, "[1]");
	ok(s != NULL, "note: the marker is a SPAN_NOTEREF");
	is_int(s ? (long)span_note(s) : -1, i + 1, "note: the marker points at the next block");
	b = block_at(d, i + 1);
	ok(b && b->kind == BLOCK_NOTE, "note: its own block right after its anchor");
	is_str(b ? btext(b) : NULL, "[1] De noot zelf.", "note: its text with its number");
	is_int(b ? b->label_len : 0, 4, "note: the label is \"[1] \"");

	b = block_at(d, block_with_prefix(d, d->nheader, "Een bijschrift"));
	ok(b && b->kind == BLOCK_CAPTION, "figure/head: a caption");
	b = block_at(d, block_with_prefix(d, d->nheader, "Piet: "));
	ok(b && b->kind == BLOCK_SPEECH, "sp: a speech block");
	is_str(b ? btext(b) : NULL, "Piet: Hallo daar.", "sp: the speaker is the label");
	is_int(b ? b->label_len : 0, 6, "sp: label_len covers \"Piet: \"");
	ok(mentions_over(c, b, "spk", "Piet"), "sp/@who: the label is a mention of the speaker");
	i = -1;
	{
		size_t k;

		for (k = d->nheader; k < d->nblocks; k++)
			if (d->blocks[k].len >= 8 &&
			    strcmp(btext(&d->blocks[k]) + d->blocks[k].len - 8, "Ja hoor.") == 0)
				i = (long)k;
	}
	b = block_at(d, i);
	ok(b && b->kind == BLOCK_SPEECH, "u: a speech block");
	is_str(b ? btext(b) : NULL, "Piet Jansen: Ja hoor.",
	       "u/@who without speaker: the label is the speaker's name, not the id");
	b = block_at(d, block_with_prefix(d, d->nheader, "Hij gaat af."));
	ok(b && b->kind == BLOCK_STAGE, "stage: a stage direction");
	is_int(corpus_ndiags(c), 0, "blocks: no diagnostics");
	print_diags(c);
	check_invariants(c, "blocks/");
	corpus_free(c);
}

/* ---- spans ---------------------------------------------------------------- */

static void test_spans(void)
{
	struct corpus *c = open_path(fixture("spans/spans.xml"), NULL);
	const struct doc *d;
	const struct block *b;
	const struct span_link *l;

	if (!ok(c != NULL, "spans/spans.xml: opens"))
		return;
	d = doc_by_id(c, "spans");
	b = block_at(d, block_with_prefix(d, d ? d->nheader : 0, "Aly van Beek"));
	is_str(b ? btext(b) : NULL, "Aly van Beek van de MOgroep in Emmen.", "spans: the text");
	ok(mentions_over(c, b, "s-aly", "Aly van Beek"), "persName/@ref: a mention, exactly the name");
	ok(mentions_over(c, b, "s-mog", "MOgroep"), "orgName/@ref: a mention");
	ok(mentions_over(c, b, "s-emmen", "Emmen"), "placeName/@ref: a mention");
	is_int(b ? b->nspans : 0, 3, "spans: three mentions, nothing more");
	b = block_at(d, block_with_prefix(d, d ? d->nheader : 0, "Ook "));
	ok(mentions_over(c, b, "s-aly", "Aly"), "name[@type=person]/@ref: a mention");
	ok(mentions_over(c, b, "s-mog", "de vereniging"), "rs[@type=org]/@key: a mention");
	b = block_at(d, block_with_prefix(d, d ? d->nheader : 0, "Een "));
	ok(span_over(b, SPAN_EMPHASIS, "vet") != NULL, "hi: emphasis over its text");
	l = link_over(b, "een link");
	ok(l && l->target && strcmp(l->target, "https://example.org/verslag") == 0,
	   "ref/@target: a link with its target");
	l = link_over(b, "geen doel");
	ok(l && !l->target, "ref without target: a link without a target");
	ok(l && l->to.kind == LOC_NONE, "ref without target: leads nowhere");
	l = link_over(b, "een link");
	ok(l && l->to.kind == LOC_URL && l->to.id && strcmp(l->to.id, "https://example.org/verslag") == 0,
	   "links as data: an address outside the corpus is LOC_URL");
	b = block_at(d, block_with_prefix(d, d ? d->nheader : 0, "Zie "));
	l = link_over(b, "de vereniging");
	ok(l && l->to.kind == LOC_ENTITY && l->to.id && strcmp(l->to.id, "s-mog") == 0,
	   "links as data: #id of a record is that entity");
	l = link_over(b, "dit verslag");
	ok(l && l->to.kind == LOC_DOC && l->to.id && strcmp(l->to.id, "spans") == 0 &&
	   l->to.block == 0 && l->to.off == 0,
	   "links as data: file.xml#id of a document is that document");
	l = link_over(b, "niets");
	ok(l && l->to.kind == LOC_NONE && l->target && strcmp(l->target, "#nergens") == 0,
	   "links as data: a target naming nothing leads nowhere, its text kept");
	is_int(corpus_ndiags(c), 0, "spans: no diagnostics");
	print_diags(c);
	check_invariants(c, "spans/");
	corpus_free(c);
}

/* ---- entities ----------------------------------------------------------- */

static int same_span(const struct block *ba, const struct span *a, const struct block *bb,
		     const struct span *b)
{
	const struct span_link *la = span_link(ba, a), *lb = span_link(bb, b);

	if (a->kind != b->kind || a->start != b->start || a->end != b->end ||
	    span_entity(a) != span_entity(b) || !la != !lb)
		return 0;
	return !la || (la->to.kind == lb->to.kind && la->to.block == lb->to.block &&
		       la->to.off == lb->to.off &&
		       (la->to.id ? lb->to.id && strcmp(la->to.id, lb->to.id) == 0 : !lb->to.id));
}

static int same_block(const struct block *a, const struct block *b)
{
	size_t k;

	if (a->kind != b->kind || a->level != b->level || a->len != b->len ||
	    a->label_len != b->label_len || a->nspans != b->nspans ||
	    memcmp(a->text, b->text, a->len) != 0)
		return 0;
	for (k = 0; k < a->nspans; k++)
		if (!same_span(a, &a->spans[k], b, &b->spans[k]))
			return 0;
	return 1;
}

/* Every entity's page built lazily (first lines, then step at a time)
 * equals the page built at once, block for block; it is incomplete until
 * the last step. */
static int lazy_pages_match(const struct corpus *c, size_t first, size_t step)
{
	const struct entity_index *ix = corpus_entities(c);
	size_t e, i, bad = 0;

	for (e = 0; e < entity_count(ix); e++) {
		struct page *eager = page_entity(c, (long)e);
		struct page *lazy = page_entity_first(c, (long)e, first);
		size_t rounds = 0;

		bad += !page_complete(eager);
		while (page_more(lazy, step))
			bad += page_complete(lazy) || ++rounds > entity_get(ix, (long)e)->nmentions;
		bad += !page_complete(lazy) || lazy->nblocks != eager->nblocks;
		for (i = 0; i < lazy->nblocks && i < eager->nblocks; i++)
			bad += !same_block(&lazy->blocks[i], &eager->blocks[i]);
		page_free(eager);
		page_free(lazy);
	}
	return bad == 0;
}

/* Documents entities a and b are both mentioned in, by brute force. */
static size_t shared_docs(const struct entity *a, const struct entity *b)
{
	size_t i, j, n = 0;

	for (i = 0; i < a->nmentions; i++) {
		if (i && a->mentions[i - 1].doc == a->mentions[i].doc)
			continue;
		for (j = 0; j < b->nmentions; j++)
			if (b->mentions[j].doc == a->mentions[i].doc)
				break;
		n += j < b->nmentions;
	}
	return n;
}

/* entity_cooccurring for every entity against the brute-force count:
 * the same entities, the same counts, most shared first. */
static int cooccurring_matches_oracle(const struct entity_index *ix)
{
	size_t e, o, k, n, want, bad = 0;

	for (e = 0; e < entity_count(ix); e++) {
		long *others;
		size_t *counts;

		n = entity_cooccurring(ix, (long)e, &others, &counts);
		for (o = 0, want = 0; o < entity_count(ix); o++)
			if (o != e && shared_docs(entity_get(ix, (long)e), entity_get(ix, (long)o)))
				want++;
		bad += n != want;
		for (k = 0; k < n; k++) {
			bad += others[k] == (long)e;
			bad += counts[k] != shared_docs(entity_get(ix, (long)e),
							entity_get(ix, others[k]));
			bad += k && counts[k] > counts[k - 1];
		}
		free(others);
		free(counts);
	}
	return bad == 0;
}

static void test_entities(void)
{
	struct corpus *c = open_path(fixture("entities"), NULL);
	const struct entity_index *ix;
	const struct entity *e;
	const struct doc *d;
	struct page *p;
	long aly, mog, *others = NULL;
	size_t *counts = NULL, n, i;
	long people = -1, heading = -1, line = -1;

	if (!ok(c != NULL, "entities/: opens"))
		return;
	ix = corpus_entities(c);
	aly = entity_id(c, "e-aly");
	mog = entity_id(c, "e-mog");
	is_str(corpus_doc(c, 0)->id, "ent-early", "corpus order: the 2012 document first");
	e = entity_by_id(c, "e-aly");
	ok(e && e->cls == ENTITY_PERSON && strcmp(e->type, "person") == 0, "person: a person");
	is_str(e ? e->name : NULL, "Aly van Beek", "person: the first persName is preferred");
	ok(e && e->nvariants == 1 && strcmp(e->variants[0], "A. van Beek") == 0,
	   "person: the other persName is a variant");
	ok(e && e->desc && strstr(e->desc, "bestuurder"), "person: occupation in desc");
	ok(e && e->source && strstr(e->source, "register.xml:"), "person: source is file:line");
	ok(has_relation(e, mog, "affiliation", "directeur", REL_ACTIVE),
	   "affiliation/@ref with @role: an affiliation with the role");
	ok(has_relation(entity_get(ix, mog), aly, "affiliation", "directeur", REL_PASSIVE),
	   "affiliation: recorded on the organisation too");
	e = entity_by_id(c, "e-bo");
	is_str(e ? e->name : NULL, "Bo Smit", "persName of forename and surname: \"Bo Smit\"");
	is_str(e ? e->desc : NULL, "voorzitter", "roleName in desc");
	ok(has_relation(e, aly, "worksWith", NULL, REL_MUTUAL) &&
	   has_relation(entity_by_id(c, "e-aly"), entity_id(c, "e-bo"), "worksWith", NULL,
			REL_MUTUAL), "relation/@mutual: mutual on both");
	e = entity_by_id(c, "e-team");
	ok(e && strcmp(e->type, "personGrp") == 0 && strcmp(e->name, "Het wijkteam") == 0,
	   "personGrp: a record with its name");
	is_str(e ? e->desc : NULL, "de medewerkers van de wijk", "personGrp: desc");
	e = entity_by_id(c, "e-mog");
	ok(e && e->cls == ENTITY_ORG && strcmp(e->name, "MOgroep") == 0 && e->nvariants == 1 &&
	   strcmp(e->variants[0], "MO-groep") == 0, "org: preferred orgName and a variant");
	is_str(e ? e->desc : NULL, "brancheorganisatie", "org: desc");
	e = entity_by_id(c, "e-swn");
	is_str(e ? e->desc : NULL, NULL, "org: a note is not the desc");
	ok(e && e->nnotes == 2, "org: both notes of the record kept");
	is_str(e && e->nnotes > 0 ? e->notes[0] : NULL, "Nieuwe naam sinds 2016.",
	       "org: the first note");
	is_str(e && e->nnotes > 1 ? e->notes[1] : NULL, "Voorheen de MOgroep.",
	       "org: the second note, in order");
	ok(has_relation(e, mog, "successorOf", NULL, REL_ACTIVE) &&
	   has_relation(entity_get(ix, mog), entity_id(c, "e-swn"), "successorOf", NULL,
			REL_PASSIVE), "relation @name @active @passive");
	e = entity_by_id(c, "e-emmen");
	ok(e && e->cls == ENTITY_PLACE && has_relation(e, entity_id(c, "e-drenthe"), "partOf",
						      NULL, REL_ACTIVE),
	   "a place in a place is partOf it");
	e = entity_by_id(c, "e-visit");
	ok(e && strcmp(e->type, "event") == 0 && strcmp(e->name, "Werkbezoek Emmen") == 0,
	   "event: a record");

	e = entity_by_id(c, "e-aly");
	is_int(e ? e->nmentions : 0, 3, "e-aly: three mentions");
	is_int(e ? e->ndocs : 0, 2, "e-aly: in two documents");
	d = corpus_doc(c, 0);
	ok(e && e->nmentions && e->mentions[0].doc == 0 && e->mentions[0].len == 3 &&
	   memcmp(d->blocks[e->mentions[0].block].text + e->mentions[0].start, "Aly", 3) == 0,
	   "mentions: doc index in corpus order, block, start and length");
	e = entity_by_id(c, "person:kees de boer");
	ok(e != NULL, "a name without a reference: grouped as \"person:kees de boer\"");
	is_int(e ? e->nmentions : 0, 2, "unreferenced: both mentions grouped, spaces collapsed");
	is_int(e ? e->ndocs : 0, 2, "unreferenced: two documents");
	is_str(e ? e->name : NULL, "Kees de Boer", "unreferenced: named as written");
	ok(e && !e->source, "unreferenced: no record");

	n = entity_cooccurring(ix, aly, &others, &counts);
	ok(n == 4, "cooccurring: four entities share documents with e-aly (got %zu)", n);
	ok(n && others[0] == entity_id(c, "person:kees de boer") && counts[0] == 2,
	   "cooccurring: the one in both documents first, count 2");
	for (i = 0; i < n; i++)
		if (others[i] == entity_id(c, "e-bo"))
			break;
	ok(i < n && counts[i] == 1, "cooccurring: e-bo shares one document");
	free(others);
	free(counts);
	ok(cooccurring_matches_oracle(ix),
	   "cooccurring: every entity's list and counts as a brute-force count has them");
	ok(lazy_pages_match(c, 0, 1), "page_entity_first: built a line at a time, every "
	   "entity's page equals the one built at once");
	ok(lazy_pages_match(c, 2, 3), "page_entity_first: two lines, then three at a time");
	p = page_entity_first(c, aly, 1);
	ok(p && !page_complete(p) && p->nblocks >= 3 &&
	   p->blocks[p->nblocks - 1].kind == BLOCK_ITEM && p->blocks[p->nblocks - 1].level == 2 &&
	   p->blocks[p->nblocks - 2].kind == BLOCK_PARAGRAPH &&
	   strstr(btext(&p->blocks[p->nblocks - 3]), "Mentions (3 in 2 documents)") != NULL,
	   "page_entity_first: e-aly with one line built: the heading, a title, one mention");
	page_free(p);

	p = page_entity(c, mog);
	if (ok(p != NULL, "page_entity: a page for an org")) {
		for (i = 0; i < p->nblocks; i++) {
			const struct block *b = &p->blocks[i];

			if (b->len >= 8 && memcmp(b->text, "People: ", 8) == 0)
				people = (long)i;
			if (strstr(b->text, "Mentions (1 in 1 document)"))
				heading = (long)i;
			if (strstr(b->text, "de MOgroep") && span_over(b, SPAN_LINK, "de MOgroep"))
				line = (long)i;
		}
		is_str(people >= 0 ? btext(&p->blocks[people]) : NULL,
		       "People: Aly van Beek (directeur)", "page_entity: People: with roles");
		ok(people >= 0 && mentions_over(c, &p->blocks[people], "e-aly", "Aly van Beek"),
		   "page_entity: each person is a link to the person");
		ok(heading >= 0, "page_entity: a Mentions heading with counts");
		ok(line > heading && heading >= 0, "page_entity: the mention in context, a link");
		page_free(p);
	}
	ok(page_entity(c, -1) == NULL, "page_entity: no page for no entity");
	is_int(corpus_ndiags(c), 0, "entities/: no diagnostics");
	print_diags(c);
	check_invariants(c, "entities/");
	corpus_free(c);
}

/* ---- reference forms ---------------------------------------------------- */

static void test_refs(void)
{
	struct corpus *c = open_path(fixture("refs"), NULL);
	const char *forms = fixture("refs/forms.xml");
	const struct corpus_diag *dg;
	const struct doc *d;
	const struct block *b;
	const struct entity *e;
	long line, col;
	size_t i, n;

	if (!ok(c != NULL, "refs/: opens"))
		return;
	d = doc_by_id(c, "refs-forms");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, 0, "Hekje: ")), "r-anna", "Anna"),
	   "ref=\"#id\"");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, 0, "Bestand: ")), "r-bert", "Bert"),
	   "ref=\"register.xml#id\"");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, 0, "Elders: ")), "r-carla", "Carla"),
	   "ref=\"./sub/Other.xml#id\" (no such file): the id across the corpus");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, 0, "Prefix: ")), "r-dirk", "Dirk"),
	   "ref=\"psn:dirk\" through prefixDef with $1");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, 0, "Kaal: ")), "r-anna", "A. Appel"),
	   "ref=\"id\" (bare)");
	b = block_at(d, block_with_prefix(d, 0, "Twee: "));
	ok(mentions_over(c, b, "r-anna", "Anna en Bert") &&
	   mentions_over(c, b, "r-bert", "Anna en Bert"),
	   "ref=\"#a #b\": a span for each reference");
	e = entity_by_id(c, "http://viaf.org/viaf/123");
	ok(e && strcmp(e->type, "person") == 0, "an absolute URI: an external entity, id the URI");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, 0, "Extern: ")),
			 "http://viaf.org/viaf/123", "Viaf Persoon"), "an absolute URI: mentioned");
	ok(!diag_for(c, "forms.xml", "viaf"), "an absolute URI: no diagnostic");

	line = line_of(forms, "ref=\"#\"", &col);
	for (i = 0, n = 0; i < corpus_ndiags(c); i++) {
		dg = corpus_diag(c, i);
		n += ends_with(dg->file, "forms.xml") && dg->line == line && !dg->is_error;
	}
	ok(n == 1, "ref=\"#\": a warning on its line");
	line = line_of(forms, "#http://", &col);
	for (i = 0, n = 0; i < corpus_ndiags(c); i++) {
		dg = corpus_diag(c, i);
		n += ends_with(dg->file, "forms.xml") && dg->line == line && !dg->is_error;
	}
	ok(n == 1, "ref=\"#http://...\": a warning on its line");
	line = line_of(forms, "#r-nobody", &col);
	dg = diag_for(c, "forms.xml", "r-nobody");
	ok(dg && !dg->is_error && dg->line == line, "a dangling reference: a warning on its line");
	is_int(dg ? dg->column : 0, col, "a dangling reference: the column of the reference");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, 0, "Los: ")), "person:nobody",
			 "Nobody"), "a dangling reference: the name is still a mention");
	is_int(count_errors(c), 0, "refs/: junk and dangling references are never errors");
	is_int(corpus_ndocs(c), 3, "refs/: every document loads");

	e = entity_by_id(c, "r-same");
	is_str(e ? e->name : NULL, "Jan Smit", "same id, same type in two files: one entity");
	ok(e && e->nvariants == 1 && strcmp(e->variants[0], "J. Smit") == 0,
	   "same id in two files: names united");
	is_int(e ? e->ndocs : 0, 2, "same id in two files: mentions from both");
	ok(!entity_by_id(c, "dup-b.xml#r-same"), "same id, same record: nothing kept apart");
	e = entity_by_id(c, "dup-b.xml#r-pair");
	ok(e && strcmp(e->name, "Karin Pair") == 0 && entity_by_id(c, "r-pair") &&
	   strcmp(entity_by_id(c, "r-pair")->name, "Piet de Groot") == 0,
	   "same id and type but no name in common: two records, both kept");
	d = doc_by_id(c, "refs-dup-b");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, d ? d->nheader : 0, "Smit")),
			 "dup-b.xml#r-pair", "Karin"), "#r-pair in dup-b.xml: its own record");
	e = entity_by_id(c, "r-clash");
	ok(e && strcmp(e->type, "place") == 0 && strcmp(e->name, "Zwolle") == 0,
	   "same id, different records: the first keeps the id");
	e = entity_by_id(c, "dup-b.xml#r-clash");
	ok(e && strcmp(e->type, "org") == 0 && strcmp(e->name, "Clash BV") == 0,
	   "same id, different records: the second is \"dup-b.xml#r-clash\"");
	d = doc_by_id(c, "refs-dup-a");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, d ? d->nheader : 0, "Jan")),
			 "r-clash", "Zwolle"), "#r-clash in dup-a.xml: its own record");
	d = doc_by_id(c, "refs-dup-b");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, d ? d->nheader : 0, "Smit")),
			 "dup-b.xml#r-clash", "Clash BV"), "#r-clash in dup-b.xml: its own record");
	print_diags(c);
	check_invariants(c, "refs/");
	corpus_free(c);
}

/* ---- legal but unusual files -------------------------------------------- */

static void test_odd(void)
{
	struct corpus *c = open_path(fixture("odd"), NULL);
	const struct corpus_diag *dg;
	const struct doc *d;
	const struct block *b;
	const struct entity *e;
	long line, col;

	if (!ok(c != NULL, "odd/: opens"))
		return;
	is_int(corpus_ndocs(c), 5, "odd/: every file loads");
	is_int(count_errors(c), 0, "odd/: no errors");
	e = entity_by_id(c, "zo\xC3\xAB.de-vries");
	is_str(e ? e->name : NULL, "Zo\xC3\xAB de Vries", "an id with \xC3\xAB and a dot");
	d = doc_by_id(c, "odd-ids");
	ok(mentions_over(c, block_at(d, block_with_prefix(d, d ? d->nheader : 0, "Met ")),
			 "zo\xC3\xAB.de-vries", "Zo\xC3\xAB"), "ref=\"#zo\xC3\xAB.de-vries\" resolves");
	is_str(entity_by_id(c, "o-ko") ? entity_by_id(c, "o-ko")->name : NULL, "Ko Bakker",
	       "a name with hi");
	is_str(entity_by_id(c, "o-jan") ? entity_by_id(c, "o-jan")->name : NULL,
	       "Jan Klaassen", "a name with lb");
	is_str(entity_by_id(c, "o-swn") ? entity_by_id(c, "o-swn")->name : NULL,
	       "Sociaal Werk Nederland", "a name with choice: the expansion");
	is_str(entity_by_id(c, "o-gem") ? entity_by_id(c, "o-gem")->name : NULL,
	       "Gemeente Emmen", "a name with a name inside");
	d = doc_by_id(c, "odd-names");
	b = block_at(d, block_with_prefix(d, d ? d->nheader : 0, "Zo sprak"));
	is_str(b ? btext(b) : NULL, "Zo sprak Ko Bakker met de Gemeente Emmen.",
	       "text of names with markup");
	ok(mentions_over(c, b, "o-ko", "Ko Bakker") && span_over(b, SPAN_EMPHASIS, "Ko"),
	   "a mention with hi inside: both spans");
	ok(mentions_over(c, b, "o-gem", "Gemeente Emmen") &&
	   mentions_over(c, b, "o-emmen", "Emmen"), "nested names: a mention for each");
	b = block_at(d, block_with_prefix(d, d ? d->nheader : 0, "En "));
	ok(mentions_over(c, b, "o-jan", "Jan Klaassen") &&
	   mentions_over(c, b, "o-swn", "Sociaal Werk Nederland"),
	   "mentions with lb and choice inside");
	d = doc_by_id(c, "odd-crlf");
	is_str(text_of(d, "Eerste"), "Eerste regel en Ko.", "CRLF: a line end is a space");
	ok(d && !strchr(d->text, '\r'), "CRLF: no carriage return in the text");
	d = doc_by_id(c, "odd-nodecl");
	is_str(text_of(d, "Zonder"), "Zonder declaratie.", "no XML declaration: loads");
	d = doc_by_id(c, "odd-long");
	b = block_at(d, block_with_prefix(d, d ? d->nheader : 0, "lang lang"));
	ok(b && b->len > 3900, "a 4,000-character line: one long paragraph");
	ok(mentions_over(c, b, "o-ko", "Ko"), "a 4,000-character line: its mention resolves");
	line = line_of(fixture("odd/long-line.xml"), "#o-lost", &col);
	dg = diag_for(c, "long-line.xml", "o-lost");
	ok(dg && dg->line == line && dg->column == col,
	   "a 4,000-character line: the column of a dangling reference (%ld)", col);
	print_diags(c);
	check_invariants(c, "odd/");
	corpus_free(c);
}

/* ---- hostile files -------------------------------------------------------- */

static void hostile_file(const struct corpus *c, const char *file, int want_error)
{
	const struct corpus_diag *dg = diag_for(c, file, NULL);

	if (!ok(dg != NULL, "%s: a diagnostic", file))
		return;
	if (want_error >= 0)
		ok(!!dg->is_error == want_error, "%s: %s", file,
		   want_error ? "an error (skipped)" : "a warning");
}

/* An XInclude refused: one warning (no error) at the xi:include, and the
 * text around it loads. */
static void xinclude_refused(const struct corpus *c, const char *path, const char *file,
			     const char *id, const char *before, const char *after)
{
	const struct corpus_diag *dg = diag_for(c, file, NULL);
	const struct doc *d = doc_by_id(c, id);
	long line, col;
	size_t i, errors = 0, elsewhere = 0;

	line = line_of(path, "xi:include", &col);
	for (i = 0; i < corpus_ndiags(c); i++) {
		const struct corpus_diag *x = corpus_diag(c, i);

		if (!ends_with(x->file, file))
			continue;
		errors += x->is_error != 0;
		elsewhere += x->line != line;
	}
	ok(dg && errors == 0, "%s: refused with a warning, not an error (%zu errors)", file,
	   errors);
	ok(dg && elsewhere == 0, "%s: its diagnostics point at the xi:include, line %ld "
	   "(%zu elsewhere)", file, line, elsewhere);
	ok(d && block_with_prefix(d, 0, before) >= 0 && block_with_prefix(d, 0, after) >= 0,
	   "%s: the rest loads", file);
}

static void test_hostile(void)
{
	struct corpus *c = open_path(fixture("hostile"), NULL);
	const struct doc *d;

	if (!ok(c != NULL, "hostile/: opens"))
		return;
	d = doc_by_id(c, "hostile-good");
	is_str(text_of(d, "Dit bestand"), "Dit bestand is in orde.",
	       "hostile/: the good file loads");
	hostile_file(c, "xxe-passwd.xml", -1);
	ok(!corpus_contains(c, "root:"), "external entity: /etc/passwd is in no text or name");
	hostile_file(c, "billion-laughs.xml", -1);
	ok(!corpus_contains(c, "lollollollollollol"), "billion laughs: not expanded");
	hostile_file(c, "invalid-utf8.xml", 1);
	ok(!doc_by_id(c, "hostile-utf8"), "invalid UTF-8: the file is skipped");
	ok(diag_for(c, "invalid-utf8.xml", "UTF-8") && !diag_for(c, "invalid-utf8.xml", "^J"),
	   "invalid UTF-8: the message is one line (no newline shown as ^J)");
	xinclude_refused(c, fixture("hostile/xinclude-parent-dir.xml"), "xinclude-parent-dir.xml",
			 "hostile-xinclude-parent-dir", "Voor de include.", "Na de include.");
	xinclude_refused(c, fixture("hostile/xinclude-absolute-path.xml"),
			 "xinclude-absolute-path.xml", "hostile-xinclude-absolute-path",
			 "Voor de include.", "Na de include.");
	xinclude_refused(c, fixture("hostile/xinclude-http-url.xml"), "xinclude-http-url.xml",
			 "hostile-xinclude-http-url", "Voor de include.", "Na de include.");
	ok(!diag_for(c, "xinclude-inside-root.xml", NULL),
	   "xinclude of a file below the root: no diagnostic");
	d = doc_by_id(c, "hostile-xinclude-inside-root");
	ok(d && block_with_prefix(d, 0, "Ingevoegd") >= 0 &&
	   strcmp(text_of(d, "Deze alinea"), "Deze alinea komt uit een ingevoegd bestand.") == 0,
	   "xinclude of a file below the root: its text is there");
	ok(d && block_at(d, block_with_prefix(d, 0, "Ingevoegd"))->kind == BLOCK_HEADING,
	   "xinclude of a file below the root: its head is a heading");
	hostile_file(c, "truncated.xml", 1);
	ok(!doc_by_id(c, "hostile-truncated"), "truncated file: skipped");
	hostile_file(c, "html-root.xml", 1);
	ok(diag_for(c, "html-root.xml", "html") != NULL, "<html> root: the message names it");
	ok(!corpus_contains(c, "root:"), "hostile/: no secret anywhere");
	print_diags(c);
	check_invariants(c, "hostile/");
	corpus_free(c);
}

static int write_file(const char *dir, const char *name, const char *text)
{
	char path[PATH_MAX];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(fp = fopen(path, "w")))
		return 0;
	fputs(text, fp);
	return fclose(fp) == 0;
}

#define TEI_OPEN "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" " \
	"xmlns:xi=\"http://www.w3.org/2001/XInclude\" xml:id=\"%s\">\n" \
	"<teiHeader><fileDesc><titleStmt><title>%s</title></titleStmt>" \
	"<publicationStmt><p>t</p></publicationStmt><sourceDesc><p>t</p></sourceDesc>" \
	"</fileDesc></teiHeader>\n<text><body>\n"
#define TEI_CLOSE "</body></text>\n</TEI>\n"

static void write_doc(const char *dir, const char *name, const char *id, const char *body)
{
	char *s;
	size_t n = strlen(TEI_OPEN) + 2 * strlen(id) + strlen(body) + strlen(TEI_CLOSE) + 1;

	s = malloc(n);
	snprintf(s, n, TEI_OPEN "%s" TEI_CLOSE, id, id, body);
	write_file(dir, name, s);
	free(s);
}

/* What cannot be committed: a symlink out of the corpus, 10,000 levels of
 * nesting, written to a temporary directory and removed afterwards. */
static void test_hostile_runtime(void)
{
	char tmpl[] = "/tmp/test_corpus.XXXXXX";
	char *tmp = mkdtemp(tmpl);
	char out[PATH_MAX / 2], root[PATH_MAX / 2], path[PATH_MAX], link[PATH_MAX];
	struct corpus *c;
	const struct doc *d;
	const struct block *b;
	char *deep;
	size_t i, n = 10000, off = 0;
	static const char *const files[] = {
		"outside/secret.txt", "outside/secret.xml", "outside/outside-doc.xml",
		"corpus/good.xml", "corpus/escape-text.frag", "corpus/escape-xml.frag",
		"corpus/linked-out.xml", "corpus/symlink-text.xml", "corpus/symlink-xml.xml",
		"corpus/deep-nesting.xml", "corpus/deep-but-allowed.xml", NULL
	};

	if (!ok(tmp != NULL, "a temporary directory (%s)", tmp ? tmp : strerror(errno)))
		return;
	snprintf(out, sizeof(out), "%s/outside", tmp);
	snprintf(root, sizeof(root), "%s/corpus", tmp);
	mkdir(out, 0700);
	mkdir(root, 0700);
	write_file(out, "secret.txt", "root:x:0:0:secret\n");
	write_file(out, "secret.xml",
		   "<p xmlns=\"http://www.tei-c.org/ns/1.0\">root:x:0:0:secret</p>\n");
	write_doc(out, "outside-doc.xml", "outside-doc", "<p>root:x:0:0 outside</p>\n");
	write_doc(root, "good.xml", "runtime-good", "<p>Goed.</p>\n");
	snprintf(link, sizeof(link), "%s/secret.txt", out);
	snprintf(path, sizeof(path), "%s/escape-text.frag", root);
	ok(symlink(link, path) == 0, "symlink escape-text.frag -> ../outside/secret.txt");
	snprintf(path, sizeof(path), "%s/escape-xml.frag", root);
	ok(symlink("../outside/secret.xml", path) == 0,
	   "symlink escape-xml.frag -> ../outside/secret.xml");
	snprintf(path, sizeof(path), "%s/linked-out.xml", root);
	ok(symlink("../outside/outside-doc.xml", path) == 0,
	   "symlink linked-out.xml -> ../outside/outside-doc.xml");
	write_doc(root, "symlink-text.xml", "symlink-text",
		  "<p>Voor.</p>\n<xi:include href=\"escape-text.frag\" parse=\"text\"/>\n"
		  "<p>Na.</p>\n");
	write_doc(root, "symlink-xml.xml", "symlink-xml",
		  "<p>Voor.</p>\n<xi:include href=\"escape-xml.frag\"/>\n<p>Na.</p>\n");

	deep = malloc(n * 9 + 64);
	off += (size_t)sprintf(deep + off, "<p>");
	for (i = 0; i < n; i++)
		off += (size_t)sprintf(deep + off, "<hi>");
	off += (size_t)sprintf(deep + off, "diep");
	for (i = 0; i < n; i++)
		off += (size_t)sprintf(deep + off, "</hi>");
	sprintf(deep + off, "</p>\n");
	write_doc(root, "deep-nesting.xml", "deep-nesting", deep);
	/* below libxml2's limit of 256: the walks must still not recurse */
	for (i = 0, off = 0; i < 200; i++)
		off += (size_t)sprintf(deep + off, "<div>");
	off += (size_t)sprintf(deep + off, "<head>Heel diep</head><p>Tekst.</p>");
	for (i = 0; i < 200; i++)
		off += (size_t)sprintf(deep + off, "</div>");
	sprintf(deep + off, "\n");
	write_doc(root, "deep-but-allowed.xml", "deep-but-allowed", deep);
	free(deep);

	c = open_path(root, NULL);
	if (ok(c != NULL, "runtime/: opens")) {
		ok(doc_by_id(c, "runtime-good") != NULL, "runtime/: the good file loads");
		ok(!doc_by_id(c, "outside-doc"), "a *.xml symlink out of the corpus is not read");
		snprintf(path, sizeof(path), "%s/symlink-text.xml", root);
		xinclude_refused(c, path, "symlink-text.xml", "symlink-text", "Voor.", "Na.");
		snprintf(path, sizeof(path), "%s/symlink-xml.xml", root);
		xinclude_refused(c, path, "symlink-xml.xml", "symlink-xml", "Voor.", "Na.");
		ok(!corpus_contains(c, "root:"), "xinclude through a symlink: nothing from outside");
		hostile_file(c, "deep-nesting.xml", 1);
		ok(!doc_by_id(c, "deep-nesting"), "10,000-deep nesting: skipped, no crash");
		d = doc_by_id(c, "deep-but-allowed");
		b = block_at(d, block_with_prefix(d, 0, "Heel diep"));
		ok(b && b->kind == BLOCK_HEADING && b->level == 200,
		   "200-deep divs: a heading of level 200");
		print_diags(c);
		check_invariants(c, "runtime/");
		corpus_free(c);
	}
	for (i = 0; files[i]; i++) {
		snprintf(path, sizeof(path), "%s/%s", tmp, files[i]);
		unlink(path);
	}
	rmdir(out);
	rmdir(root);
	ok(rmdir(tmp) == 0, "the temporary directory is removed");
}

static void test_size(void)
{
	struct corpus_options opt = { 400, 0 };
	struct corpus *c = open_path(fixture("size"), &opt);

	if (!ok(c != NULL, "size/: opens with max_file_size 400"))
		return;
	ok(doc_by_id(c, "size-small") != NULL, "a file under the limit loads");
	ok(!doc_by_id(c, "size-large"), "a file over the limit is skipped");
	hostile_file(c, "larger-than-limit.xml", 1);
	print_diags(c);
	corpus_free(c);
	opt.max_file_size = 0;
	c = open_path(fixture("size"), &opt);
	if (c) {
		ok(doc_by_id(c, "size-large") != NULL, "max_file_size 0: the default, it loads");
		corpus_free(c);
	}
}

/* ---- regressions of the loader's restructuring ------------------------------ */

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Columns are characters on the line as read: a tab is one, so is É. */
static void test_column_after_tab(void)
{
	struct corpus *c = open_path(fixture("columns"), NULL);
	const struct corpus_diag *dg;

	if (!ok(c != NULL, "columns/: opens"))
		return;
	dg = diag_for(c, "tab.xml", "col-nobody");
	ok(dg && dg->line == 5, "after a tab: the line of the dangling reference");
	/* "<p>" 3, tab 1, "Één " 4, "<persName ref=\"" 15: the '#' is the 24th */
	is_int(dg ? dg->column : 0, 24, "after a tab and accented letters: the column in characters");
	corpus_free(c);
}

/* find_column reread the file for every message, even past the cap of
 * 100 per file: 4,000 dangling references in 2 MB took 79 s. */
static void test_many_dangling_refs_load_fast(void)
{
	char tmpl[] = "/tmp/test_corpus.XXXXXX";
	char *tmp = mkdtemp(tmpl);
	char path[PATH_MAX];
	struct corpus *c;
	size_t i, kept = 0, capped = 0;
	double t0, t;
	FILE *fp;
	long col = 0;

	if (!ok(tmp != NULL, "many-refs: a temporary directory"))
		return;
	snprintf(path, sizeof(path), "%s/many.xml", tmp);
	fp = fopen(path, "w");
	if (!ok(fp != NULL, "many-refs: the file is written"))
		return;
	fprintf(fp, TEI_OPEN, "many-refs", "many-refs");
	for (i = 0; i < 4000; i++) {
		fprintf(fp, "<p>\t<persName ref=\"#nobody-%zu\">Naam</persName>", i);
		fprintf(fp, " %.480s</p>\n", "lorem ipsum dolor sit amet lorem ipsum dolor sit amet "
			"lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit "
			"amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor "
			"sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum "
			"dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem "
			"ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet "
			"lorem ipsum dolor sit amet lorem ipsum dolor sit amet");
	}
	fputs(TEI_CLOSE, fp);
	fclose(fp);
	t0 = seconds_now();
	c = open_path(path, NULL);
	t = seconds_now() - t0;
	if (ok(c != NULL, "many-refs: opens")) {
		for (i = 0; i < corpus_ndiags(c); i++) {
			const struct corpus_diag *d = corpus_diag(c, i);

			kept += strstr(d->message, "unknown id") != NULL;
			capped += strcmp(d->message, "4000 problems in this file; the first "
					 "100 are shown (--check shows all)") == 0;
			if (i == 0)
				col = d->column;
		}
		is_int(kept, 100, "4,000 dangling references: 100 messages kept");
		is_int(capped, 1, "4,000 dangling references: then a summary line with the count");
		is_int(col, 20, "4,000 dangling references: the column after a tab");
		ok(t < 3.0, "4,000 dangling references in 2 MB load in under 3 s (%.2f s; was 79 s)", t);
		corpus_free(c);
	}
	unlink(path);
	ok(rmdir(tmp) == 0, "many-refs: the temporary directory is removed");
}

/* Anonymous records were numbered by a static counter that went on from
 * one corpus to the next. */
static void test_anon_ids_per_corpus(void)
{
	struct corpus *c;
	int round;

	for (round = 1; round <= 2; round++) {
		c = open_path(fixture("anon"), NULL);
		if (!ok(c != NULL, "anon/: opens (%d)", round))
			return;
		is_str(entity_by_id(c, "person-1") ? entity_by_id(c, "person-1")->name : NULL,
		       "Eerste Zonder", "anonymous ids start again in each corpus: person-1 (%d)",
		       round);
		is_str(entity_by_id(c, "person-2") ? entity_by_id(c, "person-2")->name : NULL,
		       "Tweede Zonder", "anonymous ids: person-2 (%d)", round);
		is_str(entity_by_id(c, "org-3") ? entity_by_id(c, "org-3")->name : NULL,
		       "Naamloze Stichting", "anonymous ids: org-3 (%d)", round);
		ok(!entity_by_id(c, "person-4"), "anonymous ids: no person-4 (%d)", round);
		corpus_free(c);
	}
}

/* corpus_doc_index is the inverse of corpus_doc. */
static void test_doc_index(void)
{
	struct corpus *c = open_path(fixture("meta"), NULL);
	struct doc other;
	size_t i, bad = 0;

	if (!ok(c != NULL, "meta/: opens for corpus_doc_index"))
		return;
	for (i = 0; i < corpus_ndocs(c); i++)
		bad += corpus_doc_index(c, corpus_doc(c, i)) != i;
	is_int(bad, 0, "corpus_doc_index(corpus_doc(i)) is i for every document");
	memset(&other, 0, sizeof(other));
	other.id = corpus_doc(c, 0) ? corpus_doc(c, 0)->id : "x";
	ok(corpus_doc_index(c, &other) == (size_t)-1,
	   "corpus_doc_index of a document not in the corpus: (size_t)-1");
	corpus_free(c);
}

/* corpus_has_location: what the browser may open, and what a saved
 * session keeps. */
static void test_has_location(void)
{
	struct corpus *c = open_path(fixture("entities"), NULL);

	if (!ok(c != NULL, "entities/: opens for corpus_has_location"))
		return;
	ok(corpus_has_location(c, &(struct location){ LOC_DOC, "ent-late", 3, 0 }),
	   "a document of the corpus is there");
	ok(!corpus_has_location(c, &(struct location){ LOC_DOC, "gone", 0, 0 }),
	   "a document not in the corpus is not");
	ok(!corpus_has_location(c, &(struct location){ LOC_DOC, NULL, 0, 0 }),
	   "a document without an id is not");
	ok(corpus_has_location(c, &(struct location){ LOC_ENTITY, "e-aly", 0, 0 }),
	   "an entity of the corpus is there");
	ok(!corpus_has_location(c, &(struct location){ LOC_ENTITY, "ent-late", 0, 0 }),
	   "a document's id is no entity");
	ok(corpus_has_location(c, &(struct location){ LOC_HELP, NULL, 0, 0 }) &&
	   corpus_has_location(c, &(struct location){ LOC_HISTORY, NULL, 0, 0 }),
	   "the help and history pages are always there");
	ok(!corpus_has_location(c, &(struct location){ LOC_NONE, NULL, 0, 0 }) &&
	   !corpus_has_location(c, &(struct location){ LOC_URL, "https://example.org/", 0, 0 }),
	   "nowhere and an address outside are not");
	corpus_free(c);
}

/* ---- layout --------------------------------------------------------------- */

static int line_is(const struct layout *l, size_t i, const char *text, const char *want)
{
	return i < l->nlines && l->lines[i].end - l->lines[i].start == strlen(want) &&
	       memcmp(text + l->lines[i].start, want, strlen(want)) == 0;
}

static void test_layout(void)
{
	struct layout l = { NULL, 0, 0 };
	const char *s;
	size_t n, i;
	int fine;

	s = "aaa bbb ccc";
	n = layout_wrap(&l, s, strlen(s), 0, 7);
	ok(n == 2 && line_is(&l, 0, s, "aaa bbb") && line_is(&l, 1, s, "ccc"),
	   "layout: wraps at a space, the space not shown");
	s = "\xE2\x80\xA2 een twee drie vier";
	n = layout_wrap(&l, s, strlen(s), 4, 10);
	ok(n == 3 && line_is(&l, 0, s, "\xE2\x80\xA2 een twee") && line_is(&l, 1, s, "drie") &&
	   line_is(&l, 2, s, "vier"), "layout: an item wraps after its label");
	ok(n == 3 && l.lines[0].indent == 0 && l.lines[1].indent == 2 && l.lines[2].indent == 2,
	   "layout: a hanging indent of the label's width");
	s = "abcdefghij";
	n = layout_wrap(&l, s, strlen(s), 0, 4);
	ok(n == 3 && line_is(&l, 0, s, "abcd") && line_is(&l, 1, s, "efgh") &&
	   line_is(&l, 2, s, "ij"), "layout: an overlong word breaks between characters");
	s = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88";
	n = layout_wrap(&l, s, strlen(s), 0, 5);
	for (i = 0, fine = n == 4; fine && i < n; i++)
		fine = l.lines[i].width <= 5 && l.lines[i].start % 3 == 0 && l.lines[i].end % 3 == 0;
	ok(fine && l.lines[0].width == 4, "layout: CJK is two columns, lines of two characters");
	s = "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81";
	n = layout_wrap(&l, s, strlen(s), 0, 2);
	for (i = 0, fine = n == 2; fine && i < n; i++)
		fine = l.lines[i].width == 2 && l.lines[i].start % 3 == 0 && l.lines[i].end % 3 == 0;
	ok(fine, "layout: a combining mark stays with its base");
	s = "e\xCC\x81x";
	n = layout_wrap(&l, s, strlen(s), 0, 1);
	ok(n == 2 && l.lines[0].end == 3 && l.lines[1].start == 3,
	   "layout: width 1 breaks after the combining mark, not before it");
	n = layout_wrap(&l, "", 0, 0, 10);
	ok(n == 1 && l.lines[0].start == 0 && l.lines[0].end == 0, "layout: empty text, one line");
	s = "aaa bbb ccc";
	layout_wrap(&l, s, strlen(s), 0, 7);
	ok(layout_line_of(&l, 9) == 1 && layout_line_of(&l, 0) == 0 &&
	   layout_line_of(&l, strlen(s)) == 1, "layout_line_of: the line of an offset");
	layout_free(&l);
}

/* ---- a document's own date and title (issue 11) --------------------------- */

/* One file of dates/ per rule: the date and title the document must get,
 * and the Date: line its header shows. */
static const struct {
	const char *id, *date, *shown, *title, *rule;
} date_rules[] = {
	{ "d-corresp", "1890-01-31", "1890-01-31", "A letter",
	  "the sent correspAction's date before creation; title level=a before level=s" },
	{ "d-received", "1901-02-03", "1901-02-03", "Received only",
	  "a received correspAction's date is not the letter's date" },
	{ "d-creation", "1902", "1902", "Main title",
	  "creation/date before publicationStmt; title type=main before an untyped one" },
	{ "d-setting", "2019-05-06", "2019-05-06", "Untyped title",
	  "settingDesc/setting/date; an untyped title before level=m" },
	{ "d-written", "1602", "1602", "Written",
	  "standOff event type=written before print, before the source's edition date" },
	{ "d-print", "1604", "1604", "Printed", "standOff event type=print before premiere" },
	{ "d-bibl", "1850-07", "1850-07", "A journal",
	  "sourceDesc/bibl/date of the original before publicationStmt; a journal title "
	  "before a subtitle" },
	{ "d-range", "1890-01", "1890-01 to 1890-03", "Range", "@from/@to: shown as a range" },
	{ "d-bounds", "1890-01-31", "1890-01-31 to 1890-02-02 (approximate)", "Bounds",
	  "@notBefore/@notAfter with cert=low: a range, approximate" },
	{ "d-notafter", "1899", "not after 1899", "Not after", "@notAfter alone" },
	{ "d-pub", "2023", "2023", "Only a series",
	  "publicationStmt only when nothing else; a series title when it is the only one" },
	{ "d-text", "1888-12-24", "1888-12-24", "Text date", "an ISO date in the text of date" },
};

static void test_date_title_rules(void)
{
	struct corpus *c = open_path(fixture("dates"), NULL);
	char want[128];
	size_t i;

	if (!ok(c != NULL, "dates/: opens"))
		return;
	is_int(corpus_ndocs(c), sizeof(date_rules) / sizeof(date_rules[0]),
	       "dates/: one document per rule");
	for (i = 0; i < sizeof(date_rules) / sizeof(date_rules[0]); i++) {
		const struct doc *d = doc_by_id(c, date_rules[i].id);
		long b = block_with_prefix(d, 0, "Date: ");

		printf("# %s: %s\n", date_rules[i].id, date_rules[i].rule);
		is_str(d ? d->date : NULL, date_rules[i].date, "%s: date", date_rules[i].id);
		is_str(d ? d->title : NULL, date_rules[i].title, "%s: title", date_rules[i].id);
		snprintf(want, sizeof(want), "Date: %s", date_rules[i].shown);
		is_str(b >= 0 ? btext(block_at(d, b)) : NULL, want, "%s: Date: line", date_rules[i].id);
	}
	is_int(corpus_ndiags(c), 0, "dates/: no diagnostics");
	print_diags(c);
	check_invariants(c, "dates/");
	corpus_free(c);
}

/* Letters with correspDesc and only a series title. */
/* The index of the first block of page p whose text is want, or -1. */
static long page_line_at(const struct page *p, const char *want)
{
	size_t i;

	for (i = 0; p && i < p->nblocks; i++)
		if (p->blocks[i].len == strlen(want) && memcmp(p->blocks[i].text, want, p->blocks[i].len) == 0)
			return (long)i;
	return -1;
}

/* Whether block i of page p is a link to document id (and nothing else). */
static int page_links_doc(const struct page *p, long i, const char *id)
{
	const struct block *b = i >= 0 && (size_t)i < p->nblocks ? &p->blocks[i] : NULL;

	const struct span_link *l = b && b->nspans == 1 ? span_link(b, &b->spans[0]) : NULL;

	if (!l || l->to.kind != LOC_DOC || !l->to.id) {
		printf("# page line %ld: no document link\n", i);
		return 0;
	}
	return strcmp(l->to.id, id) == 0;
}

/* A correspondent's page: the letters written, then those received. */
static void letters_page(const struct corpus *c)
{
	struct page *p = page_entity(c, entity_id(c, "p-joachim"));
	long w = page_line_at(p, "Letters written (2)"), r = page_line_at(p, "Letters received (1)");
	long m = page_line_at(p, "Mentions (3 in 3 documents)");

	ok(w >= 0 && r > w + 2 && m > r && p->blocks[w].kind == BLOCK_HEADING,
	   "a correspondent's page: letters written, then received, before the mentions");
	ok(w >= 0 && page_links_doc(p, w + 1, "letter-1") && page_links_doc(p, w + 2, "letter-3"),
	   "letters written: each a link to the letter");
	ok(r >= 0 && page_links_doc(p, r + 1, "letter-2"), "letters received: a link to the letter");
	page_free(p);
}

static void test_letters(void)
{
	struct corpus *c = open_path(fixture("letters"), NULL);
	const struct entity_index *ix = c ? corpus_entities(c) : NULL;
	const struct doc *d;
	const struct block *b;
	long i;

	if (!ok(c != NULL, "letters/: opens"))
		return;
	is_str(corpus_doc(c, 0)->title,
	       "Briefwechsel (Joachim, Jaques \xE2\x86\x92 Schnitzler, Arthur, 1890-01-31) [letter-1]",
	       "letters alike in sender, addressee and date: told apart by id");
	is_str(corpus_doc(c, 2)->title,
	       "Briefwechsel (Schnitzler, Arthur \xE2\x86\x92 Joachim, Jaques, 1890-02-10)",
	       "a series title: sender, addressee and date tell letters apart");
	d = doc_by_id(c, "letter-1");
	i = block_with_prefix(d, 0, "From: ");
	b = block_at(d, i);
	ok(b->kind == BLOCK_META && (size_t)i < d->nheader, "correspAction sent: a From: line");
	is_str(btext(b), "From: Joachim, Jaques, Wien, 1890-01-31", "From: sender, place, date");
	ok(b->corresp == CORRESP_SENT, "From: the block says it is the sender's line");
	ok(mentions_over(c, b, "p-joachim", "Joachim, Jaques") &&
	   mentions_over(c, b, "pl-wien", "Wien"), "From: the sender and the place are mentions");
	b = block_at(d, block_with_prefix(d, 0, "To: "));
	is_str(btext(b), "To: Schnitzler, Arthur, 1890-01-31 to 1890-02-02 (approximate)",
	       "To: the addressee and the conjectured range");
	ok(mentions_over(c, b, "p-schnitzler", "Schnitzler, Arthur"), "To: the addressee is a mention");
	ok(b->corresp == CORRESP_RECEIVED, "To: the block says it is the addressee's line");
	letters_page(c);
	i = entity_id(c, "p-joachim");
	is_int(i >= 0 ? entity_get(ix, i)->ndocs : 0, 3,
	       "a correspondent is mentioned by every letter they wrote or received");
	i = block_with_prefix(d, d->nheader, "Hrn. Dr.");
	is_str(i >= 0 ? btext(block_at(d, i)) : NULL, "Hrn. Dr. Rich. Beer-Hofmann",
	       "address: each addrLine on its own line");
	is_str(btext(block_at(d, i + 1)), "Ischl", "address: the second addrLine");
	is_str(btext(block_at(d, i + 2)), "Schulgasse 8.", "address: the third addrLine");
	is_int(corpus_ndiags(c), 0, "letters/: no diagnostics");
	print_diags(c);
	check_invariants(c, "letters/");
	corpus_free(c);
}

/* Every kind of authority record, and pointer records in an event. */
static void test_works(void)
{
	struct corpus *c = open_path(fixture("works"), NULL);
	const struct entity_index *ix = c ? corpus_entities(c) : NULL;
	static const struct {
		const char *id, *type, *name;
		size_t mentions;
	} want[] = {
		{ "w-moderne", "work", "Moderne Dichtung", 1 },
		{ "w-maerchen", "work", "Das M\xC3\xA4rchen", 1 },
		{ "w-brief", "object", "Briefpapier", 1 },
		{ "w-bild", "artwork", "Der Kuss", 1 },
		{ "w-premiere", "event", "Premiere von Das M\xC3\xA4rchen", 1 },
		{ "w-lessing", "org", "Lessing-Theater", 1 },
		{ "w-kafka", "person", "Eduard Michael Kafka", 0 },
	};
	const struct entity *ev;
	size_t i, k, rels = 0;
	long *ids, e;

	if (!ok(c != NULL, "works/: opens"))
		return;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		e = entity_id(c, want[i].id);
		if (!ok(e >= 0, "works/: a record %s", want[i].id))
			continue;
		is_str(entity_get(ix, e)->type, want[i].type, "%s: type", want[i].id);
		is_str(entity_get(ix, e)->name, want[i].name, "%s: name (not the address)",
		       want[i].id);
		is_int(entity_get(ix, e)->nmentions, want[i].mentions, "%s: mentions", want[i].id);
	}
	is_int(entity_count(ix), 9,
	       "works/: 7 records and 2 unlinked names; pointer records in the event are none");
	ev = entity_get(ix, entity_id(c, "w-premiere"));
	for (k = 0; ev && k < ev->nrelations; k++)
		rels += (strcmp(ev->relations[k].name, "organisedBy") == 0 &&
			 ev->relations[k].other == entity_id(c, "w-lessing")) ||
			(strcmp(ev->relations[k].name, "attendedBy") == 0 &&
			 ev->relations[k].other == entity_id(c, "w-kafka")) ||
			(strcmp(ev->relations[k].name, "related") == 0 &&
			 ev->relations[k].other == entity_id(c, "w-maerchen"));
	is_int(rels, 3, "a pointer record is a relation of its event, by its role");
	ids = malloc(entity_count(ix) * sizeof(*ids));
	for (i = 0; ids && i < entity_count(ix); i++)
		ids[i] = (long)i;
	entity_sort(ix, ids, entity_count(ix), ENTITY_BY_NAME);
	ok(ids && strcmp(entity_get(ix, ids[7])->id, "work:die fackel") == 0 &&
	   strcmp(entity_get(ix, ids[8])->id, "place:stelle") == 0,
	   "names without a record sort after every record");
	free(ids);
	{
		struct page *pg = page_entity(c, entity_id(c, "work:die fackel"));

		ok(page_line_at(pg, "Record: (no record), known from its mentions only") > 0,
		   "a name without a record: its page says so");
		page_free(pg);
	}
	is_int(corpus_ndiags(c), 0,
	       "works/: no diagnostics (a reference to an anchor's id is no unknown id)");
	print_diags(c);
	check_invariants(c, "works/");
	corpus_free(c);
}

/* A file XIncluded by a teiCorpus and present in the directory: once. */
static void test_xinclude_once(void)
{
	struct corpus *c = open_path(fixture("xinclude"), NULL);
	const struct entity *e;

	if (!ok(c != NULL, "xinclude/: opens"))
		return;
	is_int(corpus_ndocs(c), 2, "xinclude/: each included file is one document, not two");
	is_str(corpus_doc(c, 0)->id, "xi-a", "xinclude/: the first by its own id");
	is_str(corpus_doc(c, 0)->title, "Deel a", "xinclude/: its title needs no telling apart");
	e = entity_by_id(c, "xi-p-a");
	is_int(e ? e->nmentions : 0, 1, "xinclude/: a mention in an included file counts once");
	is_int(corpus_ndiags(c), 0, "xinclude/: no diagnostics");
	print_diags(c);
	check_invariants(c, "xinclude/");
	corpus_free(c);
	c = open_path(fixture("xinclude/corpus.xml"), NULL);
	if (ok(c != NULL, "xinclude/corpus.xml alone: opens"))
		is_int(corpus_ndocs(c), 2, "xinclude/corpus.xml alone: its includes still load");
	corpus_free(c);
}

/* Long text that libxml2 builds in pieces (its buffer doubled), cut to
 * its length when the element after it starts (loadsax.c): the text, the
 * document and the source view whole, on one thread and on two. */
static void test_long_text(void)
{
	char tmpl[] = "/tmp/test_corpus.XXXXXX";
	char *tmp = mkdtemp(tmpl);
	struct buf body = BUF_INIT, want = BUF_INIT;
	struct corpus_options opt;
	unsigned jobs;
	size_t i;

	if (!ok(tmp != NULL, "long text: a temporary directory"))
		return;
	buf_adds(&body, "<p>");
	for (i = 0; i < 400; i++) {
		buf_printf(&body, "woord%zu &amp; ", i);
		buf_printf(&want, "woord%zu & ", i);
	}
	buf_adds(&body, "<hi>x</hi> <!-- c -->");
	buf_adds(&want, "x ");
	for (i = 0; i < 300; i++) {
		buf_printf(&body, "tekst%zu ", i);
		buf_printf(&want, "tekst%zu%s", i, i < 299 ? " " : "");
	}
	buf_adds(&body, "</p>\n<p>kort</p>\n");
	write_doc(tmp, "long.xml", "long", body.data);
	write_doc(tmp, "long2.xml", "long2", body.data);
	for (jobs = 1; jobs <= 2; jobs++) {
		struct corpus *c;
		struct source_view v = SOURCE_VIEW_INIT;
		const struct doc *d;

		memset(&opt, 0, sizeof(opt));
		opt.jobs = jobs;
		c = open_path(tmp, &opt);
		if (!ok(c != NULL, "long text, jobs=%u: opens", jobs))
			continue;
		d = corpus_doc(c, 0);
		is_str(text_of(d, "woord0 "), want.data, "long text, jobs=%u: the paragraph whole",
		       jobs);
		is_str(text_of(d, "kort"), "kort", "long text, jobs=%u: the next paragraph", jobs);
		ok(source_doc(c, 0, (size_t)-1, &v) == 0 && strstr(v.text, body.data) != NULL,
		   "long text, jobs=%u: the source view has the XML as written", jobs);
		source_view_free(&v);
		corpus_free(c);
	}
	buf_free(&body);
	buf_free(&want);
	for (i = 0; i < 2; i++) {
		char path[PATH_MAX];

		snprintf(path, sizeof(path), "%s/%s", tmp, i ? "long2.xml" : "long.xml");
		unlink(path);
	}
	rmdir(tmp);
}

/* Which ids a mention may name without a warning: every xml:id of an
 * element of any file, read from libxml2's table of ids or, where that
 * table may mislead (a DTD of the file's own, XInclude), from the tree. */
static void test_ids(void)
{
	static const char *const unknown[] = { "#uit-entiteit", "#dtd-alleen", "#nergens" };
	struct corpus *c = open_path(fixture("ids"), NULL);
	size_t i, k, nwarn = 0;

	if (!ok(c != NULL, "ids/: opens"))
		return;
	for (i = 0; i < corpus_ndiags(c); i++) {
		const struct corpus_diag *d = corpus_diag(c, i);

		if (!strstr(d->message, "unknown id"))
			continue;
		nwarn++;
		for (k = 0; k < 3 && !strstr(d->message, unknown[k]); k++)
			;
		ok(k < 3, "ids/: unknown as it should be: %s", d->message);
	}
	is_int(nwarn, 3, "ids/: an xml:id in another file, after a DTD ID of its value and "
	       "included by XInclude is known; one in an entity's text, a DTD ID and none "
	       "are not");
	corpus_free(c);
}

/* Whether the link over covered in block i of d leads to (doc, block, off). */
static int link_leads_to(const struct doc *d, long i, const char *covered, const char *doc,
			 long block, size_t off)
{
	const struct span_link *s = link_over(block_at(d, i), covered);

	if (!s || s->to.kind != LOC_DOC || !s->to.id || strcmp(s->to.id, doc) != 0 ||
	    (long)s->to.block != block || s->to.off != off) {
		printf("# link '%s': kind %d id %s block %zu off %zu\n", covered,
		       s ? (int)s->to.kind : -1, s && s->to.id ? s->to.id : "-",
		       s ? s->to.block : 0, s ? s->to.off : 0);
		return 0;
	}
	return 1;
}

/* A span is 16 bytes, its offsets 32-bit: a block longer than the corpus
 * allows (BLOCK_LEN_MAX; 40 here) is cut at a character's start, its spans
 * with it, and a warning says so.  Uncut, the same block is whole. */
static void test_block_len(void)
{
	struct corpus_options opt;
	struct corpus *c;
	const struct doc *d;
	const struct block *b;
	int pass;

	is_int((long)sizeof(struct span), 16, "a span is 16 bytes");
	is_int((long)sizeof(struct mention), 16, "a mention is 16 bytes");
	for (pass = 0; pass < 2; pass++) {
		memset(&opt, 0, sizeof(opt));
		opt.max_block_len = pass ? 40 : 0;
		c = open_path(fixture("blocklen"), &opt);
		if (!ok(c != NULL, "blocklen/: opens"))
			return;
		d = doc_by_id(c, "blocklen");
		b = block_at(d, block_with_prefix(d, d ? d->nheader : 0, "Aly"));
		if (!pass) {
			is_str(b ? btext(b) : NULL, "Aly van Beek sprak lang met Cor Dijkstr\xC3\xA9 en de "
			       "anderen over de link en een noot[1] daarna.", "long block: whole by default");
			ok(link_over(b, "de link") != NULL, "long block: its link by default");
			is_int(corpus_ndiags(c), 0, "long block: no diagnostics by default");
		} else {
			is_str(b ? btext(b) : NULL, "Aly van Beek sprak lang met Cor Dijkstr",
			       "long block: cut before the character byte 40 is in");
			is_int(b ? (long)b->len : -1, 39, "long block: 39 bytes");
			is_int(b ? (long)b->nspans : -1, 2, "long block: the spans past the cut are gone");
			ok(mentions_over(c, b, "b-aly", "Aly van Beek"), "long block: a mention before the cut");
			ok(mentions_over(c, b, "b-cor", "Cor Dijkstr"),
			   "long block: a mention over the cut ends there");
			ok(corpus_ndiags(c) == 1 && !corpus_diag(c, 0)->is_error &&
			   strstr(corpus_diag(c, 0)->message, "cut after 39"),
			   "long block: one warning says where it was cut");
			print_diags(c);
		}
		ok(block_with_prefix(d, d ? d->nheader : 0, "Kort.") >= 0, "the next block is whole");
		check_invariants(c, "blocklen/");
		corpus_free(c);
	}
}

/* Links to notes, anchors and divisions by id, anywhere in the corpus. */
static void test_links(void)
{
	struct corpus *c = open_path(fixture("links"), NULL);
	const struct doc *a, *b;
	long p1, p2, note_back, note_so, anchor, head;

	if (!ok(c != NULL, "links/: opens"))
		return;
	a = doc_by_id(c, "ln-a");
	b = doc_by_id(c, "ln-b");
	if (!ok(a && b, "links/: both documents")) {
		corpus_free(c);
		return;
	}
	p1 = block_with_prefix(a, a->nheader, "Zie de noot");
	p2 = block_with_prefix(a, a->nheader, "Het anker");
	anchor = block_with_prefix(a, a->nheader, "Tekst met");
	note_back = block_with_prefix(a, a->nheader, "[1] Achternoot");
	note_so = block_with_prefix(a, a->nheader, "[2] Een noot in standOff");
	head = block_with_prefix(b, b->nheader, "Twee");
	ok(note_so > note_back && block_at(a, note_so)->kind == BLOCK_NOTE,
	   "a note of the standOff is a note block after the text");
	ok(mentions_over(c, block_at(a, note_so), "lp-piet", "Piet"),
	   "a standOff note's mentions are indexed");
	ok(link_leads_to(a, p1, "[#so-1]", "ln-a", note_so, 4), "ptr to a standOff note: its block");
	ok(link_leads_to(a, p1, "de achternoot", "ln-a", note_back, 4), "ref to a note in back");
	ok(link_leads_to(a, p2, "hier", "ln-a", anchor, 14), "ref to an anchor: its block and offset");
	ok(link_leads_to(a, p2, "twee", "ln-b", head, 0), "ref to file.xml#id: a div's heading");
	is_str(btext(block_at(a, p2)), "Het anker hier, hoofdstuk twee, leeg [#so-1].",
	       "an empty ref shows its target");
	ok(link_leads_to(a, p2, "[#so-1]", "ln-a", note_so, 4), "an empty ref is a link too");
	is_int(corpus_ndiags(c), 0, "links/: no diagnostics");
	print_diags(c);
	check_invariants(c, "links/");
	corpus_free(c);
}

/* Stage directions, several speakers, cast items as mentions. */
static void test_drama(void)
{
	struct corpus *c = open_path(fixture("drama"), NULL);
	const struct doc *d;
	const struct block *b;

	if (!ok(c != NULL, "drama/: opens"))
		return;
	d = doc_by_id(c, "dr-play");
	if (!ok(d != NULL, "drama/: the play")) {
		corpus_free(c);
		return;
	}
	b = block_at(d, block_with_prefix(d, d->nheader, "samen"));
	ok(b->kind == BLOCK_STAGE && strcmp(btext(b), "samen") == 0,
	   "a stage inside sp is a stage direction block, not speech");
	b = block_at(d, block_with_prefix(d, d->nheader, "ANNA EN BERT: "));
	is_str(btext(b), "ANNA EN BERT: Goedemorgen!", "the speech after its inner stage keeps its speaker");
	ok(b->kind == BLOCK_SPEECH && mentions_over(c, b, "dr-anna", "ANNA EN BERT") &&
	   mentions_over(c, b, "dr-bert", "ANNA EN BERT"), "sp/@who with two ids: a mention of each");
	b = block_at(d, block_with_prefix(d, d->nheader, "Cees: "));
	is_str(btext(b), "Cees: Daar ben ik lachend weer.", "a stage inside a line runs on");
	ok(span_over(b, SPAN_EMPHASIS, "lachend") != NULL, "a stage inside a line is emphasised");
	b = block_at(d, block_with_prefix(d, d->nheader, "Hij gaat af."));
	ok(b->kind == BLOCK_STAGE, "a stage after the lines of a speech: a stage block");
	b = block_at(d, block_with_prefix(d, d->nheader, "Anna, een zuster"));
	ok(mentions_over(c, b, "dr-anna", "Anna"), "castItem/@sameAs: its role is a mention of the record");
	b = block_at(d, block_with_prefix(d, d->nheader, "Bert"));
	ok(mentions_over(c, b, "dr-bert", "Bert"), "role/@corresp: a mention of the record");
	is_int(entity_by_id(c, "dr-bert") ? entity_by_id(c, "dr-bert")->nmentions : 0, 2,
	       "a second speaker counts: cast item and speech");
	is_int(corpus_ndiags(c), 0, "drama/: no diagnostics");
	print_diags(c);
	check_invariants(c, "drama/");
	corpus_free(c);
}

/* Format characters dropped, tokens joined, item labels spaced. */
static void test_chars(void)
{
	struct corpus *c = open_path(fixture("chars"), NULL);
	const struct doc *d = c ? doc_by_id(c, "ch-text") : NULL;

	if (!ok(d != NULL, "chars/: opens"))
		goto out;
	is_str(text_of(d, "Een "), "Een werkbezoek aan Emmen.",
	       "a soft hyphen and a zero-width space are dropped from the text");
	ok(strstr(d->text, "\xC2\xAD") == NULL && strstr(d->text, "\xE2\x80\x8B") == NULL,
	   "no format character left in what search sees");
	is_str(text_of(d, "Goede"), "Goede morgen, zei hij.", "w and pc: no space before punctuation");
	is_str(text_of(d, "Hij"), "Hij zei (zacht): \xE2\x80\x9EGoed\xE2\x80\x9C, \xE2\x80\x9C" "fine\xE2\x80\x9D",
	       "w and pc: a space between words only; opening punctuation joins the word after it, "
	       "a \xE2\x80\x9C after a \xE2\x80\x9E closes it");
	is_str(text_of(d, "\xE2\x80\xA2 "), "\xE2\x80\xA2 a) eerste", "item/label: a space after it");
	is_int(corpus_ndiags(c), 0, "chars/: no diagnostics");
	check_invariants(c, "chars/");
out:
	corpus_free(c);
}

/* The marker at the n-th "°" of block b leads to a note block whose text
 * is want. */
static int app_marker_leads_to(const struct doc *d, const struct block *b, int nth,
			       const char *want)
{
	size_t k;
	int seen = 0;

	for (k = 0; k < b->nspans; k++) {
		const struct span *s = &b->spans[k];

		if (s->kind != SPAN_NOTEREF || strcmp(stext(b, s), "\xC2\xB0") != 0 ||
		    ++seen != nth)
			continue;
		if (span_note(s) >= d->nblocks || d->blocks[span_note(s)].kind != BLOCK_NOTE) {
			printf("# marker %d leads to block %zu, no note\n", nth, span_note(s));
			return 0;
		}
		if (strcmp(btext(&d->blocks[span_note(s)]), want) != 0) {
			printf("# marker %d: note '%s'\n", nth, btext(&d->blocks[span_note(s)]));
			return 0;
		}
		return 1;
	}
	printf("# no marker %d in '%s'\n", nth, btext(b));
	return 0;
}

/* Critical apparatus: the lemma with a marker that leads to the readings;
 * division numbers with their headings. */
static void test_apparatus(void)
{
	struct corpus *c = open_path(fixture("apparatus"), NULL);
	const struct doc *d = c ? doc_by_id(c, "ap-ed") : NULL;
	const struct block *b;

	if (!ok(d != NULL, "apparatus/: opens"))
		goto out;
	b = block_at(d, block_with_prefix(d, d->nheader, "In den"));
	is_str(btext(b), "In den beginne\xC2\xB0 was het woord.",
	       "app: the lemma shown, a marker after it, the readings not");
	ok(app_marker_leads_to(d, b, 1, "\xC2\xB0 beginne (A) ] aanvang (B); om. (C)"),
	   "app: the marker leads to the readings with their witnesses; an empty one is om.");
	b = block_at(d, block_with_prefix(d, d->nheader, "En het"));
	is_str(btext(b), "En het woord was\xC2\xB0\xC2\xB0 bij God.",
	       "nested apps: a marker each; an app of empty readings (witStart, witEnd): none");
	ok(app_marker_leads_to(d, b, 1, "\xC2\xB0 was ] is (C)") &&
	   app_marker_leads_to(d, b, 2, "\xC2\xB0 woord was ] was woord (B C)"),
	   "nested apps: the inner one first, the outer one's lemma includes the inner lemma");
	b = block_at(d, block_with_prefix(d, d->nheader, "Amen"));
	ok(b && app_marker_leads_to(d, b, 1, "\xC2\xB0 . (A) ] ! (B) \xE2\x80\x94 B heeft een uitroep."),
	   "an app without lem: its first reading shown, the others and its note in the entry");
	b = block_at(d, block_with_prefix(d, d->nheader, "3. "));
	ok(b && b->kind == BLOCK_HEADING && strcmp(btext(b), "3. Het begin") == 0,
	   "div/@n: the number before the heading");
	b = block_at(d, block_with_prefix(d, d->nheader, "verse 4"));
	ok(b && b->kind == BLOCK_HEADING && b->level == 2 && strcmp(btext(b), "verse 4") == 0,
	   "div/@n without a head: a heading of its subtype and number, at its depth");
	is_str(text_of(d, "\xC2\xA7"), "\xC2\xA7 5 Slot", "div/@n that is not a bare number: as written");
	ok(corpus_contains(c, "aanvang (B)"), "the readings are in what search sees (their note)");
	is_int(corpus_ndiags(c), 0, "apparatus/: no diagnostics");
	print_diags(c);
	check_invariants(c, "apparatus/");
out:
	corpus_free(c);
}

/* Notes of a standOff in a file with no text: shown where pointed at. */
static void test_standoff_orphans(void)
{
	struct corpus *c = open_path(fixture("standoff"), NULL);
	const struct doc *d = c ? doc_by_id(c, "so-text") : NULL;
	long p, n1, n2;

	if (!ok(d != NULL, "standoff/: opens"))
		goto out;
	is_int(corpus_ndocs(c), 1, "standoff/: the annotation file is no document");
	p = block_with_prefix(d, d->nheader, "Eerste");
	n1 = block_with_prefix(d, d->nheader, "[1] Een losse noot");
	n2 = block_with_prefix(d, d->nheader, "[2] Nog een losse noot");
	ok(n1 > p && n2 == n1 + 1 && (size_t)n2 + 1 == d->nblocks &&
	   block_at(d, n1)->kind == BLOCK_NOTE && block_at(d, n2)->kind == BLOCK_NOTE,
	   "the notes pointed at are note blocks after the text, each once");
	ok(!corpus_contains(c, "niemand"), "a note nobody points at is not shown");
	ok(link_leads_to(d, p, "[so-notes.xml#sn-1]", "so-text", n1, 4),
	   "ptr to file.xml#id: the note's block");
	ok(link_leads_to(d, p, "tweede", "so-text", n2, 4), "ref to #id of the annotation file");
	ok(mentions_over(c, block_at(d, n1), "sn-jan", "Jan"), "the attached note's mentions count");
	is_int(corpus_ndiags(c), 0, "standoff/: no diagnostics");
	print_diags(c);
	check_invariants(c, "standoff/");
out:
	corpus_free(c);
}

struct progress_seen {
	size_t calls, last_done, total, bytes;
	int in_order;
};

static void progress_seen(void *ctx, size_t done, size_t total, size_t bytes)
{
	struct progress_seen *s = ctx;

	s->in_order &= done == s->last_done + 1 && bytes >= s->bytes;
	s->calls++;
	s->last_done = done;
	s->total = total;
	s->bytes = bytes;
}

/* The progress callback: once per file, in order, bytes growing. */
static void test_progress(void)
{
	struct progress_seen s = { 0, 0, 0, 0, 1 };
	struct corpus_options opt = { 0 };
	struct corpus *c;

	opt.progress = progress_seen;
	opt.progress_ctx = &s;
	c = open_path(fixture("letters"), &opt);
	if (!ok(c != NULL, "progress: letters/ opens"))
		return;
	is_int(s.calls, corpus_nfiles(c), "progress: called once per file");
	ok(s.in_order && s.last_done == s.total && s.total == corpus_nfiles(c),
	   "progress: files counted up to the total");
	is_int(s.bytes, corpus_bytes(c), "progress: the bytes read, all of them at the end");
	corpus_free(c);
}

int main(void)
{
	srcdir = getenv("top_srcdir");
	if (!srcdir || !*srcdir)
		srcdir = ".";
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");

	test_load();
	test_roots();
	test_meta();
	test_blocks();
	test_spans();
	test_entities();
	test_refs();
	test_odd();
	test_hostile();
	test_hostile_runtime();
	test_size();
	test_column_after_tab();
	test_many_dangling_refs_load_fast();
	test_anon_ids_per_corpus();
	test_doc_index();
	test_has_location();
	test_date_title_rules();
	test_letters();
	test_works();
	test_xinclude_once();
	test_ids();
	test_long_text();
	test_block_len();
	test_links();
	test_drama();
	test_chars();
	test_apparatus();
	test_progress();
	test_standoff_orphans();
	test_layout();
	corpus_cleanup();
	return done_testing();
}
