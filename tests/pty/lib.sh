# Helpers for the pseudo-terminal tests: folio runs in a detached tmux
# session (its own server socket per test file) and the tests read the
# screen with capture-pane.
. "$FOLIO_TESTS/lib.sh"

# Each start gets a server of its own: restarting one on the same socket
# races with its shutdown.
PTY_N=0
PTY_SOCK="folio-test-$$-0"
trap 'pty_stop; rm -rf "$TMP"' EXIT

tm() { tmux -L "$PTY_SOCK" -f /dev/null "$@"; }
pty_stop() { tm kill-server 2>/dev/null; }

# start COLS ROWS [ENV=VALUE...] -- ARGS...: run folio on a terminal of that
# size.  Each start has a bookmark store of its own, unless PTY_STATE names
# the XDG_STATE_HOME to share between starts.  Its exit status goes to $TMP/exit, and the terminal modes before
# and after to $TMP/stty.before and $TMP/stty.after.
start() {
	cols=$1 rows=$2
	shift 2
	envs=""
	while [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	shift
	rm -f "$TMP/exit" "$TMP/stty.before" "$TMP/stty.after"
	state=${PTY_STATE:-$TMP/state.$((PTY_N + 1))}
	cmd="stty -a > '$TMP/stty.before'; ${PTY_PIPE_FROM:+cat '$PTY_PIPE_FROM' |} env -u FOLIO_CONFIG TERM=tmux-256color LC_ALL=C.UTF-8 XDG_STATE_HOME='$state' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' $envs ${FOLIO_PRELOAD:+LD_PRELOAD='$FOLIO_PRELOAD'} '$FOLIO'"
	for a in "$@"; do
		cmd="$cmd '$a'"
	done
	cmd="$cmd; echo \$? > '$TMP/exit.tmp'; stty -a > '$TMP/stty.after'; mv '$TMP/exit.tmp' '$TMP/exit'; sleep 600"
	pty_stop
	PTY_N=$((PTY_N + 1))
	PTY_SOCK="folio-test-$$-$PTY_N"
	tm new-session -d -s t -x "$cols" -y "$rows" "$cmd"
	# PTY_NO_SCREEN: folio is not to show one (it leaves at once)
	[ -n "${PTY_NO_SCREEN:-}" ] ||
		wait_for '%|sorted by' || echo "# folio did not draw a status line"
}

screen() { tm capture-pane -p -t t 2>/dev/null; }
# The pid of the folio running in the terminal.
folio_pid() { pgrep -P "$(tm display -p -t t '#{pane_pid}')" -x folio; }
screen_escapes() { tm capture-pane -e -p -t t 2>/dev/null; }
row() { screen | sed -n "$(($1 + 1))p"; }          # 0-based row
status() { screen | sed -n '$p'; }
keys() { tm send-keys -t t "$@" 2>/dev/null; }
raw() { tm send-keys -t t -l "$1" 2>/dev/null; }  # bytes as typed

# wait_true CMD...: until CMD succeeds, 5 s at most.
wait_true() {
	i=0
	while [ $i -lt 100 ]; do
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_for PATTERN: until a line of the screen matches (grep -E).
screen_has() { screen | grep -Eq -- "$1"; }
wait_for() { wait_true screen_has "$1"; }

# escapes_have PATTERN: the screen, with its colours and attributes as
# escape sequences, has a line matching PATTERN (grep).
escapes_have() { screen_escapes | grep -q -- "$1"; }

# settle: wait until the screen stops changing (for "nothing happens").
settle() {
	prev=$(screen)
	i=0
	while [ $i -lt 20 ]; do
		sleep 0.1
		cur=$(screen)
		[ "$cur" = "$prev" ] && return 0
		prev=$cur
		i=$((i + 1))
	done
}

# wait_exit: until folio has exited; prints its status.
wait_exit() {
	i=0
	while [ ! -f "$TMP/exit" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	cat "$TMP/exit" 2>/dev/null || echo none
}

# check PATTERN DESCRIPTION: the screen shows PATTERN (waits for it).
check() {
	if wait_for "$1"; then
		ok 0 "$2"
	else
		ok 1 "$2"
		screen | head -n 8 | sed 's/^/# | /'
		echo "# | ..."
		status | sed 's/^/# | /'
	fi
}

# top_is TEXT DESCRIPTION: the first text row (right of the TOC) is TEXT.
# Waits for that row itself: TEXT further down the screen (the top of the
# document showing the heading the keys are going to) is not yet a pass.
top_row_has() { row 0 | grep -Eq -- "^(.*[│|] )?$1"; }
top_is() {
	if wait_true top_row_has "$1"; then
		ok 0 "$2"
	else
		ok 1 "$2"
		echo "# top row: $(row 0)"
	fi
}

# text_row N: row N of the text pane, without the TOC.
text_row() { row "$1" | sed 's/^[^│|]*[│|] \{0,1\}//'; }

# expect_top DOC LINE DESCRIPTION: the text pane starts with lines LINE and
# LINE+1 of DOC (two, so that blank lines are told apart).  Both rows come
# from one capture of the screen, the one that is judged: a second look
# could see the next key's screen.  The keys sent before must move the
# view, or this passes before they are read.
expect_top() {
	want0=$(sed -n "$2p" "$1")
	want1=$(sed -n "$(($2 + 1))p" "$1")
	i=0
	while :; do
		shot=$(screen | head -n 2 | sed 's/^[^│|]*[│|] \{0,1\}//')
		got0=$(printf '%s\n' "$shot" | sed -n 1p)
		got1=$(printf '%s\n' "$shot" | sed -n 2p)
		if [ "$got0" = "$want0" ] && [ "$got1" = "$want1" ]; then
			ok 0 "$3"
			return
		fi
		[ $i -ge 60 ] && break
		sleep 0.05
		i=$((i + 1))
	done
	ok 1 "$3"
	echo "# want line $2: '$want0' / '$want1'"
	echo "# got: '$got0' / '$got1'"
}

# A long test document: sections of numbered paragraphs, so that every
# screen row says where it is.
make_long_doc() {
	{
		echo "The Long Handbook"
		echo "================="
		echo
		for s in 1 2 3 4 5 6; do
			echo "Part $s"
			echo "------"
			echo
			for p in 1 2 3 4 5 6 7 8; do
				echo "Paragraph $s.$p says something about part $s at length."
				echo
			done
			echo "Detail $s.A"
			echo "~~~~~~~~~~"
			echo
			for p in 1 2 3; do
				echo "Detail paragraph $s.A.$p goes on about the detail."
				echo
			done
		done
	} > "$1"
}
