#!/usr/bin/env python3
# The real cbt-kiosk under a real cage (the Wayland kiosk compositor the laptops boot into),
# started the way cbt-kiosk.service starts it, on wlroots' headless backend. Looks at the screen
# with grim (screencopy) until the sign-in screen is there, checks it fills the output with the
# kiosk's own layout, then kills cbt-kiosk and checks that cage exits with it (systemd's
# Restart= then starts the session again) and leaves no process behind. With the kiosk on X11 it
# also leaves kiosk mode as an instructor does (Ctrl+Alt+Shift+X, the PIN, Enter; typed with
# xdotool) and checks the session ends with status 0 (the unit's OnSuccess=: the login prompt).
"""Usage:
  kiosk_under_cage.py --kiosk BIN --source DIR [--driver wayland|x11|both] [--shot FILE.png]

Passes: `wayland` runs the session with SDL_VIDEODRIVER=wayland,x11 (native Wayland, falling
back to X11: what the unit is to set); `x11` without SDL_VIDEODRIVER, where SDL picks X11
through Xwayland, then a second session left with the instructor PIN. --shot writes the
wayland pass's screenshot (docs/screenshots/kiosk-under-cage.png).

cage refuses to run as root: run as root, the test runs the session as `nobody`, so the
kiosk binary and the source tree must be readable by everyone.
"""
import argparse
import csv
import ctypes
import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from drive_kiosk import newest_trace_line

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from processes import descendants, live  # noqa: E402

# wlroots' headless backend makes one 1280x720 output.
OUTPUT_SIZE = (1280, 720)
SEAT, INSTRUCTOR_PIN = "3", "5931"

# cage and its kiosk see what cbt-kiosk.service gives them: a non-root user (User=cbt) with its
# logind session's runtime folder (PAMName=login), the unit's Environment= lines, systemd's PATH.
# SESSION_ENV is what goes into the unit; the WLR_* lines are the test's own: the headless
# backend instead of the laptop's screen (DRM) and input devices (libinput), and wlroots'
# software renderer, the same on every machine.
SESSION_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "XDG_SESSION_TYPE": "wayland",
    "SDL_VIDEODRIVER": "wayland,x11",
}
HEADLESS_ENV = {"WLR_BACKENDS": "headless", "WLR_LIBINPUT_NO_DEVICES": "1", "WLR_RENDERER": "pixman"}

# cage 0.1.4 shows a full-screen client's buffer directly (direct scan-out) once it has the
# output's size, and screencopy (grim) then keeps returning the last frame cage composited
# itself: an early frame of the kiosk, or black. Turning the output by 180 degrees (-r -r)
# makes cage composite every frame, so grim sees what is on screen now; the output keeps its
# size and the kiosk draws exactly as it does unturned.
CAGE_TEST_ARGS = ["-r", "-r"]

# The session script (packaging/session/kiosk-session) keeps the kiosk's exit status, which
# cage does not pass on, in a file: the same wrapper here.
STATUS_WRAPPER = ["/bin/sh", "-c", '"$@"; echo $? > "$0"']


class Failure(Exception):
    pass


def set_child_subreaper():
    """Processes cage leaves behind (Xwayland is started by a double fork) become our children,
    so the test sees them and can end and reap them."""
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_CHILD_SUBREAPER = 36
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise Failure("prctl(PR_SET_CHILD_SUBREAPER) failed")


def reap_children():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def read_ppm(data):
    """(width, height, pixels) of a binary PPM (grim -t ppm)."""
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if not m or m.group(3) != b"255":
        raise Failure(f"grim did not write a PPM image ({len(data)} bytes)")
    width, height = int(m.group(1)), int(m.group(2))
    pixels = data[m.end():]
    if len(pixels) < width * height * 3:
        raise Failure("grim's image is cut short")
    return width, height, pixels


class Shot:
    def __init__(self, data):
        self.width, self.height, self.pixels = read_ppm(data)

    def at(self, x, y):
        i = (y * self.width + x) * 3
        return self.pixels[i:i + 3]

    def colours(self, step=3):
        return {self.pixels[i:i + 3] for i in range(0, self.width * self.height * 3, 3 * step)}

    def border(self):
        w, h = self.width, self.height
        points = [(x, 0) for x in range(w)] + [(x, h - 1) for x in range(w)]
        points += [(0, y) for y in range(h)] + [(w - 1, y) for y in range(h)]
        return [self.at(x, y) for x, y in points]


