# --print: wrapping at word boundaries to a width, sections, safety.
. "$FOLIO_TESTS/lib.sh"

max_width() { # the widest line of a file, in display columns
	LC_ALL=C.UTF-8 wc -L <"$1"
}

"$FOLIO" --print --width=40 "$FOLIO_TESTDATA/guide.txt" >"$TMP/out"
w=$(max_width "$TMP/out")
[ "$w" -le 40 ] && [ "$w" -ge 30 ]
ok $? "--width=40 wraps every line to at most 40 columns (widest: $w)"
tr -s ' \n' '  ' <"$TMP/out" >"$TMP/words.got"
tr -s ' \n' '  ' <"$FOLIO_TESTDATA/guide.txt" >"$TMP/words.want"
cmp -s "$TMP/words.got" "$TMP/words.want"
ok $? "wrapping keeps every word, in order, without splitting any"

"$FOLIO" "$FOLIO_TESTDATA/guide.txt" >"$TMP/redirected"
"$FOLIO" --print --width=80 "$FOLIO_TESTDATA/guide.txt" >"$TMP/printed"
cmp -s "$TMP/redirected" "$TMP/printed"
ok $? "folio FILE > out prints at 80 columns, like --print"

"$FOLIO" --print --width=20 "$FOLIO_TESTDATA/cjk.txt" >"$TMP/out"
w=$(max_width "$TMP/out")
[ "$w" -le 20 ] && [ "$w" -ge 18 ]
ok $? "CJK text wraps at two columns a character (widest: $w columns)"

"$FOLIO" --print --width=80 --section=2 "$FOLIO_TESTDATA/guide.txt" >"$TMP/out"
is "$(head -n 1 "$TMP/out")" "Caching the Expensive Steps" \
	"--section=N prints from the Nth heading"
is "$(tail -n 1 "$TMP/out")" "them down somewhere the whole team can see them." \
	"--section=N stops before the next heading"
"$FOLIO" --print --section=monolith "$FOLIO_TESTDATA/guide.txt" >"$TMP/out"
is "$(head -n 1 "$TMP/out")" "Splitting the Monolith" \
	"--section=TEXT finds a title by words in it, ignoring case"
"$FOLIO" --print --section=2 "$FOLIO_TESTDATA/numbered.txt" >"$TMP/out"
is "$(head -n 1 "$TMP/out"; tail -n 1 "$TMP/out")" "1.1 Scope
It covers only what a reader needs to find their way through the text." \
	"--section of a subsection ends at its sibling"
"$FOLIO" --print --section=1 "$FOLIO_TESTDATA/numbered.txt" | grep -c '^1\.[12] ' >"$TMP/n"
is "$(cat "$TMP/n")" 2 "--section of a section includes its subsections"

printf 'Plain \033[31mred\033[0m and \033[2J clear and \033]0;title\007 and \302\233 csi\n' >"$TMP/esc.txt"
"$FOLIO" --print "$TMP/esc.txt" >"$TMP/out"
is "$(cat "$TMP/out")" 'Plain red and ^[[2J clear and ^[]0;title^G and <9B> csi' \
	"--print strips SGR and shows other controls as markers"
! grep -q "$(printf '\033')" "$TMP/out"
ok $? "--print writes no escape byte to the terminal"
"$FOLIO" --print --raw "$TMP/esc.txt" | grep -q "$(printf '\033')"
ok $? "--print --raw writes the bytes as they are"

printf 'a\tb\r\nc\000d\377e\n' >"$TMP/odd.txt"
"$FOLIO" --print "$TMP/odd.txt" >"$TMP/out"
is "$(cat "$TMP/out")" "$(printf 'a       b\nc^@d\357\277\275e')" \
	"tabs expand, CRLF ends a line, NUL and invalid bytes are visible"

printf '\357\273\277BOM first\n' | "$FOLIO" --print >"$TMP/out"
is "$(cat "$TMP/out")" "BOM first" "a leading BOM is not printed"

# --count: what / would count.
printf 'Folio folio FOLIO\n\303\211cole \303\251cole\nb\bbold\n' > "$TMP/count.txt"
is "$("$FOLIO" --count=folio "$TMP/count.txt")" 3 "--count counts matches, smart case"
is "$("$FOLIO" --count=Folio "$TMP/count.txt")" 1 "a capital makes it exact"
is "$("$FOLIO" --count="$(printf '\303\251')cole" "$TMP/count.txt")" 2 "case folding beyond ASCII"
is "$("$FOLIO" --count=bold "$TMP/count.txt")" 1 "overstrike is searched as displayed"
"$FOLIO" --count='a(' "$TMP/count.txt" > "$TMP/out" 2> "$TMP/err"
is "$?:$(cat "$TMP/err")" "1:folio: Bad pattern: missing closing parenthesis (at offset 2)" \
	"a bad pattern is a usage error with PCRE2's message"
plan_done
