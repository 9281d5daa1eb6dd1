#!/usr/bin/env python3
"""Suitcase CBT in clean Debian 12 roots, installed from the USB stick with no network.

  debian_roots.py base      SOURCE STICK ROOTS  make (or reuse) the debootstrapped Debian 12 root
  debian_roots.py install   SOURCE STICK ROOTS  install the three packages; cbt --version, cbt check
                                                on the installed courses, the host's headless mode
                                                with a kiosk playing against it
  debian_roots.py provision SOURCE STICK ROOTS  provision a host and seat 3, run a class between
                                                them, back up with cbt-end-of-day, and provision a
                                                replacement host from that backup

Every command in a root runs under chroot inside a network namespace this test creates, which
has only a loopback interface: apt can reach nothing but the stick.
"""
import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from processes import descendants, live  # noqa: E402

MIRROR = os.environ.get("CBT_DEBIAN_MIRROR", "http://deb.debian.org/debian")
CACHE = Path(os.environ.get("CBT_TEST_CACHE", "/var/cache/suitcase-cbt-tests"))
BASE_TARBALL = CACHE / "bookworm-base.tar"
BASE_MAX_AGE_S = 7 * 24 * 3600
PORT = 8870


def log(message):
    print(message, flush=True)


def fail(message):
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def project_version(source):
    text = (source / "CMakeLists.txt").read_text()
    return re.search(r"project\(suitcase_cbt VERSION ([0-9.]+)", text).group(1)


# --- The base root --------------------------------------------------------------------------------

def make_base(roots):
    if BASE_TARBALL.exists() and time.time() - BASE_TARBALL.stat().st_mtime < BASE_MAX_AGE_S:
        log(f"base root: reusing {BASE_TARBALL} (debootstrapped {time.ctime(BASE_TARBALL.stat().st_mtime)})")
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    build = roots / "base-build"
    shutil.rmtree(build, ignore_errors=True)
    roots.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    # The default variant is what a minimal Debian 12 install has: required and important packages.
    log(f"base root: debootstrap bookworm from {MIRROR} ...")
    # In a mount namespace of its own, so no mount debootstrap makes can outlive it.
    result = subprocess.run(["unshare", "--mount", "--propagation", "private", "debootstrap", "bookworm",
                             str(build), MIRROR], capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout[-3000:], result.stderr[-3000:])
        fail("debootstrap failed (above)")
    temporary = BASE_TARBALL.with_suffix(".tar.partial")
    subprocess.run(["tar", "--numeric-owner", "-C", str(build), "-cf", str(temporary), "."], check=True)
    temporary.rename(BASE_TARBALL)
    shutil.rmtree(build)
    log(f"base root: made in {time.monotonic() - started:.0f} s, {BASE_TARBALL.stat().st_size >> 20} MiB")


def fresh_root(roots, name):
    root = roots / name
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    subprocess.run(["tar", "--numeric-owner", "-C", str(root), "-xf", str(BASE_TARBALL)], check=True)
    (root / "media" / "stick").mkdir(parents=True, exist_ok=True)
    return root


# --- Running in a root ----------------------------------------------------------------------------

class Network:
    """A network namespace of the test's own: loopback, and a veth pair carrying the classroom's
    addresses (the host's 10.47.0.1 and seat 3's 10.47.0.103) so the host's broadcast beacon
    reaches the kiosks. Nothing leaves this machine: the namespace has no other link."""

    def __init__(self):
        self.name = f"cbt-test-{os.getpid()}"
        subprocess.run(["ip", "netns", "add", self.name], check=True)
        for command in (["link", "set", "lo", "up"],
                        ["link", "add", "cbt0", "type", "veth", "peer", "name", "cbt1"],
                        ["addr", "add", "10.47.0.1/24", "brd", "+", "dev", "cbt0"],
                        ["addr", "add", "10.47.0.103/24", "brd", "+", "dev", "cbt1"],
                        ["link", "set", "cbt0", "up"], ["link", "set", "cbt1", "up"],
                        ["route", "add", "default", "dev", "cbt0"]):
            subprocess.run(["ip", "-n", self.name, *command], check=True)

    def close(self):
        subprocess.run(["ip", "netns", "del", self.name], check=False)


