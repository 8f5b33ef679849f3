/* commands.h: the command line (:), read into an action. */
#ifndef WB_COMMANDS_H
#define WB_COMMANDS_H

#include "action.h"

struct corpus;

/* What line asks for (:open ID or title, :entity ID or name, :search
 * PATTERN, :collocates [QUERY], :N for line N, :help, :history, :q or :quit), as an action for
 * the loop, or a message saying what is wrong with it.  A title or name
 * may be a part of one, any case, accents or not (complete.h); when it
 * names several, the message lists them.  search is the text of the
 * current search, or NULL: what :collocates without a query is of. */
void command_read(const struct corpus *c, const char *search, const char *line,
		  struct action *act);

#endif
