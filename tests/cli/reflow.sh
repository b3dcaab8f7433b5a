# Reflowing: prose paragraphs are rejoined and wrapped to the width; code,
# tables, lists' item starts and headings keep their lines.  (--print uses
# the same layout as the pager.)
. "$FOLIO_TESTS/lib.sh"

cat >"$TMP/wrapped.txt" <<'DOC'
Notes on the Build
==================

This paragraph was wrapped at about sixty columns by the
editor of the person who wrote it, so its lines end where
that editor chose and not where the reader's screen does.

Short lines
stay apart.

 * A list item that goes on for long enough to be wrapped
   onto a second line by the same editor.
 * A second item.

Run this:

    ./configure --prefix=/usr --with-many-options --and-more-options-here
    make

  Name        Size    Kind
  alpha       12      file
  beta        7       dir
DOC
"$FOLIO" --print --width=80 "$TMP/wrapped.txt" >"$TMP/out"
grep -q '^This paragraph was wrapped at about sixty columns by the editor of the person$' "$TMP/out"
ok $? "a hard-wrapped paragraph is rejoined and filled to the width"
grep -q '^who wrote it, so its lines end where that editor chose and not where the$' "$TMP/out"
ok $? "and its words flow on across the old line ends"
grep -q '^Short lines$' "$TMP/out" && grep -q '^stay apart\.$' "$TMP/out"
ok $? "a deliberately short line is not joined to the next"
grep -q '^ \* A list item that goes on for long enough to be wrapped onto a second line by$' "$TMP/out"
ok $? "a list item's continuation lines join the item"
grep -q '^   the same editor\.$' "$TMP/out"
ok $? "and wrap under its text, not under its bullet"
grep -q '^ \* A second item\.$' "$TMP/out"
ok $? "the next item starts its own line"
grep -q '^    ./configure --prefix=/usr --with-many-options --and-more-options-here$' "$TMP/out" &&
	grep -q '^    make$' "$TMP/out"
ok $? "indented code keeps its lines"
grep -q '^  alpha       12      file$' "$TMP/out"
ok $? "table rows keep their lines and columns"
grep -q '^==================$' "$TMP/out"
ok $? "a heading and its underline stay as they are"

"$FOLIO" --print --width=30 "$TMP/wrapped.txt" >"$TMP/out"
grep -q '^    ./configure --prefix=/usr$' "$TMP/out"
ok $? "code wider than the width is broken at the width exactly"

printf '       Mandatory  arguments  to  long  options are manda\342\200\220\n       tory for short options too.\n' >"$TMP/man.txt"
"$FOLIO" --print --width=70 "$TMP/man.txt" >"$TMP/out"
is "$(head -n 1 "$TMP/out")" \
	"       Mandatory arguments to long options are mandatory for short" \
	"man-page justification blanks become single spaces, hyphenated words rejoin"

# groff breaks lines after the hyphen of a compound word; a dash is a dash
printf '%s\n' \
	'Bash can be configured to be fully compliant with the POSIX-' \
	'conformant behaviour by default, and this line is long enough -' \
	'the dash stays apart from its words when the lines are joined.' \
	>"$TMP/compound.txt"
"$FOLIO" --print --width=200 "$TMP/compound.txt" >"$TMP/out"
grep -q 'with the POSIX-conformant behaviour' "$TMP/out"
ok $? "a compound word broken after its hyphen is joined without a space"
grep -q 'long enough - the dash' "$TMP/out"
ok $? "a dash at a line end stays a dash between spaces"
"$FOLIO" --print --width=60 "$TMP/compound.txt" >"$TMP/out"
is "$(sed -n '1s/.* //p;2s/ .*//p' "$TMP/out" | tr '\n' ' ')" "POSIX- conformant " \
	"a row may still end after the compound's hyphen, with no blank left"
grep -q ' $' "$TMP/out"
ok $((!$?)) "no row ends in a blank"

# reStructuredText: a block quote is prose, a literal block is code
cat >"$TMP/doc.rst" <<'DOC'
Cards
=====

Cards are written in the order of their titles, one to a page, and the
notes on each are kept in the order they were filed in, oldest first;
the guide says this about the stack, in a quotation:

    A stack of cards is kept in the order of their titles, and a new
    card goes where its title puts it among the others.

