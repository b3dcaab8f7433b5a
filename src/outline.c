/* The outline (see outline.h): heading storage, format detection, and the
 * queries the pager and the command line make of it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicase.h>

#include "indexer.h"
#include "outline.h"
#include "text.h"
#include "xalloc.h"

/* Content detection looks at the start of the document only. */
#define DETECT_BYTES (256u * 1024)
/* A patch is known by its first line with text within these bytes. */
#define PATCH_DETECT_BYTES 4096u
/* A format is chosen from content when its score reaches this. */
#define DETECT_MIN_SCORE 3

void
outline_init(struct outline *o)
{
	memset(o, 0, sizeof *o);
	o->format = FORMAT_PLAIN;
}

/* A worker changes the outline under the indexer's lock. */
static void
outline_lock(struct outline *o)
{
	if (o->ix != NULL)
		pthread_mutex_lock(&o->ix->lock);
}

static void
outline_unlock(struct outline *o)
{
	if (o->ix != NULL)
		pthread_mutex_unlock(&o->ix->lock);
}

bool
outline_scanned(struct outline *o, size_t off)
{
	if (o->ix == NULL)
		return true;
	indexer_pace(o->ix, off);
	return !atomic_load_explicit(&o->ix->stop, memory_order_relaxed);
}

void
outline_reset(struct outline *o)
{
	outline_lock(o);
	o->n = 0;
	o->titles_len = 0;
	o->generation++;
	outline_unlock(o);
}

void
outline_restart(struct outline *o, const struct document *doc,
    enum doc_format fmt)
{
	outline_reset(o);
	o->nverbatim = 0;
	o->missing = NULL;
	buf_reset(&o->doc_title);
	o->format = FORMAT_PLAIN;
	outline_prepare(o, doc, fmt);
}

void
outline_set_doc_title(struct outline *o, const char *s, size_t n)
{
	outline_lock(o);
	buf_reset(&o->doc_title);
	buf_add(&o->doc_title, s, n);
	outline_unlock(o);
}

void
outline_set_missing(struct outline *o, const char *what)
{
	outline_lock(o);
	o->missing = what;
	outline_unlock(o);
}

void
outline_fini(struct outline *o)
{
	xbig_free(o->h, o->cap, sizeof *o->h);
	free(o->verbatim);
	xbig_free(o->titles, o->titles_cap, 1);
	buf_fini(&o->doc_title);
	buf_fini(&o->scratch);
	outline_init(o);
}

/* Titles are C strings in one pool: a NUL byte in a heading line becomes
 * U+FFFD, as CommonMark (and so md4c) has it for Markdown. */
static void
outline_spell_nul(struct buf *b)
{
	struct buf out = BUF_INIT;
	size_t i;

	if (b->len == 0 || memchr(b->data, '\0', b->len) == NULL)
		return;
	for (i = 0; i < b->len; i++)
		if (b->data[i] == '\0')
			buf_adds(&out, "\xEF\xBF\xBD");
		else
			buf_addc(&out, b->data[i]);
	buf_fini(b);
	*b = out;
}

static bool
printable_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < ' ' || (unsigned char)s[i] >= 0x7f)
			return false;
	return true;
}

/* Append a heading whose title is already clean; false when it is out of
 * order. */
static bool
outline_append(struct outline *o, size_t offset, unsigned long line,
    int level, const char *clean, size_t len, bool ascii, int text_skip,
    const char *src)
{
	struct heading *h;
	bool ok = true;
	uintptr_t at = (uintptr_t)src, from = (uintptr_t)o->base + offset;
	/* a title as the document has it is read from there (the title may
	 * be in another buffer: addresses compared as numbers) */
	bool in_doc = o->titles_in_doc && o->n > 0 && src != NULL &&
	    o->base != NULL && at >= from &&
	    at + len <= (uintptr_t)o->base + o->baselen &&
	    at - from <= UINT32_MAX &&
	    (src == clean || memcmp(src, clean, len) == 0);

	if (level < 1)
		level = 1;
	if (level > OUTLINE_LEVEL_MAX)
		level = OUTLINE_LEVEL_MAX;
	outline_lock(o);
	/* Sections must be in document order for outline_find: a second
	 * heading on one line (md4c splits lines at a bare CR, the rest of
	 * folio does not) keeps the first. */
	if (o->n > 0 && offset <= o->h[o->n - 1].offset) {
		ok = false;
	} else {
		o->h = xbig_grow(o->h, &o->cap, o->n + 1, sizeof *o->h);
		h = &o->h[o->n];
		h->offset = offset;
		h->line = line;
		h->level = (uint8_t)level;
		h->title_len = (uint16_t)len;
		h->text_skip = (uint8_t)text_skip;
		h->title_in_doc = in_doc;
		h->title_ascii = ascii;
		if (in_doc) {
			h->title = (uint32_t)(at - from);
		} else {
			h->title = (uint32_t)o->titles_len;
			o->titles = xbig_grow(o->titles, &o->titles_cap,
			    o->titles_len + len + 1, 1);
			memcpy(o->titles + o->titles_len, clean, len);
			o->titles[o->titles_len + len] = '\0';
			o->titles_len += len + 1;
		}
		o->n++;
	}
	outline_unlock(o);
	return ok;
}

