/*
 * floor: the least a program built like folio can take, for make bench
 * (docs/bench.md).  It is linked with every library folio loads at start.
 *
 *	floor              sets the locale, starts ncurses as folio does and
 *	                   draws one word on the bottom row: no document, no
 *	                   store, no layout.  bench/firstscreen times it
 *	                   beside less.
 *	floor --lines FILE reads FILE through a 256 KiB buffer as folio's
 *	                   outline does and finds the end of each line, and
 *	                   does nothing else: no line is judged, no heading
 *	                   stored or written.  Timed beside wc -l.
 *
 * When even this is slower than the reference, the difference is the
 * price of those libraries, of ncurses, or of going over a document line
 * by line, not of folio's own work.
 */
#include <curses.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUF (256 * 1024)

static int
line_ends(const char *path)
{
	char *buf = malloc(BUF);
	size_t keep = 0;
	unsigned long lines = 0;
	off_t off = 0;
	ssize_t k;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || buf == NULL) {
		perror(path);
		return 1;
	}
	while ((k = pread(fd, buf + keep, BUF - keep, off)) > 0) {
		size_t n = keep + (size_t)k, pos = 0;
		const char *nl;

		off += k;
		while ((nl = memchr(buf + pos, '\n', n - pos)) != NULL) {
			lines++;
			pos = (size_t)(nl - buf) + 1;
		}
		keep = n - pos;
		if (keep == BUF) /* a line longer than the buffer */
			keep = 0;
		memmove(buf, buf + pos, keep);
	}
	printf("%lu\n", lines + (keep > 0));
	close(fd);
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	SCREEN *scr;

	setlocale(LC_CTYPE, "");
	if (argc == 3 && strcmp(argv[1], "--lines") == 0)
		return line_ends(argv[2]);
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		fprintf(stderr, "floor: cannot use the terminal\n");
		return 1;
	}
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	mvaddstr(LINES - 1, 0, "floor");
	refresh();
	getch();
	endwin();
	delscreen(scr);
	return 0;
}
