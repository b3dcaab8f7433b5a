# Benchmark inputs, written by the team: gen.awk -v kind=K -v mib=N
#   plain     a guide in the bare-heading plain format (paragraphs are one
#             long line each, as in the corpus's guide)
#   markdown  ATX headings, hard-wrapped paragraphs, some code blocks
#   line      one enormous line of words
#   sections  100 000 short sections (mib ignored)
#   long      lines of 15 KiB (minified code, logs of one line a request)
#   sentence  one sentence repeated on full lines: one paragraph of mib MiB
#   colour    a log coloured with ANSI escapes, one short line an event
# The rare word "zyzzyva" appears once, near the end.
BEGIN {
	srand(7)
	split("the a of to in that build cache request latency memory index " \
	    "query server client thread lock queue batch page row column " \
	    "table log trace profile measure change deploy test review " \
	    "section reader article manual guide chapter detail example", w, " ")
	nw = 0
	for (k in w) nw++
	limit = mib * 1048576
	if (kind == "sections") {
		for (i = 1; i <= 100000; i++)
			printf "Section Number %d\n\nA short section, number %d, with one sentence.\n\n", i, i
		print "The end has zyzzyva once."
		exit
	}
	if (kind == "long" || kind == "sentence" || kind == "colour") {
		n = 0; ln = 0; line = ""
		while (n < limit) {
			if (kind == "sentence") {
				line = "The quick reader jumps over the lazy pager near the river bank."
			} else if (kind == "colour") {
				line = sprintf("\033[1;3%dm%s\033[0m %05d request %d served in %d ms by worker %d", ln % 8, ln % 5 ? "INFO" : "WARN", ln, ln, ln % 97, ln % 4)
			} else {
				line = ""
				while (length(line) < 15360)
					line = line w[1 + int(rand() * nw)] " "
			}
			print line
			n += length(line) + 1
			ln++
		}
		print "The end has zyzzyva once."
		exit
	}
	if (kind == "line") {
		n = 0
		while (n < limit) {
			s = w[1 + int(rand() * nw)] " "
			printf "%s", s
			n += length(s)
		}
		printf "zyzzyva\n"
		exit
	}
	n = 0; sec = 0
	while (n < limit) {
		sec++
		if (kind == "markdown")
			h = sprintf("## Section %d: the %s %s\n\n", sec, w[1 + sec % nw], w[1 + (sec * 7) % nw])
		else
			h = sprintf("Section %d About the %s %s\n", sec, toupper(substr(w[1 + sec % nw], 1, 1)) substr(w[1 + sec % nw], 2), w[1 + (sec * 7) % nw])
		printf "%s", h
		n += length(h)
		for (p = 0; p < 4; p++) {
			para = ""
			for (s = 0; s < 8; s++) {
				wd = w[1 + int(rand() * nw)]
				sent = toupper(substr(wd, 1, 1)) substr(wd, 2)
				for (x = 0; x < 11; x++)
					sent = sent " " w[1 + int(rand() * nw)]
				para = para (s ? " " : "") sent "."
			}
			if (kind == "markdown") {
				out = ""; line = ""
				m = split(para, ws, " ")
				for (x = 1; x <= m; x++) {
					if (length(line) + length(ws[x]) > 72) { out = out line "\n"; line = "" }
					line = line (line == "" ? "" : " ") ws[x]
				}
				para = out line "\n"
				if (p == 2 && sec % 3 == 0)
					para = para "\n```\nfor (i = 0; i < n; i++)\n\tsum += v[i];\n```\n"
				para = para "\n"
			} else {
				para = para "\n"
			}
			printf "%s", para
			n += length(para)
		}
	}
	printf "The last paragraph mentions zyzzyva once.\n"
}
