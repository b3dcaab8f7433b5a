/* Finding headings by what the reader types: the go-to prompt (':') and
 * the TOC filter.  Titles and queries are compared case-folded (Unicode,
 * libunistring's u8_casefold). */
#ifndef FOLIO_FINDER_H
#define FOLIO_FINDER_H

#include <stddef.h>
#include <stdint.h>

#include "outline.h"

/* The headings that match query, best first, at most max of them, into
 * out; returns how many.  A number k picks heading k (1-based, the order
 * of --outline).  Text ranks the titles that contain it (those starting
 * with it first, then those with a word starting with it, then the rest),
 * then the titles that hold its characters in order (fuzzy: the tighter
 * the better); ties go in document order. */
size_t finder_rank(const struct outline *o, const char *query, uint32_t *out,
    size_t max);
/* For the TOC filter: match[i] is set to 1 when heading i's title
 * contains query (case-folded), else 0.  Returns how many match. */
size_t finder_filter(const struct outline *o, const char *query,
    uint8_t *match);
/* The same for the headings from `from` on (those an outline being built
 * gained); match[0..from) is left as it is. */
size_t finder_filter_from(const struct outline *o, const char *query,
    size_t from, uint8_t *match);

#endif
