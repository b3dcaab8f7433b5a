/* libFuzzer target: the outline of any bytes, in each format (the first
 * byte picks it), and the section helpers over it.  Invariants are
 * asserted: headings in order, inside the document, titles clean. */
#include "config.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "outline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum doc_format formats[] = { FORMAT_AUTO, FORMAT_PLAIN,
		FORMAT_MARKDOWN, FORMAT_ASCIIDOC, FORMAT_RST };
	struct document doc;
	struct outline o;
	size_t i;

	if (size == 0)
		return 0;
	document_init_static(&doc, (const char *)data + 1, size - 1, "fuzz");
	outline_init(&o);
	outline_build(&o, &doc, formats[data[0] % 5]);
	for (i = 0; i < o.n; i++) {
		const char *t = outline_title(&o, i);
		size_t n = outline_title_len(&o, i);

		assert(o.h[i].offset <= doc.len);
		assert(i == 0 || o.h[i - 1].offset < o.h[i].offset);
		assert(o.h[i].level >= 1);
		assert(i > 0 || strlen(t) == n); /* the first is a string */
		assert(memchr(t, '\0', n) == NULL);
		assert(memchr(t, '\n', n) == NULL);
		assert(t + n <= doc.data + doc.len || !o.h[i].title_in_doc);
		assert(outline_section_end(&o, i, doc.len) > o.h[i].offset);
		assert(outline_find(&o, o.h[i].offset) == (long)i);
		assert(outline_heading_end(&o, &doc, i) <= doc.len);
	}
	outline_fini(&o);
	document_fini(&doc);
	return 0;
}
