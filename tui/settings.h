/* settings.h: the config file, a small line format as tigrc and lesskey
 * have, and :source and :set, which read the same lines.
 *
 *   # a comment
 *   bind KEY REQUEST          bind j move-down; bind C-d half-down; bind x none
 *   color STYLE FG [BG] [ATTR...]   color hit black yellow; color person cyan bold
 *   set OPTION[=VALUE]        set fold; set noignorecase; set width=100; set nomouse
 *
 * KEY is a key as the help names it (j, Space, C-l, PgDn, F1); REQUEST a
 * request of the key table (--keys), or none; STYLE one of render.c's
 * style names; FG and BG a colour name (default, black, red, green,
 * yellow, blue, magenta, cyan, white) or number; ATTR bold, underline,
 * reverse, dim.  The options are the loop's (config_ops.set).
 *
 * The file read is --config FILE, else $WERKBEZOEK_CONFIG, else
 * $XDG_CONFIG_HOME/werkbezoek/config (~/.config/werkbezoek/config). */
/* (Not config.h: that name is the build's configuration header.) */
#ifndef WB_SETTINGS_H
#define WB_SETTINGS_H

struct buf;

/* What set does: the loop's options.  set returns 0 with a message in
 * err for an unknown option or a bad value. */
struct config_ops {
	int (*set)(void *arg, const char *name, const char *value, struct buf *err);
	void *arg;
};

/* One line (a comment and a blank line do nothing).  Returns 0 with a
 * message in err for a line that is wrong; what was right in it is not
 * undone, nothing else is. */
int config_line(const struct config_ops *ops, const char *line, struct buf *err);
/* Reads the file at path: each wrong line is reported in errors as
 * "path:N: message", a line each.  Returns the number of wrong lines, or
 * -1 when the file cannot be read (the reason in errors). */
int config_source(const struct config_ops *ops, const char *path, struct buf *errors);
/* The file to read: option (--config), else $WERKBEZOEK_CONFIG, else the
 * XDG one; caller frees; NULL without a home.  *named says it was named
 * (an option or the variable), when a missing file is an error. */
char *config_path(const char *option, int *named);

#endif
