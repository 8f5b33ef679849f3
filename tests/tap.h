/* tap.h: a small Test Anything Protocol helper for the unit tests.
 *
 * Each check prints one "ok N - name" or "not ok N - name" line, with the
 * expected and actual values as "# " diagnostics on failure.  done_testing()
 * prints the plan and returns the exit status for main().  Header-only so
 * each unit test is one .c file. */
#ifndef WB_TAP_H
#define WB_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

static int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5), unused));
static int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	printf("%s %d - ", cond ? "ok" : "not ok", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
	fflush(stdout);
	return cond;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

#define is_int(got, want, ...)                                              \
	do {                                                                \
		long long tap_g_ = (long long)(got), tap_w_ = (long long)(want); \
		if (!ok(tap_g_ == tap_w_, __VA_ARGS__))                     \
			printf("#   got %lld, want %lld\n", tap_g_, tap_w_); \
	} while (0)

#define is_str(got, want, ...)                                              \
	do {                                                                \
		const char *tap_g_ = (got), *tap_w_ = (want);               \
		int tap_c_ = (tap_g_ && tap_w_) ? strcmp(tap_g_, tap_w_) == 0 \
		                                : tap_g_ == tap_w_;         \
		if (!ok(tap_c_, __VA_ARGS__))                               \
			printf("#   got  \"%s\"\n#   want \"%s\"\n",         \
			       tap_g_ ? tap_g_ : "(null)",                  \
			       tap_w_ ? tap_w_ : "(null)");                 \
	} while (0)

static int done_testing(void) __attribute__((unused));
static int done_testing(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
