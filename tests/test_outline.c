/* Outline tests: each format's heading rules and their traps, on small
 * documents written here.  A failure means a reader would see a wrong
 * table of contents. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "outline.h"
#include "tap.h"

/* The outline as "LEVEL:LINE:TITLE|..." for compact comparison. */
static void
outline_of(const char *text, size_t len, const char *name,
    enum doc_format fmt, struct buf *out)
{
	struct document doc;
	struct outline o;
	size_t i;

	document_init_static(&doc, text, len, name ? name : "(stdin)");
	free(doc.path);
	doc.path = name != NULL ? strdup(name) : NULL;
	outline_init(&o);
	outline_build(&o, &doc, fmt);
	buf_reset(out);
	for (i = 0; i < o.n; i++)
		buf_addf(out, "%s%d:%lu:%.*s", i ? "|" : "", o.h[i].level,
		    o.h[i].line, (int)outline_title_len(&o, i),
		    outline_title(&o, i));
	outline_fini(&o);
	document_fini(&doc);
}

static void
check_n(const char *name, enum doc_format fmt, const char *text, size_t len,
    const char *want, const char *what)
{
	struct buf got = BUF_INIT;

	outline_of(text, len, name, fmt, &got);
	is_str(buf_str(&got), want, what);
	buf_fini(&got);
}

static void
check(const char *name, enum doc_format fmt, const char *text,
    const char *want, const char *what)
{
	struct buf got = BUF_INIT;

	outline_of(text, strlen(text), name, fmt, &got);
	is_str(buf_str(&got), want, what);
	buf_fini(&got);
}

static void
test_plain_guide(void)
{
	check("a.txt", FORMAT_AUTO,
	    "Why is this so slow?\n"
	    "A first paragraph that goes on for a while, long enough to be a paragraph and not a heading at all.\n"
	    "Getting Started the Right Way\n"
	    "There is a lot to say about this, and this paragraph says some of it at length, as paragraphs do.\n"
	    "Now, let me add some context.\n"
	    "The Role of hot module replacement\n"
	    "More text follows the heading here, with enough words in it to count as the body of a section.\n",
	    "1:3:Getting Started the Right Way|1:6:The Role of hot module replacement",
	    "plain: bare heading lines between paragraphs are headings; hooks and one-line sentences are not");
	check("a.txt", FORMAT_AUTO,
	    "Getting Started\n"
	    "folio is a reader for long articles; this paragraph starts with its name, in lower case.\n"
	    "Next Steps\n"
	    "git users will find the keys familiar, and this paragraph says so at some length too.\n",
	    "1:1:Getting Started|1:3:Next Steps",
	    "plain: a heading over a paragraph that starts in lower case");
	check("a.txt", FORMAT_AUTO,
	    "The short first line\n"
	    "continues here in lower case, so it is no heading.\n",
	    "",
	    "plain: a short line continued in lower case is a paragraph");
	check("a.txt", FORMAT_AUTO,
	    "Background\n\n"
	    "This section explains where the idea came from, and why it was\n"
	    "needed in the first place.\n",
	    "1:1:Background",
	    "plain: a bare heading above a hard-wrapped paragraph");
	check("a.txt", FORMAT_AUTO,
	    "This first line of a paragraph is long and has no full stop at\n"
	    "the end because the paragraph is wrapped at seventy columns.\n",
	    "",
	    "plain: the first line of a wrapped paragraph is not a heading");
	check("a.txt", FORMAT_AUTO,
	    "Contents\n"
	    "Introduction\n"
	    "Design Choices\n"
	    "Results\n\n"
	    "This paragraph is the body text that follows the table of contents above.\n",
	    "",
	    "plain: a run of heading-like lines is a table of contents");
	check("a.txt", FORMAT_AUTO,
	    "Introduction ............ 3\n\n"
	    "This paragraph is the body text that follows the table of contents line.\n",
	    "",
	    "plain: a line with dot leaders is a contents entry");
	check("a.txt", FORMAT_AUTO,
	    "Build it like this\n"
	    "    ./configure && make\n"
	    "and then you are done with the build, which is all there is to it.\n",
	    "",
	    "plain: a line introducing indented code is a lead-in");
	check("a.txt", FORMAT_AUTO,
	    "- Install the package and all of its dependencies first\n"
	    "The rest of the paragraph explains what the package does in detail.\n",
	    "",
	    "plain: list items are not headings");
	/* Lines are measured eight bytes at a time where they are plain
	 * prose (fmt_plain.c): two spaces in a row (a table's columns)
	 * must still be seen inside those eight bytes and across them. */
	check("a.txt", FORMAT_AUTO,
	    "Alpha Beta  Gamma Delta\n\n"
	    "A paragraph of text follows the row above, long enough for a body.\n\n"
	    "Abcdefg  Hijklm Nop\n\n"
	    "Another paragraph of text follows this row, also long enough.\n\n"
	    "Real Heading Here\n\n"
	    "And a paragraph under the real heading, which is long enough too.\n",
	    "1:9:Real Heading Here",
	    "plain: a line with two spaces in a row is a table row, not a heading");
	/* ... and every upper- and lower-case letter counted, Z and z too:
	 * a lower-case letter keeps a line from being ALL-CAPS */
	check("a.txt", FORMAT_AUTO,
	    "NAME\n"
	    "       quiz - a tool that asks questions and waits for answers.\n\n"
	    "QUIZ zz FOX STOP\n"
	    "       Text under it, indented as a man page's sections are.\n",
	    "1:1:NAME|2:4:QUIZ zz FOX STOP",
	    "plain: a line in capitals but for a word in lower case is not an ALL-CAPS heading");
}

