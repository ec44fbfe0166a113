"""Hostile submissions against the sandboxed grading engine (autograder.engine).

Each file in hostile/ is one attack: notebook cells (split at "# %%") added to a blank or a
correct notebook; the first line of its docstring says what it tries and what must hold. The
attacks are graded in five batches, beside ordinary neighbours (a correct notebook, a blank
one, one whose functions return None), and each test checks one promise of the engine:

    no undue points        an attack scores no more than its base, or than returning None
    a row for everyone     the batch completes; every submission has its row, and a reason
    nothing outside        no file appears outside the submission's own folder
    no process left        no process of the batch's users remains, no descendant survives
    neighbours untouched   the correct notebook keeps full marks, the blank one 0, and so do
                           their copies graded after an attack in the same slot (jobs=1)
    no secret leaks        no secret text appears in an outcome, the gradebook or feedback
    a bounded grader       every grader process's peak memory stays within GRADER_PEAK of what
                           it had when ready; one grown past GRADER_GROWTH is replaced

An attack that succeeds is marked xfail(strict=True), saying what leaks and how. The batch
"slot" grades the attacks on the grader's own state, work and text (issue 23) one after the
other, each between two copies of the correct notebook, through grade.main (gradebook,
feedback files and summary).

The batches run with small budgets (cell 5 s, call 4 s) and limits (768 MiB, files of 4 MiB,
4,096 inodes),
and with the slot users moved to a range of this test process's own (batch.UID_BASE), so that
"no process of the batch's users" does not see another batch running on the same machine.
"""

from __future__ import annotations

import ast
import contextlib
import csv
import ctypes
import dataclasses
import functools
import hashlib
import io
import json
import os
import re
import secrets
import shutil
import socket
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

from autograder import feedback, grade
from autograder.engine import batch
from autograder.engine.batch import Options, grade_all
from autograder.engine.confine import Limits
from autograder.engine.outcome import Outcome
from autograder.engine.session import Budget
from autograder.fill import fill
from autograder.notebook import render
from rnncheck.messages import say

pytestmark = pytest.mark.slow  # four batches, about 40 s

HOSTILE = Path(__file__).parent / "hostile"
REPO = Path(__file__).resolve().parents[2]
TOKEN = secrets.token_hex(6)
MIB = 2**20


@dataclasses.dataclass(frozen=True)
class SmallLimits(Limits):
    """The limits of these batches (grade.main is given memory; it keeps these sizes)."""

    memory: int = 768 * MIB
    file_size: int = 4 * MIB
    inodes: int = 4096


@dataclasses.dataclass(frozen=True)
class SmallBudget(Budget):
    """The time budget of these batches (grade.main is given the submission's)."""

    cell: float = 5
    # A call's limit far from the cost of what the bounded attacks do within one call (a 6 MB
    # frame of colliding keys, eight 8 MiB callback arguments, a flood of callbacks): under a
    # load of 15 on 2 cores these took more than 2 s and met the limit first (issue 20).
    call: float = 4
    submission: float = 60


LIMITS, BUDGET = SmallLimits(), SmallBudget()
JOBS = 3
# A grader process whose RSS grew by more than this while grading a submission is replaced; and
# the most its RSS may ever be above what it was when it became ready (a frame being decoded,
# a callback's result: transient).
GRADER_GROWTH = 64 * MIB
GRADER_PEAK = 512 * MIB
# The slot users of these batches: above batch.UID_BASE, in a range of this process's own.
UID_BASE = batch.UID_BASE + 500_000 + (os.getpid() % 4000) * 100
SECRET_ENV = "RNNGRADE_HOSTILE_SECRET"
SECRETS = [
    "solution docstring",
    "solution comment",
    "recorded answer key",
    "hidden test's input label",
    "/etc/shadow",
    "grader's environment",
    "neighbour's notebook",
    "public file in /tmp",
    "private file in /tmp",
]
PR_SET_CHILD_SUBREAPER = 36


def call_time(name: str) -> str:
    return say("engine_call_time", name=name, seconds=int(BUDGET.call))


def prefix(key: str, **values: str) -> str:
    """The text of message `key` up to its first field given as "" (one that varies)."""
    return say(key, **{name: value or "\0" for name, value in values.items()}).split("\0")[0]


@dataclasses.dataclass(frozen=True)
class Attack:
    """One hostile file, how it is submitted and what its row must say.

    base -- the notebook its cells join: blank, reference (correct) or garbage (returns None)
    at -- "end": after every cell (it may redefine functions); "start": before every cell
    bound -- the neighbour whose score it may not exceed: its base, or garbage
    says -- texts that its row (cell errors, feedback, reason) must hold
    never -- texts that it must not hold
    """

    name: str
    batch: str = "main"
    base: str = "blank"
    at: str = "end"
    bound: str = "base"
    says: tuple[str, ...] = ()
    never: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        return f"{self.name}.ipynb"

    @property
    def neighbour(self) -> str:
        return f"{self.bound if self.bound != 'base' else self.base}.ipynb"


