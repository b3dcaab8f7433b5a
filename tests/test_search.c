/* Search tests: what a pattern finds in a document, as the reader would
 * count the matches on screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "search.h"
#include "tap.h"

/* The matches of pattern in text as "START-END,..." (document offsets), or
 * the error message. */
static void
matches(const char *text, size_t len, const char *pattern, struct buf *out)
{
	struct document doc;
	struct search s;
	char msg[SEARCH_MSG_MAX];
	size_t i;

	document_init_static(&doc, text, len, "t.txt");
	search_init(&s);
	buf_reset(out);
	if (search_compile(&s, pattern, &doc, msg) != 0)
		buf_adds(out, msg);
	for (i = 0; i < s.n; i++)
		buf_addf(out, "%s%zu-%zu", i ? "," : "", s.start[i], s.end[i]);
	search_fini(&s);
	document_fini(&doc);
}

static void
check(const char *text, const char *pattern, const char *want,
    const char *what)
{
	struct buf got = BUF_INIT;

	matches(text, strlen(text), pattern, &got);
	is_str(buf_str(&got), want, what);
	buf_fini(&got);
}

static void
test_patterns(void)
{
	check("one two one\nthree one\n", "one", "0-3,8-11,18-21",
	    "every match, in document order");
	check("abc\n", "zzz", "", "no match: none");
	check("a(b\n", "a(b", "Bad pattern: missing closing parenthesis "
	    "(at offset 3)", "an invalid pattern: PCRE2's message and offset");
	check("line one\nline two\n", "^line", "0-4,9-13",
	    "^ matches at every line start");
	check("end one\nend two", "\\w+$", "4-7,12-15",
	    "$ matches at every line end");
	check("foo bar\nbaz\n", "bar\\sbaz", "4-11",
	    "a match may span a line end");
	check("aaa\n", "x*", "0-0,1-1,2-2,3-3,4-4",
	    "empty matches advance a character at a time");
	check("caf\xC3\xA9 caf\xC3\xA9\n", "\\w+", "0-5,6-11",
	    "\\w knows non-ASCII letters (Unicode properties)");
	check("\xFFword\xFEword\n", "word", "1-5,6-10",
	    "invalid UTF-8 in the document does not stop the search");
}

static void
test_smart_case(void)
{
	ok(!search_has_capital("hello world"), "no capital: ignore case");
	ok(search_has_capital("Hello"), "a capital: exact");
	ok(search_has_capital("\xC3\x89" "cole"), "a non-ASCII capital: exact");
	ok(!search_has_capital("\\S+\\W\\D\\B"), "escapes are not capitals");
	ok(!search_has_capital("\\p{Lu}x"), "nor are property names");
	check("Folio FOLIO folio\n", "folio", "0-5,6-11,12-17",
	    "lower case matches any case");
	check("Folio FOLIO folio\n", "Folio", "0-5",
	    "a capital letter makes it exact");
	check("\xC3\x89" "COLE \xC3\xA9" "cole\n", "\xC3\xA9" "cole",
	    "0-6,7-13", "case is folded beyond ASCII: \xC3\xA9" "cole "
	    "finds \xC3\x89" "COLE");
	check("\xC3\x89" "COLE \xC3\xA9" "cole\n", "\xC3\x89" "COLE",
	    "0-6", "and \xC3\x89" "COLE finds only itself");
	check("stra\xC3\x9F" "e STRASSE\n", "\xCE\xA3", "",
	    "an unrelated capital finds nothing");
}

static void
test_displayed_text(void)
{
	/* "bold" in overstrike, as man(1) writes it, then plain text */
	static const char man[] = "b\bbo\bol\bld\bd text\nbold again\n";
	static const char sgr[] = "a \x1b[1mred\x1b[0m line\nred\n";

	check(man, "bold", "0-12,18-22",
	    "overstrike is searched as displayed; offsets are the "
	    "document's");
	check(man, "d text", "9-17", "a match runs on past overstrike");
	check(sgr, "red line", "6-18",
	    "escape sequences are not part of the text searched, nor of "
	    "the match");
	check(sgr, "\\[1m", "", "and cannot be found");
	check(sgr, "^red", "19-22", "lines after a dirty one are found too");
}

static void
test_find(void)
{
	static const char text[] = "x x x\n";
	struct document doc;
	struct search s;
	char msg[SEARCH_MSG_MAX];

	document_init_static(&doc, text, sizeof text - 1, "t.txt");
	search_init(&s);
	ok(!search_active(&s), "no pattern at first");
	search_compile(&s, "x", &doc, msg);
	ok(search_active(&s) && s.n == 3, "three matches");
	is_long(search_find(&s, 0, false), 0, "forward from 0: the first");
	is_long(search_find(&s, 1, false), 1, "forward from 1: the second");
	is_long(search_find(&s, 5, false), -1, "forward from the last: none");
	is_long(search_find(&s, 4, true), 1, "backward from 4: the second");
	is_long(search_find(&s, 0, true), -1, "backward from 0: none");
	is_long((long)search_first_after(&s, 2), 1,
	    "the first match ending after 2 is the second");
	ok(search_compile(&s, "(", &doc, msg) == -1 && s.n == 3 &&
	    strcmp(s.pattern, "x") == 0, "a bad pattern changes nothing");
	search_clear(&s);
	ok(!search_active(&s) && s.n == 0, "cleared");
	search_fini(&s);
	document_fini(&doc);
}