static void
test_plain_marked(void)
{
	check("a.txt", FORMAT_AUTO,
	    "FROB(1)           General Commands Manual           FROB(1)\n\n"
	    "NAME\n       frob - frob the cards\n\nDESCRIPTION\n       Frob "
	    "frobs the cards, one after another, until none is left.\n\n"
	    "   Options\n       The options come before the file, as in "
	    "every command.\n\nURL\n       The home page is where it "
	    "always was.\n\nAUTHOR\n       Ann Writer (Frob Project)\n\n"
	    "Frob 1.0              2026-01-01              FROB(1)\n",
	    "1:3:NAME|1:6:DESCRIPTION|2:9:Options|1:12:URL|1:15:AUTHOR",
	    "plain: a manual page's subsections stand left of its text, a "
	    "line at its text's indent is text; a short section name is a "
	    "section");
	check("a.txt", FORMAT_AUTO,
	    "Usage: frob [OPTION]... FILE\nFrob the cards in FILE, one after "
	    "another, until none is left.\n\nExit status is 0 if all went "
	    "well, 1 otherwise.\n\nReport bugs to: bug-frob@example.org\n"
	    "Frob home page: <https://example.org/frob/>\n", "",
	    "plain: --help's synopsis and its lines with a mail address or "
	    "a URL are no headings");
	check("a.txt", FORMAT_AUTO,
	    "Usage: the basics\n\nThis section says how to use frob in the "
	    "ordinary way, with examples.\n", "1:1:Usage: the basics",
	    "plain: a title that starts 'Usage:' but names no option is one");
	check("a.txt", FORMAT_AUTO,
	    "NAME\n       frob - frob cards\n\nDESCRIPTION\n       The "
	    "description of frob goes on for a while, as man writes it.\n\n"
	    "        1. It is preceded by a header:\n\n"
	    "               diff --git a b\n\n"
	    "        2. It is followed by lines:\n\n               old mode\n\n"
	    "        3. It is followed by a two-line header\n\n"
	    "               --- a/file\n\n"
	    "           Similar to the header of a unified diff.\n",
	    "1:1:NAME|1:4:DESCRIPTION",
	    "plain: the third item of an indented list whose second was no "
	    "heading is none either (git-log(1))");
	check("a.txt", FORMAT_AUTO,
	    "Getting Started\n\nThis guide says how to start the program "
	    "and what it prints at first.\n\n=headless mode is the default "
	    "when no terminal is there, as in CI.\n\nRunning Tests\n\nThe "
	    "tests run with make check, and each prints what it checks as "
	    "it goes.\n",
	    "1:1:Getting Started|1:7:Running Tests",
	    "plain: a line starting '=headless' is text, not Perl's POD");
	check(NULL, FORMAT_AUTO,
	    "Help on module frob:\n\nNAME\n    frob - frob the cards\n\n"
	    "DESCRIPTION\n    The :mod:`frob` module frobs cards, as "
	    ":func:`frob.all` says.\n    Use it like this::\n\n"
	    "        frob.all()\n\n    See :class:`Deck` and :mod:`cards` "
	    "too, and ``frob`` literals.\n\nFUNCTIONS\n    all()\n"
	    "        Frob every card in the deck, one after another.\n",
	    "1:3:NAME|1:6:DESCRIPTION|1:14:FUNCTIONS",
	    "plain: pydoc's page is a manual, whatever reStructuredText "
	    "roles its docstrings have");
	check("a.txt", FORMAT_AUTO,
	    "TERMS AND CONDITIONS OF USE\n\n1. Definitions.\n\n"
	    "   \"Licence\" means these terms, as written here and in no "
	    "other place.\n\n2. Grant of Rights. Subject to these terms, "
	    "anyone may read this text.\n",
	    "1:1:TERMS AND CONDITIONS OF USE|1:3:1. Definitions.|"
	    "1:7:2. Grant of Rights.",
	    "plain: an ALL-CAPS heading over a clause's title, which ends "
	    "with a full stop, is a heading, and so is a title run into "
	    "its clause's text");
	check("a.txt", FORMAT_AUTO,
	    "1. Install the package.\n\nThe package comes from the "
	    "archive, as every other one does, signed.\n",
	    "", "plain: a step ending with a full stop, in lower case, is "
	    "no clause's title");
	check("a.txt", FORMAT_AUTO,
	    "TITLE\n=====\n\nIntro\n-----\n\nText.\n",
	    "1:1:TITLE|2:4:Intro",
	    "plain: '=' underlines are above '-' underlines");
	check("a.txt", FORMAT_AUTO,
	    "Title\n=====\n\nText.\n\nSub\n~~~\n\nText.\n\n"
	    "Two\n---\n\nText.\n\nSub\n~~~\n\nText.\n",
	    "1:1:Title|3:6:Sub|2:11:Two|3:16:Sub",
	    "plain: '~' underlines are not Markdown code fences");
	check("a.txt", FORMAT_AUTO,
	    "Title\r\n=====\r\n\r\nText.\r\n",
	    "1:1:Title",
	    "plain: CRLF line ends");
	check("a.txt", FORMAT_AUTO,
	    "\xEF\xBB\xBFTitle\n=====\n\nText.\n",
	    "1:1:Title",
	    "plain: a leading BOM is not part of the title");
	check("a.txt", FORMAT_AUTO,
	    "Table of contents:\n1. Documentation\n2. Efficiency\n\n"
	    "########################################\n1. Documentation\n"
	    "########################################\n\n- describe it\n\n"
	    "########################################\n2. Efficiency\n"
	    "########################################\n\n- make it fast\n",
	    "1:6:1. Documentation|1:12:2. Efficiency",
	    "plain: a short title between two long rules is a heading (GNU "
	    "MPFR's TODO); the list of them before is not");
	check("a.txt", FORMAT_AUTO,
	    "**************************************\n* Introduction\n"
	    "**************************************\n\nText of it.\n\n"
	    "#############\n# Features #\n#############\n\nMore text.\n",
	    "1:2:Introduction|1:8:Features",
	    "plain: a title boxed in the rule's character is shown "
	    "without the box (Free Pascal's README)");
	check("a.txt", FORMAT_AUTO,
	    "Intro text.\n\n----------------------------------------\n"
	    "Name      Value\n----------------------------------------\n"
	    "size      12\n",
	    "",
	    "plain: a table's header row between rules is no heading");
	check("a.txt", FORMAT_AUTO,
	    "Usage\n=====\n\nIt feeds this to the editor:\n\n"
	    "-----------------------------------\n"
	    "foo.c:2: printf(\"hello word!\\n\");\n"
	    "-----------------------------------\n\nAnd so on.\n",
	    "1:1:Usage",
	    "plain: a statement of code between two rules is no heading "
	    "(git-jump's README)");
	check("a.txt", FORMAT_AUTO,
	    "JPEG LIBRARY ARCHITECTURE\n\nThis file describes it.\n\n"
	    "*** System features ***\n\nThe distribution has two parts.\n\n"
	    "=== release 1.2 ===\n\nA change.\n\n"
	    "*** Be aware that names changed. ***\n\nA note.\n\n"
	    "--- start ---\n.if n \\{\\\n--- end ---\n",
	    "1:1:JPEG LIBRARY ARCHITECTURE|2:5:System features|"
	    "2:9:release 1.2",
	    "plain: a title framed by runs of a rule character between "
	    "blank lines is a heading (IJG's structure.txt), not a notice "
	    "that ends a sentence nor a marker right above an example");
	check("NEWS", FORMAT_AUTO,
	    "GNU thing NEWS                         -*- outline -*-\n\n"
	    "* Noteworthy changes in release 2.0 [stable]\n\n"
	    "** Bug fixes\n\n  It no longer crashes.\n\n"
	    "** New Features\n\n  A flag.\n\n"
	    "* Noteworthy changes in release 1.0\n\n"
	    "Text.\n*bold* is no heading, nor is *** alone\n**   \n",
	    "1:3:Noteworthy changes in release 2.0 [stable]|2:5:Bug fixes|"
	    "2:9:New Features|1:13:Noteworthy changes in release 1.0",
	    "plain: a document in Emacs outline mode has its lines of stars "
	    "for headings, one level a star (GNU NEWS)");
	check("TODO", FORMAT_AUTO,
	    "Things to do.\n\n* Internationalization\n\n"
	    "** updatedb should be translated\n\n"
	    "Local Variables:\nmode: outline\nEnd:\n",
	    "1:3:Internationalization|2:5:updatedb should be translated",
	    "plain: so does one that says so in its Local Variables");
	check("a.txt", FORMAT_AUTO,
	    "#!/bin/sh\n# -*- mode: outline; coding: utf-8 -*-\n\n"
	    "* One\n\nText.\n",
	    "1:4:One",
	    "plain: outline mode among other variables, after #!");
	check("a.txt", FORMAT_AUTO,
	    "A list of things -*- text -*-\n\n* First Item\n\n"
	    "Some text about the first item, long enough to be a body.\n",
	    "",
	    "plain: another mode does not make stars headings");
	check("NEWS", FORMAT_AUTO,
	    "systemd System and Service Manager\n\n"
	    "CHANGES WITH 252 \xF0\x9F\x8E\x83:\n\n"
	    "        Announcements of Future Feature Removals:\n\n"
	    "        * We intend to remove cgroup v1 support from systemd\n"
	    "          release after the end of 2023.\n\n"
	    "NOTE:\nThis line is at the margin, so the one above is a label "
	    "and no heading.\n\n"
	    "CHANGES WITH 251:\n\n        * Some more changes to the "
	    "service manager were made here.\n",
	    "1:3:CHANGES WITH 252 \xF0\x9F\x8E\x83:|1:13:CHANGES WITH 251:",
	    "plain: an ALL-CAPS line ending with ':' over indented text is "
	    "a heading (systemd's NEWS; an emoji is not a letter), not over "
	    "text at its own margin");
	check("NEWS", FORMAT_AUTO,
	    "-*- text -*-\n\nChanges in 2.40:\n\n"
	    "* Objdump has a new command line option.\n\n"
	    "Changes in 2.39:\n* The ELF linker now warns about stacks.\n"
	    "  It used to say nothing.\n\n"
	    "For the details see the manual, as it says there:\n"
	    "* Nothing here is a heading.\n",
	    "1:3:Changes in 2.40:|1:7:Changes in 2.39:",
	    "plain: a NEWS file's release lines ending with ':' are headings "
	    "(binutils), a lead-in that names no version is not");
	check("NEWS", FORMAT_AUTO,
	    "                     NEWS about frob\n\n"
	    "==============================\n\n"
	    "  For the latest news, see the web site of the project\n"
	    "  where the releases are.\n\n"
	    "==============================\n\n"
	    "\tMajor changes between versions 2 and 3\n\n"
	    "* Cards can be renamed now, by their oldest notes.\n\n"
	    "==============================\n\n"
	    "\tMajor changes between versions 1 and 2\n\n"
	    "* Notes are kept aside when they match no card.\n",
	    "1:10:Major changes between versions 2 and 3|"
	    "1:16:Major changes between versions 1 and 2",
	    "plain: the title after each separator rule and a blank line is "
	    "a heading, however indented (less's NEWS)");
	check("a.txt", FORMAT_AUTO,
	    "Some text of the guide, long enough to be a paragraph.\n\n"
	    "==============================\n\n"
	    "\tA Short Line\n\n"
	    "More text of the guide, long enough to be a paragraph too.\n",
	    "",
	    "plain: one rule over a short line does not make parts");
	check("NEWS", FORMAT_AUTO,
	    "==============================\n\n"
	    "\tMajor changes in 3\n\n* Cards can be renamed now.\n\n"
	    "==============================\n\n"
	    "\tMajor changes in 2\n\n* Notes are kept aside.\n\n"
	    "==========\nOld Notes\n==========\n\nA Short Line\n\n"
	    "    make cards\n",
	    "2:3:Major changes in 3|2:9:Major changes in 2|1:14:Old Notes",
	    "plain: the line after an overlined title is no part's title");
	check("a.txt", FORMAT_AUTO,
	    "NAME\n       frob - file notes on cards\n\nOPTIONS\n"
	    "   Filing notes\n"
	    "       -c        Count the cards instead of writing them, and "
	    "print\n                 the total. Nothing changes.\n",
	    "1:1:NAME|1:4:OPTIONS|2:5:Filing notes",
	    "plain: a man page's subsection over a tag and its description "
	    "(its sentence is on the description's second line)");
	check("a.txt", FORMAT_AUTO,
	    "NAME\n       frob cards tier - set the tier of the cards\n\n"
	    "FLAGS\n       --tier=TIER\n"
	    "           The tier the cards are kept in. TIER must be one of:\n\n"
	    "           PREMIUM\n"
	    "             Cards kept on the best paper, read the most often.\n\n"
	    "           STANDARD\n"
	    "             Cards kept on plain paper, for the notes of a day.\n",
	    "1:1:NAME|1:4:FLAGS",
	    "plain: a man page's ALL-CAPS values past the margin, over their "
	    "deeper descriptions, are no headings (gcloud's flags)");
	check("a.txt", FORMAT_AUTO,
	    "Some text of the guide, long enough to be a paragraph here.\n\n"
	    "Closing Notes Here\n"
	    "- Create the logfile with correct permissions, and remove the\n"
	    "  code setting up the logfile. Done.\n",
	    "",
	    "plain: but not over a list item that goes on deeper");
	check("a.txt", FORMAT_AUTO,
	    "A guide.\n\nSince version 2.3:\n* the options changed.\n\n"
	    "More text of the guide, long enough to be a paragraph here.\n",
	    "",
	    "plain: one lead-in naming a version does not make a NEWS file");
	check("a.txt", FORMAT_AUTO,
	    "TODO:\n\n    Write the rest.\n\nVersion Two Released\n\n"
	    "The second version of it all, with its features described.\n\n"
	    "Version One Released\n\n"
	    "The version before it, with fewer features than the other.\n",
	    "1:1:TODO:|1:5:Version Two Released|1:9:Version One Released",
	    "plain: an ALL-CAPS label with ':' nests nothing under it");
	check("a.txt", FORMAT_AUTO,
	    "Intro text.\n\nVersion One Released\n\n"
	    "The first version of it all, with its features described.\n\n"
	    "*** Please Read The README ***\n\nIt changed.\n\n"
	    "Version Two Released\n\n"
	    "The second version of it all, with more features than before.\n",
	    "1:3:Version One Released|1:7:Please Read The README|"
	    "1:11:Version Two Released",
	    "plain: a framed line neither nests the bare headings after it "
	    "nor makes them go");
	check("a.txt", FORMAT_AUTO,
	    "1. Introduction\n\nSome text for the introduction, long enough.\n\n"
	    "1.1 Scope\n\nSome text about the scope of it all, also long.\n\n"
	    "2. Design\n\nAnd the design itself, described in full here.\n",
	    "1:1:1. Introduction|2:5:1.1 Scope|1:9:2. Design",
	    "plain: numbered headings nest by the depth of their number");
	check("a.txt", FORMAT_AUTO,
	    "N\bNA\bAM\bME\bE\n       ls - list directory contents\n\n"
	    "D\bDE\bES\bSC\bCR\bRI\bIP\bPT\bTI\bIO\bON\bN\n"
	    "       List information about the FILEs.\n",
	    "1:1:NAME|1:4:DESCRIPTION",
	    "plain: man page output with overstrike");
	check("a.txt", FORMAT_AUTO,
	    "\x1b[1mNAME\x1b[0m\n       ls - list directory contents\n",
	    "1:1:NAME",
	    "plain: SGR sequences are stripped before detection");
}

