#!/bin/sh
# Random keys into the real reader.  folio (best built with the
# sanitizers, docs/testing.md) is opened on a terminal of a random size in
# tmux, on one of the team's documents, and gets a random mix of its keys,
# counts, prompts with random patterns, slow searches stopped by a key,
# marks, TOC moves and folds, help,
# mouse clicks, stray bytes and resizes, in bursts as a fast typist sends
# them.  Then it is asked to quit.  A round fails when folio has not
# exited with status 0 ten seconds after that, left the terminal's modes
# changed, or a sanitizer wrote a report.
#   tests/fuzz/monkey.sh FOLIO [ROUNDS [SEED]]
# Each round is a shell script of tmux commands; a failing one is kept as
# tests/fuzz/monkey-SEED-ROUND.sh, which replays it on its own:
#   sh tests/fuzz/monkey-SEED-ROUND.sh [FOLIO]
# (then look at it with tmux -L folio-replay attach).
set -u
[ $# -ge 1 ] || { echo "usage: $0 FOLIO [ROUNDS [SEED]]" >&2; exit 2; }
folio=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
rounds=${2:-20}
seed=${3:-$(date +%s)}
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d) || exit 2
sock="folio-monkey-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0

# Documents: the test data (compressed ones too; some rounds pipe theirs
# in, some open a library of several or a folder of them), the corpus
# beside the project when it is there, and 2 MiB of plain guide (BIG),
# which is indexed in the background while the keys come.
docs="$(ls "$top"/tests/data/* | grep -v '\.outline$')"
[ -d "$top/../shared/corpus/docs" ] &&
	docs="$docs $(ls "$top"/../shared/corpus/docs/*)"
docs="$docs BIG"
big='for s in $(seq 6000); do echo "Part $s of the long guide"; for p in 0 1 2; do echo "Text of part $s, paragraph $p, which goes on long enough to wrap on a narrow terminal, as prose does."; done; done'

