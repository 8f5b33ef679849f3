/* fuzz_load.c: arbitrary bytes as a corpus file, through corpus_open.
 *
 * The bytes are written to in.xml in a private directory made once (on
 * /dev/shm when there is one, unless TMPDIR says otherwise) and reused,
 * next to a fixed good TEI file (good.xml) with a register,
 * relations, a prefix definition and a document.  One input in DIR_EVERY
 * (chosen from its bytes, so a crash repeats) opens the whole directory,
 * so the input's references into good.xml and good.xml's into
 * the input are resolved across files; otherwise in.xml alone is opened,
 * which can still XInclude good.xml (it is below the corpus root).  The
 * real parse options and the entity loader are the loader's (load.c),
 * since corpus_open is the entry point.
 *
 * Everything loaded is then walked through the public interface and its
 * documented promises are checked (valid UTF-8, spans inside their
 * block and sorted, the document buffer made of the blocks, mentions
 * inside their block …): a broken promise aborts, so libFuzzer reports
 * it as a crash.  A few entities get their page (page.h) and their
 * co-occurring entities. */
#include "config.h"

#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus.h"
#include "entity.h"
#include "page.h"
#include "text.h"

#define FUZZ_PREFIX "load-"

#include "fuzz.h"

/* Entities that get a page and a co-occurrence list on each input. */
#define PAGES 4
/* One input in DIR_EVERY opens the directory (good.xml beside it). */
#define DIR_EVERY 8

static const char good_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"good\">\n"
	"<teiHeader><fileDesc><titleStmt><title>Goed <orgName ref=\"#o1\">Org</orgName></title>"
	"</titleStmt><publicationStmt><p>Fuzz fixture.</p></publicationStmt>"
	"<sourceDesc><bibl><date when=\"2014-11-05\">5 november 2014</date></bibl></sourceDesc>"
	"</fileDesc>\n"
	"<encodingDesc><listPrefixDef><prefixDef ident=\"psn\" matchPattern=\"([a-z0-9]+)\" "
	"replacementPattern=\"good.xml#$1\"/></listPrefixDef></encodingDesc>\n"
	"<profileDesc><textClass><keywords><term type=\"texttype\">werkbezoek</term></keywords>"
	"</textClass><settingDesc><setting><placeName ref=\"#l1\">Emmen</placeName></setting>"
	"</settingDesc><particDesc><listOrg type=\"hosts\"><org sameAs=\"#o1\">"
	"<orgName ref=\"#o1\">Org</orgName></org></listOrg></particDesc></profileDesc>"
	"</teiHeader>\n"
	"<standOff>\n"
	"<listPerson><person xml:id=\"p1\"><persName>Anna Appel</persName>"
	"<persName type=\"alt\">A. Appel</persName><occupation>directeur</occupation>"
	"<affiliation ref=\"#o1\" role=\"directeur\">directeur van Org</affiliation></person>"
	"<person xml:id=\"p2\"><persName>Bert B\xc3\xb6s</persName></person></listPerson>\n"
	"<listOrg><org xml:id=\"o1\"><orgName>Org</orgName></org>"
	"<org xml:id=\"o2\"><orgName>Koepel</orgName></org></listOrg>\n"
	"<listPlace><place xml:id=\"l1\"><placeName>Emmen</placeName></place></listPlace>\n"
	"<listRelation><relation name=\"memberOf\" active=\"#o1\" passive=\"#o2\"/>"
	"<relation name=\"knows\" mutual=\"#p1 #p2\"/></listRelation>\n"
	"</standOff>\n"
	"<text><body><div><head>Kop</head>"
	"<p><persName ref=\"#p1\">Anna</persName> en <persName ref=\"psn:p2\">Bert</persName> "
	"bij <orgName ref=\"#o1\">Org</orgName> in <placeName ref=\"#l1\">Emmen</placeName>"
	"<note>Een noot met <hi>nadruk</hi>.</note>, zie <ref target=\"#p1\">haar</ref>.</p>"
	"<list><item>een</item><item>twee <persName ref=\"#p2\">Bert</persName></item></list>"
	"<sp><speaker>Anna</speaker><p>Goedemorgen.</p></sp>"
	"</div></body></text>\n"
	"</TEI>\n";

static char *dir_path, *in_path, *good_path;

