/* Default key bindings, following less and vim (see keymap.h). */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"

#define CTRL(c) ((c) & 0x1f)

static const struct {
	const char *name;
	const char *description;
} actions[ACT_COUNT] = {
	[ACT_NONE] = { "none", "do nothing" },
	[ACT_LINE_DOWN] = { "line-down", "scroll down one line" },
	[ACT_LINE_UP] = { "line-up", "scroll up one line" },
	[ACT_PAGE_DOWN] = { "page-down", "scroll down one page" },
	[ACT_PAGE_UP] = { "page-up", "scroll up one page" },
	[ACT_HALF_DOWN] = { "half-page-down", "scroll down half a page" },
	[ACT_HALF_UP] = { "half-page-up", "scroll up half a page" },
	[ACT_TOP] = { "top", "go to the top of the document (N first: line N)" },
	[ACT_BOTTOM] = { "bottom",
	    "go to the end of the document (N first: line N)" },
	[ACT_PERCENT] = { "percent",
	    "go N percent into the document (N typed first)" },
	[ACT_FOLLOW] = { "follow",
	    "go to the end and stay there as the document grows (a key stops)" },
	[ACT_NEXT_SECTION] = { "next-section", "next heading to the top" },
	[ACT_PREV_SECTION] = { "prev-section",
	    "this section's heading, then the previous one" },
	[ACT_NEXT_SIBLING] = { "next-sibling",
	    "next heading of the same or a higher level" },
	[ACT_PREV_SIBLING] = { "prev-sibling",
	    "previous heading of the same or a higher level" },
	[ACT_TOGGLE_TOC] = { "toggle-toc", "hide or show the contents" },
	[ACT_FOCUS] = { "focus", "move the focus between text and contents" },
	[ACT_NARROWER] = { "narrower", "make the text narrower" },
	[ACT_WIDER] = { "wider", "make the text wider" },
	[ACT_HELP] = { "help", "show this help" },
	[ACT_REDRAW] = { "redraw", "redraw the screen" },
	[ACT_QUIT] = { "quit", "quit" },
	[ACT_SET_MARK] = { "set-mark", "mark this place with the letter typed next" },
	[ACT_GOTO_MARK] = { "goto-mark",
	    "go to the mark typed next ('' back to before the last jump)" },
	[ACT_SEARCH_FORWARD] = { "search-forward",
	    "search forward for a pattern (a regular expression)" },
	[ACT_SEARCH_BACKWARD] = { "search-backward",
	    "search backward for a pattern" },
	[ACT_SEARCH_NEXT] = { "search-next",
	    "next match, in the direction of the search" },
	[ACT_SEARCH_PREV] = { "search-prev",
	    "previous match (the other direction)" },
	[ACT_GOTO_SECTION] = { "goto-section",
	    "go to a section by number or by (part of) its title" },
	[ACT_INFO] = { "info",
	    "show the line and byte at the top, and how many there are" },
	[ACT_NEXT_FILE] = { "next-file",
	    "the next of the files given (C-n when there are several)" },
	[ACT_PREV_FILE] = { "prev-file", "the previous of the files given" },
	[ACT_TOC_DOWN] = { "toc-down", "contents: select the next entry" },
	[ACT_TOC_UP] = { "toc-up", "contents: select the previous entry" },
	[ACT_TOC_OPEN] = { "toc-open",
	    "contents: go to the selected section" },
	[ACT_TOC_FOLD] = { "toc-fold", "contents: fold the selected entry" },
	[ACT_TOC_UNFOLD] = { "toc-unfold",
	    "contents: unfold the selected entry" },
	[ACT_TOC_FOLD_ALL] = { "toc-fold-all",
	    "contents: fold every entry to the top level" },
	[ACT_TOC_UNFOLD_ALL] = { "toc-unfold-all",
	    "contents: unfold every entry" },
	[ACT_TOC_FILTER] = { "toc-filter",
	    "contents: show only the titles containing what is typed" },
};

