/* search.c: compiling and running PCRE2 patterns over the corpus's text.
 *
 * This is the only file that includes pcre2.h.  A document's text is one
 * buffer of blocks, each followed by '\n', searched in as few
 * pcre2_jit_match() calls as possible: with MULTILINE, ^ and $ are block
 * start and end, and a match that runs over a '\n' is cut there.  Speed
 * comes from JIT and from doing almost nothing per match: hits arrive in
 * order, so a cursor walks the block offsets once per document.
 *
 * User-typed patterns must not hang the interface.  PCRE2's limits bound
 * the work at one start position (its match limit counts per position in
 * JIT); a document is searched in slices of whole blocks so that one call
 * cannot go on for long, and between calls the clock and the cancel
 * callback are consulted.  The first "too complex" error stops the whole
 * search: the same pattern would only fail again in the next document.
 *
 * Accent folding searches a copy of the text without the diacritics of
 * Latin letters.  Most text is ASCII, so the copy keeps a sparse list of
 * the places where it differs from the original, enough to map a folded
 * offset back; a document with nothing to fold needs no copy at all. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "corpus.h"
#include "search.h"
#include "text.h"

/* Work at one start position, in PCRE2's units: (a+)+$ over a run of 30
 * a's reaches it in about 2 ms with JIT, ordinary patterns on prose need
 * a few hundred. */
#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 100000           /* interpreter only */
#define HEAP_LIMIT_KIB (64 * 1024)   /* interpreter only */
#define JIT_STACK_MIN (32 * 1024)
#define JIT_STACK_MAX (1024 * 1024)

/* A call to PCRE2 sees whole blocks from its start offset up to at least
 * SLICE bytes further; once a call has been slow the slices shrink, so
 * the clock is read again soon.  Big slices keep fast patterns fast. */
#define SLICE_FAST (64 * 1024)
#define SLICE_SLOW 1024
#define SLOW_CALL 0.005              /* seconds */
#define SLOW_DISTANCE 4096           /* bytes scanned that make a call timed */
#define CHECK_EVERY 8                /* calls between looks at the clock */
#define CANCEL_POLL 0.02             /* seconds between cancel polls */

struct search_pattern {
	pcre2_code *code;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
	int jit;
	int caseless;
	int fold;
	int empty;              /* finds nothing: skip the work */
};

/* A place where the folded text differs from the original: the code
 * point at orig (olen bytes) became flen bytes (0: dropped) at folded. */
struct fold_point {
	size_t folded, orig;
	unsigned char olen, flen;
};

struct fold_doc {
	int built;
	char *text;             /* NULL: nothing to fold, use the original */
	size_t len;
	struct fold_point *points;
	size_t npoints;
};

struct search_context {
	const struct corpus *corpus;
	struct fold_doc *fold;  /* per document, allocated on first use */
	size_t ndocs;
};

/* ---- accent folding ------------------------------------------------ */

/* The base letter of each code point in U+00C0..U+024F and
 * U+1E00..U+1EFF, '.' for those kept as they are: letters with
 * diacritics (canonical decomposition, recursively) and with strokes
 * (ø ł đ).  Ligatures and other letters (æ ß ĳ þ) stay. */
static const char fold_latin[] =
	"AAAAAA.CEEEEIIII.NOOOOO.OUUUUY..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y" /* U+00C0 */
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKk.LlLlLlL" /* U+0100 */
	"lLlNnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs" /* U+0140 */
	"b......CcDDDd....FfG...IKkl..Nn.Oo..Pp.....tTtTUu..YyZz........." /* U+0180 */
	".............AaIiOoUuUuUuUuUu.AaAa..GgGgKkOoOo..j...Gg..NnAa..Oo" /* U+01C0 */
	"AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh.d....AaEeOoOoOoOoYylntj..ACcLT." /* U+0200 */
	"...B..EeJjQqRrYy";                                                /* U+0240 */

static const char fold_latin_additional[] =
	"AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm" /* U+1E00 */
	"MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv" /* U+1E40 */
	"WwWwWwWwWwXxXxYyZzZzZzhtwy.s....AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe" /* U+1E80 */
	"EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......";/* U+1EC0 */

/* What cp folds to: -1 unchanged, 0 dropped (a combining mark), 1 an
 * ASCII letter in *out. */
