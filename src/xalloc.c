/* Allocation wrappers: the single place where running out of memory ends
 * the program. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "xalloc.h"

void
xalloc_die(void)
{
	static const char msg[] = "folio: out of memory\n";

	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		xalloc_die();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		xalloc_die();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		xalloc_die();
	return p;
}

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14; older kernels say EINVAL */
#endif
/* Below this, growth is left to page faults. */
#define GROW_POPULATE_MIN (256u * 1024)

/* The part of a block that growing added, [from, to), will be written:
 * its pages are mapped in one call rather than one page fault each (a
 * fault costs ~0.1 us on bare metal, 10 us in some virtual machines). */
static void
grow_populate(void *p, size_t from, size_t to)
{
	uintptr_t pg = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t a = ((uintptr_t)p + from + pg - 1) & ~(pg - 1);
	uintptr_t b = ((uintptr_t)p + to) & ~(pg - 1);

	if (to - from < GROW_POPULATE_MIN || b <= a)
		return;
	(void)madvise((void *)a, b - a, MADV_POPULATE_WRITE);
}

/* The capacity for need elements: doubled from cap. */
static size_t
grow_cap(size_t cap, size_t need, size_t size)
{
	size_t n = cap ? cap : 16;

	while (n < need) {
		if (n > SIZE_MAX / 2)
			xalloc_die();
		n *= 2;
	}
	if (n > SIZE_MAX / size)
		xalloc_die();
	return n;
}

void *
xgrow_slow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t n = grow_cap(*cap, need, size);

	p = xrealloc(p, n * size);
	grow_populate(p, *cap * size, n * size);
	*cap = n;
	return p;
}

/* A transparent huge page on the systems that have them. */
#define BIG_ALIGN ((size_t)2 << 20)

static size_t
round_up(size_t n, size_t to)
{
	if (n > SIZE_MAX - to)
		xalloc_die();
	return (n + to - 1) / to * to;
}

/* A big array of cap elements is mapped on round_up(cap * size, page
 * size) bytes; a smaller one comes from malloc. */
static bool
is_big(size_t cap, size_t size)
{
	return cap * size >= XBIG_MIN;
}

static size_t
big_len(size_t cap, size_t size)
{
	return round_up(cap * size, (size_t)sysconf(_SC_PAGESIZE));
}

/* len bytes (a multiple of BIG_ALIGN) mapped at a multiple of BIG_ALIGN,
 * so that every one of its huge pages can be one. */
static void *
big_map(size_t len)
{
	size_t slack = BIG_ALIGN, head;
	char *m, *a;

	m = mmap(NULL, round_up(len, BIG_ALIGN) + slack,
	    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		xalloc_die();
	a = (char *)round_up((uintptr_t)m, BIG_ALIGN);
	head = (size_t)(a - m);
	if (head > 0)
		(void)munmap(m, head);
	if (slack - head > 0)
		(void)munmap(a + len, slack - head);
#ifdef MADV_HUGEPAGE
	(void)madvise(a, len, MADV_HUGEPAGE);
#endif
	return a;
}

/* Move a big array's pages (plen bytes at p) to the start of q, a fresh
 * mapping: no copy, no page touched.  False where there is no mremap. */
static bool
big_move(void *p, size_t plen, void *q)
{
#ifdef MREMAP_FIXED
	return mremap(p, plen, plen, MREMAP_MAYMOVE | MREMAP_FIXED, q) !=
	    MAP_FAILED;
#else
	(void)p;
	(void)plen;
	(void)q;
	return false;
#endif
}

void *
xbig_grow_slow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t n = grow_cap(*cap, need, size), len, old = *cap * size;
	char *q;

	if (!is_big(n, size))
		return xgrow_slow(p, cap, need, size);
	len = round_up(n * size, BIG_ALIGN);
	q = big_map(len);
	/* The pages to be written are mapped at once, as xgrow does: those
	 * past the old ones up to the end (with huge pages that is at most
	 * one more than the doubling needs; without, ~2.5 us a page on the
	 * development machine against 12 for a page fault each). */
	if (is_big(*cap, size) && big_move(p, big_len(*cap, size), q)) {
		grow_populate(q, old, len);
	} else {
		/* from the heap (or with no mremap): copied */
		grow_populate(q, 0, len);
		if (old > 0)
			memcpy(q, p, old);
		xbig_free(p, *cap, size);
	}
	*cap = len / size;
	return q;
}

void *
xbig_trim(void *p, size_t *cap, size_t n, size_t size)
{
	size_t keep, len;
	void *q;

	if (!is_big(*cap, size)) {
		if (n > 0 && n < *cap) {
			p = xrealloc(p, n * size);
			*cap = n;
		}
		return p;
	}
	if (!is_big(n, size)) {
		/* back to the heap: a small array in whole huge pages
		 * would hold too much */
		q = n > 0 ? xmalloc(n * size) : NULL;
		if (n > 0)
			memcpy(q, p, n * size);
		xbig_free(p, *cap, size);
		*cap = n;
		return q;
	}
	keep = big_len(n, size);
	len = big_len(*cap, size);
	if (keep < len)
		(void)munmap((char *)p + keep, len - keep);
	*cap = keep / size;
	return p;
}

void
xbig_free(void *p, size_t cap, size_t size)
{
	if (p == NULL)
		return;
	if (is_big(cap, size))
		(void)munmap(p, big_len(cap, size));
	else
		free(p);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
