/* Opening documents: regular files are mapped, everything else is read into
 * a single buffer.  Also the line helpers every later stage uses. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* xxHash's own header-only mode: the hash is compiled in, and no library
 * is loaded at start for it (docs/scale.md). */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "decompress.h"
#include "document.h"
#include "xalloc.h"

#define READ_CHUNK (1u << 16)
/* A line reader's buffer starts small (a short read, such as the
 * fingerprint's, touches few new pages: each is a page fault) and grows
 * once the reader has read a few of them (fewer calls for a long one). */
#define LINE_READER_BUF (64u * 1024)
#define LINE_READER_BUF_MAX (256u * 1024)
#define LINE_READER_GROW_AFTER (16u * LINE_READER_BUF)
/* How far ahead of a line scan its bytes are prefetched. */
#define LINE_PREFETCH 8192u

static const char empty_text[] = "";

static void feed_close(struct document *doc);

/* The mapping guarded against SIGBUS (see document_guard): the only
 * global state outside the screen, as a signal handler needs it. */
static const char *guard_base;
static size_t guard_len;
static uintptr_t guard_page;
static volatile sig_atomic_t guard_hit;
static struct sigaction guard_next;

/* A page of the mapping is past the end of a file that was cut short:
 * put a page of blank lines there and let the read go on.  Any other
 * SIGBUS goes to the handler that was there before. */
static void
on_bus(int sig, siginfo_t *si, void *ctx)
{
	uintptr_t a = (uintptr_t)si->si_addr, b = (uintptr_t)guard_base;

	if (guard_base != NULL && a >= b && a < b + guard_len) {
		void *page = (void *)(a & ~(guard_page - 1));
		void *p = mmap(page, guard_page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0);

		if (p != MAP_FAILED) {
			memset(p, '\n', guard_page);
			mprotect(p, guard_page, PROT_READ);
			guard_hit = 1;
			return;
		}
	}
	if (guard_next.sa_flags & SA_SIGINFO)
		guard_next.sa_sigaction(sig, si, ctx);
	else if (guard_next.sa_handler != SIG_DFL &&
	    guard_next.sa_handler != SIG_IGN)
		guard_next.sa_handler(sig);
	else {
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

void
document_guard(const struct document *doc)
{
	struct sigaction sa, old;

	if (doc->source != DOC_MAPPED)
		return;
	guard_base = doc->data;
	guard_len = doc->len;
	guard_page = (uintptr_t)sysconf(_SC_PAGESIZE);
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_sigaction = on_bus;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGBUS, &sa, &old) == 0 && old.sa_sigaction != on_bus)
		guard_next = old;
}

bool
document_cut_short(void)
{
	return guard_hit != 0;
}

static void
document_set_name(struct document *doc, const char *path, const char *name)
{
	doc->path = path != NULL ? xstrdup(path) : NULL;
	doc->name = xstrdup(name);
}

static void
document_find_text_start(struct document *doc)
{
	doc->text_start = 0;
	if (doc->len >= 3 && memcmp(doc->data, "\xEF\xBB\xBF", 3) == 0)
		doc->text_start = 3;
}

/* Bytes looked at to tell a file whose lines end in CR alone. */
#define CR_PROBE (64u * 1024)

/* Old Mac files end their lines with CR alone.  When the start of a
 * document has CRs and no LF at all, every CR not followed by LF becomes
 * LF: the same length, so offsets stay as they are, and the rest of folio
 * needs to know only '\n'.  A mapping is private, so only the pages
 * written to are copied.  A stray CR inside an LF file stays a marker. */
static void
document_cr_lines(struct document *doc)
{
	size_t n = doc->len < CR_PROBE ? doc->len : CR_PROBE, i;
	char *d = (char *)doc->data;

	if (memchr(d, '\r', n) == NULL || memchr(d, '\n', n) != NULL)
		return;
	if (doc->source == DOC_MAPPED &&
	    mprotect(d, doc->len, PROT_READ | PROT_WRITE) != 0)
		return;
	for (i = 0; i < doc->len; i++) {
		char *p = memchr(d + i, '\r', doc->len - i);

		if (p == NULL)
			break;
		i = (size_t)(p - d);
		if (i + 1 >= doc->len || d[i + 1] != '\n') {
			d[i] = '\n';
			doc->rewritten = true;
		}
	}
	if (doc->source == DOC_MAPPED)
		mprotect(d, doc->len, PROT_READ);
}

