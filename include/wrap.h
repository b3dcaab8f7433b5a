/* Breaking one physical line into screen rows at word boundaries, with
 * libunistring's line breaking (UAX #14).  Work is per line: the caller
 * asks only for the lines it is about to show.  Scratch memory is kept in
 * struct wrap and reused, so wrapping allocates nothing in steady state. */
#ifndef FOLIO_WRAP_H
#define FOLIO_WRAP_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

struct wrap_row {
	size_t start;            /* first source byte shown on the row */
	size_t end;              /* one past the last (trailing blanks cut) */
	struct text_style style; /* SGR state at start */
	uint16_t indent;         /* blank columns before the first unit */
	bool join;               /* part of a reflowed paragraph (WRAP_JOIN) */
	bool tag;                /* it starts with a tag (WRAP_TAG) */
	bool quote;              /* in a Markdown block quote (WRAP_QUOTE) */
	uint16_t squeeze;        /* dots of its leaders not shown, from */
	size_t squeeze_at;       /* here (text_decoder's squeeze) */
};

struct wrap {
	struct text_unit *units;
	size_t nunits, cap_units;
	uint32_t *ucs;
	size_t cap_ucs;
	char *brk;
	size_t cap_brk;
	struct wrap_row *rows;
	size_t nrows, cap_rows;
};

/* Break at the width exactly instead of at word boundaries (code). */
#define WRAP_HARD 0x01
/* The range holds several lines of one paragraph: line ends are spaces. */
#define WRAP_JOIN 0x02
/* One row only: what does not fit is cut (rules and underlines). */
#define WRAP_CLIP 0x04
/* With WRAP_JOIN: the line starts with a tag ("-c        If the..."),
 * whose run of blanks is kept (text_decoder's keep_tag). */
#define WRAP_TAG 0x08
/* A Markdown block quote: its lines' '>' markers after the first are part
 * of the line ends (text_decoder's quote), its rows hang past them. */
#define WRAP_QUOTE 0x10
/* Break after blanks only, never inside a word ("v->cols", "a-b"): a
 * line of code. */
#define WRAP_BLANKS 0x20

void wrap_init(struct wrap *w);
void wrap_fini(struct wrap *w);
/* Wrap the line [start, end) (no '\n' inside) to `width` columns.  Fills
 * w->rows and returns their number, which is at least 1 (an empty line is
 * one empty row). */
size_t wrap_line(struct wrap *w, const char *data, size_t start, size_t end,
    int width, unsigned flags);
/* The same, with continuation rows indented by `hang` columns (at most
 * half the width), or as wrap_hanging_indent says when hang < 0, and the
 * first row by `first` (a paragraph's indent, at most half the width). */
size_t wrap_line_hang(struct wrap *w, const char *data, size_t start,
    size_t end, int width, unsigned flags, int hang, int first);
/* Columns that continuation rows of this line are indented by: its leading
 * blanks, plus a list marker ("* ", "- ", "1. ", "a) ") if it has one. */
int wrap_hanging_indent(const char *data, size_t start, size_t end);
/* Length of a list marker ("* ", "- ", "1. ", "a) ", "\u2022 ") at s, or 0. */
size_t wrap_list_marker(const char *s, size_t n);

#endif