def check_sign_in(shot, controls, names):
    """Problems with a screenshot of the sign-in screen, or [] when it is right."""
    if (shot.width, shot.height) != OUTPUT_SIZE:
        return [f"the screenshot is {shot.width}x{shot.height}, not the output's {OUTPUT_SIZE[0]}x{OUTPUT_SIZE[1]}"]
    colours = shot.colours()
    if len(colours) < 20:
        return [f"the screen has {len(colours)} colour(s): the kiosk is not drawn"]
    problems = []
    # cage's empty output is black: a window smaller than the output leaves black edges.
    black = sum(1 for p in shot.border() if p == b"\0\0\0")
    if black:
        problems.append(f"{black} black pixels on the output's edges: the window does not fill the output")
    buttons = {n: controls.get(f"trainee.{n}") for n in names}
    missing = [n for n, rect in buttons.items() if not rect]
    if missing:
        return problems + [f"no trainee button for {missing} in the kiosk's trace"]
    # Each trainee button, where the kiosk says it drew it (window pixels): its fill just inside
    # every edge, something else just outside. A window moved, scaled or showing an older frame
    # puts the edges elsewhere.
    fills = set()
    for name, (x, y, w, h) in buttons.items():
        cx, cy = x + w // 2, y + h // 2
        edges = {"top": ((cx, y + 4), (cx, y - 3)), "bottom": ((cx, y + h - 5), (cx, y + h + 2)),
                 "left": ((x + 4, cy), (x - 3, cy)), "right": ((x + w - 5, cy), (x + w + 2, cy))}
        for edge, (inside, outside) in edges.items():
            if not all(0 <= v < lim for (v, lim) in ((inside[0], shot.width), (inside[1], shot.height),
                                                     (outside[0], shot.width), (outside[1], shot.height))):
                problems.append(f"the button of {name} is off the screen: {[x, y, w, h]}")
                break
            fills.add(shot.at(*inside))
            if shot.at(*inside) == shot.at(*outside):
                problems.append(f"the {edge} edge of {name}'s button is not at {[x, y, w, h]}")
        dark = sum(1 for yy in range(y + 5, y + h - 5) for xx in range(x + 5, x + w - 5)
                   if sum(shot.at(xx, yy)) < 3 * 110)
        if dark < 50:
            problems.append(f"no name written on {name}'s button ({dark} dark pixels)")
    if len(fills) > 1:
        problems.append(f"the trainee buttons are not one colour inside: {sorted(f.hex() for f in fills)}")
    return problems


