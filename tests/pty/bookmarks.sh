# Bookmarks: every document reopens where it was left, whatever ended the
# last reading; marks and '' move around within it.
. "$FOLIO_TESTS/pty/lib.sh"
PTY_STATE="$TMP/shared-state"
D="$TMP/long.txt"
make_long_doc "$D"
heading() { grep -n "^$1\$" "$D" | cut -d: -f1; }

start 100 24 -- "$D"
check '^ long.txt ' "a document never read opens"
! screen | grep -q Resumed
ok $? "at the top, with nothing resumed"
keys ']' ']' ']'
top_is "Part 2" "reading on to Part 2"
keys q
wait_exit >/dev/null

start 100 24 -- "$D"
top_is "Part 2" "reopened, it is at Part 2 again"
check 'Resumed at §4 Part 2 \([0-9]+%\)' "the status line says where it resumed"

start 100 24 -- --no-bookmarks "$D"
top_is "The Long Handbook" "--no-bookmarks does not restore"
keys G q
wait_exit >/dev/null
start 100 24 -- "$D"
top_is "Part 2" "and does not save"

# Marks and ''.
keys m a
check 'Mark a set' "m a sets mark a"
keys G
check '100%' "G goes to the end"
keys "'" a
top_is "Part 2" "' a goes back to mark a"
keys "'" "'"
check '100%' "'' returns to where the last jump left from"
keys "'" "'"
top_is "Part 2" "and '' again comes back"
keys ']'
top_is "Detail 2.A" "] moves to the next heading"
keys "'" "'"
top_is "Part 2" "'' undoes a section jump too"
keys "'" q
check 'Mark q is not set' "an unset mark says so"
top_is "Part 2" "and stays"
keys q
wait_exit >/dev/null
start 100 24 -- "$D"
keys G "'" a
top_is "Part 2" "marks are kept with the document"

# The terminal closed: SIGHUP saves.
keys g ']' ']' ']' ']' ']'
top_is "Part 3" "at Part 3"
keys j j
expect_top "$D" $(( $(heading "Part 3") + 2 )) "two lines into Part 3"
pty_stop
start 100 24 -- "$D"
expect_top "$D" $(( $(heading "Part 3") + 2 )) \
	"after the terminal was closed (SIGHUP), the same line again"
keys k k

keys ']' ']'
top_is "Part 4" "at Part 4"
keys j
expect_top "$D" $(( $(heading "Part 4") + 1 )) "a line into Part 4"
kill -TERM "$(folio_pid)"
wait_exit >/dev/null
start 100 24 -- "$D"
expect_top "$D" $(( $(heading "Part 4") + 1 )) \
	"after SIGTERM, the same line again"
keys k
expect_top "$D" "$(heading "Part 4")" "k: back at Part 4"

# kill -9 loses at most the last moments: a position kept for a moment is
# saved even without a section change.
keys j j j
expect_top "$D" $(( $(heading "Part 4") + 3 )) "three lines further"
sleep 2.5
kill -KILL "$(folio_pid)"
wait_exit >/dev/null
start 100 24 -- "$D"
expect_top "$D" $(( $(heading "Part 4") + 3 )) \
	"after kill -9, the resting place is restored"

# Moved and renamed: known by its content.
keys ']'
top_is "Detail 4.A" "at Detail 4.A"
keys q
wait_exit >/dev/null
mkdir "$TMP/moved"
mv "$D" "$TMP/moved/renamed.txt"
start 100 24 -- "$TMP/moved/renamed.txt"
top_is "Detail 4.A" "a moved and renamed document resumes"
keys q
wait_exit >/dev/null
mv "$TMP/moved/renamed.txt" "$D"
start 100 24 -- "$D"
top_is "Detail 4.A" "moved back, it resumes again"
keys q
wait_exit >/dev/null

# Edited: the same section, found by its title.
{ printf 'A New Preface\n=============\n\n'
  for i in 1 2 3 4 5 6 7 8 9 10; do printf 'New paragraph %s.\n\n' "$i"; done
  cat "$D"; } > "$TMP/edited.txt"
mv "$TMP/edited.txt" "$D"
start 100 24 -- "$D"
top_is "Detail 4.A" "an edited document resumes at the same section"
check 'changed since' "and says it changed"
keys q
wait_exit >/dev/null