void
keymap_bind(struct keymap *km, enum keymap_context ctx, int key,
    enum action a)
{
	size_t i;

	for (i = 0; i < km->n[ctx]; i++)
		if (km->b[ctx][i].key == key) {
			km->b[ctx][i].action = a;
			return;
		}
	if (km->n[ctx] < KEYMAP_MAX) {
		km->b[ctx][km->n[ctx]].key = key;
		km->b[ctx][km->n[ctx]].action = a;
		km->n[ctx]++;
	}
}

void
keymap_init_defaults(struct keymap *km)
{
	static const struct binding text[] = {
		{ 'j', ACT_LINE_DOWN }, { KEY_DOWN, ACT_LINE_DOWN },
		{ '\n', ACT_LINE_DOWN }, { '\r', ACT_LINE_DOWN },
		{ KEY_ENTER, ACT_LINE_DOWN }, { 'e', ACT_LINE_DOWN },
		{ CTRL('e'), ACT_LINE_DOWN }, { CTRL('n'), ACT_LINE_DOWN },
		{ 'k', ACT_LINE_UP }, { KEY_UP, ACT_LINE_UP },
		{ 'y', ACT_LINE_UP }, { CTRL('y'), ACT_LINE_UP },
		{ CTRL('p'), ACT_LINE_UP },
		{ ' ', ACT_PAGE_DOWN }, { 'f', ACT_PAGE_DOWN },
		{ KEY_NPAGE, ACT_PAGE_DOWN }, { CTRL('f'), ACT_PAGE_DOWN },
		{ 'b', ACT_PAGE_UP }, { KEY_PPAGE, ACT_PAGE_UP },
		{ CTRL('b'), ACT_PAGE_UP },
		{ 'd', ACT_HALF_DOWN }, { CTRL('d'), ACT_HALF_DOWN },
		{ 'u', ACT_HALF_UP }, { CTRL('u'), ACT_HALF_UP },
		{ 'g', ACT_TOP }, { KEY_HOME, ACT_TOP }, { '<', ACT_TOP },
		{ 'G', ACT_BOTTOM }, { KEY_END, ACT_BOTTOM }, { '>', ACT_BOTTOM },
		{ '%', ACT_PERCENT }, { 'p', ACT_PERCENT },
		{ 'F', ACT_FOLLOW },
		{ ']', ACT_NEXT_SECTION }, { '[', ACT_PREV_SECTION },
		{ '}', ACT_NEXT_SIBLING }, { '{', ACT_PREV_SIBLING },
		{ 't', ACT_TOGGLE_TOC }, { '\t', ACT_FOCUS },
		{ '-', ACT_NARROWER }, { '+', ACT_WIDER }, { '=', ACT_WIDER },
		{ 'h', ACT_HELP }, { KEY_F(1), ACT_HELP },
		{ 'm', ACT_SET_MARK }, { '\'', ACT_GOTO_MARK },
		{ '`', ACT_GOTO_MARK },
		{ '/', ACT_SEARCH_FORWARD }, { '?', ACT_SEARCH_BACKWARD },
		{ 'n', ACT_SEARCH_NEXT }, { 'N', ACT_SEARCH_PREV },
		{ ':', ACT_GOTO_SECTION }, { CTRL('g'), ACT_INFO },
		{ CTRL('l'), ACT_REDRAW }, { 'q', ACT_QUIT }, { 'Q', ACT_QUIT },
	};
	static const struct binding toc[] = {
		{ 'j', ACT_TOC_DOWN }, { KEY_DOWN, ACT_TOC_DOWN },
		{ CTRL('n'), ACT_TOC_DOWN },
		{ 'k', ACT_TOC_UP }, { KEY_UP, ACT_TOC_UP },
		{ CTRL('p'), ACT_TOC_UP },
		{ '\n', ACT_TOC_OPEN }, { '\r', ACT_TOC_OPEN },
		{ KEY_ENTER, ACT_TOC_OPEN },
		{ 'h', ACT_TOC_FOLD }, { KEY_LEFT, ACT_TOC_FOLD },
		{ 'l', ACT_TOC_UNFOLD }, { KEY_RIGHT, ACT_TOC_UNFOLD },
		{ 'z', ACT_TOC_FOLD_ALL }, { 'Z', ACT_TOC_UNFOLD_ALL },
		{ '/', ACT_TOC_FILTER },
	};
	size_t i;

	memset(km, 0, sizeof *km);
	for (i = 0; i < sizeof text / sizeof text[0]; i++)
		keymap_bind(km, KEYMAP_TEXT, text[i].key, text[i].action);
	for (i = 0; i < sizeof toc / sizeof toc[0]; i++)
		keymap_bind(km, KEYMAP_TOC, toc[i].key, toc[i].action);
}

