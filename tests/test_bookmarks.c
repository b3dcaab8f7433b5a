/* The bookmark store: what a reader would lose if it broke.  Each test
 * works on a store of its own in a temporary directory. */
#include "config.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bookmarks.h"
#include "buf.h"
#include "tap.h"

static char dir[] = "/tmp/folio-bm.XXXXXX";
static int serial;

/* A fresh store path. */
static const char *
store_path(struct buf *b)
{
	buf_reset(b);
	buf_addf(b, "%s/s%d/folio/folio.db", dir, ++serial);
	return buf_str(b);
}

static struct doc_key
key(const char *path, int content)
{
	struct doc_key k;

	memset(&k, 0, sizeof k);
	k.path = path;
	k.name = path != NULL ? path : "(standard input)";
	k.size = 1000;
	memset(k.fp.b, content, sizeof k.fp.b);
	return k;
}

static int
save_at(struct bookmarks *bm, struct doc_key *k, size_t off)
{
	struct bookmark b;
	int rc;

	bookmark_init(&b);
	b.pos.offset = off;
	b.title = "Title";
	b.section = "Section";
	b.percent = 40;
	rc = bookmarks_save(bm, k, &b);
	bookmark_fini(&b);
	return rc;
}

/* The saved offset of k, -1 when there is no record, -2 when the content
 * changed since. */
static long
load_at(struct bookmarks *bm, struct doc_key *k)
{
	struct bookmark b;
	long r = -1;

	bookmark_init(&b);
	if (bookmarks_load(bm, k, &b))
		r = b.same ? (long)b.pos.offset : -2;
	bookmark_fini(&b);
	return r;
}

static void
count_one(const struct recent *r, void *arg)
{
	struct buf *names = arg;

	buf_addf(names, "%s%s", names->len ? "," : "", r->name);
}

static const char *
recent(struct bookmarks *bm, struct buf *names)
{
	buf_reset(names);
	if (bookmarks_recent(bm, count_one, names) != 0)
		buf_adds(names, "(error)");
	return buf_str(names);
}

static int
sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return v;
}

static void
sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	sqlite3_open(path, &db);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
}

static void
slurp(const char *path, struct buf *out)
{
	char chunk[4096];
	FILE *f = fopen(path, "rb");
	size_t n;

	buf_reset(out);
	if (f == NULL)
		return;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(out, chunk, n);
	fclose(f);
}

static void
test_schema(void)
{
	struct buf p = BUF_INIT, d = BUF_INIT;
	struct bookmarks *bm = bookmarks_open(store_path(&p));
	struct stat st;
	char *slash;

	ok(bookmarks_warning(bm) == NULL, "a new store opens without warning");
	bookmarks_close(bm);
	is_long(sql_int(buf_str(&p), "PRAGMA user_version"), BOOKMARKS_SCHEMA,
	    "the schema version is recorded");
	is_long(sql_int(buf_str(&p), "SELECT count(*) FROM sqlite_master "
	    "WHERE name IN ('document', 'mark', 'history')"), 3,
	    "with its tables");
	ok(stat(buf_str(&p), &st) == 0 && (st.st_mode & 0777) == 0600,
	    "the database file is private (0600)");
	buf_adds(&d, buf_str(&p));
	slash = strrchr(d.data, '/');
	*slash = '\0';
	ok(stat(d.data, &st) == 0 && (st.st_mode & 0777) == 0700,
	    "its directory too (0700)");
	bm = bookmarks_open(buf_str(&p));
	ok(bookmarks_warning(bm) == NULL, "reopening it is quiet");
	bookmarks_close(bm);
	buf_fini(&p);
	buf_fini(&d);
}