Build it with::

  make cards \
  SIZE=40

.. code-block:: sh

   frob count --aside
   frob count

>>> frob.count()
12

    A quoted session:

    >>> total = frob.count(aside=True)
    >>> total
    3
DOC
"$FOLIO" --print --width=80 "$TMP/doc.rst" >"$TMP/out"
grep -q '^    A stack of cards is kept in the order of their titles, and a new card goes$' "$TMP/out"
ok $? "rst: an indented block quote is reflowed as prose"
grep -q '^  make cards \\$' "$TMP/out" && grep -q '^  SIZE=40$' "$TMP/out"
ok $? "rst: a literal block after '::' keeps its lines, however little indented"
grep -q '^   frob count --aside$' "$TMP/out" && grep -q '^   frob count$' "$TMP/out"
ok $? "rst: a code-block directive's text keeps its lines"
grep -q '^>>> frob.count()$' "$TMP/out" && grep -q '^12$' "$TMP/out"
ok $? "rst: a doctest block keeps its lines"
grep -q '^    >>> total = frob.count(aside=True)$' "$TMP/out" &&
	grep -q '^    >>> total$' "$TMP/out" && grep -q '^    3$' "$TMP/out"
ok $? "rst: so does one in a block quote"

cat >"$TMP/doc.md" <<'DOC'
# Title

A Markdown paragraph
over three
short lines.

<!-- a comment
kept as written -->

| a | b |
|---|---|
| 1 | 2 |

Hard break here  
and after it.

1. Build it
    * Get the code:
        * Clone the repository
          if you have not yet
    * Make it

> A quoted paragraph that holds values between 0 and
> 255. If you try more, it
> overflows.
>
> ```
> quoted code
> ```
> After the code.

1. Step one
goes on here
2. Step two
DOC
"$FOLIO" --print --width=80 "$TMP/doc.md" >"$TMP/out"
grep -q '^A Markdown paragraph over three short lines\.$' "$TMP/out"
ok $? "Markdown paragraph lines are joined"
grep -q '^<!-- a comment$' "$TMP/out"
ok $? "Markdown HTML blocks keep their lines"
grep -q '^| 1 | 2 |$' "$TMP/out"
ok $? "Markdown tables keep their lines"
grep -q '^and after it\.$' "$TMP/out"
ok $? "a Markdown hard break (two trailing spaces) is kept"
grep -q '^1\. Build it$' "$TMP/out" && grep -q '^    \* Get the code:$' "$TMP/out" &&
	grep -q '^    \* Make it$' "$TMP/out"
ok $? "Markdown: a nested list's items, indented 4, are not joined to their parent"
grep -q '^        \* Clone the repository if you have not yet$' "$TMP/out"
ok $? "Markdown: an item's own lines are still joined"
grep -q '^> A quoted paragraph that holds values between 0 and 255\. If you try more, it$' "$TMP/out" &&
	grep -q '^  overflows\.$' "$TMP/out"
ok $? "Markdown: a block quote's lines are joined, its rows hang past the '>'"
grep -q '^> quoted code$' "$TMP/out" && grep -q '^> ```$' "$TMP/out" &&
	grep -q '^> After the code\.$' "$TMP/out"
ok $? "Markdown: code in a block quote keeps its lines, its fences too"
grep -q '^1\. Step one goes on here$' "$TMP/out" && grep -q '^2\. Step two$' "$TMP/out"
ok $? "Markdown: a numbered item after a lazy line of the one before starts anew"

cat >"$TMP/doc.adoc" <<'DOC'
= Title

An AsciiDoc paragraph
over two lines.
ifdef::env-github[]
Shown on GitHub only
and joined.
endif::[]
include::part.adoc[]
Text after the include.
DOC
"$FOLIO" --print --width=80 "$TMP/doc.adoc" >"$TMP/out"
grep -q '^An AsciiDoc paragraph over two lines\.$' "$TMP/out"
ok $? "AsciiDoc paragraph lines are joined"
grep -q '^ifdef::env-github\[\]$' "$TMP/out" && grep -q '^endif::\[\]$' "$TMP/out" &&
	grep -q '^Shown on GitHub only and joined\.$' "$TMP/out"
