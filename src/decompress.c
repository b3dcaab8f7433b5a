/* Compressed documents (see decompress.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* tests/test_nolib.c builds this file as if no library were there */
#ifndef FOLIO_WITHOUT_LIBS
#ifdef HAVE_ZLIB
#define WITH_ZLIB 1
#include <zlib.h>
#endif
#ifdef HAVE_LZMA
#define WITH_LZMA 1
#include <lzma.h>
#endif
#ifdef HAVE_ZSTD
#define WITH_ZSTD 1
#include <zstd.h>
#endif
#endif

#include "decompress.h"
#include "dynlib.h"

#if defined(WITH_ZLIB) || defined(WITH_LZMA) || defined(WITH_ZSTD)
#define WITH_ANY 1
#endif

#define CHUNK (1u << 16)

/*
 * The libraries are loaded when the first compressed document is opened
 * (dlopen, by the name their Debian packages install): most documents are
 * not compressed, and loading three more libraries at every start put
 * half a millisecond before the first screen (docs/scale.md).  Each
 * library's functions are looked up into a table of pointers (dynlib.h).
 */
#ifdef WITH_ANY
/* 0 when lib is loaded; else err says which library is missing. */
static int
load(struct dynlib *lib, const char *name, const char *what,
    struct err *err)
{
	if (dynlib_load(lib) == 0)
		return 0;
	err_set(err, "%s: %s documents need %s (Debian package %s)", name,
	    what, lib->soname, lib->package);
	return -1;
}
#endif

enum compression
compression_detect(const char *data, size_t len)
{
	const unsigned char *d = (const unsigned char *)data;

	if (len >= 2 && d[0] == 0x1f && d[1] == 0x8b)
		return COMP_GZIP;
	if (len >= 6 && memcmp(d, "\xFD" "7zXZ\0", 6) == 0)
		return COMP_XZ;
	if (len >= 4 && memcmp(d, "\x28\xB5\x2F\xFD", 4) == 0)
		return COMP_ZSTD;
	return COMP_NONE;
}

const char *
compression_name(enum compression c)
{
	switch (c) {
	case COMP_GZIP: return "gzip";
	case COMP_XZ: return "xz";
	case COMP_ZSTD: return "zstd";
	default: return "none";
	}
}

/* The output buffer, grown by doubling with plain realloc so that running
 * out of memory is an error message, not an abort. */
struct out {
	char *data;
	size_t len, cap;
	size_t limit;  /* stop once this much is out (a prefix is enough) */
};

#ifdef WITH_ANY
static int
out_room(struct out *o, size_t want)
{
	size_t cap;
	char *p;

	if (o->cap - o->len >= want)
		return 0;
	cap = o->cap ? o->cap : CHUNK * 4;
	while (cap - o->len < want) {
		if (cap > SIZE_MAX / 4)
			return -1;
		cap *= 2;
	}
	p = realloc(o->data, cap);
	if (p == NULL)
		return -1;
	o->data = p;
	o->cap = cap;
	return 0;
}

/* why: "corrupt", "truncated" or "big". */
static int
fail(struct out *o, struct err *err, const char *name, const char *why,
    enum compression c)
{
	free(o->data);
	o->data = NULL;
	if (strcmp(why, "big") == 0)
		err_set(err, "%s: too large to hold in memory once "
		    "decompressed", name);
	else
		err_set(err, "%s: %s %s data", name, why,
		    compression_name(c));
	return -1;
}
#endif

#ifdef WITH_ZLIB
static struct {
	int (*inflateInit2_)(z_streamp, int, const char *, int);
	int (*inflate)(z_streamp, int);
	int (*inflateReset)(z_streamp);
	int (*inflateEnd)(z_streamp);
} zl;

static const struct dynlib_symbol zl_sym[] = {
	{ "inflateInit2_", (void **)&zl.inflateInit2_ },
	{ "inflate", (void **)&zl.inflate },
	{ "inflateReset", (void **)&zl.inflateReset },
	{ "inflateEnd", (void **)&zl.inflateEnd },
};
static struct dynlib zl_lib = { "libz.so.1", "zlib1g", zl_sym,
    sizeof zl_sym / sizeof zl_sym[0], NULL, false };

