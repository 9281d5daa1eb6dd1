#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the tests and the demo need; does nothing when all are present.
# Safe to run again and again: it asks apt only for what is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  doctest-dev libsqlite3-dev liblua5.4-dev nlohmann-json3-dev libsodium-dev libssl-dev
  libsdl2-dev libx11-dev libimgui-dev libcpp-httplib-dev libstb-dev libgl-dev libarchive-dev
  fonts-dejavu-core
  xvfb xdotool imagemagick librsvg2-bin python3 sqlite3
  cage grim xwayland
  help2man lintian apt-utils debootstrap iproute2
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q || echo "warning: apt-get update failed; trying the install with the current package lists" >&2
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
