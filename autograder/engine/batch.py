"""Many submissions at once: one grader process per job slot, each with its own sandbox.

The batch process unpacks the autograder zip into a folder only it may read, and starts
`jobs` grader processes. Each loads the tests and the checker once, starts its zygote, and
grades the submissions it is handed, one at a time, with its own unprivileged user (as root).
A grader process that dies or passes the submission's time limit is replaced, and the
submission it held gets an error row with the reason (it is not tried again: what broke one
grader would break the next, and cost the submissions after it their time). A grader process
whose memory grew past `Options.grader_memory` while grading a submission sends that
submission's outcome and is replaced before the next one: nothing of one submission stays for
another. Nothing a submission does reaches the batch process: it receives outcomes only from
its own grader processes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import gc
import multiprocessing
import os
import resource
import signal
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
from .progress import PROGRESS_EVERY, Progress
from .session import Budget

UID_BASE = 1_990_000_000  # slot n grades as uid and gid UID_BASE + n when the grader is root
GRACE = 30.0  # seconds past a submission's own limit before its grader process is replaced


@dataclasses.dataclass(frozen=True)
class Options:
    """How a batch grades: job slots, each student process's limits and time budget, and how
    often a submission still being graded is said to be (engine.progress; 0: never)."""

    jobs: int = max(1, os.cpu_count() or 1)
    limits: Limits = Limits()
    budget: Budget = Budget()
    grader_memory: int = 2**30  # bytes a grader process's RSS may grow by before it is replaced
    progress_every: float = PROGRESS_EVERY


# Bytes of address space of a grader process (a soft limit: student processes set their own).
GRADER_MEMORY = 4 * 2**30


USERS = 100_000  # slot users a machine's batches may claim, from the first one a slot asks for
USERS_FOLDER = (
    Path("/run/rnngrade-users") if Path("/run").is_dir() else Path(tempfile.gettempdir(), "rnngrade-users")
)


def claim_user(first: int) -> tuple[int, Any]:
    """A slot user no other grader process on this machine holds: the first of first, first+1,
    ... whose lock file this process can lock, and that file (the lock lasts while it is open,
    and ends with the process however it ends). Each submission's processes are ended by user
    (Slot.sweep kills every process of it), so two batches at once, of one instructor or of
    two, must never share one."""
    USERS_FOLDER.mkdir(mode=0o700, exist_ok=True)
    for uid in range(first, first + USERS):
        lock = open(USERS_FOLDER / str(uid), "a")  # noqa: SIM115 - held open on purpose
        try:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            continue
        return uid, lock
    raise InfrastructureError(f"no free slot user from {first}")


def _grader(
    conn: Connection, folder: Path, number: int, workroot: Path, options: Options, batch: int
) -> None:
    """A grader process: grade what it is sent until it is sent None; it ends with the batch
    process (pid `batch`), however that ends, and its zygote and student processes with it.
    Ctrl-C (SIGINT to the terminal's process group) ends it at once and without a word: the
    batch process is interrupted too, and says what was kept. A batch that ignores SIGINT (the
    background job of a script) grades on through it, its graders too."""
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    confine.die_with_parent(batch)
    with contextlib.suppress(ValueError, OSError):  # a callback asked to allocate too much fails here
        resource.setrlimit(resource.RLIMIT_AS, (GRADER_MEMORY, resource.getrlimit(resource.RLIMIT_AS)[1]))
    autograder = Autograder(folder)
    autograder.use_checker()
    slot_root = workroot / f"slot-{number}"
    slot_root.mkdir(mode=0o711)
    disk = confine.private_disk(str(slot_root), options.limits.disk, options.limits.inodes)
    try:
        zygote = Zygote()
    except InfrastructureError as error:
        conn.send(("broken", str(error)))
        return
    missing = dict(zygote.missing)
    if disk:
        missing["disk"] = disk
    uid: int | None = None
    claim = None
    if os.geteuid() == 0 and "user" not in missing:  # else no other user reaches Python
        uid, claim = claim_user(UID_BASE + number)  # held while this process lives
    progress = None
    if options.progress_every > 0:
        progress = Progress(lambda line: conn.send(("progress", line)), options.progress_every)
    slot = Slot(zygote, uid, slot_root, options.limits, options.budget, progress)
    needed = address_space(zygote.process.pid) + START_MEMORY
    autograder.possible()  # the tests and the checker loaded: what every submission needs
    gc.collect()
    gc.freeze()  # what is here now is never collected again: no collection copies the inherited heap
    start = resident()
    conn.send(("ready", missing))
    while True:
        job = conn.recv()
        if job is None:
            break
        name, path = job
        began = time.monotonic()
        if progress is not None:
            progress.begin(name)
        try:
            if options.limits.memory < needed:  # every cell would fail with MemoryError
                outcome = zero(
                    name,
                    autograder.possible(),
                    _say(
                        autograder,
                        "reason_memory_too_small",
                        limit=options.limits.memory // 2**20,
                        needed=-(-needed // 2**20),
                    ),
                )
            else:
                outcome = grade_file(autograder, slot, Path(path), name)
        except Exception as error:  # a bug of ours: this submission's row says so, the next is graded
            outcome = zero(
                name, autograder.possible(), _say(autograder, "reason_grader_error", detail=repr(error)[:200])
            )
        finally:
            if progress is not None:
                progress.end()  # its last line is sent before its outcome
        gc.collect()  # cycles the submission left (its stand-in types, exceptions, tracebacks)
        grown = resident() - start
        measures = {
            "seconds": time.monotonic() - began,
            "start": start,
            "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "grown": grown,
            "replaced": grown > options.grader_memory,
            "pid": os.getpid(),
        }
        conn.send(("outcome", (outcome.to_dict(), measures)))
        if measures["replaced"]:
            break  # the batch starts a new grader process for the next submission
    slot.zygote.close()
    if claim is not None:
        claim.close()  # the slot user is free for another grader


# Address space a notebook's process needs beyond what it inherits from its zygote, at the
# least: its cells' own modules and arrays. With less, every cell fails with MemoryError.
START_MEMORY = 32 * 2**20


def address_space(pid: int) -> int:
    """Bytes of address space of process pid (its VmSize): what a process forked from it starts
    with, against the student's memory limit (RLIMIT_AS). 0 where /proc cannot tell."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def resident() -> int:
    """Bytes of this process's memory in RAM now (its resident set size)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):  # no /proc: the peak so far
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


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
    on_measure: Callable[[str, dict[str, Any]], None] | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> list[Outcome]:
    """Grade each (name, file); outcomes in the order given. on_outcome is called as each one is
    known (in the order they finish); on_progress with each line that says what of a submission
    is still running (every Options.progress_every seconds while one is graded, in the
    autograder's language); on_sandbox once, with what the sandbox lacks here;
    on_measure with each graded submission's name and what its grader process measured:
    seconds, start (bytes of RSS when it became ready), peak (bytes of RSS at most so far),
    grown (bytes of RSS more than start now), replaced (whether it is replaced for that
    growth) and pid (the grader process's)."""
    done: dict[int, Outcome] = {}
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
                            kind, value = "lost", _say(autograder, "grader_ended")
                        if kind == "broken":
                            raise InfrastructureError(str(value))
                        if kind == "progress":
                            if on_progress is not None and worker.job is not None:
                                on_progress(str(value))
                            continue
                        if kind == "ready":
                            worker.ready = True
                            if not reported and on_sandbox is not None:
                                on_sandbox(value)
                            reported = True
                            continue
                        if kind == "outcome" and worker.job is not None:
                            row, measures = value
                            outcome = Outcome.from_dict(row)
                            done[worker.job[0]] = outcome
                            worker.job = None
                            if on_measure is not None:
                                on_measure(outcome.submission, measures)
                            if on_outcome is not None:
                                on_outcome(outcome)
                            if measures["replaced"]:  # it ends by itself: a new one for the next
                                worker.process.join(5)
                                worker.kill()
                                workers[position] = start()
                            continue
                        lost = str(value)
                    elif worker.job is not None and time.monotonic() > worker.deadline:
                        lost = _say(
                            autograder, "grader_overtime", seconds=f"{options.budget.submission + GRACE:g}"
                        )
                    if lost:
                        job = worker.job
                        worker.kill()
                        workers[position] = start()
                        if job is not None:  # its row only: the next submission is graded as usual
                            index, name, _ = job
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
