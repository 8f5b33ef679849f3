/* Unit tests for watch.c: a change of a corpus file is noticed, by
 * inotify and by polling alike, and what the loader does not read (other
 * files, names starting with a dot, a one-file corpus's neighbours) is
 * not a change.  Every step is a write the test makes itself, in a
 * scratch directory. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../tap.h"
#include "buf.h"
#include "watch.h"

static char dir[] = "/tmp/wb-watch-XXXXXX";

static const char *at(const char *name)
{
	static struct buf b;

	buf_reset(&b);
	buf_printf(&b, "%s/%s", dir, name);
	return b.data;
}

static void write_file(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");

	if (!f) {
		perror(name);
		exit(2);
	}
	fputs(text, f);
	fclose(f);
}

/* Replaced by a rename, as sed -i and many editors write. */
static void rename_over(const char *name, const char *text)
{
	char tmp[64], *from;

	snprintf(tmp, sizeof(tmp), "tmp%d", (int)getpid());
	write_file(tmp, text);
	from = xstrdup(at(tmp));        /* at() has one buffer */
	rename(from, at(name));
	free(from);
}

static void run(enum watch_method how, const char *label)
{
	struct watch *w;
	char *path;

	write_file("a.xml", "<TEI/>");
	write_file("notes.txt", "n");
	w = watch_new(dir, how);
	ok(w != NULL, "%s: watching a directory", label);
	if (!w)
		return;
	printf("# %s: method %s\n", label, watch_method_name(w));
	ok(!watch_changed(w), "%s: nothing changed yet", label);
	write_file("a.xml", "<TEI>changed</TEI>");
	ok(watch_changed(w), "%s: a corpus file written is a change", label);
	ok(!watch_changed(w), "%s: and only once", label);
	write_file("notes.txt", "not a corpus file");
	ok(!watch_changed(w), "%s: another file is not a change", label);
	write_file(".hidden.xml", "<TEI/>");
	ok(!watch_changed(w), "%s: a name starting with a dot is not read, nor watched", label);
	rename_over("a.xml", "<TEI>renamed over</TEI>");
	ok(watch_changed(w), "%s: a file replaced by a rename is a change", label);
	mkdir(at("sub"), 0700);
	write_file("sub/b.xml", "<TEI/>");
	ok(watch_changed(w), "%s: a new directory with a file is a change", label);
	write_file("sub/b.xml", "<TEI>in the new directory</TEI>");
	ok(watch_changed(w), "%s: and its files are watched from then on", label);
	unlink(at("sub/b.xml"));
	ok(watch_changed(w), "%s: a file deleted is a change", label);
	watch_free(w);

	/* a one-file corpus: that file, not its neighbours */
	path = xstrdup(at("a.xml"));
	w = watch_new(path, how);
	ok(w != NULL, "%s: watching a file", label);
	write_file("other.xml", "<TEI>next door</TEI>");
	ok(!watch_changed(w), "%s: one-file corpus: a neighbour is not a change", label);
	rename_over("a.xml", "<TEI>the file itself, longer</TEI>");
	ok(watch_changed(w), "%s: one-file corpus: the file replaced is a change", label);
	watch_free(w);
	free(path);
	unlink(at("other.xml"));
	unlink(at(".hidden.xml"));
	rmdir(at("sub"));
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	ok(watch_new(at("no-such-corpus"), WATCH_AUTO) == NULL, "a path that is not there: NULL");
	run(WATCH_AUTO, "auto");
	run(WATCH_POLL, "poll");
	unlink(at("a.xml"));
	unlink(at("notes.txt"));
	rmdir(dir);
	return done_testing();
}