static void
test_records(void)
{
	struct buf p = BUF_INIT, names = BUF_INIT;
	struct bookmarks *bm = bookmarks_open(store_path(&p));
	struct doc_key a = key("/docs/a.txt", 1), moved = key("/else/b.txt", 1);
	struct doc_key edited = key("/docs/a.txt", 2), in = key(NULL, 3);
	struct bookmark b;

	ok(save_at(bm, &a, 1234) == 0, "a position is saved");
	is_long(load_at(bm, &a), 1234, "and restored");
	is_long(load_at(bm, &moved), 1234,
	    "a moved document is known by its content");
	is_long(load_at(bm, &edited), -2,
	    "an edited document is known by its path, as changed");
	is_long(load_at(bm, &in), -1, "unknown content has no record");
	save_at(bm, &in, 77);
	is_long(load_at(bm, &in), 77, "standard input is known by content");
	is_str(recent(bm, &names), "(standard input),/docs/a.txt",
	    "recent documents come newest first");

	bookmark_init(&b);
	b.has_mark[anchor_mark_index('x')] = true;
	b.marks[anchor_mark_index('x')].offset = 555;
	bookmarks_save(bm, &a, &b);
	bookmark_fini(&b);
	bookmark_init(&b);
	ok(bookmarks_load(bm, &a, &b) && b.has_mark[anchor_mark_index('x')] &&
	    b.marks[anchor_mark_index('x')].offset == 555 &&
	    !b.has_mark[anchor_mark_index('y')],
	    "marks are saved with the document's record");
	bookmark_fini(&b);

	save_at(bm, &moved, 99);
	is_str(recent(bm, &names), "/else/b.txt,(standard input)",
	    "saving a moved document moves its record, not a copy");
	is_long(bookmarks_forget(bm, "/else/b.txt", NULL), 1,
	    "forget deletes a record");
	is_long(load_at(bm, &moved), -1, "and it is gone");
	is_long(sql_int(buf_str(&p), "SELECT count(*) FROM mark"), 0,
	    "with its marks");
	bookmarks_close(bm);
	buf_fini(&p);
	buf_fini(&names);
}

/* The reader looks its document up before hashing it (the fingerprint
 * waits for the first screen): by path and size, the record taken as the
 * same until the caller compares fingerprints. */
static void
test_fingerprint_later(void)
{
	static const char text[] = "Some Title\n\nA document of some text.\n";
	static const char other[] = "Some Title\n\nA document of same text.\n";
	struct buf p = BUF_INIT;
	struct bookmarks *bm = bookmarks_open(store_path(&p));
	struct document doc, changed, longer;
	struct doc_key full, later;
	struct bookmark b;
	char *canon;

	document_init_static(&doc, text, sizeof text - 1, "doc");
	document_init_static(&changed, other, sizeof other - 1, "doc");
	document_init_static(&longer, text, sizeof text - 2, "doc");
	bookmarks_key_later(&full, &doc, &canon);
	bookmarks_key_fingerprint(&full);
	full.path = "/docs/doc.txt";
	ok(save_at(bm, &full, 12) == 0, "a document's place is saved");

	bookmarks_key_later(&later, &doc, &canon);
	later.path = "/docs/doc.txt";
	bookmark_init(&b);
	ok(bookmarks_load(bm, &later, &b) && b.pos.offset == 12 && b.same &&
	    b.unverified, "looked up before its fingerprint: found by path "
	    "and size, taken as the same");
	ok(later.doc != NULL, "without computing the fingerprint");
	ok(memcmp(b.fp.b, full.fp.b, sizeof b.fp.b) == 0,
	    "the record's fingerprint comes with it, to compare");
	bookmark_fini(&b);

	bookmarks_key_later(&later, &changed, &canon);
	later.path = "/docs/doc.txt";
	bookmark_init(&b);
	ok(bookmarks_load(bm, &later, &b) && b.unverified &&
	    memcmp(b.fp.b, full.fp.b, sizeof b.fp.b) == 0,
	    "content changed at the same size: found, unverified");
	bookmarks_key_fingerprint(&later);
	ok(later.doc == NULL && memcmp(later.fp.b, b.fp.b, sizeof b.fp.b) != 0,
	    "and the fingerprints, compared, differ");
	bookmark_fini(&b);
	bookmark_init(&b);
	is_long(load_at(bm, &later), -2,
	    "looked up again with its fingerprint, it is the changed document");
	bookmark_fini(&b);

	bookmarks_key_later(&later, &longer, &canon);
	later.path = "/docs/doc.txt";
	bookmark_init(&b);
	ok(bookmarks_load(bm, &later, &b) && !b.unverified && !b.same &&
	    later.doc == NULL, "another size: fingerprinted at once, changed");
	bookmark_fini(&b);

	bookmarks_key_later(&later, &doc, &canon);
	later.path = "/docs/elsewhere.txt";
	bookmark_init(&b);
	ok(bookmarks_load(bm, &later, &b) && !b.unverified && b.same &&
	    later.doc == NULL,
	    "nothing at its path: fingerprinted at once, found by content");
	bookmark_fini(&b);

	bookmarks_key_later(&later, &changed, &canon);
	later.path = "/docs/new.txt";
	ok(save_at(bm, &later, 5) == 0 && later.doc == NULL &&
	    memcmp(later.fp.b, full.fp.b, sizeof later.fp.b) != 0,
	    "saving computes the fingerprint it keeps");
	bookmarks_key_later(&full, &changed, &canon);
	bookmarks_key_fingerprint(&full);
	full.path = "/docs/new.txt";
	is_long(load_at(bm, &full), 5, "and the record is found by it");

	ok(canon == NULL, "(documents without a path have no canonical one)");
	bookmarks_close(bm);
	document_fini(&doc);
	document_fini(&changed);
	document_fini(&longer);
	buf_fini(&p);
}

