# The reading screen: TOC pane, text pane, status line, styles.
. "$FOLIO_TESTS/pty/lib.sh"
make_long_doc "$TMP/long.txt"

start 100 30 -- "$TMP/long.txt"
check '^▾ The Long Handbook│ The Long Handbook$' \
	"the TOC is shown on the left, the text on the right, at 100 columns"
check '^  ▾ Part 1 +│' "the TOC indents subsections under their parent"
check '^      Detail 1\.A +│' "and their subsections one level deeper"
is "$(status | sed "s/  */ /g; s/ $//")" " long.txt §1/13 The Long Handbook 16%" \
	"the status line shows the file name, §k/n, the section title and a percentage"
screen_escapes | head -n 1 | grep -q "$(printf '\033')\\[1m.*The Long Handbook"
ok $? "heading lines are drawn bold"
screen_escapes | grep -q "$(printf '\033')\\[3[0-9]m"
ok $? "with colours, headings have a colour"
check '│ Paragraph 1\.1 says' "body text follows the heading"

start 100 30 NO_COLOR=1 -- "$TMP/long.txt"
! screen_escapes | grep -q "$(printf '\033')\\[3[0-7]m"
ok $? "NO_COLOR: no colour at all"
screen_escapes | head -n 1 | grep -q "$(printf '\033')\\[1m"
ok $? "NO_COLOR: headings are still bold"

start 100 30 LC_ALL=C -- "$TMP/long.txt"
check '^- The Long Handbook\| The Long Handbook' \
	"a non-UTF-8 locale gets an ASCII TOC"
check 'S1/13' "a non-UTF-8 locale gets an ASCII status line"

start 79 30 -- "$TMP/long.txt"
check '^The Long Handbook' "below 80 columns the TOC is not shown"
keys t
check 'Too narrow for the table of contents' "t says why it cannot show it"

start 100 30 -- "$FOLIO_TESTDATA/cjk.txt"
check '^日本語の' "a document with no headings has no TOC"

printf 'A Heading Whose Title Is Far Too Long To Fit In The Contents Pane At All\n=========================================================================\n\ntext\n\nShort\n=====\n\ntext\n' >"$TMP/longtitle.txt"
start 100 30 -- "$TMP/longtitle.txt"
check '^  A Heading Whose Title Is Far T…│ A Heading' \
	"long titles are cut with … at a third of the screen"
is "$(screen | grep -Ec '│ =+$')" 2 \
	"an underline wider than the text is cut, not wrapped: one row each"

start 100 30 -- "$TMP/long.txt"
keys t
check '^The Long Handbook' "t hides the TOC"
keys t
check '^▾ The Long Handbook│' "t shows it again"

printf 'Title\n=====\n\nEscape \033]0;owned\007 and \033[2J clear and \302\233 too.\n\nNext\n====\n\ntext\n' >"$TMP/hostile.txt"
start 100 30 -- "$TMP/hostile.txt"
check '│ Escape \^\[\]0;owned\^G and \^\[\[2J clear and <9B> too\.' \
	"control sequences in the text are shown as markers, not executed"

# A Markdown block quote is one paragraph on the screen: its '>' markers
# after the first line are not shown inside the rows
printf '# Quote\n\n> one two three four five six seven eight nine ten\n> eleven twelve thirteen fourteen\n' >"$TMP/quote.md"
start 40 10 -- "$TMP/quote.md"
check '^> one two three four five six seven$' "a block quote is reflowed to the screen"
is "$(row 3)" "  eight nine ten eleven twelve thirteen" \
	"its next lines join it without their '>', hanging past it"

# Paragraphs one a line with nothing between them: indented on the screen
{
	printf 'Guide\n=====\n'
	for p in one two three four; do
		printf 'Paragraph %s starts here and goes on for long enough to be wrapped on the screen at least once, maybe twice.\n' "$p"
	done
} >"$TMP/lines.txt"
start 60 12 -- "$TMP/lines.txt"
check '^  Paragraph two starts' "a paragraph that follows another without a blank line is indented"
check '^Paragraph one starts' "the first after the heading is not"

# A table of contents' dot leaders give way on a narrow screen
printf 'Contents\n\n   1   Introduction ......................................................2\n   2   Terms ............................................................3\n' >"$TMP/toc.txt"
start 50 8 -- "$TMP/toc.txt"
check '^   1   Introduction \.{20,}2$' "dot leaders are shortened to fit the screen"

