/*
 * slowkeys: an LD_PRELOAD library for `make check-slow-keys`
 * (docs/testing.md).  Every read from a terminal (where folio's keys come
 * from: standard input, or /dev/tty when a document is piped in) returns
 * FOLIO_SLOW_KEYS_MS milliseconds late (60 unless set).  A terminal test that reads the screen before the keys
 * it sent could have been handled then fails, where on a quick machine it
 * passes by luck and on a busy one fails now and then.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

ssize_t
read(int fd, void *buf, size_t n)
{
	static ssize_t (*real_read)(int, void *, size_t);
	ssize_t got;

	if (real_read == NULL)
		real_read = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT,
		    "read");
	got = real_read(fd, buf, n);
	if (got > 0 && isatty(fd)) {
		const char *ms = getenv("FOLIO_SLOW_KEYS_MS");
		long d = ms != NULL ? atol(ms) : 60;
		struct timespec t = { d / 1000, d % 1000 * 1000000L };

		nanosleep(&t, NULL);
	}
	return got;
}
