/* Layout (see layout.h): segments, their rows, and moving between rows. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "layout.h"
#include "text.h"
#include "xalloc.h"

/* Lines indented this much (past the margin) are preformatted in plain
 * text and rst. */
#define LAYOUT_CODE_INDENT 4

static void layout_measure(struct layout *l);

void
layout_init(struct layout *l, const struct document *doc,
    const struct outline *o, int width)
{
	memset(l, 0, sizeof *l);
	l->doc = doc;
	l->o = o;
	l->width = width < 1 ? 1 : width;
	/* source code, configuration, a patch: its lines are its own */
	l->source = format_is_source(doc->path) ||
	    format_is_patch(doc->path, doc->data + doc->text_start,
	    doc->len - doc->text_start);
	l->reflow = !l->source;
	wrap_init(&l->wrap);
	if (o != NULL)
		layout_measure(l);
}

/* Forget the rows laid out and the paragraphs found. */
static void
uncache(struct layout *l)
{
	size_t i;

	for (i = 0; i < LAYOUT_CACHED; i++) {
		l->cache[i].start = l->cache[i].end = 0;
		l->paras[i].start = l->paras[i].next = 0;
	}
	l->big_start = l->big_end = 0;
}

void
layout_set_reflow(struct layout *l, bool on)
{
	l->reflow = on && l->o != NULL && !l->source;
	uncache(l);
}

void
layout_fini(struct layout *l)
{
	size_t i;

	for (i = 0; i < LAYOUT_CACHED; i++)
		free(l->cache[i].rows);
	wrap_fini(&l->wrap);
}

void
layout_set_width(struct layout *l, int width)
{
	l->width = width < 1 ? 1 : width;
}

/* The first byte at or after g that starts a character. */
static size_t
char_boundary(const char *d, size_t len, size_t g)
{
	int k;

	for (k = 0; k < 3 && g < len && ((unsigned char)d[g] & 0xc0) == 0x80;
	    k++)
		g++;
	return g;
}

/* The grid point at or before off (adjusted to a character start). */
static size_t
grid_floor(const char *d, size_t len, size_t off)
{
	size_t g = off / LAYOUT_CHUNK * LAYOUT_CHUNK;
	size_t a = char_boundary(d, len, g);

	if (a > off && g >= LAYOUT_CHUNK)
		a = char_boundary(d, len, g - LAYOUT_CHUNK);
	return a;
}

static size_t
strip_cr(const char *d, size_t start, size_t end)
{
	return end > start && d[end - 1] == '\r' ? end - 1 : end;
}

/* Joining lines into paragraphs.  Two consecutive lines join when both
 * are prose of the same paragraph; every rule looks at the two lines only
 * (and at figures measured once for the document). */

/* Lines wider than this were not hard-wrapped: they are paragraphs. */
#define FILL_MAX 100
#define FILL_DEFAULT 72
/* A line is "full" when the next line's first word would not have fit on
 * it within this share of the document's fill width. */
#define FILL_SLACK_PERCENT 85
#define STATS_SAMPLE (64u * 1024)
/* Paragraphs written as long lines with nothing between them: at least
 * this many in the sample, this share of its lines with text, and three
 * in four followed by text.  Their first rows are indented this much (as
 * a book's). */
#define PARA_MIN_LONG 4
#define PARA_LONG_PERCENT 40
#define PARA_INDENT 2
/* The fill width is the width this share of the prose lines stay within. */
#define FILL_PERCENTILE 90
#define MARGIN_MAX 8
/* A manual page's lines, justified, may be as wide as its terminal. */
#define MAN_RIGHT_MAX 400
/* Lines looked back over for the tag a deeper-indented line belongs to. */
#define TAG_LOOKBACK 8

struct lineinfo {
	const char *s;   /* text after the indent */
	size_t n;        /* its length, trailing blanks cut */
	int indent;
	bool blank;
};

static void
line_info(const struct layout *l, const struct segment *g,
    struct lineinfo *li)
{
	const char *d = l->doc->data;
	size_t i = g->start, e = g->end;

	li->indent = 0;
	while (i < e && (d[i] == ' ' || d[i] == '\t')) {
		li->indent = d[i] == '\t' ? (li->indent / TEXT_TAB_STOP + 1) *
		    TEXT_TAB_STOP : li->indent + 1;
		i++;
	}
	while (e > i && (d[e - 1] == ' ' || d[e - 1] == '\t'))
		e--;
	li->s = d + i;
	li->n = e - i;
	li->blank = i == e;
}

static bool
starts_with(const struct lineinfo *li, const char *prefix)
{
	return text_starts(li->s, li->n, prefix);
}

/* A row of one character repeated: an underline, a rule, a delimiter. */
static bool
is_rule(const struct lineinfo *li)
{
	size_t i;

	if (li->n < 2 || strchr("=-~^+*#_:.'\"`/|", li->s[0]) == NULL)
		return false;
	for (i = 1; i < li->n; i++)
		if (li->s[i] != li->s[0] && li->s[i] != ' ')
			return false;
	return true;
}

/* Columns lined up with runs of blanks: a table, not prose.  Two blanks
 * are sentence spacing or justification (man pages); a table's columns
 * are further apart. */
#define TABLE_GAP 3

/* The columns li's line takes, its indent included; past max, only that
 * it is wider than max. */
static int
line_cols(const struct lineinfo *li, int max)
{
	return li->indent + (int)text_width_max(li->s, li->n, (size_t)max);
}

/* Does li's text, from byte `from` on (past a tag), line up columns?  In a
 * manual page a line that reaches its right margin is justified: its runs
 * of blanks are the justification's. */
static bool
is_tabular_from(const struct layout *l, const struct lineinfo *li,
    size_t from)
{
	size_t i, run = 0;

	if (li->n > 0 && (li->s[0] == '|' || starts_with(li, "+-")))
		return true;
	if (memchr(li->s, '\t', li->n) != NULL)
		return true;
	if (l->man && li->indent > 0 &&
	    line_cols(li, MAN_RIGHT_MAX) == l->right)
		return false;
	for (i = from > 1 ? from : 1; i < li->n; i++) {
		run = li->s[i] == ' ' ? run + 1 : 0;
		if (run >= TABLE_GAP)
			return true;
	}
	return false;
}

static bool
is_tabular(const struct layout *l, const struct lineinfo *li)
{
	return is_tabular_from(l, li, 0);
}

/* A tag and its text on one line, "-c        If the -c option..." (a
 * manual's option, a definition list): the column where the text starts
 * after the first run of two blanks or more, and in *after the byte of li
 * where it does (and in *run the run's length).  -1 when there is none.
 * Whether li is a tag's line depends on what follows it: the next line
 * starts at that column, or the run is wide. */
