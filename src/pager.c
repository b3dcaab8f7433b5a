/* The pager loop: draw, read a key, turn it into an action on the view;
 * restore the reading position at the start and save it at quiet
 * moments and at the end. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "finder.h"
#include "keymap.h"
#include "lineedit.h"
#include "pager.h"
#include "screen.h"
#include "view.h"
#include "xalloc.h"

/* How often the loop wakes to notice signals while no key comes. */
#define PAGER_TICK_MS 200
/* While the outline is being built, the TOC and the progress are brought
 * up to date this often. */
#define PAGER_INDEX_TICK_MS 100
/* ... and more often while it is young */
#define PAGER_INDEX_FIRST_TICK_MS 10
#define PAGER_INDEX_FIRST_MS 300
/* A pipe still being read: the document takes in what came when that
 * doubles it, or this long after it last grew, plus a millisecond for
 * each PAGER_GROW_BYTES_PER_MS it holds (it is indexed again each time,
 * at about 1.5 ms a MiB). */
#define PAGER_GROW_MS 200
#define PAGER_GROW_BYTES_PER_MS (64u << 10)
#define PAGER_FOLLOWING "Following the pipe as it comes (a key stops)"
#define PAGER_FOLLOWING_FILE "Following the file as it grows (a key stops)"
/* A position that has not changed for this long is saved. */
#define PAGER_QUIET_MS 1500
#define KEY_ESC 27
/* A count typed before a key stops growing here. */
#define PAGER_COUNT_MAX 999999999UL
#define CTRL(c) ((c) & 0x1f)

/* The prompts' line editors, which keep their histories for the session
 * (the search history also in the store). */
struct prompts {
	struct lineedit search, go, filter;
	struct bookmarks *bm;
};

/* The bookmark side of a session: what was last saved, and when the
 * position last moved. */
struct session {
	const struct pager_options *opt;
	const struct document *doc;
	const struct outline *o;
	size_t saved_top;
	long saved_section;
	size_t last_top;         /* where the last key left the view */
	bool cut_said;           /* "the file was cut short" was shown */
	bool missing_said;       /* and that a library is missing */
	struct timespec moved;
	/* Restored from the record at the document's path and size, the
	 * fingerprint not compared yet: that is done once the first screen
	 * is out (session_verify), with the record's fingerprint. */
	bool verify;
	struct fingerprint record_fp;
	struct timespec grown;   /* when a pipe being read last grew it */
};

static void resize(struct screen *s, struct view *v);

/* Microseconds since t. */
static long
us_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t->tv_sec) * 1000000 +
	    (now.tv_nsec - t->tv_nsec) / 1000;
}

/* The worker building the outline of the document being read, or NULL.
 * The reader holds the outline's lock except while it waits for a key
 * (indexer.h); after each wait the view takes in the new headings. */
static struct indexer *reading_ix;
/* The document when it is a pipe still being read, or NULL. */
static const struct document *reading_pipe;

static void
index_sync(struct view *v)
{
	if (reading_ix == NULL)
		return;
	view_outline_sync(v);
	v->indexed_to = indexer_scanned(reading_ix);
	v->indexing = indexer_done(reading_ix) ? -1
	    : indexer_percent(reading_ix);
}

/* The worker starts with the first wait for a key: the first screen is
 * drawn before it competes for the processor. */
static void
index_begin(void)
{
	if (reading_ix != NULL && reading_ix->pending)
		indexer_start(reading_ix);
}

/* Before waiting ms for a key: the worker may change the outline
 * meanwhile, and the wait is cut short to show its progress.  Returns the
 * time to wait. */
static int
wait_begin(int ms)
{
	if (!indexer_done(reading_ix)) {
		/* a document of a few MiB is indexed in a few tens of ms:
		 * its TOC comes soon after the text */
		int tick = !reading_ix->started || us_since(&reading_ix->began)
		    < PAGER_INDEX_FIRST_MS * 1000L ? PAGER_INDEX_FIRST_TICK_MS
		    : PAGER_INDEX_TICK_MS;

		if (ms > tick)
			ms = tick;
	}
	if (reading_pipe != NULL && document_growing(reading_pipe) &&
	    ms > PAGER_INDEX_TICK_MS)
		ms = PAGER_INDEX_TICK_MS;
	index_begin();
	indexer_release(reading_ix);
	return ms;
}

/* After the wait: the outline is the reader's again, with what is new. */
static void
wait_end(struct view *v)
{
	indexer_hold(reading_ix);
	index_sync(v);
}

/* screen_key and screen_read, letting the worker work meanwhile. */
static int
wait_key(struct screen *s, struct view *v, int ms)
{
	int key = screen_key(s, wait_begin(ms));

	wait_end(v);
	return key;
}

static bool
wait_read(struct screen *s, struct view *v, int ms, bool *fn, uint32_t *ch)
{
	bool got = screen_read(s, wait_begin(ms), fn, ch);

	wait_end(v);
	return got;
}

/* Does the outline know what action a needs?  While it is being built,
 * sections past the indexed part are not known yet. */
