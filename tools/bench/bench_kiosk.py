#!/usr/bin/env python3
"""Kiosk benchmark: runs the real cbt-kiosk in a window under Xvfb and prints
  - start-up time to the first frame presented (median of 5 starts),
  - peak resident memory on a lesson screen with an image,
  - CPU seconds used over 10 s idle on a question screen,
  - frame times while the mouse moves and clicks over the lesson.
It asserts nothing. Usage: tools/bench/bench_kiosk.py PATH/TO/cbt-kiosk [COURSES_DIR]
(re-runs itself under xvfb-run when there is no display)."""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

if not os.environ.get("DISPLAY"):
    os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable] + sys.argv)

kiosk = os.path.abspath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
courses = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "courses/sample")
LESSON, IMAGE_SCREEN = "tour", "find_tank"   # a hotspot question on a picture


def timing_lines(path):
    try:
        with open(path) as f:
            return [line.split() for line in f if line.strip()]
    except FileNotFoundError:
        return []


def wait_for(predicate, timeout, what):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.01)
    raise SystemExit(f"bench: timed out waiting for {what}")


def proc_status(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])   # kB
    return 0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start(data, timing):
    env = dict(os.environ, CBT_KIOSK_TIMING=timing)
    t0 = time.monotonic_ns()
    proc = subprocess.Popen([kiosk, "--windowed", "--data", data, "--courses", courses],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first = wait_for(lambda: next((int(l[1]) for l in timing_lines(timing) if l[0] == "first_frame"), None),
                     30, "the first frame")
    return proc, (first - t0) / 1e6


def stop(proc):
    proc.kill()
    proc.wait()


with tempfile.TemporaryDirectory(prefix="cbt-bench-") as tmp:
    data = os.path.join(tmp, "data")
    # Leave a lesson open on the picture question; the windowed kiosk takes it up on start.
    subprocess.run([kiosk, "--headless", "--data", data, "--courses", courses, "--learner", "Bench",
                    "--lesson", LESSON, "--auto", "correct", "--stop-at", IMAGE_SCREEN],
                   check=True, stdout=subprocess.DEVNULL)

    startups = []
    for i in range(5):
        timing = os.path.join(tmp, f"timing-{i}.txt")
        proc, ms = start(data, timing)
        startups.append(ms)
        if i < 4:
            stop(proc)
    print(f"start-up to first frame:   median {statistics.median(startups):.0f} ms "
          f"(min {min(startups):.0f}, max {max(startups):.0f}, 5 starts, restoring a lesson screen)")

    time.sleep(1.0)   # let the picture load and the view settle
    frames_before = sum(1 for l in timing_lines(timing) if l[0] == "frame")
    before = cpu_seconds(proc.pid)
    time.sleep(10.0)
    idle_cpu = cpu_seconds(proc.pid) - before
    frames_idle = sum(1 for l in timing_lines(timing) if l[0] == "frame") - frames_before
    print(f"idle CPU on a question:    {idle_cpu:.3f} CPU s over 10 s ({frames_idle} frames drawn)")

    window = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(proc.pid)],
                            capture_output=True, text=True).stdout.split()[0]
    geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], capture_output=True,
                              text=True).stdout
    g = dict(line.split("=") for line in geometry.split())
    x0, y0, w, h = int(g["X"]), int(g["Y"]), int(g["WIDTH"]), int(g["HEIGHT"])
    before_frames = sum(1 for l in timing_lines(timing) if l[0] == "frame")
    t0 = time.monotonic()
    for i in range(150):   # sweep the mouse over the window, clicking now and then (not on a button row)
        x = x0 + int(w * (0.1 + 0.8 * ((i * 37) % 100) / 100))
        y = y0 + int(h * (0.2 + 0.5 * ((i * 53) % 100) / 100))
        subprocess.run(["xdotool", "mousemove", str(x), str(y)])
        if i % 25 == 0:
            subprocess.run(["xdotool", "click", "1"])
    elapsed = time.monotonic() - t0
    frames = [float(l[1]) for l in timing_lines(timing) if l[0] == "frame"][before_frames:]
    print(f"peak RSS on the lesson:    {proc_status(proc.pid, 'VmHWM') / 1024:.1f} MiB "
          f"(screen '{IMAGE_SCREEN}' with its picture)")
    if frames:
        frames.sort()
        p95 = frames[int(len(frames) * 0.95) - 1] if len(frames) >= 20 else frames[-1]
        print(f"frame time interacting:    median {statistics.median(frames):.2f} ms, p95 {p95:.2f} ms, "
              f"max {frames[-1]:.2f} ms ({len(frames)} frames in {elapsed:.1f} s of mouse input)")
    stop(proc)
