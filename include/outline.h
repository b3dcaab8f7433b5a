/* The outline: the sections of a document, found on its heading lines in
 * one forward pass.  One parser per format (fmt_*.c) feeds headings to
 * outline_add in document order; titles are kept in one string pool. */
#ifndef FOLIO_OUTLINE_H
#define FOLIO_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "document.h"
#include "err.h"

enum doc_format {
	FORMAT_AUTO,
	FORMAT_PLAIN,
	FORMAT_MARKDOWN,
	FORMAT_ASCIIDOC,
	FORMAT_RST
};

struct heading {
	size_t offset;        /* start of the heading (its overline, if any) */
	unsigned long line;   /* 1-based line of the heading's text */
	uint32_t title;       /* where the title is: in outline.titles, or
				 (title_in_doc) in the document, from offset */
	uint16_t title_len;
	uint8_t level;        /* 1 = top */
	uint8_t text_skip : 6; /* lines from offset to the text line (overline) */
	uint8_t title_in_doc : 1;
	uint8_t title_ascii : 1; /* printable ASCII: shown as it is */
};

/* A byte range shown as written: code blocks, listings. */
struct range {
	size_t start, end;
};

struct indexer;

struct outline {
	struct heading *h;    /* xbig_grow's */
	size_t n, cap;
	/* Titles are kept apart, NUL-separated, only when they differ from
	 * the document's bytes (markup, escapes, blanks): most headings'
	 * titles are read from the document itself. */
	char *titles;         /* xbig_grow's */
	size_t titles_len, titles_cap;
	const char *base;     /* the document being outlined */
	size_t baselen;
	/* Titles may be read from the document (the reader, which shows a
	 * few at a time, sets this to save memory); otherwise they are all
	 * copied into the pool, one compact read for --outline and --toc. */
	bool titles_in_doc;
	struct buf doc_title; /* front-matter title, if any */
	/* The library the format's parser needs is missing: what to tell
	 * the user (the outline is the plain parser's); else NULL. */
	const char *missing;
	enum doc_format format;
	struct range *verbatim; /* sorted, not overlapping */
	size_t nverbatim, capverbatim;
	/* Set while a worker builds the outline (indexer.h): every change
	 * is made under its lock. */
	struct indexer *ix;
	/* Bumped when the build starts over (outline_reset): what was
	 * derived from the headings must be derived again. */
	unsigned generation;
	struct buf scratch;   /* the builder's, for cleaning titles */
};

/* Titles longer than this are cut (at a character boundary). */
#define OUTLINE_TITLE_MAX 512
#define OUTLINE_LEVEL_MAX 16

void outline_init(struct outline *o);
void outline_fini(struct outline *o);

/* Detect the format from the name's extension, then from the content.
 * name may be NULL (standard input). */
enum doc_format format_detect(const char *name, const char *data,
    size_t len);
const char *format_name(enum doc_format f);
/* Is name (a path, may be NULL) source code or configuration, by its
 * extension or its whole name ("wrap.c", "Makefile", "app.conf")?  Such
 * a file is shown with its lines as written. */
bool format_is_source(const char *name);
/* What a line of a patch or of a history starts, as git and diff print
 * them (git log, git show, git format-patch, git diff, diff -r). */
enum patch_line {
	PATCH_NONE,
	PATCH_COMMIT, /* "commit <hash>" */
	PATCH_MAIL,   /* "From <hash> <date>", a mail of git format-patch */
	PATCH_DIFF    /* "diff --git a/x b/x", "diff -ru old/x new/x" */
};
enum patch_line format_patch_line(const char *s, size_t n);
/* Is the document a patch or a history: named .patch or .diff, or its
 * first line with text (data[0..len), colour escapes left out) starts a
 * commit, a mail or a diff?  Its lines are shown as written, its
 * sections are its commits and files. */
bool format_is_patch(const char *name, const char *data, size_t len);
/* Parse a --format argument; returns -1 for an unknown name. */
int format_from_name(const char *s, enum doc_format *out);