static bool
index_has(const struct view *v, enum action a)
{
	const struct outline *o = v->o;
	long c = view_current(v);
	size_t j;

	if (indexer_done(reading_ix))
		return true;
	if (v->toc_focus) {
		if (a == ACT_BOTTOM)
			return false;
		if (a == ACT_TOC_DOWN || a == ACT_NEXT_SECTION)
			return v->nvisible > 0 &&
			    v->sel != v->visible[v->nvisible - 1];
	}
	switch (a) {
	case ACT_PREV_SECTION:
	case ACT_PREV_SIBLING:
		return v->top < v->indexed_to;
	case ACT_NEXT_SECTION:
		return o->n > 0 && o->h[o->n - 1].offset > v->top;
	case ACT_NEXT_SIBLING:
		if (v->top >= v->indexed_to)
			return false;
		for (j = (size_t)(c + 1); j < o->n; j++)
			if (c < 0 || o->h[j].level <= o->h[c].level)
				return true;
		return false;
	default:
		return true;
	}
}

/* Wait for the outline to have what ready() asks of it, or to be complete,
 * with the progress on the status line.  A key stops waiting (false). */
static bool
index_wait(struct screen *s, struct view *v,
    bool (*ready)(const struct view *, enum action), enum action a)
{
	while (!indexer_done(reading_ix) && !ready(v, a)) {
		int key;

		view_message(v, "Indexing %d%%: waiting for the sections "
		    "(a key stops)", indexer_percent(reading_ix));
		screen_draw(s, v);
		key = wait_key(s, v, PAGER_INDEX_TICK_MS);
		v->msg[0] = '\0';
		if (screen_interrupted())
			return false;
		if (key == KEY_RESIZE) {
			resize(s, v);
		} else if (key != -1) {
			view_message(v, "Stopped waiting: the document is "
			    "%d%% indexed", indexer_percent(reading_ix));
			return false;
		}
	}
	return true;
}

static bool
index_complete(const struct view *v, enum action a)
{
	(void)v;
	(void)a;
	return indexer_done(reading_ix);
}

/* The anchor of the place at off.  Past the indexed part its section is
 * not known yet: the last one known before it would misplace it in a
 * document that changed. */
static void
place_anchor(struct anchor *a, const struct session *se,
    const struct view *v, size_t off)
{
	if (off < v->indexed_to)
		anchor_make(a, se->o, se->doc->len, off);
	else
		anchor_make_unplaced(a, se->doc->len, off);
}

static void
session_save(struct session *se, struct view *v)
{
	struct bookmark b;
	struct buf section = BUF_INIT;
	long cur = view_current(v);
	int i;

	/* a pipe not read to its end has no content to be found by */
	if (se->opt->bm == NULL || v->reading)
		return;
	bookmark_init(&b);
	place_anchor(&b.pos, se, v, v->top);
	for (i = 0; i < ANCHOR_MARKS; i++) {
		if (v->mark[i] == VIEW_NO_PLACE)
			continue;
		b.has_mark[i] = true;
		place_anchor(&b.marks[i], se, v, v->mark[i]);
	}
	b.title = se->opt->title != NULL ? se->opt->title
	    : outline_doc_title(se->o, se->doc);
	if (cur >= 0 && v->top < v->indexed_to)
		buf_add(&section, outline_title(se->o, (size_t)cur),
		    outline_title_len(se->o, (size_t)cur));
	b.section = buf_str(&section);
	b.percent = view_percent(v);
	bookmarks_save(se->opt->bm, se->opt->key, &b);
	bookmark_fini(&b);
	buf_fini(&section);
	se->saved_top = v->top;
	se->saved_section = cur;
	v->marks_changed = false;
}

static size_t
resolve(const struct bookmark *b, const struct anchor *a,
    const struct document *doc, const struct outline *o)
{
	return b->same ? a->offset : anchor_resolve(a, o, doc->len);
}

/* Go where the store says the document was left.  wait: the outline is
 * being built again (a pipe that just ended): wait for it when there is
 * a record, so that the message names the section. */
static void
session_restore(struct session *se, struct view *v, struct screen *s,
    bool wait)
{
	struct bookmark b;
	long cur;
	int i;

	bookmark_init(&b);
	if (bookmarks_load(se->opt->bm, se->opt->key, &b)) {
		se->verify = b.unverified;
		se->record_fp = b.fp;
		/* a document that changed is found again by its sections */
		if (!b.same || wait)
			index_wait(s, v, index_complete, ACT_NONE);
		view_set_top(v, resolve(&b, &b.pos, se->doc, se->o));
		for (i = 0; i < ANCHOR_MARKS; i++)
			if (b.has_mark[i])
				v->mark[i] = resolve(&b, &b.marks[i], se->doc,
				    se->o);
		cur = view_current(v);
		if (cur >= 0)
			view_message(v, "Resumed at \xC2\xA7%ld %.*s (%d%%)%s",
			    cur + 1, (int)outline_title_len(se->o, (size_t)cur),
			    outline_title(se->o, (size_t)cur),
			    view_percent(v), b.same ? ""
			    : "; the document changed since");
		else
			view_message(v, "Resumed at %d%%%s", view_percent(v),
			    b.same ? "" : "; the document changed since");
	}
	bookmark_fini(&b);
}

/* What was restored is what is saved: nothing to save until it moves. */
static void
session_settle(struct session *se, struct view *v)
{
	se->saved_top = v->top;
	se->saved_section = view_current(v);
	se->last_top = v->top;
	clock_gettime(CLOCK_MONOTONIC, &se->moved);
}

