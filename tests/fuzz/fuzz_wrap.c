/* libFuzzer target: wrapping any line at any width, with each set of
 * flags (the first two bytes pick them), and laying a whole document out
 * row by row.  Rows must cover the line in order and fit the width. */
#include "config.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "layout.h"
#include "outline.h"
#include "wrap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
wrap_one(const char *s, size_t n, int width, unsigned flags)
{
	struct wrap w;
	const char *nl = memchr(s, '\n', n);
	size_t end = nl != NULL ? (size_t)(nl - s) : n, rows, i;

	wrap_init(&w);
	rows = wrap_line(&w, s, 0, end, width, flags);
	assert(rows >= 1 && rows == w.nrows);
	for (i = 0; i < rows; i++) {
		assert(w.rows[i].start <= w.rows[i].end);
		assert(w.rows[i].end <= end);
		assert(i == 0 || w.rows[i - 1].start <= w.rows[i].start);
	}
	(void)wrap_hanging_indent(s, 0, end);
	wrap_fini(&w);
}

static void
layout_all(const char *s, size_t n, int width)
{
	struct document doc;
	struct outline o;
	struct layout l;
	size_t off = 0, next, steps = 0;

	document_init_static(&doc, s, n, "fuzz");
	outline_init(&o);
	outline_build(&o, &doc, FORMAT_AUTO);
	layout_init(&l, &doc, &o, width);
	off = layout_row_start(&l, 0);
	while (layout_next_row(&l, off, &next) && steps++ < 100000) {
		assert(next > off);
		off = next;
	}
	while (layout_prev_row(&l, off, &next) && steps++ < 200000) {
		assert(next < off);
		off = next;
	}
	layout_fini(&l);
	outline_fini(&o);
	document_fini(&doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int width;

	if (size < 2)
		return 0;
	width = 1 + data[0] % 120;
	wrap_one((const char *)data + 2, size - 2, width, data[1] & 7);
	layout_all((const char *)data + 2, size - 2, width < 10 ? 10 : width);
	return 0;
}