ATTACKS = [
    # forging a score
    Attack("forge_patch_numpy", says=("hostile-ran patched",)),
    Attack("forge_patch_builtins"),
    Attack("forge_fake_modules", says=("hostile-ran injected modules",)),
    Attack("forge_shadow_files_in_cwd", says=("hostile-ran shadow files 12",)),
    Attack("forge_result_files", says=("hostile-ran wrote 0: []",)),
    Attack("forge_lying_returns", bound="garbage"),
    Attack(
        "forge_unsendable_returns",
        bound="garbage",
        says=(prefix("engine_unsendable", name="initialize_parameters", detail=""),),
    ),
    Attack("forge_frame_inspection", bound="garbage"),
    Attack("forge_exception_tricks", bound="garbage", says=(call_time("rnn_forward"),)),
    Attack("forge_channel_hijack", says=("hostile-ran hijacked the channel",)),
    # stealing secrets
    Attack("steal_repo_files", says=(" read 0: ",)),
    Attack("steal_autograder_copy", says=(" read 0: ",)),
    Attack("steal_system_secrets", says=(" read 0: ",)),
    Attack("steal_process_memory", says=(" read 0: ",)),
    Attack("steal_neighbour_notebooks", says=(" read 0: [] listed []",)),
    # harming the others
    Attack("harm_other_slots_and_submissions", says=("hostile-ran harmed 0: []",)),
    Attack("harm_signals", says=("hostile-ran signalled 0: []",)),
    Attack("harm_fill_disk", says=("hostile-ran wrote 96 MiB; one file over the limit: File too large",)),
    Attack("harm_ipc_leave_message", batch="ipc", says=("hostile-ran queue",)),
    Attack("harm_ipc_read_message", batch="ipc", says=("hostile-ran queue",)),
    # escaping limits
    Attack("escape_loop_in_cell", base="reference", at="start", says=(say("engine_cell_time", seconds=5),)),
    Attack("escape_loop_on_one_input", base="reference", says=(call_time("softmax"),)),
    Attack(
        "escape_regex_backtracking",
        base="reference",
        says=(
            call_time("rnn_forward"),
            say("engine_call_skipped", name="rnn_forward", seconds=int(BUDGET.call)),
        ),
    ),
    Attack(
        "escape_exit_in_cell",
        base="reference",
        at="start",
        says=("SystemExit: 3", "hostile-ran survived SIGKILL", say("engine_cell_ended")),
    ),
    Attack(
        "escape_exit_in_function",
        base="reference",
        says=(
            say("exited", name="initialize_parameters", error="SystemExit"),
            say("engine_call_ended", name="rnn_forward"),
        ),
    ),
    Attack("escape_memory_exhaustion", base="reference", at="start", says=("MiB: MemoryError",)),
    Attack("escape_memory_outside_rlimit", says=("hostile-ran held",)),
    Attack("escape_fork_and_exec", base="reference", at="start", says=("hostile-ran started []",)),
    Attack("escape_threads", base="reference", at="start", says=("hostile-ran started []",)),
    Attack("escape_network", says=("hostile-ran connected []",)),
    Attack("escape_huge_output", base="reference", at="start", says=("hostile-ran yyyy",)),
    Attack(
        "escape_huge_file", base="reference", at="start", says=("File too large after 4 MiB", "outside []")
    ),
    Attack("escape_open_files", base="reference", at="start", says=("Too many open files",)),
    Attack("escape_deep_recursion", base="reference", at="start", says=(say("engine_cell_ended"),)),
    # callbacks: objects of the grader's that the tests pass to student functions
    Attack(
        "callback_gradient_abuse",
        batch="bptt",
        bound="garbage",
        says=(
            "_private=AttributeError",
            "raw_private=AttributeError",
            "reduce=AttributeError",
            "getattribute=AttributeError",
            "deepcopy=AttributeError",
            "class=AttributeError",
            # the flood is stopped at the deadline, inside `attempt` or its own loop (a callback
            # that sends 240 MB may still be under way at the warning)
            os.path.commonprefix(
                [
                    call_time("numerical_gradient"),
                    say("call_time_inside", name="numerical_gradient", seconds=int(BUDGET.call), inner=""),
                ]
            ),
        ),
        never=("huge=ok", "log=ok"),
    ),
    Attack(
        "callback_rng_abuse",
        batch="rnn_types",
        bound="garbage",
        says=(
            "hostile-ran huge=",
            "_rng=AttributeError",
            "raw_rng=AttributeError",
            "reduce=AttributeError",
            "getattribute=AttributeError",
            "dict=AttributeError",
            "init=AttributeError",
            "class=AttributeError",
        ),
        never=("huge=ok", "bit_generator=ok", "calls=ok"),
    ),
    Attack("callback_grader_resources", batch="rnn_types", bound="garbage"),
    Attack("callback_handle_escalation", batch="rnn_types", base="reference"),
    Attack(
        "callback_grown_arguments",
        batch="bptt",
        bound="garbage",
        says=("calls; then ValueError: " + prefix("engine_callback_budget", calls="", size=""),),
    ),
    Attack(
        "callback_rng_spawn",
        batch="rnn_types",
        bound="garbage",
        says=("hostile-ran spawn TypeError: spawn cannot be called",),
    ),
    # the grader's own state, work and text, one slot graded after the other (issue 23)
    Attack("state_distinct_type_names", batch="slot", base="reference"),
    Attack("state_nested_folders", batch="slot", base="reference", says=("hostile-ran nested 1500 folders",)),
    Attack(
        "bound_colliding_dict_keys",
        batch="slot",
        base="reference",
        says=(say("engine_call_ended", name="initialize_parameters"),),
    ),
    Attack(
        "bound_inode_flood",
        batch="slot",
        base="reference",
        says=("hostile-ran made fewer files: No space left on device",),
    ),
    Attack("hidden_inputs_carried", batch="slot", base="reference", says=("hostile-ran got",)),
    Attack(
        "text_control_characters",
        batch="slot",
        says=("hostile-ran cell", "hostile-ran init"),
        never=("\x1b", "\x07", "\x9b", "\u202e", "\r", "\x00"),
    ),
    Attack(
        "repair_folder_chmod", batch="slot", base="reference", at="start", says=(say("engine_cell_ended"),)
    ),
    # observing the others: stat and watch paths outside its folder
    Attack(
        "steal_metadata_of_others",
        bound="garbage",
        says=(
            "hostile-ran saw ",
            "inotify_init1=EPERM",
            "inotify_init=EPERM",
            "fanotify_init=EPERM",
            "names []",
        ),
    ),
    # aimed at `rnngrade check` (tests/autograder/test_check.py), graded here as well
    Attack("check_home_and_forged_total", bound="garbage", says=("hostile-ran read 0: [] wrote []",)),
]
BY_NAME = {a.name: a for a in ATTACKS}

# Submissions graded in order (jobs=1) where order matters: which one shares a slot with which.
# A name that starts with reference, blank or garbage is a copy of that neighbour.
ORDER = {
    "ipc": ["harm_ipc_leave_message", "harm_ipc_read_message", "reference", "blank"],
    "bptt": [
        "callback_gradient_abuse",
        "reference",
        "blank",
        "garbage",
        "callback_grown_arguments",
        "reference-after",
    ],
    "rnn_types": [
        "callback_rng_abuse",
        "callback_grader_resources",
        "reference",
        "blank",
        "garbage",
        "callback_handle_escalation",
        "reference-after",
        "blank-after",
        "callback_rng_spawn",
        "reference-last",
    ],
    "slot": [
        "reference",
        "state_distinct_type_names",
        "reference-1",
        "state_nested_folders",
        "reference-2",
        "bound_colliding_dict_keys",
        "reference-3",
        "bound_inode_flood",
        "reference-4",
        "hidden_inputs_carried",
        "reference-5",
        "text_control_characters",
        "reference-6",
        "repair_folder_chmod",
        "reference-7",
        "blank",
    ],
}
NEIGHBOURS = ("reference", "blank", "garbage")
ASSIGNMENT = {
    "main": "rnn_forward",
    "ipc": "rnn_forward",
    "bptt": "bptt",
    "rnn_types": "rnn_types",
    "slot": "rnn_forward",
}
CLI = ("main", "slot")  # the batches graded through grade.main: gradebook, feedback and summary

