#!/usr/bin/env python3
"""Crash drill: the headless kiosk plays a scripted class and is killed with SIGKILL at random
moments, then restarted, until it finishes; this is repeated until at least KILLS kills have
landed. Each finished journal must hold every answer exactly once, and the final scores must equal
those of an uninterrupted run with the same script and seed."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

kiosk, source_dir = sys.argv[1], sys.argv[2]
kills_wanted = int(os.environ.get("CBT_DRILL_KILLS", "50"))
answers = os.path.join(source_dir, "tests/integration/crash-drill-answers.json")
courses = os.path.join(source_dir, "courses/sample")


def command(data, delay_ms):
    return [kiosk, "--headless", "--data", data, "--courses", courses, "--learner", "Drill Trainee",
            "--answers", answers, "--seed", "42", "--delay-ms", str(delay_ms), "--json"]


def answers_of(data):
    """Every response in the journal as (lesson, screen, try, answer, score), and the starts."""
    db = sqlite3.connect(os.path.join(data, "kiosk.db"))
    lesson_of = {}
    responses, starts = [], []
    seqs = [row[0] for row in db.execute("SELECT seq FROM events ORDER BY seq")]
    for type_, attempt, payload in db.execute("SELECT type, attempt, payload FROM events ORDER BY seq"):
        p = json.loads(payload)
        if type_ == "attempt_started":
            lesson_of[attempt] = p["lesson"]
            starts.append(p["lesson"])
        elif type_ == "response":
            responses.append((lesson_of[attempt], p["screen"], p["try"], json.dumps(p["answer"], sort_keys=True),
                              round(p["score"], 9)))
    db.close()
    if seqs != list(range(1, len(seqs) + 1)):
        raise SystemExit(f"FAIL: the journal's seq numbers have gaps or repeats: {seqs}")
    return responses, starts


def scores(summary):
    return {(l["course"], l["lesson"]): (l["state"], l["score"], l["attempts"]) for l in summary["lessons"]}


with tempfile.TemporaryDirectory(prefix="cbt-drill-") as tmp:
    ref_dir = os.path.join(tmp, "reference")
    started = time.monotonic()
    ref = subprocess.run(command(ref_dir, 8), capture_output=True, text=True, timeout=120)
    run_seconds = time.monotonic() - started
    if ref.returncode != 0:
        raise SystemExit(f"FAIL: the uninterrupted run failed: {ref.stderr}{ref.stdout}")
    reference = json.loads(ref.stdout)
    ref_responses, ref_starts = answers_of(ref_dir)
    if not ref_responses or reference["passed"]:
        raise SystemExit("FAIL: the drill script should answer some questions wrongly and not pass")

    rng = random.Random(int(os.environ.get("CBT_DRILL_SEED", str(time.time_ns()))))
    kills, rounds, restarts = 0, 0, 0
    while kills < kills_wanted:
        rounds += 1
        data = os.path.join(tmp, f"round-{rounds}")
        for attempt in range(400):
            proc = subprocess.Popen(command(data, 8), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                out, err = proc.communicate(timeout=rng.uniform(0.0, run_seconds))
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.communicate()
                kills += 1
                restarts += 1
                continue
            if proc.returncode != 0:
                raise SystemExit(f"FAIL: round {rounds}: the kiosk exited with {proc.returncode}: {err}{out}")
            break
        else:
            raise SystemExit(f"FAIL: round {rounds} never finished")

        summary = json.loads(out)
        if scores(summary) != scores(reference):
            raise SystemExit(f"FAIL: round {rounds}: results {scores(summary)} differ from {scores(reference)}")
        responses, starts = answers_of(data)
        if sorted(responses) != sorted(ref_responses):
            raise SystemExit(f"FAIL: round {rounds}: answers in the journal differ from the uninterrupted run:\n"
                             f"  drill:     {sorted(responses)}\n  reference: {sorted(ref_responses)}")
        if len(set(responses)) != len(responses):
            raise SystemExit(f"FAIL: round {rounds}: an answer was recorded twice")
        if sorted(starts) != sorted(ref_starts):
            raise SystemExit(f"FAIL: round {rounds}: lessons were started afresh instead of resumed: {starts}")
    print(f"crash drill: {kills} SIGKILLs over {rounds} round(s) of a {run_seconds:.2f} s run; "
          "every answer present once, scores as uninterrupted")
