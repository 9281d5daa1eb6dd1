#!/usr/bin/env python3
# Drives the real cbt-kiosk window with xdotool (real X mouse and keyboard events) on a private
# Xvfb server. It finds controls through the kiosk's UI trace (CBT_UI_TRACE, see docs/kiosk.md)
# and waits for views there instead of sleeping. Scenarios: `tour`, `lockdown` and `dev`.
"""Usage:
  drive_kiosk.py tour --kiosk BIN --source DIR [--lang en|ru] [--shots DIR] [--keep DIR]
  drive_kiosk.py lockdown --kiosk BIN --source DIR --wm-close BIN [--lang en|ru] [--shots DIR]

tour:     signs in from a CSV roster, plays the sample course's `tour` lesson (every screen type)
          by mouse and keyboard, checks the results screen, then checks the journal's events.
lockdown: starts in kiosk mode; a window close, Alt+F4, Escape and Alt+Tab leave it running;
          Ctrl+Alt+Shift+X and the instructor PIN make it exit with status 0.
dev:      `cbt-kiosk --dev` on a copy of the sample course: edits to the open lesson are re-read
          and the same screen comes back; a broken edit shows the lesson-error notice.
"""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

WIDTH, HEIGHT = 1280, 800


class Failure(Exception):
    pass