# Attacks that get through, (test kind, attack) -> how; each is a strict xfail until fixed.
XFAIL: dict[tuple[str, str], str] = {}


def params(kind: str, names: list[str]) -> list:
    """pytest params with ids, xfail(strict=True) where XFAIL says the attack gets through."""
    found = []
    for name in names:
        reason = XFAIL.get((kind, name))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        found.append(pytest.param(name, id=name, marks=marks))
    return found


# ---------------------------------------------------------------- notebooks and malformed files


def cells_of(attack: Attack, places: dict[str, str]) -> list[tuple[str, str]]:
    """(where, source) of each cell of the attack's file: cells are split at "# %%" lines, and
    one headed "# %% start" goes before every cell of the notebook, whatever attack.at says."""
    source = (HOSTILE / f"{attack.name}.py").read_text(encoding="utf-8")
    for key, value in places.items():
        source = source.replace(f"@@{key}@@", value)
    parts = re.split(r"^(# %%.*)$", source, flags=re.MULTILINE)
    cells, where = [], attack.at
    for part in parts:
        if part.startswith("# %%"):
            where = "start" if part.strip() == "# %% start" else attack.at
        elif part.strip():
            cells.append((where, part.strip() + "\n"))
    return cells


def garbage_module(build, folder: Path) -> Path:
    """A module whose contract functions, with the reference's signatures, return None."""
    tree = ast.parse(build.assignment.solution_path.read_text(encoding="utf-8"))
    lines = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in build.assignment.functions:
            lines.append(f"def {node.name}({ast.unparse(node.args)}):\n    return None\n\n")
    path = folder / f"garbage_{build.assignment.name}.py"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def base_notebook(build, base: str, folder: Path) -> nbformat.NotebookNode:
    skeleton = render(build.assignment)
    if base == "blank":
        return skeleton
    if base == "reference":
        return fill(skeleton, [build.assignment.solution_path])
    return fill(skeleton, [garbage_module(build, folder)])


def attack_notebook(build, attack: Attack, places: dict[str, str], folder: Path) -> nbformat.NotebookNode:
    notebook = base_notebook(build, attack.base, folder)
    cells = cells_of(attack, places)
    first = [nbformat.v4.new_code_cell(source) for where, source in cells if where == "start"]
    last = [nbformat.v4.new_code_cell(source) for where, source in cells if where != "start"]
    notebook.cells = first + notebook.cells + last
    return notebook


def write(notebook: nbformat.NotebookNode, path: Path) -> None:
    nbformat.write(notebook, path)


def notebook_bytes(cells: list, metadata: object = None) -> bytes:
    return json.dumps(
        {"cells": cells, "metadata": {} if metadata is None else metadata, "nbformat": 4, "nbformat_minor": 5}
    ).encode()


