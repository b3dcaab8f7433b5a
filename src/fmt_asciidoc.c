/* AsciiDoc outlines: "== Title" lines (level = number of '='), and two-line
 * titles underlined with = - ~ ^ + (the underline within one character of
 * the title's length).  Nothing inside a delimited block is a heading; a
 * stack of open delimiters follows nesting, and verbatim blocks (listing,
 * literal, passthrough, comment, fenced) are closed only by their own
 * delimiter.  Discrete headings ([discrete], [float]) are not sections. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "outline.h"
#include "text.h"

#define ADOC_MAX_DEPTH 32
#define ADOC_MAX_DELIM 64

struct adoc_delim {
	char ch;
	size_t len;
	bool verbatim;
	size_t open;    /* offset of the opening delimiter line */
};

struct adoc {
	struct outline *o;
	const char *d;
	struct adoc_delim stack[ADOC_MAX_DEPTH];
	int depth;
	bool discrete;    /* the last attribute line was [discrete] */
	bool title_ok;    /* a setext title may start on this line */
};

static bool
adoc_repeated(const char *s, size_t n, char c, size_t min)
{
	size_t i;

	if (n < min)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] != c)
			return false;
	return true;
}

/* Is the line a block delimiter?  Fills *out. */
static bool
adoc_delimiter(const char *s, size_t n, struct adoc_delim *out)
{
	static const char four[] = "/-.=*_+";

	out->len = n;
	out->verbatim = false;
	if (n == 2 && s[0] == '-' && s[1] == '-') {
		out->ch = 'o';
		return true;
	}
	if (n >= 3 && s[0] == '`' && s[1] == '`' && s[2] == '`') {
		out->ch = '`';
		out->len = 3;
		out->verbatim = true;
		return true;
	}
	if (n >= 4 && strchr("|,:!", s[0]) != NULL &&
	    adoc_repeated(s + 1, n - 1, '=', 3)) {
		out->ch = s[0];
		return true;
	}
	if (n >= 4 && strchr(four, s[0]) != NULL &&
	    adoc_repeated(s, n, s[0], 4)) {
		out->ch = s[0];
		out->verbatim = strchr("/-.+", s[0]) != NULL;
		return true;
	}
	return false;
}

static bool
adoc_closes(const struct adoc_delim *open, const char *s, size_t n)
{
	if (open->ch == '`')
		return n >= 3 && memcmp(s, "```", 3) == 0 &&
		    adoc_repeated(s, n, '`', 3);
	if (open->ch == 'o')
		return n == 2 && s[0] == '-' && s[1] == '-';
	if (strchr("|,:!", open->ch) != NULL)
		return n == open->len && s[0] == open->ch &&
		    adoc_repeated(s + 1, n - 1, '=', 3);
	return n == open->len && adoc_repeated(s, n, open->ch, 4);
}

/* "== Title" (or Markdown-style "## Title"): returns the level or 0. */
static int
adoc_atx(const char *s, size_t n, size_t *title_start, size_t *title_end)
{
	size_t i = 0, e = n, marks;
	char c = s[0];

	if (c != '=' && c != '#')
		return 0;
	while (i < n && s[i] == c)
		i++;
	marks = i;
	if (marks > 6 || i >= n || s[i] != ' ')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	while (e > i && s[e - 1] == ' ')
		e--;
	/* symmetric closing marks: "== Title ==" */
	if (e > i && s[e - 1] == c) {
		size_t k = e;

		while (k > i && s[k - 1] == c)
			k--;
		if (k > i && s[k - 1] == ' ') {
			e = k;
			while (e > i && s[e - 1] == ' ')
				e--;
		}
	}
	if (e == i)
		return 0;
	*title_start = i;
	*title_end = e;
	return (int)marks;
}

static int
adoc_underline_level(char c)
{
	switch (c) {
	case '=': return 1;
	case '-': return 2;
	case '~': return 3;
	case '^': return 4;
	case '+': return 5;
	default: return 0;
	}
}

