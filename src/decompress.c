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

#define CHUNK (1u << 16)

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

#ifdef WITH_ZLIB
static int
gunzip(const char *data, size_t len, const char *name, struct out *o,
    struct err *err)
{
	z_stream z;
	int rc = Z_OK;
	size_t pos = 0;

	memset(&z, 0, sizeof z);
	/* 15 + 32: a gzip (or zlib) header, detected */
	if (inflateInit2(&z, 15 + 32) != Z_OK)
		return fail(o, err, name, "unreadable", COMP_GZIP);
	while (pos < len || rc != Z_STREAM_END) {
		size_t in = len - pos > UINT32_MAX ? UINT32_MAX : len - pos;

		if (out_room(o, CHUNK) != 0) {
			inflateEnd(&z);
			return fail(o, err, name, "big",
			    COMP_GZIP);
		}
		z.next_in = (Bytef *)(uintptr_t)(data + pos);
		z.avail_in = (uInt)in;
		z.next_out = (Bytef *)o->data + o->len;
		z.avail_out = CHUNK;
		rc = inflate(&z, Z_NO_FLUSH);
		pos += in - z.avail_in;
		o->len += CHUNK - z.avail_out;
		if (o->len >= o->limit)
			break;
		if (rc == Z_STREAM_END && pos < len) {
			/* concatenated members, as gzip writes them */
			if (compression_detect(data + pos, len - pos) !=
			    COMP_GZIP)
				break;
			inflateReset(&z);
			rc = Z_OK;
			continue;
		}
		if (rc == Z_STREAM_END)
			break;
		if (rc == Z_BUF_ERROR && z.avail_out != 0 && pos >= len) {
			inflateEnd(&z);
			return fail(o, err, name, "truncated", COMP_GZIP);
		}
		if (rc != Z_OK && rc != Z_BUF_ERROR) {
			inflateEnd(&z);
			return fail(o, err, name, "corrupt", COMP_GZIP);
		}
	}
	inflateEnd(&z);
	return 0;
}
#endif

#ifdef WITH_LZMA
static int
unxz(const char *data, size_t len, const char *name, struct out *o,
    struct err *err)
{
	lzma_stream z = LZMA_STREAM_INIT;
	lzma_ret rc;

	if (lzma_stream_decoder(&z, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
		return fail(o, err, name, "unreadable", COMP_XZ);
	z.next_in = (const uint8_t *)data;
	z.avail_in = len;
	for (;;) {
		if (out_room(o, CHUNK) != 0) {
			lzma_end(&z);
			return fail(o, err, name, "big",
			    COMP_XZ);
		}
		z.next_out = (uint8_t *)o->data + o->len;
		z.avail_out = CHUNK;
		rc = lzma_code(&z, z.avail_in == 0 ? LZMA_FINISH : LZMA_RUN);
		o->len += CHUNK - z.avail_out;
		if (o->len >= o->limit)
			break;
		if (rc == LZMA_STREAM_END)
			break;
		if (rc == LZMA_BUF_ERROR) {
			lzma_end(&z);
			return fail(o, err, name, "truncated", COMP_XZ);
		}
		if (rc != LZMA_OK) {
			lzma_end(&z);
			return fail(o, err, name, rc == LZMA_MEM_ERROR
			    ? "big" : "corrupt", COMP_XZ);
		}
	}
	lzma_end(&z);
	return 0;
}
#endif

#ifdef WITH_ZSTD
static int
unzstd(const char *data, size_t len, const char *name, struct out *o,
    struct err *err)
{
	ZSTD_DStream *z = ZSTD_createDStream();
	ZSTD_inBuffer in = { data, len, 0 };
	size_t rc = 1;

	if (z == NULL || ZSTD_isError(ZSTD_initDStream(z))) {
		ZSTD_freeDStream(z);
		return fail(o, err, name, "unreadable", COMP_ZSTD);
	}
	while (in.pos < in.size || rc != 0) {
		ZSTD_outBuffer ob;
		size_t before = in.pos;

		if (out_room(o, CHUNK) != 0) {
			ZSTD_freeDStream(z);
			return fail(o, err, name, "big",
			    COMP_ZSTD);
		}
		ob.dst = o->data + o->len;
		ob.size = CHUNK;
		ob.pos = 0;
		rc = ZSTD_decompressStream(z, &ob, &in);
		o->len += ob.pos;
		if (o->len >= o->limit && !ZSTD_isError(rc))
			break;
		if (ZSTD_isError(rc)) {
			ZSTD_freeDStream(z);
			return fail(o, err, name, "corrupt", COMP_ZSTD);
		}
		/* no input left, a frame unfinished, and no more output */
		if (rc != 0 && in.pos == in.size && ob.pos == 0 &&
		    in.pos == before) {
			ZSTD_freeDStream(z);
			return fail(o, err, name, "truncated", COMP_ZSTD);
		}
	}
	ZSTD_freeDStream(z);
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
