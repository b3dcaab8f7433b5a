# A large document is shown before its outline is complete: a worker
# builds it while the reader reads (docs/scale.md).  These checks hold
# however fast the worker is: whatever is asked of sections it has not
# reached waits for them.
. "$FOLIO_TESTS/pty/lib.sh"
# check_top TEXT DESCRIPTION: the text pane's first row becomes TEXT.
check_top() {
	i=0
	while [ $i -lt 200 ] && [ "$(row 0 | sed 's/^.*│ //')" != "$1" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	is "$(row 0 | sed 's/^.*│ //')" "$1" "$2"
}
D="$TMP/big.txt"
N=20000
# about 12 MB: well over the size indexed before the first screen
awk -v n=$N 'BEGIN {
	for (i = 1; i <= n; i++) {
		printf "Part %d of the Large Guide\n\n", i
		for (p = 0; p < 3; p++) {
			for (w = 0; w < 4; w++)
				printf "The reader keeps %d lines of text in view here. ", i
			printf "\n\n"
		}
	}
}' > "$D"
[ "$(wc -c < "$D")" -gt 8000000 ]
ok $? "the test document is large enough to be indexed in the background"
is "$("$FOLIO" --outline "$D" | wc -l)" "$N" "its outline has $N sections"

start 100 30 -- "$D"
check '^  Part 1 of the Large Guide +│ Part 1 of the Large Guide' \
	"the first screen shows the text and the TOC"
check "§1/$N " "the status line counts every section once indexing is done"
! status | grep -q indexing
ok $? "and no longer says it is indexing"

# The worker held to about 8 MB a second: it is seen at work, and what
# is asked of the part it has not reached must wait for it.
SLOW=FOLIO_INDEX_PACE=8
start 100 30 $SLOW -- "$D"
check "indexing [0-9]+% \\|" "while the worker goes, the status line shows how far it is"
check "§1/[0-9]+\\+ " "and the sections it has found so far, with a +"
keys q

start 100 30 $SLOW -- "$D"
keys : 1 9 9 9 9 Enter
check_top "Part 19999 of the Large Guide" \
	"going to a section at once finds it, waiting for the index if need be"

# The TOC filtered while the worker goes: a title that matches shows as
# soon as the worker finds it
start 100 30 FOLIO_INDEX_PACE=4 -- "$D"
keys Tab /
raw 19999
check '^ *Part 19999 of the Large Guide *│' \
	"a section found while the TOC is filtered shows if its title matches"
keys Enter
check_top "Part 19999 of the Large Guide" "and Enter goes to it"

# G [ [ with the outline complete, then while it is being built; the
# TOC keeps one width (as it grows, it would widen and wrap the text
# differently)
printf 'toc-width = 34\n' > "$TMP/fixed.conf"
FIXED=FOLIO_CONFIG=$TMP/fixed.conf
start 100 30 $FIXED -- "$D"
check "§1/$N " "the outline is complete"
keys G '['
sleep 0.3
keys '['
sleep 0.3
want=$(row 0 | sed 's/^.*│ //')
start 100 30 $SLOW $FIXED -- "$D"
keys G '['
check "Indexing [0-9]+%: waiting for the sections" \
	"[ at the end, before the worker gets there, says it waits"
check_top "$(echo "$want" | awk '{ print "Part", $2 + 1, "of the Large Guide" }')" \
	"then goes where it goes with the outline complete"
keys '['
check_top "$want" "and [ again to the section before"
start 100 30 $SLOW -- "$D"
keys q
i=0
while [ ! -f "$TMP/exit" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
is "$(cat "$TMP/exit" 2>/dev/null)" 0 "q at once quits, whatever the worker is doing"
diff "$TMP/stty.before" "$TMP/stty.after" > /dev/null
ok $? "and leaves the terminal as it was"

PTY_STATE="$TMP/shared"
start 100 30 -- "$D"
keys : 1 5 0 0 0 Enter
check_top "Part 15000 of the Large Guide" "a place deep in the document"
keys q
start 100 30 $SLOW -- "$D"
check_top "Part 15000 of the Large Guide" \
	"reopens where it was left, before the outline gets there"
keys ']'
check_top "Part 15001 of the Large Guide" "and ] goes on from there"
keys q
# held to 2 KiB a millisecond, the worker is seconds from the end: a jump
# there waits, and a key stops the wait (well before the worker is done)
start 100 30 FOLIO_INDEX_PACE=2 -- "$D"
keys G '['
check "Indexing [0-9]+%: waiting for the sections" "a jump past the indexed part waits"
keys j
check "Stopped waiting: the document is [0-9]+% indexed" "a key stops waiting"
# From 1 MiB a document is indexed in the background (Markdown too, which
# md4c parses slower), and its TOC comes as the worker goes.
M="$TMP/big.md"
awk 'BEGIN {
	for (i = 1; i <= 3000; i++) {
		printf "## Chapter %d\n\n", i
		for (p = 0; p < 8; p++)
			printf "Some *text* of chapter %d, paragraph %d, long enough to wrap.\n\n", i, p
	}
}' > "$M"
[ "$(wc -c < "$M")" -gt 1100000 ] && [ "$(wc -c < "$M")" -lt 4000000 ]
ok $? "the Markdown document is between 1 and 4 MiB"
start 100 30 FOLIO_INDEX_PACE=1 -- --no-bookmarks "$M"
check "indexing [0-9]+% \\|" "a Markdown document of 1.5 MiB is indexed in the background"
check '^  Chapter 1 +│ ## Chapter 1' "its TOC comes as the worker goes"
keys q
start 100 30 -- --no-bookmarks "$M"
check "§1/3000 " "and it is all there when the worker is done"
keys q

