/* Text search (see search.h). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unictype.h>
#include <unistr.h>

#include "buf.h"
#include "dynlib.h"
#include "search.h"
#include "text.h"
#include "xalloc.h"

/* The JIT's stack: enough for the patterns people type. */
#define JIT_STACK_MIN (32u * 1024)
#define JIT_STACK_MAX (1u << 20)

/*
 * PCRE2 is loaded at the first search (dynlib.h), not at every start; its
 * functions are called through this table.  Their names are macros
 * (pcre2_compile is pcre2_compile_8): P2_SYM looks up what they expand to.
 */
static struct {
	__typeof__(pcre2_code_free) *code_free;
	__typeof__(pcre2_compile) *compile;
	__typeof__(pcre2_get_error_message) *get_error_message;
	__typeof__(pcre2_get_ovector_pointer) *get_ovector_pointer;
	__typeof__(pcre2_jit_compile) *jit_compile;
	__typeof__(pcre2_jit_stack_assign) *jit_stack_assign;
	__typeof__(pcre2_jit_stack_create) *jit_stack_create;
	__typeof__(pcre2_jit_stack_free) *jit_stack_free;
	__typeof__(pcre2_match) *match;
	__typeof__(pcre2_match_context_create) *match_context_create;
	__typeof__(pcre2_match_context_free) *match_context_free;
	__typeof__(pcre2_match_data_create_from_pattern) *match_data_create_from_pattern;
	__typeof__(pcre2_match_data_free) *match_data_free;
	__typeof__(pcre2_set_offset_limit) *set_offset_limit;
} p2;

#define P2_NAME(f) #f
#define P2_EXPAND(f) P2_NAME(f)
#define P2_SYM(f) { P2_EXPAND(pcre2_##f), (void **)&p2.f }
static const struct dynlib_symbol p2_sym[] = {
	P2_SYM(code_free),
	P2_SYM(compile),
	P2_SYM(get_error_message),
	P2_SYM(get_ovector_pointer),
	P2_SYM(jit_compile),
	P2_SYM(jit_stack_assign),
	P2_SYM(jit_stack_create),
	P2_SYM(jit_stack_free),
	P2_SYM(match),
	P2_SYM(match_context_create),
	P2_SYM(match_context_free),
	P2_SYM(match_data_create_from_pattern),
	P2_SYM(match_data_free),
	P2_SYM(set_offset_limit),
};
#undef P2_SYM
static struct dynlib p2_lib = { "libpcre2-8.so.0", "libpcre2-8-0", p2_sym,
    sizeof p2_sym / sizeof p2_sym[0], NULL, false };

void
search_init(struct search *s)
{
	memset(s, 0, sizeof *s);
	s->cur = -1;
}

static void
free_pattern(struct search *s)
{
	if (s->re != NULL) { /* PCRE2 is loaded */
		p2.match_data_free(s->md);
		p2.code_free(s->re);
	}
	free(s->pattern);
	s->md = NULL;
	s->re = NULL;
	s->pattern = NULL;
}

void
search_clear(struct search *s)
{
	free_pattern(s);
	s->n = 0;
	s->capped = s->too_complex = false;
	s->cur = -1;
}

void
search_fini(struct search *s)
{
	search_clear(s);
	if (s->mctx != NULL) { /* PCRE2 is loaded */
		p2.jit_stack_free(s->stack);
		p2.match_context_free(s->mctx);
	}
	free(s->start);
	free(s->end);
	memset(s, 0, sizeof *s);
	s->cur = -1;
}

bool
search_active(const struct search *s)
{
	return s->re != NULL;
}

bool
search_has_capital(const char *p)
{
	const uint8_t *u = (const uint8_t *)p, *end = u + strlen(p);

	while (u < end) {
		ucs4_t c;
		int n = u8_mbtouc(&c, u, (size_t)(end - u));

		if (c == '\\' && u + 1 < end) {
			/* an escape: \S, \W, \D, \B ... are not letters, and
			 * neither is a property name: \p{Lu}, \x{41}, \N{U+41} */
			u += 2;
			if (u < end && *u == '{')
				while (u < end && *u++ != '}')
					;
			continue;
		}
		if (uc_is_general_category(c, UC_UPPERCASE_LETTER) ||
		    uc_is_general_category(c, UC_TITLECASE_LETTER))
			return true;
		u += n;
	}
	return false;
}

/* The match context (with its JIT stack), made once. */
static pcre2_match_context *
match_context(struct search *s)
{
	if (s->mctx == NULL) {
		s->mctx = p2.match_context_create(NULL);
		if (s->mctx == NULL)
			xalloc_die();
		s->stack = p2.jit_stack_create(JIT_STACK_MIN,
		    JIT_STACK_MAX, NULL);
		if (s->stack != NULL)
			p2.jit_stack_assign(s->mctx, NULL, s->stack);
	}
	return s->mctx;
}

