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
 * Accent folding searches a copy of the text folded as fold.h says,
 * built per document on first use and mapped back to the original bytes
 * hit by hit; a document with nothing to fold needs no copy at all.
 * Reading the pattern (smart case, folding it) is pattern.c's; showing
 * and sorting hits is kwic.c's. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "corpus.h"
#include "fold.h"
#include "pattern.h"
#include "search.h"

/* Work at one start position, in PCRE2's units: (a+)+$ over a run of 30
 * a's reaches it in about 2 ms with JIT, ordinary patterns on prose need
 * a few hundred. */
#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 100000           /* interpreter only */
#define HEAP_LIMIT_KIB (64 * 1024)   /* interpreter only */
#define JIT_STACK_MIN (32 * 1024)
#define JIT_STACK_MAX (1024 * 1024)

/* A call to PCRE2 sees whole blocks from its start offset up to at least
 * a slice further: a timed run starts at SLICE_SLOW and doubles it after
 * each fast call up to SLICE_FAST; once a call has been slow the slice is
 * SLICE_SLOW again and the clock is read at once.  Big slices keep fast
 * patterns fast.  A
 * block that goes on for more than another slice is cut mid-block (a
 * window): the call is then a partial match (PCRE2_PARTIAL_HARD), and a
 * match that needs text past the window is tried again in a window from
 * its start (twice as long when it started the window already), so no
 * call covers much more than a slice unless one match is that long. */
#define SLICE_FAST (64 * 1024)
#define SLICE_SLOW 1024
#define SLOW_CALL 0.005              /* seconds */
#define CHECK_EVERY 8                /* calls between looks at the clock */
#define CANCEL_POLL 0.004            /* seconds between cancel polls: a
					* key typed during a search waits
					* no longer than this for it to stop */

struct search_pattern {
	pcre2_code *code;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
	int jit;
	int caseless;
	int fold;
	int empty;              /* finds nothing: skip the work */
	size_t len;             /* of the pattern as typed, in bytes */
};

/* A document's folded text, built the first time it is searched with
 * SEARCH_FOLD. */
struct fold_doc {
	int built;
	struct fold_text ft;
};

struct search_context {
	const struct corpus *corpus;
	struct fold_doc *fold;  /* per document, allocated on first use */
	size_t ndocs;
};

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

/* The match context that bounds every run of p: our limits, which a
 * (*LIMIT_MATCH=…) in the pattern can lower but not raise. */
static void set_limits(struct search_pattern *p)
{
	p->mctx = pcre2_match_context_create(NULL);
	if (!p->mctx)
		die("out of memory");
	pcre2_set_match_limit(p->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(p->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(p->mctx, HEAP_LIMIT_KIB);
	if (!p->jit)
		return;
	p->jit_stack = pcre2_jit_stack_create(JIT_STACK_MIN, JIT_STACK_MAX, NULL);
	if (!p->jit_stack)
		die("out of memory");
	pcre2_jit_stack_assign(p->mctx, NULL, p->jit_stack);
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
		       !pattern_has_literal_upper(pat, len));
	if (p->caseless)
		opts |= PCRE2_CASELESS;
	p->empty = len == 0;
	p->len = len;

	/* the user's pattern first, so an error's offset is one in it */
	p->code = compile(pat, len, opts, "", error);
	if (!p->code)
		goto fail;
	if (p->fold) {
		pattern_fold(pat, len, &folded);
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
	if (pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE | PCRE2_JIT_PARTIAL_HARD) == 0 &&
	    jit_size(p->code) > 0) {
		p->jit = 1;
	} else {
		pcre2_code_free(p->code);
		p->code = compile(src, srclen, opts & ~PCRE2_MATCH_INVALID_UTF,
				  "", error);
		if (!p->code)
			goto fail;
	}
	set_limits(p);
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
		for (i = 0; i < sc->ndocs; i++)
			fold_text_free(&sc->fold[i].ft);
		free(sc->fold);
	}
	free(sc);
}

int search_result_add(struct search_result *r, size_t doc, size_t block, size_t start,
		      size_t end)
{
	struct search_hit *h;

	if (start >= end)
		return 0;
	r->total++;
	if ((!r->ndocs || r->docs[r->ndocs - 1] != doc) && doc <= UINT32_MAX) {
		if (r->ndocs == r->docs_cap)
			r->docs = xgrow(r->docs, &r->docs_cap, r->ndocs + 1, sizeof *r->docs);
		r->docs[r->ndocs++] = (uint32_t)doc;
	}
	if ((r->keep && r->nhits >= r->keep) || doc > UINT32_MAX || block > UINT32_MAX ||
	    end > UINT32_MAX)
		return 0;
	if (r->nhits == r->cap)
		r->hits = xgrow(r->hits, &r->cap, r->nhits + 1, sizeof *r->hits);
	h = &r->hits[r->nhits++];
	h->doc = (uint32_t)doc;
	h->block = (uint32_t)block;
	h->start = (uint32_t)start;
	h->end = (uint32_t)end;
	return 1;
}

