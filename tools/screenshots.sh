#!/usr/bin/env bash
# Remakes docs/screenshots/: plays the sample course's tour lesson in the real kiosk on a private
# Xvfb screen (tests/ui/drive_kiosk.py, the same driver as the UI test), once in English and once
# in Russian, plus a high-contrast, larger-text run, and keeps one 1280x800 PNG per view.
# Usage: tools/screenshots.sh [BUILD_DIR]   (default build/; builds cbt-kiosk there first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
out="$root/docs/screenshots"
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || "$root/tools/install-deps.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target cbt-kiosk send_wm_delete -j"$(nproc)" >/dev/null
kiosk="$build/engine/apps/kiosk/cbt-kiosk"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
rm -f "$out"/en-*.png "$out"/ru-*.png   # the courses-* pictures come from tools/course_screenshots.py

# Views worth a picture, and the names they get (NN-what), in the order a trainee meets them.
views=(
  "sign_in:01-sign-in" "sign_in.pin:02-pin" "home:03-home"
  "lesson.welcome:04-info" "lesson.route:05-single-choice" "lesson.route.feedback:06-feedback"
  "lesson.concealment:07-multiple-choice" "lesson.colour_test:08-true-false"
  "lesson.colour_test.retry:09-try-again" "lesson.pairs:10-matching" "lesson.chain:11-ordering"
  "lesson.border:12-numeric" "lesson.precursor:13-text-entry" "lesson.find_tank:14-hotspot"
  "lesson.find_tank.feedback:15-hotspot-feedback" "lesson.search:16-canvas"
  "lesson.search.feedback:17-canvas-feedback" "results:18-results"
)

for lang in en ru; do
  python3 "$root/tests/ui/drive_kiosk.py" tour --kiosk "$kiosk" --source "$root" --lang "$lang" \
    --shots "$work/$lang" --keep "$work/run-$lang" >/dev/null
  for entry in "${views[@]}"; do
    view="${entry%%:*}"
    name="${entry#*:}"
    # The first picture of the view (the driver may come back to a view later).
    shot="$(ls "$work/$lang" | grep -E "^[0-9]+-${view//./\\.}\.png$" | head -1 || true)"
    [ -n "$shot" ] && cp "$work/$lang/$shot" "$out/$lang-$name.png"
  done
done

# The instructor's exit dialog, from the lock-down test's run in kiosk mode.
python3 "$root/tests/ui/drive_kiosk.py" lockdown --kiosk "$kiosk" --source "$root" --lang en \
  --wm-close "$build/tests/ui/send_wm_delete" --shots "$work/exit" >/dev/null
shot="$(ls "$work/exit" | grep -E '^[0-9]+-sign_in-exit\.png$' | head -1 || true)"
[ -n "$shot" ] && cp "$work/exit/$shot" "$out/en-19-instructor-exit.png"

# High contrast and larger text: the driver's --accessible run turns both on at sign-in.
python3 "$root/tests/ui/drive_kiosk.py" tour --kiosk "$kiosk" --source "$root" --lang ru --accessible \
  --shots "$work/access" --keep "$work/run-access" >/dev/null
for entry in "sign_in:sign-in" "lesson.route.feedback:single-choice-feedback" "lesson.pairs:matching" "results:results"; do
  view="${entry%%:*}"
  name="${entry#*:}"
  shot="$(ls "$work/access" | grep -E "^[0-9]+-${view//./\\.}\.png$" | tail -1 || true)"
  [ -n "$shot" ] && cp "$work/access/$shot" "$out/ru-contrast-large-$name.png"
done
ls "$out" | wc -l | xargs echo "screenshots written to docs/screenshots:"
