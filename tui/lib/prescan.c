/* prescan.c: the bombs looked for before parsing (prescan.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "prescan.h"

#define MAX_ENTITIES 4096       /* declarations measured; more are not */
#define SLOTS 8192              /* the hash table of their names */

struct entity_size {
	const char *name;
	size_t namelen, size;
};

struct scan {
	const char *p, *end;
	struct entity_size ents[MAX_ENTITIES];
	size_t nents;
	short slot[SLOTS];              /* index + 1 into ents; 0: empty */
	size_t expansion;
};

static size_t hash(const char *name, size_t len)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return h & (SLOTS - 1);
}

/* The slot of name: its entry's, or the empty one where it would go. */
static size_t find_slot(const struct scan *s, const char *name, size_t len)
{
	size_t h = hash(name, len);
	const struct entity_size *e;

	while (s->slot[h]) {
		e = &s->ents[s->slot[h] - 1];
		if (e->namelen == len && memcmp(e->name, name, len) == 0)
			break;
		h = (h + 1) & (SLOTS - 1);
	}
	return h;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_name(char c)
{
	return !is_space(c) && c != '>' && c != '/' && c != '=' && c != '"' && c != '\'' &&
	       c != ';' && c != '&' && c != '<';
}

/* Past the end of the first needle at or after p (end when none). */
static const char *past(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);

	while (p && p + n <= end) {
		p = memchr(p, needle[0], (size_t)(end - p));
		if (!p || p + n > end)
			break;
		if (memcmp(p, needle, n) == 0)
			return p + n;
		p++;
	}
	return end;
}

/* <!ENTITY name "value">: its size recorded; p after "<!ENTITY". */
static const char *entity_decl(struct scan *s, const char *p)
{
	const char *name, *q;
	char quote;

	while (p < s->end && is_space(*p))
		p++;
	if (p < s->end && *p == '%')
		return past(p, s->end, ">");        /* a parameter entity */
	name = p;
	while (p < s->end && is_name(*p))
		p++;
	q = p;
	while (p < s->end && is_space(*p))
		p++;
	if (p >= s->end || (*p != '"' && *p != '\''))
		return past(p, s->end, ">");        /* external */
	quote = *p++;
	{
		const char *close = memchr(p, quote, (size_t)(s->end - p));

		if (!close)
			return s->end;
		size_t h = find_slot(s, name, (size_t)(q - name));

		/* the first declaration of a name counts, as in XML */
		if (s->nents < MAX_ENTITIES && !s->slot[h]) {
			s->ents[s->nents].name = name;
			s->ents[s->nents].namelen = (size_t)(q - name);
			s->ents[s->nents].size = (size_t)(close - p);
			s->slot[h] = (short)(++s->nents);
		}
		return past(close, s->end, ">");
	}
}

static size_t entity_size(const struct scan *s, const char *name, size_t len)
{
	size_t h = find_slot(s, name, len);

	return s->slot[h] ? s->ents[s->slot[h] - 1].size : 0;
}

/* A start tag from p (after '<'): its attributes counted, the entities
 * of its values added; p after its '>'. */
static const char *start_tag(struct scan *s, const char *p, size_t *nattrs)
{
	char quote = 0;
	const char *amp = NULL;

	*nattrs = 0;
	for (; p < s->end; p++) {
		if (quote) {
			if (*p == quote) {
				quote = 0;
			} else if (*p == '&') {
				amp = p + 1;
			} else if (*p == ';' && amp && s->nents) {
				s->expansion += entity_size(s, amp, (size_t)(p - amp));
				amp = NULL;
			}
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
			amp = NULL;
		} else if (*p == '=') {
			(*nattrs)++;
		} else if (*p == '>') {
			return p + 1;
		}
	}
	return p;
}

/* Whether data[0..len) has more than max '=' in all. */
static int more_equals(const char *data, size_t len, size_t max)
{
	const char *p = data, *end = data + len;
	size_t n = 0;

	while ((p = memchr(p, '=', (size_t)(end - p))) != NULL) {
		if (++n > max)
			return 1;
		p++;
	}
	return 0;
}

int prescan(const char *data, size_t len, const struct prescan_limits *lim,
	    size_t *offset, struct buf *why)
{
	struct scan *s;
	const char *p = data, *tag;
	size_t nattrs;
	int rc = 0;

	/* Nothing expands without an entity declaration, and no element has
	 * more attributes than the file has '=': most files need no pass
	 * over their tags (nor the table, 114 KB to clear for each file) */
	if (!memmem(data, len, "<!ENTITY", 8) && !more_equals(data, len, lim->max_attributes))
		return 0;
	s = calloc(1, sizeof *s);
	if (!s)
		return 0;
	s->end = data + len;
	while (rc == 0 && (p = memchr(p, '<', (size_t)(s->end - p))) != NULL) {
		tag = p++;
		if (p >= s->end)
			break;
		if (s->end - p >= 3 && memcmp(p, "!--", 3) == 0) {
			p = past(p + 3, s->end, "-->");
		} else if (s->end - p >= 8 && memcmp(p, "![CDATA[", 8) == 0) {
			p = past(p + 8, s->end, "]]>");
		} else if (*p == '?') {
			p = past(p, s->end, "?>");
		} else if (s->end - p >= 7 && memcmp(p, "!ENTITY", 7) == 0) {
			p = entity_decl(s, p + 7);
		} else if (*p == '!' || *p == '/') {
			continue;       /* DOCTYPE (its subset is read on), end tags */
		} else {
			p = start_tag(s, p, &nattrs);
			if (nattrs > lim->max_attributes) {
				buf_printf(why, "%zu attributes on one element (limit %zu, "
					   "--max-attributes)", nattrs, lim->max_attributes);
				rc = 1;
			} else if (s->expansion > lim->max_expansion) {
				buf_printf(why, "entities would add %zu bytes to attribute "
					   "values (limit %zu MiB, --max-entity-expansion)",
					   s->expansion, lim->max_expansion >> 20);
				rc = 1;
			}
			if (rc)
				*offset = (size_t)(tag - data);
		}
		if (!p)
			break;
	}
	free(s);
	return rc;
}
