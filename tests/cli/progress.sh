# The progress line while a corpus loads: on stderr when it is a terminal
# (a pty here), rewritten in place and cleared at the end; nothing when
# stderr is not a terminal, nor before loading has taken a quarter second.
. "$top_srcdir/tests/lib/tap.sh"

mkdir -p "$TEST_TMP/three"
for i in 1 2 3; do
	printf '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="p%s"><text><body><p>Tekst %s.</p></body></text></TEI>\n' "$i" "$i" >"$TEST_TMP/three/p$i.xml"
done

# Runs werkbezoek with stderr on a pty, stdout to a file; prints what the
# pty saw, control characters as \r.
on_pty() {
	python3 - "$TEST_TMP/stdout" "$@" <<'PY'
import os, pty, subprocess, sys
master, slave = pty.openpty()
with open(sys.argv[1], "wb") as out:
    p = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=out, stderr=slave)
os.close(slave)
seen = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
p.wait()
sys.stdout.write(seen.decode("utf-8", "replace").replace("\r", "\\r"))
PY
}

three=$(printf 'p1\t\t\tp1\np2\t\t\tp2\np3\t\t\tp3')
out=$(WERKBEZOEK_PROGRESS_AFTER=0 on_pty "$WERKBEZOEK" --list "$TEST_TMP/three")
like "$out" '^\\rLoading: 1 of 3 files, 0\.[0-9] MB' "a pty: the first file read is said at once (delay 0)"
like "$out" '\\rLoading: 3 of 3 files, 0\.[0-9] MB' "a pty: the last file read is said"
is "$(printf '%s' "$out" | sed 's/.*\\r\([^\\]*\)\\r$/\1/' | tr -d ' ')" "" "a pty: the line is cleared with spaces at the end"
is "$(cat "$TEST_TMP/stdout")" "$three" "the output itself is untouched"
out=$(WERKBEZOEK_PROGRESS_AFTER=60 on_pty "$WERKBEZOEK" --list "$TEST_TMP/three")
is "$out" "" "a pty, loading done before the delay: no line"
run env WERKBEZOEK_PROGRESS_AFTER=0 "$WERKBEZOEK" --list "$TEST_TMP/three"
is "$err" "" "stderr not a terminal: nothing, whatever the delay"
is "$out" "$three" "stderr not a terminal: the output"
done_testing