static bool
outline_add_skip(struct outline *o, size_t offset, unsigned long line,
    int level, const char *title, size_t len, int text_skip)
{
	struct buf *clean = &o->scratch;

	while (len > 0 && (title[len - 1] == ' ' || title[len - 1] == '\t'))
		len--;
	while (len > 0 && (title[0] == ' ' || title[0] == '\t'))
		title++, len--;
	/* most titles are clean as they are (printable ASCII, single
	 * spaces): no copy to clean them */
	if (len <= OUTLINE_TITLE_MAX && text_plain_run(title, 0, len) == len)
		return outline_append(o, offset, line, level, title, len,
		    true, text_skip, title);
	/* controls are kept (not markers): whoever shows a title decides */
	buf_reset(clean);
	text_clean(clean, title, 0, len, TEXT_CLEAN_SQUEEZE | TEXT_CLEAN_KEEP);
	outline_spell_nul(clean);
	len = clean->len;
	if (len > OUTLINE_TITLE_MAX) {
		len = OUTLINE_TITLE_MAX;
		while (len > 0 && ((unsigned char)clean->data[len] & 0xc0) ==
		    0x80)
			len--;
	}
	return outline_append(o, offset, line, level,
	    clean->data != NULL ? clean->data : "", len,
	    printable_ascii(clean->data, len), text_skip, title);
}

bool
outline_add(struct outline *o, size_t offset, unsigned long line, int level,
    const char *title, size_t len)
{
	return outline_add_skip(o, offset, line, level, title, len, 0);
}

void
outline_add_overlined(struct outline *o, size_t offset, unsigned long line,
    int level, const char *title, size_t title_len)
{
	outline_add_skip(o, offset, line, level, title, title_len, 1);
}

void
outline_add_verbatim(struct outline *o, size_t start, size_t end)
{
	if (end <= start)
		return;
	if (o->nverbatim > 0 && start < o->verbatim[o->nverbatim - 1].end)
		return; /* out of order or overlapping: keep the first */
	outline_lock(o);
	o->verbatim = xgrow(o->verbatim, &o->capverbatim, o->nverbatim + 1,
	    sizeof *o->verbatim);
	o->verbatim[o->nverbatim].start = start;
	o->verbatim[o->nverbatim].end = end;
	o->nverbatim++;
	outline_unlock(o);
}

