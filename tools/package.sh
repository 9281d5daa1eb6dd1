#!/usr/bin/env bash
# Installs what is missing, builds, and makes the Debian packages in build/packages:
# suitcase-cbt, suitcase-cbt-kiosk and suitcase-cbt-host.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/tools/build.sh"
rm -rf "$root/build/packages"
cpack --config "$root/build/CPackConfig.cmake" -B "$root/build/packages" >/dev/null
rm -rf "$root/build/packages/_CPack_Packages"
ls -1 "$root/build/packages"/*.deb