static int
gunzip(const char *data, size_t len, const char *name, struct out *o,
    struct err *err)
{
	z_stream z;
	int rc = Z_OK;
	size_t pos = 0;

	if (load(&zl_lib, name, "gzip", err) != 0)
		return -1;
	memset(&z, 0, sizeof z);
	/* 15 + 32: a gzip (or zlib) header, detected */
	if (zl.inflateInit2_(&z, 15 + 32, ZLIB_VERSION, (int)sizeof z) != Z_OK)
		return fail(o, err, name, "unreadable", COMP_GZIP);
	while (pos < len || rc != Z_STREAM_END) {
		size_t in = len - pos > UINT32_MAX ? UINT32_MAX : len - pos;

		if (out_room(o, CHUNK) != 0) {
			zl.inflateEnd(&z);
			return fail(o, err, name, "big",
			    COMP_GZIP);
		}
		z.next_in = (Bytef *)(uintptr_t)(data + pos);
		z.avail_in = (uInt)in;
		z.next_out = (Bytef *)o->data + o->len;
		z.avail_out = CHUNK;
		rc = zl.inflate(&z, Z_NO_FLUSH);
		pos += in - z.avail_in;
		o->len += CHUNK - z.avail_out;
		if (o->len >= o->limit)
			break;
		if (rc == Z_STREAM_END && pos < len) {
			/* concatenated members, as gzip writes them */
			if (compression_detect(data + pos, len - pos) !=
			    COMP_GZIP)
				break;
			zl.inflateReset(&z);
			rc = Z_OK;
			continue;
		}
		if (rc == Z_STREAM_END)
			break;
		if (rc == Z_BUF_ERROR && z.avail_out != 0 && pos >= len) {
			zl.inflateEnd(&z);
			return fail(o, err, name, "truncated", COMP_GZIP);
		}
		if (rc != Z_OK && rc != Z_BUF_ERROR) {
			zl.inflateEnd(&z);
			return fail(o, err, name, "corrupt", COMP_GZIP);
		}
	}
	zl.inflateEnd(&z);
	return 0;
}
#endif

#ifdef WITH_LZMA
static struct {
	lzma_ret (*stream_decoder)(lzma_stream *, uint64_t, uint32_t);
	lzma_ret (*code)(lzma_stream *, lzma_action);
	void (*end)(lzma_stream *);
} xz;

static const struct dynlib_symbol xz_sym[] = {
	{ "lzma_stream_decoder", (void **)&xz.stream_decoder },
	{ "lzma_code", (void **)&xz.code },
	{ "lzma_end", (void **)&xz.end },
};
static struct dynlib xz_lib = { "liblzma.so.5", "liblzma5", xz_sym,
    sizeof xz_sym / sizeof xz_sym[0], NULL, false };

static int
unxz(const char *data, size_t len, const char *name, struct out *o,
    struct err *err)
{
	lzma_stream z = LZMA_STREAM_INIT;
	lzma_ret rc;

