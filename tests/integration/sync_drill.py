#!/usr/bin/env python3
"""Sync fault drills: a real `cbt-host --headless` and four `cbt-kiosk --headless` seats on
loopback, each seat playing the sample course for one trainee after another (trainees take turns
at a seat, as in a class; seat 1 starts with a backlog played offline, more than one batch),
while the drill breaks things:

  kill   SIGKILLs the host and/or a random kiosk at random moments (at least 30 rounds; pairing,
         play and sync are all hit), restarting the host on the same port and the kiosk with the
         same command; once stops the host (SIGTERM) for a few seconds and once freezes it
         (SIGSTOP) for a few seconds, mid-session.
  proxy  puts tests/integration/fault_proxy.py between the kiosks and the host, delaying,
         stalling, truncating and cutting connections in both directions.

Afterwards each kiosk runs once more to completion, and the drill checks that for every kiosk
the host holds exactly the events the kiosk recorded (same seqs, same content), no (device, seq)
twice, one attempt_started and one attempt_finished per attempt, and every trainee's results
(scores, states, attempts, answers) equal to an uninterrupted reference run against a host of
its own with the same --seed and --auto mode.

Usage: sync_drill.py kill|proxy CBT_HOST CBT_KIOSK SOURCE_DIR
Environment: CBT_SYNC_DRILL_SEED (default: time-based, printed), CBT_SYNC_DRILL_ROUNDS (kill
rounds, default 30), CBT_SYNC_DRILL_TRAINEES (trainees per seat in the proxy drill, default 6),
CBT_SYNC_DRILL_KEEP=1 keeps the data folders (they are kept anyway when the drill fails)."""
import collections
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True   # keep the source tree clean of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fault_proxy import FaultProxy  # noqa: E402
from journal_tools import free_port, tail, connect, events, setting  # noqa: E402

SEATS = 4
CODE = "drill-4711"
SEED = "42"
DELAY_MS = "10"
MODES = ("correct", "wrong")
LOST_SYNC_REPLY = "lost reply:POST /v1/sync"   # the proxy's name for a spoilt reply to a whole sync
KIOSK_EXIT_WAIT_S = 150       # a kiosk gives up syncing after 120 s; longer than that is a hang
OFFLINE_TRAINEES = 16         # 16 x 32 events: seat 1 starts with more than one batch (500) to send


class DrillFailure(Exception):
    pass


def fail(message):
    raise DrillFailure(message)


def learner_ids(db_file):
    """The seat's roster as {name: learner id}."""
    roster = setting(db_file, "roster")
    return {t["name"]: t["id"] for t in json.loads(roster)} if roster else {}


def lesson_results(summary):
    return {(l["course"], l["lesson"]): (l["state"], l["score"], l["attempts"]) for l in summary["lessons"]}


def answers_of(rows, learner):
    """A learner's answers as sorted (lesson, screen, try, answer, score), and lessons started."""
    lesson_of, answers, started = {}, [], []
    for _, _, type_, who, attempt, _, payload in rows:
        if who != learner:
            continue
        p = json.loads(payload)
        if type_ == "attempt_started":
            lesson_of[attempt] = p["lesson"]
            started.append(p["lesson"])
        elif type_ == "response":
            answers.append((lesson_of[attempt], p["screen"], p["try"], json.dumps(p["answer"], sort_keys=True),
                            round(p["score"], 9)))
    return sorted(answers), sorted(started)


def finished_scores(rows, learner):
    """{lesson: [score of each finished attempt]} from a learner's attempt_finished events."""
    lesson_of, scores = {}, collections.defaultdict(list)
    for _, _, type_, who, attempt, _, payload in rows:
        if who != learner:
            continue
        p = json.loads(payload)
        if type_ == "attempt_started":
            lesson_of[attempt] = p["lesson"]
        elif type_ == "attempt_finished":
            scores[lesson_of.get(attempt, "?")].append(round(p["score"], 9))
    return {lesson: sorted(s) for lesson, s in scores.items()}


