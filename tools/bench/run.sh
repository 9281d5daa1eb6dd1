#!/usr/bin/env bash
# Builds and runs every benchmark, printing their figures. Usage: tools/bench/run.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target bench_foundation bench_sync cbt-kiosk >/dev/null
echo "== engine (course runtime, sandbox, journal)"
./build/tools/bench/bench_foundation "$@"
echo
echo "== classroom sync"
./build/tools/bench/bench_sync
echo
echo "== kiosk window (under Xvfb)"
python3 tools/bench/bench_kiosk.py build/engine/apps/kiosk/cbt-kiosk
