/* Byte classification (see text.h).  The decoder is the single place that
 * decides how a document byte is shown; wrap, print and screen all go
 * through it. */
#include "config.h"

#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"

#define ESC 0x1b
#define BS 0x08
#define CSI_MAX_PARAMS 16
/* An SGR sequence longer than this is not believed and shown instead. */
#define SGR_MAX_LEN 64

void
text_style_reset(struct text_style *s)
{
	s->attr = 0;
	s->fg = TEXT_COLOR_DEFAULT;
	s->bg = TEXT_COLOR_DEFAULT;
}

bool
text_style_equal(const struct text_style *a, const struct text_style *b)
{
	return a->attr == b->attr && a->fg == b->fg && a->bg == b->bg;
}

void
text_decoder_init(struct text_decoder *d, const char *data, size_t start,
    size_t end)
{
	d->data = data;
	d->pos = start;
	d->end = end;
	d->start = start;
	d->join = false;
	d->keep_tag = false;
	d->keep_end = 0;
	d->quote = false;
	d->squeeze = 0;
	d->squeeze_at = 0;
	d->literal = false;
	text_style_reset(&d->style);
}

size_t
text_quote_prefix(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == '>') {
		i++;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
	}
	return i;
}

/* With d->join (a reflowed paragraph): blanks, a line end and the next
 * line's indent starting at pos are one BREAK unit, a single space; so is a
 * run of blanks (justified text).  After a hyphenation hyphen (U+2010, as
 * man pages write it) the line end is no space at all.  Returns false for
 * a single blank. */
static bool
decode_break(struct text_decoder *d, size_t pos, struct text_unit *u)
{
	size_t i = pos;
	bool eol = false;

	while (i < d->end && (d->data[i] == ' ' || d->data[i] == '\t'))
		i++;
	if (i < d->end && d->data[i] == '\r' && i + 1 < d->end &&
	    d->data[i + 1] == '\n')
		i++;
	if (i < d->end && d->data[i] == '\n') {
		eol = true;
		i++;
		while (i < d->end && (d->data[i] == ' ' || d->data[i] == '\t'))
			i++;
		if (d->quote)
			i += text_quote_prefix(d->data + i, d->end - i);
	}
	if (!eol && i - pos < 2)
		return false;
	if (!eol) {
		/* a paragraph's own indent is kept */
		size_t k = d->start;

		while (k < pos && (d->data[k] == ' ' || d->data[k] == '\t'))
			k++;
		if (k == pos)
			return false;
		/* and so is a tag's run of blanks */
		if (d->keep_tag && d->keep_end == 0)
			d->keep_end = i;
		if (pos < d->keep_end)
			return false;
	}
	u->off = pos;
	u->len = (uint32_t)(i - pos);
	u->ch = ' ';
	u->kind = TEXT_BREAK;
	u->width = 1;
	u->style = d->style;
	return true;
}

/* Is break u (a line end in a reflowed paragraph) inside a compound word
 * that a formatter broke after its hyphen, as groff does ("POSIX-" at a
 * line end, "conformant" on the next)?  A hyphen between blanks, or a
 * double one, is a dash: the line end stays a space. */
static bool
compound_break(const struct text_decoder *d, const struct text_unit *u)
{
	const unsigned char *s = (const unsigned char *)d->data;
	size_t next = u->off + u->len;

	return (s[u->off] == '\n' || s[u->off] == '\r') &&
	    u->off >= d->start + 2 && s[u->off - 1] == '-' &&
	    (text_is_ascii_alnum(s[u->off - 2]) || s[u->off - 2] >= 0x80) &&
	    next < d->end && text_is_ascii_alnum(s[next]);
}

bool
text_is_control(uint32_t ch)
{
	if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f))
		return ch != '\t';
	/* zero-width (non-)joiners are text: Persian, Indic scripts and
	 * emoji sequences need them */
	return ch == 0x200b || ch == 0x200e || ch == 0x200f ||
	    (ch >= 0x2028 && ch <= 0x202e) ||
	    (ch >= 0x2066 && ch <= 0x2069) || ch == 0xfeff;
}