void search_result_reset(struct search_result *r)
{
	r->nhits = 0;
	r->total = 0;
	r->status = SEARCH_DONE;
	r->next_doc = 0;
	r->next_off = 0;
	r->ndocs = 0;
}

/* Gives back what an array of n elements of size bytes, cap allocated,
 * does not use: NULL when n is 0. */
static void *trim(void *a, size_t *cap, size_t n, size_t size)
{
	if (*cap <= n)
		return a;
	*cap = n;
	if (n)
		return xrealloc(a, n * size);
	free(a);
	return NULL;
}

void search_result_trim(struct search_result *r)
{
	r->hits = trim(r->hits, &r->cap, r->nhits, sizeof *r->hits);
	r->docs = trim(r->docs, &r->docs_cap, r->ndocs, sizeof *r->docs);
}

void search_result_free(struct search_result *r)
{
	if (!r)
		return;
	free(r->hits);
	r->hits = NULL;
	r->cap = 0;
	free(r->docs);
	r->docs = NULL;
	r->docs_cap = 0;
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
	int check_now;          /* a call was slow: look at the clock */
	unsigned calls;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A run of p within lim begins: the clock read, the match data made
 * (pcre2_match_data_free(r->md) ends it). */
static void run_begin(struct run *r, const struct search_pattern *p,
		      const struct search_limits *lim)
{
	memset(r, 0, sizeof(*r));
	r->p = p;
	r->lim = lim;
	/* a timed run starts small and doubles the slice while calls are
	 * fast: the first call of a slow pattern does not cover 64 KB */
	r->slice = lim && (lim->seconds > 0 || lim->cancelled) ? SLICE_SLOW : SLICE_FAST;
	r->last_clock = now();
	if (lim && lim->seconds > 0)
		r->deadline = r->last_clock + lim->seconds;
	r->last_poll = r->last_clock - CANCEL_POLL;  /* poll at the first check */
	r->timed = r->deadline > 0 || (lim && lim->cancelled);
	r->md = pcre2_match_data_create(1, NULL);
	if (!r->md)
		die("out of memory");
}

/* p over text[off, end) into md, by JIT when p has it. */
static int pcre_call(const struct search_pattern *p, const char *text, size_t end,
		     size_t off, uint32_t opts, pcre2_match_data *md)
{
	if (p->jit)
		return pcre2_jit_match(p->code, (PCRE2_SPTR)text, end, off, opts, md, p->mctx);
	return pcre2_match(p->code, (PCRE2_SPTR)text, end, off, opts, md, p->mctx);
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

/* One document as it is searched: its text or the folded copy, the
 * current slice, and the block the last hit was in. */
struct subject {
	const struct doc *doc;
	size_t d;
	const char *text;
	size_t len;
	const struct fold_text *ft;     /* NULL: the text as written */
	size_t slice_end, slice_len;
	int window;                     /* slice_end cuts a block */
	unsigned grow;                  /* a partial match doubled the window */
	size_t block;
};

static void subject_open(struct search_context *sc, const struct search_pattern *p,
			 size_t d, struct subject *sub)
{
	memset(sub, 0, sizeof *sub);
	sub->doc = corpus_doc(sc->corpus, d);
	sub->d = d;
	sub->text = sub->doc->text;
	sub->len = sub->doc->text_len;
	if (!p->fold)
		return;
	if (!sc->fold)
		sc->fold = xcalloc(sc->ndocs, sizeof *sc->fold);
	if (!sc->fold[d].built) {
		fold_text_build(&sc->fold[d].ft, sub->text, sub->len);
		sc->fold[d].built = 1;
	}
	if (sc->fold[d].ft.text) {
		sub->ft = &sc->fold[d].ft;
		sub->text = sub->ft->text;
		sub->len = sub->ft->len;
	}
}

/* Where the call from off ends: whole blocks, at least r->slice bytes of
 * them; found once and kept while the matches are inside it (a paragraph
 * of 100 MB is one block: looking for its end at every match would make
 * a search quadratic). */
static size_t slice_end(const struct run *r, struct subject *sub, size_t off)
{
	size_t len = sub->grow < 40 ? r->slice << sub->grow : sub->len, more;
	const char *nl;

	if (off < sub->slice_end && sub->slice_len == len)
		return sub->slice_end;
	sub->slice_end = sub->len;
	sub->slice_len = len;
	sub->window = 0;
	if (sub->len - off > len) {
		more = sub->len - off - len < len ? sub->len - off - len : len;
		nl = memchr(sub->text + off + len, '\n', more);
		if (nl) {
			sub->slice_end = (size_t)(nl - sub->text) + 1;
		} else if (off + 2 * len < sub->len) {
			/* a long block: a window of it, ending on a character */
			sub->slice_end = off + len;
			while (((unsigned char)sub->text[sub->slice_end] & 0xC0) == 0x80)
				sub->slice_end--;
			sub->window = 1;
		}
	}
	return sub->slice_end;
}

/* One call to PCRE2 over text[off, end).  A call that looked at many
 * start positions is timed: if it was slow, later calls get smaller
 * slices. */
static int match_once(struct run *r, const char *text, size_t end, size_t off,
		      int window)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
	uint32_t opts = PCRE2_NO_UTF_CHECK | PCRE2_NOTEMPTY |
			(window ? PCRE2_PARTIAL_HARD : 0);
	double t;
	int rc;

	rc = pcre_call(r->p, text, end, off, opts, r->md);
	if (r->timed && (rc >= 0 ? ov[0] : end) - off >= r->slice / 2) {
		t = now();
		if (t - r->last_clock > SLOW_CALL) {
			r->slice = SLICE_SLOW;
			r->check_now = 1;
		} else if (r->slice < SLICE_FAST) {
			r->slice *= 2;
		}
		r->last_clock = t;
	}
	return rc;
}

/* Adds the hit [s, e) of the searched text, in original bytes. */
static void add_hit(struct search_result *out, struct subject *sub,
		    size_t s, size_t e)
{
	const struct doc *doc = sub->doc;
	size_t boff;

	if (sub->ft) {
		s = fold_text_start(sub->ft, s);
		e = fold_text_end(sub->ft, e);
	}
	while (sub->block + 1 < doc->nblocks &&
	       block_offset(doc, sub->block + 1) <= s)
		sub->block++;
	boff = block_offset(doc, sub->block);
	search_result_add(out, sub->d, sub->block, s - boff, e - boff);
}

/* Searches document d from *offp (bytes into the searched text) on.  On
 * an early stop, *offp is where to resume. */
static enum search_status run_doc(struct run *r, struct search_context *sc,
				  size_t d, size_t *offp,
				  struct search_result *out)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
	struct subject sub;
	size_t off = *offp, end, s, e, next;
	enum search_status st;
	const char *nl;
	int rc;

	subject_open(sc, r->p, d, &sub);
	if (!sub.doc->nblocks || !sub.len)
		return SEARCH_DONE;
	while (off < sub.len) {
		if ((++r->calls % CHECK_EVERY == 0 || r->check_now) &&
		    (r->check_now = 0, st = run_check(r)) != SEARCH_DONE) {
			*offp = off;
			return st;
		}
		end = slice_end(r, &sub, off);
		rc = match_once(r, sub.text, end, off, sub.window);
		if (rc == PCRE2_ERROR_PARTIAL) {
			/* a match from ov[0] may need more than the window:
			 * a window from there, twice as long if it was
			 * already from there */
			if (ov[0] == off)
				sub.grow++;
			else
				sub.grow = 0;
			off = ov[0];
			continue;
		}
		sub.grow = 0;
		if (rc == PCRE2_ERROR_NOMATCH) {
			off = end;
			continue;
		}
		if (too_complex(rc)) {
			*offp = off;
			return SEARCH_TOO_COMPLEX;
		}
		/* a match over the end of its block is cut there */
		s = ov[0];
		e = ov[1] > s ? ov[1] : s;
		next = e;
		nl = memchr(sub.text + s, '\n', e - s);
		if (nl) {
			e = (size_t)(nl - sub.text);
			next = e + 1;
		}
		if (next <= s)
			next = s + utf8_len((unsigned char)sub.text[s]);
		off = next;
		if (e > s)
			add_hit(out, &sub, s, e);
	}
	*offp = 0;
	return SEARCH_DONE;
}

