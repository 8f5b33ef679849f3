/* loadpool.h: parsing the corpus files on a pool of threads (loadpool.c).
 * Private to the loader. */
#ifndef WB_LOADPOOL_H
#define WB_LOADPOOL_H

#include <pthread.h>
#include <stddef.h>

struct corpus;

/* The most threads a pool of the loader runs. */
#define LOADPOOL_MAX_JOBS 8

/* Whether nfiles are worth a pool of jobs threads: not for fewer than
 * two jobs or files, nor with a libxml2 without threads (its state,
 * errors and allocation, is global then). */
int loadpool_usable(unsigned jobs, size_t nfiles);

/* The next of n files for a worker: *next, counted up under lock; n
 * when none is left. */
size_t loadpool_take(pthread_mutex_t *lock, size_t *next, size_t n);

/* Starts min(jobs, LOADPOOL_MAX_JOBS, nfiles) threads running fn(arg)
 * into threads (room for LOADPOOL_MAX_JOBS) and returns how many
 * started: 0 when none could. */
unsigned loadpool_start(pthread_t *threads, unsigned jobs, size_t nfiles,
			void *(*fn)(void *), void *arg);

/* The threads to parse on for --jobs=want: want itself (at most 8), or
 * for 0 the number of online CPUs, at most 8. */
unsigned loadpool_jobs(unsigned want);

/* Parses every file of c on jobs threads and takes each into the corpus
 * in file order on this thread, exactly as load_parse(c, i) for i = 0,
 * 1, … would, calling each(c, i) after file i.  Returns 0 without doing
 * anything when it would not help or cannot (fewer than two jobs or
 * files, a libxml2 without threads, no thread could start): the caller
 * then loads the files itself.  load_init and tei_init must have run. */
int loadpool_parse(struct corpus *c, unsigned jobs,
		   void (*each)(struct corpus *c, size_t file));

#endif
