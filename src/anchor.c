/* Re-anchoring places in documents that changed (see anchor.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "anchor.h"

static const char mark_names[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

_Static_assert(sizeof mark_names - 1 == ANCHOR_MARKS, "a name per mark");

int
anchor_mark_index(int c)
{
	const char *p;

	if (c <= 0 || c > 127 || (p = strchr(mark_names, c)) == NULL)
		return -1;
	return (int)(p - mark_names);
}

int
anchor_mark_name(int i)
{
	return i >= 0 && i < ANCHOR_MARKS ? mark_names[i] : 0;
}

void
anchor_init(struct anchor *a)
{
	a->offset = 0;
	a->fraction = 0;
	a->in_section = 0;
	buf_init(&a->titles);
}

void
anchor_fini(struct anchor *a)
{
	buf_fini(&a->titles);
}

void
anchor_copy(struct anchor *dst, const struct anchor *src)
{
	dst->offset = src->offset;
	dst->fraction = src->fraction;
	dst->in_section = src->in_section;
	buf_reset(&dst->titles);
	buf_add(&dst->titles, buf_str(&src->titles), src->titles.len);
}

/* Heading i's section for the purpose of a place within it: up to the
 * next heading of any level, so that a subsection is a place of its own. */
static size_t
part_end(const struct outline *o, size_t i, size_t doclen)
{
	return i + 1 < o->n ? o->h[i + 1].offset : doclen;
}

static double
ratio(size_t num, size_t den)
{
	return den == 0 ? 0 : (double)num / (double)den;
}

void
anchor_make(struct anchor *a, const struct outline *o, size_t doclen,
    size_t off)
{
	long cur = outline_find(o, off);
	long i;

	a->offset = off;
	a->fraction = ratio(off, doclen);
	buf_reset(&a->titles);
	if (cur < 0) {
		a->in_section = ratio(off, o->n > 0 ? o->h[0].offset : doclen);
		return;
	}
	a->in_section = ratio(off - o->h[cur].offset,
	    part_end(o, (size_t)cur, doclen) - o->h[cur].offset);
	for (i = cur; i >= 0 && cur - i < ANCHOR_TITLES; i--) {
		if (i != cur)
			buf_addc(&a->titles, '\n');
		buf_add(&a->titles, outline_title(o, (size_t)i),
		    outline_title_len(o, (size_t)i));
	}
}

void
anchor_make_unplaced(struct anchor *a, size_t doclen, size_t off)
{
	a->offset = off;
	a->fraction = ratio(off, doclen);
	a->in_section = -1;
	buf_reset(&a->titles);
}

/* The heading titled t (n bytes) nearest the fraction f, or -1. */
static long
find_title(const struct outline *o, size_t doclen, const char *t, size_t n,
    double f)
{
	long best = -1;
	double dist = 0;
	size_t i;

	for (i = 0; i < o->n; i++) {
		double d;

		if (outline_title_len(o, i) != n ||
		    memcmp(outline_title(o, i), t, n) != 0)
			continue;
		d = fabs(ratio(o->h[i].offset, doclen) - f);
		if (best < 0 || d < dist) {
			best = (long)i;
			dist = d;
		}
	}
	return best;
}

static size_t
clamp_fraction(double f, size_t len)
{
	if (!(f > 0))
		return 0;
	if (f >= 1)
		return len;
	return (size_t)(f * (double)len);
}

size_t
anchor_resolve(const struct anchor *a, const struct outline *o,
    size_t doclen)
{
	const char *t = buf_str(&a->titles);
	const char *end = t + a->titles.len;
	bool own = true;

	if (a->in_section < 0)
		return clamp_fraction(a->fraction, doclen);
	if (a->titles.len == 0 && o->n > 0)
		return clamp_fraction(a->in_section, o->h[0].offset);
	while (a->titles.len > 0 && t <= end) {
		const char *nl = memchr(t, '\n', (size_t)(end - t));
		size_t n = nl != NULL ? (size_t)(nl - t) : (size_t)(end - t);
		long i = find_title(o, doclen, t, n, a->fraction);

		if (i >= 0) {
			size_t start = o->h[i].offset;

			if (!own)
				return start;
			return start + clamp_fraction(a->in_section,
			    part_end(o, (size_t)i, doclen) - start);
		}
		own = false;
		if (nl == NULL)
			break;
		t = nl + 1;
	}
	return clamp_fraction(a->fraction, doclen);
}
