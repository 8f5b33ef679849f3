/* loadpool.h: parsing the corpus files on a pool of threads (loadpool.c).
 * Private to the loader. */
#ifndef WB_LOADPOOL_H
#define WB_LOADPOOL_H

#include <stddef.h>

struct corpus;

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
