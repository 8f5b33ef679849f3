/* settings.c: the config file's lines (settings.h): bind, color and set,
 * and reading a file of them with file:line errors. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "keys.h"
#include "render.h"
#include "settings.h"

#define MAX_WORDS 8
#define MAX_LINE 4096

static const struct {
	const char *name;
	short colour;
} colours[] = {
	{ "default", -1 }, { "black", COLOR_BLACK }, { "red", COLOR_RED },
	{ "green", COLOR_GREEN }, { "yellow", COLOR_YELLOW }, { "blue", COLOR_BLUE },
	{ "magenta", COLOR_MAGENTA }, { "cyan", COLOR_CYAN }, { "white", COLOR_WHITE },
};

static const struct {
	const char *name;
	attr_t attr;
} attrs[] = {
	{ "bold", A_BOLD }, { "underline", A_UNDERLINE }, { "reverse", A_REVERSE },
	{ "dim", A_DIM }, { "normal", A_NORMAL },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Splits s (changed) at blanks into at most MAX_WORDS words; the count. */
static size_t split(char *s, char **w)
{
	size_t n = 0;

	while (n < MAX_WORDS) {
		s += strspn(s, " \t\r");
		if (!*s)
			break;
		w[n++] = s;
		s += strcspn(s, " \t\r");
		if (*s)
			*s++ = '\0';
	}
	return n;
}

static int colour_of(const char *name, short *out)
{
	size_t i;
	char *end;
	long v;

	for (i = 0; i < N(colours); i++)
		if (strcmp(colours[i].name, name) == 0) {
			*out = colours[i].colour;
			return 1;
		}
	errno = 0;
	v = strtol(name, &end, 10);
	if (errno || *end || end == name || v < -1 || v > 255)
		return 0;
	*out = (short)v;
	return 1;
}

static int attr_of(const char *name, attr_t *out)
{
	size_t i;

	for (i = 0; i < N(attrs); i++)
		if (strcmp(attrs[i].name, name) == 0) {
			*out |= attrs[i].attr;
			return 1;
		}
	return 0;
}

static int do_bind(char **w, size_t n, struct buf *err)
{
	enum request req;
	int key;

	if (n != 3) {
		buf_adds(err, "bind wants a key and a request: bind j move-down");
		return 0;
	}
	if (!keys_parse(w[1], &key)) {
		buf_printf(err, "no key named '%s' (j, Space, C-l, PgDn, F1 ...)", w[1]);
		return 0;
	}
	req = strcmp(w[2], "none") == 0 ? REQ_NONE : keys_request_by_name(w[2]);
	if (req == REQ_NONE && strcmp(w[2], "none") != 0) {
		buf_printf(err, "no request named '%s' (werkbezoek --keys lists them)", w[2]);
		return 0;
	}
	keys_bind(key, req);
	return 1;
}

static int do_color(char **w, size_t n, struct buf *err)
{
	enum style st;
	short fg = -1, bg = -1;
	attr_t a = 0;
	size_t i = 2;

	if (n < 3) {
		buf_adds(err, "color wants a style and a colour: color hit black yellow");
		return 0;
	}
	if ((st = render_style_by_name(w[1])) == STYLE_COUNT) {
		buf_printf(err, "no style named '%s'", w[1]);
		return 0;
	}
	if (colour_of(w[i], &fg))
		i++;
	if (i < n && colour_of(w[i], &bg))
		i++;
	for (; i < n; i++)
		if (!attr_of(w[i], &a)) {
			buf_printf(err, "'%s' is no colour or attribute", w[i]);
			return 0;
		}
	render_set_style(st, fg, bg, a);
	return 1;
}

static int do_set(const struct config_ops *ops, char **w, size_t n, struct buf *err)
{
	char *value;

	if (n != 2) {
		buf_adds(err, "set wants one option: set fold, set width=100");
		return 0;
	}
	value = strchr(w[1], '=');
	if (value)
		*value++ = '\0';
	if (!ops || !ops->set) {
		buf_printf(err, "no option '%s' here", w[1]);
		return 0;
	}
	return ops->set(ops->arg, w[1], value, err);
}

int config_line(const struct config_ops *ops, const char *line, struct buf *err)
{
	char *copy = xstrdup(line), *w[MAX_WORDS];
	size_t n = split(copy, w);
	int ok = 1;

	if (!n || w[0][0] == '#')
		ok = 1;
	else if (strcmp(w[0], "bind") == 0)
		ok = do_bind(w, n, err);
	else if (strcmp(w[0], "color") == 0 || strcmp(w[0], "colour") == 0)
		ok = do_color(w, n, err);
	else if (strcmp(w[0], "set") == 0)
		ok = do_set(ops, w, n, err);
	else {
		buf_printf(err, "unknown command '%s' (bind, color, set)", w[0]);
		ok = 0;
	}
	free(copy);
	return ok;
}

int config_source(const struct config_ops *ops, const char *path, struct buf *errors)
{
	FILE *fp = fopen(path, "r");
	struct buf line = BUF_INIT, err = BUF_INIT;
	long lineno = 0;
	int ch = 0, bad = 0;

	if (!fp) {
		buf_printf(errors, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while (ch != EOF) {
		buf_reset(&line);
		buf_grow(&line, 0);
		while ((ch = getc(fp)) != EOF && ch != '\n')
			if (line.len < MAX_LINE)
				buf_addc(&line, (char)ch);
		lineno++;
		buf_reset(&err);
		if (!config_line(ops, line.data, &err)) {
			buf_printf(errors, "%s:%ld: %s\n", path, lineno, err.data ? err.data : "wrong");
			bad++;
		}
	}
	fclose(fp);
	buf_free(&line);
	buf_free(&err);
	return bad;
}

char *config_path(const char *option, int *named)
{
	const char *env = getenv("WERKBEZOEK_CONFIG"), *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct buf b = BUF_INIT;

	*named = 1;
	if (option)
		return xstrdup(option);
	if (env && *env)
		return xstrdup(env);
	*named = 0;
	if (xdg && *xdg == '/')
		buf_printf(&b, "%s/werkbezoek/config", xdg);
	else if (home && *home)
		buf_printf(&b, "%s/.config/werkbezoek/config", home);
	else
		return NULL;
	return buf_steal(&b);
}