static void
test_eviction(void)
{
	struct buf p = BUF_INIT, names = BUF_INIT;
	struct bookmarks *bm = bookmarks_open(store_path(&p));
	const char *paths[] = { "/1", "/2", "/3", "/4", "/5" };
	int i;

	bookmarks_set_keep(bm, 3);
	for (i = 0; i < 5; i++) {
		struct doc_key k = key(paths[i], 10 + i);

		save_at(bm, &k, 1);
	}
	is_str(recent(bm, &names), "/5,/4,/3",
	    "beyond the limit, the least recently read are dropped");
	bookmarks_close(bm);
	buf_fini(&p);
	buf_fini(&names);
}

static void
add_entry(const char *e, void *arg)
{
	struct buf *b = arg;

	buf_addf(b, "%s%s", b->len ? "," : "", e);
}

static const char *
history(struct bookmarks *bm, const char *kind, struct buf *out)
{
	buf_reset(out);
	bookmarks_history(bm, kind, add_entry, out);
	return buf_str(out);
}

static void
test_history(void)
{
	struct buf p = BUF_INIT, h = BUF_INIT;
	struct bookmarks *bm = bookmarks_open(store_path(&p));
	struct bookmarks *other = bookmarks_open(buf_str(&p));
	int i;

	is_str(history(bm, "search", &h), "", "a new store has no history");
	ok(bookmarks_history_add(bm, "search", "one") == 0 &&
	    bookmarks_history_add(other, "search", "two") == 0 &&
	    bookmarks_history_add(bm, "search", "one") == 0 &&
	    bookmarks_history_add(bm, "goto", "three") == 0,
	    "entries are added, from two processes");
	is_str(history(bm, "search", &h), "two,one",
	    "oldest first; a repeated entry is the newest, once");
	is_str(history(other, "goto", &h), "three", "each prompt its own");
	for (i = 0; i < BOOKMARKS_HISTORY_KEEP + 3; i++) {
		char e[16];

		snprintf(e, sizeof e, "e%d", i);
		bookmarks_history_add(bm, "search", e);
	}
	history(bm, "search", &h);
	ok(strncmp(h.data, "e3,e4,", 6) == 0 &&
	    sql_int(buf_str(&p), "SELECT count(*) FROM history WHERE "
	    "kind = 'search'") == BOOKMARKS_HISTORY_KEEP,
	    "the history keeps the newest entries");
	bookmarks_close(other);
	bookmarks_close(bm);
	buf_fini(&p);
	buf_fini(&h);
}

static void
test_migration(void)
{
	struct buf p = BUF_INIT;
	struct bookmarks *bm = bookmarks_open(store_path(&p));
	struct doc_key a = key("/a", 1);

	save_at(bm, &a, 42);
	bookmarks_close(bm);
	/* a store as folio 1 (schema 1) left it */
	sql_exec(buf_str(&p), "DROP TABLE history; PRAGMA user_version = 1");
	bm = bookmarks_open(buf_str(&p));
	ok(bookmarks_warning(bm) == NULL, "a schema 1 store opens quietly");
	is_long(load_at(bm, &a), 42, "its positions are kept");
	ok(bookmarks_history_add(bm, "search", "x") == 0,
	    "and it gains the history");
	bookmarks_close(bm);
	is_long(sql_int(buf_str(&p), "PRAGMA user_version"), 2,
	    "it is schema 2 now");
	buf_fini(&p);
}

