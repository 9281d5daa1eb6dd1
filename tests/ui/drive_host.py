#!/usr/bin/env python3
# Drives the real cbt-host dashboard window with xdotool on a private Xvfb server, with a real
# headless kiosk syncing to it. Controls are found through the dashboard's UI trace (CBT_UI_TRACE)
# and every click is checked in classroom.db, the record the kiosks read their commands from.
"""Usage:
  drive_host.py --host BIN --kiosk BIN --source DIR [--scenario dashboard|backup] [--wm-close BIN]
                [--shots DIR] [--keep DIR]

dashboard (the default): adds a trainee in the roster form; a kiosk without the pairing code asks to join and shows up
under Pairing with the same six digits it prints; Approve gives it seat 1; the kiosk plays the
quiz and its seat shows the trainee and the score; Lock on the seat writes a "lock" command; a
help request lights the seat until "Help is on the way" writes a "help_ack"; a message to all
seats is typed in its dialog; switching to Russian and back works; a window close ends cbt-host
(and its server) with status 0.

backup: three kiosks with the pairing code play a lesson; a backup record from before the start is
not shown; the real `cbt-host backup --to` run while the dashboard serves shows the success banner
(English, then Russian) with the counts, dismissed by its button; a backup to a missing folder
shows the failure banner on another page, with the reason, dismissed by Esc; a dismissed record
rewritten stays dismissed. --shots takes host-backup-{ok,failed}-{en,ru}.png.
"""
import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from drive_kiosk import Failure, newest_trace_line, start_xvfb, xdotool  # noqa: E402  (the kiosk tests' X helpers)

TRAINEE = "Aliya Nurlanovna"


