/* standalone.c: a main() for the fuzz targets when built without
 * libFuzzer (-DFUZZ_STANDALONE), so the regression inputs run under
 * make check with any compiler.
 *
 * Each argument is a file or a directory of files (a seed corpus).
 * Without arguments it reads the files of $top_srcdir/tests/fuzz/regressions
 * whose names begin with the target's FUZZ_PREFIX ("load-" …), so the
 * program can be one of make check's TESTS.  Each file is given to LLVMFuzzerTestOneInput once.
 * A crash or a sanitizer report ends the program, which fails the test;
 * otherwise it prints a TAP line per input.  Included by the targets, not
 * compiled on its own, so each target stays one translation unit. */
#ifdef FUZZ_STANDALONE

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* LLVMFuzzerTestOneInput is the including target's. */
static int standalone_ran;

static int standalone_run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t len = 0, cap = 0, n;

	if (!fp) {
		printf("not ok %d - %s: cannot open\n", ++standalone_ran, path);
		return 1;
	}
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			data = realloc(data, cap);
			if (!data) {
				fclose(fp);
				fputs("out of memory\n", stderr);
				exit(2);
			}
		}
		n = fread(data + len, 1, cap - len, fp);
		if (n == 0)
			break;
		len += n;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	printf("ok %d - %s\n", ++standalone_ran, path);
	fflush(stdout);
	return 0;
}

static int standalone_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files of a directory whose names begin with prefix, in
 * name order, so runs repeat. */
static int standalone_run_dir(const char *dir, const char *prefix)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	int bad = 0;

	if (!dp)
		return standalone_run_file(dir);
	while ((de = readdir(dp)) != NULL) {
		size_t need = strlen(dir) + strlen(de->d_name) + 2;
		struct stat st;
		char *p;

		if (de->d_name[0] == '.' ||
		    strncmp(de->d_name, prefix, strlen(prefix)) != 0)
			continue;
		p = malloc(need);
		names = realloc(names, (n + 1) * sizeof *names);
		if (!p || !names) {
			fputs("out of memory\n", stderr);
			exit(2);
		}
		snprintf(p, need, "%s/%s", dir, de->d_name);
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		names[n++] = p;
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, standalone_cmp);
	for (i = 0; i < n; i++) {
		bad |= standalone_run_file(names[i]);
		free(names[i]);
	}
	free(names);
	return bad;
}

int main(int argc, char **argv)
{
	struct stat st;
	int i, bad = 0;

	if (argc < 2) {
		const char *top = getenv("top_srcdir");
		size_t need = strlen(top ? top : ".") + sizeof "/tests/fuzz/regressions";
		char *dir = malloc(need);

		if (!dir)
			return 2;
		snprintf(dir, need, "%s/tests/fuzz/regressions", top ? top : ".");
		bad = standalone_run_dir(dir, FUZZ_PREFIX);
		free(dir);
		printf("1..%d\n", standalone_ran);
		return bad;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			bad |= standalone_run_dir(argv[i], "");
		else
			bad |= standalone_run_file(argv[i]);
	}
	printf("1..%d\n", standalone_ran);
	return bad;
}

#endif
