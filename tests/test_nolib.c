/* Compressed documents when folio is built without a decompression
 * library: the decompressor compiled here as configure leaves it when
 * zlib, liblzma and libzstd are all missing.  The message must say which
 * Debian package to install. */
#include "config.h"

#define FOLIO_WITHOUT_LIBS 1
#include "../src/decompress.c"

#include "tap.h"

static void
check(enum compression c, const char *data, size_t len, const char *want)
{
	char *out = NULL;
	size_t n = 0;
	struct err err;

	ok(decompress(c, data, len, "doc", &out, &n, &err) == -1 &&
	    strcmp(err.msg, want) == 0 && out == NULL,
	    "without its library: %s", want);
}

int
main(void)
{
	check(COMP_GZIP, "\x1f\x8b\x08\x00", 4, "doc: gzip documents need a "
	    "folio built with zlib (Debian package zlib1g-dev)");
	check(COMP_XZ, "\xfd" "7zXZ\0", 6, "doc: xz documents need a folio "
	    "built with liblzma (Debian package liblzma-dev)");
	check(COMP_ZSTD, "\x28\xb5\x2f\xfd", 4, "doc: zstd documents need a "
	    "folio built with libzstd (Debian package libzstd-dev)");
	return tap_done();
}
