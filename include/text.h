/* Byte classification: turns the bytes of one line into display units.
 * UTF-8 is decoded with libunistring; SGR escape sequences become styles
 * and produce no unit; backspace overstrike ("b\bb", "_\bu") becomes bold
 * or underline; every other control byte, C1 control, bidirectional or
 * invisible format character (but the zero-width joiners, which are
 * text), and invalid byte becomes a unit that is drawn as a visible
 * marker, so nothing from a document can reach the terminal as a control
 * sequence. */
#ifndef FOLIO_TEXT_H
#define FOLIO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define TEXT_BOLD      0x01
#define TEXT_UNDERLINE 0x02
#define TEXT_ITALIC    0x04
#define TEXT_REVERSE   0x08
#define TEXT_DIM       0x10

#define TEXT_COLOR_DEFAULT (-1)

struct text_style {
	uint8_t attr;
	int16_t fg; /* 0-255, or TEXT_COLOR_DEFAULT */
	int16_t bg;
};

enum text_kind {
	TEXT_CHAR,    /* a printable character of width 0, 1 or 2 */
	TEXT_TAB,     /* width depends on the column */
	TEXT_CONTROL, /* a control or format character: drawn as a marker */
	TEXT_INVALID, /* a malformed UTF-8 sequence: drawn as U+FFFD */
	TEXT_BREAK    /* a line end inside a reflowed paragraph: a space */
};

struct text_unit {
	size_t off;     /* source bytes [off, off + len) */
	uint32_t len;
	uint32_t ch;    /* the character (for CONTROL: its code point) */
	uint8_t kind;
	uint8_t width;  /* columns, 0 for TAB (the caller expands tabs) */
	struct text_style style;
};

struct text_decoder {
	const char *data;
	size_t pos;
	size_t end;
	size_t start;
	struct text_style style;
	bool join;  /* line ends (with the blanks around them) are BREAKs */
	bool keep_tag; /* with join: the first run of blanks after the first
			  line's text (a tag's, as "-c        If the...")
			  is kept as it is, not made one space */
	size_t keep_end; /* where that run ends, once met */
	/* A row's dot leaders shortened to fit ("Intro ...... 7"): this many
	 * '.' from squeeze_at on are skipped. */
	unsigned squeeze;
	size_t squeeze_at;
	bool quote; /* with join: a Markdown block quote, whose lines after
		       the first start with '>' markers: they are part of
		       the line end before them */
	bool literal; /* no SGR styles, no overstrike: every ESC and BS is a
			 CONTROL unit (file names, messages) */
};

#define TEXT_MARKER_MAX 12
#define TEXT_TAB_STOP 8

void text_style_reset(struct text_style *s);
bool text_style_equal(const struct text_style *a, const struct text_style *b);

void text_decoder_init(struct text_decoder *d, const char *data,
    size_t start, size_t end);
/* The next display unit, or false at the end of the range. */
bool text_decode(struct text_decoder *d, struct text_unit *u);
/* The marker text for a CONTROL or INVALID unit, NUL-terminated; returns
 * its length, which is also its width in columns. */
size_t text_marker(const struct text_unit *u, char out[TEXT_MARKER_MAX]);
/* Is ch a character that must be shown as a marker? */
bool text_is_control(uint32_t ch);
/* Is ch an ASCII letter or digit? */
static inline bool
text_is_ascii_alnum(uint32_t ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
	    (ch >= 'A' && ch <= 'Z');
}

/* Do the bytes s[0..n) start with prefix? */
static inline bool
text_starts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && memcmp(s, prefix, k) == 0;
}

/* Options for text_clean. */
#define TEXT_CLEAN_MARKERS 0x01 /* controls as markers (otherwise dropped) */
#define TEXT_CLEAN_SQUEEZE 0x02 /* runs of white space become one space */
#define TEXT_CLEAN_KEEP    0x04 /* controls kept as they are */
#define TEXT_CLEAN_LITERAL 0x08 /* escapes and overstrike as markers too */

/* Append the visible text of [start, end) to out: escapes and overstrike
 * removed, invalid sequences as U+FFFD, tabs as spaces. */
void text_clean(struct buf *out, const char *data, size_t start,
    size_t end, unsigned flags);
/* Where the run text_clean copies as it is, whatever the flags, ends when
 * it starts at start: printable ASCII not struck over, with single spaces
 * inside it.  A text made only of such a run (end returned) is clean. */
size_t text_plain_run(const char *data, size_t start, size_t end);
/* Append one unit as UTF-8 (markers for controls when `markers`). */
void text_put_unit(struct buf *out, const char *data,
    const struct text_unit *u, bool markers);
/* Columns of the string as displayed (tabs count as one space). */
size_t text_width(const char *s, size_t n);
/* The '>' markers that start a line of a Markdown block quote at s, with
 * the blanks after each: their length in bytes (0: none). */
size_t text_quote_prefix(const char *s, size_t n);
/* The same, but it stops counting once past max (the result is then
 * larger than max, not the whole width). */
size_t text_width_max(const char *s, size_t n, size_t max);
/* Is s[0..n) (a document's first line with text, its blanks cut) the
 * header man writes at the top of a manual page, "LS(1)   User Commands
 * LS(1)", or the squeezed one of a name too long for the page?  Then
 * *name is where the page's name ("LS(1)") ends it, *len bytes.  The
 * layout lays such a page out for the terminal man ran in; the outline
 * looks for its subsections left of its text. */
bool text_man_header(const char *s, size_t n, const char **name,
    size_t *len);
/* Is s[0..n) (a line, its indent cut) a command's synopsis, "usage:" and
 * a name with an option, an argument or a "..." ("usage: git [-v |
 * --version]"; "Usage: the basics" is a title, "Usage: this call is
 * deprecated" a sentence)?  The layout hangs its rows past the name and
 * lets the deeper lines under it be text; the outline takes it for no
 * heading. */
bool text_is_synopsis(const char *s, size_t n);

/* Is s[0..n) the first line of a Vim help file, its name as a tag:
 * "*windows.txt*   For Vim version 9.0."? */
bool text_vimhelp_header(const char *s, size_t n);

/* Does s[0..n) (a document from its first line with text) start with a
 * command of Perl's POD: "=pod", "=head1", "=encoding", "=begin",
 * "=for"? */
bool text_pod_start(const char *s, size_t n);

#endif
