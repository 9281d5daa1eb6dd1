#!/usr/bin/env bash
# Renders the courses' illustrations: assets/illustrations/<course>/<name>.svg becomes
# courses/<course>/images/<name>.png. The PNGs are committed so a kiosk never needs the renderer;
# run this after editing an SVG (it only redraws files whose SVG is newer, unless --all).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v rsvg-convert >/dev/null || "$root/tools/install-deps.sh"

all=0
[ "${1:-}" = "--all" ] && all=1
count=0
for svg in "$root"/assets/illustrations/*/*.svg; do
  [ -e "$svg" ] || continue
  course="$(basename "$(dirname "$svg")")"
  name="$(basename "$svg" .svg)"
  out_dir="$root/courses/$course/images"
  png="$out_dir/$name.png"
  if [ ! -d "$root/courses/$course" ]; then
    echo "error: $svg: there is no course folder courses/$course for it" >&2
    exit 1
  fi
  if [ $all -eq 0 ] && [ -e "$png" ] && [ "$png" -nt "$svg" ]; then continue; fi
  mkdir -p "$out_dir"
  rsvg-convert --format=png --output="$png.tmp" "$svg"
  mv "$png.tmp" "$png"
  count=$((count + 1))
  echo "rendered courses/$course/images/$name.png"
done
echo "$count illustration(s) rendered"
