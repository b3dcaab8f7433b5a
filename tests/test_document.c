/* Document tests: opening files, the errors a user sees, line helpers. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "tap.h"

static void
test_open_errors(void)
{
	struct document doc;
	struct err err;

	ok(document_open(&doc, "/nonexistent/file.txt", &err) == -1 &&
	    strcmp(err.msg, "/nonexistent/file.txt: No such file or directory")
	    == 0, "a missing file names the path and the reason");
	ok(document_open(&doc, "/", &err) == -1 &&
	    strcmp(err.msg, "/: Is a directory") == 0,
	    "a directory is refused with its path");
}

static void
test_open_files(void)
{
	char path[] = "/tmp/folio-test-XXXXXX";
	struct document doc;
	struct err err;
	int fd = mkstemp(path);

	ok(fd >= 0 && document_open(&doc, path, &err) == 0 && doc.len == 0,
	    "an empty file is a valid, empty document");
	document_fini(&doc);
	/* files the kernel writes as they are read: procfs says they are
	 * empty, sysfs that they hold a page it will not map */
	ok(document_open(&doc, "/proc/self/status", &err) == 0 &&
	    doc.len > 5 && memcmp(doc.data, "Name:", 5) == 0,
	    "a /proc file that says it is empty is read");
	document_fini(&doc);
	ok(document_open(&doc, "/sys/devices/system/cpu/possible", &err) == 0 &&
	    doc.len > 0 && doc.len < 4096 && doc.data[doc.len - 1] == '\n',
	    "a /sys file that cannot be mapped is read");
	document_fini(&doc);
	(void)!write(fd, "\xEF\xBB\xBFone\ntwo\n", 11);
	ok(document_open(&doc, path, &err) == 0 && doc.len == 11 &&
	    doc.source == DOC_MAPPED, "a regular file is mapped, not copied");
	is_long((long)doc.text_start, 3, "a leading BOM is skipped");
	is_long((long)document_line_start(&doc, 9), 7, "line start of an offset");
	is_long((long)document_line_end(&doc, 3), 6, "line end of an offset");
	is_long((long)document_line_number(&doc, 8), 2, "line number of an offset");
	is_long((long)document_next_line(&doc, 7), 11, "next line of the last line");
	document_fini(&doc);
	close(fd);
	unlink(path);
}

static void
test_pipe(void)
{
	struct document doc;
	struct err err;
	int p[2];

	ok(pipe(p) == 0, "pipe");
	(void)!write(p[1], "piped\n", 6);
	close(p[1]);
	ok(document_read_fd(&doc, p[0], "(stdin)", &err) == 0 &&
	    doc.len == 6 && memcmp(doc.data, "piped\n", 6) == 0 &&
	    strcmp(doc.name, "(stdin)") == 0,
	    "a pipe is read into one buffer");
	document_fini(&doc);
	close(p[0]);
}

static void
test_lines(void)
{
	struct line_iter it;
	struct line l;
	static const char s[] = "a\r\nbb\n\nc";
	int n = 0;
	bool good = true;
	static const size_t want[][2] = { { 0, 1 }, { 3, 5 }, { 6, 6 }, { 7, 8 } };

	line_iter_init(&it, s, sizeof s - 1, 0);
	while (line_iter_next(&it, &l)) {
		good &= n < 4 && l.start == want[n][0] && l.end == want[n][1] &&
		    l.lineno == (unsigned long)n + 1;
		n++;
	}
	ok(good && n == 4, "lines: CR before LF dropped, last line unterminated");
}

/* Counting lines eight bytes at a time agrees with counting them one by
 * one: at every alignment, across the 2040-byte blocks, with bytes that
 * differ from '\n' in one bit (0x0b, 0x8a) or are 0x00 and 0xff. */
