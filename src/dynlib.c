/* Libraries loaded when first needed (see dynlib.h). */
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "dynlib.h"

/* The worker thread may parse a Markdown outline while the reader
 * searches: a load and every later look at lib->handle go under it. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* For the tests: FOLIO_TEST_MISSING names sonames to take as not
 * installed (separated by blanks), to see what folio does without them. */
static bool
said_missing(const char *soname)
{
	const char *all = getenv("FOLIO_TEST_MISSING"), *p = all;
	size_t n = strlen(soname);

	while (p != NULL && (p = strstr(p, soname)) != NULL) {
		if ((p == all || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return true;
		p += n;
	}
	return false;
}

int
dynlib_load(struct dynlib *lib)
{
	int rc = 0;

	pthread_mutex_lock(&lock);
	if (lib->handle == NULL && !lib->failed) {
		void *h = said_missing(lib->soname) ? NULL
		    : dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
		size_t i;

		for (i = 0; h != NULL && i < lib->n; i++)
			if ((*lib->sym[i].fn = dlsym(h, lib->sym[i].name)) ==
			    NULL)
				break;
		if (h != NULL && i == lib->n)
			lib->handle = h;
		else {
			if (h != NULL)
				dlclose(h);
			lib->failed = true;
		}
	}
	if (lib->handle == NULL)
		rc = -1;
	pthread_mutex_unlock(&lock);
	return rc;
}
