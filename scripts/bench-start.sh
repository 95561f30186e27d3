#!/usr/bin/env bash
# How long the embedded default takes to start with the demo data: launch the jar on an empty
# embedded store, poll /ready (the search index built) every 50 ms, then start it again on the
# store it wrote. Prints wall time, CPU time (all threads) and peak resident memory of each start.
# Usage: bash scripts/bench-start.sh [RUNS]   (JAR=..., PORT=... to change; builds the jar if absent)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/target/zoneatlas.jar}
PORT=${PORT:-18099}
RUNS=${1:-3}
[[ -f $JAR ]] || (cd "$ROOT" && mvn -B -ntp -q package -DskipTests)

start() { # $1: embedded path; prints "wall_ms cpu_s rss_mb"
  local t0 t1 pid
  t0=$(date +%s%N)
  java -jar "$JAR" --embedded.path "$1" --port "$PORT" --host 127.0.0.1 >"$1.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped; its log: $1.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  local cpu rss
  cpu=$(awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$pid/stat")
  rss=$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $cpu $rss"
}

echo "jar: $JAR; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d)
  read -r w c r < <(start "$dir/atlas")
  echo "first start:  ${w} ms wall, ${c} s CPU, ${r} MB peak RSS"
  read -r w c r < <(start "$dir/atlas")
  echo "second start: ${w} ms wall, ${c} s CPU, ${r} MB peak RSS"
  rm -rf "$dir"
done
