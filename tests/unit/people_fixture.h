/* people_fixture.h: a small corpus of people, organisations and three
 * reports, written to a temporary directory and opened, for the tests of
 * the query language (test_query.c) and of paths (test_path.c).
 *
 * Blocks 0-2 are the title, Date and Type lines; the paragraphs follow.
 * Register: anna works at Zorgorg, bram at Welzijn, Welzijn is part of
 * Koepel; carla has no relations; two people share the name "De Vries";
 * eve is mentioned nowhere.  Reports:
 *   a (2013-05-01, werkbezoek)  p1 Anna … mantelzorg … wijk
 *                               p2 Mantelzorg … zwaar
 *                               p3 Zorgorg and Bram … wijk … mantelzorg
 *   b (2014-03, interview)      p1 Bram … mantelzorg;  p2 … wijk
 *   c (2015, werkbezoek)        p1 Carla, De Vries, De Vries;  p2 Carla, Bram */
#ifndef WB_PEOPLE_FIXTURE_H
#define WB_PEOPLE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "buf.h"
#include "corpus.h"

#define PF_HEADER(id, date, type)                                            \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                        \
	"<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"" id "\">\n"      \
	"<teiHeader><fileDesc><titleStmt><title>Report " id "</title></titleStmt>" \
	"<publicationStmt><p>Test.</p></publicationStmt>"                     \
	"<sourceDesc><p>fixture</p></sourceDesc></fileDesc>"                  \
	"<profileDesc><creation><date when=\"" date "\"/></creation>"         \
	"<textClass><keywords><term type=\"texttype\">" type "</term></keywords></textClass>" \
	"</profileDesc></teiHeader>\n<text><body>\n"
#define PF_FOOTER "</body></text>\n</TEI>\n"

static const char pf_register[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"register\">\n"
	"<teiHeader><fileDesc><titleStmt><title>Register</title></titleStmt>"
	"<publicationStmt><p>Test.</p></publicationStmt>"
	"<sourceDesc><p>fixture</p></sourceDesc></fileDesc></teiHeader>\n"
	"<standOff><listPerson>\n"
	"<person xml:id=\"anna\"><persName>Anna</persName>"
	"<affiliation ref=\"#zorgorg\" role=\"directeur\">directeur</affiliation></person>\n"
	"<person xml:id=\"bram\"><persName>Bram</persName>"
	"<affiliation ref=\"#welzijn\">medewerker</affiliation></person>\n"
	"<person xml:id=\"carla\"><persName>Carla</persName></person>\n"
	"<person xml:id=\"devries1\"><persName>Jan de Vries</persName>"
	"<persName type=\"variant\">De Vries</persName></person>\n"
	"<person xml:id=\"devries2\"><persName>Piet de Vries</persName>"
	"<persName type=\"variant\">De Vries</persName></person>\n"
	"<person xml:id=\"eve\"><persName>Eve</persName></person>\n"
	"</listPerson><listOrg>\n"
	"<org xml:id=\"zorgorg\"><orgName>Zorgorg</orgName></org>\n"
	"<org xml:id=\"koepel\"><orgName>Koepel</orgName></org>\n"
	"<org xml:id=\"welzijn\"><orgName>Welzijn</orgName></org>\n"
	"</listOrg>\n"
	"<listRelation><relation name=\"partOf\" active=\"#welzijn\" passive=\"#koepel\"/>"
	"</listRelation>\n"
	"</standOff></TEI>\n";

static const char pf_doc_a[] = PF_HEADER("a", "2013-05-01", "werkbezoek")
	"<p><persName ref=\"#anna\">Anna</persName> sprak over mantelzorg in de wijk.</p>\n"
	"<p>Mantelzorg is zwaar, zei niemand.</p>\n"
	"<p><orgName ref=\"#zorgorg\">Zorgorg</orgName> en <persName ref=\"#bram\">Bram</persName>"
	" werkten samen aan een plan voor de wijk en voor veel meer mensen in de regio:"
	" mantelzorg.</p>\n"
	PF_FOOTER;

static const char pf_doc_b[] = PF_HEADER("b", "2014-03", "interview")
	"<p><persName ref=\"#bram\">Bram</persName> noemde mantelzorg.</p>\n"
	"<p>Over de wijk.</p>\n"
	PF_FOOTER;

static const char pf_doc_c[] = PF_HEADER("c", "2015", "werkbezoek")
	"<p><persName ref=\"#carla\">Carla</persName>, <persName ref=\"#devries1\">De Vries</persName>"
	" en <persName ref=\"#devries2\">De Vries</persName>.</p>\n"
	"<p><persName ref=\"#carla\">Carla</persName> belde <persName ref=\"#bram\">Bram</persName>.</p>\n"
	PF_FOOTER;

static void pf_write(const char *dir, const char *name, const char *text, int remove)
{
	struct buf path = BUF_INIT;
	FILE *f;

	buf_printf(&path, "%s/%s", dir, name);
	if (remove) {
		unlink(path.data);
	} else {
		f = fopen(path.data, "w");
		if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
			printf("Bail out! cannot write %s\n", path.data);
			exit(1);
		}
	}
	buf_free(&path);
}

/* Writes, opens and removes the fixture; bails out when it will not open
 * cleanly. */
static struct corpus *pf_open(void)
{
	char dir[] = "/tmp/test_people.XXXXXX";
	static const char *const names[] = { "register.xml", "a.xml", "b.xml", "c.xml" };
	const char *texts[] = { pf_register, pf_doc_a, pf_doc_b, pf_doc_c };
	struct corpus *c;
	char *error = NULL;
	size_t i;

	if (!mkdtemp(dir)) {
		printf("Bail out! mkdtemp failed\n");
		exit(1);
	}
	for (i = 0; i < 4; i++)
		pf_write(dir, names[i], texts[i], 0);
	c = corpus_open(dir, NULL, &error);
	for (i = 0; i < 4; i++)
		pf_write(dir, names[i], NULL, 1);
	rmdir(dir);
	if (!c || corpus_ndocs(c) != 3) {
		printf("Bail out! the fixture did not open: %s\n", error ? error : "");
		exit(1);
	}
	for (i = 0; i < corpus_ndiags(c); i++)
		printf("# %s\n", corpus_diag(c, i)->message);
	return c;
}

#endif
