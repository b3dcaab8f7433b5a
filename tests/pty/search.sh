# Search and jump: / ? n N with their prompt, highlighting and count; the
# go-to prompt (:); the TOC filter.
. "$FOLIO_TESTS/pty/lib.sh"
PTY_STATE="$TMP/shared-state"
D="$TMP/notes.txt"
{
	echo "Field Notes"
	echo "==========="
	echo
	echo "The first paragraph names the ÉCOLE NORMALE and a small école."
	echo
	echo "Chapter One"
	echo "-----------"
	echo
	i=1
	while [ $i -le 300 ]; do
		echo "needle $i."
		echo
		i=$((i + 1))
	done
	echo "Chapter Two"
	echo "-----------"
	echo
	echo "This paragraph is one long line so that it wraps on the screen: it goes on and on, with words of every length, until a phrase of it must break across two rows of the text pane, which is what the highlighting of a match that spans a wrapped line is checked with."
	echo
	echo "Appendix: Settings"
	echo "------------------"
	echo
	echo "Nothing to set."
	echo
	echo "Appendix: Errors"
	echo "----------------"
	echo
	echo "Nothing went wrong."
	i=1
	while [ $i -le 30 ]; do
		echo
		echo "Filler paragraph $i."
		i=$((i + 1))
	done
} > "$D"
line_of() { grep -n "^$1\$" "$D" | cut -d: -f1; }

start 100 24 -- "$D"
keys G
check '│ Filler paragraph 30\.' "at the end of the document"

# Incremental search: the view follows what is typed.
keys g ']' ']'
top_is "Chapter Two" "reading Chapter Two"
keys /
raw needl
check '^/needl +match 1/300$' "typing a pattern shows the matches so far"
check '│ needle 1\.$' "and the view moves to the first, wrapping to the top"
keys Escape
top_is "Chapter Two" "Esc goes back to where the search started"
check '^ notes\.txt ' "and closes the prompt"
! screen_escapes | grep -q $'\e\\[7mneedl'
ok $? "and leaves nothing highlighted"

keys g /
raw needle
keys Enter
check ' match 1/300 ' "Enter: match 1 of 300, counted over the whole document"
check '│ needle 1\.$' "the first match is on the screen"
screen_escapes | grep -q $'\e\\[30m\e\\[43mneedle'
ok $? "the current match is highlighted in its own colours"
[ "$(screen_escapes | grep -c $'\e\\[7mneedle')" -ge 5 ]
ok $? "every other match on the screen in reverse video"
keys n
check ' match 2/300 ' "n: the next match"
keys 3 n
check ' match 5/300 ' "3n: the third match from there"
keys 3 N
check ' match 2/300 ' "3N: three back"
keys N N
check 'Search wrapped around to the bottom' "N past the first wraps, saying so"
check ' match 300/300 ' "to the last match"
check '│ needle 300\.$' "which is brought into view"
is "$(text_row 0)|$(text_row 1)|$(text_row 2)" "needle 299.||needle 300." \
	"with two rows of context above it"
keys n
check 'Search wrapped around to the top' "n past the last wraps to the top"
check ' match 1/300 ' "to the first match"
keys 9 9 9 9 9 9 9 9 n
check ' match 100/300 ' "99999999n: round the matches, worked out at once"
check 'Search wrapped around to the top' "saying it wrapped"
keys 2 0 1 n
check ' match 1/300 ' "201n from match 100: match 1"
keys 6 0 0 N
check ' match 1/300 ' "600N: twice round, back where it was"
check 'Search wrapped around to the bottom' "saying it wrapped"

# Turning the highlighting off: Esc u (less), :noh (vim); n brings it back.
lit() { screen_escapes | grep -q $'\e\\[7mneedle'; }
unlit() { ! lit && ! status | grep -q ' match '; }
keys Escape u
wait_true unlit
ok $? "Esc u turns the highlighting of matches off, and their count"
keys Escape u
wait_true lit
ok $? "Esc u again turns it on"
keys : n o h Enter
wait_true unlit
ok $? ":noh turns it off too"
keys n
check ' match 2/300 ' "n goes on to the next match"
lit
ok $? "and shows the matches again"

# Backward search, and '' after a search jump.
keys g ']' ']' '?'
raw 'needle 2\d\d'
keys Enter
check ' match 100/100 ' "? searches backward from the top of the screen"
top_is "needle 298." "bringing the match into view"
keys n
check ' match 99/100 ' "n goes on backward"
keys N N
check ' match 1/100 ' "N goes forward, wrapping"
check 'Search wrapped around to the top' "and says so"
keys g /
raw 'Chapter Two'
keys Enter
top_is "needle 300." "a far match comes with two rows of context"
keys "'" "'"
expect_top "$D" 1 "'' goes back to where the search jumped from"

