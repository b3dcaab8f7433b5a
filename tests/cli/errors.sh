# Bad input: a one-line error naming the path and the reason, exit 2;
# bad usage: exit 1.
. "$FOLIO_TESTS/lib.sh"

check_error() { # check_error WANT-STATUS WANT-STDERR DESCRIPTION -- ARGS
	want_status=$1 want_err=$2 what=$3
	shift 4
	"$FOLIO" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	status=$?
	is "$status" "$want_status" "$what: exit status $want_status"
	is "$(cat "$TMP/err")" "$want_err" "$what: one-line message"
	is "$(wc -c <"$TMP/out")" 0 "$what: nothing on standard output"
}

check_error 2 "folio: $TMP/missing.txt: No such file or directory" \
	"missing file" -- --outline "$TMP/missing.txt"
check_error 2 "folio: $TMP: Is a directory" "directory" -- "$TMP"

if [ "$(id -u)" -eq 0 ]; then
	# Root reads anything: check as an unprivileged user instead, in a
	# directory of its own in /tmp that the user can enter (neither $TMP
	# nor the build tree may be), with a copy of the program.
	U=$(mktemp -d /tmp/folio-unreadable.XXXXXX)
	chmod 755 "$U"
	cp "$FOLIO" "$U/folio-copy"
	printf 'secret\n' >"$U/unreadable.txt"
	chmod 000 "$U/unreadable.txt"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$U/folio-copy" "$U/unreadable.txt" >"$TMP/out" 2>"$TMP/err"
	status=$?
else
	U=$TMP
	printf 'secret\n' >"$U/unreadable.txt"
	chmod 000 "$U/unreadable.txt"
	"$FOLIO" "$U/unreadable.txt" >"$TMP/out" 2>"$TMP/err"
	status=$?
fi
is "$status" 2 "unreadable file: exit status 2"
is "$(cat "$TMP/err")" "folio: $U/unreadable.txt: Permission denied" \
	"unreadable file: names the path and the reason"
[ "$U" != "$TMP" ] && rm -rf "$U"

"$FOLIO" --bogus >"$TMP/out" 2>"$TMP/err"
is "$?" 1 "unknown option: exit status 1"
is "$(head -n 1 "$TMP/err")" "folio: unknown option '--bogus'" \
	"unknown option: says which"
"$FOLIO" --width=abc "$FOLIO_TESTDATA/guide.txt" >/dev/null 2>&1
is "$?" 1 "a width that is not a number: exit status 1"
"$FOLIO" --format=latex "$FOLIO_TESTDATA/guide.txt" >/dev/null 2>&1
is "$?" 1 "an unknown format: exit status 1"
"$FOLIO" --print --section=99 "$FOLIO_TESTDATA/guide.txt" >/dev/null 2>"$TMP/err"
is "$?" 1 "a section that does not exist: exit status 1"
is "$(cat "$TMP/err")" \
	"folio: $FOLIO_TESTDATA/guide.txt: no section matches '99'" \
	"a section that does not exist: says so"

: >"$TMP/empty.txt"
"$FOLIO" --outline "$TMP/empty.txt" >"$TMP/out" 2>"$TMP/err"
is "$?:$(cat "$TMP/out" "$TMP/err")" "0:" "an empty file is a document with no sections"
"$FOLIO" --print "$TMP/empty.txt" >"$TMP/out" 2>"$TMP/err"
is "$?:$(cat "$TMP/out" "$TMP/err")" "0:" "an empty file prints nothing"

# Names come from outside: their escapes are shown, never sent.
"$FOLIO" --outline "$TMP/$(printf 'no\033]0;x\007such\033[31m')" 2>"$TMP/err"
is "$?:$(cat "$TMP/err")" \
	"2:folio: $TMP/no^[]0;x^Gsuch^[[31m: No such file or directory" \
	"an error naming a file shows its control characters as markers"
"$FOLIO" "--x$(printf '\033[2J')" 2>"$TMP/err"
is "$?:$(head -n 1 "$TMP/err")" "1:folio: unknown option '--x^[[2J'" \
	"so does a usage error"

# A pipe too large for memory: a clear error, exit 2.  The memory limit is
# ulimit -v, or AddressSanitizer's own limit when built with it (which
# reserves too much address space for ulimit -v).
if [ -n "${ASAN_OPTIONS-}" ]; then
	# (its expected "failed to allocate" warning goes to $TMP, not to
	# the report logs CI reads)
	head -c 600M /dev/zero |
		ASAN_OPTIONS="$ASAN_OPTIONS:allocator_may_return_null=1:max_allocation_size_mb=300:log_path=$TMP/asan" \
		UBSAN_OPTIONS="${UBSAN_OPTIONS-}:log_path=$TMP/ubsan" \
		"$FOLIO" --print - >/dev/null 2>"$TMP/err"
	st=$?
else
	head -c 600M /dev/zero | (ulimit -v 400000; exec "$FOLIO" --print -) \
		>/dev/null 2>"$TMP/err"
	st=$?
fi
is "$st:$(cat "$TMP/err")" "2:folio: (stdin): too large to hold in memory" \
	"standard input too large for memory: says so, exit status 2"

"$FOLIO" --help >"$TMP/out"
is "$?" 0 "--help exits 0"
grep -q -- '--outline' "$TMP/out"
ok $? "--help lists --outline"
"$FOLIO" --version | head -n 1 | grep -q '^folio [0-9]'
ok $? "--version prints the version"

plan_done