def patched_zip(path: Path, data: bytes, *, flags: int | None = None, method: int | None = None, size=None):
    """A zip of one rnn_forward.ipynb whose headers are then patched (both local and central)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("rnn_forward.ipynb", data)
    raw = bytearray(path.read_bytes())
    central = raw.find(b"PK\x01\x02")
    for value, local_at, central_at, form in (
        (flags, 6, 8, "<H"),
        (method, 8, 10, "<H"),
        (size, 22, 24, "<I"),
    ):
        if value is not None:
            struct.pack_into(form, raw, local_at, value)
            struct.pack_into(form, raw, central + central_at, value)
    path.write_bytes(bytes(raw))


def many_entries(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for n in range(20_001):
            archive.writestr(f"e/{n}", b"x")


def bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("rnn_forward.ipynb", b" " * (60 * MIB))


def two_notebooks(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.ipynb", notebook_bytes([]))
        archive.writestr("sub/b.ipynb", notebook_bytes([]))


def no_notebook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("leeme.txt", "hola")


def code_cell(source: object) -> dict:
    return {"cell_type": "code", "metadata": {}, "source": source, "outputs": [], "execution_count": None}


@functools.cache
def big_notebook() -> bytes:
    """A valid notebook of 60 MiB (one markdown cell), over the 50 MB a submission may have."""
    return notebook_bytes([{"cell_type": "markdown", "metadata": {}, "source": "x" * (60 * MIB)}])


@dataclasses.dataclass(frozen=True)
class Malformed:
    """A submission file that is not what it claims; status and reason its row must have."""

    name: str
    make: Callable[[Path, object], None]
    status: str
    reason: str


def _bytes(data: bytes) -> Callable[[Path, object], None]:
    return lambda path, build: path.write_bytes(data)


def _skeleton(change: Callable[[dict], None]) -> Callable[[Path, object], None]:
    def make(path: Path, build) -> None:
        notebook = json.loads(nbformat.writes(render(build.assignment)))
        change(notebook)
        path.write_text(json.dumps(notebook), encoding="utf-8")

    return make


NOT_JSON = prefix("reason_not_json", detail="")
BAD_ZIP = prefix("reason_bad_zip", detail="")
NOTHING = say("reason_nothing_done")


def _zip(data: Callable[[], bytes], **patch: int) -> Callable[[Path, object], None]:
    return lambda path, build: patched_zip(path, data(), **patch)


def _file(make: Callable[[Path], None]) -> Callable[[Path, object], None]:
    return lambda path, build: make(path)


def _cells(cells: object) -> Callable[[Path, object], None]:
    return _bytes(notebook_bytes(cells))  # type: ignore[arg-type]


def _set_tags(notebook: dict) -> None:
    for cell in notebook["cells"]:
        cell["metadata"] = {"tags": "otter_ignore"}


DEEP = b'{"cells": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
MALFORMED = [
    Malformed(
        "zip-many-entries.zip", _file(many_entries), "error", say("reason_bad_zip", detail="20001 files")
    ),
    Malformed("zip-bomb.zip", _file(bomb), "error", say("reason_too_large", size="60", limit="50")),
    Malformed("zip-lying-size.zip", _zip(big_notebook, size=1000), "error", BAD_ZIP),
    Malformed(
        "zip-encrypted.zip",
        _zip(lambda: notebook_bytes([]), flags=1),
        "error",
        say("reason_bad_zip", detail="encrypted"),
    ),
    Malformed("zip-unsupported-method.zip", _zip(lambda: notebook_bytes([]), method=99), "error", BAD_ZIP),
    Malformed(
        "zip-two-notebooks.zip", _file(two_notebooks), "error", prefix("reason_many_notebooks", names="")
    ),
    Malformed("zip-no-notebook.zip", _file(no_notebook), "error", say("reason_no_notebook")),
    Malformed("not-json.ipynb", _bytes(bytes(range(256)) * 8), "error", NOT_JSON),
    Malformed("empty.ipynb", _bytes(b""), "error", NOT_JSON),
    Malformed("not-utf8.ipynb", _bytes(b'\xff\xfe{"cells": []}\xc3\x28'), "error", NOT_JSON),
    Malformed("deep-json.ipynb", _bytes(DEEP), "error", NOT_JSON),
    Malformed("cells-not-a-list.ipynb", _cells({"0": "x"}), "error", NOT_JSON),
    Malformed("cells-not-objects.ipynb", _cells([1, "print(1)"]), "error", NOT_JSON),
    Malformed("source-not-text.ipynb", _cells([code_cell(5)]), "error", NOT_JSON),
    Malformed("source-list-of-numbers.ipynb", _cells([code_cell([1, 2])]), "error", NOT_JSON),
    Malformed(
        "huge-60mb.ipynb",
        lambda path, build: path.write_bytes(big_notebook()),
        "error",
        prefix("reason_too_large", size="", limit=""),
    ),
    Malformed("metadata-a-list.ipynb", _skeleton(lambda nb: nb.update(metadata=[])), "graded", NOTHING),
    Malformed(
        "otter-metadata-a-number.ipynb",
        _skeleton(lambda nb: nb["metadata"].update(otter=5)),
        "graded",
        NOTHING,
    ),
    Malformed(
        "assignment-name-a-list.ipynb",
        _skeleton(lambda nb: nb["metadata"].update(otter={"assignment_name": ["x"] * 3})),
        "error",
        prefix("reason_other_assignment", found=""),
    ),
    Malformed("cell-tags-a-string.ipynb", _skeleton(_set_tags), "graded", NOTHING),
    Malformed(
        "null-byte-cell.ipynb",
        _skeleton(lambda nb: nb["cells"].insert(0, code_cell("x = 1\0\n"))),
        "graded",
        NOTHING,
    ),
    Malformed(
        "many-cells.ipynb",
        _skeleton(lambda nb: nb["cells"].extend([code_cell("pass")] * 3000)),
        "graded",
        NOTHING,
    ),
    Malformed("=2+5 fórmula.ipynb", _skeleton(lambda nb: None), "graded", NOTHING),
    Malformed(
        "script-that-exits.py", _bytes(b"import os\nos._exit(0)\n"), "graded", say("engine_cell_ended")
    ),
]
SPACES = "con espacios y acentos ñandú é.ipynb"  # a copy of the correct notebook: full marks


# ---------------------------------------------------------------- what the batches leave behind


def processes():
    """(pid, status fields) of every process, from /proc/<pid>/status."""
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                text = Path(entry.path, "status").read_text()
            except OSError:
                continue
            yield int(entry.name), dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)


def left_behind(children_before: set[int], wait: float = 5.0) -> list[str]:
    """Processes of the batches' users, and descendants of this process (it is a subreaper
    during the batches, so orphans come back to it): zombies are reaped, the living returned."""
    me, deadline = os.getpid(), time.monotonic() + wait
    while True:
        alive = []
        for pid, fields in processes():
            uid = int(fields.get("Uid", "0").split()[0])
            child = int(fields.get("PPid", "0")) == me and pid not in children_before
            if child and fields.get("State", "").startswith("Z"):
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, os.WNOHANG)
                continue
            if child or UID_BASE <= uid < UID_BASE + 100:
                alive.append(f"pid {pid} uid {uid} {fields.get('Name', '?').strip()}")
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


@contextlib.contextmanager
def subreaper():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    try:
        yield
    finally:
        libc.prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)


def snapshot(*paths: Path) -> dict[str, tuple]:
    """path -> (mode, size, mtime, sha256) of every file under paths."""
    found = {}
    for top in paths:
        for path in sorted([top, *top.rglob("*")] if top.is_dir() else [top]):
            info = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
            found[str(path)] = (info.st_mode, info.st_size, info.st_mtime_ns, digest)
    return found


GENERIC = ("results.json", "gradebook.csv", "forge_result_files.txt")  # names forge_result_files tries


def outside_places(stages: dict[str, Stage]) -> list[Path]:
    places = [Path(p) for p in ("/tmp", "/var/tmp", "/dev/shm", "/root", "/", "/autograder/results")]
    places += [REPO, REPO / "tests", REPO / "solutions"]
    for stage in stages.values():
        places += [stage.submissions, stage.output, stage.output / "gradebook-feedback", stage.dist]
    return [p for p in dict.fromkeys(places) if p.is_dir()]


def generic_files(places: list[Path]) -> dict[str, int]:
    """path -> mtime of the files named as forge_result_files names them (but the gradebook
    that grade.main itself writes, checked against the outcomes instead)."""
    found = {}
    for place in places:
        for name in GENERIC:
            path = place / name
            if path.parent.name == "salida" and name == "gradebook.csv":
                continue
            with contextlib.suppress(OSError):
                found[str(path)] = path.lstat().st_mtime_ns
    return found


def markers(places: list[Path]) -> list[str]:
    """Files named after this run's token (what attacks write), in the places they target."""
    found = []
    for place in places:
        with contextlib.suppress(OSError):
            found += [str(place / n) for n in os.listdir(place) if f"hostile-{TOKEN}" in n]
    return found


# ---------------------------------------------------------------- the batches


