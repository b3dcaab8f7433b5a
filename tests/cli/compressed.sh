# Compressed documents: gzip, xz and zstd open directly, recognised by
# their first bytes; corrupt and truncated ones are clear errors.
. "$FOLIO_TESTS/lib.sh"
N="$FOLIO_TESTDATA/notes.md"
"$FOLIO" --outline "$N" > "$TMP/want"

for z in gz xz zst; do
	"$FOLIO" --outline "$N.$z" > "$TMP/got" 2>&1
	is "$?:$(cat "$TMP/got")" "0:$(cat "$TMP/want")" \
		"notes.md.$z: the outline of the Markdown inside"
	cp "$N.$z" "$TMP/plain-name.txt"
	"$FOLIO" --outline "$TMP/plain-name.txt" | head -n 1 > "$TMP/got"
	is "$(cat "$TMP/got")" "1	1	Field Notes on Compression" \
		"$z: recognised by its bytes, whatever the name"
	"$FOLIO" --print --width=72 - < "$N.$z" > "$TMP/got"
	is "$(head -n 1 "$TMP/got")" "# Field Notes on Compression" \
		"$z: on standard input too"
	size=$(wc -c < "$N.$z")
	head -c $((size - 20)) "$N.$z" > "$TMP/cut.md.$z"
	"$FOLIO" --outline "$TMP/cut.md.$z" > "$TMP/out" 2> "$TMP/err"
	is "$?:$(cat "$TMP/out" "$TMP/err")" \
		"2:folio: $TMP/cut.md.$z: truncated $( [ $z = gz ] && echo gzip || { [ $z = xz ] && echo xz || echo zstd; } ) data" \
		"$z: a truncated file is a clear error, exit 2"
done

# Corrupt data: the magic bytes, then garbage.
printf '\037\213\010\000garbage, not deflate at all' > "$TMP/bad.gz"
printf '\3757zXZ\000garbage, not lzma at all......' > "$TMP/bad.xz"
printf '\050\265\057\375garbage, not zstd at all' > "$TMP/bad.zst"
for f in bad.gz bad.xz bad.zst; do
	"$FOLIO" --print "$TMP/$f" > "$TMP/out" 2> "$TMP/err"
	st=$?
	grep -qx "folio: $TMP/$f: corrupt [a-z]* data" "$TMP/err"
	ok $? "$f: corrupt data says so"
	is "$st:$(wc -c < "$TMP/out")" "2:0" "$f: exit 2, nothing printed"
done

# Two gzip members one after the other (as gzip appends) are one text.
cat "$N.gz" "$N.gz" > "$TMP/twice.md.gz"
is "$("$FOLIO" --outline "$TMP/twice.md.gz" | wc -l)" \
	"$((2 * $(wc -l < "$TMP/want")))" "concatenated gzip members are read to the end"

# Compressed bytes are never taken for text: this gzip file has a CR byte
# and no LF byte, which a CR-line-end pass over it would have corrupted.
is "$("$FOLIO" --outline "$FOLIO_TESTDATA/cr-bytes.md.gz" 2>&1)" "1	1	T1" \
	"line ends are looked at after decompressing, not before"

plan_done