/* A compressed document is decompressed once, into memory, in place of
 * its bytes.  Returns -1 with err set when it cannot be. */
static int
document_inflate(struct document *doc, struct err *err)
{
	enum compression c = compression_detect(doc->data, doc->len);
	char *out;
	size_t outlen;

	if (c == COMP_NONE)
		return 0;
	if (decompress(c, doc->data, doc->len, doc->name, &out, &outlen,
	    err) != 0)
		return -1;
	if (doc->source == DOC_MAPPED)
		munmap((void *)doc->data, doc->len);
	else if (doc->source == DOC_HEAP)
		free((void *)doc->data);
	else if (doc->source == DOC_FED)
		feed_close(doc);
	doc->data = outlen > 0 ? out : empty_text;
	doc->len = outlen;
	doc->source = outlen > 0 ? DOC_HEAP : DOC_EMPTY;
	return 0;
}

/* The last step of opening: decompress first, then look at the text
 * itself (the BOM, CR line ends) -- never at compressed bytes, which a
 * CR-to-LF pass would corrupt.  On failure the document is closed. */
static int
document_settle(struct document *doc, struct err *err)
{
	if (document_inflate(doc, err) != 0) {
		document_fini(doc);
		return -1;
	}
	document_find_text_start(doc);
	if (doc->source != DOC_EMPTY)
		document_cr_lines(doc);
	return 0;
}

void
document_init_static(struct document *doc, const char *data, size_t len,
    const char *name)
{
	memset(doc, 0, sizeof *doc);
	doc->data = len != 0 ? data : empty_text;
	doc->len = len;
	doc->source = DOC_EMPTY;
	document_set_name(doc, NULL, name);
	document_find_text_start(doc);
}

/* The slow-read notice: its hook and how often it is called. */
#define SLOW_READ_MS 250
static void (*slow_read)(size_t so_far);

void
document_on_slow_read(void (*fn)(size_t so_far))
{
	slow_read = fn;
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)(t.tv_sec - t0->tv_sec) * 1000 +
	    (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Before a read: tell the hook how far reading got, every SLOW_READ_MS
 * from the start; false when nothing is to be read yet (wait again). */
static bool
read_ready(int fd, const struct timespec *t0, long *next, size_t len)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	long now = ms_since(t0);

	if (now >= *next) {
		if (slow_read != NULL)
			slow_read(len);
		*next = now + SLOW_READ_MS;
	}
	int r = poll(&pfd, 1, (int)(*next - now));

	return r > 0 || (r < 0 && errno != EINTR); /* a read says why */
}

int
document_read_fd(struct document *doc, int fd, const char *name,
    struct err *err)
{
	char *data = NULL;
	size_t len = 0, cap = 0;
	struct timespec t0;
	long next = SLOW_READ_MS;
	struct stat st;
	bool watch = slow_read != NULL && fstat(fd, &st) == 0 &&
	    (!S_ISREG(st.st_mode) || st.st_size == 0);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		ssize_t n;

		if (watch && !read_ready(fd, &t0, &next, len))
			continue;

		if (cap - len < READ_CHUNK) {
			size_t ncap = cap ? cap * 2 : READ_CHUNK * 4;
			char *p = ncap > cap ? realloc(data, ncap) : NULL;

			if (p == NULL) {
				free(data);
				err_set(err, "%s: too large to hold in memory",
				    name);
				return -1;
			}
			data = p;
			cap = ncap;
		}
		n = read(fd, data + len, cap - len);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err_set(err, "%s: %s", name, strerror(errno));
			free(data);
			return -1;
		}
		len += (size_t)n;
	}
	memset(doc, 0, sizeof *doc);
	if (len == 0) {
		free(data);
		doc->data = empty_text;
		doc->source = DOC_EMPTY;
	} else {
		doc->data = data;
		doc->source = DOC_HEAP;
	}
	doc->len = len;
	document_set_name(doc, NULL, name);
	return document_settle(doc, err);
}

