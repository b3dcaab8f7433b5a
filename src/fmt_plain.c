/* Plain-text outlines: headings are lines that look like headings.
 *
 * Kinds, strongest first: a line underlined (and maybe overlined) with a
 * row of = - ~ ^ + * #; a numbered line ("2.3 Scope", "IV. Results"); an
 * ALL-CAPS line; a bare line ("Getting Started the Right Way") that is
 * short, unpunctuated and followed by a paragraph; and a title centred
 * over the text (the GPL's "Preamble").  A line is only a heading
 * when text follows it: a run of heading-like lines with no text between
 * them is a table of contents, and a line that introduces indented code or
 * ends a sentence is a lead-in.  One pass collects candidates; the document
 * as a whole then decides (bare lines do not count in a document that marks
 * its headings with underlines). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <unistr.h>

#include "outline.h"
#include "text.h"
#include "xalloc.h"

/* A heading is a short line: longer lines are paragraphs. */
#define PLAIN_MAX_HEADING_BYTES 240
#define PLAIN_MAX_HEADING_CHARS 80
#define PLAIN_MAX_HEADING_WORDS 12
/* ALL-CAPS headings need this many letters ("NAME" counts, "OK" not). */
#define PLAIN_MIN_CAPS_LETTERS 4
/* Blank lines allowed between a heading and its text. */
#define PLAIN_MAX_BLANKS_AFTER 3
/* The text after a bare heading is at least this long (in characters) and
 * longer than the heading itself. */
#define PLAIN_MIN_BODY_CHARS 40
/* Lines of a paragraph looked at to measure it. */
#define PLAIN_BODY_LINES 4
/* No comparison of a heading with the text after it needs more than this
 * many characters of that text (twice the longest heading). */
#define PLAIN_BODY_CHARS_ENOUGH (2 * PLAIN_MAX_HEADING_CHARS)
/* A line longer than this directly followed by a line not twice as long is
 * taken for the first line of a hard-wrapped paragraph. */
#define PLAIN_WRAPPED_MIN_CHARS 40
/* Man-page style subheadings may be indented by at most this much. */
#define PLAIN_MAX_SUBHEADING_INDENT 4
#define PLAIN_MAX_NUMBER_DEPTH 8
/* The margin is measured on the lines of text (this long at least) in the
 * first part of the document; a larger margin is not believed. */
#define PLAIN_MARGIN_SAMPLE (64u * 1024)
#define PLAIN_MARGIN_LINE_CHARS 40
#define PLAIN_MARGIN_MAX 8
/* The text's width (for centred titles) is the column 9 in 10 of its long
 * lines there end by, when there are this many such lines at least. */
#define PLAIN_FILL_LINES 8
#define PLAIN_FILL_MAX 160
/* A centred title stands this far past the margin at least, and its
 * middle this near the middle of the text (the GPL's centre their titles
 * on a narrower width than their text's; GNU MP's README indents them
 * with three tabs, whatever their length). */
#define PLAIN_CENTRE_INDENT 8
#define PLAIN_CENTRE_SLACK 10
/* A clause's title run into its text has at most this many words */
#define PLAIN_RUN_IN_WORDS 8
/* A centred title may have lines under it ("Version 3, 29 June 2007") */
#define PLAIN_CENTRE_LINES 3
/* Lines whose features are kept (a power of two): more than one turn of
 * the scan looks at, so that features are used where they are kept.  A
 * turn looks at the line before, the line, and after it the lines a look
 * ahead reads (blanks, a page break, a paragraph's first lines), again
 * from each deeper heading it goes past. */
#define PLAIN_FEAT_CACHE 64
/* A heading directly over deeper ones ("8 Connections", "8.1 ...") is
 * looked past this many deeper ones at most. */
#define PLAIN_MAX_CHAIN 2
/* A page break between a line and the text after it (RFCs, old manuals)
 * is looked past: the page's footer, the "\f" line, the next page's
 * header and at most this many blank lines after it. */
#define PLAIN_PAGE_BLANKS 3
#define PLAIN_PAGE_LINES (4 + 2 * PLAIN_PAGE_BLANKS)
_Static_assert(PLAIN_FEAT_CACHE > 2 + (1 + PLAIN_MAX_BLANKS_AFTER +
    PLAIN_PAGE_LINES) * (2 + PLAIN_MAX_CHAIN) + PLAIN_BODY_LINES,
    "a turn of the scan outruns the features kept");

/* CAND_FRAMED, CAND_LOOSE (an ALL-CAPS line ending with ':') and
 * CAND_PART (a title after a separator rule) are headings that change no
 * verdict on the others: such lines are also notices and labels. */
enum cand_kind { CAND_UNDER, CAND_FRAMED, CAND_LOOSE, CAND_PART,
    CAND_CENTRED, CAND_NUMBERED, CAND_CAPS, CAND_BARE };

/* What the detector knows about one line. */
struct feat {
	size_t start, end; /* raw bytes, CR/LF excluded */
	size_t next;        /* where the next line starts */
	size_t text_start;  /* first non-blank byte */
	size_t text_end;    /* after the last non-blank byte */
	unsigned long lineno;
	bool blank;
	bool cleaned;       /* had escapes or overstrike */
	int indent;         /* beyond the document's margin */
	int raw_indent;     /* from the first column */
	unsigned chars;
	unsigned words;
	unsigned letters, upper, lower;
	uint32_t first, last;
	char adorn;         /* the repeated character of an adornment line */
	int num_depth;      /* components of a heading number, 0 if none */
	char num[32];       /* the number itself, for "1.2 extends 1." */
	bool bullet, leaders, codeish, titlecase;
	bool clause;        /* a clause's title: "14. Revised Versions of
			       this License." (clause_title) */
	bool gap;           /* a run of blanks inside: a table or list row */
	bool long_line;     /* too long to be a heading: features partly
			       measured (long_line_feat) */
	bool measured;      /* a long line's: as a line after a candidate */
	bool partial;       /* a line of prose that cannot be a heading:
			       features partly measured (feat_quick) */
};

struct plain {
	struct outline *o;
	const struct document *doc;
	const char *d;
	size_t len;
	struct line_reader *r; /* the scan's, while it runs */
	struct buf clean;
	int margin;         /* the indent of the document's text */
	int fill;           /* the column its lines of text end by, or 0 */
	int para_indent;    /* how much further the first lines of its
			       paragraphs are indented (the GPL's 2), or 0 */
	/* What the document marks its headings with so far: a document
	 * that underlines its headings does not also have bare or numbered
	 * ones, and one with ALL-CAPS headings has bare ones below them. */
	bool under, caps;
	bool releases;      /* a NEWS file: "Changes in 2.40:" lines */
	bool separated;     /* parts begin with a rule, a blank line and
			       their title (less's NEWS) */
	bool paged;         /* pages end with a form feed (RFCs): two at
			       least in the first 64 KiB */
	bool man;           /* a manual page as man prints it (its first
			       line is man's header) */
	size_t nbare, nnumbered; /* candidates of these kinds seen */
	/* The last line numbered "N." alone: an item of a list, unless it
	 * was a heading.  The next number at its indent is an item too. */
	struct {
		long num;   /* 0: none yet */
		int indent;
		bool heading;
	} item;
	bool restart;       /* a candidate changed what earlier ones are */
	/* Lines are looked at more than once (as the line after a
	 * candidate, then in turn): their features are kept a while, by
	 * line number, and the scan reads them where they are. */
	struct feat seen[PLAIN_FEAT_CACHE];
	bool stopped;       /* the reader left */
};

static bool
is_upper_ascii(uint32_t c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_lower_ascii(uint32_t c)
{
	return c >= 'a' && c <= 'z';
}

/* Letters and their case, from Unicode's tables beyond ASCII (an emoji
 * or an arrow is not a letter; a CJK ideograph is, without case). */
static bool
is_letter(uint32_t c)
{
	return is_upper_ascii(c) || is_lower_ascii(c) ||
	    (c >= 0x80 && uc_is_alpha(c));
}

static bool
is_upper(uint32_t c)
{
	return is_upper_ascii(c) || (c >= 0x80 && uc_is_upper(c));
}

static bool
is_lower(uint32_t c)
{
	return is_lower_ascii(c) || (c >= 0x80 && uc_is_lower(c));
}

static bool
is_adorn_char(char c)
{
	switch (c) {
	case '=': case '-': case '~': case '^': case '+': case '*': case '#':
		return true;
	default:
		return false;
	}
}

static bool
ends_sentence(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' ||
	    c == '\'' || c == ')' || c == 0x201d || c == 0x2019 ||
	    c == 0x2026 || c == ';';
}

/* A rule that separates parts of a document: ten of one rule character
 * or more, alone on its line, at its start. */
#define PLAIN_SEPARATOR_CHARS 10
/* A part's title after such a rule may be indented this much (two tabs). */
#define PLAIN_MAX_PART_INDENT 16

static bool
separator_rule(const char *s, size_t n)
{
	size_t k;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < PLAIN_SEPARATOR_CHARS || !is_adorn_char(s[0]))
		return false;
	for (k = 1; k < n; k++)
		if (s[k] != s[0])
			return false;
	return true;
}

/* A list item's mark: what strchr("*-+>|o", c) finds (NUL included). */
static bool
is_bullet_char(char c)
{
	switch (c) {
	case '*': case '-': case '+': case '>': case '|': case 'o': case '\0':
		return true;
	default:
		return false;
	}
}

/* Parse a heading number at s: "1.", "2.3", "3.1.4.", "IV.".  Returns the
 * depth and the length through the following blanks, or 0. */
static int
parse_number(const char *s, size_t n, size_t *len, char *num, size_t numsz)
{
	size_t i = 0;
	int depth = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9') {
		size_t j = i;

		while (j < n && j - i < 3 && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j < n && s[j] >= '0' && s[j] <= '9')
			return 0;
		depth++;
		i = j;
		if (i < n && s[i] == '.')
			i++;
		else
			break;
		if (depth > PLAIN_MAX_NUMBER_DEPTH)
			return 0;
	}
	if (depth == 0) {
		/* strchr's set: the NUL at its end is in it */
		while (i < n && i < 6 && (s[i] == 'I' || s[i] == 'V' ||
		    s[i] == 'X' || s[i] == 'L' || s[i] == 'C' || s[i] == '\0'))
			i++;
		if (i == 0 || i >= n || s[i] != '.')
			return 0;
		i++;
		depth = 1;
	}
	/* "1" alone ("1 Introduction") is accepted only with more depth */
	if (depth == 1 && s[i - 1] != '.')
		return 0;
	if (i >= n || (s[i] != ' ' && s[i] != '\t'))
		return 0;
	if (numsz > 0) {
		size_t k = i < numsz - 1 ? i : numsz - 1;

		memcpy(num, s, k);
		num[k] = '\0';
	}
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*len = i;
	return depth;
}

static bool
has_leaders(const char *s, size_t n)
{
	size_t i;
	int digits = 0;

	for (i = n; i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'; i--)
		digits++;
	if (digits == 0 || digits == (int)n)
		return false;
	if (i >= 2 && s[i - 1] == ' ' && s[i - 2] == ' ')
		return true;
	return memchr(s, '.', n) != NULL &&
	    (memmem(s, n, "....", 4) != NULL ||
	    memmem(s, n, ". . .", 5) != NULL);
}

/* Small words that title case leaves in lower case. */
static bool
is_minor_word(const char *w, size_t n)
{
	/* the words, packed four bytes to a number as w is below */
#define W(a, b, c, d) ((uint32_t)(a) | (uint32_t)(b) << 8 | \
	(uint32_t)(c) << 16 | (uint32_t)(d) << 24)
	static const uint32_t minor[] = {
		W('a', 0, 0, 0), W('a', 'n', 0, 0), W('a', 'n', 'd', 0),
		W('a', 's', 0, 0), W('a', 't', 0, 0), W('b', 'u', 't', 0),
		W('b', 'y', 0, 0), W('f', 'o', 'r', 0), W('f', 'r', 'o', 'm'),
		W('i', 'n', 0, 0), W('i', 'n', 't', 'o'), W('o', 'f', 0, 0),
		W('o', 'n', 0, 0), W('o', 'r', 0, 0), W('t', 'h', 'e', 0),
		W('t', 'o', 0, 0), W('v', 's', 0, 0), W('v', 'i', 'a', 0),
		W('w', 'i', 't', 'h'), W('n', 'o', 'r', 0), W('p', 'e', 'r', 0),
		W('t', 'h', 'a', 'n'),
	};
#undef W
	uint32_t x = 0;
	size_t i;

	if (n == 0 || n > 4)
		return false;
	for (i = 0; i < n; i++)
		x |= (uint32_t)(unsigned char)w[i] << (8 * i);
	for (i = 0; i < sizeof minor / sizeof minor[0]; i++)
		if (minor[i] == x)
			return true;
	return false;
}

