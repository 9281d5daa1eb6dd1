#!/usr/bin/env bash
# Runs `cbt check` on deliberately broken course folders and compares what it prints with each
# folder's expected.txt.
#
# Usage: check_broken_courses.sh CBT [COURSE_FOLDER...]
#   CBT            the cbt executable
#   COURSE_FOLDER  broken course folders to check; default: every folder in tests/courses/broken
#
# For each folder it asserts that
#   - `cbt check` exits with status 1 ("problems found": 0 means the problem was missed, anything
#     else is a crash or a usage error), and
#   - every line of expected.txt appears in what `cbt check` prints on stdout.
#
# expected.txt holds one expected line per line, written relative to the course folder:
#   lessons/main.lua:12: exact message      the whole output line must be exactly this
#   ~ distinctive text                      some output line must contain this text
# Blank lines and lines starting with '#' are ignored. Output lines are compared after the
# course folder prefix ("tests/courses/broken/NAME/") is removed, so expected.txt does not depend
# on where the folder is checked from. Extra output lines are shown but do not fail the check.
set -u

if [ $# -lt 1 ]; then
  echo "usage: $0 CBT [COURSE_FOLDER...]" >&2
  exit 2
fi
cbt=$1
shift
if [ ! -x "$cbt" ]; then
  echo "$0: $cbt is not an executable" >&2
  exit 2
fi
if [ $# -eq 0 ]; then
  broken_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../courses/broken" && pwd)"
  set -- "$broken_root"/*/
fi

stderr_file=$(mktemp)
trap 'rm -f "$stderr_file"' EXIT

failed=0
checked=0
for dir in "$@"; do
  dir=${dir%/}
  name=$(basename "$dir")
  checked=$((checked + 1))
  if [ ! -d "$dir" ]; then
    echo "FAIL $name: $dir is not a folder"
    failed=$((failed + 1))
    continue
  fi
  if [ ! -f "$dir/expected.txt" ]; then
    echo "FAIL $name: $dir/expected.txt is missing"
    failed=$((failed + 1))
    continue
  fi

  output=$("$cbt" check "$dir" 2>"$stderr_file")
  status=$?

  # The output with the course folder prefix removed, one entry per line.
  actual=()
  while IFS= read -r line; do
    actual+=("${line#"$dir/"}")
  done <<<"$output"
  [ -z "$output" ] && actual=()

  expected=()
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    case "$line" in
      '' | '#'*) continue ;;
    esac
    expected+=("$line")
  done <"$dir/expected.txt"

  problems=()
  if [ "${#expected[@]}" -eq 0 ]; then
    problems+=("expected.txt lists no lines")
  fi
  if [ "$status" -eq 0 ]; then
    problems+=("cbt check exited with status 0: it found nothing wrong with a broken course")
  elif [ "$status" -ne 1 ]; then
    problems+=("cbt check exited with status $status instead of 1 (a crash or a usage error?)")
  fi

  # Which expected lines are found, and which output lines they account for.
  declare -A used=()
  expected_report=()
  missing=0
  for want in "${expected[@]}"; do
    found=
    for i in "${!actual[@]}"; do
      got=${actual[$i]}
      if [ "${want:0:2}" = "~ " ]; then
        [[ "$got" == *"${want:2}"* ]] && found=$i
      else
        [ "$got" = "$want" ] && found=$i
      fi
      [ -n "$found" ] && break
    done
    if [ -n "$found" ]; then
      used[$found]=1
      expected_report+=("  $want")
    else
      expected_report+=("- $want")
      missing=$((missing + 1))
    fi
  done
  if [ "$missing" -gt 0 ]; then
    problems+=("$missing of ${#expected[@]} expected line(s) missing from the output")
  fi

  if [ "${#problems[@]}" -eq 0 ]; then
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name ($dir)"
    for p in "${problems[@]}"; do echo "  $p"; done
    echo "--- expected.txt ('-' = not in the output)"
    printf '%s\n' "${expected_report[@]}"
    echo "+++ cbt check output, folder prefix removed ('+' = not expected)"
    if [ "${#actual[@]}" -eq 0 ]; then
      echo "  (nothing on stdout)"
    else
      for i in "${!actual[@]}"; do
        if [ -n "${used[$i]:-}" ]; then echo "  ${actual[$i]}"; else echo "+ ${actual[$i]}"; fi
      done
    fi
    if [ -s "$stderr_file" ]; then
      echo "+++ stderr"
      sed 's/^/  /' "$stderr_file"
    fi
  fi
  unset used
done

if [ "$failed" -gt 0 ]; then
  echo "$failed of $checked broken course(s) failed"
  exit 1
fi
exit 0
