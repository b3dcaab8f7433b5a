/* The library: the articles of a folder, the files given on the command
 * line, or the documents read recently, as a list to choose from.  Plain
 * state (the screen draws it, libview drives it).  Entries are listed at
 * once; what needs reading a file (title, sections) is filled in lazily,
 * only for the rows being shown. */
#ifndef FOLIO_LIBRARY_H
#define FOLIO_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bookmarks.h"
#include "err.h"

enum lib_sort { LIB_SORT_NAME, LIB_SORT_RECENT, LIB_SORT_PROGRESS, LIB_SORTS };

/* Files larger than this get a title from their start only, and their
 * sections are counted when they are opened. */
#define LIB_PROBE_MAX (4u << 20)

struct lib_entry {
	char *name;          /* as listed: the file name, or a path */
	char *path;          /* to open */
	bool dir;            /* a folder (".." is the parent) */
	long long size;
	bool probed;         /* title and sections filled in */
	char *title;
	long sections;       /* -1: not known */
	int percent;         /* from the bookmark store; -1: never read */
	double last_read;    /* seconds since the epoch; 0: never */
};

struct library {
	char *dir;           /* the folder listed; NULL for files / recent */
	bool recent;         /* the recently read documents */
	struct lib_entry *e;
	size_t n, cap;
	uint32_t *shown;     /* entries after the filter, sorted */
	size_t nshown, shown_cap;
	enum lib_sort sort;
	char *filter;        /* NULL: every entry */
	size_t sel;          /* index into shown */
	size_t first;        /* the first row on the screen */
};

void library_init(struct library *l);
void library_fini(struct library *l);
/* Does a file look like text (by its first bytes, decompressed when
 * compressed)?  Binary files and unreadable ones do not. */
bool library_is_text(const char *path);
/* List a folder: its sub-folders (and ".." unless it is /) and its text
 * files, hidden ones left out.  -1 with err when it cannot be read. */
int library_scan(struct library *l, const char *dir, struct bookmarks *bm,
    struct err *err);
/* List these files (several given on the command line). */
void library_files(struct library *l, char **paths, int n,
    struct bookmarks *bm);
/* List the documents the store knows that are still there, newest
 * first. */
void library_recent(struct library *l, struct bookmarks *bm);
/* Fill in entry i's title and section count. */
void library_probe(struct library *l, size_t i);
/* Read entry i's progress from the store again (after reading it). */
void library_progress(struct library *l, size_t i, struct bookmarks *bm);
/* Apply the filter and the sort to make shown[]; the selection stays on
 * the same entry when it is still shown. */
void library_refresh(struct library *l);
void library_set_filter(struct library *l, const char *q);
const char *library_sort_name(enum lib_sort s);
/* The entry under the selection, or NULL. */
struct lib_entry *library_selected(struct library *l);

#endif
