#!/usr/bin/env bash
# The main job: installs what is missing, builds, and plays the bundled sample course in the
# terminal (answers typed at the prompt). Without a terminal it plays itself with right answers.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/build.sh"
cbt="$root/build/engine/apps/cbt/cbt"
"$cbt" check "$root/courses/sample"
data="${XDG_DATA_HOME:-$HOME/.local/share}/cbt/demo"
mkdir -p "$data"
if [ -t 0 ]; then
  exec "$cbt" play "$root/courses/sample" --journal "$data/journal.db" "$@"
else
  exec "$cbt" play "$root/courses/sample" --journal "$data/journal.db" --auto correct "$@"
fi
