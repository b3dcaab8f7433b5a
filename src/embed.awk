# Turn a text file into a C array definition: folio_guide, folio_guide_len.
# Each character is escaped as C needs: backslash, quote, tab, and ? (so
# that no trigraph is ever formed).
BEGIN {
	print "/* Generated from docs/guide.txt by src/embed.awk. */"
	print "#include <stddef.h>"
	print "const char folio_guide[] ="
}
{
	out = ""
	n = length($0)
	for (i = 1; i <= n; i++) {
		c = substr($0, i, 1)
		if (c == "\\")
			c = "\\\\"
		else if (c == "\"")
			c = "\\\""
		else if (c == "\t")
			c = "\\t"
		else if (c == "?")
			c = "\\?"
		out = out c
	}
	print "\"" out "\\n\""
}
END {
	print ";"
	print "const size_t folio_guide_len = sizeof folio_guide - 1;"
}