static void
feat_words(struct feat *f, const char *s, size_t n)
{
	size_t i = 0, capital = 0, minor = 0;

	f->words = 0;
	while (i < n) {
		size_t j;

		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == n)
			break;
		j = i;
		while (j < n && s[j] != ' ' && s[j] != '\t')
			j++;
		f->words++;
		if (is_upper_ascii((unsigned char)s[i]) ||
		    (s[i] >= '0' && s[i] <= '9') || (unsigned char)s[i] >= 0xc0)
			capital++;
		else if (is_minor_word(s + i, j - i))
			minor++;
		i = j;
	}
	f->titlecase = f->words > 0 && capital + minor == f->words;
	/* "14. Revised Versions of this License.": in title case but for
	 * one word, in a title of five words at least */
	f->clause = f->titlecase ||
	    (f->words >= 5 && capital + minor + 1 == f->words);
}

/* What feat_text wants to know of an ASCII character, by table. */
enum {
	CL_LETTER = 1,      /* counted: keep it the lowest bit */
	CL_UPPER = 2,
	CL_LOWER = 4,
	CL_SPECIAL = 8      /* a blank, an escape or backspace, or what
			       code_at may start code with; swar_plain
			       tests the same characters */
};

#define CL_U (CL_LETTER | CL_UPPER)
#define CL_L (CL_LETTER | CL_LOWER)
#define CL_S CL_SPECIAL
static const uint8_t ascii_class[128] = {
	['\t'] = CL_S, [' '] = CL_S, [0x1b] = CL_S, ['\b'] = CL_S,
	['{'] = CL_S, ['}'] = CL_S, [';'] = CL_S, ['='] = CL_S, ['-'] = CL_S,
	['<'] = CL_S, ['/'] = CL_S,
	['A'] = CL_U, ['B'] = CL_U, ['C'] = CL_U, ['D'] = CL_U, ['E'] = CL_U,
	['F'] = CL_U, ['G'] = CL_U, ['H'] = CL_U, ['I'] = CL_U, ['J'] = CL_U,
	['K'] = CL_U, ['L'] = CL_U, ['M'] = CL_U, ['N'] = CL_U, ['O'] = CL_U,
	['P'] = CL_U, ['Q'] = CL_U, ['R'] = CL_U, ['S'] = CL_U, ['T'] = CL_U,
	['U'] = CL_U, ['V'] = CL_U, ['W'] = CL_U, ['X'] = CL_U, ['Y'] = CL_U,
	['Z'] = CL_U,
	['a'] = CL_L, ['b'] = CL_L, ['c'] = CL_L, ['d'] = CL_L, ['e'] = CL_L,
	['f'] = CL_L, ['g'] = CL_L, ['h'] = CL_L, ['i'] = CL_L, ['j'] = CL_L,
	['k'] = CL_L, ['l'] = CL_L, ['m'] = CL_L, ['n'] = CL_L, ['o'] = CL_L,
	['p'] = CL_L, ['q'] = CL_L, ['r'] = CL_L, ['s'] = CL_L, ['t'] = CL_L,
	['u'] = CL_L, ['v'] = CL_L, ['w'] = CL_L, ['x'] = CL_L, ['y'] = CL_L,
	['z'] = CL_L,
};
#undef CL_U
#undef CL_L
#undef CL_S

/* Does the ASCII byte at s[i] start what code looks like: a brace, a
 * semicolon, " = ", "==", "->", "</" or "/>"? */
static bool
code_at(const char *s, size_t i, size_t n)
{
	char c = s[i], d = i + 1 < n ? s[i + 1] : '\0';

	switch (c) {
	case '{': case '}': case ';':
		return true;
	case '=':
		return d == '=' || (d == ' ' && i > 0 && s[i - 1] == ' ');
	case '-':
		return d == '>';
	case '<':
		return d == '/';
	case '/':
		return d == '>';
	default:
		return false;
	}
}

/* Eight bytes at a time, as 64-bit words ("SIMD within a register"): for
 * bytes below 0x80, adding 0x80 - c sets a byte's high bit exactly when
 * it is c or above, and no carry crosses into the next byte. */
#define SWAR_ONES UINT64_C(0x0101010101010101)
#define SWAR_HIGH UINT64_C(0x8080808080808080)

/* The high bit of each byte of x (all below 0x80) that is c or above. */
static inline uint64_t
swar_ge(uint64_t x, unsigned char c)
{
	return (x + (0x80u - c) * SWAR_ONES) & SWAR_HIGH;
}

/* The high bit of each byte of x (all below 0x80) that is c. */
static inline uint64_t
swar_eq(uint64_t x, unsigned char c)
{
	uint64_t v = x ^ (c * SWAR_ONES);

	return ~(v + 0x7f * SWAR_ONES) & SWAR_HIGH;
}

/* How many bytes of x (all below 0x80) are in [lo, hi]. */
static inline unsigned
swar_count(uint64_t x, unsigned char lo, unsigned char hi)
{
	uint64_t m = swar_ge(x, lo) & ~swar_ge(x, (unsigned char)(hi + 1));

	/* one bit per byte, summed into the top byte by the multiplication
	 * (no popcount instruction in the baseline x86-64) */
	return (unsigned)(((m >> 7) * SWAR_ONES) >> 56);
}

/* Are the eight bytes of x plain prose for feat_text: ASCII, no control
 * character, nothing ascii_class marks special but spaces (the list below
 * is that table's CL_SPECIAL entries: change both together), and no two
 * spaces in a row?  Then only letters need counting. */
static inline bool
swar_plain(uint64_t x)
{
	uint64_t sp;

	if ((x & SWAR_HIGH) || swar_ge(x, ' ') != SWAR_HIGH)
		return false;
	if (swar_eq(x, '{') | swar_eq(x, '}') |
	    swar_eq(x, ';') | swar_eq(x, '=') | swar_eq(x, '-') |
	    swar_eq(x, '<') | swar_eq(x, '/'))
		return false;
	sp = swar_eq(x, ' ');
	/* two neighbouring bytes (in either byte order) */
	return (sp & (sp >> 8)) == 0;
}

/* Compute the features of the bytes s[0..n) (a line without its end), in
 * one pass over its characters: this runs for most lines of a document.
 * False, with f half done, when the bytes have an escape sequence or a
 * backspace (overstrike): those are measured once cleaned. */
static bool
feat_text(struct feat *f, const char *s, size_t n, bool cleaned)
{
	size_t i = 0, lead = 0, k;
	unsigned chars = 0, letters = 0, upper = 0, lower = 0;
	bool gap = false, codeish = false;
	size_t last = 0;            /* where the last character starts */

	while (i < n && (s[i] == ' ' || s[i] == '\t')) {
		f->indent = s[i] == '\t' ? (f->indent / 8 + 1) * 8
		    : f->indent + 1;
		i++;
	}
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	f->blank = i == n;
	if (f->blank)
		return true;
	s += i;
	n -= i;
	if (n >= 3 && is_adorn_char(s[0]) && f->indent == 0) {
		k = 1;
		while (k < n && s[k] == s[0])
			k++;
		if (k == n)
			f->adorn = s[0];
	}
	f->num_depth = parse_number(s, n, &lead, f->num, sizeof f->num);
	if (f->num_depth == 0)
		lead = 0;
	/* counted in locals: f may alias s for the compiler, and its fields
	 * would go through memory on every character */
	if (n > 0)
		f->first = (unsigned char)s[0]; /* a multibyte one is below */
	for (k = 0; k < n; ) {
		const uint8_t *u = (const uint8_t *)s + k;
		ucs4_t ch;
		int len = 1;

		/* eight characters of plain prose at a time (most lines) */
		if (k + 8 < n) {
			uint64_t x;

			memcpy(&x, u, 8);
			if (swar_plain(x) && !(u[7] == ' ' && u[8] == ' ')) {
				unsigned up = swar_count(x, 'A', 'Z');
				unsigned lo = swar_count(x, 'a', 'z');

				upper += up;
				lower += lo;
				letters += up + lo;
				chars += 8;
				last = k + 7;
				k += 8;
				continue;
			}
		}

		if (*u < 0x80) {
			/* ASCII, most of any document: one table look-up */
			unsigned c = ascii_class[*u];

			ch = *u;
			if (c & CL_SPECIAL) {
				if ((ch == 0x1b || ch == '\b') && !cleaned)
					return false;
				if (ch == ' ') {
					if (k >= lead && k + 1 < n &&
					    s[k + 1] == ' ')
						gap = true;
				} else if (ch == '\t') {
					gap = true;
				} else if (code_at(s, k, n)) {
					codeish = true;
				}
			}
			letters += c & CL_LETTER;
			upper += (c & CL_UPPER) != 0;
			lower += (c & CL_LOWER) != 0;
		} else {
			len = u8_mbtouc(&ch, u, n - k);
			if (is_letter(ch)) {
				letters++;
				upper += is_upper(ch);
				lower += is_lower(ch);
			}
		}
		if (k == 0)
			f->first = ch;
		last = k;
		chars++;
		k += (size_t)len;
	}
	if (s[last] & 0x80)
		u8_mbtouc(&f->last, (const uint8_t *)s + last, n - last);
	else
		f->last = (unsigned char)s[last];
	f->chars = chars;
	f->letters = letters;
	f->upper = upper;
	f->lower = lower;
	f->gap = gap;
	f->codeish = codeish;
	f->bullet = (n >= 2 && is_bullet_char(s[0]) &&
	    (s[1] == ' ' || s[1] == '\t')) ||
	    (n >= 3 && memcmp(s, "\xE2\x80\xA2", 3) == 0) ||
	    (n >= 3 && (s[0] == '(' || s[1] == ')'));
	f->leaders = has_leaders(s, n);
	/* only a line that may be a heading needs its words: short, and
	 * not ending a sentence */
	if (f->chars <= PLAIN_MAX_HEADING_CHARS && (f->last != '.' ||
	    f->num_depth > 0) && f->last != ',' && f->last != ';' &&
	    f->last != ':' && f->last != '!')
		feat_words(f, s, n);
	return true;
}

static const char *
plain_bytes(const struct plain *p, size_t off, size_t n)
{
	return p->r != NULL ? line_reader_bytes(p->r, off, n) : p->d + off;
}

static void
feat_start(struct feat *f, const struct line *l)
{
	static const struct feat none;

	*f = none; /* copied: cheaper than zeroing it field by field */
	f->start = l->start;
	f->end = l->end;
	f->next = l->next;
	f->lineno = l->lineno;
	f->text_start = l->start;
	f->text_end = l->end;
}

/* Most short lines are prose that cannot be a heading: an unindented
 * line of printable ASCII that ends a sentence, or starts with neither a
 * capital nor a digit, is never heading_shaped.  Such a line gets only
 * what the lines around it are judged by (as long_line_feat does): its
 * length, indent, first and last characters and number.  Its letters,
 * words and the rest are left out, and `partial` says so: feat_full
 * measures them when a comparison needs them (an underline below).
 * False when the line needs all its features. */
