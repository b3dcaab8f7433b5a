/* Settings tests: each line of a configuration file, good and bad, and
 * what it changes. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "settings.h"
#include "tap.h"
#include "text.h"

static bool
line(struct settings *s, const char *text)
{
	return settings_line(s, "conf", 7, text);
}

static const char *
last_warning(const struct settings *s)
{
	static char w[256];
	const char *p = buf_str(&s->warnings), *q;

	if (*p == '\0')
		return "";
	/* the last line of the warnings */
	q = p + strlen(p) - 1;
	while (q > p && q[-1] != '\n')
		q--;
	snprintf(w, sizeof w, "%.*s", (int)strcspn(q, "\n"), q);
	return w;
}

static void
test_values(void)
{
	struct settings s;

	settings_init(&s);
	ok(s.width == 0 && s.toc && s.toc_width == 0 && s.mouse &&
	    keymap_lookup(&s.keys, KEYMAP_TEXT, ']') == ACT_NEXT_SECTION,
	    "defaults: automatic widths, TOC and mouse on, the default keys");
	ok(line(&s, "# a comment") && line(&s, "   ") && line(&s, ""),
	    "comments and blank lines are fine");
	ok(line(&s, "width = 72") && s.width == 72, "width = 72");
	ok(line(&s, "  toc=off  ") && !s.toc, "toc = off (blanks anywhere)");
	ok(line(&s, "toc = yes") && s.toc, "toc = yes");
	ok(line(&s, "toc-width = 30") && s.toc_width == 30, "toc-width = 30");
	ok(line(&s, "toc-width = auto") && s.toc_width == 0, "toc-width = auto");
	ok(line(&s, "mouse = off") && !s.mouse, "mouse = off");
	ok(line(&s, "color.heading = red bold") &&
	    s.style[STYLE_HEADING].fg == 1 &&
	    s.style[STYLE_HEADING].bg == STYLE_DEFAULT_COLOR &&
	    s.style[STYLE_HEADING].attr == TEXT_BOLD,
	    "color.heading = red bold");
	ok(line(&s, "colour.match = black on bright-yellow underline") &&
	    s.style[STYLE_MATCH].fg == 0 && s.style[STYLE_MATCH].bg == 11 &&
	    s.style[STYLE_MATCH].attr == TEXT_UNDERLINE,
	    "colour.match = black on bright-yellow underline");
	ok(line(&s, "color.status = 250 on 236") &&
	    s.style[STYLE_STATUS].fg == 250 && s.style[STYLE_STATUS].bg == 236 &&
	    s.style[STYLE_STATUS].attr == 0, "colour numbers 0-255");
	ok(line(&s, "color.toc.current = reverse") &&
	    s.style[STYLE_TOC_CURRENT].fg == STYLE_DEFAULT_COLOR &&
	    s.style[STYLE_TOC_CURRENT].attr == TEXT_REVERSE,
	    "attributes alone");
	ok(line(&s, "bind x next-section") &&
	    keymap_lookup(&s.keys, KEYMAP_TEXT, 'x') == ACT_NEXT_SECTION,
	    "bind x next-section");
	ok(line(&s, "bind C-g top") && line(&s, "bind F5 redraw") &&
	    line(&s, "bind PgDn half-page-down") &&
	    keymap_lookup(&s.keys, KEYMAP_TEXT, 7) == ACT_TOP &&
	    keymap_lookup(&s.keys, KEYMAP_TEXT, KEY_F(5)) == ACT_REDRAW &&
	    keymap_lookup(&s.keys, KEYMAP_TEXT, KEY_NPAGE) == ACT_HALF_DOWN,
	    "keys by name: C-g, F5, PgDn");
	ok(line(&s, "bind Enter toc-fold") &&
	    keymap_lookup(&s.keys, KEYMAP_TOC, '\r') == ACT_TOC_FOLD &&
	    keymap_lookup(&s.keys, KEYMAP_TOC, KEY_ENTER) == ACT_TOC_FOLD &&
	    keymap_lookup(&s.keys, KEYMAP_TEXT, '\r') == ACT_LINE_DOWN,
	    "toc- actions bind in the contents, Enter in all its forms");
	ok(line(&s, "bind j none") &&
	    keymap_lookup(&s.keys, KEYMAP_TEXT, 'j') == ACT_NONE,
	    "bind j none unbinds j");
	ok(s.nwarnings == 0, "no warning for any of these");
	settings_fini(&s);
}

