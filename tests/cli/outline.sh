# --outline and --toc on the team's test documents, from files and stdin.
. "$FOLIO_TESTS/lib.sh"

for doc in guide.txt underlined.txt overlined.txt numbered.txt rfc.txt manpage.txt \
	licence.txt centred.txt vimhelp.txt module.pm \
	changelog.Debian history.patch manual.md manual.adoc manual.rst; do
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

# A history as git prints it: known by its first line, wherever it comes
# from, and with the colours git gives it when its pager is folio.
"$FOLIO" --outline <"$FOLIO_TESTDATA/history.patch" >"$TMP/got"
cmp -s "$TMP/got" "$FOLIO_TESTDATA/history.patch.outline"
ok $? "git log -p piped in: a section per commit, one per file under it"
esc=$(printf '\033')
sed -e "s/^commit .*/$esc[33m&$esc[m/" -e "s/^diff .*/$esc[1m&$esc[m/" \
	-e "s/^-.*/$esc[31m&$esc[m/" -e "s/^+.*/$esc[32m&$esc[m/" \
	"$FOLIO_TESTDATA/history.patch" | "$FOLIO" --outline >"$TMP/got"
cmp -s "$TMP/got" "$FOLIO_TESTDATA/history.patch.outline"
ok $? "git log -p in colour: the same sections"

# A commit that adds Markdown is still read as a patch, not as Markdown.
cat >"$TMP/md.patch.txt" <<'DOC'
commit 0a1b2c3d4e5f60718293a4b5c6d7e8f901234567
Author: Ben Writer <ben@example.org>

    docs: an introduction

diff --git a/docs/intro.md b/docs/intro.md
--- /dev/null
+++ b/docs/intro.md
@@ -0,0 +1,13 @@
+# Introduction
+
+Read the [guide](guide.md) first, then *this*.
+
+```sh
+make check
+```
+
+## Building
+
+- `configure`, as the [install notes](install.md) say
+- `make`, as the [make manual](make.md) says
+- `make check`, as the [testing notes](testing.md) say
DOC
"$FOLIO" --outline "$TMP/md.patch.txt" >"$TMP/got"
is "$(cat "$TMP/got")" "1	1	docs: an introduction
2	6	docs/intro.md" "a patch adding Markdown is read as a patch"

# git format-patch: a mail a commit, its subject folded over two lines.
cat >"$TMP/series.mbox" <<'DOC'
From 4f3a9c2e81d7b6a5f0e4c3d2b1a0987654321fed Mon Sep 17 00:00:00 2001
From: Ada Reader <ada@example.org>
Date: Mon, 30 Nov 2026 10:12:44 +0000
Subject: [PATCH 1/2] pager: the status line names the section the top row
 is in

---
 docs/pager.md | 1 +
 1 file changed, 1 insertion(+)

diff --git a/docs/pager.md b/docs/pager.md
--- a/docs/pager.md
+++ b/docs/pager.md
@@ -1 +1,2 @@
 The bottom row shows the name of the document
+and the section.
-- 
2.39.5

From 0a1b2c3d4e5f60718293a4b5c6d7e8f901234567 Mon Sep 17 00:00:00 2001
From: Ben Writer <ben@example.org>
Subject: [PATCH 2/2] notes: the old draft goes

diff --git a/notes/draft.txt b/notes/draft.txt
DOC
"$FOLIO" --outline "$TMP/series.mbox" >"$TMP/got"
is "$(cat "$TMP/got")" "1	1	pager: the status line names the section the top row is in
2	11	docs/pager.md
1	20	notes: the old draft goes
2	24	notes/draft.txt" "git format-patch: a section per mail, titled with its subject"

# diff -u of two files: no diff line, a section from "--- " "+++ ".
cat >"$TMP/two.diff.txt" <<'DOC'
--- old/guide.txt	2026-11-30 10:12:44.000000000 +0000
+++ new/guide.txt	2026-12-01 09:00:00.000000000 +0000
@@ -1 +1 @@
-Read me first.
+Read me first, then the rest.
DOC
"$FOLIO" --outline "$TMP/two.diff.txt" >"$TMP/got"
is "$(cat "$TMP/got")" "1	1	new/guide.txt" "diff -u: the new file names the section, without its date"

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

# A large file's lines are read through a buffer (64 KiB at a time, then
# 256 KiB once 1 MiB has been read); the same text from standard input is
# read from memory.  The outlines must agree: headings across the buffer's
# edges and its growth, a line longer than the buffer, underlines and
# look-ahead that cross an edge.
large() { # large UNDERLINE: the document, with underlined parts or not
awk -v under="$1" 'BEGIN {
	for (i = 1; i <= 4500; i++) {
		if (under && i % 500 == 0) {
			printf "Underlined Part %d\n", i
			printf "-----------------\n\n"
		}
		printf "Plain Heading Number %d\n\n", i
		n = 1 + i % 7
		for (w = 0; w < n; w++)
			printf "A sentence of text for section %d goes here. ", i
		printf "\n\n"
		if (i == 1700) {
			for (w = 0; w < 9000; w++)
				printf "One very long line of words without end %d. ", w
			printf "\n\n"
		}
	}
}'
}
large 0 > "$TMP/bare.txt"
"$FOLIO" --outline "$TMP/bare.txt" > "$TMP/from-file"
"$FOLIO" --outline - < "$TMP/bare.txt" > "$TMP/from-stdin"
cmp -s "$TMP/from-file" "$TMP/from-stdin" &&
	[ "$(wc -l < "$TMP/from-file")" -eq 4500 ]