static bool
feat_quick(const struct plain *p, struct feat *f, const char *s, size_t n)
{
	size_t i = 0, k, lead;
	unsigned char c0, c1;

	while (i < n && s[i] == ' ')
		i++;
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (i == n || i > (size_t)p->margin)
		return false; /* blank, or indented: code is judged there */
	c0 = (unsigned char)s[i];
	c1 = (unsigned char)s[n - 1];
	if (c0 <= ' ' || c0 >= 0x7f || is_adorn_char((char)c0))
		return false;
	if (c1 != '.' && c1 != ',' && c1 != ';' && c1 != ':' && c1 != '!' &&
	    (is_upper_ascii(c0) || (c0 >= '0' && c0 <= '9')))
		return false;
	/* "0. Definitions.": a clause's title ends with a full stop */
	if (c1 == '.' && c0 >= '0' && c0 <= '9')
		return false;
	/* printable ASCII: a character a byte, no escapes, no tabs */
	for (k = i; k + 8 <= n; k += 8) {
		uint64_t x;

		memcpy(&x, s + k, 8);
		if ((x & SWAR_HIGH) || swar_ge(x, ' ') != SWAR_HIGH)
			return false;
	}
	for (; k < n; k++)
		if ((unsigned char)s[k] < ' ' || (unsigned char)s[k] >= 0x80)
			return false;
	f->raw_indent = (int)i;
	f->indent = 0;
	f->text_start = f->start + i;
	f->text_end = f->start + n;
	f->first = c0;
	f->last = c1;
	f->chars = (unsigned)(n - i);
	f->num_depth = parse_number(s + i, n - i, &lead, f->num,
	    sizeof f->num);
	f->partial = true;
	return true;
}

/* Line l's features into f: all of them, or (all false) maybe only the
 * part feat_quick gives. */
static void
feat_measure(struct plain *p, struct feat *f, const struct line *l, bool all)
{
	const char *raw = plain_bytes(p, l->start, l->end - l->start);

	feat_start(f, l);
	if (!all && feat_quick(p, f, raw, l->end - l->start))
		return;
	if (!feat_text(f, raw, l->end - l->start, false)) {
		buf_reset(&p->clean);
		text_clean(&p->clean, p->d, l->start, l->end, 0);
		feat_start(f, l);
		f->cleaned = true;
		feat_text(f, p->clean.data, p->clean.len, true);
	}
	f->raw_indent = f->indent;
	f->indent = f->indent > p->margin ? f->indent - p->margin : 0;
	if (!f->cleaned) {
		while (f->text_start < f->text_end &&
		    (raw[f->text_start - l->start] == ' ' ||
		    raw[f->text_start - l->start] == '\t'))
			f->text_start++;
		while (f->text_end > f->text_start &&
		    (raw[f->text_end - 1 - l->start] == ' ' ||
		    raw[f->text_end - 1 - l->start] == '\t'))
			f->text_end--;
	}
}

static struct feat *
feat_slot(struct plain *p, unsigned long lineno)
{
	return &p->seen[lineno & (PLAIN_FEAT_CACHE - 1)];
}

/* Line l's features (whatever its length; maybe partial), where they are
 * kept: good while the scan looks at fewer than PLAIN_FEAT_CACHE lines
 * more. */
static const struct feat *
feat_load(struct plain *p, const struct line *l)
{
	struct feat *c = feat_slot(p, l->lineno);

	if (c->lineno != l->lineno || c->start != l->start || c->long_line)
		feat_measure(p, c, l, false);
	return c;
}

/* Line l's features, all of them. */
static const struct feat *
feat_full(struct plain *p, const struct line *l)
{
	struct feat *c = feat_slot(p, l->lineno);

	if (c->lineno != l->lineno || c->start != l->start || c->long_line ||
	    c->partial)
		feat_measure(p, c, l, true);
	return c;
}

/* The next line of it when its features are kept: its end is known, no
 * need to look for it again. */
static bool
plain_kept(struct plain *p, struct line_iter *it, struct line *l)
{
	const struct feat *c = feat_slot(p, it->lineno);

	if (c->lineno != it->lineno || c->start != it->pos ||
	    it->pos >= it->len)
		return false;
	l->start = c->start;
	l->end = c->end;
	l->next = c->next;
	l->lineno = c->lineno;
	it->pos = c->next;
	it->lineno++;
	return true;
}

/* A look ahead's next line: kept, or found in the document. */
static bool
plain_peek(struct plain *p, struct line_iter *it, struct line *l)
{
	return plain_kept(p, it, l) || line_reader_peek(p->r, it, l);
}

/* The scan's next line, and its bytes in *text when they were read:
 * kept, or read on through the reader. */
static bool
plain_next(struct plain *p, struct line_iter *it, struct line *l,
    const char **text)
{
	struct line_reader *r = p->r;

	*text = NULL;
	if (plain_kept(p, it, l))
		return true;
	line_reader_seek(r, it->pos, it->lineno);
	if (!line_reader_next(r, l, text))
		return false;
	it->pos = r->pos;
	it->lineno = r->lineno;
	return true;
}

/* A line short and plain enough to be a heading, whatever its end. */
static bool
heading_shaped_but_end(const struct feat *f)
{
	if (f->blank || f->long_line || f->adorn || f->bullet || f->leaders ||
	    f->codeish || f->gap)
		return false;
	if (f->chars > PLAIN_MAX_HEADING_CHARS ||
	    f->words > PLAIN_MAX_HEADING_WORDS || f->letters == 0)
		return false;
	return is_upper(f->first) || (f->first >= '0' && f->first <= '9') ||
	    f->num_depth > 0;
}

/* "0. Definitions.", "3. Protecting Users' Legal Rights From
 * Anti-Circumvention Law.": a numbered title in title case may end with a
 * full stop, as the clauses of a licence or a contract do ("1. Install
 * the package." is a step of a list). */
static bool
clause_title(const struct feat *f)
{
	return f->num_depth > 0 && f->clause && f->words >= 2 &&
	    f->chars <= PLAIN_MAX_HEADING_CHARS && !f->leaders;
}

/* A line short and plain enough to be a heading of any unmarked kind. */
static bool
heading_shaped(const struct feat *f)
{
	if (!heading_shaped_but_end(f))
		return false;
	if (f->last == '.' && clause_title(f))
		return true;
	if (f->last == '.' || f->last == ',' || f->last == ';' ||
	    f->last == ':' || f->last == '!')
		return false;
	if (f->last == '?' && !f->titlecase && f->num_depth == 0)
		return false;
	return true;
}

/* "Changes in 2.40:", "New in 1.16.5:": the line of a release in a NEWS
 * file, at the margin, short, naming a version and ending with ':'. */
static bool
release_line(const char *s, size_t n)
{
	size_t k;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < 4 || n > PLAIN_MAX_HEADING_CHARS || s[n - 1] != ':' ||
	    !is_upper_ascii((unsigned char)s[0]))
		return false;
	for (k = 1; k + 2 < n; k++)
		if (s[k] >= '0' && s[k] <= '9' && s[k + 1] == '.' &&
		    s[k + 2] >= '0' && s[k + 2] <= '9')
			return true;
	return false;
}

static bool
all_caps(const struct feat *f)
{
	return f->letters >= PLAIN_MIN_CAPS_LETTERS && f->lower == 0 &&
	    f->upper == f->letters;
}

/* A line too long to be a heading (most lines of prose) gets only the
 * features the lines around it are judged by: how it ends (does it finish
 * a sentence?) and, when it follows a candidate (measured), its indent,
 * first character, length in characters, and whether it is code or
 * numbered.  This keeps the outline of a document near the speed of
 * reading it. */
static void
long_line_feat(const struct plain *p, struct feat *f, const struct line *l,
    const char *d, bool measured)
{
	/* d holds the line's bytes: indexes below are from its start */
	size_t e = l->end - l->start, s, t = 0, k;
	int indent = 0;

	/* Most lines of a document come here unmeasured, as the line before
	 * the next: only what prev_allows reads of such a line is set then
	 * (blank, adorn, last, long_line); the rest is zeroed when measured. */
	if (measured)
		*f = (struct feat){ 0 };
	f->adorn = 0;
	f->last = 0;
	f->start = l->start;
	f->end = l->end;
	f->next = l->next;
	f->lineno = l->lineno;
	f->long_line = true;
	f->measured = measured;
	f->chars = PLAIN_MAX_HEADING_CHARS + 1;
	f->letters = 1;
	while (e > 0 && (d[e - 1] == ' ' || d[e - 1] == '\t'))
		e--;
	f->blank = e == 0;
	s = e;
	while (s > 0 && e - s < 4 && ((unsigned char)d[s - 1] & 0xc0) == 0x80)
		s--;
	if (s > 0)
		s--;
	if (s < e) {
		ucs4_t c;

		u8_mbtouc(&c, (const uint8_t *)d + s, e - s);
		f->last = c;
	}
	if (!measured || f->blank)
		return;
	while (t < e && (d[t] == ' ' || d[t] == '\t')) {
		indent = d[t] == '\t' ? (indent / 8 + 1) * 8 : indent + 1;
		t++;
	}
	f->raw_indent = indent;
	f->indent = indent > p->margin ? indent - p->margin : 0;
	f->text_start = l->start + t;
	f->text_end = l->start + e;
	{
		ucs4_t c;

		u8_mbtouc(&c, (const uint8_t *)d + t, e - t);
		f->first = c;
	}
	/* counted as far as a heading's text is ever compared with it */
	f->chars = 0;
	for (k = t; k < e && f->chars <= PLAIN_BODY_CHARS_ENOUGH; k++)
		f->chars += ((unsigned char)d[k] & 0xc0) != 0x80;
	f->num_depth = parse_number(d + t, e - t, &k, f->num, sizeof f->num);
	if (indent == 0 && is_adorn_char(d[t])) {
		for (k = t; k < e && d[k] == d[t]; k++)
			;
		if (k == e)
			f->adorn = d[t];
	}
	/* only indented text is judged by whether it is code */
	if (f->indent > 0)
		for (k = t; k < e && !f->codeish; k++)
			f->codeish = code_at(d + t, k - t, e - t);
}

/* Long line l's features (its bytes at d, or found when d is NULL), kept
 * with the others: as the line before the next, or measured. */
static const struct feat *
feat_long(struct plain *p, const struct line *l, const char *d,
    bool measured)
{
	struct feat *c = feat_slot(p, l->lineno);

	if (c->lineno == l->lineno && c->start == l->start && c->long_line &&
	    c->measured == measured)
		return c;
	if (d == NULL)
		d = plain_bytes(p, l->start, l->end - l->start);
	long_line_feat(p, c, l, d, measured);
	return c;
}

struct lookahead {
	const struct feat *next; /* the next non-blank line */
	bool have_next;
	unsigned blanks;       /* blank lines before it */
	unsigned body_chars;   /* characters in its paragraph */
	bool body_sentence;    /* the paragraph has sentence punctuation */
	bool all_shaped;       /* every line of it could be a heading: a list
				  or a table of contents, not text */
	bool paged;            /* it is past a page break */
};