static void
test_bad_lines(void)
{
	struct settings s;

	settings_init(&s);
	ok(!line(&s, "wdth = 3"), "an unknown setting is refused");
	is_str(last_warning(&s), "conf:7: unknown setting 'wdth' (line skipped)",
	    "naming the file, the line and the setting");
	ok(!line(&s, "width = 5") && s.width == 0, "a width out of range");
	is_str(last_warning(&s), "conf:7: width must be a number of columns "
	    "from 10 to 1000, not '5' (line skipped)", "says so");
	ok(line(&s, "width = 10") && s.width == 10,
	    "10 columns, as --width takes");
	ok(!line(&s, "toc = maybe") && s.toc, "toc = maybe is refused");
	ok(!line(&s, "color.heading = blu") &&
	    s.style[STYLE_HEADING].fg == 4, "a bad colour changes nothing");
	is_str(last_warning(&s), "conf:7: unknown colour or attribute 'blu' "
	    "(line skipped)", "and is named");
	ok(!line(&s, "color.title = red"), "an unknown element");
	is_str(last_warning(&s), "conf:7: unknown element 'title' (line "
	    "skipped; see docs/configuration.md)", "is named");
	ok(!line(&s, "color.match = red green"), "two foregrounds");
	ok(!line(&s, "color.match = red on"), "on without a colour");
	ok(!line(&s, "bind q frobnicate") &&
	    keymap_lookup(&s.keys, KEYMAP_TEXT, 'q') == ACT_QUIT,
	    "an unknown action leaves the key as it was");
	is_str(last_warning(&s), "conf:7: unknown action 'frobnicate' (line "
	    "skipped; the help screen lists them)", "and says so");
	ok(!line(&s, "bind ]] next-section"), "an unknown key");
	is_str(last_warning(&s), "conf:7: unknown key ']]' (line skipped)",
	    "is named");
	ok(!line(&s, "bind x"), "bind without an action");
	ok(!line(&s, "just words"), "a line that is neither form");
	ok(s.nwarnings == 11, "one warning per bad line (11)");
	settings_fini(&s);
}

static void
test_files(void)
{
	char path[] = "/tmp/folio-conf-XXXXXX";
	struct settings s;
	FILE *f;
	int fd = mkstemp(path);

	f = fdopen(fd, "w");
	fputs("width = 50\nbogus\n\nmouse = off\n", f);
	fclose(f);
	settings_init(&s);
	ok(settings_load(&s, path, false) == 1 && s.width == 50 && !s.mouse,
	    "a file: the good lines apply around a bad one");
	ok(strstr(buf_str(&s.warnings), ":2: expected 'setting = value'") !=
	    NULL, "the bad one is reported with its line number");
	unlink(path);
	ok(settings_load(&s, path, false) == 0, "a missing file is no error");
	ok(settings_load(&s, path, true) == 1 &&
	    strstr(buf_str(&s.warnings), "No such file or directory (the "
	    "defaults apply)") != NULL,
	    "unless named with --config: then a warning");
	settings_fini(&s);

	setenv("FOLIO_CONFIG", "/x/conf", 1);
	{
		char *p = settings_default_path();

		is_str(p, "/x/conf", "FOLIO_CONFIG names the file");
		free(p);
	}
	unsetenv("FOLIO_CONFIG");
	setenv("XDG_CONFIG_HOME", "/cfg", 1);
	{
		char *p = settings_default_path();

		is_str(p, "/cfg/folio/config", "else $XDG_CONFIG_HOME/folio");
		free(p);
	}
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/u", 1);
	{
		char *p = settings_default_path();

		is_str(p, "/home/u/.config/folio/config",
		    "else ~/.config/folio/config");
		free(p);
	}
}

int
main(void)
{
	test_values();
	test_bad_lines();
	test_files();
	return tap_done();
}