@dataclasses.dataclass
class Stage:
    """One batch: its submissions folder, outputs, and what grading it left."""

    name: str
    build: object
    folder: Path
    names: list[str] = dataclasses.field(default_factory=list)
    rows: dict[str, Outcome] = dataclasses.field(default_factory=dict)
    seconds: float = 0.0
    left: list[str] = dataclasses.field(default_factory=list)
    changed: list[str] = dataclasses.field(default_factory=list)
    gradebook: str = ""
    feedback: dict[str, str] = dataclasses.field(default_factory=dict)
    summary: str = ""
    measures: dict[str, dict] = dataclasses.field(default_factory=dict)

    def measure(self, name: str, measures: dict) -> None:
        self.measures[name] = measures

    @property
    def submissions(self) -> Path:
        return self.folder / "entregas"

    @property
    def output(self) -> Path:
        return self.folder / "salida"

    @property
    def dist(self) -> Path:
        return Path(self.build.autograder_zip).parent

    def text(self) -> str:
        """Everything the batch returned or wrote: outcomes, gradebook, feedback, summary."""
        rows = json.dumps([r.to_dict() for r in self.rows.values()], ensure_ascii=False)
        return "\n".join([rows, self.gradebook, self.summary, *self.feedback.values()])

    def row_text(self, name: str) -> str:
        row = self.rows[name]
        return "\n".join([row.reason, *row.cell_errors, *(m for ms in row.feedback.values() for m in ms)])


@dataclasses.dataclass
class Graded:
    stages: dict[str, Stage]
    secrets: dict[str, str]
    markers: list[str]
    generic_changed: list[str]
    connections: list[str]

    def row(self, attack: str) -> Outcome:
        return self.stages[BY_NAME[attack].batch].rows[BY_NAME[attack].file]


def plant_secrets(builds, folder: Path) -> dict[str, str]:
    """Secret texts that an attack would try to read: name -> text."""
    found = {}
    solution = builds["rnn_forward"].assignment.solution_path.read_text(encoding="utf-8")
    found["solution docstring"] = (ast.get_docstring(ast.parse(solution)) or "").splitlines()[0]
    found["solution comment"] = next(
        line.strip() for line in solution.splitlines() if line.strip().startswith("# ") and len(line) > 40
    )
    with zipfile.ZipFile(builds["rnn_forward"].autograder_zip) as archive:
        answers = json.loads(archive.read("files/rnncheck/answers/rnn_forward.json"))
        found["recorded answer key"] = next(iter(answers))
        tests = archive.read("tests/q1.py").decode()
        found["hidden test's input label"] = re.search(r'hidden_rng\("([^"]+)"\)', tests).group(1)
    with contextlib.suppress(OSError, IndexError):
        line = Path("/etc/shadow").read_text().splitlines()[0]
        if len(line) >= 12:
            found["/etc/shadow"] = line
    found["grader's environment"] = f"SECRET-env-{TOKEN}"
    found["neighbour's notebook"] = f"SECRET-neighbour-{TOKEN}"
    for kind, mode in (("public", 0o644), ("private", 0o600)):
        path = Path(f"/tmp/hostile-secret-{TOKEN}-{kind}.txt")
        path.write_text(f"SECRET-{kind}-{TOKEN}\n")
        path.chmod(mode)
        found[f"{kind} file in /tmp"] = f"SECRET-{kind}-{TOKEN}"
    return found


def prepare(stage: Stage, attacks: list[Attack], port: int, extra: dict[str, str]) -> None:
    """Write the batch's submissions: neighbours, attacks (and, for main, malformed files)."""
    build = stage.build
    stage.submissions.mkdir(parents=True)
    stage.output.mkdir()
    places = {
        "TOKEN": TOKEN,
        "SUBMISSIONS": str(stage.submissions),
        "OUTPUT": str(stage.output),
        "REPO": str(REPO),
        "DIST": str(stage.dist),
        "PORT": str(port),
    }
    reference = base_notebook(build, "reference", stage.folder)
    reference.cells.append(nbformat.v4.new_code_cell(f"# {extra['neighbour']}"))
    neighbours = {
        "reference": reference,
        "blank": base_notebook(build, "blank", stage.folder),
        "garbage": base_notebook(build, "garbage", stage.folder),
    }
    for name in ORDER.get(stage.name, []):
        base = next((n for n in NEIGHBOURS if name.startswith(n)), None)
        if base is not None and name not in neighbours:
            neighbours[name] = neighbours[base]
    for name, notebook in neighbours.items():
        if stage.name not in ORDER or name in ORDER[stage.name]:
            write(notebook, stage.submissions / f"{name}.ipynb")
    for attack in attacks:
        write(attack_notebook(build, attack, places, stage.folder), stage.submissions / attack.file)
    if stage.name == "main":
        for malformed in MALFORMED:
            malformed.make(stage.submissions / malformed.name, build)
        shutil.copyfile(stage.submissions / "reference.ipynb", stage.submissions / SPACES)
    order = ORDER.get(stage.name)
    files = sorted(p.name for p in stage.submissions.iterdir())
    stage.names = [f"{n}.ipynb" for n in order if f"{n}.ipynb" in files] if order else files


def run(stage: Stage) -> None:
    me = os.getpid()
    children = {pid for pid, fields in processes() if int(fields.get("PPid", "0")) == me}
    watched = [stage.submissions, Path(stage.build.autograder_zip)]
    before = snapshot(*watched)
    start = time.monotonic()
    if stage.name in CLI:  # the CLI's batch: gradebook, feedback files and summary
        real = grade.grade_all

        def measured(autograder_zip, todo, options, **callbacks):
            """grade_all as grade.main calls it, measured, and in the stage's order if it has one."""
            if stage.name in ORDER:
                todo = sorted(todo, key=lambda item: stage.names.index(item[0]))
            options = dataclasses.replace(options, grader_memory=GRADER_GROWTH)
            return real(autograder_zip, todo, options, on_measure=stage.measure, **callbacks)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(grade, "grade_all", measured)
            rows = grade.main(
                assignment=ASSIGNMENT[stage.name],
                submissions=stage.submissions,
                output=stage.output / "gradebook.csv",
                autograder=stage.build.autograder_zip,
                timeout=BUDGET.submission,
                memory=LIMITS.memory // MIB,
                jobs=1 if stage.name in ORDER else JOBS,
            )
        stage.gradebook = (stage.output / "gradebook.csv").read_text(encoding="utf-8")
        stage.summary = (stage.output / "gradebook-summary.txt").read_text(encoding="utf-8")
        stage.feedback = {
            p.name: p.read_text(encoding="utf-8") for p in (stage.output / "gradebook-feedback").iterdir()
        }
    else:
        paths = [(name, stage.submissions / name) for name in stage.names]
        options = Options(jobs=1, limits=LIMITS, budget=BUDGET, grader_memory=GRADER_GROWTH)
        rows = grade_all(stage.build.autograder_zip, paths, options, on_measure=stage.measure)
    stage.seconds = time.monotonic() - start
    stage.rows = {row.submission: row for row in rows}
    stage.left = left_behind(children)
    after = snapshot(*watched)
    stage.changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


