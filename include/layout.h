/* Layout: how the document falls into screen rows at a given width, found
 * locally around any byte offset.  The unit of wrapping is a segment: a
 * paragraph of prose lines that reflow together (hard-wrapped text is
 * rejoined), a single line (code, tables, lists' first lines...), or, for a
 * line longer than LAYOUT_CHUNK, the part of it inside one cell of a fixed
 * grid of LAYOUT_CHUNK bytes.  Whether two lines join is decided by the two
 * lines alone (and document-wide figures measured once), and a paragraph
 * longer than LAYOUT_CHUNK is not joined, so the segment containing an
 * offset is the same however it is reached and no keypress looks at more
 * than a few chunks of bytes.  The rows of the last few segments are
 * cached. */
#ifndef FOLIO_LAYOUT_H
#define FOLIO_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"
#include "outline.h"
#include "wrap.h"

#define LAYOUT_CHUNK (16u * 1024)

struct segment {
	size_t start; /* first byte */
	size_t end;   /* end of its text (CR LF excluded) */
	size_t next;  /* where the next segment starts; doc->len if none */
};

/* How many segments' rows are kept. */
#define LAYOUT_CACHED 4

struct layout {
	const struct document *doc;
	const struct outline *o;
	int width;
	bool reflow;       /* join the lines of paragraphs */
	bool source;       /* source code or configuration (by name), or a
			      patch: never reflowed, wrapped at blanks */
	int margin;        /* the indent of the document's text (plain) */
	int fill;          /* the width its text was wrapped at (plain) */
	bool man;          /* a manual page as man prints it (plain) */
	int right;         /* its right margin: the end of justified lines */
	char man_name[64]; /* "LS(1)": its header and footer end with it */
	bool para_indent;  /* its paragraphs are lines with no blank line
			      between them: their first rows are indented
			      (plain) */
	struct wrap wrap;
	/* The rows of the last few segments laid out: a screen of long
	 * paragraphs or lines spans a few, and a key moves back and forth
	 * among them (layout_rows).  A screen of more, shorter ones goes
	 * through them all, each cheap to lay out again. */
	struct layout_cached {
		size_t start, end; /* the segment (empty: unused) */
		int width;
		struct wrap_row *rows;
		size_t n, cap;
		unsigned long used;
	} cache[LAYOUT_CACHED];
	unsigned long clock;
	/* Lines found to join into a paragraph longer than LAYOUT_CHUNK,
	 * which are shown each as a line of its own: [big_start, big_end)
	 * (empty when equal).  Scrolling through such a paragraph then
	 * costs a line at a time, not a scan of LAYOUT_CHUNK each way per
	 * row. */
	size_t big_start, big_end;
	/* The last paragraphs found by joining lines, [start, next) each:
	 * any offset in one is in that paragraph, found without joining its
	 * lines again (a key asks for the paragraphs on the screen several
	 * times). */
	struct segment paras[LAYOUT_CACHED];
	unsigned paras_next;  /* the entry to replace next */
	/* What of the outline the three above were found with (headings and
	 * code blocks change how lines join and are laid out): when it has
	 * changed, they are forgotten. */
	size_t outline_seen[3];
};

void layout_init(struct layout *l, const struct document *doc,
    const struct outline *o, int width);
void layout_fini(struct layout *l);
void layout_set_width(struct layout *l, int width);
/* Turn the joining of paragraph lines on or off (default on). */
void layout_set_reflow(struct layout *l, bool on);

/* The segment containing off (off == doc->len: the last one). */
void layout_segment(struct layout *l, size_t off, struct segment *s);
/* Is the segment shown as written (code): broken at the width exactly? */
bool layout_verbatim(const struct layout *l, const struct segment *s);
/* Page furniture in plain text paged for print (RFCs, old manuals): the
 * line of a page break (a form feed), and the footer and header around
 * it, which the screen draws dim. */
enum furniture { FURNITURE_NONE, FURNITURE_LINE, FURNITURE_BREAK };
enum furniture layout_furniture(const struct layout *l,
    const struct segment *s);
/* The rows of segment s; the array lives until the next layout call. */
const struct wrap_row *layout_rows(struct layout *l, const struct segment *s,
    size_t *n);
/* Start of the row containing off. */
size_t layout_row_start(struct layout *l, size_t off);
/* The row after (before) the row starting at off; false at the end (top). */
bool layout_next_row(struct layout *l, size_t off, size_t *next);
bool layout_prev_row(struct layout *l, size_t off, size_t *prev);
/* Start of the last row of the document. */
size_t layout_last_row(struct layout *l);

#endif