static void write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *fp = fopen(path, "wb");

	if (!fp) {
		perror(path);
		abort();
	}
	if (size && fwrite(data, 1, size, fp) != size) {
		perror(path);
		abort();
	}
	if (fclose(fp) != 0) {
		perror(path);
		abort();
	}
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	if (!p)
		abort();
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static void cleanup(void)
{
	if (in_path)
		unlink(in_path);
	if (good_path)
		unlink(good_path);
	if (dir_path)
		rmdir(dir_path);
	free(in_path);
	free(good_path);
	free(dir_path);
	in_path = good_path = dir_path = NULL;
	corpus_cleanup();
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	char *templ;

	if (dir_path)
		return;
	/* widths in pages and diagnostics are wcwidth's: a UTF-8 locale */
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "");
	/* the input is written at every execution: in memory when there is
	 * a tmpfs (the library reads files only) */
	if (!tmp || !*tmp)
		tmp = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
	templ = join(tmp, "fuzz_load.XXXXXX");
	if (!mkdtemp(templ)) {
		perror(templ);
		abort();
	}
	dir_path = templ;
	in_path = join(dir_path, "in.xml");
	good_path = join(dir_path, "good.xml");
	write_file(good_path, (const uint8_t *)good_xml, sizeof good_xml - 1);
	atexit(cleanup);
}

/* s is a NUL-terminated string of valid UTF-8; returns its length. */
static size_t check_str(const char *s)
{
	size_t n;

	CHECK(s != NULL);
	n = strlen(s);
	CHECK(text_valid_utf8(s, n));
	return n;
}

static int at_boundary(const char *s, size_t len, size_t off)
{
	return off == len || ((unsigned char)s[off] & 0xC0) != 0x80;
}

static size_t check_block(const struct block *b, size_t nblocks, size_t nentities)
{
	size_t k, sum = b->len;

	CHECK(b->kind < BLOCK_KIND_COUNT);
	CHECK(corpus_block_kind_name(b->kind) != NULL);
	CHECK(b->text != NULL);
	CHECK(b->label_len <= b->len);
	CHECK(text_valid_utf8(b->text, b->len));
	CHECK(memchr(b->text, '\n', b->len) == NULL);
	CHECK(at_boundary(b->text, b->len, b->label_len));
	for (k = 0; k < b->nspans; k++) {
		const struct span *s = &b->spans[k];

		CHECK(s->start < s->end);
		CHECK(s->end <= b->len);
		CHECK(at_boundary(b->text, b->len, s->start));
		CHECK(at_boundary(b->text, b->len, s->end));
		if (k)
			CHECK(b->spans[k - 1].start <= s->start);
		switch (s->kind) {
		case SPAN_MENTION:
			CHECK(span_entity(s) < 0 || (size_t)span_entity(s) < nentities);
			break;
		case SPAN_LINK:
			CHECK(span_link(b, s) != NULL);
			if (span_link(b, s)->target)
				sum += check_str(span_link(b, s)->target);
			break;
		case SPAN_NOTEREF:
			CHECK(span_note(s) < nblocks);
			break;
		case SPAN_EMPHASIS:
			break;
		case SPAN_HIT:
		default:
			CHECK(!"a span kind the corpus does not make");
		}
	}
	return sum;
}

static size_t check_doc(const struct corpus *c, size_t i, size_t nentities)
{
	const struct doc *d = corpus_doc(c, i);
	size_t b, sum = 0, text_len = 0;

	CHECK(d != NULL);
	sum += check_str(d->id) + check_str(d->title) + check_str(d->date) +
	       check_str(d->type) + strlen(d->file);
	CHECK(corpus_doc_index(c, d) == i);
	CHECK(corpus_find_doc(c, d->id) != NULL);
	CHECK(d->nheader <= d->nblocks);
	CHECK(d->text != NULL || d->nblocks == 0);
	for (b = 0; b < d->nblocks; b++) {
		const struct block *bl = &d->blocks[b];

		/* the blocks lie in order in the document's buffer, each
		 * followed by '\n' */
		CHECK(bl->text == d->text + text_len);
		CHECK(bl->text[bl->len] == '\n');
		text_len += bl->len + 1;
		sum += check_block(bl, d->nblocks, nentities);
		if (b < d->nheader)
			CHECK(bl->kind == BLOCK_TITLE || bl->kind == BLOCK_META);
	}
	CHECK(text_len == d->text_len);
	return sum;
}

