/* Finder tests: which heading the go-to prompt and the TOC filter pick
 * for what a reader types. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "finder.h"
#include "tap.h"

static const char doc_text[] =
    "# Getting Started\n\n"
    "## Installing folio\n\n"
    "## Starting the pager\n\n"
    "# Searching Text\n\n"
    "## Regular expressions\n\n"
    "# Configuration\n\n"
    "## Start-up options\n\n"
    "# \xC3\x89" "tude de cas\n";

static struct outline o;
static struct document doc;

static void
rank(const char *q, const char *want, const char *what)
{
	uint32_t out[16];
	size_t n = finder_rank(&o, q, out, 16), i;
	struct buf got = BUF_INIT;

	for (i = 0; i < n; i++)
		buf_addf(&got, "%s%u", i ? "," : "", out[i] + 1);
	is_str(buf_str(&got), want, what);
	buf_fini(&got);
}

int
main(void)
{
	uint8_t m[16];

	document_init_static(&doc, doc_text, sizeof doc_text - 1, "f.md");
	outline_init(&o);
	outline_build(&o, &doc, FORMAT_AUTO);
	ok(o.n == 8, "eight headings");
	rank("3", "3", "a number is that heading");
	rank(" 8 ", "8", "blanks around it are fine");
	rank("9", "", "a number past the last heading: none");
	rank("0", "", "nor 0");
	rank("start", "3,7,1", "titles starting with it first, then a word "
	    "starting with it, then inside a word; ties in document order");
	rank("START", "3,7,1", "case does not matter");
	rank("regex", "5", "fuzzy: the letters in order");
	rank("srch txt", "4", "fuzzy ignores blanks in the query");
	rank("etude", "", "accents are not dropped");
	rank("\xC3\xA9tude", "8", "non-ASCII titles are case-folded");
	rank("zzz", "", "no match: none");
	ok(finder_filter(&o, "start", m) == 3 && m[0] && m[2] && m[6] &&
	    !m[1], "the filter keeps titles containing the text");
	ok(finder_filter(&o, "regex", m) == 0, "and is not fuzzy");
	outline_fini(&o);
	document_fini(&doc);
	return tap_done();
}
