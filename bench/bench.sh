#!/bin/bash
# make bench: folio's speed and memory as ratios against less, wc, grep and
# cmark, measured side by side in the same run (docs/bench.md).
#   BENCH_SIZES  sizes in MiB (default "1 16 256 1024")
#   BENCH_DIR    where the generated inputs are kept (default
#                /tmp/folio-bench; they are reused between runs)
set -u
FOLIO=${FOLIO:-src/folio}
SCREEN=${SCREEN:-bench/firstscreen}
FLOOR=${FLOOR:-bench/floor}
top=$(cd "$(dirname "$0")/.." && pwd)
sizes=${BENCH_SIZES:-1 16 256 1024}
dir=${BENCH_DIR:-/tmp/folio-bench}
export XDG_STATE_HOME="$dir/state" XDG_CONFIG_HOME="$dir/config"
unset FOLIO_CONFIG
mkdir -p "$dir"
for t in less wc grep cmark tmux awk pgrep; do
	command -v $t >/dev/null || { echo "bench: $t is needed (apt-get install $t)" >&2; exit 1; }
done

gen() { # gen KIND MIB -> path
	f="$dir/$1-$2.${3:-txt}"
	[ -s "$f" ] || awk -v kind="$1" -v mib="$2" -f "$top/bench/gen.awk" > "$f"
	echo "$f"
}

