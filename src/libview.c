/* The library view (see libview.h): keys on the list, and articles read
 * with the pager on the same screen. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "indexer.h"
#include "lineedit.h"
#include "libview.h"
#include "outline.h"
#include "pager.h"
#include "screen.h"
#include "xalloc.h"

#define TICK_MS 200
#define CTRL(c) ((c) & 0x1f)
#define MSG_MAX 520

struct lv {
	struct screen s;
	struct library *l;
	const struct libview_options *opt;
	char msg[MSG_MAX];
	char label[MSG_MAX];
	char *home;          /* the folder to come back to from recent */
	enum lib_sort home_sort; /* and its sort */
};

static int
rows(void)
{
	return LINES - 2 > 1 ? LINES - 2 : 1;
}

static void
set_label(struct lv *v)
{
	if (v->l->recent)
		snprintf(v->label, sizeof v->label, "Recently read");
	else if (v->l->dir != NULL)
		snprintf(v->label, sizeof v->label, "%s", v->l->dir);
	else
		snprintf(v->label, sizeof v->label, "%s", v->opt->label);
}

static void
draw(struct lv *v, const char *prompt, const struct lineedit *e)
{
	size_t k;

	/* titles and sections only for the rows on the screen */
	if (v->l->sel < v->l->first)
		v->l->first = v->l->sel;
	if (v->l->sel >= v->l->first + (size_t)rows())
		v->l->first = v->l->sel - (size_t)rows() + 1;
	for (k = v->l->first; k < v->l->nshown &&
	    k < v->l->first + (size_t)rows(); k++)
		library_probe(v->l, v->l->shown[k]);
	/* a list from several places: say where the selected one lives */
	if (v->l->dir == NULL && library_selected(v->l) != NULL)
		snprintf(v->label, sizeof v->label, "%s: %s",
		    v->l->recent ? "Recently read" : v->opt->label,
		    library_selected(v->l)->path);
	screen_draw_library(&v->s, v->l, v->label, prompt, e, v->msg);
}

static void
move_sel(struct library *l, long d)
{
	long k = (long)l->sel + d;

	if (l->nshown == 0)
		return;
	if (k < 0)
		k = 0;
	if (k >= (long)l->nshown)
		k = (long)l->nshown - 1;
	l->sel = (size_t)k;
}

/* Select the entry whose path is path, if it is shown. */
static void
select_path(struct library *l, const char *path)
{
	size_t k;

	for (k = 0; k < l->nshown; k++)
		if (strcmp(l->e[l->shown[k]].path, path) == 0) {
			l->sel = k;
			return;
		}
}

static void
enter_dir(struct lv *v, const char *path)
{
	char *from = v->l->dir != NULL ? xstrdup(v->l->dir) : NULL;
	char *to = xstrdup(path);
	struct err err;

	if (library_scan(v->l, to, v->opt->bm, &err) != 0) {
		snprintf(v->msg, sizeof v->msg, "%s", err.msg);
	} else {
		if (from != NULL)
			select_path(v->l, from); /* back where we came from */
		set_label(v);
	}
	free(from);
	free(to);
}

