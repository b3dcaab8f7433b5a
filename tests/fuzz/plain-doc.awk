# A random plain-text document that uses every rule of fmt_plain.c:
# bare, numbered, ALL-CAPS, underlined and overlined headings, framed
# titles, ALL-CAPS labels and NEWS release lines ending with ':', parts'
# titles after separator rules, Emacs outline mode, lists, leaders, code,
# tables, prose of every length,
# escapes, overstrike, tabs, margins, CRLF.  For tests/fuzz/plain-diff.sh.
#	awk -v seed=N -f tests/fuzz/plain-doc.awk > doc.txt
function pick(s,    a, n) { n = split(s, a, "|"); return a[int(rand() * n) + 1] }
function pickc(s,    a, n) { n = split(s, a, ","); return a[int(rand() * n) + 1] }
function chance(p) { return rand() < p }
function cap(w) { return toupper(substr(w, 1, 1)) substr(w, 2) }
function word(capital,    w) {
	w = pick("the|a|of|to|in|and|for|with|from|by|on|scope|results|install|build|guide|server|cache|query|index|memory|thread|lock|disk|network|tuning|overview|setup|usage|notes|options|history")
	if (chance(0.05))
		w = pick("\303\251t\303\251|na\303\257ve|\303\234ber|\316\273\317\214\316\263\316\277\317\202|\321\201\320\273\320\276\320\262\320\276|\346\274\242\345\255\227")
	return capital ? cap(w) : w
}
function title(    k, i, t) {
	k = pick("1|2|3|4|6|12|13|15") + 0
	t = word(chance(0.8))
	for (i = 2; i <= k; i++)
		t = t " " word(chance(0.8))
	if (chance(0.15))
		t = t pick("?|.|:|,|!|)|;| 12|  x")
	return t
}
function number(    c, i, n, s) {
	c = rand()
	if (c < 0.5) {
		n = int(rand() * 4) + 1
		s = int(rand() * 12) + 1
		for (i = 2; i <= n; i++)
			s = s "." (int(rand() * 12) + 1)
		return s pick(".||")
	}
	if (c < 0.7)
		return pick("I.|IV.|XII.|IIIIIII.|V")
	return pick("1|2.|10.2.3.4.5.6.7.8.9|1234.5|(1)|1)")
}
function sentence(n,    i, s) {
	if (n == 0)
		n = int(rand() * 28) + 3
	s = word(chance(0.7))
	for (i = 2; i <= n; i++)
		s = s " " word(0)
	return s pick(".|.|.|!|?|:|,|;||)|\342\200\235|\342\200\246")
}
function emit(s) { lines[++nl] = s }
function para(    k, i, c, x) {
	k = int(rand() * 5) + 1
	for (i = 1; i <= k; i++) {
		c = rand()
		if (c < 0.2)
			emit(pi sentence(int(rand() * 40) + 40))
		else if (c < 0.25) {
			x = sprintf("%" pick("239|240|241|242") "s", "")
			gsub(/ /, "x", x)
			emit(pi x ".")
		} else
			emit(pi sentence(0))
	}
}
function style(t,    c, i, s) {
	c = rand()
	if (c < 0.05)
		return "\033[1m" t "\033[0m"
	if (c < 0.08) {
		s = ""
		for (i = 1; i <= length(t); i++)
			s = s substr(t, i, 1) "\b" substr(t, i, 1)
		return s
	}
	if (c < 0.1) {
		sub(/ /, "\t", t)
		return t
	}
	if (c < 0.12)
		return t "   "
	return t
}
function rule(ch, n,    s) {
	if (n < 1)
		n = 1
	s = sprintf("%" n "s", "")
	gsub(/ /, ch, s)
	return s
}
function block(    c, ind, t, a, n, k, i, gap) {
	c = rand()
	ind = chance(0.2) ? sprintf("%" pick("1|2|4|5|8") "s", "") : ""
	if (c < 0.25)
		emit(ind style(title()))
	else if (c < 0.4)
		emit(ind number() pick(" |  |\t") style(title()))
	else if (c < 0.5)
		emit(ind pick("NAME|SYNOPSIS|DESCRIPTION|OPTIONS|SEE ALSO|BUGS|OK|FAQ|API|EXIT STATUS|\303\211T\303\211 NOTES|\316\221\316\222\316\223\316\224"))
	else if (c < 0.62) {
		t = title()
		a = pick("=|-|~|^|+|*|#")
		n = length(t) + pick("0|0|-1|2|3|-5|20") - (chance(0.1) ? int(length(t) / 2) : 0)
		if (chance(0.3))
			emit(rule(a, n))
		emit(t)
		emit(chance(0.9) ? rule(a, n) : rule(pick("=|-|~|^|+|*|#"), n))
	} else if (c < 0.7) {
		k = int(rand() * 5) + 2
		for (i = 1; i <= k; i++)
			emit(pickc("* ,- ,+ ,\342\200\242 ,(a) ,o ,| ,> ") title())
	} else if (c < 0.75) {
		k = int(rand() * 5) + 2
		for (i = 1; i <= k; i++)
			emit(title() pick(" ...... | . . . . |  ") (int(rand() * 300) + 1))
	} else if (c < 0.82) {
		k = int(rand() * 6) + 1
		for (i = 1; i <= k; i++)
			emit(sprintf("%" pick("2|4|8") "s", "") pick("int x = 1;|if (a == b) {|}|a -> b|</p>|<br/>|x  y  z|foo(bar)"))
	} else if (c < 0.87) {
		k = int(rand() * 3) + 2
		for (i = 1; i <= k; i++)
			emit(title() "    " title())
	} else if (c < 0.91) {
		c = rand()
		if (outl && c < 0.4)
			emit(rule("*", int(rand() * 3) + 1) pick(" | |  |") \
			    (chance(0.7) ? title() : "  "))
		else if (c < 0.6)
			emit(rule(a = pick("*|=|-|#|~"), pick("1|2|3|3|5|20") + 0) " " \
			    title() " " rule(chance(0.8) ? a : "=", pick("1|2|3|5") + 0))
		else if (c < 0.8)
			emit(pick("CHANGES WITH|NOTE|KNOWN BUGS|WEB SITE|TODO") \
			    pick(" 252| 2.4| \360\237\216\203|") ":")
		else
			emit(pick("Changes in|New in|What's new in|Since version") " " \
			    int(rand() * 3) "." int(rand() * 40) pick(":|:|.|"))
	} else if (c < 0.94) {
		emit("")
		emit(rule(pick("=|-|*|#|~"), pick("9|10|20|70") + 0))
		for (i = pick("0|1|1|2") + 0; i > 0; i--)
			emit("")
		emit(pick("|\t|  |\t\t|\t\t\t") (chance(0.8) ? title() : \
		    "the " title()))
	} else {
		pi = ""
		para()
	}
	gap = pick("0|1|1|1|1|2|3|4|5") + 0
	for (i = 1; i <= gap; i++)
		emit("")
	if (chance(0.7)) {
		pi = chance(0.2) ? sprintf("%" pick("2|4|8") "s", "") : ""
		para()
		gap = pick("0|1|1|2") + 0
		for (i = 1; i <= gap; i++)
			emit("")
	}
}
BEGIN {
	srand(seed + 0)
	margin = chance(0.33) ? sprintf("%" pick("2|4|8") "s", "") : ""
	nl = 0
	outl = chance(0.08)
	if (outl)
		emit(title() "        -*- outline -*-")
	if (chance(0.2)) {
		emit(title())
		emit("")
	}
	k = int(rand() * 80) + 1
	for (b = 1; b <= k; b++)
		block()
	eol = chance(0.1) ? "\r\n" : "\n"
	for (i = 1; i <= nl; i++) {
		s = lines[i] == "" ? "" : margin lines[i]
		if (i == nl && chance(0.1))
			printf "%s", s
		else
			printf "%s%s", s, eol
	}
}
