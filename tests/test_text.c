/* Byte classification tests: what a reader sees for each kind of byte. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "tap.h"
#include "text.h"

static void
clean_is(const char *in, size_t n, unsigned flags, const char *want,
    const char *what)
{
	struct buf b = BUF_INIT;

	text_clean(&b, in, 0, n, flags);
	is_str(buf_str(&b), want, what);
	buf_fini(&b);
}

#define CLEAN(in, want, what) \
	clean_is((in), sizeof(in) - 1, TEXT_CLEAN_MARKERS, (want), (what))

static void
test_markers(void)
{
	CLEAN("a\x1b[2Jb", "a^[[2Jb", "a non-SGR escape is shown as ^[, not executed");
	CLEAN("a\x07" "b", "a^Gb", "BEL is shown as ^G");
	CLEAN("a\x7f" "b", "a^?b", "DEL is shown as ^?");
	CLEAN("a\0b", "a^@b", "NUL is shown as ^@");
	CLEAN("a\xC2\x9B" "b", "a<9B>b", "a C1 control (CSI) is shown as <9B>");
	CLEAN("a\xE2\x80\xAE" "b", "a<U+202E>b", "a bidi override is shown, not obeyed");
	CLEAN("a\xE2\x80\x8B" "b", "a<U+200B>b", "a zero-width space is made visible");
	CLEAN("\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE", "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE",
	    "a zero-width non-joiner (Persian) is text, not a marker");
	CLEAN("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",
	    "a zero-width joiner (an emoji sequence) is text, not a marker");
	CLEAN("a\xFF\xFE" "b", "a\xEF\xBF\xBD\xEF\xBF\xBD" "b", "each invalid byte is U+FFFD");
	CLEAN("a\xE2\x82" "b", "a\xEF\xBF\xBD" "b", "a truncated sequence is one U+FFFD");
	CLEAN("caf\xC3\xA9", "caf\xC3\xA9", "valid UTF-8 passes unchanged");
}

static void
test_styles(void)
{
	struct text_decoder d;
	struct text_unit u;
	static const char sgr[] = "\x1b[1;31mR\x1b[0mx";
	static const char os[] = "B\bB_\bU";

	CLEAN("\x1b[1mbold\x1b[0m", "bold", "SGR sequences produce no text");
	text_decoder_init(&d, sgr, 0, sizeof sgr - 1);
	ok(text_decode(&d, &u) && u.ch == 'R' && (u.style.attr & TEXT_BOLD) &&
	    u.style.fg == 1, "SGR bold red becomes the style of the text");
	ok(text_decode(&d, &u) && u.ch == 'x' && u.style.attr == 0 &&
	    u.style.fg == TEXT_COLOR_DEFAULT, "SGR 0 resets the style");
	text_decoder_init(&d, os, 0, sizeof os - 1);
	ok(text_decode(&d, &u) && u.ch == 'B' && (u.style.attr & TEXT_BOLD),
	    "overstrike X\\bX is bold X");
	ok(text_decode(&d, &u) && u.ch == 'U' &&
	    (u.style.attr & TEXT_UNDERLINE), "overstrike _\\bX is underlined X");
	ok(!text_decode(&d, &u), "overstrike leaves nothing behind");
	CLEAN("a\bb", "b", "other overstrike shows the last character");
	CLEAN("\bx", "^Hx", "a lone backspace is shown");
}

static void
test_widths(void)
{
	is_long((long)text_width("abc", 3), 3, "ASCII is one column a character");
	is_long((long)text_width("\xE6\x97\xA5\xE6\x9C\xAC", 6), 4,
	    "CJK characters are two columns");
	is_long((long)text_width("e\xCC\x81", 3), 1,
	    "combining marks take no column");
	is_long((long)text_width("\x1b[1mab\x1b[0m", 10), 2,
	    "escape sequences take no column");
	is_long((long)text_width("\x01", 1), 2, "a control is as wide as its marker");
	is_long((long)text_width("\xE2\x80\x8C\xE2\x80\x8D", 6), 0,
	    "joiners take no column");
}

int
main(void)
{
	test_markers();
	test_styles();
	test_widths();
	return tap_done();
}
