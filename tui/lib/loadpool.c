/* loadpool.c: parsing the corpus files on a small pool of threads.
 *
 * Workers take files in order and parse each into its slot
 * (load_slot_parse); the main thread takes the slots in file order as
 * they are ready and does the rest of loading (load_parse_slot), so the
 * corpus, its diagnostics and the progress calls are those of a single
 * thread.  libxml2 is safe for separate documents once xmlInitParser has
 * run, and its structured error handler is per thread when it is built
 * with threads: each worker sets its own, which records into the slot.
 *
 * Dictionaries.  A worker parses into a sub-dictionary of the corpus's
 * (xmlDictCreateSub: the corpus's names are found there, read only) and
 * keeps that dictionary for its next files:
 * one per file cost 20 MB of tables and string pools on the 100 MB
 * corpus.  libxml2 2.9 takes no lock in a dictionary but for its
 * reference count (xmlDictReference, xmlDictFree), so the main thread
 * must not read or add to one while its worker may still add to it:
 * xmlDictLookup, and xmlDictOwns (which xmlFreeDoc, xmlFreeNode and
 * xmlFreeIDTable call for every string) walk its tables and pools.  The
 * rule: a file's document reaches the main thread only if that thread
 * will just read it, unlink and graft its root and free its table of
 * xml:ids (without xmlDictOwns: load.c's free_id); otherwise the worker
 * retires its dictionary after that file (load_slot_parse) and starts a
 * fresh one for its next, so that the main thread is the only one left
 * using the old one.  Retired after a file that
 *   - met an element named include or fallback (drop_corpus_includes
 *     frees nodes, XInclude interns names and parses included files
 *     into doc->dict);
 *   - has no root, or one that is not TEI's (tei_root frees the doc);
 *   - brought the dictionary past DICT_REUSE_BYTES (libxml2's limit).
 * Documents the main thread has no use for are freed on the worker:
 * not well-formed, or wanting the entity loader (parsed again on the
 * main thread).  Nothing adds to the corpus's dictionary while the
 * workers run, since they read it: the files the main thread parses
 * itself (small ones, bombs, those wanting the entity loader), and what
 * XInclude adds for them, go to a sub-dictionary of its own, which only
 * it uses (load_parse_slot).  Documents keep a reference to their
 * dictionary, freed with the last of them in corpus_free, after the
 * workers are gone. */
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

#define MAX_JOBS LOADPOOL_MAX_JOBS

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
	xmlDictPtr dict = NULL;   /* the sub-dictionary of the files to come */

	for (;;) {
		size_t i;

		i = loadpool_take(&p->lock, &p->next, p->c->nfiles);
		if (i >= p->c->nfiles)
			break;
		xmlSetStructuredErrorFunc(&p->slots[i], record);
		load_slot_parse(p->c, i, &p->slots[i], &dict);
		xmlSetStructuredErrorFunc(NULL, NULL);
		pthread_mutex_lock(&p->lock);
		p->ready[i] = 1;
		pthread_cond_broadcast(&p->done);
		pthread_mutex_unlock(&p->lock);
	}
	if (dict)
		xmlDictFree(dict);
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

size_t loadpool_take(pthread_mutex_t *lock, size_t *next, size_t n)
{
	size_t i;

	pthread_mutex_lock(lock);
	i = *next < n ? (*next)++ : n;
	pthread_mutex_unlock(lock);
	return i;
}

int loadpool_usable(unsigned jobs, size_t nfiles)
{
	return jobs >= 2 && nfiles >= 2 && xmlHasFeature(XML_WITH_THREAD);
}

unsigned loadpool_start(pthread_t *threads, unsigned jobs, size_t nfiles,
			void *(*fn)(void *), void *arg)
{
	unsigned n = 0, k;

	if (jobs > MAX_JOBS)
		jobs = MAX_JOBS;
	for (k = 0; k < jobs && k < nfiles; k++)
		if (pthread_create(&threads[n], NULL, fn, arg) == 0)
			n++;
	return n;
}

int loadpool_parse(struct corpus *c, unsigned jobs,
		   void (*each)(struct corpus *c, size_t file))
{
	pthread_t threads[MAX_JOBS];
	xmlDictPtr mine = NULL;   /* the main thread's, for the files it parses */
	struct pool p;
	size_t i;
	unsigned n, k;

	if (!loadpool_usable(jobs, c->nfiles))
		return 0;
	xmlInitParser();
	memset(&p, 0, sizeof(p));
	p.c = c;
	p.slots = xcalloc(c->nfiles, sizeof(*p.slots));
	p.ready = xcalloc(c->nfiles, 1);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.done, NULL);
	n = loadpool_start(threads, jobs, c->nfiles, worker, &p);
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
		load_parse_slot(c, i, &p.slots[i], &mine);
		if (each)
			each(c, i);
	}
	for (k = 0; k < n; k++)
		pthread_join(threads[k], NULL);
	if (mine)
		xmlDictFree(mine);
	pthread_cond_destroy(&p.done);
	pthread_mutex_destroy(&p.lock);
	free(p.slots);
	free(p.ready);
	return 1;
}