def start_xvfb():
    """A private X server; -displayfd lets the server pick a free display, so parallel tests never race."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    number = b""
    with os.fdopen(read_fd, "rb") as f:
        while not number.endswith(b"\n"):
            chunk = f.read(1)
            if not chunk:
                raise Failure("Xvfb did not start")
            number += chunk
    os.environ["DISPLAY"] = ":" + number.decode().strip()
    return xvfb


def newest_trace_line(trace_file, window=262144):
    """The newest complete JSON line of a UI trace file (CBT_UI_TRACE), or None before the first."""
    try:
        with open(trace_file, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - window))
            lines = f.read().decode("utf-8", "replace").strip().splitlines()
    except FileNotFoundError:
        return None
    for line in reversed(lines):
        try:
            return json.loads(line)
        except json.JSONDecodeError:
            continue   # a line being written
    return None


def xdotool(*args, timeout=20):
    result = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise Failure(f"xdotool {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


class Kiosk:
    def __init__(self, binary, args, workdir, shots=False):
        self.shots = shots
        self.trace_file = os.path.join(workdir, "trace.jsonl")
        self.log = open(os.path.join(workdir, "kiosk.log"), "w")
        env = dict(os.environ, CBT_UI_TRACE=self.trace_file)
        self.proc = subprocess.Popen([binary, *args], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.window = xdotool("search", "--sync", "--name", "^Suitcase CBT$").split()[0]
        self.last = None

    def state(self):
        """The newest trace line: the view on screen now and its controls."""
        return newest_trace_line(self.trace_file)

    def wait(self, predicate, what, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise Failure(f"the kiosk exited ({self.proc.returncode}) while waiting for {what}")
            st = self.state()
            if st and predicate(st):
                self.last = st
                return st
            time.sleep(0.05)
        raise Failure(f"timed out waiting for {what}; last view: {json.dumps(self.state(), ensure_ascii=False)[:2000]}")

    def wait_view(self, view, timeout=20):
        self.wait(lambda s: s.get("view") == view, f"view {view}", timeout)
        st = self.settled()
        if self.shots:
            time.sleep(0.3)   # the kiosk writes its picture a few frames after a view appears
        return st

    def settled(self, quiet=0.25, timeout=10):
        """The state once the kiosk has stopped drawing: a view's first frame may still move its
        controls (a scrollbar appearing, text measured), and a click aimed there can miss."""
        deadline = time.monotonic() + timeout
        last, since = self.state(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.state()
            if now and last and now.get("frame") != last.get("frame"):
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        self.last = last
        return last

    def wait_control(self, name, timeout=20):
        return self.wait(lambda s: name in s.get("controls", {}), f"control {name}", timeout)

    def reveal(self, name):
        """Scrolls the content with the mouse wheel, as a trainee would, until the control shows."""
        st = self.state()
        for button in ("5", "4"):   # down, then back up
            for _ in range(30):
                if name in st.get("controls", {}):
                    return st
                frame = st.get("frame")
                xdotool("mousemove", "--window", self.window, str(WIDTH // 2), str(HEIGHT // 2), "click", button)
                try:
                    st = self.wait(lambda s: s.get("frame") != frame or name in s.get("controls", {}),
                                   f"scrolling to {name}", timeout=2)
                except Failure:
                    break   # nothing moved: the end of the content
        return self.wait_control(name, timeout=2)

    def centre(self, name, st=None):
        st = st or self.state()
        if not st or name not in st.get("controls", {}):
            st = self.reveal(name)
        if name not in st.get("controls", {}):
            raise Failure(f"no control {name} in view {st.get('view')}: {sorted(st.get('controls', {}))}")
        x, y, w, h = st["controls"][name]
        return x + w // 2, y + h // 2

    def click(self, name, st=None):
        x, y = self.centre(name, st)
        self.click_at(x, y)

    def click_at(self, x, y):
        xdotool("mousemove", "--window", self.window, str(int(x)), str(int(y)), "click", "1")

    def key(self, *keys):
        xdotool("key", "--delay", "40", *keys)

    def type(self, text):
        xdotool("type", "--delay", "40", text)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def lesson_view(k, screen, suffix="", timeout=20):
    return k.wait_view(f"lesson.{screen}{suffix}", timeout)


def answer_and_go_on(k, screen):
    """Submits with the Answer button, waits for the feedback, goes on with Enter."""
    k.click("submit")
    lesson_view(k, screen, ".feedback")
    k.key("Return")


def sign_in(k, name, pin, lang, accessible=False):
    st = k.wait_view("sign_in")
    if lang and st.get("lang") != lang:
        k.click(f"language.{lang}", st)
        k.wait(lambda s: s.get("lang") == lang, f"language {lang}")
    if accessible:
        k.click("display.large_text")
        k.wait(lambda s: s.get("large_text") is True, "larger text")
        k.click("display.high_contrast")
        k.wait(lambda s: s.get("high_contrast") is True, "high contrast")
        if k.shots:
            time.sleep(0.3)
    k.click(f"trainee.{name}")
    st = k.wait_view("sign_in.pin")
    # Half on the on-screen keypad, half on the keyboard.
    for digit in pin[:2]:
        k.click(f"key.{digit}", st)
    k.type(pin[2:])
    k.key("Return")
    return k.wait_view("home")


def order_items(k, screen, target):
    """Sorts the ordering screen with its up buttons, reading positions from the trace."""
    for _ in range(20):
        st = k.state()
        controls = st["controls"]
        current = sorted(target, key=lambda i: controls[f"order.{i}"][1])
        if current == target:
            return
        for pos, item in enumerate(target):
            if current[pos] != item:
                before = controls[f"order.{item}"][1]
                k.click(f"order.{item}.up", st)
                k.wait(lambda s: s["controls"][f"order.{item}"][1] < before, f"{item} moving up")
                k.settled()
                break
    raise Failure("the ordering screen did not reach the target order")


def run_tour(opts):
    work = opts.keep or tempfile.mkdtemp(prefix="cbt-ui-tour-")
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "data")
    roster = os.path.join(work, "roster.csv")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("name,pin\nAliya Nurlanovna,1234\nDmitri Petrov,4321\nФарход Рахимов,1111\n")
    args = ["--windowed", "--data", data, "--roster", roster, "--seat", "3",
            "--courses", os.path.join(opts.source, "courses", "sample"),
            "--assets", os.path.join(opts.source, "assets")]
    if opts.shots:
        args += ["--screenshot-dir", opts.shots]
        if opts.lang:
            args += ["--lang", opts.lang]   # the seat's own language, so the first picture has it
    k = Kiosk(opts.kiosk, args, work, shots=bool(opts.shots))
    try:
        lang = opts.lang
        st = sign_in(k, "Aliya Nurlanovna", "1234", lang, opts.accessible)
        if lang is None:
            lang = st["lang"]
        k.click("continue.sample", st)

        lesson_view(k, "welcome")
        # The text size, changed and changed back from inside the lesson (remembered per trainee:
        # the setting chosen at sign-in carried over).
        large = k.state().get("large_text")
        if large is not bool(opts.accessible):
            raise Failure(f"the text size chosen at sign-in did not carry over: large_text={large}")
        k.click("display.large_text")
        k.wait(lambda s: s.get("large_text") is (not large), "text size changed")
        k.click("display.large_text")
        k.wait(lambda s: s.get("large_text") is large, "text size back")
        k.key("Return")

        lesson_view(k, "route")
        k.click("choice.russia")
        k.click("help")
        k.wait(lambda s: s.get("help_requested") is True, "help requested")
        answer_and_go_on(k, "route")

        lesson_view(k, "concealment")
        k.click("choice.onions")
        k.key("2")   # the second choice (tank) by its number key
        answer_and_go_on(k, "concealment")

        # Two tries allowed: a wrong answer first, then the right one.
        lesson_view(k, "colour_test")
        k.key("1")
        k.click("submit")
        st = lesson_view(k, "colour_test", ".retry")
        if st.get("tries_left") != 1:
            raise Failure(f"expected one try left, trace says {st.get('tries_left')}")
        k.click("flag.false")
        answer_and_go_on(k, "colour_test")

        st = k.wait(lambda s: s.get("view") in ("lesson.pairs", "lesson.recap"), "pairs or recap")
        if st["view"] == "lesson.recap":
            k.key("Return")
            lesson_view(k, "pairs")
        for left in ("herb", "resin", "ice"):
            k.click(f"match.{left}.{left}")
        answer_and_go_on(k, "pairs")

        lesson_view(k, "chain")
        order_items(k, "chain", ["latex", "base", "heroin"])
        answer_and_go_on(k, "chain")

        lesson_view(k, "border")
        k.type("1344,5")   # a decimal comma, as a Russian keyboard user writes it
        k.key("Return")
        lesson_view(k, "border", ".feedback")
        k.key("Return")

        lesson_view(k, "precursor")
        k.type("acetic anhydride")
        k.key("Return")
        lesson_view(k, "precursor", ".feedback")
        k.key("Return")

        st = lesson_view(k, "find_tank")
        x, y, w, h = st["controls"]["hotspot.image"]
        # The tank region is the rectangle (470, 175, 60, 30) of the 600x300 picture.
        k.click_at(x + w * 500 / 600, y + h * 190 / 300)
        answer_and_go_on(k, "find_tank")

        lesson_view(k, "search")
        k.click("region.boot")
        k.wait_control("region.spare")
        k.click("region.spare")
        # The simulation's done() answers by itself.
        lesson_view(k, "search", ".feedback")
        k.key("Return")

        lesson_view(k, "done")
        k.click("next")
        st = k.wait_view("results")
        if not st.get("passed") or st.get("score", 0) < 0.7:
            raise Failure(f"expected a pass on the results screen, trace says score={st.get('score')}")
        for name in ("score", "verdict", "item.route", "back"):
            if name not in st["controls"]:
                raise Failure(f"the results screen lacks {name}: {sorted(st['controls'])}")
        k.click("back", st)
        st = k.wait_view("home")
        k.click("sign_out", st)
        k.wait_view("sign_in")
        # Windowed mode: a window close ends the program normally.
        if opts.wm_close:
            subprocess.run([opts.wm_close, k.window], check=True)
            try:
                status = k.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                raise Failure("the windowed kiosk did not close when asked to")
            if status != 0:
                raise Failure(f"the windowed kiosk closed with status {status}")
    finally:
        k.stop()

    check_journal(os.path.join(data, "kiosk.db"))
    if not opts.keep:
        shutil.rmtree(work, ignore_errors=True)
    print("tour: ok")


def check_journal(db_file):
    db = sqlite3.connect(db_file)
    rows = db.execute("SELECT seq, type, learner, attempt, payload FROM events ORDER BY seq").fetchall()
    db.close()
    types = [r[1] for r in rows]
    started = [r for r in rows if r[1] == "attempt_started"]
    finished = [r for r in rows if r[1] == "attempt_finished"]
    if len(started) != 1 or json.loads(started[0][4]).get("lesson") != "tour":
        raise Failure(f"expected one attempt_started for the tour lesson, journal has: {types}")
    attempt = started[0][3]
    if len(finished) != 1 or finished[0][3] != attempt:
        raise Failure(f"expected one attempt_finished for the attempt, journal has: {types}")
    if not json.loads(finished[0][4]).get("passed"):
        raise Failure(f"the journal says the attempt did not pass: {finished[0][4]}")
    responses = [(json.loads(r[4])["screen"], json.loads(r[4])) for r in rows if r[1] == "response"]
    screens = [s for s, _ in responses]
    expected = ["route", "concealment", "colour_test", "colour_test", "pairs", "chain", "border", "precursor",
                "find_tank", "search"]
    if screens != expected:
        raise Failure(f"responses in the journal: {screens}, expected {expected}")
    by_screen = {}
    for s, p in responses:
        by_screen.setdefault(s, []).append(p)
    checks = {
        "route": lambda p: p["answer"] == "russia" and p["correct"],
        "concealment": lambda p: sorted(p["answer"]) == ["onions", "tank"] and p["correct"],
        "pairs": lambda p: p["answer"] == {"herb": "herb", "resin": "resin", "ice": "ice"} and p["correct"],
        "chain": lambda p: p["answer"] == ["latex", "base", "heroin"] and p["correct"],
        "border": lambda p: abs(p["answer"] - 1344.5) < 1e-9 and p["correct"],
        "precursor": lambda p: p["answer"] == "acetic anhydride" and p["correct"],
        "find_tank": lambda p: p["correct"],
        "search": lambda p: p["answer"] == ["boot", "spare"] and p["correct"],
    }
    for screen, check in checks.items():
        if not check(by_screen[screen][-1]):
            raise Failure(f"unexpected response for {screen}: {by_screen[screen][-1]}")
    tf = by_screen["colour_test"]
    if tf[0]["answer"] is not True or tf[0]["correct"] or tf[1]["answer"] is not False or not tf[1]["correct"]:
        raise Failure(f"unexpected true/false responses: {tf}")
    helps = [json.loads(r[4]) for r in rows if r[1] == "help_requested"]
    if len(helps) != 1 or helps[0].get("screen") != "route":
        raise Failure(f"expected one help request on screen route, journal has {helps}")


def run_lockdown(opts):
    work = tempfile.mkdtemp(prefix="cbt-ui-lockdown-")
    data = os.path.join(work, "data")
    args = ["--data", data, "--instructor-pin", "2468",
            "--courses", os.path.join(opts.source, "courses", "sample"),
            "--assets", os.path.join(opts.source, "assets")]
    if opts.shots:
        args += ["--screenshot-dir", opts.shots] + (["--lang", opts.lang] if opts.lang else [])
    k = Kiosk(opts.kiosk, args, work, shots=bool(opts.shots))
    try:
        k.wait_view("sign_in")

        def still_running(what):
            # Give the kiosk time to act on what it was sent, then make sure it is still there and
            # still drawing: the next step waits for a view change it must draw.
            time.sleep(0.7)
            if not k.alive():
                raise Failure(f"the kiosk exited after {what} (status {k.proc.returncode})")

        if subprocess.run([opts.wm_close, k.window]).returncode != 0:
            raise Failure("could not send WM_DELETE_WINDOW")
        still_running("a window close request")
        for keys in (["alt+F4"], ["Escape"], ["alt+Tab"], ["ctrl+q"], ["ctrl+w"], ["super"]):
            k.key(*keys)
            still_running(" ".join(keys))

        k.key("ctrl+alt+shift+x")
        st = k.wait_view("sign_in+exit")
        k.click("exit.key.1", st)
        k.type("111")
        k.key("Return")
        k.wait(lambda s: "exit.key.ok" in s["controls"], "the PIN dialog after a wrong PIN")
        still_running("a wrong instructor PIN")
        # Cancel closes the dialog; the combination opens it again.
        k.click("exit.cancel")
        k.wait_view("sign_in")
        k.key("ctrl+alt+shift+x")
        k.wait_view("sign_in+exit")
        k.type("2468")
        k.key("Return")
        try:
            status = k.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            raise Failure("the kiosk did not exit after the instructor PIN")
        if status != 0:
            raise Failure(f"the kiosk exited with status {status} after the instructor PIN")
    finally:
        k.stop()
    shutil.rmtree(work, ignore_errors=True)
    print("lockdown: ok")


def attempts_started(db_file):
    db = sqlite3.connect(db_file)
    try:
        return db.execute("SELECT count(*) FROM events WHERE type = 'attempt_started'").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        db.close()


def run_dev(opts):
    """--dev: an edit to the open lesson's file brings the same screen back; a broken edit shows
    a lesson-error notice; fixing it brings the screen back again."""
    work = opts.keep or tempfile.mkdtemp(prefix="cbt-ui-dev-")
    os.makedirs(work, exist_ok=True)
    course = os.path.join(work, "sample")
    shutil.copytree(os.path.join(opts.source, "courses", "sample"), course)
    data = os.path.join(work, "data")
    db = os.path.join(data, "kiosk.db")
    k = Kiosk(opts.kiosk, ["--dev", course, "--data", data, "--assets", os.path.join(opts.source, "assets")], work)
    try:
        st = k.wait(lambda s: s.get("view") == "home" and s.get("trainee") == "Course author", "the author's home")
        k.click("continue.sample", st)
        lesson_view(k, "welcome")
        k.key("Return")
        lesson_view(k, "route")
        if attempts_started(db) != 1:
            raise Failure("expected one attempt before the edit")

        tour = os.path.join(course, "lessons", "tour.lua")
        with open(tour, encoding="utf-8") as f:
            original = f.read()
        with open(tour, "w", encoding="utf-8") as f:
            f.write(original + "\n-- an edit by the author\n")
        deadline = time.monotonic() + 10
        while attempts_started(db) < 2:
            if time.monotonic() > deadline:
                raise Failure("the edited lesson was not re-read")
            time.sleep(0.05)
        k.wait(lambda s: s.get("view") == "lesson.route" and not s.get("notice"), "the same screen after the edit")

        with open(tour, "w", encoding="utf-8") as f:
            f.write("return lesson {\n  id = 'tour',\n  screens = { oops( },\n}\n")
        k.wait(lambda s: s.get("notice") == "notice.lesson_broken", "the lesson error notice")
        k.key("Return")
        k.wait(lambda s: not s.get("notice"), "the notice dismissed")
        with open(tour, "w", encoding="utf-8") as f:
            f.write(original)
        k.wait(lambda s: s.get("view") == "lesson.route" and not s.get("notice"), "the screen back after the fix")
    finally:
        k.stop()
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)


def run_classroom_lock(opts):
    """A windowed kiosk paired with a real host: the instructor's lock reaches it and shows the
    lock screen with the message, and the unlock releases it."""
    if not opts.host:
        raise Failure("the classroom_lock scenario needs --host CBT_HOST")
    work = tempfile.mkdtemp(prefix="cbt-ui-classroom-")
    host_data = os.path.join(work, "host")
    host = subprocess.Popen([opts.host, "--headless", "--data", host_data, "--port", "0", "--bind", "127.0.0.1",
                             "--pairing-code", "lock-4711"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    k = None
    try:
        line = host.stdout.readline()
        if "listening on 127.0.0.1:" not in line:
            raise Failure(f"the host did not start: {line}")
        url = "http://127.0.0.1:" + line.rsplit(":", 1)[1].strip()
        k = Kiosk(opts.kiosk, ["--windowed", "--data", os.path.join(work, "kiosk"), "--host", url,
                               "--pairing-code", "lock-4711", "--courses", os.path.join(opts.source, "courses", "sample"),
                               "--assets", os.path.join(opts.source, "assets")], work)
        k.wait_view("sign_in")
        db_file = os.path.join(host_data, "classroom.db")
        deadline = time.monotonic() + 20
        while True:   # wait until the kiosk has paired and synced once
            db = sqlite3.connect(db_file)
            approved = db.execute("SELECT count(*) FROM devices WHERE status = 'approved' AND last_counter > 0").fetchone()[0]
            db.close()
            if approved:
                break
            if time.monotonic() > deadline:
                raise Failure("the kiosk did not pair with the host")
            time.sleep(0.1)

        def command(kind, payload):
            db = sqlite3.connect(db_file)
            db.execute("INSERT INTO commands(device_id, kind, payload, at_ms) VALUES ('', ?, ?, 0)",
                       (kind, json.dumps(payload)))
            db.commit()
            db.close()
            return time.monotonic()

        sent = command("lock", {"message": "Eyes to the front"})
        k.wait(lambda s: s.get("locked") is True and s.get("view", "").startswith("locked"), "the lock screen", timeout=15)
        print(f"lock shown {time.monotonic() - sent:.2f} s after the instructor's command")
        sent = command("unlock", {})
        k.wait(lambda s: s.get("locked") is False, "the unlock", timeout=15)
        print(f"unlock shown {time.monotonic() - sent:.2f} s after the instructor's command")
    finally:
        if k:
            k.stop()
        host.terminate()
        host.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=["tour", "lockdown", "dev", "classroom_lock"])
    parser.add_argument("--host", help="the cbt-host program (classroom_lock)")
    parser.add_argument("--kiosk", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--wm-close", help="the send_wm_delete program (asks a window to close)")
    parser.add_argument("--lang", choices=["en", "ru"])
    parser.add_argument("--shots", help="write the kiosk's screenshots here")
    parser.add_argument("--keep", help="work in this folder and keep it")
    parser.add_argument("--accessible", action="store_true", help="turn on larger text and high contrast at sign-in")
    parser.add_argument("--display", action="store_true", help="use $DISPLAY instead of a private Xvfb")
    opts = parser.parse_args()
    for tool in ("xdotool",) + (() if opts.display else ("Xvfb",)):
        if not shutil.which(tool):
            print(f"skipped: {tool} is not installed (apt-get install xdotool xvfb)")
            return 77
    xvfb = None if opts.display else start_xvfb()
    try:
        {"tour": run_tour, "lockdown": run_lockdown, "dev": run_dev,
         "classroom_lock": run_classroom_lock}[opts.scenario](opts)
        return 0
    except (Failure, subprocess.TimeoutExpired) as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        if xvfb:
            xvfb.terminate()
            xvfb.wait()


if __name__ == "__main__":
    sys.exit(main())