static bool
blank_from(struct plain *p, const struct line *l, size_t from)
{
	const char *s = plain_bytes(p, l->start, l->end - l->start);
	size_t i;

	for (i = from; i < l->end - l->start; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

static bool
blank_line(struct plain *p, const struct line *l)
{
	return blank_from(p, l, 0);
}

/* A page break: a line of "\f" alone. */
static bool
form_feed(struct plain *p, const struct line *l)
{
	return l->end > l->start && plain_bytes(p, l->start, 1)[0] == '\f' &&
	    blank_from(p, l, 1);
}

/* A page's header or footer: text in columns, "RFC 2616   HTTP/1.1
 * June 1999", "Fielding, et al.   Standards Track   [Page 15]". */
static bool
in_columns(struct plain *p, const struct line *l)
{
	const char *s = plain_bytes(p, l->start, l->end - l->start);
	size_t n = l->end - l->start, i;
	unsigned run = 0;
	bool text = false;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (i = 0; i < n; i++) {
		if (s[i] != ' ') {
			text = true;
			run = 0;
		} else if (text && ++run >= 3) {
			return true;
		}
	}
	return false;
}

/* A page break starts this close to a line that may be its footer. */
#define PLAIN_FF_NEAR 1024

/* Is there a form feed in [pos, pos + PLAIN_FF_NEAR)?  Only a document
 * whose first part has pages is asked; the reader's buffer is searched
 * once for its first; the mapping only for a window its end cuts, where
 * the look ahead reads it anyway. */
static bool
ff_near(struct plain *p, size_t pos)
{
	struct line_reader *r = p->r;
	size_t end = p->len - pos > PLAIN_FF_NEAR ? pos + PLAIN_FF_NEAR : p->len;

	if (!p->paged)
		return false;
	if (r != NULL && r->fd >= 0 && pos >= r->buf_start &&
	    end <= r->buf_end) {
		if (!r->ff_known) {
			const char *q = memchr(r->buf, '\f',
			    r->buf_end - r->buf_start);

			r->ff = q != NULL ? r->buf_start + (size_t)(q - r->buf)
			    : SIZE_MAX;
			r->ff_known = true;
		}
		if (r->ff == SIZE_MAX || r->ff >= end)
			return false;
		if (r->ff >= pos)
			return true;
		return memchr(r->buf + (pos - r->buf_start), '\f',
		    end - pos) != NULL;
	}
	return memchr(p->d + pos, '\f', end - pos) != NULL;
}

/* Is l, after a line, a page break: a footer over a "\f" line, or that
 * line?  Then *it goes past them, the next page's header and the blank
 * lines after it, to where the text goes on. */
static bool
page_break(struct plain *p, struct line_iter *it, const struct line *l)
{
	struct line_iter t = *it, save;
	struct line ln;
	int k;

	if (!ff_near(p, l->start) || (!form_feed(p, l) && !(in_columns(p, l) &&
	    plain_peek(p, &t, &ln) && form_feed(p, &ln))))
		return false;
	save = t;
	if (plain_peek(p, &t, &ln) && !blank_line(p, &ln) && in_columns(p, &ln))
		save = t; /* the header */
	t = save;
	for (k = 0; k < PLAIN_PAGE_BLANKS; k++) {
		if (!plain_peek(p, &t, &ln) || !blank_line(p, &ln))
			break;
		save = t;
	}
	*it = save;
	return true;
}

/* After a blank line inside a paragraph: is the rest of it on the next
 * page, past at most PLAIN_PAGE_BLANKS more blank lines and a page break?
 * Then *it is where it goes on. */
static bool
paragraph_paged(struct plain *p, struct line_iter *it)
{
	struct line_iter t = *it;
	struct line ln;
	int k;

	if (!ff_near(p, it->pos))
		return false;
	for (k = 0; k <= PLAIN_PAGE_BLANKS; k++) {
		if (!plain_peek(p, &t, &ln))
			return false;
		if (!blank_line(p, &ln)) {
			if (!page_break(p, &t, &ln))
				return false;
			*it = t;
			return true;
		}
	}
	return false;
}

/* Does the line of f end a sentence, or have a full stop in it (a body's
 * sentences)? */
static bool
has_sentence(struct plain *p, const struct feat *f)
{
	return f->last == '.' || f->last == '!' || f->last == '?' ||
	    f->last == ':' || memchr(plain_bytes(p, f->start,
	    f->end - f->start), '.', f->end - f->start) != NULL;
}

static void
look_ahead(struct plain *p, size_t pos, unsigned long lineno,
    struct lookahead *la)
{
	struct line_iter it;
	struct line l;
	const struct feat *f;
	unsigned lines = 0;
	int desc = -1; /* the indent of a tag's description */
	int para = -1; /* the indent a paragraph goes on at after its first
			  line, when that differs */
	bool paged = false;

	memset(la, 0, sizeof *la);
	line_iter_init(&it, p->d, p->len, pos);
	it.lineno = lineno;
	while (plain_peek(p, &it, &l)) {
		if (l.end - l.start > PLAIN_MAX_HEADING_BYTES)
			f = feat_long(p, &l, NULL, true);
		else
			f = feat_load(p, &l);
		if (!la->have_next) {
			if (f->blank) {
				if (++la->blanks > PLAIN_MAX_BLANKS_AFTER)
					return;
				continue;
			}
			/* the text goes on past a page break as if there
			 * were none: its blank lines are the page's */
			if (!paged && page_break(p, &it, &l)) {
				paged = la->paged = true;
				la->blanks = 0;
				continue;
			}
			la->next = f;
			la->have_next = true;
			la->all_shaped = true;
		} else if (f->blank && !paged && paragraph_paged(p, &it)) {
			paged = true; /* the paragraph goes on there */
			continue;
		} else if (!f->blank && desc < 0 && para < 0 && lines == 1 &&
		    p->para_indent > 0 && f->indent == 0 &&
		    la->next->indent == p->para_indent) {
			/* the paragraph's first line was indented: it goes on
			 * at the margin */
			para = 0;
		} else if (f->blank || f->indent != (desc >= 0 ? desc :
		    para >= 0 ? para : la->next->indent)) {
			/* a short line over deeper text is a tag with its
			 * description (a man page's option or variable);
			 * when the tag's line has its text after a run of
			 * blanks ("-c        Count the cards"), the
			 * description's sentences are the body's */
			if (f->blank || desc >= 0 || lines != 1 ||
			    f->indent <= la->next->indent)
				return;
			la->all_shaped = false;
			if (!la->next->gap)
				return;
			desc = f->indent;
		}
		if (desc < 0) {
			la->body_chars += f->chars;
			la->all_shaped &= heading_shaped(f);
		}
		if (has_sentence(p, f))
			la->body_sentence = true;
		if (++lines >= PLAIN_BODY_LINES)
			return;
		/* nothing further lines add can change the verdict */
		if (!la->all_shaped && la->body_sentence &&
		    la->body_chars > PLAIN_BODY_CHARS_ENOUGH)
			return;
	}
}

/* A heading candidate: added to the outline at once (its line is still in
 * the cache), as what the document has shown so far makes it.  When this
 * candidate changes the verdict on earlier ones (the first underlined
 * heading after bare ones), the scan starts over knowing it; that happens
 * at most twice, and gives what deciding at the end would. */
static void
plain_add_cand(struct plain *p, const struct feat *f, size_t offset,
    enum cand_kind kind, int rank)
{
	const char *t;
	size_t n = f->end - f->start;

	if (kind == CAND_UNDER && !p->under) {
		p->under = true;
		p->restart = p->nbare + p->nnumbered > 0;
	}
	if (kind == CAND_CAPS && !p->caps) {
		p->caps = true;
		p->restart = p->restart || p->nbare > 0;
	}
	if (p->restart)
		return;
	p->nbare += kind == CAND_BARE;
	p->nnumbered += kind == CAND_NUMBERED;
	if (kind == CAND_NUMBERED && p->under)
		return;
	if (kind == CAND_BARE && (p->under || (f->indent > 0 && !p->caps)))
		return;
	/* framed titles, ':' labels and parts' titles rank as bare
	 * headings: nothing is nested under them */
	if (kind == CAND_BARE || kind == CAND_FRAMED || kind == CAND_LOOSE ||
	    kind == CAND_PART)
		rank = p->caps ? 4 : 2;
	/* outline_add cleans the title: escapes, overstrike, blanks */
	/* a title the outline may read from the document is given from
	 * there; otherwise from wherever it is in the cache */
	t = p->o->titles_in_doc ? p->d + f->start
	    : plain_bytes(p, f->start, f->end - f->start);
	if (offset != f->start || kind == CAND_FRAMED) {
		/* a title in a box of the rule's character ("* Title *"
		 * between rows of '*') is shown without its sides, and a
		 * framed one ("*** Title ***") without its frame */
		const char *e = t + (f->text_end - f->start);
		char side = p->d[offset];

		t += f->text_start - f->start;
		if (kind == CAND_FRAMED) {
			while (t < e && (*t == side || *t == ' '))
				t++;
			while (e > t && (e[-1] == side || e[-1] == ' '))
				e--;
		}
		if (e - t > 2 && t[0] == side && t[1] == ' ')
			t += 2;
		if (e - t > 2 && e[-1] == side && e[-2] == ' ')
			e -= 2;
		n = (size_t)(e - t);
	}
	if (offset != f->start)
		outline_add_overlined(p->o, offset, f->lineno, rank, t, n);
	else
		outline_add(p->o, offset, f->lineno, rank, t, n);
}

static int
adorn_rank(char c)
{
	switch (c) {
	case '#': case '*': case '=': return 1;
	case '-': return 2;
	case '~': return 3;
	case '^': return 4;
	default: return 5;
	}
}

/* Can t be the title of a rule u (under it, or over and under it)?  Not a
 * statement of code between two rules ("printf(...);"). */
static bool
rule_title(const struct feat *u, const struct feat *t)
{
	return u->adorn && !t->blank && !t->adorn && t->last != ';' &&
	    (t->letters > 0 || t->num_depth > 0) &&
	    t->indent <= PLAIN_MAX_SUBHEADING_INDENT &&
	    t->chars <= PLAIN_MAX_HEADING_CHARS;
}

/* Is u an underline for title t?  Lengths must roughly agree: a much
 * longer rule after a short line is a separator, not an underline. */
static bool
underlines(const struct feat *u, const struct feat *t)
{
	unsigned ul = u->chars, tl = t->chars;

	if (!rule_title(u, t))
		return false;
	if (ul > 2 * tl + 4)
		return false;
	if (ul + 2 >= tl)
		return true;
	/* a short underline ("Title -- details" over a shorter rule) */
	return ul >= 4 && 2 * ul >= tl && t->last != '.' && t->last != ',';
}

/* Does the number of n extend the number of c ("1.2" after "1.")? */
static bool
number_extends(const struct feat *c, const struct feat *n)
{
	size_t k = strlen(c->num);

	if (c->num_depth == 0 || n->num_depth <= c->num_depth || k == 0)
		return false;
	k -= c->num[k - 1] == '.';
	return strncmp(c->num, n->num, k) == 0 && n->num[k] == '.';
}

/* "1 Introduction" over "1.1 Purpose", as RFCs number their sections: a
 * number with no full stop after it, which parse_number leaves out (too
 * many lines start with one), extended by the next heading's. */
static bool
bare_number_extends(const struct plain *p, const struct feat *c,
    const struct feat *n)
{
	size_t len = c->text_end - c->text_start, i = 0;
	const char *s;

	if (c->num_depth != 0 || n->num_depth < 2 || len < 3)
		return false;
	s = plain_bytes(p, c->text_start, len);
	while (i < len && i < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i < len && (s[i] == ' ' || s[i] == '\t') &&
	    strncmp(s, n->num, i) == 0 && n->num[i] == '.';
}

/* Is the text after a candidate a body the candidate introduces?  A bare
 * heading has its text at the same indent (a line followed by indented
 * text introduces code); numbered and ALL-CAPS ones may have their text
 * indented (man pages, FAQs), and need less of it (a man page's NAME); an
 * indented one needs text indented further. */
static bool
body_follows(const struct feat *c, const struct lookahead *la, bool caps)
{
	const struct feat *n = la->next;
	bool marked = caps || c->num_depth > 0;

	if (!la->have_next || la->all_shaped || n->adorn)
		return false;
	if (c->indent > 0 ? n->indent <= c->indent
	    : n->indent > 0 && !marked)
		return false;
	/* a short line continued by a wrapped line in lower case is the start
	 * of a paragraph (a long line after it is a paragraph of its own) */
	if (la->blanks == 0 && is_lower(n->first) && !caps &&
	    n->chars <= PLAIN_MAX_HEADING_CHARS && !(la->paged && marked))
		return false;
	/* a long line directly followed by lines of about its length is the
	 * first line of a hard-wrapped paragraph (past a page break, where
	 * the blank lines tell nothing, a numbered or ALL-CAPS line is
	 * still a heading) */
	if (la->blanks == 0 && c->chars > PLAIN_WRAPPED_MIN_CHARS &&
	    n->chars < 2 * c->chars && !(la->paged && marked))
		return false;
	/* a line followed by indented code introduces it */
	if (n->codeish && n->indent > c->indent)
		return false;
	/* numbered lines followed by numbered lines are a list */
	if (c->num_depth > 0 && n->num_depth > 0)
		return false;
	if (marked)
		return true;
	return la->body_chars >= PLAIN_MIN_BODY_CHARS &&
	    la->body_chars > c->chars && la->body_sentence;
}

/* The previous line lets a heading start here: nothing, a blank, a heading,
 * or a finished sentence. */
static bool
prev_allows(const struct feat *prev, bool prev_heading)
{
	if (prev == NULL || prev->blank || prev_heading)
		return true;
	if (prev->adorn)
		return true;
	return ends_sentence(prev->last) && !heading_shaped(prev);
}

/* The number of a line numbered "N." alone ("3. It is followed by"), or
 * 0. */
static long
item_number(const struct feat *f)
{
	if (f->blank || f->num_depth != 1 || f->num[0] < '0' ||
	    f->num[0] > '9')
		return 0;
	return strtol(f->num, NULL, 10);
}

/* Does f go on a list whose item before it was no heading ("2. It is
 * followed by one or more lines:" then "3. It is followed by ...", as
 * git-log(1) has them)?  Only indented past the text's margin: at it,
 * numbered steps are often headings after a first that is not ("1. Edit
 * the file and change these:" then "2. Syntax highlighter"). */
static bool
item_goes_on(const struct plain *p, const struct feat *f)
{
	long n = item_number(f);

	return n > 1 && p->item.num == n - 1 && !p->item.heading &&
	    p->item.indent == f->indent && f->indent > 0;
}

/* Is f a field's line, not a bare heading: one with a mail address or a
 * URL ("Report bugs to: bug-grep@gnu.org", as every GNU --help and manual
 * page ends), or a command's synopsis ("Usage: ls [OPTION]... [FILE]...",
 * as --help starts)? */
static bool
field_line(const struct plain *p, const struct feat *f)
{
	size_t n = f->text_end - f->text_start, i;
	const char *s = plain_bytes(p, f->text_start, n);
	bool at = false, colon = false;

	/* one pass: most titles have neither (a document of 100 000
	 * headings spent 5 ms in memmem and memchr here) */
	for (i = 0; i < n; i++) {
		if (s[i] == '@' && i > 0 && s[i - 1] != ' ')
			at = true;
		else if (s[i] == ':')
			colon = true;
		else if (s[i] == '.' && at)
			return true; /* an address: "bug-grep@gnu.org" */
	}
	return colon && (memmem(s, n, "://", 3) != NULL ||
	    text_is_synopsis(s, n));
}

/* "2. Grant of Copyright License. Subject to the terms...": a numbered
 * clause whose title, in title case (8 words at most), is run into its
 * text, a sentence after it.  *end is where the title ends, after its
 * full stop.  Not "8. U.S. Government" (a stop inside a word). */
static bool
run_in_title(struct plain *p, const struct feat *f, size_t *end)
{
	size_t n = f->text_end - f->text_start, i = 0, k, j, w;
	const char *s = plain_bytes(p, f->text_start, n);
	struct feat t;

	while (i < n && s[i] != ' ' && s[i] != '\t')
		i++; /* the number */
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n || !is_upper_ascii((unsigned char)s[i]))
		return false;
	for (k = i; k + 2 < n && !(s[k] == '.' && s[k + 1] == ' '); k++)
		;
	if (k + 2 >= n)
		return false;
	for (j = k + 1; j < n && s[j] == ' '; j++)
		;
	for (w = k; w > i && s[w - 1] != ' '; w--)
		if (s[w - 1] == '.')
			return false;
	if (j == n || !is_upper_ascii((unsigned char)s[j]) || k - w < 2)
		return false;
	memset(&t, 0, sizeof t);
	feat_words(&t, s + i, k + 1 - i);
	if (!t.titlecase || t.words > PLAIN_RUN_IN_WORDS)
		return false;
	*end = f->text_start + k + 1;
	return true;
}

/* Classify an unmarked candidate line; returns true if it was added. */
static bool
plain_unmarked(struct plain *p, const struct feat *f, const struct feat *prev,
    bool prev_heading, const struct line_iter *it)
{
	struct lookahead la, la2;
	struct feat at_margin;
	size_t end;
	bool caps, deeper_next = false, ok, colon = false, release = false;
	bool bare_num = false;

	/* "  0. Definitions." where paragraphs start indented (the GPL's): a
	 * numbered title there stands at the margin */
	if (p->para_indent > 0 && f->num_depth > 0 &&
	    f->indent == p->para_indent) {
		at_margin = *f;
		at_margin.indent = 0;
		f = &at_margin;
	}
	/* a clause's title run into its text (Apache's licence) */
	if (f->num_depth > 0 && f->indent == 0 && !p->man &&
	    prev_allows(prev, prev_heading) && run_in_title(p, f, &end)) {
		struct feat t = *f;

		t.end = t.text_end = end;
		plain_add_cand(p, &t, f->start, CAND_NUMBERED,
		    2 * f->num_depth);
		return true;
	}
	/* "CHANGES WITH 252:" over indented text is a section of its own
	 * (systemd's NEWS), as a man page's NAME is */
	if (!heading_shaped(f)) {
		if (f->last != ':' || f->raw_indent > 0 ||
		    !is_upper_ascii(f->first))
			return false;
		if (f->partial) { /* feat_quick left out its letters */
			struct line l = { f->start, f->end, f->next,
			    f->lineno };

			f = feat_full(p, &l);
		}
		if (!heading_shaped_but_end(f))
			return false;
		/* "Changes in 2.40:" in a NEWS file */
		release = p->releases && release_line(plain_bytes(p,
		    f->text_start, f->text_end - f->text_start),
		    f->text_end - f->text_start);
		if (!release && !all_caps(f))
			return false;
		colon = true;
	}
	if (item_goes_on(p, f))
		return false;
	/* a manual's subsections stand left of its text ("   Proxy
	 * Configuration" over text at 7): a line at the text's indent is
	 * text ("       Mark Adler (Info-ZIP)" under AUTHOR) */
	if (p->man && p->margin > 0 && f->raw_indent >= p->margin &&
	    f->num_depth == 0 && !all_caps(f))
		return false;
	if (!prev_allows(prev, prev_heading))
		return false;
	/* ALL-CAPS section names stand out left of the text's margin (a man
	 * page's, where even a short one is: "URL", "SEE"), or are the
	 * text's own margin when it has none */
	caps = (all_caps(f) || (p->man && f->raw_indent == 0 &&
	    f->letters > 0 && f->lower == 0)) && f->indent == 0 &&
	    (p->margin == 0 || f->raw_indent < p->margin);
	if (f->indent > PLAIN_MAX_SUBHEADING_INDENT)
		return false;
	look_ahead(p, it->pos, it->lineno, &la);
	ok = body_follows(f, &la, caps);
	/* a manual's section: at the left edge, over its indented text,
	 * however short ("AUTHOR" over "Mark Adler (Info-ZIP)") */
	if (!ok && p->man && caps && f->raw_indent == 0 && la.have_next &&
	    la.blanks == 0 && la.next->raw_indent >= p->margin)
		ok = true;
	/* an ALL-CAPS word past the margin over deeper text is a tag: a
	 * value or a variable with its description (a man page's) */
	if (!caps && all_caps(f) && f->indent > 0 && la.have_next &&
	    la.next->indent > f->indent)
		ok = false;
	if (release) /* its notes follow at once, as a list or text */
		ok = la.have_next && la.blanks <= 1 && !la.next->adorn;
	else if (colon && (!caps || !ok ||
	    la.next->raw_indent <= f->raw_indent))
		return false;
	if (!ok && la.have_next && heading_shaped(la.next) &&
	    la.blanks <= 1) {
		const struct feat *n = la.next;

		deeper_next = number_extends(f, n) ||
		    (caps && !all_caps(n));
		if (!deeper_next && f->indent == 0 &&
		    bare_number_extends(p, f, n))
			deeper_next = bare_num = true;
		if (deeper_next) {
			struct feat sub = *n;
			int k;

			look_ahead(p, sub.next, sub.lineno + 1, &la2);
			ok = body_follows(&sub, &la2, caps);
			/* "8 Connections" over "8.1 Persistent Connections"
			 * over "8.1.1 Purpose" and its text */
			for (k = 0; !ok && k < PLAIN_MAX_CHAIN &&
			    la2.have_next && la2.blanks <= 1 &&
			    heading_shaped(la2.next) &&
			    number_extends(&sub, la2.next); k++) {
				sub = *la2.next;
				look_ahead(p, sub.next, sub.lineno + 1, &la2);
				ok = body_follows(&sub, &la2, caps);
			}
		}
	}
	if (!ok)
		return false;
	if (colon)
		plain_add_cand(p, f, f->start, CAND_LOOSE, 0);
	else if (f->num_depth > 0 && f->indent == 0)
		plain_add_cand(p, f, f->start, CAND_NUMBERED,
		    2 * f->num_depth);
	else if (bare_num)
		plain_add_cand(p, f, f->start, CAND_NUMBERED, 2);
	else if (caps)
		plain_add_cand(p, f, f->start, CAND_CAPS, 2);
	else if (field_line(p, f))
		return false;
	else
		plain_add_cand(p, f, f->start, CAND_BARE, 0);
	return true;
}

/* Is f centred in the width of the text: past its margin, its middle
 * near the text's? */
static bool
centred(const struct plain *p, const struct feat *f)
{
	int twice = 2 * f->raw_indent + (int)f->chars;

	return p->fill > 0 && !f->blank && !f->long_line &&
	    f->raw_indent > p->margin &&
	    abs(twice - (p->margin + p->fill)) <= 2 * PLAIN_CENTRE_SLACK;
}

/* Is the text after a centred title's block (from at) its body: after a
 * blank line or more, a paragraph left of the title, with sentences, not
 * a run of heading-like lines?  Its first line may be indented ("  The
 * GNU General Public License is a free, copyleft license for" over
 * "software and other kinds of works."). */
static bool
centred_body(struct plain *p, const struct feat *f, struct line_iter at)
{
	struct line l;
	const struct feat *n;
	unsigned blanks = 0, lines = 0, chars = 0;
	bool sentence = false, shaped = true;

	while (plain_peek(p, &at, &l)) {
		n = l.end - l.start > PLAIN_MAX_HEADING_BYTES ?
		    feat_long(p, &l, NULL, true) : feat_load(p, &l);
		if (n->blank) {
			if (lines > 0)
				break;
			if (++blanks > PLAIN_MAX_BLANKS_AFTER)
				return false;
			continue;
		}
		if (blanks == 0 || n->adorn || n->raw_indent >= f->raw_indent)
			return false;
		/* "TERMS AND CONDITIONS" over "0. Definitions.", "Apache
		 * License" over "TERMS AND CONDITIONS FOR USE" */
		if (lines == 0 && heading_shaped(n) &&
		    (n->num_depth > 0 || all_caps(n)))
			return true;
		chars += n->chars;
		shaped &= heading_shaped(n);
		sentence |= has_sentence(p, n);
		if (++lines >= PLAIN_BODY_LINES)
			break;
	}
	return lines > 0 && !shaped && sentence &&
	    chars >= PLAIN_MIN_BODY_CHARS;
}

/* A title centred over the text, as the GPL and GNU READMEs have them
 * ("                            Preamble"): an ALL-CAPS or title-case
 * line standing alone, well past the margin and centred, maybe with
 * centred lines under it ("Version 3, 29 June 2007", or a rule), then a
 * blank line and a paragraph at a lesser indent.  Ranked above the
 * numbered headings (a licence's clauses are under "TERMS AND
 * CONDITIONS"), it changes no verdict on the others.  Returns the last
 * line of the title's block (it then moves past it), or NULL. */
static const struct feat *
plain_centred(struct plain *p, const struct feat *f, struct line_iter *it)
{
	struct line_iter at = *it;
	struct line l;
	const struct feat *last = f, *n;
	int k;

	if (p->man || f->raw_indent < p->margin + PLAIN_CENTRE_INDENT ||
	    !centred(p, f) || !heading_shaped(f) ||
	    !(all_caps(f) || f->titlecase))
		return NULL;
	for (k = 1; k < PLAIN_CENTRE_LINES; k++) {
		struct line_iter save = at;

		if (!plain_peek(p, &at, &l) ||
		    l.end - l.start > PLAIN_MAX_HEADING_BYTES)
			return NULL;
		n = feat_full(p, &l);
		if (n->blank) {
			at = save;
			break;
		}
		if (!centred(p, n) || n->raw_indent < p->margin + 2)
			return NULL;
		last = n;
	}
	if (!centred_body(p, f, at))
		return NULL;
	plain_add_cand(p, f, f->start, CAND_CENTRED, 1);
	*it = at;
	return last;
}

/* "*** Title ***", "=== release 1.2 ===": a title framed by two runs of
 * one rule character, at the margin.  Such a line may be a notice ("***
 * Please read the README ***") as well as a heading: one that ends a
 * sentence is not taken, and these do not change what the document is
 * judged to mark its headings with. */
static bool
framed(const struct plain *p, const struct feat *f)
{
	const char *s;
	size_t n, a = 0, b;

	if (f->blank || f->adorn || f->raw_indent > 0 || f->cleaned ||
	    f->long_line || f->chars > PLAIN_MAX_HEADING_CHARS ||
	    f->first >= 0x80 || !is_adorn_char((char)f->first))
		return false;
	s = plain_bytes(p, f->text_start, f->text_end - f->text_start);
	n = f->text_end - f->text_start;
	while (a < n && s[a] == s[0])
		a++;
	b = n;
	while (b > a && s[b - 1] == s[0])
		b--;
	/* two of the character at least on each side, a blank inside
	 * each, and a title with a letter between */
	if (a < 2 || n - b < 2 || b - a < 3 || s[a] != ' ' ||
	    s[b - 1] != ' ')
		return false;
	while (b > a && s[b - 1] == ' ')
		b--;
	if (strchr(".,;:!", s[b - 1]) != NULL)
		return false;
	for (size_t k = a; k < b; k++)
		if (s[k] == s[0] && s[k + 1] == s[0])
			return false; /* "-- a -- b --" */
	for (size_t k = a; k < b; k++)
		if ((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z')
		    || (unsigned char)s[k] >= 0x80)
			return true;
	return false;
}

/* The title of a part that starts with a separator rule, in a document
 * whose parts do (p->separated): the first line after the rule and its
 * blank lines, short, heading-shaped whatever its indent ("\tMajor
 * changes between versions 581 and 590"), with a blank line and text
 * after it.  Ranked and judged as a framed title. */
static bool
part_title(struct plain *p, const struct feat *f, const struct line_iter *it)
{
	struct line l = { f->start, f->end, f->next, f->lineno };
	struct lookahead la;

	if (f->long_line || f->adorn || f->raw_indent > PLAIN_MAX_PART_INDENT)
		return false;
	f = feat_full(p, &l);
	if (!heading_shaped(f))
		return false;
	look_ahead(p, it->pos, it->lineno, &la);
	return la.have_next && la.blanks > 0;
}

static void
plain_scan(struct plain *p, size_t start)
{
	struct line_iter it;
	struct line_reader r;
	struct line l;
	const struct feat *prev = NULL, *cur, *next;
	bool prev_heading = false;
	/* a separator rule and blank lines are above this line, the next */
	bool after_rule, part = false;
	int paging = 0; /* 1: after a "\f", 2: after its page's header */
	/* the last two lines with text, for the line after a page break */
	unsigned long text_line[2] = { 0, 0 };

	/* Lines come from the reader (the file read through a buffer), or
	 * from the features kept when a look ahead has seen them; looking
	 * ahead goes through the mapping past the buffer's end. */
	line_iter_init(&it, p->d, p->len, start);
	line_reader_init(&r, p->doc, start);
	p->r = &r;
	for (;;) {
		bool heading = false;
		const char *text;
		long num;

		if (p->restart || !plain_next(p, &it, &l, &text))
			break;
		if (!outline_scanned(p->o, l.start)) {
			p->stopped = true;
			break;
		}
		if (prev != NULL && !prev->blank &&
		    prev->lineno != text_line[1]) {
			text_line[0] = text_line[1];
			text_line[1] = prev->lineno;
		}
		/* A page break (RFCs, old manuals): the next page's header
		 * and blank lines are passed.  Whether the last line before
		 * its footer ended a paragraph, the page's blank lines hide:
		 * only a comma says it did not. */
		if (l.end > l.start && (text != NULL ? text[0] :
		    plain_bytes(p, l.start, 1)[0]) == '\f' && form_feed(p, &l)) {
			int k = prev != NULL && prev->lineno == text_line[1] &&
			    in_columns(p, &(struct line){ prev->start,
			    prev->end, prev->next, prev->lineno }) ? 0 : 1;
			const struct feat *c = feat_slot(p, text_line[k]);

			prev = text_line[k] != 0 && c->lineno == text_line[k] &&
			    !c->blank && c->last == ',' ? c : NULL;
			prev_heading = false;
			paging = 1;
			continue;
		}
		if (paging > 0) {
			if (blank_line(p, &l))
				continue;
			if (paging == 1 && in_columns(p, &l)) {
				paging = 2; /* the page's header */
				continue;
			}
			paging = 0;
		}
		if (l.end - l.start > PLAIN_MAX_HEADING_BYTES) {
			prev = feat_long(p, &l, text, false);
			prev_heading = false;
			part = false;
			continue;
		}
		cur = feat_load(p, &l);
		after_rule = part;
		if (!cur->blank)
			part = cur->adorn && (prev == NULL || prev->blank) &&
			    cur->chars >= PLAIN_SEPARATOR_CHARS;
		if (cur->adorn && (prev == NULL || prev->blank)) {
			/* an overline: title and underline follow */
			struct line_iter save = it;
			struct line lt, lu;

			if (plain_peek(p, &it, &lt) &&
			    plain_peek(p, &it, &lu)) {
				const struct feat *t = feat_full(p, &lt);
				const struct feat *u = feat_load(p, &lu);

				/* a title between two like rules is one
				 * however long the rules (a banner of '#'),
				 * unless it is a table's header row */
				if (u->adorn == cur->adorn &&
				    u->chars + 2 >= cur->chars &&
				    cur->chars + 2 >= u->chars &&
				    (underlines(u, t) || (rule_title(u, t) &&
				    !t->gap && u->chars + 2 >= t->chars))) {
					plain_add_cand(p, t, cur->start,
					    CAND_UNDER,
					    2 * adorn_rank(cur->adorn) - 1);
					prev = u;
					prev_heading = true;
					part = false;
					continue;
				}
			}
			it = save;
		}
		if (!cur->blank && !cur->adorn &&
		    (prev == NULL || prev->blank || prev->adorn)) {
			struct line_iter save = it;
			struct line ln;

			if (plain_peek(p, &it, &ln) &&
			    ln.end - ln.start <= PLAIN_MAX_HEADING_BYTES) {
				next = feat_load(p, &ln);
				if (next->adorn)
					cur = feat_full(p, &l);
				if (underlines(next, cur)) {
					plain_add_cand(p, cur, cur->start,
					    CAND_UNDER,
					    2 * adorn_rank(next->adorn));
					prev = next;
					prev_heading = true;
					continue;
				}
			}
			it = save;
		}
		if ((prev == NULL || prev->blank) && !cur->blank &&
		    cur->first < 0x80 && is_adorn_char((char)cur->first)) {
			/* a framed title stands between blank lines (a
			 * "--- start ---" marks what follows it at once) */
			struct line_iter save = it;
			struct line ln;

			if (framed(p, cur) && (!plain_peek(p, &it, &ln) ||
			    (ln.end - ln.start <= PLAIN_MAX_HEADING_BYTES &&
			    feat_load(p, &ln)->blank))) {
				it = save;
				plain_add_cand(p, cur, cur->start, CAND_FRAMED,
				    0);
				prev = cur;
				prev_heading = true;
				continue;
			}
			it = save;
		}
		if ((prev == NULL || prev->blank) && !cur->blank &&
		    cur->raw_indent > p->margin) {
			const struct feat *last = plain_centred(p, cur, &it);

			if (last != NULL) {
				prev = last;
				prev_heading = true;
				part = false;
				continue;
			}
		}
		heading = plain_unmarked(p, cur, prev, prev_heading, &it);
		if (!heading && after_rule && !cur->blank && p->separated &&
		    part_title(p, cur, &it)) {
			plain_add_cand(p, cur, cur->start, CAND_PART, 0);
			heading = true;
		}
		if ((num = item_number(cur)) > 0) {
			p->item.num = num;
			p->item.indent = cur->indent;
			p->item.heading = heading;
		}
		prev = cur;
		prev_heading = heading;
	}
	p->r = NULL;
	line_reader_fini(&r);
}

/* What the first part of the document says of the whole, in one pass
 * over it.  Some documents (linuxdoc, some mail) indent all their text:
 * headings and paragraphs are then judged relative to that margin, the
 * most common indent of long lines near the start; some start their
 * paragraphs further in (the GPL's two columns).  The column the long
 * lines end by is the text's width, to tell a centred title by.  A NEWS file has two
 * release lines at least there, each after a blank line.  A document made
 * of parts starts two there with a separator rule, blank lines, a short
 * line and a blank line. */
static void
plain_sample(struct plain *p, size_t start)
{
	unsigned count[PLAIN_MARGIN_MAX + 1] = { 0 };
	unsigned ends[PLAIN_FILL_MAX + 1] = { 0 }, nlong = 0, below = 0;
	unsigned firsts[PLAIN_MARGIN_MAX + 1] = { 0 };
	const char *d = p->d;
	size_t len = p->len;
	struct line_iter it;
	struct line l;
	bool prev_blank = true;
	int i, best = 0, releases = 0, separated = 0, pages = 0;
	bool seen_text = false;
	/* where a part's start stands: 1 after a rule, 2 after its blank
	 * lines, 3 after a short line there (the title, if a blank follows) */
	int part = 0;

	if (len > start + PLAIN_MARGIN_SAMPLE)
		len = start + PLAIN_MARGIN_SAMPLE;
	line_iter_init(&it, d, len, start);
	while (line_iter_next(&it, &l)) {
		size_t k = l.start;

		while (k < l.end && d[k] == ' ')
			k++;
		if (k < l.end && !seen_text) {
			size_t e = l.end;
			const char *name;
			size_t n;

			while (e > k && (d[e - 1] == ' ' || d[e - 1] == '\r'))
				e--;
			seen_text = true;
			p->man = text_man_header(d + k, e - k, &name, &n);
		}
		if (k - l.start <= PLAIN_MARGIN_MAX &&
		    l.end - k >= PLAIN_MARGIN_LINE_CHARS) {
			size_t e = l.end;

			count[k - l.start]++;
			firsts[k - l.start] += prev_blank;
			while (e > k && (d[e - 1] == ' ' || d[e - 1] == '\t' ||
			    d[e - 1] == '\r'))
				e--;
			if (e - l.start <= PLAIN_FILL_MAX) {
				ends[e - l.start]++;
				nlong++;
			}
		}
		if (prev_blank && releases < 2 &&
		    release_line(d + l.start, l.end - l.start))
			releases++;
		if (k == l.end) {
			separated += part == 3;
			part = part == 0 || part == 3 ? 0 : 2;
		} else if (prev_blank && separator_rule(d + l.start,
		    l.end - l.start))
			part = 1;
		else
			part = part == 2 && l.end - k <= PLAIN_MAX_HEADING_CHARS ?
			    3 : 0;
		prev_blank = l.end == l.start;
		pages += l.end > l.start && d[l.start] == '\f';
	}
	for (i = 1; i <= PLAIN_MARGIN_MAX; i++)
		if (count[i] > count[best])
			best = i;
	p->margin = best;
	for (i = best + 1; i <= PLAIN_MARGIN_MAX; i++)
		if (firsts[i] >= PLAIN_FILL_LINES &&
		    firsts[i] > firsts[best + p->para_indent])
			p->para_indent = i - best;
	if (nlong >= PLAIN_FILL_LINES)
		for (i = 0; i <= PLAIN_FILL_MAX; i++)
			if ((below += ends[i]) * 10 >= nlong * 9) {
				p->fill = i;
				break;
			}
	p->releases = releases >= 2;
	p->separated = separated >= 2;
	p->paged = pages >= 2;
}

/* Is s[0..n), what stands between "-*-" and "-*-", outline mode:
 * "outline", or "mode: outline" among other variables? */
static bool
names_outline_mode(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n && s[i] == ' ')
		i++;
	while (n > i && s[n - 1] == ' ')
		n--;
	if (n - i == 7 && strncasecmp(s + i, "outline", 7) == 0)
		return true;
	for (k = i; k + 5 <= n; k++) {
		size_t j = k + 5;

		if (strncasecmp(s + k, "mode:", 5) != 0 ||
		    (k > 0 && s[k - 1] != ' ' && s[k - 1] != ';' &&
		    s[k - 1] != '-'))
			continue;
		while (j < n && s[j] == ' ')
			j++;
		if (j + 7 <= n && strncasecmp(s + j, "outline", 7) == 0 &&
		    (j + 7 == n || s[j + 7] == ';' || s[j + 7] == ' '))
			return true;
	}
	return false;
}

/* Does the document say it is written for Emacs's outline mode: "-*-
 * outline -*-" (or "-*- mode: outline -*-") on its first line, its second
 * after "#!", or "mode: outline" in a Local Variables list in its last
 * 3000 bytes (where Emacs looks)?  GNU NEWS files do. */
static bool
plain_outline_mode(const struct document *doc)
{
	static const char lv[] = "local variables:";
	const char *d = doc->data;
	size_t start = doc->text_start, len = doc->len;
	struct line_iter it;
	struct line l;
	size_t from, k;
	int i;

	line_iter_init(&it, d, len, start);
	for (i = 0; i < 2 && line_iter_next(&it, &l); i++) {
		const char *s = d + l.start, *a, *b;
		size_t n = l.end - l.start;

		a = memmem(s, n, "-*-", 3);
		b = a != NULL ? memmem(a + 3, n - (size_t)(a + 3 - s), "-*-", 3)
		    : NULL;
		if (b != NULL && names_outline_mode(a + 3, (size_t)(b - a - 3)))
			return true;
		if (n < 2 || s[0] != '#' || s[1] != '!')
			break;
	}
	from = len - start > 3000 ? len - 3000 : start;
	for (k = from; k + sizeof lv - 1 <= len; k++)
		if (strncasecmp(d + k, lv, sizeof lv - 1) == 0)
			break;
	if (k + sizeof lv - 1 > len)
		return false;
	line_iter_init(&it, d, len, document_next_line(doc, k));
	while (line_iter_next(&it, &l)) {
		const char *s = d + l.start;
		size_t n = l.end - l.start;

		if (memmem(s, n, "end:", 4) != NULL ||
		    memmem(s, n, "End:", 4) != NULL)
			break;
		if (names_outline_mode(s, n))
			return true;
	}
	return false;
}

/* An outline-mode document's headings are its lines of stars: "* Title",
 * "** Subtitle", one level a star.  Nothing else is judged. */
static void
plain_stars(struct outline *o, const struct document *doc)
{
	const char *d = doc->data;
	struct line_iter it;
	struct line l;

	line_iter_init(&it, d, doc->len, doc->text_start);
	while (line_iter_next(&it, &l)) {
		const char *s = d + l.start;
		size_t n = l.end - l.start, k = 0;

		if (!outline_scanned(o, l.start))
			return;
		if (n < 3 || s[0] != '*')
			continue;
		while (k < n && s[k] == '*')
			k++;
		if (k == n || (s[k] != ' ' && s[k] != '\t'))
			continue;
		while (n > k && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n > k + 1) /* a title after the blank */
			outline_add(o, l.start, l.lineno, (int)k, s + k, n - k);
	}
	outline_compact_levels(o);
}

/* The first line of an entry of a Debian changelog (deb-changelog(5)),
 * at the margin: "package (version) distributions; urgency=medium".
 * Its title is what comes before the ';', *title bytes. */
static bool
deb_entry(const char *s, size_t n, size_t *title)
{
	const char *close, *semi;
	size_t i = 0;

	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' ||
	    s[i] == '.'))
		i++;
	if (i < 2 || i + 3 > n || s[i] != ' ' || s[i + 1] != '(')
		return false;
	close = memchr(s + i + 2, ')', n - i - 2);
	semi = close != NULL ? memchr(close, ';', (size_t)(s + n - close))
	    : NULL;
	if (semi == NULL || memmem(semi, (size_t)(s + n - semi), "urgency=",
	    8) == NULL)
		return false;
	*title = (size_t)(semi - s);
	return true;
}

