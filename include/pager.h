/* The pager: the full-screen reading view, driven by the keyboard. */
#ifndef FOLIO_PAGER_H
#define FOLIO_PAGER_H

#include <stdbool.h>

#include "document.h"
#include "err.h"
#include "outline.h"

struct pager_options {
	int measure;          /* reading width, 0 for the default */
	long section;         /* heading to open at, or -1 */
	bool mouse;
};

/* Run until the user quits or a terminating signal arrives.  Returns 0, or
 * -1 with err set when the terminal cannot be used. */
int pager_run(const struct document *doc, const struct outline *o,
    const struct pager_options *opt, struct err *err);

#endif