static void
test_count_lines(void)
{
	static const unsigned char pool[] = { '\n', 'a', 0x0b, 0x8a, 0x00,
	    0xff, 0x09, ' ' };
	size_t len = 9000, i, from, to, bad = 0, badskip = 0;
	char *b = malloc(len);
	struct document doc;
	unsigned seed = 7;

	for (i = 0; i < len; i++) {
		seed = seed * 1103515245u + 12345u;
		b[i] = (char)pool[(seed >> 16) % (i % 3000 < 2100 ? 8 : 2)];
	}
	document_init_static(&doc, b, len, "count");
	for (from = 0; from < 24; from++)
		for (to = from; to <= len; to += 1 + to / 7) {
			size_t want = 0, k;

			for (k = from; k < to; k++)
				want += b[k] == '\n';
			bad += document_count_lines(&doc, from, to) != want;
		}
	is_long((long)bad, 0, "lines counted eight bytes at a time, exactly");
	for (i = 0; i < 1200; i++) {
		/* the start of the line i lines after the first */
		size_t want = 0, n = i;

		while (n > 0 && want < len) {
			const char *p = memchr(b + want, '\n', len - want);

			want = p != NULL ? (size_t)(p - b) + 1 : len;
			n--;
		}
		badskip += document_skip_lines(&doc, 0, i) !=
		    (n > 0 ? len : want);
	}
	is_long((long)badskip, 0, "skipping n lines finds the n-th line's start");
	is_long((long)document_skip_lines(&doc, 0, len), (long)len,
	    "skipping past the last line ends at the end");
	is_long((long)document_line_number(&doc, len),
	    1 + (long)document_count_lines(&doc, 0, len),
	    "the line number at the end is one more than the newlines");
	document_fini(&doc);
	free(b);
}

static void
test_cr_lines(void)
{
	char path[] = "/tmp/folio-test-XXXXXX";
	static const char cr[] = "one\rtwo\r\rthree";
	struct document doc;
	struct err err;
	char back[sizeof cr];
	int fd = mkstemp(path);

	(void)!write(fd, cr, sizeof cr - 1);
	ok(document_open(&doc, path, &err) == 0 && doc.len == sizeof cr - 1 &&
	    memcmp(doc.data, "one\ntwo\n\nthree", doc.len) == 0,
	    "lines ended by CR alone read as lines, offsets unchanged");
	document_fini(&doc);
	ok(pread(fd, back, sizeof cr - 1, 0) == (ssize_t)sizeof cr - 1 &&
	    memcmp(back, cr, sizeof cr - 1) == 0, "the file is not changed");
	close(fd);
	unlink(path);
}

/* A file's fingerprint is read through a buffer (document.c): it must be
 * the one of the same bytes held in memory, hashed whole (up to
 * DOCUMENT_FP_WHOLE) or sampled. */
static void
test_fingerprint(size_t size, const char *what)
{
	char path[] = "/tmp/folio-test-XXXXXX";
	struct document file, mem;
	struct fingerprint a, b;
	struct err err;
	char *bytes = malloc(size);
	unsigned x = 12345;
	size_t i;
	int fd = mkstemp(path), in;

	for (i = 0; i < size; i++) {
		x = x * 1103515245u + 12345u;
		bytes[i] = (char)(x >> 16);
	}
	ok(fd >= 0 && write(fd, bytes, size) == (ssize_t)size,
	    "%s: written", what);
	in = open(path, O_RDONLY);
	ok(document_open(&file, path, &err) == 0 &&
	    file.source == DOC_MAPPED &&
	    document_read_fd(&mem, in, "(stdin)", &err) == 0 &&
	    mem.source != DOC_MAPPED && mem.len == size, "%s: opened", what);
	document_fingerprint(&file, &a);
	document_fingerprint(&mem, &b);
	ok(memcmp(a.b, b.b, sizeof a.b) == 0,
	    "%s: the file's fingerprint is its bytes'", what);
	/* and it is of the bytes: one changed (where a sampled file is
	 * always read), another fingerprint */
	i = size > DOCUMENT_FP_WHOLE ? 100 : size / 2;
	bytes[i] ^= 1;
	(void)!pwrite(fd, bytes + i, 1, (off_t)i);
	document_fingerprint(&file, &b);
	ok(memcmp(a.b, b.b, sizeof a.b) != 0, "%s: a changed byte changes it",
	    what);
	document_fini(&file);
	document_fini(&mem);
	close(in);
	close(fd);
	unlink(path);
	free(bytes);
}

int
main(void)
{
	test_cr_lines();
	test_count_lines();
	test_open_errors();
	test_open_files();
	test_pipe();
	test_lines();
	test_fingerprint(3u << 20, "3 MiB, hashed whole");
	test_fingerprint(DOCUMENT_FP_WHOLE + (5u << 20), "21 MiB, sampled");
	return tap_done();
}
