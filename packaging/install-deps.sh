#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the planner needs to build, test and run.
# Idempotent: when everything is present it only checks (dpkg-query) and returns at once.
#   packaging/install-deps.sh           build + run + test packages
#   packaging/install-deps.sh --bench   also LibreOffice, the peer the benchmarks compare against
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkgconf
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libgl-dev
    libqt6sql6-sqlite libsqlite3-dev libxlsxwriter-dev
    # run
    qt6-qpa-plugins fonts-dejavu-core
    # tests: offscreen and Xvfb windows, PDF read-back, SQLite command line, XLSX read-back
    xvfb xauth poppler-utils sqlite3 unzip
)
if [[ "${1:-}" == "--bench" ]]; then
    # headless LibreOffice: XLSX and ODT to PDF, timed beside the planner's own PDFs
    packages+=(libreoffice-calc-nogui libreoffice-writer-nogui)
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

echo "Installing: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "error: these packages are missing and I am not root and sudo is not available: ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when they are missing or older than a day.
if [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]]; then
    "${sudo[@]}" apt-get update -qq
fi
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
