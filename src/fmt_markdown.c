/* Markdown outlines through md4c: CommonMark decides what a heading is, so
 * '#' lines in fenced or indented code and HTML blocks never count.  md4c's
 * text pointers point into the document, which gives each heading's offset
 * without copying anything.  YAML front matter is skipped and its title:
 * kept as the document title. */
#include "config.h"

#include <limits.h>
#include <md4c.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "dynlib.h"
#include "outline.h"
#include "xalloc.h"

/* md4c is loaded at the first Markdown outline (dynlib.h), not at every
 * start. */
static __typeof__(md_parse) *md_parse_fn;
static const struct dynlib_symbol md_sym[] = {
	{ "md_parse", (void **)&md_parse_fn },
};
#define MD_SONAME "libmd4c.so.0"
#define MD_PACKAGE "libmd4c0"
static struct dynlib md_lib = { MD_SONAME, MD_PACKAGE, md_sym,
    sizeof md_sym / sizeof md_sym[0], NULL, false };

struct md_state {
	struct outline *o;
	const struct document *doc;
	int containers;    /* depth of block quotes and lists */
	bool in_heading;
	bool in_code;
	size_t code_first, code_last; /* text of the code block, or -1 */
	int level;
	size_t first;      /* offset of the heading's first text, or -1 */
	struct buf title;
	size_t line_off;   /* line counting: '\n's before line_off ... */
	unsigned long line_no; /* ... make line_off part of line line_no */
};

static unsigned long
md_line_of(struct md_state *st, size_t off)
{
	const char *p = st->doc->data + st->line_off;
	const char *end = st->doc->data + off;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		st->line_no++;
		p++;
	}
	st->line_off = off;
	return st->line_no;
}

static int
md_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct md_state *st = userdata;

	if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_UL ||
	    type == MD_BLOCK_OL)
		st->containers++;
	/* code, raw HTML and tables are shown as written */
	if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML ||
	    (type == MD_BLOCK_TABLE && st->containers == 0)) {
		st->in_code = true;
		st->code_first = st->code_last = (size_t)-1;
	}
	if (type == MD_BLOCK_H && st->containers == 0) {
		st->in_heading = true;
		st->level = (int)((MD_BLOCK_H_DETAIL *)detail)->level;
		st->first = (size_t)-1;
		buf_reset(&st->title);
	}
	return 0;
}

static int
md_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct md_state *st = userdata;
	size_t start;

	(void)detail;
	if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_UL ||
	    type == MD_BLOCK_OL)
		st->containers--;
	if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML ||
	    (type == MD_BLOCK_TABLE && st->containers == 0)) {
		st->in_code = false;
		if (st->code_first != (size_t)-1)
			outline_add_verbatim(st->o,
			    document_line_start(st->doc, st->code_first),
			    document_line_end(st->doc, st->code_last));
		return 0;
	}
	if (type != MD_BLOCK_H || !st->in_heading)
		return 0;
	st->in_heading = false;
	/* A heading with no text has no position md4c can tell: skip it. */
	if (st->first == (size_t)-1)
		return 0;
	start = document_line_start(st->doc, st->first);
	outline_add(st->o, start, md_line_of(st, start), st->level,
	    buf_str(&st->title), st->title.len);
	return 0;
}

static int
md_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	(void)type;
	(void)detail;
	(void)userdata;
	return 0;
}

/* The few entities headings use; others are kept as written. */
static void
md_entity(struct buf *b, const char *s, size_t n)
{
	static const struct {
		const char *name;
		const char *text;
	} named[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&apos;", "'" }, { "&nbsp;", " " },
		{ "&mdash;", "\xE2\x80\x94" }, { "&ndash;", "\xE2\x80\x93" },
		{ "&hellip;", "\xE2\x80\xA6" }, { "&copy;", "\xC2\xA9" },
	};
	size_t i;

	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strlen(named[i].name) == n &&
		    memcmp(named[i].name, s, n) == 0) {
			buf_adds(b, named[i].text);
			return;
		}
	if (n > 3 && s[1] == '#') {
		char tmp[16];
		unsigned long cp;
		uint8_t enc[6];
		int len;

		if (n - 3 >= sizeof tmp) {
			buf_add(b, s, n);
			return;
		}
		memcpy(tmp, s + 2, n - 3);
		tmp[n - 3] = '\0';
		cp = tmp[0] == 'x' || tmp[0] == 'X' ? strtoul(tmp + 1, NULL, 16)
		    : strtoul(tmp, NULL, 10);
		if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			cp = 0xfffd;
		len = u8_uctomb(enc, (ucs4_t)cp, sizeof enc);
		if (len > 0)
			buf_add(b, enc, (size_t)len);
		return;
	}
	buf_add(b, s, n);
}