static void
test_markdown(void)
{
	check("a.md", FORMAT_AUTO,
	    "# One\n\n```\n# not\n```\n\n    # not\n\n## Two ##\n\nThree\n=====\n",
	    "1:1:One|2:9:Two|1:11:Three",
	    "markdown: code blocks hide '#' lines; closing '#'s are markup");
	check("a.md", FORMAT_AUTO,
	    "---\ntitle: Front\n---\n# Real `code` *em*\n",
	    "1:4:Real code em",
	    "markdown: front matter is not a heading; titles lose markup");
	check("a.md", FORMAT_AUTO, "#\n\n# \n\nText\n", "",
	    "markdown: headings with only markup do not break anything");
	check(NULL, FORMAT_AUTO,
	    "Intro text.\n\n# First\n\nText.\n\n## Second\n\nMore.\n",
	    "1:3:First|2:7:Second",
	    "markdown: detected from content on standard input");
	check(NULL, FORMAT_AUTO,
	    "Known Bugs\n==========\n\nThe standard puts it that way:\n\n"
	    "# A conversion can add cv-qualifiers at levels\n"
	    "# other than the first, as follows.\n\nSo it is no bug.\n\n"
	    "Not a Bug\n---------\n\nThe example in it:\n\n"
	    "# [Note: if a program could assign a pointer\n"
	    "# of type T** to one of type const T**.]\n\nThat is all.\n",
	    "1:1:Known Bugs|2:11:Not a Bug",
	    "plain: blocks of lines quoted with '#' do not make a plain "
	    "document Markdown (a Debian README.Bugs)");
	check(NULL, FORMAT_AUTO,
	    "Intro text.\n\n~~~~~~~~~~~~~~~~~~~~\n\nFirst Part\n----------\n\n"
	    "Text.\n\n~~~~~~~~~~~~~~~~~~~~\n\nSecond Part\n-----------\n\n"
	    "Text.\n\n~~~~~~~~~~~~~~~~~~~~\n",
	    "1:5:First Part|1:12:Second Part",
	    "plain: long rows of '~' between parts are separators, not "
	    "Markdown code fences (automake's NEWS)");
	check(NULL, FORMAT_AUTO,
	    "NAME\n       ctags - Generate tag files\n\n"
	    "OPTIONS\n       --kinds-(<LANG>|all)=[+|-](<kinds>|*)\n"
	    "              Specifies kinds.\n\n"
	    "       --fields-(<LANG>|all)=[+|-][<flags>|*]\n"
	    "              Specifies fields, as --extras=[+|-](<x>|*) does.\n"
	    "       --roles-(<LANG>|all).(<kind>|all)=[+|-][<roles>|*]\n"
	    "              and --map-<LANG>=[+|-](<ext>|<pattern>) too.\n\n"
	    "SEE ALSO\n       etags(1)\n",
	    "1:1:NAME|1:4:OPTIONS|1:13:SEE ALSO",
	    "plain: a man page's option syntax \"[+|-](<kinds>|*)\" is no "
	    "Markdown link (ctags(1))");
	check("README", FORMAT_AUTO,
	    "frob-stack\n==========\n\nTo use it, run it like this:\n\n"
	    "----------------------------------\n"
	    "# file the new notes\nfrob add notes.txt\n\n"
	    "# count the cards\nfrob count\n\n"
	    "# and the ones kept aside\nfrob count --aside\n"
	    "---------------------------------\n\n"
	    "Limitations\n-----------\n\nIt was only tried with vim.\n",
	    "1:1:frob-stack|2:17:Limitations",
	    "plain: comments in lower case over the commands they explain "
	    "do not make a README Markdown (git-jump's)");
	check("inputrc", FORMAT_AUTO,
	    "# My inputrc, for the terminals I use.\n#\n# Bindings that "
	    "depend on the program.\n#\n\n# In all programs, make sure "
	    "this is bound.\n\"\\C-x\\C-r\": re-read-init-file\n\n"
	    "# Hp terminals have an odd default for C-h.\n"
	    "\"\\C-h\": backward-delete-char\n\n"
	    "# In xterm windows, make the arrow keys work.\n"
	    "\"\\e[A\": previous-history\n\n# Arrow key prefix\n"
	    "\"\\eOA\": previous-history\n",
	    "",
	    "plain: a file of '#' comments, sentences over the lines they "
	    "explain and '#' alone between them, is no Markdown (an "
	    "inputrc)");
	check("README", FORMAT_AUTO,
	    "# Build tool policy\n\nWhat the build needs.\n\n"
	    "## cmake\nThe version in Debian stable.\n\n"
	    "## ninja\n```\nninja -C build\n```\n",
	    "1:1:Build tool policy|2:5:cmake|2:8:ninja",
	    "markdown: a README whose headings have text right under them");
	check("a.txt", FORMAT_MARKDOWN, "Title\n=====\n", "1:1:Title",
	    "markdown: --format overrides the name");
	check_n("a.md", FORMAT_AUTO, "# A\0B\n", 6, "1:1:A\xEF\xBF\xBD" "B",
	    "markdown: a NUL in a title shows as U+FFFD");
	check("a.txt", FORMAT_AUTO,
	    "NAME\n       folio - read articles\n\n"
	    "ENVIRONMENT\n       FOLIO_CONFIG\n"
	    "              The configuration file to read.\n\n"
	    "       NO_COLOR\n"
	    "              When set, no colours are used at all.\n\n"
	    "SEE ALSO\n       less(1)\n",
	    "1:1:NAME|1:4:ENVIRONMENT|1:11:SEE ALSO",
	    "plain: a man page section starting with a tag is a section; "
	    "its ALL-CAPS tags are not");
	check("a.md", FORMAT_AUTO, "# A\r## B\n\n## C\n", "1:1:A|2:3:C",
	    "markdown: a heading after a bare CR shares the line and is "
	    "dropped, so sections stay in order (found by fuzzing)");
	check_n("a.adoc", FORMAT_AUTO, "= A\0\0B\n", 7,
	    "1:1:A\xEF\xBF\xBD\xEF\xBF\xBD" "B",
	    "asciidoc: so does a NUL in any format (found by fuzzing)");
	check_n("a.txt", FORMAT_AUTO, "Intro.\n\n1. A\0B\n\nText.\n", 21,
	    "1:3:1. A\xEF\xBF\xBD" "B", "plain: NUL in a numbered heading");
}