bool
outline_is_verbatim(const struct outline *o, size_t off)
{
	size_t lo = 0, hi = o->nverbatim;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->verbatim[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < o->nverbatim && o->verbatim[lo].start <= off;
}

static bool
is_adornment_line(const char *s, size_t n)
{
	size_t i;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	while (n > 0 && *s == ' ')
		s++, n--;
	if (n < 2 || strchr("=-~^+*#_:.'\"`", s[0]) == NULL)
		return false;
	for (i = 1; i < n; i++)
		if (s[i] != s[0])
			return false;
	return true;
}

size_t
outline_heading_end(const struct outline *o, const struct document *doc,
    size_t i)
{
	size_t text = o->h[i].offset, end, next;
	int k;

	for (k = 0; k < o->h[i].text_skip; k++)
		text = document_next_line(doc, text);
	end = document_line_end(doc, text);
	next = document_next_line(doc, text);
	if (next < doc->len) {
		size_t nend = document_line_end(doc, next);

		if (is_adornment_line(doc->data + next, nend - next))
			end = nend;
	}
	return end;
}

const char *
outline_title(const struct outline *o, size_t i)
{
	const struct heading *h = &o->h[i];

	return h->title_in_doc ? o->base + h->offset + h->title
	    : o->titles + h->title;
}

size_t
outline_title_len(const struct outline *o, size_t i)
{
	return o->h[i].title_len;
}

size_t
outline_section_end(const struct outline *o, size_t i, size_t doclen)
{
	size_t j;

	for (j = i + 1; j < o->n; j++)
		if (o->h[j].level <= o->h[i].level)
			return o->h[j].offset;
	return doclen;
}

int
outline_depth_next(struct outline_depth *d, int level)
{
	int depth;

	while (d->n > 0 && d->levels[d->n - 1] >= level)
		d->n--;
	depth = d->n;
	d->levels[d->n++] = level;
	return depth;
}

void
outline_compact_levels(struct outline *o)
{
	unsigned char map[256] = { 0 };
	size_t i;
	int next = 1, l;

	outline_lock(o);
	for (i = 0; i < o->n; i++)
		map[o->h[i].level] = 1;
	for (l = 0; l < 256; l++)
		if (map[l])
			map[l] = (unsigned char)next++;
	for (i = 0; i < o->n; i++)
		o->h[i].level = map[o->h[i].level];
	outline_unlock(o);
}

long
outline_find(const struct outline *o, size_t off)
{
	size_t lo = 0, hi = o->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->h[mid].offset <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}

static char *
fold(const char *s, size_t n, size_t *outlen)
{
	uint8_t *r = u8_casefold((const uint8_t *)s, n, NULL, NULL, NULL,
	    outlen);

	return (char *)r;
}

long
outline_lookup(const struct outline *o, const char *spec)
{
	char *end, *needle;
	size_t nl, i;
	long n;

	n = strtol(spec, &end, 10);
	if (*spec != '\0' && *end == '\0')
		return n >= 1 && (size_t)n <= o->n ? n - 1 : -1;
	needle = fold(spec, strlen(spec), &nl);
	if (needle == NULL)
		return -1;
	for (i = 0; i < o->n; i++) {
		size_t hl;
		char *hay = fold(outline_title(o, i), outline_title_len(o, i),
		    &hl);
		bool hit = hay != NULL && memmem(hay, hl, needle, nl) != NULL;

		free(hay);
		if (hit) {
			free(needle);
			return (long)i;
		}
	}
	free(needle);
	return -1;
}

static bool
is_word_byte(char c)
{
	return text_is_ascii_alnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

/* An emphasis mark: at a word boundary on one side only. */
static bool
is_emphasis_mark(const char *s, size_t n, size_t i)
{
	bool before = i > 0 && is_word_byte(s[i - 1]);
	bool after = i + 1 < n && is_word_byte(s[i + 1]);

	if (i > 0 && s[i - 1] == s[i])
		return true;
	if (i + 1 < n && s[i + 1] == s[i])
		return true;
	return before != after;
}

/* "https://host/path[text]" or "link:file[text]": the link text, which is
 * the target itself when the brackets are empty. */
static size_t
clean_link(struct buf *out, const char *s, size_t n, size_t i)
{
	size_t e = i, lb;

	while (e < n && s[e] != ' ' && s[e] != '[')
		e++;
	if (e >= n || s[e] != '[')
		return 0;
	if (memmem(s + i, e - i, "://", 3) == NULL &&
	    !(e - i > 5 && memcmp(s + i, "link:", 5) == 0) &&
	    !(e - i > 7 && memcmp(s + i, "mailto:", 7) == 0))
		return 0;
	lb = e;
	while (e < n && s[e] != ']')
		e++;
	if (e >= n)
		return 0;
	if (e > lb + 1)
		buf_add(out, s + lb + 1, e - lb - 1);
	else
		buf_add(out, s + i, lb - i);
	return e + 1 - i;
}

/* ":role:`text`": the length of ":role:", or 0. */
static size_t
rst_role(const char *s, size_t n, size_t i)
{
	size_t e = i + 1;

	while (e < n && ((s[e] >= 'a' && s[e] <= 'z') || s[e] == '-' ||
	    s[e] == ':' || (s[e] >= '0' && s[e] <= '9')))
		e++;
	return e > i + 2 && e < n && s[e] == '`' && s[e - 1] == ':' ? e - i
	    : 0;
}

void
outline_clean_inline(struct buf *out, const char *s, size_t n,
    enum doc_format fmt)
{
	size_t i = 0, k;

	while (i < n) {
		char c = s[i];

		if ((i == 0 || s[i - 1] == ' ') && fmt == FORMAT_ASCIIDOC &&
		    (k = clean_link(out, s, n, i)) > 0) {
			i += k;
			continue;
		}
		if (fmt == FORMAT_ASCIIDOC && c == '<' && i + 1 < n &&
		    s[i + 1] == '<') {
			const char *end = memmem(s + i, n - i, ">>", 2);
			const char *comma = end != NULL ?
			    memchr(s + i, ',', (size_t)(end - (s + i))) : NULL;

			if (end != NULL) {
				if (comma != NULL)
					buf_add(out, comma + 1,
					    (size_t)(end - comma - 1));
				else
					buf_add(out, s + i + 2,
					    (size_t)(end - s - i - 2));
				i = (size_t)(end - s) + 2;
				continue;
			}
		}
		if (fmt == FORMAT_RST && c == ':' && (k = rst_role(s, n, i)) > 0) {
			i += k;
			continue;
		}
		if (c == '`') {
			i++;
			if (fmt == FORMAT_RST)
				while (i < n && s[i] == '_')
					i++;
			continue;
		}
		if ((c == '*' || (fmt == FORMAT_ASCIIDOC &&
		    (c == '_' || c == '+'))) && is_emphasis_mark(s, n, i)) {
			i++;
			continue;
		}
		buf_addc(out, c);
		i++;
	}
}

/* The extension of a file name, before a compression suffix (.gz, .xz,
 * .zst): "md" for README.md.gz.  Not NUL-terminated before the suffix:
 * *len says how long. */
static const char *
extension(const char *name, size_t *len)
{
	const char *slash = strrchr(name, '/'), *base = slash ? slash + 1 : name;
	const char *end = base + strlen(base), *dot;
	static const char *const comp[] = { ".gz", ".xz", ".zst" };
	size_t i;

	for (i = 0; i < sizeof comp / sizeof comp[0]; i++) {
		size_t n = strlen(comp[i]);

		if ((size_t)(end - base) > n && strcmp(end - n, comp[i]) == 0) {
			end -= n;
			break;
		}
	}
	for (dot = end; dot > base && dot[-1] != '.'; dot--)
		;
	if (dot <= base + 1) {
		*len = 0;
		return "";
	}
	*len = (size_t)(end - dot);
	return dot;
}

/* Is the extension ext (n bytes) s, case ignored? */
static bool
ext_is(const char *ext, size_t n, const char *s)
{
	return strlen(s) == n && strncasecmp(ext, s, n) == 0;
}

static enum doc_format
format_by_name(const char *name)
{
	static const struct {
		const char *ext;
		enum doc_format f;
	} map[] = {
		{ "md", FORMAT_MARKDOWN }, { "markdown", FORMAT_MARKDOWN },
		{ "mdown", FORMAT_MARKDOWN }, { "mkd", FORMAT_MARKDOWN },
		{ "mkdn", FORMAT_MARKDOWN },
		{ "adoc", FORMAT_ASCIIDOC }, { "asciidoc", FORMAT_ASCIIDOC },
		{ "asc", FORMAT_ASCIIDOC },
		{ "rst", FORMAT_RST }, { "rest", FORMAT_RST },
	};
	const char *ext;
	size_t i, n;

	if (name == NULL)
		return FORMAT_AUTO;
	ext = extension(name, &n);
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (ext_is(ext, n, map[i].ext))
			return map[i].f;
	return FORMAT_AUTO;
}

bool
format_is_source(const char *name)
{
	static const char *const exts[] = {
		"c", "h", "cc", "cpp", "cxx", "hh", "hpp", "hxx", "m", "mm",
		"go", "rs", "java", "kt", "scala", "swift", "cs", "py", "pl",
		"pm", "rb", "php", "lua", "tcl", "js", "mjs", "ts", "jsx",
		"tsx", "sh", "bash", "zsh", "awk", "sed", "el", "lisp", "scm",
		"hs", "ml", "pas", "pp", "inc", "s", "asm", "sql", "vim",
		"mk", "cmake", "json", "yaml", "yml", "toml", "ini", "cfg",
		"conf", "xml", "html", "htm", "css", "diff", "patch",
	};
	static const char *const names[] = {
		"Makefile", "GNUmakefile", "makefile", "Dockerfile",
		"CMakeLists.txt", "configure.ac", "Makefile.am",
	};
	const char *ext, *slash;
	size_t i, n;

	if (name == NULL)
		return false;
	slash = strrchr(name, '/');
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(slash != NULL ? slash + 1 : name, names[i]) == 0)
			return true;
	ext = extension(name, &n);
	for (i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (ext_is(ext, n, exts[i]))
			return true;
	return false;
}

struct detect_score {
	int markdown, asciidoc, rst;
};

/* How many lowercase hexadecimal digits s[0..n) starts with. */
static size_t
hex_run(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && ((s[i] >= '0' && s[i] <= '9') ||
	    (s[i] >= 'a' && s[i] <= 'f')))
		i++;
	return i;
}

enum patch_line
format_patch_line(const char *s, size_t n)
{
	size_t k;

	if (text_starts(s, n, "commit ")) {
		/* "commit <hash>", maybe with its branches after it */
		k = hex_run(s + 7, n - 7);
		if (k >= 7 && (7 + k == n || s[7 + k] == ' '))
			return PATCH_COMMIT;
	} else if (text_starts(s, n, "From ")) {
		/* git format-patch: "From <hash> Mon Sep 17 00:00:00 2001" */
		k = hex_run(s + 5, n - 5);
		if ((k == 40 || k == 64) && 5 + k < n && s[5 + k] == ' ')
			return PATCH_MAIL;
	} else if (text_starts(s, n, "diff -")) {
		/* "diff --git a/P b/P", "diff --cc P", "diff -ru old new" */
		return PATCH_DIFF;
	}
	return PATCH_NONE;
}

bool
format_is_patch(const char *name, const char *data, size_t len)
{
	struct line_iter it;
	struct line l, next;
	struct buf clean;
	bool yes = false, more;

	if (name != NULL) {
		size_t n;
		const char *ext = extension(name, &n);

		if (ext_is(ext, n, "patch") || ext_is(ext, n, "diff"))
			return true;
	}
	if (len > PATCH_DETECT_BYTES)
		len = PATCH_DETECT_BYTES;
	line_iter_init(&it, data, len, 0);
	while ((more = line_iter_next(&it, &l)) && l.end == l.start)
		;
	if (!more)
		return false;
	/* git colours its lines when its pager is folio */
	buf_init(&clean);
	text_clean(&clean, data, l.start, l.end, 0);
	if (clean.len > 0) {
		yes = format_patch_line(clean.data, clean.len) != PATCH_NONE;
		/* diff -u of two files: "--- old" then "+++ new" */
		if (!yes && text_starts(clean.data, clean.len, "--- ") &&
		    line_iter_next(&it, &next)) {
			buf_reset(&clean);
			text_clean(&clean, data, next.start, next.end, 0);
			yes = clean.len > 0 &&
			    text_starts(clean.data, clean.len, "+++ ");
		}
	}
	buf_fini(&clean);
	return yes;
}

static bool
all_same(const char *s, size_t n, char c, size_t min)
{
	size_t i;

	if (n < min)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] != c)
			return false;
	return true;
}

