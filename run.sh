#!/usr/bin/env bash
# ./run.sh [ARGS…] — install what is missing, build (incrementally) and run the planner.
# With no ARGS it opens the window on your plan (the demo plan on first run).
# With a command-line job (e.g. --check, --parse-timeframe TEXT) it runs headless.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${CIPLANNER_BUILD_DIR:-$here/build-run}"

"$here/packaging/install-deps.sh" >&2
if [[ ! -f "$build/build.ninja" ]]; then
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >&2
fi
cmake --build "$build" --target ciplanner >&2

# The planner itself tells a job from the window, and says so when there is no display.
exec "$build/app/ciplanner" "$@"
