# soak-keys.awk: the random key stream of tests/stress/soak.sh.
#
#   awk -v seed=N -v keys=N -v batch=50 -v every=200 -v bad=1 -f soak-keys.awk
#
# bad=1 (the default) also sends stray bytes that are not UTF-8: a Latin-1
# e-acute (0xE9), a lone continuation byte, a lead byte cut short, 0xFF;
# bad=0 leaves them out.
#
# Prints one command a line, tab-separated, for soak.sh to replay:
#   K name     a tmux key name (send-keys NAME)
#   L hex...   bytes, in hex (send-keys -H): characters, UTF-8, escape
#              sequences and half sequences, pastes, stray bytes (in hex,
#              so neither the shell's read nor tmux's ';' can change them)
#   E n        end of batch n: send the batch, then wait until it is read
#   R c r      resize the window to c columns, r rows
#   M          the RSS measuring point (half way: see soak.sh)
# The stream is a function of the seed (and of the awk: mawk and gawk have
# different generators).  One key is one step: a named key, a character, an
# escape sequence or a 200-character paste.
#
# The mouse is on: its reports come whole (SGR ones, and an X10 "ESC [ M"
# with its three bytes, which the program would otherwise take from the
# keys after it, such as the Q at the end of F2's ESC O Q).
# Keys that would end or stop the program are never generated: q and Q (quit; so
# neither :q nor :quit can be typed either), C-c (SIGINT), C-\ (SIGQUIT),
# C-z (SIGTSTP: the pane would hang with a stopped job), and C-s / C-q
# (XON/XOFF flow control: C-s would stop the program's output).
function r(n) { return int(rand() * n) }
function pick(arr, n) { return arr[r(n) + 1] }
function emit_key(name) { print "K\t" name; count++ }
function hex(s,   i, n, h) {
	h = ""
	n = length(s)
	for (i = 1; i <= n; i++)
		h = h (i > 1 ? " " : "") sprintf("%02x", ord[substr(s, i, 1)])
	return h
}
function emit_lit(s) { print "L\t" hex(s); count++ }
function letter(   c) {
	do c = 97 + r(26); while (c == 113)   # no 'q'
	return sprintf("%c", c)
}
function junk_char(   c) {
	do c = 32 + r(95); while (c == 113 || c == 81)   # no 'q', no 'Q'
	return sprintf("%c", c)
}
function junk_text(n,   s, i) {
	s = ""
	for (i = 0; i < n; i++)
		s = s (r(8) == 0 ? pick(utf8, nutf8) : junk_char())
	return s
}
# text typed into a prompt, one character a key; then Enter or Escape
function prompt(lead, text,   i, n, ch) {
	emit_lit(lead)
	n = length(text)
	for (i = 1; i <= n; i++) {
		# one key a character: a UTF-8 character's bytes go together
		ch = substr(text, i, 1)
		while (i < n && ord[substr(text, i + 1, 1)] >= 128 && ord[substr(text, i + 1, 1)] < 192)
			ch = ch substr(text, ++i, 1)
		emit_lit(ch)
		if (r(12) == 0) emit_key(r(2) ? "BSpace" : pick(pkeys, npkeys))
	}
	emit_key(r(4) ? "Enter" : "Escape")
}
BEGIN {
	srand(seed)
	for (i = 1; i < 256; i++)
		ord[sprintf("%c", i)] = i
	if (bad == "") bad = 1
	nbadb = split("e9 80 bf c3 ff fe e4 f0", badb, " ")
	if (keys == "") keys = 20000
	if (batch == "") batch = 50
	if (every == "") every = 200
	if (measure == "") measure = int(keys / 2)
	nnamed = split("Up Down Left Right PageUp PageDown Home End Tab BTab Enter BSpace Escape F1 " \
		"C-l C-n C-p C-f C-b C-d C-u C-h C-a C-e C-g C-k C-o C-r C-t C-v C-w C-x C-y " \
		"F2 F5 F12 IC DC M-a M-j", named, " ")
	nbound = split("? 1 2 3 4 w z j k b g G l f h L m ' n N o j j k k n", bound, " ")
	bound[++nbound] = " "
	nutf8 = split("é ë ü ñ ß € 中 文 字 😀 🇳🇱 ‮ ‏ ​ ̈ ﬁ Ω ж ء ⁦", utf8, " ")
	nesc = split("\033[1;5A \033[1;2B \033[1;3C \033[5~ \033[6~ \033[200~ \033[201~ " \
		"\033OP \033[M!!! \033]0;x\007 \033[?1049l \033[2J \033P \033[9999;9999H " \
		"\033[<0;5;5M \033[<0;5;5m \033[<65;40;10M \033[<64;9999;9999M \033[<0;0;0M " \
		"\033[ \033[1; \033O \033[1;5 \033", esc, " ")
	nre = split(". e mantelzorg (a+)+$ [ ( \\ a{1000} .* ^$ \\b[A-Z]\\w+ (?i)MO (?<x>a)\\k<x> " \
		"é* [[:alpha:]]+ \\p{L}+ x{0,99999} ((((((((((a)))))))))) ", regex, " ")
	ncmd = split("open doc-2014-11-05-tinten|open nope|entity aly-van-beek|entity|" \
		"search mantelzorg|search (|search .|help|history|open|xyzzy|" \
		" open  doc-2017-05-11-almelo", cmd, "|")
	npkeys = split("Left Right Home End Up Down DC C-a C-e C-k C-u C-w", pkeys, " ")
	count = 0; b = 1; nextresize = 0; measured = 0
	while (count < keys) {
		if (count >= nextresize) {
			# the first size is the largest, so the RSS baseline already
			# holds the biggest curses windows
			if (nextresize == 0) print "R\t200\t60"
			else print "R\t" (10 + r(191)) "\t" (3 + r(58))
			nextresize += every / 2 + r(every + 1)
		}
		start = count
		while (count - start < batch && count < keys) {
			k = r(100)
			if (k < 30) emit_lit(pick(bound, nbound))
			else if (k < 50) emit_key(pick(named, nnamed))
			else if (k < 62) emit_lit(junk_char())
			else if (k < 68) emit_lit(pick(utf8, nutf8))
			else if (k < 75) emit_lit(pick(esc, nesc))
			else if (k < 76) emit_lit(junk_text(200))
			else if (k < 81) prompt("/", r(3) ? pick(regex, nre) : junk_text(1 + r(12)))
			else if (k < 85) prompt("&", junk_text(r(6)))
			else if (k < 89) prompt(":", r(3) ? pick(cmd, ncmd) : junk_text(r(10)))
			else if (k < 93) { emit_lit(r(2) ? "m" : "'"); emit_lit(r(6) ? letter() : pick(bound, nbound)) }
			else if (k < 96) { emit_lit("f"); emit_lit(letter()); if (r(2)) emit_lit(letter()) }
			else if (k < 98 && bad) { print "L\t" pick(badb, nbadb); count++ }
			else emit_lit("'")
		}
		print "E\t" b++
		if (!measured && count >= measure) { print "M"; measured = 1 }
	}
}
