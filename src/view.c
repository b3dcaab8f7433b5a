/* The reading view (see view.h).  Every action costs time proportional to
 * the screen: rows are found through the layout around the top offset, and
 * sections through binary search of the outline. */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finder.h"
#include "text.h"
#include "anchor.h"
#include "view.h"
#include "xalloc.h"

/* The TOC takes at most this share of the screen, and at least this many
 * columns; a gap separates it from the text. */
#define TOC_MAX_DIVISOR 3
#define TOC_MIN_COLS 16
#define TOC_GAP 2
#define TOC_INDENT 2
#define MEASURE_STEP 4

static void toc_rebuild(struct view *v);
static void toc_select_match(struct view *v);

void
view_init(struct view *v, const struct document *doc,
    const struct outline *o, int measure)
{
	size_t i;

	memset(v, 0, sizeof *v);
	v->doc = doc;
	v->o = o;
	v->measure = measure > 0 ? measure : VIEW_DEFAULT_MEASURE;
	v->top = doc->text_start;
	v->jumped_from = VIEW_NO_PLACE;
	for (i = 0; i < ANCHOR_MARKS; i++)
		v->mark[i] = VIEW_NO_PLACE;
	v->toc_wanted = true;
	search_init(&v->search);
	layout_init(&v->lay, doc, o, v->measure);
	v->generation = o->generation;
	v->indexing = -1;
	v->indexed_to = SIZE_MAX;
	v->bottom_for = VIEW_NO_PLACE;
	v->resel = VIEW_NO_PLACE;
	view_outline_sync(v);
}

/* Is the TOC shown: wanted, with room, and two headings at least? */
static bool
toc_fits(const struct view *v)
{
	/* while a pipe is read, a TOC shown stays as its outline is built
	 * again */
	return v->toc_wanted && (v->o->n >= 2 ||
	    (v->reading && v->toc_shown)) &&
	    v->screen_cols >= VIEW_TOC_MIN_COLS;
}

/* The columns a TOC entry wants: indent, marker and title. */
static int
toc_entry_width(const struct view *v, size_t i)
{
	return TOC_INDENT * v->depth[i] + 2 +
	    (int)text_width(outline_title(v->o, i), outline_title_len(v->o, i));
}

void
view_outline_sync(struct view *v)
{
	const struct outline *o = v->o;
	size_t i, old = v->nknown;
	int natural = v->toc_natural;
	bool had_toc = v->toc_shown, reselected = false;

	if (v->generation != o->generation) {
		/* the outline started over: nothing derived from it holds */
		v->generation = o->generation;
		v->nknown = old = 0;
		v->depths.n = 0;
		v->toc_natural = natural = 0;
		v->sel = 0;
		v->toc_first = 0;
		v->ncand = 0;
		v->nvisible = 0;
		v->refold_next = 0;
		v->filtering = false;
		free(v->filter_match);
		v->filter_match = NULL;
		free(v->filter_query);
		v->filter_query = NULL;
	}
	if (o->n == v->nknown && v->depth != NULL)
		return;
	if (o->n > v->capknown || v->depth == NULL) {
		size_t cap = v->capknown ? v->capknown : 16;

		while (cap < o->n)
			cap *= 2;
		v->depth = xrealloc(v->depth, cap);
		v->folded = xrealloc(v->folded, cap);
		v->visible = xrealloc(v->visible, cap * sizeof *v->visible);
		if (v->filter_match != NULL)
			v->filter_match = xrealloc(v->filter_match, cap);
		v->capknown = cap;
	}
	for (i = old; i < o->n; i++) {
		int w;

		v->depth[i] = (uint8_t)outline_depth_next(&v->depths,
		    o->h[i].level);
		v->folded[i] = 0;
		while (v->refold_next < v->nrefold &&
		    v->refold[v->refold_next] < o->h[i].offset)
			v->refold_next++;
		if (v->refold_next < v->nrefold &&
		    v->refold[v->refold_next] == o->h[i].offset) {
			v->folded[i] = 1;
			v->refold_next++;
		}
		if (o->h[i].offset == v->resel) {
			v->sel = i;
			v->resel = VIEW_NO_PLACE;
			reselected = true;
		}
		w = toc_entry_width(v, i);
		if (w > v->toc_natural)
			v->toc_natural = w;
	}
	/* a heading found while the TOC is filtered is shown if it matches */
	if (v->filtering && v->filter_query != NULL && old < o->n)
		finder_filter_from(o, v->filter_query, old, v->filter_match);
	v->nknown = o->n;
	toc_rebuild(v);
	if (v->filtering && old < o->n && !v->filter_match[v->sel])
		toc_select_match(v);
	if (reselected && v->toc_shown && view_visible_index(v, v->sel) >= 0)
		view_toc_scroll_to(v, (size_t)view_visible_index(v, v->sel));
	/* the panes change when the TOC appears or wants more room */
	if (v->screen_cols > 0 && (v->toc_natural != natural ||
	    had_toc != toc_fits(v)))
		view_resize(v, v->screen_cols, v->screen_rows);
}