static int fold_cp(uint32_t cp, char *out)
{
	char c = '.';

	if (cp >= 0x300 && cp <= 0x36F)
		return 0;
	if (cp >= 0xC0 && cp <= 0x24F)
		c = fold_latin[cp - 0xC0];
	else if (cp >= 0x1E00 && cp <= 0x1EFF)
		c = fold_latin_additional[cp - 0x1E00];
	if (c == '.')
		return -1;
	*out = c;
	return 1;
}

static void fold_build(struct fold_doc *fd, const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i = 0, copied = 0, n, cap = 0;
	uint32_t cp;
	char c;
	int k;

	fd->built = 1;
	fd->len = len;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		k = fold_cp(cp, &c);
		if (k < 0) {
			i += n;
			continue;
		}
		buf_add(&b, s + copied, i - copied);
		fd->points = xgrow(fd->points, &cap, fd->npoints + 1,
				   sizeof *fd->points);
		fd->points[fd->npoints].folded = b.len;
		fd->points[fd->npoints].orig = i;
		fd->points[fd->npoints].olen = (unsigned char)n;
		fd->points[fd->npoints].flen = (unsigned char)k;
		fd->npoints++;
		if (k)
			buf_addc(&b, c);
		i += n;
		copied = i;
	}
	if (!fd->npoints)
		return;
	buf_add(&b, s + copied, len - copied);
	buf_zero_slack(&b, 16);         /* JIT reads past the end */
	fd->len = b.len;
	fd->text = buf_steal(&b);
}

/* The original offset of folded offset f.  A folded letter is one byte:
 * an offset at its start is the start of the letter as written.  A mark
 * that folding dropped belongs to the letter before it, so an offset
 * where it was comes after it, for a start as for an end: a hit never
 * begins or ends between a letter and its accent. */
