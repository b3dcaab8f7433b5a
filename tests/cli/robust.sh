# Robustness on unusual documents: line ends, huge lines, many lines, deep
# nesting, headings made of markup only.
. "$FOLIO_TESTS/lib.sh"

# Lines ended by CR alone (old Mac files) are lines.
printf 'Title\r=====\r\rSome text.\r\rMore\r----\r\rx\r' > "$TMP/cr.txt"
is "$("$FOLIO" --outline "$TMP/cr.txt" | tr '\t\n' '|;')" "1|1|Title;2|6|More;" \
	"CR line ends: the outline finds both headings on their lines"
is "$("$FOLIO" --print "$TMP/cr.txt" | head -n 2 | tr '\n' ';')" "Title;=====;" \
	"and the text prints as lines"
is "$(cat "$TMP/cr.txt" | "$FOLIO" --outline | wc -l)" 2 \
	"from a pipe too"
printf 'One\nA stray\rCR in an LF file\n' | "$FOLIO" --print > "$TMP/out"
is "$(cat "$TMP/out")" "One
A stray^MCR in an LF file" "a stray CR inside an LF file stays a visible marker"

# A line of 83 MB (16,666,667 words): printed whole, wrapped, no crash.
# (Beyond 16 KiB a line is laid out in 16 KiB cells, so a word may break
# at a cell's edge: rows are counted loosely, letters exactly.)
yes 'word ' | head -c 100000000 | tr -d '\n' > "$TMP/long.txt"
"$FOLIO" --print --width=80 "$TMP/long.txt" > "$TMP/out"
is "$?:$(awk 'length > 80' "$TMP/out" | wc -l)" "0:0" \
	"an 83 MB line prints in rows of at most 80 columns"
is "$(tr -cd 'word' < "$TMP/out" | wc -c)" 66666668 "with every letter"
[ "$(wc -l < "$TMP/out")" -gt 1000000 ]
ok $? "in over a million rows"
rm -f "$TMP/out"

# Two million lines.
seq 1 2000000 > "$TMP/many.txt"
is "$("$FOLIO" --print "$TMP/many.txt" | tail -n 1)" 2000000 \
	"two million lines print to the last"

# Deep nesting: Markdown's six levels, 500 times over.
for i in $(seq 1 500); do
	printf '# A%s\n## B\n### C\n#### D\n##### E\n###### F\n\ntext\n\n' "$i"
done > "$TMP/deep.md"
"$FOLIO" --toc "$TMP/deep.md" > "$TMP/out"
is "$?:$(wc -l < "$TMP/out"):$(tail -n 1 "$TMP/out")" \
	"0:3000:          500.1.1.1.1.1 F" "deep nesting: 3000 headings, six deep"
# AsciiDoc and numbered plain headings deeper than that.
printf '= T\n\n== A\n\n=== B\n\n==== C\n\n===== D\n\n====== E\n\ntext\n' \
	> "$TMP/deep.adoc"
is "$("$FOLIO" --outline "$TMP/deep.adoc" | cut -f1 | tr '\n' ' ')" \
	"1 2 3 4 5 6 " "AsciiDoc section levels to the deepest"

# Headings made of markup only do not become empty entries or crash.
printf '#\n\n##\n\n# \n\ntext\n' > "$TMP/marks.md"
printf '==\n\ntext\n\n=== \n\nmore\n' > "$TMP/marks.adoc"
printf '====\n\n----\n\ntext\n' > "$TMP/marks.rst"
for f in marks.md marks.adoc marks.rst; do
	"$FOLIO" --outline "$TMP/$f" > "$TMP/out" 2>&1
	is "$?:$(grep -c '	$' "$TMP/out")" "0:0" \
		"$f: headings of markup only give no empty titles"
done

plan_done
