/* Allocation wrappers: the single place where running out of memory ends
 * the program. */
#include "config.h"

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

void *
xgrow_slow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 16;

	while (n < need) {
		if (n > SIZE_MAX / 2)
			xalloc_die();
		n *= 2;
	}
	if (n > SIZE_MAX / size)
		xalloc_die();
	p = xrealloc(p, n * size);
	grow_populate(p, *cap * size, n * size);
	*cap = n;
	return p;
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
