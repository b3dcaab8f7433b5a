/* The pager loop: draw, read a key, turn it into an action on the view;
 * restore the reading position at the start and save it at quiet
 * moments and at the end. */
#include "config.h"

#include <curses.h>
#include <time.h>

#include "keymap.h"
#include "pager.h"
#include "screen.h"
#include "view.h"

/* How often the loop wakes to notice signals while no key comes. */
#define PAGER_TICK_MS 200
/* A position that has not changed for this long is saved. */
#define PAGER_QUIET_MS 1500
#define KEY_ESC 27

/* The bookmark side of a session: what was last saved, and when the
 * position last moved. */
struct session {
	const struct pager_options *opt;
	const struct document *doc;
	const struct outline *o;
	size_t saved_top;
	long saved_section;
	size_t last_top;         /* where the last key left the view */
	struct timespec moved;
};

static long
ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t->tv_sec) * 1000 +
	    (now.tv_nsec - t->tv_nsec) / 1000000;
}

static void
session_save(struct session *se, struct view *v)
{
	struct bookmark b;
	long cur = view_current(v);
	int i;

	if (se->opt->bm == NULL)
		return;
	bookmark_init(&b);
	anchor_make(&b.pos, se->o, se->doc->len, v->top);
	for (i = 0; i < ANCHOR_MARKS; i++) {
		if (v->mark[i] == VIEW_NO_PLACE)
			continue;
		b.has_mark[i] = true;
		anchor_make(&b.marks[i], se->o, se->doc->len, v->mark[i]);
	}
	b.title = se->opt->title;
	b.section = cur >= 0 ? outline_title(se->o, (size_t)cur) : "";
	b.percent = view_percent(v);
	bookmarks_save(se->opt->bm, se->opt->key, &b);
	bookmark_fini(&b);
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

static void
session_restore(struct session *se, struct view *v)
{
	struct bookmark b;
	long cur;
	int i;

	bookmark_init(&b);
	if (bookmarks_load(se->opt->bm, se->opt->key, &b)) {
		view_set_top(v, resolve(&b, &b.pos, se->doc, se->o));
		for (i = 0; i < ANCHOR_MARKS; i++)
			if (b.has_mark[i])
				v->mark[i] = resolve(&b, &b.marks[i], se->doc,
				    se->o);
		cur = view_current(v);
		if (cur >= 0)
			view_message(v, "Resumed at \xC2\xA7%ld %s (%d%%)%s",
			    cur + 1, outline_title(se->o, (size_t)cur),
			    view_percent(v), b.same ? ""
			    : "; the document changed since");
		else
			view_message(v, "Resumed at %d%%%s", view_percent(v),
			    b.same ? "" : "; the document changed since");
	}
	bookmark_fini(&b);
}

static void
session_init(struct session *se, const struct pager_options *opt,
    const struct document *doc, const struct outline *o, struct view *v)
{
	se->opt = opt;
	se->doc = doc;
	se->o = o;
	if (opt->bm != NULL && opt->section < 0)
		session_restore(se, v);
	se->saved_top = v->top;
	se->saved_section = view_current(v);
	se->last_top = v->top;
	clock_gettime(CLOCK_MONOTONIC, &se->moved);
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
	if (v->top != se->saved_top && ms_since(&se->moved) >= PAGER_QUIET_MS)
		session_save(se, v);
}

static void
show_warning(struct view *v, const struct pager_options *opt)
{
	const char *w;

	if (opt->bm != NULL && (w = bookmarks_warning(opt->bm)) != NULL)
		view_message(v, "%s", w);
}

static void
pager_help(struct screen *s, const struct keymap *km)
{
	int key;

	s->help_first = 0;
	for (;;) {
		screen_draw_help(s, km);
		key = screen_key(s, PAGER_TICK_MS);
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
		key = screen_key(s, PAGER_TICK_MS);
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

int
pager_run(const struct document *doc, const struct outline *o,
    const struct pager_options *opt, struct err *err)
{
	struct screen s;
	struct view v;
	struct keymap km;
	struct session se;

	if (screen_init(&s, opt->mouse, err) != 0)
		return -1;
	keymap_init_defaults(&km);
	view_init(&v, doc, o, opt->measure);
	resize(&s, &v);
	if (opt->section >= 0)
		view_goto_heading(&v, (size_t)opt->section);
	session_init(&se, opt, doc, o, &v);
	show_warning(&v, opt);
	while (!v.quit && !screen_interrupted()) {
		int key;
		enum action a;

		screen_draw(&s, &v);
		key = screen_key(&s, PAGER_TICK_MS);
		if (key == -1) {
			session_idle(&se, &v);
			show_warning(&v, opt);
			continue;
		}
		v.msg[0] = '\0';
		if (key == KEY_RESIZE) {
			resize(&s, &v);
			continue;
		}
		if (key == KEY_MOUSE)
			screen_mouse(&s, &v);
		a = key == KEY_MOUSE ? ACT_NONE
		    : keymap_lookup(&km, v.toc_focus ? KEYMAP_TOC : KEYMAP_TEXT,
			key);
		if (a == ACT_REDRAW)
			screen_redraw(&s);
		if (a == ACT_SET_MARK || a == ACT_GOTO_MARK)
			pager_mark(&s, &v, a);
		else
			view_act(&v, a);
		if (v.help) {
			v.help = false;
			pager_help(&s, &km);
		}
		/* Draw before saving: a store locked by another program
		 * may keep the save waiting. */
		screen_draw(&s, &v);
		session_after_key(&se, &v);
		show_warning(&v, opt);
	}
	session_save(&se, &v);
	view_fini(&v);
	screen_fini(&s);
	return 0;
}