/* A Debian changelog (its first line is an entry's): each entry is a
 * section, titled "package (version) distributions".  Nothing else is
 * judged. */
static bool
plain_changelog(struct outline *o, const struct document *doc)
{
	const char *d = doc->data;
	struct line_iter it;
	struct line l;
	size_t t;
	bool more;

	line_iter_init(&it, d, doc->len, doc->text_start);
	while ((more = line_iter_next(&it, &l)) && l.end == l.start)
		;
	if (!more || !deb_entry(d + l.start, l.end - l.start, &t))
		return false;
	do {
		if (!deb_entry(d + l.start, l.end - l.start, &t))
			continue;
		if (!outline_scanned(o, l.start))
			break;
		outline_add(o, l.start, l.lineno, 1, d + l.start, t);
	} while (line_iter_next(&it, &l));
	return true;
}

/* Vim's help files (":help help-writing"): the first line names the file
 * as a tag, "*windows.txt*   For Vim version 9.0."; a section starts
 * under a rule of '=' (a subsection, of '-') with its title and tags,
 * "1. Introduction\t\t\t*windows-intro* *window*", and a line at the
 * left edge ending with '~' is a heading in the text ("WinScrolled and
 * WinResized autocommands ~"). */
#define VIMHELP_RULE 40

/* 1 for a rule of '=', 2 of '-', else 0. */
static int
vimhelp_rule(const char *s, size_t n)
{
	size_t k;

	if (n < VIMHELP_RULE || (s[0] != '=' && s[0] != '-'))
		return 0;
	for (k = 1; k < n; k++)
		if (s[k] != s[0])
			return 0;
	return s[0] == '=' ? 1 : 2;
}