static size_t check_entity(const struct corpus *c, const struct entity_index *ix, long e)
{
	const struct entity *en = entity_get(ix, e);
	size_t n = entity_count(ix), k, sum = 0, ndocs = 0;

	CHECK(en != NULL);
	sum += check_str(en->id) + check_str(en->type) + check_str(en->name);
	CHECK(entity_find(ix, en->id) >= 0);
	CHECK(entity_class_letter(en->cls) != 0);
	if (en->desc)
		sum += check_str(en->desc);
	if (en->source)
		sum += check_str(en->source);
	for (k = 0; k < en->nvariants; k++)
		sum += check_str(en->variants[k]);
	for (k = 0; k < en->nrelations; k++) {
		const struct relation *r = &en->relations[k];

		CHECK(r->other >= 0 && (size_t)r->other < n);
		sum += check_str(r->name);
		if (r->role)
			sum += check_str(r->role);
	}
	for (k = 0; k < en->nmentions; k++) {
		const struct mention *m = &en->mentions[k];
		const struct doc *d = corpus_doc(c, m->doc);

		CHECK(d != NULL);
		CHECK(m->block < d->nblocks);
		CHECK(m->len > 0 && m->start + m->len <= d->blocks[m->block].len);
		if (k) {
			const struct mention *p = &en->mentions[k - 1];

			CHECK(p->doc < m->doc || (p->doc == m->doc && (p->block < m->block ||
				(p->block == m->block && p->start <= m->start))));
			if (p->doc != m->doc)
				ndocs++;
		} else {
			ndocs++;
		}
	}
	CHECK(en->ndocs == ndocs);
	return sum;
}

static size_t check_page(const struct corpus *c, long e)
{
	struct page *p = page_entity(c, e);
	size_t b, sum = 0;

	CHECK(p != NULL);
	sum += check_str(p->title);
	for (b = 0; b < p->nblocks; b++)
		sum += check_block(&p->blocks[b], p->nblocks,
				   entity_count(corpus_entities(c)));
	page_free(p);
	return sum;
}

static void load(const char *path)
{
	struct corpus_options opt = { 0 };
	struct corpus *c;
	struct entity_index *ix;
	char *error = NULL;
	size_t i, n, sum = 0;

	opt.max_file_size = (size_t)1 << 20;
	opt.check_refs = 1;
	/* one thread: a pool's threads cost more than a small input's
	 * parse, and libFuzzer's coverage is per process anyway */
	opt.jobs = 1;
	c = corpus_open(path, &opt, &error);
	if (!c) {
		fprintf(stderr, "fuzz_load: %s\n", error ? error : "?");
		free(error);
		abort();
	}
	ix = corpus_entities(c);
	n = entity_count(ix);
	for (i = 0; i < corpus_ndocs(c); i++)
		sum += check_doc(c, i, n);
	for (i = 0; i < corpus_ndiags(c); i++) {
		const struct corpus_diag *dg = corpus_diag(c, i);
		size_t k, len;

		CHECK(dg != NULL && dg->file && dg->message);
		CHECK(dg->line >= 1 && dg->column >= 1);
		len = check_str(dg->message);
		/* messages are sanitised: nothing that is a control character */
		for (k = 0; k < len; k++)
			CHECK((unsigned char)dg->message[k] >= 0x20 &&
			      (unsigned char)dg->message[k] != 0x7F);
		sum += len;
	}
	CHECK(corpus_diag(c, corpus_ndiags(c)) == NULL);
	CHECK(corpus_doc(c, corpus_ndocs(c)) == NULL);
	for (i = 0; i < n; i++)
		sum += check_entity(c, ix, (long)i);
	/* pages and co-occurrence for the first few and the last few */
	for (i = 0; i < n && i < 2 * PAGES; i++) {
		long e = i < PAGES ? (long)i : (long)(n - 1 - (i - PAGES));
		long *others = NULL;
		size_t *counts = NULL, k, m;

		if (e < 0)
			continue;
		m = entity_cooccurring(ix, e, &others, &counts);
		for (k = 0; k < m; k++) {
			CHECK(others[k] >= 0 && (size_t)others[k] < n && others[k] != e);
			CHECK(counts[k] > 0);
			if (k)
				CHECK(counts[k - 1] >= counts[k]);
		}
		free(others);
		free(counts);
		sum += check_page(c, e);
	}
	sum += corpus_nfiles(c) + corpus_bytes(c);
	/* keep the walk from being optimised away */
	if (sum == (size_t)-1)
		fputs("", stderr);
	corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t i;
	unsigned h = 0;

	setup();
	write_file(in_path, data, size);
	for (i = 0; i < size; i++)
		h = h * 31 + data[i];
#ifdef FUZZ_STANDALONE
	/* regression inputs: both ways, whatever the bytes */
	load(in_path);
	load(dir_path);
#else
	/* the directory parses good.xml again: one input in DIR_EVERY */
	load(h % DIR_EVERY == 0 ? dir_path : in_path);
#endif
	return 0;
}

#include "standalone.c"
