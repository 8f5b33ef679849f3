/* session.h: the session saved on quit and restored on the next start:
 * the page and position, the back/forward list, the last jump, the marks,
 * the search history, the search that was active with its current hit,
 * and the facet values selected in the Documents pane.
 *
 * The file is $XDG_STATE_HOME/werkbezoek/session (default
 * ~/.local/state/werkbezoek/session), plain text, one record a line, ids
 * and patterns percent-escaped.  A place is "TAG KIND ID BLOCK OFF", and
 * "LINK LINK_OFF" after them when a link was selected there (a file of an
 * older version, without them, still loads).  A facet is "facet WHAT KEY",
 * WHAT one of year, type, entity (facets_key); a file without facet lines
 * selects none.  It is written to a temporary file in the
 * same directory and renamed over the old one, so a crash never leaves
 * half a file.  No terminal code here. */
#ifndef WB_SESSION_H
#define WB_SESSION_H

#include <stddef.h>

#include "history.h"

/* Which session file was read: a save compares it with the file there
 * now, to notice another instance that saved in between. */
struct session_stamp {
	int known;                  /* a file was read (or none was there) */
	long long dev, ino, size, mtime_ns;
};

struct session_facet {
	char *what, *key;           /* as facets_key names a value; owned */
};

struct session {
	struct session_stamp loaded; /* set by session_load, read by save */
	struct location page;       /* where the reader is */
	struct history_list hist;
	char **searches;            /* oldest first */
	size_t nsearches, capsearches;
	char *active;               /* the search active on quit, or NULL; owned */
	size_t active_hit;          /* its current hit + 1; 0: none */
	struct session_facet *facets;   /* selected facet values, in list order */
	size_t nfacets, capfacets;
};

void session_init(struct session *s);
void session_free(struct session *s);
void session_add_search(struct session *s, const char *pattern);
/* Adds a selected facet value (copied); what is "year", "type" or
 * "entity". */
void session_add_facet(struct session *s, const char *what, const char *key);
/* Sets the active search (copied; NULL: none) and its current hit + 1. */
void session_set_active(struct session *s, const char *pattern, size_t hit_plus_one);

/* The session file's path (caller frees), or NULL without a home. */
char *session_path(void);
/* Writes s to path, creating its directory (0700).  When s->loaded is
 * known and the file there is no longer the one read (another instance
 * saved since), s still replaces it, the later session being the newer,
 * and 1 is returned with a note saying so in *error (caller frees).  A directory that is
 * not the user's or that others can write is refused; the new file is
 * made with mkstemp beside path, synced, then renamed over it.  Returns
 * 0, or -1 with a message in *error (caller frees). */
int session_save(const char *path, const struct session *s, char **error);
/* Reads path into s (initialised).  Returns 1 when read, 0 when there is
 * no file, -1 for an unreadable or corrupt one, one that is not a regular
 * file (a FIFO is not waited on) or bigger than 1 MiB, with a message in
 * *error (caller frees); s is then left empty. */
int session_load(const char *path, struct session *s, char **error);
/* Drops what names a page that exists no longer (exists returns 0: a
 * document or entity gone from the corpus since the session was saved):
 * history entries, with pos moved to the nearest earlier entry kept; the
 * last jump, marks and page are cleared. */
void session_keep(struct session *s, int (*exists)(const struct location *l, void *arg),
		  void *arg);

#endif
