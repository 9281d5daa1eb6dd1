#!/usr/bin/env python3
"""Runs the cbt tool and checks what it prints, mostly its --json output.

Usage: json_check.py CBT CHECK [options] [-- CBT_ARGS...]

Checks:
  status N -- ARGS...        `cbt ARGS` exits with status N; --stdout-has / --stderr-has TEXT
                             (repeatable) must appear in that stream, --empty-stdout / --empty-stderr
                             require the stream to be empty
  play -- ARGS...            `cbt play ARGS` (give --json in ARGS) exits 0 and prints exactly one
                             JSON object; --passed true|false, --score X, --score-between LO HI
                             check its "passed" and "score"
  same-seed -- ARGS...       two runs of `cbt play ARGS` print the same JSON, apart from the attempt
                             ids (a fresh random id names each attempt in the journal)
  seeds-differ --lesson ID --seeds A B -- ARGS...
                             `cbt play ARGS --seed A` and `--seed B` ask different screens in lesson ID
  info --lessons N --languages en,ru -- ARGS...
                             `cbt info ARGS` (give --json in ARGS) lists N lessons, and the course and
                             every lesson have exactly these languages

Exit status: 0 when the check holds, 1 when it does not (with a message saying why), 2 for a bad
command line.
"""
import argparse
import difflib
import json
import subprocess
import sys


class CheckFailed(Exception):
    pass


def run(cbt, args, timeout=120):
    try:
        return subprocess.run([cbt, *args], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"`cbt {' '.join(args)}` did not finish within {timeout} s")


def describe(args, result):
    text = f"`cbt {' '.join(args)}` exited with status {result.returncode}\n"
    text += "--- stdout\n" + (result.stdout or "(empty)\n")
    text += "--- stderr\n" + (result.stderr or "(empty)\n")
    return text


def run_json(cbt, args):
    """Runs cbt, requires status 0 and exactly one JSON object on stdout."""
    result = run(cbt, args)
    if result.returncode != 0:
        raise CheckFailed("expected exit status 0\n" + describe(args, result))
    try:
        value = json.loads(result.stdout)
    except json.JSONDecodeError as e:
        raise CheckFailed(f"stdout is not one JSON value ({e})\n" + describe(args, result))
    if not isinstance(value, dict):
        raise CheckFailed("stdout is JSON but not an object\n" + describe(args, result))
    return value


def check_status(cbt, opts, args):
    result = run(cbt, args)
    problems = []
    if result.returncode != opts.status:
        problems.append(f"expected exit status {opts.status}, got {result.returncode}")
    for text in opts.stdout_has or []:
        if text not in result.stdout:
            problems.append(f"stdout does not contain {text!r}")
    for text in opts.stderr_has or []:
        if text not in result.stderr:
            problems.append(f"stderr does not contain {text!r}")
    if opts.empty_stdout and result.stdout:
        problems.append("expected nothing on stdout")
    if opts.empty_stderr and result.stderr:
        problems.append("expected nothing on stderr")
    if problems:
        raise CheckFailed("\n".join(problems) + "\n" + describe(args, result))


def check_play(cbt, opts, args):
    report = run_json(cbt, ["play", *args])
    problems = []
    for key in ("passed", "score", "lessons", "items", "seed"):
        if key not in report:
            problems.append(f'the report has no "{key}"')
    passed, score = report.get("passed"), report.get("score")
    if opts.passed is not None and passed is not (opts.passed == "true"):
        problems.append(f'"passed" is {json.dumps(passed)}, expected {opts.passed}')
    if not isinstance(score, (int, float)) or isinstance(score, bool):
        problems.append(f'"score" is not a number: {json.dumps(score)}')
    else:
        if opts.score is not None and abs(score - opts.score) > 1e-9:
            problems.append(f'"score" is {score}, expected {opts.score}')
        if opts.score_between is not None:
            low, high = opts.score_between
            if not low < score < high:
                problems.append(f'"score" is {score}, expected strictly between {low} and {high}')
    if problems:
        summary = {k: v for k, v in report.items() if k not in ("lessons", "items")}
        items = [(i.get("lesson"), i.get("screen"), i.get("score")) for i in report.get("items", [])]
        raise CheckFailed("\n".join(problems) + f"\nreport: {json.dumps(summary)}\nitems (lesson, screen, score): {items}")