int
search_compile(struct search *s, const char *pattern,
    const struct document *doc, char msg[SEARCH_MSG_MAX])
{
	/* the offset limit cuts a long search into chunks (match_range) */
	uint32_t flags = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
	    PCRE2_MULTILINE | PCRE2_USE_OFFSET_LIMIT;
	bool caseless = !search_has_capital(pattern);
	int code;
	PCRE2_SIZE where;
	pcre2_code *re;

	if (dynlib_load(&p2_lib) != 0) {
		snprintf(msg, SEARCH_MSG_MAX, "Search needs %s (Debian package "
		    "%s)", p2_lib.soname, p2_lib.package);
		return -2;
	}
	if (caseless)
		flags |= PCRE2_CASELESS;
	re = p2.compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, flags,
	    &code, &where, NULL);
	if (re == NULL) {
		PCRE2_UCHAR text[120];

		if (p2.get_error_message(code, text, sizeof text) < 0)
			snprintf((char *)text, sizeof text, "error %d", code);
		snprintf(msg, SEARCH_MSG_MAX, "Bad pattern: %s (at offset %zu)",
		    (const char *)text, (size_t)where);
		return -1;
	}
	/* Without the JIT (an unusual build), the interpreter does it. */
	(void)p2.jit_compile(re, PCRE2_JIT_COMPLETE);
	search_clear(s);
	s->re = re;
	s->md = p2.match_data_create_from_pattern(re, NULL);
	if (s->md == NULL)
		xalloc_die();
	s->pattern = xstrdup(pattern);
	s->caseless = caseless;
	search_run(s, doc);
	return 0;
}

static bool
add_match(struct search *s, size_t a, size_t b)
{
	if (s->n >= SEARCH_MAX_MATCHES) {
		s->capped = true;
		return false;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap;

		s->start = xgrow(s->start, &cap, s->n + 1, sizeof *s->start);
		s->end = xgrow(s->end, &s->cap, s->n + 1, sizeof *s->end);
	}
	s->start[s->n] = a;
	s->end[s->n] = b;
	s->n++;
	return true;
}

/* A stoppable search's pace (search.h): the first chunk ends at from. */
static void
pace_begin(struct search *s, size_t from)
{
	s->pace_chunk = SEARCH_CHUNK_FIRST;
	s->pace_next = from + s->pace_chunk;
	clock_gettime(CLOCK_MONOTONIC, &s->pace_at);
}

/* Asks a stoppable search whether to go on, at document offset at; true
 * when it must stop (it is interrupted). */
static bool
stop_asked(struct search *s, size_t at)
{
	if (s->stop == NULL || !s->stop(s->stop_arg, at))
		return false;
	s->interrupted = true;
	return true;
}

/* Matching has gone up to at.  At the end of a chunk, asks a stoppable
 * search whether to go on, and sizes the next chunk to the time this one
 * took. */
static bool
stopped(struct search *s, size_t at)
{
	struct timespec now;
	long ms;

	if (s->stop == NULL || at < s->pace_next)
		return false;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long)(now.tv_sec - s->pace_at.tv_sec) * 1000 +
	    (now.tv_nsec - s->pace_at.tv_nsec) / 1000000;
	if (ms < SEARCH_PACE_MS / 2 && s->pace_chunk < SEARCH_CHUNK)
		s->pace_chunk *= 2;
	else if (ms > SEARCH_PACE_MS * 2 && s->pace_chunk > SEARCH_CHUNK_MIN)
		s->pace_chunk /= 2;
	s->pace_next = at + s->pace_chunk;
	if (stop_asked(s, at))
		return true;
	/* what stop took (drawing the progress) is not the chunk's */
	clock_gettime(CLOCK_MONOTONIC, &s->pace_at);
	return false;
}

/* The first character boundary of subject at or after off (to at most):
 * matching starts there, not inside a UTF-8 sequence. */
static size_t
char_start(const char *subject, size_t off, size_t to)
{
	while (off < to && ((unsigned char)subject[off] & 0xc0) == 0x80)
		off++;
	return off;
}

/* Match over subject[from, to).  map (NULL: identity) turns subject
 * offsets into document offsets; map[to] is the end.  Returns false when
 * searching must stop.  A search that may be stopped goes a chunk at a
 * time (stopped): PCRE2's offset limit keeps a match from starting past
 * the chunk, while it may still end beyond it. */
static bool
match_range(struct search *s, const char *subject, size_t from, size_t to,
    uint32_t opts, const size_t *map)
{
	pcre2_match_context *mc = match_context(s);
	bool chunked = s->stop != NULL && map == NULL;
	size_t off = from;

	while (off <= to) {
		PCRE2_SIZE limit;
		int rc;
		PCRE2_SIZE *ov;
		size_t a, b;

		/* past a chunk's end, the next one ends after off */
		if (chunked && stopped(s, off))
			return false;
		limit = chunked && s->pace_next < to ? s->pace_next
		    : PCRE2_UNSET;
		p2.set_offset_limit(mc, limit);
		rc = p2.match(s->re, (PCRE2_SPTR)subject, to, off, opts,
		    s->md, mc);
		if (rc == PCRE2_ERROR_NOMATCH) {
			if (limit == PCRE2_UNSET)
				return true;
			/* none starts in this chunk: on from the next */
			off = char_start(subject, limit + 1, to);
			continue;
		}
		if (rc < 0) {
			s->too_complex = true;
			return false;
		}
		ov = p2.get_ovector_pointer(s->md);
		a = ov[0] < off ? off : ov[0];  /* \K may report less */
		b = ov[1] < a ? a : ov[1];
		if (!add_match(s, map ? map[a] : a, map ? map[b] : b))
			return false;
		if (b > a) {
			off = b;
		} else {
			/* an empty match: go on from the next character */
			if (b >= to)
				return true;
			off = char_start(subject, b + 1, to);
		}
	}
	return true;
}