/* A help title's words into b: its tags left out at the end ("\t\t*gdb*")
 * and their stars at the start ("*01.1*\tTwo manuals"), a '~' or a fold's
 * marker ("{{{1") at its end.  False when no words are left (a line of
 * tags) or they are no title (the modeline, a link). */
static bool
vimhelp_title(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, e = n, k;

	for (;;) { /* trailing blanks, '~' and "*tags*" */
		while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		if (e > 0 && s[e - 1] == '~') {
			e--;
			continue;
		}
		/* a fold's marker, "{{{1" */
		k = e;
		while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9')
			k--;
		if (k >= 3 && (memcmp(s + k - 3, "{{{", 3) == 0 ||
		    memcmp(s + k - 3, "}}}", 3) == 0)) {
			e = k - 3;
			continue;
		}
		if (e < 3 || s[e - 1] != '*')
			break;
		k = e - 1;
		while (k > 0 && s[k - 1] != '*' && s[k - 1] != ' ' &&
		    s[k - 1] != '\t')
			k--;
		if (k == 0 || s[k - 1] != '*' || k + 1 == e ||
		    (k >= 2 && s[k - 2] != ' ' && s[k - 2] != '\t'))
			break;
		e = k - 1;
	}
	while (i < e && (s[i] == ' ' || s[i] == '\t'))
		i++;
	buf_reset(b);
	if (i < e && s[i] == '*') { /* "*01.1*\tTwo manuals" */
		k = i + 1;
		while (k < e && s[k] != '*' && s[k] != ' ' && s[k] != '\t')
			k++;
		if (k < e && s[k] == '*') {
			buf_add(b, s + i + 1, k - i - 1);
			buf_addc(b, ' ');
			i = k + 1;
		}
	}
	while (i < e && (s[i] == ' ' || s[i] == '\t'))
		i++;
	/* a modeline, or "Next chapter: |usr_02.txt|" after the last rule
	 * of a chapter of the user manual */
	if (i == e || (e - i > 4 && memcmp(s + i, "vim:", 4) == 0) ||
	    memchr(s + i, '|', e - i) != NULL)
		return false;
	buf_add(b, s + i, e - i);
	return true;
}