/* Apply one SGR parameter list to a style. */
static void
sgr_apply(struct text_style *s, const int *p, int n)
{
	int i;

	if (n == 0) {
		text_style_reset(s);
		return;
	}
	for (i = 0; i < n; i++) {
		int v = p[i];

		if (v == 0)
			text_style_reset(s);
		else if (v == 1)
			s->attr |= TEXT_BOLD;
		else if (v == 2)
			s->attr |= TEXT_DIM;
		else if (v == 3)
			s->attr |= TEXT_ITALIC;
		else if (v == 4)
			s->attr |= TEXT_UNDERLINE;
		else if (v == 7)
			s->attr |= TEXT_REVERSE;
		else if (v == 22)
			s->attr &= ~(TEXT_BOLD | TEXT_DIM);
		else if (v == 23)
			s->attr &= ~TEXT_ITALIC;
		else if (v == 24)
			s->attr &= ~TEXT_UNDERLINE;
		else if (v == 27)
			s->attr &= ~TEXT_REVERSE;
		else if (v >= 30 && v <= 37)
			s->fg = (int16_t)(v - 30);
		else if (v == 39)
			s->fg = TEXT_COLOR_DEFAULT;
		else if (v >= 40 && v <= 47)
			s->bg = (int16_t)(v - 40);
		else if (v == 49)
			s->bg = TEXT_COLOR_DEFAULT;
		else if (v >= 90 && v <= 97)
			s->fg = (int16_t)(v - 90 + 8);
		else if (v >= 100 && v <= 107)
			s->bg = (int16_t)(v - 100 + 8);
		else if ((v == 38 || v == 48) && i + 2 < n && p[i + 1] == 5) {
			int c = p[i + 2] & 0xff;

			if (v == 38)
				s->fg = (int16_t)c;
			else
				s->bg = (int16_t)c;
			i += 2;
		} else if ((v == 38 || v == 48) && i + 4 < n &&
		    p[i + 1] == 2)
			i += 4; /* direct colour: not representable, ignore */
	}
}

/* If an SGR sequence (ESC [ params m) starts at pos, apply it and return its
 * length; otherwise return 0. */
static size_t
sgr_parse(struct text_decoder *d, size_t pos)
{
	const unsigned char *s = (const unsigned char *)d->data;
	int params[CSI_MAX_PARAMS], n = 0, cur = -1;
	size_t i = pos + 2;

	if (pos + 2 > d->end || s[pos + 1] != '[')
		return 0;
	for (; i < d->end && i - pos < SGR_MAX_LEN; i++) {
		unsigned char c = s[i];

		if (c >= '0' && c <= '9') {
			cur = (cur < 0 ? 0 : cur) * 10 + (c - '0');
			if (cur > 9999)
				cur = 9999;
		} else if (c == ';' || c == ':') {
			if (n < CSI_MAX_PARAMS)
				params[n++] = cur < 0 ? 0 : cur;
			cur = -1;
		} else if (c == 'm') {
			if (cur >= 0 && n < CSI_MAX_PARAMS)
				params[n++] = cur;
			sgr_apply(&d->style, params, n);
			return i + 1 - pos;
		} else {
			return 0;
		}
	}
	return 0;
}

/* Decode one character at pos into u (without overstrike or escapes). */
static void
decode_char(struct text_decoder *d, size_t pos, struct text_unit *u)
{
	const uint8_t *s = (const uint8_t *)d->data + pos;
	ucs4_t ch;
	int n;

	u->off = pos;
	u->style = d->style;
	if (*s >= 0x20 && *s < 0x7f) {
		/* printable ASCII, most of any document: one column */
		u->len = 1;
		u->ch = *s;
		u->kind = TEXT_CHAR;
		u->width = 1;
		return;
	}
	if (*s < 0x80) {
		ch = *s;
		n = 1;
	} else {
		n = u8_mbtouc(&ch, s, d->end - pos);
		if (ch == 0xfffd &&
		    (n != 3 || memcmp(s, "\xEF\xBF\xBD", 3) != 0)) {
			u->len = (uint32_t)n;
			u->ch = 0xfffd;
			u->kind = TEXT_INVALID;
			u->width = 1;
			return;
		}
	}
	u->len = (uint32_t)n;
	u->ch = ch;
	if (ch == '\t') {
		u->kind = TEXT_TAB;
		u->width = 0;
	} else if (text_is_control(ch)) {
		char tmp[TEXT_MARKER_MAX];

		u->kind = TEXT_CONTROL;
		u->width = (uint8_t)text_marker(u, tmp);
	} else {
		int w = uc_width(ch, "UTF-8");

		if (w < 0) {
			char tmp[TEXT_MARKER_MAX];

			u->kind = TEXT_CONTROL;
			u->width = (uint8_t)text_marker(u, tmp);
		} else {
			u->kind = TEXT_CHAR;
			u->width = (uint8_t)w;
		}
	}
}

/* Fold backspace overstrike sequences following a printable unit:
 * "c\bc" is bold c, "_\bc" and "c\b_" are underlined c. */
