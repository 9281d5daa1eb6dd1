#!/usr/bin/env bash
# The main job: installs what is missing, builds, checks the bundled courses, and opens a demo
# classroom of two kiosk windows on this machine (trainees and PINs: assets/demo/roster.csv).
# Without a display the two kiosks play headless, answering by themselves, and print results.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/build.sh"
cbt="$root/build/engine/apps/cbt/cbt"
kiosk="$root/build/engine/apps/kiosk/cbt-kiosk"
"$cbt" check "$root"/courses/*/

data="${XDG_DATA_HOME:-$HOME/.local/share}/cbt/demo"
roster="$root/assets/demo/roster.csv"
seats=(1 2)
echo "Demo classroom data: $data/seat-N (remove the folder to start afresh)"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening ${#seats[@]} kiosk windows. Trainees and PINs: $roster (e.g. Timur Sadykov, PIN 3333)."
  echo "Close a window normally: demo kiosks run with --windowed."
  pids=()
  for n in "${seats[@]}"; do
    "$kiosk" --windowed --data "$data/seat-$n" --seat "$n" --roster "$roster" "$@" &
    pids+=($!)
  done
  trap 'kill "${pids[@]}" 2>/dev/null || true' INT TERM
  wait "${pids[@]}"
else
  echo "No display: the kiosks play headless (one answers rightly, one wrongly)."
  "$kiosk" --headless --data "$data/seat-1" --seat 1 --roster "$roster" --learner "Timur Sadykov" \
    --auto correct "$@" 2>&1 | sed 's/^/[seat 1] /' &
  first=$!
  "$kiosk" --headless --data "$data/seat-2" --seat 2 --roster "$roster" --learner "Азиз Каримов" \
    --auto wrong "$@" 2>&1 | sed 's/^/[seat 2] /' &
  second=$!
  wait "$first" "$second"
fi