/* Read entry i with the pager; returns how the reading ended. */
static enum pager_end
read_entry(struct lv *v, size_t i)
{
	struct lib_entry *e = &v->l->e[i];
	struct pager_options po;
	struct indexer ix;
	struct document doc;
	struct outline o;
	struct doc_key key;
	struct err err;
	char *canon = NULL;
	enum pager_end end;
	size_t len;

	if (document_open(&doc, e->path, &err) != 0) {
		snprintf(v->msg, sizeof v->msg, "%s", err.msg);
		return PAGER_QUIT;
	}
	document_guard(&doc);
	outline_init(&o);
	o.titles_in_doc = true;
	memset(&po, 0, sizeof po);
	/* a large article shows at once, its outline built as it is read;
	 * a small one's worker is left unstarted, for a file that grows
	 * (F, G) to be outlined again on */
	indexer_init(&ix, &o, &doc);
	if (indexer_wanted(doc.len)) {
		outline_prepare(&o, &doc, FORMAT_AUTO);
		po.ix = &ix;
	} else {
		outline_build(&o, &doc, FORMAT_AUTO);
	}
	if (document_can_grow(&doc)) {
		po.grow_doc = &doc;
		po.grow_o = &o;
		po.grow_ix = &ix;
		po.format = FORMAT_AUTO;
	}
	po.measure = v->opt->measure;
	po.section = -1;
	po.set = v->opt->set;
	po.several = v->opt->several;
	po.warned = true;
	if (v->opt->bm != NULL) {
		/* the fingerprint waits for the first screen (pager.c) */
		bookmarks_key_later(&key, &doc, &canon);
		po.bm = v->opt->bm;
		po.key = &key;
		/* while the outline is built, it is found when saving */
		po.title = po.ix != NULL ? NULL : outline_doc_title(&o, &doc);
	}
	len = doc.len;
	end = pager_read(&v->s, &doc, &o, &po);
	/* left before the outline was complete (built in the background,
	 * or again as the file grew): the count is not known */
	if ((po.ix == NULL && doc.len == len) || indexer_whole(&ix))
		e->sections = (long)o.n;
	/* a file read to a new end (F, G) */
	if (document_can_grow(&doc))
		e->size = (long long)doc.len;
	outline_fini(&o);
	document_fini(&doc);
	free(canon);
	library_progress(v->l, i, v->opt->bm);
	return end;
}

/* The next (d = 1) or previous (-1) file from the selection, or -1. */
static long
step_file(struct library *l, int d)
{
	long k = (long)l->sel + d;

	for (; k >= 0 && k < (long)l->nshown; k += d)
		if (!l->e[l->shown[k]].dir)
			return k;
	return -1;
}

static void
open_selected(struct lv *v)
{
	struct lib_entry *e = library_selected(v->l);
	enum pager_end end;

	if (e == NULL)
		return;
	if (e->dir) {
		enter_dir(v, e->path);
		return;
	}
	for (;;) {
		long k;

		end = read_entry(v, v->l->shown[v->l->sel]);
		if (end != PAGER_NEXT_FILE && end != PAGER_PREV_FILE)
			break;
		k = step_file(v->l, end == PAGER_NEXT_FILE ? 1 : -1);
		if (k < 0) {
			snprintf(v->msg, sizeof v->msg, end == PAGER_NEXT_FILE
			    ? "That was the last file" : "That was the first file");
			break;
		}
		v->l->sel = (size_t)k;
	}
}

static void
leave_dir(struct lv *v)
{
	if (v->l->dir == NULL || strcmp(v->l->dir, "/") == 0 || v->l->recent)
		return;
	if (v->l->nshown > 0 || v->l->n > 0) {
		size_t i;

		for (i = 0; i < v->l->n; i++)
			if (strcmp(v->l->e[i].name, "..") == 0) {
				enter_dir(v, v->l->e[i].path);
				return;
			}
	}
}

static void
filter_prompt(struct lv *v)
{
	struct lineedit e;
	char *before = v->l->filter != NULL ? xstrdup(v->l->filter) : NULL;

	lineedit_init(&e);
	lineedit_start(&e);
	for (;;) {
		bool fn;
		uint32_t ch;
		enum lineedit_result r;

		draw(v, "/", &e);
		if (!screen_read(&v->s, TICK_MS, &fn, &ch)) {
			if (screen_interrupted())
				break;
			continue;
		}
		if (fn && (ch == KEY_DOWN || ch == KEY_UP)) {
			move_sel(v->l, ch == KEY_DOWN ? 1 : -1);
			continue;
		}
		r = lineedit_key(&e, fn, ch);
		if (r == LINEEDIT_ACCEPT)
			break;
		if (r == LINEEDIT_CANCEL) {
			library_set_filter(v->l, before);
			break;
		}
		if (r == LINEEDIT_EDITED)
			library_set_filter(v->l, lineedit_text(&e));
	}
	free(before);
	lineedit_fini(&e);
}

