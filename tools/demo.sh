#!/usr/bin/env bash
# The main job: installs what is missing, builds, checks the bundled courses, and runs a demo
# classroom on this machine: the instructor's host (dashboard window) and two kiosk windows that
# pair with it by the demo's pairing code. Trainees and PINs: assets/demo/roster.csv.
# Without a display, the host serves headless, two kiosks play by themselves, and the host's
# results are printed as CSV.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/build.sh"
cbt="$root/build/engine/apps/cbt/cbt"
kiosk="$root/build/engine/apps/kiosk/cbt-kiosk"
host="$root/build/engine/apps/host/cbt-host"
"$cbt" check "$root"/courses/*/

data="${XDG_DATA_HOME:-$HOME/.local/share}/cbt/demo"
roster="$root/assets/demo/roster.csv"
code="demo-4711"
mkdir -p "$data"
echo "Demo classroom data: $data (remove the folder to start afresh)"

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# The host listens on loopback only: the demo reaches no other machine.
host_args=(--data "$data/host" --port 0 --bind 127.0.0.1 --pairing-code "$code")
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  "$host" "${host_args[@]}" --windowed > "$data/host.log" 2>&1 &
else
  "$host" "${host_args[@]}" --headless > "$data/host.log" 2>&1 &
fi
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$data/host.log" 2>/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$(grep -o 'listening on [0-9.]*:[0-9]*' "$data/host.log" | head -1 | cut -d: -f2)"
echo "Host: $url (log: $data/host.log)"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening two kiosk windows. Sign in as e.g. Timur Sadykov, PIN 3333 ($roster)."
  echo "Close the host's window to end the demo."
  for n in 1 2; do
    "$kiosk" --windowed --data "$data/seat-$n" --roster "$roster" --host "$url" --pairing-code "$code" "$@" &
    pids+=($!)
  done
  wait "${pids[0]}"
else
  echo "No display: two kiosks play by themselves (one answers rightly, one wrongly) and sync."
  "$kiosk" --headless --data "$data/seat-1" --roster "$roster" --learner "Timur Sadykov" --auto correct \
    --host "$url" --pairing-code "$code" "$@" 2>&1 | sed 's/^/[seat 1] /' &
  first=$!
  "$kiosk" --headless --data "$data/seat-2" --roster "$roster" --learner "Азиз Каримов" --auto wrong \
    --host "$url" --pairing-code "$code" "$@" 2>&1 | sed 's/^/[seat 2] /' &
  second=$!
  wait "$first" "$second"
  echo
  echo "The host's record of the class (cbt-host export --format csv):"
  "$host" export --data "$data/host" --format csv
fi
