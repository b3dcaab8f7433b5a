# Hostile input in the pager: a file cut short while it is open, a binary
# file, a file name with escape sequences.
. "$FOLIO_TESTS/pty/lib.sh"

# Cut short by another program while mapped: reading past the new end
# would be SIGBUS.  Under 1 MiB, so that its outline is built before the
# first screen: the reader is the one to find the hole (below, a larger
# one with its worker).
D="$TMP/big.txt"
seq 1 50000 | sed 's/^/line number /' > "$D"
start 100 30 -- "$D"
check '│ line number 1$|^line number 1$' "a 0.9 MB file opens"
truncate -s 10K "$D"
keys G
check 'The file was cut short by another program: what is gone shows as blank lines' \
	"reading past the new end says the file was cut short"
[ -n "$(folio_pid)" ]
ok $? "and folio is still running"
keys g
check '^line number 1$' "what is still there is shown"
keys /
raw 'number 5\d\d$'
keys Enter
check ' match 1/100 ' "and searched (500-599; the vanished part is blank)"
keys q
is "$(wait_exit)" 0 "q still quits with status 0"
cmp -s "$TMP/stty.before" "$TMP/stty.after"
ok $? "with the terminal restored"

# The same with a file indexed in the background, its worker held to
# 1 KiB a millisecond: the worker reaches the hole while the reader waits
# for a key, and the reader says so.
seq 1 200000 | sed 's/^/line number /' > "$D"
start 100 30 FOLIO_INDEX_PACE=1 -- "$D"
check '^line number 1$' "a 2.6 MB file opens, its worker at work"
truncate -s 10K "$D"
check 'The file was cut short by another program' \
	"the worker finding the hole is said on the status line"
keys G
check ' 100%$' "the reader goes to the end past the hole"
keys g
check '^line number 1$' "and shows what is still there"
[ -n "$(folio_pid)" ]
ok $? "folio is still running"
keys q
is "$(wait_exit)" 0 "and q quits with status 0"

# A line of 83 MB: opens, goes to its end, is searched.
yes 'word ' | head -c 100000000 | tr -d '\n' > "$TMP/long.txt"
start 100 30 -- "$TMP/long.txt"
check '^word word word' "an 83 MB line opens"
keys G
check ' 100%$' "G goes to its end"
keys /
raw 'wordy'
keys Enter
check 'Pattern not found: wordy' "and a search over all of it answers"
keys g /
raw 'd w'
keys Enter
check ' match 1/1048576\+ ' "counting matches up to the limit kept (16,666,666 here)"
keys q
is "$(wait_exit)" 0 "q quits"
rm -f "$TMP/long.txt"

# A binary file is shown, with a note.
printf 'ELF\000\000\001\002 some text\000\000 and more\n' > "$TMP/prog.bin"
start 100 30 -- "$TMP/prog.bin"
check 'This looks like a binary file: NUL bytes show as \^@' \
	"a file with NUL bytes says it looks binary"
check '^ELF\^@\^@\^A\^B some text\^@\^@ and more$' \
	"and is shown with markers"

# Escapes in headings: markers in the TOC and in the status line.
printf 'Intro\n=====\n\ntext\n\nBad \033]0;x\007 \302\233 title\n===================\n\nmore\n' \
	> "$TMP/titles.txt"
start 100 30 -- "$TMP/titles.txt"
check '^  Bad \^\[\]0;x\^G <9B> title *│' \
	"a title's control characters are markers in the TOC"
keys ']'
check '§2/2 Bad \^\[\]0;x\^G <9B> title' "and in the status line"

# man(1) output: overstrike is bold and underline; bidi controls and
# zero-width characters are markers, not obeyed.
printf 'NAME\n\n  b\bbo\bol\bld\bd and _\bu_\bn_\bd_\be_\br here\n\n  left \342\200\256right\342\200\254 zero\342\200\213width\n' \
	> "$TMP/page.txt"
start 100 30 -- "$TMP/page.txt"
check '^  bold and under here$' "overstrike shows the letters once"
screen_escapes | grep -q $'\e\\[1mbold'
ok $? "b\\bb is bold"
screen_escapes | grep -q $'\e\\[4munder'
ok $? "_\\bu is underlined"
check '^  left <U\+202E>right<U\+202C> zero<U\+200B>width$' \
	"bidirectional and zero-width characters show as markers"

# Joiners are text: a Persian word keeps its ZWNJ; an emoji sequence is
# drawn without its ZWJs (a terminal that joins them would draw fewer
# columns than counted).
printf 'Joiners\n\nfamily \360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247 then|\n\nword \331\205\333\214\342\200\214\330\256\331\210\330\247\331\207\331\205 end|\n' \
	> "$TMP/joiners.txt"
start 100 30 -- "$TMP/joiners.txt"
check '^family 👨👩👧 then\|$' "an emoji ZWJ sequence is drawn as its emoji, no marker"
check "^word $(printf '\331\205\333\214\342\200\214\330\256\331\210\330\247\331\207\331\205') end\\|\$" \
	"a Persian word keeps its zero-width non-joiner, no marker"
! screen | grep -q '<U+200[CD]>'
ok $? "no joiner is shown as a marker"

# A file name with escape sequences: shown, not executed.
N="$TMP/$(printf 'a\033[31mb\033]0;x\007.txt')"
printf 'text\n' > "$N"
start 100 30 -- "$N"
check '^ a\^\[\[31mb\^\[\]0;x\^G\.txt ' \
	"escape sequences in the file name show as markers in the status line"

plan_done