# make_round N: round N's script on standard output
make_round() {
	awk -v seed="$seed" -v round="$1" -v docs="$docs" -v folio="$folio" \
	    -v big="$big" '
	function pick(n) { return int(rand() * n) }
	function q(s) { gsub(/'\''/, "'\''\\'\'''\''", s); return "'\''" s "'\''" }
	function send(k,    w, n, j, o) {
		n = split(k, w, " ")
		o = ""
		for (j = 1; j <= n; j++) o = o " " q(w[j])
		print "tmux -L \"$sock\" send-keys -t t" o " 2>/dev/null"
	}
	function lit(s) {
		print "tmux -L \"$sock\" send-keys -t t -l " q(s) " 2>/dev/null"
	}
	BEGIN {
		srand(seed * 1000 + round)
		ndocs = split(docs, doc, " ")
		nkeys = split("j k y e Enter Space f b d u g G < > % p C-g ] [ } { " \
		    "n N t Tab - + = h F F1 C-l C-e C-y C-n C-p C-f C-b C-d C-u " \
		    "Down Up PageDown PageUp Home End Left Right l z Z x " \
		    "Escape BSpace C-w C-a s r", key, " ")
		chars = "ab.*+?()[]\\^$|{}0123 sSeE:-/#\303\251"
		d = doc[1 + pick(ndocs)]
		cols = 20 + pick(120); rows = 3 + pick(50)
		print "#!/bin/sh"
		print "# folio monkey, seed " seed ", round " round ": sh THIS [FOLIO]"
		print "dir=${MONKEY_DIR:-$(mktemp -d)}"
		print "sock=${MONKEY_SOCK:-folio-replay}"
		print "folio=${1:-" q(folio) "}"
		print "big=\"$dir/big.txt\""
		print "[ -f \"$big\" ] || { " big "; } > \"$big\""
		print "doc=" (d == "BIG" ? "\"$big\"" : q(d))
		# mostly as the terminal tests run it; now and then another
		# terminal type, no colour, or a locale that is not UTF-8
		e = pick(10)
		run = "env TERM=" (e == 0 ? "vt100" : e == 1 ? "xterm-256color" : \
		    e == 2 ? "screen" : "tmux-256color") \
		    " LC_ALL=" (pick(6) == 0 ? "C" : "C.UTF-8") \
		    (pick(6) == 0 ? " NO_COLOR=1 " : " ") \
		    "XDG_STATE_HOME=\"$dir/state\" " \
		    "ASAN_OPTIONS=log_path=\"$dir/asan\" " \
		    "UBSAN_OPTIONS=log_path=\"$dir/ubsan\" " \
		    "TSAN_OPTIONS=log_path=\"$dir/tsan\" \"$folio\""
		lib = pick(8) == 0
		if (!lib && pick(8) == 0) {
			# a folder: a few documents and a sub-folder (its
			# keys may climb out of it, to / and into /proc:
			# nothing there may hang or break it)
			print "mkdir -p \"$dir/lib/sub\""
			for (k = 0; k < 3; k++) {
				e = doc[1 + pick(ndocs)]
				print "cp " (e == "BIG" ? "\"$big\"" : q(e)) \
				    " \"$dir/lib/" k "-$(basename " \
				    (e == "BIG" ? "\"$big\"" : q(e)) ")\""
			}
			print "cp \"$doc\" \"$dir/lib/sub/\""
			run = run " \"$dir/lib\""
		} else if (lib) {
			# the library, of two to five documents
			m = 2 + pick(4)
			for (k = 0; k < m; k++) {
				e = doc[1 + pick(ndocs)]
				run = run " " (e == "BIG" ? "\"$big\"" : q(e))
			}
		} else if (pick(6) == 0) {
			# piped; half of these pause after 4 KiB, so that the
			# reader opens on the start and takes in the rest as
			# the keys come
			if (pick(2) == 0)
				run = "{ head -c 4096 \"$doc\"; sleep 0.4; " \
				    "tail -c +4097 \"$doc\"; } | " run
			else
				run = "cat \"$doc\" | " run
		} else {
			run = run " \"$doc\""
		}
		if (pick(5) == 0) {
			# a configuration: settings, good and bad, and keys
			# bound to other actions (never q or Esc: the round
			# must be able to quit)
			nact = split("line-down line-up page-down page-up " \
			    "half-page-down half-page-up top bottom percent " \
			    "follow " \
			    "next-section prev-section next-sibling " \
			    "prev-sibling toggle-toc focus narrower wider help " \
			    "redraw set-mark goto-mark search-forward " \
			    "search-backward search-next search-prev " \
			    "goto-section info toc-down toc-up toc-open " \
			    "toc-fold toc-unfold toc-fold-all toc-unfold-all " \
			    "toc-filter none bogus", act, " ")
			nbk = split("j k g G n N t h 1 5 0 x C-a C-e F2 Up " \
			    "Down PgDn Home Enter Tab Space Backspace ] [ / ?",
			    bk, " ")
			print "cat > \"$dir/config\" <<'\''EOF'\''"
			print "width = " (pick(3) ? 10 + pick(120) : "abc")
			print "toc = " (pick(2) ? "on" : "off")
			print "toc-width = " (pick(2) ? "auto" : 1 + pick(250))
			print "mouse = " (pick(2) ? "on" : "off")
			print "color.heading = " (pick(2) ? "red bold" : \
			    pick(256) " on " pick(300))
			m = pick(8)
			for (k = 0; k < m; k++)
				print "bind " bk[1 + pick(nbk)] " " \
				    act[1 + pick(nact)]
			print "EOF"
			run = run " --config=\"$dir/config\""
		}
		print "cat > \"$dir/run\" <<EOF"
		print "stty -g > \"$dir/stty.before\""
		print run
		print "echo \\$? > \"$dir/exit.tmp\"; " \
		    "stty -g > \"$dir/stty.after\"; " \
		    "mv \"$dir/exit.tmp\" \"$dir/exit\""
		print "sleep 600"
		print "EOF"
		print "rm -f \"$dir/exit\""
		print "tmux -L \"$sock\" kill-server 2>/dev/null"
		print "tmux -L \"$sock\" -f /dev/null new-session -d -s t -x " \
		    cols " -y " rows " \"sh $dir/run\""
		print "sleep 0.3"
		n = 40 + pick(160)
		for (i = 0; i < n; i++) {
			r = pick(100)
			if (r < 45) {
				# a burst of keys, maybe after a count
				b = ""
				if (pick(4) == 0) b = (1 + pick(40)) ""
				if (pick(20) == 0) b = pick(2) ? "99999999" : "0"
				out = ""
				for (k = 1; k <= length(b); k++)
					out = out substr(b, k, 1) " "
				m = 1 + pick(6)
				for (k = 0; k < m; k++)
					out = out key[1 + pick(nkeys)] " "
				send(out)
			} else if (r < 60 && pick(8) == 0) {
				# a search that backtracks at every word: the
				# next key, a resize or the worker comes while
				# it goes (it shows its progress, a key stops it)
				lit("/(?:\\w+\\s*){6}\\d")
				send("Enter")
				printf "sleep 0.%d\n", pick(4)
				if (pick(3) == 0)
					print "tmux -L \"$sock\" resize-window " \
					    "-t t -x " (1 + pick(150)) " -y " \
					    (1 + pick(60)) " 2>/dev/null"
				send(key[1 + pick(nkeys)])
			} else if (r < 60) {
				# a prompt (search, go to, or the TOC filter),
				# a pattern, and Enter or not
				if (pick(5) == 0) send("Tab")
				lit(substr("/?:/", 1 + pick(4), 1))
				s = ""
				m = pick(12)
				for (k = 0; k < m; k++)
					s = s substr(chars, 1 + pick(length(chars)), 1)
				if (s != "") lit(s)
				if (pick(4) == 0) send("BSpace C-a C-e Left")
				e = pick(4)
				send(e == 0 ? "Escape" : e == 1 ? "C-g" : "Enter")
			} else if (r < 68) {
				# a mark set, then maybe a jump to it
				m = substr("abzAZ", 1 + pick(5), 1)
				lit("m" m)
				if (pick(2))
					lit(substr("'\''`", 1 + pick(2), 1) \
					    (pick(3) ? m : "q"))
			} else if (r < 74) {
				lit("'\'''\''")
			} else if (r < 82) {
				print "tmux -L \"$sock\" resize-window -t t -x " \
				    (1 + pick(150)) " -y " (1 + pick(60)) \
				    " 2>/dev/null"
			} else if (r < 88) {
				# a click or the wheel (SGR mouse reports)
				b = pick(3); b = b == 0 ? 0 : b == 1 ? 64 : 65
				x = 1 + pick(cols); y = 1 + pick(rows)
				lit(sprintf("\033[<%d;%d;%dM\033[<%d;%d;%dm", \
				    b, x, y, b, x, y))
			} else if (r < 92) {
				# any byte but those that signal (C-c C-z C-\\),
				# stop the output (C-s C-q) or quit (q Q)
				c = 1 + pick(126)
				if (c != 3 && c != 26 && c != 28 && c != 17 &&
				    c != 19 && c != 113 && c != 81)
					lit(sprintf("%c", c))
			} else {
				printf "sleep 0.0%d\n", pick(10)
			}
		}
		# out of any prompt, help or count, then quit
		print "sleep 0.2"
		send("Escape")
		print "sleep 0.1"
		send("Escape")
		print "sleep 0.1"
		send("q")
	}'
}

