/* libFuzzer target: a pattern (the bytes up to the first NUL, at most 64)
 * searched in a document (the rest), with escape sequences and overstrike
 * mixed in by the input itself.  Asserted: matches in order, inside the
 * document, and found again by search_find. */
#include "config.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size < 65 ? size : 65);
	struct document doc;
	struct search s;
	char msg[SEARCH_MSG_MAX], *pattern;
	size_t plen, i;

	if (nul == NULL)
		return 0;
	plen = (size_t)(nul - data);
	pattern = strndup((const char *)data, plen);
	document_init_static(&doc, (const char *)nul + 1, size - plen - 1,
	    "fuzz");
	search_init(&s);
	if (search_compile(&s, pattern, &doc, msg) == 0) {
		for (i = 0; i < s.n; i++) {
			assert(s.start[i] <= s.end[i]);
			assert(s.end[i] <= doc.len);
			assert(i == 0 || s.start[i - 1] <= s.start[i]);
			assert(i == 0 || s.end[i - 1] <= s.end[i]);
		}
		if (s.n > 0) {
			long k = search_find(&s, s.start[s.n - 1], false);

			assert(k >= 0 && s.start[k] == s.start[s.n - 1]);
			assert(search_first_after(&s, doc.len) == s.n);
		}
	} else {
		assert(strncmp(msg, "Bad pattern: ", 13) == 0);
	}
	search_fini(&s);
	document_fini(&doc);
	free(pattern);
	return 0;
}