/* A pipe the reader shows while it is read (document_read_stream). */
struct document_feed {
	int fd;
	char *base;            /* the reserved mapping: the bytes never move */
	size_t reserved;
	atomic_size_t avail;   /* bytes read: [0, avail) are written */
	atomic_bool ended;     /* nothing more will come */
	int error;             /* what stopped the reading (set before ended) */
	pthread_t thread;
	bool running;
	/* The thread reads until the pipe holds want bytes, then waits for
	 * the reader to want more (document_feed_want). */
	pthread_mutex_t lock;
	pthread_cond_t more;
	size_t want;
};

/* Room asked for such a pipe: address space only (MAP_NORESERVE), pages
 * come as the bytes do.  The next size is tried where one is refused
 * (ulimit -v); more than the first is "too large to hold in memory". */
static const size_t feed_reserve[] = {
	(size_t)1 << 36, (size_t)1 << 32, (size_t)1 << 30
};

/* One read of the pipe into the mapping after its first len bytes. */
static ssize_t
feed_read(struct document_feed *f, size_t len)
{
	size_t room = f->reserved - len;

	if (room == 0) {
		errno = EFBIG;
		return -1;
	}
	return read(f->fd, f->base + len, room < 16 * READ_CHUNK ? room
	    : 16 * READ_CHUNK);
}

static void
feed_unlock(void *arg)
{
	pthread_mutex_unlock(&((struct document_feed *)arg)->lock);
}

/* Wait until the reader wants more than len bytes (cancelled there when
 * the reader leaves first). */
static void
feed_wait(struct document_feed *f, size_t len)
{
	pthread_mutex_lock(&f->lock);
	pthread_cleanup_push(feed_unlock, f);
	while (len >= f->want)
		pthread_cond_wait(&f->more, &f->lock);
	pthread_cleanup_pop(1);
}

/* The reading thread: on to the pipe's end, as far as wanted.  Each
 * read's bytes are written before avail says they are there. */
static void *
feed_main(void *arg)
{
	struct document_feed *f = arg;
	size_t len = atomic_load_explicit(&f->avail, memory_order_relaxed);

	for (;;) {
		ssize_t n;

		feed_wait(f, len);
		n = feed_read(f, len);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			f->error = errno;
			break;
		}
		len += (size_t)n;
		atomic_store_explicit(&f->avail, len, memory_order_release);
	}
	atomic_store_explicit(&f->ended, true, memory_order_release);
	return NULL;
}

/* Stop reading (a thread blocked in read() is cancelled there) and give
 * the mapping back. */
static void
feed_close(struct document *doc)
{
	struct document_feed *f = doc->feed;

	if (f->running) {
		pthread_cancel(f->thread);
		pthread_join(f->thread, NULL);
		pthread_cond_destroy(&f->more);
		pthread_mutex_destroy(&f->lock);
	}
	munmap(f->base, f->reserved);
	free(f);
	doc->feed = NULL;
}

/* Can the reader show the first len bytes read while the rest comes?  A
 * whole line in the first CR_PROBE bytes (so that document_cr_lines would
 * change nothing), and not compressed (decompressed whole). */
static bool
feed_showable(const char *d, size_t len)
{
	size_t n = len < CR_PROBE ? len : CR_PROBE;

	return memchr(d, '\n', n) != NULL &&
	    compression_detect(d, len) == COMP_NONE;
}

/* Go on reading in a thread of its own, signals left to the reader. */
static bool
feed_start(struct document_feed *f)
{
	sigset_t all, old;

	if (pthread_mutex_init(&f->lock, NULL) != 0)
		return false;
	if (pthread_cond_init(&f->more, NULL) != 0) {
		pthread_mutex_destroy(&f->lock);
		return false;
	}
	f->want = atomic_load_explicit(&f->avail, memory_order_relaxed) +
	    DOCUMENT_FEED_AHEAD;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	f->running = pthread_create(&f->thread, NULL, feed_main, f) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!f->running) {
		pthread_cond_destroy(&f->more);
		pthread_mutex_destroy(&f->lock);
	}
	return f->running;
}