static bool
adoc_has_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* Is (t, u) a two-line title?  Returns its level or 0. */
static int
adoc_setext(const char *t, size_t tn, const char *u, size_t un)
{
	size_t tw;
	int level;

	if (un < 2 || tn == 0 || t[0] == '.' || t[0] == ' ' || t[0] == '\t' ||
	    t[0] == '[' || !adoc_has_word(t, tn))
		return 0;
	level = adoc_underline_level(u[0]);
	if (level == 0 || !adoc_repeated(u, un, u[0], 2))
		return 0;
	tw = text_width(t, tn);
	return tw + 1 >= un && un + 1 >= tw ? level : 0;
}

static void
adoc_add(struct adoc *a, size_t offset, unsigned long line, int level,
    const char *s, size_t n)
{
	struct buf t = BUF_INIT;

	if (!a->discrete) {
		outline_clean_inline(&t, s, n, FORMAT_ASCIIDOC);
		outline_add(a->o, offset, line, level, buf_str(&t), t.len);
	}
	buf_fini(&t);
	a->discrete = false;
}

/* Handle a line outside any block; returns true when it was a heading or
 * opened a block. */
static void
adoc_line(struct adoc *a, struct line_iter *it, const struct line *l)
{
	const char *s = a->d + l->start;
	size_t n = l->end - l->start, ts, te;
	struct adoc_delim dl;
	struct line_iter save = *it;
	struct line next;
	int level;

	if (n == 0) {
		a->title_ok = true;
		a->discrete = false;
		return;
	}
	if (n >= 2 && s[0] == '/' && s[1] == '/' && !adoc_repeated(s, n, '/', 4))
		return; /* a comment line changes nothing */
	if (s[0] == '[' && s[n - 1] == ']') {
		a->discrete = (n >= 10 && memcmp(s, "[discrete", 9) == 0) ||
		    (n >= 7 && memcmp(s, "[float", 6) == 0);
		a->title_ok = true;
		return;
	}
	if (a->title_ok && line_iter_next(it, &next)) {
		level = adoc_setext(s, n, a->d + next.start,
		    next.end - next.start);
		if (level > 0) {
			adoc_add(a, l->start, l->lineno, level, s, n);
			a->title_ok = false;
			return;
		}
		*it = save;
	}
	if ((level = adoc_atx(s, n, &ts, &te)) > 0) {
		adoc_add(a, l->start, l->lineno, level, s + ts, te - ts);
		a->title_ok = true;
		return;
	}
	if (adoc_delimiter(s, n, &dl) && a->depth < ADOC_MAX_DEPTH) {
		dl.open = l->start;
		a->stack[a->depth++] = dl;
		a->title_ok = false;
		return;
	}
	a->discrete = false;
	a->title_ok = false;
}

void
fmt_asciidoc_parse(struct outline *o, const struct document *doc)
{
	struct adoc a;
	struct line_iter it;
	struct line l;

	memset(&a, 0, sizeof a);
	a.o = o;
	a.d = doc->data;
	a.title_ok = true;
	line_iter_init(&it, doc->data, doc->len, doc->text_start);
	while (line_iter_next(&it, &l) && outline_scanned(o, l.start)) {
		const char *s = a.d + l.start;
		size_t n = l.end - l.start;
		struct adoc_delim dl;

		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (a.depth > 0) {
			struct adoc_delim *top = &a.stack[a.depth - 1];

			if (adoc_closes(top, s, n)) {
				if (top->verbatim)
					outline_add_verbatim(o, top->open, l.end);
				a.depth--;
				a.title_ok = false;
			} else if (!top->verbatim && adoc_delimiter(s, n, &dl) &&
			    a.depth < ADOC_MAX_DEPTH) {
				dl.open = l.start;
				a.stack[a.depth++] = dl;
			}
			continue;
		}
		l.end = l.start + n;
		adoc_line(&a, &it, &l);
	}
}