/* ``literal`` -- but not the ``quotes'' of GNU documents */
static bool
has_rst_literal(const char *s, size_t n)
{
	const char *a = memmem(s, n, "``", 2), *b;

	if (a == NULL || memmem(s, n, "```", 3) != NULL)
		return false;
	a += 2;
	b = memmem(a, n - (size_t)(a - s), "``", 2);
	return b != NULL && b > a && memmem(a, (size_t)(b - a), "''", 2) == NULL;
}

/* :role:`text` */
static bool
has_rst_role(const char *s, size_t n)
{
	const char *p = memmem(s, n, ":`", 2);
	const char *q;

	if (p == NULL || p == s)
		return false;
	q = p - 1;
	while (q > s && q[-1] >= 'a' && q[-1] <= 'z')
		q--;
	return q > s && q[-1] == ':' && q < p &&
	    memchr(p + 2, '`', n - (size_t)(p + 2 - s)) != NULL;
}

/* [text](target): a Markdown link, not a man page's option syntax
 * ("--kinds-(<LANG>|all)=[+|-](<kinds>|*)") */
static bool
has_md_link(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while ((p = memmem(p, (size_t)(end - p), "](", 2)) != NULL) {
		const char *a = p, *b = p + 2;

		while (a > s && a[-1] != '[' && a[-1] != '|')
			a--;
		while (b < end && *b != ')' && *b != ' ' && *b != '|' &&
		    *b != '<' && *b != '*')
			b++;
		if (a > s && a[-1] == '[' && b < end && *b == ')' && b > p + 2)
			return true;
		p += 2;
	}
	return false;
}

