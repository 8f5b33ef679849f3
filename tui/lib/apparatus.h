/* apparatus.h: a critical apparatus entry and a division's number, as text.
 *
 * Private to the loader.  The text walk shows an app's lemma (tei.c picks
 * it) with a marker that links to a note block holding the entry this
 * file writes: "lemma ] reading (witnesses); reading (witnesses)".  A
 * div's @n goes with its heading (or is one, for a div without a head),
 * so "3. Heading" is what a reader sees and a search finds. */
#ifndef WB_APPARATUS_H
#define WB_APPARATUS_H

#include <libxml/tree.h>

/* The marker after an app's lemma: "°" (UTF-8). */
#define APPARATUS_MARK "\xC2\xB0"

/* The entry of app: the shown reading (a long one shortened to its first
 * and last words), " ] ", then every other reading (rdg, also inside
 * rdgGrp) with its @wit (else @source, @resp) ids without their '#', "; "
 * between them; an empty reading is "om."; the app's notes follow after
 * " — ".  NULL when app has no other reading, or when every reading is
 * empty (they only mark where witnesses start or end).  Caller frees. */
char *apparatus_entry(xmlNodePtr app);

/* What a head of div shows before its text: "3. " for n="3", "§ 3 " as
 * written; NULL when div has no @n or head_text already starts with it.
 * Caller frees. */
char *apparatus_div_prefix(xmlNodePtr div, const char *head_text);

/* The heading of a div with an @n and no head: "chapter 3" (its @subtype
 * or @type and number), "§ 3" without a type; NULL without @n.  Caller
 * frees. */
char *apparatus_div_heading(xmlNodePtr div);

#endif
