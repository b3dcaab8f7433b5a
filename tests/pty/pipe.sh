# Documents that grow.  A pipe is shown before it ends (git log -p, a
# slow command, a network download): the reader opens on what came once a
# quarter of a second has passed, and takes in the rest as it comes; F
# follows it, and a file being written (docs/pager.md, "Pipes").
. "$FOLIO_TESTS/pty/lib.sh"

# A pipe slow to end: until a whole line has come, folio says what it
# waits for; then the reader shows what came, takes in the rest as it
# comes, and says on its status line that the pipe is still being read.
mkfifo "$TMP/slow"
next_sock="folio-test-$$-$((PTY_N + 1))"
{
	printf 'Slow Title'
	sleep 1
	tmux -L "$next_sock" -f /dev/null capture-pane -p -t t >"$TMP/waiting"
	printf '\n==========\n\nThe first paragraph came first.\n'
	sleep 1.5
	tmux -L "$next_sock" -f /dev/null capture-pane -p -t t >"$TMP/early"
	printf '\nLater Part\n----------\n\nThe text came at last.\n'
} >"$TMP/slow" &
PTY_PIPE_FROM="$TMP/slow" start 60 12 -- --no-bookmarks
wait
grep -q '^folio: reading, 10 bytes so far (^C quits)$' "$TMP/waiting"
ok $? "until a whole line has come, folio says how much it has read"
grep -q 'The first paragraph came first' "$TMP/early"
ok $? "then the reader shows what came before the pipe ends"
grep -q ' 55 bytes so far | 100%$' "$TMP/early"
ok $? "its status line saying how much came so far"
check 'The text came at last' "the rest is taken in as it comes"
check '§1/2 Slow Title' "its sections too"
is "$(screen | grep -c 'reading\|so far')" 0 "and once the pipe ended, nothing says it is read"

# A pipe that never ends (yes) is read some way ahead of the place, and
# no further: the memory is not filled.
mkfifo "$TMP/endless"
yes 'A line that comes again and again.' >"$TMP/endless" 2>/dev/null &
yes_pid=$!
PTY_PIPE_FROM="$TMP/endless" start 60 12 -- --no-bookmarks
read_so_far() { status | sed -n 's/.* \([0-9.]*\) MiB so far .*/\1/p'; }
stops_growing() {
	a=$(read_so_far)
	sleep 0.5
	[ -n "$a" ] && [ "$a" = "$(read_so_far)" ]
}
wait_true stops_growing
ok $? "a pipe that never ends stops being read"
awk -v m="$(read_so_far)" 'BEGIN { exit !(m >= 128 && m < 1024) }'
ok $? "128 MiB to 1 GiB ahead of the first screen ($(read_so_far) MiB)"
keys q
is "$(wait_exit)" 0 "q leaves it with status 0"
yes_ended() { ! kill -0 "$yes_pid" 2>/dev/null; }
wait_true yes_ended
ok $? "and the program writing to the pipe ends (the pipe is closed)"

# A pipe the test writes to when it wants: what comes later is taken in,
# the outline and a search's matches with it; the TOC's folding and
# selection stay as they were.
mkfifo "$TMP/feed"
exec 3<>"$TMP/feed"
# w FORMAT ARGS: write to the pipe, and keep what was written
w() { printf "$@" | tee -a "$TMP/sent" >&3; }
{
	w 'Piped Guide\n===========\n\nThe first part came first, a part of the guide.\n\n'
	w 'Setting Up\n----------\n\nWhat to set up, part by part.\n\n'
	w 'Running It\n----------\n\nHow it runs.\n\n'
}
# (the terminal must not hold the pipe open: it would never end)
PTY_STATE="$TMP/pipe-state" PTY_PIPE_FROM="$TMP/feed" start 100 14 -- 3>&-
check '^ *Setting Up +│' "the TOC shows the sections that came"
check ' so far \| ' "the status line says the pipe is still being read"
keys /
raw 'part'
keys Enter
check 'match 1/4' "a search counts the matches that came"
# selected_is TITLE: the TOC entry shown in reverse is TITLE's
selected_is() { screen_escapes | grep -Eq $'\e\\[[0-9;]*7m[^│]*'"$1"; }
keys Tab
keys j
wait_true selected_is 'Setting Up'
ok $? "the TOC is focused, its second entry selected"
{
	w 'A Later Part\n------------\n\nIt came after the reader opened.\n\n'
	w 'The Last Part\n-------------\n\nAt the end.\n\n'
}
check '^ *The Last Part *│' "the sections that come later join the TOC"
selected_is 'Setting Up'
ok $? "the selection stays on its entry"
check 'match 1/6' "and the search counts the matches that came since"
keys k h
check '^▸ Piped Guide *│' "h folds the first entry"
w 'Appendix\n========\n\nWhat is left.\n\n'
check '^  Appendix *│' "a section that comes after it joins the TOC"
screen_has '^▸ Piped Guide *│' && ! screen_has 'Setting Up *│'
ok $? "the entry stays folded"
keys Tab
# F, as in less: the end, kept in view as more comes, until a key
keys F
check 'Following the pipe as it comes' "F follows the pipe"
w 'Followed\n--------\n\nThis came while following.\n\n'
check '│ This came while following\.$' "what comes is brought into view"
keys k
not_following() { ! screen_has 'Following the pipe'; }
wait_true not_following
ok $? "a key stops following"
top=$(text_row 0)
w 'Unfollowed\n----------\n\nThis came after.\n\n'
check '^ *Unfollowed *│' "more comes"
is "$(text_row 0)" "$top" "and the text stays where it was"
exec 3>&-
no_longer_read() { ! screen_has ' so far'; }
wait_true no_longer_read
ok $? "once the pipe ended, the status line no longer says it is read"
keys G
check '│ This came after\.' "G shows the end of what came"
keys F
check 'Nothing more will come: the pipe ended' "F says when the pipe has ended"
keys q
is "$(wait_exit)" 0 "q quits with status 0"
cmp -s "$TMP/stty.before" "$TMP/stty.after"
ok $? "the terminal modes are restored"

