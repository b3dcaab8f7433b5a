/* Compressed documents: gzip (zlib), xz (liblzma) and zstd (libzstd),
 * recognised by their magic bytes and decompressed once into memory.
 * Each library is optional at build time; a format whose library is
 * missing gives a message naming the Debian package to install. */
#ifndef FOLIO_DECOMPRESS_H
#define FOLIO_DECOMPRESS_H

#include <stddef.h>

#include "err.h"

enum compression { COMP_NONE, COMP_GZIP, COMP_XZ, COMP_ZSTD };

/* Which compression the bytes start with. */
enum compression compression_detect(const char *data, size_t len);
const char *compression_name(enum compression c);
/* Decompress data into a malloc'd buffer (*out, *outlen; *out is NULL
 * for an empty result).  On failure returns -1 with "NAME: why" in err:
 * corrupt or truncated data, too large for memory, or no library. */
int decompress(enum compression c, const char *data, size_t len,
    const char *name, char **out, size_t *outlen, struct err *err);

/* The same, stopping once at least limit bytes are out (*outlen may be
 * a little more): enough to tell text from binary, or to find a title. */
int decompress_prefix(enum compression c, const char *data, size_t len,
    size_t limit, const char *name, char **out, size_t *outlen,
    struct err *err);

#endif