void
view_growing(struct view *v)
{
	size_t i, n = 0, *r;

	r = xmalloc((v->nknown + v->nrefold - v->refold_next + 1) *
	    sizeof *r);
	for (i = 0; i < v->nknown; i++)
		if (v->folded[i])
			r[n++] = v->o->h[i].offset;
	/* and those kept the last time that have not come again yet (all
	 * after the last heading known) */
	for (i = v->refold_next; i < v->nrefold; i++)
		r[n++] = v->refold[i];
	free(v->refold);
	v->refold = r;
	v->nrefold = n;
	v->refold_next = 0;
	if (v->toc_focus && v->resel == VIEW_NO_PLACE && v->sel < v->nknown)
		v->resel = v->o->h[v->sel].offset;
}

void
view_grown(struct view *v)
{
	long cur = v->search.cur;
	size_t at = cur >= 0 ? v->search.start[cur] : 0;
	int natural = v->toc_natural;

	layout_fini(&v->lay);
	layout_init(&v->lay, v->doc, v->o, v->measure);
	layout_set_width(&v->lay, v->text_cols);
	v->bottom_for = VIEW_NO_PLACE;
	v->nlines = 0;
	view_outline_sync(v);
	/* the TOC keeps its width while its entries come again */
	if (v->toc_natural < natural) {
		v->toc_natural = natural;
		if (v->screen_cols > 0)
			view_resize(v, v->screen_cols, v->screen_rows);
	}
	if (search_active(&v->search)) {
		/* its pacing was the prompt's, which is gone */
		v->search.stop = NULL;
		search_run(&v->search, v->doc);
		if (cur >= 0)
			v->search.cur = search_find(&v->search, at, false);
	}
}

void
view_fini(struct view *v)
{
	layout_fini(&v->lay);
	search_fini(&v->search);
	free(v->filter_match);
	free(v->filter_query);
	free(v->depth);
	free(v->folded);
	free(v->visible);
	free(v->refold);
}

void
view_message(struct view *v, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v->msg, sizeof v->msg, fmt, ap);
	va_end(ap);
}

