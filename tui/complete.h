/* complete.h: finding documents and entities by what a user types, and
 * what Tab offers in the : prompt.
 *
 * A name matches what was typed when they are the same, or it begins
 * with it, or it contains it, each ignoring case and accents (fold.h):
 * `:open innovatie` finds "Innovatie begint klein", `:entity aly` finds
 * Aly van Beek by her name, and an id works as it is.  No curses here. */
#ifndef WB_COMPLETE_H
#define WB_COMPLETE_H

#include <stddef.h>

struct corpus;

/* Texts that could stand in place of line[start, cursor). */
struct candidates {
	char **items;           /* owned, in corpus or table order, no repeats */
	size_t n, cap;
	size_t start;
};

#define CANDIDATES_INIT { NULL, 0, 0, 0 }

void candidates_free(struct candidates *c);

/* For Tab in the : prompt: the command names that begin with the word
 * typed, or for :open the documents' ids and titles, for :entity the
 * entities' ids and names, that match the argument typed so far. */
void complete_command(const struct corpus *c, const char *line, size_t cursor,
		      struct candidates *out);

/* The documents (corpus order) or entities (entity index order) that arg
 * names: an exact id wins, then a name equal to it, then those that begin
 * with it, then those that contain it; only the best kind is returned.
 * *out is the caller's to free; the count is returned. */
size_t complete_find_docs(const struct corpus *c, const char *arg, size_t **out);
size_t complete_find_entities(const struct corpus *c, const char *arg, size_t **out);

/* The names of the commands the : prompt knows, NULL-terminated. */
extern const char *const command_names[];

#endif