ENTER = r'''
set -e
root="$1"; stick="$2"; shift 2
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --rbind /dev "$root/dev"
mount --bind "$stick" "$root/media/stick"
exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive /bin/sh -c "$@"
'''


def root_command(network, root, stick, script):
    # The mounts live in a private mount namespace: they vanish with the last process in it.
    # Its own host name too, so a hostname set inside cannot rename this machine.
    return ["ip", "netns", "exec", network.name, "unshare", "--mount", "--uts", "--propagation", "private",
            "/bin/sh", "-c", ENTER, "enter", str(root), str(stick), script]


def run_in(network, root, stick, script, expect=0, timeout=900):
    result = subprocess.run(root_command(network, root, stick, script), capture_output=True, text=True,
                            timeout=timeout)
    output = result.stdout + result.stderr
    if expect is not None and result.returncode != expect:
        print(output[-6000:])
        fail(f"in {root.name}: `{script.strip().splitlines()[0]}` exited {result.returncode}, expected {expect}")
    return output


class Background:
    """A long-running program in a root (a host), stopped as a whole process group."""

    def __init__(self, network, root, stick, script, ready_pattern, timeout=30):
        self.log_path = root / "tmp" / f"background-{time.monotonic_ns()}.log"
        self.log_file = open(self.log_path, "w")
        self.process = subprocess.Popen(root_command(network, root, stick, script), stdout=self.log_file,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while ready_pattern and not re.search(ready_pattern, self.log_path.read_text()):
            if self.process.poll() is not None or time.monotonic() > deadline:
                print(self.log_path.read_text())
                fail(f"`{script}` did not print {ready_pattern!r}")
            time.sleep(0.2)

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()
        return self.log_path.read_text()


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def course_lessons(network, root, stick, course):
    info = run_in(network, root, stick, f"cbt info /usr/share/suitcase-cbt/courses/{course} --json")
    return [lesson["id"] for lesson in json.loads(info)["lessons"]]


# The host as its unit starts it without a screen: user cbt, settings from host.conf, state dir.
HOST_AS_UNIT = r'''
mkdir -p /var/lib/suitcase-cbt/host && chown cbt:cbt /var/lib/suitcase-cbt/host && chmod 0700 /var/lib/suitcase-cbt/host
set -a; [ ! -r /etc/suitcase-cbt/host.conf ] || . /etc/suitcase-cbt/host.conf; set +a
export STATE_DIRECTORY=/var/lib/suitcase-cbt/host
exec runuser -u cbt -- /usr/libexec/suitcase-cbt/host-session headless
'''

HOST_EXPORT = "runuser -u cbt -- cbt-host export --format csv --data /var/lib/suitcase-cbt/host"


def kiosk_plays(network, root, stick, learner, course, auto, settings):
    """The seat's kiosk as a trainee would use it, headless: its data folder and its settings
    (CBT_HOST, CBT_PAIRING_CODE, CBT_SEAT as in kiosk.conf)."""
    script = f'''
mkdir -p /var/lib/suitcase-cbt/kiosk && chown cbt:cbt /var/lib/suitcase-cbt/kiosk && chmod 0700 /var/lib/suitcase-cbt/kiosk
exec runuser -u cbt -- cbt-kiosk --headless --data /var/lib/suitcase-cbt/kiosk --seat {settings["CBT_SEAT"]} \
    --host {settings["CBT_HOST"]} --pairing-code {settings["CBT_PAIRING_CODE"]} --learner "{learner}" \
    --course {course} --auto {auto}
'''
    return run_in(network, root, stick, script, timeout=300)


def unit_settings(unit_file):
    """A unit's User=, Environment= and ExecStart= lines."""
    user, environment, exec_start = None, {}, None
    for line in unit_file.read_text().splitlines():
        if line.startswith("User="):
            user = line.split("=", 1)[1]
        elif line.startswith("Environment="):
            key, value = line.split("=", 1)[1].split("=", 1)
            environment[key] = value
        elif line.startswith("ExecStart="):
            exec_start = line.split("=", 1)[1]
    return user, environment, exec_start


def kiosk_session_under_cage(network, root, stick):
    """The seat's installed boot session as cbt-kiosk.service runs it (its user, environment,
    settings file and ExecStart), with cage on wlroots' headless backend instead of the screen.
    Returns once the kiosk shows its first view; the caller then ends it."""
    user, environment, exec_start = unit_settings(root / "lib/systemd/system/cbt-kiosk.service")
    uid = next(line.split(":")[2] for line in (root / "etc/passwd").read_text().splitlines()
               if line.startswith(f"{user}:"))
    runtime = f"/run/user/{uid}"
    exports = " ".join(f"{k}='{v}'" for k, v in environment.items())
    script = f'''
mkdir -p {runtime} /var/lib/suitcase-cbt/kiosk && chown {user}:{user} {runtime} /var/lib/suitcase-cbt/kiosk
chmod 0700 {runtime} /var/lib/suitcase-cbt/kiosk && rm -f {runtime}/trace.jsonl
set -a; . /etc/suitcase-cbt/kiosk.conf; set +a
export {exports} XDG_RUNTIME_DIR={runtime} RUNTIME_DIRECTORY={runtime} STATE_DIRECTORY=/var/lib/suitcase-cbt/kiosk
export WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman CBT_UI_TRACE={runtime}/trace.jsonl
runuser -u {user} -- {exec_start}
echo "session ended with status $?"
'''
    session = Background(network, root, stick, script, None)
    trace = root / runtime.lstrip("/") / "trace.jsonl"
    deadline = time.monotonic() + 60
    while not (trace.exists() and '"view"' in trace.read_text()):
        if session.process.poll() is not None or time.monotonic() > deadline:
            print(session.stop())
            fail("the kiosk session under cage showed no view")
        time.sleep(0.3)
    return session, trace.read_text().splitlines()[-1]


# --- Scenario: install ------------------------------------------------------------------------------

def scenario_install(source, stick, roots):
    version = project_version(source)
    root = fresh_root(roots, "install")
    network = Network()
    try:
        log("install: the three packages from the stick, nothing else reachable")
        run_in(network, root, stick, '''
rm -f /etc/apt/sources.list.d/*
echo "deb [trusted=yes] file:/media/stick/suitcase-cbt/apt ./" > /etc/apt/sources.list
apt-get -q update
apt-get -q -y --no-install-recommends install suitcase-cbt suitcase-cbt-kiosk suitcase-cbt-host
''')
        for program in ("cbt", "cbt-kiosk", "cbt-host"):
            out = run_in(network, root, stick, f"{program} --version").strip()
            check(out == f"{program} {version}", f"{program} --version printed {out!r}")
            check((root / f"usr/share/man/man1/{program}.1.gz").exists(), f"no manual page for {program}")
        log(f"install: cbt, cbt-kiosk and cbt-host {version} run")

        courses = sorted(p.name for p in (root / "usr/share/suitcase-cbt/courses").iterdir())
        check(courses == ["border-security", "drug-identification"], f"installed courses: {courses}")
        out = run_in(network, root, stick, "cbt check /usr/share/suitcase-cbt/courses/*")
        log(f"install: cbt check on the installed courses is clean: {out.strip().splitlines()[-1]}")
        run_in(network, root, stick, "getent passwd cbt")
        # systemd reads the units as it will at boot: unknown keys, missing programs, bad targets.
        out = run_in(network, root, stick, "systemd-analyze verify cbt-kiosk.service cbt-host.service "
                                           "cbt-host-headless.service 2>&1", expect=None)
        problems = [line for line in out.splitlines() if "cbt-" in line and "man " not in line]
        check(not problems, "systemd-analyze verify: " + "\n".join(problems))
        log("install: systemd accepts the three units")

        # The host's headless mode as its unit runs it, and a kiosk in the same root playing to it.
        lessons = course_lessons(network, root, stick, "border-security")
        host = Background(network, root, stick, "export CBT_PAIRING_CODE=7302-5518\n" + HOST_AS_UNIT,
                          r"listening on")
        try:
            kiosk_plays(network, root, stick, "Trainee Install", "border-security", "correct",
                        {"CBT_SEAT": "1", "CBT_HOST": f"http://127.0.0.1:{PORT}", "CBT_PAIRING_CODE": "7302-5518"})
            rows = csv_rows(run_in(network, root, stick, HOST_EXPORT))
        finally:
            host_log = host.stop()
        check("cbt-host: classroom" in host_log, f"host log: {host_log}")
        played = sorted(r["lesson"] for r in rows if r["trainee"] == "Trainee Install")
        check(played == sorted(lessons), f"the host holds {played}, the kiosk played {sorted(lessons)}")
        check(all(r["passed"] in ("1", "true", "yes") for r in rows), f"rows not passed: {rows}")
        log(f"install: the headless host received all {len(lessons)} lessons from a kiosk in the root")
    finally:
        network.close()
    shutil.rmtree(root, ignore_errors=True)
    log("PASS")


# --- Scenario: provision ----------------------------------------------------------------------------

def read_conf(path):
    values = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def enabled(root, target, unit):
    return (root / "etc/systemd/system" / f"{target}.wants" / unit).is_symlink()


def provision_machine(network, root, stick, arguments):
    """Runs the stick's provisioning script in a root, shows what it printed and how long it took."""
    started = time.monotonic()
    out = run_in(network, root, stick, f"sh /media/stick/suitcase-cbt/provision {arguments}")
    log("  " + out.strip().replace("\n", "\n  "))
    log(f"  ({time.monotonic() - started:.1f} s)")


class LoopStick:
    """A USB stick stand-in: an ext4 image on a loop device, optionally with a suitcase-cbt folder."""

    def __init__(self, path, classroom_folder):
        self.path = path
        subprocess.run(["truncate", "-s", "64M", str(path)], check=True)
        subprocess.run(["mkfs.ext4", "-q", "-F", str(path)], check=True)
        if classroom_folder:
            subprocess.run(["debugfs", "-w", "-R", "mkdir suitcase-cbt", str(path)], check=True, capture_output=True)
        self.device = subprocess.run(["losetup", "--find", "--show", str(path)], check=True, capture_output=True,
                                     text=True).stdout.strip()

    def files(self):
        """The paths on the stick, read without mounting it."""
        out = subprocess.run(["debugfs", "-R", "ls -p /suitcase-cbt/backups", str(self.path)], capture_output=True,
                             text=True).stdout
        return [line.split("/")[5] for line in out.splitlines() if line.count("/") >= 6 and line.split("/")[5] not in (".", "..")]

    def close(self):
        subprocess.run(["losetup", "-d", self.device], check=False)
        self.path.unlink(missing_ok=True)


def plug_in_sticks(network, host_root, stick, roots):
    """What happens when a stick is plugged into the host: udev starts cbt-end-of-day@DEV.service,
    whose command runs here as the unit would run it (udev itself does not run in a root)."""
    rules = (host_root / "lib/udev/rules.d/60-suitcase-cbt-host.rules").read_text()
    check('ENV{SYSTEMD_WANTS}+="cbt-end-of-day@%k.service"' in rules, f"udev rule: {rules}")
    _, _, exec_start = unit_settings(host_root / "lib/systemd/system/cbt-end-of-day@.service")
    ours, other = LoopStick(roots / "classroom-stick.img", True), LoopStick(roots / "other-stick.img", False)
    try:
        for loop in (ours, other):
            command = exec_start.replace("%I", os.path.basename(loop.device))
            out = run_in(network, host_root, stick, f"{command} && ! findmnt --source {loop.device}")
            log(f"  plugged in {'the classroom' if loop is ours else 'another'} stick: " + out.strip().splitlines()[-1])
        check(len(ours.files()) == 1, f"the classroom's stick holds {ours.files()}")
        check(other.files() == [], "something was written to another stick")
        # What the dashboard shows: the record of the last backup, readable by the host's user.
        record_file = host_root / "var/lib/suitcase-cbt/host/last-backup.json"
        record = json.loads(record_file.read_text())
        check(record["ok"] and record["finished_attempts"] > 0 and record_file.stat().st_mode & 0o777 == 0o644,
              f"last-backup.json: {record}")
    finally:
        ours.close()
        other.close()


def scenario_provision(source, stick_fixture, roots):
    # A stick of this test's own: provisioning and the backup write to it.
    stick = roots / "provision-stick"
    shutil.rmtree(stick, ignore_errors=True)
    shutil.copytree(stick_fixture, stick, symlinks=True)
    classroom = read_conf(stick / "suitcase-cbt/classroom.conf")
    code = classroom["CBT_PAIRING_CODE"]
    provision = "sh /media/stick/suitcase-cbt/provision"
    host_root = fresh_root(roots, "host")
    seat_root = fresh_root(roots, "seat")
    spare_root = fresh_root(roots, "spare")
    network = Network()
    try:
        # Mistakes are refused with a sentence, before anything is installed.
        out = run_in(network, seat_root, stick, f"{provision} --seat 0", expect=1)
        check("seat must be a number from 1 to 99" in out, f"--seat 0 said: {out}")
        out = run_in(network, seat_root, stick, f"{provision} --seat 3 --stick /nonexistent", expect=1)
        check("no package repository in /nonexistent/apt" in out, f"a missing stick said: {out}")
        check(not (seat_root / "usr/bin/cbt-kiosk").exists(), "a refused run installed something")

        log("provision: the host")
        provision_machine(network, host_root, stick, "--host")
        check((host_root / "etc/hostname").read_text().strip() == "cbt-host", "host name")
        host_conf = read_conf(host_root / "etc/suitcase-cbt/host.conf")
        check(host_conf["CBT_PAIRING_CODE"] == code, "host.conf carries the stick's pairing code")
        check((host_root / "etc/suitcase-cbt/host.conf").stat().st_mode & 0o077 == 0, "host.conf is private")
        check(enabled(host_root, "graphical.target", "cbt-host.service"), "cbt-host.service not enabled")
        check(not enabled(host_root, "multi-user.target", "cbt-host-headless.service"), "both host units enabled")
        check(os.readlink(host_root / "etc/systemd/system/default.target").endswith("graphical.target"),
              "default target is not graphical")
        check("Address=10.47.0.1/24" in (host_root / "etc/systemd/network/50-suitcase-cbt.network").read_text(),
              "host address")

        log("provision: seat 3")
        provision_machine(network, seat_root, stick, "--seat 3 --language en")
        check((seat_root / "etc/hostname").read_text().strip() == "cbt-seat-03", "seat name")
        kiosk_conf = read_conf(seat_root / "etc/suitcase-cbt/kiosk.conf")
        check(kiosk_conf["CBT_SEAT"] == "3" and kiosk_conf["CBT_PAIRING_CODE"] == code
              and kiosk_conf["CBT_LANGUAGE"] == "en", f"kiosk.conf: {kiosk_conf}")
        check(enabled(seat_root, "graphical.target", "cbt-kiosk.service"), "cbt-kiosk.service not enabled")
        check(not enabled(seat_root, "getty.target", "getty@tty1.service"), "tty1's login prompt still enabled")
        check("Address=10.47.0.103/24" in (seat_root / "etc/systemd/network/50-suitcase-cbt.network").read_text(),
              "seat address")
        # The kiosk's boot session must name what is installed.
        session = (seat_root / "usr/libexec/suitcase-cbt/kiosk-session").read_text()
        check("cage -- " in session, "kiosk session does not start cage")
        run_in(network, seat_root, stick, "command -v cage && test -x /usr/libexec/suitcase-cbt/kiosk-session")

        log("provision: a class between the provisioned host and seat 3")
        host = Background(network, host_root, stick, HOST_AS_UNIT, r"listening on")
        try:
            # The seat finds the host by its beacon (CBT_HOST=auto), as on the classroom's switch.
            kiosk_plays(network, seat_root, stick, "Trainee Seat Three", "border-security", "correct", kiosk_conf)
            kiosk_plays(network, seat_root, stick, "Trainee Seat Three", "drug-identification", "wrong", kiosk_conf)
            before = csv_rows(run_in(network, host_root, stick, HOST_EXPORT))
            check(len(before) > 0 and all(r["seat"] == "3" for r in before), f"host export: {before}")
            log(f"  the host holds {len(before)} finished lessons from seat 3")

            log("provision: seat 3's boot session, cage and the kiosk as the unit starts them")
            session, first_view = kiosk_session_under_cage(network, seat_root, stick)
            log(f"  the kiosk shows: {first_view[:160]}")
            # A crash: the session must end with a failure so systemd's Restart=on-failure restarts it.
            # Only this session's kiosk: the root shares the machine's processes with other tests.
            kiosks = [pid for pid, name in live(descendants(session.process.pid)).items() if name == "cbt-kiosk"]
            check(len(kiosks) == 1, f"the session runs {len(kiosks)} cbt-kiosk processes")
            os.kill(kiosks[0], signal.SIGKILL)
            deadline = time.monotonic() + 20
            while session.process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)
            output = session.stop()
            check("cbt-kiosk stopped with status 137" in output and "session ended with status 137" in output,
                  f"after the kiosk was killed the session said: {output[-2000:]}")
            log("  killed, the kiosk's session ends with status 137: systemd restarts it")

            log("provision: end of the day, backup to the stick while the host serves")
            out = run_in(network, host_root, stick, "cbt-end-of-day --data /nonexistent", expect=1)
            check("no classroom in /nonexistent" in out, f"a wrong data folder said: {out}")
            # No argument: it finds the mounted stick by its suitcase-cbt folder.
            out = run_in(network, host_root, stick, "cbt-end-of-day")
            log("  " + out.strip().replace("\n", "\n  "))
            backups = sorted((stick / "suitcase-cbt/backups").iterdir())
            check(len(backups) == 1 and (backups[0] / "classroom.db").exists(), f"backups: {backups}")
            plug_in_sticks(network, host_root, stick, roots)
        finally:
            # The host laptop fails.
            host.stop(signal.SIGKILL)

        # Provisioning again (after an update, say) keeps the seat's identity and answers.
        device_before = (seat_root / "var/lib/suitcase-cbt/kiosk/kiosk.db").read_bytes()
        run_in(network, seat_root, stick, f"{provision} --seat 3 --language en")
        check((seat_root / "var/lib/suitcase-cbt/kiosk/kiosk.db").read_bytes() == device_before,
              "provisioning again changed the seat's database")
        out = run_in(network, spare_root, stick, f"{provision} --host --restore /media/stick/none", expect=1)
        check("no backup at /media/stick/none" in out, f"a missing backup said: {out}")
        check(not (spare_root / "usr/bin/cbt-host").exists(), "a refused restore installed something")

        log("provision: a replacement host from the stick and the latest backup")
        provision_machine(network, spare_root, stick, "--host --restore latest")
        after = csv_rows(run_in(network, spare_root, stick, HOST_EXPORT))
        key = lambda r: (r["trainee"], r["course"], r["lesson"], r["score"], r.get("started", ""))
        check(sorted(map(key, after)) == sorted(map(key, before)),
              f"the restored host has {len(after)} results, the failed one had {len(before)}")
        log(f"  the replacement host has every one of the {len(after)} results")

        # Seat 3 carries on with the replacement, paired as before.
        spare = Background(network, spare_root, stick, HOST_AS_UNIT, r"listening on")
        try:
            kiosk_plays(network, seat_root, stick, "Second Trainee", "border-security", "correct", kiosk_conf)
            later = csv_rows(run_in(network, spare_root, stick, HOST_EXPORT))
        finally:
            spare.stop()
        check(len(later) > len(after) and any(r["trainee"] == "Second Trainee" for r in later),
              "seat 3 could not sync with the replacement host")
        log(f"  seat 3 syncs with the replacement host: {len(later)} results now")
    finally:
        network.close()
    for root in (host_root, seat_root, spare_root, stick):
        shutil.rmtree(root, ignore_errors=True)
    log("PASS")


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("base", "install", "provision"):
        print(__doc__)
        return 2
    scenario, source, stick, roots = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    if os.geteuid() != 0:
        print("SKIP: these tests need root (debootstrap, chroot, network namespaces)")
        return 77
    if scenario == "base":
        make_base(roots)
        log("PASS")
    elif scenario == "install":
        scenario_install(source, stick, roots)
    else:
        scenario_provision(source, stick, roots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
