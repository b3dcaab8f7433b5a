/* The configuration file (see settings.h and docs/configuration.md). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "settings.h"
#include "text.h"
#include "xalloc.h"

/* Longest line read; longer ones are reported as bad. */
#define LINE_MAX_LEN 1024

static const char *const element_names[STYLE_COUNT] = {
	[STYLE_HEADING] = "heading",
	[STYLE_MARKER] = "marker",
	[STYLE_RULE] = "rule",
	[STYLE_TOC_CURRENT] = "toc.current",
	[STYLE_TOC_SELECTED] = "toc.selected",
	[STYLE_STATUS] = "status",
	[STYLE_MATCH] = "match",
	[STYLE_MATCH_CURRENT] = "match.current",
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	uint8_t attr;
} attr_names[] = {
	{ "bold", TEXT_BOLD }, { "underline", TEXT_UNDERLINE },
	{ "italic", TEXT_ITALIC }, { "reverse", TEXT_REVERSE },
	{ "dim", TEXT_DIM }, { "normal", 0 },
};

const char *
style_element_name(enum style_element e)
{
	return e < STYLE_COUNT ? element_names[e] : "";
}

static void
set_style(struct style *st, int fg, int bg, uint8_t attr)
{
	st->fg = (int16_t)fg;
	st->bg = (int16_t)bg;
	st->attr = attr;
}

void
settings_init(struct settings *s)
{
	const int d = STYLE_DEFAULT_COLOR;

	memset(s, 0, sizeof *s);
	s->toc = true;
	s->mouse = true;
	set_style(&s->style[STYLE_HEADING], 4, d, TEXT_BOLD);
	set_style(&s->style[STYLE_MARKER], 5, d, TEXT_BOLD);
	set_style(&s->style[STYLE_RULE], 4, d, 0);
	set_style(&s->style[STYLE_TOC_CURRENT], d, d, TEXT_REVERSE);
	set_style(&s->style[STYLE_TOC_SELECTED], d, d,
	    TEXT_REVERSE | TEXT_BOLD);
	set_style(&s->style[STYLE_STATUS], d, d, TEXT_REVERSE);
	set_style(&s->style[STYLE_MATCH], d, d, TEXT_REVERSE);
	set_style(&s->style[STYLE_MATCH_CURRENT], 0, 3, 0);
	keymap_init_defaults(&s->keys);
	buf_init(&s->warnings);
}

void
settings_fini(struct settings *s)
{
	buf_fini(&s->warnings);
}

char *
settings_default_path(void)
{
	const char *env = getenv("FOLIO_CONFIG");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct buf b = BUF_INIT;

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	if (xdg != NULL && xdg[0] == '/')
		buf_addf(&b, "%s/folio/config", xdg);
	else if (home != NULL && home[0] == '/')
		buf_addf(&b, "%s/.config/folio/config", home);
	return b.data;
}

static void
warn(struct settings *s, const char *file, unsigned lineno,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
warn(struct settings *s, const char *file, unsigned lineno,
    const char *fmt, ...)
{
	va_list ap;

	if (lineno > 0)
		buf_addf(&s->warnings, "%s:%u: ", file, lineno);
	else
		buf_addf(&s->warnings, "%s: ", file);
	va_start(ap, fmt);
	buf_vaddf(&s->warnings, fmt, ap);
	va_end(ap);
	buf_addc(&s->warnings, '\n');
	s->nwarnings++;
}

/* Split off the next blank-separated word of *p (NUL-terminating it in
 * place); NULL when there is none. */
static char *
word(char **p)
{
	char *w = *p;

	while (*w == ' ' || *w == '\t')
		w++;
	if (*w == '\0')
		return NULL;
	*p = w;
	while (**p != '\0' && **p != ' ' && **p != '\t')
		(*p)++;
	if (**p != '\0')
		*(*p)++ = '\0';
	return w;
}

static bool
parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "on", "yes", "true", "1", "show" };
	static const char *const no[] = { "off", "no", "false", "0", "hide" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

static bool
parse_int(const char *v, int lo, int hi, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < lo || n > hi)
		return false;
	*out = (int)n;
	return true;
}

/* A colour: a name, "bright-NAME" (8-15), a number 0-255, or "default". */
static bool
parse_color(const char *w, int *out)
{
	size_t i;
	bool bright = strncmp(w, "bright-", 7) == 0;
	const char *name = bright ? w + 7 : w;

	if (!bright && strcmp(w, "default") == 0) {
		*out = STYLE_DEFAULT_COLOR;
		return true;
	}
	for (i = 0; i < sizeof color_names / sizeof color_names[0]; i++)
		if (strcmp(name, color_names[i]) == 0) {
			*out = (int)i + (bright ? 8 : 0);
			return true;
		}
	return !bright && parse_int(w, 0, 255, out);
}