void
view_resize(struct view *v, int cols, int rows)
{
	int avail;

	v->screen_cols = cols < 1 ? 1 : cols;
	v->screen_rows = rows < 2 ? 2 : rows;
	v->text_rows = v->screen_rows - 1;
	v->toc_shown = toc_fits(v);
	if (!v->toc_shown)
		v->toc_focus = false;
	v->toc_cols = 0;
	if (v->toc_shown) {
		int maxw = v->screen_cols / TOC_MAX_DIVISOR;

		v->toc_cols = v->toc_fixed > 0 ? v->toc_fixed
		    : v->toc_natural;
		if (v->toc_fixed > 0 && maxw < v->screen_cols / 2)
			maxw = v->screen_cols / 2;
		if (v->toc_cols > maxw)
			v->toc_cols = maxw;
		if (v->toc_cols < TOC_MIN_COLS)
			v->toc_cols = TOC_MIN_COLS;
	}
	v->text_left = v->toc_shown ? v->toc_cols + TOC_GAP : 0;
	avail = v->screen_cols - v->text_left;
	v->text_cols = avail < v->measure ? avail : v->measure;
	if (v->text_cols < 1)
		v->text_cols = 1;
	layout_set_width(&v->lay, v->text_cols);
	v->top = layout_row_start(&v->lay, v->top);
	if (v->toc_shown)
		view_toc_scroll_to(v, v->toc_focus
		    ? (size_t)(view_visible_index(v, v->sel) < 0 ? 0
		    : view_visible_index(v, v->sel))
		    : (size_t)(view_current_visible(v) < 0 ? 0
		    : view_visible_index(v, (size_t)view_current_visible(v))));
}

long
view_current(const struct view *v)
{
	return outline_find(v->o, v->top);
}