static int
tag_column(const struct lineinfo *li, size_t *after, size_t *run)
{
	size_t i, k;

	for (i = 1; i + 2 < li->n; i++) {
		if (li->s[i] != ' ' || li->s[i + 1] != ' ')
			continue;
		for (k = i; k < li->n && li->s[k] == ' '; k++)
			;
		if (after != NULL)
			*after = k;
		if (run != NULL)
			*run = k - i;
		return li->indent + (int)text_width(li->s, k);
	}
	return -1;
}

/* Does li start with an option ("-s", "--all"), not a list's "- "? */
static bool
starts_option(const struct lineinfo *li)
{
	return li->n >= 2 && li->s[0] == '-' &&
	    (li->s[1] == '-' || text_is_ascii_alnum((unsigned char)li->s[1]));
}

/* An option too long to leave two blanks before its text, "-s,
 * --section=N|TEXT only section N...": does li start with '-' and a word
 * at column col, after a single blank?  Then *after is that word's byte. */
static bool
option_text_at(const struct lineinfo *li, int col, size_t *after)
{
	size_t i;

	if (!starts_option(li) || col <= li->indent)
		return false;
	for (i = 1; i + 1 < li->n; i++) {
		int c;

		if (li->s[i] != ' ')
			continue;
		c = li->indent + (int)text_width(li->s, i + 1);
		if (c > col)
			return false;
		if (c == col && li->s[i - 1] != ' ' && li->s[i + 1] != ' ') {
			if (after != NULL)
				*after = i + 1;
			return true;
		}
	}
	return false;
}

/* Does li start with a tag, by its looks alone: a short one (an option,
 * a term: not a command with its arguments lined up), blanks as wide as a
 * table's after it, and no sentence ended (justification puts three blanks
 * after a full stop)?  The column of its text, or -1. */
#define TAG_MAX_COLS 32

static int
tag_start(const struct lineinfo *li, size_t *after)
{
	size_t run;
	int col = tag_column(li, after, &run);

	if (col < 0 || run < TABLE_GAP || col - li->indent > TAG_MAX_COLS ||
	    strchr(".,;:!?", li->s[*after - run - 1]) != NULL)
		return -1;
	return col;
}

static bool
is_heading_line(const struct layout *l, size_t start)
{
	long h = outline_find(l->o, start);

	return h >= 0 && start <= outline_heading_end(l->o, l->doc, (size_t)h);
}

static int
first_word_width(const struct lineinfo *li)
{
	size_t k = 0;

	while (k < li->n && li->s[k] != ' ' && li->s[k] != '\t')
		k++;
	return (int)text_width(li->s, k);
}

/* A line's text after its block quote markers, if any. */
static void
quote_text(const struct lineinfo *li, struct lineinfo *out)
{
	size_t q = text_quote_prefix(li->s, li->n);

	*out = *li;
	out->s += q;
	out->n -= q;
	out->indent = 0;
	out->blank = out->n == 0;
}

/* Two quoted lines' texts, into qa and qb; false when they cannot be one
 * paragraph's: one is a blank "> " line, a rule or a fence. */
static bool
quote_pair(const struct lineinfo *a, const struct lineinfo *b,
    struct lineinfo *qa, struct lineinfo *qb)
{
	quote_text(a, qa);
	quote_text(b, qb);
	return !qa->blank && !qb->blank && !is_rule(qa) && !is_rule(qb);
}

static bool physical_line(const struct layout *l, size_t off,
    struct segment *s, const char **p, const char **q);

/* Lines looked back at for the list item a Markdown paragraph is in. */
#define MD_ITEM_LOOKBACK 16

/* Is the Markdown line ga, no list item's first line itself, in a list
 * item: is the first line of its paragraph (looking back at most
 * MD_ITEM_LOOKBACK lines) one?  Then it may be a lazy continuation line,
 * "1. Step one\nmore of it\n2. Step two". */
static bool
md_in_item(const struct layout *l, const struct segment *ga)
{
	struct segment g = *ga;
	struct lineinfo li;
	const char *p, *q;
	size_t qp;
	int k;

	for (k = 0; k < MD_ITEM_LOOKBACK && g.start > l->doc->text_start;
	    k++) {
		if (!physical_line(l, g.start - 1, &g, &p, &q))
			return false;
		line_info(l, &g, &li);
		if (li.blank)
			return false;
		qp = text_quote_prefix(li.s, li.n);
		if (wrap_list_marker(li.s + qp, li.n - qp))
			return true;
	}
	return false;
}

/* Does b start a list item after a (line ga)?  A numbered one interrupts
 * a paragraph only from 1 (CommonMark): another number at the margin
 * after prose at the margin is the prose's, wrapped there ("...values\n
 * 255. If you try"), unless that prose is a list item's. */
static bool
md_item_starts(const struct layout *l, const struct lineinfo *a,
    const struct lineinfo *b, const struct segment *ga)
{
	size_t m = wrap_list_marker(b->s, b->n);

	if (m == 0)
		return false;
	if (b->s[0] >= '0' && b->s[0] <= '9' && !(m == 3 && b->s[0] == '1') &&
	    a->indent == 0 && b->indent == 0 &&
	    !wrap_list_marker(a->s, a->n) && !md_in_item(l, ga))
		return false;
	return true;
}

/* How many '>' quote li's text. */
static int
quote_depth(const struct lineinfo *li)
{
	size_t i;
	int d = 0;

	for (i = 0; i < li->n && (li->s[i] == '>' || li->s[i] == ' '); i++)
		d += li->s[i] == '>';
	return d;
}

static bool
joins_markdown(const struct layout *l, const struct lineinfo *a,
    const struct lineinfo *b, const struct segment *ga)
{
	const char *d = l->doc->data;
	size_t raw = ga->end - ga->start;
	struct lineinfo qa, qb;

	/* two lines of one paragraph in a block quote: what follows the
	 * markers decides, as outside one */
	if (b->n > 0 && b->s[0] == '>') {
		if (a->s[0] != '>' || !quote_pair(a, b, &qa, &qb))
			return false;
		a = &qa;
		b = &qb;
	}

	/* a list item, however deep (a nested list's items are indented
	 * past its parent's text; an indented code block is verbatim) */
	if (md_item_starts(l, a, b, ga))
		return false;
	if (b->indent < 4 && (strchr("#>|<", b->s[0]) != NULL ||
	    starts_with(b, "```") || starts_with(b, "~~~") || is_rule(b)))
		return false;
	if (a->s[0] == '|' || (b->n > 0 && b->s[b->n - 1] == '|'))
		return false;
	/* hard line breaks: two trailing spaces or a backslash */
	if (raw >= 2 && d[ga->end - 1] == ' ' && d[ga->end - 2] == ' ')
		return false;
	return a->s[a->n - 1] != '\\';
}