static void
test_asciidoc(void)
{
	check("a.adoc", FORMAT_AUTO,
	    "= Doc\n\n== One\n\n----\n== no\n----\n\n=== Two\n\nThree\n-----\n",
	    "1:1:Doc|2:3:One|3:9:Two|2:11:Three",
	    "asciidoc: '=' levels, listing blocks, two-line titles");
	check("a.txt", FORMAT_AUTO,
	    "My Guide\n========\n:toc:\n\n[[a]]\n== Part One\n\nText.\n\n"
	    "[[b]]\n== Part Two\n\nText.\n",
	    "1:1:My Guide|2:6:Part One|2:11:Part Two",
	    "asciidoc: detected from content in a .txt file");
	check("a.adoc", FORMAT_AUTO,
	    "== A\n\n****\nside\n----\n== x\n----\n****\n\n== B\n",
	    "2:1:A|2:10:B",
	    "asciidoc: nested delimited blocks");
}

/* In document text, is each '|'-separated string of `in` the start of a
 * verbatim range (code), and `out` in none? */
static void
verbatim_at(const char *name, const char *text, const char *in,
    const char *out, const char *what)
{
	struct document doc;
	struct outline o;
	char *list = strdup(in), *w, *save = NULL;
	bool ok = true;

	document_init_static(&doc, text, strlen(text), name);
	free(doc.path);
	doc.path = strdup(name); /* the format comes from the name */
	outline_init(&o);
	outline_build(&o, &doc, FORMAT_AUTO);
	for (w = strtok_r(list, "|", &save); w != NULL;
	    w = strtok_r(NULL, "|", &save))
		ok = ok && outline_is_verbatim(&o,
		    (size_t)(strstr(text, w) - text));
	ok = ok && !outline_is_verbatim(&o, (size_t)(strstr(text, out) - text));
	ok(ok, "%s", what);
	free(list);
	outline_fini(&o);
	document_fini(&doc);
}

