#!/bin/sh
# bench-load.sh: corpus loading speed and memory against libxml2's own.
#
#   sh tests/bench/bench-load.sh [DIR]...   (make bench runs it)
#
# The first DIR (default /tmp/werkbezoek-synth100) is made with
# ../shared/tools/gen_tei_corpus.py the first time (2,500 documents, about
# 100 MB) and kept; any other DIR (a real corpus, say; make bench passes
# $BENCH_REAL when it is set) is measured as it is.  For each, in one run
# and taking turns: xmllint --noout over the same *.xml files, and
# werkbezoek --list end to end (load, flatten, index, print) with --jobs=1
# and with the default (the online CPUs, at most 8), each five times.
# Printed, the median of the five: wall time, CPU time (user + sys) and
# kernel time (sys) of each, werkbezoek's as ratios against xmllint's
# (target: time at most 1.5 times), and werkbezoek's peak memory (GNU
# time's maximum resident set size) against the size of the XML (target:
# at most 7.5 times).  The load average is printed too: on a busy machine
# the wall times mean little, compare the CPU ratios.  With $BENCH_TREES
# (make bench sets it: tests/bench/bench_trees), the peak memory of
# libxml2's trees alone is printed against the XML too, once: parsed with
# the loader's options and dictionary and kept, nothing made of them, the
# floor under werkbezoek's peak as long as it keeps the trees.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
wb=${WERKBEZOEK:-$top/tui/werkbezoek}
gen=${WERKBEZOEK_GEN:-$top/../shared/tools/gen_tei_corpus.py}
runs=${BENCH_RUNS:-5}
[ $# -gt 0 ] || set -- /tmp/werkbezoek-synth100
cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
jobs=$((cpus > 8 ? 8 : cpus))
out=$(mktemp "${TMPDIR:-/tmp}/bench-load.XXXXXX")
trap 'rm -f "$out"' EXIT

if [ ! -f "$1/authority.xml" ] && [ "$1" = /tmp/werkbezoek-synth100 ]; then
	echo "making the synthetic corpus in $1 (2500 documents, about 100 MB)"
	python3 "$gen" --docs 2500 --outdir "$1"
fi

# one NAME CMD...: a run, "NAME wall user sys peak-KiB" appended to $out
one() {
	name=$1
	shift
	/usr/bin/time -f "$name %e %U %S %M" -a -o "$out" "$@" >/dev/null 2>&1 || true
}

# median NAME FIELD: the median of a field (2 wall, 3 cpu, 4 sys, 5 peak)
median() {
	awk -v n="$1" -v f="$2" '$1 == n { v = (f == 3) ? $3 + $4 : $f; print v }' "$out" |
		sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

for dir in "$@"; do
	: >"$out"
	bytes=$(cat "$dir"/*.xml | wc -c)
	i=0
	while [ $i -lt "$runs" ]; do
		one xmllint xmllint --noout "$dir"/*.xml
		one wb1 "$wb" --jobs=1 --list "$dir"
		one wbn "$wb" --jobs="$jobs" --list "$dir"
		i=$((i + 1))
	done
	echo "corpus:  $dir, $(echo "$bytes" | awk '{ printf "%.1f MB", $1 / 1e6 }') of XML," \
	     "$(ls "$dir"/*.xml | wc -l) files"
	echo "threads: $cpus online CPUs; xmllint parses on 1;" \
	     "load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
	echo "medians of $runs runs:  wall     cpu      sys    wall/x  cpu/x   peak/XML"
	for n in xmllint wb1 wbn; do
		case $n in
		xmllint) label="xmllint --noout" ;;
		wb1) label="werkbezoek --jobs=1" ;;
		*) label="werkbezoek --jobs=$jobs" ;;
		esac
		echo "$label $(median $n 2) $(median $n 3) $(median $n 4) $(median $n 5)" \
		     "$(median xmllint 2) $(median xmllint 3) $bytes" | awk '{
			n = NF; x = $(n - 2); xc = $(n - 1); b = $n
			w = $(n - 6); c = $(n - 5); s = $(n - 4); m = $(n - 3)
			label = $1; for (i = 2; i <= n - 7; i++) label = label " " $i
			if (label ~ /^xmllint/)
				printf "%-23s %5.2f s  %5.2f s  %4.2f s\n", label, w, c, s
			else
				printf "%-23s %5.2f s  %5.2f s  %4.2f s  %5.2f  %5.2f  %5.2f\n",
				       label, w, c, s, w / x, c / xc, m * 1024 / b
		}'
	done
	if [ -n "${BENCH_TREES:-}" ]; then
		one trees "$BENCH_TREES" "$dir"
		echo "libxml2's trees alone, kept (the floor): peak $(median trees 5 |
			awk -v b="$bytes" '{ printf "%.2f", $1 * 1024 / b }') x the XML"
	fi
	echo "targets: time <= 1.5 x xmllint, peak memory <= 7.5 x the XML"
done
