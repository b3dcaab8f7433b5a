/* The reading view: plain state and the actions keys trigger.  The view
 * knows the document, its outline and the layout; it never draws (screen
 * does).  Its position is the byte offset of the text at the top of the
 * text pane; everything on screen is derived from it. */
#ifndef FOLIO_VIEW_H
#define FOLIO_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "anchor.h"
#include "document.h"
#include "keymap.h"
#include "layout.h"
#include "lineedit.h"
#include "outline.h"
#include "search.h"

#define VIEW_DEFAULT_MEASURE 100
#define VIEW_MIN_MEASURE 20
#define VIEW_MAX_MEASURE 1000
/* The TOC is shown on screens at least this wide. */
#define VIEW_TOC_MIN_COLS 80
#define VIEW_MSG_MAX 256
/* Candidates listed under the go-to prompt. */
#define VIEW_CANDIDATES 8
/* Rows of context kept above a match brought into view. */
#define VIEW_SEARCH_CONTEXT 2
/* An unset mark or no earlier position. */
#define VIEW_NO_PLACE SIZE_MAX

struct view_row {
	size_t seg_start;        /* the segment (line) the row belongs to */
	struct wrap_row row;
	bool heading;            /* part of a heading's lines */
	enum furniture furniture; /* a page's footer, header or break */
};

struct view {
	const struct document *doc;
	const struct outline *o;
	struct layout lay;
	size_t top;              /* offset of the first row shown */
	int screen_cols, screen_rows;
	int text_cols, text_rows;
	int text_left;           /* column of the text pane */
	int measure;             /* the reading width asked for */
	/* table of contents */
	bool toc_wanted;         /* t toggles it */
	bool toc_shown;          /* wanted and there is room and >= 2 headings */
	bool toc_focus;
	int toc_cols;
	int toc_fixed;           /* the TOC width asked for; 0: automatic */
	/* The headings the per-heading arrays below cover: the outline's,
	 * kept up with view_outline_sync while a worker builds it. */
	size_t nknown, capknown;
	unsigned generation;     /* the outline's, when last synced */
	int toc_natural;         /* the widest TOC entry, in columns */
	struct outline_depth depths; /* for the next heading to come */
	/* where the rows view_rows gave for this top and width end */
	size_t bottom, bottom_for;
	int bottom_width, bottom_rows;
	int indexing;            /* percent of the outline built, -1: done */
	size_t indexed_to;       /* sections before this offset are known
				    (SIZE_MAX: all of them) */
	uint8_t *depth;          /* per heading: depth in the tree */
	uint8_t *folded;         /* per heading: its subsections are hidden */
	uint32_t *visible;       /* headings shown in the TOC, in order */
	size_t nvisible;
	size_t sel;              /* selected heading (TOC focus) */
	size_t toc_first;        /* first visible entry shown */
	/* marks (a-z, A-Z) and the place the last jump left from ('') */
	size_t mark[ANCHOR_MARKS];
	bool marks_changed;      /* since the pager last saved them */
	size_t jumped_from;
	/* search: the last pattern, its matches, the current one */
	struct search search;
	bool search_backward;    /* it was a ? search */
	bool search_hidden;      /* its highlighting is off (:noh, Esc u)
				    until the next search move */
	/* a prompt being typed on the status line (prompt NULL: none) */
	const char *prompt;
	const struct lineedit *edit;
	/* the go-to prompt's candidates, best first, and the chosen one */
	uint32_t cand[VIEW_CANDIDATES];
	size_t ncand, cand_sel;
	/* the TOC filter: only matching titles, with their ancestors */
	bool filtering;
	uint8_t *filter_match;   /* per heading */
	char *filter_query;      /* what it was typed, for headings to come */
	char msg[VIEW_MSG_MAX];
	bool quit;
	bool help;
	unsigned long half;      /* rows d and u scroll (0: half a page) */
	unsigned long nlines;    /* lines in the document (0: not counted) */
	/* a pipe still being read: the bytes read so far (the document
	 * holds their whole lines) */
	bool reading;
	size_t read_bytes;
	bool follow;             /* F: the end is kept in view as it grows */
	/* When its outline starts over on a grown pipe: the offsets of the
	 * headings that were folded (in order), and of the one selected,
	 * given back to them as they come again. */
	size_t *refold, nrefold, refold_next;
	size_t resel;            /* VIEW_NO_PLACE: none */
};

