/* The bookmark store (see bookmarks.h and docs/bookmarks.md): SQLite in WAL
 * mode, every save one IMMEDIATE transaction, a versioned schema. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bookmarks.h"
#include "buf.h"
#include "xalloc.h"

struct bookmarks {
	sqlite3 *db;         /* NULL: the store is off */
	char *path;
	bool readonly;       /* written by a newer folio: never touch it */
	int keep;
	struct buf said;     /* the last warning, not to repeat it */
	bool pending;        /* ... and it was not taken yet */
	bool checked;        /* quick_check passed (see writable) */
};

/* Schema migrations: migrations[v] takes a store from version v to v + 1.
 * They only ever add, so that an older folio can still read a newer store
 * (it does not write one: see bookmarks_open). */
static const char *const migrations[] = {
	"CREATE TABLE document ("
	"  id INTEGER PRIMARY KEY,"
	"  path TEXT UNIQUE,"
	"  name TEXT NOT NULL,"
	"  fingerprint BLOB NOT NULL,"
	"  size INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  section TEXT NOT NULL,"
	"  percent INTEGER NOT NULL,"
	"  last_read REAL NOT NULL,"
	"  offset INTEGER NOT NULL,"
	"  fraction REAL NOT NULL,"
	"  in_section REAL NOT NULL,"
	"  titles TEXT NOT NULL);"
	"CREATE INDEX document_fingerprint ON document (fingerprint);"
	"CREATE INDEX document_last_read ON document (last_read);"
	"CREATE TABLE mark ("
	"  document INTEGER NOT NULL REFERENCES document (id)"
	"    ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  offset INTEGER NOT NULL,"
	"  fraction REAL NOT NULL,"
	"  in_section REAL NOT NULL,"
	"  titles TEXT NOT NULL,"
	"  PRIMARY KEY (document, name)) WITHOUT ROWID;",
	/* 2: the prompts' histories */
	"CREATE TABLE history ("
	"  kind TEXT NOT NULL,"
	"  entry TEXT NOT NULL,"
	"  used REAL NOT NULL,"
	"  PRIMARY KEY (kind, entry)) WITHOUT ROWID;",
};

_Static_assert(sizeof migrations / sizeof migrations[0] == BOOKMARKS_SCHEMA,
    "one migration per schema version");

void
bookmark_init(struct bookmark *b)
{
	int i;

	memset(b, 0, sizeof *b);
	anchor_init(&b->pos);
	for (i = 0; i < ANCHOR_MARKS; i++)
		anchor_init(&b->marks[i]);
}

void
bookmark_fini(struct bookmark *b)
{
	int i;

	anchor_fini(&b->pos);
	for (i = 0; i < ANCHOR_MARKS; i++)
		anchor_fini(&b->marks[i]);
}

static void
warn(struct bookmarks *bm, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
warn(struct bookmarks *bm, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (strcmp(buf_str(&b), buf_str(&bm->said)) != 0) {
		buf_reset(&bm->said);
		buf_add(&bm->said, buf_str(&b), b.len);
		bm->pending = true;
	}
	buf_fini(&b);
}

const char *
bookmarks_warning(struct bookmarks *bm)
{
	if (!bm->pending)
		return NULL;
	bm->pending = false;
	return buf_str(&bm->said);
}

void
bookmarks_set_keep(struct bookmarks *bm, int n)
{
	bm->keep = n;
}

char *
bookmarks_default_path(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	struct buf b = BUF_INIT;

	/* The XDG spec ignores relative paths. */
	if (state != NULL && state[0] == '/')
		buf_addf(&b, "%s/folio/folio.db", state);
	else if (home != NULL && home[0] == '/')
		buf_addf(&b, "%s/.local/state/folio/folio.db", home);
	else
		return NULL;
	return b.data;
}

/* mkdir -p of the directory holding path, new directories 0700.  On
 * failure, *dir is that directory (for the message) and errno says why. */
static int
make_parent(const char *path, char **dir)
{
	char *slash, *p;
	struct stat st;

	*dir = xstrdup(path);
	slash = strrchr(*dir, '/');
	if (slash == NULL || slash == *dir)
		return 0;
	*slash = '\0';
	for (p = *dir + 1;; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(*dir, 0700) != 0 && errno != EEXIST) {
			*p = c;
			return -1;
		}
		if (stat(*dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			*p = c;
			errno = ENOTDIR;
			return -1;
		}
		*p = c;
		if (c == '\0')
			return 0;
	}
}

static bool
is_damage(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

static int
exec(struct bookmarks *bm, const char *sql)
{
	return sqlite3_exec(bm->db, sql, NULL, NULL, NULL);
}

static sqlite3_stmt *
prepare(struct bookmarks *bm, const char *sql, int *rc)
{
	sqlite3_stmt *st = NULL;

	*rc = sqlite3_prepare_v2(bm->db, sql, -1, &st, NULL);
	return *rc == SQLITE_OK ? st : NULL;
}

/* SQLITE_OK when the database is sound, SQLITE_CORRUPT when quick_check
 * finds a fault, else the error that stopped it. */
static int
check(struct bookmarks *bm)
{
	sqlite3_stmt *st;
	int rc;

	st = prepare(bm, "PRAGMA quick_check(1)", &rc);
	if (st == NULL)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);

		rc = r != NULL && strcmp(r, "ok") == 0 ? SQLITE_OK
		    : SQLITE_CORRUPT;
	}
	sqlite3_finalize(st);
	return rc;
}

