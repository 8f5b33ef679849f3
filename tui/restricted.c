/* restricted.c: restricted mode from the environment (restricted.h).
 * Where it is enforced: ui.c (the editor) and batch_import.c (-o). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "restricted.h"

int restricted_env(void)
{
	const char *v = getenv("WERKBEZOEK_RESTRICTED");

	return v && *v && strcmp(v, "0") != 0;
}
