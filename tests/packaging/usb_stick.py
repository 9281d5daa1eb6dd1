#!/usr/bin/env python3
"""The USB stick builder: an offline repository apt can install the whole classroom from.

  usb_stick.py SOURCE PACKAGES_DIR STICK

Builds the stick from the packages, then asks apt, as if on a machine with nothing installed and
no other source, to install the kiosk and the host from it: every package they need must be there.
A second build keeps the classroom's settings.
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def fail(message):
    print("FAIL:", message, flush=True)
    sys.exit(1)


def build(source, packages, stick):
    result = subprocess.run(["bash", str(source / "packaging/build-usb-stick.sh"), str(stick), "--debs", str(packages)],
                            capture_output=True, text=True)
    print(result.stdout + result.stderr, flush=True)
    if result.returncode != 0:
        fail("build-usb-stick.sh failed (above)")


def main():
    source, packages, stick = map(Path, sys.argv[1:4])
    if os.geteuid() != 0:
        print("SKIP: building the stick needs root (apt downloads)")
        sys.exit(77)
    subprocess.run(["rm", "-rf", str(stick)], check=True)
    build(source, packages, stick)
    target = stick / "suitcase-cbt"
    repo = target / "apt"
    for path in ("provision", "classroom.conf", "deployment.md", "apt/Packages.gz", "apt/Release"):
        if not (target / path).exists():
            fail(f"the stick has no suitcase-cbt/{path}")
    if not os.access(target / "provision", os.X_OK):
        fail("provision is not executable")
    conf = (target / "classroom.conf").read_text()
    if "CBT_PAIRING_CODE=" not in conf or "CBT_INSTRUCTOR_PIN=" not in conf:
        fail(f"classroom.conf: {conf}")
    for name in ("suitcase-cbt", "suitcase-cbt-kiosk", "suitcase-cbt-host"):
        if not list(repo.glob(f"{name}_*.deb")):
            fail(f"the repository has no {name}")

    # apt, with an empty dpkg status and only the stick as source, must find everything.
    with tempfile.TemporaryDirectory() as state:
        state = Path(state)
        (state / "lists/partial").mkdir(parents=True)
        (state / "status").write_text("")
        (state / "sources.list").write_text(f"deb [trusted=yes] file:{repo} ./\n")
        options = ["-o", f"Dir::Etc::SourceList={state / 'sources.list'}", "-o", "Dir::Etc::SourceParts=/dev/null",
                   "-o", f"Dir::State::Lists={state / 'lists'}", "-o", f"Dir::State::status={state / 'status'}",
                   "-o", f"Dir::Cache={state}", "-o", "Debug::NoLocking=1"]
        subprocess.run(["apt-get", *options, "-q", "update"], check=True, capture_output=True)
        result = subprocess.run(["apt-get", *options, "-s", "-q", "-y", "--no-install-recommends", "install",
                                 "suitcase-cbt-kiosk", "suitcase-cbt-host"], capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stdout[-4000:], result.stderr[-4000:])
            fail("apt cannot install the classroom from the stick alone (above)")
        planned = [l for l in result.stdout.splitlines() if l.startswith("Inst ")]
        print(f"apt would install {len(planned)} packages from the stick alone, on an empty system")

    # Building again refreshes the repository but keeps the classroom's pairing code and PIN.
    build(source, packages, stick)
    if (target / "classroom.conf").read_text() != conf:
        fail("a second build changed classroom.conf")
    print("PASS")


if __name__ == "__main__":
    main()