long
view_visible_index(const struct view *v, size_t i)
{
	size_t lo = 0, hi = v->nvisible;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v->visible[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < v->nvisible && v->visible[lo] == i ? (long)lo : -1;
}

long
view_current_visible(const struct view *v)
{
	long c = view_current(v);
	size_t lo = 0, hi = v->nvisible;

	if (c < 0 || v->nvisible == 0)
		return -1;
	/* the last visible entry at or before c is c or its ancestor */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v->visible[mid] <= (size_t)c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? -1 : (long)v->visible[lo - 1];
}

void
view_toc_scroll_to(struct view *v, size_t k)
{
	size_t h = (size_t)v->text_rows;

	if (k < v->toc_first)
		v->toc_first = k;
	else if (k >= v->toc_first + h)
		v->toc_first = k - h + 1;
	if (v->nvisible <= h)
		v->toc_first = 0;
	else if (v->toc_first > v->nvisible - h)
		v->toc_first = v->nvisible - h;
}

/* The filtered TOC: matching headings and their ancestors, folding
 * ignored. */
static void
toc_rebuild_filtered(struct view *v)
{
	uint8_t *shown = xcalloc(v->o->n ? v->o->n : 1, 1);
	uint32_t anc[256];
	size_t i, n = 0;

	for (i = 0; i < v->o->n; i++) {
		uint8_t d = v->depth[i];

		anc[d] = (uint32_t)i;
		if (!v->filter_match[i])
			continue;
		/* the latest heading at each lesser depth is an ancestor */
		for (uint8_t a = 0; a <= d; a++)
			shown[anc[a]] = 1;
	}
	for (i = 0; i < v->o->n; i++)
		if (shown[i])
			v->visible[n++] = (uint32_t)i;
	v->nvisible = n;
	free(shown);
}

/* Recompute the list of visible TOC entries after folding changed. */
static void
toc_rebuild(struct view *v)
{
	size_t i = 0, n = 0;

	if (v->filtering) {
		toc_rebuild_filtered(v);
		return;
	}

	while (i < v->o->n) {
		v->visible[n++] = (uint32_t)i;
		if (v->folded[i]) {
			size_t j = i + 1;

			while (j < v->o->n && v->depth[j] > v->depth[i])
				j++;
			i = j;
		} else {
			i++;
		}
	}
	v->nvisible = n;
}

static bool
has_children(const struct view *v, size_t i)
{
	return i + 1 < v->o->n && v->depth[i + 1] > v->depth[i];
}

/* The top position that shows the end of the document on the last row. */
static size_t
max_top(struct view *v)
{
	size_t t = layout_last_row(&v->lay), p;
	int i;

	for (i = 1; i < v->text_rows; i++) {
		if (!layout_prev_row(&v->lay, t, &p))
			break;
		t = p;
	}
	return t;
}

static void
scroll_down(struct view *v, unsigned long n)
{
	size_t limit = max_top(v), next;
	unsigned long i;

	if (v->top >= limit) {
		view_message(v, "End of document");
		return;
	}
	for (i = 0; i < n && v->top < limit; i++) {
		if (!layout_next_row(&v->lay, v->top, &next))
			break;
		v->top = next;
	}
}

static void
scroll_up(struct view *v, unsigned long n)
{
	size_t prev;
	unsigned long i;

	for (i = 0; i < n; i++) {
		if (!layout_prev_row(&v->lay, v->top, &prev)) {
			if (i == 0)
				view_message(v, "Top of document");
			break;
		}
		v->top = prev;
	}
}

void
view_set_top(struct view *v, size_t off)
{
	if (off > v->doc->len)
		off = v->doc->len;
	v->top = layout_row_start(&v->lay, off);
}

/* A jump: remember where it left from, for ''. */
static void
jump(struct view *v, size_t off)
{
	size_t from = v->top;

	view_set_top(v, off);
	if (v->top != from)
		v->jumped_from = from;
}

void
view_goto_offset(struct view *v, size_t off)
{
	jump(v, off);
}

void
view_set_mark(struct view *v, int c)
{
	int m = anchor_mark_index(c);

	if (m < 0) {
		view_message(v, "Marks are letters: a-z, A-Z");
		return;
	}
	v->mark[m] = v->top;
	v->marks_changed = true;
	view_message(v, "Mark %c set", c);
}

void
view_goto_mark(struct view *v, int c)
{
	int m = anchor_mark_index(c);

	if (c == '\'' || c == '`') {
		if (v->jumped_from == VIEW_NO_PLACE)
			view_message(v, "No earlier position to return to");
		else
			jump(v, v->jumped_from);
		return;
	}
	if (m < 0) {
		view_message(v, "Marks are letters: a-z, A-Z");
		return;
	}
	if (v->mark[m] == VIEW_NO_PLACE) {
		view_message(v, "Mark %c is not set", c);
		return;
	}
	jump(v, v->mark[m]);
}

/* Line numbers are counted from the nearest heading, whose line the
 * outline knows: from the start of the document only when there is
 * none before. */
unsigned long
view_line_at(const struct view *v, size_t off)
{
	long h = outline_find(v->o, off);
	size_t from = 0;
	unsigned long line = 1;

	if (h >= 0) {
		from = v->o->h[h].offset;
		line = v->o->h[h].line - v->o->h[h].text_skip;
	}
	return line + (unsigned long)document_count_lines(v->doc, from, off);
}

/* Where line n starts, or the document's length when it has fewer. */
static size_t
line_offset(const struct view *v, unsigned long n)
{
	const struct outline *o = v->o;
	size_t lo = 0, hi = o->n, from = 0;
	unsigned long line = 1;

	/* the last heading at or before line n */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->h[mid].line - o->h[mid].text_skip <= n)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0) {
		from = document_line_start(v->doc, o->h[lo - 1].offset);
		line = o->h[lo - 1].line - o->h[lo - 1].text_skip;
	}
	return document_skip_lines(v->doc, from, n - line);
}

/* A jump to the row holding off, or to the last screen when that is
 * further down. */
static void
jump_within(struct view *v, size_t off)
{
	size_t limit = max_top(v);

	if (off < v->doc->text_start)
		off = v->doc->text_start;
	off = off >= v->doc->len ? limit : layout_row_start(&v->lay, off);
	jump(v, off < limit ? off : limit);
}

void
view_goto_line(struct view *v, unsigned long n)
{
	jump_within(v, n > 1 ? line_offset(v, n) : 0);
}

void
view_goto_percent(struct view *v, unsigned long pct)
{
	size_t len = v->doc->len - v->doc->text_start;

	if (pct > 100)
		pct = 100;
	jump_within(v, v->doc->text_start + (size_t)((double)len *
	    (double)pct / 100.0));
}

