#!/usr/bin/env bash
# Crash loop (issue 9): starts real simulated PoC runs on one persistent cache directory and kills
# each with SIGKILL at a random moment, then checks that nothing was damaged or half-written:
#   - `vscan-poc cache check` passes (the file opens untouched, SQLite's integrity_check and the
#     content check of every row), and `cache stats` works;
#   - nothing was moved aside as corrupt (no cache.db.corrupt-*);
#   - every report file at its final path is absent or whole: the JSON parses and is not partial,
#     the Markdown has its last section, the SVG is closed; anything else in the report directory
#     is one of the writer's temporary files (.<final name>XXXX.tmp), which a SIGKILL between
#     writing and renaming can leave behind and which never carries a final name.
# Then a normal run on the same directory must succeed (exit 0 or 1, report whole).
#
# Usage: scripts/crash-loop.sh            (KILLS=20 TIME_SCALE=0.01 SEED=<random> WORK=<mktemp -d>)
# Needs bash 5, jq; no network beyond 127.0.0.1 (the simulator). Too slow for CI (3-4 minutes);
# its figures are in docs/reliability.md (Crash loop).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" crash-loop
require jq "to parse the JSON report"
kills_wanted="${KILLS:-20}"
time_scale="${TIME_SCALE:-0.01}"
seed="${SEED:-$(( $(date +%s) % 32768 ))}"
RANDOM="$seed"

cache="$work/cache"
reports="$work/reports"
logs="$work/logs"
report="$reports/r.md"
json="$reports/r.json"
chart="$reports/r-speedup.svg"
mkdir -p "$reports" "$logs"

# A run of the brief's matrix, shrunk: the warm-up pass, then 2 worker counts x both cache states =
# 4 scenarios, so a kill can land in the cache's open and check, a clear, a seeded 50/50 deletion,
# single and concurrent puts, an integrity check or the report write.
run_args() { # $1: the cache directory
  printf '%s\n' --simulate --cache-dir "$1" --report "$report" --json "$json" --workers 1,3 \
    --cache-states empty,50/50 --time-scale "$time_scale" --no-color
}
mapfile -t loop_args < <(run_args "$cache")
mapfile -t calibration_args < <(run_args "$work/calibration-cache")

now() { printf '%s' "$EPOCHREALTIME"; }

# Waits until process $1 has become the JVM (it is bash, then env, then the launcher's bash, which
# execs java), so that kills land in the JVM and not in the launcher's staleness check; returns
# when the process has ended, or after 10 s.
await_jvm() {
  local i comm
  for ((i = 0; i < 2000; i++)); do
    comm="$(cat "/proc/$1/comm" 2>/dev/null || echo gone)"
    case "$comm" in java|gone) return 0 ;; esac
    sleep 0.005
  done
}
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

failures=0
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }

# Sets reports_state to "ok" or to the reasons the report files are not as they must be.
check_reports() {
  local problems=() f name
  if [ -e "$json" ]; then
    jq -e '.schemaVersion == 1 and (.decision | type == "string") and (.scenarios | type == "array")' \
      "$json" >/dev/null 2>&1 || problems+=("r.json is not a whole report")
  fi
  if [ -e "$report" ]; then
    { head -n 1 "$report" | grep -q '^# Parallel Scanning PoC Results' \
      && grep -q '^## Recommendations and Next Steps' "$report"; } || problems+=("r.md is not a whole report")
  fi
  if [ -e "$chart" ]; then
    tail -c 16 "$chart" | grep -q '</svg>' || problems+=("r-speedup.svg is cut short")
  fi
  for f in "$reports"/* "$reports"/.[!.]*; do
    [ -e "$f" ] || continue
    name="$(basename "$f")"
    case "$name" in
      r.md|r.json|r-speedup.svg) ;;
      .r.md*.tmp|.r.json*.tmp|.r-speedup.svg*.tmp) ;;
      *) problems+=("unexpected file $name") ;;
    esac
  done
  if [ ${#problems[@]} -eq 0 ]; then reports_state=ok; else reports_state="$(printf '%s; ' "${problems[@]}")"; fi
}

# Where the killed run was, from its console output: start-up, test i/n and its step, or the end.
phase_of() {
  awk '
    /^Warm-up:/                { test = "warm-up"; step = ""; next }
    /Warm-up done/             { step = "done" }
    /^Test [0-9]+\/[0-9]+:/   { test = $2; sub(/:$/, "", test); step = "cache prep"; next }
    /Cache state .*:/          { step = "cache prep done" }
    /Starting scan/            { step = "scan 0" }
    /^ *\[[0-9]+\/[0-9]+\]/   { n = $1; gsub(/[][]/, "", n); step = "scan " n }
    /Completed in/             { step = "scan done" }
    /[Ii]ntegrity check/       { step = "integrity checked" }
    /^TEST RESULTS SUMMARY/    { summary = 1 }
    END {
      if (summary) print "report written, printing summary"
      else if (test == "") print "start-up"
      else if (test == "warm-up") print "warm-up " step
      else print "test " test " " step
    }' "$1"
}

leftover_temps() { find "$reports" -maxdepth 1 -name '.*.tmp' | wc -l; }
probe_temps() { [ -d "$cache" ] && find "$cache" -maxdepth 1 -name '.write-probe-*' | wc -l || echo 0; }

# Checks the cache after a kill; sets rows to its entry count ("none" when no cache.db exists yet).
check_cache() {
  local tag="$1" out stats
  rows="?"
  if ! out="$("$launcher" cache check --cache-dir "$cache" 2>&1)"; then
    fail "$tag: cache check: $out"; return
  fi
  if ! stats="$("$launcher" cache stats --cache-dir "$cache" 2>&1)"; then
    fail "$tag: cache stats: $stats"; return
  fi
  if compgen -G "$cache/cache.db.corrupt-*" >/dev/null; then
    fail "$tag: a cache file was moved aside as corrupt"
  fi
  rows="$(sed -n 's/^entries: \([0-9]*\).*/\1/p' <<<"$stats")"
  rows="${rows:-none}"
}