static int
user_version(struct bookmarks *bm, int *v)
{
	sqlite3_stmt *st;
	int rc;

	st = prepare(bm, "PRAGMA user_version", &rc);
	if (st == NULL)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static int
migrate(struct bookmarks *bm)
{
	char sql[64];
	int v, rc;

	if ((rc = user_version(bm, &v)) != SQLITE_OK)
		return rc;
	if (v == BOOKMARKS_SCHEMA)
		return SQLITE_OK;
	/* no folio writes a negative version: not a store it made */
	if (v < 0)
		return SQLITE_CORRUPT;
	/* never written into unchecked (see writable) */
	if ((rc = check(bm)) != SQLITE_OK)
		return rc;
	bm->checked = true;
	if ((rc = exec(bm, "BEGIN IMMEDIATE")) != SQLITE_OK)
		return rc;
	/* Another folio may have migrated it meanwhile. */
	if ((rc = user_version(bm, &v)) != SQLITE_OK)
		goto fail;
	if (v < 0) {
		rc = SQLITE_CORRUPT;
		goto fail;
	}
	if (v > BOOKMARKS_SCHEMA) {
		bm->readonly = true;
		exec(bm, "ROLLBACK");
		warn(bm, "Bookmarks are read only: %s is from a newer folio "
		    "(schema %d)", bm->path, v);
		return SQLITE_OK;
	}
	for (; v < BOOKMARKS_SCHEMA; v++)
		if ((rc = exec(bm, migrations[v])) != SQLITE_OK)
			goto fail;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    BOOKMARKS_SCHEMA);
	if ((rc = exec(bm, sql)) != SQLITE_OK ||
	    (rc = exec(bm, "COMMIT")) != SQLITE_OK)
		goto fail;
	return SQLITE_OK;
fail:
	exec(bm, "ROLLBACK");
	return rc;
}

