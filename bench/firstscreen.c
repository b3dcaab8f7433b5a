/*
 * firstscreen: how long a terminal program takes to show its first
 * complete screen, for make bench (docs/bench.md).
 *
 *	firstscreen ROWS COLS COMMAND [ARG...]
 *
 * Runs COMMAND in a pseudo-terminal of ROWS x COLS (TERM=xterm-256color),
 * feeds everything it writes to a terminal emulator (libvterm), and prints
 * the microseconds from just before the fork to the moment the bottom row
 * first holds a visible character: a pager draws it last (its prompt or
 * status line).  The program is then sent SIGTERM.  Exits 1 if that does
 * not happen within 120 seconds, or the program exits first.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

#define TIMEOUT_MS (120 * 1000)

static long long
now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* What the emulator answers (cursor reports, device attributes) goes
 * back to the program, as a terminal's would. */
static void
answer(const char *s, size_t len, void *user)
{
	int fd = *(int *)user;

	while (len > 0) {
		ssize_t n = write(fd, s, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

static int
row_drawn(VTermScreen *scr, int row, int cols)
{
	VTermScreenCell cell;
	VTermPos pos;

	pos.row = row;
	for (pos.col = 0; pos.col < cols; pos.col++)
		if (vterm_screen_get_cell(scr, pos, &cell) &&
		    cell.chars[0] != 0 && cell.chars[0] != ' ')
			return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	struct winsize ws;
	VTerm *vt;
	VTermScreen *scr;
	long long start;
	int rows, cols, fd, done = 0;
	pid_t pid;

	if (argc < 4 || (rows = atoi(argv[1])) < 2 ||
	    (cols = atoi(argv[2])) < 2) {
		fprintf(stderr, "usage: firstscreen ROWS COLS COMMAND [ARG...]\n");
		return 2;
	}
	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	vt = vterm_new(rows, cols);
	vterm_set_utf8(vt, 1);
	scr = vterm_obtain_screen(vt);
	vterm_screen_reset(scr, 1);

	start = now_us();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("firstscreen: forkpty");
		return 2;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		execvp(argv[3], argv + 3);
		fprintf(stderr, "firstscreen: %s: %s\n", argv[3],
		    strerror(errno));
		_exit(127);
	}
	vterm_output_set_callback(vt, answer, &fd);
	while (!done) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		char buf[65536];
		long long left = TIMEOUT_MS - (now_us() - start) / 1000;
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			break;
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		vterm_input_write(vt, buf, (size_t)n);
		if (row_drawn(scr, rows - 1, cols)) {
			printf("%lld\n", now_us() - start);
			done = 1;
		}
	}
	kill(pid, SIGTERM);
	/* a program that ignores SIGTERM (less) quits on q */
	answer("q", 1, &fd);
	{
		struct pollfd p = { .fd = fd, .events = POLLIN };
		char buf[4096];

		/* drain what it writes leaving: it may block on a full pty */
		while (waitpid(pid, NULL, WNOHANG) == 0 &&
		    poll(&p, 1, 100) >= 0)
			if (read(fd, buf, sizeof buf) <= 0)
				break;
	}
	if (waitpid(pid, NULL, WNOHANG) == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	vterm_free(vt);
	close(fd);
	return done ? 0 : 1;
}
