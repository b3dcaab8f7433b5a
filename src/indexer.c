/* The background outline builder (see indexer.h). */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "indexer.h"

/* How much less the worker asks of the processor than the reader. */
#define INDEXER_NICE 10

static void *
indexer_main(void *arg)
{
	struct indexer *ix = arg;

	/* Linux gives each thread its own nice value */
	(void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid),
	    INDEXER_NICE);

	outline_build(ix->o, ix->doc, ix->o->format);
	/* a stop seen at the very end counts as one seen before it */
	atomic_store(&ix->whole, !atomic_load(&ix->stop));
	atomic_store(&ix->done, true);
	return NULL;
}

bool
indexer_wanted(size_t len)
{
	return len >= INDEXER_MIN_BYTES;
}

void
indexer_init(struct indexer *ix, struct outline *o,
    const struct document *doc)
{
	memset(ix, 0, sizeof *ix);
	ix->o = o;
	ix->doc = doc;
	atomic_init(&ix->scanned, 0);
	atomic_init(&ix->done, false);
	atomic_init(&ix->whole, false);
	atomic_init(&ix->stop, false);
	ix->pending = true;
	if (getenv("FOLIO_INDEX_PACE") != NULL)
		ix->pace = (size_t)strtoul(getenv("FOLIO_INDEX_PACE"), NULL,
		    10) * 1024;
	ix->next_pause = ix->pace;
}

void
indexer_pace(struct indexer *ix, size_t off)
{
	struct timespec now, due;
	long long ns;

	atomic_store_explicit(&ix->scanned, off, memory_order_relaxed);
	if (ix->pace == 0 || off < ix->next_pause)
		return;
	ix->next_pause = off + ix->pace;
	/* off bytes are due pace bytes a millisecond after the start */
	ns = (long long)(off / ix->pace) * 1000000;
	due = ix->began;
	due.tv_sec += (time_t)(ns / 1000000000);
	due.tv_nsec += (long)(ns % 1000000000);
	if (due.tv_nsec >= 1000000000) {
		due.tv_sec++;
		due.tv_nsec -= 1000000000;
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec < due.tv_sec ||
	    (now.tv_sec == due.tv_sec && now.tv_nsec < due.tv_nsec))
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL);
}

void
indexer_start(struct indexer *ix)
{
	sigset_t all, old;
	int rc;

	ix->pending = false;
	if (pthread_mutex_init(&ix->lock, NULL) != 0) {
		outline_build(ix->o, ix->doc, ix->o->format);
		return;
	}
	ix->o->ix = ix;
	pthread_mutex_lock(&ix->lock);
	/* Signals for the reader (resize, ^C, stop) must reach the thread
	 * that waits for keys: the worker blocks them.  Faults (SIGBUS on a
	 * file cut short) stay with whoever touches the page. */
	sigfillset(&all);
	sigdelset(&all, SIGBUS);
	sigdelset(&all, SIGSEGV);
	sigdelset(&all, SIGFPE);
	sigdelset(&all, SIGILL);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	clock_gettime(CLOCK_MONOTONIC, &ix->began);
	rc = pthread_create(&ix->thread, NULL, indexer_main, ix);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		pthread_mutex_unlock(&ix->lock);
		pthread_mutex_destroy(&ix->lock);
		ix->o->ix = NULL;
		outline_build(ix->o, ix->doc, ix->o->format);
		return;
	}
	ix->started = true;
}

void
indexer_stop(struct indexer *ix)
{
	if (!ix->started)
		return;
	atomic_store(&ix->stop, true);
	pthread_mutex_unlock(&ix->lock);
	pthread_join(ix->thread, NULL);
	pthread_mutex_destroy(&ix->lock);
	ix->o->ix = NULL;
	ix->started = false;
}

void
indexer_release(struct indexer *ix)
{
	if (ix != NULL && ix->started)
		pthread_mutex_unlock(&ix->lock);
}

void
indexer_hold(struct indexer *ix)
{
	if (ix != NULL && ix->started)
		pthread_mutex_lock(&ix->lock);
}

bool
indexer_done(const struct indexer *ix)
{
	if (ix == NULL)
		return true;
	if (ix->pending)
		return false;
	return !ix->started || atomic_load(&ix->done);
}

bool
indexer_whole(const struct indexer *ix)
{
	return !ix->pending && atomic_load(&ix->whole);
}

size_t
indexer_scanned(const struct indexer *ix)
{
	if (indexer_done(ix))
		return SIZE_MAX;
	if (ix->pending)
		return 0;
	return atomic_load_explicit(&ix->scanned, memory_order_relaxed);
}

int
indexer_percent(const struct indexer *ix)
{
	size_t s;

	if (indexer_done(ix))
		return 100;
	if (ix->pending)
		return 0;
	s = atomic_load_explicit(&ix->scanned, memory_order_relaxed);
	return document_percent(ix->doc, s);
}