i=1
while [ "$i" -le "$rounds" ]; do
	rm -rf "$tmp/round"
	mkdir "$tmp/round"
	make_round "$i" > "$tmp/round.sh"
	MONKEY_DIR="$tmp/round" MONKEY_SOCK="$sock" sh "$tmp/round.sh"
	# q may have gone into a prompt or the help: again, slowly
	k=0
	while [ ! -f "$tmp/round/exit" ] && [ $k -lt 100 ]; do
		case $k in 20|40|60|80)
			tmux -L "$sock" send-keys -t t Escape 2>/dev/null
			sleep 0.1
			tmux -L "$sock" send-keys -t t q 2>/dev/null ;;
		esac
		sleep 0.1
		k=$((k + 1))
	done
	why=""
	if [ ! -f "$tmp/round/exit" ]; then
		why="did not exit after q"
		tmux -L "$sock" capture-pane -p -t t 2>/dev/null | tail -3
	elif [ "$(cat "$tmp/round/exit")" != 0 ]; then
		why="exit status $(cat "$tmp/round/exit")"
	elif ! cmp -s "$tmp/round/stty.before" "$tmp/round/stty.after"; then
		why="terminal modes not restored"
		diff "$tmp/round/stty.before" "$tmp/round/stty.after"
	elif ls "$tmp"/round/[atu]san* >/dev/null 2>&1; then
		why="sanitizer report"
		cat "$tmp"/round/[atu]san* 2>/dev/null | head -40
	fi
	if [ -n "$why" ]; then
		keep="$top/tests/fuzz/monkey-$seed-$i.sh"
		cp "$tmp/round.sh" "$keep"
		echo "round $i (seed $seed): $why; replay: sh $keep"
		fail=1
	fi
	tmux -L "$sock" kill-server 2>/dev/null
	i=$((i + 1))
done
[ $fail -eq 0 ] && echo "monkey: $rounds rounds (seed $seed), no failure"
exit $fail