/* prev_blank: the line before was blank (or there was none); next: the
 * first byte of the line after, 0 when it is blank (or there is none). */
static void
detect_line(struct detect_score *sc, const char *s, size_t n,
    bool prev_blank, char next, bool *fenced)
{
	size_t i = 0;

	/* Most lines of any document score nothing: what is looked for
	 * below starts the line or has a ']', ':' or '`' in it. */
	if (n == 0 || (strchr("`~#=:[.i", s[0]) == NULL &&
	    memchr(s, ']', n) == NULL && memchr(s, ':', n) == NULL &&
	    memchr(s, '`', n) == NULL))
		return;
	/* a fence opens after a blank line; "~~~~" under a title is an
	 * underline, and a row of 13 or more a separator (automake's NEWS) */
	if ((text_starts(s, n, "```") || text_starts(s, n, "~~~")) &&
	    (prev_blank || *fenced) && !all_same(s, n, s[0], 13)) {
		sc->markdown++;
		*fenced = !*fenced;
		return;
	}
	if (*fenced)
		return;
	while (i < n && s[i] == '#')
		i++;
	/* an ATX heading stands after a blank line and starts with a word:
	 * "#  (eval $x)" in a block of shell comments is no heading, nor is
	 * the first line of a block of lines that all start with '#' (a
	 * quotation, comments), nor a comment in lower case right over the
	 * command it explains ("# jump to merge conflicts", "git jump
	 * merge") */
	if (i >= 1 && i <= 6 && i + 1 < n && s[i] == ' ' && prev_blank &&
	    next != '#' && !(s[i + 1] >= 'a' && s[i + 1] <= 'z' &&
	    next >= 'a' && next <= 'z') &&
	    s[i + 1] != ' ' && s[i + 1] != '(' && s[i + 1] != '$' &&
	    s[n - 1] != '.')
		sc->markdown += 2;
	/* "#" alone: a blank line in a block of comments (a shell script,
	 * an inputrc), which a Markdown document has no use for */
	if (i == 1 && n == 1)
		sc->markdown--;
	if (has_md_link(s, n))
		sc->markdown++;
	i = 0;
	while (i < n && s[i] == '=')
		i++;
	if (i >= 1 && i <= 6 && i + 1 < n && s[i] == ' ' && s[i + 1] != ' ' &&
	    s[n - 1] != '=')
		sc->asciidoc += 2;
	if (n > 2 && s[0] == ':' && memchr(s + 1, ':', n - 1) != NULL &&
	    (s[1] >= 'a' && s[1] <= 'z'))
		sc->asciidoc++;
	if (text_starts(s, n, "[[") || text_starts(s, n, "[source") ||
	    text_starts(s, n, "include::") || text_starts(s, n, "image::") ||
	    text_starts(s, n, "ifdef::") || text_starts(s, n, "[NOTE]") ||
	    (all_same(s, n, '=', 4) && n == 4))
		sc->asciidoc++;
	if (text_starts(s, n, ".. ") && (memmem(s, n, "::", 2) != NULL ||
	    text_starts(s, n, ".. _")))
		sc->rst += 2;
	/* "Example::" introduces a literal block */
	if (n > 3 && s[n - 1] == ':' && s[n - 2] == ':' && s[n - 3] != ' ' &&
	    s[n - 3] != ':')
		sc->rst++;
	if (has_rst_literal(s, n))
		sc->rst++;
	if (has_rst_role(s, n))
		sc->rst++;
}