ok $? "4500 bare headings across the buffer's edges: the same from the file and from memory"
large 1 > "$TMP/large.txt"
[ "$(wc -c < "$TMP/large.txt")" -gt 1300000 ]
ok $? "the large test file spans the reader's small buffers and its large ones"
"$FOLIO" --outline "$TMP/large.txt" > "$TMP/from-file"
"$FOLIO" --outline - < "$TMP/large.txt" > "$TMP/from-stdin"
cmp -s "$TMP/from-file" "$TMP/from-stdin"
ok $? "a large file's outline is the same read from the file or from memory"
[ "$(wc -l < "$TMP/from-file")" -ge 6 ]
ok $? "and it finds the underlined headings ($(wc -l < "$TMP/from-file") of them)"
# lone CRs are turned into line ends in memory: the file is not read
tr '\n' '\r' < "$TMP/large.txt" > "$TMP/large-cr.txt"
"$FOLIO" --outline "$TMP/large-cr.txt" > "$TMP/from-cr"
cmp -s "$TMP/from-file" "$TMP/from-cr"
ok $? "a large file with CR line ends has the same outline"

# Outlines of many headings outgrow the heap: their arrays move to
# mappings of their own (xbig_grow: copied there past 256 KiB, moved to a
# larger one past 2 MiB, as 100 000 headings' 2.4 MB are), and back when
# a rescan leaves few headings.  Every heading must come through each.
awk 'BEGIN { for (i = 1; i <= 100000; i++)
	printf "Section Number %d\n\nThe text of section %d, in one sentence of words.\n\n", i, i }' \
	>"$TMP/many.txt"
"$FOLIO" --outline "$TMP/many.txt" >"$TMP/got"
awk 'BEGIN { for (i = 1; i <= 100000; i++)
	printf "1\t%d\tSection Number %d\n", 4 * i - 3, i }' >"$TMP/want"
cmp -s "$TMP/got" "$TMP/want"
ok $? "100 000 bare headings: every one listed, in order"
"$FOLIO" --toc "$TMP/many.txt" | sed -n '1p;99999p;100000p' >"$TMP/got"
printf '1 Section Number 1\n99999 Section Number 99999\n100000 Section Number 100000\n' \
	>"$TMP/want"
cmp -s "$TMP/got" "$TMP/want"
ok $? "--toc of them numbers the last 100000"
# an underlined heading at the end: the document marks its headings, the
# 100 000 bare lines are text after all
printf 'Closing Words\n=============\n\nThe last words of it, in one sentence.\n' \
	>>"$TMP/many.txt"
is "$("$FOLIO" --outline "$TMP/many.txt")" "$(printf '1\t400001\tClosing Words')" \
	"an underline after 100 000 bare headings leaves only the underlined one"

# Page breaks as RFCs have them (a footer, a "\f" line, the next page's
# header) wherever they fall, even inside a paragraph or right after a
# heading, change no heading.
cut -f 1,3 "$FOLIO_TESTDATA/rfc.txt.outline" >"$TMP/want"
bad=""
for len in 7 8 9 10 11 12 13 14 15 16 17; do
	awk -v len="$len" '{ print; if (++n == len) { n = 0; print ""
		printf "Writer                        Informational                    [Page %d]\n", ++p
		printf "\f\nRFC 9999             The Card Frobbing Protocol           January 2026\n\n" } }' \
		"$FOLIO_TESTDATA/rfc.txt" >"$TMP/paged.txt"
	"$FOLIO" --outline "$TMP/paged.txt" | cut -f 1,3 | cmp -s - "$TMP/want" ||
		bad="$bad $len"
done
is "$bad" "" "page breaks every 7 to 17 lines leave the outline as it is"

# md4c and PCRE2 are loaded when first needed: without them (as when
# their package was removed after folio was built), folio says which
# package is missing rather than show an outline that lost its headings
# or a search that finds nothing.
FOLIO_TEST_MISSING=libmd4c.so.0 "$FOLIO" --outline \
	"$FOLIO_TESTDATA/notes.md" >"$TMP/out" 2>"$TMP/err"
is "$?:$(cat "$TMP/err")" \
	"0:folio: libmd4c.so.0 is missing (Debian package libmd4c0): Markdown outlined as plain text" \
	"without md4c, --outline of Markdown says which package is missing"
"$FOLIO" --outline "$FOLIO_TESTDATA/notes.md" 2>"$TMP/err" | grep -q 'Why compress'
ok $? "and with it, it outlines the document with nothing said"
is "$(cat "$TMP/err")" "" "(nothing at all)"
FOLIO_TEST_MISSING='libz.so.1 libpcre2-8.so.0' "$FOLIO" --count=compress \
	"$FOLIO_TESTDATA/notes.md" >"$TMP/out" 2>"$TMP/err"
is "$?:$(cat "$TMP/err")" \
	"2:folio: Search needs libpcre2-8.so.0 (Debian package libpcre2-8-0)" \
	"without PCRE2, a search says which package is missing"

plan_done