ok $? "AsciiDoc: preprocessor directives keep lines of their own"
grep -q '^include::part\.adoc\[\]$' "$TMP/out" && grep -q '^Text after the include\.$' "$TMP/out"
ok $? "AsciiDoc: a block macro is a line of its own, before text too"

# A mail's quoted lines in plain text: joined as their text, the '>' of
# the next ones gone, rows hanging past the quote; deeper quotes apart.
cat >"$TMP/mail.txt" <<'DOC'
On Monday Bob wrote:
> I think the build should move to a newer compiler, because the old
> one fails on the new code that we added last week to the parser.
> > And a nested quote that goes on for quite a while here, it seems
> > to continue on this line as well.

I agree.
DOC
"$FOLIO" --print --width=40 "$TMP/mail.txt" >"$TMP/out"
grep -q '^> I think the build should move to a$' "$TMP/out" &&
	grep -q '^  last week to the parser\.$' "$TMP/out" && ! grep -q '.> [a-z]' "$TMP/out"
ok $? "plain: a mail's quoted lines are joined without their '>' inside"
grep -q '^> > And a nested quote that goes on for$' "$TMP/out" &&
	grep -q '^    quite a while here, it seems to$' "$TMP/out"
ok $? "plain: a deeper quote is a paragraph of its own, hanging past its '> >'"

# --help output: long options indented past the short ones, an option too
# long for two blanks before its text.
cat >"$TMP/help.txt" <<'DOC'
Usage: frob [OPTION]... FILE
Frob the cards in FILE.

  -C                         list the cards by columns
      --colour[=WHEN]        colour the output WHEN; more about that below
  -s, --section=N|TEXT only section N (1-based, in the order of the list)
                       or the first whose title contains TEXT
DOC
"$FOLIO" --print --width=60 "$TMP/help.txt" >"$TMP/out"
grep -q '^      --colour\[=WHEN\]        colour the output WHEN; more$' "$TMP/out" &&
	grep -q '^                             about that below$' "$TMP/out"
ok $? "--help: a long option indented past the short ones is not code"
grep -q '^  -s, --section=N|TEXT only section N (1-based, in the order$' "$TMP/out" &&
	grep -q '^                       of the list) or the first whose title$' "$TMP/out"
ok $? "--help: an option one blank from its text goes on under that text"

# A list item's text on the lines under it, at the column of the text
# after its marker, is prose however deep, not code cut mid-word.
cat >"$TMP/items.txt" <<'DOC'
Frob has two mailing lists, each with its own purpose and its archive:

  * frob@example.org
    For general discussions of frob and its interactions with the other
    card tools, such as deck and table.
DOC
"$FOLIO" --print --width=50 "$TMP/items.txt" >"$TMP/out"
is "$(sed -n '5,7p' "$TMP/out")" "    For general discussions of frob and its
    interactions with the other card tools, such
    as deck and table." "a list item's text under it is reflowed, not cut as code"

# A synopsis over several lines (git --help, argparse): its lines below
# "usage:" are not code, and its rows hang past the command's name.
cat >"$TMP/usage.txt" <<'DOC'
usage: frob [-v | --version] [-h | --help] [-C <path>] [-c <name>=<value>]
            [--exec-path[=<path>]] [--no-replace-objects] [--bare]
            <command> [<args>]
DOC
"$FOLIO" --print --width=40 "$TMP/usage.txt" >"$TMP/out"
is "$(cat "$TMP/out")" "usage: frob [-v | --version] [-h |
            --help] [-C <path>] [-c
            <name>=<value>]
            [--exec-path[=<path>]]
            [--no-replace-objects]
            [--bare] <command> [<args>]" \
	"--help: a synopsis's rows hang past its name, not cut as code"
printf 'Usage: this call is deprecated since 2.0 and goes away in 3.0, so do not use it.\n' >"$TMP/usage2.txt"
"$FOLIO" --print --width=40 "$TMP/usage2.txt" >"$TMP/out"
is "$(sed -n 2p "$TMP/out")" "and goes away in 3.0, so do not use it." \
	"a sentence that starts 'Usage:' is prose, its rows not hung"
