/* Unit tests for session.c: the session file's round trip, its atomic
 * write, a corrupt file reported and ignored, the cap on a long history,
 * and dropping what names pages that are gone. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include "../tap.h"
#include "buf.h"
#include "session.h"

/* A string literal and its length, NUL bytes inside included. */
#define LIT(s) s, sizeof(s) - 1

static char dir[64];

static char *path_in(const char *name)
{
	struct buf b = BUF_INIT;

	buf_printf(&b, "%s/%s", dir, name);
	return buf_steal(&b);
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *fp = fopen(path, "wb");

	if (!fp || fwrite(text, 1, len, fp) != len || fclose(fp) != 0) {
		perror(path);
		exit(2);
	}
}

static char *read_file(const char *path)
{
	struct buf b = BUF_INIT;
	FILE *fp = fopen(path, "rb");
	int ch;

	if (!fp)
		return NULL;
	while ((ch = getc(fp)) != EOF)
		buf_addc(&b, (char)ch);
	fclose(fp);
	return b.data ? buf_steal(&b) : calloc(1, 1);
}

/* Temporary files in d: names that start with "session." */
static int leftovers(const char *d)
{
	DIR *dp = opendir(d);
	struct dirent *e;
	int n = 0;

	if (!dp)
		return -1;
	while ((e = readdir(dp)) != NULL) {
		size_t len = strlen(e->d_name);

		n += len > 8 && strncmp(e->d_name, "session.", 8) == 0;
	}
	closedir(dp);
	return n;
}

static int same(const struct location *a, const struct location *b)
{
	return a->kind == b->kind && location_same_page(a, b) && a->block == b->block &&
	       a->off == b->off && a->link == b->link && a->link_off == b->link_off;
}

/* Corpus of the keep test: documents whose id starts with "gone" are gone. */
static int exists(const struct location *l, void *arg)
{
	(*(int *)arg)++;
	return !(l->id && strncmp(l->id, "gone", 4) == 0);
}

static void add_item(struct session *s, const char *id, size_t block)
{
	s->hist.items = xgrow(s->hist.items, &s->hist.cap, s->hist.n + 1, sizeof(*s->hist.items));
	memset(&s->hist.items[s->hist.n], 0, sizeof(*s->hist.items));
	location_copy(&s->hist.items[s->hist.n++], &(struct location){ LOC_DOC, id, block, 0 });
}

/* Loads text as a session file; the return value, *s filled. */
static int load_text(const char *text, size_t len, struct session *s, char **error)
{
	char *p = path_in("text");
	int rc;

	write_file(p, text, len);
	session_init(s);
	rc = session_load(p, s, error);
	free(p);
	return rc;
}

static void test_corrupt(const char *name, const char *text, size_t len, const char *where)
{
	struct session s;
	char *error = NULL;
	int rc = load_text(text, len, &s, &error);

	is_int(rc, -1, "corrupt (%s): reported", name);
	ok(error && strstr(error, where) && strstr(error, "not a werkbezoek session file"),
	   "corrupt (%s): the message names %s", name, where);
	ok(s.hist.n == 0 && s.nsearches == 0 && s.page.kind == LOC_NONE &&
	   s.hist.last_jump.kind == LOC_NONE && s.hist.marks[0].kind == LOC_NONE,
	   "corrupt (%s): nothing of it is applied", name);
	if (error && !strstr(error, where))
		printf("#   got \"%s\"\n", error);
	free(error);
	session_free(&s);
}

