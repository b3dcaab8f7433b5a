# The bookmark store from the command line: --recent, --forget, and what a
# damaged or unusable store does to them.
. "$FOLIO_TESTS/lib.sh"
DB="$XDG_STATE_HOME/folio/folio.db"

"$FOLIO" --recent > "$TMP/out" 2> "$TMP/err"
is "$?:$(cat "$TMP/out" "$TMP/err")" "0:" \
	"--recent with nothing read prints nothing and succeeds"
[ -f "$DB" ] && [ "$(stat -c %a "$XDG_STATE_HOME/folio")" = 700 ] &&
	[ "$(stat -c %a "$DB")" = 600 ]
ok $? "the store is created private: directory 0700, file 0600"
is "$(sqlite3 "$DB" 'PRAGMA user_version')" 2 "with a versioned schema"

# Two records, as the reader would leave them.
printf 'Guide\n\nSome text.\n' > "$TMP/a.txt"
printf 'Other\n\nMore text.\n' > "$TMP/b.txt"
sqlite3 "$DB" "INSERT INTO document (path, name, fingerprint, size, title,
	section, percent, last_read, offset, fraction, in_section, titles)
	VALUES ('$TMP/a.txt', '$TMP/a.txt', x'00', 10, 'A Guide', 'Part 2',
	43, 1700000000, 5, 0.5, 0, 'Part 2'),
	('$TMP/b.txt', '$TMP/b.txt', x'01', 10, 'B ''Title''', '', 100,
	1800000000, 9, 0.9, 0, '')"
"$FOLIO" --recent > "$TMP/out"
is "$(cut -f1,2,3,4 "$TMP/out" | tr '\t\n' '|;')" \
	"$TMP/b.txt|B 'Title'||100%;$TMP/a.txt|A Guide|Part 2|43%;" \
	"--recent: path, title, section, percent, newest first"
cut -f5 "$TMP/out" | grep -Eqx '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}'
ok $? "and when it was read last"

"$FOLIO" --forget "$TMP/a.txt"
is "$?:$("$FOLIO" --recent | cut -f1)" "0:$TMP/b.txt" "--forget FILE deletes its record"
(cd "$TMP" && "$FOLIO" --forget b.txt)
is "$?:$("$FOLIO" --recent)" "0:" "a relative path names the same document"
"$FOLIO" --forget "$TMP/a.txt" 2> "$TMP/err"
is "$?:$(cat "$TMP/err")" "1:folio: $TMP/a.txt: no reading position to forget" \
	"forgetting a document never read says so"
"$FOLIO" --forget 2> /dev/null
is "$?" 1 "--forget without FILE is a usage error"
"$FOLIO" --recent "$TMP/a.txt" 2> /dev/null
is "$?" 1 "--recent with a FILE is a usage error"

# Control characters in a stored title are shown as markers.
sqlite3 "$DB" "INSERT INTO document (path, name, fingerprint, size, title,
	section, percent, last_read, offset, fraction, in_section, titles)
	VALUES (NULL, '(stdin)', x'02', 1, 'Evil' || char(27) || '[2J',
	'Tab' || char(9) || 'bed', 1, 1, 0, 0, 0, '')"
is "$("$FOLIO" --recent)" "(stdin)	Evil^[[2J	Tab bed	1%	$(date -d @1 '+%Y-%m-%d %H:%M')" \
	"--recent never writes a title's escape sequences or tabs raw"

# A damaged store: one warning naming it, kept aside, and a new one.
printf 'scribbled over' > "$DB"
"$FOLIO" --recent > "$TMP/out" 2> "$TMP/err"
rc=$?
is "$rc:$(wc -l < "$TMP/err")" "0:1" "a damaged store is one warning, and --recent goes on"
grep -q "damaged.*$DB.damaged-" "$TMP/err"
ok $? "the warning names the file kept aside"
is "$(cat "$DB".damaged-*)" "scribbled over" "which is kept untouched"
"$FOLIO" --recent 2> "$TMP/err"
is "$(cat "$TMP/err")" "" "the new store is sound"

# No place for a store: a warning, not a failure to read.
XDG_STATE_HOME=/dev/null "$FOLIO" --print "$TMP/a.txt" > "$TMP/out" 2>&1
is "$?:$(head -1 "$TMP/out")" "0:Guide" "printing never needs the store"
XDG_STATE_HOME=/dev/null "$FOLIO" --recent 2> "$TMP/err"
is "$?:$(cat "$TMP/err")" \
	"2:folio: Bookmarks are off: cannot create /dev/null/folio: Not a directory" \
	"--recent without a usable store says why"

# A read-only directory: positions are still listed, with a warning.
if [ "$(id -u)" -eq 0 ]; then
	# Root writes anywhere: be an unprivileged user for this one.  That
	# user may reach neither the build tree nor $TMP (under a private
	# TMPDIR or /root), so the store and a copy of the program go into a
	# directory of their own directly in /tmp.
	RO=$(mktemp -d /tmp/folio-ro.XXXXXX)
	chmod 755 "$RO"
	cp "$FOLIO" "$RO/folio-copy"
	chmod 755 "$RO/folio-copy"
	RUN="$RO/folio-copy"
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
	RO="$TMP/ro"
	mkdir "$RO"
	RUN=$FOLIO
	as_user() { "$@"; }
fi
ST="$RO/state"
XDG_STATE_HOME=$ST "$FOLIO" --recent
sqlite3 "$ST/folio/folio.db" "INSERT INTO document (path, name, fingerprint,
	size, title, section, percent, last_read, offset, fraction, in_section,
	titles) VALUES ('/x.txt', '/x.txt', x'03', 1, 'X', 'Y', 7, 1, 0, 0, 0, '')"
[ "$(id -u)" -eq 0 ] && chown -R 65534:65534 "$ST"
chmod 500 "$ST/folio"
as_user env XDG_STATE_HOME="$ST" "$RUN" --recent > "$TMP/out" 2> "$TMP/err"
is "$?:$(cut -f1,4 "$TMP/out")" "0:/x.txt	7%" \
	"a store in a read-only directory is still read"
[ "$(wc -l < "$TMP/err")" -eq 1 ] &&
	grep -qx "folio: Bookmarks are read only (.*): $ST/folio/folio.db" "$TMP/err"
ok $? "with one warning naming it"
chmod 700 "$ST/folio"
rm -rf "$RO"

plan_done