printf 'Turn it off with --no-replace-objects, or leave it.\n' >"$TMP/opt.txt"
"$FOLIO" --print --width=30 "$TMP/opt.txt" >"$TMP/out"
grep -q '^--no-replace-objects, or leave$' "$TMP/out"
ok $? "an option is not broken after one of its inner hyphens"

# A table of contents with dot leaders: too wide, its leaders give way;
# its lines never join.
cat >"$TMP/toc.txt" <<'DOC'
Contents

   1   Introduction .....................................................2
   1.1  Purpose ...........................................................2
   2   Terms ............................................................3
DOC
"$FOLIO" --print --width=50 "$TMP/toc.txt" >"$TMP/out"
grep -q '^   1\.1  Purpose \.\.\.*2$' "$TMP/out" && [ "$(grep -c '\.\.\.' "$TMP/out")" -eq 3 ] &&
	[ "$(awk '{ if (length > m) m = length } END { print m }' "$TMP/out")" -le 50 ]
ok $? "dot leaders are shortened to fit, a line each"

# A guide written one paragraph a line, nothing between paragraphs: their
# first rows are indented, as a book's, but not the first after a heading.
{
	printf 'Guide\n=====\n'
	for p in one two three four; do
		printf 'Paragraph %s starts here and goes on for long enough to be wrapped on the screen at least once, maybe twice.\n' "$p"
	done
} >"$TMP/lines.txt"
"$FOLIO" --print --width=60 "$TMP/lines.txt" >"$TMP/out"
grep -q '^Paragraph one starts' "$TMP/out" && grep -q '^  Paragraph two starts' "$TMP/out" &&
	grep -q '^  Paragraph four starts' "$TMP/out"
ok $? "paragraphs written one a line, not spaced, start indented (not after a heading)"
[ "$(grep -c '^  ' "$TMP/out")" -eq 3 ]
ok $? "only their first rows"
sed 's/^Paragraph/\nParagraph/' "$TMP/lines.txt" >"$TMP/spaced.txt"
! "$FOLIO" --print --width=60 "$TMP/spaced.txt" | grep -q '^  '
ok $? "paragraphs with blank lines between them are not indented"

# Lists of symbols, paths or addresses, one a line, are not prose: two
# lines of one word each keep their lines, beside a tag too; a line with
# words still joins one of them.
cat >"$TMP/symbols.txt" <<'DOC'
Exported symbols of the library, one a line, as the linker writes them
for the packager who keeps the list:

FUNC:_ZNSt11logic_errorC1ERKNSt7__cxx1112basic_stringIcEE@@GLIBCXX_3.4.21
FUNC:_ZNSt11logic_errorC2EPKc@@GLIBCXX_3.4.21
FUNC:_ZNSt12domain_errorC1ERKNSt7__cxx1112basic_stringIcEE@@GLIBCXX_3.4.21

  Alias        Address
  default      https://www.example.org/auth/devstorage.read_only.scope
               https://www.example.org/auth/logging.write.scope.long

The addresses above are where the service answers, and this line says so
https://www.example.org/a/very/long/path/to/the/page/that/explains/it
in a sentence that goes on after the address and ends at last here.
DOC
"$FOLIO" --print --width=80 "$TMP/symbols.txt" >"$TMP/out"
grep -q '^FUNC:_ZNSt11logic_errorC2EPKc@@GLIBCXX_3.4.21$' "$TMP/out" &&
	[ "$(grep -c '^FUNC:' "$TMP/out")" -eq 3 ]
ok $? "a list of one-word lines keeps its lines"
grep -q '^               https://www.example.org/auth/logging.write.scope.long$' "$TMP/out"
ok $? "one word beside a tag and one under it stay two lines"
grep -q '/explains/it in a$' "$TMP/out"
ok $? "an address alone on a line of prose still joins the prose after it"

# A log and a tool's output are records, a line each: lines that start
# with a stamp, or each with a field ("Name: value"), are not joined.
cat >"$TMP/records.txt" <<'DOC'
2026-12-06 17:34:49 startup archives unpack for the packages given
2026-12-06 17:34:50 upgrade libexample0:amd64 1.2.3-1 1.2.4-1
update-alternatives 2026-12-06 17:34:51: run with --install /usr/bin/pager
update-alternatives 2026-12-06 17:34:52: link group pager updated to less
Dec  6 17:34:53 host kernel: a message long enough to be joined with the next
Dec  6 17:34:54 host kernel: and the next one, which is a record of its own