@pytest.fixture(scope="module")
def graded(builds, tmp_path_factory) -> Graded:
    folder = tmp_path_factory.mktemp("hostile")
    found_secrets = plant_secrets(builds, folder)
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    port = server.getsockname()[1]
    stages = {name: Stage(name, builds[ASSIGNMENT[name]], folder / name) for name in ASSIGNMENT}
    for name, stage in stages.items():
        attacks = [a for a in ATTACKS if a.batch == name]
        prepare(stage, attacks, port, {"neighbour": found_secrets["neighbour's notebook"]})
    places = outside_places(stages)
    generic_before = generic_files(places)
    try:
        with pytest.MonkeyPatch.context() as patch, subreaper():
            patch.setenv(SECRET_ENV, found_secrets["grader's environment"])
            patch.setattr(batch, "UID_BASE", UID_BASE)
            patch.setattr(grade, "Budget", SmallBudget)
            patch.setattr(grade, "Limits", SmallLimits)
            for stage in stages.values():
                run(stage)
        connections = []
        with contextlib.suppress(BlockingIOError):
            while True:
                connection, address = server.accept()
                connections.append(str(address))
                connection.close()
        generic_after = generic_files(places)
        changed = sorted(
            p
            for p in generic_before.keys() | generic_after.keys()
            if generic_before.get(p) != generic_after.get(p)
        )
        yield Graded(stages, found_secrets, markers(places), changed, connections)
    finally:
        server.close()
        for kind in ("public", "private"):
            Path(f"/tmp/hostile-secret-{TOKEN}-{kind}.txt").unlink(missing_ok=True)
        for path in markers(outside_places(stages)):
            with contextlib.suppress(OSError):
                Path(path).unlink()


# ---------------------------------------------------------------- the batch as a whole


@pytest.mark.parametrize("batch_name", list(ASSIGNMENT))
def test_batch_completes_with_one_row_per_submission(graded, batch_name):
    stage = graded.stages[batch_name]
    assert sorted(stage.rows) == sorted(stage.names)
    for row in stage.rows.values():
        assert row.status in ("graded", "error"), row.submission
        assert set(row.questions) == set(stage.rows[stage.names[0]].questions), row.submission
        assert row.status == "graded" or row.reason, f"{row.submission}: an error row without a reason"


def test_gradebook_feedback_and_summary_hold_exactly_the_batchs_rows(graded):
    stage = graded.stages["main"]
    assert stage.gradebook.startswith("submission,q1,")
    records = list(csv.DictReader(io.StringIO(stage.gradebook)))
    assert sorted(r["submission"] for r in records) == sorted(grade.cell(n) for n in stage.names)
    rows = {grade.cell(name): row for name, row in stage.rows.items()}
    for record in records:
        row = rows[record["submission"]]
        assert (record["total"], record["status"], record["reason"]) == (
            f"{row.total:g}",
            row.status,
            grade.cell(row.reason),
        )
    assert f"hostile-{TOKEN}" not in stage.gradebook
    names = feedback.safe_names(stage.names)
    assert sorted(stage.feedback) == sorted(
        f"{names[n]}.{kind}" for n in stage.names for kind in ("html", "md")
    )
    assert stage.summary.startswith(
        prefix("summary_counts", count=str(len(stage.names)), graded="", errors="")
    )


@pytest.mark.parametrize("batch_name", list(ASSIGNMENT))
def test_neighbours_keep_their_exact_scores(graded, batch_name):
    rows = graded.stages[batch_name].rows
    reference, blank = rows["reference.ipynb"], rows["blank.ipynb"]
    assert reference.total == reference.total_possible > 0 and reference.reason == ""
    assert blank.total == 0 and blank.reason == say("reason_nothing_done")
    if batch_name == "main":
        assert rows[SPACES].total == reference.total_possible


@pytest.mark.parametrize("batch_name", params("later_neighbours", ["rnn_types"]))
def test_neighbours_graded_after_a_callback_attack_keep_their_exact_scores(graded, batch_name):
    rows = graded.stages[batch_name].rows
    assert rows["reference-after.ipynb"].scores == rows["reference.ipynb"].scores
    assert rows["blank-after.ipynb"].scores == rows["blank.ipynb"].scores


@pytest.mark.parametrize("batch_name", list(ASSIGNMENT))
def test_no_process_is_left_behind(graded, batch_name):
    assert graded.stages[batch_name].left == []


def test_student_code_runs_as_a_slot_user_of_the_range_checked_for_leftovers(graded):
    text = graded.stages["main"].row_text("harm_signals.ipynb")
    uid = int(re.search(r"as uid (\d+)", text).group(1))
    assert UID_BASE <= uid < UID_BASE + JOBS + 10


@pytest.mark.parametrize("batch_name", params("unchanged", list(ASSIGNMENT)))
def test_submissions_and_autograder_zip_are_unchanged(graded, batch_name):
    assert graded.stages[batch_name].changed == []


def test_no_connection_reaches_a_server_of_the_host(graded):
    assert graded.connections == []


def test_nothing_written_at_the_guessed_result_paths(graded):
    assert graded.generic_changed == []


@pytest.mark.parametrize("secret", SECRETS)
def test_secret_appears_in_no_outcome_gradebook_or_feedback(graded, secret):
    if secret not in graded.secrets:
        pytest.skip(f"no {secret} on this machine")
    text = graded.secrets[secret]
    for stage in graded.stages.values():
        assert text not in stage.text(), f"{secret} leaked in batch {stage.name}"


# ---------------------------------------------------------------- each attack


@pytest.mark.parametrize("attack", [a.name for a in ATTACKS])
def test_attack_scores_no_undue_points(graded, attack):
    spec = BY_NAME[attack]
    stage = graded.stages[spec.batch]
    row, bound = stage.rows[spec.file], stage.rows[spec.neighbour]
    assert row.total <= bound.total, f"{row.scores} > {spec.neighbour}'s {bound.scores}"
    for name, question in row.questions.items():
        assert question.score <= question.possible
        assert question.possible == bound.questions[name].possible  # no forged test file counted
    if spec.base != "reference":
        assert row.total < row.total_possible


