/* A minimal TAP producer for the C unit tests. */
#ifndef FOLIO_TAP_H
#define FOLIO_TAP_H

#include <stdbool.h>

void tap_ok(bool pass, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void tap_is_str(const char *got, const char *want, const char *file,
    int line, const char *name);
void tap_is_long(long got, long want, const char *file, int line,
    const char *name);
int tap_done(void);

#define ok(cond, ...) tap_ok((cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, name) tap_is_str((got), (want), __FILE__, __LINE__, (name))
#define is_long(got, want, name) tap_is_long((got), (want), __FILE__, __LINE__, (name))

#endif