/* C-g: where the top row is, in lines and bytes, as less's = and vim's
 * C-g say.  The document's lines are counted once. */
static void
info(struct view *v)
{
	if (v->nlines == 0)
		v->nlines = document_line_number(v->doc, v->doc->len) -
		    (v->doc->len > 0 && v->doc->data[v->doc->len - 1] == '\n');
	view_message(v, "Line %lu of %lu, byte %zu of %zu",
	    view_line_at(v, v->top), v->nlines, v->top, v->doc->len);
}

void
view_goto_heading(struct view *v, size_t i)
{
	if (i >= v->o->n)
		return;
	view_goto_offset(v, v->o->h[i].offset);
}

bool
view_offset_visible(struct view *v, size_t off)
{
	size_t o = v->top, next;
	int i;

	if (off < v->top)
		return false;
	for (i = 0; i < v->text_rows; i++) {
		if (!layout_next_row(&v->lay, o, &next))
			return true;
		o = next;
	}
	return off < o;
}

void
view_search_show(struct view *v, long k, bool as_jump)
{
	size_t t, p, limit;
	int i;

	if (k < 0 || (size_t)k >= v->search.n)
		return;
	v->search.cur = k;
	if (view_offset_visible(v, v->search.start[k]))
		return;
	t = layout_row_start(&v->lay, v->search.start[k]);
	for (i = 0; i < VIEW_SEARCH_CONTEXT && layout_prev_row(&v->lay, t, &p);
	    i++)
		t = p;
	limit = max_top(v);
	if (t > limit)
		t = limit;
	if (as_jump)
		jump(v, t);
	else
		view_set_top(v, t);
}

static void
not_found(struct view *v)
{
	if (v->search.too_complex)
		view_message(v, "Pattern too complex: the search stopped");
	else
		view_message(v, "Pattern not found: %s", v->search.pattern);
}

/* Show match k, then `more` matches on in the search's direction, round
 * the ends of the document as often as it takes (worked out, not stepped:
 * 99999999n), saying so when it wraps; k outside the matches wraps at
 * once. */
static void
show_wrapping(struct view *v, long k, bool backward, bool as_jump,
    unsigned long more)
{
	size_t n = v->search.n, left;
	bool wrapped = k < 0 || (size_t)k >= n;

	if (wrapped)
		k = backward ? (long)n - 1 : 0;
	left = backward ? (size_t)k : n - 1 - (size_t)k;
	if (more > left)
		wrapped = true;
	more %= n;
	k = backward ? (long)(((size_t)k + n - more) % n)
	    : (long)(((size_t)k + more) % n);
	view_search_show(v, k, as_jump);
	if (wrapped)
		view_message(v, backward ? "Search wrapped around to the bottom"
		    : "Search wrapped around to the top");
}

bool
view_search_from(struct view *v, size_t off, bool as_jump)
{
	bool back = v->search_backward;

	v->search.cur = -1;
	if (v->search.n == 0) {
		not_found(v);
		return false;
	}
	show_wrapping(v, search_find(&v->search, off, back), back, as_jump, 0);
	return true;
}

void
view_search_next(struct view *v, bool reverse, unsigned long count)
{
	bool back = v->search_backward != reverse;
	long cur = v->search.cur, k;

	if (!search_active(&v->search)) {
		view_message(v, "No previous search (/ or ? starts one)");
		return;
	}
	if (v->search.n == 0) {
		not_found(v);
		return;
	}
	/* from the current match while it is on the screen, else from
	 * the top of the screen */
	if (cur >= 0 && view_offset_visible(v, v->search.start[cur]))
		k = back ? cur - 1 : cur + 1;
	else
		k = search_find(&v->search, v->top, back);
	show_wrapping(v, k, back, true, count > 1 ? count - 1 : 0);
}

