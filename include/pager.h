/* The pager: the full-screen reading view, driven by the keyboard. */
#ifndef FOLIO_PAGER_H
#define FOLIO_PAGER_H

#include <stdbool.h>

#include "bookmarks.h"
#include "document.h"
#include "err.h"
#include "indexer.h"
#include "outline.h"
#include "settings.h"

struct pager_options {
	int measure;          /* reading width, 0 for the default */
	long section;         /* heading to open at, or -1 */
	/* the configuration: keys, styles, TOC, mouse; its first warning is
	 * shown on the status line */
	const struct settings *set;
	/* The bookmark store and the document's key in it; bm NULL: neither
	 * restore nor save. */
	struct bookmarks *bm;
	struct doc_key *key;  /* its fingerprint may wait (pager.c) */
	const char *title;    /* the document's title, for the store (NULL:
				 the outline's, when saving) */
	bool several;         /* one of several files: C-n/C-p move on */
	/* The outline is to be built in the background, from when the
	 * first screen is up (indexer_init done); NULL: it is complete. */
	struct indexer *ix;
	bool warned;          /* the configuration's warning was shown */
	/* A document that may grow: a pipe still being read
	 * (document_growing), or a mapped file followed with F.  doc and o
	 * are these; grow_ix (ix, or one not started) builds the outline
	 * again each time it grows, in format (FORMAT_AUTO: detected
	 * again).  A pipe's position is not restored, and is saved only
	 * once it has ended.  NULL: the document never grows. */
	struct document *grow_doc;
	struct outline *grow_o;
	struct indexer *grow_ix;
	enum doc_format format;
};

/* How a reading ended. */
enum pager_end {
	PAGER_QUIT,           /* q */
	PAGER_NEXT_FILE,      /* C-n, with several files */
	PAGER_PREV_FILE,      /* C-p */
	PAGER_SIGNAL          /* a terminating signal */
};

struct screen;
/* Read doc on a screen already set up (the library opens one article
 * after another on it). */
enum pager_end pager_read(struct screen *s, const struct document *doc,
    const struct outline *o, const struct pager_options *opt);

/* Run until the user quits or a terminating signal arrives, restoring the
 * reading position from the store first and saving it as the reader goes
 * and on the way out.  Returns 0, or -1 with err set when the terminal
 * cannot be used. */
int pager_run(const struct document *doc, const struct outline *o,
    const struct pager_options *opt, struct err *err);

#endif