	if (load(&xz_lib, name, "xz", err) != 0)
		return -1;
	if (xz.stream_decoder(&z, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
		return fail(o, err, name, "unreadable", COMP_XZ);
	z.next_in = (const uint8_t *)data;
	z.avail_in = len;
	for (;;) {
		if (out_room(o, CHUNK) != 0) {
			xz.end(&z);
			return fail(o, err, name, "big",
			    COMP_XZ);
		}
		z.next_out = (uint8_t *)o->data + o->len;
		z.avail_out = CHUNK;
		rc = xz.code(&z, z.avail_in == 0 ? LZMA_FINISH : LZMA_RUN);
		o->len += CHUNK - z.avail_out;
		if (o->len >= o->limit)
			break;
		if (rc == LZMA_STREAM_END)
			break;
		if (rc == LZMA_BUF_ERROR) {
			xz.end(&z);
			return fail(o, err, name, "truncated", COMP_XZ);
		}
		if (rc != LZMA_OK) {
			xz.end(&z);
			return fail(o, err, name, rc == LZMA_MEM_ERROR
			    ? "big" : "corrupt", COMP_XZ);
		}
	}
	xz.end(&z);
	return 0;
}
#endif

#ifdef WITH_ZSTD
static struct {
	ZSTD_DStream *(*createDStream)(void);
	size_t (*initDStream)(ZSTD_DStream *);
	size_t (*decompressStream)(ZSTD_DStream *, ZSTD_outBuffer *,
	    ZSTD_inBuffer *);
	unsigned (*isError)(size_t);
	size_t (*freeDStream)(ZSTD_DStream *);
} zs;

static const struct dynlib_symbol zs_sym[] = {
	{ "ZSTD_createDStream", (void **)&zs.createDStream },
	{ "ZSTD_initDStream", (void **)&zs.initDStream },
	{ "ZSTD_decompressStream", (void **)&zs.decompressStream },
	{ "ZSTD_isError", (void **)&zs.isError },
	{ "ZSTD_freeDStream", (void **)&zs.freeDStream },
};
static struct dynlib zs_lib = { "libzstd.so.1", "libzstd1", zs_sym,
    sizeof zs_sym / sizeof zs_sym[0], NULL, false };

static int
unzstd(const char *data, size_t len, const char *name, struct out *o,
    struct err *err)
{
	ZSTD_DStream *z;
	ZSTD_inBuffer in = { data, len, 0 };
	size_t rc = 1;

	if (load(&zs_lib, name, "zstd", err) != 0)
		return -1;
	z = zs.createDStream();
	if (z == NULL || zs.isError(zs.initDStream(z))) {
		zs.freeDStream(z);
		return fail(o, err, name, "unreadable", COMP_ZSTD);
	}
	while (in.pos < in.size || rc != 0) {
		ZSTD_outBuffer ob;
		size_t before = in.pos;

		if (out_room(o, CHUNK) != 0) {
			zs.freeDStream(z);
			return fail(o, err, name, "big",
			    COMP_ZSTD);
		}
		ob.dst = o->data + o->len;
		ob.size = CHUNK;
		ob.pos = 0;
		rc = zs.decompressStream(z, &ob, &in);
		o->len += ob.pos;
		if (o->len >= o->limit && !zs.isError(rc))
			break;
		if (zs.isError(rc)) {
			zs.freeDStream(z);
			return fail(o, err, name, "corrupt", COMP_ZSTD);
		}
		/* no input left, a frame unfinished, and no more output */
		if (rc != 0 && in.pos == in.size && ob.pos == 0 &&
		    in.pos == before) {
			zs.freeDStream(z);
			return fail(o, err, name, "truncated", COMP_ZSTD);
		}
	}
	zs.freeDStream(z);
	return 0;
}
#endif

int
decompress(enum compression c, const char *data, size_t len,
    const char *name, char **out, size_t *outlen, struct err *err)
{
	return decompress_prefix(c, data, len, SIZE_MAX, name, out, outlen,
	    err);
}

int
decompress_prefix(enum compression c, const char *data, size_t len,
    size_t limit, const char *name, char **out, size_t *outlen,
    struct err *err)
{
	struct out o = { NULL, 0, 0, limit };
	int rc = -1;

#ifndef WITH_ANY
	(void)data; /* built without any of the libraries */
	(void)len;
#endif
	switch (c) {
	case COMP_GZIP:
#ifdef WITH_ZLIB
		rc = gunzip(data, len, name, &o, err);
#else
		err_set(err, "%s: gzip documents need a folio built with zlib "
		    "(Debian package zlib1g-dev)", name);
#endif
		break;
	case COMP_XZ:
#ifdef WITH_LZMA
		rc = unxz(data, len, name, &o, err);
#else
		err_set(err, "%s: xz documents need a folio built with liblzma "
		    "(Debian package liblzma-dev)", name);
#endif
		break;
	case COMP_ZSTD:
#ifdef WITH_ZSTD
		rc = unzstd(data, len, name, &o, err);
#else
		err_set(err, "%s: zstd documents need a folio built with "
		    "libzstd (Debian package libzstd-dev)", name);
#endif
		break;
	default:
		err_set(err, "%s: not compressed", name);
		break;
	}
	if (rc != 0)
		return -1;
	if (o.len == 0) {
		free(o.data);
		o.data = NULL;
	}
	*out = o.data;
	*outlen = o.len;
	return 0;
}
