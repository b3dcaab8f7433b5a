# Manual pages as man prints them (piped in at the terminal's width) and
# tagged paragraphs in plain text: shown narrower than they were made,
# they are reflowed, with a tag's text hanging under its first line's.
. "$FOLIO_TESTS/lib.sh"

# Our own page in man's layout: a header as wide as the page (75), lines
# justified to it (three blanks after a full stop), tags with their text
# on the same line or, for a long tag, on the next, and an example table.
cat >"$TMP/frob.txt" <<'DOC'
FROB(1)                        User Commands                        FROB(1)

NAME
       frob - turn a pile of notes into a tidy stack of cards

DESCRIPTION
       frob  reads  notes  from its standard input and files each one under
       the card whose title it matches best.   Notes that match no card are
       kept aside until the end.  The stack is written back in title order.

OPTIONS
       -c        Count the cards instead of writing them, and print the
                 total on a line of its own.  Nothing is changed on disk.
       -k        Keep notes  that  match  no  card in  a  card of their own.
       -q        Say nothing.
       --rename-to-the-oldest-title
              Give each card the title of its oldest note, which is the one
              that was filed first, and sort the stack again afterwards.

EXAMPLES
          NAME      CARDS   NOTES
          work      12      130
DOC
"$FOLIO" --print --width=50 "$TMP/frob.txt" >"$TMP/out"
grep -q '^       title it matches best\. Notes that match no$' "$TMP/out"
ok $? "justified lines join, their runs of blanks one space each"
grep -A 1 '^       -c        Count the cards instead of$' "$TMP/out" |
	grep -q '^                 writing them, and print the total$'
ok $? "a tag's paragraph is reflowed under its text, the tag's blanks kept"
grep -A 1 '^       -k        Keep notes that match no card in$' "$TMP/out" |
	grep -q '^                 a card of their own\.$'
ok $? "a tag's line alone wraps under its text"
grep -q '^       -q        Say nothing\.$' "$TMP/out"
ok $? "a tag starts its own line after a justified one"
grep -A 1 '^              Give each card the title of its$' "$TMP/out" |
	grep -q '^              oldest note, which is the one that$'
ok $? "the text under a long tag is reflowed at its own indent"
grep -q '^          NAME      CARDS   NOTES$' "$TMP/out" &&
	grep -q '^          work      12      130$' "$TMP/out"
ok $? "a table in a manual keeps its lines and columns"
grep -q '^FROB(1) User Commands FROB(1)$' "$TMP/out"
ok $? "the header, spread over the page's width, fits on one row"

# A name too long for the page squeezes man's header; its synopsis is a
# hanging paragraph, a word in it hyphenated across the indent change.
{
	printf '%s\n' 'FROB_CARDS_STACK_REWRITE_ALFROB_CARDS_STACK_REWRITE_ALL_OF_THE_OLD_NOTES(1)'
	printf '\nSYNOPSIS\n'
	printf '       frob cards stack rewrite-all-of-the-notes FILE [--size=N] [--out\342\200\220\n'
	printf '              put=FILE] [--keep-aside] [--quiet]\n'
	printf '\nOPTIONS\n'
	printf '       -c        Count  the cards.   Then print their total on a line,  and\n'
	printf '                 stop.\n'
} >"$TMP/squeezed.txt"
"$FOLIO" --print --width=50 "$TMP/squeezed.txt" >"$TMP/out"
grep -A 1 '^       -c        Count the cards\. Then print their$' "$TMP/out" |
	grep -q '^                 total on a line, and stop\.$'
ok $? "a manual whose header is squeezed is known as one (its justified lines join)"
grep -A 2 '^       frob cards stack rewrite-all-of-the-notes$' "$TMP/out" |
	grep -q '^              \[--keep-aside\] \[--quiet\]$'
ok $? "a hanging paragraph is rewrapped under its second line"
grep -q '^              FILE \[--size=N\] \[--output=FILE\]$' "$TMP/out"
ok $? "a word hyphenated across the indent change is whole again"

# The same layout outside a manual: a definition list in a guide whose
# text is at the margin (its descriptions are deeper than code would be).
cat >"$TMP/guide.txt" <<'DOC'
Cards are written in the order of their titles, one to a page, and the
notes on each are kept in the order they were filed in, oldest first.

  --size=N    The size of each card, in lines: a card that is longer
              than this is split in two at its last blank line.

    make cards SIZE=40 OUTPUT=cards.txt PAGES=all-of-them-and-the-rest
DOC
"$FOLIO" --print --width=50 "$TMP/guide.txt" >"$TMP/out"
grep -A 1 '^  --size=N    The size of each card, in lines: a$' "$TMP/out" |
	grep -q '^              card that is longer than this is$'
ok $? "a definition's text is reflowed under its first line's"
grep -q '^    make cards SIZE=40 OUTPUT=cards.txt PAGES=all-$' "$TMP/out"
ok $? "indented code under it is still broken at the width exactly"

plan_done
