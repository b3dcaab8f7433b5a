/* Actions and the keys bound to them.  Every action has a name (for the
 * configuration file's "bind KEY ACTION") and a description (for the help
 * screen, which lists the bindings in force).  Keys are looked up in the
 * focused pane's context first, then in the text context. */
#ifndef FOLIO_KEYMAP_H
#define FOLIO_KEYMAP_H

#include <stddef.h>

enum action {
	ACT_NONE,
	ACT_LINE_DOWN,
	ACT_LINE_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_PERCENT,
	ACT_FOLLOW,
	ACT_NEXT_SECTION,
	ACT_PREV_SECTION,
	ACT_NEXT_SIBLING,
	ACT_PREV_SIBLING,
	ACT_TOGGLE_TOC,
	ACT_FOCUS,
	ACT_NARROWER,
	ACT_WIDER,
	ACT_HELP,
	ACT_REDRAW,
	ACT_QUIT,
	ACT_SET_MARK,
	ACT_GOTO_MARK,
	ACT_SEARCH_FORWARD,
	ACT_SEARCH_BACKWARD,
	ACT_SEARCH_NEXT,
	ACT_SEARCH_PREV,
	ACT_GOTO_SECTION,
	ACT_INFO,
	ACT_NEXT_FILE,
	ACT_PREV_FILE,
	ACT_TOC_DOWN,
	ACT_TOC_UP,
	ACT_TOC_OPEN,
	ACT_TOC_FOLD,
	ACT_TOC_UNFOLD,
	ACT_TOC_FOLD_ALL,
	ACT_TOC_UNFOLD_ALL,
	ACT_TOC_FILTER,
	ACT_COUNT
};

enum keymap_context { KEYMAP_TEXT, KEYMAP_TOC, KEYMAP_CONTEXTS };

#define KEYMAP_MAX 128

struct binding {
	int key; /* a character, or an ncurses KEY_* code */
	enum action action;
};

struct keymap {
	struct binding b[KEYMAP_CONTEXTS][KEYMAP_MAX];
	size_t n[KEYMAP_CONTEXTS];
};

void keymap_init_defaults(struct keymap *km);
enum action keymap_lookup(const struct keymap *km, enum keymap_context ctx,
    int key);
/* Bind key to action in ctx, replacing an earlier binding of the key. */
void keymap_bind(struct keymap *km, enum keymap_context ctx, int key,
    enum action a);
const char *action_name(enum action a);
/* The action with that name, or ACT_COUNT when there is none. */
enum action action_from_name(const char *name);
/* The key codes a name stands for ("j", "Down", "C-f", "F1", "Enter" is
 * three: CR, LF and the keypad's); returns how many, 0 for none. */
size_t keymap_key_from_name(const char *name, int keys[3]);
const char *action_description(enum action a);
/* A key's name as shown in help: "j", "Down", "PgDn", "C-l", "F1". */
void keymap_key_name(int key, char *out, size_t size);

#endif
