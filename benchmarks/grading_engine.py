"""The grading engine against sequential `otter run`, measured in the same run.

    .venv/bin/python benchmarks/grading_engine.py [--per-assignment 300] [--otter-sample 5] [--jobs 2]

Builds every assignment, writes `--per-assignment` submissions of each (cycling through the
reference, every catalogued mistake and correct version, the blank skeleton and broken files),
grades all of them in one engine batch per assignment, and grades `--otter-sample` of each
(the reference, a mistake, a correct version, the skeleton, ...) one after the other with
`otter run`, as the kit graded before the engine. It prints, per assignment, the engine's and
otter's seconds per notebook, the whole engine run's wall time, the ratio of otter's time per
notebook to the engine's, and every sampled notebook whose scores differ between the two.

This machine is noisy: compare ratios from one run, not seconds between runs. Targets on 2
cores: 1,200 notebooks in at most 120 s, whole process, and at least 50x otter per notebook.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from autograder import assignment as assignments
from autograder.build import build_assignment
from autograder.engine.batch import Options, grade_all
from autograder.engine.outcome import Outcome
from autograder.fill import fill
from autograder.notebook import render


def submissions(assignment: assignments.Assignment, folder: Path, count: int) -> list[tuple[str, Path]]:
    """count files: the reference, each catalogue entry, the skeleton and broken ones, in turn."""
    skeleton = render(assignment)
    reference = fill(skeleton, [assignment.solution_path])
    kinds: list[tuple[str, object]] = [("reference", reference), ("skeleton", skeleton)]
    for kind in ("mistakes", "correct"):
        for path in assignment.catalogue(kind):
            kinds.append((f"{kind}-{path.stem}", fill(skeleton, [assignment.solution_path, path])))
    kinds += [("broken-json", b'{"cells": ['), ("broken-zip", b"PK\x03\x04 not a zip")]
    folder.mkdir(parents=True)
    made = []
    for number in range(count):
        kind, content = kinds[number % len(kinds)]
        suffix = ".zip" if kind == "broken-zip" else ".ipynb"
        path = folder / f"{number:04d}-{kind}{suffix}"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            nbformat.write(content, path)
        made.append((path.name, path))
    return made


def otter_scores(notebook: Path, autograder_zip: Path, out: Path) -> dict[str, float] | None:
    """Question -> score from `otter run`, or None when otter itself failed on the notebook."""
    out.mkdir(parents=True)
    command = [sys.executable, "-m", "otter", "run", "--no-logo", "-a", str(autograder_zip), "-o", str(out)]
    done = subprocess.run([*command, str(notebook)], capture_output=True, timeout=600)
    results = out / "results.json"
    if done.returncode != 0 or not results.is_file():
        return None
    return {t["name"]: t["score"] for t in json.loads(results.read_text())["tests"] if t.get("max_score")}


def sample(made: list[tuple[str, Path]], size: int) -> list[tuple[str, Path]]:
    """The first size notebooks otter can run: the reference, the skeleton, then the catalogue."""
    return [(name, path) for name, path in made if "-broken-" not in name][:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-assignment", type=int, default=300)
    parser.add_argument("--otter-sample", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=Options().jobs)
    parser.add_argument("--only", action="append", help="one assignment (repeatable)")
    options = parser.parse_args()
    names = options.only or assignments.names()
    rows, mismatches, otter_failed = [], [], 0
    engine_total = otter_total = 0.0
    engine_count = otter_count = 0
    with tempfile.TemporaryDirectory(prefix="rnnbench-") as workdir:
        folder = Path(workdir)
        run_start = time.perf_counter()
        builds = {
            name: build_assignment(assignments.load(name), folder / "dist", seed=2026) for name in names
        }
        made = {
            name: submissions(assignments.load(name), folder / "in" / name, options.per_assignment)
            for name in names
        }
        graded: dict[str, dict[str, Outcome]] = {}
        engine_seconds = {}
        grading_start = time.perf_counter()
        for name in names:
            start = time.perf_counter()
            outcomes = grade_all(builds[name].autograder_zip, made[name], Options(jobs=options.jobs))
            engine_seconds[name] = time.perf_counter() - start
            graded[name] = {o.submission: o for o in outcomes}
        grading_wall = time.perf_counter() - grading_start
        whole_wall = time.perf_counter() - run_start
        for name in names:
            seconds = []
            for notebook_name, path in sample(made[name], options.otter_sample):
                start = time.perf_counter()
                scores = otter_scores(
                    path, builds[name].autograder_zip, folder / "otter" / name / notebook_name
                )
                seconds.append(time.perf_counter() - start)
                if scores is None:
                    otter_failed += 1
                    continue
                ours = graded[name][notebook_name].scores
                if {q: round(s, 6) for q, s in ours.items()} != {q: round(s, 6) for q, s in scores.items()}:
                    mismatches.append(f"{name}/{notebook_name}: engine {ours} otter {scores}")
            engine_per = engine_seconds[name] / len(made[name])
            otter_per = sum(seconds) / max(1, len(seconds))
            rows.append((name, len(made[name]), engine_per, len(seconds), otter_per))
            engine_total += engine_seconds[name]
            engine_count += len(made[name])
            otter_total += sum(seconds)
            otter_count += len(seconds)
    line = "{:<22} {:>9} {:>12} {:>6} {:>11} {:>7}"
    print(line.format("assignment", "notebooks", "engine s/nb", "otter", "otter s/nb", "ratio"))
    for name, count, engine_per, otter_n, otter_per in rows:
        ratio = f"{otter_per / engine_per:.0f}x"
        print(line.format(name, count, f"{engine_per:.3f}", otter_n, f"{otter_per:.2f}", ratio))
    engine_per, otter_per = engine_total / engine_count, otter_total / max(1, otter_count)
    ratio = f"{otter_per / engine_per:.0f}x"
    print(line.format("all", engine_count, f"{engine_per:.3f}", otter_count, f"{otter_per:.2f}", ratio))
    print(f"engine: {engine_count} notebooks graded in {grading_wall:.1f} s", end="")
    print(f" (the whole run, builds too: {whole_wall:.1f} s)")
    print(f"otter run failed on {otter_failed} sampled notebooks (left out of the comparison)")
    print(f"scores that differ from otter's: {len(mismatches)}")
    for mismatch in mismatches:
        print("  " + mismatch)


if __name__ == "__main__":
    main()
