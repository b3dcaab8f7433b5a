/* The non-interactive outputs: --outline, --toc and --print.  Everything
 * written goes through the text decoder, so control bytes from a document
 * appear as visible markers unless raw output was asked for. */
#ifndef FOLIO_OUTPUT_H
#define FOLIO_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "bookmarks.h"
#include "document.h"
#include "outline.h"

/* LEVEL<TAB>LINE<TAB>TITLE per heading. */
void output_outline(FILE *f, const struct outline *o, bool raw);
/* An indented, numbered tree for people. */
void output_toc(FILE *f, const struct outline *o, bool raw);
/* The bytes [start, end) of doc wrapped to width columns, paragraphs
 * reflowed as in the pager (raw: lines kept, bytes as they are). */
void output_print(FILE *f, const struct document *doc,
    const struct outline *o, size_t start, size_t end, int width, bool raw);
/* A --recent line: NAME<TAB>TITLE<TAB>SECTION<TAB>PERCENT%<TAB>TIME, the
 * time local, "YYYY-MM-DD HH:MM". */
void output_recent(FILE *f, const struct recent *r, bool raw);
/* Depth of each heading in the tree (0 = top), from its level and the
 * levels before it, so that skipped levels do not leave holes.  depth must
 * hold o->n entries. */
void output_depths(const struct outline *o, int *depth);

#endif