/* An AsciiDoc block macro or preprocessor directive, a line of its own:
 * "image::a.png[]", "include::b.adoc[]", "ifdef::env-github[]",
 * "endif::[]". */
static bool
adoc_macro(const struct lineinfo *li)
{
	size_t i = 0;

	while (i < li->n && ((li->s[i] >= 'a' && li->s[i] <= 'z') ||
	    li->s[i] == '-'))
		i++;
	return i > 0 && i + 2 < li->n && li->s[i] == ':' &&
	    li->s[i + 1] == ':' && li->s[li->n - 1] == ']';
}

static bool
joins_asciidoc(const struct lineinfo *a, const struct lineinfo *b)
{
	if (wrap_list_marker(b->s, b->n) || strchr("[:=|.", b->s[0]) != NULL ||
	    starts_with(b, "//") || adoc_macro(b) || is_rule(b))
		return false;
	if (strchr("[:=.", a->s[0]) != NULL || starts_with(a, "//") ||
	    adoc_macro(a))
		return false;
	return !(a->n >= 2 && a->s[a->n - 1] == '+' && a->s[a->n - 2] == ' ');
}

static bool
joins_rst(const struct layout *l, const struct lineinfo *a,
    const struct lineinfo *b, int hang)
{
	if (wrap_list_marker(b->s, b->n) || starts_with(b, "..") ||
	    starts_with(a, "..") || is_tabular(l, a) || is_tabular(l, b))
		return false;
	return b->indent == a->indent || b->indent == hang;
}

/* A table of contents' line: "15.2  Names .............. 153", dot
 * leaders and a page at its end. */
static bool
leaders(const struct lineinfo *li)
{
	const char *p;

	return li->n > 5 && text_is_ascii_alnum((unsigned char)li->s[li->n - 1]) &&
	    (p = memmem(li->s, li->n, "....", 4)) != NULL;
}

/* Is li's text from byte `from` one word, no blank inside? */
static bool
one_word(const struct lineinfo *li, size_t from)
{
	return memchr(li->s + from, ' ', li->n - from) == NULL &&
	    memchr(li->s + from, '\t', li->n - from) == NULL;
}

static size_t
digits(const char *s, size_t n, size_t i)
{
	size_t k = i;

	while (k < n && s[k] >= '0' && s[k] <= '9')
		k++;
	return k - i;
}

/* A date or a time at s[i] (2026-12-06, 2026/12/06, 17:34:49, a
 * syslog's "Dec  6 17:34:49"), maybe in brackets: a log's stamp. */
static bool
stamp_at(const char *s, size_t n, size_t i)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	size_t k;

	if (i < n && s[i] == '[')
		i++;
	if (digits(s, n, i) == 4 && i + 10 <= n &&
	    (s[i + 4] == '-' || s[i + 4] == '/') && s[i + 7] == s[i + 4] &&
	    digits(s, n, i + 5) == 2 && digits(s, n, i + 8) == 2)
		return true;
	k = digits(s, n, i);
	if ((k == 1 || k == 2) && i + k + 6 <= n && s[i + k] == ':' &&
	    digits(s, n, i + k + 1) == 2 && s[i + k + 3] == ':' &&
	    digits(s, n, i + k + 4) == 2)
		return true;
	if (i + 15 <= n && s[i + 3] == ' ' && s[i + 6] == ' ' &&
	    s[i + 7] != '[') {
		for (k = 0; k < sizeof months - 1; k += 3)
			if (memcmp(s + i, months + k, 3) == 0)
				return stamp_at(s, n, i + 7);
	}
	return false;
}

/* How a line starts, when it starts as a record of a log or of a tool's
 * output does: with a stamp (first, or after one word: "update-
 * alternatives 2026-12-06 ..."), a commit's hash (git log --oneline,
 * git blame, with a '^' before a boundary commit's), a path and a colon
 * (grep, a compiler's messages: "src/wrap.c:12: ..."), a line number and
 * a colon (grep -n of one file), or a field ("Name: value").  A field's
 * name says its kind: all small letters ("cat:"), capitalised
 * ("License:"), all capitals ("CAUTION:"), or other ("20051107:",
 * "make[1]:"). */
enum record { RECORD_NONE, RECORD_STAMP, RECORD_HASH, RECORD_PATH,
	RECORD_LINE, RECORD_SMALL, RECORD_CAPITAL, RECORD_CAPITALS,
	RECORD_OTHER };

static enum record
record_start(const struct lineinfo *li)
{
	const char *s = li->s, *colon;
	size_t n = li->n, w = 0, i;
	unsigned small = 0, capitals = 0, hex = 0, dec = 0;

	while (w < n && s[w] != ' ' && s[w] != '\t')
		w++;
	if (stamp_at(s, n, 0) || (w < n && stamp_at(s, n, w + 1)))
		return RECORD_STAMP;
	for (i = 0; i < w; i++) {
		dec += s[i] >= '0' && s[i] <= '9';
		hex += s[i] >= 'a' && s[i] <= 'f';
	}
	if (w >= 7 && w <= 65 && dec > 0 && dec + hex + (s[0] == '^') == w)
		return RECORD_HASH;
	colon = memchr(s, ':', w);
	if (colon == NULL || colon == s)
		return RECORD_NONE;
	if (digits(s, n, 0) == (size_t)(colon - s))
		return RECORD_LINE;
	if (memchr(s, '/', (size_t)(colon - s)) != NULL ||
	    memchr(s, '.', (size_t)(colon - s)) != NULL)
		return RECORD_PATH;
	if (colon != s + w - 1 || w < 2)
		return RECORD_NONE;
	for (i = 0; i + 1 < w; i++) {
		char c = s[i];

		if (c >= 'a' && c <= 'z')
			small++;
		else if (c >= 'A' && c <= 'Z')
			capitals++;
		else
			return RECORD_OTHER;
	}
	if (capitals == 0)
		return RECORD_SMALL;
	if (small == 0)
		return RECORD_CAPITALS;
	return capitals == 1 && s[0] >= 'A' && s[0] <= 'Z' ?
	    RECORD_CAPITAL : RECORD_OTHER;
}

