/* The decompression libraries are loaded when the first compressed
 * document is opened (decompress.c): a missing library, or one without a
 * function folio calls, is an error naming it and its Debian package, and
 * is not half used. */
#include "config.h"

#include "../src/decompress.c"

#include "tap.h"

#ifdef WITH_ZLIB
static void
test_load(void)
{
	void *h = NULL;
	int (*fn)(void) = NULL, (*none)(void) = NULL;
	const struct symbol one[] = { { "inflate", (void **)&fn } };
	const struct symbol two[] = {
		{ "inflate", (void **)&fn },
		{ "folio_no_such_function", (void **)&none },
	};
	struct err err;

	ok(load(&h, "libfolio-none.so.1", one, 1, "doc", "gzip", "zlib1g",
	    &err) == -1 && h == NULL, "a missing library is not loaded");
	is_str(err.msg, "doc: gzip documents need libfolio-none.so.1 "
	    "(Debian package zlib1g)", "the error names it and its package");
	ok(load(&h, "libz.so.1", two, 2, "doc", "gzip", "zlib1g", &err) ==
	    -1 && h == NULL, "a library without a function folio calls is "
	    "not used");
	ok(load(&h, "libz.so.1", one, 1, "doc", "gzip", "zlib1g", &err) ==
	    0 && h != NULL && fn != NULL, "an installed library is loaded");
}

static void
test_gunzip(void)
{
	static const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03"
	    "\xcb\xc8\xe4\x02\x00\x7a\x7a\x6f\xed\x03\x00\x00\x00";
	char *out = NULL;
	size_t n = 0;
	struct err err;

	ok(decompress(COMP_GZIP, gz, sizeof gz - 1, "doc", &out, &n, &err) ==
	    0 && n == 3 && memcmp(out, "hi\n", 3) == 0,
	    "zlib loaded on first use decompresses");
	free(out);
}
#endif

int
main(void)
{
#ifdef WITH_ZLIB
	test_gunzip();
	test_load();
#else
	ok(true, "# SKIP folio built without zlib (test_nolib covers it)");
#endif
	return tap_done();
}