int
document_read_stream(struct document *doc, int fd, const char *name,
    struct err *err)
{
	struct document_feed *f;
	struct timespec t0;
	long next = SLOW_READ_MS;
	size_t len = 0, i;
	void *p = MAP_FAILED;
	bool show = true;
	struct stat st;

	/* a file given as standard input (folio < FILE) is read whole */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		return document_read_fd(doc, fd, name, err);
	for (i = 0; p == MAP_FAILED &&
	    i < sizeof feed_reserve / sizeof *feed_reserve; i++)
		p = mmap(NULL, feed_reserve[i], PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return document_read_fd(doc, fd, name, err);
	f = xcalloc(1, sizeof *f);
	f->fd = fd;
	f->base = p;
	f->reserved = feed_reserve[i - 1];
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		ssize_t n;

		if (show && (ms_since(&t0) >= DOCUMENT_STREAM_MS ||
		    len >= DOCUMENT_FEED_AHEAD) &&
		    feed_showable(f->base, len)) {
			atomic_init(&f->avail, len);
			atomic_init(&f->ended, false);
			if (feed_start(f))
				break;
			show = false; /* no thread: read it all here */
		}
		if (!read_ready(fd, &t0, &next, len))
			continue;
		n = feed_read(f, len);
		if (n == 0) {
			atomic_init(&f->avail, len);
			atomic_init(&f->ended, true);
			break;
		}
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err_set(err, "%s: %s", name, errno == EFBIG
			    ? "too large to hold in memory" : strerror(errno));
			munmap(f->base, f->reserved);
			free(f);
			return -1;
		}
		len += (size_t)n;
	}
	memset(doc, 0, sizeof *doc);
	document_set_name(doc, NULL, name);
	if (len == 0) {
		munmap(f->base, f->reserved);
		free(f);
		doc->data = empty_text;
		doc->source = DOC_EMPTY;
		return 0;
	}
	doc->data = f->base;
	doc->source = DOC_FED;
	doc->feed = f;
	if (!f->running) {
		doc->len = len;
		return document_settle(doc, err);
	}
	/* up to its last whole line; the rest comes with the next */
	doc->len = (size_t)((const char *)memrchr(f->base, '\n', len) -
	    f->base) + 1;
	document_find_text_start(doc);
	return 0;
}

bool
document_growing(const struct document *doc)
{
	const struct document_feed *f = doc->feed;

	return f != NULL && (!atomic_load_explicit(&f->ended,
	    memory_order_acquire) || atomic_load_explicit(&f->avail,
	    memory_order_acquire) != doc->len);
}

size_t
document_feed_next(const struct document *doc, bool *ended)
{
	const struct document_feed *f = doc->feed;
	size_t avail;
	const char *nl;

	*ended = true;
	if (f == NULL)
		return doc->len;
	*ended = atomic_load_explicit(&f->ended, memory_order_acquire);
	avail = atomic_load_explicit(&f->avail, memory_order_acquire);
	if (*ended || avail <= doc->len)
		return avail > doc->len ? avail : doc->len;
	nl = memrchr(f->base + doc->len, '\n', avail - doc->len);
	return nl != NULL ? (size_t)(nl - f->base) + 1 : doc->len;
}

size_t
document_feed_read(const struct document *doc)
{
	return doc->feed != NULL ? atomic_load_explicit(&doc->feed->avail,
	    memory_order_relaxed) : doc->len;
}

const char *
document_feed_error(const struct document *doc)
{
	const struct document_feed *f = doc->feed;

	if (f == NULL || !atomic_load_explicit(&f->ended,
	    memory_order_acquire) || f->error == 0)
		return NULL;
	return f->error == EFBIG ? "too large to hold in memory"
	    : strerror(f->error);
}

void
document_size_name(char *out, size_t n, size_t bytes)
{
	if (bytes < 1024)
		snprintf(out, n, "%zu bytes", bytes);
	else if (bytes < 1024 * 1024)
		snprintf(out, n, "%zu KiB", bytes / 1024);
	else
		snprintf(out, n, "%.1f MiB", (double)bytes / (1024 * 1024));
}

void
document_feed_want(const struct document *doc, size_t want)
{
	struct document_feed *f = doc->feed;

	if (f == NULL || !f->running)
		return;
	pthread_mutex_lock(&f->lock);
	if (want > f->want) {
		f->want = want;
		pthread_cond_signal(&f->more);
	}
	pthread_mutex_unlock(&f->lock);
}