static bool
joins_plain(const struct layout *l, const struct lineinfo *a,
    const struct lineinfo *b, int hang)
{
	/* a manual's lines are as wide as the terminal it was made for */
	int wa, max = l->man ? MAN_RIGHT_MAX : FILL_MAX;
	size_t after = 0;
	enum record rb;
	/* a tag's line goes on under its text, not under the tag */
	bool tagged = b->indent > a->indent &&
	    (tag_column(a, &after, NULL) == b->indent ||
	    option_text_at(a, b->indent, &after));

	/* a word hyphenated by man (U+2010) goes on on the next line,
	 * wherever that starts */
	if (a->n >= 3 && memcmp(a->s + a->n - 3, "\xE2\x80\x90", 3) == 0)
		return true;
	/* no prose is as dense as four bytes a column: too wide */
	if (a->n > 4 * (size_t)max)
		return false;
	/* only whether it is within the maximum matters past that */
	wa = line_cols(a, max);
	if (wa > max || is_tabular_from(l, a, tagged ? after : 0) ||
	    is_tabular(l, b) || wrap_list_marker(b->s, b->n) ||
	    leaders(a) || leaders(b))
		return false;
	/* a manual's lines wider than its page were laid out by hand */
	if (l->man && (wa > l->right || line_cols(b, max) > l->right))
		return false;
	/* a list of symbols, paths or addresses, one a line (or one beside
	 * a tag, the others under it): two lines of one word each stay two */
	if (one_word(a, tagged ? after : 0) && one_word(b, 0))
		return false;
	/* two records of a log or of a tool's output (both with a stamp,
	 * a hash, a path, a line number, or a field of one kind): each its
	 * own line.  A field after one of another kind goes on a sentence
	 * ("CAUTION: ... in CMYK JPEG" then "files: 0 represents ...") */
	if ((rb = record_start(b)) != RECORD_NONE && record_start(a) == rb)
		return false;
	/* a tag starts an item of its own, even on a justified line */
	if (tag_start(b, &after) >= 0)
		return false;
	/* a manual's hanging paragraph (a synopsis): its first line is
	 * full, the others deeper */
	if (b->indent != a->indent && b->indent != hang && !tagged &&
	    !(l->man && b->indent > a->indent))
		return false;
	/* a deliberate break: the next word would have fit */
	return (wa + 1 + first_word_width(b)) * 100 >
	    l->fill * FILL_SLACK_PERCENT;
}

/* How long the first word of li is (to its first blank), when it has a
 * letter or a digit in it; 0 otherwise. */
static size_t
first_word_len(const struct lineinfo *li)
{
	size_t w = 0;
	bool alnum = false;

	while (w < li->n && li->s[w] != ' ' && li->s[w] != '\t') {
		alnum = alnum || text_is_ascii_alnum((unsigned char)li->s[w]);
		w++;
	}
	return alnum ? w : 0;
}

/* Do a and b start with the same word at the same indent? */
static bool
same_start(const struct lineinfo *a, const struct lineinfo *b)
{
	size_t w = first_word_len(a);

	return w > 0 && a->indent == b->indent && first_word_len(b) == w &&
	    memcmp(a->s, b->s, w) == 0;
}

/* Records of a tool's output have as many words each, up to this. */
#define SHAPE_WORDS 24
/* and one of their second to fifth words the same */
#define SHAPE_AT 5

/* The words of li (to SHAPE_WORDS), their starts and lengths; the count,
 * or SHAPE_WORDS + 1 when there are more. */
static size_t
shape_words(const struct lineinfo *li, size_t *at, size_t *len)
{
	size_t i = 0, n = 0;

	while (i < li->n) {
		size_t k = i;

		while (k < li->n && li->s[k] != ' ' && li->s[k] != '\t')
			k++;
		if (n == SHAPE_WORDS)
			return n + 1;
		at[n] = i;
		len[n++] = k - i;
		while (k < li->n && (li->s[k] == ' ' || li->s[k] == '\t'))
			k++;
		i = k;
	}
	return n;
}

/* Is w[0..n) one of the small words every sentence has ("or", "the")?
 * Two lines of prose share them; two records share their fields' words
 * (mount's "type"). */
static bool
function_word(const char *w, size_t n)
{
	static const char *const words[] = { "a", "an", "and", "are", "as",
	    "at", "be", "by", "for", "from", "has", "have", "in", "is", "it",
	    "its", "not", "of", "on", "or", "that", "the", "this", "to",
	    "was", "which", "will", "with" };
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && strncasecmp(words[i], w, n) == 0)
			return true;
	return false;
}

/* Does li end a sentence in it or at its end ("operator.  The", a full
 * stop last)?  Prose does, a record seldom. */
static bool
has_sentence(const struct lineinfo *li)
{
	size_t i;

	if (li->n > 0 && li->s[li->n - 1] == '.')
		return true;
	for (i = 0; i + 2 < li->n; i++)
		if ((li->s[i] == '.' || li->s[i] == '?' || li->s[i] == '!') &&
		    li->s[i + 1] == ' ' && (li->s[i + 2] == ' ' ||
		    (li->s[i + 2] >= 'A' && li->s[i + 2] <= 'Z')))
			return true;
	return false;
}

/* Are a and b two records of one tool's output by their shape: as many
 * words (3 or more) and one of their second to fifth words the same,
 * not a function word, and no sentence ending in either?  mount's "proc on /proc type proc (rw)" over
 * "sysfs on /sys type sysfs (rw)", apt list's "adduser/stable 3.134 all [installed]" over
 * "bash/stable 5.2 amd64 [installed]".  Three lines of prose in a row
 * are seldom so alike. */
static bool
same_shape(const struct lineinfo *a, const struct lineinfo *b)
{
	size_t at_a[SHAPE_WORDS], len_a[SHAPE_WORDS];
	size_t at_b[SHAPE_WORDS], len_b[SHAPE_WORDS];
	size_t na = shape_words(a, at_a, len_a), i;

	if (na < 3 || na > SHAPE_WORDS || a->indent != b->indent ||
	    shape_words(b, at_b, len_b) != na || has_sentence(a) ||
	    has_sentence(b))
		return false;
	for (i = 1; i < na && i < SHAPE_AT; i++)
		if (len_a[i] == len_b[i] &&
		    memcmp(a->s + at_a[i], b->s + at_b[i], len_a[i]) == 0 &&
		    !function_word(a->s + at_a[i], len_a[i]))
			return true;
	return false;
}

/* The whole line before the one that starts at start (its '\n' just
 * before it): false at the document's start or past LAYOUT_CHUNK. */