static void
session_init(struct session *se, const struct pager_options *opt,
    const struct document *doc, const struct outline *o, struct view *v,
    struct screen *s)
{
	se->opt = opt;
	se->cut_said = false;
	se->missing_said = false;
	se->verify = false;
	se->doc = doc;
	se->o = o;
	if (opt->bm != NULL && opt->section < 0 && !v->reading)
		session_restore(se, v, s, false);
	session_settle(se, v);
	clock_gettime(CLOCK_MONOTONIC, &se->grown);
}

/* The document grew: the outline is built again from the start, in the
 * background (with a worker set up for it when the document had none);
 * the view keeps its place and its TOC. */
static void
session_regrow(struct session *se, struct view *v)
{
	const struct pager_options *opt = se->opt;

	outline_restart(opt->grow_o, opt->grow_doc, opt->format);
	if (reading_ix == NULL)
		reading_ix = opt->grow_ix;
	indexer_init(reading_ix, opt->grow_o, opt->grow_doc);
	clock_gettime(CLOCK_MONOTONIC, &se->grown);
	/* its content changed: found by it again when saved */
	if (opt->key != NULL) {
		opt->key->size = opt->grow_doc->len;
		opt->key->doc = opt->grow_doc;
	}
	view_grown(v);
}

/* Is it time to take in what came?  When it doubles the document, or
 * PAGER_GROW_MS after the last time, plus a millisecond for each
 * PAGER_GROW_BYTES_PER_MS the document holds. */
static bool
grow_due(const struct session *se, size_t len, size_t to)
{
	return to / 2 >= len || us_since(&se->grown) >=
	    (PAGER_GROW_MS + (long)(len / PAGER_GROW_BYTES_PER_MS)) * 1000L;
}

/* The file grew: map it again, its worker stopped first, and build its
 * outline again in the background.  False, and said, when it could not
 * be read again (it is shown as it was). */
static bool
session_refresh_file(struct session *se, struct view *v)
{
	bool ok;

	view_growing(v);
	if (reading_ix != NULL)
		indexer_stop(reading_ix);
	ok = document_refresh(se->opt->grow_doc) > 0;
	if (!ok)
		view_message(v, "The file could not be read again: it is "
		    "shown as it was");
	/* built again even when not mapped again: the worker was stopped */
	session_regrow(se, v);
	index_sync(v);
	return ok;
}

/* F on a file: map it again when it grew (a log being written).  A file
 * replaced at its path (a log rotated) or cut short stops it. */
static void
session_follow_file(struct session *se, struct view *v)
{
	struct document *doc = se->opt->grow_doc;
	int grew = document_file_grew(doc);

	if (grew < 0) {
		v->follow = false;
		view_message(v, "The file was replaced or cut short: it is "
		    "shown as it was");
		return;
	}
	if (grew == 0 || !grow_due(se, doc->len, doc->len + 1))
		return;
	if (!session_refresh_file(se, v))
		v->follow = false;
	if (v->follow)
		view_act(v, ACT_BOTTOM);
}

/* G on a file that grew since it was mapped (a log): it is mapped again
 * first, as less reads a file to its end then.  Not one replaced or cut
 * short: that is shown as it was. */
static void
pager_bottom_file(struct session *se, struct view *v)
{
	struct document *doc = se->opt->grow_doc;

	if (doc != NULL && se->opt->grow_ix != NULL && !v->reading &&
	    document_can_grow(doc) && document_file_grew(doc) > 0)
		session_refresh_file(se, v);
}

/* A pipe still being read: take in what came when it is time
 * (grow_due), and all of it at its end.  A file followed (F): what was
 * added to it. */
static void
session_grow(struct session *se, struct view *v, struct screen *s)
{
	const struct pager_options *opt = se->opt;
	struct document *doc = opt->grow_doc;
	size_t to, len;
	bool ended, follow = v->follow;

	if (doc == NULL || opt->grow_ix == NULL)
		return;
	if (!v->reading) {
		if (v->follow)
			session_follow_file(se, v);
		return;
	}
	/* read on to DOCUMENT_FEED_AHEAD bytes past the place */
	document_feed_want(doc, v->top + DOCUMENT_FEED_AHEAD);
	len = doc->len;
	to = document_feed_next(doc, &ended);
	v->read_bytes = document_feed_read(doc);
	if (!ended && (to == len || !grow_due(se, len, to)))
		return;
	if (to != len) {
		view_growing(v);
		if (reading_ix != NULL)
			indexer_stop(reading_ix);
		document_feed_take(doc, to);
		session_regrow(se, v);
	}
	if (ended) {
		const char *why = document_feed_error(doc);

		v->reading = false;
		if (why != NULL)
			view_message(v, "%s: %s", doc->name, why);
		else if (v->follow)
			view_message(v, "The pipe ended");
		v->follow = false;
		/* a TOC kept while reading goes if it has too few */
		view_resize(v, v->screen_cols, v->screen_rows);
	}
	index_sync(v);
	if (to != len && follow)
		view_act(v, ACT_BOTTOM);
	/* whole now, its content known: where it was left is found, if
	 * the reader has not moved meanwhile (man bash takes 0.4 s) */
	if (ended && opt->bm != NULL && opt->section < 0 &&
	    v->top == se->saved_top && se->last_top == se->saved_top) {
		session_restore(se, v, s, true);
		session_settle(se, v);
	}
}

/* F, as in less: the end, kept in view as a pipe brings more or a file
 * grows, until a key. */
