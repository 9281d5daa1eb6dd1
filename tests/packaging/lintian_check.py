#!/usr/bin/env python3
"""The Debian packages pass lintian with no errors and say what they need.

  lintian_check.py PACKAGES_DIR
"""
import subprocess
import sys
from pathlib import Path


def field(deb, name):
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def contents(deb):
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    return {line.split()[-1].lstrip(".") for line in listing.splitlines()}


def main():
    folder = Path(sys.argv[1])
    debs = {field(d, "Package"): d for d in sorted(folder.glob("*.deb"))}
    problems = []
    if sorted(debs) != ["suitcase-cbt", "suitcase-cbt-host", "suitcase-cbt-kiosk"]:
        problems.append(f"packages built: {sorted(debs)}")

    # What each program loads or starts at run time, and must therefore be a dependency.
    needs = {
        "suitcase-cbt": ["libc6", "liblua5.4-0", "libsqlite3-0", "libsodium23", "libarchive13"],
        "suitcase-cbt-kiosk": ["suitcase-cbt (= ", "libsdl2-2.0-0", "cage", "xwayland", "fonts-dejavu-core", "adduser",
                               "libcpp-httplib0.11", "libgl1-mesa-dri"],
        "suitcase-cbt-host": ["suitcase-cbt (= ", "libsdl2-2.0-0", "cage", "xwayland", "libcpp-httplib0.11", "adduser"],
    }
    files = {
        "suitcase-cbt": ["/usr/bin/cbt", "/usr/share/man/man1/cbt.1.gz", "/usr/share/doc/suitcase-cbt/copyright",
                         "/usr/share/suitcase-cbt/courses/drug-identification/course.lua",
                         "/usr/share/suitcase-cbt/courses/border-security/course.lua",
                         "/usr/share/suitcase-cbt/assets/i18n/ru.json"],
        "suitcase-cbt-kiosk": ["/usr/bin/cbt-kiosk", "/lib/systemd/system/cbt-kiosk.service",
                               "/usr/libexec/suitcase-cbt/kiosk-session", "/usr/share/man/man1/cbt-kiosk.1.gz"],
        "suitcase-cbt-host": ["/usr/bin/cbt-host", "/usr/bin/cbt-end-of-day", "/lib/systemd/system/cbt-host.service",
                              "/lib/systemd/system/cbt-host-headless.service",
                              "/usr/libexec/suitcase-cbt/host-session", "/usr/share/man/man1/cbt-host.1.gz"],
    }
    for package, deb in debs.items():
        depends = field(deb, "Depends")
        for need in needs.get(package, []):
            if need not in depends:
                problems.append(f"{package}: Depends lacks {need!r}: {depends}")
        present = contents(deb)
        for path in files.get(package, []):
            if path not in present:
                problems.append(f"{package}: {path} is missing")
        print(f"{package}: {len(present)} paths; Depends: {depends}")

    result = subprocess.run(["lintian", "--fail-on", "error", "--display-info", *map(str, debs.values())],
                            capture_output=True, text=True)
    print(result.stdout + result.stderr)
    if result.returncode != 0:
        problems.append(f"lintian reports errors (status {result.returncode}; see above)")
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
