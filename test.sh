#!/usr/bin/env bash
# ./test.sh          install what is missing, build, run every test with ctest
# ./test.sh --bench  build optimised and run every benchmark (one line per figure)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jobs="$(nproc 2>/dev/null || echo 2)"

"$here/packaging/install-deps.sh" "${1:-}"

if [[ "${1:-}" == "--bench" ]]; then
    build="${CIPLANNER_BENCH_DIR:-$here/build-release}"
    [[ -f "$build/build.ninja" ]] || cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
    cmake --build "$build" -j "$jobs"
    exec "$here/tests/bench/run-benchmarks.sh" "$build"
fi

build="${CIPLANNER_TEST_DIR:-$here/build}"
[[ -f "$build/build.ninja" ]] || cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug
cmake --build "$build" -j "$jobs"
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" --timeout 600