static void
pager_follow(struct session *se, struct view *v)
{
	const struct document *doc = se->doc;

	view_act(v, ACT_BOTTOM);
	if (v->reading) {
		v->follow = true;
		view_message(v, PAGER_FOLLOWING);
	} else if (se->opt->grow_doc != NULL && se->opt->grow_ix != NULL &&
	    document_can_grow(doc)) {
		v->follow = true;
		view_message(v, PAGER_FOLLOWING_FILE);
	} else {
		view_message(v, "Nothing more will come: %s",
		    doc->path == NULL && doc->source != DOC_EMPTY
		    ? "the pipe ended"
		    : "F follows a pipe, or a file as it grows");
	}
}

/* The first screen is out: compare the fingerprints of a restore that
 * assumed the document unchanged (same path and size).  When it did
 * change, restore again knowing it (found by its sections, or another
 * record of the same content).  Returns true when the view moved. */
static bool
session_verify(struct session *se, struct view *v, struct screen *s)
{
	se->verify = false;
	bookmarks_key_fingerprint(se->opt->key);
	if (memcmp(se->opt->key->fp.b, se->record_fp.b,
	    sizeof se->record_fp.b) == 0)
		return false;
	session_restore(se, v, s, false);
	session_settle(se, v);
	return true;
}

/* After a key: save when the section changed or a mark was set; note
 * when the position moved, to save it once it rests. */
static void
session_after_key(struct session *se, struct view *v)
{
	if (v->top != se->last_top) {
		se->last_top = v->top;
		clock_gettime(CLOCK_MONOTONIC, &se->moved);
	}
	if (view_current(v) != se->saved_section || v->marks_changed)
		session_save(se, v);
}

static void
session_idle(struct session *se, struct view *v)
{
	if (v->top != se->saved_top && us_since(&se->moved) >= PAGER_QUIET_MS * 1000L)
		session_save(se, v);
}

static void
show_warning(struct view *v, struct session *se)
{
	const struct pager_options *opt = se->opt;
	const char *w;

	if (document_cut_short() && !se->cut_said) {
		se->cut_said = true;
		view_message(v, "The file was cut short by another program: "
		    "what is gone shows as blank lines");
		return;
	}
	/* (the outline is the reader's between keys: the worker may set
	 * this, under the lock, only while a key is awaited) */
	if (se->o->missing != NULL && !se->missing_said) {
		se->missing_said = true;
		view_message(v, "%s", se->o->missing);
		return;
	}
	if (opt->bm != NULL && (w = bookmarks_warning(opt->bm)) != NULL)
		view_message(v, "%s", w);
}

/* A bad configuration line is worth knowing before anything else: the
 * first one (all of them went to standard error). */
static void
config_note(struct view *v, const struct settings *set)
{
	const char *w = buf_str(&set->warnings);
	int n = (int)strcspn(w, "\n");

	if (set->nwarnings > 1)
		view_message(v, "%.*s (and %zu more)", n, w,
		    set->nwarnings - 1);
	else
		view_message(v, "%.*s", n, w);
}

/* A file with NUL bytes near its start is shown all the same, with a
 * note (as less says "may be a binary file"). */
static void
binary_note(struct view *v, const struct document *doc)
{
	if (document_looks_binary(doc))
		view_message(v, "This looks like a binary file: NUL bytes "
		    "show as ^@");
}

static void
pager_help(struct screen *s, struct view *v, const struct keymap *km)
{
	int key;

	s->help_first = 0;
	for (;;) {
		screen_draw_help(s, km);
		key = wait_key(s, v, PAGER_TICK_MS);
		if (screen_interrupted())
			return;
		if (key == -1 || key == KEY_RESIZE)
			continue;
		if (key == 'j' || key == KEY_DOWN)
			s->help_first++;
		else if ((key == 'k' || key == KEY_UP) && s->help_first > 0)
			s->help_first--;
		else
			return;
	}
}

static void
resize(struct screen *s, struct view *v)
{
	int cols, rows;

	screen_size(s, &cols, &rows);
	view_resize(v, cols, rows);
}

/* The key after m or ': shown as a prompt; -1 when cancelled. */
static int
pager_letter(struct screen *s, struct view *v, const char *prompt)
{
	int key;

	for (;;) {
		view_message(v, "%s", prompt);
		screen_draw(s, v);
		key = wait_key(s, v, PAGER_TICK_MS);
		v->msg[0] = '\0';
		if (screen_interrupted() || key == KEY_ESC)
			return -1;
		if (key == KEY_RESIZE)
			resize(s, v);
		else if (key != -1)
			return key;
	}
}

static void
pager_mark(struct screen *s, struct view *v, enum action a)
{
	int c = pager_letter(s, v, a == ACT_SET_MARK ? "mark: " : "goto mark: ");

	if (c < 0)
		return;
	if (a == ACT_SET_MARK)
		view_set_mark(v, c);
	else
		view_goto_mark(v, c);
}

/* Read a key for a prompt, drawing first and following resizes; false
 * when a terminating signal arrived. */
static bool
prompt_key(struct screen *s, struct view *v, bool *fn, uint32_t *ch)
{
	for (;;) {
		screen_draw(s, v);
		if (!wait_read(s, v, PAGER_TICK_MS, fn, ch)) {
			if (screen_interrupted())
				return false;
			continue;
		}
		if (*fn && *ch == KEY_RESIZE) {
			resize(s, v);
			continue;
		}
		return true;
	}
}

