# --format for --check (with --untagged), --xpath and --keys: json is one object a
# line (valid for python3 -m json.tool) with the documented keys in order,
# csv parses with Python's csv module, and both say what the default
# (tsv, the traditional file:line:column: lines) says: the traditional
# lines are rebuilt from the parsed records and compared byte for byte.
# Hostile text stays sanitised in every format; XML keeps its line breaks.
. "$top_srcdir/tests/lib/tap.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
fx="$top_srcdir/tests/fixtures/corpus"
hostile="$top_srcdir/tests/fixtures/screen/hostile/hostile.xml"

# valid_json FILE: how many lines of FILE python3 -m json.tool refuses.
valid_json() {
	while IFS= read -r line; do
		printf '%s\n' "$line" | python3 -m json.tool >/dev/null 2>&1 || echo bad
	done <"$1" | wc -l | tr -d ' '
}

# records FORMAT FILE: each record of FILE (json or csv) as a Python
# dict, one repr a line, for the rebuild scripts below.
records() {
	python3 - "$1" "$2" <<'PY'
import csv, json, sys
fmt, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8", newline="") as f:
    if fmt == "json":
        rows = [json.loads(l) for l in f]
    else:
        rows = list(csv.DictReader(f))
for r in rows:
    print(json.dumps(r, ensure_ascii=False))
PY
}

# check_lines: records on stdin (records' output) as --check prints them.
check_lines() {
	python3 -c '
import json, sys
for l in sys.stdin:
    r = json.loads(l)
    place = "%s:%s:%s: " % (r["file"], r["line"], r["column"])
    sev = r["severity"]
    if sev in ("error", "warning"):
        print(place + sev + ": " + r["message"])
    elif sev == "untagged":
        print(place + "untagged \x27" + r["message"] + "\x27 (" + r["entity"] + ")")
    else:
        # likely-duplicate: the traditional line goes on with the other
        # record; compared up to it, its id checked apart
        print(place + sev.replace("-", " ") + " \x27" + r["message"] + "\x27 (" +
              r["entity"] + ")" + (" of " + r["other"] if r["other"] else ""))
'
}

# the traditional --check lines, the likely duplicate's "of 'NAME' (ID)
# at FILE:LINE" cut to "of ID" as check_lines rebuilds it
traditional() {
	sed "s/ of '[^']*' (\([^)]*\)) at .*/ of \1/"
}

