/* ui.h: the interactive browser. */
#ifndef WB_UI_H
#define WB_UI_H

struct corpus;

/* Runs the browser on c until the user quits, a signal ends it or the
 * terminal goes away; the terminal is restored on every way out.
 * search_flags are enum search_flag bits for the / search.  Returns the
 * exit status. */
int ui_run(struct corpus *c, unsigned search_flags);

#endif