static bool
line_before(const struct layout *l, size_t start, struct segment *s)
{
	const char *d = l->doc->data, *p;
	size_t lo, e;

	if (start <= l->doc->text_start || d[start - 1] != '\n')
		return false;
	e = start - 1;
	lo = e > LAYOUT_CHUNK ? e - LAYOUT_CHUNK : 0;
	p = memrchr(d + lo, '\n', e - lo);
	if (p == NULL && lo > 0)
		return false;
	s->start = p != NULL ? (size_t)(p - d) + 1 : 0;
	if (s->start < l->doc->text_start)
		s->start = l->doc->text_start;
	s->end = strip_cr(d, s->start, e);
	s->next = start;
	return true;
}

/* The whole line that starts at next (after a '\n'): false at the
 * document's end or past LAYOUT_CHUNK. */
static bool
line_after(const struct layout *l, size_t next, struct segment *s)
{
	const char *d = l->doc->data, *p;
	size_t len = l->doc->len, e;

	if (next >= len || next == 0 || d[next - 1] != '\n')
		return false;
	p = memchr(d + next, '\n', len - next > LAYOUT_CHUNK ? LAYOUT_CHUNK :
	    len - next);
	if (p == NULL && len - next > LAYOUT_CHUNK)
		return false;
	e = p != NULL ? (size_t)(p - d) : len;
	s->start = next;
	s->end = strip_cr(d, next, e);
	s->next = p != NULL ? e + 1 : len;
	return true;
}

/* Lines a (segment ga) and b (gb) are alike (they start with the same
 * word, or have the same shape), and so is the line before a or the one
 * after b: three lines of a tool's output ("checking for gcc... gcc",
 * configure's; mount's), not a paragraph. */
static bool
run_of_three(const struct layout *l, const struct segment *ga,
    const struct segment *gb, const struct lineinfo *a,
    const struct lineinfo *b)
{
	struct segment g;
	struct lineinfo c;

	bool start = same_start(a, b);

	/* alike the same way: "may provide ... or different" over "for
	 * use, reproduction, or distribution" (the same shape) over "for
	 * any such" (the same start) is a paragraph */
	if (!start && !same_shape(a, b))
		return false;
	if (line_before(l, ga->start, &g)) {
		line_info(l, &g, &c);
		if (start ? same_start(a, &c) : same_shape(a, &c))
			return true;
	}
	if (line_after(l, gb->next, &g)) {
		line_info(l, &g, &c);
		if (start ? same_start(b, &c) : same_shape(b, &c))
			return true;
	}
	return false;
}

static bool
layout_joins(const struct layout *l, const struct segment *ga,
    const struct segment *gb)
{
	struct lineinfo a, b;
	int hang;

	line_info(l, ga, &a);
	line_info(l, gb, &b);
	if (a.blank || b.blank || is_rule(&a) || is_rule(&b) ||
	    layout_verbatim(l, ga) || layout_verbatim(l, gb) ||
	    is_heading_line(l, ga->start) || is_heading_line(l, gb->start))
		return false;
	hang = a.indent + (int)wrap_list_marker(a.s, a.n);
	/* a mail's quoted lines ("> text") join as their text would, at
	 * the same depth of quoting */
	if (l->o->format == FORMAT_PLAIN && (a.s[0] == '>' || b.s[0] == '>')) {
		struct lineinfo qa, qb;

		if (a.s[0] != '>' || b.s[0] != '>' ||
		    quote_depth(&a) != quote_depth(&b) ||
		    !quote_pair(&a, &b, &qa, &qb))
			return false;
		return joins_plain(l, &qa, &qb,
		    (int)wrap_list_marker(qa.s, qa.n));
	}
	switch (l->o->format) {
	case FORMAT_MARKDOWN:
		return joins_markdown(l, &a, &b, ga);
	case FORMAT_ASCIIDOC:
		return joins_asciidoc(&a, &b);
	case FORMAT_RST:
		return joins_rst(l, &a, &b, hang);
	default:
		return !run_of_three(l, ga, gb, &a, &b) &&
		    joins_plain(l, &a, &b, hang);
	}
}

/* The document's margin (most common indent of long lines) and fill width
 * (the width most of its prose lines stay within), from its first part.
 * Lines indented past the margin (code, tables) do not count for the fill
 * width.  Whether it is a manual page, from its first line. */
static void
layout_measure(struct layout *l)
{
	unsigned width[MARGIN_MAX + 1][FILL_MAX + 1];
	unsigned indent[MARGIN_MAX + 1] = { 0 };
	struct line_iter it;
	struct line ln;
	struct lineinfo first = { NULL, 0, 0, true }; /* its first line */
	size_t len = l->doc->len, total = 0, seen = 0;
	size_t nlong = 0, ntight = 0, ntext = 0; /* long lines, those with
						    text right after them,
						    lines with text */
	bool prev_long = false;
	int i, k, best = 0;

	memset(width, 0, sizeof width);
	if (len > STATS_SAMPLE)
		len = STATS_SAMPLE;
	line_iter_init(&it, l->doc->data, len, l->doc->text_start);
	while (line_iter_next(&it, &ln)) {
		size_t j = ln.start;
		size_t w = ln.end - ln.start;

		if (first.blank) {
			struct segment g = { ln.start, ln.end, ln.next };

			line_info(l, &g, &first);
		}
		while (j < ln.end && l->doc->data[j] == ' ')
			j++;
		if (prev_long && j < ln.end)
			ntight++;
		prev_long = w > FILL_MAX && j < ln.end;
		nlong += prev_long;
		ntext += j < ln.end;
		if (j == ln.end || w > FILL_MAX || j - ln.start > MARGIN_MAX)
			continue;
		if (ln.end - j >= 40)
			indent[j - ln.start]++;
		width[j - ln.start][w]++;
	}
	for (i = 1; i <= MARGIN_MAX; i++)
		if (indent[i] > indent[best])
			best = i;
	l->margin = best;
	for (k = 0; k <= MARGIN_MAX && k < best + LAYOUT_CODE_INDENT; k++)
		for (i = 0; i <= FILL_MAX; i++)
			total += width[k][i];
	l->fill = FILL_DEFAULT;
	for (i = 0; i <= FILL_MAX && total > 0; i++) {
		for (k = 0; k <= MARGIN_MAX && k < best + LAYOUT_CODE_INDENT; k++)
			seen += width[k][i];
		if (seen * 100 >= total * FILL_PERCENTILE) {
			l->fill = i < 40 ? FILL_DEFAULT : i;
			break;
		}
	}
	if (l->o->format == FORMAT_PLAIN && !first.blank) {
		const char *name;
		size_t n;

		/* the header spans the page's width, as its justified lines
		 * do */
		l->man = text_man_header(first.s, first.n, &name, &n);
		if (l->man) {
			if (n >= sizeof l->man_name)
				n = 0; /* no header or footer known */
			memcpy(l->man_name, name, n);
			l->man_name[n] = '\0';
			l->right = line_cols(&first, MAN_RIGHT_MAX);
			if (l->right >= 40)
				l->fill = l->right;
		}
	}
	/* a guide written one paragraph a line, with no blank line between
	 * them: without an indent, where one ends and the next starts is
	 * lost when they are wrapped */
	l->para_indent = l->o->format == FORMAT_PLAIN && !l->man &&
	    !l->source && nlong >= PARA_MIN_LONG &&
	    nlong * 100 >= ntext * PARA_LONG_PERCENT &&
	    ntight * 4 >= nlong * 3 && !document_looks_binary(l->doc);
}

