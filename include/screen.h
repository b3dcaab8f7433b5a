/* The screen: the only module that calls ncurses.  It draws a view, reads
 * keys (and mouse events, turned into actions on the view), restores the
 * terminal on every exit path, and owns the signal flags -- with the
 * document's SIGBUS guard, the only global state in folio. */
#ifndef FOLIO_SCREEN_H
#define FOLIO_SCREEN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "keymap.h"
#include "settings.h"
#include "view.h"

struct screen {
	FILE *tty;        /* /dev/tty when stdin is the document */
	bool utf8;        /* the locale can show UTF-8 */
	bool color;       /* colours are in use (not NO_COLOR, not mono) */
	bool mouse;
	bool active;
	int help_first;   /* first line of the help text shown */
	struct style style[STYLE_COUNT];
};

int screen_init(struct screen *s, const struct settings *set,
    struct err *err);
void screen_fini(struct screen *s);
void screen_size(const struct screen *s, int *cols, int *rows);
void screen_draw(struct screen *s, struct view *v);
void screen_draw_help(struct screen *s, const struct keymap *km);
/* Wait for a key (at most timeout_ms; -1 when none came).  KEY_MOUSE events
 * are returned as is; screen_mouse turns one into a view action. */
int screen_key(struct screen *s, int timeout_ms);
void screen_mouse(struct screen *s, struct view *v);
/* The mouse event a KEY_MOUSE brought: the wheel (SCREEN_WHEEL_ROWS rows
 * a notch) or a click at row *y, column *x. */
enum screen_mouse_event {
	SCREEN_MOUSE_NONE,
	SCREEN_WHEEL_UP,
	SCREEN_WHEEL_DOWN,
	SCREEN_CLICK
};
#define SCREEN_WHEEL_ROWS 3
enum screen_mouse_event screen_mouse_read(int *y, int *x);
struct library;
struct lineedit;
/* The library: one row per entry; the status line says where it is
 * (label), or shows a prompt being typed, or a message. */
void screen_draw_library(struct screen *s, struct library *l,
    const char *label, const char *prompt, const struct lineedit *edit,
    const char *msg);
/* A key for a prompt, as a character (UTF-8 decoded) or, with *fn set, an
 * ncurses KEY_* code; false when none came within timeout_ms. */
bool screen_read(struct screen *s, int timeout_ms, bool *fn, uint32_t *ch);
/* Is a key waiting to be read (or an interrupt to be seen)?  For work that
 * gives way to typing. */
bool screen_key_pending(const struct screen *s);
void screen_redraw(struct screen *s);
/* A terminating signal (INT, TERM, HUP) arrived: the pager should stop. */
bool screen_interrupted(void);
/* After the terminal is restored: die of that signal, as the shell expects
 * (does nothing when none arrived). */
void screen_reraise(void);

#endif
