/* The bookmark store: one SQLite database (docs/bookmarks.md) that keeps,
 * for every document read, where it was being read and its marks, so that
 * each document reopens where it was left.
 *
 * The store never stops folio: when it cannot be opened, is damaged or
 * cannot be written, the functions leave a warning (bookmarks_warning) and
 * carry on with what they can do. */
#ifndef FOLIO_BOOKMARKS_H
#define FOLIO_BOOKMARKS_H

#include <stdbool.h>
#include <stddef.h>

#include "anchor.h"
#include "document.h"

/* The schema this folio writes (PRAGMA user_version). */
#define BOOKMARKS_SCHEMA 2
/* Documents kept: beyond this, the least recently read are dropped. */
#define BOOKMARKS_KEEP 2000
/* Entries kept in each prompt's history. */
#define BOOKMARKS_HISTORY_KEEP 200
/* How long a writer waits for another to finish before giving up. */
#define BOOKMARKS_BUSY_MS 3000

struct bookmarks;

/* Which document: its canonical path (NULL for standard input and the
 * built-in guide, which are known by content alone), a name to list it
 * under, and the fingerprint of its content. */
struct doc_key {
	const char *path;
	const char *name;
	size_t size;
	struct fingerprint fp;
	/* Not NULL: fp is not computed yet (bookmarks_key_later), and is
	 * computed from doc when something needs it. */
	const struct document *doc;
};

/* A document's record.  Loading fills pos and marks and says whether the
 * content is the one saved (same) or changed since (re-anchor then). */
struct bookmark {
	struct anchor pos;
	struct anchor marks[ANCHOR_MARKS];
	bool has_mark[ANCHOR_MARKS];
	bool same;
	/* Found by path and size, for a key whose fingerprint was not
	 * computed: same is assumed, and fp is the record's fingerprint,
	 * for the caller to compare (bookmarks_key_fingerprint) once the
	 * first screen is out. */
	bool unverified;
	struct fingerprint fp;
	/* Saved for listing (folio --recent). */
	const char *title;
	const char *section;
	int percent;
};

void bookmark_init(struct bookmark *b);
void bookmark_fini(struct bookmark *b);

/* The default store: $XDG_STATE_HOME/folio/folio.db, XDG_STATE_HOME
 * defaulting to ~/.local/state.  Returns a malloc'd path, or NULL when
 * neither variable gives one. */
char *bookmarks_default_path(void);
/* Open (creating directory 0700, file 0600, schema) the store at path;
 * NULL for the default.  Never NULL: a store that could not be opened
 * does nothing but warn. */
struct bookmarks *bookmarks_open(const char *path);
void bookmarks_close(struct bookmarks *bm);
/* The store's warning, once: NULL when there is nothing (more) to say. */
const char *bookmarks_warning(struct bookmarks *bm);
/* Keep at most n documents (tests use a small n). */
void bookmarks_set_keep(struct bookmarks *bm, int n);

/* Look the document up: by fingerprint first (moved or renamed documents
 * keep their record), then by path (the document changed: same is false).
 * A key whose fingerprint waits is looked up by path and size first (see
 * struct bookmark's unverified), and fingerprinted when that finds
 * nothing.  Returns true when a record was found. */
bool bookmarks_load(struct bookmarks *bm, struct doc_key *k,
    struct bookmark *out);
/* Save the record atomically (marks included), then drop the least
 * recently read documents beyond the limit.  Returns -1 on failure (with a
 * warning), else 0. */
int bookmarks_save(struct bookmarks *bm, struct doc_key *k,
    const struct bookmark *b);
/* Delete the records of the document at path (and, when fp is not NULL,
 * of its content wherever it was read).  Returns how many, or -1. */
int bookmarks_forget(struct bookmarks *bm, const char *path,
    const struct fingerprint *fp);

struct recent {
	const char *name;      /* path, or a name such as "(standard input)" */
	const char *title;
	const char *section;
	int percent;
	double last_read;      /* seconds since the epoch */
};

/* Call fn for each document, most recently read first.  Returns -1 when
 * the store cannot be read. */
int bookmarks_recent(struct bookmarks *bm,
    void (*fn)(const struct recent *r, void *arg), void *arg);

/* The canonical path of a file that may no longer exist: its directory's
 * canonical path and its name (malloc'd; NULL when neither resolves). */
char *bookmarks_canonical_path(const char *path);
/* The key of doc in the store: canonical path (none for standard input
 * and the built-in guide), size, and the fingerprint, left for later:
 * reading a whole file (up to 16 MiB) to hash it is the largest part of
 * finding a document's place, and a document found at its path with its
 * size needs it only to be sure.  The store computes it when a lookup or
 * a save needs it.  doc must outlive k; *canon is for the caller to
 * free. */
void bookmarks_key_later(struct doc_key *k, const struct document *doc,
    char **canon);
/* Compute k's fingerprint if it is not yet. */
void bookmarks_key_fingerprint(struct doc_key *k);
/* How far the document at (canonical) path was read and when, for the
 * library's list; false when it has no record. */
bool bookmarks_progress(struct bookmarks *bm, const char *path,
    int *percent, double *last_read);
/* A prompt's history ("search"), oldest first: fn is called for each
 * entry.  Quiet on failure (returns -1): the store has warned already. */
int bookmarks_history(struct bookmarks *bm, const char *kind,
    void (*fn)(const char *entry, void *arg), void *arg);
/* Add (or move to the newest) an entry, dropping the oldest beyond
 * BOOKMARKS_HISTORY_KEEP.  Returns -1 when it cannot be written. */
int bookmarks_history_add(struct bookmarks *bm, const char *kind,
    const char *entry);

#endif
