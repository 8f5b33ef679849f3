/* query.c: parsing the query language (query.h) into a tree of terms.
 *
 * A recursive descent over the text: or := and ('|' and)*, and := unary+,
 * unary := ('-'|'!') unary | '(' or ')' | term.  Names are looked up in
 * the corpus while parsing, so a misspelt entity, document or type is a
 * syntax error with a column, not a query that silently finds nothing.
 * The evaluator is query_eval.c. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "corpus.h"
#include "entity.h"
#include "query.h"
#include "query_impl.h"
#include "text.h"

/* The words that make a query more than a regex. */
enum prefix_id { P_RE, P_TYPE, P_DOC, P_KIND, P_DATE, P_WITHIN, P_NEAR, P_COUNT };

static const char *const prefixes[P_COUNT] = {
	"re:", "type:", "doc:", "kind:", "date:", "within:", "near:"
};

static int prefix_at(const char *s, size_t len)
{
	int i;

	for (i = 0; i < P_COUNT; i++) {
		size_t n = strlen(prefixes[i]);

		if (len >= n && memcmp(s, prefixes[i], n) == 0)
			return i;
	}
	return -1;
}

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

int query_is_plain(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		while (i < len && is_space(s[i]))
			i++;
		while (i < len && (s[i] == '-' || s[i] == '!' || s[i] == '('))
			i++;
		if (i < len && (s[i] == '@' || prefix_at(s + i, len - i) >= 0))
			return 0;
		while (i < len && !is_space(s[i]))
			i++;
	}
	return 1;
}

struct parser {
	const struct corpus *c;
	const char *s;
	size_t len, pos;
	unsigned flags;
	struct query *q;
	char *error;
	size_t err_pos;
	int depth;
	size_t near_pos;
};

