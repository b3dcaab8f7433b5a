# Keys in the text: scrolling, sections, help, width; unknown keys.
. "$FOLIO_TESTS/pty/lib.sh"
D="$TMP/long.txt"
make_long_doc "$D"
# Part s starts at line 4 + 28(s-1), "Detail s.A" at 23 + 28(s-1).

# 24 rows: 23 of text, a page is 22 rows, half a page 11.
start 100 24 -- "$D"
expect_top "$D" 1 "the document opens at its top"
keys j; expect_top "$D" 2 "j scrolls down one line"
keys Down; expect_top "$D" 3 "Down scrolls down one line"
keys Enter; expect_top "$D" 4 "Enter scrolls down one line"
keys k; expect_top "$D" 3 "k scrolls up one line"
keys Up; expect_top "$D" 2 "Up scrolls up one line"
keys g; expect_top "$D" 1 "g goes to the top"
keys k; check 'Top of document' "k at the top says so"
keys Space; expect_top "$D" 23 "Space scrolls down a page (keeping a line)"
keys f; expect_top "$D" 45 "f scrolls down a page"
keys PageDown; expect_top "$D" 67 "PgDn scrolls down a page"
keys b; expect_top "$D" 45 "b scrolls up a page"
keys PageUp; expect_top "$D" 23 "PgUp scrolls up a page"
keys g d; expect_top "$D" 12 "d scrolls down half a page"
keys d; expect_top "$D" 23 "d again"
keys u; expect_top "$D" 12 "u scrolls up half a page"
keys G
check '^.*[│] Detail paragraph 6\.A\.3 goes on about the detail\.$' "G shows the last line"
is "$(text_row 21)|$(text_row 22)" \
	"Detail paragraph 6.A.3 goes on about the detail.|" \
	"G puts the last line (a blank one) on the last row, not above it"
keys j; check 'End of document' "j at the end says so"
keys Home; expect_top "$D" 1 "Home goes to the top"
keys End; check '│ Detail paragraph 6\.A\.3' "End goes to the end"
keys g

keys ']'; expect_top "$D" 4 "] puts the next heading at the top"
keys ']'; expect_top "$D" 23 "] again: the next heading, whatever its level"
keys ']'; expect_top "$D" 32 "] again: Part 2"
keys '['; expect_top "$D" 23 "[ at a heading goes to the previous heading"
keys j j; expect_top "$D" 25 "j j: two lines into Detail 1.A"
keys '['; expect_top "$D" 23 "[ inside a section goes to its own heading first"
keys '['; expect_top "$D" 4 "[ then goes to the previous one"
keys '}'; expect_top "$D" 32 "} skips subsections: Part 1 to Part 2"
keys '}'; expect_top "$D" 60 "} again: Part 3"
keys '{'; expect_top "$D" 32 "{ goes back to Part 2"
keys j; expect_top "$D" 33 "j: a line into Part 2"
keys '{'; expect_top "$D" 32 "{ inside a section goes to its own heading first"
keys G ']'; expect_top "$D" 163 "] from the end goes to the last heading"
keys ']'; check 'No next section' "] after the last heading says so"

keys g; expect_top "$D" 1 "g from the end goes to the top"

# Counts, as in less and vim: digits before a key.
keys 1 2
check 'count: 12' "digits typed before a key show as a count"
keys Escape j; expect_top "$D" 2 "Esc drops the count: j goes one line"
keys 5 j; expect_top "$D" 7 "5j scrolls down 5 lines"
keys 3 k; expect_top "$D" 4 "3k scrolls up 3 lines"
keys 2 Space; expect_top "$D" 48 "2 Space scrolls down two pages"
keys 4 0 g; expect_top "$D" 40 "40g goes to line 40"
keys 2 G; expect_top "$D" 2 "2G goes to line 2"
keys 9 9 9 9 g
check '│ Detail paragraph 6\.A\.3 goes on about the detail\.$' \
	"a line past the end shows the last screen"
keys g 3 ']'; expect_top "$D" 32 "3] goes three headings down"
keys "'" "'"; expect_top "$D" 1 "'' comes back to before all three"
keys 4 g 2 '}'; expect_top "$D" 60 "2} two headings of the same level"
keys 9 9 ']'; expect_top "$D" 163 "a count past the last heading stops there"
keys g 6 d; expect_top "$D" 7 "6d scrolls down 6 lines"
keys d; expect_top "$D" 13 "and d goes 6 lines from then on"
keys u; expect_top "$D" 7 "u too"
size=$(wc -c <"$D")
keys 5 0 %
expect_top "$D" $(($(head -c $((size / 2)) "$D" | wc -l) + 1)) \
	"50% goes to the line half way through the bytes"
keys g 3 0 p
expect_top "$D" $(($(head -c $((size * 30 / 100)) "$D" | wc -l) + 1)) \
	"30p goes 30% of the way"