static void
fold_overstrike(struct text_decoder *d, struct text_unit *u)
{
	while (u->kind == TEXT_CHAR && u->width > 0 &&
	    u->off + u->len + 1 < d->end &&
	    d->data[u->off + u->len] == BS) {
		struct text_unit next;
		size_t npos = u->off + u->len + 1;

		if ((unsigned char)d->data[npos] == ESC ||
		    d->data[npos] == BS)
			break;
		decode_char(d, npos, &next);
		if (next.kind != TEXT_CHAR || next.width == 0)
			break;
		if (next.ch == u->ch) {
			u->style.attr |= TEXT_BOLD;
		} else if (next.ch == '_') {
			u->style.attr |= TEXT_UNDERLINE;
			next.ch = u->ch;
			next.width = u->width;
		} else if (u->ch == '_') {
			u->style.attr |= TEXT_UNDERLINE;
		}
		u->len = (uint32_t)(npos + next.len - u->off);
		u->ch = next.ch;
		u->width = next.width;
	}
}

bool
text_decode(struct text_decoder *d, struct text_unit *u)
{
	while (d->pos < d->end) {
		unsigned char c = (unsigned char)d->data[d->pos];

		if (c == ESC && !d->literal) {
			size_t n = sgr_parse(d, d->pos);

			if (n != 0) {
				d->pos += n;
				continue;
			}
		}
		if (d->join && c == 0xe2 && d->end - d->pos > 3 &&
		    memcmp(d->data + d->pos, "\xE2\x80\x90", 3) == 0 &&
		    (d->data[d->pos + 3] == '\n' || d->data[d->pos + 3] == '\r') &&
		    decode_break(d, d->pos + 3, u)) {
			/* a word hyphenated at a line end is joined again */
			u->len += 3;
			u->off = d->pos;
			u->width = 0;
			u->ch = 0x2060; /* no row ends inside the word */
			d->pos = u->off + u->len;
			return true;
		}
		if (d->join && (c == ' ' || c == '\t' || c == '\r' ||
		    c == '\n') && decode_break(d, d->pos, u)) {
			if (compound_break(d, u)) {
				/* "POSIX-" "conformant": no space, but a row
				 * may still end after the hyphen */
				u->width = 0;
				u->ch = 0x200b;
			}
			d->pos = u->off + u->len;
			return true;
		}
		if (c == '.' && d->squeeze > 0 && d->pos >= d->squeeze_at) {
			d->squeeze--;
			d->pos++;
			continue;
		}
		decode_char(d, d->pos, u);
		if (!d->literal)
			fold_overstrike(d, u);
		d->pos = u->off + u->len;
		return true;
	}
	return false;
}

size_t
text_marker(const struct text_unit *u, char out[TEXT_MARKER_MAX])
{
	int n;

	if (u->kind == TEXT_INVALID)
		n = snprintf(out, TEXT_MARKER_MAX, "\xEF\xBF\xBD");
	else if (u->ch < 0x20)
		n = snprintf(out, TEXT_MARKER_MAX, "^%c", (char)(u->ch + 64));
	else if (u->ch == 0x7f)
		n = snprintf(out, TEXT_MARKER_MAX, "^?");
	else if (u->ch <= 0xff)
		n = snprintf(out, TEXT_MARKER_MAX, "<%02X>", (unsigned)u->ch);
	else
		n = snprintf(out, TEXT_MARKER_MAX, "<U+%04X>",
		    (unsigned)u->ch);
	if (u->kind == TEXT_INVALID)
		return 1; /* U+FFFD: three bytes, one column */
	return n < 0 ? 0 : (size_t)n;
}

void
text_put_unit(struct buf *out, const char *data, const struct text_unit *u,
    bool markers)
{
	char m[TEXT_MARKER_MAX];
	uint8_t enc[6];
	int n;

	switch (u->kind) {
	case TEXT_TAB:
		buf_addc(out, ' ');
		break;
	case TEXT_BREAK:
		if (u->width > 0)
			buf_addc(out, ' ');
		break;
	case TEXT_CONTROL:
	case TEXT_INVALID:
		if (markers) {
			text_marker(u, m);
			buf_adds(out, m);
		} else if (u->kind == TEXT_INVALID) {
			buf_adds(out, "\xEF\xBF\xBD");
		}
		break;
	default:
		if (memchr(data + u->off, BS, u->len) == NULL) {
			buf_add(out, data + u->off, u->len);
		} else {
			n = u8_uctomb(enc, u->ch, sizeof enc);
			if (n > 0)
				buf_add(out, enc, (size_t)n);
		}
		break;
	}
}

size_t
text_plain_run(const char *data, size_t start, size_t end)
{
	size_t k = start;

	while (k < end) {
		unsigned char c = (unsigned char)data[k];

		if (c > ' ' && c < 0x7f)
			k++;
		else if (c == ' ' && k > start && k + 1 < end &&
		    (unsigned char)data[k + 1] > ' ' &&
		    (unsigned char)data[k + 1] < 0x7f)
			k += 2;
		else
			break;
	}
	/* the character before a backspace is struck over */
	if (k < end && data[k] == '\b' && k > start)
		k--;
	return k;
}

