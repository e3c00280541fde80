#!/usr/bin/env bash
# Throughput of the simulator with zero latency and no limits (docs/benchmarks.md).
# Needs wrk (apt-get install wrk). Run from the repository root.
set -euo pipefail
PORT=${PORT:-18080}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
./mvnw -B -q -pl poc-sim -am test-compile
./mvnw -B -q -pl poc-sim dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP=poc-sim/target/classes:poc-sim/target/test-classes:$(cat poc-sim/target/cp.txt)
"$JAVA" -cp "$CP" io.vscanpoc.sim.BenchServer "$PORT" > /tmp/sim-bench-server.log &
SERVER=$!
trap 'kill $SERVER' EXIT
BASE=http://127.0.0.1:$PORT/api/extensions
until curl -sf -o /dev/null http://127.0.0.1:$PORT/__sim/stats; do sleep 0.2; done
ID=$(curl -s -XPOST -d '{"publisher":"ms-python","name":"python"}' "$BASE/analyze" | sed 's/.*"analysisId":"\([^"]*\)".*/\1/')
wrk -t2 -c32 -d5s "$BASE/status/$ID" > /dev/null   # warm-up (JIT)
echo "== GET status";  wrk -t2 -c32 -d10s "$BASE/status/$ID"
echo "== GET results"; wrk -t2 -c32 -d10s "$BASE/results/$ID"
echo "== POST analyze"; wrk -t2 -c32 -d10s -s poc-sim/src/test/bench/analyze.lua "$BASE/analyze"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