keys p; expect_top "$D" 1 "p alone goes to the top, as in less"
keys 7 5 g C-g
check "Line 75 of $(wc -l <"$D"), byte $(head -n 74 "$D" | wc -c) of $size " \
	"C-g says the line and byte at the top, of how many"
keys g C-g
check "Line 1 of $(wc -l <"$D"), byte 0 of $size " \
	"at the top: line 1, byte 0"
# leave the top with no message on the screen, for the tests below
keys j; expect_top "$D" 2 "j after C-g"
keys k; expect_top "$D" 1 "k back to the top"
before=$(screen)
keys x '@' F5 '!' C-x
settle
is "$(screen)" "$before" "unknown keys change nothing"
keys C-l
settle
is "$(screen)" "$before" "Ctrl-L redraws the same screen"

keys h
check '^ folio keys' "h opens the help screen"
check '^   \] +next heading to the top' "help lists ] and what it does"
check 'Tab +move the focus between text and contents' "help lists Tab"
keys j j j j j j j j j j j j j j j j j
check '^   h, Left +contents: fold the selected entry' \
	"j scrolls the help to the TOC keys"
check '^   h, F1 +show this help' "help lists itself"
keys x
expect_top "$D" 1 "any key closes the help"
keys F1
check '^ folio keys' "F1 opens the help screen too"
keys q
expect_top "$D" 1 "q closes the help without quitting"

keys -
check 'Width [0-9]+' "- makes the text narrower and says how wide"
w=$(status | grep -o 'Width [0-9]*' | grep -o '[0-9]*')
keys +
check "Width $((w + 4))" "+ makes it wider again"

# The paragraphs are wrapped again at each width, the rows already laid
# out at another width not reused (long paragraphs: few on the screen,
# whose rows folio keeps).
awk 'BEGIN { split("then and so here now", w, " ")
	for (p = 1; p <= 3; p++) { for (i = 1; i <= 20; i++)
	printf "%s paragraph %d, line %02d, of prose that the reader joins.\n", w[i % 5 + 1], p, i
	print "" } }' > "$TMP/paras.txt"
# wrapped_at W: the first paragraph's first two rows at W columns
wrapped_at() { sed '/^$/q' "$TMP/paras.txt" | tr '\n' ' ' |
	fold -s -w $(($1 + 1)) | sed 's/ *$//' | head -n 2; }
start 100 24 -- "$TMP/paras.txt"
keys -
check 'Width [0-9]+' "- narrows the text"
w=$(status | grep -o 'Width [0-9]*' | grep -o '[0-9]*')
is "$(screen | head -n 2)" "$(wrapped_at "$w")" \
	"its paragraphs are wrapped again at $w columns"
keys -
check "Width $((w - 4))" "- narrows it again"
is "$(screen | head -n 2)" "$(wrapped_at $((w - 4)))" \
	"and they are wrapped at $((w - 4))"
keys +
check "Width $w" "+ widens it"
is "$(screen | head -n 2)" "$(wrapped_at "$w")" \
	"and they are wrapped at $w again"

start 100 24 -- --width=30 "$D"
check '│ Paragraph 1\.1 says something$' "--width=30 wraps the text at 30 columns"

keys q
is "$(wait_exit)" 0 "q quits"

# What less and vim users type to leave.
start 100 24 -- "$D"
keys : q
check '^:q' "the go-to prompt takes :q"
keys Enter
is "$(wait_exit)" 0 ":q quits, as in less and vim"
start 100 24 -- "$D"
keys : w q Enter
is "$(wait_exit)" 0 ":wq quits, as in vim"
start 100 24 -- "$D"
keys : Q u i c k Enter
check 'No section title matches: Quick' "a title that is not a quit command is looked for"
keys Z j
expect_top "$D" 2 "Z then another key is that key"
keys Z Z
is "$(wait_exit)" 0 "ZZ quits"

# A huge count is not a hang: it moves a chunk at a time, and a key
# stops it where it is.
B="$TMP/rows.txt"
yes 'One short line of a long document.' | head -n 300000 > "$B"
start 100 24 -- "$B"
keys 9 9 9 9 9 9 9 9 j x
check 'Stopped after [0-9]+ of 99999999 lines' "a key stops 99999999j, saying so"
! status | grep -q '100%'
ok $? "and leaves the text where it was, short of the end"
keys g 9 9 9 9 9 9 9 9 d x
check 'Stopped after [0-9]+ of 99999999 lines' "a key stops 99999999d too"
! status | grep -q '100%'
ok $? "short of the end"
C="$TMP/fewer-rows.txt"
head -n 20000 "$B" > "$C"
start 100 24 -- "$C"
keys 9 9 9 9 9 9 j
check ' 100%$' "a count that is not stopped goes all the way"
keys g 9 9 9 9 9 9 d
check ' 100%$' "and so does a count before d"
keys g d
check ' 100%$' "which d keeps"
plan_done