void
document_feed_take(struct document *doc, size_t len)
{
	doc->len = len;
}

/* Map the file: 0, -1 with err set, or 1 when it cannot be mapped but may
 * be read (sysfs files say they hold a page and refuse mmap). */
static int
document_map(struct document *doc, int fd, const char *path, size_t len,
    struct err *err)
{
	void *p;

	memset(doc, 0, sizeof *doc);
	if (len == 0) {
		doc->data = empty_text;
		doc->source = DOC_EMPTY;
	} else {
		p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED && (errno == ENODEV || errno == EINVAL))
			return 1; /* sysfs and the like: read it */
		if (p == MAP_FAILED) {
			err_set(err, "%s: %s", path, strerror(errno));
			return -1;
		}
		(void)madvise(p, len, MADV_SEQUENTIAL);
		doc->data = p;
		doc->source = DOC_MAPPED;
	}
	doc->len = len;
	document_set_name(doc, path, path);
	return document_settle(doc, err);
}

/* Is st (of the document's path) still the file it was opened from: a
 * regular file of the same device and inode? */
static bool
same_file(const struct document *doc, const struct stat *st)
{
	return S_ISREG(st->st_mode) &&
	    (unsigned long long)st->st_dev == doc->dev &&
	    (unsigned long long)st->st_ino == doc->ino;
}

/* The document's file opened again, when it is still the one mapped (the
 * same device and inode at its path): its descriptor, with its state in
 * *st; -1 when not, or when the document's bytes are not only the
 * file's (in memory, rewritten). */
static int
reopen_same(const struct document *doc, struct stat *st)
{
	int fd;

	if (!document_can_grow(doc))
		return -1;
	fd = open(doc->path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;
	if (fstat(fd, st) != 0 || !same_file(doc, st)) {
		close(fd);
		return -1;
	}
	return fd;
}

bool
document_can_grow(const struct document *doc)
{
	return doc->path != NULL && !doc->rewritten &&
	    (doc->source == DOC_MAPPED || doc->source == DOC_EMPTY);
}

int
document_file_grew(const struct document *doc)
{
	struct stat st;

	if (!document_can_grow(doc) || stat(doc->path, &st) != 0 ||
	    !same_file(doc, &st) || (unsigned long long)st.st_size < doc->len)
		return -1;
	return (unsigned long long)st.st_size > doc->len;
}

int
document_refresh(struct document *doc)
{
	struct stat st;
	size_t len;
	void *p;
	int fd = reopen_same(doc, &st);

	if (fd < 0)
		return -1; /* another file there now */
	if ((unsigned long long)st.st_size < doc->len) {
		close(fd);
		return -1; /* cut short */
	}
	if ((unsigned long long)st.st_size == doc->len ||
	    (unsigned long long)st.st_size > (size_t)-1 / 2) {
		close(fd);
		return 0;
	}
	len = (size_t)st.st_size;
	p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return -1;
	if (doc->data == guard_base)
		guard_base = NULL;
	if (doc->source == DOC_MAPPED)
		munmap((void *)doc->data, doc->len);
	doc->data = p;
	doc->len = len;
	doc->source = DOC_MAPPED; /* it may have been empty */
	document_find_text_start(doc);
	document_guard(doc);
	return 1;
}

void
document_will_read_all(const struct document *doc)
{
#ifdef MADV_POPULATE_READ
	if (doc->source == DOC_MAPPED)
		(void)madvise((void *)doc->data, doc->len, MADV_POPULATE_READ);
#else
	(void)doc;
#endif
}

int
document_open(struct document *doc, const char *path, struct err *err)
{
	struct stat st;
	int fd, rc;

	if (strcmp(path, "-") == 0)
		return document_read_fd(doc, STDIN_FILENO, "(stdin)", err);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		err_set(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		err_set(err, "%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		err_set(err, "%s: %s", path, strerror(EISDIR));
		close(fd);
		return -1;
	}
	rc = 1;
	/* a file that says it is empty may be one the kernel writes as it
	 * is read (/proc/cpuinfo): read it, as a pipe is */
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		if ((unsigned long long)st.st_size > (size_t)-1 / 2) {
			err_set(err, "%s: too large to map", path);
			close(fd);
			return -1;
		}
		rc = document_map(doc, fd, path, (size_t)st.st_size, err);
		if (rc == 0) {
			doc->dev = (unsigned long long)st.st_dev;
			doc->ino = (unsigned long long)st.st_ino;
		}
	}
	if (rc == 1) {
		rc = document_read_fd(doc, fd, path, err);
		if (rc == 0) {
			free(doc->path);
			doc->path = xstrdup(path);
			doc->dev = (unsigned long long)st.st_dev;
			doc->ino = (unsigned long long)st.st_ino;
		}
	}
	close(fd);
	return rc;
}

void
document_fini(struct document *doc)
{
	if (doc->data == guard_base)
		guard_base = NULL;
	if (doc->source == DOC_MAPPED)
		munmap((void *)doc->data, doc->len);
	else if (doc->source == DOC_HEAP)
		free((void *)doc->data);
	else if (doc->source == DOC_FED)
		feed_close(doc);
	free(doc->name);
	free(doc->path);
	memset(doc, 0, sizeof *doc);
}

size_t
document_line_start(const struct document *doc, size_t off)
{
	const char *p;

	if (off > doc->len)
		off = doc->len;
	if (off == 0)
		return 0;
	p = memrchr(doc->data, '\n', off);
	return p != NULL ? (size_t)(p - doc->data) + 1 : 0;
}

size_t
document_line_end(const struct document *doc, size_t off)
{
	const char *p;

	if (off >= doc->len)
		return doc->len;
	p = memchr(doc->data + off, '\n', doc->len - off);
	return p != NULL ? (size_t)(p - doc->data) : doc->len;
}

size_t
document_next_line(const struct document *doc, size_t off)
{
	size_t end = document_line_end(doc, off);

	return end < doc->len ? end + 1 : doc->len;
}

bool
document_looks_binary(const struct document *doc)
{
	size_t n = doc->len < DOCUMENT_BINARY_PROBE ? doc->len
	    : DOCUMENT_BINARY_PROBE;

	return memchr(doc->data, '\0', n) != NULL;
}

/* 0x01 in each byte of w that is '\n', 0 in the others (exact: no borrow
 * runs from one byte into the next). */
static inline uint64_t
newline_bytes(uint64_t w)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;

	w ^= 0x0a0a0a0a0a0a0a0aULL;
	return ~(((w & low7) + low7) | w | low7) >> 7;
}

