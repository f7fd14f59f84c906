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

exe="$build/app/ciplanner"
is_job=0
for arg in "$@"; do
    case "$arg" in
        --help|-h|--version|-v|--check|--parse-timeframe|--import-csv) is_job=1 ;;
    esac
done

if [[ $is_job -eq 0 && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "There is no display to open the planner's window on (DISPLAY and WAYLAND_DISPLAY are unset)." >&2
    echo "Run it on a desktop, under Xvfb (xvfb-run ./run.sh), or use a headless job:" >&2
    "$exe" --help | sed -n '/^Options:/,$p' >&2
    exit 2
fi
exec "$exe" "$@"
