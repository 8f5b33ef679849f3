/* restricted.h: restricted mode, for a server where werkbezoek is an SSH
 * ForceCommand (as less has LESSSECURE): --restricted or
 * WERKBEZOEK_RESTRICTED=1.  The browser runs no editor (the one program
 * it would start, and a shell behind it), and nothing is written but the
 * session: import -o is refused.  What asks for either is refused with a
 * message, in the status line or on standard error. */
#ifndef WB_RESTRICTED_H
#define WB_RESTRICTED_H

/* Whether WERKBEZOEK_RESTRICTED asks for it: set, and neither "" nor "0". */
int restricted_env(void);

#endif
