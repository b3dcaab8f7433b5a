/* The library view: the list of articles on the screen, and reading them
 * one after another without leaving it. */
#ifndef FOLIO_LIBVIEW_H
#define FOLIO_LIBVIEW_H

#include <stdbool.h>

#include "bookmarks.h"
#include "err.h"
#include "library.h"
#include "settings.h"

struct libview_options {
	const struct settings *set;
	struct bookmarks *bm;  /* NULL: no progress, nothing saved */
	int measure;           /* reading width asked for, 0 for the default */
	bool several;          /* files given: C-n / C-p go through them */
	char **files;          /* those files, to list again after r r */
	int nfiles;
	const char *label;     /* what the status line calls the list */
};

/* Run until q (or a terminating signal).  Returns 0, or -1 with err set
 * when the terminal cannot be used. */
int libview_run(struct library *l, const struct libview_options *opt,
    struct err *err);

#endif