@pytest.mark.parametrize("attack", [a.name for a in ATTACKS if a.says or a.never])
def test_attack_row_says_what_happened(graded, attack):
    stage = graded.stages[BY_NAME[attack].batch]
    text = stage.row_text(BY_NAME[attack].file)
    for expected in BY_NAME[attack].says:
        assert expected in text, f"{expected!r} not in {text[:1500]!r}"
    for unexpected in BY_NAME[attack].never:
        assert unexpected not in text, text[:1500]


@pytest.mark.parametrize("attack", params("nothing_outside", [a.name for a in ATTACKS]))
def test_attack_writes_nothing_outside_its_own_folder(graded, attack):
    assert [m for m in graded.markers if f"hostile-{TOKEN}-{attack}" in m] == []


@pytest.mark.parametrize("attack", params("short", [a.name for a in ATTACKS]))
def test_attack_row_messages_stay_short(graded, attack):
    row = graded.row(attack)
    for message in [row.reason, *row.cell_errors, *(m for ms in row.feedback.values() for m in ms)]:
        assert len(message) <= 2000, message[:200]


def test_loop_on_one_input_fails_only_that_case(graded):
    row, reference = graded.row("escape_loop_on_one_input"), graded.stages["main"].rows["reference.ipynb"]
    assert {q: row.scores[q] for q in ("q2", "q3", "q4")} == {
        q: reference.scores[q] for q in ("q2", "q3", "q4")
    }
    failed = [c for c in row.questions["q1"].cases if not c.passed]
    assert len(failed) == 1 and failed[0].message == call_time("softmax")


def test_regex_backtracking_in_one_function_costs_only_its_question(graded):
    row, reference = graded.row("escape_regex_backtracking"), graded.stages["main"].rows["reference.ipynb"]
    assert {q: row.scores[q] for q in ("q1", "q2", "q3")} == {
        q: reference.scores[q] for q in ("q1", "q2", "q3")
    }
    assert row.scores["q4"] == 0


def test_exit_in_functions_costs_only_their_questions(graded):
    row, reference = graded.row("escape_exit_in_function"), graded.stages["main"].rows["reference.ipynb"]
    assert row.scores["q1"] == reference.scores["q1"] and row.scores["q3"] == reference.scores["q3"]
    assert row.scores["q2"] < reference.scores["q2"] and row.scores["q4"] < reference.scores["q4"]


def test_exception_look_alikes_stay_student_errors(graded):
    row = graded.row("forge_exception_tricks")
    assert row.status == "graded"
    text = graded.stages["main"].row_text("forge_exception_tricks.ipynb")
    assert prefix("engine_infrastructure", detail="") not in text
    assert say("exited", name="rnn_cell_forward", error="KeyboardInterrupt") in text


@pytest.mark.parametrize("attack", params("ipc", ["harm_ipc_read_message"]))
def test_ipc_left_by_one_submission_is_not_seen_by_the_next(graded, attack):
    text = graded.stages["ipc"].row_text(f"{attack}.ipynb")
    assert "hostile-ran queue -1 segment -1 found []" in text, text


@pytest.mark.parametrize("attack", params("memory", ["escape_memory_outside_rlimit"]))
def test_process_holds_no_more_than_its_memory_limit(graded, attack):
    text = graded.stages["main"].row_text(f"{attack}.ipynb")
    held = int(re.search(r"hostile-ran held (\d+) MiB", text).group(1))
    assert held <= LIMITS.memory // MIB


@pytest.mark.parametrize("attack", params("pinned", ["callback_grader_resources"]))
def test_callback_results_pin_no_more_grader_memory_than_the_students_limit(graded, attack):
    text = graded.stages["rnn_types"].row_text(f"{attack}.ipynb")
    found = re.search(r"the grader holds (\d+) MiB", text)
    assert found is None or int(found.group(1)) <= LIMITS.memory // MIB, found and found.group(0)


@pytest.mark.parametrize("attack", params("stretch", ["callback_grader_resources"]))
def test_one_callback_cannot_stretch_a_call_past_its_time_limit(graded, attack):
    text = graded.stages["rnn_types"].row_text(f"{attack}.ipynb")
    found = re.search(r"the grader let one call run ([\d.]+) s", text)
    # the call's limit, plus the start of the process that measures it (forked, confined)
    assert found is None or float(found.group(1)) <= BUDGET.call + 0.5, found and found.group(0)


# ---------------------------------------------------------------- malformed files


@pytest.mark.parametrize("malformed", MALFORMED, ids=[m.name for m in MALFORMED])
def test_malformed_submission_gets_a_row_and_a_reason(graded, malformed):
    row = graded.stages["main"].rows[malformed.name]
    assert row.status == malformed.status and row.total == 0
    assert malformed.reason in row.reason, row.reason


@pytest.mark.parametrize("name", params("formula", ["gradebook"]))
def test_file_name_with_a_leading_equals_sign_is_no_formula_in_the_gradebook(graded, name):
    cells = [record[0] for record in csv.reader(io.StringIO(graded.stages["main"].gradebook))]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


# ---------------------------------------------------------------- one slot, one submission after another


@pytest.mark.parametrize("batch_name", list(ORDER))
def test_neighbours_graded_in_the_same_slot_keep_their_exact_scores(graded, batch_name):
    stage = graded.stages[batch_name]
    for name in stage.names:
        base = next((n for n in NEIGHBOURS if name.startswith(n)), None)
        if base is not None:
            row = stage.rows[name]
            assert (row.status, row.scores) == ("graded", stage.rows[f"{base}.ipynb"].scores), name


@pytest.mark.parametrize("batch_name", list(ASSIGNMENT))
def test_grader_memory_stays_within_its_bounds(graded, batch_name):
    """Peak RSS of every grader process at most GRADER_PEAK above its RSS when it became ready;
    one that grew past GRADER_GROWTH after a submission is replaced before the next."""
    stage = graded.stages[batch_name]
    assert sorted(stage.measures) == sorted(stage.names)
    for name, measured in stage.measures.items():
        assert measured["peak"] - measured["start"] <= GRADER_PEAK, (name, measured)
        assert measured["replaced"] == (measured["grown"] > GRADER_GROWTH), (name, measured)
        following = stage.names[stage.names.index(name) + 1 :] if batch_name in ORDER else []
        if measured["replaced"] and following:
            assert stage.measures[following[0]]["pid"] != measured["pid"], name