static int
connect(struct bookmarks *bm)
{
	int fd, rc;

	fd = open(bm->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
	rc = sqlite3_open_v2(bm->path, &bm->db,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_busy_timeout(bm->db, BOOKMARKS_BUSY_MS);
	/* WAL: readers never wait for a writer and a crash leaves the old
	 * or the new state; NORMAL sync keeps every commit safe from a
	 * killed process (the last ones may be lost on power failure). */
	if ((rc = exec(bm, "PRAGMA journal_mode = WAL")) != SQLITE_OK ||
	    (rc = exec(bm, "PRAGMA synchronous = NORMAL")) != SQLITE_OK ||
	    (rc = exec(bm, "PRAGMA foreign_keys = ON")) != SQLITE_OK)
		return rc;
	return migrate(bm);
}

static void
disconnect(struct bookmarks *bm)
{
	sqlite3_close(bm->db);
	bm->db = NULL;
}

static bool
is_busy(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

/* Connect, starting over while another folio holds a lock the busy
 * handler cannot wait for: the first switch to WAL needs the database to
 * itself, and SQLite answers "busy" at once rather than risk a deadlock
 * when several processes create the store at the same moment. */
static int
connect_retrying(struct bookmarks *bm)
{
	struct timespec pause = { 0, 0 };
	int waited_ms = 0, rc;

	for (;;) {
		rc = connect(bm);
		if (!is_busy(rc) || waited_ms >= BOOKMARKS_BUSY_MS)
			return rc;
		disconnect(bm);
		/* 5 to 35 ms, varied so that retries spread out. */
		pause.tv_nsec = (5 + (long)(getpid() + waited_ms) % 31) *
		    1000000L;
		nanosleep(&pause, NULL);
		waited_ms += (int)(pause.tv_nsec / 1000000L);
	}
}

/* Keep a damaged store aside, untouched, under a new name (with its WAL
 * and shared-memory files), so that a person can repair it. */
static int
set_aside(struct bookmarks *bm, struct buf *aside)
{
	static const char *const suffix[] = { "-wal", "-shm" };
	char stamp[32];
	time_t now = time(NULL);
	struct buf from = BUF_INIT, to = BUF_INIT;
	size_t i;
	int rc = 0;

	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&now));
	buf_addf(aside, "%s.damaged-%s", bm->path, stamp);
	for (i = 1; access(buf_str(aside), F_OK) == 0; i++) {
		buf_reset(aside);
		buf_addf(aside, "%s.damaged-%s.%zu", bm->path, stamp, i);
	}
	if (rename(bm->path, buf_str(aside)) != 0)
		return -1;
	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		buf_reset(&from);
		buf_reset(&to);
		buf_addf(&from, "%s%s", bm->path, suffix[i]);
		buf_addf(&to, "%s%s", buf_str(aside), suffix[i]);
		if (rename(buf_str(&from), buf_str(&to)) != 0 &&
		    errno != ENOENT)
			rc = -1;
	}
	buf_fini(&from);
	buf_fini(&to);
	return rc;
}

/* The store cannot be used as it is (full disk, read-only file system,
 * locked too long): read what it holds without locking or writing
 * anything, so that positions are still restored. */
static void
open_readonly(struct bookmarks *bm, int rc)
{
	struct buf uri = BUF_INIT;
	const char *p;

	disconnect(bm);
	buf_adds(&uri, "file:");
	for (p = bm->path; *p != '\0'; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			buf_addf(&uri, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&uri, *p);
	buf_adds(&uri, "?immutable=1");
	if (sqlite3_open_v2(buf_str(&uri), &bm->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
	    check(bm) == SQLITE_OK) {
		bm->readonly = true;
		warn(bm, "Bookmarks are read only (%s): %s", sqlite3_errstr(rc),
		    bm->path);
	} else {
		disconnect(bm);
		warn(bm, "Bookmarks are off (%s): %s", sqlite3_errstr(rc),
		    bm->path);
	}
	buf_fini(&uri);
}

/* The store is damaged: keep it aside and start a new one, *rc saying
 * how connecting to that went.  -1 when it could not be moved aside
 * (bookmarks are off then, with a warning). */
static int
start_over(struct bookmarks *bm, int *rc)
{
	struct buf aside = BUF_INIT;

	disconnect(bm);
	if (set_aside(bm, &aside) != 0) {
		warn(bm, "Bookmarks are off: the store is damaged and could "
		    "not be moved aside (%s): %s", strerror(errno), bm->path);
		buf_fini(&aside);
		return -1;
	}
	warn(bm, "Bookmark store damaged: a new one is started, the old one "
	    "kept as %s", buf_str(&aside));
	buf_fini(&aside);
	*rc = connect_retrying(bm);
	return 0;
}

static void
open_store(struct bookmarks *bm)
{
	char *dir;
	int rc;

	if (make_parent(bm->path, &dir) != 0) {
		warn(bm, "Bookmarks are off: cannot create %s: %s", dir,
		    strerror(errno));
		free(dir);
		return;
	}
	free(dir);
	rc = connect_retrying(bm);
	if (is_damage(rc) && start_over(bm, &rc) != 0)
		return;
	if (rc != SQLITE_OK)
		open_readonly(bm, rc);
}

/*
 * Before the first write, the whole store is checked (quick_check), and a
 * damaged one is set aside.  Not when it is opened: the check reads every
 * page, which a full store (2000 documents) makes 4 ms before every first
 * screen.  A damaged page read fails that read; written into, it could
 * take the rest with it.  Returns 0 when the write may go ahead.
 */
static int
writable(struct bookmarks *bm)
{
	int rc;

	if (bm->checked)
		return 0;
	bm->checked = true;
	rc = check(bm);
	if (!is_damage(rc))
		return 0; /* sound, or busy: the write says what it finds */
	if (start_over(bm, &rc) != 0)
		return -1;
	if (rc == SQLITE_OK)
		return 0;
	open_readonly(bm, rc);
	return -1;
}

/* SQLite's defaults are made for long-lived connections: each one carves
 * a lookaside area of ~100 KiB and a page cache of 20 pages up front,
 * writing a free list through them.  folio reads a few pages of a small
 * database once per start, where touching those ~50 pages costs more than
 * the queries (each first touch is a page fault).  Must come before
 * SQLite initializes; it says MISUSE after, and keeps its defaults. */
static void
configure_sqlite(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	(void)sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);
	(void)sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)NULL, 0, 0);
}

