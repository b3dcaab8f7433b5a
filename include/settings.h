/* The configuration file (docs/configuration.md): "key = value" lines and
 * "bind KEY ACTION" lines, with # comments.  Loading never fails: a bad
 * line is skipped with a warning naming the file and line, and the rest
 * applies. */
#ifndef FOLIO_SETTINGS_H
#define FOLIO_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "keymap.h"

/* The screen elements that have a style. */
enum style_element {
	STYLE_HEADING,
	STYLE_MARKER,
	STYLE_RULE,
	STYLE_TOC_CURRENT,
	STYLE_TOC_SELECTED,
	STYLE_STATUS,
	STYLE_MATCH,
	STYLE_MATCH_CURRENT,
	STYLE_COUNT
};

#define STYLE_DEFAULT_COLOR (-1)

struct style {
	int16_t fg, bg;   /* 0-255 or STYLE_DEFAULT_COLOR */
	uint8_t attr;     /* TEXT_BOLD, TEXT_UNDERLINE, ... (text.h) */
};

/* The reading width, from the configuration or --width. */
#define SETTINGS_WIDTH_MIN 10
#define SETTINGS_WIDTH_MAX 1000

struct settings {
	int width;        /* reading width; 0: the default */
	bool toc;         /* the TOC is shown at start */
	int toc_width;    /* columns; 0: as wide as the titles want */
	bool mouse;
	struct style style[STYLE_COUNT];
	struct keymap keys;
	struct buf warnings; /* one per line: "FILE:LINE: what (skipped)" */
	size_t nwarnings;
};

/* The defaults: what folio does with no configuration file. */
void settings_init(struct settings *s);
void settings_fini(struct settings *s);
/* The file to read: FOLIO_CONFIG, else $XDG_CONFIG_HOME/folio/config,
 * else ~/.config/folio/config; malloc'd, NULL when there is none. */
char *settings_default_path(void);
/* Read path.  A missing file is not an error unless `named` (the user
 * named it with --config): then it is a warning.  Returns the number of
 * bad lines. */
size_t settings_load(struct settings *s, const char *path, bool named);
/* Apply one line (lineno for messages); false when it was bad. */
bool settings_line(struct settings *s, const char *file, unsigned lineno,
    const char *line);
const char *style_element_name(enum style_element e);

#endif