static int
md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
	struct md_state *st = userdata;
	const char *d = st->doc->data;

	if (text >= d && text < d + st->doc->len &&
	    !outline_scanned(st->o, (size_t)(text - d)))
		return -1; /* the reader left: md_parse stops */
	if (st->in_code && text >= d && text < d + st->doc->len) {
		if (st->code_first == (size_t)-1)
			st->code_first = (size_t)(text - d);
		st->code_last = (size_t)(text - d);
	}
	if (!st->in_heading)
		return 0;
	if (st->first == (size_t)-1 && text >= d && text < d + st->doc->len)
		st->first = (size_t)(text - d);
	switch (type) {
	case MD_TEXT_NULLCHAR:
		buf_adds(&st->title, "\xEF\xBF\xBD");
		break;
	case MD_TEXT_BR:
	case MD_TEXT_SOFTBR:
		buf_addc(&st->title, ' ');
		break;
	case MD_TEXT_ENTITY:
		md_entity(&st->title, text, size);
		break;
	case MD_TEXT_HTML:
		break;
	default:
		if (st->title.len + size <= OUTLINE_TITLE_MAX * 2)
			buf_add(&st->title, text, size);
		break;
	}
	return 0;
}

/* Front matter: "---" on the first line, closed by "---" or "...".
 * Returns the offset after it (or start when there is none). */
static size_t
md_front_matter(struct outline *o, const struct document *doc, size_t start)
{
	struct line_iter it;
	struct line l;
	const char *d = doc->data;
	struct buf title = BUF_INIT;

	line_iter_init(&it, d, doc->len, start);
	if (!line_iter_next(&it, &l) || l.end - l.start != 3 ||
	    memcmp(d + l.start, "---", 3) != 0)
		return start;
	while (line_iter_next(&it, &l)) {
		const char *s = d + l.start;
		size_t n = l.end - l.start;

		if ((n == 3 && (memcmp(s, "---", 3) == 0 ||
		    memcmp(s, "...", 3) == 0))) {
			if (title.len > 0)
				outline_set_doc_title(o, title.data, title.len);
			buf_fini(&title);
			return it.pos;
		}
		if (n > 6 && memcmp(s, "title:", 6) == 0 && title.len == 0) {
			size_t a = 6, b = n;

			while (a < b && (s[a] == ' ' || s[a] == '\t'))
				a++;
			if (b - a >= 2 && (s[a] == '"' || s[a] == '\'') &&
			    s[b - 1] == s[a])
				a++, b--;
			buf_add(&title, s + a, b - a);
		}
		if (!outline_scanned(o, it.pos))
			break;
	}
	buf_fini(&title);
	return start; /* never closed: not front matter */
}

void
fmt_markdown_parse(struct outline *o, const struct document *doc)
{
	MD_PARSER parser;
	struct md_state st;
	size_t start, len;

	if (dynlib_load(&md_lib) != 0) {
		/* configure checked it is there: it was removed since */
		outline_set_missing(o, MD_SONAME " is missing (Debian package "
		    MD_PACKAGE "): Markdown outlined as plain text");
		fmt_plain_parse(o, doc);
		return;
	}
	start = md_front_matter(o, doc, doc->text_start);
	len = doc->len - start;
	memset(&parser, 0, sizeof parser);
	parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
	parser.enter_block = md_enter_block;
	parser.leave_block = md_leave_block;
	parser.enter_span = md_span;
	parser.leave_span = md_span;
	parser.text = md_text;
	memset(&st, 0, sizeof st);
	st.o = o;
	st.doc = doc;
	st.line_no = 1;
	if (len > UINT_MAX)
		len = UINT_MAX; /* md4c sizes are unsigned int */
	md_parse_fn(doc->data + start, (MD_SIZE)len, &parser, &st);
	buf_fini(&st.title);
}