/* Moving through a list from a prompt: +1 (Down, C-n, Tab), -1 (Up, C-p,
 * Shift-Tab) or 0 (any other key). */
static int
list_step(bool fn, uint32_t ch)
{
	if (fn)
		return ch == KEY_DOWN ? 1 : ch == KEY_UP || ch == KEY_BTAB ? -1
		    : 0;
	return ch == CTRL('n') || ch == '\t' ? 1 : ch == CTRL('p') ? -1 : 0;
}

/* Run the prompt until Enter (true) or a cancel (false).  on_edit is
 * called after every change to the line; on_step (may be NULL) takes the
 * keys that move through a list. */
static bool
prompt_run(struct screen *s, struct view *v, struct lineedit *e,
    const char *label, void (*on_edit)(struct view *v, const char *t,
    void *arg), void (*on_step)(struct view *v, int step, void *arg),
    void *arg)
{
	enum lineedit_result r = LINEEDIT_CANCEL;
	bool fn;
	uint32_t ch;

	lineedit_start(e);
	v->prompt = label;
	v->edit = e;
	v->msg[0] = '\0';
	while (prompt_key(s, v, &fn, &ch)) {
		int step = on_step != NULL ? list_step(fn, ch) : 0;

		if (step != 0) {
			on_step(v, step, arg);
			continue;
		}
		r = lineedit_key(e, fn, ch);
		if (r == LINEEDIT_ACCEPT || r == LINEEDIT_CANCEL)
			break;
		if (r == LINEEDIT_EDITED) {
			v->msg[0] = '\0';
			/* the key shows before what it starts (a search of a
			 * large document) is done */
			screen_draw(s, v);
			on_edit(v, lineedit_text(e), arg);
		}
	}
	v->prompt = NULL;
	v->edit = NULL;
	return r == LINEEDIT_ACCEPT;
}

/* The search as it was before a prompt (its pattern and matches, kept
 * aside rather than found again), to go back to on Esc or on a bad
 * pattern. */
struct search_origin {
	size_t top;
	struct search saved;
	bool backward;
};

static void
search_restore(struct view *v, struct search_origin *o)
{
	search_fini(&v->search);
	v->search = o->saved;
	v->search_backward = o->backward;
}

/* Incremental search: every change moves the view to the first match
 * from where the search started. */
static void
search_edited(struct view *v, const char *t, void *arg)
{
	const struct search_origin *o = arg;
	char msg[SEARCH_MSG_MAX];

	view_set_top(v, o->top);
	if (t[0] == '\0') {
		search_clear(&v->search);
		return;
	}
	if (search_compile(&v->search, t, v->doc, msg) != 0) {
		search_clear(&v->search); /* half typed: wait for more */
		return;
	}
	/* stopped by the next key, which searches again: typing never
	 * waits for a whole large document (pager_search) */
	if (v->search.interrupted) {
		search_clear(&v->search);
		return;
	}
	view_search_from(v, o->top, false);
}

static bool
key_waiting(void *arg, size_t at)
{
	(void)at;
	return screen_key_pending(arg);
}

/* The whole search after Enter: how it goes, on the status line once it
 * takes a while, until it ends, a key stops it or a signal ends folio. */
struct search_watch {
	struct screen *s;
	struct view *v;
	struct timespec shown;
	bool by_key;   /* a key stopped it */
	int percent;   /* how far it had got then */
};

/* Long work (a search, a long scroll) asks between its steps: does it
 * stop?  A key waiting stops it (and is used up), a resize is followed,
 * a signal stops it too (screen_interrupted says which). */
static bool
key_stops(struct screen *s, struct view *v)
{
	int key;

	if (!screen_key_pending(s))
		return false;
	key = wait_key(s, v, 0);
	if (screen_interrupted())
		return true;
	if (key == KEY_RESIZE) {
		resize(s, v);
		return false;
	}
	return key != -1;
}

/* And its progress, in v's message, once every PAGER_INDEX_TICK_MS since
 * *shown: drawn, then gone from the message. */
static void
show_progress(struct screen *s, struct view *v, struct timespec *shown)
{
	screen_draw(s, v);
	v->msg[0] = '\0';
	clock_gettime(CLOCK_MONOTONIC, shown);
}

static bool
progress_due(const struct timespec *shown)
{
	return us_since(shown) >= PAGER_INDEX_TICK_MS * 1000L;
}

static bool
search_watched(void *arg, size_t at)
{
	struct search_watch *w = arg;

	if (key_stops(w->s, w->v)) {
		w->by_key = !screen_interrupted();
		w->percent = document_percent(w->v->doc, at);
		return true;
	}
	if (progress_due(&w->shown)) {
		view_message(w->v, "Searching: %d%% (a key stops)",
		    document_percent(w->v->doc, at));
		show_progress(w->s, w->v, &w->shown);
	}
	return false;
}

static void
history_entry(const char *entry, void *arg)
{
	lineedit_history_add(arg, entry);
}