/* ] : the first heading below the top. */
static void
next_section(struct view *v)
{
	long c = view_current(v);
	size_t i = (size_t)(c + 1);

	if (i >= v->o->n) {
		view_message(v, v->o->n ? "No next section" : "No sections");
		return;
	}
	view_goto_heading(v, i);
}

/* [ : this section's own heading, then the one before. */
static void
prev_section(struct view *v)
{
	long c = view_current(v);

	if (c < 0) {
		view_message(v, v->o->n ? "No previous section" : "No sections");
		return;
	}
	if (layout_row_start(&v->lay, v->o->h[c].offset) < v->top) {
		view_goto_heading(v, (size_t)c);
		return;
	}
	if (c == 0) {
		view_message(v, "No previous section");
		return;
	}
	view_goto_heading(v, (size_t)c - 1);
}

/* } : the next heading of the same or a higher level. */
static void
next_sibling(struct view *v)
{
	long c = view_current(v);
	size_t j;

	if (c < 0) {
		next_section(v);
		return;
	}
	for (j = (size_t)c + 1; j < v->o->n; j++)
		if (v->o->h[j].level <= v->o->h[c].level) {
			view_goto_heading(v, j);
			return;
		}
	view_message(v, "No next section at this level");
}

/* { : this section's heading, then the previous one of its level. */
static void
prev_sibling(struct view *v)
{
	long c = view_current(v), j;

	if (c < 0) {
		view_message(v, "No previous section");
		return;
	}
	if (layout_row_start(&v->lay, v->o->h[c].offset) < v->top) {
		view_goto_heading(v, (size_t)c);
		return;
	}
	for (j = c - 1; j >= 0; j--)
		if (v->o->h[j].level <= v->o->h[c].level) {
			view_goto_heading(v, (size_t)j);
			return;
		}
	view_message(v, "No previous section at this level");
}

static void
toc_select(struct view *v, long k)
{
	if (v->nvisible == 0)
		return;
	if (k < 0)
		k = 0;
	if ((size_t)k >= v->nvisible)
		k = (long)v->nvisible - 1;
	v->sel = v->visible[k];
	view_toc_scroll_to(v, (size_t)k);
}

static void
toc_fold(struct view *v, bool fold)
{
	long k;

	if (v->o->n == 0)
		return;
	if (fold && !has_children(v, v->sel)) {
		/* folding a leaf folds its parent, as in most tree views */
		size_t p = v->sel;

		while (p > 0 && v->depth[p - 1] >= v->depth[v->sel])
			p--;
		if (p > 0 && v->depth[p - 1] < v->depth[v->sel])
			v->sel = p - 1;
		else
			return;
	}
	v->folded[v->sel] = fold && has_children(v, v->sel);
	toc_rebuild(v);
	k = view_visible_index(v, v->sel);
	toc_select(v, k);
}

static void
toc_fold_all(struct view *v, bool fold)
{
	size_t i;
	long k;

	for (i = 0; i < v->o->n; i++)
		v->folded[i] = fold && v->depth[i] == 0 && has_children(v, i);
	toc_rebuild(v);
	if (fold)
		while (v->sel > 0 && v->depth[v->sel] > 0)
			v->sel--;
	k = view_visible_index(v, v->sel);
	toc_select(v, k < 0 ? 0 : k);
}

/* Select the first entry the TOC filter matches, if any. */
static void
toc_select_match(struct view *v)
{
	size_t k;

	for (k = 0; k < v->nvisible; k++)
		if (v->filter_match[v->visible[k]]) {
			toc_select(v, (long)k);
			break;
		}
}

