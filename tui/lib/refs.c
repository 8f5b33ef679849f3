/* refs.c: references in TEI attributes (ref, key, who, active …) to the
 * entities they name, across the files of the corpus. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus_impl.h"
#include "diag.h"
#include "entity.h"
#include "flatpool.h"
#include "idtab.h"
#include "refs.h"
#include "tei.h"

static int is_ncname_start(unsigned char ch)
{
	return isalpha(ch) || ch == '_' || ch >= 0x80;
}

static int is_scheme(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || !isalpha((unsigned char)s[0]))
		return 0;
	for (i = 1; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.')
			return 0;
	return 1;
}

static long find_local(const struct corpus *c, size_t file, const char *id)
{
	struct buf key = BUF_INIT;
	size_t i;

	if (!c->nlocals)
		return -1;
	buf_printf(&key, "%zu#%s", file, id);
	i = idtab_get(&c->local_ids, key.data);
	buf_free(&key);
	return i == IDTAB_NONE ? -1 : c->locals[i].entity;
}

long refs_find_id(const struct corpus *c, size_t file, const char *id)
{
	long e = find_local(c, file, id);

	if (e < 0 && (e = entity_find(c->ix, id)) < 0)
		flatjob_missed(id);
	return e;
}

/* The file of the corpus at path (resolved against the directory of the
 * referring file), or (size_t)-1. */
static size_t find_file(const struct corpus *c, size_t from, const char *path)
{
	struct buf p = BUF_INIT;
	char real[PATH_MAX];
	size_t i, found = (size_t)-1;
	const char *slash;

	if (path[0] == '/') {
		buf_adds(&p, path);
	} else {
		slash = strrchr(c->files[from].path, '/');
		if (slash)
			buf_add(&p, c->files[from].path, (size_t)(slash - c->files[from].path) + 1);
		buf_adds(&p, path);
	}
	if (realpath(p.data, real)) {
		for (i = 0; i < c->nfiles; i++)
			if (c->files[i].real && strcmp(c->files[i].real, real) == 0)
				found = i;
	}
	buf_free(&p);
	return found;
}

/* rest through a prefixDef's pattern and replacement, into r; 0 when the
 * pattern does not match the whole of rest. */
static int apply_prefix(const struct prefix_def *pd, const char *rest, struct buf *r)
{
	regmatch_t m[10];
	const char *q;

	if (regexec(&pd->re, rest, 10, m, 0) != 0 || m[0].rm_so != 0 ||
	    rest[m[0].rm_eo] != '\0')
		return 0;
	for (q = pd->replacement; *q; q++) {
		if (*q == '$' && q[1] >= '1' && q[1] <= '9') {
			int g = q[1] - '0';

			if (m[g].rm_so >= 0)
				buf_add(r, rest + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
			q++;
		} else {
			buf_addc(r, *q);
		}
	}
	return 1;
}

/* "prefix:rest" through the first prefixDef that matches it: the file's
 * own prefixes first, then any in the corpus.  0 when none does. */
static int resolve_prefixed(struct corpus *c, size_t file, const char *tok, size_t plen,
			    long *out, int depth, enum ref_result *res)
{
	size_t f, i;

	for (f = 0; f <= c->nfiles; f++) {
		size_t fi = f == 0 ? file : f - 1;
		struct file_rec *fr = &c->files[fi];

		if (f > 0 && fi == file)
			continue;
		for (i = 0; i < fr->nprefixes; i++) {
			struct prefix_def *pd = &fr->prefixes[i];
			struct buf r = BUF_INIT;

			if (strlen(pd->ident) != plen || strncmp(pd->ident, tok, plen) != 0 ||
			    !apply_prefix(pd, tok + plen + 1, &r)) {
				buf_free(&r);
				continue;
			}
			*res = refs_resolve_token(c, fi, r.data ? r.data : "", out, depth + 1);
			buf_free(&r);
			return 1;
		}
	}
	return 0;
}

/* "file.xml#id": the record in that file, else the id across the corpus. */
static enum ref_result resolve_in_file(struct corpus *c, size_t file, const char *tok,
				       const char *hash, long *out)
{
	size_t fi;
	char *path;

	if (!is_ncname_start((unsigned char)hash[1]))
		return REF_JUNK;
	path = xstrndup(tok, (size_t)(hash - tok));
	fi = find_file(c, file, path);
	free(path);
	if (fi != (size_t)-1) {
		*out = find_local(c, fi, hash + 1);
		if (*out >= 0)
			return REF_OK;
	}
	/* the file part does not resolve: the fragment id across the corpus */
	*out = entity_find(c->ix, hash + 1);
	if (*out < 0)
		flatjob_missed(hash + 1);
	return *out >= 0 ? REF_OK : REF_DANGLING;
}

enum ref_result refs_resolve_token(struct corpus *c, size_t file, const char *tok,
				   long *out, int depth)
{
	const char *hash = strchr(tok, '#');
	const char *colon = strchr(tok, ':');
	enum ref_result res;

	*out = -1;
	if (!*tok)
		return REF_JUNK;
	if (tok[0] == '#') {
		if (!is_ncname_start((unsigned char)tok[1]) || strchr(tok + 1, '/') ||
		    strchr(tok + 1, '#'))
			return REF_JUNK;
		*out = refs_find_id(c, file, tok + 1);
		return *out >= 0 ? REF_OK : REF_DANGLING;
	}
	if (colon && !(hash && hash < colon) && depth < 4) {
		size_t plen = (size_t)(colon - tok);

		if (resolve_prefixed(c, file, tok, plen, out, depth, &res))
			return res;
		if (is_scheme(tok, plen))
			return REF_EXTERNAL;
	}
	if (hash)
		return resolve_in_file(c, file, tok, hash, out);
	*out = refs_find_id(c, file, tok);
	return *out >= 0 ? REF_OK : REF_DANGLING;
}

int refs_names_element(const struct corpus *c, const char *tok)
{
	const char *hash = strrchr(tok, '#');
	const char *id = hash ? hash + 1 : tok;

	if (!*id || idtab_get(&c->all_ids, id) != IDTAB_NONE)
		return *id != '\0';
	if (flatjob_has_doc(c, id))
		return 1;
	flatjob_missed(id);   /* a document of an earlier file may have it */
	return 0;
}

void refs_resolve(struct corpus *c, size_t file, long line, const char *refs,
		  void (*fn)(void *ctx, long e, const char *tok), void *ctx)
{
	const char *p = refs;

	while (*p) {
		const char *s;
		char *tok;
		long e;

		while (tei_is_space((unsigned char)*p))
			p++;
		s = p;
		while (*p && !tei_is_space((unsigned char)*p))
			p++;
		if (p == s)
			break;
		tok = xstrndup(s, (size_t)(p - s));
		switch (refs_resolve_token(c, file, tok, &e, 0)) {
		case REF_OK:
			fn(ctx, e, tok);
			break;
		case REF_EXTERNAL:
			fn(ctx, -1, tok);
			break;
		case REF_JUNK:
			diag_add_at(c, file, line, tok, 0, "malformed reference '%s'", tok);
			break;
		case REF_DANGLING:
			if (!refs_names_element(c, tok))
				diag_add_at(c, file, line, tok, 0, "reference to unknown id '%s'",
					    tok);
			fn(ctx, -2, tok);
			break;
		}
		free(tok);
	}
}
