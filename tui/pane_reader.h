/* pane_reader.h: the Reader pane and its pages (pane_reader.c): a
 * document, an entity's page, the help, the history. */
#ifndef WB_PANE_READER_H
#define WB_PANE_READER_H

#include <stddef.h>

#include "action.h"
#include "location.h"
#include "pane_context.h"
#include "view.h"

extern const struct view_ops reader_ops;

/* The pane's own state for view_init; ctx is borrowed for the pane's
 * life.  view_free frees it. */
void *reader_new(const struct pane_context *ctx);

/* Shows document doc (corpus order) with byte off of block context lines
 * below the top. */
void reader_show_doc(struct view *v, size_t doc, size_t block, size_t off, size_t context);
/* The page and position shown, into out (its id then owned by out). */
void reader_location(struct view *v, struct location *out);
/* Shows location l, context lines kept above its position; 0 when l names
 * nothing in the corpus. */
int reader_show_location(struct view *v, const struct location *l, size_t context);
/* f: whether link labels are up, and a key typed while they are (-1 for a
 * key that is not a character); what the loop must do goes in act. */
int reader_hinting(struct view *v);
void reader_hint_key(struct view *v, int ch, struct action *act);
/* The page's title, for the status line (borrowed until the page changes). */
const char *reader_title(struct view *v);
/* Text is wrapped to at most cols columns (0: the pane's width), for
 * lines that read well on a wide terminal; the place is kept. */
void reader_set_max_width(struct view *v, int cols);
/* A click at (row, col) of the pane's text: a link there is followed
 * (its action in act); 0 when there is none. */
int reader_click(struct view *v, int row, int col, struct action *act);
/* What kind of page is shown: LOC_DOC, LOC_ENTITY, LOC_HELP, LOC_HISTORY,
 * or LOC_NONE before the first. */
enum location_kind reader_page_kind(struct view *v);
/* The document shown (corpus order), or (size_t)-1 for another page. */
size_t reader_doc(struct view *v);
/* Whether the reader shows the TEI source (the backslash key) instead of the text. */
int reader_showing_source(struct view *v);
/* The file and line of what is at the top of the reader: a document's
 * block, an entity's record, a line of the source view.  Returns the line
 * (from 1) with *file set (borrowed from the corpus), or 0 for a page
 * that is no file's (help, history, XPath matches). */
long reader_file_line(struct view *v, const char **file);
/* An entity page is shown with its first lines only (the first screen at
 * once, however many mentions it has); this builds the rest, as every
 * request to the reader does first.  Returns 1 when it built something
 * (the screen is to be drawn again), 0 when the page was complete. */
int reader_finish_page(struct view *v);
/* The (block, offset) at the top of the reader. */
void reader_position(struct view *v, size_t *block, size_t *off);
/* A count that changes whenever the page's lines are made anew (another
 * page, the source, a new width): the same count, the same lines. */
unsigned long reader_wraps(struct view *v);
/* For the status line: the first visible line and the number of lines. */
void reader_lines(struct view *v, size_t *top, size_t *n);

#endif
