/* Places that survive edits.  A bookmark or a mark remembers the byte
 * offset of a place and enough about its surroundings to find the same
 * place again after the document changed: the title of its section and of
 * the sections before it, where within its section it was, and how far
 * into the document.  Pure functions over an outline: no I/O. */
#ifndef FOLIO_ANCHOR_H
#define FOLIO_ANCHOR_H

#include <stddef.h>

#include "buf.h"
#include "outline.h"

/* How many section titles an anchor keeps: its own section's, then the
 * ones before it, to fall back on when its own section is gone. */
#define ANCHOR_TITLES 8

/* Marks are places named by a letter: a-z, A-Z. */
#define ANCHOR_MARKS 52

/* Index of mark c, or -1 when c does not name a mark; and back. */
int anchor_mark_index(int c);
int anchor_mark_name(int i);

struct anchor {
	size_t offset;
	double fraction;    /* offset / document length, 0..1 */
	double in_section;  /* from its heading (0) to the next heading (1);
			       < 0: its section is not known */
	struct buf titles;  /* '\n'-separated; empty in the preamble */
};

void anchor_init(struct anchor *a);
void anchor_fini(struct anchor *a);
void anchor_copy(struct anchor *dst, const struct anchor *src);
/* Describe the place at off in a document of doclen bytes. */
void anchor_make(struct anchor *a, const struct outline *o, size_t doclen,
    size_t off);
/* Describe it when its section is not known (the outline does not reach
 * it yet): no titles, and in_section < 0, so that it is found again by
 * its fraction alone, not in the last section known before it. */
void anchor_make_unplaced(struct anchor *a, size_t doclen, size_t off);
/* Where the anchor's place is in a document that changed: the same section
 * (by title; among several of that title, the one nearest the old
 * fraction) at the same relative place; else the nearest earlier section
 * that still exists, at its heading; else the same fraction. */
size_t anchor_resolve(const struct anchor *a, const struct outline *o,
    size_t doclen);

#endif
