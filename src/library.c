/* The library (see library.h). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "decompress.h"
#include "document.h"
#include "library.h"
#include "outline.h"
#include "xalloc.h"

/* Bytes looked at to tell text from binary, and to find a big file's
 * title. */
#define TEXT_PROBE 8192
#define TITLE_PROBE (64u * 1024)

void
library_init(struct library *l)
{
	memset(l, 0, sizeof *l);
}

static void
entries_free(struct library *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->e[i].name);
		free(l->e[i].path);
		free(l->e[i].title);
	}
	l->n = 0;
	l->nshown = 0;
	l->sel = l->first = 0;
}

void
library_fini(struct library *l)
{
	entries_free(l);
	free(l->e);
	free(l->shown);
	free(l->dir);
	free(l->filter);
	memset(l, 0, sizeof *l);
}

/* Text: no NUL byte, and few control characters other than the usual
 * ones (tab, line ends, form feed, escape and backspace of man pages). */
static bool
looks_text(const unsigned char *d, size_t n)
{
	size_t i, odd = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = d[i];

		if (c == 0)
			return false;
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f' && c != 0x1b && c != '\b')
			odd++;
	}
	return odd * 100 <= n;
}

/* Up to max bytes from the start of path, decompressed when compressed;
 * malloc'd into *out, or -1. */
static int
read_head(const char *path, size_t max, char **out, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	char *buf;
	ssize_t got;
	size_t n = 0;
	struct err err;
	enum compression c;

	if (fd < 0)
		return -1;
	buf = xmalloc(max);
	while (n < max && (got = read(fd, buf + n, max - n)) > 0)
		n += (size_t)got;
	c = compression_detect(buf, n);
	if (c != COMP_NONE) {
		/* the whole compressed file would be needed for more than a
		 * prefix of the text: a prefix of it is enough here */
		char *d = NULL;
		size_t dn = 0;
		struct stat st;

		if (fstat(fd, &st) == 0 && (size_t)st.st_size > n &&
		    (size_t)st.st_size <= LIB_PROBE_MAX) {
			buf = xrealloc(buf, (size_t)st.st_size);
			while (n < (size_t)st.st_size && (got = read(fd,
			    buf + n, (size_t)st.st_size - n)) > 0)
				n += (size_t)got;
		}
		if (decompress_prefix(c, buf, n, max, path, &d, &dn, &err)
		    != 0 && d == NULL) {
			/* a prefix of a big file ends early: keep what
			 * came out, if anything did */
			free(buf);
			close(fd);
			return -1;
		}
		free(buf);
		buf = d != NULL ? d : xmalloc(1);
		n = dn < max ? dn : max;
	}
	close(fd);
	*out = buf;
	*len = n;
	return 0;
}

bool
library_is_text(const char *path)
{
	char *d;
	size_t n;
	bool t;

	if (read_head(path, TEXT_PROBE, &d, &n) != 0)
		return false;
	t = n > 0 && looks_text((const unsigned char *)d, n);
	free(d);
	return t;
}

static struct lib_entry *
add(struct library *l, const char *name, const char *path, bool dir,
    long long size)
{
	struct lib_entry *e;

	l->e = xgrow(l->e, &l->cap, l->n + 1, sizeof *l->e);
	e = &l->e[l->n++];
	memset(e, 0, sizeof *e);
	e->name = xstrdup(name);
	e->path = xstrdup(path);
	e->dir = dir;
	e->size = size;
	e->sections = -1;
	e->percent = -1;
	return e;
}

void
library_progress(struct library *l, size_t i, struct bookmarks *bm)
{
	struct lib_entry *e = &l->e[i];
	char *canon;

	e->percent = -1;
	e->last_read = 0;
	if (bm == NULL || e->dir ||
	    (canon = bookmarks_canonical_path(e->path)) == NULL)
		return;
	if (!bookmarks_progress(bm, canon, &e->percent, &e->last_read))
		e->percent = -1;
	free(canon);
}

/* A new list: no entries, no filter. */
static void
reset(struct library *l)
{
	entries_free(l);
	free(l->dir);
	free(l->filter);
	l->dir = NULL;
	l->filter = NULL;
	l->recent = false;
}

