/* loadpool.c: parsing the corpus files on a small pool of threads.
 *
 * Workers take files in order and parse each into its slot
 * (load_slot_parse); the main thread takes the slots in file order as
 * they are ready and does the rest of loading (load_parse_slot), so the
 * corpus, its diagnostics and the progress calls are those of a single
 * thread.  libxml2 is safe for separate documents once xmlInitParser has
 * run, and its structured error handler is per thread when it is built
 * with threads: each worker sets its own, which records into the slot. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "corpus_impl.h"
#include "load.h"
#include "loadpool.h"

#define MAX_JOBS 8

struct pool {
	struct corpus *c;
	struct load_slot *slots;
	unsigned char *ready;     /* per file, under lock */
	size_t next;              /* the next file a worker takes, under lock */
	pthread_mutex_t lock;
	pthread_cond_t done;
};

#if LIBXML_VERSION >= 21200
static void record(void *ctx, const xmlError *err)
#else
static void record(void *ctx, xmlErrorPtr err)
#endif
{
	if (err && err->message)
		load_slot_record(ctx, err->domain, err->level, err->line, err->int2,
				 err->message);
}

static void *worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&p->lock);
		i = p->next < p->c->nfiles ? p->next++ : p->c->nfiles;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->c->nfiles)
			break;
		xmlSetStructuredErrorFunc(&p->slots[i], record);
		load_slot_parse(p->c, i, &p->slots[i]);
		xmlSetStructuredErrorFunc(NULL, NULL);
		pthread_mutex_lock(&p->lock);
		p->ready[i] = 1;
		pthread_cond_broadcast(&p->done);
		pthread_mutex_unlock(&p->lock);
	}
	return NULL;
}

unsigned loadpool_jobs(unsigned want)
{
	long cpus;

	if (want)
		return want > MAX_JOBS ? MAX_JOBS : want;
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (cpus < 1)
		return 1;
	return cpus > MAX_JOBS ? MAX_JOBS : (unsigned)cpus;
}

int loadpool_parse(struct corpus *c, unsigned jobs,
		   void (*each)(struct corpus *c, size_t file))
{
	pthread_t threads[MAX_JOBS];
	struct pool p;
	size_t i;
	unsigned n = 0, k;

	if (jobs > MAX_JOBS)
		jobs = MAX_JOBS;
	if (jobs < 2 || c->nfiles < 2 || !xmlHasFeature(XML_WITH_THREAD))
		return 0;
	xmlInitParser();
	memset(&p, 0, sizeof(p));
	p.c = c;
	p.slots = xcalloc(c->nfiles, sizeof(*p.slots));
	p.ready = xcalloc(c->nfiles, 1);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.done, NULL);
	for (k = 0; k < jobs && k < c->nfiles; k++)
		if (pthread_create(&threads[n], NULL, worker, &p) == 0)
			n++;
	if (!n) {
		/* no thread: the caller loads on its own */
		pthread_cond_destroy(&p.done);
		pthread_mutex_destroy(&p.lock);
		free(p.slots);
		free(p.ready);
		return 0;
	}
	for (i = 0; i < c->nfiles; i++) {
		pthread_mutex_lock(&p.lock);
		while (!p.ready[i])
			pthread_cond_wait(&p.done, &p.lock);
		pthread_mutex_unlock(&p.lock);
		load_parse_slot(c, i, &p.slots[i]);
		if (each)
			each(c, i);
	}
	for (k = 0; k < n; k++)
		pthread_join(threads[k], NULL);
	pthread_cond_destroy(&p.done);
	pthread_mutex_destroy(&p.lock);
	free(p.slots);
	free(p.ready);
	return 1;
}
