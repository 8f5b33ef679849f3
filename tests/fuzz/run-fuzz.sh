#!/bin/sh
# run-fuzz.sh: run each libFuzzer target for a while from its seeds and
# report what it did.
#
# Usage: tests/fuzz/run-fuzz.sh NAME SECONDS SRCDIR
# Run in the build directory, where tests/fuzz/fuzz_{load,search,text}
# are.  Makes the seeds in tests/fuzz/seeds, keeps new inputs in
# tests/fuzz/found/TARGET and each log in tests/fuzz/fuzz_TARGET.log, and
# prints for each target one line: executions, executions per second,
# coverage (libFuzzer's cov: edges and ft: features at the end) and peak
# memory.  A crash leaves tests/fuzz/crash-* and stops the run (exit 1).
#
# Options for speed: inputs up to 8 KiB (-max_len; the corpus's documents
# are up to 35 KiB, and a large input mostly repeats what a small one
# covers) and ASan keeping 4 frames of each allocation's stack instead of
# 30 (recording stacks was a fifth of fuzz_load's time); a crash found
# this way is reproduced with full stacks by running the target on it.
set -eu

name=${1:?usage: run-fuzz.sh NAME SECONDS SRCDIR}
secs=${2:?usage: run-fuzz.sh NAME SECONDS SRCDIR}
src=${3:?usage: run-fuzz.sh NAME SECONDS SRCDIR}

rm -rf tests/fuzz/seeds
sh "$src/tests/fuzz/make-seeds.sh" tests/fuzz/seeds "$src"
ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=4}
export ASAN_OPTIONS
for t in load search text; do
	dict=
	[ "$t" = load ] && dict=-dict=tests/fuzz/seeds/tei.dict
	mkdir -p "tests/fuzz/found/$t"
	log=tests/fuzz/fuzz_$t.log
	echo "$name: fuzz_$t for $secs s"
	if ! tests/fuzz/fuzz_$t $dict -max_total_time="$secs" -max_len=8192 \
		-rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
		-artifact_prefix=tests/fuzz/ "tests/fuzz/found/$t" "tests/fuzz/seeds/$t" \
		>"$log" 2>&1; then
		tail -50 "$log"
		echo "$name: fuzz_$t failed"
		exit 1
	fi
	stat_of() { sed -n "s/^stat::$1: *//p" "$log"; }
	done_line=$(grep 'DONE' "$log" | tail -1)
	cov=$(echo "$done_line" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$done_line" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
	echo "$name: fuzz_$t: $(stat_of number_of_executed_units) executions," \
		"$(stat_of average_exec_per_sec)/s, cov: ${cov:-?} ft: ${ft:-?}," \
		"peak $(stat_of peak_rss_mb) MB"
done