size_t
view_toc_filter(struct view *v, const char *q)
{
	size_t n = 0;

	v->filtering = q != NULL && q[0] != '\0' && v->o->n > 0;
	free(v->filter_query);
	v->filter_query = NULL;
	if (v->filtering) {
		if (v->filter_match == NULL)
			v->filter_match = xcalloc(v->capknown, 1);
		n = finder_filter(v->o, q, v->filter_match);
		v->filter_query = xstrdup(q);
	}
	toc_rebuild(v);
	v->toc_first = 0;
	if (!v->filtering) {
		long i = view_visible_index(v, v->sel);

		toc_select(v, i < 0 ? 0 : i);
		return 0;
	}
	toc_select_match(v);
	return n;
}

void
view_follow(struct view *v, size_t old_top)
{
	long c;

	if (!v->toc_focus || v->top == old_top)
		return;
	c = view_current_visible(v);
	if (c >= 0)
		toc_select(v, view_visible_index(v, (size_t)c));
}

static void
focus(struct view *v)
{
	long c;

	if (!v->toc_shown) {
		view_message(v, v->o->n < 2 ? "No table of contents"
		    : "The table of contents is hidden (t shows it)");
		return;
	}
	v->toc_focus = !v->toc_focus;
	if (v->toc_focus) {
		c = view_current_visible(v);
		toc_select(v, c < 0 ? 0 : view_visible_index(v, (size_t)c));
	}
}

static void
set_measure(struct view *v, int m)
{
	if (m < VIEW_MIN_MEASURE)
		m = VIEW_MIN_MEASURE;
	if (m > VIEW_MAX_MEASURE)
		m = VIEW_MAX_MEASURE;
	v->measure = m;
	view_resize(v, v->screen_cols, v->screen_rows);
	view_message(v, "Width %d", v->text_cols);
}

void
view_act(struct view *v, enum action a)
{
	view_act_count(v, a, 0);
}

unsigned long
view_count_rows(const struct view *v, enum action a, unsigned long count)
{
	unsigned long n = count > 0 ? count : 1;
	unsigned long page = v->text_rows > 1 ? (unsigned long)v->text_rows - 1
	    : 1;

	if (a == ACT_HALF_DOWN || a == ACT_HALF_UP) {
		if (count > 0)
			return count;
		if (v->half > 0)
			return v->half;
		return v->text_rows / 2 > 0 ? (unsigned long)v->text_rows / 2
		    : 1;
	}
	if (a != ACT_PAGE_DOWN && a != ACT_PAGE_UP)
		return n;
	return n > ULONG_MAX / page ? ULONG_MAX : n * page;
}

void
view_keep_half(struct view *v, enum action a, unsigned long count)
{
	if ((a == ACT_HALF_DOWN || a == ACT_HALF_UP) && count > 0)
		v->half = count;
}