int
library_scan(struct library *l, const char *dir, struct bookmarks *bm,
    struct err *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct buf p = BUF_INIT;
	char *canon;

	if (d == NULL) {
		err_set(err, "%s: %s", dir, strerror(errno));
		return -1;
	}
	reset(l);
	canon = realpath(dir, NULL);
	l->dir = canon != NULL ? canon : xstrdup(dir);
	if (strcmp(l->dir, "/") != 0) {
		char *parent = xstrdup(l->dir), *slash = strrchr(parent, '/');

		if (slash != NULL)
			slash[slash == parent] = '\0';
		add(l, "..", parent, true, 0);
		free(parent);
	}
	while ((de = readdir(d)) != NULL) {
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		buf_reset(&p);
		buf_addf(&p, "%s%s%s", l->dir,
		    strcmp(l->dir, "/") == 0 ? "" : "/", de->d_name);
		if (stat(buf_str(&p), &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			add(l, de->d_name, buf_str(&p), true, 0);
		else if (S_ISREG(st.st_mode) && library_is_text(buf_str(&p)))
			library_progress(l, add(l, de->d_name, buf_str(&p),
			    false, (long long)st.st_size) - l->e, bm);
	}
	closedir(d);
	buf_fini(&p);
	library_refresh(l);
	return 0;
}

/* The name a path's file is listed under (its path is on the status line
 * when it is selected). */
static const char *
file_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

void
library_files(struct library *l, char **paths, int n, struct bookmarks *bm)
{
	int i;

	reset(l);
	for (i = 0; i < n; i++) {
		struct stat st;
		bool ok = stat(paths[i], &st) == 0;
		bool dir = ok && S_ISDIR(st.st_mode);

		/* a file goes by its name, as in a folder or the recent
		 * list; a folder's row has room for its path */
		library_progress(l, add(l, dir ? paths[i] : file_name(paths[i]),
		    paths[i], dir, ok ? (long long)st.st_size : 0) - l->e, bm);
	}
	library_refresh(l);
}

static void
recent_one(const struct recent *r, void *arg)
{
	struct library *l = arg;
	struct stat st;
	struct lib_entry *e;

	if (r->name == NULL || r->name[0] != '/' || stat(r->name, &st) != 0 ||
	    !S_ISREG(st.st_mode))
		return;
	e = add(l, file_name(r->name), r->name, false,
	    (long long)st.st_size);
	e->percent = r->percent;
	e->last_read = r->last_read;
}

void
library_recent(struct library *l, struct bookmarks *bm)
{
	reset(l);
	l->recent = true;
	if (bm != NULL)
		bookmarks_recent(bm, recent_one, l);
	l->sort = LIB_SORT_RECENT;
	library_refresh(l);
}


void
library_probe(struct library *l, size_t i)
{
	struct lib_entry *e = &l->e[i];
	struct document doc;
	struct outline o;
	struct err err;
	char *head;
	size_t n;

	if (e->probed)
		return;
	e->probed = true;
	if (e->dir) {
		e->title = xstrdup(e->name);
		return;
	}
	if (e->size <= (long long)LIB_PROBE_MAX &&
	    document_open(&doc, e->path, &err) == 0) {
		outline_init(&o);
		outline_build(&o, &doc, FORMAT_AUTO);
		e->title = xstrdup(outline_doc_title(&o, &doc));
		e->sections = (long)o.n;
		outline_fini(&o);
		document_fini(&doc);
		return;
	}
	/* a big file: the title from its start; sections when opened */
	if (read_head(e->path, TITLE_PROBE, &head, &n) == 0) {
		document_init_static(&doc, head, n, e->path);
		free(doc.path);
		doc.path = xstrdup(e->path);
		outline_init(&o);
		outline_build(&o, &doc, FORMAT_AUTO);
		e->title = xstrdup(outline_doc_title(&o, &doc));
		outline_fini(&o);
		document_fini(&doc);
		free(head);
		return;
	}
	e->title = xstrdup(strrchr(e->path, '/') != NULL
	    ? strrchr(e->path, '/') + 1 : e->path);
}

struct lib_entry *
library_selected(struct library *l)
{
	return l->sel < l->nshown ? &l->e[l->shown[l->sel]] : NULL;
}

const char *
library_sort_name(enum lib_sort s)
{
	switch (s) {
	case LIB_SORT_RECENT: return "recently read";
	case LIB_SORT_PROGRESS: return "progress";
	default: return "name";
	}
}

static int
entry_cmp(const void *pa, const void *pb, void *arg)
{
	const struct library *sorting = arg;
	const struct lib_entry *a = &sorting->e[*(const uint32_t *)pa];
	const struct lib_entry *b = &sorting->e[*(const uint32_t *)pb];
	int c;

	/* folders first, ".." before them all */
	if (a->dir != b->dir)
		return a->dir ? -1 : 1;
	if (a->dir)
		return strcmp(a->name, "..") == 0 ? -1
		    : strcmp(b->name, "..") == 0 ? 1 : strcmp(a->name, b->name);
	if (sorting->sort == LIB_SORT_RECENT && a->last_read != b->last_read)
		return a->last_read > b->last_read ? -1 : 1;
	if (sorting->sort == LIB_SORT_PROGRESS && a->percent != b->percent)
		return a->percent > b->percent ? -1 : 1;
	c = strcasecmp(a->name, b->name);
	return c != 0 ? c : strcmp(a->name, b->name);
}

/* Does the filter match the entry's name or (once known) its title? */
static bool
matches(const struct lib_entry *e, const char *q)
{
	return q == NULL || strcasestr(e->name, q) != NULL ||
	    (e->title != NULL && strcasestr(e->title, q) != NULL);
}

void
library_refresh(struct library *l)
{
	uint32_t keep = l->sel < l->nshown ? l->shown[l->sel] : UINT32_MAX;
	size_t i;

	l->shown = xgrow(l->shown, &l->shown_cap, l->n ? l->n : 1,
	    sizeof *l->shown);
	l->nshown = 0;
	for (i = 0; i < l->n; i++)
		if (matches(&l->e[i], l->filter))
			l->shown[l->nshown++] = (uint32_t)i;
	qsort_r(l->shown, l->nshown, sizeof *l->shown, entry_cmp, l);
	l->sel = 0;
	for (i = 0; i < l->nshown; i++)
		if (l->shown[i] == keep)
			l->sel = i;
}

void
library_set_filter(struct library *l, const char *q)
{
	size_t i;

	free(l->filter);
	l->filter = q != NULL && q[0] != '\0' ? xstrdup(q) : NULL;
	/* titles are what people remember: know them all to filter */
	if (l->filter != NULL)
		for (i = 0; i < l->n; i++)
			library_probe(l, i);
	library_refresh(l);
}