void
text_clean(struct buf *out, const char *data, size_t start, size_t end,
    unsigned flags)
{
	struct text_decoder d;
	struct text_unit u;
	bool space = false;

	text_decoder_init(&d, data, start, end);
	d.literal = (flags & TEXT_CLEAN_LITERAL) != 0;
	for (;;) {
		/* printable ASCII not struck over is copied as it is, with
		 * single spaces inside a run (what squeezing leaves alone) */
		size_t k = text_plain_run(data, d.pos, end);
		bool is_space;

		if (k > d.pos) {
			if (space)
				buf_addc(out, ' ');
			space = false;
			buf_add(out, data + d.pos, k - d.pos);
			d.pos = k;
		}
		if (!text_decode(&d, &u))
			break;
		is_space = u.kind == TEXT_TAB ||
		    (u.kind == TEXT_CHAR && u.ch == ' ');

		if (is_space && (flags & TEXT_CLEAN_SQUEEZE)) {
			space = true;
			continue;
		}
		if (space) {
			buf_addc(out, ' ');
			space = false;
		}
		if (u.kind == TEXT_CONTROL && (flags & TEXT_CLEAN_KEEP)) {
			buf_add(out, data + u.off, u.len);
			continue;
		}
		if (u.kind == TEXT_CONTROL && !(flags & TEXT_CLEAN_MARKERS))
			continue;
		text_put_unit(out, data, &u, (flags & TEXT_CLEAN_MARKERS) != 0);
	}
}

size_t
text_width_max(const char *s, size_t n, size_t max)
{
	struct text_decoder d;
	struct text_unit u;
	size_t w = 0;

	text_decoder_init(&d, s, 0, n);
	while (w <= max && text_decode(&d, &u))
		w += u.kind == TEXT_TAB ? 1 : u.width;
	return w;
}

size_t
text_width(const char *s, size_t n)
{
	return text_width_max(s, n, SIZE_MAX - 8);
}

/* Is this (a document's first line) the header man writes at the top of
 * a manual page, "LS(1)   User Commands   LS(1)"?  Then *name is where
 * the page's name ("LS(1)") ends it, *len bytes.  A name too long for
 * the page squeezes the header ("GCLOUD_..._CREATEGeneral Commands
 * ManGCLOUD_..._CREATE(1)"): its last word then has the name, which
 * starts as the line does. */
bool
text_man_header(const char *s, size_t n, const char **name, size_t *len)
{
	size_t a = 0, b = n, p;
	const char *at;

	while (a < n && s[a] != ' ')
		a++;
	while (b > 0 && s[b - 1] != ' ')
		b--;
	if (a >= 4 && a < n && n - b == a &&
	    memcmp(s, s + b, a) == 0 && s[a - 1] == ')' &&
	    memchr(s, '(', a) != NULL) {
		*name = s + b;
		*len = a;
		return true;
	}
	/* squeezed (even to one word): "(section)" ends it, a digit
	 * first, after a name that starts as the line does */
	if (a < 4 || n - b < 8 || s[n - 1] != ')')
		return false;
	if (b == 0)
		b = 1;
	for (p = n - 1; p > b && s[p] != '('; p--)
		;
	if (p <= b || p + 2 >= n || s[p + 1] < '0' ||
	    s[p + 1] > '9')
		return false;
	at = memmem(s + b, p - b, s, 4);
	if (at == NULL)
		return false;
	*name = at;
	*len = (size_t)(s + n - at);
	return true;
}

bool
text_is_synopsis(const char *s, size_t n)
{
	return n > 6 && strncasecmp(s, "usage:", 6) == 0 &&
	    (memchr(s, '[', n) != NULL || memchr(s, '<', n) != NULL ||
	    memmem(s, n, " -", 2) != NULL || memmem(s, n, "...", 3) != NULL);
}

bool
text_vimhelp_header(const char *s, size_t n)
{
	size_t k = 1;

	if (n < 7 || s[0] != '*')
		return false;
	while (k < n && s[k] != '*' && s[k] != ' ' && s[k] != '\t')
		k++;
	return k < n && s[k] == '*' && k >= 5 &&
	    memcmp(s + k - 4, ".txt", 4) == 0;
}

bool
text_pod_start(const char *s, size_t n)
{
	static const char *const cmd[] = { "=pod", "=head", "=encoding",
	    "=begin", "=for" };
	size_t i, k;

	for (i = 0; i < sizeof cmd / sizeof cmd[0]; i++) {
		k = strlen(cmd[i]);
		if (n > k && memcmp(s, cmd[i], k) == 0 &&
		    (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' ||
		    s[k] == '\r' || (s[k] >= '1' && s[k] <= '6')))
			return true;
	}
	return false;
}
