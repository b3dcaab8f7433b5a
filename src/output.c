/* Non-interactive output (see output.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "output.h"
#include "text.h"
#include "layout.h"
#include "wrap.h"
#include "xalloc.h"

/* Append heading i's title: as it is (raw, or printable ASCII, which
 * cleaning would leave alone: most titles), else cleaned with markers. */
static void
add_title(struct buf *b, const struct outline *o, size_t i, bool raw)
{
	const char *t = outline_title(o, i);
	size_t n = outline_title_len(o, i);

	if (raw || o->h[i].title_ascii)
		buf_add(b, t, n);
	else
		text_clean(b, t, 0, n, TEXT_CLEAN_MARKERS);
}

static void
put_field(FILE *f, const char *s, bool raw)
{
	struct buf b = BUF_INIT;
	size_t n = s != NULL ? strlen(s) : 0;

	if (raw) {
		fwrite(s, 1, n, f);
		return;
	}
	text_clean(&b, s != NULL ? s : "", 0, n,
	    TEXT_CLEAN_MARKERS | TEXT_CLEAN_LITERAL);
	/* A tab inside a field would shift the ones after it. */
	for (n = 0; n < b.len; n++)
		fputc(b.data[n] == '\t' ? ' ' : b.data[n], f);
	buf_fini(&b);
}

void
output_recent(FILE *f, const struct recent *r, bool raw)
{
	time_t t = (time_t)r->last_read;
	char when[32];

	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&t));
	put_field(f, r->name, raw);
	fputc('\t', f);
	put_field(f, r->title, raw);
	fputc('\t', f);
	put_field(f, r->section, raw);
	fprintf(f, "\t%d%%\t%s\n", r->percent, when);
}

/* Write n in decimal at p; the end is returned. */
static char *
put_number(char *p, unsigned long n)
{
	char s[24];
	size_t k = sizeof s;

	do {
		s[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	memcpy(p, s + k, sizeof s - k);
	return p + (sizeof s - k);
}

/* Lines are made in a buffer and written a block at a time: an outline
 * may have a few hundred thousand of them. */
#define OUTPUT_BLOCK (64u * 1024)
/* The most a line takes before its title: two numbers and two tabs. */
#define OUTPUT_NUMBERS (2 * 24 + 2)

void
output_outline(FILE *f, const struct outline *o, bool raw)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < o->n; i++) {
		const struct heading *h = &o->h[i];
		size_t n = h->title_len;
		char *p;

		/* numbers, title and line end written in place */
		if (b.cap - b.len <= OUTPUT_NUMBERS + n + 1)
			buf_grow(&b, OUTPUT_NUMBERS + n + 1);
		p = put_number(b.data + b.len, h->level);
		*p++ = '\t';
		p = put_number(p, h->line);
		*p++ = '\t';
		if (raw || h->title_ascii) {
			memcpy(p, outline_title(o, i), n);
			p += n;
			*p++ = '\n';
			b.len = (size_t)(p - b.data);
		} else {
			b.len = (size_t)(p - b.data);
			text_clean(&b, outline_title(o, i), 0, n,
			    TEXT_CLEAN_MARKERS);
			buf_addc(&b, '\n');
		}
		if (b.len >= OUTPUT_BLOCK) {
			fwrite(b.data, 1, b.len, f);
			b.len = 0;
		}
	}
	fwrite(b.data != NULL ? b.data : "", 1, b.len, f);
	buf_fini(&b);
}

void
output_depths(const struct outline *o, int *depth)
{
	struct outline_depth d = { .n = 0 };
	size_t i;

	for (i = 0; i < o->n; i++)
		depth[i] = outline_depth_next(&d, o->h[i].level);
}

void
output_toc(FILE *f, const struct outline *o, bool raw)
{
	int *depth = xcalloc(o->n ? o->n : 1, sizeof *depth);
	unsigned long num[OUTLINE_LEVEL_MAX + 1] = { 0 };
	struct buf b = BUF_INIT;
	size_t i;
	int d, k;

	output_depths(o, depth);
	for (i = 0; i < o->n; i++) {
		d = depth[i];
		num[d]++;
		for (k = d + 1; k <= OUTLINE_LEVEL_MAX; k++)
			num[k] = 0;
		fprintf(f, "%*s", 2 * d, "");
		for (k = 0; k <= d; k++)
			fprintf(f, k < d ? "%lu." : "%lu", num[k]);
		fputc(' ', f);
		buf_reset(&b);
		add_title(&b, o, i, raw);
		buf_addc(&b, '\n');
		fwrite(b.data, 1, b.len, f);
	}
	buf_fini(&b);
	free(depth);
}

/* Write one wrapped row, expanding tabs and showing controls as markers. */
static void
print_row(FILE *f, const char *data, const struct wrap_row *r, struct buf *b)
{
	struct text_decoder d;
	struct text_unit u;
	int col = r->indent;

	buf_reset(b);
	for (int i = 0; i < r->indent; i++)
		buf_addc(b, ' ');
	text_decoder_init(&d, data, r->start, r->end);
	d.style = r->style;
	d.join = r->join;
	d.keep_tag = r->tag;
	d.quote = r->quote;
	d.squeeze = r->squeeze;
	d.squeeze_at = r->squeeze_at;
	while (text_decode(&d, &u)) {
		if (u.kind == TEXT_TAB) {
			int w = TEXT_TAB_STOP - col % TEXT_TAB_STOP;

			for (int i = 0; i < w; i++)
				buf_addc(b, ' ');
			col += w;
			continue;
		}
		text_put_unit(b, data, &u, true);
		col += u.width;
	}
	buf_addc(b, '\n');
	fwrite(b->data, 1, b->len, f);
}

static void
print_row_raw(FILE *f, const char *data, size_t from, size_t to, int indent)
{
	while (to > from && (data[to - 1] == ' ' || data[to - 1] == '\t'))
		to--;
	fprintf(f, "%*s", indent, "");
	fwrite(data + from, 1, to - from, f);
	fputc('\n', f);
}

void
output_print(FILE *f, const struct document *doc, const struct outline *o,
    size_t start, size_t end, int width, bool raw)
{
	struct layout lay;
	struct segment seg;
	struct buf b = BUF_INIT;
	size_t off = start < doc->text_start ? doc->text_start : start;

	layout_init(&lay, doc, o, width);
	/* raw output keeps the document's own line ends */
	layout_set_reflow(&lay, !raw);
	while (off < end) {
		const struct wrap_row *rows;
		size_t n, i;

		layout_segment(&lay, off, &seg);
		if (seg.end > end)
			seg.end = end;
		rows = layout_rows(&lay, &seg, &n);
		for (i = 0; i < n; i++) {
			if (!raw) {
				print_row(f, doc->data, &rows[i], &b);
				continue;
			}
			print_row_raw(f, doc->data,
			    i == 0 ? seg.start : rows[i].start,
			    i + 1 < n ? rows[i + 1].start : seg.end,
			    rows[i].indent);
		}
		if (seg.next <= off)
			break;
		off = seg.next;
	}
	layout_fini(&lay);
	buf_fini(&b);
}