/* The documents a run goes through: doc_from..doc_to, or those of a list
 * in that range. */
struct doc_walk {
	const uint32_t *list;   /* NULL: every document */
	size_t n, i;
	size_t d, to;
};

static int walk_next(struct doc_walk *w, size_t *d)
{
	if (!w->list) {
		if (w->d >= w->to)
			return 0;
		*d = w->d++;
		return 1;
	}
	while (w->i < w->n && w->list[w->i] < w->d)
		w->i++;
	if (w->i >= w->n || w->list[w->i] >= w->to)
		return 0;
	*d = w->list[w->i++];
	return 1;
}

static enum search_status run_walk(struct search_context *sc,
				   const struct search_pattern *p, struct doc_walk *w,
				   const struct search_limits *lim,
				   struct search_result *out)
{
	struct run r;
	enum search_status st = SEARCH_DONE;
	size_t d = w->d, doc_from = w->d, off = 0;
	int first = 1;

	if (out->next_off && doc_from == out->next_doc)
		off = out->next_off;
	out->next_off = 0;
	run_begin(&r, p, lim);
	while (!p->empty && walk_next(w, &d)) {
		if (d != doc_from)
			off = 0;
		if (!first && (st = run_check(&r)) != SEARCH_DONE)
			break;
		first = 0;
		st = run_doc(&r, sc, d, &off, out);
		if (st != SEARCH_DONE)
			break;
	}
	pcre2_match_data_free(r.md);
	out->status = st;
	if (st == SEARCH_DONE) {
		out->next_doc = w->to > doc_from ? w->to : doc_from;
		out->next_off = 0;
	} else {
		out->next_doc = d;
		out->next_off = off;
	}
	return st;
}

