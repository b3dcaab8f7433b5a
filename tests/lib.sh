# TAP helpers for the shell tests.  Source it; call plan_done at the end.
# FOLIO (the program) and FOLIO_TESTDATA come from make check.
: "${FOLIO:?run through make check}"
: "${FOLIO_TESTDATA:?run through make check}"
tap_n=0
tap_failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# The bookmark store and configuration of the tests, never the user's.
XDG_STATE_HOME="$TMP/state"
XDG_CONFIG_HOME="$TMP/config"
export XDG_STATE_HOME XDG_CONFIG_HOME
unset FOLIO_CONFIG

ok() { # ok CONDITION-STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

is() { # is GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2" | sed 's/^/# /'
	fi
}

plan_done() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