struct bookmarks *
bookmarks_open(const char *path)
{
	struct bookmarks *bm = xcalloc(1, sizeof *bm);

	configure_sqlite();

	bm->keep = BOOKMARKS_KEEP;
	bm->path = path != NULL ? xstrdup(path) : bookmarks_default_path();
	if (bm->path == NULL)
		warn(bm, "neither XDG_STATE_HOME nor HOME is set: "
		    "bookmarks are off");
	else
		open_store(bm);
	return bm;
}

void
bookmarks_close(struct bookmarks *bm)
{
	if (bm == NULL)
		return;
	if (bm->db != NULL)
		disconnect(bm);
	free(bm->path);
	buf_fini(&bm->said);
	free(bm);
}

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static void
bind_fp(sqlite3_stmt *st, int i, const struct fingerprint *fp)
{
	sqlite3_bind_blob(st, i, fp->b, sizeof fp->b, SQLITE_TRANSIENT);
}

/* Columns offset, fraction, in_section, titles from column i on. */
static void
column_anchor(sqlite3_stmt *st, int i, struct anchor *a)
{
	sqlite3_int64 off = sqlite3_column_int64(st, i);
	const unsigned char *t = sqlite3_column_text(st, i + 3);

	a->offset = off > 0 ? (size_t)off : 0;
	a->fraction = sqlite3_column_double(st, i + 1);
	a->in_section = sqlite3_column_double(st, i + 2);
	buf_reset(&a->titles);
	if (t != NULL)
		buf_add(&a->titles, t,
		    (size_t)sqlite3_column_bytes(st, i + 3));
}

static void
bind_anchor(sqlite3_stmt *st, int i, const struct anchor *a)
{
	sqlite3_bind_int64(st, i, (sqlite3_int64)a->offset);
	sqlite3_bind_double(st, i + 1, a->fraction);
	sqlite3_bind_double(st, i + 2, a->in_section);
	sqlite3_bind_text(st, i + 3, buf_str(&a->titles),
	    (int)a->titles.len, SQLITE_TRANSIENT);
}

/* Step st for one id and finalize it: the id, 0 when there is no row,
 * -1 on error (rc set; SQLITE_OK otherwise). */
static sqlite3_int64
step_id(sqlite3_stmt *st, int *rc)
{
	sqlite3_int64 id = 0;

	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (*rc != SQLITE_ROW && *rc != SQLITE_DONE)
		return -1;
	*rc = SQLITE_OK;
	return id;
}

/* The record of k: by fingerprint, then by path.  Returns its id, 0 when
 * there is none, -1 on error (rc set). */
static sqlite3_int64
find(struct bookmarks *bm, const struct doc_key *k, bool saving, int *rc)
{
	/* Standard input may resume from a file's record of the same
	 * content, but saves to a record of its own: the file's keeps its
	 * path. */
	static const char *const sql[] = {
		"SELECT id FROM document WHERE fingerprint = ?1 "
		"ORDER BY path IS ?2 DESC, last_read DESC LIMIT 1",
		"SELECT id FROM document WHERE path = ?2",
		"SELECT id FROM document WHERE fingerprint = ?1 AND path IS NULL "
		"ORDER BY last_read DESC LIMIT 1",
	};
	sqlite3_int64 id = 0;
	size_t i;

	for (i = 0; i < 2 && id == 0; i++) {
		sqlite3_stmt *st;

		if (i == 1 && k->path == NULL)
			break;
		st = prepare(bm, sql[i == 0 && saving && k->path == NULL ? 2 : i],
		    rc);
		if (st == NULL)
			return -1;
		bind_fp(st, 1, &k->fp);
		bind_text(st, 2, k->path);
		if ((id = step_id(st, rc)) < 0)
			return -1;
	}
	*rc = SQLITE_OK;
	return id;
}