/* The physical line containing off, found within LAYOUT_CHUNK bytes each
 * way; false when the line is longer than LAYOUT_CHUNK. */
static bool
physical_line(const struct layout *l, size_t off, struct segment *s,
    const char **nl_before, const char **nl_after)
{
	const char *d = l->doc->data, *p, *q;
	size_t len = l->doc->len, lo, hi, ls, le;

	lo = off > LAYOUT_CHUNK ? off - LAYOUT_CHUNK : 0;
	hi = len - off > LAYOUT_CHUNK ? off + LAYOUT_CHUNK : len;
	p = memrchr(d + lo, '\n', off - lo);
	q = memchr(d + off, '\n', hi - off);
	*nl_before = p;
	*nl_after = q;
	if ((p == NULL && lo > 0) || (q == NULL && hi < len))
		return false;
	ls = p != NULL ? (size_t)(p - d) + 1 : 0;
	le = q != NULL ? (size_t)(q - d) : len;
	if (le - ls > LAYOUT_CHUNK)
		return false;
	if (ls < l->doc->text_start)
		ls = l->doc->text_start; /* never show the BOM */
	s->start = ls;
	s->end = strip_cr(d, ls, le);
	s->next = q != NULL ? le + 1 : len;
	return true;
}

/* A part of a line longer than LAYOUT_CHUNK: its grid cell around off. */
static void
long_line_part(const struct layout *l, size_t off, const char *p,
    const char *q, struct segment *s)
{
	const char *d = l->doc->data;
	size_t len = l->doc->len, hi;

	s->start = grid_floor(d, len, off);
	if (p != NULL && (size_t)(p - d) + 1 > s->start)
		s->start = (size_t)(p - d) + 1;
	hi = char_boundary(d, len, (off / LAYOUT_CHUNK + 1) * LAYOUT_CHUNK);
	if (hi <= off)
		hi = char_boundary(d, len,
		    (off / LAYOUT_CHUNK + 2) * LAYOUT_CHUNK);
	if (hi > len)
		hi = len;
	if (q != NULL && (size_t)(q - d) < hi) {
		s->end = strip_cr(d, s->start, (size_t)(q - d));
		s->next = (size_t)(q - d) + 1;
	} else {
		s->end = hi;
		s->next = hi;
	}
}

/* The outline may have grown (a worker indexes it) or started over since
 * the layout last looked: what was found with it is forgotten then. */
static void
outline_check(struct layout *l)
{
	size_t st[3];

	st[0] = l->o != NULL ? l->o->generation : 0;
	st[1] = l->o != NULL ? l->o->n : 0;
	st[2] = l->o != NULL ? l->o->nverbatim : 0;
	if (memcmp(st, l->outline_seen, sizeof st) != 0) {
		uncache(l);
		memcpy(l->outline_seen, st, sizeof st);
	}
}

/* Is the line starting at start inside the paragraph known to be too
 * long to reflow? */
static bool
in_big(const struct layout *l, size_t start)
{
	return start >= l->big_start && start < l->big_end;
}

/* Lines [start, end) join, and into more than LAYOUT_CHUNK: remember
 * them, with what was known before when it is the same paragraph. */
static void
found_big(struct layout *l, size_t start, size_t end)
{
	if (start <= l->big_end && end >= l->big_start &&
	    l->big_start < l->big_end) {
		if (l->big_start < start)
			start = l->big_start;
		if (l->big_end > end)
			end = l->big_end;
	}
	l->big_start = start;
	l->big_end = end;
}

/* The paragraph found before that holds off, if any. */
static bool
para_known(const struct layout *l, size_t off, struct segment *s)
{
	size_t i;

	for (i = 0; i < LAYOUT_CACHED; i++)
		if (off >= l->paras[i].start && off < l->paras[i].next) {
			*s = l->paras[i];
			return true;
		}
	return false;
}

/* A paragraph of several lines just found: remembered, as the oldest's
 * replacement. */
static void
para_found(struct layout *l, const struct segment *s)
{
	l->paras[l->paras_next] = *s;
	l->paras_next = (l->paras_next + 1) % LAYOUT_CACHED;
}

void
layout_segment(struct layout *l, size_t off, struct segment *s)
{
	const char *p, *q;
	struct segment first, last, cur;
	size_t total;

	if (l->doc->len == 0) {
		s->start = s->end = s->next = 0;
		return;
	}
	if (off >= l->doc->len)
		off = l->doc->len - 1;
	outline_check(l);
	if (l->reflow && para_known(l, off, s))
		return;
	if (!physical_line(l, off, s, &p, &q)) {
		long_line_part(l, off, p, q, s);
		return;
	}
	if (!l->reflow || in_big(l, s->start))
		return;
	/* the paragraph: join lines backwards and forwards while they join
	 * and the whole stays within LAYOUT_CHUNK (or reaches lines known
	 * to be part of a longer one) */
	first = last = *s;
	total = s->next - s->start;
	while (first.start > l->doc->text_start &&
	    physical_line(l, first.start - 1, &cur, &p, &q) &&
	    layout_joins(l, &cur, &first)) {
		total += first.start - cur.start;
		if (total > LAYOUT_CHUNK || in_big(l, cur.start)) {
			found_big(l, cur.start, last.next);
			return;
		}
		first = cur;
	}
	while (last.next < l->doc->len &&
	    physical_line(l, last.next, &cur, &p, &q) &&
	    layout_joins(l, &last, &cur)) {
		total += cur.next - last.next;
		if (total > LAYOUT_CHUNK || in_big(l, cur.start)) {
			found_big(l, first.start, cur.next);
			return;
		}
		last = cur;
	}
	s->start = first.start;
	s->end = last.end;
	s->next = last.next;
	if (first.start != last.start)
		para_found(l, s);
}

/* A command's synopsis, whose deeper lines below go on with it. */
static bool
usage_line(const struct lineinfo *li)
{
	return text_is_synopsis(li->s, li->n);
}

/* The column a synopsis's rows hang at: its arguments', past "usage:" and
 * the command's name (where the lines below it start, as --help writes
 * them); -1 when that leaves nothing or too little room. */