/* Bytes counted in one go: 255 words, so that no byte of the sum
 * overflows. */
#define COUNT_BLOCK (255 * 8)

/* The newlines in p[0, n), eight bytes at a time. */
static size_t
count_newlines(const char *p, size_t n)
{
	size_t c = 0;

	while (n >= 8) {
		size_t k = n / 8 < 255 ? n / 8 : 255, i;
		uint64_t sum = 0, w;

		for (i = 0; i < k; i++) {
			memcpy(&w, p + 8 * i, 8);
			sum += newline_bytes(w);
		}
		/* the eight byte counts, added in 16-bit lanes */
		sum = (sum & 0x00ff00ff00ff00ffULL) +
		    ((sum >> 8) & 0x00ff00ff00ff00ffULL);
		c += (size_t)((sum * 0x0001000100010001ULL) >> 48);
		p += 8 * k;
		n -= 8 * k;
	}
	while (n-- > 0)
		c += *p++ == '\n';
	return c;
}

size_t
document_count_lines(const struct document *doc, size_t from, size_t to)
{
	if (to > doc->len)
		to = doc->len;
	return from < to ? count_newlines(doc->data + from, to - from) : 0;
}

size_t
document_skip_lines(const struct document *doc, size_t from, size_t n)
{
	size_t off = from;

	while (n > 0 && off < doc->len) {
		size_t k = doc->len - off < COUNT_BLOCK ? doc->len - off
		    : COUNT_BLOCK;
		size_t c = count_newlines(doc->data + off, k);
		const char *p;

		if (c < n) {
			n -= c;
			off += k;
			continue;
		}
		/* the line wanted starts in this block */
		for (;;) {
			p = memchr(doc->data + off, '\n', doc->len - off);
			off = (size_t)(p - doc->data) + 1;
			if (--n == 0)
				break;
		}
	}
	return n > 0 ? doc->len : off;
}