/* Is s[0..n) the first line of pydoc's page: "Help on module os:",
 * "Help on package json:"? */
static bool
pydoc_header(const char *s, size_t n)
{
	return n > 10 && n < 200 && memcmp(s, "Help on ", 8) == 0 &&
	    s[n - 1] == ':' && memchr(s + 8, ' ', n - 9) != NULL;
}

static enum doc_format
format_by_content(const char *data, size_t len)
{
	struct detect_score sc = { 0, 0, 0 };
	struct line_iter it;
	struct line l, next;
	bool prev_blank = true, fenced = false, more;

	if (len > DETECT_BYTES)
		len = DETECT_BYTES;
	line_iter_init(&it, data, len, 0);
	more = line_iter_next(&it, &next);
	/* a Vim help file's rules and "~" headings are its own, and pydoc's
	 * page is a manual's whatever roles its docstrings have */
	if (more && (text_vimhelp_header(data + next.start,
	    next.end - next.start) || pydoc_header(data + next.start,
	    next.end - next.start)))
		return FORMAT_PLAIN;
	while (more) {
		l = next;
		more = line_iter_next(&it, &next);
		/* and so are POD's "=head1" lines (perlpod(1)) */
		if (l.end - l.start > 6 &&
		    memcmp(data + l.start, "=head", 5) == 0 &&
		    text_pod_start(data + l.start, l.end - l.start))
			return FORMAT_PLAIN;
		detect_line(&sc, data + l.start, l.end - l.start, prev_blank,
		    more && next.end > next.start ? data[next.start] : 0,
		    &fenced);
		prev_blank = l.end == l.start;
	}
	if (sc.asciidoc >= DETECT_MIN_SCORE && sc.asciidoc >= sc.markdown &&
	    sc.asciidoc >= sc.rst)
		return FORMAT_ASCIIDOC;
	if (sc.markdown >= DETECT_MIN_SCORE && sc.markdown >= sc.rst)
		return FORMAT_MARKDOWN;
	if (sc.rst >= DETECT_MIN_SCORE)
		return FORMAT_RST;
	return FORMAT_PLAIN;
}