class Host:
    """A `cbt-host --headless` that can be killed, stopped, frozen and started again on its port."""

    def __init__(self, binary, data, log_dir, port=0):
        self.binary, self.data, self.log_dir, self.port = binary, data, log_dir, port
        self.proc = None
        self.starts = 0

    def start(self, timeout=15):
        deadline = time.monotonic() + timeout
        while True:
            self.starts += 1
            log = os.path.join(self.log_dir, f"host-{self.starts}.log")
            with open(log, "w") as out:
                self.proc = subprocess.Popen([self.binary, "--headless", "--data", self.data, "--port", str(self.port),
                                              "--bind", "127.0.0.1", "--pairing-code", CODE],
                                             stdout=out, stderr=subprocess.STDOUT)
            while time.monotonic() < deadline:
                text = tail(log, 1)
                if "listening on 127.0.0.1:" in text:
                    port = int(text.rsplit(":", 1)[1])
                    if self.port not in (0, port):
                        fail(f"the host listens on {port}, not on the port it was given ({self.port})")
                    self.port = port
                    return
                if self.proc.poll() is not None:
                    break
                time.sleep(0.01)
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
                fail(f"the host did not start listening within {timeout} s:\n{tail(log)}")
            if time.monotonic() > deadline:   # e.g. the port never became free again
                fail(f"the host could not start on port {self.port}:\n{tail(log)}")
            time.sleep(0.2)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            fail("the host did not stop within 15 s of SIGTERM")

    def freeze(self):
        self.proc.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.proc.send_signal(signal.SIGCONT)

    def ensure_gone(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Seat:
    """One kiosk's data folder and the trainees who take turns at it."""

    def __init__(self, number, binary, courses, tmp, url):
        self.number, self.binary, self.courses, self.url = number, binary, courses, url
        self.data = os.path.join(tmp, f"kiosk-{number}")
        self.log_dir = os.path.join(tmp, "logs")
        self.trainees = []          # (name, mode), in turn
        self.offline = 0            # how many of them played before the seat was connected
        self.results = {}           # name -> the kiosk's JSON report of its finished run
        self.proc = None
        self.runs = 0
        self.stdout = self.stderr = None

    @property
    def db(self):
        return os.path.join(self.data, "kiosk.db")

    def next_trainee(self):
        n = len(self.trainees) + 1
        self.trainees.append((f"Seat {self.number} trainee {n}", MODES[(self.number + n) % 2]))
        self.launch()

    def launch(self, online=True):
        name, mode = self.trainees[-1]
        self.runs += 1
        self.stdout = os.path.join(self.log_dir, f"kiosk-{self.number}-run-{self.runs}.out")
        self.stderr = os.path.join(self.log_dir, f"kiosk-{self.number}-run-{self.runs}.err")
        command = [self.binary, "--headless", "--data", self.data, "--courses", self.courses, "--learner", name,
                   "--auto", mode, "--seed", SEED, "--json"]
        if online:
            command += ["--delay-ms", DELAY_MS, "--host", self.url, "--pairing-code", CODE]
        else:
            command += ["--delay-ms", "0"]
        with open(self.stdout, "w") as out, open(self.stderr, "w") as err:
            self.proc = subprocess.Popen(command, stdout=out, stderr=err)

    def play_offline(self, trainees):
        """Trainees play at this seat before it is connected: a backlog of more than one batch."""
        for _ in range(trainees):
            n = len(self.trainees) + 1
            self.trainees.append((f"Seat {self.number} trainee {n}", MODES[(self.number + n) % 2]))
            self.offline += 1
            self.launch(online=False)
            wait_for_exits([self], KIOSK_EXIT_WAIT_S)

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def collect(self):
        """Takes the result of a run that has ended by itself; a failed run fails the drill."""
        code = self.proc.returncode
        self.proc = None
        if code != 0:
            fail(f"kiosk {self.number} ({self.trainees[-1][0]}) exited with {code}:\n{tail(self.stderr)}")
        with open(self.stdout) as f:
            self.results[self.trainees[-1][0]] = json.load(f)

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.proc = None

    def phase(self, lessons):
        """Where the kiosk is (or was, when killed): start (pairing, before sign-in), play, sync
        (all played, waiting for the host's acknowledgement) or done (all acknowledged)."""
        name = self.trainees[-1][0]
        if not os.path.exists(self.db):
            return "start"
        try:
            learner = learner_ids(self.db).get(name)
            if learner is None:
                return "start"
            db = connect(self.db)
            device = db.execute("SELECT value FROM settings WHERE key = 'device_id'").fetchone()[0]
            mine, finished = db.execute(
                "SELECT count(*), count(*) FILTER (WHERE type = 'attempt_finished') FROM events "
                "WHERE device_id = ? AND learner = ?", (device, learner)).fetchone()
            last = db.execute("SELECT coalesce(max(seq), 0) FROM events WHERE device_id = ?", (device,)).fetchone()[0]
            acked = db.execute("SELECT value FROM settings WHERE key = 'sync.acked_seq'").fetchone()
            db.close()
        except sqlite3.Error:
            return "start"   # the kiosk is creating its database right now
        if mine == 0:
            return "start"
        if finished < lessons:
            return "play"
        return "sync" if int(acked[0] if acked else 0) < last else "done"

    def stop(self):
        if self.running():
            self.kill()


def wait_for_exits(seats, timeout):
    deadline = time.monotonic() + timeout
    for seat in seats:
        while seat.running():
            if time.monotonic() > deadline:
                fail(f"kiosk {seat.number} ({seat.trainees[-1][0]}) did not finish within {timeout} s "
                     f"(a hang?):\n{tail(seat.stderr)}")
            time.sleep(0.05)
        if seat.proc is not None:
            seat.collect()


def reference_run(host_bin, kiosk_bin, courses, tmp):
    """Both modes played uninterrupted at one kiosk against a host of their own."""
    host = Host(host_bin, os.path.join(tmp, "reference-host"), os.path.join(tmp, "logs"))
    host.start()
    try:
        seat = Seat(0, kiosk_bin, courses, tmp, host.url)
        reference = {}
        for mode in MODES:
            seat.trainees.append((f"Reference {mode}", mode))
            seat.launch()
            wait_for_exits([seat], KIOSK_EXIT_WAIT_S)
            summary = seat.results[f"Reference {mode}"]
            rows = events(seat.db, setting(seat.db, "device_id"))
            learner = learner_ids(seat.db)[f"Reference {mode}"]
            reference[mode] = {"results": lesson_results(summary), "passed": summary["passed"],
                               "answers": answers_of(rows, learner), "scores": finished_scores(rows, learner)}
    finally:
        host.ensure_gone()
    if not reference["correct"]["passed"] or reference["wrong"]["passed"]:
        fail(f"the reference runs should pass with correct answers and fail with wrong ones: {reference}")
    return reference


def final_runs(seats):
    """Each kiosk once more, for its last trainee: nothing left to play, it must sync and exit 0."""
    for seat in seats:
        seat.launch()
    wait_for_exits(seats, KIOSK_EXIT_WAIT_S)


def check(host, seats, reference):
    """The final assertions; returns the number of events the host holds."""
    host_db = os.path.join(host.data, "classroom.db")
    all_host = events(host_db)
    if len(all_host) != len({(r[0], r[1]) for r in all_host}):
        fail("the host holds some (device_id, seq) twice")
    devices = {}
    for seat in seats:
        device = setting(seat.db, "device_id")
        devices[device] = seat
        mine = events(seat.db, device)
        seqs = [r[1] for r in mine]
        if seqs != list(range(1, len(seqs) + 1)):
            fail(f"kiosk {seat.number}'s own journal has gaps or repeats in its seqs")
        held = events(host_db, device)
        if held != mine:
            missing = sorted(set(mine) - set(held))
            extra = sorted(set(held) - set(mine))
            fail(f"the host's copy of kiosk {seat.number}'s events ({device}) differs from the kiosk's: "
                 f"{len(mine)} on the kiosk, {len(held)} on the host; missing {[r[1] for r in missing][:20]}, "
                 f"different or extra {[r[1] for r in extra][:20]}")
    strangers = {r[0] for r in all_host} - set(devices)
    if strangers:
        fail(f"the host holds events of devices that are not the drill's kiosks: {strangers}")

    starts, finishes = collections.Counter(), collections.Counter()
    for r in all_host:
        if r[2] == "attempt_started":
            starts[r[4]] += 1
        elif r[2] == "attempt_finished":
            finishes[r[4]] += 1
    if any(n != 1 for n in starts.values()):
        fail(f"attempts started more than once on the host: {[a for a, n in starts.items() if n != 1]}")
    if set(finishes) != set(starts) or any(n != 1 for n in finishes.values()):
        fail("not every attempt on the host is finished exactly once")

    trainees = 0
    for device, seat in devices.items():
        ids = learner_ids(seat.db)
        for name, mode in seat.trainees:
            trainees += 1
            ref = reference[mode]
            summary = seat.results.get(name)
            if summary is None:
                fail(f"kiosk {seat.number}: {name} never finished")
            if lesson_results(summary) != ref["results"]:
                fail(f"kiosk {seat.number}: {name} ({mode}) has results {lesson_results(summary)}, "
                     f"uninterrupted: {ref['results']}")
            learner = ids.get(name)
            held = [r for r in all_host if r[0] == device]
            if answers_of(held, learner) != ref["answers"]:
                fail(f"kiosk {seat.number}: {name}'s answers on the host differ from the uninterrupted run's "
                     f"(an answer lost, doubled or a lesson started afresh):\n"
                     f"  host:      {answers_of(held, learner)}\n  reference: {ref['answers']}")
            if finished_scores(held, learner) != ref["scores"]:
                fail(f"kiosk {seat.number}: {name}'s scores on the host {finished_scores(held, learner)} differ "
                     f"from the uninterrupted run's {ref['scores']}")
    learners_on_host = {r[3] for r in all_host if r[3]}
    if len(learners_on_host) != trainees:
        fail(f"the host holds events of {len(learners_on_host)} trainees; the drill had {trainees}")

    db = connect(host_db)
    approved = db.execute("SELECT device_id, seat FROM devices WHERE status = 'approved'").fetchall()
    db.close()
    if {d for d, _ in approved} != set(devices) or len({s for _, s in approved}) != len(devices):
        fail(f"the host should have the {len(devices)} kiosks approved on distinct seats: {approved}")
    return len(all_host), trainees


def tend(seats, start_next):
    """Collects kiosks that finished by themselves and seats the next trainee if wanted."""
    for seat in seats:
        if seat.proc is not None and seat.proc.poll() is not None:
            seat.collect()
            if start_next(seat):
                seat.next_trainee()


def pause(seconds, seats, start_next):
    until = time.monotonic() + seconds
    while True:
        tend(seats, start_next)
        left = until - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(0.02, left))


