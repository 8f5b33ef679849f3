/* ui_options.c: the loop's options: set NAME[=VALUE] from :set, :source
 * and the config file (settings.c reads the lines). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pane_reader.h"
#include "settings.h"
#include "ui_impl.h"

/* set NAME[=VALUE]: fold, ignorecase (its opposite is smart case), width=N
 * (the reader's widest line; 0: the pane's), each with no in front to
 * turn it off. */
static int set_option(void *arg, const char *name, const char *value, struct buf *err)
{
	struct ui *u = arg;
	unsigned *f = &u->search.flags;
	int on = strncmp(name, "no", 2) != 0;
	const char *base = on ? name : name + 2;
	char *end;
	long n;

	if (strcmp(base, "fold") == 0 && !value) {
		*f = on ? *f | SEARCH_FOLD : *f & ~(unsigned)SEARCH_FOLD;
	} else if (strcmp(base, "ignorecase") == 0 && !value) {
		*f &= ~(unsigned)(SEARCH_CASELESS | SEARCH_SMARTCASE);
		*f |= on ? SEARCH_CASELESS : SEARCH_SMARTCASE;
	} else if (strcmp(base, "mouse") == 0 && !value) {
		u->mouse = on;
		terminal_mouse(on);
	} else if (on && strcmp(base, "width") == 0 && value) {
		n = strtol(value, &end, 10);
		if (*end || end == value || n < 0 || n > 10000) {
			buf_printf(err, "width wants a number of columns, 0 for no limit: '%s'", value);
			return 0;
		}
		u->max_width = (int)n;
		reader_set_max_width(reader(u), u->max_width);
	} else {
		buf_printf(err, "no option '%s' (fold, ignorecase, mouse, width=N; no in front: off)",
			   name);
		return 0;
	}
	return 1;
}

/* :set and :source: a config line, or a file of them. */
void ui_config_command(struct ui *u, const char *line)
{
	struct config_ops ops = { set_option, u };
	struct buf err = BUF_INIT;
	const char *file = line + strspn(line, " ");
	int bad;

	if (strncmp(file, "source", 6) == 0 && (file[6] == ' ' || !file[6])) {
		file += 6 + strspn(file + 6, " ");
		if (u->restricted) {
			/* a path the reader names is no part of the corpus */
			message_set(&u->status, 1, "restricted mode: no :source");
			return;
		}
		bad = *file ? config_source(&ops, file, &err) : -1;
		if (!*file)
			message_set(&u->status, 1, "source wants a file: :source ~/my-keys");
		else if (bad)
			message_set(&u->status, 1, "%.*s%s", (int)strcspn(err.data, "\n"), err.data,
				    bad > 1 ? " (and more)" : "");
		else
			message_set(&u->status, 0, "read %s", file);
	} else if (!config_line(&ops, line, &err)) {
		message_set(&u->status, 1, "%s", err.data ? err.data : "wrong");
	}
	buf_free(&err);
}

/* The config file at the start: errors in the status line, the first
 * with file:line (a file not named is not missed). */
void ui_load_config(struct ui *u, const char *option)
{
	struct config_ops ops = { set_option, u };
	struct buf err = BUF_INIT;
	int named, bad;
	char *path = config_path(option, &named);
	FILE *fp;

	if (!path)
		return;
	if (!named && (fp = fopen(path, "r")) == NULL) {
		free(path);
		return;
	}
	if (!named)
		fclose(fp);
	bad = config_source(&ops, path, &err);
	if (bad)
		message_set(&u->status, 1, "%.*s%s", (int)strcspn(err.data, "\n"), err.data,
			    bad > 1 ? " (and more)" : "");
	buf_free(&err);
	free(path);
}

