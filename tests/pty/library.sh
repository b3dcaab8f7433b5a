# The library: a folder or several files as a list of articles to open,
# filter, sort, and come back to.
. "$FOLIO_TESTS/pty/lib.sh"
PTY_STATE="$TMP/shared-state"
# The row shown in reverse video: the selection.
sel_row() { screen_escapes | grep -n $'\e\\[[0-9;]*7m' | head -n 1 | cut -d: -f1; }
A="$TMP/articles"
mkdir -p "$A/sub"
printf '# Alpha Notes\n\n## One\n\ntext\n\n## Two\n\ntext\n' > "$A/a.md"
make_long_doc "$A/b.txt"
printf '# Gamma Packed\n\nsome text\n' | gzip > "$A/c.md.gz"
printf 'Delta Inside\n============\n\ntext\n' > "$A/sub/d.txt"
printf 'ELF\000\000\001binary' > "$A/prog.bin"
printf 'hidden\n' > "$A/.hidden.txt"

start 100 24 -- "$A"
check '^ Title +File +Size +Secs +Progress +Last read' "folio DIR lists a library, with its columns"
check '^ \.\./' "the parent folder first"
check '^ sub/' "then sub-folders"
check '^ Alpha Notes +a\.md +[0-9.]+ +§3' "an article: its title, file, size and sections"
check '^ The Long Handbook +b\.txt ' "titles come from the first heading"
check '^ Gamma Packed +c\.md\.gz ' "compressed articles are listed by their title too"
! screen | grep -q 'prog\.bin'
ok $? "files that are not text are left out"
! screen | grep -q 'hidden'
ok $? "and hidden files"
check " $A +5 of 5 +sorted by name" "the status line says where, how many, and the sort"

# Open an article and come back to the same row.
keys j j j Enter
check '│ The Long Handbook' "Enter opens the selected article"
keys ']' ']' ']' q
check '^ The Long Handbook +b\.txt .*█' "q comes back to the library, with the progress read"
check '^ The Long Handbook .*[0-9]+%.*[0-9]{4}-[0-9]{2}-[0-9]{2}' \
	"the percentage and when it was read"
is "$(sel_row)" "$(screen | grep -n 'The Long Handbook' | cut -d: -f1)" \
	"and the same row is selected"

# Filter and sort.
keys /
raw alp
check '^/alp' "/ filters as the title or name is typed"
! screen | grep -q 'The Long Handbook'
ok $? "leaving only what matches"
check '^ Alpha Notes' "by title"
keys Escape
check '^ The Long Handbook' "Esc gives the whole list back"
keys s
check 'sorted by recently read' "s sorts by when read"
is "$(row 3 | awk '{ print $1, $2, $3 }')" "The Long Handbook" \
	"the article just read comes first"
keys s
check 'sorted by progress' "s again: by progress"
keys s
check 'sorted by name' "and back to by name"

# Folders.
keys g j Enter
check '^ Delta Inside +d\.txt' "Enter on a folder lists it"
check " $A/sub " "the status line names it"
keys h
check '^ Alpha Notes' "h goes back to the parent"
is "$(sel_row)" "$(screen | grep -n '^ sub/' | cut -d: -f1)" \
	"with the folder left selected"

# The mouse: a click selects a row, a click on the selected row opens it;
# the wheel moves the selection three rows.  (X10 reports: button, then
# column and row, each plus 33.)
click() { raw "$(printf '\033[M %s%s' "$1" "$2")"; raw "$(printf '\033[M#%s%s' "$1" "$2")"; }
sel_is() { [ "$(sel_row)" = "$1" ]; }
check '^ The Long Handbook' "(the fourth row of the list is The Long Handbook)"
is "$(screen | grep -n '^ The Long Handbook' | cut -d: -f1)" 5 "(on the screen's fifth row)"
click '%' '%'
wait_true sel_is 5
ok $? "a click selects the row clicked"
check " $A +5 of 5" "and opens nothing"
click '%' '%'
check '^ b\.txt  .*§' "a click on the selected row opens it"
keys q
raw "$(printf '\033[M`%s%s' '%' '%')"
wait_true sel_is 2
ok $? "the wheel up moves the selection three rows up, to ../"
raw "$(printf '\033[Ma%s%s' '%' '%')"
wait_true sel_is 5
ok $? "and down"

# The recently read articles, wherever they are.
keys r
check 'Recently read' "r shows the recently read articles"
check "^ The Long Handbook +b\\.txt" "the one read"
check "Recently read: $A/b\\.txt" "the status line says where it lives"
keys r
check " $A +5 of 5" "r again comes back to the folder"
check " $A +5 of 5 +sorted by name" "sorted as it was, not as the recent list"
keys q
is "$(wait_exit)" 0 "q in the library quits"

# Several files: C-n and C-p move between them in the reader.
start 100 24 -- "$A/a.md" "$A/b.txt" "$A/sub/d.txt"
check 'Files given: .*3 of 3' "several files open a library of them"
check '^ Alpha Notes +a\.md ' "each by its file name, not the path given"
check "Files given: $A/a\.md " "which the status line shows"
keys Enter
check '│ # Alpha Notes' "Enter reads the first"
keys C-n
check '^ b\.txt ' "C-n goes to the next file"
keys C-n
check 'Delta Inside' "and the next"
keys C-n
check 'That was the last file' "past the last, back to the list, saying so"
keys Enter C-p
check '^ b\.txt ' "C-p goes to the previous file"
keys q r
check 'Recently read' "r there shows the recently read articles"
keys r
check 'Files given: .*3 of 3 +sorted by name' "r again comes back to the files given"
keys q
is "$(wait_exit)" 0 "q, q: back to the list, then out"
cmp -s "$TMP/stty.before" "$TMP/stty.after"
ok $? "the terminal is restored"

# A log opened from the library is read to its new end by G and followed
# by F, as it is when opened alone; the library then has its new size.
L="$TMP/logs"
mkdir -p "$L"
{
	printf 'Log Title\n=========\n\n'
	for i in 1 2 3 4 5; do printf 'entry %d of the log\n' "$i"; done
} >"$L/app.log"
start 100 12 -- "$L"
keys j Enter
check 'entry 5 of the log' "a log opens from the library"
printf '\nWritten Since\n-------------\n\nThe line written since.\n' \
	>>"$L/app.log"
keys G
check 'The line written since\.$' "G there shows what was written since"
keys F
check 'Following the file as it grows' "and F follows the log"
printf 'The newest line.\n' >>"$L/app.log"
check 'The newest line\.$' "what is written to it comes into view"
keys q
check "^ Log Title +app\\.log +$(wc -c < "$L/app.log") +§2 " \
	"back in the library, its size and sections are the new ones"
keys q
is "$(wait_exit)" 0 "q quits"

plan_done
