/* editor.h: the file under the page, opened in the user's editor.
 *
 * v in the browser runs $VISUAL, else $EDITOR, else vi, on the file and
 * line of what the reader shows, the way less runs its editor: curses'
 * modes saved and the terminal given back in its own modes, the editor
 * run in the foreground (Ctrl-C is the editor's, Ctrl-Z stops both), then
 * curses' modes again and a full repaint.  The caller reloads the corpus
 * when the file changed. */
#ifndef WB_EDITOR_H
#define WB_EDITOR_H

/* The command that edits: $VISUAL, else $EDITOR, else "vi" (borrowed). */
const char *editor_command(void);

/* Runs the editor on file at line (+LINE; none for line <= 0) and waits
 * for it.  *changed says whether the file changed (its size, time or
 * inode), set even when the editor failed (it may have written first).
 * Returns 0, or -1 when the editor could not be run or ended with an
 * error, with *error set (caller frees). */
int editor_run(const char *file, long line, int *changed, char **error);

#endif