for corpus in "$fx/hostile" "$fx/lint"; do
	name=${corpus##*/}
	opts="--check"
	[ "$name" = lint ] && opts="--check --untagged"
	run "$WERKBEZOEK" $opts "$corpus"
	tsv_status=$status
	printf '%s\n' "$out" | traditional >"$TEST_TMP/tsv"
	ok "$([ -s "$TEST_TMP/tsv" ]; echo $?)" "$name: $opts finds problems to compare"
	"$WERKBEZOEK" $opts --format=tsv "$corpus" | traditional >"$TEST_TMP/tsv2"
	ok "$(cmp -s "$TEST_TMP/tsv" "$TEST_TMP/tsv2"; echo $?)" "$name: --format=tsv is the default"
	for fmt in json csv; do
		run "$WERKBEZOEK" $opts --format=$fmt "$corpus"
		is "$status" "$tsv_status" "$name: $opts --format=$fmt exits as the default does"
		printf '%s\n' "$out" >"$TEST_TMP/$fmt"
		records $fmt "$TEST_TMP/$fmt" | check_lines >"$TEST_TMP/from-$fmt"
		ok "$(cmp -s "$TEST_TMP/tsv" "$TEST_TMP/from-$fmt"; echo $?)" \
		   "$name: $opts --format=$fmt says what the default says"
		[ -s "$TEST_TMP/from-$fmt" ] || diag "$(cat "$TEST_TMP/$fmt")"
	done
	is "$(valid_json "$TEST_TMP/json")" 0 "$name: every line is JSON (python3 -m json.tool)"
	is "$(records json "$TEST_TMP/json" | python3 -c '
import json, sys
print(" ".join(sorted({",".join(json.loads(l).keys()) for l in sys.stdin})))')" \
	   "file,line,column,severity,message,entity,other" "$name: the documented keys, in order"
	is "$(head -n 1 "$TEST_TMP/csv")" "file,line,column,severity,message,entity,other" \
	   "$name: csv starts with a header line of the keys"
done
is "$(records json "$TEST_TMP/json" | python3 -c '
import json, sys
print(sorted({json.loads(l)["severity"] for l in sys.stdin}))')" \
   "['likely-duplicate', 'never-mentioned', 'untagged']" "lint: every kind of --untagged record"

# --xpath: the string values, the XML, a value
for fmt in json csv; do
	"$WERKBEZOEK" --xpath='//tei:persName' "$fx/facets" >"$TEST_TMP/x.tsv"
	"$WERKBEZOEK" --xpath='//tei:persName' --format=$fmt "$fx/facets" >"$TEST_TMP/x.$fmt"
	records $fmt "$TEST_TMP/x.$fmt" | python3 -c '
import json, sys
for l in sys.stdin:
    r = json.loads(l)
    print("%s:%s: %s" % (r["file"], r["line"], r["text"]))' >"$TEST_TMP/x.from"
	ok "$(cmp -s "$TEST_TMP/x.tsv" "$TEST_TMP/x.from"; echo $?)" "--xpath --format=$fmt: the default's matches"
	is "$(records $fmt "$TEST_TMP/x.$fmt" | python3 -c '
import json, sys
print(sorted({r["doc"] for r in map(json.loads, sys.stdin)}))')" \
	   "['', 'fc-a', 'fc-b', 'fc-c']" "--xpath --format=$fmt: doc, \"\" in the register"

	"$WERKBEZOEK" --xpath='//tei:org' --xml "$fx/facets" >"$TEST_TMP/xml.tsv"
	"$WERKBEZOEK" --xpath='//tei:org' --xml --format=$fmt "$fx/facets" >"$TEST_TMP/xml.$fmt"
	records $fmt "$TEST_TMP/xml.$fmt" | python3 -c '
import json, sys
for l in sys.stdin:
    r = json.loads(l)
    print("%s:%s:\n%s" % (r["file"], r["line"], r["text"]))' >"$TEST_TMP/xml.from"
	ok "$(cmp -s "$TEST_TMP/xml.tsv" "$TEST_TMP/xml.from"; echo $?)" \
	   "--xpath --xml --format=$fmt: the XML as the default prints it"

	"$WERKBEZOEK" --xpath='count(//tei:persName)' --format=$fmt "$fx/facets" >"$TEST_TMP/n.$fmt"
	is "$(records $fmt "$TEST_TMP/n.$fmt")" \
	   '{"file": "", "line": '"$([ $fmt = json ] && echo 0 || echo '"0"')"', "doc": "", "text": "7"}' \
	   "--xpath --format=$fmt: a number is a record with no file"
done
run "$WERKBEZOEK" --xpath='//tei:org' --xml --format=json "$fx/facets"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 2 "--xml --format=json: a line a match, line breaks escaped"
printf '%s\n' "$out" >"$TEST_TMP/orgs.json"
is "$(valid_json "$TEST_TMP/orgs.json")" 0 "--xml --format=json: every line is JSON"
"$WERKBEZOEK" --xpath='//tei:standOff' --xml --format=json "$fx/facets" >"$TEST_TMP/so.json"
like "$(records json "$TEST_TMP/so.json" | python3 -c '
import json, sys
print(json.loads(sys.stdin.readline())["text"].count("\n"))')" '^[1-9][0-9]$' \
     "a multi-line element keeps its line breaks (decoded: a dozen or more)"

# hostile text: sanitised in every format
for fmt in json csv; do
	run "$WERKBEZOEK" --xpath='//tei:p' --format=$fmt "$hostile"
	unlike "$out" "$(printf '\302\233|\342\200\256|\r|\033')" "--xpath --format=$fmt: no control or override reaches the output"
	like "$out" "<U\+202E>" "--xpath --format=$fmt: the override as a placeholder"
	run "$WERKBEZOEK" --xpath='//tei:p' --xml --format=$fmt "$hostile"
	unlike "$out" "$(printf '\302\233|\342\200\256|\r|\033')" "--xpath --xml --format=$fmt: the same"
done
# --keys: the same two fields, in either order of the options
"$WERKBEZOEK" --keys >"$TEST_TMP/keys.tsv"
for fmt in json csv; do
	"$WERKBEZOEK" --keys --format=$fmt >"$TEST_TMP/keys.$fmt"
	"$WERKBEZOEK" --format=$fmt --keys >"$TEST_TMP/keys2.$fmt"
	ok "$(cmp -s "$TEST_TMP/keys.$fmt" "$TEST_TMP/keys2.$fmt"; echo $?)" \
	   "--keys --format=$fmt: the same whichever comes first"
	records $fmt "$TEST_TMP/keys.$fmt" | python3 -c '
import json, sys
for l in sys.stdin:
    r = json.loads(l)
    assert list(r) == ["keys", "does"], list(r)
    print("%s\t%s" % (r["keys"], r["does"]))' >"$TEST_TMP/keys.from"
	ok "$(cmp -s "$TEST_TMP/keys.tsv" "$TEST_TMP/keys.from"; echo $?)" \
	   "--keys --format=$fmt: keys and does, the default's two columns"
done
is "$(valid_json "$TEST_TMP/keys.json")" 0 "--keys --format=json: every line is JSON"
done_testing