# Once it ended, its place was kept, by its content: the same text piped
# again (all at once) opens there.
PTY_STATE="$TMP/pipe-state" PTY_PIPE_FROM="$TMP/sent" start 100 14 --
check 'Resumed at §6 Appendix' "the same text piped again opens where it was left"
keys q
is "$(wait_exit)" 0 "q quits"
# ... and so does the same text through a pipe slow to end, once it ended
# (the reader not moved meanwhile)
mkfifo "$TMP/again"
{
	head -c 100 "$TMP/sent"
	sleep 0.8
	tail -c +101 "$TMP/sent"
} >"$TMP/again" &
PTY_STATE="$TMP/pipe-state" PTY_PIPE_FROM="$TMP/again" start 100 14 --
check ' so far \| ' "the same text piped slowly opens before it ends"
check 'Resumed at §6 Appendix' "and goes where it was left once it ended"
keys q
is "$(wait_exit)" 0 "q quits"
wait

# F on a file: a log being written is followed as it grows, until a key;
# a log rotated (another file at its path) stops it.
{
	printf 'Log Title\n=========\n\n'
	for i in $(seq 1 30); do printf 'entry %d of the log\n' "$i"; done
} >"$TMP/grow.log"
start 80 10 -- "$TMP/grow.log"
keys F
check 'Following the file as it grows' "F follows a file"
printf '\nAdded Later\n-----------\n\nThe newest line.\n' >>"$TMP/grow.log"
check 'The newest line\.$' "what is written to it comes into view"
check '^ *Added Later *│' "its new sections join the TOC"
keys k
not_following_file() { ! screen_has 'Following the file'; }
wait_true not_following_file
ok $? "a key stops following"
keys F
check 'Following the file as it grows' "F again"
mv "$TMP/grow.log" "$TMP/grow.log.1"
printf 'A new log\n' >"$TMP/grow.log"
check 'The file was replaced or cut short' "a file rotated away stops it"
keys q
is "$(wait_exit)" 0 "q quits"

# G on a log that grew since it was opened: read again to its new end,
# as less does, without F
{
	printf 'Log Title\n=========\n\n'
	for i in $(seq 1 30); do printf 'entry %d of the log\n' "$i"; done
} >"$TMP/g.log"
start 80 10 -- "$TMP/g.log"
check 'entry 5 of the log' "a log opens"
printf '\nWritten Since\n-------------\n\nThe line written since.\n' \
	>>"$TMP/g.log"
keys G
check 'The line written since\.$' "G shows what was written since it opened"
check '^ *Written Since *│' "and its new sections join the TOC"
keys q
is "$(wait_exit)" 0 "q quits"

# F on a log still empty: its first lines come into view
: >"$TMP/empty.log"
start 80 10 -- "$TMP/empty.log"
keys F
check 'Following the file as it grows' "F follows an empty file"
printf 'The first entry.\n' >>"$TMP/empty.log"
check '^The first entry\.$' "its first line comes into view"
keys q
is "$(wait_exit)" 0 "q quits"

plan_done
