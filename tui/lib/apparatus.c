/* apparatus.c: a critical apparatus entry and a division's number, as text.
 *
 * What an edition's structure adds to the running text (apparatus.h): the
 * readings of an app, written out as a printed apparatus writes them, and
 * the number of a div, said with its heading. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "apparatus.h"
#include "buf.h"
#include "flatten.h"
#include "tei.h"

/* A lemma longer than this many words is shortened to its first and last
 * words, as a printed apparatus does. */
enum { LEMMA_WORDS = 6, LEMMA_KEEP = 2 };

/* s shortened to "first words … last words" when it is long. */
static void add_lemma(struct buf *b, const char *s)
{
	const char *p, *cut_start = NULL, *cut_end = NULL;
	size_t words = 0, i;

	for (p = s; *p; p++)
		if (p == s || (p[-1] == ' ' && *p != ' '))
			words++;
	if (words <= LEMMA_WORDS) {
		buf_adds(b, s);
		return;
	}
	for (p = s, i = 0; *p; p++)
		if (*p == ' ' && ++i == LEMMA_KEEP) {
			cut_start = p;
			break;
		}
	for (p = s + strlen(s), i = 0; p > s; p--)
		if (p[-1] == ' ' && ++i == LEMMA_KEEP) {
			cut_end = p;
			break;
		}
	buf_add(b, s, (size_t)(cut_start - s));
	buf_adds(b, " \xE2\x80\xA6 ");   /* … */
	buf_adds(b, cut_end);
}

/* " (A B)": the witnesses of a reading, ids without their '#'. */
static void add_witnesses(struct buf *b, xmlNodePtr rdg)
{
	static const char *const attrs[] = { "wit", "source", "resp" };
	char *v = NULL, *tok, *save = NULL;
	size_t i;
	int first = 1;

	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]) && !v; i++) {
		v = tei_attr(rdg, attrs[i]);
		if (v && !*v) {
			free(v);
			v = NULL;
		}
	}
	if (!v)
		return;
	for (tok = strtok_r(v, " \t\r\n", &save); tok; tok = strtok_r(NULL, " \t\r\n", &save)) {
		buf_adds(b, first ? " (" : " ");
		buf_adds(b, tok[0] == '#' && tok[1] ? tok + 1 : tok);
		first = 0;
	}
	if (!first)
		buf_addc(b, ')');
	free(v);
}

/* A reading's text and witnesses; "om." for an empty one.  Returns
 * whether it had text. */
static int add_reading(struct buf *b, xmlNodePtr rdg, int lemma)
{
	char *s = flatten_string(rdg);
	int text = *s != '\0';

	if (!text)
		buf_adds(b, "om.");
	else if (lemma)
		add_lemma(b, s);
	else
		buf_adds(b, s);
	free(s);
	add_witnesses(b, rdg);
	return text;
}

/* The other readings of app, "; " between them; how many.  *text is
 * set when one of them has text. */
static size_t add_variants(struct buf *b, xmlNodePtr app, int *text)
{
	xmlNodePtr n, r;
	size_t k = 0;

	for (n = app->children; n; n = n->next) {
		if (!tei_is_skipped(n))
			continue;   /* the shown reading, or not a reading */
		if (tei_is(n, EL_rdg)) {
			buf_adds(b, k++ ? "; " : " ] ");
			*text |= add_reading(b, n, 0);
		} else if (tei_is(n, EL_rdgGrp)) {
			for (r = n->children; r; r = r->next)
				if (tei_is(r, EL_rdg) || tei_is(r, EL_lem)) {
					buf_adds(b, k++ ? "; " : " ] ");
					*text |= add_reading(b, r, 0);
				}
		}
	}
	return k;
}

char *apparatus_entry(xmlNodePtr app)
{
	struct buf b = BUF_INIT;
	xmlNodePtr n, shown = NULL;
	char *s;
	int text = 0;

	for (n = app->children; n && !shown; n = n->next)
		if ((tei_is(n, EL_lem) || tei_is(n, EL_rdg)) && !tei_is_skipped(n))
			shown = n;
	if (shown)
		text = add_reading(&b, shown, 1);
	else
		buf_adds(&b, "om.");
	/* readings all empty mark where a witness starts or ends
	 * (witStart, lacunaEnd …): no variant to show */
	if (!add_variants(&b, app, &text) || !text) {
		buf_free(&b);
		return NULL;
	}
	for (n = app->children; n; n = n->next) {
		if (!tei_is(n, EL_note))
			continue;
		s = flatten_string(n);
		if (*s)
			buf_printf(&b, " \xE2\x80\x94 %s", s);   /* — */
		free(s);
	}
	return buf_steal(&b);
}

/* Whether a number is said "3." (letters and digits only) or as written. */
static int bare_number(const char *n)
{
	const char *p;

	for (p = n; *p; p++)
		if ((unsigned char)*p < 0x80 && !((*p >= '0' && *p <= '9') ||
						  (*p >= 'A' && *p <= 'Z') ||
						  (*p >= 'a' && *p <= 'z')))
			return 0;
	return 1;
}

char *apparatus_div_prefix(xmlNodePtr div, const char *head_text)
{
	char *n = tei_attr(div, "n");
	struct buf b = BUF_INIT;
	size_t len;

	if (!n || !*n) {
		free(n);
		return NULL;
	}
	len = strlen(n);
	if (head_text && strncmp(head_text, n, len) == 0 &&
	    !(bare_number(n) && ((head_text[len] >= '0' && head_text[len] <= '9') ||
				 (head_text[len] >= 'A' && head_text[len] <= 'Z') ||
				 (head_text[len] >= 'a' && head_text[len] <= 'z')))) {
		free(n);
		return NULL;   /* "<div n="3"><head>3. Title</head>" */
	}
	buf_printf(&b, "%s%s ", n, bare_number(n) ? "." : "");
	free(n);
	return buf_steal(&b);
}

char *apparatus_div_heading(xmlNodePtr div)
{
	char *n = tei_attr(div, "n"), *type;
	struct buf b = BUF_INIT;

	if (!n || !*n) {
		free(n);
		return NULL;
	}
	type = tei_attr(div, "subtype");
	if (!type || !*type) {
		free(type);
		type = tei_attr(div, "type");
	}
	if (type && *type && strcmp(type, "textpart") != 0)
		buf_printf(&b, "%s %s", type, n);
	else
		buf_printf(&b, "\xC2\xA7 %s", n);   /* § */
	free(type);
	free(n);
	return buf_steal(&b);
}
