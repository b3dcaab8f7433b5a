# The built-in guide (docs/guide.txt, compiled in) and the man page: what a
# new user learns folio from.
. "$FOLIO_TESTS/lib.sh"
G="$FOLIO_TESTS/../docs/guide.txt"
M="$FOLIO_TESTS/../docs/folio.1"

"$FOLIO" --outline "$G" > "$TMP/outline"
[ "$(awk -F '\t' '$1 == 1' "$TMP/outline" | wc -l)" -ge 10 ]
ok $? "the guide has at least ten sections"
t=$(printf "\t")
[ "$(grep -Ec "^2$t[0-9]+$t[0-9]+\\.[0-9]+ " "$TMP/outline")" -ge 6 ]
ok $? "and subsections in a numbered form"
for t in "Getting Started" "Reading an Article" "The Table of Contents" \
	"Searching" "Bookmarks and Marks" "Formats folio Reads" \
	"Configuration" "Files folio Writes"; do
	grep -q "	$t\$" "$TMP/outline"
	ok $? "the guide has a section '$t'"
done
# Each subsection number is its section's place in the contents.
awk -F '\t' '$1 == 1 { n++ } $1 == 2 { split($3, p, "."); if (p[1] != n) bad = 1 }
	END { exit bad }' "$TMP/outline"
ok $? "subsection numbers follow their sections' order"
# It describes every option and every key action folio has.
for o in $("$FOLIO" --help | grep -o -- '--[a-z-]*' | sort -u); do
	case $o in --help|--version) continue ;; esac
	grep -q -- "$o" "$G"
	ok $? "the guide mentions $o"
done

# The man page: its sections, every option, every setting.
for s in NAME SYNOPSIS DESCRIPTION OPTIONS KEYS FILES ENVIRONMENT \
	"EXIT STATUS" EXAMPLES; do
	grep -q "^\\.SH \"\\{0,1\\}$s\"\\{0,1\\}\$" "$M"
	ok $? "the man page has $s"
done
for o in $("$FOLIO" --help | grep -o -- '--[a-z-]*' | sort -u); do
	grep -q -- "$(printf '%s' "$o" | sed 's/-/\\\\-/g')" "$M"
	ok $? "the man page documents $o"
done
for k in width toc toc-width mouse color.heading color.match.current bind \
	XDG_CONFIG_HOME XDG_STATE_HOME FOLIO_CONFIG NO_COLOR; do
	grep -q -- "$(printf '%s' "$k" | sed 's/-/\\\\-/g')" "$M"
	ok $? "the man page documents $k"
done

plan_done
