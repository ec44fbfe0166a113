"""Many submissions at once: one grader process per job slot, each with its own sandbox.

The batch process unpacks the autograder zip into a folder only it may read, and starts
`jobs` grader processes. Each loads the tests and the checker once, starts its zygote, and
grades the submissions it is handed, one at a time, with its own unprivileged user (as root).
A grader process that dies or passes the submission's time limit is replaced; the submission
it held is tried once more, then gets an error row with the reason. Nothing a submission does
reaches the batch process: it receives outcomes only from its own grader processes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import resource
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from . import confine
from .confine import Limits
from .grading import Autograder, Slot, grade_file, unpack
from .outcome import Outcome, zero
from .process import InfrastructureError, Zygote
from .session import Budget

UID_BASE = 1_990_000_000  # slot n grades as uid and gid UID_BASE + n when the grader is root
GRACE = 30.0  # seconds past a submission's own limit before its grader process is replaced
TRIES = 2


@dataclasses.dataclass(frozen=True)
class Options:
    """How a batch grades: job slots, and each student process's limits and time budget."""

    jobs: int = max(1, os.cpu_count() or 1)
    limits: Limits = Limits()
    budget: Budget = Budget()


# Bytes of address space of a grader process (a soft limit: student processes set their own).
GRADER_MEMORY = 4 * 2**30


def _grader(
    conn: Connection, folder: Path, number: int, workroot: Path, options: Options, batch: int
) -> None:
    """A grader process: grade what it is sent until it is sent None; it ends with the batch
    process (pid `batch`), however that ends, and its zygote and student processes with it."""
    confine.die_with_parent(batch)
    with contextlib.suppress(ValueError, OSError):  # a callback asked to allocate too much fails here
        resource.setrlimit(resource.RLIMIT_AS, (GRADER_MEMORY, resource.getrlimit(resource.RLIMIT_AS)[1]))
    autograder = Autograder(folder)
    autograder.use_checker()
    slot_root = workroot / f"slot-{number}"
    slot_root.mkdir(mode=0o711)
    disk = confine.private_disk(str(slot_root), options.limits.disk)
    try:
        zygote = Zygote()
    except InfrastructureError as error:
        conn.send(("broken", str(error)))
        return
    missing = dict(zygote.missing)
    if disk:
        missing["disk"] = disk
    uid: int | None = UID_BASE + number if os.geteuid() == 0 else None
    if uid is not None and "user" in missing:  # the zygote found that no other user reaches Python
        uid = None
    slot = Slot(zygote, uid, slot_root, options.limits, options.budget)
    conn.send(("ready", missing))
    while True:
        job = conn.recv()
        if job is None:
            break
        name, path = job
        try:
            outcome = grade_file(autograder, slot, Path(path), name)
        except Exception as error:  # a bug of ours: this submission's row says so, the next is graded
            outcome = zero(
                name, autograder.possible(), _say(autograder, "reason_grader_error", detail=repr(error)[:200])
            )
        if uid is not None and "pids" in missing:  # else its PID namespace took every process along
            slot.zygote.sweep(uid)
        conn.send(("outcome", outcome.to_dict()))
    slot.zygote.close()


class _Worker:
    def __init__(self, context: Any, folder: Path, number: int, workroot: Path, options: Options) -> None:
        self.conn, theirs = context.Pipe()
        self.process = context.Process(
            target=_grader, args=(theirs, folder, number, workroot, options, os.getpid()), daemon=True
        )
        self.process.start()
        theirs.close()
        self.job: tuple[int, str, Path] | None = None
        self.deadline = 0.0
        self.ready = False

    def give(self, job: tuple[int, str, Path], seconds: float) -> None:
        self.job, self.deadline = job, time.monotonic() + seconds
        self.conn.send((job[1], str(job[2])))

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)

    def kill(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def grade_all(
    autograder_zip: Path,
    submissions: list[tuple[str, Path]],
    options: Options = Options(),
    on_outcome: Callable[[Outcome], None] | None = None,
    on_sandbox: Callable[[dict[str, str]], None] | None = None,
) -> list[Outcome]:
    """Grade each (name, file); outcomes in the order given. on_outcome is called as each one is
    known (in the order they finish); on_sandbox once, with what the sandbox lacks here."""
    done: dict[int, Outcome] = {}
    tries: dict[int, int] = {}
    autograder_zip = Path(autograder_zip).resolve()  # grader processes work in the zip's folder
    submissions = [(name, Path(path).resolve()) for name, path in submissions]
    with tempfile.TemporaryDirectory(prefix="rnngrade-") as root_name:
        root = Path(root_name)
        os.chmod(root, 0o711)
        if autograder_zip.is_dir():  # already unpacked (Gradescope's /autograder/source)
            autograder = Autograder(autograder_zip)
        else:
            autograder = unpack(autograder_zip, root / "autograder")
        possible = autograder.possible()
        context = multiprocessing.get_context("fork")
        pending = list(enumerate(submissions))[::-1]
        count = min(max(1, options.jobs), max(1, len(submissions)))
        workers: list[_Worker] = []
        numbers = iter(range(1_000_000))
        reported = False

        def start() -> _Worker:
            return _Worker(context, autograder.folder, next(numbers), root, options)

        try:
            workers = [start() for _ in range(count)]
            while len(done) < len(submissions):
                for worker in workers:
                    if worker.ready and worker.job is None and pending:
                        index, (name, path) = pending.pop()
                        worker.give((index, name, path), options.budget.submission + GRACE)
                ready = wait([w.conn for w in workers], timeout=1.0)
                for position, worker in enumerate(list(workers)):
                    lost = ""
                    if worker.conn in ready:
                        try:
                            kind, value = worker.conn.recv()
                        except (EOFError, OSError):
                            kind, value = "lost", "the grader process ended"
                        if kind == "broken":
                            raise InfrastructureError(str(value))
                        if kind == "ready":
                            worker.ready = True
                            if not reported and on_sandbox is not None:
                                on_sandbox(value)
                            reported = True
                            continue
                        if kind == "outcome" and worker.job is not None:
                            outcome = Outcome.from_dict(value)
                            done[worker.job[0]] = outcome
                            worker.job = None
                            if on_outcome is not None:
                                on_outcome(outcome)
                            continue
                        lost = str(value)
                    elif worker.job is not None and time.monotonic() > worker.deadline:
                        lost = f"more than {options.budget.submission + GRACE:g} s"
                    if lost:
                        job = worker.job
                        worker.kill()
                        workers[position] = start()
                        if job is not None:
                            index, name, path = job
                            tries[index] = tries.get(index, 0) + 1
                            if tries[index] < TRIES:
                                pending.append((index, (name, path)))
                            else:
                                done[index] = zero(
                                    name, possible, _say(autograder, "reason_crashed", detail=lost)
                                )
                                if on_outcome is not None:
                                    on_outcome(done[index])
        finally:
            for worker in workers:
                worker.stop()
            for worker in workers:
                worker.process.join(5)
                worker.kill()
    return [done[i] for i in range(len(submissions))]


def _say(autograder: Autograder, key: str, **values: Any) -> str:
    """A message in the autograder's language, from the checker this process imported."""
    from rnncheck.messages import MESSAGES

    language = autograder.manifest.get("language", "es")
    return MESSAGES.get(language, MESSAGES["es"])[key].format(**values)