unsigned long
document_line_number(const struct document *doc, size_t off)
{
	return 1 + (unsigned long)document_count_lines(doc, 0, off);
}

void
line_iter_init(struct line_iter *it, const char *data, size_t len,
    size_t start)
{
	it->data = data;
	it->len = len;
	it->pos = start;
	it->lineno = 1;
}

/* The line at start, whose bytes s (at start) run to the newline nl, or to
 * len when nl is NULL: into out, with where the next line starts. */
static void
line_cut(struct line *out, size_t start, const char *s, const char *nl,
    size_t len, size_t *pos, unsigned long *lineno)
{
	size_t end = nl != NULL ? start + (size_t)(nl - s) : len;

	*pos = nl != NULL ? end + 1 : len;
	if (end > start && s[end - 1 - start] == '\r')
		end--;
	out->start = start;
	out->end = end;
	out->next = *pos;
	out->lineno = (*lineno)++;
}

bool
line_iter_next(struct line_iter *it, struct line *out)
{
	const char *s;

	if (it->pos >= it->len)
		return false;
	/* The pages ahead are asked for before they are needed: a mapped
	 * file is read a page at a time, and the processor's own prefetch
	 * stops at each page's end. */
	if (it->len - it->pos > LINE_PREFETCH)
		__builtin_prefetch(it->data + it->pos + LINE_PREFETCH);
	s = it->data + it->pos;
	line_cut(out, it->pos, s, memchr(s, '\n', it->len - it->pos), it->len,
	    &it->pos, &it->lineno);
	return true;
}

/* The mapped file opened again for reading through a buffer, or -1 when
 * its bytes are not (only) the file's: in memory, rewritten, or another
 * file since put in its place. */
static int
document_reopen(const struct document *doc)
{
	struct stat st;
	int fd = reopen_same(doc, &st);

	if (fd >= 0 && (unsigned long long)st.st_size != doc->len) {
		close(fd);
		return -1;
	}
	return fd;
}

void
line_reader_init(struct line_reader *r, const struct document *doc,
    size_t start)
{
	memset(r, 0, sizeof *r);
	r->doc = doc;
	r->fd = -1;
	r->pos = start;
	r->lineno = 1;
	if (doc->len <= LINE_READER_BUF_MAX)
		return;
	r->fd = document_reopen(doc);
	if (r->fd >= 0) {
		r->cap = LINE_READER_BUF;
		r->buf = xmalloc(r->cap);
	}
}

void
line_reader_fini(struct line_reader *r)
{
	if (r->fd >= 0)
		close(r->fd);
	free(r->buf);
	r->fd = -1;
	r->buf = NULL;
}

void
line_reader_seek(struct line_reader *r, size_t pos, unsigned long lineno)
{
	r->pos = pos;
	r->lineno = lineno;
}

/* Read the document's bytes [off, off + n), n at most r->cap, into r's
 * buffer; false (and the mapping from now on) when the file does not give
 * what the mapping has. */
static bool
line_reader_load(struct line_reader *r, size_t off, size_t n)
{
	size_t got = 0;

	r->nread += n;
	while (got < n) {
		ssize_t k = pread(r->fd, r->buf + got, n - got,
		    (off_t)(off + got));

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			line_reader_fini(r);
			return false;
		}
		got += (size_t)k;
	}
	r->buf_start = off;
	r->buf_end = off + n;
	r->ff_known = false;
	return true;
}

/* Fill the buffer from r->pos. */
static bool
line_reader_fill(struct line_reader *r)
{
	size_t want = r->doc->len - r->pos;

	if (r->cap < LINE_READER_BUF_MAX &&
	    r->nread >= LINE_READER_GROW_AFTER) {
		free(r->buf);
		r->cap = LINE_READER_BUF_MAX;
		r->buf = xmalloc(r->cap);
	}
	return line_reader_load(r, r->pos, want > r->cap ? r->cap : want);
}

