/*
 * floor: the least a reader built like folio can take to its first
 * screen, for make bench (docs/bench.md).  It is linked with every
 * library folio loads at start, sets the locale, starts ncurses as folio
 * does and draws one word on the bottom row: no document, no store, no
 * layout.  bench/firstscreen times it beside less; when even this is
 * slower than less, the difference is the price of those libraries and
 * of ncurses, not of folio's own work.
 */
#include <curses.h>
#include <locale.h>
#include <stdio.h>

int
main(void)
{
	SCREEN *scr;

	setlocale(LC_CTYPE, "");
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
