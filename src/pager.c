/* The pager loop: draw, read a key, turn it into an action on the view. */
#include "config.h"

#include <curses.h>

#include "keymap.h"
#include "pager.h"
#include "screen.h"
#include "view.h"

/* How often the loop wakes to notice signals while no key comes. */
#define PAGER_TICK_MS 200

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

int
pager_run(const struct document *doc, const struct outline *o,
    const struct pager_options *opt, struct err *err)
{
	struct screen s;
	struct view v;
	struct keymap km;
	int cols, rows;

	if (screen_init(&s, opt->mouse, err) != 0)
		return -1;
	keymap_init_defaults(&km);
	view_init(&v, doc, o, opt->measure);
	screen_size(&s, &cols, &rows);
	view_resize(&v, cols, rows);
	if (opt->section >= 0)
		view_goto_heading(&v, (size_t)opt->section);
	while (!v.quit && !screen_interrupted()) {
		int key;
		enum action a;

		screen_draw(&s, &v);
		key = screen_key(&s, PAGER_TICK_MS);
		if (key == -1)
			continue;
		v.msg[0] = '\0';
		if (key == KEY_RESIZE) {
			screen_size(&s, &cols, &rows);
			view_resize(&v, cols, rows);
			continue;
		}
		if (key == KEY_MOUSE) {
			screen_mouse(&s, &v);
			continue;
		}
		a = keymap_lookup(&km, v.toc_focus ? KEYMAP_TOC : KEYMAP_TEXT,
		    key);
		if (a == ACT_REDRAW)
			screen_redraw(&s);
		view_act(&v, a);
		if (v.help) {
			v.help = false;
			pager_help(&s, &km);
		}
	}
	view_fini(&v);
	screen_fini(&s);
	return 0;
}
