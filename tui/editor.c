/* editor.c: running the user's editor on a corpus file (editor.h).
 *
 * As less does it: def_prog_mode and endwin give the terminal back in
 * the modes it had before curses, the editor runs in the foreground, and
 * reset_prog_mode takes it over again.  While the editor runs, Ctrl-C and
 * Ctrl-\ are the editor's (this process ignores them, as system() does),
 * and a stop (Ctrl-Z, or an editor that stops its process group) stops
 * this process quietly too: curses' own SIGTSTP handler would repaint the
 * browser over the editor when the two are continued.
 *
 * An editor named with arguments ("emacs -nw", "code --wait") runs
 * through sh -c as git runs it: the command, then "$@", so the file name
 * is one argument whatever it holds and is never read by the shell. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "editor.h"

const char *editor_command(void)
{
	const char *e = getenv("VISUAL");

	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
}

/* Whether the file's identity or contents may have changed between two
 * stats: a new inode (written by rename), size or time. */
static int stat_differs(const struct stat *a, const struct stat *b)
{
	return a->st_ino != b->st_ino || a->st_dev != b->st_dev || a->st_size != b->st_size ||
	       a->st_mtim.tv_sec != b->st_mtim.tv_sec || a->st_mtim.tv_nsec != b->st_mtim.tv_nsec;
}

/* The signals this process handles differently while the editor runs. */
static const int held_signals[] = { SIGINT, SIGQUIT, SIGTSTP };
#define N_HELD (sizeof(held_signals) / sizeof(held_signals[0]))

static void hold_signals(struct sigaction *saved)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < N_HELD; i++) {
		sa.sa_handler = held_signals[i] == SIGTSTP ? SIG_DFL : SIG_IGN;
		sigaction(held_signals[i], &sa, &saved[i]);
	}
}

static void release_signals(const struct sigaction *saved)
{
	size_t i;

	for (i = 0; i < N_HELD; i++)
		sigaction(held_signals[i], &saved[i], NULL);
}

/* In the child: the default signals, and the editor in place of this
 * process.  Never returns. */
static void exec_editor(const char *cmd, const char *linearg, const char *file)
{
	struct buf script = BUF_INIT;
	size_t i;

	for (i = 0; i < N_HELD; i++)
		signal(held_signals[i], SIG_DFL);
	if (cmd[strcspn(cmd, " \t\n'\"\\$`;&|<>()*?[]#~=%")] == '\0') {
		if (*linearg)
			execlp(cmd, cmd, linearg, file, (char *)NULL);
		else
			execlp(cmd, cmd, file, (char *)NULL);
	} else {
		buf_printf(&script, "%s \"$@\"", cmd);
		if (*linearg)
			execl("/bin/sh", "sh", "-c", script.data, cmd, linearg, file, (char *)NULL);
		else
			execl("/bin/sh", "sh", "-c", script.data, cmd, file, (char *)NULL);
	}
	fprintf(stderr, "werkbezoek: cannot run %s: %s\n", cmd, strerror(errno));
	_exit(127);
}

/* Forks and waits for the editor; its wait status, or -1 with errno. */
static int run_child(const char *cmd, const char *linearg, const char *file)
{
	pid_t pid, r;
	int status;

	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		exec_editor(cmd, linearg, file);
	do
		r = waitpid(pid, &status, 0);
	while (r < 0 && errno == EINTR);
	return r < 0 ? -1 : status;
}

static void say(char **error, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(char **error, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	*error = buf_steal(&b);
}

int editor_run(const char *file, long line, int *changed, char **error)
{
	const char *cmd = editor_command();
	struct sigaction saved[N_HELD];
	struct stat before, after;
	char linearg[32] = "";
	int status, err, had = stat(file, &before) == 0;

	*changed = 0;
	if (line > 0)
		snprintf(linearg, sizeof(linearg), "+%ld", line);
	def_prog_mode();
	endwin();
	fflush(stdout);
	hold_signals(saved);
	status = run_child(cmd, linearg, file);
	err = errno;
	release_signals(saved);
	reset_prog_mode();
	clearok(curscr, TRUE);
	*changed = stat(file, &after) == 0 ? !had || stat_differs(&before, &after) : had;
	if (status < 0) {
		say(error, "cannot start the editor %s: %s", cmd, strerror(err));
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		say(error, "cannot run the editor %s (set VISUAL or EDITOR)", cmd);
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		say(error, "the editor %s ended with status %d", cmd,
		    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
		return -1;
	}
	return 0;
}
