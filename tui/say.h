/* say.h: messages on stderr that repeat what a user or a corpus gave (a
 * path, an id, a pattern, $TERM), sanitised as the corpus's text is.
 *
 * say() formats as printf does, then writes the message line by line
 * through text_sanitize(): no control character, bidi control or
 * invisible character of an argument reaches the terminal (an ESC in a
 * path shows as ^[).  The newlines of fmt itself stay newlines. */
#ifndef WB_SAY_H
#define WB_SAY_H

#include <stdio.h>

void say(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* The same to out. */
void say_to(FILE *out, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

#endif