static void
pager_search(struct screen *s, struct view *v, struct prompts *p,
    bool backward)
{
	struct search_origin o;
	struct search_watch w = { s, v, { 0, 0 }, false, 0 };
	char msg[SEARCH_MSG_MAX], *t;
	bool accepted;

	v->search_hidden = false;
	o.top = v->top;
	o.saved = v->search;
	o.backward = v->search_backward;
	search_init(&v->search);
	v->search_backward = backward;
	/* while typing, a search gives way to the next key */
	v->search.stop = key_waiting;
	v->search.stop_arg = s;
	accepted = prompt_run(s, v, &p->search, backward ? "?" : "/",
	    search_edited, NULL, &o);
	/* the whole search after Enter shows how far it is, and stops on a
	 * key (or C-c, which ends folio, as everywhere) */
	clock_gettime(CLOCK_MONOTONIC, &w.shown);
	v->search.stop = search_watched;
	v->search.stop_arg = &w;
	if (!accepted) {
		search_restore(v, &o);
		view_set_top(v, o.top);
		return;
	}
	/* Enter on an empty line repeats the last search (as in less). */
	t = xstrdup(lineedit_text(&p->search)[0] != '\0'
	    ? lineedit_text(&p->search) : search_active(&o.saved)
	    ? o.saved.pattern : "");
	view_set_top(v, o.top);
	if (t[0] == '\0') {
		search_restore(v, &o);
		view_message(v, "No previous search");
		free(t);
		return;
	}
	/* The matches are already there when typing found them, or when
	 * the pattern is the last one again. */
	if (search_active(&o.saved) && strcmp(o.saved.pattern, t) == 0) {
		search_restore(v, &o);
		v->search_backward = backward;
	} else if (!(search_active(&v->search) &&
	    strcmp(v->search.pattern, t) == 0) &&
	    search_compile(&v->search, t, v->doc, msg) != 0) {
		search_restore(v, &o);
		view_message(v, "%s", msg);
		free(t);
		return;
	} else if (v->search.interrupted) {
		/* by a key or a signal: the previous search stays */
		search_restore(v, &o);
		lineedit_history_add(&p->search, t);
		if (w.by_key)
			view_message(v, "Search stopped at %d%% of the "
			    "document", w.percent);
		free(t);
		return;
	} else {
		search_fini(&o.saved);
	}
	lineedit_history_add(&p->search, t);
	if (p->bm != NULL)
		bookmarks_history_add(p->bm, "search", t);
	view_search_from(v, o.top, true);
	free(t);
}

static void
goto_edited(struct view *v, const char *t, void *arg)
{
	(void)arg;
	v->ncand = t[0] != '\0'
	    ? finder_rank(v->o, t, v->cand, VIEW_CANDIDATES) : 0;
	v->cand_sel = 0;
}

static void
goto_step(struct view *v, int step, void *arg)
{
	(void)arg;
	if (v->ncand > 0)
		v->cand_sel = step > 0 ? (v->cand_sel + 1) % v->ncand
		    : (v->cand_sel + v->ncand - 1) % v->ncand;
}

/* What less and vim users type to leave: :q :Q (less), :q! :qa :wq :x
 * (vim).  No one looks for a section called q. */
static bool
quit_command(const char *t)
{
	static const char *const cmds[] = { "q", "Q", "q!", "qa", "qa!",
	    "wq", "x", "quit" };
	size_t i;

	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(t, cmds[i]) == 0)
			return true;
	return false;
}

static void
pager_goto(struct screen *s, struct view *v, struct prompts *p)
{
	const char *t;
	bool accepted;

	/* (while indexing, sections not known yet may come) */
	if (v->o->n == 0 && indexer_done(reading_ix)) {
		view_message(v, "No sections");
		return;
	}
	v->ncand = 0;
	accepted = prompt_run(s, v, &p->go, ":", goto_edited, goto_step, NULL);
	t = lineedit_text(&p->go);
	if (accepted && quit_command(t)) {
		v->quit = true;
		return;
	}
	/* vim's :noh: the matches are no longer highlighted (n shows
	 * them again) */
	if (accepted && (strcmp(t, "noh") == 0 || strcmp(t, "nohlsearch") == 0)) {
		v->search_hidden = true;
		return;
	}
	/* what is not found yet may be in the part not indexed */
	if (accepted && v->ncand == 0 && t[0] != '\0' &&
	    !indexer_done(reading_ix)) {
		if (!index_wait(s, v, index_complete, ACT_NONE))
			return;
		goto_edited(v, t, NULL);
	}
	if (accepted && v->ncand > 0)
		view_goto_heading(v, v->cand[v->cand_sel]);
	else if (accepted && t[0] >= '0' && t[0] <= '9')
		view_message(v, "No section %s: there are %zu", t, v->o->n);
	else if (accepted && t[0] != '\0')
		view_message(v, "No section title matches: %s", t);
	v->ncand = 0;
	view_act(v, ACT_NONE); /* the TOC follows */
}

static void
filter_edited(struct view *v, const char *t, void *arg)
{
	(void)arg;
	view_toc_filter(v, t);
}

static void
filter_step(struct view *v, int step, void *arg)
{
	(void)arg;
	view_act(v, step > 0 ? ACT_TOC_DOWN : ACT_TOC_UP);
}

