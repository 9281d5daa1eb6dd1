#!/usr/bin/env python3
"""A classroom on loopback: a real `cbt-host --headless` and ten `cbt-kiosk --headless` processes
playing at once, each pairing with the classroom's code, playing every lesson and syncing. The
host must then hold every kiosk's events exactly as the kiosk recorded them, every attempt once,
with the scores the kiosks computed, and its CSV export must list each finished attempt once.
The host also distributes a course package (the authoring guide's example course) that the
kiosks do not have: each must fetch, verify and install it, and play it too.
Usage: classroom.py CBT_HOST CBT_KIOSK CBT SOURCE_DIR"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from journal_tools import events, setting

host_bin, kiosk_bin, cbt_bin, source = sys.argv[1:5]
courses = os.path.join(source, "courses/sample")
KIOSKS = 10
CODE = "class-4711"


def fail(message):
    raise SystemExit(f"FAIL: {message}")


with tempfile.TemporaryDirectory(prefix="cbt-classroom-") as tmp:
    host_data = os.path.join(tmp, "host")
    host = subprocess.Popen([host_bin, "--headless", "--data", host_data, "--port", "0", "--bind", "127.0.0.1",
                             "--pairing-code", CODE], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = host.stdout.readline()
        if "listening on 127.0.0.1:" not in line:
            fail(f"the host did not start: {line}{host.stdout.read() if host.poll() is not None else ''}")
        url = "http://127.0.0.1:" + line.rsplit(":", 1)[1].strip()
        pack = os.path.join(tmp, "first-course.cbtpack")
        for cmd in ([cbt_bin, "pack", os.path.join(source, "docs/examples/first-course"), "-o", pack],
                    [host_bin, "install", pack, "--data", host_data]):
            step = subprocess.run(cmd, capture_output=True, text=True)
            if step.returncode != 0:
                fail(f"{' '.join(cmd)}: {step.stderr}")
        classroom_id = line.split()[2]

        kiosks = []
        for i in range(KIOSKS):
            data = os.path.join(tmp, f"kiosk-{i + 1}")
            cmd = [kiosk_bin, "--headless", "--data", data, "--courses", courses, "--learner", f"Trainee {i + 1}",
                   "--auto", "correct" if i % 2 == 0 else "wrong", "--delay-ms", "5", "--json",
                   "--host", url, "--pairing-code", CODE]
            kiosks.append((data, subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
        results = []
        for data, proc in kiosks:
            out, err = proc.communicate(timeout=240)
            if proc.returncode != 0:
                fail(f"kiosk {data} exited with {proc.returncode}: {err}")
            results.append((data, json.loads(out), err))

        host_db = os.path.join(host_data, "classroom.db")
        seats = set()
        finished_attempts = {}
        for data, summary, err in results:
            kiosk_db = os.path.join(data, "kiosk.db")
            device = setting(kiosk_db, "device_id")
            mine = events(kiosk_db, device)
            if not mine:
                fail(f"{data} recorded nothing")
            if events(host_db, device) != mine:
                fail(f"the host's copy of {device}'s events differs from the kiosk's")
            seats.add(setting(kiosk_db, "seat_number"))
            # The scores the kiosk computed are the ones the host holds.
            kiosk_scores = {l["lesson"]: l["score"] for l in summary["lessons"]}
            for row in mine:
                if row[2] == "attempt_started":
                    lesson = json.loads(row[6])["lesson"]
                    finished_attempts.setdefault(row[4], {"lesson": lesson, "device": device})
                if row[2] == "attempt_finished":
                    score = json.loads(row[6])["score"]
                    attempt = finished_attempts[row[4]]
                    if abs(score - kiosk_scores[attempt["lesson"]]) > 1e-9:
                        fail(f"{device}: lesson {attempt['lesson']} scored {score} in the journal, "
                             f"{kiosk_scores[attempt['lesson']]} in the kiosk's report")
                    attempt["score"] = score
            if summary["passed"] != (summary["name"] in [f"Trainee {i + 1}" for i in range(0, KIOSKS, 2)]):
                fail(f"{summary['name']}: passed={summary['passed']} is not what its answers earn")

        all_host = events(host_db)
        if len(all_host) != len({(r[0], r[1]) for r in all_host}):
            fail("the host holds an event twice")
        starts = [r[4] for r in all_host if r[2] == "attempt_started"]
        lessons_per_kiosk = len(results[0][1]["lessons"])
        if lessons_per_kiosk != 4 or any(len(r[1]["lessons"]) != 4 for r in results):
            fail("each kiosk should have played the sample's 2 lessons and the distributed course's 2")
        if any(not os.path.isfile(os.path.join(data, "courses", "first-course", "course.lua")) for data, _, _ in results):
            fail("a kiosk did not install the course the host distributes")
        if len(starts) != len(set(starts)) or len(starts) != KIOSKS * 4:
            fail(f"expected {KIOSKS * 4} attempts, each once; the host holds {len(starts)} starts")
        if len(seats) != KIOSKS:
            fail(f"the kiosks did not get ten different seats: {sorted(seats)}")

        export = subprocess.run([host_bin, "export", "--data", host_data, "--format", "csv"],
                                capture_output=True, text=True)
        if export.returncode != 0:
            fail(f"cbt-host export failed: {export.stderr}")
        rows = list(csv.DictReader(io.StringIO(export.stdout)))
        if len(rows) != KIOSKS * 4:
            fail(f"the CSV export lists {len(rows)} attempts, expected {KIOSKS * 4}")
        by_trainee_lesson = {(r["trainee"], r["lesson"]): r for r in rows}
        if len(by_trainee_lesson) != KIOSKS * 4:
            fail("the CSV export lists an attempt twice")
        for data, summary, err in results:
            for lesson in summary["lessons"]:
                row = by_trainee_lesson.get((summary["name"], lesson["lesson"]))
                if row is None:
                    fail(f"the CSV export has no row for {summary['name']} / {lesson['lesson']}")
                if abs(float(row["score"]) - round(lesson["score"] * 100, 1)) > 0.051:
                    fail(f"{summary['name']} / {lesson['lesson']}: CSV score {row['score']}, kiosk {lesson['score']}")
                if (row["passed"] == "true") != (lesson["state"] == "passed"):
                    fail(f"{summary['name']} / {lesson['lesson']}: CSV passed={row['passed']}, kiosk {lesson['state']}")
        # Trainee 1 sits down at seat 2: the host sends their history, so nothing is played again.
        again = subprocess.run([kiosk_bin, "--headless", "--data", os.path.join(tmp, "kiosk-2"), "--courses", courses,
                                "--learner", "Trainee 1", "--auto", "wrong", "--json", "--host", url,
                                "--pairing-code", CODE], capture_output=True, text=True, timeout=120)
        if again.returncode != 0:
            fail(f"Trainee 1 at seat 2: exit {again.returncode}: {again.stderr}")
        moved = json.loads(again.stdout)
        if not moved["passed"] or any(l["attempts"] != 1 for l in moved["lessons"]):
            fail(f"Trainee 1's work from seat 1 did not follow them to seat 2: {moved}")

        # A kiosk given no address finds the host by its beacon (sent to loopback here).
        found = subprocess.run([kiosk_bin, "--headless", "--data", os.path.join(tmp, "kiosk-beacon"), "--courses", courses,
                                "--learner", "Beacon Trainee", "--lesson", "tour", "--auto", "correct", "--json",
                                "--host", "auto", "--classroom", classroom_id, "--pairing-code", CODE],
                               capture_output=True, text=True, timeout=120)
        if found.returncode != 0 or "found classroom" not in found.stderr:
            fail(f"a kiosk with --host auto did not find the host: {found.stderr}")
        beacon_device = setting(os.path.join(tmp, "kiosk-beacon", "kiosk.db"), "device_id")
        if not events(host_db, beacon_device):
            fail("the kiosk that found the host by its beacon sent nothing")

        # A backup taken while the host serves holds every event.
        backup = os.path.join(tmp, "backup.db")
        done = subprocess.run([host_bin, "backup", "--data", host_data, "--out", backup], capture_output=True, text=True)
        if done.returncode != 0:
            fail(f"cbt-host backup failed: {done.stderr}")
        if events(backup) != events(host_db):
            fail("the backup does not hold the same events as the host")

        print(f"classroom: {KIOSKS} kiosks, {len(all_host)} events on the host, each once; "
              f"{len(rows)} attempts exported with the kiosks' scores")
    finally:
        host.terminate()
        try:
            host.wait(timeout=10)
        except subprocess.TimeoutExpired:
            host.kill()