Files: src/reader.c src/screen.c src/wrap.c src/layout.c
Copyright: 2026 The folio developers of the terminal reader
License: the license of the whole of this program

/srv/fonts: caching, new cache contents: 0 fonts, 1 dirs
/srv/fonts/truetype: caching, new cache contents: 22 fonts, 0 dirs

39bb565 tests: a field after one of another kind joins (the libjpeg case)
8c135f5 layout: a log's lines and a list of fields are records, not prose
^8214509 (folio developers 2026-11-23 09:12:46 +0000 1) a line of a blame
^8214509 (folio developers 2026-11-23 09:12:46 +0000 2) and the one after

docs/guide.txt:12:the line of a file that grep found, long enough to fill a row
docs/guide.txt:14:and the next line that grep found, its path first like the one
1425:CAUTION: it appears that the text grep found in one file is long
1426:files: 0 represents the next match of the same search, with its number

A paragraph of prose whose second line starts with a word and a colon
example: it is still prose, and it joins the line before it as it did.

CAUTION: a warning written in prose whose next line starts, by chance,
files: with a word and a colon, goes on its sentence: the two lines join.
DOC
"$FOLIO" --print --width=100 "$TMP/records.txt" >"$TMP/out"
[ "$(grep -c '^2026-12-06 ' "$TMP/out")" -eq 2 ] &&
	[ "$(grep -c '^update-alternatives ' "$TMP/out")" -eq 2 ] &&
	[ "$(grep -c '^Dec  6 ' "$TMP/out")" -eq 2 ]
ok $? "a log's lines, each with its stamp, are not joined"
grep -q '^Copyright: 2026 The folio developers of the terminal reader$' "$TMP/out" &&
	grep -q '^/srv/fonts/truetype: caching' "$TMP/out"
ok $? "field lines ('Name: value') are not joined"
grep -q '^8c135f5 layout' "$TMP/out" && grep -q '^\^8214509 (folio developers 2026-11-23 09:12:46 +0000 2)' "$TMP/out"
ok $? "git log --oneline and git blame lines are not joined"
grep -q '^docs/guide.txt:14:and the next' "$TMP/out" && grep -q '^1426:files' "$TMP/out"
ok $? "grep's lines (path: or line number:) are not joined"
grep -q 'with a word and a colon example: it is still prose' "$TMP/out"
ok $? "a prose line starting with a word and a colon still joins"
grep -q 'starts, by chance, files: with a word' "$TMP/out"
ok $? "a field after one of another kind (CAUTION: then files:) joins"

# Three lines that start with one word are a tool's output (configure's
# "checking ..."), not a paragraph; two in prose still join.
cat >"$TMP/run.txt" <<'DOC'
checking for a BSD-compatible install... /usr/bin/install -c
checking whether build environment is sane... yes
checking for a race-free mkdir -p... /usr/bin/mkdir -p
checking for gawk... no

Of every document it opened, the reader keeps the place, and with it
the section that place is in, the time it was left there, and then
the next line starts with the word the line before it did.
DOC
"$FOLIO" --print --width=100 "$TMP/run.txt" >"$TMP/out"
[ "$(grep -c '^checking ' "$TMP/out")" -eq 4 ]
ok $? "three lines or more starting with one word keep their lines"
grep -q 'and then the next line starts' "$TMP/out"
ok $? "two lines of prose starting with one word still join"

# Three lines of the same shape (as many words, one of the second to
# fifth the same, no sentence ending) are a tool's output too, mount's;
# prose is not: lines that share a word but end a sentence, or are alike
# in different ways (the same shape, then the same start), still join.
cat >"$TMP/shape.txt" <<'DOC'
proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)
sysfs on /sys type sysfs (rw,nosuid,nodev,noexec,relatime)
tmpfs on /run type tmpfs (rw,nosuid,nodev,size=3285736k,nr_inodes=819200,mode=755)
/dev/sda1 on / type ext4 (rw,relatime,errors=remount-ro)
DOC
"$FOLIO" --print --width=100 "$TMP/shape.txt" >"$TMP/out"
cmp -s "$TMP/out" "$TMP/shape.txt"
ok $? "lines of one shape keep their lines (mount's output)"
cat >"$TMP/prose.txt" <<'DOC'
This is a paragraph of commands used only in one mode, or only
after an operator.  The commands that start with a select the object
including white space, the commands starting with i select the inner one
without white space, or just the white space.  Thus the inner commands
always select less text than the others do.

