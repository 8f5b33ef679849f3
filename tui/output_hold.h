/* output_hold.h: curses' output gathered into one write.
 *
 * curses writes what each doupdate() changed at once.  A scroll streamed a
 * line at a time (view_stream) is one update a line, and over SSH each
 * write can go out as a packet of its own, with its own headers.  While
 * the output is held, the terminal's descriptor (standard output) is a
 * scratch file's; output_send gives it back and writes what gathered in
 * one go, so a page goes out as one write, as less's does.  The signals
 * that stop, resize or end the program wait while it is held. */
#ifndef WB_OUTPUT_HOLD_H
#define WB_OUTPUT_HOLD_H

/* Holds what is written to standard output.  0, or -1 when it cannot (no
 * scratch file): the output then goes straight out, as before.  Not while
 * curses is out of its mode (isendwin()): its next refresh sets the
 * terminal's modes on that descriptor, which must be the terminal. */
int output_hold(void);
/* Writes what was held to the terminal and gives standard output back;
 * nothing when nothing is held.  Safe from a crash handler (no malloc). */
void output_send(void);

#endif