static size_t fold_map(const struct fold_doc *fd, size_t f)
{
	const struct fold_point *p;
	size_t lo = 0, hi = fd->npoints, mid;

	if (!fd->text)
		return f;
	while (lo < hi) {       /* first point with folded > f */
		mid = lo + (hi - lo) / 2;
		if (fd->points[mid].folded <= f)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return f;
	p = &fd->points[lo - 1];
	if (f < p->folded + p->flen)
		return p->orig;
	return p->orig + p->olen + (f - p->folded - p->flen);
}

/* Folds the literal characters of a pattern.  Only non-ASCII code points
 * change, so ASCII escapes survive; an escaped accented letter loses its
 * backslash, since "\e" would mean ESC.  Escapes such as \x{e9} are not
 * folded. */
static void fold_pattern(const char *p, size_t len, struct buf *out)
{
	size_t i = 0, n;
	uint32_t cp;
	int esc, k;
	char c;

	while (i < len) {
		esc = 0;
		if (p[i] == '\\' && i + 1 < len) {
			if ((unsigned char)p[i + 1] < 0x80) {
				buf_add(out, p + i, 2);
				i += 2;
				continue;
			}
			esc = 1;
			i++;
		}
		if ((unsigned char)p[i] < 0x80) {
			buf_addc(out, p[i++]);
			continue;
		}
		n = text_decode(p + i, len - i, &cp);
		k = fold_cp(cp, &c);
		if (k < 0) {
			if (esc)
				buf_addc(out, '\\');
			buf_add(out, p + i, n);
		} else if (k) {
			buf_addc(out, c);
		}
		i += n;
	}
}

/* ---- smart case ---------------------------------------------------- */

/* The index just past the first c at or after i, or len. */
static size_t skip_past(const char *p, size_t len, size_t i, char c)
{
	const char *q = i < len ? memchr(p + i, c, len - i) : NULL;

	return q ? (size_t)(q - p) + 1 : len;
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Skips the escape at p[i] == '\\', adding the literal characters it
 * stands for (\Q…\E, an escaped non-ASCII letter) to lit. */
static size_t skip_escape(const char *p, size_t len, size_t i, struct buf *lit)
{
	size_t j, n;
	uint32_t cp;
	char e;

	if (i + 1 >= len)
		return len;
	e = p[i + 1];
	i += 2;
	switch (e) {
	case 'Q':
		for (j = i; j + 1 < len; j++)
			if (p[j] == '\\' && p[j + 1] == 'E')
				break;
		if (j + 1 >= len)
			j = len;
		buf_add(lit, p + i, j - i);
		return j < len ? j + 2 : len;
	case 'p': case 'P': case 'N': case 'o': case 'x':
		if (i < len && p[i] == '{')
			return skip_past(p, len, i, '}');
		if (e == 'p' || e == 'P')
			return i < len ? i + 1 : len;
		/* \xhh: at most two hex digits, which may be upper case */
		for (j = 0; e == 'x' && j < 2 && i < len && p[i] &&
		     strchr("0123456789abcdefABCDEF", p[i]); j++)
			i++;
		return i;
	case 'c':
		return i < len ? i + 1 : len;
	case 'g': case 'k':
		if (i < len && p[i] == '{')
			return skip_past(p, len, i, '}');
		if (i < len && p[i] == '<')
			return skip_past(p, len, i, '>');
		if (i < len && p[i] == '\'')
			return skip_past(p, len, i + 1, '\'');
		return i;
	default:
		if ((unsigned char)e >= 0x80) {
			/* an escaped letter is that letter */
			n = text_decode(p + i - 1, len - (i - 1), &cp);
			buf_add(lit, p + i - 1, n);
			return i - 1 + n;
		}
		return i;
	}
}

/* Skips the head of a group at p[i] == '(' followed by '?' or '*': its
 * options, name, condition or verb, which are not literals. */
static size_t skip_group_head(const char *p, size_t len, size_t i)
{
	size_t j = i + 2;
	int lower = 0;

	if (p[i + 1] == '*') {
		/* (*pla:…), (*atomic:…) are groups of literals; upper-case
		 * verbs and options (*MARK:X), (*LIMIT_MATCH=9) are not */
		while (j < len && (is_alpha(p[j]) || p[j] == '_')) {
			if (p[j] >= 'a' && p[j] <= 'z')
				lower = 1;
			j++;
		}
		if (lower)
			return j < len && p[j] == ':' ? j + 1 : j;
		return skip_past(p, len, j, ')');
	}
	if (j >= len)
		return len;
	switch (p[j]) {
	case '#':
		return skip_past(p, len, j, ')');
	case '<':
		if (j + 1 < len && (p[j + 1] == '=' || p[j + 1] == '!'))
			return j + 2;
		return skip_past(p, len, j, '>');
	case '\'':
		return skip_past(p, len, j + 1, '\'');
	case 'P':
		if (j + 1 < len && p[j + 1] == '<')
			return skip_past(p, len, j, '>');
		return skip_past(p, len, j, ')');
	case '&':
	case 'C':
		return skip_past(p, len, j, ')');
	case '(':
		if (j + 1 < len && (p[j + 1] == '?' || p[j + 1] == '*'))
			return j;       /* an assertion as condition */
		return skip_past(p, len, j, ')');
	}
	while (j < len && (is_alpha(p[j]) || (p[j] >= '0' && p[j] <= '9') ||
			   p[j] == '^' || p[j] == '-' || p[j] == '+'))
		j++;
	if (j < len && strchr(":)=!>|", p[j]) && p[j])
		j++;
	return j;
}

/* Collects the characters of pat that stand for themselves. */
static void pattern_literals(const char *p, size_t len, struct buf *lit)
{
	size_t i = 0, n;
	uint32_t cp;
	int in_class = 0;

	while (i < len) {
		char c = p[i];

		if (c == '\\') {
			i = skip_escape(p, len, i, lit);
		} else if (!in_class && c == '(' && i + 1 < len &&
			   (p[i + 1] == '?' || p[i + 1] == '*')) {
			i = skip_group_head(p, len, i);
		} else if (!in_class && c == '[') {
			in_class = 1;
			i++;
			if (i < len && p[i] == '^')
				i++;
			if (i < len && p[i] == ']')
				i++;
		} else if (in_class && c == '[' && i + 1 < len && p[i + 1] == ':') {
			i = skip_past(p, len, i + 2, ']');
		} else if (in_class && c == ']') {
			in_class = 0;
			i++;
		} else {
			n = text_decode(p + i, len - i, &cp);
			buf_add(lit, p + i, n);
			i += n;
		}
	}
}

/* Whether a literal character of pat is an upper-case (or title-case)
 * letter, as Unicode says: less -i and ripgrep -S decide the same way. */
static int has_literal_upper(const char *pat, size_t len)
{
	static const char upper[] = "[\\p{Lu}\\p{Lt}]";
	struct buf lit = BUF_INIT;
	pcre2_code *re;
	pcre2_match_data *md;
	PCRE2_SIZE erroff;
	int err, rc = PCRE2_ERROR_NOMATCH;

	pattern_literals(pat, len, &lit);
	if (!lit.len)
		goto out;
	re = pcre2_compile((PCRE2_SPTR)upper, sizeof upper - 1,
			   PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
			   &err, &erroff, NULL);
	if (!re)
		die("search: cannot compile %s", upper);
	md = pcre2_match_data_create(1, NULL);
	if (!md)
		die("out of memory");
	rc = pcre2_match(re, (PCRE2_SPTR)lit.data, lit.len, 0, 0, md, NULL);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
out:
	buf_free(&lit);
	return rc >= 0;
}

/* ---- compiling ----------------------------------------------------- */

static char *compile_error(int code, size_t offset, const char *where)
{
	struct buf b = BUF_INIT;
	size_t size = 128;
	int rc;

	for (;;) {
		buf_grow(&b, size);
		rc = pcre2_get_error_message(code, (PCRE2_UCHAR *)b.data, size);
		if (rc != PCRE2_ERROR_NOMEMORY)
			break;
		size *= 2;
	}
	if (rc < 0)
		b.data[0] = '\0';
	b.len = strlen(b.data);
	buf_printf(&b, " at offset %zu%s", offset, where);
	return buf_steal(&b);
}

static pcre2_code *compile(const char *pat, size_t len, uint32_t opts,
			   const char *where, char **error)
{
	pcre2_compile_context *cc;
	pcre2_code *code;
	PCRE2_SIZE erroff;
	int err;

	cc = pcre2_compile_context_create(NULL);
	if (!cc)
		die("out of memory");
	/* the separator between blocks is '\n', whatever PCRE2's default */
	pcre2_set_newline(cc, PCRE2_NEWLINE_LF);
	code = pcre2_compile((PCRE2_SPTR)(len ? pat : ""), len, opts, &err,
			     &erroff, cc);
	pcre2_compile_context_free(cc);
	if (!code && error)
		*error = compile_error(err, erroff, where);
	return code;
}

static size_t jit_size(const pcre2_code *code)
{
	size_t size = 0;

	if (pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &size) != 0)
		return 0;
	return size;
}

struct search_pattern *search_compile(const char *pat, size_t len,
				      unsigned flags, char **error)
{
	struct search_pattern *p;
	struct buf folded = BUF_INIT;
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
			PCRE2_NEVER_BACKSLASH_C | PCRE2_MULTILINE;
	const char *src = pat;
	size_t srclen = len;

	*error = NULL;
	p = xcalloc(1, sizeof *p);
	p->fold = !!(flags & SEARCH_FOLD);
	p->caseless = (flags & SEARCH_CASELESS) ||
		      ((flags & SEARCH_SMARTCASE) &&
		       !has_literal_upper(pat, len));
	if (p->caseless)
		opts |= PCRE2_CASELESS;
	p->empty = len == 0;

	/* the user's pattern first, so an error's offset is one in it */
	p->code = compile(pat, len, opts, "", error);
	if (!p->code)
		goto fail;
	if (p->fold) {
		fold_pattern(pat, len, &folded);
		if (folded.len != len || (len && memcmp(folded.data, pat, len))) {
			pcre2_code_free(p->code);
			src = folded.data;
			srclen = folded.len;
			p->code = compile(src, srclen, opts,
					  " of the pattern without accents",
					  error);
			if (!p->code)
				goto fail;
		}
	}
	/* Without JIT, MATCH_INVALID_UTF makes the interpreter check the
	 * subject at every call, quadratic over a document; the text is
	 * valid UTF-8, so do without it there. */
	/* (*NO_JIT) in a pattern makes jit_compile succeed without code:
	 * only JIT code that exists counts */
	if (pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE) == 0 && jit_size(p->code) > 0) {
		p->jit = 1;
	} else {
		pcre2_code_free(p->code);
		p->code = compile(src, srclen, opts & ~PCRE2_MATCH_INVALID_UTF,
				  "", error);
		if (!p->code)
			goto fail;
	}
	p->mctx = pcre2_match_context_create(NULL);
	if (!p->mctx)
		die("out of memory");
	pcre2_set_match_limit(p->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(p->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(p->mctx, HEAP_LIMIT_KIB);
	if (p->jit) {
		p->jit_stack = pcre2_jit_stack_create(JIT_STACK_MIN,
						      JIT_STACK_MAX, NULL);
		if (!p->jit_stack)
			die("out of memory");
		pcre2_jit_stack_assign(p->mctx, NULL, p->jit_stack);
	}
	buf_free(&folded);
	return p;
fail:
	buf_free(&folded);
	search_pattern_free(p);
	return NULL;
}

void search_pattern_free(struct search_pattern *p)
{
	if (!p)
		return;
	pcre2_code_free(p->code);
	pcre2_match_context_free(p->mctx);
	pcre2_jit_stack_free(p->jit_stack);
	free(p);
}

int search_pattern_caseless(const struct search_pattern *p)
{
	return p->caseless;
}

/* ---- contexts and results ------------------------------------------ */

struct search_context *search_context_new(const struct corpus *c)
{
	struct search_context *sc = xcalloc(1, sizeof *sc);

	sc->corpus = c;
	sc->ndocs = corpus_ndocs(c);
	return sc;
}

void search_context_free(struct search_context *sc)
{
	size_t i;

	if (!sc)
		return;
	if (sc->fold) {
		for (i = 0; i < sc->ndocs; i++) {
			free(sc->fold[i].text);
			free(sc->fold[i].points);
		}
		free(sc->fold);
	}
	free(sc);
}

void search_result_reset(struct search_result *r)
{
	r->nhits = 0;
	r->status = SEARCH_DONE;
	r->next_doc = 0;
	r->next_off = 0;
}

void search_result_free(struct search_result *r)
{
	if (!r)
		return;
	free(r->hits);
	r->hits = NULL;
	r->cap = 0;
	search_result_reset(r);
}

const char *search_status_message(enum search_status s)
{
	switch (s) {
	case SEARCH_DONE:
		return "";
	case SEARCH_PARTIAL:
		return "partial results";
	case SEARCH_TOO_COMPLEX:
		return "pattern too complex";
	case SEARCH_CANCELLED:
		return "search cancelled";
	}
	return "";
}

/* ---- running ------------------------------------------------------- */

struct run {
	const struct search_pattern *p;
	const struct search_limits *lim;
	pcre2_match_data *md;
	double deadline;        /* 0: none */
	double last_poll;       /* when the cancel callback was polled */
	double last_clock;      /* when the clock was last read */
	int timed;              /* a budget or a callback: read the clock */
	size_t slice;
	unsigned calls;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whether to stop: the clock, and now and then the cancel callback. */
static enum search_status run_check(struct run *r)
{
	double t;

	if (!r->timed)
		return SEARCH_DONE;
	t = now();
	r->last_clock = t;
	if (r->lim && r->lim->cancelled && t - r->last_poll >= CANCEL_POLL) {
		r->last_poll = t;
		if (r->lim->cancelled(r->lim->ctx))
			return SEARCH_CANCELLED;
	}
	if (r->deadline && t >= r->deadline)
		return SEARCH_PARTIAL;
	return SEARCH_DONE;
}

static int too_complex(int rc)
{
	return rc < 0 && rc != PCRE2_ERROR_NOMATCH;
}

static size_t utf8_len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static size_t block_offset(const struct doc *doc, size_t b)
{
	return (size_t)(doc->blocks[b].text - doc->text);
}

/* Searches document d from *offp (bytes into the searched text) on.  On
 * an early stop, *offp is where to resume. */
static enum search_status run_doc(struct run *r, struct search_context *sc,
				  size_t d, size_t *offp,
				  struct search_result *out)
{
	size_t slice_end = 0, slice_len = 0;
	const struct doc *doc = corpus_doc(sc->corpus, d);
	const struct fold_doc *fd = NULL;
	const char *text = doc->text;
	size_t len = doc->text_len, off = *offp, b = 0, end, s, e, next;
	size_t os, oe, boff;
	const char *nl;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
	enum search_status st;
	struct search_hit *h;
	double t;
	int rc;

	if (!doc->nblocks || !len)
		return SEARCH_DONE;
	if (r->p->fold) {
		if (!sc->fold)
			sc->fold = xcalloc(sc->ndocs, sizeof *sc->fold);
		if (!sc->fold[d].built)
			fold_build(&sc->fold[d], doc->text, doc->text_len);
		fd = &sc->fold[d];
		if (fd->text) {
			text = fd->text;
			len = fd->len;
		}
	}
	while (off < len) {
		if (++r->calls % CHECK_EVERY == 0 &&
		    (st = run_check(r)) != SEARCH_DONE) {
			*offp = off;
			return st;
		}
		/* the slice: whole blocks, at least r->slice bytes of them;
		 * found once and kept while the matches are inside it (a
		 * paragraph of 100 MB is one block: looking for its end at
		 * every match would make a search quadratic) */
		if (off >= slice_end || slice_len != r->slice) {
			slice_end = len;
			slice_len = r->slice;
			if (len - off > r->slice) {
				nl = memchr(text + off + r->slice, '\n',
					    len - off - r->slice);
				if (nl)
					slice_end = (size_t)(nl - text) + 1;
			}
		}
		end = slice_end;
		if (r->p->jit)
			rc = pcre2_jit_match(r->p->code, (PCRE2_SPTR)text, end,
					     off, PCRE2_NO_UTF_CHECK |
					     PCRE2_NOTEMPTY, r->md, r->p->mctx);
		else
			rc = pcre2_match(r->p->code, (PCRE2_SPTR)text, end,
					 off, PCRE2_NO_UTF_CHECK |
					 PCRE2_NOTEMPTY, r->md, r->p->mctx);
		/* a call that looked at many start positions is timed: if
		 * it was slow, later calls get smaller slices */
		if (r->timed && r->slice == SLICE_FAST &&
		    (rc >= 0 ? ov[0] : end) - off > SLOW_DISTANCE) {
			t = now();
			if (t - r->last_clock > SLOW_CALL)
				r->slice = SLICE_SLOW;
			r->last_clock = t;
		}
		if (rc == PCRE2_ERROR_NOMATCH) {
			off = end;
			continue;
		}
		if (too_complex(rc)) {
			*offp = off;
			return SEARCH_TOO_COMPLEX;
		}
		s = ov[0];
		e = ov[1] > s ? ov[1] : s;
		next = e;
		nl = memchr(text + s, '\n', e - s);
		if (nl) {
			e = (size_t)(nl - text);
			next = e + 1;
		}
		if (next <= s)
			next = s + utf8_len((unsigned char)text[s]);
		off = next;
		if (e == s)
			continue;
		os = s;
		oe = e;
		if (fd) {
			os = fold_map(fd, s);
			oe = fold_map(fd, e);
		}
		while (b + 1 < doc->nblocks && block_offset(doc, b + 1) <= os)
			b++;
		boff = block_offset(doc, b);
		if (out->nhits == out->cap)
			out->hits = xgrow(out->hits, &out->cap, out->nhits + 1,
					  sizeof *out->hits);
		h = &out->hits[out->nhits++];
		h->doc = d;
		h->block = b;
		h->start = os - boff;
		h->end = oe - boff;
	}
	*offp = 0;
	return SEARCH_DONE;
}

enum search_status search_run(struct search_context *sc,
			      const struct search_pattern *p,
			      size_t doc_from, size_t doc_to,
			      const struct search_limits *lim,
			      struct search_result *out)
{
	struct run r;
	enum search_status st = SEARCH_DONE;
	size_t d, off = 0;

	if (doc_to > sc->ndocs)
		doc_to = sc->ndocs;
	if (out->next_off && doc_from == out->next_doc)
		off = out->next_off;
	out->next_off = 0;
	memset(&r, 0, sizeof r);
	r.p = p;
	r.lim = lim;
	r.slice = SLICE_FAST;
	r.last_clock = now();
	if (lim && lim->seconds > 0)
		r.deadline = r.last_clock + lim->seconds;
	r.last_poll = r.last_clock - CANCEL_POLL;  /* poll at the first check */
	r.timed = r.deadline > 0 || (lim && lim->cancelled);
	r.md = pcre2_match_data_create(1, NULL);
	if (!r.md)
		die("out of memory");
	for (d = doc_from; d < doc_to && !p->empty; d++) {
		if (d > doc_from && (st = run_check(&r)) != SEARCH_DONE)
			break;
		st = run_doc(&r, sc, d, &off, out);
		if (st != SEARCH_DONE)
			break;
	}
	pcre2_match_data_free(r.md);
	out->status = st;
	if (st == SEARCH_DONE) {
		out->next_doc = doc_to > doc_from ? doc_to : doc_from;
		out->next_off = 0;
	} else {
		out->next_doc = d;
		out->next_off = off;
	}
	return st;
}

/* ---- keyword in context -------------------------------------------- */

/* The start of the code point that ends at s[i] (i > 0). */
static size_t prev_cp(const char *s, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	return i;
}

/* Sanitises s[0..len) and cuts it to width columns, at the right with a
 * trailing "…" (cut_left == 0) or at the left with a leading one. */
static char *kwic_piece(const char *s, size_t len, size_t width, int cut_left,
			size_t *cols)
{
	struct buf clean = BUF_INIT, out = BUF_INIT;
	size_t w = 0, i, j, n, total;
	uint32_t cp;
	int cw;

	text_sanitize(&clean, s, len);
	total = text_width(clean.data ? clean.data : "", clean.len);
	if (total <= width) {
		*cols = total;
		return buf_steal(&clean);
	}
	if (width == 0) {
		*cols = 0;
		buf_free(&clean);
		return xstrdup("");
	}
	if (!cut_left) {
		i = 0;
		while (i < clean.len) {
			n = text_decode(clean.data + i, clean.len - i, &cp);
			cw = text_cp_width(cp);
			if (w + (size_t)cw > width - 1)
				break;
			w += (size_t)cw;
			i += n;
		}
		buf_add(&out, clean.data, i);
		buf_adds(&out, "…");
	} else {
		i = clean.len;
		while (i > 0) {
			j = prev_cp(clean.data, i);
			text_decode(clean.data + j, clean.len - j, &cp);
			cw = text_cp_width(cp);
			if (w + (size_t)cw > width - 1)
				break;
			w += (size_t)cw;
			i = j;
		}
		/* marks whose letter was cut off would sit on the "…" */
		while (i < clean.len) {
			n = text_decode(clean.data + i, clean.len - i, &cp);
			if (text_cp_width(cp) != 0)
				break;
			i += n;
		}
		buf_adds(&out, "…");
		buf_add(&out, clean.data + i, clean.len - i);
	}
	buf_free(&clean);
	*cols = w + 1;
	return buf_steal(&out);
}

void search_kwic(const struct corpus *c, const struct search_hit *h,
		 size_t left_width, size_t match_width, size_t right_width,
		 struct search_kwic *out)
{
	const struct block *bl = &corpus_doc(c, h->doc)->blocks[h->block];

	out->left = kwic_piece(bl->text, h->start, left_width, 1,
			       &out->left_cols);
	out->match = kwic_piece(bl->text + h->start, h->end - h->start,
				match_width, 0, &out->match_cols);
	out->right = kwic_piece(bl->text + h->end, bl->len - h->end,
				right_width, 0, &out->right_cols);
}

void search_kwic_free(struct search_kwic *k)
{
	if (!k)
		return;
	free(k->left);
	free(k->match);
	free(k->right);
	k->left = k->match = k->right = NULL;
}

/* ---- sorting ------------------------------------------------------- */

/* Context words compared, nearest first; later ones rarely decide. */
#define KEY_WORDS 8

struct sort_item {
	struct search_hit hit;
	size_t key, keylen;     /* into the arena: context words */
	size_t mkey, mkeylen;   /* the matched text */
	const char *arena;
};

/* Letters, digits and marks make words; ASCII punctuation, Latin-1
 * symbols, general punctuation (quotes, dashes, …) separate them. */
static int is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || is_alpha((char)cp);
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return 0;
	if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F))
		return 0;
	return !text_is_unsafe(cp);
}

