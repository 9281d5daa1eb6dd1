#!/usr/bin/env python3
"""The end of a training day, measured: a host holding a class's results is backed up to a
folder (the USB stick) with `cbt-host backup --to`, then restored into a new data folder with
`cbt-host restore`, as on a replacement host.

  bench_backup.py HOST_BIN KIOSK_BIN SOURCE_DIR [--trainees N] [--rounds R]

N trainees (default 30: three classes of ten) each play both bundled courses R times (default 1)
on headless kiosks syncing to a real `cbt-host --headless` on loopback. Prints the classroom's
size, the backup's and restore's wall time (median of 5), and the backup folder's size.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

CODE = "bench-2718"


def run(cmd):
    started = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {result.stderr}")
    return elapsed, result.stdout


def folder_bytes(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host_bin")
    parser.add_argument("kiosk_bin")
    parser.add_argument("source")
    parser.add_argument("--trainees", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    courses = os.path.join(args.source, "courses")

    with tempfile.TemporaryDirectory(prefix="cbt-bench-backup-") as tmp:
        host_data = os.path.join(tmp, "host")
        host = subprocess.Popen([args.host_bin, "--headless", "--data", host_data, "--port", "0", "--bind", "127.0.0.1",
                                 "--pairing-code", CODE, "--no-beacon"], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        try:
            line = host.stdout.readline()
            url = "http://127.0.0.1:" + line.rsplit(":", 1)[1].strip()

            def trainee(i):
                data = os.path.join(tmp, f"seat-{i % 10 + 1}")
                for r in range(args.rounds):
                    for course in ("border-security", "drug-identification"):
                        run([args.kiosk_bin, "--headless", "--data", data, "--courses", courses, "--host", url,
                             "--pairing-code", CODE, "--learner", f"Trainee {i + 1} round {r + 1}", "--course", course,
                             "--auto", "correct" if i % 3 else "wrong"])

            started = time.perf_counter()
            # Ten seats, each used by its trainees in turn.
            with ThreadPoolExecutor(max_workers=10) as pool:
                for seat in range(10):
                    pool.submit(lambda s=seat: [trainee(i) for i in range(s, args.trainees, 10)])
            filled = time.perf_counter() - started

            _, csv_text = run([args.host_bin, "export", "--format", "csv", "--data", host_data])
            results = len(csv_text.strip().splitlines()) - 1
            db_bytes = os.path.getsize(os.path.join(host_data, "classroom.db"))
            print(f"classroom: {args.trainees} trainees, {results} finished lessons, classroom.db {db_bytes / 2**20:.1f} MiB"
                  f" (filled by 10 headless seats in {filled:.1f} s)")

            backup_times, restore_times = [], []
            stick = os.path.join(tmp, "stick")
            for attempt in range(5):
                shutil.rmtree(stick, ignore_errors=True)
                os.makedirs(stick)
                elapsed, _ = run([args.host_bin, "backup", "--to", stick, "--data", host_data])
                backup_times.append(elapsed)
                folder = os.path.join(stick, os.listdir(stick)[0])
                target = os.path.join(tmp, f"replacement-{attempt}")
                elapsed, _ = run([args.host_bin, "restore", folder, "--data", target])
                restore_times.append(elapsed)
            print(f"backup --to (while serving), median of 5: {statistics.median(backup_times) * 1000:.0f} ms"
                  f" (min {min(backup_times) * 1000:.0f}, max {max(backup_times) * 1000:.0f});"
                  f" folder {folder_bytes(folder) / 2**20:.1f} MiB")
            print(f"restore into an empty data folder, median of 5: {statistics.median(restore_times) * 1000:.0f} ms"
                  f" (min {min(restore_times) * 1000:.0f}, max {max(restore_times) * 1000:.0f})")
        finally:
            host.terminate()
            host.wait()


if __name__ == "__main__":
    main()
