/* progress.c: the loading progress line (progress.h). */
#include "config.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

/* Redraws at most this often, and the last file always. */
#define PROGRESS_INTERVAL 0.1

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(struct progress *p, FILE *out)
{
	const char *env = getenv("WERKBEZOEK_PROGRESS_AFTER");
	char *end;

	p->out = out && isatty(fileno(out)) ? out : NULL;
	p->start = p->last = now();
	p->after = 0.25;
	p->width = 0;
	if (env && *env) {
		double v = strtod(env, &end);

		if (*end == '\0' && v >= 0)
			p->after = v;
	}
}

void progress_report(void *ctx, size_t done, size_t total, size_t bytes)
{
	struct progress *p = ctx;
	double t;
	int n;

	if (!p->out)
		return;
	t = now();
	if (t - p->start < p->after || (done < total && p->width && t - p->last < PROGRESS_INTERVAL))
		return;
	p->last = t;
	n = fprintf(p->out, "\rLoading: %zu of %zu files, %.1f MB", done, total,
		    (double)bytes / 1e6);
	/* a shorter line than the last one leaves no tail behind */
	if (n > 0 && (size_t)n - 1 < p->width)
		fprintf(p->out, "%*s", (int)(p->width - ((size_t)n - 1)), "");
	if (n > 0 && (size_t)n - 1 > p->width)
		p->width = (size_t)n - 1;
	fflush(p->out);
}

void progress_end(struct progress *p)
{
	if (!p->out || !p->width)
		return;
	fprintf(p->out, "\r%*s\r", (int)p->width, "");
	fflush(p->out);
	p->width = 0;
}