class Session:
    """cage and the kiosk in it, as cbt-kiosk.service runs them, under `user`."""

    def __init__(self, opts, user, driver_env, name):
        self.opts, self.user, self.name = opts, user, name
        self.work = tempfile.mkdtemp(prefix=f"cbt-cage-{name}-")
        os.chmod(self.work, 0o755)
        self.dirs = {d: os.path.join(self.work, d) for d in ("home", "xdg", "state", "run")}
        for d in self.dirs.values():
            os.mkdir(d, 0o700)
            if os.geteuid() == 0:
                os.chown(d, user.pw_uid, user.pw_gid)
        self.trace = os.path.join(self.dirs["run"], "trace.jsonl")
        self.status_file = os.path.join(self.dirs["run"], "cbt-kiosk.status")
        self.log_path = os.path.join(self.work, "cage.log")
        self.env = dict(SESSION_ENV, **HEADLESS_ENV)
        for key, value in driver_env.items():   # None: not set at all
            if value is None:
                self.env.pop(key, None)
            else:
                self.env[key] = value
        self.env.update({
            "HOME": self.dirs["home"], "USER": user.pw_name, "LOGNAME": user.pw_name, "SHELL": user.pw_shell,
            "XDG_RUNTIME_DIR": self.dirs["xdg"],        # /run/user/UID from pam_systemd
            "STATE_DIRECTORY": self.dirs["state"],      # StateDirectory=suitcase-cbt/kiosk
            "RUNTIME_DIRECTORY": self.dirs["run"],      # RuntimeDirectory=suitcase-cbt-kiosk
            "CBT_UI_TRACE": self.trace,                 # the test's own: where the kiosk drew its buttons
            "CBT_INSTRUCTOR_PIN": INSTRUCTOR_PIN,       # EnvironmentFile=kiosk.conf: not on the command line
        })
        self.kiosk_args = [opts.kiosk, "--data", self.dirs["state"], "--seat", SEAT,
                           "--courses", os.path.join(opts.source, "courses"),
                           "--roster", os.path.join(opts.source, "assets", "demo", "roster.csv")]
        self.cage = None

    def as_user(self):
        if os.geteuid() != 0:
            return {}
        return {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}

    def start(self):
        self.log = open(self.log_path, "w")
        command = ["cage", *CAGE_TEST_ARGS, "--", *STATUS_WRAPPER, self.status_file, *self.kiosk_args]
        self.cage = subprocess.Popen(command, env=self.env, stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True, **self.as_user())

    def log_tail(self, lines=15):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    def wayland_display(self):
        for entry in sorted(os.listdir(self.dirs["xdg"])):
            if re.fullmatch(r"wayland-\d+", entry):
                return entry
        return None

    def grim(self, kind="ppm"):
        display = self.wayland_display()
        if not display:
            return None
        env = {"PATH": SESSION_ENV["PATH"], "XDG_RUNTIME_DIR": self.dirs["xdg"], "WAYLAND_DISPLAY": display}
        args = ["grim", "-t", kind] + (["-l", "9"] if kind == "png" else []) + ["-"]
        result = subprocess.run(args, env=env, capture_output=True, timeout=15, **self.as_user())
        return result.stdout if result.returncode == 0 and result.stdout else None

    def alive(self):
        return self.cage.poll() is None

    def stop(self):
        """Ends whatever of the session is still running and reaps it."""
        if self.cage and self.alive():
            try:
                os.killpg(self.cage.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.cage.wait()
        for pid in live(descendants(os.getpid())):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.1)
        reap_children()
        if hasattr(self, "log"):
            self.log.close()
        shutil.rmtree(self.work, ignore_errors=True)


def wait_for_sign_in(s, name, names, t0):
    """Waits until the sign-in screen is on the output, drawn right; returns the screenshot."""
    deadline = time.monotonic() + 20
    first_drawn = None
    problems = ["nothing captured yet"]
    while True:
        if not s.alive():
            raise Failure(f"cage exited ({s.cage.returncode}) before the sign-in screen:\n{s.log_tail()}")
        data = s.grim()
        shot = Shot(data) if data else None
        if shot and first_drawn is None and len(shot.colours()) > 1:
            first_drawn = time.monotonic() - t0
        state = newest_trace_line(s.trace)
        if shot and state and state.get("view") == "sign_in":
            problems = check_sign_in(shot, state.get("controls", {}), names)
            if not problems:
                break
        elif shot:
            problems = [f"the kiosk's view is {state.get('view') if state else None}, not sign_in, "
                        f"and the screen has {len(shot.colours())} colour(s)"]
        if time.monotonic() > deadline:
            if data:
                failed = os.path.abspath(f"kiosk_under_cage-{name}-failed.png")
                png = s.grim("png")
                if png:
                    with open(failed, "wb") as f:
                        f.write(png)
                    print(f"the last screenshot: {failed}")
            raise Failure(f"no sign-in screen under cage in 20 s: {'; '.join(problems)}\n{s.log_tail()}")
        time.sleep(0.2)
    print(f"[{name}] sign-in screen on the {shot.width}x{shot.height} output after {time.monotonic() - t0:.1f} s "
          f"(first drawn frame seen after {first_drawn:.1f} s), {len(shot.colours(step=1))} colours")
    return shot