# A manual page piped in, made for a wider terminal: reflowed, tags kept
{
	printf '%-31s%-36s%s\n' 'FROB(1)' 'User Commands' 'FROB(1)'
	printf '\nOPTIONS\n'
	printf '       -c        Count the cards instead of writing them, and print the\n'
	printf '                 total on a line of its own, then stop reading at once.\n'
	printf '       -q        Say nothing.\n'
} >"$TMP/man.txt"
PTY_PIPE_FROM="$TMP/man.txt" start 60 12 -- --no-bookmarks
check '^       -c        Count the cards instead of writing them,$' \
	"a manual piped in is reflowed to the screen, its tags kept"
is "$(screen | grep -A 1 '^       -c  ' | sed -n 2p)" \
	"                 and print the total on a line of its own," \
	"and the tag's text goes on under its first line's"

# A document paged for print: its footers and headers are dim, their
# columns one space apart; a page break is a rule.
{
	printf 'Frob Protocol\n\n   The first page says what the protocol is for.\n\n'
	printf 'Writer              Informational                 [Page 1]\n\f\n'
	printf 'RFC 9999            Frob Protocol               March 2026\n\n'
	printf '   The second page goes on.\n\n'
	printf '   Cards    Decks    Tables\n\n'
	printf 'Writer              Informational                 [Page 2]\n\f\n'
} >"$TMP/paged.txt"
start 60 16 -- "$TMP/paged.txt"
check '^Writer Informational \[Page 1\]$' "a page's footer has its columns one space apart"
escapes_have $'\e\\[2mWriter Informational \\[Page 1\\]'
ok $? "and is dim"
# (tmux writes no attribute again for a line that goes on dim)
is "$(screen_escapes | tr '\n' ' ' | sed 's/RFC 9999 Frob Protocol March 2026.*//' |
	grep -o $'\e\\[[0-9;]*m' | tail -n 1 | cat -v)" '^[[2m' "so is the next page's header"
is "$(screen | grep -c '^─\{60\}$')" 2 "each page break is a rule across the text"
! escapes_have $'\e\\[2m   Cards'
ok $? "columns that are no page's footer or header are not dim"

# A paragraph too long to reflow (over 16 KiB of lines that would join) is
# shown line by line, and scrolling through it both ways, by rows and by
# pages, lands on the right lines; what is learnt of it on the way, to
# answer the next keys sooner, never reaches the paragraphs around it,
# which are joined as ever.
awk 'BEGIN {
	print "Before it, a paragraph of two lines which the reader joins into one"
	print "row, as prose."
	print ""
	for (i = 1; i <= 900; i++)
		printf "Line %05d of one paragraph far too long to reflow, all of it joined.\n", i
	print ""
	print "After it, a paragraph of two lines which the reader joins into one"
	print "row, as prose."
}' > "$TMP/bigpara.txt"
start 100 12 -- "$TMP/bigpara.txt"
check '^Before it, .* one row, as prose\.$' "a paragraph before a long one is joined"
check '^Line 00001 of one paragraph far too long to reflow, all of it joined\.$' \
	"and the long one shows its lines as written"
keys 300 j
expect_top "$TMP/bigpara.txt" 302 "300j goes down 300 rows"
keys k
expect_top "$TMP/bigpara.txt" 301 "k goes back one"
keys G
expect_top "$TMP/bigpara.txt" 895 "G shows its last lines"
check '^After it, .* one row, as prose\.$' "and the paragraph after it, joined"
keys 500 k
expect_top "$TMP/bigpara.txt" 395 "500k goes back 500"
keys b
expect_top "$TMP/bigpara.txt" 385 "b a page back"
keys Space Space
expect_top "$TMP/bigpara.txt" 405 "and Space two pages on"
keys g
check '^Before it, .* one row, as prose\.$' "g back to the top, the paragraph before still joined"

start 100 12 -- "$TMP/long.txt"
keys G
check '~|Detail paragraph 6\.A\.3' "G shows the end of the document"
is "$(status | grep -o '[0-9]*%')" "100%" "at the end the position is 100%"

keys q
is "$(wait_exit)" 0 "q quits with status 0"
cmp -s "$TMP/stty.before" "$TMP/stty.after"
ok $? "the terminal modes are restored after q"

plan_done