static void
test_newer_schema(void)
{
	struct buf p = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
	struct bookmarks *bm = bookmarks_open(store_path(&p));
	struct doc_key a = key("/a", 1);
	const char *w;

	save_at(bm, &a, 10);
	bookmarks_close(bm);
	sql_exec(buf_str(&p), "CREATE TABLE future (x); "
	    "PRAGMA user_version = 99");
	slurp(buf_str(&p), &before);
	bm = bookmarks_open(buf_str(&p));
	w = bookmarks_warning(bm);
	ok(w != NULL && strstr(w, "from a newer folio") != NULL,
	    "a store from a newer folio is said to be so");
	is_long(load_at(bm, &a), 10, "its positions are still restored");
	save_at(bm, &a, 20);
	bookmarks_close(bm);
	slurp(buf_str(&p), &after);
	ok(before.len == after.len &&
	    memcmp(before.data, after.data, before.len) == 0,
	    "and an older folio never writes to it");
	is_long(sql_int(buf_str(&p), "PRAGMA user_version"), 99,
	    "its schema version stays");
	buf_fini(&p);
	buf_fini(&before);
	buf_fini(&after);
}

/* A store with one record, then damaged by f. */
static void
damage(const char *what, void (*f)(const char *path), bool keeps_record)
{
	struct buf p = BUF_INIT, bad = BUF_INIT, aside = BUF_INIT, b = BUF_INIT;
	struct bookmarks *bm = bookmarks_open(store_path(&p));
	struct doc_key a = key("/a", 1);
	const char *w;
	bool saved;

	save_at(bm, &a, 10);
	bookmarks_close(bm);
	f(buf_str(&p));
	slurp(buf_str(&p), &bad);
	bm = bookmarks_open(buf_str(&p));
	w = bookmarks_warning(bm);
	if (keeps_record) {
		ok(w == NULL, "%s: no warning", what);
		ok(load_at(bm, &a) == 10, "%s: costs no record", what);
		bookmarks_close(bm);
		goto out;
	}
	/* found when opening, or else checked before the first write */
	saved = save_at(bm, &a, 30) == 0;
	if (w == NULL)
		w = bookmarks_warning(bm);
	ok(w != NULL && strstr(w, buf_str(&p)) != NULL &&
	    strstr(w, "damaged") != NULL,
	    "%s: a warning names the damaged store", what);
	if (w != NULL && (w = strstr(w, "kept as ")) != NULL) {
		buf_adds(&aside, w + strlen("kept as "));
		aside.len = strcspn(aside.data, " ");
		aside.data[aside.len] = '\0';
	}
	ok(bookmarks_warning(bm) == NULL, "%s: once", what);
	ok(saved && load_at(bm, &a) == 30, "%s: a new store works", what);
	bookmarks_close(bm);
	slurp(buf_str(&aside), &b);
	ok(aside.len > 0 && b.len == bad.len &&
	    memcmp(b.data, bad.data, b.len) == 0,
	    "%s: the damaged file is kept aside untouched", what);
out:
	buf_fini(&p);
	buf_fini(&bad);
	buf_fini(&aside);
	buf_fini(&b);
}

static void
overwrite_start(const char *path)
{
	int fd = open(path, O_WRONLY);

	(void)!write(fd, "garbage garbage garbage garbage garbage garbage", 47);
	close(fd);
}

static void
overwrite_middle(const char *path)
{
	struct stat st;
	char junk[4096];
	int fd = open(path, O_WRONLY);

	memset(junk, 0x5a, sizeof junk);
	fstat(fd, &st);
	(void)!pwrite(fd, junk, sizeof junk, st.st_size / 2);
	close(fd);
}

static void
append_junk(const char *path)
{
	char junk[10000];
	int fd = open(path, O_WRONLY | O_APPEND);
	size_t i;

	for (i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7919 % 251);
	(void)!write(fd, junk, sizeof junk);
	close(fd);
}

static void
truncate_half(const char *path)
{
	struct stat st;

	stat(path, &st);
	(void)!truncate(path, st.st_size / 2 + 100);
}