static void
pager_filter(struct screen *s, struct view *v, struct prompts *p)
{
	size_t old_sel = v->sel, chosen;
	bool found;

	if (!prompt_run(s, v, &p->filter, "filter: ", filter_edited,
	    filter_step, NULL)) {
		v->sel = old_sel;
		view_toc_filter(v, NULL);
		return;
	}
	found = v->filtering && v->nvisible > 0;
	chosen = v->sel;
	view_toc_filter(v, NULL);
	if (!found) {
		if (lineedit_text(&p->filter)[0] != '\0')
			view_message(v, "No title contains: %s",
			    lineedit_text(&p->filter));
		return;
	}
	view_goto_heading(v, chosen);
	v->toc_focus = false;
	view_act(v, ACT_NONE);
}

/* Keys a count repeats: each step may wait for the index.  (A count
 * before n or N is worked out at once: the matches are all known.) */
static bool
repeated(enum action a)
{
	return a == ACT_NEXT_SECTION || a == ACT_PREV_SECTION ||
	    a == ACT_NEXT_SIBLING || a == ACT_PREV_SIBLING;
}

/*
 * A count that moves the text by more rows than this (99999999j on a
 * gigabyte: every row on the way is laid out, 26 s) goes a chunk at a
 * time: a key stops it, and it shows how far it is.
 */
#define PAGER_SCROLL_CHUNK 4096UL

/* Scroll by count lines (ACT_LINE_DOWN/UP), pages or half pages, in
 * chunks. */
static void
scroll_long(struct screen *s, struct view *v, enum action a,
    unsigned long count)
{
	bool down = a == ACT_LINE_DOWN || a == ACT_PAGE_DOWN ||
	    a == ACT_HALF_DOWN;
	unsigned long rows = view_count_rows(v, a, count), done = 0;
	struct timespec shown;

	view_keep_half(v, a, count);
	clock_gettime(CLOCK_MONOTONIC, &shown);
	while (done < rows) {
		unsigned long n = rows - done < PAGER_SCROLL_CHUNK ?
		    rows - done : PAGER_SCROLL_CHUNK;
		size_t top = v->top;

		view_act_count(v, down ? ACT_LINE_DOWN : ACT_LINE_UP, n);
		done += n;
		if (v->top == top || done == rows)
			break;
		if (key_stops(s, v)) {
			if (!screen_interrupted())
				view_message(v, "Stopped after %lu of %lu "
				    "lines", done, rows);
			return;
		}
		if (progress_due(&shown)) {
			view_message(v, "Moving %s: %lu of %lu lines (a key "
			    "stops)", down ? "down" : "up", done, rows);
			show_progress(s, v, &shown);
		}
	}
}

static bool
scrolls(enum action a)
{
	return a == ACT_LINE_DOWN || a == ACT_LINE_UP ||
	    a == ACT_PAGE_DOWN || a == ACT_PAGE_UP ||
	    a == ACT_HALF_DOWN || a == ACT_HALF_UP;
}

/* Action a with the count typed before it (0: none). */
static void
pager_act(struct screen *s, struct view *v, enum action a,
    unsigned long count)
{
	char msg[VIEW_MSG_MAX] = "";
	size_t from = v->top;
	unsigned long i;

	if (a == ACT_SEARCH_NEXT || a == ACT_SEARCH_PREV)
		v->search_hidden = false;
	if (scrolls(a) && view_count_rows(v, a, count) > 1) {
		scroll_long(s, v, a, count);
		return;
	}
	if (count <= 1 || !repeated(a)) {
		if (index_wait(s, v, index_has, a))
			view_act_count(v, a, count);
		return;
	}
	for (i = 0; i < count; i++) {
		size_t top = v->top, sel = v->sel;

		if (!index_wait(s, v, index_has, a))
			return;
		view_act(v, a);
		if (v->msg[0] != '\0')
			memcpy(msg, v->msg, sizeof msg);
		if (v->top == top && v->sel == sel)
			break;
	}
	/* what was said on the way is still said; '' comes back to where
	 * the keys started */
	if (v->msg[0] == '\0')
		memcpy(v->msg, msg, sizeof msg);
	if (v->top != from)
		v->jumped_from = from;
}