# Edited to the same size: found at its path and size before the file is
# hashed, and the fingerprints compared once the first screen is out.
before=$(wc -c < "$D")
{ awk 'skip { skip = 0; next } /^New paragraph 1\.$/ { skip = 1; next } { print }' "$D"
  printf 'Appended at end.\n\n'; } > "$TMP/same-size.txt"
mv "$TMP/same-size.txt" "$D"
is "$(wc -c < "$D")" "$before" "(a paragraph moved to the end: the size is the same)"
start 100 24 -- "$D"
top_is "Detail 4.A" "edited to the same size, it resumes at the same section"
check 'changed since' "and says it changed"
keys q
wait_exit >/dev/null
start 100 24 -- "$D"
top_is "Detail 4.A" "unchanged since, it resumes there again"
! screen | grep -q 'changed since'
ok $? "without saying it changed"
keys q
wait_exit >/dev/null

# Standard input: known by its content.
{ cat "$D"; echo "Piped, so not the same text."; } > "$TMP/piped.txt"
PTY_PIPE_FROM="$TMP/piped.txt" start 100 24 --
keys ']' ']'
top_is "Part 1" "reading standard input at Part 1"
keys q
wait_exit >/dev/null
PTY_PIPE_FROM="$TMP/piped.txt" start 100 24 --
top_is "Part 1" "the same text on standard input resumes"
PTY_PIPE_FROM=
keys q
wait_exit >/dev/null

XDG_STATE_HOME=$PTY_STATE "$FOLIO" --recent > "$TMP/recent"
is "$(cut -f1 "$TMP/recent" | tr '\n' ' ')" "(stdin) $D " \
	"--recent lists what was read, newest first"

# A damaged store: a warning, and reading goes on.
DB="$PTY_STATE/folio/folio.db"
printf 'not a database at all' > "$DB"
start 100 24 -- "$D"
check 'Bookmark store damaged: a new one' "a damaged store is reported on the status line"
keys ']'
top_is "The Long Handbook" "and reading goes on"
keys q
wait_exit >/dev/null
is "$(cat "$DB".damaged-*)" "not a database at all" "the damaged file is kept"

# A store locked by another program: a warning, reading goes on.
start 100 24 -- "$D"
{ echo "BEGIN IMMEDIATE;"; echo "DELETE FROM mark;"; sleep 6; echo "COMMIT;"; } |
	sqlite3 "$DB" &
sleep 0.5
keys ']'
check 'Position not saved: the bookmark store is locked' "a locked store is reported"
keys ']'
top_is "Detail 1.A" "and reading goes on"
keys q
wait $!

# A store that cannot be written (here: a file size limit, as a full disk
# does): a warning, reading goes on, the old position stays.
printf '#!/bin/sh\nulimit -f 0\nexec "%s" "$@"\n' "$FOLIO" > "$TMP/limited"
chmod +x "$TMP/limited"
FOLIO_REAL=$FOLIO
FOLIO="$TMP/limited"
start 100 24 -- "$D"
FOLIO=$FOLIO_REAL
top_is "Detail 1.A" "with writes failing, the position is still restored"
check 'Bookmarks are read only' "the store is said to be read only"
keys ']'
top_is "Part 2" "and reading goes on"
keys q
wait_exit >/dev/null

# Thirty readers killed at the same moment all keep their place.
pty_stop
PTY_N=$((PTY_N + 1))
PTY_SOCK="folio-test-$$-$PTY_N"
for i in $(seq 1 30); do
	cp "$D" "$TMP/copy$i.txt"
	printf '\nCopy %s\n' "$i" >> "$TMP/copy$i.txt"
	c="env TERM=tmux-256color LC_ALL=C.UTF-8 XDG_STATE_HOME='$PTY_STATE' '$FOLIO' '$TMP/copy$i.txt'; sleep 60"
	if [ "$i" = 1 ]; then tm new-session -d -s t -x 80 -y 24 "$c"
	else tm new-window -d -t "t:$i" "$c"; fi
done
sleep 2
pids=$(for p in $(tm list-panes -s -t t -F '#{pane_pid}'); do pgrep -P "$p" -x folio; done)
is "$(echo "$pids" | wc -w)" 30 "thirty readers are running"
kill -TERM $pids
sleep 2
is "$(XDG_STATE_HOME=$PTY_STATE "$FOLIO" --recent | grep -c '/copy[0-9]*\.txt')" 30 \
	"thirty saved at the same moment: all thirty recorded"
pty_stop

plan_done
