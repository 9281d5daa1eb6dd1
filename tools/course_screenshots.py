#!/usr/bin/env python3
"""Pictures of the bundled courses in the real kiosk, for docs/screenshots/courses-*.png: the
simulations, a hotspot and a final-test question, in Russian and English. Each shot leaves a
lesson open on its screen with the headless kiosk (--stop-at), then starts the windowed kiosk,
which takes the lesson up and writes a PNG of its first view.
Usage: tools/course_screenshots.py [BUILD_DIR]   (re-runs itself under xvfb-run without a display)"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

if not os.environ.get("DISPLAY"):
    os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable] + sys.argv)

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
kiosk = os.path.join(build, "engine/apps/kiosk/cbt-kiosk")
out = os.path.join(root, "docs/screenshots")

# (picture name, course, lesson, screen); seed 3 fixes pool draws and generated documents.
SHOTS = [
    ("colour-test-bench", "drug-identification", "test_bench", "case_brown"),
    ("mrz-find-the-altered-field", "border-security", "mrz_check", "find_1"),
    ("truck-hotspot", "border-security", "vehicle_search", "find_oybek"),
    ("risk-scenario", "border-security", "risk_indicators", "s1_decide"),
    ("final-test-question", "drug-identification", "final_test", "f_aa"),
]

for name, course, lesson, screen in SHOTS:
    for lang in ("ru", "en"):
        with tempfile.TemporaryDirectory(prefix="cbt-shot-") as tmp:
            data, shots = os.path.join(tmp, "data"), os.path.join(tmp, "shots")
            subprocess.run([kiosk, "--headless", "--data", data, "--courses", os.path.join(root, "courses"),
                            "--learner", "Trainee", "--course", course, "--lesson", lesson, "--lang", lang,
                            "--seed", "3", "--auto", "correct", "--stop-at", screen],
                           check=True, stdout=subprocess.DEVNULL)
            proc = subprocess.Popen([kiosk, "--windowed", "--data", data, "--courses", os.path.join(root, "courses"),
                                     "--screenshot-dir", shots], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and not glob.glob(os.path.join(shots, "*.png")):
                    time.sleep(0.05)
                time.sleep(0.3)   # the file is complete once written; give the writer a moment
                pictures = sorted(glob.glob(os.path.join(shots, "*.png")))
                if not pictures:
                    raise SystemExit(f"no picture of {course}/{lesson}/{screen}")
                target = os.path.join(out, f"courses-{lang}-{name}.png")
                shutil.copy(pictures[0], target)
                print("wrote", os.path.relpath(target, root))
            finally:
                proc.kill()
                proc.wait()