void
view_act_count(struct view *v, enum action a, unsigned long count)
{
	unsigned long n = count > 0 ? count : 1;
	long step = count > LONG_MAX / 2 ? LONG_MAX / 2 : (long)n;

	view_keep_half(v, a, count);
	switch (a) {
	case ACT_LINE_DOWN:
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		scroll_down(v, view_count_rows(v, a, count));
		break;
	case ACT_LINE_UP:
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		scroll_up(v, view_count_rows(v, a, count));
		break;
	case ACT_TOP:
		if (count > 0)
			view_goto_line(v, count);
		else
			view_goto_offset(v, 0);
		break;
	case ACT_BOTTOM:
		if (count > 0)
			view_goto_line(v, count);
		else
			jump(v, max_top(v));
		break;
	case ACT_PERCENT: view_goto_percent(v, count); break;
	case ACT_INFO: info(v); break;
	case ACT_NEXT_SECTION: next_section(v); break;
	case ACT_PREV_SECTION: prev_section(v); break;
	case ACT_NEXT_SIBLING: next_sibling(v); break;
	case ACT_PREV_SIBLING: prev_sibling(v); break;
	case ACT_TOGGLE_TOC:
		if (v->o->n < 2) {
			view_message(v, "No table of contents");
			break;
		}
		if (!v->toc_shown && v->screen_cols < VIEW_TOC_MIN_COLS) {
			view_message(v, "Too narrow for the table of contents "
			    "(%d columns needed)", VIEW_TOC_MIN_COLS);
			break;
		}
		v->toc_wanted = !v->toc_shown;
		view_resize(v, v->screen_cols, v->screen_rows);
		break;
	case ACT_FOCUS: focus(v); break;
	case ACT_NARROWER: set_measure(v, v->text_cols - MEASURE_STEP); break;
	case ACT_WIDER: set_measure(v, v->text_cols + MEASURE_STEP); break;
	case ACT_HELP: v->help = true; break;
	case ACT_QUIT: v->quit = true; break;
	case ACT_TOC_DOWN:
		toc_select(v, view_visible_index(v, v->sel) + step);
		break;
	case ACT_TOC_UP:
		toc_select(v, view_visible_index(v, v->sel) - step);
		break;
	case ACT_TOC_OPEN:
		view_goto_heading(v, v->sel);
		v->toc_focus = false;
		break;
	case ACT_SEARCH_NEXT: view_search_next(v, false, n); break;
	case ACT_SEARCH_PREV: view_search_next(v, true, n); break;
	case ACT_TOC_FOLD: toc_fold(v, true); break;
	case ACT_TOC_UNFOLD: toc_fold(v, false); break;
	case ACT_TOC_FOLD_ALL: toc_fold_all(v, true); break;
	case ACT_TOC_UNFOLD_ALL: toc_fold_all(v, false); break;
	default: break;
	}
	if (!v->toc_focus && v->toc_shown) {
		long c = view_current_visible(v);

		if (c >= 0)
			view_toc_scroll_to(v,
			    (size_t)view_visible_index(v, (size_t)c));
	}
}

static bool
row_is_heading(struct view *v, size_t seg_start)
{
	long h = outline_find(v->o, seg_start);

	return h >= 0 && seg_start <= outline_heading_end(v->o, v->doc,
	    (size_t)h);
}

size_t
view_rows(struct view *v, struct view_row *out, size_t max)
{
	size_t n = 0, off = v->top;

	/* row after row of each segment, laid out once */
	v->bottom_for = VIEW_NO_PLACE;
	while (n < max) {
		struct segment s;
		const struct wrap_row *rows;
		size_t nr, i = 0;
		bool heading;
		enum furniture furniture;

		layout_segment(&v->lay, off, &s);
		rows = layout_rows(&v->lay, &s, &nr);
		while (i + 1 < nr && rows[i + 1].start <= off)
			i++;
		heading = row_is_heading(v, s.start);
		furniture = heading ? FURNITURE_NONE :
		    layout_furniture(&v->lay, &s);
		for (; i < nr && n < max; i++) {
			out[n].seg_start = s.start;
			out[n].row = rows[i];
			out[n].heading = heading;
			out[n].furniture = furniture;
			n++;
		}
		if (i < nr) {
			v->bottom = rows[i].start;
			break;
		}
		if (s.next >= v->doc->len) {
			v->bottom = v->doc->len;
			break;
		}
		off = s.next;
		v->bottom = off;
	}
	if (n == max || v->bottom == v->doc->len) {
		v->bottom_for = v->top;
		v->bottom_width = v->text_cols;
		v->bottom_rows = (int)max;
	}
	return n;
}

int
view_percent(struct view *v)
{
	size_t off = v->top, next;
	int i;

	if (v->doc->len <= v->doc->text_start)
		return 100;
	/* the screen just drawn knows where it ends */
	if (v->bottom_for == v->top && v->bottom_width == v->text_cols &&
	    v->bottom_rows == v->text_rows)
		return document_percent(v->doc, v->bottom);
	for (i = 0; i < v->text_rows; i++) {
		if (!layout_next_row(&v->lay, off, &next))
			return 100;
		off = next;
	}
	return document_percent(v->doc, off);
}