def session_processes(opts, expect_xwayland):
    """The session's live processes and the pid of its one cbt-kiosk; checks which display system
    the kiosk took: Xwayland runs only for an X11 client."""
    procs = live(descendants(os.getpid()))
    kiosk = [pid for pid, comm in procs.items()
             if os.path.realpath(f"/proc/{pid}/exe") == os.path.realpath(opts.kiosk)]
    xwayland = [pid for pid, comm in procs.items() if comm == "Xwayland"]
    if len(kiosk) != 1:
        raise Failure(f"expected one cbt-kiosk under cage, found {kiosk}: {procs}")
    if bool(xwayland) != expect_xwayland:
        raise Failure(f"Xwayland {'is not' if expect_xwayland else 'is'} running: the kiosk did not use "
                      f"{'X11' if expect_xwayland else 'Wayland'} ({procs})")
    return procs, kiosk[0]


def wait_for_session_end(s, how, expected_status):
    """After the kiosk ended (`how`): cage must end with it, the wrapper keep the kiosk's status
    for the unit, and nothing stay behind (Xwayland ends when cage does). Returns cage's status
    and how long it took to end."""
    ended = time.monotonic()
    try:
        cage_status = s.cage.wait(timeout=10)
    except subprocess.TimeoutExpired:
        state = newest_trace_line(s.trace)
        raise Failure(f"cage is still running 10 s after {how} (the kiosk's view: "
                      f"{state.get('view') if state else None}): systemd would not see the session end")
    cage_gone = time.monotonic() - ended
    try:
        with open(s.status_file) as f:
            status = f.read().strip()
    except FileNotFoundError:
        status = None
    if status != str(expected_status):
        raise Failure(f"the session's status file says {status!r} after {how}, not {expected_status}")
    deadline = time.monotonic() + 5
    while live(descendants(os.getpid())) and time.monotonic() < deadline:
        reap_children()
        time.sleep(0.05)
    left = live(descendants(os.getpid()))
    if left:
        raise Failure(f"processes left 5 s after cage exited: {left}")
    return cage_status, cage_gone


def run_pass(opts, user, name, driver_env, names, expect_xwayland):
    t0 = time.monotonic()
    s = Session(opts, user, driver_env, name)
    try:
        s.start()
        # 1. The sign-in screen, on the output.
        wait_for_sign_in(s, name, names, t0)
        if opts.shot:
            png = s.grim("png")
            if not png:
                raise Failure("grim could not write the PNG screenshot")
            with open(opts.shot, "wb") as f:
                f.write(png)
            print(f"[{name}] screenshot: {opts.shot} ({len(png)} bytes)")
            opts.shot = None

        # 2. Which display system the kiosk took.
        procs, kiosk = session_processes(opts, expect_xwayland)
        print(f"[{name}] processes: " + ", ".join(f"{comm} {pid}" for pid, comm in sorted(procs.items())))

        # 3. The kiosk killed outright: cage must end with it (systemd's Restart= then starts the
        # session again), the wrapper keep 137, and nothing stay behind.
        os.kill(kiosk, signal.SIGKILL)
        killed = 128 + signal.SIGKILL
        cage_status, cage_gone = wait_for_session_end(s, "cbt-kiosk was killed", killed)
        print(f"[{name}] cbt-kiosk killed: cage exited {cage_gone:.2f} s later with status {cage_status}, "
              f"the kiosk's status {killed} kept for the unit, no process left ({time.monotonic() - t0:.1f} s)")
    finally:
        s.stop()


def x_display(pid):
    """DISPLAY and XAUTHORITY as cage's Xwayland gave them to the kiosk (process `pid`)."""
    with open(f"/proc/{pid}/environ", "rb") as f:
        environ = dict(entry.split(b"=", 1) for entry in f.read().split(b"\0") if b"=" in entry)
    found = {key: environ[key.encode()].decode() for key in ("DISPLAY", "XAUTHORITY") if key.encode() in environ}
    if "DISPLAY" not in found:
        raise Failure("the kiosk has no DISPLAY: cage did not start Xwayland for it")
    return found


