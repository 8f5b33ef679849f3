/* fuzz.h: what the fuzz targets share: CHECK, which aborts (a crash the
 * fuzzer records) when an invariant does not hold. */
#ifndef WB_FUZZ_H
#define WB_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

#endif