def kill_drill(host_bin, kiosk_bin, courses, tmp, rng, reference):
    rounds_wanted = int(os.environ.get("CBT_SYNC_DRILL_ROUNDS", "30"))
    lessons = len(reference["correct"]["results"])
    host = Host(host_bin, os.path.join(tmp, "host"), os.path.join(tmp, "logs"), port=free_port())
    host.start()
    seats = [Seat(n, kiosk_bin, courses, tmp, host.url) for n in range(1, SEATS + 1)]
    seats[0].play_offline(OFFLINE_TRAINEES)
    figures = collections.Counter()
    stop_round, freeze_round = rounds_wanted // 2, rounds_wanted // 4
    stop_seconds, freeze_seconds = round(rng.uniform(3, 5), 1), round(rng.uniform(2, 4), 1)
    try:
        for seat in seats:
            seat.next_trainee()
        keep_going = lambda seat: True
        # A round: one moment at which the host, a kiosk or both are killed.
        while figures["rounds"] < rounds_wanted:
            draw = rng.random()
            kill_host, kill_kiosk = draw < 0.6, draw >= 0.3
            at_sync = rng.random() >= 0.6
            if not at_sync:
                # A random moment.
                pause(rng.uniform(0.05, 0.9), seats, keep_going)
                victim = rng.choice([s for s in seats if s.running()] or seats) if kill_kiosk else None
            else:
                # The moment a kiosk has played its lessons and is sending them.
                victim = rng.choice([s for s in seats if s.running()] or seats)
                until = time.monotonic() + 3
                while victim.running() and victim.phase(lessons) in ("start", "play") and time.monotonic() < until:
                    time.sleep(0.002)
                victim = victim if kill_kiosk else None
            if kill_host:
                host.kill()
                figures["host SIGKILL"] += 1
                if victim is not None and rng.random() < 0.3:
                    # The kiosk dies while the host is down: waiting to pair or backing off to sync.
                    pause(rng.uniform(0.0, 0.6), seats, keep_going)
            kiosk_killed = victim is not None and victim.running()
            if kiosk_killed:
                victim.kill()
                figures["kiosk SIGKILL"] += 1
                figures["kiosk SIGKILL in " + victim.phase(lessons)] += 1
                victim.launch()
            if kill_host:
                pause(rng.uniform(0.0, 1.2), seats, keep_going)
                host.start()
            if not (kill_host or kiosk_killed):
                continue   # the kiosk chosen had just finished: no round
            figures["rounds"] += 1
            figures["rounds at sync"] += at_sync
            if figures["rounds"] == stop_round:
                host.stop()
                pause(stop_seconds, seats, keep_going)
                host.start()
            if figures["rounds"] == freeze_round:
                host.freeze()
                pause(freeze_seconds, seats, keep_going)
                host.thaw()
        # The class ends: each seat's trainee finishes, then every kiosk runs once more.
        started = time.monotonic()
        while any(s.running() for s in seats):
            if time.monotonic() - started > KIOSK_EXIT_WAIT_S:
                wait_for_exits(seats, 0)
            pause(0.05, seats, lambda seat: False)
        final_runs(seats)
        count, trainees = check(host, seats, reference)
    finally:
        for seat in seats:
            seat.stop()
        host.ensure_gone()
    phases = ", ".join(f"{figures['kiosk SIGKILL in ' + p]} in {p}" for p in ("start", "play", "sync", "done"))
    return (f"{figures['rounds']} rounds ({figures['rounds at sync']} timed at a kiosk's sync): "
            f"{figures['host SIGKILL']} host SIGKILLs (restarted on port {host.port}), "
            f"{figures['kiosk SIGKILL']} kiosk SIGKILLs ({phases}); host stopped for {stop_seconds} s and frozen "
            f"for {freeze_seconds} s; {trainees} trainees ({OFFLINE_TRAINEES} offline first) on {SEATS} kiosks, "
            f"{count} events on the host, each once, results as uninterrupted")


