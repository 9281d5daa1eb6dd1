#!/usr/bin/env bash
# Builds and runs every benchmark, printing their figures. Usage: tools/bench/run.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target bench_foundation bench_sync cbt-kiosk cbt-host >/dev/null
echo "== engine (course runtime, sandbox, journal)"
./build/tools/bench/bench_foundation "$@"
echo
echo "== classroom sync"
./build/tools/bench/bench_sync
echo
echo "== kiosk window (under Xvfb)"
python3 tools/bench/bench_kiosk.py build/engine/apps/kiosk/cbt-kiosk
echo
echo "== end of the day (backup to the stick, restore on a replacement host)"
python3 tools/bench/bench_backup.py build/engine/apps/host/cbt-host build/engine/apps/kiosk/cbt-kiosk .