bool
line_reader_next(struct line_reader *r, struct line *out, const char **text)
{
	const struct document *doc = r->doc;
	const char *nl = NULL, *s;

	if (r->pos >= doc->len)
		return false;
	if (r->fd >= 0) {
		bool in = r->pos >= r->buf_start && r->pos < r->buf_end;

		if (in)
			nl = memchr(r->buf + (r->pos - r->buf_start), '\n',
			    r->buf_end - r->pos);
		/* not in the buffer, or cut by its end: read on from here */
		if (nl == NULL && !(in && r->buf_end == doc->len) &&
		    line_reader_fill(r))
			nl = memchr(r->buf, '\n', r->buf_end - r->buf_start);
		if (r->fd >= 0 && (nl != NULL || r->buf_end == doc->len)) {
			s = r->buf + (r->pos - r->buf_start);
			goto found;
		}
		/* a line longer than the buffer: from the mapping */
	}
	s = doc->data + r->pos;
	nl = memchr(s, '\n', doc->len - r->pos);
found:
	*text = s;
	line_cut(out, r->pos, s, nl, doc->len, &r->pos, &r->lineno);
	return true;
}

const char *
line_reader_bytes(const struct line_reader *r, size_t off, size_t n)
{
	if (r->fd >= 0 && off >= r->buf_start && off + n <= r->buf_end)
		return r->buf + (off - r->buf_start);
	return r->doc->data + off;
}

bool
line_reader_peek(const struct line_reader *r, struct line_iter *it,
    struct line *out)
{
	if (r != NULL && r->fd >= 0 && it->pos >= r->buf_start &&
	    it->pos < r->buf_end && it->pos < it->len) {
		const char *s = r->buf + (it->pos - r->buf_start);
		const char *nl = memchr(s, '\n', r->buf_end - it->pos);

		if (nl != NULL || r->buf_end == it->len) {
			line_cut(out, it->pos, s, nl, it->len, &it->pos,
			    &it->lineno);
			return true;
		}
	}
	return line_iter_next(it, out);
}

/* Hash the document's bytes [off, off + n): read through r's buffer (as
 * the line reader reads: a mapping goes a page fault at a time, twice as
 * slow), or from the mapping when r reads no file. */
static void
fingerprint_update(XXH3_state_t *st, struct line_reader *r, size_t off,
    size_t n)
{
	while (n > 0 && r->fd >= 0) {
		size_t k = n < r->cap ? n : r->cap;

		if (!line_reader_load(r, off, k))
			break;
		XXH3_128bits_update(st, r->buf, k);
		off += k;
		n -= k;
	}
	if (n > 0)
		XXH3_128bits_update(st, r->doc->data + off, n);
}

void
document_fingerprint(const struct document *doc, struct fingerprint *fp)
{
	XXH3_state_t *st = XXH3_createState();
	XXH128_hash_t h;
	XXH128_canonical_t c;
	uint64_t len = doc->len;
	struct line_reader r;

	if (st == NULL)
		xalloc_die();
	line_reader_init(&r, doc, 0);
	XXH3_128bits_reset(st);
	XXH3_128bits_update(st, &len, sizeof len);
	if (doc->len <= DOCUMENT_FP_WHOLE) {
		fingerprint_update(st, &r, 0, doc->len);
	} else {
		size_t step = (doc->len - 2 * DOCUMENT_FP_EDGE) /
		    DOCUMENT_FP_SAMPLES;
		size_t i;

		fingerprint_update(st, &r, 0, DOCUMENT_FP_EDGE);
		for (i = 0; i < DOCUMENT_FP_SAMPLES; i++)
			fingerprint_update(st, &r, DOCUMENT_FP_EDGE + i * step,
			    DOCUMENT_FP_SAMPLE);
		fingerprint_update(st, &r, doc->len - DOCUMENT_FP_EDGE,
		    DOCUMENT_FP_EDGE);
	}
	h = XXH3_128bits_digest(st);
	XXH3_freeState(st);
	XXH128_canonicalFromHash(&c, h);
	memcpy(fp->b, c.digest, sizeof fp->b);
	line_reader_fini(&r);
}

int
document_percent(const struct document *doc, size_t off)
{
	if (off >= doc->len)
		return 100;
	return (int)((double)off * 100 / (double)doc->len);
}
