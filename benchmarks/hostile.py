"""The hostile suite (tests/engine/hostile) graded as the tests grade it: the grader's peak memory
and the longest time one submission took.

    .venv/bin/python benchmarks/hostile.py [--batch slot] [--without ATTACK ...] [--seed 2026]

Builds rnn_forward, bptt and rnn_types, writes every attack of tests/engine/test_hostile.py
beside its neighbours (in the tests' order where they have one), and grades each batch with
one job slot, the tests' limits (768 MiB, files of 4 MiB) and budget (cell 5 s, call 2 s,
submission 60 s). While a batch runs it reads, every 0.1 s, the peak resident memory (VmHWM)
of every grader process (the batch's direct children); each submission's time is the time
from the one before it to it (one slot: one after the other).

It uses only what every version of the engine has (grade_all with on_outcome), so that the same
script measures an older engine: run it with PYTHONPATH pointing at a checkout of that engine.
It prints, per batch and for the whole suite, the grader's peak memory, that peak above the
batch process's own memory (what a grader adds to what it inherits), and the longest submission
with its time.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from autograder import assignment as assignments
from autograder.build import build_assignment
from autograder.engine import batch
from autograder.engine.batch import Options, grade_all
from autograder.engine.confine import Limits
from autograder.engine.session import Budget

TESTS = Path(__file__).resolve().parents[1] / "tests" / "engine" / "test_hostile.py"
MIB = 2**20


def load_tests():
    """The hostile tests' module (its attacks, neighbours and how it writes them)."""
    spec = importlib.util.spec_from_file_location("test_hostile", TESTS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def status_field(pid: int, field: str) -> int:
    """A size from /proc/<pid>/status, in bytes; 0 if the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


class Watch(threading.Thread):
    """The largest VmHWM seen among the direct children of this process, while it runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak, self.done = 0, threading.Event()

    def run(self) -> None:
        me = str(os.getpid())
        while not self.done.wait(0.1):
            for entry in os.scandir("/proc"):
                if not entry.name.isdigit():
                    continue
                try:
                    fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if fields[1] == me:
                    self.peak = max(self.peak, status_field(int(entry.name), "VmHWM"))


def limits() -> tuple[Limits, Budget, dict]:
    """The tests' limits and budget, in what this version of the engine has."""
    sizes = {"memory": 768 * MIB, "file_size": 4 * MIB}
    if "inodes" in {f.name for f in dataclasses.fields(Limits)}:
        sizes["inodes"] = 4096
    extra = (
        {"grader_memory": 64 * MIB}
        if "grader_memory" in {f.name for f in dataclasses.fields(Options)}
        else {}
    )
    return Limits(**sizes), Budget(cell=5, call=2, submission=60), extra


def main(*, only: str | None = None, without: tuple[str, ...] = (), seed: int = 2026) -> None:
    tests = load_tests()
    limit, budget, extra = limits()
    batch.UID_BASE = tests.UID_BASE
    with tempfile.TemporaryDirectory(prefix="rnngrade-hostile-") as name:
        folder = Path(name)
        os.chmod(folder, 0o711)
        builds = {
            a: build_assignment(assignments.load(a), folder / "dist", "es", seed=seed)
            for a in set(tests.ASSIGNMENT.values())
        }
        stages = {
            s: tests.Stage(s, builds[a], folder / s) for s, a in tests.ASSIGNMENT.items() if only in (None, s)
        }
        secret = {"neighbour": f"SECRET-neighbour-{tests.TOKEN}"}
        overall_peak, overall_above, longest = 0, 0, ("", 0.0)
        for stage in stages.values():
            tests.prepare(stage, [a for a in tests.ATTACKS if a.batch == stage.name], 9, secret)
            paths = [(n, stage.submissions / n) for n in stage.names if n[: -len(".ipynb")] not in without]
            own = status_field(os.getpid(), "VmRSS")
            watch = Watch()
            watch.start()
            times: dict[str, float] = {}
            last = [time.monotonic()]

            def done(outcome, times=times, last=last) -> None:
                now = time.monotonic()
                times[outcome.submission] = now - last[0]
                last[0] = now

            options = Options(jobs=1, limits=limit, budget=budget, **extra)
            started = time.monotonic()
            rows = grade_all(stage.build.autograder_zip, paths, options, on_outcome=done)
            watch.done.set()
            watch.join()
            slowest = max(times.items(), key=lambda item: item[1])
            malformed = {m.name for m in tests.MALFORMED}  # error rows by design
            errors = sorted(
                r.submission for r in rows if r.status == "error" and r.submission not in malformed
            )
            peak, above = watch.peak / MIB, (watch.peak - own) / MIB
            print(
                f"{stage.name:10} {len(rows):3} submissions in {time.monotonic() - started:6.1f} s; "
                f"grader peak {peak:7.0f} MiB ({above:+6.0f} MiB over the batch process); "
                f"longest {slowest[0]} {slowest[1]:.1f} s; error rows: {', '.join(errors) or 'none'}",
                flush=True,
            )
            overall_peak = max(overall_peak, watch.peak)
            overall_above = max(overall_above, watch.peak - own)
            if slowest[1] > longest[1]:
                longest = (f"{stage.name}/{slowest[0]}", slowest[1])
        print(
            f"suite: grader peak {overall_peak / MIB:.0f} MiB ({overall_above / MIB:+.0f} MiB over the batch "
            f"process); longest submission {longest[0]} {longest[1]:.1f} s"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--batch", help="grade only this batch of the tests (main, ipc, bptt, rnn_types, slot)"
    )
    parser.add_argument(
        "--without", nargs="*", default=[], help="attacks to leave out (an older engine's breakers)"
    )
    parser.add_argument("--seed", type=int, default=2026, help="the build's seed of hidden inputs")
    arguments = parser.parse_args()
    main(only=arguments.batch, without=tuple(arguments.without), seed=arguments.seed)
