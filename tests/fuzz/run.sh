#!/bin/sh
# Build the libFuzzer targets with clang (ASan + UBSan) and run each for
# SECONDS (default 60) on its seed corpus.  Usage, from a configured tree:
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
# Any crash fails, with the reproducer saved as tests/fuzz/crash-TARGET-*.
# Once fixed, it goes into tests/fuzz/regressions/TARGET/ (run first every
# time) and the fix gets a unit test.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$top/tests/fuzz/build}
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-outline wrap bookmarks search}
mkdir -p "$build"
flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
libs="$(pkg-config --libs ncursesw libpcre2-8 md4c sqlite3 libxxhash zlib liblzma libzstd) -lunistring -lm"
cflags="$(pkg-config --cflags ncursesw libpcre2-8 md4c sqlite3 libxxhash zlib liblzma libzstd)"
srcs=$(ls "$top"/src/*.c | grep -v -e '/main\.c$' -e '/guide\.c$')
# Seeds, made from the team's test documents and a store folio creates.
seeds=$build/seeds
mkdir -p "$seeds/outline" "$seeds/wrap" "$seeds/bookmarks" "$seeds/search"
mkdir -p "$top/tests/fuzz/regressions/outline" \
	"$top/tests/fuzz/regressions/wrap" "$top/tests/fuzz/regressions/bookmarks" \
	"$top/tests/fuzz/regressions/search"
n=0
for f in "$top"/tests/data/*; do
	case $f in *.outline) continue ;; esac
	n=$((n + 1))
	{ printf "\\$(printf %o $((n % 5)))"; cat "$f"; } > "$seeds/outline/$n"
	{ printf '\050\002'; head -c 4000 "$f"; } > "$seeds/wrap/$n"
done
# search: pattern, NUL, document (with overstrike and escapes mixed in)
n=0
for p in 'the' '^#+ ' '(?i)\bsection\b' '\p{Lu}\w+' 'a|b|c' '\s+$' 'x*' \
	'[[:alpha:]]{3,}' '(a+)+b' 'caf\x{e9}'; do
	for f in "$top"/tests/data/guide.txt "$top"/tests/data/cjk.txt; do
		n=$((n + 1))
		{ printf '%s\000' "$p"; printf 'b\bbo\bol\bld\bd \033[1mred\033[0m\n'
			head -c 3000 "$f"; } > "$seeds/search/$n"
	done
done
if [ ! -f "$seeds/bookmarks/store" ] && [ -x "$top/src/folio" ]; then
	st=$(mktemp -d)
	XDG_STATE_HOME=$st "$top/src/folio" --recent
	sqlite3 "$st/folio/folio.db" "INSERT INTO document (path, name,
		fingerprint, size, title, section, percent, last_read, offset,
		fraction, in_section, titles) VALUES ('/fuzz/doc.txt',
		'/fuzz/doc.txt', zeroblob(16), 100, 'T', 'S', 5, 1, 7, 0.1,
		0.5, 'S'); INSERT INTO mark VALUES (1, 'a', 3, 0, 0, '');"
	cp "$st/folio/folio.db" "$seeds/bookmarks/store"
	rm -rf "$st"
fi

for t in $targets; do
	echo "fuzz: building $t"
	# shellcheck disable=SC2086
	clang $flags -I"$top" -I"$top/include" -I"$top/src" $cflags \
		"$top/tests/fuzz/fuzz_$t.c" $srcs $libs -o "$build/fuzz_$t"
	corpus="$build/corpus_$t"
	mkdir -p "$corpus"
	echo "fuzz: running $t for ${secs}s"
	"$build/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$top/tests/fuzz/crash-$t-" \
		"$corpus" "$seeds/$t" "$top/tests/fuzz/regressions/$t" \
		> "$build/$t.log" 2>&1 || {
		tail -n 60 "$build/$t.log"
		echo "fuzz: $t FAILED" >&2
		exit 1
	}
	grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' \
		"$build/$t.log" | sed "s/^/fuzz: $t: /"
done