static int
usage_hang(const struct lineinfo *li)
{
	size_t i = 6;

	while (i < li->n && li->s[i] == ' ')
		i++;
	while (i < li->n && li->s[i] != ' ')
		i++;
	while (i < li->n && li->s[i] == ' ')
		i++;
	return i < li->n && i <= TAG_MAX_COLS ? li->indent + (int)i : -1;
}

/* Is the line starting at `start`, indented by col, the text of a tag
 * above it ("--size=N    the size, which" over lines at that column), of
 * a list item ("  * automake@gnu.org" over "    For general..."), of a
 * synopsis, not code? */
static bool
tag_text(const struct layout *l, size_t start, int col)
{
	struct segment g;
	struct lineinfo li;
	const char *p, *q;
	int k;

	for (k = 0; k < TAG_LOOKBACK && start > l->doc->text_start; k++) {
		if (!physical_line(l, start - 1, &g, &p, &q))
			return false;
		line_info(l, &g, &li);
		if (li.blank || li.indent > col)
			return false;
		if (li.indent < col)
			return tag_column(&li, NULL, NULL) == col ||
			    option_text_at(&li, col, NULL) || usage_line(&li) ||
			    li.indent + (int)wrap_list_marker(li.s, li.n) ==
			    col;
		start = g.start;
	}
	return false;
}

bool
layout_verbatim(const struct layout *l, const struct segment *s)
{
	const char *d = l->doc->data;
	size_t i = s->start;
	int col = 0;

	if (l->o == NULL)
		return false;
	if (l->o->format == FORMAT_MARKDOWN || l->o->format == FORMAT_ASCIIDOC ||
	    l->o->format == FORMAT_RST)
		return outline_is_verbatim(l->o, s->start);
	if (s->start > 0 && d[s->start - 1] != '\n')
		return false; /* a chunk of a long line */
	/* a manual indents its text as deep as it likes; its examples are
	 * short lines, which nothing joins */
	if (l->man)
		return false;
	while (i < s->end && (d[i] == ' ' || d[i] == '\t')) {
		col = d[i] == '\t' ? col + LAYOUT_CODE_INDENT : col + 1;
		i++;
	}
	if (i == s->end || col < l->margin + LAYOUT_CODE_INDENT)
		return false;
	/* an option and its text ("      --color[=WHEN]     color the
	 * output"): --help indents long options past the short ones */
	if (d[i] == '-') {
		struct lineinfo li;
		size_t after;

		line_info(l, s, &li);
		if (starts_option(&li) && tag_start(&li, &after) >= 0)
			return false;
	}
	return !tag_text(l, s->start, col);
}

/* A line of nothing but form feeds (and blanks): a page break. */
static bool
page_break_line(const struct lineinfo *li)
{
	size_t i;

	for (i = 0; i < li->n; i++)
		if (li->s[i] != '\f' && li->s[i] != ' ' && li->s[i] != '\t')
			return false;
	return li->n > 0;
}

/* The nearest line with text from segment s's line, way lines away
 * (1 after, -1 before), past at most FURNITURE_GAP blank lines; false
 * when there is none so near. */
#define FURNITURE_GAP 3
static bool
furniture_neighbour(const struct layout *l, const struct segment *s,
    int way, struct lineinfo *li)
{
	struct segment g = *s;
	const char *p, *q;
	int k;

	for (k = 0; k <= FURNITURE_GAP; k++) {
		if (way > 0 ? g.next >= l->doc->len ||
		    !physical_line(l, g.next, &g, &p, &q) :
		    g.start <= l->doc->text_start ||
		    !physical_line(l, g.start - 1, &g, &p, &q))
			return false;
		line_info(l, &g, li);
		if (!li->blank)
			return true;
	}
	return false;
}

enum furniture
layout_furniture(const struct layout *l, const struct segment *s)
{
	const char *d = l->doc->data;
	struct lineinfo li, near;

	if (l->o == NULL || l->o->format != FORMAT_PLAIN ||
	    (s->start > 0 && d[s->start - 1] != '\n') ||
	    memchr(d + s->start, '\n', s->end - s->start) != NULL)
		return FURNITURE_NONE;
	line_info(l, s, &li);
	if (li.blank)
		return FURNITURE_NONE;
	if (page_break_line(&li))
		return FURNITURE_BREAK;
	if (li.s[0] == '\f')
		return FURNITURE_LINE; /* a header after its page's form feed */
	/* a footer before a page break, a header after one: in columns */
	if (!is_tabular(l, &li))
		return FURNITURE_NONE;
	if (furniture_neighbour(l, s, 1, &near) && near.s[0] == '\f')
		return FURNITURE_LINE;
	if (furniture_neighbour(l, s, -1, &near) && page_break_line(&near))
		return FURNITURE_LINE;
	return FURNITURE_NONE;
}

/* Is li a manual's header or footer, which end with its name ("LS(1)")?
 * Its columns spread over the page's width: made one space apart, they
 * fit on one row of a narrower pane. */
static bool
man_frame(const struct layout *l, const struct lineinfo *li)
{
	size_t k = strlen(l->man_name);

	return li->indent == 0 && k > 0 && li->n > k &&
	    li->s[li->n - k - 1] == ' ' &&
	    memcmp(li->s + li->n - k, l->man_name, k) == 0;
}

/* The column a tag's text starts at, when segment s (plain text) starts
 * with a tag, or -1: its rows then hang there.  A paragraph starts with
 * one when its second line starts at that column, and keeps the tag's
 * blanks (WRAP_TAG); a line alone when tag_start says so and no columns
 * follow.  A manual's line alone that is not columns is justified prose:
 * its runs of blanks become one space (WRAP_JOIN), as a paragraph's. */
static int
tag_hang(const struct layout *l, const struct segment *s, unsigned *flags)
{
	const char *d = l->doc->data;
	const char *nl = memchr(d + s->start, '\n', s->end - s->start);
	struct segment first = { s->start, s->end, s->next };
	struct lineinfo li;
	size_t after;
	int col;

	if (nl != NULL) {
		struct segment rest = { (size_t)(nl - d) + 1, s->end, s->next };
		struct lineinfo next;

		first.end = strip_cr(d, s->start, (size_t)(nl - d));
		line_info(l, &first, &li);
		line_info(l, &rest, &next);
		col = tag_column(&li, &after, NULL);
		if ((col >= 0 && next.indent == col) ||
		    option_text_at(&li, next.indent, &after)) {
			*flags |= WRAP_TAG;
			return next.indent;
		}
		/* a manual's hanging paragraph */
		return l->man && next.indent > li.indent ? next.indent : -1;
	}
	line_info(l, &first, &li);
	col = tag_start(&li, &after);
	if (col >= 0 && is_tabular_from(l, &li, after))
		col = -1; /* a table's row */
	if (col < 0 && !l->man && usage_line(&li))
		col = usage_hang(&li);
	if (l->man && !li.blank &&
	    (col >= 0 || !is_tabular(l, &li) || man_frame(l, &li)))
		*flags |= WRAP_JOIN | (col >= 0 ? WRAP_TAG : 0);
	/* a page's footer and header: their columns one space apart, as a
	 * manual's, to fit on a row */
	else if (col < 0 && !li.blank && layout_furniture(l, s) ==
	    FURNITURE_LINE)
		*flags |= WRAP_JOIN;
	return col;
}