/* A literal of len bytes matches at most this many bytes of text: a
 * caseless ASCII letter can match a letter of three bytes (k the Kelvin
 * sign); four for safety. */
#define LITERAL_SPAN(len) (4 * (len) + 4)
/* Places between looks at the clock (search_run_at). */
#define PLACES_PER_CHECK 256

size_t search_run_at(struct search_context *sc, const struct search_pattern *p,
		     const struct search_hit *at, size_t n, size_t from,
		     const struct search_limits *lim, struct search_result *out)
{
	PCRE2_SIZE *ov;
	struct run r;
	enum search_status st = SEARCH_DONE;
	size_t i;

	run_begin(&r, p, lim);
	ov = pcre2_get_ovector_pointer(r.md);
	for (i = from; i < n && !p->empty; i++) {
		const struct search_hit *h = &at[i];
		const struct doc *doc;
		size_t base, s, end;
		int rc;

		if (i > from && (i - from) % PLACES_PER_CHECK == 0 &&
		    (st = run_check(&r)) != SEARCH_DONE)
			break;
		if (h->doc >= sc->ndocs)
			continue;
		/* as a scan would: no match starts inside the one before */
		if (out->nhits && out->hits[out->nhits - 1].doc == h->doc &&
		    out->hits[out->nhits - 1].block == h->block &&
		    out->hits[out->nhits - 1].end > h->start)
			continue;
		doc = corpus_doc(sc->corpus, h->doc);
		if (h->block >= doc->nblocks || h->start >= doc->blocks[h->block].len)
			continue;
		base = block_offset(doc, h->block);
		s = base + h->start;
		/* the match must start here: PCRE2 looks no further than the
		 * longest text the literal can match */
		end = base + doc->blocks[h->block].len;
		if (end - s > LITERAL_SPAN(p->len))
			end = s + LITERAL_SPAN(p->len);
		while (end < base + doc->blocks[h->block].len &&
		       ((unsigned char)doc->text[end] & 0xC0) == 0x80)
			end++;
		rc = pcre_call(p, doc->text, end, s, PCRE2_NO_UTF_CHECK | PCRE2_NOTEMPTY, r.md);
		if (rc >= 0 && ov[0] == s && ov[1] > s)
			search_result_add(out, h->doc, h->block, h->start, h->start + (ov[1] - s));
		else if (too_complex(rc)) {
			st = SEARCH_TOO_COMPLEX;
			break;
		}
	}
	pcre2_match_data_free(r.md);
	out->status = st;
	out->next_doc = st == SEARCH_DONE ? sc->ndocs : at[i].doc;
	out->next_off = 0;
	return i;
}

enum search_status search_run(struct search_context *sc,
			      const struct search_pattern *p,
			      size_t doc_from, size_t doc_to,
			      const struct search_limits *lim,
			      struct search_result *out)
{
	struct doc_walk w = { NULL, 0, 0, doc_from, doc_to };

	if (w.to > sc->ndocs)
		w.to = sc->ndocs;
	return run_walk(sc, p, &w, lim, out);
}

enum search_status search_run_docs(struct search_context *sc,
				   const struct search_pattern *p,
				   const uint32_t *docs, size_t n, size_t doc_from,
				   const struct search_limits *lim,
				   struct search_result *out)
{
	struct doc_walk w = { docs, n, 0, doc_from, sc->ndocs };

	return run_walk(sc, p, &w, lim, out);
}
