/* treepage.h: reader pages made from the loaded tree: the matches of an
 * XPath expression (each a link to its document and block) and the TEI
 * source of a document or a record (a line a block, the file's line
 * number as its label).  Pages as page.h makes them; caller frees with
 * page_free. */
#ifndef WB_TREEPAGE_H
#define WB_TREEPAGE_H

#include <stddef.h>

struct corpus;
struct page;
struct source_view;

/* The matches of expr: a title, a count, and a line per match (at most
 * max_lines; 0: all that xpath_run keeps).  NULL with *error set (caller
 * frees) when the expression is invalid: the message on one line. */
struct page *page_xpath(const struct corpus *c, const char *expr, size_t max_lines,
			char **error);

/* A source view as a page: block i is line i, its label the line of the
 * file it comes from, right-aligned in a column as wide as the largest. */
struct page *page_source(const struct source_view *v);

#endif