echo "crash loop: $kills_wanted kills, time scale $time_scale, seed $seed, work dir $work"
ensure_built

# Calibration: one whole run (own cache) gives the run's length and a previous report at the final
# paths, so every later check also proves that a killed run never damages the report already there.
"$launcher" "${calibration_args[@]}" >"$logs/calibration.out" 2>"$logs/calibration.err" &
pid=$!
await_jvm "$pid"
start="$(now)"
set +e
wait "$pid"
status=$?
set -e
duration="$(elapsed "$start" "$(now)")"
[ "$status" -le 1 ] || { echo "calibration run failed with exit $status; see $logs/calibration.err" >&2; exit 3; }
check_reports
echo "calibration run: exit $status, the JVM ran ${duration}s; report: $reports_state"

rows_log=()
kill_times=()
phases=()
kills=0 attempts=0 finished=0 checks=0 stale_warnings=0
printf '\n%-4s %-8s %-7s %-44s %-6s %s\n' "#" "kill at" "process" "phase (from the console)" "rows" "checks"
while [ "$kills" -lt "$kills_wanted" ] && [ "$attempts" -lt $((kills_wanted * 2)) ]; do
  attempts=$((attempts + 1))
  # Uniform over the calibrated JVM run, its start-up included: 0 .. 98% of its length.
  # $RANDOM is read here, not inside $(...): bash reseeds it in subshells, which would lose SEED.
  draw=$RANDOM
  delay="$(awk -v d="$duration" -v r="$draw" 'BEGIN { printf "%.3f", d * 0.98 * r / 32767 }')"
  out="$logs/run-$attempts.out"
  "$launcher" "${loop_args[@]}" >"$out" 2>"$logs/run-$attempts.err" &
  pid=$!
  await_jvm "$pid"
  start="$(now)"
  sleep "$delay"
  process="$(cat "/proc/$pid/comm" 2>/dev/null || echo gone)"
  kill -9 "$pid" 2>/dev/null || true
  killed_at="$(elapsed "$start" "$(now)")"
  set +e
  { wait "$pid"; } 2>/dev/null   # no "Killed" notice from the shell
  status=$?
  set -e
  if grep -q 'warning:' "$logs/run-$attempts.err"; then
    stale_warnings=$((stale_warnings + 1))
    fail "run $attempts printed a warning on open: $(grep 'warning:' "$logs/run-$attempts.err" | head -n 1)"
  fi
  if [ "$status" -ne 137 ]; then
    finished=$((finished + 1))
    echo "     run $attempts ended by itself (exit $status) before the kill at ${killed_at}s; not counted"
    continue
  fi
  kills=$((kills + 1))
  last="$(phase_of "$out")"
  failures_before="$failures"
  check_cache "kill $kills"
  check_reports
  [ "$reports_state" = ok ] || fail "kill $kills: reports: $reports_state"
  result="pass"
  [ "$failures" -eq "$failures_before" ] || result="FAIL"
  [ "$result" = pass ] && checks=$((checks + 1))
  rows_log+=("$rows"); kill_times+=("$killed_at"); phases+=("$process")
  printf '%-4s %-8s %-7s %-44s %-6s %s\n' "$kills" "${killed_at}s" "$process" "$last" "$rows" "$result"
done

echo
echo "final normal run on the same cache directory:"
before="$(jq -r '.run.startedAt' "$json" 2>/dev/null || echo none)"
start="$(now)"
set +e
"$launcher" "${loop_args[@]}" >"$logs/final.out" 2>"$logs/final.err"
final_status=$?
set -e
final_duration="$(elapsed "$start" "$(now)")"
after="$(jq -r '.run.startedAt' "$json" 2>/dev/null || echo none)"
check_cache "final run"
final_rows="$rows"
check_reports
final_reports="$reports_state"
final_ok=yes
[ "$final_status" -le 1 ] || { final_ok=no; fail "final run exited $final_status"; }
[ "$final_reports" = ok ] || { final_ok=no; fail "final run: reports: $final_reports"; }
[ "$after" != "$before" ] || { final_ok=no; fail "final run did not write a new report"; }
jq -e '.partial == false' "$json" >/dev/null || { final_ok=no; fail "final report is partial"; }
integrity="$(jq -r '[.scenarios[].integrityOk] | all' "$json")"
[ "$integrity" = true ] || { final_ok=no; fail "final report: an integrity check failed"; }
grep -q 'warning:' "$logs/final.err" && { final_ok=no; fail "final run printed a warning on open"; }
echo "  exit $final_status in ${final_duration}s, decision $(jq -r .decision "$json"), integrity in every scenario: $integrity, rows $final_rows, reports $final_reports"

echo
echo "SUMMARY"
echo "  kills: $kills of $kills_wanted (attempts $attempts, $finished ended before their kill)"
echo "  kill times (s after the JVM started): ${kill_times[*]}"
echo "  process at the kill: $(printf '%s\n' "${phases[@]}" | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}' | sed 's/, $//')"
echo "  kills whose checks all passed: $checks of $kills"
echo "  rows in the cache after each kill: ${rows_log[*]}"
echo "  writer temp files left in the report directory: $(leftover_temps); cache write probes left: $(probe_temps)"
echo "  final run: $([ "$final_ok" = yes ] && echo pass || echo FAIL) (exit $final_status, ${final_duration}s)"
echo "  failures: $failures; logs in $logs"
[ "$failures" -eq 0 ] && [ "$kills" -eq "$kills_wanted" ]
