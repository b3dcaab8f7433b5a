/* The one error channel below main: a function that fails fills a
 * struct err and returns -1; only main prints it. */
#ifndef FOLIO_ERR_H
#define FOLIO_ERR_H

struct err {
	char msg[512];
};

void err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
