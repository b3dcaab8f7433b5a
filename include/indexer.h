/* Building an outline in the background.  A large document's outline is
 * built by a worker thread while the reader already shows the text: the
 * first screen never waits for the index.
 *
 * One lock guards the outline.  The worker takes it for each change
 * (outline.c does, for an outline with an indexer); the reading thread
 * holds it all the time except while it waits for a key, so everything
 * it reads between two keys is consistent. */
#ifndef FOLIO_INDEXER_H
#define FOLIO_INDEXER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "document.h"
#include "outline.h"

/* Documents smaller than this are indexed before the first screen (at
 * most 1.5 ms, 4 for Markdown: folio's own parsers go at about 1.5 ms a
 * MiB, md4c at about 4); larger ones in the background. */
#define INDEXER_MIN_BYTES (1u * 1024 * 1024)

struct indexer {
	struct outline *o;
	const struct document *doc;
	pthread_t thread;
	pthread_mutex_t lock;
	atomic_size_t scanned;   /* bytes the parser has looked at */
	atomic_bool done;        /* the worker is done: the outline is
				    complete, or it was stopped */
	atomic_bool whole;       /* done, and not stopped first */
	atomic_bool stop;        /* the reader left: give up */
	bool pending;            /* initialised, the worker not started yet */
	bool started;
	/* For tests: FOLIO_INDEX_PACE=K holds the worker to K KiB per
	 * millisecond, so that they see it at work. */
	size_t pace, next_pause;
	struct timespec began;
};

/* Is a document of len bytes indexed in the background? */
bool indexer_wanted(size_t len);
/* Get ready to build o (its format already chosen) for doc. */
void indexer_init(struct indexer *ix, struct outline *o,
    const struct document *doc);
/* Start the worker; the calling thread holds the lock when this returns.
 * When no thread can be started, the outline is built at once.  The
 * worker runs at a lower priority than the reader (nice 10): the screen
 * and the terminal come first. */
void indexer_start(struct indexer *ix);
/* Stop the worker (unfinished: the outline stays partial) and detach. */
void indexer_stop(struct indexer *ix);
/* The reading thread lets the worker change the outline while it waits,
 * and takes the lock back after. */
void indexer_release(struct indexer *ix);
void indexer_hold(struct indexer *ix);
bool indexer_done(const struct indexer *ix);
/* Did the worker build the whole outline (not stopped before its end)?
 * False when it never started. */
bool indexer_whole(const struct indexer *ix);
/* Everything before this offset is indexed (SIZE_MAX: all of it). */
size_t indexer_scanned(const struct indexer *ix);
/* The worker has looked at everything before off (outline_scanned). */
void indexer_pace(struct indexer *ix, size_t off);
/* How far the worker is, 0..100. */
int indexer_percent(const struct indexer *ix);

#endif
