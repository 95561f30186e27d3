#!/usr/bin/env bash
# Builds the jar (without running the test suite: that is scripts/test.sh) and serves the map
# on http://localhost:7070/ from the embedded store with the demo data. Extra arguments go to the
# server, e.g. scripts/run.sh --port 8080 or --db postgresql://user:pass@host/db
set -euo pipefail
cd "$(dirname "$0")/.."
command -v java >/dev/null || { echo "java (JDK 17) is required" >&2; exit 1; }
command -v mvn >/dev/null || { echo "mvn (Maven 3.8+) is required" >&2; exit 1; }
mvn -B -q -ntp -Papp package
exec java -jar target/zoneatlas.jar "$@"
