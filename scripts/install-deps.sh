#!/usr/bin/env bash
# Installs what the test suite needs beyond the JDK and Maven: PostGIS (the tests start their own
# throwaway cluster), Chromium + ChromeDriver + a CJK font (browser tests), GDAL (OGC client tests),
# nginx (the scale-out test runs its own, on a free port, with deploy/scale-out/zoneatlas.nginx.conf).
# Safe to run again: it only calls apt-get when a package is missing.
set -euo pipefail
pkgs=(postgresql-15 postgresql-15-postgis-3 chromium chromium-driver fonts-wqy-microhei gdal-bin nginx)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
command -v java >/dev/null || { echo "java (JDK 17) is required" >&2; exit 1; }
command -v mvn >/dev/null || { echo "mvn (Maven 3.8+) is required" >&2; exit 1; }
