#!/bin/sh
# Compare the outlines two builds of folio find, byte for byte: for a
# change to a parser that must not change what it finds (a faster scan).
#   tests/fuzz/plain-diff.sh OLD NEW [N [FILE...]]
# OLD and NEW are folio binaries (build the commit before into another
# tree for OLD).  Compared: --outline, --toc and --format=plain --outline
# on tests/data, the shared corpus beside the project (if there), the
# FILEs, and N (default 300) random plain documents from plain-doc.awk.
# Prints each document whose outlines differ, and exits 1 if any did.
set -u
[ $# -ge 2 ] || { echo "usage: $0 OLD NEW [N [FILE...]]" >&2; exit 2; }
old=$1 new=$2 n=${3:-300}
shift 2
[ $# -gt 0 ] && shift
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0 docs=0

same() { # same DOC: true when OLD and NEW outline DOC alike
	for mode in --outline --toc "--format=plain --outline"; do
		# shellcheck disable=SC2086 # mode is words
		"$old" $mode "$1" > "$tmp/a" 2>&1; echo "exit $?" >> "$tmp/a"
		# shellcheck disable=SC2086
		"$new" $mode "$1" > "$tmp/b" 2>&1; echo "exit $?" >> "$tmp/b"
		cmp -s "$tmp/a" "$tmp/b" || { echo "differs ($mode): $1"; return 1; }
	done
}

for f in "$top"/tests/data/* "$top"/../shared/corpus/docs/* "$@"; do
	[ -f "$f" ] || continue
	case $f in *.outline) continue ;; esac
	docs=$((docs + 1))
	same "$f" || fail=$((fail + 1))
done
i=0
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
	awk -v seed="$i" -f "$top/tests/fuzz/plain-doc.awk" > "$tmp/doc$i.txt"
	docs=$((docs + 1))
	if ! same "$tmp/doc$i.txt"; then
		fail=$((fail + 1))
		cp "$tmp/doc$i.txt" "plain-diff-$i.txt"
		echo "  (kept as plain-diff-$i.txt)"
	fi
done
echo "plain-diff: $docs documents, $fail with different outlines"
[ "$fail" -eq 0 ]
