/* Line wrapping (see wrap.h): decode the line into units, ask libunistring
 * where breaks are allowed, then fill rows greedily. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#include "wrap.h"
#include "xalloc.h"

/* Continuation rows never start further right than this share of the width,
 * so a deeply indented line still has room for its text. */
#define WRAP_MAX_INDENT_DIVISOR 2

void
wrap_init(struct wrap *w)
{
	memset(w, 0, sizeof *w);
}

void
wrap_fini(struct wrap *w)
{
	free(w->units);
	free(w->ucs);
	free(w->brk);
	free(w->rows);
	wrap_init(w);
}

static bool
is_blank_unit(const struct text_unit *u)
{
	return u->kind == TEXT_TAB || (u->kind == TEXT_BREAK && u->width > 0) ||
	    (u->kind == TEXT_CHAR && u->ch == ' ');
}

/* A row ends before its trailing blanks, and before the line end after a
 * compound's hyphen (a zero-width break), which shows as nothing: decoded
 * again on its own, a row's last line end would be a space. */
static bool
is_trailing_unit(const struct text_unit *u)
{
	return is_blank_unit(u) || (u->kind == TEXT_BREAK && u->ch == 0x200b);
}

size_t
wrap_list_marker(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 2 && strchr("*-+", s[0]) != NULL && s[1] == ' ')
		return 2;
	if (n >= 4 && memcmp(s, "\xE2\x80\xA2 ", 4) == 0) /* bullet */
		return 4;
	while (i < n && i < 4 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0 && n >= 3 && ((s[0] >= 'a' && s[0] <= 'z') ||
	    (s[0] >= 'A' && s[0] <= 'Z')) && s[1] == ')')
		i = 1;
	if (i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ')
		return i + 2;
	return 0;
}

int
wrap_hanging_indent(const char *data, size_t start, size_t end)
{
	size_t i = start;
	int col = 0;

	while (i < end && (data[i] == ' ' || data[i] == '\t')) {
		col = data[i] == '\t' ? (col / TEXT_TAB_STOP + 1) * TEXT_TAB_STOP
		    : col + 1;
		i++;
	}
	if (i == end)
		return 0;
	col += (int)wrap_list_marker(data + i, end - i);
	while (i < end && data[i] == ' ')
		i++;
	return col;
}

static void
wrap_decode(struct wrap *w, const char *data, size_t start, size_t end,
    unsigned flags)
{
	struct text_decoder d;
	struct text_unit u;

	w->nunits = 0;
	text_decoder_init(&d, data, start, end);
	d.join = (flags & WRAP_JOIN) != 0;
	d.keep_tag = (flags & WRAP_TAG) != 0;
	d.quote = (flags & WRAP_QUOTE) != 0;
	while (text_decode(&d, &u)) {
		w->units = xgrow(w->units, &w->cap_units, w->nunits + 1,
		    sizeof *w->units);
		w->units[w->nunits++] = u;
	}
}

/* Two breaks UAX #14 forbids and libunistring 1.0 allows, which technical
 * text is full of: after a full stop, comma or colon before a letter or
 * digit ("e.g.", "config.h", "www.example.com"), and after the hyphens
 * that start a word ("-mmin", "--all", "'--all'") and inside a word
 * that starts so (an option: "--no-pager"); and one it allows:
 * inside a Markdown link, "[text](url)", between its two halves. */
#define GLUED_WORD_MAX 64

static bool
opens_word(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '[' || c == '(' || c == '\'' ||
	    c == '"';
}

static bool
glued(const uint32_t *ucs, size_t k)
{
	uint32_t p;
	size_t j, n;

	if (k > 0 && ucs[k] == '(' && ucs[k - 1] == ']')
		return true;
	if (k == 0 || !text_is_ascii_alnum(ucs[k]))
		return false;
	p = ucs[k - 1];
	if (p == '.' || p == ',' || p == ':' || p == ';')
		return true;
	if (p != '-')
		return false;
	for (j = k - 1; j > 0 && ucs[j - 1] == '-'; j--)
		;
	if (j == 0 || opens_word(ucs[j - 1]))
		return true;
	/* a hyphen inside an option ("--no-pager", "[--git-dir=<path>]"),
	 * looked for at most GLUED_WORD_MAX units back (a line of a
	 * script that writes no spaces must not be walked for each hyphen) */
	for (n = 0; j > 0 && ucs[j - 1] != ' ' && ucs[j - 1] != '\t'; j--)
		if (++n > GLUED_WORD_MAX)
			return false;
	while (ucs[j] != '-' && opens_word(ucs[j]))
		j++;
	return ucs[j] == '-';
}