/* "[ATTR...] [FG] [on BG] [ATTR...]": words in any order. */
static bool
parse_style(char *v, struct style *out, const char **bad)
{
	struct style st = { STYLE_DEFAULT_COLOR, STYLE_DEFAULT_COLOR, 0 };
	bool fg_set = false;
	char *w;

	while ((w = word(&v)) != NULL) {
		size_t i;
		int c;
		bool found = false;

		for (i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
			if (strcmp(w, attr_names[i].name) == 0) {
				st.attr |= attr_names[i].attr;
				found = true;
			}
		if (found)
			continue;
		if (strcmp(w, "on") == 0) {
			if ((w = word(&v)) == NULL || !parse_color(w, &c)) {
				*bad = w != NULL ? w : "on";
				return false;
			}
			st.bg = (int16_t)c;
			continue;
		}
		if (fg_set || !parse_color(w, &c)) {
			*bad = w;
			return false;
		}
		st.fg = (int16_t)c;
		fg_set = true;
	}
	*out = st;
	return true;
}

static bool
bind_line(struct settings *s, const char *file, unsigned lineno, char *rest)
{
	char *key = word(&rest), *act = word(&rest);
	int keys[3];
	size_t n, i;
	enum action a;

	if (key == NULL || act == NULL || word(&rest) != NULL) {
		warn(s, file, lineno, "bind needs a key and an action, as in "
		    "'bind ] next-section' (line skipped)");
		return false;
	}
	n = keymap_key_from_name(key, keys);
	if (n == 0) {
		warn(s, file, lineno, "unknown key '%s' (line skipped)", key);
		return false;
	}
	a = action_from_name(act);
	if (a == ACT_COUNT) {
		warn(s, file, lineno, "unknown action '%s' (line skipped; the "
		    "help screen lists them)", act);
		return false;
	}
	for (i = 0; i < n; i++)
		keymap_bind(&s->keys, strncmp(act, "toc-", 4) == 0
		    ? KEYMAP_TOC : KEYMAP_TEXT, keys[i], a);
	return true;
}

bool
settings_line(struct settings *s, const char *file, unsigned lineno,
    const char *text)
{
	char *line = xstrdup(text), *p = line, *key, *val, *eq, *end;
	bool ok = false;
	int n;

	while (*p == ' ' || *p == '\t')
		p++;
	end = p + strlen(p);
	while (end > p && strchr(" \t\r\n", end[-1]) != NULL)
		*--end = '\0';
	if (*p == '\0' || *p == '#') {
		ok = true;
		goto done;
	}
	if (strncmp(p, "bind", 4) == 0 && (p[4] == ' ' || p[4] == '\t')) {
		ok = bind_line(s, file, lineno, p + 4);
		goto done;
	}
	eq = strchr(p, '=');
	if (eq == NULL) {
		warn(s, file, lineno, "expected 'setting = value' or 'bind KEY "
		    "ACTION' (line skipped)");
		goto done;
	}
	*eq = '\0';
	key = p;
	val = eq + 1;
	for (end = eq; end > key && (end[-1] == ' ' || end[-1] == '\t');)
		*--end = '\0';
	while (*val == ' ' || *val == '\t')
		val++;
	if (strcmp(key, "width") == 0) {
		ok = parse_int(val, SETTINGS_WIDTH_MIN, SETTINGS_WIDTH_MAX, &n);
		if (ok)
			s->width = n;
		else
			warn(s, file, lineno, "width must be a number of columns "
			    "from %d to %d, not '%s' (line skipped)",
			    SETTINGS_WIDTH_MIN, SETTINGS_WIDTH_MAX, val);
	} else if (strcmp(key, "toc") == 0 || strcmp(key, "mouse") == 0) {
		bool b;

		ok = parse_bool(val, &b);
		if (ok && key[0] == 't')
			s->toc = b;
		else if (ok)
			s->mouse = b;
		else
			warn(s, file, lineno, "%s must be on or off, not '%s' "
			    "(line skipped)", key, val);
	} else if (strcmp(key, "toc-width") == 0) {
		ok = strcmp(val, "auto") == 0 || parse_int(val, 10, 200, &n);
		if (ok)
			s->toc_width = strcmp(val, "auto") == 0 ? 0 : n;
		else
			warn(s, file, lineno, "toc-width must be auto or a "
			    "number of columns from 10 to 200, not '%s' (line "
			    "skipped)", val);
	} else if (strncmp(key, "color.", 6) == 0 ||
	    strncmp(key, "colour.", 7) == 0) {
		const char *elem = strchr(key, '.') + 1, *bad = "";
		int e;

		for (e = 0; e < STYLE_COUNT; e++)
			if (strcmp(elem, element_names[e]) == 0)
				break;
		if (e == STYLE_COUNT)
			warn(s, file, lineno, "unknown element '%s' (line "
			    "skipped; see docs/configuration.md)", elem);
		else if (!(ok = parse_style(val, &s->style[e], &bad)))
			warn(s, file, lineno, "unknown colour or attribute "
			    "'%s' (line skipped)", bad);
	} else {
		warn(s, file, lineno, "unknown setting '%s' (line skipped)",
		    key);
	}
done:
	free(line);
	return ok;
}

size_t
settings_load(struct settings *s, const char *path, bool named)
{
	FILE *f = fopen(path, "r");
	char buf[LINE_MAX_LEN + 2];
	unsigned lineno = 0;
	size_t before = s->nwarnings;

	if (f == NULL) {
		if (named || errno != ENOENT)
			warn(s, path, 0, "%s (the defaults apply)",
			    strerror(errno));
		return s->nwarnings - before;
	}
	while (fgets(buf, sizeof buf, f) != NULL) {
		size_t n = strlen(buf);

		lineno++;
		if (n > LINE_MAX_LEN && buf[n - 1] != '\n') {
			int c;

			while ((c = fgetc(f)) != EOF && c != '\n')
				;
			warn(s, path, lineno, "line too long (line skipped)");
			continue;
		}
		settings_line(s, path, lineno, buf);
	}
	fclose(f);
	return s->nwarnings - before;
}