def proxy_drill(host_bin, kiosk_bin, courses, tmp, rng, reference):
    trainees_wanted = int(os.environ.get("CBT_SYNC_DRILL_TRAINEES", "6"))
    min_each_kind, time_cap = 4, 100
    host = Host(host_bin, os.path.join(tmp, "host"), os.path.join(tmp, "logs"))
    host.start()
    proxy = FaultProxy("127.0.0.1", host.port, seed=rng.getrandbits(32),
                       rates={"delay": 0.12, "stall": 0.10, "truncate": 0.15, "cut": 0.15},
                       delay_ms=(5, 120), stall_seconds=(0.5, 3.0))
    port = proxy.start()
    url = f"http://127.0.0.1:{port}"
    seats = [Seat(n, kiosk_bin, courses, tmp, url) for n in range(1, SEATS + 1)]
    seats[0].play_offline(OFFLINE_TRAINEES)
    began = time.monotonic()

    def more(seat):
        if len(seat.trainees) - seat.offline < trainees_wanted:
            return True
        faults = proxy.faults()
        short = any(faults.get(k, 0) < min_each_kind for k in ("delay", "stall", "truncate", "cut"))
        short = short or proxy.stats().get(LOST_SYNC_REPLY, 0) < min_each_kind
        return short and time.monotonic() - began < time_cap
    try:
        for seat in seats:
            seat.next_trainee()
        deadline = time.monotonic() + time_cap + KIOSK_EXIT_WAIT_S
        while any(s.running() for s in seats):
            if time.monotonic() > deadline:
                wait_for_exits(seats, 0)
            pause(0.05, seats, more)
        final_runs(seats)
        count, trainees = check(host, seats, reference)
    finally:
        for seat in seats:
            seat.stop()
        proxy.stop()
        host.ensure_gone()
    stats = proxy.stats()
    faults = proxy.faults()
    detail = ", ".join(f"{name} {n}" for name, n in sorted(stats.items()) if name.split(":")[0] in faults)
    return (f"{stats.get('connections', 0)} connections through the proxy, {sum(faults.values())} faults "
            f"(delay {faults.get('delay', 0)}, stall {faults.get('stall', 0)}, truncate {faults.get('truncate', 0)}, "
            f"cut {faults.get('cut', 0)}; {detail}), {stats.get(LOST_SYNC_REPLY, 0)} of them losing the reply to a "
            f"sync the host had received whole; {trainees} trainees ({OFFLINE_TRAINEES} offline first) on {SEATS} "
            f"kiosks, {count} events on the host, each once, results as uninterrupted")


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("kill", "proxy"):
        raise SystemExit(__doc__)
    scenario, host_bin, kiosk_bin, source = sys.argv[1:5]
    courses = os.path.join(source, "courses/sample")
    seed = int(os.environ.get("CBT_SYNC_DRILL_SEED", str(time.time_ns() % 10**12)))
    print(f"sync {scenario} drill: seed {seed} (repeat with CBT_SYNC_DRILL_SEED={seed})", flush=True)
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix=f"cbt-sync-{scenario}-drill-")
    os.makedirs(os.path.join(tmp, "logs"))
    began = time.monotonic()
    try:
        reference = reference_run(host_bin, kiosk_bin, courses, tmp)
        drill = kill_drill if scenario == "kill" else proxy_drill
        figures = drill(host_bin, kiosk_bin, courses, tmp, rng, reference)
    except DrillFailure as e:
        print(f"FAIL (seed {seed}): {e}\n(data and logs kept in {tmp})", flush=True)
        raise SystemExit(1)
    print(f"sync {scenario} drill: {figures}; {time.monotonic() - began:.1f} s", flush=True)
    if os.environ.get("CBT_SYNC_DRILL_KEEP"):
        print(f"data and logs kept in {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
