/* keys.h: the request table.
 *
 * Every action a key can trigger is a request, listed once in REQUESTS:
 * its name, the help text, and the group it is shown under.  The enum,
 * the help screen and the name lookup are made from the list; the default
 * bindings are a table in keys.c.  Panes handle requests, never raw keys
 * (apart from text typed into a prompt). */
#ifndef WB_KEYS_H
#define WB_KEYS_H

#include <stddef.h>

#define REQUESTS(REQ_) \
	REQ_(HELP,          "Show this help",                              "General") \
	REQ_(QUIT,          "Close the help, an entity page or list, the history; else quit", "General") \
	REQ_(QUIT_NOW,      "Quit at once, from anywhere",                 "General") \
	REQ_(CANCEL,        "Cancel a prompt or a running search (never quits)", "General") \
	REQ_(INFO,          "Say what the reader shows: id, file, date, size, position", "General") \
	REQ_(COMMAND,       "Command line (:open, :entity, :search, :path, :xpath, :N, :info, :set, :source, :history, :quit)", "General") \
	REQ_(FOCUS_DOCUMENTS, "Focus the Documents pane",                  "Panes") \
	REQ_(FOCUS_READER,  "Focus the Reader pane",                       "Panes") \
	REQ_(FOCUS_ENTITIES, "Focus the Entities pane",                    "Panes") \
	REQ_(FOCUS_RESULTS, "Focus the Results pane",                      "Panes") \
	REQ_(FOCUS_NEXT,    "Focus the next pane",                         "Panes") \
	REQ_(MAXIMIZE,      "Maximise the focused pane, or restore (the reader alone scrolls as less does)", "Panes") \
	REQ_(REDRAW,        "Redraw the screen",                           "Panes") \
	REQ_(FACETS,        "Documents: facets by year, type, place, person, org … (Enter toggles, & finds; again: the list); Entities: only those in search results", "Panes") \
	REQ_(FACETS_CLEAR,  "Documents: clear the facets",                 "Panes") \
	REQ_(MOVE_DOWN,     "Move down one line",                          "Moving") \
	REQ_(MOVE_UP,       "Move up one line",                            "Moving") \
	REQ_(PAGE_DOWN,     "Move down one page",                          "Moving") \
	REQ_(PAGE_UP,       "Move up one page",                            "Moving") \
	REQ_(HALF_DOWN,     "Move down half a page",                       "Moving") \
	REQ_(HALF_UP,       "Move up half a page",                         "Moving") \
	REQ_(FIRST,         "Go to the first line",                        "Moving") \
	REQ_(LAST,          "Go to the last line",                         "Moving") \
	REQ_(ENTER,         "Open the selected item or link",              "Moving") \
	REQ_(NEXT_LINK,     "Select the next link in the reader",          "Links and history") \
	REQ_(PREV_LINK,     "Select the previous link in the reader",      "Links and history") \
	REQ_(HINTS,         "Label every visible link; type a label to follow it", "Links and history") \
	REQ_(SOURCE,        "Show the TEI XML under the page, or its text again", "Links and history") \
	REQ_(BACK,          "Back to the previous page",                   "Links and history") \
	REQ_(FORWARD,       "Forward again",                               "Links and history") \
	REQ_(PATH_TO,       "On an entity's page: :path from it, the other entity to type (Tab completes)", "Links and history") \
	REQ_(MARK,          "m x: set mark x (a-z) here",                  "Links and history") \
	REQ_(GOTO_MARK,     "' x: go to mark x; '': back to before the last jump", "Links and history") \
	REQ_(SEARCH,        "Search the whole corpus (regex, as you type)", "Searching") \
	REQ_(SEARCH_NEXT,   "Next search hit, across documents",           "Searching") \
	REQ_(SEARCH_PREV,   "Previous search hit, across documents",       "Searching") \
	REQ_(CLEAR,         "Hide the search highlighting (n, N bring it back); leave the help", "Searching") \
	REQ_(FILTER,        "Filter the focused list by typing",           "Searching") \
	REQ_(SORT,          "Next order (Entities: name, mentions; Results: doc, match, left/right word 1-3, count)", "Searching") \
	REQ_(EDIT,          "Open the file at this line in $VISUAL or $EDITOR; load it again after", "The corpus on disk") \
	REQ_(RELOAD,        "Load the corpus again from its files",        "The corpus on disk")

#define REQ_ENUM(name, help, group) REQ_##name,
enum request {
	REQ_NONE,
	REQUESTS(REQ_ENUM)
	REQ_COUNT
};
#undef REQ_ENUM

struct buf;

struct key_binding {
	int key;                  /* a curses key code or a character */
	enum request request;
};

/* The request bound to key (a binding made with keys_bind first, then the
 * defaults), or REQ_NONE. */
enum request keys_request(int key);
/* Binds key to req (REQ_NONE unbinds it), over the default; for the
 * config file's bind. */
void keys_bind(int key, enum request req);
/* Forgets every keys_bind. */
void keys_unbind_all(void);
/* The request named name ("MOVE_DOWN", "move-down", any case), or
 * REQ_NONE. */
enum request keys_request_by_name(const char *name);
/* The key named name as the help names keys ("j", "Space", "C-l", "PgDn",
 * "F1", "Esc"); returns 0 for a name that is no key. */
int keys_parse(const char *name, int *key);
const char *keys_request_name(enum request req);   /* "MOVE_DOWN" */
const char *keys_request_help(enum request req);
const char *keys_request_group(enum request req);
/* The keys bound to req, as text: "j, Down". Borrowed, static. */
const char *keys_for(enum request req);
/* Appends a key's name as the help shows it: "j", "Space", "PgDn", "C-l". */
void keys_name(struct buf *out, int key);
/* Appends the names of keys[0..n), comma-separated, each name once (Enter
 * is three keys): "Enter, l, Right". */
void keys_names(struct buf *out, const int *keys, size_t n);

/* The whole table, one request a row, in the request table's order: what
 * --keys prints and what the documentation's key sections are made of. */
enum keys_format {
	KEYS_PLAIN,             /* keys TAB help, a line each (--keys) */
	KEYS_MARKDOWN,          /* one table: | keys | does | (the README) */
	KEYS_MARKDOWN_GROUPED,  /* a "## group" heading and table per group */
	KEYS_MAN                /* .TP paragraphs (werkbezoek.1) */
};
/* Appends the table to out. */
void keys_table(struct buf *out, enum keys_format fmt);

#endif
