/* The library (tui/lib) draws nothing: only the interface in tui/ may
 * include the terminal library.  This header stands first on the
 * library's include path so that such an include fails to compile. */
#error "tui/lib must not include the terminal library"