def run_instructor_exit(opts, user, name, driver_env, names):
    """docs/kiosk.md, "Leaving kiosk mode": on the sign-in screen the instructor presses
    Ctrl+Alt+Shift+X, types the instructor PIN and Enter; the kiosk exits 0, cage ends with it,
    and the unit's OnSuccess= brings the login prompt back. A fresh session of its own.

    Only with the kiosk on X11 (the x11 pass): a test can type into it there with xdotool, through
    Xwayland's XTEST. A native Wayland client can be typed into only through the compositor's
    virtual-keyboard protocol (what wtype uses), and cage 0.1.4, Debian 12's, has none: it came
    in cage#251, after 0.1.4."""
    t0 = time.monotonic()
    name = f"{name}-exit"
    s = Session(opts, user, driver_env, name)
    try:
        s.start()
        wait_for_sign_in(s, name, names, t0)
        _, kiosk = session_processes(opts, True)
        # xdotool as the session's user with the kiosk's X display, as a keyboard on the seat.
        env = dict(x_display(kiosk), PATH=SESSION_ENV["PATH"], HOME=s.dirs["home"])

        def xdotool(*args):
            result = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True,
                                    timeout=10, **s.as_user())
            if result.returncode != 0:
                raise Failure(f"xdotool {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")

        xdotool("key", "--delay", "40", "ctrl+alt+shift+x")
        deadline = time.monotonic() + 5
        while (newest_trace_line(s.trace) or {}).get("view") != "sign_in+exit":
            if not s.alive():
                raise Failure(f"cage exited ({s.cage.returncode}) after Ctrl+Alt+Shift+X:\n{s.log_tail()}")
            if time.monotonic() > deadline:
                state = newest_trace_line(s.trace)
                raise Failure(f"no PIN dialog 5 s after Ctrl+Alt+Shift+X (the kiosk's view: "
                              f"{state.get('view') if state else None})")
            time.sleep(0.05)
        print(f"[{name}] Ctrl+Alt+Shift+X: the PIN dialog is open (view sign_in+exit)")
        xdotool("type", "--delay", "40", INSTRUCTOR_PIN)
        xdotool("key", "--delay", "40", "Return")
        cage_status, cage_gone = wait_for_session_end(s, "the instructor PIN", 0)
        print(f"[{name}] instructor PIN and Enter: cage exited {cage_gone:.2f} s later with status {cage_status}, "
              f"the kiosk's status 0 kept for the unit (login prompt), no process left "
              f"({time.monotonic() - t0:.1f} s)")
    finally:
        s.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kiosk", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--driver", choices=["wayland", "x11", "both"], default="both")
    parser.add_argument("--shot", help="write the sign-in screen as seen under cage to this PNG")
    opts = parser.parse_args()
    opts.kiosk = os.path.abspath(opts.kiosk)
    if opts.shot:
        opts.shot = os.path.abspath(opts.shot)
    for tool in ("cage", "grim", "Xwayland", "xdotool"):
        if not shutil.which(tool, path=SESSION_ENV["PATH"]):
            # Debian's cage will not start without Xwayland, even for a Wayland client.
            print(f"skipped: {tool} is not installed (apt-get install cage grim xwayland xdotool)")
            return 77
    with open(os.path.join(opts.source, "assets", "demo", "roster.csv"), encoding="utf-8") as f:
        names = [row["name"] for row in csv.DictReader(f)]

    user = pwd.getpwuid(os.geteuid())
    if os.geteuid() == 0:
        user = pwd.getpwnam("nobody")   # cage: "Unable to drop root ... refusing to start"
        probe = subprocess.run([opts.kiosk, "--version"], capture_output=True, text=True,
                               user=user.pw_uid, group=user.pw_gid, extra_groups=[])
        if probe.returncode != 0:
            print(f"FAILED: {user.pw_name} cannot run {opts.kiosk} (cage refuses root, so the test runs the "
                  f"session as {user.pw_name}): {probe.stderr.strip()}", file=sys.stderr)
            return 1
    set_child_subreaper()

    passes = [("wayland", {}, False), ("x11", {"SDL_VIDEODRIVER": None}, True)]
    started = time.monotonic()
    try:
        for name, driver_env, expect_xwayland in passes:
            if opts.driver not in (name, "both"):
                continue
            run_pass(opts, user, name, driver_env, names, expect_xwayland)
            if expect_xwayland:   # only there can a test type into the kiosk: see run_instructor_exit
                run_instructor_exit(opts, user, name, driver_env, names)
        print(f"kiosk under cage: passed in {time.monotonic() - started:.1f} s")
        return 0
    except (Failure, subprocess.TimeoutExpired) as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
