"""How long each question's public check takes in the student's notebook, with the reference
filled in, against a baseline measured in the same run.

    .venv/bin/python benchmarks/public_checks.py [--repeat 7] [--only bptt]

Builds each assignment's student release, fills the reference into its notebook, runs the
notebook's cells as `python -m rnncheck` does, then times `grader.check("qN")` for every
question (rnncheck.notebook.check_question: the first run, as a student meets it, and the
median of --repeat more). The baseline is
otter's own check of the same public test file (ExceptionTestFile.run, which grader.check was
before the kit had its own), timed the same way in the same process; its ratio says how much
the kit's presentation costs, the milliseconds say whether a check feels instant.

Target: every question at most 50 ms on this machine (2 cores). The machine is noisy: a
question near the line should be measured again before anything is concluded.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from autograder import assignment as assignments
from autograder.build import build_assignment
from autograder.fill import fill

TARGET_MS = 50.0

# Runs inside the student release (its rnncheck, with its answers): prints one JSON object.
PROBE = r"""
import json, statistics, sys, time
from rnncheck.__main__ import cells_to_run, run_cells
from rnncheck.notebook import check_question, questions
from otter.test_files.exception_test import ExceptionTestFile

repeat = int(sys.argv[2])
env = {"__name__": "__main__"}
errors = run_cells(cells_to_run(sys.argv[1]), env)


def median_ms(work):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


found = {}
for question in questions():
    path = f"tests/{question}.py"
    start = time.perf_counter()
    check = check_question(question, env)
    first = 1000 * (time.perf_counter() - start)
    ours = median_ms(lambda: check_question(question, env))
    otters = median_ms(lambda: ExceptionTestFile.from_file(path).run(env))
    found[question] = {"first_ms": first, "ms": ours, "otter_ms": otters, "passed": check.passed}
print(json.dumps({"errors": errors, "questions": found}))
"""


def measure(name: str, out: Path, repeat: int) -> dict:
    assignment = assignments.load(name)
    build = build_assignment(assignment, out, seed=0)
    notebook = build.student / assignment.notebook_name
    nbformat.write(fill(nbformat.read(notebook, 4), [assignment.solution_path]), notebook)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(notebook), str(repeat)],
        cwd=build.student,
        capture_output=True,
        text=True,
        check=True,
        env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(build.student)},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--only", choices=assignments.names())
    options = parser.parse_args()
    slow = []
    print(f"{'question':<24} {'first ms':>9} {'ms':>8} {'otter ms':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory(prefix="rnnbench-") as folder:
        for name in [options.only] if options.only else assignments.names():
            report = measure(name, Path(folder), options.repeat)
            if report["errors"]:
                print(f"{name}: cells failed: {report['errors']}")
            for question, row in report["questions"].items():
                label = f"{name} {question}"
                ratio = row["ms"] / row["otter_ms"] if row["otter_ms"] else float("nan")
                mark = "" if row["passed"] else "  (fails with the reference!)"
                times = f"{row['first_ms']:>9.1f} {row['ms']:>8.1f} {row['otter_ms']:>9.1f}"
                print(f"{label:<24} {times} {ratio:>6.2f}{mark}")
                if max(row["ms"], row["first_ms"]) > TARGET_MS or not row["passed"]:
                    slow.append(label)
    print(f"over {TARGET_MS:g} ms or failing: {', '.join(slow) if slow else 'none'}")


if __name__ == "__main__":
    main()
