#!/usr/bin/env python3
"""The end-of-day backup restored on a replacement host: a real `cbt-host --headless` on loopback
offering a course package; three `cbt-kiosk --headless` seats play a lesson and sync; `cbt-host
backup --to STICK` runs while the host serves; the seats play the rest and sync to that host,
which then fails (SIGKILL). `cbt-host restore` puts the backup in a new data folder, a new host
serves it on the same port, and the seats sync again. The new host must hold every event every
seat recorded, exactly once (the seats send again what the backup lacks), its CSV export every
finished attempt once, and the course package, which a new seat can fetch. A restore is refused
while the new host serves, over its answers without --force, and from a tampered copy of the
backup — and the refused ones change nothing.
Usage: backup_restore.py CBT_HOST CBT_KIOSK CBT SOURCE_DIR"""
import csv
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from journal_tools import free_port, tail, events, setting

host_bin, kiosk_bin, cbt_bin, source = sys.argv[1:5]
sample = os.path.join(source, "courses/sample")
KIOSKS = 3
CODE = "restore-4711"


class Failure(Exception):
    pass


def fail(message):
    raise Failure(message)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def snapshot(folder):
    """Every file under a folder with its SHA-256 (symlinks by target): to show nothing changed."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, folder)
            if os.path.islink(path):
                out[rel] = "-> " + os.readlink(path)
            elif os.path.isfile(path):
                out[rel] = sha256(path)
    return out


def cbt_host(*args, expect_ok=True):
    done = subprocess.run([host_bin, *args], capture_output=True, text=True, timeout=120)
    if expect_ok and done.returncode != 0:
        fail(f"cbt-host {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    if not expect_ok and done.returncode == 0:
        fail(f"cbt-host {' '.join(args)} should have been refused; it said: {done.stdout}")
    return done


class Host:
    def __init__(self, data, port, log_dir, name):
        self.data, self.port = data, port
        self.log = os.path.join(log_dir, f"{name}.log")
        with open(self.log, "w") as out:
            self.proc = subprocess.Popen([host_bin, "--headless", "--data", data, "--port", str(port), "--bind",
                                          "127.0.0.1", "--pairing-code", CODE], stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while "listening on 127.0.0.1:" not in tail(self.log, 1):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.gone()
                fail(f"the host on {data} did not start listening on {port}:\n{tail(self.log)}")
            time.sleep(0.02)

    @property
    def db(self):
        return os.path.join(self.data, "classroom.db")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=15)

    def gone(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class Seat:
    def __init__(self, number, tmp):
        self.number = number
        self.data = os.path.join(tmp, f"kiosk-{number}")
        self.log_dir = os.path.join(tmp, "logs")
        self.learner = f"Trainee {number}"
        self.runs = 0
        self.proc = None

    @property
    def db(self):
        return os.path.join(self.data, "kiosk.db")

    @property
    def device(self):
        return setting(self.db, "device_id")

    def launch(self, url, *extra):
        self.runs += 1
        self.out = os.path.join(self.log_dir, f"kiosk-{self.number}-run-{self.runs}.out")
        self.err = os.path.join(self.log_dir, f"kiosk-{self.number}-run-{self.runs}.err")
        with open(self.out, "w") as out, open(self.err, "w") as err:
            self.proc = subprocess.Popen([kiosk_bin, "--headless", "--data", self.data, "--courses", sample,
                                          "--learner", self.learner, "--auto", "correct", "--delay-ms", "5", "--json",
                                          "--host", url, "--pairing-code", CODE, *extra], stdout=out, stderr=err)

    def wait(self):
        """Waits for the run; exit 0 means the host acknowledged every event of this seat."""
        try:
            code = self.proc.wait(timeout=180)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            fail(f"kiosk {self.number} did not finish within 180 s:\n{tail(self.err)}")
        if code != 0:
            fail(f"kiosk {self.number} run {self.runs} exited with {code}:\n{tail(self.err)}")
        with open(self.out) as f:
            return json.load(f)


def play(seats, url, *extra):
    for seat in seats:
        seat.launch(url, *extra)
    return [seat.wait() for seat in seats]


def main(tmp):
    logs = os.path.join(tmp, "logs")
    stick = os.path.join(tmp, "stick")
    os.makedirs(logs)
    os.makedirs(stick)
    old_data, new_data = os.path.join(tmp, "host-old"), os.path.join(tmp, "host-new")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    seats = [Seat(n, tmp) for n in range(1, KIOSKS + 1)]
    hosts = []
    try:
        old = Host(old_data, port, logs, "host-old")
        hosts.append(old)
        pack = os.path.join(tmp, "first-course.cbtpack")
        subprocess.run([cbt_bin, "pack", os.path.join(source, "docs/examples/first-course"), "-o", pack],
                       check=True, capture_output=True)
        cbt_host("install", pack, "--data", old_data)

        # The morning: one lesson each, synced; the seats fetch the offered course on the way.
        play(seats, url, "--lesson", "tour")
        if any(not os.path.isfile(os.path.join(s.data, "courses/first-course/course.lua")) for s in seats):
            fail("a seat did not fetch the course the host offers")

        # The backup, taken while the host serves.
        done = cbt_host("backup", "--to", stick, "--data", old_data)
        folders = [name for name in os.listdir(stick)]
        if len(folders) != 1 or folders[0].endswith(".partial"):
            fail(f"the stick should hold one finished backup folder: {folders}")
        backup = os.path.join(stick, folders[0])
        if backup not in done.stdout:
            fail(f"cbt-host backup did not say where it wrote: {done.stdout}")
        manifest = json.load(open(os.path.join(backup, "manifest.json")))
        backed_up = len(events(os.path.join(backup, "classroom.db")))
        if manifest["counts"]["events"] != backed_up or manifest["counts"]["finished_attempts"] != KIOSKS:
            fail(f"the manifest's counts {manifest['counts']} do not describe the backup ({backed_up} events, "
                 f"{KIOSKS} finished attempts)")
        if f"{backed_up} events" not in done.stdout:
            fail(f"cbt-host backup did not print the counts: {done.stdout}")
        for f in manifest["files"]:
            if sha256(os.path.join(backup, f["path"])) != f["sha256"]:
                fail(f"{f['path']} in the backup does not match its manifest")
        offered = [c["sha256"] for c in manifest["courses"]]
        if len(offered) != 1 or manifest["courses"][0]["id"] != "first-course":
            fail(f"the backup should hold the offered course package: {manifest['courses']}")

        # The afternoon: the rest of the lessons, synced to the old host; then it fails.
        summaries = play(seats, url)
        if any(len(s["lessons"]) != 4 or not s["passed"] for s in summaries):
            fail(f"each seat should have passed the sample's 2 lessons and the offered course's 2: {summaries}")
        after_backup = len(events(old.db)) - backed_up
        if after_backup <= 0:
            fail("the seats recorded nothing after the backup; the drill would prove nothing")
        old.kill()

        # The replacement host: restore from the stick, serve on the same port.
        done = cbt_host("restore", backup, "--data", new_data)
        if "Restored classroom" not in done.stdout or f"{backed_up} events" not in done.stdout:
            fail(f"cbt-host restore did not say what it restored: {done.stdout}")
        new = Host(new_data, port, logs, "host-new")
        hosts.append(new)
        refused = cbt_host("restore", backup, "--data", new_data, "--force", expect_ok=False)
        if "stop the host first" not in refused.stderr:
            fail(f"a restore while the host serves should ask to stop the host first: {refused.stderr}")

        # The seats sync again: each run exits 0 only when the new host holds all its events.
        play(seats, url)

        host_rows = events(new.db)
        if len(host_rows) != len({(r[0], r[1]) for r in host_rows}):
            fail("the new host holds an event twice")
        recorded = 0
        for seat in seats:
            mine = events(seat.db, seat.device)
            recorded += len(mine)
            held = events(new.db, seat.device)
            if held != mine:
                missing = sorted({r[1] for r in mine} - {r[1] for r in held})
                fail(f"the new host's copy of kiosk {seat.number}'s events differs: {len(mine)} on the kiosk, "
                     f"{len(held)} on the host; missing seqs {missing[:20]}")
        if len(host_rows) != recorded:
            fail(f"the new host holds {len(host_rows)} events, the seats recorded {recorded}")

        finished = sum(1 for seat in seats for r in events(seat.db, seat.device) if r[2] == "attempt_finished")
        rows = list(csv.DictReader(io.StringIO(cbt_host("export", "--data", new_data, "--format", "csv").stdout)))
        if len(rows) != finished or len({(r["trainee"], r["course"], r["lesson"]) for r in rows}) != finished:
            fail(f"the CSV export lists {len(rows)} attempts; the seats finished {finished}, each once")

        # The course package: offered by the new host, intact, and fetched by a seat new to it.
        if "first-course" not in cbt_host("courses", "--data", new_data).stdout:
            fail("the new host does not offer the course package")
        kept = os.path.join(new_data, "packs", offered[0] + ".cbtpack")
        if not os.path.isfile(kept) or sha256(kept) != offered[0]:
            fail("the new host's copy of the course package is missing or damaged")
        late = Seat(KIOSKS + 1, tmp)
        late.learner = "Late Trainee"
        late.launch(url, "--lesson", "checkup")
        summary = late.wait()
        if "installed course first-course from the host" not in tail(late.err, 50) or summary["lessons"] == []:
            fail(f"a new seat did not fetch and play the restored course:\n{tail(late.err)}")
        new.stop()

        # Refusals that change nothing: over the new host's answers without --force, and a tampered backup.
        before = snapshot(new_data)
        refused = cbt_host("restore", backup, "--data", new_data, expect_ok=False)
        if "--force" not in refused.stderr:
            fail(f"a restore over a classroom with answers should point to --force: {refused.stderr}")
        tampered = os.path.join(tmp, "tampered")
        shutil.copytree(backup, tampered)
        with open(os.path.join(tampered, "classroom.db"), "r+b") as f:
            f.seek(os.path.getsize(os.path.join(tampered, "classroom.db")) // 2)
            byte = f.read(1)
            f.seek(-1, os.SEEK_CUR)
            f.write(bytes([byte[0] ^ 0x01]))
        refused = cbt_host("restore", tampered, "--data", new_data, "--force", expect_ok=False)
        if "does not match the checksum" not in refused.stderr or "Nothing was changed" not in refused.stderr:
            fail(f"a tampered backup should be refused with a clear reason: {refused.stderr}")
        if snapshot(new_data) != before:
            fail("a refused restore changed the data folder")
        return (f"{KIOSKS} seats, {backed_up} events in the backup taken while serving, {after_backup} more sent to "
                f"the host that failed; the restored host holds all {recorded} seat events once (and the new "
                f"seat's), {len(rows)} attempts in its CSV, the course package offered and fetched; restores "
                f"refused while serving, over answers without --force, and from a tampered copy")
    finally:
        for seat in seats:
            if seat.proc is not None and seat.proc.poll() is None:
                seat.proc.kill()
                seat.proc.wait()
        for host in hosts:
            host.gone()


if __name__ == "__main__":
    tmp = tempfile.mkdtemp(prefix="cbt-backup-restore-")
    began = time.monotonic()
    try:
        figures = main(tmp)
    except Failure as e:
        print(f"FAIL: {e}\n(data and logs kept in {tmp})", flush=True)
        raise SystemExit(1)
    print(f"backup/restore: {figures}; {time.monotonic() - began:.1f} s", flush=True)
    shutil.rmtree(tmp, ignore_errors=True)
