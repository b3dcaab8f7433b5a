/* reStructuredText outlines: a title is a line at the left margin with an
 * underline (and optionally an overline of the same length) made of one
 * punctuation character repeated.  Levels follow the order in which each
 * adornment style (character, with or without overline) first appears, as
 * docutils does.  Indented text (literal blocks, directives) is never a
 * title, since titles cannot be indented. */
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

void
fmt_rst_parse(struct outline *o, const struct document *doc)
{
	struct rst r;
	struct line_iter it;
	struct line l, t, u;
	bool prev_blank = true;

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
	}
}