enum pager_end
pager_read(struct screen *s, const struct document *doc,
    const struct outline *o, const struct pager_options *opt)
{
	struct view v;
	struct keymap km;
	struct session se;
	struct prompts pr;
	enum pager_end end = PAGER_QUIT;
	unsigned long count = 0;
	bool z_typed = false, esc_typed = false;
	FILE *klog;
	const char *klog_path;

	km = opt->set->keys;
	if (opt->several) {
		/* C-n and C-p go through the files given, not the lines */
		keymap_bind(&km, KEYMAP_TEXT, CTRL('n'), ACT_NEXT_FILE);
		keymap_bind(&km, KEYMAP_TEXT, CTRL('p'), ACT_PREV_FILE);
	}
	view_init(&v, doc, o, opt->measure > 0 ? opt->measure
	    : opt->set->width);
	v.toc_wanted = opt->set->toc;
	v.toc_fixed = opt->set->toc_width;
	reading_pipe = opt->grow_doc;
	v.reading = reading_pipe != NULL && document_growing(reading_pipe);
	v.read_bytes = reading_pipe != NULL ? document_feed_read(reading_pipe)
	    : doc->len;
	resize(s, &v);
	if (opt->section >= 0)
		view_goto_heading(&v, (size_t)opt->section);
	/* after screen_init, whose SIGBUS handler gets the other faults */
	document_guard(doc);
	/* the text shows at once; the TOC fills in as the worker goes */
	reading_ix = opt->ix;
	index_sync(&v);
	session_init(&se, opt, doc, o, &v, s);
	if (v.msg[0] == '\0')
		binary_note(&v, doc);
	if (opt->set->nwarnings > 0 && !opt->warned)
		config_note(&v, opt->set);
	show_warning(&v, &se);
	lineedit_init(&pr.search);
	lineedit_init(&pr.go);
	lineedit_init(&pr.filter);
	pr.bm = opt->bm;
	if (pr.bm != NULL)
		bookmarks_history(pr.bm, "search", history_entry, &pr.search);
	/* The time from each key to its finished screen, for the benchmark
	 * (docs/bench.md): FOLIO_KEY_LOG names the file. */
	klog_path = getenv("FOLIO_KEY_LOG");
	klog = klog_path != NULL && klog_path[0] != '\0'
	    ? fopen(klog_path, "a") : NULL;
	while (!v.quit && !screen_interrupted()) {
		int key;
		enum action a;
		struct timespec t0;
		size_t top0;

		screen_draw(s, &v);
		if (se.verify && session_verify(&se, &v, s))
			continue;
		key = wait_key(s, &v, PAGER_TICK_MS);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		session_grow(&se, &v, s);
		if (key == -1) {
			session_idle(&se, &v);
			show_warning(&v, &se);
			continue;
		}
		v.msg[0] = '\0';
		if (key == KEY_RESIZE) {
			resize(s, &v);
			if (count > 0)
				view_message(&v, "count: %lu", count);
			else if (v.follow)
				view_message(&v, v.reading ? PAGER_FOLLOWING
				    : PAGER_FOLLOWING_FILE);
			continue;
		}
		/* any key but F again stops following the pipe */
		v.follow = false;
		top0 = v.top;
		if (key == KEY_MOUSE)
			screen_mouse(s, &v);
		a = key == KEY_MOUSE ? ACT_NONE
		    : keymap_lookup(&km, v.toc_focus ? KEYMAP_TOC : KEYMAP_TEXT,
			key);
		/* Esc u turns the highlighting of matches off and on, as
		 * in less (unless Esc is bound); Esc alone drops a count */
		if (esc_typed && key == 'u') {
			esc_typed = false;
			count = 0;
			if (search_active(&v.search))
				v.search_hidden = !v.search_hidden;
			continue;
		}
		esc_typed = key == KEY_ESC && a == ACT_NONE && count == 0;
		/* ZZ quits, as in less and vim, unless Z is bound */
		if (z_typed && key == 'Z' && a == ACT_NONE)
			a = ACT_QUIT;
		z_typed = !z_typed && key == 'Z' && a == ACT_NONE;
		if (z_typed)
			continue;
		/* digits no binding takes are a count for the next key, as
		 * in less and vim (Esc or any other key drops it) */
		if (a == ACT_NONE && key >= '0' && key <= '9') {
			if (count <= PAGER_COUNT_MAX / 10)
				count = count * 10 + (unsigned long)(key - '0');
			view_message(&v, "count: %lu", count);
			continue;
		}
		if (a == ACT_REDRAW)
			screen_redraw(s);
		if (a == ACT_NEXT_FILE || a == ACT_PREV_FILE) {
			end = a == ACT_NEXT_FILE ? PAGER_NEXT_FILE
			    : PAGER_PREV_FILE;
			break;
		}
		if (a == ACT_SET_MARK || a == ACT_GOTO_MARK)
			pager_mark(s, &v, a);
		else if (a == ACT_SEARCH_FORWARD || a == ACT_SEARCH_BACKWARD)
			pager_search(s, &v, &pr, a == ACT_SEARCH_BACKWARD);
		else if (a == ACT_GOTO_SECTION)
			pager_goto(s, &v, &pr);
		else if (a == ACT_TOC_FILTER)
			pager_filter(s, &v, &pr);
		else if (a == ACT_FOLLOW)
			pager_follow(&se, &v);
		else {
			if (a == ACT_BOTTOM && count == 0 && !v.toc_focus)
				pager_bottom_file(&se, &v);
			pager_act(s, &v, a, count);
		}
		view_follow(&v, top0);
		count = 0;
		if (v.help) {
			v.help = false;
			pager_help(s, &v, &km);
		}
		/* Draw before saving: a store locked by another program
		 * may keep the save waiting. */
		screen_draw(s, &v);
		if (klog != NULL) {
			char name[32];

			keymap_key_name(key, name, sizeof name);
			fprintf(klog, "%s %.1f\n", name,
			    (double)us_since(&t0));
			fflush(klog);
		}
		session_after_key(&se, &v);
		show_warning(&v, &se);
	}
	if (screen_interrupted())
		end = PAGER_SIGNAL;
	if (klog != NULL)
		fclose(klog);
	session_save(&se, &v);
	if (reading_ix != NULL)
		indexer_stop(reading_ix);
	reading_ix = NULL;
	reading_pipe = NULL;
	lineedit_fini(&pr.search);
	lineedit_fini(&pr.go);
	lineedit_fini(&pr.filter);
	view_fini(&v);
	return end;
}

int
pager_run(const struct document *doc, const struct outline *o,
    const struct pager_options *opt, struct err *err)
{
	struct screen s;

	if (screen_init(&s, opt->set, err) != 0)
		return -1;
	pager_read(&s, doc, o, opt);
	screen_fini(&s);
	return 0;
}
