#!/usr/bin/env bash
# CI smoke test of the fuzz targets: installs cargo-fuzz when it is missing,
# builds every target, seeds the corpora and runs each target for
# SMOKE_SECONDS (default 20) seconds, one after the other; fails on any
# crash, leak, out-of-memory or timeout (see fuzz/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "smoke.sh: installing cargo-fuzz"
    cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

start=$(date +%s)
status=0
fuzz/run.sh "${SMOKE_SECONDS:-20}" || status=$?
echo "smoke.sh: $(( $(date +%s) - start ))s (build and runs)"
exit "$status"