static void
toggle_recent(struct lv *v)
{
	struct err err;

	if (!v->l->recent) {
		free(v->home);
		v->home = v->l->dir != NULL ? xstrdup(v->l->dir) : NULL;
		if (v->home == NULL && !v->opt->several) {
			snprintf(v->msg, sizeof v->msg, "No recent list here");
			return;
		}
		v->home_sort = v->l->sort;
		library_recent(v->l, v->opt->bm);
		if (v->opt->bm == NULL)
			snprintf(v->msg, sizeof v->msg,
			    "Bookmarks are off (--no-bookmarks)");
	} else {
		/* back to the folder or the files given, sorted as they
		 * were */
		if (v->home != NULL) {
			if (library_scan(v->l, v->home, v->opt->bm, &err) != 0) {
				snprintf(v->msg, sizeof v->msg, "%s", err.msg);
				return;
			}
		} else {
			library_files(v->l, v->opt->files, v->opt->nfiles,
			    v->opt->bm);
		}
		v->l->sort = v->home_sort;
		library_refresh(v->l);
	}
	set_label(v);
}

/* The wheel moves the selection; a click selects a row, and a click on
 * the selected row opens it, as Enter does. */
static void
mouse(struct lv *v)
{
	struct library *l = v->l;
	int y = 0, x = 0;
	size_t k;

	switch (screen_mouse_read(&y, &x)) {
	case SCREEN_WHEEL_UP: move_sel(l, -SCREEN_WHEEL_ROWS); break;
	case SCREEN_WHEEL_DOWN: move_sel(l, SCREEN_WHEEL_ROWS); break;
	case SCREEN_CLICK:
		/* row 0 is the header, the entries follow it */
		if (y < 1 || y > rows())
			break;
		k = l->first + (size_t)(y - 1);
		if (k >= l->nshown)
			break;
		if (k == l->sel)
			open_selected(v);
		else
			l->sel = k;
		break;
	default: break;
	}
}

int
libview_run(struct library *l, const struct libview_options *opt,
    struct err *err)
{
	struct lv v;

	memset(&v, 0, sizeof v);
	v.l = l;
	v.opt = opt;
	if (screen_init(&v.s, opt->set, err) != 0)
		return -1;
	set_label(&v);
	if (opt->set->nwarnings > 0)
		snprintf(v.msg, sizeof v.msg, "%.*s",
		    (int)strcspn(buf_str(&opt->set->warnings), "\n"),
		    buf_str(&opt->set->warnings));
	while (!screen_interrupted()) {
		int key;

		draw(&v, NULL, NULL);
		key = screen_key(&v.s, TICK_MS);
		if (key == -1 || key == KEY_RESIZE)
			continue;
		v.msg[0] = '\0';
		if (key == 'q' || key == 'Q')
			break;
		switch (key) {
		case 'j': case KEY_DOWN: case CTRL('n'): move_sel(l, 1); break;
		case 'k': case KEY_UP: case CTRL('p'): move_sel(l, -1); break;
		case ' ': case 'f': case KEY_NPAGE: move_sel(l, rows()); break;
		case 'b': case KEY_PPAGE: move_sel(l, -rows()); break;
		case 'g': case KEY_HOME: l->sel = 0; break;
		case 'G': case KEY_END: move_sel(l, (long)l->nshown); break;
		case '\r': case '\n': case KEY_ENTER: case 'l': case KEY_RIGHT:
			open_selected(&v);
			break;
		case 'h': case KEY_LEFT: case KEY_BACKSPACE: case 0x7f:
			leave_dir(&v);
			break;
		case '/': filter_prompt(&v); break;
		case 0x1b: library_set_filter(l, NULL); break;
		case 's':
			l->sort = (enum lib_sort)((l->sort + 1) % LIB_SORTS);
			library_refresh(l);
			snprintf(v.msg, sizeof v.msg, "Sorted by %s",
			    library_sort_name(l->sort));
			break;
		case 'r': toggle_recent(&v); break;
		case KEY_MOUSE: mouse(&v); break;
		case CTRL('l'): screen_redraw(&v.s); break;
		case KEY_F(1): case '?':
			snprintf(v.msg, sizeof v.msg, "Enter open  h back  "
			    "/ filter  s sort  r recent  q quit");
			break;
		default: break;
		}
	}
	free(v.home);
	screen_fini(&v.s);
	return 0;
}
