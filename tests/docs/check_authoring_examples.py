#!/usr/bin/env python3
"""Checks the Lua examples in docs/authoring.md against reality.
  Part 1 (the tutorial): every code block is taken from docs/examples/first-course as it stands or
  at an earlier step of the tutorial: its lines must appear in one of the example files, in order
  (a line the tutorial has commented out for the moment counts as that line).
  Part 2 (the reference): every example screen is put in a lesson of its own and the course must
  pass `cbt check`, so the reference never shows a field, a shape or a hook that does not work.
Usage: check_authoring_examples.py CBT SOURCE_DIR"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

cbt, source = sys.argv[1], sys.argv[2]
doc = open(os.path.join(source, "docs/authoring.md"), encoding="utf-8").read()
part2 = doc.index("# Part 2")
blocks = [(doc.count("\n", 0, m.start()) + 2, m.start(), m.group(1))
          for m in re.finditer(r"```lua\n(.*?)```", doc, re.S)]
examples = {path: open(path, encoding="utf-8").read().splitlines()
            for path in glob.glob(os.path.join(source, "docs/examples/first-course/**/*.lua"), recursive=True)}
failures = []


def in_order(block_lines, file_lines):
    at = 0
    for line in block_lines:
        wanted = {line}
        stripped = line.lstrip()
        if stripped.startswith("-- "):
            wanted.add(line[: len(line) - len(stripped)] + stripped[3:])
        while at < len(file_lines) and file_lines[at].rstrip() not in wanted:
            at += 1
        if at == len(file_lines):
            return line
        at += 1
    return None


tutorial = 0
for line_no, pos, text in blocks:
    if pos > part2:
        continue
    tutorial += 1
    lines = [l.rstrip() for l in text.splitlines() if l.strip()]
    misses = {path: in_order(lines, file_lines) for path, file_lines in examples.items()}
    if all(miss is not None for miss in misses.values()):
        first = max(misses.values(), key=lambda m: lines.index(m))   # from the file that matches best
        failures.append(f"docs/authoring.md:{line_no}: this tutorial example is not in docs/examples/first-course "
                        f"(first line not found, in order, in the closest file: {first.strip()!r})")

# Reference screens: a block that is one screen constructor call becomes a lesson of its own.
constructor = re.compile(r"^(info|single|multiple|truefalse|matching|ordering|numeric|text_entry|hotspot|canvas|pool|dynamic) \{")
work = tempfile.mkdtemp(prefix="cbt-doc-examples-")
try:
    course = os.path.join(work, "reference-examples")
    os.makedirs(os.path.join(course, "lessons"))
    lessons, origin = [], {}
    for line_no, pos, text in blocks:
        code = [l for l in text.splitlines() if l.strip() and not l.strip().startswith("--")]
        if pos < part2 or not code or not constructor.match(code[0]):
            continue
        lesson_id = f"example_{line_no}"
        origin[f"lessons/{lesson_id}.lua"] = line_no
        with open(os.path.join(course, "lessons", lesson_id + ".lua"), "w", encoding="utf-8") as f:
            f.write(f'return lesson {{\n  id = "{lesson_id}",\n  title = {{ en = "Example", ru = "Пример" }},\n'
                    f"  screens = {{\n{text}\n  }},\n}}\n")
        lessons.append(lesson_id)
        for image in re.findall(r'"(images/[^"]+\.(?:png|jpg))"', text):
            os.makedirs(os.path.join(course, "images"), exist_ok=True)
            shutil.copy(os.path.join(source, "courses/sample/images/car.png"), os.path.join(course, image))
    with open(os.path.join(course, "course.lua"), "w", encoding="utf-8") as f:
        entries = "\n".join(f'    {{ id = "{l}", file = "lessons/{l}.lua" }},' for l in lessons)
        f.write('return course {\n  id = "reference-examples",\n  version = "1.0.0",\n'
                '  title = { en = "Examples", ru = "Примеры" },\n  languages = { "en", "ru" },\n'
                f"  pass_mark = 0.7,\n  lessons = {{\n{entries}\n  }},\n}}\n")
    result = subprocess.run([cbt, "check", "--quiet", course], capture_output=True, text=True)
    for problem in result.stdout.splitlines():
        rel = problem.replace(course + "/", "")
        file = rel.split(":", 1)[0]
        where = f"docs/authoring.md:{origin[file]}" if file in origin else "docs/authoring.md"
        failures.append(f"{where}: the reference example fails cbt check: {rel}")
    if result.returncode not in (0, 1):
        failures.append(f"cbt check crashed on the reference examples: {result.stderr}")
finally:
    shutil.rmtree(work, ignore_errors=True)

for f in failures:
    print(f)
print(f"{tutorial} tutorial examples and {len(lessons)} reference screens checked; {len(failures)} problem(s)")
sys.exit(1 if failures or tutorial == 0 or not lessons else 0)
