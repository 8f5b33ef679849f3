/* buf.h: a growable byte buffer, the one way this program builds strings.
 *
 * No fixed-size text buffers for corpus text or user input: every string
 * that comes from outside is appended here, with its length.  Allocation
 * failure goes through die(), so callers never check for NULL. */
#ifndef WB_BUF_H
#define WB_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;   /* NUL-terminated while len < cap; owned */
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const char *s, size_t len);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void buf_reset(struct buf *b);
/* Zeroes at least n bytes after the text, growing as needed: a subject
 * for PCRE2's JIT, which reads past the end in wide words. */
void buf_zero_slack(struct buf *b, size_t n);
/* Hands the string to the caller (caller frees) and empties b. */
char *buf_steal(struct buf *b);
void buf_free(struct buf *b);

/* Allocation that cannot fail: on exhaustion die() ends the program. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array of *cap elements of size bytes to hold at least need. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrndup(const char *s, size_t n);
char *xstrdup(const char *s);
/* qsort for arrays that may be empty: base may then be NULL, which qsort
 * itself must not be handed. */
void xsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
/* Frees memory the program owns but publishes through a const pointer. */
void free_const(const void *p);

/* Ends the program with a message.  The interface registers a hook that
 * restores the terminal first (htop's fail()). */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void die_set_hook(void (*hook)(void));

#endif