def without_attempt_ids(report):
    report = json.loads(json.dumps(report))
    for lesson in report.get("lessons", []):
        lesson.pop("attempt", None)
    return report


def check_same_seed(cbt, opts, args):
    first = without_attempt_ids(run_json(cbt, ["play", *args]))
    second = without_attempt_ids(run_json(cbt, ["play", *args]))
    if first != second:
        a = json.dumps(first, indent=2, sort_keys=True).splitlines()
        b = json.dumps(second, indent=2, sort_keys=True).splitlines()
        diff = "\n".join(difflib.unified_diff(a, b, "first run", "second run", lineterm=""))
        raise CheckFailed(f"two runs of `cbt play {' '.join(args)}` differ:\n{diff}")


def asked_screens(report, lesson):
    return [item.get("screen") for item in report.get("items", []) if item.get("lesson") == lesson]


def check_seeds_differ(cbt, opts, args):
    a, b = opts.seeds
    first = asked_screens(run_json(cbt, ["play", *args, "--seed", a]), opts.lesson)
    second = asked_screens(run_json(cbt, ["play", *args, "--seed", b]), opts.lesson)
    if not first or not second:
        raise CheckFailed(f"lesson {opts.lesson} asked nothing: seed {a}: {first}, seed {b}: {second}")
    if first == second:
        raise CheckFailed(f"seeds {a} and {b} asked the same screens in lesson {opts.lesson}: {first}")


def check_info(cbt, opts, args):
    info = run_json(cbt, ["info", *args])
    languages = opts.languages.split(",")
    problems = []
    if info.get("languages") != languages:
        problems.append(f'the course "languages" are {json.dumps(info.get("languages"))}, expected {languages}')
    lessons = info.get("lessons")
    if not isinstance(lessons, list):
        problems.append('"lessons" is not an array')
        lessons = []
    elif len(lessons) != opts.lessons:
        problems.append(f'"lessons" has {len(lessons)} entries, expected {opts.lessons}')
    for lesson in lessons:
        name = lesson.get("id", "?") if isinstance(lesson, dict) else "?"
        if not isinstance(lesson, dict) or sorted(lesson.get("languages") or []) != sorted(languages):
            problems.append(f'lesson {name}: "languages" is {json.dumps(lesson.get("languages") if isinstance(lesson, dict) else None)}, expected {languages}')
        elif any(not lesson.get("title", {}).get(lang) for lang in languages):
            problems.append(f'lesson {name}: "title" lacks a language: {json.dumps(lesson.get("title"))}')
    if problems:
        raise CheckFailed("\n".join(problems) + "\ninfo: " + json.dumps(info, indent=2, ensure_ascii=False))


def main(argv):
    if "--" in argv:
        split = argv.index("--")
        own, cbt_args = argv[:split], argv[split + 1:]
    else:
        own, cbt_args = argv, []
    parser = argparse.ArgumentParser(description="Runs the cbt tool and checks its output.")
    parser.add_argument("cbt")
    sub = parser.add_subparsers(dest="check", required=True)
    status = sub.add_parser("status")
    status.add_argument("status", type=int)
    status.add_argument("--stdout-has", action="append")
    status.add_argument("--stderr-has", action="append")
    status.add_argument("--empty-stdout", action="store_true")
    status.add_argument("--empty-stderr", action="store_true")
    play = sub.add_parser("play")
    play.add_argument("--passed", choices=["true", "false"])
    play.add_argument("--score", type=float)
    play.add_argument("--score-between", type=float, nargs=2, metavar=("LO", "HI"))
    sub.add_parser("same-seed")
    seeds = sub.add_parser("seeds-differ")
    seeds.add_argument("--lesson", required=True)
    seeds.add_argument("--seeds", nargs=2, required=True, metavar=("A", "B"))
    info = sub.add_parser("info")
    info.add_argument("--lessons", type=int, required=True)
    info.add_argument("--languages", required=True)
    opts = parser.parse_args(own)
    checks = {"status": check_status, "play": check_play, "same-seed": check_same_seed,
              "seeds-differ": check_seeds_differ, "info": check_info}
    try:
        checks[opts.check](opts.cbt, opts, cbt_args)
    except CheckFailed as e:
        print(f"FAIL {opts.check}: {e}")
        return 1
    print(f"ok   {opts.check} ({' '.join(cbt_args)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
