/* Allocation that cannot fail: out of memory aborts with one message.
 * Used for the program's own small structures; the document buffer read
 * from a pipe uses plain realloc so that "too large" is a normal error. */
#ifndef FOLIO_XALLOC_H
#define FOLIO_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array to hold at least `need` elements of `size` bytes; *cap is
 * updated.  Amortised doubling.  The check is inline: arrays are grown one
 * element at a time in loops over a whole document. */
void *xgrow_slow(void *p, size_t *cap, size_t need, size_t size);

static inline void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	return need <= *cap ? p : xgrow_slow(p, cap, need, size);
}
/* Arrays that may grow to megabytes (an outline's headings and titles).
 * Past XBIG_MIN bytes such an array is mapped apart, aligned to and made of
 * whole huge pages where the system gives them: on a virtual machine a
 * fresh 4 KiB page can cost 10 us, a 2 MiB one little more than zeroing
 * it.  Grow, trim and free them with these only (size <= 4096). */
#define XBIG_MIN (256u * 1024)
void *xbig_grow_slow(void *p, size_t *cap, size_t need, size_t size);
/* Give back what is held beyond n elements. */
void *xbig_trim(void *p, size_t *cap, size_t n, size_t size);
void xbig_free(void *p, size_t cap, size_t size);

static inline void *
xbig_grow(void *p, size_t *cap, size_t need, size_t size)
{
	return need <= *cap ? p : xbig_grow_slow(p, cap, need, size);
}
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Say so and abort: for allocators outside this family that fail. */
void xalloc_die(void) __attribute__((noreturn));

#endif
