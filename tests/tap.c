/* A minimal TAP producer (see tap.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

static int tap_count;
static int tap_failed;

static void
tap_vok(bool pass, const char *file, int line, const char *fmt, va_list ap)
{
	tap_count++;
	printf("%s %d - ", pass ? "ok" : "not ok", tap_count);
	vprintf(fmt, ap);
	putchar('\n');
	if (!pass) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
}

void
tap_ok(bool pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vok(pass, file, line, fmt, ap);
	va_end(ap);
}

void
tap_is_str(const char *got, const char *want, const char *file, int line,
    const char *name)
{
	bool pass = got != NULL && want != NULL ? strcmp(got, want) == 0
	    : got == want;

	tap_ok(pass, file, line, "%s", name);
	if (!pass)
		printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)",
		    want ? want : "(null)");
}

void
tap_is_long(long got, long want, const char *file, int line,
    const char *name)
{
	tap_ok(got == want, file, line, "%s", name);
	if (got != want)
		printf("#   got:  %ld\n#   want: %ld\n", got, want);
}

int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed != 0;
}