static void
test_rst(void)
{
	check("a.rst", FORMAT_AUTO,
	    "=====\nTitle\n=====\n\nA\n--\n\nB\n~~\n\nC\n--\n",
	    "1:2:Title|2:5:A|3:8:B|2:11:C",
	    "rst: levels follow the order adornments first appear");
	check("a.rst", FORMAT_AUTO,
	    "Title\n=====\n\nExample::\n\n    Not\n    ---\n",
	    "1:1:Title",
	    "rst: indented literal blocks hold no titles");
	check("a.rst", FORMAT_AUTO,
	    "Sec ``lit`` and :ref:`x`\n========================\n",
	    "1:1:Sec lit and x",
	    "rst: inline markup is removed from titles");
	verbatim_at("a.rst",
	    "Title\n=====\n\n    A quotation, which is prose.\n\n"
	    "Run::\n\n  make \\\n  all\n\n>>> x()\n1\n\n"
	    "\tx::\n\n\t    code\n\n  >>> y()\n  2\n",
	    "make|all|>>> x()|1|code|>>> y()|2", "A quotation",
	    "rst: literal blocks (after '::', however little or much "
	    "indented, with tabs) and doctests (in a block quote too) are "
	    "verbatim, block quotes not");
}

static void
test_lookup(void)
{
	struct document doc;
	struct outline o;
	static const char text[] =
	    "# Alpha\n\ntext\n\n## Beta Gamma\n\ntext\n\n# Ünïcode Straße\n";

	document_init_static(&doc, text, sizeof text - 1, "x.md");
	free(doc.path);
	doc.path = strdup("x.md");
	outline_init(&o);
	outline_build(&o, &doc, FORMAT_AUTO);
	is_long(outline_lookup(&o, "2"), 1, "--section=2 is the second heading");
	is_long(outline_lookup(&o, "9"), -1, "--section beyond the last is none");
	is_long(outline_lookup(&o, "gamma"), 1, "--section=TEXT ignores case");
	is_long(outline_lookup(&o, "STRASSE"), 2,
	    "--section=TEXT folds Unicode case");
	is_long((long)outline_section_end(&o, 0, doc.len),
	    (long)o.h[2].offset, "a section ends at the next heading of its level");
	is_long(outline_find(&o, 0), 0, "offset 0 is in the first section");
	is_long(outline_find(&o, doc.len - 1), 2, "the last byte is in the last section");
	outline_fini(&o);
	document_fini(&doc);
}

int
main(void)
{
	test_plain_guide();
	test_plain_marked();
	test_markdown();
	test_asciidoc();
	test_rst();
	test_lookup();
	return tap_done();
}
