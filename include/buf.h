/* A growable byte buffer, the one type used wherever text is built.
 * The contents are always NUL-terminated (data[len] == '\0') once anything
 * was added; buf_fini frees them. */
#ifndef FOLIO_BUF_H
#define FOLIO_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
void buf_fini(struct buf *b);
void buf_reset(struct buf *b);
void buf_grow(struct buf *b, size_t extra);
/* Give back the room kept for growing. */
void buf_trim(struct buf *b);
void buf_add_slow(struct buf *b, const void *p, size_t n);

/* Adding to a buffer with room is inline: titles and output lines are
 * built a few bytes at a time. */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n < b->cap) {
		if (n != 0)
			memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else {
		buf_add_slow(b, p, n);
	}
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->len + 1 < b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
	} else {
		buf_add_slow(b, &c, 1);
	}
}
void buf_adds(struct buf *b, const char *s);
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/* The contents as a string: "" for an empty buffer, never NULL. */
const char *buf_str(const struct buf *b);

#endif