static void *fail(struct parser *p, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void *fail(struct parser *p, size_t pos, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	if (p->error)
		return NULL;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	p->error = buf_steal(&b);
	p->err_pos = pos;
	return NULL;
}

static struct qnode *node_new(enum qkind kind)
{
	struct qnode *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->entity = -1;
	return n;
}

static void node_free(struct qnode *n)
{
	size_t i;

	if (!n)
		return;
	for (i = 0; i < n->nkids; i++)
		node_free(n->kids[i]);
	free(n->kids);
	free(n->value);
	free(n->hi);
	free(n->types);
	search_pattern_free(n->pat);
	free(n);
}

static void node_add(struct qnode *n, struct qnode *kid)
{
	n->kids = xrealloc(n->kids, (n->nkids + 1) * sizeof(*n->kids));
	n->kids[n->nkids++] = kid;
}

static void skip_space(struct parser *p)
{
	while (p->pos < p->len && is_space(p->s[p->pos]))
		p->pos++;
}

/* A term's value at p->pos: a "quoted" string (a backslash keeps the
 * quote after it in), or a run up to whitespace.  as_regex: parentheses
 * opened in the run may close in it and | belongs to it; else the run
 * also ends at | and at any ).  Returns 0 after failing. */
static int read_value(struct parser *p, int as_regex, size_t *start, size_t *end)
{
	size_t i = p->pos;
	int depth = 0;

	if (i < p->len && p->s[i] == '"') {
		for (i++; i < p->len && p->s[i] != '"'; i++)
			if (p->s[i] == '\\' && i + 1 < p->len)
				i++;
		if (i >= p->len) {
			fail(p, p->pos, "unclosed quote");
			return 0;
		}
		*start = p->pos + 1;
		*end = i;
		p->pos = i + 1;
		return 1;
	}
	for (; i < p->len && !is_space(p->s[i]); i++) {
		char ch = p->s[i];

		if (ch == '\\' && as_regex && i + 1 < p->len) {
			i++;
			continue;
		}
		if (ch == '(' && as_regex)
			depth++;
		else if (ch == ')' && (!as_regex || depth-- == 0))
			break;
		else if (ch == '|' && !as_regex)
			break;
	}
	*start = p->pos;
	*end = i;
	p->pos = i;
	return 1;
}

static struct qnode *text_term(struct parser *p, size_t at, size_t start, size_t end)
{
	struct qnode *n;
	char *err = NULL;

	if (start == end)
		return fail(p, at, "a pattern expected");
	n = node_new(Q_TEXT);
	n->value = xstrndup(p->s + start, end - start);
	n->pat = search_compile(p->s + start, end - start, p->flags, &err);
	if (!n->pat) {
		fail(p, start, "invalid pattern: %s", err);
		free(err);
		node_free(n);
		return NULL;
	}
	return n;
}

long query_entity(const struct corpus *c, const char *name, char **error)
{
	const struct entity_index *ix = corpus_entities(c);
	char *want = entity_normalise(name);
	long e = entity_find(ix, name), found = -1, recorded = -1;
	size_t i, k, n = entity_count(ix), nfound = 0, nrecorded = 0;
	struct buf msg = BUF_INIT;

	for (i = 0; e < 0 && i < n; i++) {
		const struct entity *en = entity_get(ix, (long)i);
		int hit = 0;

		for (k = 0; !hit && k <= en->nvariants; k++) {
			char *have = entity_normalise(k ? en->variants[k - 1] : en->name);

			hit = strcmp(have, want) == 0;
			free(have);
		}
		if (!hit)
			continue;
		found = (long)i;
		nfound++;
		if (en->source) {
			recorded = (long)i;
			nrecorded++;
		}
	}
	free(want);
	if (e >= 0)
		return e;
	if (nfound == 1)
		return found;
	if (nrecorded == 1)
		return recorded;
	if (nfound == 0)
		buf_printf(&msg, "no entity '%s' (--entities shows them)", name);
	else
		buf_printf(&msg, "'%s' names %zu entities: use @ID", name, nfound);
	*error = buf_steal(&msg);
	return -1;
}

/* The words of s (split at spaces, "quoted" parts kept whole, quotes
 * dropped), each malloc'ed, in *words; returns how many. */
static size_t split_words(const char *s, char ***words)
{
	size_t n = 0, cap = 0;
	struct buf w = BUF_INIT;

	*words = NULL;
	while (*s) {
		int quoted = 0;

		while (is_space(*s))
			s++;
		if (!*s)
			break;
		buf_reset(&w);
		buf_adds(&w, "");
		for (; *s && (quoted || !is_space(*s)); s++)
			if (*s == '"')
				quoted = !quoted;
			else
				buf_addc(&w, *s);
		*words = xgrow(*words, &cap, n + 1, sizeof(char *));
		(*words)[n++] = xstrdup(w.data);
	}
	buf_free(&w);
	return n;
}

static char *join_words(char **words, size_t from, size_t to)
{
	struct buf b = BUF_INIT;
	size_t i;

	buf_adds(&b, "");
	for (i = from; i < to; i++)
		buf_printf(&b, "%s%s", i > from ? " " : "", words[i]);
	return buf_steal(&b);
}

static void free_words(char **words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

/* The len bytes at s as one name: its words (quotes dropped) joined by
 * single spaces. */
static char *as_name(const char *s, size_t len)
{
	char *copy = xstrndup(s, len), **words, *name;
	size_t n = split_words(copy, &words);

	name = join_words(words, 0, n);
	free_words(words, n);
	free(copy);
	return name;
}

/* Tries left and right as two entities; on failure leaves a message in
 * *error. */
static int try_pair(const struct corpus *c, const char *left, const char *right, long *a,
		    long *b, char **error)
{
	char *why = NULL;

	*a = query_entity(c, left, &why);
	if (*a >= 0)
		*b = query_entity(c, right, &why);
	if (*a >= 0 && *b >= 0)
		return 1;
	/* a split whose left side is an entity says best what is wrong */
	if (!*error || *a >= 0) {
		free(*error);
		*error = why;
	} else {
		free(why);
	}
	return 0;
}

int query_entity_pair(const struct corpus *c, const char *arg, long *a, long *b,
		      char **error)
{
	const char *comma;
	char **words, *left, *right;
	size_t n, i;
	int found = 0;

	*error = NULL;
	for (comma = strchr(arg, ','); comma && !found; comma = strchr(comma + 1, ',')) {
		left = as_name(arg, (size_t)(comma - arg));
		right = as_name(comma + 1, strlen(comma + 1));
		found = try_pair(c, left, right, a, b, error);
		free(left);
		free(right);
	}
	if (!strchr(arg, ',')) {
		n = split_words(arg, &words);
		for (i = 1; i < n && !found; i++) {
			left = join_words(words, 0, i);
			right = join_words(words, i, n);
			found = try_pair(c, left, right, a, b, error);
			free(left);
			free(right);
		}
		free_words(words, n);
	}
	if (found) {
		free(*error);
		*error = NULL;
		return 1;
	}
	if (!*error)
		*error = xstrdup("name two entities: A B, A,B or \"Some Name\" B");
	return 0;
}

static struct qnode *entity_term(struct parser *p, size_t at)
{
	size_t start, end;
	struct qnode *n;
	char *name, *why = NULL;
	long e;

	if (!read_value(p, 0, &start, &end))
		return NULL;
	if (start == end)
		return fail(p, at, "an entity expected after @");
	name = xstrndup(p->s + start, end - start);
	e = query_entity(p->c, name, &why);
	free(name);
	if (e < 0) {
		fail(p, at, "%s", why);
		free(why);
		return NULL;
	}
	n = node_new(Q_ENTITY);
	n->entity = e;
	return n;
}

static int type_matches(const struct entity *e, const char *type, size_t len)
{
	static const struct { const char *name; enum entity_class cls; } classes[] = {
		{ "person", ENTITY_PERSON }, { "org", ENTITY_ORG },
		{ "organisation", ENTITY_ORG }, { "organization", ENTITY_ORG },
		{ "place", ENTITY_PLACE },
	};
	size_t i;

	if (strlen(e->type) == len && strncasecmp(e->type, type, len) == 0)
		return 1;
	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strlen(classes[i].name) == len && strncasecmp(classes[i].name, type, len) == 0)
			return e->cls == classes[i].cls;
	return 0;
}

/* type:A|B,C: the entities of any of the types. */
static struct qnode *type_term(struct parser *p, size_t start, size_t end)
{
	const struct entity_index *ix = corpus_entities(p->c);
	struct qnode *n = node_new(Q_TYPE);
	size_t i, a = start, b, count = entity_count(ix);

	while (a <= end) {
		size_t nbefore = n->ntypes;

		for (b = a; b < end && p->s[b] != '|' && p->s[b] != ','; b++)
			;
		for (i = 0; b > a && i < count; i++)
			if (type_matches(entity_get(ix, (long)i), p->s + a, b - a)) {
				n->types = xrealloc(n->types, (n->ntypes + 1) * sizeof(long));
				n->types[n->ntypes++] = (long)i;
			}
		if (n->ntypes == nbefore) {
			fail(p, a, "no entity of type '%.*s'", (int)(b - a), p->s + a);
			node_free(n);
			return NULL;
		}
		a = b + 1;
	}
	return n;
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int valid_date(const char *s, size_t len)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	if (len != 4 && len != 7 && len != 10)
		return 0;
	for (i = 0; i < len; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return 0;
	return 1;
}

static struct qnode *date_term(struct parser *p, size_t start, size_t end)
{
	const char *s = p->s + start, *dots = NULL;
	size_t i, len = end - start, lo_len, hi_from;
	struct qnode *n;

	for (i = 0; i + 1 < len; i++)
		if (s[i] == '.' && s[i + 1] == '.') {
			dots = s + i;
			break;
		}
	lo_len = dots ? (size_t)(dots - s) : len;
	hi_from = dots ? lo_len + 2 : 0;
	if ((lo_len && !valid_date(s, lo_len)) ||
	    (dots && len > hi_from && !valid_date(s + hi_from, len - hi_from)) ||
	    (lo_len == 0 && (!dots || len == hi_from)))
		return fail(p, start, "a date is YYYY[-MM[-DD]], a range FROM..TO, ..TO or FROM..");
	n = node_new(Q_DATE);
	n->value = xstrndup(s, lo_len);
	n->hi = xstrndup(s + hi_from, len - hi_from);
	return n;
}

static struct qnode *doc_term(struct parser *p, enum qkind kind, size_t start, size_t end)
{
	struct qnode *n = node_new(kind);
	size_t i, nd = corpus_ndocs(p->c);

	n->value = xstrndup(p->s + start, end - start);
	if (kind == Q_DOC && corpus_find_doc(p->c, n->value))
		return n;
	for (i = 0; kind == Q_KIND && i < nd; i++)
		if (strcasecmp(corpus_doc(p->c, i)->type, n->value) == 0)
			return n;
	fail(p, start, kind == Q_DOC ? "no document '%s' (--list shows them)"
		: "no document of kind '%s'", n->value);
	node_free(n);
	return NULL;
}

/* within: and near: set the query's scope; they are not terms. */
static int scope_word(struct parser *p, int id, size_t at, size_t start, size_t end)
{
	const char *v = p->s + start;
	size_t len = end - start, i;
	long n = 0;

	if (p->depth)
		return fail(p, at, "%s applies to the whole query, not inside ( )",
			    prefixes[id]), 0;
	if (id == P_WITHIN) {
		if (len == 9 && memcmp(v, "paragraph", 9) == 0)
			p->q->scope = QSCOPE_PARAGRAPH;
		else if (len == 8 && memcmp(v, "document", 8) == 0)
			p->q->scope = QSCOPE_DOCUMENT;
		else
			return fail(p, start, "within: paragraph or document"), 0;
		p->q->scope_set = 1;
		return 1;
	}
	for (i = 0; i < len && v[i] >= '0' && v[i] <= '9' && n < 100000; i++)
		n = n * 10 + (v[i] - '0');
	if (len == 0 || i < len)
		return fail(p, start, "near: a number of words"), 0;
	p->q->near = n;
	p->near_pos = at;
	return 1;
}

/* A term after its prefix, or NULL; *scope says it was within:/near:. */
static struct qnode *prefixed_term(struct parser *p, int id, size_t at, int *scope)
{
	size_t start, end;

	p->pos += strlen(prefixes[id]);
	if (!read_value(p, id == P_RE, &start, &end))
		return NULL;
	if (start == end && id != P_RE)
		return fail(p, at, "a value expected after %s", prefixes[id]);
	switch (id) {
	case P_RE:
		return text_term(p, at, start, end);
	case P_TYPE:
		return type_term(p, start, end);
	case P_DOC:
		return doc_term(p, Q_DOC, start, end);
	case P_KIND:
		return doc_term(p, Q_KIND, start, end);
	case P_DATE:
		return date_term(p, start, end);
	default:
		*scope = 1;
		scope_word(p, id, at, start, end);
		return NULL;
	}
}

static struct qnode *parse_or(struct parser *p);

static struct qnode *parse_unary(struct parser *p, int *scope)
{
	size_t at = p->pos, start, end;
	struct qnode *n, *kid;
	char ch = p->s[at];
	int id;

	if ((ch == '-' || ch == '!') && at + 1 < p->len && !is_space(p->s[at + 1])) {
		p->pos++;
		kid = parse_unary(p, scope);
		if (*scope)
			return fail(p, at, "a scope cannot be negated");
		if (!kid)
			return NULL;
		n = node_new(Q_NOT);
		node_add(n, kid);
		return n;
	}
	if (ch == '(') {
		p->pos++;
		p->depth++;
		n = parse_or(p);
		p->depth--;
		if (!n)
			return NULL;
		if (p->pos >= p->len || p->s[p->pos] != ')') {
			node_free(n);
			return fail(p, at, "missing ) for this (");
		}
		p->pos++;
		return n;
	}
	if (ch == '@') {
		p->pos++;
		return entity_term(p, at);
	}
	id = prefix_at(p->s + at, p->len - at);
	if (id >= 0)
		return prefixed_term(p, id, at, scope);
	if (!read_value(p, 1, &start, &end))
		return NULL;
	return text_term(p, at, start, end);
}

static int at_or(const struct parser *p)
{
	size_t i = p->pos;

	if (i < p->len && p->s[i] == '|')
		return 1;
	return i + 1 < p->len && p->s[i] == 'O' && p->s[i + 1] == 'R' &&
	       (i + 2 == p->len || is_space(p->s[i + 2]));
}

static struct qnode *parse_and(struct parser *p)
{
	struct qnode *n = node_new(Q_AND), *kid;
	size_t at;

	for (;;) {
		int scope = 0;

		skip_space(p);
		at = p->pos;
		if (p->pos >= p->len || p->s[p->pos] == ')' || at_or(p))
			break;
		kid = parse_unary(p, &scope);
		if (p->error) {
			node_free(n);
			return NULL;
		}
		if (kid)
			node_add(n, kid);
	}
	if (n->nkids == 0) {
		node_free(n);
		if (at < p->len && p->s[at] == ')' && p->depth == 0)
			return fail(p, at, "unexpected )");
		return fail(p, at, "a term expected");
	}
	if (n->nkids == 1) {
		kid = n->kids[0];
		n->nkids = 0;
		node_free(n);
		return kid;
	}
	return n;
}

static struct qnode *parse_or(struct parser *p)
{
	struct qnode *n = NULL, *kid;

	for (;;) {
		kid = parse_and(p);
		if (!kid) {
			node_free(n);
			return NULL;
		}
		if (!at_or(p))
			break;
		p->pos += p->s[p->pos] == '|' ? 1 : 2;
		if (!n)
			n = node_new(Q_OR);
		node_add(n, kid);
	}
	if (!n)
		return kid;
	node_add(n, kid);
	return n;
}

struct query *query_parse(const struct corpus *c, const char *text, size_t len,
			  unsigned flags, char **error, size_t *column)
{
	struct parser p = { 0 };

	p.c = c;
	p.s = text;
	p.len = len;
	p.flags = flags;
	p.q = xcalloc(1, sizeof(*p.q));
	p.q->c = c;
	p.q->near = -1;
	p.q->root = parse_or(&p);
	if (p.q->root && p.pos < p.len)
		fail(&p, p.pos, "unexpected )");
	if (p.q->root && p.q->near >= 0 && p.q->scope == QSCOPE_DOCUMENT)
		fail(&p, p.near_pos, "near: works within a paragraph, not within:document");
	if (p.error) {
		query_free(p.q);
		*error = p.error;
		*column = text_chars(text, p.err_pos) + 1;
		return NULL;
	}
	return p.q;
}

void query_free(struct query *q)
{
	if (!q)
		return;
	node_free(q->root);
	free(q);
}