/* A line with escape sequences or overstrike, as displayed, with the
 * document offset of each byte of it. */
static bool
match_dirty_line(struct search *s, const char *data, size_t ls, size_t le)
{
	struct buf clean = BUF_INIT;
	size_t *map = NULL, cap = 0, end = ls;
	struct text_decoder d;
	struct text_unit u;
	bool go_on;

	text_decoder_init(&d, data, ls, le);
	while (text_decode(&d, &u)) {
		size_t before = clean.len, i;

		if (u.kind == TEXT_CHAR || u.kind == TEXT_CONTROL) {
			uint8_t enc[6];
			int n = u8_uctomb(enc, u.ch, sizeof enc);

			if (n > 0)
				buf_add(&clean, (const char *)enc, (size_t)n);
		} else {
			buf_add(&clean, data + u.off, u.len);
		}
		map = xgrow(map, &cap, clean.len + 1, sizeof *map);
		for (i = before; i < clean.len; i++)
			map[i] = u.off;
		end = u.off + u.len;
	}
	map = xgrow(map, &cap, clean.len + 1, sizeof *map);
	map[clean.len] = end;
	go_on = match_range(s, clean.data != NULL ? clean.data : "", 0,
	    clean.len, 0, map);
	free(map);
	buf_fini(&clean);
	return go_on;
}

/* The next byte c at or after from, or len, into *at; looked for
 * SEARCH_CHUNK bytes at a time when the search may be stopped (memchr
 * goes at the speed of memory: matching is paced apart), telling stop
 * that matching is at pos.  false when it was stopped. */
static bool
find_byte(struct search *s, const char *data, size_t from, size_t len,
    int c, size_t pos, size_t *at)
{
	while (from < len) {
		size_t n = s->stop != NULL && len - from > SEARCH_CHUNK
		    ? SEARCH_CHUNK : len - from;
		const char *p = memchr(data + from, c, n);

		if (p != NULL) {
			*at = (size_t)(p - data);
			return true;
		}
		from += n;
		if (from < len && stop_asked(s, pos))
			return false;
	}
	*at = len;
	return true;
}

/* The next ESC or BS byte at or after from, or len, into *dirty; *esc and
 * *bs keep the last ones found (SIZE_MAX: not looked for yet).  false when
 * the search was stopped. */
static bool
next_dirty(struct search *s, const char *data, size_t from, size_t len,
    size_t *esc, size_t *bs, size_t *dirty)
{
	if ((*esc == SIZE_MAX || *esc < from) &&
	    !find_byte(s, data, from, len, 0x1b, from, esc))
		return false;
	if ((*bs == SIZE_MAX || *bs < from) &&
	    !find_byte(s, data, from, len, '\b', from, bs))
		return false;
	*dirty = *esc < *bs ? *esc : *bs;
	return true;
}

void
search_run(struct search *s, const struct document *doc)
{
	size_t pos = doc->text_start, len = doc->len, esc = SIZE_MAX, bs = SIZE_MAX;
	size_t dirty;

	s->n = 0;
	s->capped = s->too_complex = s->interrupted = false;
	s->cur = -1;
	if (s->re == NULL)
		return;
	/* the first look for ESC and BS goes through the whole document;
	 * the pace is the matching's, timed from after it */
	if (!next_dirty(s, doc->data, pos, len, &esc, &bs, &dirty))
		return;
	pace_begin(s, pos);
	for (;;) {
		size_t ls, le;

		if (dirty >= len) {
			/* the rest is clean: straight on the document */
			match_range(s, doc->data, pos, len, 0, NULL);
			return;
		}
		ls = document_line_start(doc, dirty);
		if (ls < pos)
			ls = pos;
		if (ls > pos && !match_range(s, doc->data, pos, ls,
		    PCRE2_NOTEOL, NULL))
			return;
		le = document_line_end(doc, dirty);
		if (!match_dirty_line(s, doc->data, ls, le) || le >= len ||
		    stopped(s, le))
			return;
		pos = le + 1;
		if (!next_dirty(s, doc->data, pos, len, &esc, &bs, &dirty))
			return;
	}
}

long
search_find(const struct search *s, size_t off, bool backward)
{
	size_t lo = 0, hi = s->n;

	/* lo: the first match starting at or after off */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->start[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (backward)
		return lo == 0 ? -1 : (long)lo - 1;
	return lo < s->n ? (long)lo : -1;
}

size_t
search_first_after(const struct search *s, size_t off)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->end[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