int main(void)
{
	struct session s, t;
	struct location page = { LOC_DOC, "2014 tinten%é", 3, 17, 5, 40 };
	char *path, *error = NULL, *text, *p, *second;
	struct stat st1, st2;
	struct buf big = BUF_INIT;
	size_t i;
	int rc, calls = 0, fine;

	snprintf(dir, sizeof(dir), "%s/wb-session.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}

	/* session_path */
	setenv("XDG_STATE_HOME", "/state", 1);
	p = session_path();
	is_str(p, "/state/werkbezoek/session", "the path is under $XDG_STATE_HOME");
	free(p);
	setenv("XDG_STATE_HOME", "relative", 1);
	setenv("HOME", "/home/x", 1);
	p = session_path();
	is_str(p, "/home/x/.local/state/werkbezoek/session", "a relative XDG_STATE_HOME is ignored");
	free(p);
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	ok(session_path() == NULL, "no home: no path");

	/* the round trip */
	session_init(&s);
	location_copy(&s.page, &page);
	add_item(&s, "a", 1);
	add_item(&s, "b b", 2);
	s.hist.items = xgrow(s.hist.items, &s.hist.cap, s.hist.n + 1, sizeof(*s.hist.items));
	memset(&s.hist.items[s.hist.n], 0, sizeof(*s.hist.items));
	location_copy(&s.hist.items[s.hist.n++],
		      &(struct location){ LOC_ENTITY, "p-aly", 0, 0, 12, 3 });
	add_item(&s, "c", 0);
	s.hist.items[s.hist.n - 1].kind = LOC_HELP;
	free_const(s.hist.items[s.hist.n - 1].id);
	s.hist.items[s.hist.n - 1].id = NULL;
	s.hist.pos = 1;
	location_copy(&s.hist.last_jump, &(struct location){ LOC_DOC, "a", 9, 1 });
	location_copy(&s.hist.marks[0], &(struct location){ LOC_DOC, "a", 4, 2, 1, 0 });
	location_copy(&s.hist.marks[25], &(struct location){ LOC_HISTORY, NULL, 0, 0 });
	location_copy(&s.hist.marks[2], &(struct location){ LOC_URL, "http://x.example/a b", 0, 0 });
	location_copy(&s.hist.marks[3], &(struct location){ LOC_YEAR, "1890", 2, 0, 3, 0 });
	location_copy(&s.hist.marks[4], &(struct location){ LOC_WITH, "p-aly", 0, 0, 4, 11 });
	session_add_search(&s, "mantel zorg");
	session_add_search(&s, "100%\tline\nbreak");
	session_add_search(&s, "");
	session_add_search(&s, "cliënten|één");
	session_set_active(&s, "mantel\tzorg", 3);
	session_add_facet(&s, "year", "2014");
	session_add_facet(&s, "entity", "person:kees de boer");

	path = path_in("state/werkbezoek/session");
	rc = session_save(path, &s, &error);
	is_int(rc, 0, "save: done");
	ok(error == NULL, "save: no message");
	ok(stat(path, &st1) == 0, "save makes the directories it needs");
	p = path_in("state/werkbezoek");
	ok(stat(p, &st2) == 0 && (st2.st_mode & 0777) == 0700, "which are private (0700)");
	is_int(leftovers(p), 0, "save leaves no temporary file");
	free(p);
	text = read_file(path);
	ok(text && strncmp(text, "werkbezoek-session 1\n", 21) == 0, "the file starts with its version");
	ok(text && !strstr(text, "\t") && !strstr(text, "mantel zorg"), "blanks in ids and patterns are escaped");
	free(text);

	session_init(&t);
	rc = session_load(path, &t, &error);
	is_int(rc, 1, "load: read");
	ok(error == NULL, "load: no message");
	ok(same(&t.page, &page), "round trip: the page and position");
	is_int(t.hist.n, s.hist.n, "round trip: the history's length");
	fine = t.hist.n == s.hist.n;
	for (i = 0; fine && i < s.hist.n; i++)
		fine = same(&t.hist.items[i], &s.hist.items[i]);
	ok(fine, "round trip: every history entry, kind, id and position");
	is_int(t.hist.pos, 1, "round trip: where in the history");
	ok(same(&t.hist.last_jump, &s.hist.last_jump), "round trip: the last jump");
	fine = 1;
	for (i = 0; i < MARKS; i++)
		fine = fine && same(&t.hist.marks[i], &s.hist.marks[i]);
	ok(fine, "round trip: the marks, a link outside the corpus and list pages included");
	is_int(t.nsearches, 4, "round trip: the searches");
	if (t.nsearches == 4) {
		is_str(t.searches[0], "mantel zorg", "a search with a space");
		is_str(t.searches[1], "100%\tline\nbreak", "a search with %%, a tab and a newline");
		is_str(t.searches[2], "", "an empty search");
		is_str(t.searches[3], "cliënten|één", "a search in UTF-8");
	}
	is_str(t.active, "mantel\tzorg", "round trip: the active search");
	is_int(t.active_hit, 3, "round trip: its current hit");
	is_int(t.nfacets, 2, "round trip: the facets");
	if (t.nfacets == 2) {
		ok(strcmp(t.facets[0].what, "year") == 0 &&
		   strcmp(t.facets[0].key, "2014") == 0, "a year facet");
		ok(strcmp(t.facets[1].what, "entity") == 0 &&
		   strcmp(t.facets[1].key, "person:kees de boer") == 0,
		   "an entity facet, its id with spaces");
	}
	session_free(&t);

	/* atomic: a new file renamed over the old, which a reader holding the
	 * old one keeps whole */
	second = path_in("old-session");
	ok(link(path, second) == 0, "a second name for the saved file");
	text = read_file(path);
	session_add_search(&s, "another");
	is_int(session_save(path, &s, &error), 0, "save again");
	stat(path, &st2);
	ok(st1.st_ino != st2.st_ino, "atomic: the file is a new one, renamed into place");
	p = read_file(second);
	ok(text && p && strcmp(text, p) == 0, "atomic: the old file was not written over");
	free(p);
	free(text);
	free(second);

	/* a failed save says so and leaves the old file */
	p = path_in("plain-file");
	write_file(p, "x", 1);
	free(p);
	p = path_in("plain-file/werkbezoek/session");
	is_int(session_save(p, &s, &error), -1, "save where a directory cannot be made: -1");
	ok(error && strstr(error, "cannot create"), "with a message");
	free(error);
	error = NULL;
	free(p);
	session_free(&s);

	/* missing and corrupt files */
	p = path_in("no-such-file");
	session_init(&t);
	is_int(session_load(p, &t, &error), 0, "no file: 0, no message");
	ok(error == NULL, "no file: no message");
	session_free(&t);
	free(p);
	test_corrupt("empty", LIT(""), ":1:");
	test_corrupt("another format", LIT("[session]\npage=a\n"), ":1:");
	test_corrupt("a bad line", LIT("werkbezoek-session 1\nhistory doc a 0 0\nsearch x\nfrobnicate\n"), ":4:");
	test_corrupt("a bad kind", LIT("werkbezoek-session 1\npage file a 0 0\n"), ":2:");
	test_corrupt("a short escape", LIT("werkbezoek-session 1\nsearch ab%4\n"), ":2:");
	test_corrupt("a bad number", LIT("werkbezoek-session 1\npage doc a 1x 0\n"), ":2:");
	test_corrupt("a NUL byte", LIT("werkbezoek-session 1\npage doc a\0 0 0\n"), ":2:");
	test_corrupt("a missing field", LIT("werkbezoek-session 1\nmark-a doc a 0\n"), ":2:");
	test_corrupt("half a selected link", LIT("werkbezoek-session 1\npage doc a 0 0 3\n"), ":2:");
	test_corrupt("a bad link", LIT("werkbezoek-session 1\npage doc a 0 0 3 x\n"), ":2:");
	test_corrupt("too many fields", LIT("werkbezoek-session 1\npage doc a 0 0 3 4 5\n"), ":2:");
	test_corrupt("an unknown facet kind", LIT("werkbezoek-session 1\nfacet colour red\n"), ":2:");
	test_corrupt("an empty facet key", LIT("werkbezoek-session 1\nfacet type %00\n"), ":2:");
	test_corrupt("a facet without its key", LIT("werkbezoek-session 1\nfacet type\n"), ":2:");
	test_corrupt("a mark outside a-z", LIT("werkbezoek-session 1\nmark-A doc a 0 0\n"), ":2:");

	/* an older file, its places without the selected link, loads with
	 * none selected; the new fields are read after them */
	rc = load_text(LIT("werkbezoek-session 1\npage doc a 7 9\nmark-b entity e 1 2 4 6\n"),
		       &t, &error);
	is_int(rc, 1, "an older file (no selected links): read");
	ok(t.page.kind == LOC_DOC && t.page.block == 7 && t.page.off == 9 && t.page.link == 0,
	   "an older place: its position, no link selected");
	is_int(t.nfacets, 0, "an older file (no facet lines): no facets selected");
	ok(t.hist.marks[1].kind == LOC_ENTITY && t.hist.marks[1].block == 1 &&
	   t.hist.marks[1].link == 4 && t.hist.marks[1].link_off == 6,
	   "a place with a selected link: block 3 (stored 4), offset 6");
	session_free(&t);

	/* a position past the end is the last entry; a file without a final
	 * newline is read */
	rc = load_text(LIT("werkbezoek-session 1\nhistory doc a 0 0\nhistory doc b 0 0\nposition 7"),
		       &t, &error);
	is_int(rc, 1, "no final newline: read");
	is_int(t.hist.pos, 1, "a position past the end is the last entry");
	session_free(&t);

	/* session-history-over-cap: a file with more history than the list
	 * holds made a list that never shrank again */
	buf_adds(&big, "werkbezoek-session 1\n");
	for (i = 0; i < HISTORY_MAX + 50; i++)
		buf_printf(&big, "history doc d%zu 0 0\n", i);
	buf_printf(&big, "position %d\n", HISTORY_MAX + 40);
	rc = load_text(big.data, big.len, &t, &error);
	is_int(rc, 1, "a long history: read");
	is_int(t.hist.n, HISTORY_MAX, "session-history-over-cap: at most HISTORY_MAX entries are kept");
	is_str(t.hist.n ? t.hist.items[0].id : NULL, "d50", "the newest ones");
	is_int(t.hist.pos, HISTORY_MAX - 10, "the position follows its entry");
	session_free(&t);
	buf_free(&big);

	/* what names pages that are gone is dropped */
	session_init(&s);
	add_item(&s, "gone-1", 0);
	add_item(&s, "a", 1);
	add_item(&s, "gone-2", 0);
	add_item(&s, "b", 2);
	add_item(&s, "gone-3", 0);
	s.hist.pos = 2;
	location_copy(&s.page, &(struct location){ LOC_DOC, "gone-4", 0, 0 });
	location_copy(&s.hist.last_jump, &(struct location){ LOC_DOC, "gone-5", 0, 0 });
	location_copy(&s.hist.marks[0], &(struct location){ LOC_DOC, "gone-6", 0, 0 });
	location_copy(&s.hist.marks[1], &(struct location){ LOC_DOC, "b", 3, 0 });
	session_keep(&s, exists, &calls);
	is_int(s.hist.n, 2, "gone documents leave the history");
	ok(s.hist.n == 2 && strcmp(s.hist.items[0].id, "a") == 0 && strcmp(s.hist.items[1].id, "b") == 0,
	   "the others keep their order");
	is_int(s.hist.pos, 0, "the position moves to the nearest earlier entry kept");
	is_int(s.page.kind, LOC_NONE, "a gone page is cleared");
	is_int(s.hist.last_jump.kind, LOC_NONE, "a gone last jump is cleared");
	ok(history_mark(&s.hist, 'a') == NULL, "a mark on a gone document is cleared");
	ok(history_mark(&s.hist, 'b') != NULL, "a mark on a document still there is kept");
	session_free(&s);
	session_init(&s);
	add_item(&s, "gone", 0);
	session_keep(&s, exists, &calls);
	ok(s.hist.n == 0 && s.hist.pos == 0, "nothing left: an empty history");
	session_free(&s);

	/* hardening: only a regular file of at most 1 MiB is read; a
	 * directory others can write, or not the user's, is refused */
	{
		char *fifo = path_in("fifo-session"), *bigf = path_in("big-session");
		char *sdir = path_in("state/werkbezoek");
		FILE *fp;

		ok(mkfifo(fifo, 0600) == 0, "a FIFO made");
		session_init(&t);
		rc = session_load(fifo, &t, &error);
		is_int(rc, -1, "a FIFO as the session file: refused, not waited on");
		ok(error && strstr(error, "not a regular file"), "a FIFO: the message says why");
		free(error);
		error = NULL;
		session_free(&t);
		fp = fopen(bigf, "w");
		fputs("werkbezoek-session 1\n", fp);
		for (i = 0; i < (1 << 20) / 8; i++)
			fputs("search x\n", fp);
		fclose(fp);
		session_init(&t);
		rc = session_load(bigf, &t, &error);
		is_int(rc, -1, "a session file over 1 MiB: refused");
		ok(error && strstr(error, "more than 1048576"), "over 1 MiB: the message says the bound");
		free(error);
		error = NULL;
		session_free(&t);
		ok(stat(path, &st1) == 0 && (st1.st_mode & 0777) == 0600, "the saved file is 0600");
		ok(stat(sdir, &st1) == 0 && (st1.st_mode & 0777) == 0700, "the state directory is 0700");
		chmod(sdir, 0777);
		session_init(&t);
		rc = session_save(path, &t, &error);
		is_int(rc, -1, "a state directory others can write: not saved");
		ok(error && strstr(error, "writable by others"), "the message says why");
		free(error);
		error = NULL;
		is_int(leftovers(sdir), 0, "and no temporary file made there");
		chmod(sdir, 0700);
		is_int(session_save(path, &t, &error), 0, "0700 again: saved");
		free(error);
		error = NULL;
		session_free(&t);
		free(fifo);
		free(bigf);
		free(sdir);
	}
	/* two instances: both read the file, B saves, then A: A notices the
	 * file changed since it read it, and its session (the later) is kept */
	{
		struct session a, b;

		session_init(&a);
		session_init(&b);
		ok(session_load(path, &a, &error) >= 0 && session_load(path, &b, &error) >= 0,
		   "two instances read the session");
		session_add_search(&b, "zoekb");
		is_int(session_save(path, &b, &error), 0, "B saves: the file is as B read it");
		session_add_search(&a, "zoeka");
		rc = session_save(path, &a, &error);
		is_int(rc, 1, "A saves after B: saved, with a note");
		ok(error && strstr(error, "changed since it was read"), "the note says the file changed");
		free(error);
		error = NULL;
		text = read_file(path);
		ok(text && strstr(text, "zoeka") && !strstr(text, "zoekb"), "A's session, the later, is kept");
		free(text);
		session_free(&a);
		session_free(&b);
		session_init(&a);
		is_int(session_save(path, &a, &error), 0, "a session that read no file: no note");
		free(error);
		error = NULL;
		session_free(&a);
	}

	free(path);
	p = path_in("");
	{
		/* remove what the test made */
		struct buf cmd = BUF_INIT;

		buf_printf(&cmd, "rm -rf '%s'", dir);
		if (system(cmd.data) != 0)
			printf("# could not remove %s\n", dir);
		buf_free(&cmd);
	}
	free(p);
	return done_testing();
}
