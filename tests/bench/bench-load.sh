#!/bin/sh
# bench-load.sh: corpus loading speed and memory against libxml2's own.
#
#   sh tests/bench/bench-load.sh [DIR]     (make bench runs it)
#
# Makes the 100 MB synthetic corpus in DIR (default /tmp/werkbezoek-synth100,
# kept between runs) with ../shared/tools/gen_tei_corpus.py, then measures in
# one run: xmllint --noout over the same files, and werkbezoek --list end to
# end (load, flatten, index, print), with --jobs=1 and with the default (the
# online CPUs, at most 8).  Prints each time ratio (target: at most 2.5) and
# werkbezoek's peak memory over the XML size (target: at most 9).
# Each command runs three times; the fastest run counts.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-/tmp/werkbezoek-synth100}
wb=${WERKBEZOEK:-$top/tui/werkbezoek}
gen=${WERKBEZOEK_GEN:-$top/../shared/tools/gen_tei_corpus.py}

if [ ! -f "$dir/authority.xml" ]; then
	echo "making the synthetic corpus in $dir (2500 documents, about 100 MB)"
	python3 "$gen" --docs 2500 --outdir "$dir"
fi
bytes=$(cat "$dir"/*.xml | wc -c)

# best_of CMD...: the fastest of three runs, "seconds peak-KiB"
best_of() {
	best=""
	for i in 1 2 3; do
		/usr/bin/time -f '%e %M' -o "$dir.time" "$@" >/dev/null 2>&1 || true
		r=$(cat "$dir.time")
		if [ -z "$best" ] || [ "$(echo "$r $best" | awk '{ print ($1 < $3) }')" = 1 ]; then
			best=$r
		fi
	done
	rm -f "$dir.time"
	echo "$best"
}

cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
jobs=$((cpus > 8 ? 8 : cpus))
x=$(best_of xmllint --noout "$dir"/*.xml)
w1=$(best_of "$wb" --jobs=1 --list "$dir")
w=$(best_of "$wb" --jobs="$jobs" --list "$dir")
echo "$x $w1 $w $bytes" | awk '{
	printf "corpus:             %.1f MB in %s\n", $7 / 1e6, "'"$dir"'"
	printf "threads:            %s online CPUs; xmllint parses on 1\n", "'"$cpus"'"
	printf "xmllint --noout:    %.2f s\n", $1
	printf "werkbezoek --list --jobs=1:  %.2f s, %.2f x xmllint, peak %.0f MB, %.2f x the XML\n", $3, $3 / $1, $4 / 1024, $4 * 1024 / $7
	printf "werkbezoek --list --jobs=%s:  %.2f s, %.2f x xmllint, peak %.0f MB, %.2f x the XML\n", "'"$jobs"'", $5, $5 / $1, $6 / 1024, $6 * 1024 / $7
	printf "targets: time <= 2.5 x xmllint, memory <= 9 x the XML\n"
}'
