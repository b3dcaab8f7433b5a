/* A document: the bytes of one article, memory-mapped when it is a regular
 * file and read once into one buffer otherwise.  Positions everywhere in
 * folio are byte offsets into doc->data.  The bytes are never modified and
 * never NUL-terminated: always use doc->len. */
#ifndef FOLIO_DOCUMENT_H
#define FOLIO_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

enum doc_source {
	DOC_EMPTY,  /* no bytes: data points at a static empty string */
	DOC_MAPPED, /* mmap of a regular file */
	DOC_HEAP,   /* read from a pipe or device into one malloc'd buffer */
	DOC_FED     /* a pipe read into one reserved mapping, maybe still
		       being read (document_read_stream) */
};

struct document_feed;

struct document {
	const char *data;
	size_t len;
	size_t text_start;  /* 3 when the text begins with a UTF-8 BOM, else 0 */
	char *name;         /* for display: the path as given, or "(stdin)" */
	char *path;         /* the path as given; NULL for standard input */
	enum doc_source source;
	bool rewritten;     /* its bytes differ from the file's (lone CRs) */
	unsigned long long dev, ino; /* the mapped file's identity */
	struct document_feed *feed; /* DOC_FED: the pipe and its reader */
};

/* Open `path`, or standard input when path is "-".  On failure returns -1
 * and leaves "PATH: reason" in err; doc is then untouched. */
int document_open(struct document *doc, const char *path, struct err *err);
/* Read everything from fd into one buffer.  name is used for display. */
int document_read_fd(struct document *doc, int fd, const char *name,
    struct err *err);
/* Read a pipe for the reader, who shows it before its end: read as
 * document_read_fd does until the pipe ends, or until it has been read
 * for DOCUMENT_STREAM_MS (or DOCUMENT_FEED_AHEAD bytes came) and has a
 * whole line.  Then a thread of its own goes on reading it while doc is
 * what came so far, up to its last whole line; the document grows with
 * document_feed_take.  The bytes go into one reserved mapping, so that
 * they never move; where no such mapping can be made, the pipe is read
 * to its end (document_read_fd).  A file as standard input and a
 * compressed pipe are read whole. */
#define DOCUMENT_STREAM_MS 250
int document_read_stream(struct document *doc, int fd, const char *name,
    struct err *err);
/* Is doc a pipe not read to its end, or with bytes not yet taken? */
bool document_growing(const struct document *doc);
/* The length doc can grow to now: past its last whole line read (the
 * whole, once the pipe ended; *ended says so); doc->len when no more. */
size_t document_feed_next(const struct document *doc, bool *ended);
/* Bytes read from the pipe so far. */
size_t document_feed_read(const struct document *doc);
/* Why reading the pipe stopped before its end, or NULL. */
const char *document_feed_error(const struct document *doc);
/* The thread reads DOCUMENT_FEED_AHEAD bytes past what the first
 * screen was made of, then waits until the reader wants more: a pipe
 * that never ends (yes) does not fill the memory. */
#define DOCUMENT_FEED_AHEAD ((size_t)128 << 20)
/* Read on until the pipe holds want bytes (or ends). */
void document_feed_want(const struct document *doc, size_t want);
/* doc is now len bytes long (from document_feed_next). */
void document_feed_take(struct document *doc, size_t len);
/* Is doc a file that may be mapped again as it grows: mapped, or empty,
 * its bytes the file's own? */
bool document_can_grow(const struct document *doc);
/* Has the file grown since it was opened (1), or not (0)?  -1 when it
 * can no longer (as document_refresh says). */
int document_file_grew(const struct document *doc);
/* A mapped (or empty) file that grew since it was opened (a log being
 * written, F in the reader): map it again, whole, at another address
 * (doc->data changes: nothing may hold a pointer into the old one).  1 when it
 * grew, 0 when not, -1 when it can no longer: another file at its path
 * now (a log rotated), cut short, not a mapped file, or CRs rewritten. */
int document_refresh(struct document *doc);
/* "512 bytes", "12 KiB", "3.4 MiB", into out (n bytes). */
void document_size_name(char *out, size_t n, size_t bytes);
/* While a read from a pipe (or any fd but a file) is still going after a
 * quarter of a second, call fn(bytes read so far) every quarter of a
 * second, even when nothing arrives; NULL to stop.  For a reader that
 * tells its user what it is waiting for. */
void document_on_slow_read(void (*fn)(size_t so_far));
/* Wrap an existing buffer (tests, built-in texts); the bytes are not
 * copied and must outlive the document. */
void document_init_static(struct document *doc, const char *data,
    size_t len, const char *name);
