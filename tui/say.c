/* say.c: sanitised messages (say.h). */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "buf.h"
#include "say.h"
#include "text.h"

static void say_va(FILE *out, const char *fmt, va_list ap)
{
	struct buf raw = BUF_INIT, clean = BUF_INIT;
	const char *p, *nl;

	buf_vprintf(&raw, fmt, ap);
	/* line by line: the message's own newlines stay */
	for (p = raw.data; p && p < raw.data + raw.len; p = nl + 1) {
		nl = memchr(p, '\n', raw.len - (size_t)(p - raw.data));
		if (!nl)
			nl = raw.data + raw.len;
		text_sanitize(&clean, p, (size_t)(nl - p));
		if (nl < raw.data + raw.len)
			buf_addc(&clean, '\n');
	}
	fwrite(clean.data ? clean.data : "", 1, clean.len, out);
	fflush(out);
	buf_free(&raw);
	buf_free(&clean);
}

void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_va(stderr, fmt, ap);
	va_end(ap);
}

void say_to(FILE *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_va(out, fmt, ap);
	va_end(ap);
}