/* The version is any 32-bit number to SQLite; folio never writes a
 * negative one (found by the bookmarks fuzzer: it indexed the migrations
 * with it). */
static void
negative_version(const char *path)
{
	sql_exec(path, "PRAGMA user_version = -83886083");
}

static void
not_a_database(const char *path)
{
	FILE *f = fopen(path, "w");

	fputs("this is a text file, not a database\n", f);
	fclose(f);
}

static void
test_concurrency(void)
{
	struct buf p = BUF_INIT;
	struct bookmarks *bm;
	int go[2], i, rc, failed = 0;
	pid_t pid[30];

	store_path(&p);
	if (pipe(go) != 0)
		return;
	for (i = 0; i < 30; i++) {
		if ((pid[i] = fork()) == 0) {
			char path[32], c;
			struct doc_key k;

			close(go[1]);
			(void)!read(go[0], &c, 1);
			snprintf(path, sizeof path, "/doc/%d", i);
			k = key(path, 100 + i);
			const char *w = NULL;

			bm = bookmarks_open(buf_str(&p));
			rc = save_at(bm, &k, (size_t)i);
			w = bookmarks_warning(bm);
			if (rc == 0 && w == NULL)
				_exit(0);
			fprintf(stderr, "# child %d: %s\n", i, w);
			_exit(1);
		}
	}
	close(go[0]);
	close(go[1]); /* every child starts now */
	for (i = 0; i < 30; i++) {
		int status;

		waitpid(pid[i], &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed++;
	}
	is_long(failed, 0, "30 processes saving at once all succeed");
	bm = bookmarks_open(buf_str(&p));
	is_long(sql_int(buf_str(&p), "SELECT count(*) FROM document"), 30,
	    "and all 30 records are there");
	bookmarks_close(bm);
	buf_fini(&p);
}

static void
test_unwritable(void)
{
	struct buf p = BUF_INIT;
	struct bookmarks *bm;
	struct doc_key a = key("/a", 1);
	const char *w;

	/* A file where the state directory should be. */
	buf_addf(&p, "%s/plainfile", dir);
	not_a_database(buf_str(&p));
	buf_adds(&p, "/folio/folio.db");
	bm = bookmarks_open(buf_str(&p));
	w = bookmarks_warning(bm);
	ok(w != NULL && strstr(w, "cannot create") != NULL,
	    "a store that cannot be created gives a warning");
	ok(save_at(bm, &a, 1) == -1 && load_at(bm, &a) == -1,
	    "and does nothing else");
	bookmarks_close(bm);
	buf_fini(&p);
}

/* A disk that fills up while reading (a file size limit here): the save
 * fails with a warning and the record saved before is intact. */
static void
test_full_disk(void)
{
	struct buf p = BUF_INIT;
	struct bookmarks *bm = bookmarks_open(store_path(&p));
	struct doc_key a = key("/a", 1);
	int status;
	pid_t pid;

	save_at(bm, &a, 10);
	bookmarks_close(bm);
	if ((pid = fork()) == 0) {
		struct rlimit rl = { 0, 0 };
		const char *w;

		bm = bookmarks_open(buf_str(&p));
		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		if (save_at(bm, &a, 20) != -1)
			_exit(1);
		w = bookmarks_warning(bm);
		_exit(w != NULL && strstr(w, "Position not saved") != NULL &&
		    strstr(w, buf_str(&p)) != NULL ? 0 : 2);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "a save on a full disk fails with a warning naming the store");
	bm = bookmarks_open(buf_str(&p));
	is_long(load_at(bm, &a), 10, "and the position saved before is intact");
	bookmarks_close(bm);
	buf_fini(&p);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return 1;
	test_schema();
	test_records();
	test_fingerprint_later();
	test_eviction();
	test_history();
	test_migration();
	test_newer_schema();
	damage("garbage over the header", overwrite_start, false);
	damage("garbage over a page", overwrite_middle, false);
	damage("a truncated file", truncate_half, false);
	damage("something not a database", not_a_database, false);
	damage("a negative schema version", negative_version, false);
	damage("junk appended", append_junk, true);
	test_concurrency();
	test_unwritable();
	test_full_disk();
	{
		char cmd[64];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		(void)!system(cmd);
	}
	return tap_done();
}
