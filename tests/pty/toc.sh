# The table of contents: focus, selection, jumping, folding, mouse.
. "$FOLIO_TESTS/pty/lib.sh"
D="$TMP/long.txt"
make_long_doc "$D"

start 100 24 -- "$D"
keys Tab j j Enter
expect_top "$D" 23 "Tab, j j, Enter jumps to the third entry"
keys j
expect_top "$D" 24 "after Enter the focus is back in the text"
keys Tab k Enter
expect_top "$D" 4 "k moves the selection up"
keys Tab Down Down Down Up Enter
expect_top "$D" 32 "arrows move the selection"
keys Tab 2 j Enter
expect_top "$D" 60 "a count moves the selection that many entries"
keys g Tab ] ] Enter
expect_top "$D" 23 "with the focus in the TOC, ] moves the text and the selection follows it"
keys Tab G Enter
expect_top "$D" 144 "G there: Enter goes to the section G showed, not to where Tab found the selection"

keys g Tab j
keys h
check '^  ▸ Part 1 +│' "h folds the selected entry"
is "$(row 2 | sed 's/ *│.*//')" "  ▾ Part 2" \
	"its subsections disappear: Part 2 follows Part 1 in the TOC"
! screen | grep -Eq 'Detail 1\.A +│'
ok $? "Detail 1.A is no longer listed"
expect_top "$D" 1 "folding does not move the text"
keys l
check '^      Detail 1\.A +│' "l unfolds it"
keys Left
check '^  ▸ Part 1 +│' "Left folds too"
keys Right
check '^  ▾ Part 1 +│' "Right unfolds"
keys j h
check '^  ▸ Part 1 +│' "h on a subsection folds its parent"
keys Enter
expect_top "$D" 4 "and selects the parent"

keys Tab z
check '^▸ The Long Handbook│' "z folds everything to the top level"
! screen | sed '$d' | sed 's/│.*//' | grep -q 'Part'
ok $? "no subsection is listed after z"
keys Z
check '^      Detail 6\.A +│' "Z unfolds everything"
keys Tab

# The TOC follows the reading position and keeps it in view.
start 100 8 -- "$D"
keys G
check '^      Detail 6\.A +│' "the TOC scrolls to keep the current section in view"
screen_escapes | grep "Detail 6.A" | grep -q "$(printf '\033')\\[7m"
ok $? "the current section is highlighted"

# Mouse: the wheel scrolls, a click on an entry goes there.
start 100 24 -- "$D"
raw "$(printf '\033[Ma%s%s' '%' '%')"
expect_top "$D" 4 "the mouse wheel scrolls down three lines"
raw "$(printf '\033[M`%s%s' '%' '%')"
expect_top "$D" 1 "and up again"
# row 3 of the TOC (the 4th entry, Part 2): y = 32 + 4, x = 32 + 5
raw "$(printf '\033[M %s%s' '%' '$')"
raw "$(printf '\033[M#%s%s' '%' '$')"
expect_top "$D" 32 "a click on a TOC entry goes to that section"

keys q
is "$(wait_exit)" 0 "q quits"
plan_done