static void
test_many(void)
{
	struct buf text = BUF_INIT;
	struct document doc;
	struct search s;
	char msg[SEARCH_MSG_MAX];
	int i;

	for (i = 0; i < 5000; i++)
		buf_adds(&text, "a word and a \x1b[1mword\x1b[0m\n");
	document_init_static(&doc, text.data, text.len, "t.txt");
	search_init(&s);
	search_compile(&s, "word", &doc, msg);
	is_long((long)s.n, 10000, "10000 matches on 5000 dirty lines");
	ok(!s.capped && !s.too_complex, "all found");
	search_fini(&s);
	document_fini(&doc);
	buf_fini(&text);
}

static int asked;
static int stop_after;
static size_t asked_at[64];

static bool
stop_at(void *arg, size_t at)
{
	(void)arg;
	if (asked < 64)
		asked_at[asked] = at;
	return ++asked > stop_after;
}

/* A search the reader may stop (as you type, or a key after Enter) goes a
 * chunk at a time: it finds what a whole search finds, matches across a
 * chunk's end included, asks to go on at least every SEARCH_CHUNK bytes,
 * and stops when told to. */
static void
test_stoppable(void)
{
	size_t len = 3 * SEARCH_CHUNK + 1000, i;
	char *text = malloc(len);
	struct document doc;
	struct search whole, chunked;
	char msg[SEARCH_MSG_MAX];
	const char *pattern = "g\\na|bold|zyzzyva";
	bool same, paced;

	/* "h\na" across every line end, wherever the chunks end; a word
	 * after the last chunk, and an ESC line (searched as displayed) in
	 * between */
	for (i = 0; i < len; i++)
		text[i] = i % 64 == 63 ? '\n' : "abcdefgh"[i % 8];
	memcpy(text + 2 * SEARCH_CHUNK, "\x1b[1mbold\x1b[0m\n", 13);
	memcpy(text + len - 20, "zyzzyva\n", 8);
	document_init_static(&doc, text, len, "t.txt");
	search_init(&whole);
	search_init(&chunked);
	chunked.stop = stop_at;
	stop_after = 1000;
	ok(search_compile(&whole, pattern, &doc, msg) == 0 &&
	    whole.n > len / 64 - 4, "the whole search finds them all");
	asked = 0;
	ok(search_compile(&chunked, pattern, &doc, msg) == 0 &&
	    !chunked.interrupted && asked >= 3,
	    "a stoppable one asks to go on as it goes");
	same = chunked.n == whole.n;
	for (i = 0; same && i < whole.n; i++)
		same = chunked.start[i] == whole.start[i] &&
		    chunked.end[i] == whole.end[i];
	ok(same, "and finds the same, across the chunks' ends too");
	paced = asked <= 64 && asked_at[0] <= SEARCH_CHUNK_FIRST + 64 &&
	    len - asked_at[asked - 1] <= SEARCH_CHUNK + 64;
	for (i = 1; paced && i < (size_t)asked; i++)
		paced = asked_at[i] >= asked_at[i - 1] &&
		    asked_at[i] - asked_at[i - 1] <= SEARCH_CHUNK + 64;
	ok(paced, "at most SEARCH_CHUNK bytes apart, saying how far it is");
	asked = 0;
	stop_after = 1;
	search_run(&chunked, &doc);
	ok(chunked.interrupted && chunked.n < whole.n,
	    "told to stop, it stops there, incomplete");
	chunked.stop = NULL;
	search_run(&chunked, &doc);
	ok(!chunked.interrupted && chunked.n == whole.n,
	    "run again without stopping, it is complete");
	search_fini(&whole);
	search_fini(&chunked);
	document_fini(&doc);
	free(text);
}

/* A pattern that backtracks at every word is slow to match: the chunks
 * shrink, so that the search still asks to go on often (a key stops it
 * soon, and C-c ends folio with the place saved). */
static void
test_slow_pattern(void)
{
	static const char line[] = "The quick brown fox jumps over the lazy "
	    "dog near the river bank.\n";
	size_t len = 1u << 20, i;
	char *text = malloc(len);
	struct document doc;
	struct search s;
	char msg[SEARCH_MSG_MAX];
	bool shrank = false;

	for (i = 0; i < len; i++)
		text[i] = line[i % (sizeof line - 1)];
	document_init_static(&doc, text, len, "t.txt");
	search_init(&s);
	s.stop = stop_at;
	stop_after = 6;
	asked = 0;
	ok(search_compile(&s, "(?:\\w+\\s*){8}\\d", &doc, msg) == 0 &&
	    s.interrupted, "a slow search is stopped when told");
	for (i = 1; i < (size_t)asked; i++)
		if (asked_at[i] - asked_at[i - 1] < SEARCH_CHUNK_FIRST)
			shrank = true;
	ok(shrank, "its chunks grew shorter than the first");
	search_fini(&s);
	document_fini(&doc);
	free(text);
}

int
main(void)
{
	test_patterns();
	test_smart_case();
	test_displayed_text();
	test_find();
	test_many();
	test_stoppable();
	test_slow_pattern();
	return tap_done();
}
