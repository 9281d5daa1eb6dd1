#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite in parallel.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/build.sh"
cd "$root/build"
ctest -j"$(nproc)" --output-on-failure --timeout 600