While it reads, in the middle of the screen the reader keeps the text
it shows, and on the left of it the table of contents lists sections
of it, and at the top of the window the title of it is
shown above the text, with the place in it.

You may add your own statement of copyright to the changes you make and
may set other terms and conditions of their own for the use,
for copying, other terms for the distribution of all the changes, or
for any such work as a whole, provided your use of the work complies
with the conditions stated in this licence.
DOC
"$FOLIO" --print --width=200 "$TMP/prose.txt" >"$TMP/out"
grep -q 'select the object including white space, the commands starting' \
	"$TMP/out"
ok $? "prose whose lines share words but end sentences joins"
grep -q 'keeps the text it shows, .* lists sections of it, and at the top of the window the title' \
	"$TMP/out"
ok $? "prose whose lines share only small words (the) joins"
grep -q 'for the use, for copying, other terms' "$TMP/out"
ok $? "prose alike one way, then another, joins"

# A line indented deeper than the width leaves room for: its text starts
# at the hang (half the width at most), not on the row after an empty one.
cat >"$TMP/deep.txt" <<'DOC'
The scopes each alias stands for, in a table whose second column is deep:

  Alias                              Scope
  default                            https://www.example.org/auth/one
                                     https://www.example.org/auth/two
DOC
"$FOLIO" --print --width=37 "$TMP/deep.txt" >"$TMP/out"
is "$(sed -n '7,8p' "$TMP/out")" "  https://www.example.org/auth/one
                  https://" "a deep line's first row is not left empty"

# A patch piped in (git log -p) keeps its lines: an added line of prose
# is not joined to the next.
"$FOLIO" --print --width=80 <"$FOLIO_TESTDATA/history.patch" >"$TMP/out"
grep -q '^+and how far into it you are, and the title of$' "$TMP/out" &&
	grep -q '^diff --git a/db/schema.sql b/db/schema.sql$' "$TMP/out"
ok $? "a patch on standard input keeps its lines"

# Source code and configuration, known by name, keep their lines: the
# same text named .txt is reflowed (a comment joins the type after it).
cat >"$TMP/prog.c" <<'DOC'
	view_outline_sync(v);
}

/* Is the TOC shown: wanted, with room, and two headings at least? */
static bool
toc_fits(const struct view *v)
{
	return v->toc_wanted && v->o->n >= 2 &&
	    v->screen_cols >= VIEW_TOC_MIN_COLS;
}
DOC
cp "$TMP/prog.c" "$TMP/prog.txt"
mkdir -p "$TMP/src"
cp "$TMP/prog.c" "$TMP/src/Makefile"
"$FOLIO" --print --width=80 "$TMP/prog.txt" | grep -q 'least? \*/ static$'
ok $? "(named .txt, code is read as prose)"
expand "$TMP/prog.c" >"$TMP/prog.want"
"$FOLIO" --print --width=80 "$TMP/prog.c" | cmp -s - "$TMP/prog.want"
ok $? "a .c file is printed with its lines as written"
"$FOLIO" --print --width=80 "$TMP/src/Makefile" | cmp -s - "$TMP/prog.want"
ok $? "and so is a Makefile"
# A line as written that is too wide wraps at a blank, its next rows a
# step (4) deeper than its first, as editors wrap code.
printf '\tif (toc_fits(v) && v->screen_cols >= VIEW_TOC_MIN_COLS)\n\t\treturn;\n' >"$TMP/wide.c"
is "$("$FOLIO" --print --width=40 "$TMP/wide.c")" "        if (toc_fits(v) &&
            v->screen_cols >=
            VIEW_TOC_MIN_COLS)
                return;" "a wide line of code wraps at blanks, its rows a step deeper"

"$FOLIO" --print --raw --width=80 "$TMP/wrapped.txt" | grep -q '^editor of the person who wrote it, so its lines end where$'
ok $? "--raw keeps the document's own lines"

plan_done
