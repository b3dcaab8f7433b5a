# --outline and --toc on the team's test documents, from files and stdin.
. "$FOLIO_TESTS/lib.sh"

for doc in guide.txt underlined.txt numbered.txt manual.md manual.adoc manual.rst; do
	"$FOLIO" --outline "$FOLIO_TESTDATA/$doc" >"$TMP/got"
	status=$?
	if cmp -s "$TMP/got" "$FOLIO_TESTDATA/$doc.outline" && [ $status -eq 0 ]; then
		ok 0 "--outline $doc matches its expected outline"
	else
		ok 1 "--outline $doc matches its expected outline"
		diff "$FOLIO_TESTDATA/$doc.outline" "$TMP/got" | sed 's/^/# /'
	fi
done

# Standard input: the format comes from the content.
"$FOLIO" --outline - <"$FOLIO_TESTDATA/manual.md" >"$TMP/got"
cmp -s "$TMP/got" "$FOLIO_TESTDATA/manual.md.outline"
ok $? "Markdown on standard input ('-') is recognised by its content"
cat "$FOLIO_TESTDATA/manual.adoc" | "$FOLIO" --outline >"$TMP/got"
cmp -s "$TMP/got" "$FOLIO_TESTDATA/manual.adoc.outline"
ok $? "AsciiDoc piped in with no file argument is read from stdin"
cp "$FOLIO_TESTDATA/manual.md" "$TMP/manual.txt"
"$FOLIO" --outline "$TMP/manual.txt" >"$TMP/got"
cmp -s "$TMP/got" "$FOLIO_TESTDATA/manual.md.outline"
ok $? "Markdown in a .txt file is recognised by its content"
"$FOLIO" --outline --format=plain "$FOLIO_TESTDATA/manual.md" >"$TMP/got"
! cmp -s "$TMP/got" "$FOLIO_TESTDATA/manual.md.outline"
ok $? "--format=plain overrides the .md name"

"$FOLIO" --toc "$FOLIO_TESTDATA/numbered.txt" >"$TMP/got"
cat >"$TMP/want" <<'TOC'
1 1. Introduction
  1.1 1.1 Scope
  1.2 1.2 Terms
2 2. Installation
  2.1 2.1 Downloading
    2.1.1 2.1.1 Checking the signature
3 IV. Appendix
TOC
cmp -s "$TMP/got" "$TMP/want"
ok $? "--toc prints an indented, numbered tree"

# Titles never carry control sequences to the terminal.
printf 'Title \033]0;pwned\007 here\n=====================\n\nText.\n' >"$TMP/esc.txt"
"$FOLIO" --outline "$TMP/esc.txt" >"$TMP/got"
is "$(cat "$TMP/got")" "$(printf '1\t1\tTitle ^[]0;pwned^G here')" \
	"--outline shows escape sequences in titles as markers"
"$FOLIO" --outline --raw "$TMP/esc.txt" | grep -q "$(printf '\033')"
ok $? "--outline --raw keeps them"
is "$("$FOLIO" --toc "$TMP/esc.txt")" "1 Title ^[]0;pwned^G here" \
	"--toc shows them as markers too"

plan_done