enum action
keymap_lookup(const struct keymap *km, enum keymap_context ctx, int key)
{
	size_t i;

	for (i = 0; i < km->n[ctx]; i++)
		if (km->b[ctx][i].key == key)
			return km->b[ctx][i].action;
	if (ctx != KEYMAP_TEXT)
		return keymap_lookup(km, KEYMAP_TEXT, key);
	return ACT_NONE;
}

const char *
action_name(enum action a)
{
	return a < ACT_COUNT ? actions[a].name : "none";
}

const char *
action_description(enum action a)
{
	return a < ACT_COUNT ? actions[a].description : "";
}

static const struct {
	int key;
	const char *name;
} named[] = {
	{ KEY_DOWN, "Down" }, { KEY_UP, "Up" }, { KEY_LEFT, "Left" },
	{ KEY_RIGHT, "Right" }, { KEY_NPAGE, "PgDn" },
	{ KEY_PPAGE, "PgUp" }, { KEY_HOME, "Home" }, { KEY_END, "End" },
	{ KEY_ENTER, "Enter" }, { '\n', "Enter" }, { '\r', "Enter" },
	{ '\t', "Tab" }, { ' ', "Space" }, { 27, "Esc" },
	{ KEY_BACKSPACE, "Backspace" }, { KEY_DC, "Delete" },
	{ KEY_IC, "Insert" }, { KEY_BTAB, "S-Tab" },
};

enum action
action_from_name(const char *name)
{
	int a;

	for (a = 0; a < ACT_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return (enum action)a;
	return ACT_COUNT;
}

size_t
keymap_key_from_name(const char *name, int keys[3])
{
	size_t i, n = 0;

	if (strcmp(name, "Enter") == 0) {
		keys[0] = '\r';
		keys[1] = '\n';
		keys[2] = KEY_ENTER;
		return 3;
	}
	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcmp(named[i].name, name) == 0)
			keys[n++] = named[i].key;
	if (n > 0)
		return n;
	if (name[0] != '\0' && name[1] == '\0' &&
	    (unsigned char)name[0] > 32 && (unsigned char)name[0] < 127) {
		keys[0] = (unsigned char)name[0];
		return 1;
	}
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
	    name[2] >= 'a' && name[2] <= 'z' && name[3] == '\0') {
		keys[0] = CTRL(name[2]);
		return 1;
	}
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long f = strtol(name + 1, &end, 10);

		if (*end == '\0' && f >= 1 && f <= 12) {
			keys[0] = KEY_F((int)f);
			return 1;
		}
	}
	return 0;
}

void
keymap_key_name(int key, char *out, size_t size)
{
	size_t i;

	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == key) {
			snprintf(out, size, "%s", named[i].name);
			return;
		}
	if (key >= KEY_F(1) && key <= KEY_F(12))
		snprintf(out, size, "F%d", key - KEY_F(0));
	else if (key > 0 && key < 32)
		snprintf(out, size, "C-%c", key + 'a' - 1);
	else if (key > 32 && key < 127)
		snprintf(out, size, "%c", key);
	else
		snprintf(out, size, "key-%d", key);
}
