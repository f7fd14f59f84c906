#!/usr/bin/env bash
# Runs every benchmark executable of an optimised build; each prints lines
#   bench <name> <median> <unit> target <op><value> <ok|MISSED>
set -uo pipefail
build="$1"
status=0
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
for exe in "$build"/tests/bench/bench_*; do
    [[ -x "$exe" && ! -d "$exe" ]] || continue
    "$exe" || { echo "benchmark $(basename "$exe") failed" >&2; status=1; }
done
exit $status