# Typing a search in a large document: each key stops the search the one
# before started (it would read the whole document); the last one, once
# typing stops, is whole, and Enter keeps it.
start 100 30 -- "$D"
keys /
raw 'Part 19999 of'
check '^/Part 19999 of +match 1/1 *$' "a search typed in one go ends with its whole count"
keys Enter
check '│ Part 19999 of the Large Guide' "and Enter goes to the match"
check 'match 1/1 ' "counted whole"
# typed with Enter in one go: Enter stops the search of the last key,
# and searches whole
keys / 'Large Guide' Enter
check "match [0-9]+/$N " "a pattern on every section is counted whole after Enter"
keys q
# From the library, a large article opens at once too; back in the list,
# its row counts all its sections (too many for the sign: no §)
mkdir "$TMP/lib"
ln -s "$D" "$TMP/lib/big.txt"
start 100 30 $SLOW -- "$TMP/lib"
keys j Enter
check "indexing [0-9]+% \\|" "an article opened from the library is indexed as it is read"
keys : 1 9 0 0 0 Enter
check_top "Part 19000 of the Large Guide" "and a jump ahead of the index waits for it"
keys q
check "^ Part 1 of the Large Guide +big\\.txt +[0-9.]+M +$N " \
	"the library row counts its $N sections"

# Before the worker has found any section (2 MB of preface come first,
# read at 1 MB a second), the go-to prompt still opens: the section asked
# for is waited for.  It used to say "No sections", and what was typed
# next went to the text as keys (19000 and Enter: 19000 lines down).
F="$TMP/preface.txt"
{ yes 'A long preface without any heading goes on and on, line after line.' |
	head -n 30000; echo; cat "$D"; } > "$F"
start 100 30 FOLIO_INDEX_PACE=1 -- "$F"
keys :
check '^:' "the go-to prompt opens while no section is known yet"
raw 'Part 7 of'
keys Enter
check_top "Part 7 of the Large Guide" "and Enter waits for that section, then goes there"
keys q

# A place saved past the indexed part: its section is not known yet.  It
# is saved without one, and in a document changed since it is found again
# by how far into the document it was, not in the last section known when
# it was saved (which put it a fifth of the way in).
P="$TMP/past.txt"
cp "$D" "$P"
PTY_STATE="$TMP/state.past"
start 100 30 FOLIO_INDEX_PACE=1 -- "$P"
keys G
check "indexing [0-9]+% \\| +100%" "G goes to the end while the worker is far from it"
keys q
is "$(wait_exit)" 0 "q leaves"
XDG_STATE_HOME=$PTY_STATE "$FOLIO" --recent | cut -f 3 > "$TMP/section"
is "$(cat "$TMP/section")" "" "the bookmark names no section: none is known there yet"
{ printf 'Preface\n\nA few words put before the first part, enough for a paragraph.\n\n'
  cat "$D"; } > "$P"
start 100 30 -- "$P"
check "Resumed at .*the document changed since +(99|100)%$" \
	"reopened after a change, it is back at the end"
keys q
unset PTY_STATE
# In the library: a large document left before its outline was complete
# shows no count of sections (not the part found); one read until it was
# complete shows all of them.
mkdir -p "$TMP/lib"
cp "$D" "$TMP/lib/big.txt"
start 100 10 $SLOW -- "$TMP/lib"
keys j Enter
check "indexing [0-9]+% \\|" "a large document opened from the library is indexed as it is read"
keys q
check '^ Part 1 of the Large Guide +big\.txt +[0-9.]+M +[·█]' \
	"left before its outline was complete: no count of its sections"
keys q
is "$(wait_exit)" 0 "q quits"
start 100 10 -- "$TMP/lib"
keys j Enter
check "§1/$N " "read until its outline is complete"
keys q
check "^ Part 1 of the Large Guide +big\\.txt +[0-9.]+M +§?$N " \
	"then the library counts all its sections"
keys q
is "$(wait_exit)" 0 "q quits"

plan_done