/* A line at the left edge ending with '~', heading-like: not a row of a
 * table (no tab, no run of blanks) and no longer than a heading. */
static bool
vimhelp_tilde(const char *s, size_t n)
{
	size_t k;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < 3 || s[n - 1] != '~' || s[n - 2] != ' ' ||
	    n > PLAIN_MAX_HEADING_CHARS ||
	    !(is_upper_ascii((unsigned char)s[0]) ||
	    (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (k = 0; k + 2 < n; k++)
		if (s[k] == '\t' || (s[k] == ' ' && s[k + 1] == ' '))
			return false;
	return true;
}

static bool
plain_vimhelp(struct outline *o, const struct document *doc)
{
	const char *d = doc->data;
	struct line_iter it;
	struct line l, rule = { 0, 0, 0, 0 };
	struct buf title = BUF_INIT;
	int level = 0; /* of the rule above, while its title is looked for */
	bool prev_blank = true;

	line_iter_init(&it, d, doc->len, doc->text_start);
	if (!line_iter_next(&it, &l) ||
	    !text_vimhelp_header(d + l.start, l.end - l.start))
		return false;
	while (line_iter_next(&it, &l)) {
		const char *s = d + l.start;
		size_t n = l.end - l.start;
		int r;

		if (!outline_scanned(o, l.start))
			break;
		if ((r = vimhelp_rule(s, n)) > 0) {
			level = r;
			rule = l;
		} else if (level > 0 && n > 0) {
			/* the title, after tags alone on their lines */
			if (vimhelp_title(&title, s, n)) {
				if (rule.lineno + 1 == l.lineno)
					outline_add_overlined(o, rule.start,
					    l.lineno, level, title.data,
					    title.len);
				else
					outline_add(o, l.start, l.lineno,
					    level, title.data, title.len);
				level = 0;
			} else if (memchr(s, '*', n) == NULL) {
				level = 0;
			}
		} else if (prev_blank && vimhelp_tilde(s, n) &&
		    vimhelp_title(&title, s, n)) {
			outline_add(o, l.start, l.lineno, 3, title.data,
			    title.len);
		}
		prev_blank = n == 0;
	}
	buf_fini(&title);
	outline_compact_levels(o);
	return true;
}

/* Perl's POD (perlpod(1)), in a .pod file or after a module's code: a
 * command paragraph "=head1 NAME" ... "=head4" is a heading of that level.
 * A document is POD when a command starts it ("=pod", "=head1",
 * "=encoding", "=begin", "=for") or when, in its first 256 KiB, a line
 * is a "=headN" heading. */
#define POD_SAMPLE (256u * 1024)

/* The level of a "=headN title" line (1 to 6), or 0; *title is where its
 * title starts. */
static int
pod_head(const char *s, size_t n, size_t *title)
{
	if (n < 7 || memcmp(s, "=head", 5) != 0 || s[5] < '1' || s[5] > '6' ||
	    (s[6] != ' ' && s[6] != '\t'))
		return 0;
	*title = 7;
	return s[5] - '0';
}

/* Is a line of d[0..n) after its first a "=headN title" ("=headless
 * mode" is text)? */
static bool
pod_head_in(const char *d, size_t n)
{
	const char *at = d, *e = d + n, *nl;
	size_t t;

	while ((at = memmem(at, (size_t)(e - at), "\n=head", 6)) != NULL) {
		at++;
		nl = memchr(at, '\n', (size_t)(e - at));
		if (pod_head(at, (size_t)((nl != NULL ? nl : e) - at), &t) > 0)
			return true;
	}
	return false;
}

/* A POD title's text into b, its formatting codes read: "C<parse()>" is
 * "parse()", "C<< $a <=> $b >>" " $a <=> $b " (the outline squeezes the
 * blanks), "L<text|target>" "text", "E<gt>" '>', and an index entry
 * "X<...>" nothing. */
static void
pod_text(struct buf *b, const char *s, size_t n)
{
	/* the closing of each code open: its count of '>', 0 for one */
	unsigned close[16], depth = 0;
	bool drop[16], link[16];
	size_t i = 0;

	buf_reset(b);
	while (i < n) {
		char c = s[i];

		if (i + 1 < n && s[i + 1] == '<' && depth < 16 &&
		    strchr("BCEFILSXZ", c) != NULL && c != '\0') {
			size_t k = i + 1;
			unsigned angles = 0;

			while (k < n && s[k] == '<')
				k++, angles++;
			if (c == 'E' && angles == 1) { /* an escape */
				const char *e = memchr(s + k, '>', n - k);
				size_t len = e != NULL ? (size_t)(e - s) - k : 0;

				if (e != NULL) {
					if (len == 2 && memcmp(s + k, "gt", 2) == 0)
						buf_addc(b, '>');
					else if (len == 2 &&
					    memcmp(s + k, "lt", 2) == 0)
						buf_addc(b, '<');
					else if (len == 6 &&
					    memcmp(s + k, "verbar", 6) == 0)
						buf_addc(b, '|');
					else if (len == 3 &&
					    memcmp(s + k, "sol", 3) == 0)
						buf_addc(b, '/');
					else
						buf_add(b, s + i, len + 3);
					i = (size_t)(e - s) + 1;
					continue;
				}
			}
			close[depth] = angles;
			link[depth] = c == 'L';
			drop[depth] = c == 'X' || c == 'Z' ||
			    (depth > 0 && drop[depth - 1]);
			depth++;
			i = k;
			continue;
		}
		if (depth > 0 && c == '>') {
			unsigned want = close[depth - 1];
			size_t k = i;

			while (k < n && s[k] == '>' && k - i < want)
				k++;
			if (k - i == want) {
				depth--;
				i = k;
				continue;
			}
		}
		if (depth > 0 && drop[depth - 1]) {
			i++;
			continue;
		}
		/* "L<text|target>": the text only */
		if (c == '|' && depth > 0 && link[depth - 1]) {
			size_t k = i;

			while (k < n && s[k] != '>')
				k++;
			i = k;
			continue;
		}
		buf_addc(b, c);
		i++;
	}
}

static bool
plain_pod(struct outline *o, const struct document *doc)
{
	const char *d = doc->data + doc->text_start;
	size_t len = doc->len - doc->text_start, sample, k = 0;
	struct line_iter it;
	struct line l;
	struct buf title = BUF_INIT;

	while (k < len && (d[k] == '\n' || d[k] == '\r'))
		k++;
	sample = len < POD_SAMPLE ? len : POD_SAMPLE;
	if (!text_pod_start(d + k, len - k) && !pod_head_in(d, sample))
		return false;
	line_iter_init(&it, doc->data, doc->len, doc->text_start);
	while (line_iter_next(&it, &l)) {
		const char *s = doc->data + l.start;
		size_t n = l.end - l.start, t;
		int level;

		if (!outline_scanned(o, l.start))
			break;
		/* a command starts POD wherever a statement may start
		 * (perlsyn(1)): after "=cut" and the code below it, or
		 * "__END__", "=head2" is POD again */
		if ((level = pod_head(s, n, &t)) > 0) {
			pod_text(&title, s + t, n - t);
			outline_add(o, l.start, l.lineno, level,
			    title.data != NULL ? title.data : "", title.len);
		}
	}
	buf_fini(&title);
	outline_compact_levels(o);
	return true;
}

/* Where a patch's file sections are read from: its lines with the colour
 * escapes left out, and where its hunks end. */
struct patch {
	struct outline *o;
	const struct document *doc;
	struct buf clean, peek;
	bool in_commit;    /* a commit or a mail holds the files */
	enum patch_line pending; /* a commit or a mail whose heading waits
				    for its subject, or PATCH_NONE */
	bool header;       /* after a diff line, before its first hunk */
	size_t at;         /* the commit's line */
	unsigned long at_line;
	char hash[13];     /* its title when it has no subject */
	unsigned long old_left, new_left; /* lines of the hunk to come */
};

/* Line l's text, its escapes left out (git colours its lines when its
 * pager is folio): in the document, or in b. */
static const char *
patch_text(struct patch *pt, struct buf *b, const struct line *l,
    size_t *n)
{
	const char *s = pt->doc->data + l->start;

	*n = l->end - l->start;
	if (memchr(s, 0x1b, *n) == NULL && memchr(s, '\b', *n) == NULL)
		return s;
	buf_reset(b);
	text_clean(b, pt->doc->data, l->start, l->end, 0);
	*n = b->len;
	return b->len > 0 ? b->data : "";
}

/* A hunk's header, "@@ -12,5 +12,7 @@": how many of its lines are old
 * and new (a count left out is 1). */
static bool
patch_hunk(const char *s, size_t n, unsigned long *old, unsigned long *new)
{
	size_t i = 4;
	unsigned long count[2];
	int k;

	if (!text_starts(s, n, "@@ -"))
		return false;
	for (k = 0; k < 2; k++) {
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		count[k] = 1;
		if (i < n && s[i] == ',') {
			count[k] = 0;
			for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
				count[k] = count[k] * 10 +
				    (unsigned long)(s[i] - '0');
		}
		if (k == 0) {
			if (i + 1 >= n || s[i] != ' ' || s[i + 1] != '+')
				return false;
			i += 2;
		}
	}
	*old = count[0];
	*new = count[1];
	return true;
}

/* The path a diff line names: "diff --git a/P b/P" the new one, after
 * " b/" (or the second of two like halves without the prefixes);
 * "diff --cc P" P; "diff -ru old/P new/P" its last word. */
static void
patch_diff_path(const char *s, size_t n, size_t *from)
{
	size_t i, k;

	if (text_starts(s, n, "diff --git ")) {
		for (i = n; i >= 14; i--)
			if (memcmp(s + i - 3, " b/", 3) == 0) {
				*from = i;
				return;
			}
		k = n - 11;
		*from = k % 2 == 1 && s[11 + k / 2] == ' ' &&
		    memcmp(s + 11, s + 12 + k / 2, k / 2) == 0 ?
		    12 + k / 2 : 11;
		return;
	}
	if (text_starts(s, n, "diff --cc ")) {
		*from = 10;
		return;
	}
	if (text_starts(s, n, "diff --combined ")) {
		*from = 16;
		return;
	}
	for (i = n; i > 0 && s[i - 1] != ' '; i--)
		;
	*from = i;
}

/* A "--- " or "+++ " line's path, without its date (diff -u) nor git's
 * "a/" or "b/". */
static void
patch_file_path(const char *s, size_t n, size_t *from, size_t *to)
{
	const char *tab = memchr(s, '\t', n);

	*from = 4;
	*to = tab != NULL ? (size_t)(tab - s) : n;
	if (*to - *from > 2 && (s[4] == 'a' || s[4] == 'b') && s[5] == '/')
		*from = 6;
}

/* The waiting commit's heading, titled title[0..n) or its hash. */
static void
patch_commit(struct patch *pt, const char *title, size_t n)
{
	if (n == 0) {
		title = pt->hash;
		n = strlen(pt->hash);
	}
	outline_add(pt->o, pt->at, pt->at_line, 1, title, n);
	pt->pending = PATCH_NONE;
}

/* A mail's subject, s[0..n) and the lines that go on with it (a long
 * header is folded: its next lines start with a blank). */
static void
patch_subject(struct patch *pt, struct line_iter *it, const char *s,
    size_t n)
{
	struct line_iter save = *it;
	struct line l;
	const char *d = pt->doc->data;

	buf_reset(&pt->peek);
	buf_add(&pt->peek, s, n);
	while (line_iter_next(it, &l) && l.end > l.start &&
	    (d[l.start] == ' ' || d[l.start] == '\t')) {
		buf_addc(&pt->peek, ' ');
		buf_add(&pt->peek, d + l.start, l.end - l.start);
		save = *it;
	}
	*it = save;
	patch_commit(pt, pt->peek.data, pt->peek.len);
}

/* A line of a hunk: true while the hunk goes on. */
static bool
patch_in_hunk(struct patch *pt, const char *s, size_t n)
{
	switch (n > 0 ? s[0] : ' ') {
	case ' ':
		if (pt->old_left > 0)
			pt->old_left--;
		if (pt->new_left > 0)
			pt->new_left--;
		return true;
	case '-':
		if (pt->old_left > 0) {
			pt->old_left--;
			return true;
		}
		break;
	case '+':
		if (pt->new_left > 0) {
			pt->new_left--;
			return true;
		}
		break;
	case '\\': /* "\ No newline at end of file" */
		return true;
	default:
		break;
	}
	pt->old_left = pt->new_left = 0; /* not a hunk's line: it ended */
	return false;
}

/* diff -u of two files, or a patch of quilt: "--- old" (line l, s[0..n))
 * over "+++ new" (the next line of it), no diff line before them, are a
 * section titled with the new path (the old one for a file deleted). */
static void
patch_pair(struct patch *pt, struct line_iter it, const struct line *l,
    const char *s, size_t n, int level)
{
	struct line nl;
	const char *t;
	size_t tn, from, to;

	if (!line_iter_next(&it, &nl))
		return;
	t = patch_text(pt, &pt->peek, &nl, &tn);
	if (!text_starts(t, tn, "+++ "))
		return;
	patch_file_path(t, tn, &from, &to);
	if (to - from == 9 && memcmp(t + from, "/dev/null", 9) == 0) {
		patch_file_path(s, n, &from, &to);
		t = s;
	}
	outline_add(pt->o, l->start, l->lineno, level, t + from, to - from);
}

/* A line of a patch outside its hunks. */
static void
patch_line(struct patch *pt, struct line_iter *it, const struct line *l,
    const char *s, size_t n)
{
	enum patch_line kind = format_patch_line(s, n);
	int level = pt->in_commit ? 2 : 1;
	size_t from, to;

	if (pt->pending != PATCH_NONE) {
		/* the subject: a commit's message is indented four, a mail's
		 * is its header */
		if (pt->pending == PATCH_COMMIT && text_starts(s, n, "    ") &&
		    n > 4 && s[4] != ' ') {
			patch_commit(pt, s + 4, n - 4);
			return;
		}
		if (pt->pending == PATCH_MAIL &&
		    text_starts(s, n, "Subject: ")) {
			from = 9;
			/* "[PATCH 2/5] ": the list's order says it */
			if (text_starts(s + from, n - from, "[PATCH")) {
				const char *close = memchr(s + from, ']',
				    n - from);

				if (close != NULL)
					from = (size_t)(close - s) + 1;
			}
			patch_subject(pt, it, s + from, n - from);
			return;
		}
		if (kind != PATCH_NONE)
			patch_commit(pt, NULL, 0);
	}
	switch (kind) {
	case PATCH_COMMIT:
	case PATCH_MAIL:
		pt->pending = kind;
		pt->in_commit = true;
		pt->header = false;
		pt->at = l->start;
		pt->at_line = l->lineno;
		from = kind == PATCH_COMMIT ? 7 : 5;
		to = from + 12 < n ? from + 12 : n;
		memcpy(pt->hash, s + from, to - from);
		pt->hash[to - from] = '\0';
		return;
	case PATCH_DIFF:
		patch_diff_path(s, n, &from);
		if (from >= n)
			from = 0; /* no path after the last blank */
		outline_add(pt->o, l->start, l->lineno, level, s + from,
		    n - from);
		pt->header = true;
		return;
	default:
		break;
	}
	if (patch_hunk(s, n, &pt->old_left, &pt->new_left)) {
		pt->header = false;
		return;
	}
	if (!pt->header && text_starts(s, n, "--- "))
		patch_pair(pt, *it, l, s, n, level);
}

/* A patch or a history as git and diff print them: a section for each
 * commit (titled with its subject) or mail of git format-patch, and under
 * it one for each file it changes. */
static void
plain_patch(struct outline *o, const struct document *doc)
{
	struct patch pt;
	struct line_iter it;
	struct line l;

	memset(&pt, 0, sizeof pt);
	pt.o = o;
	pt.doc = doc;
	line_iter_init(&it, doc->data, doc->len, doc->text_start);
	while (line_iter_next(&it, &l)) {
		size_t n;
		const char *s;

		/* scanned up to a commit whose heading waits for its
		 * subject: the sections before it are all known */
		if (!outline_scanned(o, pt.pending != PATCH_NONE ? pt.at :
		    l.start)) {
			buf_fini(&pt.clean);
			buf_fini(&pt.peek);
			return; /* the reader left */
		}
		s = patch_text(&pt, &pt.clean, &l, &n);
		if ((pt.old_left > 0 || pt.new_left > 0) &&
		    patch_in_hunk(&pt, s, n))
			continue;
		patch_line(&pt, &it, &l, s, n);
	}
	if (pt.pending != PATCH_NONE)
		patch_commit(&pt, NULL, 0);
	outline_compact_levels(o);
	buf_fini(&pt.clean);
	buf_fini(&pt.peek);
}

void
fmt_plain_parse(struct outline *o, const struct document *doc)
{
	struct plain p;

	if (plain_outline_mode(doc)) {
		plain_stars(o, doc);
		return;
	}
	if (format_is_patch(doc->path, doc->data + doc->text_start,
	    doc->len - doc->text_start)) {
		plain_patch(o, doc);
		return;
	}
	if (plain_changelog(o, doc) || plain_vimhelp(o, doc) ||
	    plain_pod(o, doc))
		return;
	memset(&p, 0, sizeof p);
	p.o = o;
	p.doc = doc;
	p.d = doc->data;
	p.len = doc->len;
	plain_sample(&p, doc->text_start);
	do {
		if (p.restart)
			outline_reset(o);
		p.restart = false;
		p.nbare = p.nnumbered = 0;
		p.item.num = 0;
		plain_scan(&p, doc->text_start);
	} while (p.restart);
	if (!p.stopped)
		outline_compact_levels(o);
	buf_fini(&p.clean);
}