enum doc_format
format_detect(const char *name, const char *data, size_t len)
{
	enum doc_format f = format_by_name(name);

	if (f != FORMAT_AUTO)
		return f;
	/* a patch's lines are whatever its files' are: it is read as one */
	if (format_is_patch(name, data, len))
		return FORMAT_PLAIN;
	return format_by_content(data, len);
}

const char *
format_name(enum doc_format f)
{
	switch (f) {
	case FORMAT_MARKDOWN: return "markdown";
	case FORMAT_ASCIIDOC: return "asciidoc";
	case FORMAT_RST: return "rst";
	case FORMAT_PLAIN: return "plain";
	default: return "auto";
	}
}

int
format_from_name(const char *s, enum doc_format *out)
{
	static const enum doc_format all[] = {
		FORMAT_AUTO, FORMAT_PLAIN, FORMAT_MARKDOWN, FORMAT_ASCIIDOC,
		FORMAT_RST
	};
	size_t i;

	for (i = 0; i < sizeof all / sizeof all[0]; i++)
		if (strcasecmp(s, format_name(all[i])) == 0) {
			*out = all[i];
			return 0;
		}
	if (strcasecmp(s, "md") == 0) {
		*out = FORMAT_MARKDOWN;
		return 0;
	}
	if (strcasecmp(s, "adoc") == 0) {
		*out = FORMAT_ASCIIDOC;
		return 0;
	}
	return -1;
}

void
outline_prepare(struct outline *o, const struct document *doc,
    enum doc_format fmt)
{
	if (fmt == FORMAT_AUTO)
		fmt = format_detect(doc->path, doc->data + doc->text_start,
		    doc->len - doc->text_start);
	if (o->format != fmt) /* a worker's outline has it set already */
		o->format = fmt;
	o->base = doc->data;
	o->baselen = doc->len;
}

/* The outline is complete: give back what its arrays hold in reserve. */
static void
outline_trim(struct outline *o)
{
	outline_lock(o);
	o->h = xbig_trim(o->h, &o->cap, o->n, sizeof *o->h);
	o->titles = xbig_trim(o->titles, &o->titles_cap, o->titles_len, 1);
	outline_unlock(o);
}

void
outline_build(struct outline *o, const struct document *doc,
    enum doc_format fmt)
{
	outline_prepare(o, doc, fmt);
	switch (o->format) {
	case FORMAT_MARKDOWN:
		fmt_markdown_parse(o, doc);
		break;
	case FORMAT_ASCIIDOC:
		fmt_asciidoc_parse(o, doc);
		break;
	case FORMAT_RST:
		fmt_rst_parse(o, doc);
		break;
	default:
		fmt_plain_parse(o, doc);
		break;
	}
	outline_trim(o);
}

const char *
outline_doc_title(const struct outline *o, const struct document *doc)
{
	const char *slash;

	if (o->doc_title.len > 0)
		return buf_str(&o->doc_title);
	if (o->n > 0)
		return outline_title(o, 0);
	slash = strrchr(doc->name, '/');
	return slash != NULL && slash[1] != '\0' ? slash + 1 : doc->name;
}