/* The record at k's path when it has k's size (a key whose fingerprint
 * waits): its id, 0 when there is none, -1 on error (rc set). */
static sqlite3_int64
find_by_path(struct bookmarks *bm, const struct doc_key *k, int *rc)
{
	sqlite3_stmt *st;

	st = prepare(bm, "SELECT id FROM document WHERE path = ?1 AND "
	    "size = ?2", rc);
	if (st == NULL)
		return -1;
	bind_text(st, 1, k->path);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)k->size);
	return step_id(st, rc);
}

static int
load_record(struct bookmarks *bm, sqlite3_int64 id,
    const struct doc_key *k, struct bookmark *out)
{
	sqlite3_stmt *st;
	int rc;

	st = prepare(bm, "SELECT fingerprint = ?2, offset, fraction, "
	    "in_section, titles, fingerprint FROM document WHERE id = ?1",
	    &rc);
	if (st == NULL)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (k->doc == NULL)
		bind_fp(st, 2, &k->fp);
	else
		sqlite3_bind_null(st, 2);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const void *fp = sqlite3_column_blob(st, 5);

		out->same = sqlite3_column_int(st, 0) != 0;
		column_anchor(st, 1, &out->pos);
		rc = SQLITE_OK;
		if (k->doc != NULL) {
			/* same until the fingerprints say otherwise */
			out->same = true;
			out->unverified = true;
			if (fp != NULL && sqlite3_column_bytes(st, 5) ==
			    (int)sizeof out->fp.b)
				memcpy(out->fp.b, fp, sizeof out->fp.b);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;
	st = prepare(bm, "SELECT name, offset, fraction, in_section, titles "
	    "FROM mark WHERE document = ?1", &rc);
	if (st == NULL)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		int m = name != NULL && name[0] != '\0' && name[1] == '\0'
		    ? anchor_mark_index(name[0]) : -1;

		if (m < 0)
			continue;
		out->has_mark[m] = true;
		column_anchor(st, 1, &out->marks[m]);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void
warn_sql(struct bookmarks *bm, const char *what, int rc)
{
	if (is_busy(rc))
		warn(bm, "%s: the bookmark store is locked by another "
		    "program: %s", what, bm->path);
	else
		warn(bm, "%s (%s): %s", what,
		    bm->db != NULL && sqlite3_errcode(bm->db) == rc
			? sqlite3_errmsg(bm->db) : sqlite3_errstr(rc),
		    bm->path);
}

bool
bookmarks_load(struct bookmarks *bm, struct doc_key *k,
    struct bookmark *out)
{
	sqlite3_int64 id = 0;
	int rc = SQLITE_OK;

	if (bm->db == NULL)
		return false;
	if ((rc = exec(bm, "BEGIN")) != SQLITE_OK) {
		warn_sql(bm, "Position not restored", rc);
		return false;
	}
	if (k->doc != NULL && k->path != NULL)
		id = find_by_path(bm, k, &rc);
	if (id == 0) {
		bookmarks_key_fingerprint(k);
		id = find(bm, k, false, &rc);
	}
	if (id > 0)
		rc = load_record(bm, id, k, out);
	exec(bm, "COMMIT");
	if (rc != SQLITE_OK) {
		warn_sql(bm, "Position not restored", rc);
		return false;
	}
	return id > 0;
}

static int
save_marks(struct bookmarks *bm, sqlite3_int64 id, const struct bookmark *b)
{
	sqlite3_stmt *st;
	char name[2] = { 0, 0 };
	int i, rc;

	st = prepare(bm, "DELETE FROM mark WHERE document = ?1", &rc);
	if (st == NULL)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	st = prepare(bm, "INSERT INTO mark (document, name, offset, fraction, "
	    "in_section, titles) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &rc);
	if (st == NULL)
		return rc;
	rc = SQLITE_DONE;
	for (i = 0; i < ANCHOR_MARKS && rc == SQLITE_DONE; i++) {
		if (!b->has_mark[i])
			continue;
		name[0] = (char)anchor_mark_name(i);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, name, 1, SQLITE_TRANSIENT);
		bind_anchor(st, 3, &b->marks[i]);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Write the document row; *id is the record to update, or 0 to insert. */
static int
save_document(struct bookmarks *bm, sqlite3_int64 *id,
    const struct doc_key *k, const struct bookmark *b)
{
	sqlite3_stmt *st;
	int rc;

	if (k->path != NULL) {
		/* A record of other content at this path is stale now. */
		st = prepare(bm, "DELETE FROM document WHERE path = ?1 AND "
		    "id <> ?2", &rc);
		if (st == NULL)
			return rc;
		bind_text(st, 1, k->path);
		sqlite3_bind_int64(st, 2, *id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return rc;
	}
	st = prepare(bm, *id != 0
	    ? "UPDATE document SET path = ?2, name = ?3, fingerprint = ?4, "
	      "size = ?5, title = ?6, section = ?7, percent = ?8, "
	      "last_read = ?9, offset = ?10, fraction = ?11, "
	      "in_section = ?12, titles = ?13 WHERE id = ?1"
	    : "INSERT INTO document (path, name, fingerprint, size, title, "
	      "section, percent, last_read, offset, fraction, in_section, "
	      "titles) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	      "?12, ?13)", &rc);
	if (st == NULL)
		return rc;
	if (*id != 0)
		sqlite3_bind_int64(st, 1, *id);
	bind_text(st, 2, k->path);
	bind_text(st, 3, k->path != NULL ? k->path : k->name);
	bind_fp(st, 4, &k->fp);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)k->size);
	bind_text(st, 6, b->title != NULL ? b->title : "");
	bind_text(st, 7, b->section != NULL ? b->section : "");
	sqlite3_bind_int(st, 8, b->percent);
	sqlite3_bind_double(st, 9, now_seconds());
	bind_anchor(st, 10, &b->pos);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	if (*id == 0)
		*id = sqlite3_last_insert_rowid(bm->db);
	return SQLITE_OK;
}

static int
evict(struct bookmarks *bm)
{
	sqlite3_stmt *st;
	int rc;

	st = prepare(bm, "DELETE FROM document WHERE id IN (SELECT id FROM "
	    "document ORDER BY last_read DESC, id DESC LIMIT -1 OFFSET ?1)",
	    &rc);
	if (st == NULL)
		return rc;
	sqlite3_bind_int(st, 1, bm->keep);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
bookmarks_save(struct bookmarks *bm, struct doc_key *k,
    const struct bookmark *b)
{
	sqlite3_int64 id;
	int rc;

	if (bm->db == NULL || bm->readonly)
		return bm->db == NULL ? -1 : 0;
	bookmarks_key_fingerprint(k);
	if (writable(bm) != 0)
		return -1;
	if ((rc = exec(bm, "BEGIN IMMEDIATE")) != SQLITE_OK)
		goto fail;
	id = find(bm, k, true, &rc);
	if (id >= 0 && (rc = save_document(bm, &id, k, b)) == SQLITE_OK &&
	    (rc = save_marks(bm, id, b)) == SQLITE_OK &&
	    (rc = evict(bm)) == SQLITE_OK)
		rc = exec(bm, "COMMIT");
	if (rc == SQLITE_OK)
		return 0;
	warn_sql(bm, "Position not saved", rc);
	exec(bm, "ROLLBACK");
	return -1;
fail:
	warn_sql(bm, "Position not saved", rc);
	return -1;
}

int
bookmarks_forget(struct bookmarks *bm, const char *path,
    const struct fingerprint *fp)
{
	sqlite3_stmt *st;
	int rc;

	if (bm->db == NULL)
		return -1;
	if (bm->readonly) {
		warn(bm, "Nothing forgotten: the bookmark store is read only: "
		    "%s", bm->path);
		return -1;
	}
	if (writable(bm) != 0)
		return -1;
	st = prepare(bm, "DELETE FROM document WHERE path = ?1 OR "
	    "fingerprint = ?2", &rc);
	if (st != NULL) {
		bind_text(st, 1, path);
		if (fp != NULL)
			bind_fp(st, 2, fp);
		else
			sqlite3_bind_null(st, 2);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE) {
		warn_sql(bm, "Nothing forgotten", rc);
		return -1;
	}
	return sqlite3_changes(bm->db);
}

int
bookmarks_recent(struct bookmarks *bm,
    void (*fn)(const struct recent *r, void *arg), void *arg)
{
	sqlite3_stmt *st;
	int rc;

	if (bm->db == NULL)
		return -1;
	st = prepare(bm, "SELECT name, title, section, percent, last_read "
	    "FROM document ORDER BY last_read DESC, id DESC", &rc);
	if (st == NULL) {
		warn_sql(bm, "Cannot list the bookmarks", rc);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct recent r;

		r.name = (const char *)sqlite3_column_text(st, 0);
		r.title = (const char *)sqlite3_column_text(st, 1);
		r.section = (const char *)sqlite3_column_text(st, 2);
		r.percent = sqlite3_column_int(st, 3);
		r.last_read = sqlite3_column_double(st, 4);
		fn(&r, arg);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		warn_sql(bm, "Cannot list the bookmarks", rc);
		return -1;
	}
	return 0;
}

int
bookmarks_history(struct bookmarks *bm, const char *kind,
    void (*fn)(const char *entry, void *arg), void *arg)
{
	sqlite3_stmt *st;
	int rc;

	/* Quietly: a history is a convenience, and a store that cannot be
	 * used has said so already. */
	if (bm->db == NULL)
		return -1;
	st = prepare(bm, "SELECT entry FROM (SELECT entry, used FROM history "
	    "WHERE kind = ?1 ORDER BY used DESC LIMIT ?2) ORDER BY used",
	    &rc);
	if (st == NULL)
		return -1;
	bind_text(st, 1, kind);
	sqlite3_bind_int(st, 2, BOOKMARKS_HISTORY_KEEP);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *e = (const char *)sqlite3_column_text(st, 0);

		if (e != NULL)
			fn(e, arg);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
bookmarks_history_add(struct bookmarks *bm, const char *kind,
    const char *entry)
{
	sqlite3_stmt *st;
	int rc;

	if (bm->db == NULL || bm->readonly || writable(bm) != 0)
		return -1;
	if ((rc = exec(bm, "BEGIN IMMEDIATE")) != SQLITE_OK)
		return -1;
	st = prepare(bm, "INSERT INTO history (kind, entry, used) VALUES "
	    "(?1, ?2, ?3) ON CONFLICT (kind, entry) DO UPDATE SET "
	    "used = excluded.used", &rc);
	if (st != NULL) {
		bind_text(st, 1, kind);
		bind_text(st, 2, entry);
		sqlite3_bind_double(st, 3, now_seconds());
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_DONE) {
		st = prepare(bm, "DELETE FROM history WHERE kind = ?1 AND "
		    "entry NOT IN (SELECT entry FROM history WHERE kind = ?1 "
		    "ORDER BY used DESC LIMIT ?2)", &rc);
		if (st != NULL) {
			bind_text(st, 1, kind);
			sqlite3_bind_int(st, 2, BOOKMARKS_HISTORY_KEEP);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
		}
	}
	if (rc == SQLITE_DONE && exec(bm, "COMMIT") == SQLITE_OK)
		return 0;
	exec(bm, "ROLLBACK");
	return -1;
}

bool
bookmarks_progress(struct bookmarks *bm, const char *path, int *percent,
    double *last_read)
{
	sqlite3_stmt *st;
	int rc;
	bool found = false;

	if (bm->db == NULL || path == NULL)
		return false;
	st = prepare(bm, "SELECT percent, last_read FROM document WHERE "
	    "path = ?1", &rc);
	if (st == NULL)
		return false;
	bind_text(st, 1, path);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*percent = sqlite3_column_int(st, 0);
		*last_read = sqlite3_column_double(st, 1);
		found = true;
	}
	sqlite3_finalize(st);
	return found;
}

char *
bookmarks_canonical_path(const char *path)
{
	char *dir, *canon, *slash;
	struct buf b = BUF_INIT;

	if ((canon = realpath(path, NULL)) != NULL)
		return canon;
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash == NULL) {
		canon = realpath(".", NULL);
		slash = dir - 1;
	} else {
		*slash = '\0';
		canon = realpath(dir[0] != '\0' ? dir : "/", NULL);
	}
	if (canon != NULL)
		buf_addf(&b, "%s/%s", strcmp(canon, "/") == 0 ? "" : canon,
		    slash + 1);
	free(canon);
	free(dir);
	return b.data;
}

void
bookmarks_key_later(struct doc_key *k, const struct document *doc,
    char **canon)
{
	*canon = doc->path != NULL ? bookmarks_canonical_path(doc->path)
	    : NULL;
	memset(k, 0, sizeof *k);
	k->path = *canon;
	k->name = doc->name;
	k->size = doc->len;
	k->doc = doc;
}

void
bookmarks_key_fingerprint(struct doc_key *k)
{
	if (k->doc == NULL)
		return;
	document_fingerprint(k->doc, &k->fp);
	k->doc = NULL;
}