/* Appends the sort form of s[0..len): no accents, ASCII lower case. */
static void key_add(struct buf *b, const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;
	char c;
	int k;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		k = fold_cp(cp, &c);
		if (k == 0) {
			i += n;
			continue;
		}
		if (k < 0 && cp >= 0x80) {
			buf_add(b, s + i, n);
			i += n;
			continue;
		}
		if (k < 0)
			c = (char)cp;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		buf_addc(b, c);
		i += n;
	}
}

/* Appends the words of s[0..len) around position at, nearest first:
 * leftwards (words before at) or rightwards, each followed by '\1' so
 * a shorter word sorts before a longer one it begins. */
static void context_key(struct buf *b, const char *s, size_t len, size_t at,
			int leftwards)
{
	size_t i = at, ws, we, j, words;
	uint32_t cp;

	for (words = 0; words < KEY_WORDS; words++) {
		if (leftwards) {
			while (i > 0) {
				j = prev_cp(s, i);
				text_decode(s + j, len - j, &cp);
				if (is_word_cp(cp))
					break;
				i = j;
			}
			we = i;
			while (i > 0) {
				j = prev_cp(s, i);
				text_decode(s + j, len - j, &cp);
				if (!is_word_cp(cp))
					break;
				i = j;
			}
			ws = i;
		} else {
			while (i < len) {
				j = text_decode(s + i, len - i, &cp);
				if (is_word_cp(cp))
					break;
				i += j;
			}
			ws = i;
			while (i < len) {
				j = text_decode(s + i, len - i, &cp);
				if (!is_word_cp(cp))
					break;
				i += j;
			}
			we = i;
		}
		if (ws == we)
			break;
		key_add(b, s + ws, we - ws);
		buf_addc(b, '\1');
	}
}

