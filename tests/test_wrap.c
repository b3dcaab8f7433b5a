/* Wrapping tests: rows never exceed the width, break between words, keep
 * list indents, and never lose or repeat a byte. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "tap.h"
#include "text.h"
#include "wrap.h"

/* The rows of s wrapped at width, as "row|row|...". */
static void
rows_of(const char *s, int width, unsigned flags, struct buf *out)
{
	struct wrap w;
	size_t i, n;

	wrap_init(&w);
	n = wrap_line(&w, s, 0, strlen(s), width, flags);
	buf_reset(out);
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(out, '|');
		buf_addf(out, "%*s", w.rows[i].indent, "");
		buf_add(out, s + w.rows[i].start, w.rows[i].end - w.rows[i].start);
	}
	wrap_fini(&w);
}

static void
wraps_to(const char *s, int width, unsigned flags, const char *want,
    const char *what)
{
	struct buf b = BUF_INIT;

	rows_of(s, width, flags, &b);
	is_str(buf_str(&b), want, what);
	buf_fini(&b);
}

static void
test_words(void)
{
	wraps_to("the quick brown fox", 10, 0, "the quick|brown fox",
	    "lines break between words");
	wraps_to("the quick brown fox", 100, 0, "the quick brown fox",
	    "a line that fits is one row");
	wraps_to("", 10, 0, "", "an empty line is one empty row");
	wraps_to("abcdefghijklmnop", 5, 0, "abcde|fghij|klmno|p",
	    "a word longer than the width is broken");
	wraps_to("well-known words", 7, 0, "well-|known|words",
	    "a hyphen is a break opportunity");
	wraps_to("abc def", 5, WRAP_HARD, "abc d|ef",
	    "hard wrapping breaks at the width exactly");
	wraps_to("see e.g. config.h at www.example.com", 16, 0,
	    "see e.g.|config.h at|www.example.com",
	    "no break after a full stop inside a word (e.g., a file name)");
	wraps_to("with -mmin or --all", 9, 0, "with|-mmin or|--all",
	    "no break after the hyphens that start an option");
	wraps_to("store it in [etcd](https://etcd.io) now", 24, 0,
	    "store it in|[etcd](https://etcd.io)|now",
	    "no break between a Markdown link's text and its target");
	wraps_to("say '--all' now", 7, 0, "say|'--all'|now",
	    "nor after a quote's");
	wraps_to("a [--all] (-q)", 7, 0, "a|[--all]|(-q)",
	    "nor after a bracket's or parenthesis's");
}

static void
test_indent(void)
{
	wraps_to(" * one two three four", 10, 0,
	    " * one two|   three|   four",
	    "list item continuation rows line up with the item text");
	wraps_to("    indented text here", 12, 0,
	    "    indented|    text|    here",
	    "continuation rows keep the line's indent");
	wraps_to("1. first second third", 10, 0,
	    "1. first|   second|   third",
	    "numbered item continuation rows line up with the item text");
}

static void
test_width_of_rows(void)
{
	static const char cjk[] =
	    "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE6\x96\x87"
	    "\xE7\xAB\xA0\xE3\x81\xA7\xE3\x81\x99";
	struct wrap w;
	size_t i, n, covered = 0;
	bool fits = true;

	wrap_init(&w);
	n = wrap_line(&w, cjk, 0, sizeof cjk - 1, 5, 0);
	for (i = 0; i < n; i++) {
		size_t cols = text_width(cjk + w.rows[i].start,
		    w.rows[i].end - w.rows[i].start);

		fits &= cols <= 5;
		covered += w.rows[i].end - w.rows[i].start;
	}
	ok(n == 4 && fits, "CJK text wraps at two columns a character");
	is_long((long)covered, (long)(sizeof cjk - 1),
	    "wrapping neither drops nor repeats bytes");
	n = wrap_line(&w, "a\tb", 0, 3, 80, 0);
	is_long((long)n, 1, "a tab expands within the row");
	wrap_fini(&w);
}

/* A table of contents' line too wide: its dot leaders give way, down to
 * three dots, and it stays one row as the decoder shows it. */
static void
test_leaders(void)
{
	static const char s[] = "1.1  Purpose ..........7";
	struct text_decoder d;
	struct text_unit u;
	struct buf b = BUF_INIT;
	struct wrap w;
	size_t n;

	wrap_init(&w);
	n = wrap_line(&w, s, 0, sizeof s - 1, 18, 0);
	text_decoder_init(&d, s, w.rows[0].start, w.rows[0].end);
	d.squeeze = w.rows[0].squeeze;
	d.squeeze_at = w.rows[0].squeeze_at;
	while (text_decode(&d, &u))
		buf_add(&b, s + u.off, u.len);
	ok(n == 1 && strcmp(buf_str(&b), "1.1  Purpose ....7") == 0,
	    "dot leaders are shortened to fit the row");
	n = wrap_line(&w, s, 0, sizeof s - 1, 15, 0);
	ok(n > 1 && w.rows[0].squeeze == 0,
	    "but not below three dots: then the line wraps");
	buf_fini(&b);
	wrap_fini(&w);
}

int
main(void)
{
	test_leaders();
	test_words();
	test_indent();
	test_width_of_rows();
	return tap_done();
}
