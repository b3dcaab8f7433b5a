/* reStructuredText outlines: a title is a line at the left margin with an
 * underline (and optionally an overline of the same length) made of one
 * punctuation character repeated.  Levels follow the order in which each
 * adornment style (character, with or without overline) first appears, as
 * docutils does.  Indented text (literal blocks, directives) is never a
 * title, since titles cannot be indented.  Literal blocks (the indented
 * text after a paragraph ending "::" or a code directive) and doctest
 * blocks are recorded as verbatim: the reader shows them as written, and
 * reflows the rest, block quotes and directives' text included. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "outline.h"
#include "text.h"

#define RST_MAX_STYLES 16
/* docutils treats an underline shorter than the title and shorter than
 * this as ordinary text. */
#define RST_MIN_SHORT_UNDERLINE 4

struct rst_style {
	char ch;
	bool over;
};

struct rst {
	struct outline *o;
	const char *d;
	struct rst_style styles[RST_MAX_STYLES];
	int nstyles;
};

static bool
rst_adorn_char(char c)
{
	return c != '\0' && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c)
	    != NULL;
}

static bool
rst_adornment(const char *s, size_t n)
{
	size_t i;

	if (n < 2 || !rst_adorn_char(s[0]))
		return false;
	for (i = 1; i < n; i++)
		if (s[i] != s[0])
			return false;
	return true;
}

static size_t
rst_trim(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n;
}

static int
rst_level(struct rst *r, char ch, bool over)
{
	int i;

	for (i = 0; i < r->nstyles; i++)
		if (r->styles[i].ch == ch && r->styles[i].over == over)
			return i + 1;
	if (r->nstyles < RST_MAX_STYLES) {
		r->styles[r->nstyles].ch = ch;
		r->styles[r->nstyles].over = over;
		r->nstyles++;
	}
	return r->nstyles;
}

static bool
rst_title_text(const char *s, size_t n)
{
	return n > 0 && !rst_adornment(s, n);
}

static bool
rst_underline_fits(size_t ulen, const char *t, size_t tn)
{
	size_t tw = text_width(t, tn);

	return ulen >= tw || ulen >= RST_MIN_SHORT_UNDERLINE;
}

static void
rst_add(struct rst *r, size_t offset, unsigned long line, char ch,
    bool over, const char *s, size_t n)
{
	struct buf t = BUF_INIT;
	int level = rst_level(r, ch, over);

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	outline_clean_inline(&t, s, n, FORMAT_RST);
	if (over)
		outline_add_overlined(r->o, offset, line, level, buf_str(&t),
		    t.len);
	else
		outline_add(r->o, offset, line, level, buf_str(&t), t.len);
	buf_fini(&t);
}

/* The columns s is indented by; in *bytes (if not NULL) how many bytes
 * that indent is (a tab is several columns). */
static int
rst_indent(const char *s, size_t n, size_t *bytes)
{
	size_t i;
	int col = 0;

	for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		col = s[i] == '\t' ? (col / TEXT_TAB_STOP + 1) * TEXT_TAB_STOP
		    : col + 1;
	if (bytes != NULL)
		*bytes = i;
	return col;
}

/* Does this line (its indent cut) introduce a literal block: a
 * paragraph's line ending "::", or a directive whose text is code? */
static bool
rst_literal_intro(const char *s, size_t n)
{
	static const char *const code[] = {
		"code::", "code-block::", "sourcecode::", "parsed-literal::",
		"math::", "highlight::",
	};
	size_t i, k;

	if (n >= 3 && memcmp(s, ".. ", 3) == 0) {
		for (i = 0; i < sizeof code / sizeof code[0]; i++) {
			k = strlen(code[i]);
			if (n >= 3 + k && memcmp(s + 3, code[i], k) == 0)
				return true;
		}
		return false; /* other directives' text is prose */
	}
	return n >= 2 && s[n - 1] == ':' && s[n - 2] == ':';
}

void
fmt_rst_parse(struct outline *o, const struct document *doc)
{
	struct rst r;
	struct line_iter it;
	struct line l, t, u;
	bool prev_blank = true;
	/* a literal block: expected after its introduction (deeper than
	 * `intro`), or being read ([lit_start, lit_end)); a doctest block
	 * runs to the next blank line */
	bool expect = false, in_lit = false, doctest = false;
	int intro = 0;
	size_t lit_start = 0, lit_end = 0, lead;

	memset(&r, 0, sizeof r);
	r.o = o;
	r.d = doc->data;
	line_iter_init(&it, doc->data, doc->len, doc->text_start);
	while (line_iter_next(&it, &l) && outline_scanned(o, l.start)) {
		const char *s = r.d + l.start;
		size_t n = rst_trim(s, l.end - l.start);
		struct line_iter save = it;

		if (n == 0) {
			prev_blank = true;
			if (doctest) {
				outline_add_verbatim(o, lit_start, lit_end);
				doctest = false;
			}
			continue;
		}
		if (in_lit || doctest) {
			if (doctest || rst_indent(s, n, NULL) > intro) {
				lit_end = l.end;
				prev_blank = false;
				continue;
			}
			outline_add_verbatim(o, lit_start, lit_end);
			in_lit = false;
		}
		if (expect) {
			expect = false;
			if (prev_blank && rst_indent(s, n, NULL) > intro) {
				in_lit = true;
				lit_start = l.start;
				lit_end = l.end;
				prev_blank = false;
				continue;
			}
		}
		/* at the margin or in a block quote */
		(void)rst_indent(s, n, &lead);
		if (prev_blank && lead + 4 <= n &&
		    memcmp(s + lead, ">>> ", 4) == 0) {
			doctest = true;
			lit_start = l.start;
			lit_end = l.end;
			prev_blank = false;
			continue;
		}
		if (prev_blank && rst_adornment(s, n) &&
		    line_iter_next(&it, &t) && line_iter_next(&it, &u)) {
			const char *ts = r.d + t.start, *us = r.d + u.start;
			size_t tn = rst_trim(ts, t.end - t.start);
			size_t un = rst_trim(us, u.end - u.start);

			if (un == n && memcmp(us, s, n) == 0 &&
			    rst_title_text(ts, tn) &&
			    text_width(ts, tn) <= n) {
				rst_add(&r, l.start, t.lineno, s[0], true, ts,
				    tn);
				prev_blank = false;
				continue;
			}
		}
		it = save;
		if (prev_blank && s[0] != ' ' && s[0] != '\t' &&
		    rst_title_text(s, n) && line_iter_next(&it, &u)) {
			const char *us = r.d + u.start;
			size_t un = rst_trim(us, u.end - u.start);

			if (rst_adornment(us, un) &&
			    rst_underline_fits(un, s, n)) {
				rst_add(&r, l.start, l.lineno, us[0], false, s,
				    n);
				prev_blank = false;
				continue;
			}
			it = save;
		}
		prev_blank = false;
		intro = rst_indent(s, n, &lead);
		expect = rst_literal_intro(s + lead, n - lead);
	}
	if (in_lit || doctest)
		outline_add_verbatim(o, lit_start, lit_end);
}