/* Choose the format of doc's outline: fmt, or (FORMAT_AUTO) detected. */
void outline_prepare(struct outline *o, const struct document *doc,
    enum doc_format fmt);
/* doc grew (a pipe still being read): forget every heading, and choose
 * the format again, for a build of the whole of it.  No worker may be
 * building o. */
void outline_restart(struct outline *o, const struct document *doc,
    enum doc_format fmt);
/* Build the outline of doc in format fmt (FORMAT_AUTO: detect). */
void outline_build(struct outline *o, const struct document *doc,
    enum doc_format fmt);

/* Append a heading.  The title is cleaned: escapes, overstrike and markup
 * already removed by the caller are not touched; white space is squeezed,
 * invalid bytes become U+FFFD.  A heading at or before the last one's
 * offset is dropped (false): headings stay in document order. */
bool outline_add(struct outline *o, size_t offset, unsigned long line,
    int level, const char *title, size_t title_len);
/* The same, for a heading whose text line follows an overline. */
void outline_add_overlined(struct outline *o, size_t offset,
    unsigned long line, int level, const char *title, size_t title_len);
/* Heading i's title: title_len bytes, not NUL-terminated (except the
 * first heading's, which outline_doc_title gives as a string). */
const char *outline_title(const struct outline *o, size_t i);
size_t outline_title_len(const struct outline *o, size_t i);
/* The title a document is listed under: its own (front matter), its first
 * heading's, or its file name. */
const char *outline_doc_title(const struct outline *o,
    const struct document *doc);
/* For the parsers: everything before off has been looked at.  Returns
 * false when the build is to stop (the reader left before it finished). */
bool outline_scanned(struct outline *o, size_t off);
/* Forget the headings found so far: the parser starts over. */
void outline_reset(struct outline *o);
/* The document's own title (front matter). */
void outline_set_doc_title(struct outline *o, const char *s, size_t n);
/* The format's library is missing (a message that lives as long as
 * folio: a string literal). */
void outline_set_missing(struct outline *o, const char *what);
/* Mark [start, end) as verbatim (code); ranges must come in order. */
void outline_add_verbatim(struct outline *o, size_t start, size_t end);
bool outline_is_verbatim(const struct outline *o, size_t off);
/* The end of heading i's lines: its text line and its underline, if the
 * line after the text is one. */
size_t outline_heading_end(const struct outline *o, const struct document *doc,
    size_t i);
/* Where section i ends: the offset of the next heading of the same or a
 * higher level, or doclen. */
size_t outline_section_end(const struct outline *o, size_t i, size_t doclen);
/* The depth of each heading in the tree, taken one heading after another
 * from the first: the levels of its open ancestors. */
struct outline_depth {
	int levels[OUTLINE_LEVEL_MAX + 1];
	int n;
};
/* The next heading, of this level: its depth (0 = top). */
int outline_depth_next(struct outline_depth *d, int level);
/* Renumber levels to 1..k, keeping their order. */
void outline_compact_levels(struct outline *o);
/* Index of the section containing off (the last heading at or before it),
 * or -1 in the preamble.  Binary search. */
long outline_find(const struct outline *o, size_t off);
/* 1-based N, or the first title containing text (case-insensitively);
 * -1 when nothing matches. */
long outline_lookup(const struct outline *o, const char *spec);

/* Append the text of a title with the inline markup of fmt removed:
 * code quotes, emphasis marks, roles, link targets ("url[text]" gives
 * "text"). */
void outline_clean_inline(struct buf *out, const char *s, size_t n,
    enum doc_format fmt);

/* The format parsers. */
void fmt_plain_parse(struct outline *o, const struct document *doc);
void fmt_markdown_parse(struct outline *o, const struct document *doc);
void fmt_asciidoc_parse(struct outline *o, const struct document *doc);
void fmt_rst_parse(struct outline *o, const struct document *doc);

#endif
