/* Libraries loaded when first needed (dlopen by the soname their Debian
 * package installs), not at every start: PCRE2 for the first search,
 * md4c for the first Markdown outline, zlib, liblzma and libzstd for the
 * first compressed document.  Each one linked into folio put its share
 * of a millisecond before every first screen (docs/scale.md). */
#ifndef FOLIO_DYNLIB_H
#define FOLIO_DYNLIB_H

#include <stdbool.h>
#include <stddef.h>

struct dynlib_symbol {
	const char *name;
	void **fn;     /* where its address goes */
};

struct dynlib {
	const char *soname;   /* "libpcre2-8.so.0" */
	const char *package;  /* the Debian package that installs it */
	const struct dynlib_symbol *sym;
	size_t n;
	void *handle;         /* set once loaded (under dynlib's lock) */
	bool failed;          /* tried and missing: not tried again */
};

/* Load lib and look up all its symbols, once; any thread may call it.
 * 0 when every symbol is there (the function pointers are set), else -1:
 * lib->soname or one of its symbols is missing. */
int dynlib_load(struct dynlib *lib);

#endif
