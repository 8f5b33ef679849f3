# The documentation keeps up with the program: every option of --help and
# every key of the request table is in the manual page and the README, and
# the key sections of the README, docs/keys.md and the manual page are
# exactly what tui/keysdoc makes of the request table (make writes them).
. "$top_srcdir/tests/lib/tap.sh"

man="$top_srcdir/docs/werkbezoek.1"
readme="$top_srcdir/README.md"
keyref="$top_srcdir/docs/keys.md"

run "$WERKBEZOEK" --help
for opt in $(printf '%s\n' "$out" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
	if grep -q -- "$esc" "$man"; then ok 0 "man page documents $opt"; else ok 1 "man page documents $opt"; fi
	if grep -q -- "$opt" "$readme"; then ok 0 "README documents $opt"; else ok 1 "README documents $opt"; fi
done

run "$WERKBEZOEK" --keys
is "$status" 0 "--keys exits 0"
printf '%s\n' "$out" | while IFS="$(printf '\t')" read -r keys help; do
	mhelp=$(printf '%s' "$help" | sed "s/-/\\\\-/g; s/'/\\\\(aq/g")
	if grep -qF -- "$mhelp" "$man"; then echo "ok"; else echo "not ok - man page lacks: $help"; fi
	if grep -qF -- "$help" "$readme"; then echo "ok"; else echo "not ok - README lacks: $help"; fi
	# markdown escapes a backslash key
	mdkeys=$(printf '%s' "$keys" | sed 's/\\/\\\\/g')
	if grep -qF -- "| $mdkeys | $help |" "$keyref"; then echo "ok"; else echo "not ok - docs/keys.md lacks: $keys: $help"; fi
done >"$TEST_TMP/keys"
is "$(grep -c '^not ok' "$TEST_TMP/keys")" 0 "every key is in the man page, the README and docs/keys.md"
grep '^not ok' "$TEST_TMP/keys" | diag "$(cat)"

# The generated key sections, as committed, are keysdoc's output: a
# difference means the request table changed and the documents were not
# remade (run make) or were edited by hand between the markers.
: "${KEYSDOC:?KEYSDOC must name tui/keysdoc (make check sets it)}"
for spec in "markdown $readme" "markdown-grouped $keyref" "man $man"; do
	fmt=${spec%% *} doc=${spec#* }
	name=${doc#"$top_srcdir"/}
	if "$KEYSDOC" "$fmt" "$doc" >"$TEST_TMP/generated" 2>"$TEST_TMP/err"; then
		if cmp -s "$TEST_TMP/generated" "$doc"; then
			ok 0 "$name: the key section is the request table's ($fmt)"
		else
			ok 1 "$name: the key section is the request table's ($fmt)"
			diag "$(diff "$doc" "$TEST_TMP/generated" | head -20)" "run make to remake it"
		fi
	else
		ok 1 "$name: has the generated key section's markers"
		diag "$(cat "$TEST_TMP/err")"
	fi
done
run "$KEYSDOC" plain
keysdoc_plain=$out
run "$WERKBEZOEK" --keys
is "$out" "$keysdoc_plain" "--keys prints the table keysdoc writes"
done_testing
