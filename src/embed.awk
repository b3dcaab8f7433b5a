# Turn a text file into a C array definition: folio_guide, folio_guide_len.
BEGIN {
	print "/* Generated from docs/guide.txt by src/embed.awk. */"
	print "#include <stddef.h>"
	print "const char folio_guide[] ="
}
{
	gsub(/\\/, "\\\\")
	gsub(/"/, "\\\"")
	gsub(/\t/, "\\t")
	print "\"" $0 "\\n\""
}
END {
	print ";"
	print "const size_t folio_guide_len = sizeof folio_guide - 1;"
}