void view_init(struct view *v, const struct document *doc,
    const struct outline *o, int measure);
void view_fini(struct view *v);
/* Take in the headings the outline gained (or, when it started over,
 * all of them again) while a worker builds it. */
void view_outline_sync(struct view *v);
/* The document is about to grow (a pipe still being read) and its
 * outline to start over: keep what the TOC's folding and selection were,
 * by the headings' offsets. */
void view_growing(struct view *v);
/* It grew: lay it out again, count its matches again; the place stays,
 * and the TOC's folding and selection come back with their headings. */
void view_grown(struct view *v);
/* A key moved the text from old_top: with the focus in the TOC, its
 * selection follows to the section now read, as Tab selects it. */
void view_follow(struct view *v, size_t old_top);
/* The terminal has this many columns and rows (status line included). */
void view_resize(struct view *v, int cols, int rows);
void view_act(struct view *v, enum action a);
/* An action with the count typed before its key (0: none): lines, pages
 * and TOC entries to move; before g, G and % a line or a percentage;
 * before d and u the rows they scroll from then on. */
void view_act_count(struct view *v, enum action a, unsigned long count);
/* The rows a line, page or half-page action moves the text by, with a
 * count (0: none): count lines, count pages of the text pane less a row,
 * or for d and u the count (which view_keep_half keeps for them). */
unsigned long view_count_rows(const struct view *v, enum action a,
    unsigned long count);
/* A count before d or u is how far they go from then on. */
void view_keep_half(struct view *v, enum action a, unsigned long count);
/* Show the screen starting at (the row holding) off.  view_set_top is not
 * a jump: '' does not come back to where it left. */
void view_set_top(struct view *v, size_t off);
/* Jumps: '' returns to where the last one left from. */
void view_goto_offset(struct view *v, size_t off);
void view_goto_heading(struct view *v, size_t i);
/* Line n (1-based) and pct percent of the bytes, at the top (or the last
 * screen, when they are on it). */
void view_goto_line(struct view *v, unsigned long n);
void view_goto_percent(struct view *v, unsigned long pct);
/* The line at off, counted from the nearest heading before it. */
unsigned long view_line_at(const struct view *v, size_t off);
/* m and ' with the letter that follows; ' with ' or ` goes back to where
 * the last jump left from. */
void view_set_mark(struct view *v, int c);
void view_goto_mark(struct view *v, int c);
/* Is off on the screen? */
bool view_offset_visible(struct view *v, size_t off);
/* Make match k the current one, bringing it into view (with a few rows of
 * context above) when it is not on the screen; as_jump: '' comes back. */
void view_search_show(struct view *v, long k, bool as_jump);
/* The first match from off in the search's direction, wrapping around
 * the document (with a message); false when there is none at all. */
bool view_search_from(struct view *v, size_t off, bool as_jump);
/* n (reverse false) and N: the count-th next match in the search's
 * direction, or the other way, wrapping around with a message. */
void view_search_next(struct view *v, bool reverse, unsigned long count);
/* Filter the TOC to titles containing q (NULL or "": no filter), selecting
 * the first that matches.  Returns how many match. */
size_t view_toc_filter(struct view *v, const char *q);
void view_message(struct view *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* What screen needs to draw. */
size_t view_rows(struct view *v, struct view_row *out, size_t max);
/* The section being read: the last heading at or above the top, or -1. */
long view_current(const struct view *v);
/* The TOC entry to highlight for the section being read (its nearest
 * visible ancestor when it is folded away), or -1. */
long view_current_visible(const struct view *v);
/* Position as a percentage: how much of the document is above the bottom
 * of the screen. */
int view_percent(struct view *v);
/* Bring the TOC entry at visible index k into the TOC window. */
void view_toc_scroll_to(struct view *v, size_t k);
/* Index in visible[] of heading i, or -1. */
long view_visible_index(const struct view *v, size_t i);

#endif
