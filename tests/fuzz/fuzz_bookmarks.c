/* libFuzzer target: the bookmark store opening any bytes as its database
 * file (damaged, truncated, hand-edited, from another program).  It must
 * never crash, and after opening, loading and saving must work or warn. */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bookmarks.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/folio-fuzz-bm.XXXXXX";

/* Empty the directory: the store, and whatever was set aside. */
static void
clear(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[512];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	char path[512];
	struct bookmarks *bm;
	struct bookmark b;
	struct doc_key k;
	int fd;

	if (!ready) {
		if (mkdtemp(dir) == NULL)
			abort();
		ready = true;
	}
	clear();
	snprintf(path, sizeof path, "%s/folio.db", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	close(fd);

	memset(&k, 0, sizeof k);
	k.path = "/fuzz/doc.txt";
	k.name = k.path;
	k.size = 100;
	bm = bookmarks_open(path);
	bookmark_init(&b);
	(void)bookmarks_load(bm, &k, &b);
	bookmark_fini(&b);
	bookmark_init(&b);
	b.pos.offset = 42;
	b.has_mark[0] = true;
	bookmarks_save(bm, &k, &b);
	bookmark_fini(&b);
	(void)bookmarks_forget(bm, "/elsewhere", NULL);
	(void)bookmarks_warning(bm);
	bookmarks_close(bm);
	return 0;
}
