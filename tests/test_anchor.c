/* Re-anchoring: a reader who comes back to an edited document lands in
 * the same section, at the same place within it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "anchor.h"
#include "outline.h"
#include "tap.h"

struct fixture {
	struct document doc;
	struct outline o;
};

static void
load(struct fixture *f, const char *text)
{
	document_init_static(&f->doc, text, strlen(text), "t.md");
	outline_init(&f->o);
	outline_build(&f->o, &f->doc, FORMAT_MARKDOWN);
}

static void
unload(struct fixture *f)
{
	outline_fini(&f->o);
	document_fini(&f->doc);
}

/* Make an anchor at the first occurrence of `at` in before, resolve it in
 * after, and return the text found there, from the start of its line (the
 * pager shows the row holding the offset). */
static const char *
moved(const char *before, const char *at, const char *after)
{
	static char got[64];
	struct fixture a, b;
	struct anchor an;
	size_t off;

	load(&a, before);
	load(&b, after);
	anchor_init(&an);
	anchor_make(&an, &a.o, a.doc.len, (size_t)(strstr(before, at) - before));
	off = document_line_start(&b.doc,
	    anchor_resolve(&an, &b.o, b.doc.len));
	snprintf(got, sizeof got, "%.12s", after + off);
	anchor_fini(&an);
	unload(&a);
	unload(&b);
	return got;
}

static const char doc1[] =
    "Intro text.\n\n"
    "# Alpha\n\nalpha one\n\nalpha two\n\n"
    "# Beta\n\nbeta one\n\nbeta two\n\nbeta three\n\n"
    "# Gamma\n\ngamma one\n";

int
main(void)
{
	struct fixture f;
	struct anchor an;

	is_str(moved(doc1, "beta two", doc1), "beta two\n\nbe",
	    "an unchanged document resolves to the same place");
	is_str(moved(doc1, "beta two",
	    "# New first\n\nlots of new text here\n\n# Beta\n\nbeta one\n\n"
	    "beta two\n\nbeta three\n\n# Alpha\n\nalpha one\n\nalpha two\n"),
	    "beta two\n\nbe",
	    "a section that moved is found by its title, same place inside");
	is_str(moved(doc1, "beta three",
	    "# Alpha\n\nalpha one\n\n# Gamma\n\ngamma one\n"),
	    "# Alpha\n\nalp",
	    "a section that is gone falls back to the nearest earlier one");
	is_str(moved(doc1, "gamma one",
	    "# Zeta\n\nzeta one is here\n\n# Eta\n\neta one is here too\n"),
	    "eta one is h",
	    "no title left: the same fraction of the document");
	is_str(moved("# A\n\nx\n\n# Notes\n\nfirst notes\n\n# B\n\ny\n\n"
	    "# Notes\n\nsecond notes\n", "second",
	    "# A\n\nx x\n\n# Notes\n\nfirst notes\n\n# B\n\ny y\n\n"
	    "# Notes\n\nsecond notes\n"),
	    "second notes",
	    "of two sections with one title, the one at the nearer place");
	is_str(moved(doc1, "Intro", "Longer intro text.\n\n# Alpha\n\nx\n"),
	    "Longer intro",
	    "a place in the preamble stays in the preamble");

	load(&f, doc1);
	anchor_init(&an);
	anchor_make(&an, &f.o, f.doc.len, (size_t)(strstr(doc1, "gamma") -
	    doc1));
	is_str(buf_str(&an.titles), "Gamma\nBeta\nAlpha",
	    "an anchor keeps its section's title and the earlier ones");
	ok(an.fraction > 0.8 && an.fraction < 1, "and how far it was");
	anchor_fini(&an);
	unload(&f);

	/* A place past the part of a document indexed so far: its section
	 * is not known, and the last one known (Alpha, say) would put it
	 * there in the edited document.  It is found by its fraction. */
	load(&f, doc1);
	anchor_init(&an);
	anchor_make_unplaced(&an, f.doc.len,
	    (size_t)(strstr(doc1, "gamma one") - doc1));
	ok(an.titles.len == 0 && an.in_section < 0,
	    "a place whose section is not known keeps no title");
	unload(&f);
	{
		static const char after[] =
		    "Intro text.\n\n"
		    "# Alpha\n\nalpha one\n\nalpha two\n\nalpha 3\n\n"
		    "# Beta\n\nbeta one\n\nbeta two\n\nbeta three\n\n"
		    "# Gamma\n\ngamma one\n";
		long sec;

		load(&f, after);
		sec = outline_find(&f.o, anchor_resolve(&an, &f.o, f.doc.len));
		is_str(sec >= 0 ? outline_title(&f.o, (size_t)sec) : "",
		    "Gamma",
		    "and is found again by how far into the document it was");
		unload(&f);
	}
	anchor_fini(&an);

	is_long(anchor_mark_index('a'), 0, "mark a is the first");
	is_long(anchor_mark_index('Z'), ANCHOR_MARKS - 1, "mark Z the last");
	is_long(anchor_mark_index('1'), -1, "digits are not marks");
	is_long(anchor_mark_name(anchor_mark_index('q')), 'q',
	    "a mark's name comes back from its index");
	return tap_done();
}