# Patterns: case, errors, no match.
keys /
raw école
keys Enter
check ' match 1/2 ' "no capital: case is ignored, beyond ASCII (ÉCOLE and école)"
keys /
raw École
keys Enter
check 'Pattern not found: École' "a capital makes it exact"
keys /
raw 'a(b'
keys Enter
check 'Bad pattern: missing closing parenthesis \(at offset 3\)' \
	"an invalid pattern shows PCRE2's message and offset"
keys n
check 'Pattern not found: École' "and changes nothing: n still looks for École"
keys /
raw zzz
keys Enter
check 'Pattern not found: zzz' "no match says so"
expect_top "$D" 1 "and does not move"

# Editing the line.
keys /
raw needlx
keys BSpace
raw 'e 7'
keys C-a Right Right C-k
raw 'edle 7'
keys C-w
raw 17
keys Home C-d
raw n
check '^/needle 17 ' "Backspace, C-a, Right, C-k, C-w, Home, C-d edit the line"
keys Enter
check ' match 1/11 ' "and the edited pattern is searched (needle 17, 170-179)"

# The history is kept across sessions.
keys q
wait_exit >/dev/null
start 100 24 -- "$D"
keys /
keys Up
check '^/needle 17 ' "Up in a new session brings back the last search"
keys Up
check '^/zzz ' "Up again, the one before"
keys Down Down
check '^/$' "Down past the newest gives an empty line"
keys Escape

# A match across a wrapped line is highlighted on both rows.
keys g /
raw 'Chapter Two'
keys Enter
# (the line may show before the search moved the view: its status first)
wait_for ' match 1/1 '
check '│ This paragraph is one long line' "the long line is shown"
r=$(screen | grep -n '│ This paragraph' | cut -d: -f1)
last=$(text_row "$((r - 1))" | awk '{ print $NF }')
first=$(text_row "$r" | awk '{ print $1 }')
keys /
raw "$last $first"
keys Enter
check ' match 1/1 ' "a phrase across the row break is found ($last $first)"
both_rows() {
	screen_escapes | sed -n "${r}p" | grep -q $'\e\\[43m'"$last" &&
		screen_escapes | sed -n "$((r + 1))p" | grep -q $'\e\\[43m'"$first"
}
wait_true both_rows
ok $? "and highlighted on both rows"

# The go-to prompt.
keys g :
raw 3
keys Enter
top_is "Chapter Two" ":3 goes to the third heading"
keys :
raw appx
check '^  §4  Appendix: Settings' "candidates are listed as the title is typed"
check '^  §5  Appendix: Errors' "all of them, best first (fuzzy: a, p, p, x)"
keys Down Enter
top_is "Appendix: Errors" "Down chooses the next candidate; Enter goes there"
keys :
raw one
keys Enter
top_is "Chapter One" "a word of a title finds it"
keys :
raw 99
keys Enter
check 'No section 99: there are 5' "a number past the last heading says so"
keys :
raw qqq
keys Enter
check 'No section title matches: qqq' "so does text that matches nothing"
keys "'" "'"
top_is "Appendix: Errors" "'' goes back from a go-to jump"

# The TOC filter.
keys g Tab /
raw sett
# (both titles are in the whole TOC too: the count says it is filtered)
check '^filter: sett +1 title$' "the prompt counts the titles that match"
check '^    Appendix: Settings' "/ in the contents filters the titles"
check '^  Field Notes' "keeping their parents for context"
! screen | sed '$d' | grep -q '^ *Chapter'
ok $? "and hiding the rest"
keys Enter
top_is "Appendix: Settings" "Enter goes to the chosen title"
check '^    Chapter One' "the whole contents come back"
keys Tab /
raw ter
keys Down Enter
top_is "Chapter Two" "Down moves among the filtered titles"
keys Tab /
raw qqq
check '^filter: qqq +no match$' "a filter matching nothing says so"
keys Escape
check '^    Chapter One' "Esc gives the whole contents back"
keys /
raw qqq
keys Enter
check 'No title contains: qqq' "and Enter on it too"

# The whole search after Enter, when it takes a while (a pattern that
# backtracks at every word: seconds for 2 MB), says how far it has got,
# and a key stops it: the previous search stays, as after Esc.
S="$TMP/slow.txt"
yes 'The quick brown fox jumps over the lazy dog near the river bank.' |
	head -c 2000000 > "$S"
start 100 24 -- "$S"
keys /
raw fox
keys Enter
check 'match 1/30769' "a first search finds its matches"
keys /
raw '(?:\w+\s*){8}\d'
keys Enter
check 'Searching: [0-9]+% \(a key stops\)' "a slow search says how far it has got"
keys x
check 'Search stopped at [0-9]+% of the document +match 1/30769' \
	"a key stops it, and the previous search stays"
keys n
check 'match 2/30769' "n goes on with the previous search"
keys / Up Enter
check 'Search stopped at|Searching' "its pattern is in the history (it was typed)"
keys x
keys q
is "$(wait_exit)" 0 "and folio quits as usual"

plan_done