/* Does segment s (li its first line) start a paragraph that follows
 * another with no blank line between them, in a document that writes its
 * paragraphs so (para_indent)?  Not after a heading, as in a book. */
static bool
para_follows(const struct layout *l, const struct segment *s,
    const struct lineinfo *li)
{
	struct segment prev;
	struct lineinfo pl;
	const char *p, *q;

	if (li->blank || li->indent != l->margin ||
	    !(text_is_ascii_alnum((unsigned char)li->s[0]) ||
	    (unsigned char)li->s[0] >= 0x80 || li->s[0] == '"' ||
	    li->s[0] == '\'' || li->s[0] == '(') ||
	    s->start <= l->doc->text_start || wrap_list_marker(li->s, li->n) ||
	    is_heading_line(l, s->start) || is_tabular(l, li) ||
	    !physical_line(l, s->start - 1, &prev, &p, &q))
		return false;
	line_info(l, &prev, &pl);
	return !pl.blank && !is_rule(&pl) && !is_heading_line(l, prev.start);
}

/* The cached rows of s, or NULL. */
static struct layout_cached *
cached(struct layout *l, const struct segment *s)
{
	size_t i;

	outline_check(l);
	for (i = 0; i < LAYOUT_CACHED; i++) {
		struct layout_cached *c = &l->cache[i];

		if (c->start == s->start && c->end == s->end &&
		    c->start < c->end && c->width == l->width)
			return c;
	}
	return NULL;
}

/* s's rows, just laid out in l->wrap, into the least recently used
 * entry. */
static struct layout_cached *
cache_rows(struct layout *l, const struct segment *s, size_t n)
{
	struct layout_cached *c = &l->cache[0];
	size_t i;

	for (i = 1; i < LAYOUT_CACHED; i++)
		if (l->cache[i].used < c->used)
			c = &l->cache[i];
	c->rows = xgrow(c->rows, &c->cap, n, sizeof *c->rows);
	memcpy(c->rows, l->wrap.rows, n * sizeof *c->rows);
	c->n = n;
	c->start = s->start;
	c->end = s->end;
	c->width = l->width;
	return c;
}

const struct wrap_row *
layout_rows(struct layout *l, const struct segment *s, size_t *n)
{
	struct layout_cached *c = cached(l, s);

	if (c == NULL) {
		/* a line as written wraps at its blanks, as editors wrap
		 * code */
		unsigned flags = l->source ? WRAP_BLANKS :
		    layout_verbatim(l, s) ? WRAP_HARD : 0;
		struct lineinfo li;
		int hang = -1, first = 0;

		line_info(l, s, &li);
		if (is_rule(&li) && li.n > 3)
			flags |= WRAP_CLIP;
		if (memchr(l->doc->data + s->start, '\n', s->end - s->start))
			flags |= WRAP_JOIN;
		if (l->source) {
			/* its next rows a step deeper than its first: not
			 * to be taken for lines of their own */
			hang = li.indent + LAYOUT_CODE_INDENT;
		} else if (l->o != NULL && (l->o->format == FORMAT_MARKDOWN ||
		    l->o->format == FORMAT_PLAIN) &&
		    !(flags & (WRAP_HARD | WRAP_CLIP)) && li.n > 0 &&
		    li.s[0] == '>')
			flags |= WRAP_QUOTE; /* a quote, or a mail's */
		else if (l->o != NULL && l->o->format == FORMAT_PLAIN &&
		    !(flags & (WRAP_HARD | WRAP_CLIP)))
			hang = tag_hang(l, s, &flags);
		if (l->para_indent && hang < 0 &&
		    !(flags & (WRAP_HARD | WRAP_CLIP)) &&
		    para_follows(l, s, &li))
			first = PARA_INDENT;
		c = cache_rows(l, s, wrap_line_hang(&l->wrap, l->doc->data,
		    s->start, s->end, l->width, flags, hang, first));
	}
	c->used = ++l->clock;
	*n = c->n;
	return c->rows;
}

/* The segment holding off, its rows, and the index of the row holding off
 * (0 when off is before the first row: blank lines are part of none). */
static size_t
locate(struct layout *l, size_t off, struct segment *s,
    const struct wrap_row **rows, size_t *n)
{
	size_t i = 0;

	layout_segment(l, off, s);
	*rows = layout_rows(l, s, n);
	while (i + 1 < *n && (*rows)[i + 1].start <= off)
		i++;
	return i;
}

size_t
layout_row_start(struct layout *l, size_t off)
{
	struct segment s;
	const struct wrap_row *rows;
	size_t n, i = locate(l, off, &s, &rows, &n);

	return rows[i].start;
}

bool
layout_next_row(struct layout *l, size_t off, size_t *next)
{
	struct segment s;
	const struct wrap_row *rows;
	size_t n, i = locate(l, off, &s, &rows, &n);

	if (i + 1 < n) {
		*next = rows[i + 1].start;
		return true;
	}
	if (s.next >= l->doc->len)
		return false;
	layout_segment(l, s.next, &s);
	rows = layout_rows(l, &s, &n);
	*next = rows[0].start;
	return true;
}

bool
layout_prev_row(struct layout *l, size_t off, size_t *prev)
{
	struct segment s;
	const struct wrap_row *rows;
	size_t n, i = locate(l, off, &s, &rows, &n);

	if (i > 0) {
		*prev = rows[i - 1].start;
		return true;
	}
	if (s.start <= l->doc->text_start)
		return false;
	layout_segment(l, s.start - 1, &s);
	rows = layout_rows(l, &s, &n);
	*prev = rows[n - 1].start;
	return true;
}

size_t
layout_last_row(struct layout *l)
{
	struct segment s;
	const struct wrap_row *rows;
	size_t n;

	layout_segment(l, l->doc->len, &s);
	rows = layout_rows(l, &s, &n);
	return rows[n - 1].start;
}
