#!/usr/bin/env bash
# Fills a USB stick (or any folder) with what turns eleven fresh Debian 12 machines into a
# classroom without a network: an offline apt repository holding Suitcase CBT's packages and
# every Debian package they need, the provisioning script, and the classroom's settings.
# Run it on a Debian 12 machine with internet access; see docs/deployment.md.
set -euo pipefail

usage="Usage: packaging/build-usb-stick.sh STICK [--debs DIR] [--no-update]

Writes STICK/suitcase-cbt/:
  apt/             an offline repository: the project's packages and all their dependencies
  provision        makes a machine the host or seat N (run it from the stick as root)
  classroom.conf   the classroom's pairing code and instructor PIN (made once, then kept)
  backups/         where cbt-end-of-day puts the host's backups
  deployment.md    how to pack, set up, run and recover the classroom

--debs DIR   take the .deb files from DIR (default: build them with tools/package.sh)
--no-update  use apt's current package lists instead of running apt-get update first"

root="$(cd "$(dirname "$0")/.." && pwd)"
stick="" debs="" update=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --help|-h) echo "$usage"; exit 0 ;;
    --debs) debs="$2"; shift 2 ;;
    --no-update) update=""; shift ;;
    -*) echo "build-usb-stick: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) stick="$1"; shift ;;
  esac
done
[ -n "$stick" ] || { echo "$usage" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "build-usb-stick: run as root (apt downloads the packages)" >&2; exit 1; }

if [ -z "$debs" ]; then
  "$root/tools/package.sh" >/dev/null
  debs="$root/build/packages"
fi
shopt -s nullglob
our_debs=("$debs"/suitcase-cbt*.deb)
[ ${#our_debs[@]} -ge 3 ] || { echo "build-usb-stick: no suitcase-cbt packages in $debs" >&2; exit 1; }

target="$stick/suitcase-cbt"
mkdir -p "$target/backups"
repo="$target/apt"
staging="$(mktemp -d "$stick/.suitcase-cbt-apt.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

if [ -n "$update" ]; then
  echo "[1/4] Updating apt's package lists ..."
  apt-get update -q >/dev/null
else
  echo "[1/4] Using apt's current package lists"
fi

# apt resolves the packages as if nothing were installed (an empty dpkg status), so the
# repository also holds what a minimal system already has: the stick then serves machines
# installed from older Debian 12 media as well.
echo "[2/4] Downloading the packages the classroom needs ..."
cp "${our_debs[@]}" "$staging/"
mkdir -p "$staging/.apt/partial"
: >"$staging/.apt/status"
local_debs=()
for deb in "${our_debs[@]}"; do local_debs+=("$staging/$(basename "$deb")"); done
apt-get install -q -y --download-only --no-install-recommends \
  -o Dir::State::status="$staging/.apt/status" \
  -o Dir::Cache::archives="$staging/.apt" \
  -o Debug::NoLocking=1 \
  -o APT::Get::AllowUnauthenticated=false \
  "${local_debs[@]}" >"$staging/.apt/log" 2>&1 || {
    tail -20 "$staging/.apt/log" >&2
    echo "build-usb-stick: apt could not gather the packages (above); is this machine online and on Debian 12?" >&2
    exit 1
  }
mv "$staging/.apt/"*.deb "$staging/"
rm -rf "$staging/.apt"

echo "[3/4] Writing the repository index ..."
(cd "$staging" && dpkg-scanpackages --multiversion . /dev/null >Packages 2>/dev/null && gzip -9nk Packages &&
  apt-ftparchive -o APT::FTPArchive::Release::Origin=suitcase-cbt \
    -o APT::FTPArchive::Release::Label="Suitcase CBT offline repository" release . >Release)
rm -rf "$repo.old"
if [ -d "$repo" ]; then mv "$repo" "$repo.old"; fi
mv "$staging" "$repo"
rm -rf "$repo.old"
trap - EXIT

echo "[4/4] Copying the provisioning script and the guide ..."
install -m 0755 "$root/packaging/stick/provision" "$target/provision"
install -m 0644 "$root/docs/deployment.md" "$target/deployment.md"
if [ ! -f "$target/classroom.conf" ]; then
  pairing_code="$(od -An -N4 -tu4 /dev/urandom | tr -d ' ' | cut -c1-8)"
  instructor_pin="$(od -An -N4 -tu4 /dev/urandom | tr -d ' ' | cut -c1-6)"
  cat >"$target/classroom.conf" <<EOF
# The classroom's settings, read by provision on every machine of the suitcase.
# Kiosks that know the pairing code are approved by the host without the instructor.
CBT_PAIRING_CODE=$pairing_code
# The PIN that lets the instructor leave a kiosk (Ctrl+Alt+Shift+X).
CBT_INSTRUCTOR_PIN=$instructor_pin
# Language of the sign-in screen and the dashboard: ru or en.
CBT_LANGUAGE=ru
# The classroom network: the host is .1, seat N is .(100+N).
CBT_NETWORK=10.47.0
EOF
  echo "      new classroom.conf: pairing code $pairing_code, instructor PIN $instructor_pin"
fi
sync
count=$(ls "$repo"/*.deb | wc -l)
size=$(du -sh "$repo" | cut -f1)
echo "Ready: $count packages ($size) in $repo. Next: docs/deployment.md, 'Setting up the machines'."
