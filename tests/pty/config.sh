# The configuration file: what each setting does on the screen, bad lines,
# and which file is read.
. "$FOLIO_TESTS/pty/lib.sh"
D="$TMP/long.txt"
make_long_doc "$D"
C="$XDG_CONFIG_HOME/folio/config"
mkdir -p "$XDG_CONFIG_HOME/folio"
widest() { screen | sed '$d' | sed 's/^[^│]*│ //' | awk '{ if (length > m) m = length } END { print m }'; }

# No file: the defaults, quietly.
start 100 24 -- "$D"
check '^▾ The Long Handbook│' "with no configuration file the TOC is shown"
! status | grep -q config
ok $? "and nothing is said about a configuration"
is "$(tm display -p -t t '#{mouse_any_flag}')" 1 "the mouse is on by default"

cat > "$C" <<'CONF'
# reading settings
width = 40
toc-width = 30
color.heading = red bold
color.status = white on blue
color.match = black on green
color.match.current = black on magenta
bind x next-section
bind j none
mouse = off
CONF
start 100 24 -- "$D"
check '^▾ The Long Handbook +│' "the TOC is shown"
is "$(row 0 | sed 's/│.*//' | wc -m)" 31 "toc-width = 30: the rule is in column 31"
[ "$(widest)" -le 40 ] && [ "$(widest)" -ge 30 ]
ok $? "width = 40: the text is at most 40 columns wide ($(widest))"
screen_escapes | grep -q $'\e\\[1m\e\\[31mThe Long Handbook'
ok $? "color.heading = red bold"
screen_escapes | tail -n 1 | grep -q $'\e\\[37m\e\\[44m'
ok $? "color.status = white on blue"
keys x
top_is "Part 1" "bind x next-section: x goes to the next section"
keys j
settle
top_is "Part 1" "bind j none: j does nothing"
keys /
raw says
keys Enter
wait_true escapes_have $'\e\\[30m\e\\[45msays'
ok $? "color.match.current = black on magenta"
wait_true escapes_have $'\e\\[30m\e\\[42msays'
ok $? "color.match = black on green"
is "$(tm display -p -t t '#{mouse_any_flag}')" 0 "mouse = off: no mouse reporting"
keys h
check '^   \], x +next heading to the top' "the help screen shows the bindings in force"
! screen | grep -q '^   j, '
ok $? "and no longer lists j"
keys q q

printf 'toc = off\n' > "$C"
start 100 24 -- "$D"
check '^The Long Handbook' "toc = off: the TOC is hidden at start"
keys t
check '^▾ The Long Handbook│' "t shows it"

# Bad lines: skipped, named on the status line and on standard error.
printf 'width = 40\ncolr.heading = red\ncolor.status = blu\nbind q frobnicate\n' > "$C"
start 200 24 -- "$D"
check "config:2: unknown setting 'colr.heading' \\(line skipped\\) \\(and 2 more\\)" \
	"the first bad line is on the status line, with how many more"
[ "$(widest)" -le 40 ]
ok $? "the good lines still apply"
keys q
check "folio: $C:3: unknown colour or attribute 'blu' \\(line skipped\\)" \
	"every bad line is on standard error too, after quitting"
check "folio: $C:4: unknown action 'frobnicate'" "naming file and line"
is "$(wait_exit)" 0 "q still quits: the bad action was not bound"

# Which file: --config, then FOLIO_CONFIG, then XDG_CONFIG_HOME.
printf 'toc = off\n' > "$TMP/other.conf"
start 100 24 -- --config="$TMP/other.conf" "$D"
check '^The Long Handbook' "--config=FILE is read instead"
printf 'toc = on\n' > "$C"
start 100 24 FOLIO_CONFIG="$TMP/other.conf" -- "$D"
check '^The Long Handbook' "FOLIO_CONFIG too"
start 100 24 -- --config="$TMP/missing.conf" "$D"
check "missing.conf: No such file or directory \\(the defaults apply\\)" \
	"a missing file named with --config is a warning"
check '^▾ The Long Handbook│' "and the defaults apply"

plan_done