void document_fini(struct document *doc);
/* The whole document is about to be read (an outline on standard output,
 * a count): map all its pages at once rather than one fault at a time. */
void document_will_read_all(const struct document *doc);
/* Survive the file being cut short by another program while it is mapped:
 * the pages past its new end read as blank lines instead of killing folio
 * with SIGBUS.  Covers one document at a time; call it again after
 * installing other SIGBUS handlers (they get the signals not about the
 * document).  document_cut_short says whether it happened. */
void document_guard(const struct document *doc);
bool document_cut_short(void);

/* What identifies a document's content wherever it lives: a 128-bit hash
 * (XXH3) of its bytes.  Documents up to DOCUMENT_FP_WHOLE bytes are hashed
 * whole; larger ones by their length, their first and last
 * DOCUMENT_FP_EDGE bytes and DOCUMENT_FP_SAMPLES evenly spaced samples, so
 * that a gigabyte opens at once. */
#define DOCUMENT_FP_WHOLE (16u << 20)
#define DOCUMENT_FP_EDGE (1u << 20)
#define DOCUMENT_FP_SAMPLES 256
#define DOCUMENT_FP_SAMPLE 4096

struct fingerprint {
	uint8_t b[16];
};

void document_fingerprint(const struct document *doc, struct fingerprint *fp);

/* Does the document look binary: a NUL byte in its first
 * DOCUMENT_BINARY_PROBE bytes? */
#define DOCUMENT_BINARY_PROBE (64u * 1024)
bool document_looks_binary(const struct document *doc);

/* Line boundaries.  A line runs from its start to its '\n' (exclusive) or
 * to the end of the document. */
size_t document_line_start(const struct document *doc, size_t off);
size_t document_line_end(const struct document *doc, size_t off);
/* The offset just past the line containing off (past its '\n'). */
size_t document_next_line(const struct document *doc, size_t off);
/* 1-based number of the line containing off (counts '\n' before it). */
unsigned long document_line_number(const struct document *doc, size_t off);
/* How far into doc off is, 0 to 100 (100 at its end, or when empty). */
int document_percent(const struct document *doc, size_t off);
/* The newlines in [from, to), counted eight bytes at a time (a gigabyte
 * in about a tenth of a second). */
size_t document_count_lines(const struct document *doc, size_t from,
    size_t to);
/* The start of the line n lines after the one from starts (n = 0: from),
 * or doc->len when the document ends before it. */
size_t document_skip_lines(const struct document *doc, size_t from,
    size_t n);

/* Iterate over the lines of a byte range without allocating.  end excludes
 * the '\n' and a CR before it. */
struct line_iter {
	const char *data;
	size_t len;
	size_t pos;
	unsigned long lineno;
};

struct line {
	size_t start;
	size_t end;
	size_t next;          /* where the next line starts */
	unsigned long lineno;
};

/* Lines of a whole mapped document read through a small buffer with
 * pread(): a pass over every line then reads the file as wc does, and
 * touches none of the mapping's pages (reading a mapping goes a 4 KiB
 * page at a time).  A line longer than the buffer, a document in memory
 * or one whose bytes differ from its file are read from doc->data. */
struct line_reader {
	const struct document *doc;
	int fd;               /* -1: read doc->data */
	char *buf;
	size_t cap;           /* buf's size: grows for a long read */
	size_t nread;         /* bytes read so far */
	size_t buf_start;     /* buf holds the bytes [buf_start, buf_end) */
	size_t buf_end;
	size_t pos;           /* the next line */
	unsigned long lineno;
	/* For the parsers: the first form feed in buf (an offset in the
	 * document, SIZE_MAX: none), once ff_known. */
	bool ff_known;
	size_t ff;
};

void line_reader_init(struct line_reader *r, const struct document *doc,
    size_t start);
void line_reader_fini(struct line_reader *r);
/* The next line, and in *text its bytes from out->start (valid until the
 * next call). */
bool line_reader_next(struct line_reader *r, struct line *out,
    const char **text);
/* Go on from pos (the start of line lineno). */
void line_reader_seek(struct line_reader *r, size_t pos,
    unsigned long lineno);
/* The document's bytes [off, off + n): from r's buffer when it holds
 * them, else from doc->data. */
const char *line_reader_bytes(const struct line_reader *r, size_t off,
    size_t n);
/* line_iter_next on it (over the same document), through r's buffer
 * when it holds the line: a look ahead of the reader's place. */
bool line_reader_peek(const struct line_reader *r, struct line_iter *it,
    struct line *out);

void line_iter_init(struct line_iter *it, const char *data, size_t len,
    size_t start);
bool line_iter_next(struct line_iter *it, struct line *out);

#endif
