"""A submitted file as the cells to run, read with limits: nothing in it can crash the grader.

    .ipynb  its code cells, in order, except those tagged otter_ignore (as otter grades)
    .py     a notebook saved as a script (rnncheck.script): its code cells, in order, except
            those tagged otter_ignore; jupytext's percent format (also VS Code's export) and
            light format (a plain script is read as one), and Jupyter's own script export
    .zip    the single .ipynb inside (an otter export); every other file in it is ignored
    folder  one student's folder (as an LMS download gives it, or Gradescope's submission):
            the file chosen by `choose`; every other file in it is ignored

Raises Rejected, whose text is the reason in the release's language, for anything else.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from .text import clean

MAX_FILE = 50 * 2**20  # bytes of a submitted file, or of the notebook inside a zip
MAX_ENTRIES = 10_000  # files in a submitted zip
MAX_SCRIPT = 2 * 2**20  # bytes of a .py submission (a notebook's code as a script is about 50 KiB)
MAX_CELLS = 5_000  # cells of a .py submission (the assignments' notebooks have about 40)
IGNORE_TAG = "otter_ignore"
SUFFIXES = (".ipynb", ".zip", ".py")


class Rejected(Exception):
    """A submission that cannot be graded; str(self) is the reason."""


def _say(key: str, **values: Any) -> str:
    from rnncheck import say  # the checker of the autograder in use: its language

    return say(key, **values)


def _read_limited(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE:
        raise Rejected(_say("reason_too_large", size=size // 2**20, limit=MAX_FILE // 2**20))
    return path.read_bytes()


def _notebook_in_zip(path: Path) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise Rejected(_say("reason_bad_zip", detail=f"{len(entries)} files"))
            notebooks = [e for e in entries if e.filename.endswith(".ipynb") and "__MACOSX" not in e.filename]
            if not notebooks:
                raise Rejected(_say("reason_no_notebook"))
            if len(notebooks) > 1:
                names = ", ".join(sorted(e.filename[:80] for e in notebooks)[:5])
                raise Rejected(_say("reason_many_notebooks", names=names))
            entry = notebooks[0]
            if entry.flag_bits & 0x1:
                raise Rejected(_say("reason_bad_zip", detail="encrypted"))
            if entry.file_size > MAX_FILE:
                raise Rejected(
                    _say("reason_too_large", size=entry.file_size // 2**20, limit=MAX_FILE // 2**20)
                )
            with archive.open(entry) as f:
                data = f.read(MAX_FILE + 1)  # the declared size may lie
            if len(data) > MAX_FILE:
                raise Rejected(_say("reason_too_large", size=len(data) // 2**20, limit=MAX_FILE // 2**20))
            return data
    except Rejected:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        RuntimeError,
        OSError,
        EOFError,
    ) as error:
        raise Rejected(_say("reason_bad_zip", detail=str(error)[:120] or type(error).__name__)) from None
    except Exception as error:  # anything a malformed archive makes zipfile raise
        raise Rejected(_say("reason_bad_zip", detail=type(error).__name__)) from None


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    if type(source) is list and all(type(line) is str for line in source):
        return "".join(source)
    if type(source) is str:
        return source
    raise ValueError("a cell's source is not text")


def cells_of_notebook(data: bytes, assignment: str) -> list[str]:
    """The code to run, cell by cell, of a notebook file's bytes; Rejected if it is not one of
    this assignment."""
    try:
        notebook = json.loads(data)
        if type(notebook) is not dict or type(notebook.get("cells")) is not list:
            raise ValueError("no list of cells")
        metadata = notebook.get("metadata", {})
        otter = metadata.get("otter", {}) if type(metadata) is dict else {}
        found = otter.get("assignment_name") if type(otter) is dict else None
        cells = []
        for cell in notebook["cells"]:
            if type(cell) is not dict:
                raise ValueError("a cell is not an object")
            tags = cell.get("metadata", {}).get("tags", []) if type(cell.get("metadata")) is dict else []
            if cell.get("cell_type") == "code" and not (type(tags) is list and IGNORE_TAG in tags):
                cells.append(_source(cell))
    except (ValueError, RecursionError, UnicodeDecodeError, AttributeError) as error:
        detail = (str(error).splitlines() or [type(error).__name__])[0][:120]
        raise Rejected(_say("reason_not_json", detail=detail)) from None
    if found is not None and found != assignment:
        raise Rejected(_say("reason_other_assignment", found=str(found)[:80]))
    return cells


def cells_of_script(data: bytes) -> list[str]:
    """The code to run, cell by cell, of a script's bytes; Rejected if it cannot be read, or
    would take long to read (it is read here, in the grader, before any time limit applies)."""
    from rnncheck import script  # the checker of the autograder in use

    if len(data) > MAX_SCRIPT:
        raise Rejected(_say("reason_too_large", size=len(data) // 2**20, limit=MAX_SCRIPT // 2**20))
    text = data.decode("utf-8", "replace")
    if script.most_cells(text) > MAX_CELLS:
        raise Rejected(_say("reason_too_many_cells", limit=MAX_CELLS))
    try:
        found = script.cells(text, need_jupytext=True)
    except ImportError:
        raise Rejected(_say("reason_grader_error", detail="jupytext is not installed")) from None
    except Exception as error:  # anything jupytext raises on a malformed file
        detail = clean((str(error).splitlines() or [""])[0] or type(error).__name__, 120)
        raise Rejected(_say("reason_bad_script", detail=detail)) from None
    return [source for source, tags in found if IGNORE_TAG not in tags]


def choose(folder: Path, notebook: str) -> Path | None:
    """The file to grade in a student's folder: the notebook named as the assignment's, else the
    only .ipynb, else the only .zip, else the only .py, at the top of the folder; None if none
    is, or several are, the one."""
    named = folder / notebook
    if named.is_file():
        return named
    for suffix in SUFFIXES:
        found = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == suffix)
        if found:
            return found[0] if len(found) == 1 else None
    return None


def read_cells(path: Path, assignment: str) -> list[str]:
    """The cells to grade of a submitted file or student folder; Rejected with the reason if
    there are none."""
    try:
        if path.is_dir():
            chosen = choose(path, f"{assignment}.ipynb")
            if chosen is None:
                found = sorted(p.name for p in path.iterdir() if p.suffix in SUFFIXES)
                if len(found) > 1:
                    raise Rejected(_say("reason_many_notebooks", names=", ".join(found[:5])))
                raise Rejected(_say("reason_no_notebook"))
            path = chosen
        if path.suffix == ".py":
            return cells_of_script(_read_limited(path))
        if path.suffix == ".zip":
            return cells_of_notebook(_notebook_in_zip(path), assignment)
        return cells_of_notebook(_read_limited(path), assignment)
    except OSError as error:
        raise Rejected(_say("reason_crashed", detail=error.strerror or type(error).__name__)) from None