def test_nothing_of_one_submission_stays_for_the_next_in_its_grader(graded):
    """Item 1: 60,000 stand-in type names and 1,500 nested folders (chmod 000) cost only their
    own rows; the grader keeps no type per name, and removes the folders."""
    stage = graded.stages["slot"]
    reference = stage.rows["reference.ipynb"]
    for attack, after in (
        ("state_distinct_type_names", "reference-1"),
        ("state_nested_folders", "reference-2"),
    ):
        assert stage.rows[f"{attack}.ipynb"].status == "graded", stage.row_text(f"{attack}.ipynb")
        assert stage.rows[f"{after}.ipynb"].scores == reference.scores
        assert (
            stage.measures[f"{attack}.ipynb"]["grown"] <= GRADER_GROWTH
            or stage.measures[f"{attack}.ipynb"]["replaced"]
        )
    nested = stage.rows["state_nested_folders.ipynb"]
    assert nested.scores == reference.scores  # its functions are the reference's: only its folder is odd


def test_the_graders_work_for_a_submission_is_bounded(graded):
    """Item 2: colliding dict keys end only the call that sent them, the inode limit stops a
    flood of empty files, callbacks bring the grader at most 64 MiB per call, spawn is refused."""
    slot = graded.stages["slot"]
    reference = slot.rows["reference.ipynb"]
    colliding = slot.rows["bound_colliding_dict_keys.ipynb"]
    assert colliding.scores["q2"] < reference.scores["q2"]
    assert {q: colliding.scores[q] for q in ("q1", "q3", "q4")} == {
        q: reference.scores[q] for q in ("q1", "q3", "q4")
    }
    assert slot.rows["bound_inode_flood.ipynb"].scores == reference.scores
    text = graded.stages["bptt"].row_text("callback_grown_arguments.ipynb")
    calls = int(re.search(r"hostile-ran (\d+) calls; then ValueError", text).group(1))
    assert calls <= 8  # 8 MiB each: 64 MiB in all
    assert (
        graded.stages["bptt"].rows["reference-after.ipynb"].scores
        == graded.stages["bptt"].rows["reference.ipynb"].scores
    )
    rnn_types = graded.stages["rnn_types"]
    assert rnn_types.rows["reference-last.ipynb"].scores == rnn_types.rows["reference.ipynb"].scores


def test_no_hidden_input_reaches_a_public_message(graded):
    """Item 5: what softmax got in a hidden case appears in no public case's message, though the
    notebook shows, in every message, every input it saw before."""
    row = graded.stages["slot"].rows["hidden_inputs_carried.ipynb"]
    cases = [case for question in row.questions.values() for case in question.cases]
    public = [c.message for c in cases if not c.hidden]
    got = {c.hidden: set() for c in cases}
    for case in cases:
        got[case.hidden].update(re.findall(r"hostile-ran got (\w{6})", case.message))
    hidden_only = got[True] - got[False]
    assert hidden_only, "the hidden cases passed no input of their own to softmax"
    assert got[False] and all("hostile-ran" in m for m in public if m)
    assert [m for m in public if any(mark in m for mark in hidden_only)] == []


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def test_no_output_holds_a_control_character(graded):
    """Item 6: escapes, OSC 52, bidi overrides and newlines from a submission reach neither the
    outcome nor the gradebook, the feedback files or the summary; the CSV keeps one row each."""
    stage = graded.stages["slot"]
    row = stage.rows["text_control_characters.ipynb"]
    for text in [row.reason, *row.cell_errors]:
        assert "\n" not in text and not CONTROL.search(text), repr(text)
    for question in row.questions.values():
        for case in question.cases:
            assert not CONTROL.search(case.message), repr(case.message)
    outputs = {"gradebook": stage.gradebook.replace("\r\n", "\n"), "summary": stage.summary, **stage.feedback}
    for name, text in outputs.items():
        assert not CONTROL.search(text), (name, CONTROL.search(text))
    records = list(csv.DictReader(io.StringIO(stage.gradebook)))
    assert sorted(r["submission"] for r in records) == sorted(stage.names)


def test_a_folder_its_submission_broke_is_repaired_and_the_notebook_graded(graded):
    """Item 7: chmod 000 on its own folder, then os._exit: the cell is left out, the folder given
    back, and the correct notebook keeps full marks."""
    stage = graded.stages["slot"]
    row = stage.rows["repair_folder_chmod.ipynb"]
    assert row.status == "graded" and row.scores == stage.rows["reference.ipynb"].scores, row.reason
    assert stage.rows["reference-7.ipynb"].scores == stage.rows["reference.ipynb"].scores


# ---------------------------------------------------------------- observing the others


def test_nothing_about_others_is_observable_by_stat_or_watch(graded):
    """Of the paths steal_metadata_of_others stats, only folders on the way to Python or to its
    own folder exist for it, and none is the real one (another device and inode); its failure
    messages, feedback files and gradebook row hold no other submission's name, nothing of the
    output folder and no real file's identity."""
    import tempfile

    from autograder.engine import confine

    stage, name = graded.stages["main"], "steal_metadata_of_others.ipynb"
    text = stage.row_text(name)
    saw = re.search(r"hostile-ran saw (\d+) of (\d+): (.*?) \|", text)
    assert saw is not None, text[:1500]
    seen = dict(entry.split("=", 1) for entry in saw.group(3).split("; ") if entry)
    on_the_way = [*confine.python_paths(), os.path.join(tempfile.gettempdir(), "rnngrade-")]
    assert int(saw.group(2)) > 30
    assert [p for p in seen if not any(q.startswith(p.rstrip("/") + "/") for q in on_the_way)] == [], seen
    safe = feedback.safe_names(stage.names)[name]
    records = [r for r in csv.reader(io.StringIO(stage.gradebook)) if r and r[0] == grade.cell(name)]
    shown = "\n".join([text, stage.feedback[f"{safe}.md"], stage.feedback[f"{safe}.html"], *records[0]])
    real = [*stage.submissions.iterdir(), *stage.output.iterdir(), REPO, stage.dist]
    real += [Path(p) for p in ("/etc/shadow", "/root", "/root/.ssh", "/tmp") if os.path.exists(p)]
    for path in real:
        info = path.stat()
        assert f"{info.st_dev}:{info.st_ino}:" not in shown, path
    others = [n for n in stage.names if n != name]
    assert [n for n in others if n in shown] == []
    assert "sqlite" not in shown and "gradebook" not in shown
