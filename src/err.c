/* Error messages returned upward (see err.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "err.h"

void
err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}
