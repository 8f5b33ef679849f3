/* output_hold.c: curses' output gathered into one write (output_hold.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#ifdef HAVE_MEMFD_CREATE
#include <sys/mman.h>
#endif

#include "output_hold.h"

static int scratch = -1;        /* made at the first hold, kept */
static int terminal_fd = -1;    /* standard output's own, while held */
static sigset_t mask_before;

/* the signals that would write to the terminal or stop the program
 * (curses' SIGTSTP, a resize, the ones that end it) wait for the send */
static const int waiting[] = { SIGTSTP, SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCONT };

/* the scratch file: in memory where the system can, else a temporary
 * file no one else can open (unlinked at once) */
static int scratch_open(void)
{
	FILE *f;
	int fd;

#ifdef HAVE_MEMFD_CREATE
	fd = memfd_create("werkbezoek-screen", MFD_CLOEXEC);
	if (fd >= 0)
		return fd;
#endif
	if (!(f = tmpfile()))
		return -1;
	fd = fcntl(fileno(f), F_DUPFD_CLOEXEC, 0);
	fclose(f);
	return fd;
}

int output_hold(void)
{
	sigset_t set;
	size_t i;

	if (terminal_fd >= 0)
		return 0;
	if (scratch < 0 && (scratch = scratch_open()) < 0)
		return -1;
	sigemptyset(&set);
	for (i = 0; i < sizeof(waiting) / sizeof(waiting[0]); i++)
		sigaddset(&set, waiting[i]);
	sigprocmask(SIG_BLOCK, &set, &mask_before);
	fflush(stdout);
	terminal_fd = dup(STDOUT_FILENO);
	if (terminal_fd < 0 || dup2(scratch, STDOUT_FILENO) < 0) {
		if (terminal_fd >= 0)
			close(terminal_fd);
		terminal_fd = -1;
		sigprocmask(SIG_SETMASK, &mask_before, NULL);
		return -1;
	}
	return 0;
}

/* writes all of len bytes of p to fd */
static void write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;   /* the terminal is gone: nothing to tell */
		p += n;
		len -= (size_t)n;
	}
}

void output_send(void)
{
	char chunk[16384];
	int fd = scratch;
	off_t off = 0;
	ssize_t n;

	if (terminal_fd < 0)
		return;
	dup2(terminal_fd, STDOUT_FILENO);
	close(terminal_fd);
	terminal_fd = -1;
	while ((n = pread(fd, chunk, sizeof(chunk), off)) > 0 || (n < 0 && errno == EINTR)) {
		if (n < 0)
			continue;
		write_all(STDOUT_FILENO, chunk, (size_t)n);
		off += n;
	}
	/* the scratch file shared its offset with standard output */
	if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
		close(scratch);
		scratch = -1;
	}
	sigprocmask(SIG_SETMASK, &mask_before, NULL);
}