/* Fill w->brk: w->brk[k] != 0 when a row may start at unit k. */
static void
wrap_breaks(struct wrap *w, unsigned flags)
{
	size_t k, n = w->nunits;

	w->ucs = xgrow(w->ucs, &w->cap_ucs, n + 1, sizeof *w->ucs);
	w->brk = xgrow(w->brk, &w->cap_brk, n + 1, 1);
	if (flags & WRAP_HARD) {
		memset(w->brk, 0, n);
		return;
	}
	for (k = 0; k < n; k++) {
		const struct text_unit *u = &w->units[k];

		if (u->kind == TEXT_CHAR || u->kind == TEXT_INVALID)
			w->ucs[k] = u->ch;
		else if (u->kind == TEXT_TAB)
			w->ucs[k] = '\t';
		else if (u->kind == TEXT_BREAK)
			/* a space; or none, as a word joiner (a word
			 * rejoined) or a zero-width space (after a hyphen) */
			w->ucs[k] = u->width > 0 ? ' ' : u->ch;
		else
			w->ucs[k] = 'x'; /* a marker breaks like a letter */
	}
	if (flags & WRAP_BLANKS) {
		for (k = 0; k < n; k++)
			w->brk[k] = k > 0 && (w->ucs[k - 1] == ' ' ||
			    w->ucs[k - 1] == '\t') && w->ucs[k] != ' ' &&
			    w->ucs[k] != '\t';
		return;
	}
	u32_possible_linebreaks(w->ucs, n, "UTF-8", w->brk);
	for (k = 0; k < n; k++)
		w->brk[k] = (w->brk[k] == UC_BREAK_POSSIBLE ||
		    w->brk[k] == UC_BREAK_MANDATORY) && !glued(w->ucs, k);
}

static int
unit_width(const struct text_unit *u, int col)
{
	if (u->kind == TEXT_TAB)
		return TEXT_TAB_STOP - col % TEXT_TAB_STOP;
	return u->width;
}

static void
wrap_emit(struct wrap *w, const char *data, size_t from, size_t to,
    size_t line_end, int indent, bool join)
{
	struct wrap_row *r;
	size_t last = to;

	(void)data;
	while (last > from && is_trailing_unit(&w->units[last - 1]))
		last--;
	w->rows = xgrow(w->rows, &w->cap_rows, w->nrows + 1, sizeof *w->rows);
	r = &w->rows[w->nrows++];
	if (from < w->nunits) {
		r->start = w->units[from].off;
		r->style = w->units[from].style;
	} else {
		r->start = line_end;
		text_style_reset(&r->style);
	}
	r->end = last > from ? w->units[last - 1].off + w->units[last - 1].len
	    : r->start;
	r->indent = (uint16_t)indent;
	r->join = join;
	r->tag = false;
	r->quote = false;
	r->squeeze = 0;
	r->squeeze_at = 0;
}

/* Are units [from, to) all blanks? */
static bool
blank_run(const struct wrap *w, size_t from, size_t to)
{
	while (from < to && is_blank_unit(&w->units[from]))
		from++;
	return from == to;
}

/* Dot leaders shorter than this are not shortened ("Intro ... 7"). */
#define WRAP_LEADER_MIN 3

/* A line with dot leaders ("1.1  Purpose ........ 7") too wide for avail
 * columns, that fits with its longest run of dots shortened (to
 * WRAP_LEADER_MIN at least): the first dot to skip, and how many. */