class Dashboard:
    def __init__(self, binary, args, workdir):
        self.trace_file = os.path.join(workdir, "host-trace.jsonl")
        self.log = open(os.path.join(workdir, "host.log"), "w")
        env = dict(os.environ, CBT_UI_TRACE=self.trace_file)
        self.proc = subprocess.Popen([binary, *args], env=env, stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"listening on [^:]+:(\d+)", line)
        if not match:
            raise Failure(f"cbt-host did not say where it listens: {line!r}")
        self.port = int(match.group(1))
        self.window = xdotool("search", "--sync", "--name", "Instructor$").split()[0]

    def state(self):
        return newest_trace_line(self.trace_file)

    def wait(self, predicate, what, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise Failure(f"cbt-host exited ({self.proc.returncode}) while waiting for {what}")
            st = self.state()
            if st and predicate(st):
                return st
            time.sleep(0.05)
        st = self.state() or {}
        st.pop("controls", None)
        raise Failure(f"timed out waiting for {what}; last trace: {json.dumps(st, ensure_ascii=False)[:2500]}")

    def click(self, name):
        st = self.wait(lambda s: name in s.get("controls", {}), f"control {name}")
        x, y, w, h = st["controls"][name]
        xdotool("mousemove", "--window", self.window, str(x + w // 2), str(y + h // 2), "click", "1")

    def seat(self, st, number):
        return next((s for s in st["seats"] if s["seat"] == number), {})

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def query(db_file, sql, args=()):
    db = sqlite3.connect(db_file, timeout=10)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def wait_for(check, what, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.1)
    raise Failure(f"timed out waiting for {what}")


def shot(opts, name):
    if opts.shots:
        time.sleep(0.6)
        subprocess.run(["import", "-window", "root", os.path.join(opts.shots, name + ".png")], check=True)


def run_dashboard(opts):
    work = opts.keep or tempfile.mkdtemp(prefix="cbt-ui-host-")
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "host")
    db = os.path.join(data, "classroom.db")
    sample = os.path.join(opts.source, "courses", "sample")
    d = Dashboard(opts.host, ["--windowed", "--data", data, "--port", "0", "--bind", "127.0.0.1", "--lang", "en",
                              "--assets", os.path.join(opts.source, "assets"), "--courses", sample], work)
    kiosk = None
    try:
        st = d.wait(lambda s: s.get("view") == "seats" and len(s.get("seats", [])) == 10, "ten empty seats")

        # The roster form: a trainee added by typing.
        d.click("tab.roster")
        d.wait(lambda s: s.get("view") == "roster", "the roster page")
        d.click("roster.name")
        xdotool("type", "--delay", "30", TRAINEE)
        d.click("roster.id_number")
        xdotool("type", "--delay", "30", "KZ-1001")
        d.click("roster.save")
        d.wait(lambda s: s.get("roster") == 1, "the trainee saved")
        rows = query(db, "SELECT id, name, id_number FROM roster")
        if len(rows) != 1 or rows[0][1] != TRAINEE or rows[0][2] != "KZ-1001":
            raise Failure(f"the roster in classroom.db is {rows}")
        trainee_id = rows[0][0]

        # A kiosk without the classroom's pairing code waits for the instructor.
        kiosk_log = os.path.join(work, "kiosk.log")
        kiosk = subprocess.Popen(
            [opts.kiosk, "--headless", "--data", os.path.join(work, "kiosk"), "--courses", sample, "--learner", TRAINEE,
             "--course", "sample", "--lesson", "quiz", "--auto", "correct", "--host", f"http://127.0.0.1:{d.port}"],
            stdout=subprocess.DEVNULL, stderr=open(kiosk_log, "w"))
        d.click("tab.pairing")
        st = d.wait(lambda s: s.get("view") == "pairing" and len(s.get("pending", [])) == 1, "a kiosk waiting")
        device, code = st["pending"][0]["device"], st["pending"][0]["code"]
        printed = wait_for(lambda: re.search(r"code (\d{6})", open(kiosk_log).read()), "the kiosk's code")
        if printed.group(1) != code:
            raise Failure(f"the dashboard shows code {code}, the kiosk {printed.group(1)}")
        shot(opts, "host-pairing")
        d.click(f"approve.{device}")
        d.wait(lambda s: not s.get("pending"), "the kiosk approved")
        rows = query(db, "SELECT status, seat FROM devices WHERE device_id = ?", (device,))
        if rows != [("approved", 1)]:
            raise Failure(f"the device in classroom.db is {rows}, expected approved at seat 1")
        try:
            status = kiosk.wait(timeout=60)
        except subprocess.TimeoutExpired:
            raise Failure("the approved kiosk did not finish its lesson and sync")
        if status != 0:
            raise Failure(f"the kiosk exited with {status}: {open(kiosk_log).read()[-2000:]}")

        # Its seat shows the trainee by name and the score.
        d.click("tab.seats")
        st = d.wait(lambda s: s.get("view") == "seats" and d.seat(s, 1).get("trainee") == TRAINEE
                    and d.seat(s, 1).get("last_score") == 1.0, "seat 1 with the trainee and the score")
        d.click("seat.1")
        d.wait(lambda s: s.get("selected") == "seat.1", "seat 1 selected")

        # Lock: a "lock" command for that kiosk.
        d.click("seat.lock")
        wait_for(lambda: query(db, "SELECT kind FROM commands WHERE device_id = ? AND kind = 'lock'", (device,)),
                 "a lock command in classroom.db")
        d.wait(lambda s: d.seat(s, 1).get("locked") is True and "seat.unlock" in s["controls"], "seat 1 locked")

        # A help request (as the kiosk's next upload would bring it) lights the seat until acknowledged.
        (last_seq,) = query(db, "SELECT MAX(seq) FROM events WHERE device_id = ?", (device,))[0]
        con = sqlite3.connect(db, timeout=10)
        con.execute("INSERT INTO events(device_id, seq, type, learner, attempt, at_ms, payload) VALUES (?,?,?,?,?,?,?)",
                    (device, last_seq + 1, "help_requested", trainee_id, "", int(time.time() * 1000),
                     json.dumps({"screen": ""})))
        con.commit()
        con.close()
        d.wait(lambda s: d.seat(s, 1).get("help") is True, "seat 1 asking for help")
        shot(opts, "host-help")
        d.click("seat.help_ack")
        rows = wait_for(lambda: query(db, "SELECT payload FROM commands WHERE device_id = ? AND kind = 'help_ack'",
                                      (device,)), "a help_ack command")
        if json.loads(rows[0][0]).get("seq") != last_seq + 1:
            raise Failure(f"the help_ack names {rows[0][0]}, expected seq {last_seq + 1}")
        d.wait(lambda s: d.seat(s, 1).get("help") is False, "the help request acknowledged")

        # A message to every seat, typed in its dialog and sent with Enter.
        d.click("all.message")
        d.wait(lambda s: s.get("dialog") == "dialog.message", "the message dialog")
        time.sleep(0.2)
        xdotool("type", "--delay", "30", "Break until 11:00")
        xdotool("key", "Return")
        rows = wait_for(lambda: query(db, "SELECT device_id, payload FROM commands WHERE kind = 'message'"),
                        "a message command")
        if rows[0][0] != "" or json.loads(rows[0][1]).get("text") != "Break until 11:00":
            raise Failure(f"the message command is {rows}")
        d.wait(lambda s: s.get("dialog") == "", "the dialog closed")

        # Russian and back; the choice is kept in classroom.db.
        d.click("language.ru")
        d.wait(lambda s: s.get("lang") == "ru", "Russian")
        if query(db, "SELECT value FROM settings WHERE key = 'host.language'") != [("ru",)]:
            raise Failure("the language choice was not kept")
        d.click("language.en")
        d.wait(lambda s: s.get("lang") == "en", "English")

        # Closing the window ends cbt-host, server included.
        if opts.wm_close:
            subprocess.run([opts.wm_close, d.window], check=True)
            try:
                status = d.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                raise Failure("cbt-host did not end when its window was closed")
            if status != 0:
                raise Failure(f"cbt-host ended with status {status}")
    finally:
        if kiosk and kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
        d.stop()
    if not opts.keep:
        shutil.rmtree(work, ignore_errors=True)
    print("host dashboard: ok")


def cbt_host(opts, *args, expect_ok=True):
    done = subprocess.run([opts.host, *args], capture_output=True, text=True, timeout=60)
    if (done.returncode == 0) != expect_ok:
        raise Failure(f"cbt-host {' '.join(args)} ended with {done.returncode}: {done.stdout} {done.stderr}")
    return done


def run_backup(opts):
    work = opts.keep or tempfile.mkdtemp(prefix="cbt-ui-host-backup-")
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "host")
    stick = os.path.join(work, "stick")
    os.makedirs(stick, exist_ok=True)
    os.makedirs(data, exist_ok=True)
    record_file = os.path.join(data, "last-backup.json")
    sample = os.path.join(opts.source, "courses", "sample")
    # Yesterday's backup: news at the time, not now.
    with open(record_file, "w") as f:
        json.dump({"format": 1, "at_ms": int(time.time() * 1000) - 86_400_000, "ok": True,
                   "folder": os.path.join(stick, "old"), "devices": 1, "events": 5, "finished_attempts": 1}, f)
    d = Dashboard(opts.host, ["--windowed", "--data", data, "--port", "0", "--bind", "127.0.0.1", "--lang", "en",
                              "--pairing-code", "4711", "--assets", os.path.join(opts.source, "assets"),
                              "--courses", sample], work)
    kiosks = []
    try:
        d.wait(lambda s: s.get("view") == "seats" and len(s.get("seats", [])) == 10, "ten empty seats")

        # Three seats play a lesson, so the backup has something to count.
        for seat in (1, 2, 3):
            kiosks.append(subprocess.Popen(
                [opts.kiosk, "--headless", "--data", os.path.join(work, f"kiosk-{seat}"), "--courses", sample,
                 "--seat", str(seat), "--learner", f"Trainee {seat}", "--course", "sample", "--lesson", "quiz",
                 "--auto", "correct", "--host", f"http://127.0.0.1:{d.port}", "--pairing-code", "4711"],
                stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, f"kiosk-{seat}.log"), "w")))
        for seat, kiosk in enumerate(kiosks, 1):
            try:
                status = kiosk.wait(timeout=60)
            except subprocess.TimeoutExpired:
                raise Failure(f"the kiosk at seat {seat} did not finish its lesson and sync")
            if status != 0:
                raise Failure(f"the kiosk at seat {seat} exited with {status}: "
                              f"{open(os.path.join(work, f'kiosk-{seat}.log')).read()[-2000:]}")
        d.wait(lambda s: sum(1 for x in s["seats"] if x.get("last_score") == 1.0) == 3, "three seats with a score")
        # The dashboard has looked at the old record by now (once a second) and left it alone.
        time.sleep(2.5)
        if d.state().get("backup") is not None:
            raise Failure(f"a backup from before the dashboard started is shown: {d.state()['backup']}")

        # The end-of-day backup, run as the USB stick's service would, while the host serves.
        began = time.monotonic()
        done = cbt_host(opts, "backup", "--to", stick, "--data", data)
        st = d.wait(lambda s: (s.get("backup") or {}).get("ok") is True and "backup.banner" in s["controls"],
                    "the success banner", timeout=6)
        print(f"success banner after {time.monotonic() - began:.1f} s")
        record = json.load(open(record_file))
        folders = os.listdir(stick)
        if len(folders) != 1 or record.get("folder") != os.path.join(stick, folders[0]) or record["folder"] not in done.stdout:
            raise Failure(f"the record names {record.get('folder')}; the stick holds {folders}")
        if (record["ok"], record["devices"], record["finished_attempts"]) != (True, 3, 3) or "error" in record:
            raise Failure(f"the success record is {record}")
        if os.stat(record_file).st_mode & 0o777 != 0o644:
            raise Failure(f"last-backup.json has mode {oct(os.stat(record_file).st_mode & 0o777)}, expected 0644")
        text = st["backup"]["text"]
        if not (text.startswith("Backup on the USB stick: ") and "3 results from 3 seats" in text
                and text.endswith("You can remove the stick.")):
            raise Failure(f"the success banner says {text!r}")
        shot(opts, "host-backup-ok-en")
        d.click("language.ru")
        st = d.wait(lambda s: s.get("lang") == "ru" and (s.get("backup") or {}).get("ok") is True, "the banner in Russian")
        text = st["backup"]["text"]
        if "3 результата с 3 мест" not in text or not text.endswith("Носитель можно извлечь."):
            raise Failure(f"the Russian success banner says {text!r}")
        shot(opts, "host-backup-ok-ru")
        d.click("backup.dismiss")
        d.wait(lambda s: s.get("backup") is None and "backup.banner" not in s["controls"], "the banner dismissed")

        # A stick that is not there: the failure, with the reason, on whichever page is open.
        d.click("tab.reports")
        d.wait(lambda s: s.get("view") == "reports", "the reports page")
        failed = cbt_host(opts, "backup", "--to", os.path.join(work, "usb", "suitcase-cbt", "backups"), "--data", data,
                          expect_ok=False)
        if "does not exist" not in failed.stderr:
            raise Failure(f"the failed backup said {failed.stderr!r}")
        st = d.wait(lambda s: (s.get("backup") or {}).get("ok") is False and "backup.banner" in s["controls"],
                    "the failure banner", timeout=6)
        record = json.load(open(record_file))
        if record["ok"] is not False or "does not exist" not in record.get("error", "") or "folder" in record:
            raise Failure(f"the failure record is {record}")
        text = st["backup"]["text"]
        if "plug in the USB stick" not in text or "USB-носитель" not in text or st.get("view") != "reports":
            raise Failure(f"the Russian failure banner says {text!r} on {st.get('view')}")
        shot(opts, "host-backup-failed-ru")
        d.click("language.en")
        st = d.wait(lambda s: s.get("lang") == "en" and (s.get("backup") or {}).get("ok") is False,
                    "the failure banner in English")
        text = st["backup"]["text"]
        if not (text.startswith("The backup to the USB stick failed at ") and "plug in the USB stick" in text
                and text.endswith("Plug the stick in again or see the guide.")):
            raise Failure(f"the failure banner says {text!r}")
        shot(opts, "host-backup-failed-en")
        xdotool("key", "Escape")
        d.wait(lambda s: s.get("backup") is None, "the failure banner dismissed by Esc")

        # The same record written again is not news.
        os.utime(record_file)
        time.sleep(2.5)
        if d.state().get("backup") is not None:
            raise Failure("a dismissed record came back when its file was touched")
    finally:
        for kiosk in kiosks:
            if kiosk.poll() is None:
                kiosk.kill()
                kiosk.wait()
        d.stop()
    if not opts.keep:
        shutil.rmtree(work, ignore_errors=True)
    print("host backup banner: ok")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", required=True)
    parser.add_argument("--kiosk", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--scenario", choices=("dashboard", "backup"), default="dashboard")
    parser.add_argument("--wm-close", help="the send_wm_delete program (asks a window to close)")
    parser.add_argument("--shots", help="write screenshots of the pairing and help moments (or the banners) here")
    parser.add_argument("--keep", help="work in this folder and keep it")
    opts = parser.parse_args()
    for tool in ("xdotool", "Xvfb") + (("import",) if opts.shots else ()):
        if not shutil.which(tool):
            print(f"skipped: {tool} is not installed (apt-get install xdotool xvfb imagemagick)")
            return 77
    xvfb = start_xvfb()
    try:
        (run_backup if opts.scenario == "backup" else run_dashboard)(opts)
        return 0
    except (Failure, subprocess.TimeoutExpired) as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        xvfb.terminate()
        xvfb.wait()


if __name__ == "__main__":
    sys.exit(main())
