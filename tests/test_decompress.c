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
	int (*fn)(void) = NULL, (*none)(void) = NULL;
	const struct dynlib_symbol one[] = { { "inflate", (void **)&fn } };
	const struct dynlib_symbol two[] = {
		{ "inflate", (void **)&fn },
		{ "folio_no_such_function", (void **)&none },
	};
	struct dynlib missing = { "libfolio-none.so.1", "zlib1g", one, 1,
	    NULL, false };
	struct dynlib partial = { "libz.so.1", "zlib1g", two, 2, NULL, false };
	struct dynlib whole = { "libz.so.1", "zlib1g", one, 1, NULL, false };
	struct err err;

	ok(load(&missing, "doc", "gzip", &err) == -1 &&
	    missing.handle == NULL, "a missing library is not loaded");
	is_str(err.msg, "doc: gzip documents need libfolio-none.so.1 "
	    "(Debian package zlib1g)", "the error names it and its package");
	ok(load(&partial, "doc", "gzip", &err) == -1 &&
	    partial.handle == NULL, "a library without a function folio "
	    "calls is not used");
	ok(load(&whole, "doc", "gzip", &err) == 0 && whole.handle != NULL &&
	    fn != NULL, "an installed library is loaded");
	ok(dynlib_load(&whole) == 0 && dynlib_load(&missing) == -1,
	    "each is tried once: loaded stays loaded, missing stays missing");
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
