/* A one-line editor for the prompts on the status line (search, go to,
 * TOC filter), with the keys of readline and less: characters insert,
 * Left/Right/Home/End (C-b C-f C-a C-e) move, Backspace/Delete (C-h C-d)
 * delete, C-u/C-k/C-w kill, Up/Down (C-p C-n) walk the history, Enter
 * accepts, Esc/C-c/C-g cancel, as does Backspace on an empty line.  It is
 * plain state: the screen draws it, the pager feeds it keys. */
#ifndef FOLIO_LINEEDIT_H
#define FOLIO_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define LINEEDIT_HISTORY_MAX 200
/* Longest line accepted, in bytes. */
#define LINEEDIT_MAX 1024

enum lineedit_result {
	LINEEDIT_EDITED,   /* the text changed */
	LINEEDIT_MOVED,    /* only the cursor moved (or nothing happened) */
	LINEEDIT_ACCEPT,
	LINEEDIT_CANCEL
};

struct lineedit {
	struct buf text;   /* UTF-8, NUL-terminated */
	size_t cursor;     /* byte offset into text */
	char **hist;       /* oldest first */
	size_t nhist, caphist;
	size_t hist_pos;   /* nhist: the line being typed */
	char *draft;       /* the line being typed, while in the history */
};

void lineedit_init(struct lineedit *e);
void lineedit_fini(struct lineedit *e);
/* Start editing an empty line (history position at its end). */
void lineedit_start(struct lineedit *e);
const char *lineedit_text(const struct lineedit *e);
/* A key: fn is true for an ncurses KEY_* code, false for a character. */
enum lineedit_result lineedit_key(struct lineedit *e, bool fn, uint32_t key);
/* Append to the history (an earlier equal entry moves to the end; empty
 * lines are not kept; the oldest go beyond LINEEDIT_HISTORY_MAX). */
void lineedit_history_add(struct lineedit *e, const char *line);

#endif
