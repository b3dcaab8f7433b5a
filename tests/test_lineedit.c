/* Line editor tests: the prompt keys a reader types, and what the line
 * then says. */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "lineedit.h"
#include "tap.h"

#define C(c) ((c) & 0x1f)

static void
type(struct lineedit *e, const char *s)
{
	const char *p = s;

	while (*p != '\0') {
		/* decode UTF-8 by hand: tests type non-ASCII too */
		unsigned char b = (unsigned char)*p;
		uint32_t ch = b;
		int n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;

		if (n > 1) {
			ch = b & (0x7f >> n);
			for (int i = 1; i < n; i++)
				ch = (ch << 6) | ((unsigned char)p[i] & 0x3f);
		}
		lineedit_key(e, false, ch);
		p += n;
	}
}

static void
test_editing(void)
{
	struct lineedit e;

	lineedit_init(&e);
	lineedit_start(&e);
	type(&e, "hello world");
	is_str(lineedit_text(&e), "hello world", "characters are inserted");
	lineedit_key(&e, false, C('w'));
	is_str(lineedit_text(&e), "hello ", "C-w deletes the word before");
	type(&e, "caf\xC3\xA9");
	lineedit_key(&e, true, KEY_BACKSPACE);
	is_str(lineedit_text(&e), "hello caf",
	    "Backspace deletes one character, however many bytes");
	lineedit_key(&e, true, KEY_HOME);
	type(&e, ">");
	is_str(lineedit_text(&e), ">hello caf", "Home, then insert at start");
	lineedit_key(&e, true, KEY_RIGHT);
	lineedit_key(&e, false, C('k'));
	is_str(lineedit_text(&e), ">h", "Right, then C-k kills to the end");
	lineedit_key(&e, true, KEY_LEFT);
	lineedit_key(&e, true, KEY_DC);
	is_str(lineedit_text(&e), ">", "Left, then Delete");
	lineedit_key(&e, false, C('e'));
	type(&e, "ab");
	lineedit_key(&e, false, C('a'));
	lineedit_key(&e, false, C('d'));
	is_str(lineedit_text(&e), "ab", "C-a, C-d");
	lineedit_key(&e, false, C('e'));
	lineedit_key(&e, false, C('u'));
	is_str(lineedit_text(&e), "", "C-u kills to the start");
	ok(lineedit_key(&e, false, 0x7f) == LINEEDIT_CANCEL,
	    "Backspace on an empty line cancels");
	type(&e, "x");
	ok(lineedit_key(&e, false, 0x1b) == LINEEDIT_CANCEL, "Esc cancels");
	ok(lineedit_key(&e, false, C('g')) == LINEEDIT_CANCEL, "C-g cancels");
	ok(lineedit_key(&e, false, '\r') == LINEEDIT_ACCEPT, "Enter accepts");
	ok(lineedit_key(&e, true, KEY_ENTER) == LINEEDIT_ACCEPT,
	    "keypad Enter accepts");
	ok(lineedit_key(&e, false, 0x01) == LINEEDIT_MOVED &&
	    lineedit_key(&e, false, 0x9b) == LINEEDIT_MOVED &&
	    strcmp(lineedit_text(&e), "x") == 0,
	    "control characters are never inserted");
	lineedit_fini(&e);
}

static void
test_history(void)
{
	struct lineedit e;

	lineedit_init(&e);
	lineedit_history_add(&e, "first");
	lineedit_history_add(&e, "second");
	lineedit_history_add(&e, "first");
	lineedit_history_add(&e, "");
	ok(e.nhist == 2 && strcmp(e.hist[1], "first") == 0,
	    "a repeated entry moves to the end; empty lines are not kept");
	lineedit_start(&e);
	type(&e, "dra");
	lineedit_key(&e, true, KEY_UP);
	is_str(lineedit_text(&e), "first", "Up: the newest entry");
	lineedit_key(&e, false, C('p'));
	is_str(lineedit_text(&e), "second", "C-p: the one before");
	ok(lineedit_key(&e, true, KEY_UP) == LINEEDIT_MOVED &&
	    strcmp(lineedit_text(&e), "second") == 0,
	    "Up at the oldest stays");
	lineedit_key(&e, true, KEY_DOWN);
	lineedit_key(&e, false, C('n'));
	is_str(lineedit_text(&e), "dra",
	    "Down past the newest gives back the line being typed");
	for (int i = 0; i < LINEEDIT_HISTORY_MAX + 5; i++) {
		char s[16];

		snprintf(s, sizeof s, "p%d", i);
		lineedit_history_add(&e, s);
	}
	ok(e.nhist == LINEEDIT_HISTORY_MAX && strcmp(e.hist[0], "p5") == 0,
	    "the history keeps the newest entries");
	lineedit_fini(&e);
}

int
main(void)
{
	test_editing();
	test_history();
	return tap_done();
}