# us CMD...: the best of three runs, in microseconds (one run above 1 s).
# The clock is bash's own: a `date` run on either side would put its
# start-up (8 ms here) into every figure and flatter the slower command.
us() {
	best=""
	for i in 1 2 3; do
		s=${EPOCHREALTIME//[!0-9]/}
		"$@" > /dev/null 2>&1
		e=${EPOCHREALTIME//[!0-9]/}
		t=$((e - s))
		[ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
		[ "$t" -gt 1000000 ] && break
	done
	echo "$best"
}

# Each terminal gets a tmux server of its own: restarting one on the same
# socket races with its shutdown.
n_tm=0
tm_new() { # tm_new CMD: a 100x30 terminal running CMD (kept open after)
	[ "$n_tm" -gt 0 ] && tmux -L "bench-$$-$n_tm" kill-server 2>/dev/null
	n_tm=$((n_tm + 1))
	TM="bench-$$-$n_tm"
	tmux -L "$TM" -f /dev/null new-session -d -x 100 -y 30 "$1; sleep 600"
}
tm() { tmux -L "$TM" "$@" 2>/dev/null; }
trap 'tmux -L "bench-$$-$n_tm" kill-server 2>/dev/null' EXIT

# first_screen CMD...: microseconds from starting CMD to its first complete
# screen (its bottom row drawn) in a 30x100 pseudo-terminal whose output a
# terminal emulator reads as it comes (bench/firstscreen.c); the best of
# nine runs (one when a run takes over a second), into $US.
first_screen() {
	best=""
	for run in 1 2 3 4 5 6 7 8 9; do
		t=$("$SCREEN" 30 100 "$@") || t=999999999
		[ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
		[ "$t" -gt 1000000 ] && break
	done
	US=$best
}

# reader_up FILE: the reader on FILE in the bench's tmux terminal, its
# first screen drawn
reader_up() {
	tm_new "$1"
	i=0
	until tm capture-pane -p | grep -q '%' || [ $i -gt 1200 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

# indexed: wait until the reader in the bench terminal has its whole
# outline (its status line no longer says "indexing"), 120 s at most
indexed() {
	i=0
	while tm capture-pane -p | tail -n 1 | grep -q indexing && [ $i -lt 1200 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

# anon_kib: RssAnon of the folio in the bench terminal
anon_kib() {
	p=$(pgrep -P "$(tm display -p '#{pane_pid}')" -x folio)
	awk '/^RssAnon/ { print $2 }' "/proc/$p/status" 2>/dev/null
}

# keys_us FILE [KEY...]: median time per key from FOLIO_KEY_LOG for the
# keys (] G PgDn [ unless given), into $US.  The keys go three times: on
# this virtual machine a key now and then takes a few ms (the host), and
# ten keys let such a spell move the median.
keys_us() {
	log="$dir/keys.log"
	f=$1
	shift
	[ $# -gt 0 ] || set -- ']' ']' ']' G '[' '[' g NPage NPage NPage
	rm -f "$log"
	reader_up "FOLIO_KEY_LOG='$log' '$FOLIO' --no-bookmarks '$f'"
	indexed
	for round in 1 2 3; do
		# each key moves the view; the round ends near the top
		for k in "$@"; do
			tm send-keys "$k"
			sleep 0.1
		done
	done
	tm send-keys q
	sleep 0.2
	US=$(sort -n -k2 "$log" | awk '{ v[NR] = $2 } END { print int(v[int((NR + 1) / 2)]) }')
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
row() { # row SIZE WHAT FOLIO REF RATIO TARGET
	printf '%-7s %-38s %12s %12s %8s  %s\n' "$@"
}
ms() { awk -v u="$1" 'BEGIN { printf "%.1f ms", u / 1000 }'; }

echo "folio $("$FOLIO" --version | head -n 1 | cut -d' ' -f2), $(nproc) cores, $(date '+%Y-%m-%d')"
row size measure folio reference ratio target
# What any program loading folio's libraries and starting ncurses takes
# (bench/floor.c): the first-screen rows cannot go below this one.
p=$(gen plain "${sizes%% *}")
first_screen "$FLOOR"; a=$US
first_screen less "$p"; b=$US
row "-" "floor: libraries + ncurses / less" "$(ms "$a")" "$(ms "$b")" "$(ratio "$a" "$b")" "-"
for mib in $sizes; do
	p=$(gen plain "$mib"); m=$(gen markdown "$mib" md); l=$(gen line "$mib")
	# Read once first: a run over a second is timed once, and the first
	# command to read a file the kernel has let go of (this machine's
	# DAMON reclaims pages not used for a while) would time the disk.
	cat "$p" "$m" "$l" > /dev/null
	a=$(us "$FOLIO" --outline "$p"); b=$(us wc -l "$p")
	row "${mib}M" "outline plain / wc -l" "$(ms "$a")" "$(ms "$b")" "$(ratio "$a" "$b")" "<= 3"
	a=$(us "$FOLIO" --outline "$m"); b=$(us cmark "$m")
	row "${mib}M" "outline markdown / cmark" "$(ms "$a")" "$(ms "$b")" "$(ratio "$a" "$b")" "< 1"
	a=$(us "$FOLIO" --count=zyzzyva "$p"); b=$(us grep -c zyzzyva "$p")
	row "${mib}M" "search rare word / grep -c" "$(ms "$a")" "$(ms "$b")" "$(ratio "$a" "$b")" "<= 1.5"
	first_screen "$FOLIO" --no-bookmarks "$p"; a=$US
	first_screen less "$p"; b=$US
	row "${mib}M" "first screen / less (plain)" "$(ms "$a")" "$(ms "$b")" "$(ratio "$a" "$b")" "<= 1"
	# as a reader opens it, its place looked up in the bookmark store
	first_screen "$FOLIO" "$p"; a=$US
	row "${mib}M" "first screen / less (plain, bookmarks)" "$(ms "$a")" "$(ms "$b")" "$(ratio "$a" "$b")" "<= 1"
	reader_up "'$FOLIO' --no-bookmarks '$p'"
	indexed
	kib=$(anon_kib)
	secs=$("$FOLIO" --outline "$p" | wc -l)
	row "${mib}M" "anonymous memory (plain)" "${kib} KiB" "-" "-" \
		"$(awk -v k="$kib" -v m="$mib" -v s="$secs" 'BEGIN { printf "%.0f B/MiB, %.0f B/section", k * 1024 / m, k * 1024 / s }')"
	first_screen "$FOLIO" --no-bookmarks "$m"; a=$US
	first_screen less "$m"; b=$US
	row "${mib}M" "first screen / less (markdown)" "$(ms "$a")" "$(ms "$b")" "$(ratio "$a" "$b")" "<= 1"
	first_screen "$FOLIO" --no-bookmarks "$l"; a=$US
	first_screen less "$l"; b=$US
	row "${mib}M" "first screen / less (one line)" "$(ms "$a")" "$(ms "$b")" "$(ratio "$a" "$b")" "<= 1"
	keys_us "$p"; k=$US
	eval "key_$mib=$k"
	row "${mib}M" "key to screen (median of ] G PgDn [)" "$(ms "$k")" "-" "-" "< 1 ms"
	# the one line: its rows come from 16 KiB chunks, each wrapped whole
	keys_us "$l" j j j NPage NPage G k k g NPage; k=$US
	eval "lkey_$mib=$k"
	row "${mib}M" "key to screen, one line (j PgDn G k)" "$(ms "$k")" "-" "-" "< 1 ms"
done
first=${sizes%% *}; last=${sizes##* }
eval "k1=\$key_$first; k2=\$key_$last"
row "" "key to screen ${last}M / ${first}M" "" "" "$(ratio "$k2" "$k1")" "<= 1.5"
eval "k1=\$lkey_$first; k2=\$lkey_$last"
row "" "key to screen, one line, ${last}M / ${first}M" "" "" "$(ratio "$k2" "$k1")" "<= 1.5"
s=$(gen sections 0)
cat "$s" > /dev/null
a=$(us "$FOLIO" --outline "$s"); b=$(us wc -l "$s")
row "100k" "outline 100 000 sections / wc -l" "$(ms "$a")" "$(ms "$b")" "$(ratio "$a" "$b")" "<= 3"
# What any program loading folio's libraries and going over the lines one
# by one takes (bench/floor.c), and folio against that.
f=$(us "$FLOOR" --lines "$s")
row "100k" "floor: libraries + line ends / wc -l" "$(ms "$f")" "$(ms "$b")" "$(ratio "$f" "$b")" "-"
row "100k" "outline 100 000 sections / that floor" "$(ms "$a")" "$(ms "$f")" "$(ratio "$a" "$f")" "-"
# Documents the layout finds hard, as readers meet them: each key's rows
# come from lines of 15 KiB, from one paragraph of a whole MiB (every line
# joins the next), or from short lines coloured with escapes.
for kind in long sentence colour; do
	o=$(gen "$kind" 1)
	keys_us "$o" j j j NPage NPage G k k g NPage 5 0 j; k=$US
	row "1M" "key to screen, $kind (j PgDn G 50j)" "$(ms "$k")" "-" "-" "< 1 ms"
done
