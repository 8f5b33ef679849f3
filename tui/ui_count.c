/* ui_count.c: counts before a key (010j, 050G): begun with 0, since the
 * digits 1-4 choose panes. */
#include "config.h"

#include "action.h"
#include "keys.h"
#include "ui_impl.h"

#define MAX_COUNT 1000000

/* A count, as vim's 10j but begun with 0 (the digits 1-4 are the panes):
 * 0, digits, then a key, which is done that many times; g and G go to
 * that line.  Returns 1 when the key was part of it. */
int ui_count_key(struct ui *u, int code, wint_t ch, struct action *act)
{
	enum request req;
	size_t i, n;

	if (code != OK) {
		u->counting = 0;
		return 0;
	}
	if (!u->counting) {
		if (ch != '0')
			return 0;
		u->counting = 1;
		u->count = 0;
		action_say(act, 0, "count: digits, then a key (010j, 050G)");
		return 1;
	}
	if (ch >= '0' && ch <= '9') {
		if (u->count < MAX_COUNT)
			u->count = u->count * 10 + (size_t)(ch - '0');
		action_say(act, 0, "count %zu", u->count);
		return 1;
	}
	n = u->count;
	u->counting = 0;
	req = keys_request(ch < 256 ? (int)ch : -1);
	if (n && (req == REQ_FIRST || req == REQ_LAST)) {
		if (u->focus == PANE_READER)
			action_goto_line(act, n);
		else
			view_goto(&u->views[u->focus], n - 1);
		return 1;
	}
	for (i = 0; i < (n ? n : 1) && i < MAX_COUNT; i++) {
		ui_request(u, req, act);
		if (act->kind != ACTION_NONE && act->kind != ACTION_PREVIEW)
			break;          /* opened something: once is enough */
	}
	return 1;
}

