/* Text search: a PCRE2 pattern (UTF-8, Unicode properties, smart case)
 * matched over the whole document, with PCRE2's JIT straight on the
 * document's bytes.  Lines that hold escape sequences or overstrike are the
 * exception: each is cleaned into a small buffer on its own, so that the
 * search sees the text as displayed, and its matches are mapped back to
 * document offsets.  Matches are kept in document order as byte ranges,
 * which is all the pager needs to move between them, count them and
 * highlight them. */
#ifndef FOLIO_SEARCH_H
#define FOLIO_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "document.h"

/* Matches kept; a pattern matching more says "at least". */
#define SEARCH_MAX_MATCHES (1u << 20)
/* A search that may be stopped (struct search's stop) asks whether to go
 * on every SEARCH_PACE_MS or so: it goes a chunk of the document at a
 * time, of SEARCH_CHUNK_MIN to SEARCH_CHUNK bytes, halved or doubled as
 * the last chunk took longer or shorter than that, so that a pattern
 * that is slow to match (it backtracks) is stopped as soon as a fast
 * one. */
#define SEARCH_CHUNK (4u << 20)
#define SEARCH_CHUNK_MIN (4u << 10)
#define SEARCH_CHUNK_FIRST (64u << 10)
#define SEARCH_PACE_MS 10
#define SEARCH_MSG_MAX 160

struct search {
	pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mctx; /* made at the first match, with ... */
	pcre2_jit_stack *stack;    /* ... a JIT stack */
	char *pattern;
	bool caseless;
	size_t *start, *end; /* matches, in document order */
	size_t n, cap;
	bool capped;         /* stopped at SEARCH_MAX_MATCHES */
	bool too_complex;    /* a match hit PCRE2's limits: the rest unsearched */
	long cur;            /* the current match, or -1 */
	/* Asked every chunk while search_run goes, with the document
	 * offset reached: true stops it there, its matches incomplete
	 * (interrupted).  NULL: never.  The reader stops a search as you
	 * type when the next key is in, and the whole search after Enter
	 * on a key or a signal, showing how far it is meanwhile. */
	bool (*stop)(void *arg, size_t at);
	void *stop_arg;
	bool interrupted;    /* the last search_run was stopped */
	size_t pace_next;    /* where stop is asked next */
	size_t pace_chunk;   /* and the chunk that got there */
	struct timespec pace_at; /* when it was last asked */
};

void search_init(struct search *s);
void search_fini(struct search *s);
/* Forget the pattern and its matches. */
void search_clear(struct search *s);
/* Is there a pattern? */
bool search_active(const struct search *s);
/* Smart case: does the pattern hold a capital letter (outside escapes such
 * as \S or \p{Lu})?  Then it matches exactly, else ignoring case. */
bool search_has_capital(const char *pattern);
/* Compile pattern; on error return -1 with PCRE2's message and the offset
 * in msg, leaving s as it was (-2 and which package to install when PCRE2
 * is missing).  On success the matches are found at once
 * (search_run). */
int search_compile(struct search *s, const char *pattern,
    const struct document *doc, char msg[SEARCH_MSG_MAX]);
/* Find every match of the compiled pattern in doc (unless stopped). */
void search_run(struct search *s, const struct document *doc);
/* The first match starting at or after off (forward), or the last one
 * starting before off (backward); -1 when there is none that way. */
long search_find(const struct search *s, size_t off, bool backward);
/* The first match that ends after off, or s->n. */
size_t search_first_after(const struct search *s, size_t off);

#endif