static bool
leader_squeeze(const struct wrap *w, int avail, size_t *at, unsigned *n)
{
	size_t k, run = 0, best = 0, best_end = 0;
	int total = 0;

	for (k = 0; k < w->nunits; k++) {
		const struct text_unit *u = &w->units[k];

		total += unit_width(u, total);
		if (u->kind == TEXT_CHAR && u->ch == '.') {
			if (++run > best) {
				best = run;
				best_end = k + 1;
			}
		} else {
			run = 0;
		}
	}
	if (total <= avail || best < WRAP_LEADER_MIN + 1 ||
	    total - (int)(best - WRAP_LEADER_MIN) > avail)
		return false;
	for (k = best_end; k < w->nunits; k++)
		if (w->units[k].kind == TEXT_TAB)
			return false; /* its columns would move */
	*at = w->units[best_end - best].off;
	*n = (unsigned)(total - avail);
	return true;
}

size_t
wrap_line(struct wrap *w, const char *data, size_t start, size_t end,
    int width, unsigned flags)
{
	return wrap_line_hang(w, data, start, end, width, flags, -1, 0);
}

size_t
wrap_line_hang(struct wrap *w, const char *data, size_t start, size_t end,
    int width, unsigned flags, int hang, int first)
{
	size_t k, row = 0, brk_at = 0;
	int col, indent;

	if (width < 1)
		width = 1;
	if (first < 0 || first > width / WRAP_MAX_INDENT_DIVISOR)
		first = 0;
	col = indent = first;
	w->nrows = 0;
	wrap_decode(w, data, start, end, flags);
	wrap_breaks(w, flags);
	if (hang < 0 && (flags & WRAP_QUOTE)) {
		/* past the quote's markers, and a list item's in it */
		size_t i = start, q;

		while (i < end && (data[i] == ' ' || data[i] == '\t'))
			i++;
		q = text_quote_prefix(data + i, end - i);
		hang = (int)text_width(data + start, i + q - start) +
		    wrap_hanging_indent(data, i + q, end);
	}
	if (hang < 0)
		hang = flags & WRAP_HARD ? 0 :
		    wrap_hanging_indent(data, start, end);
	if (hang > width / WRAP_MAX_INDENT_DIVISOR)
		hang = width / WRAP_MAX_INDENT_DIVISOR;
	if (!(flags & (WRAP_HARD | WRAP_CLIP | WRAP_JOIN))) {
		size_t at;
		unsigned n;

		/* a table of contents' line: its leaders give way */
		if (leader_squeeze(w, width - first, &at, &n)) {
			wrap_emit(w, data, 0, w->nunits, end, first, false);
			w->rows[0].squeeze = (uint16_t)n;
			w->rows[0].squeeze_at = at;
			w->rows[0].tag = (flags & WRAP_TAG) != 0;
			return 1;
		}
	}
	for (k = 0; k < w->nunits; k++) {
		const struct text_unit *u = &w->units[k];
		int uw = unit_width(u, col);

		if (k > row && w->brk[k])
			brk_at = k;
		if (col + uw > width && (flags & WRAP_CLIP)) {
			wrap_emit(w, data, row, k, end, indent, false);
			return w->nrows;
		}
		if (col + uw > width && k > row && !is_blank_unit(u)) {
			size_t cut = brk_at > row ? brk_at : k;

			/* a line indented so deep that its first word does
			 * not fit after its blanks: no row of blanks alone,
			 * its text starts at the hang as a next row would */
			if (w->nrows > 0 || !blank_run(w, row, cut))
				wrap_emit(w, data, row, cut, end, indent,
				    (flags & WRAP_JOIN) != 0);
			row = cut;
			while (row < w->nunits && is_blank_unit(&w->units[row]))
				row++;
			indent = hang;
			col = indent;
			brk_at = 0;
			k = row - 1; /* rescan the carried-over units */
			continue;
		}
		col += uw;
	}
	if (w->nrows == 0 || row < w->nunits)
		wrap_emit(w, data, row, w->nunits, end, indent,
		    (flags & WRAP_JOIN) != 0);
	/* the first row has the tag; shown again, it keeps its blanks */
	w->rows[0].tag = (flags & WRAP_TAG) != 0;
	for (k = 0; k < w->nrows; k++)
		w->rows[k].quote = (flags & WRAP_QUOTE) != 0;
	return w->nrows;
}
