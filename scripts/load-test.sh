#!/usr/bin/env bash
# Load test (issue 9): N generated extension IDs (loadpub.ext-00001 ...), W workers, the simulator's
# `ideal` profile, the SQLite cache on, one timed scan from an empty cache, through the real CLI.
# Checks from the JSON report: one outcome per input, every one a success, 0 errors of category
# sqlite, sqlite busy 0, integrity and content checks passed, the scanner's stats agreeing with the
# outcomes and the client's request count with the simulator's;
# then `vscan-poc cache check` on the file the run left. Measures wall time and peak RSS
# (/usr/bin/time -v) and the peak Java heap (the GC log, -Xlog:gc).
#
# Usage: scripts/load-test.sh   (N=10000 WORKERS=200 TIME_SCALE=0.1 XMX=<none, e.g. 256m> WORK=<mktemp -d>)
# The time scale also shrinks the client's 30 s request timeout (to 3 real seconds at 0.1). On this
# 2-core machine the run is CPU-bound near 1,300 requests/s whatever the scale, so at 0.02 (0.6 s)
# saturated requests time out and are retried: see docs/benchmarks.md.
# Needs bash, jq and GNU time (apt-get install time); no network beyond 127.0.0.1.
# Figures: docs/benchmarks.md.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" load-test
require jq "to read the JSON report"
[ -x /usr/bin/time ] || { echo "load-test: GNU time is needed for the peak RSS (apt-get install time)" >&2; exit 3; }
n="${N:-10000}"
workers="${WORKERS:-200}"
time_scale="${TIME_SCALE:-0.1}"
xmx="${XMX:-}"
ensure_built

ids="$work/ids.txt"
seq -f 'loadpub.ext-%05g' 1 "$n" >"$ids"
json="$work/load.json"

echo "load test: $n extensions, $workers workers, profile ideal, time scale $time_scale${xmx:+, -Xmx$xmx}, work dir $work"
set +e
# JAVA_TOOL_OPTIONS reaches the JVM the launcher execs (and the launcher's JDK probes: hence a log
# per process id, the largest being the run's); each JVM notes it on stderr ("Picked up ...").
JAVA_TOOL_OPTIONS="-Xlog:gc:file=$work/gc-%p.log::filecount=0${xmx:+ -Xmx$xmx}" /usr/bin/time -v -o "$work/time.txt" \
  "$launcher" --simulate --sim-profile ideal --extensions "$ids" --workers "$workers" \
  --cache-states empty --no-warmup --repetitions 1 --delay 0 --time-scale "$time_scale" \
  --cache-dir "$work/cache" --report "$work/load.md" --json "$json" --no-color \
  >"$work/stdout.txt" 2>"$work/stderr.txt"
status=$?
set -e

wall="$(sed -n 's/^\tElapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")"
rss_kb="$(sed -n 's/^\tMaximum resident set size (kbytes): //p' "$work/time.txt")"
gc_log="$(ls -S "$work"/gc-*.log | head -n 1)"
# G1 lines end in "<before>M-><after>M(<committed>M) <pause>ms": the largest "before" is the peak
# heap in use, the largest "after" the most that survived a collection (the live set, roughly).
peak_heap="$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$gc_log" | awk -F'[M>()-]+' \
  '{ if ($1 > p) p = $1; if ($2 > l) l = $2; if ($3 > c) c = $3 }
   END { printf "peak %d MiB in use, at most %d MiB live after a GC, %d MiB committed", p, l, c }')"
gcs="$(grep -c 'Pause' "$gc_log" || true)"

echo "exit $status; wall $wall; max RSS $((rss_kb / 1024)) MiB; heap: $peak_heap ($gcs GC pauses)"
grep -v '^Picked up JAVA_TOOL_OPTIONS' "$work/stderr.txt" | sed 's/^/  stderr: /' || true

failures=0
check() { # $1: description, $2: jq expression that must be true
  if jq -e "$2" "$json" >/dev/null 2>&1; then
    echo "  ok   $1"
  else
    echo "  FAIL $1: $(jq -c "$3" "$json" 2>/dev/null || echo 'no JSON report')"
    failures=$((failures + 1))
  fi
}
s='.scenarios[0]'
r="$s.runs[0]"
check "one outcome per input ($n)" "$r.outcomes == $n and $r.inputs == $n" "$r | {inputs, outcomes}"
check "every scan succeeded" "$s.successes == $n" "$s | {successes, errorsByCategory}"
check "0 errors of category sqlite" "$s.errors.sqlite == 0 and $s.errorsByCategory.CACHE == 0" "$s.errors"
check "sqlite busy/locked 0" "$s.sqliteBusy == 0" "$s.sqliteBusy"
check "integrity and content checks passed" "$s.integrityOk and $s.sqliteIntegrityOk and $s.contentOk" "$r.cacheCheckDetail"
check "scanner stats agree with the outcomes" "$r.statsAgree" "$r.statsDetail"
check "client requests equal the simulator's" "$r.requests == $r.simulator.requests and $r.http429 == $r.simulator.http429" \
  "$r | {requests, http429, simulator}"
check "stats-accuracy criterion passed" '.criteria[] | select(.id == "statsAccuracy") | .passed' \
  '.criteria[] | select(.id == "statsAccuracy") | .detail'
check "no 429s, no retries" "$s.http429 == 0 and $s.retries == 0" "$s | {http429, retries}"
check "report not partial" ".partial == false" ".partial"
[ "$status" -le 1 ] || { echo "  FAIL exit status $status"; failures=$((failures + 1)); }
if out="$("$launcher" cache check --cache-dir "$work/cache" 2>&1)"; then
  echo "  ok   cache check after the run: $out"
else
  echo "  FAIL cache check after the run: $out"; failures=$((failures + 1))
fi

echo "scan: $(jq -r "$r | \"\(.wallSeconds) s wall (\(.durationSeconds) vscan s), \(.requests) requests\"" "$json")," \
  "$(jq -r "$r.cacheCheckDetail" "$json"); report $(wc -c <"$work/load.md") B Markdown, $(wc -c <"$json") B JSON"
echo "failures: $failures"
[ "$failures" -eq 0 ]
