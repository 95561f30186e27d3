#!/usr/bin/env bash
# Runs every test: unit, both stores' contract tests (PostGIS in a throwaway cluster the tests
# start), browser tests in headless Chromium, GDAL client tests. Benchmarks are not run here
# (see README: mvn test -Pbench).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
mvn -B -ntp verify "$@"