static int cmp_doc_order(const struct search_hit *a, const struct search_hit *b)
{
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->block != b->block)
		return a->block < b->block ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return 0;
}

int search_hit_cmp(const void *pa, const void *pb)
{
	return cmp_doc_order(pa, pb);
}

static int cmp_keys(const char *a, size_t alen, const char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);

	if (r)
		return r;
	return alen < blen ? -1 : alen > blen;
}

static int cmp_items(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;
	int r;

	r = cmp_keys(a->arena + a->key, a->keylen, b->arena + b->key,
		     b->keylen);
	if (!r)
		r = cmp_keys(a->arena + a->mkey, a->mkeylen,
			     b->arena + b->mkey, b->mkeylen);
	if (!r)
		r = cmp_doc_order(&a->hit, &b->hit);
	return r;
}

void search_sort(const struct corpus *c, struct search_hit *hits, size_t n,
		 enum search_order order)
{
	struct sort_item *items;
	struct buf arena = BUF_INIT;
	const struct block *bl;
	size_t i;

	if (n < 2)
		return;
	if (order == SEARCH_ORDER_DOC) {
		qsort(hits, n, sizeof *hits, search_hit_cmp);
		return;
	}
	items = xcalloc(n, sizeof *items);
	for (i = 0; i < n; i++) {
		bl = &corpus_doc(c, hits[i].doc)->blocks[hits[i].block];
		items[i].hit = hits[i];
		items[i].key = arena.len;
		if (order == SEARCH_ORDER_LEFT)
			context_key(&arena, bl->text, bl->len, hits[i].start, 1);
		else
			context_key(&arena, bl->text, bl->len, hits[i].end, 0);
		items[i].keylen = arena.len - items[i].key;
		items[i].mkey = arena.len;
		key_add(&arena, bl->text + hits[i].start,
			hits[i].end - hits[i].start);
		items[i].mkeylen = arena.len - items[i].mkey;
	}
	for (i = 0; i < n; i++)
		items[i].arena = arena.data ? arena.data : "";
	qsort(items, n, sizeof *items, cmp_items);
	for (i = 0; i < n; i++)
		hits[i] = items[i].hit;
	free(items);
	buf_free(&arena);
}

/* ---- positions ----------------------------------------------------- */

void search_hit_position(const struct corpus *c, const struct search_hit *h,
			 size_t *line, size_t *column)
{
	const struct block *bl = &corpus_doc(c, h->doc)->blocks[h->block];
	size_t i, n = 0;

	for (i = 0; i < h->start && i < bl->len; i++)
		if (((unsigned char)bl->text[i] & 0xC0) != 0x80)
			n++;
	*line = h->block + 1;
	*column = n + 1;
}
