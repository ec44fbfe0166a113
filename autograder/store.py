"""Where grades are kept as soon as they are known: one SQLite file beside the gradebook.

`notas.csv` keeps its outcomes in `notas.sqlite` (WAL mode: a row written survives a kill of
the batch at any moment). A row is keyed by the submission's name, its content's hash and the
autograder zip's hash: running the same batch again grades only what has no row yet; a
changed submission or a rebuilt zip has a new key and is graded again. One batch at a time may write
to a store: a second one is refused with a clear message (StoreBusy), not left to corrupt it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .engine.outcome import Outcome

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outcomes (
    submission_hash TEXT NOT NULL,
    autograder_hash TEXT NOT NULL,
    submission TEXT NOT NULL,
    outcome TEXT NOT NULL,
    graded_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (submission, submission_hash, autograder_hash)
);
"""


class StoreError(Exception):
    """The store cannot be used for this batch; str(self) says why, in one line."""


class StoreBusy(StoreError):
    """Another batch is writing to the same store."""


def file_hash(path: Path) -> str:
    """The sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def store_path(gradebook: Path) -> Path:
    """The store beside a gradebook: notas.csv -> notas.sqlite."""
    return Path(gradebook).with_suffix(".sqlite")


class Store:
    """The outcomes of one assignment's batches, written to `path`.

    assignment -- the store belongs to it; opening it for another is a StoreError
    """

    def __init__(self, path: Path, assignment: str) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            found = self.db.execute("SELECT value FROM meta WHERE key = 'assignment'").fetchone()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} is not a grade store ({error})") from None
        if found is None:
            self.db.execute("INSERT INTO meta VALUES ('assignment', ?)", (assignment,))
        elif found[0] != assignment:
            raise StoreError(f"{self.path} holds the grades of {found[0]!r}, not of {assignment!r}")
        self.assignment = assignment

    @staticmethod
    def assignment_of(path: Path) -> str:
        """The assignment whose grades the store at path holds, read without writing to it."""
        try:
            db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
            try:
                row = db.execute("SELECT value FROM meta WHERE key = 'assignment'").fetchone()
            finally:
                db.close()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path} is not a grade store ({error})") from None
        if row is None:
            raise StoreError(f"{path} is not a grade store of any assignment")
        return str(row[0])

    def get(self, submission: str, submission_hash: str, autograder_hash: str) -> Outcome | None:
        row = self.db.execute(
            "SELECT outcome FROM outcomes"
            " WHERE submission = ? AND submission_hash = ? AND autograder_hash = ?",
            (submission, submission_hash, autograder_hash),
        ).fetchone()
        return None if row is None else Outcome.from_dict(json.loads(row[0]))

    def put(self, submission_hash: str, autograder_hash: str, outcome: Outcome) -> None:
        """Keep outcome (of the submission it names); committed before this returns."""
        self.db.execute(
            "INSERT OR REPLACE INTO outcomes (submission_hash, autograder_hash, submission, outcome)"
            " VALUES (?, ?, ?, ?)",
            (submission_hash, autograder_hash, outcome.submission, json.dumps(outcome.to_dict())),
        )

    def forget(self, autograder_hash: str) -> None:
        """Drop every outcome graded with this autograder (`--fresh`)."""
        self.db.execute("DELETE FROM outcomes WHERE autograder_hash = ?", (autograder_hash,))

    def latest(self) -> dict[str, Outcome]:
        """Submission name -> its newest outcome (for `rnngrade report`)."""
        rows = self.db.execute(
            "SELECT submission, outcome FROM outcomes WHERE rowid IN "
            "(SELECT MAX(rowid) FROM outcomes GROUP BY submission) ORDER BY submission"
        ).fetchall()
        return {name: Outcome.from_dict(json.loads(data)) for name, data in rows}

    def read(self, key: str) -> Any:
        """What the last batch kept under key (JSON); None if nothing."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def keep(self, key: str, value: Any) -> None:
        """Keep value (JSON) under key, in place of what was there."""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    @property
    def manifest(self) -> dict:
        """The autograder's rnngrade.json of the last batch (language, questions, hints...)."""
        return dict(self.read("manifest") or {})

    @manifest.setter
    def manifest(self, value: dict) -> None:
        self.keep("manifest", value)

    @property
    def gradebook(self) -> dict:
        """How the last batch wrote its gradebook from the outcomes, for `rnngrade report` to
        show the same and the next run to use again: "policy" (policy.Policy.to_dict),
        "class_list" (identity.Student.to_dict each, or None), "students" (the rows:
        Student.to_dict and whether it matched the class list), "unmatched", "ignored"."""
        return dict(self.read("gradebook") or {})

    @gradebook.setter
    def gradebook(self, value: dict) -> None:
        self.keep("gradebook", value)

    def close(self) -> None:
        self.db.close()


@contextlib.contextmanager
def writing(path: Path, assignment: str) -> Iterator[Store]:
    """The store at path, held by this batch alone until the block ends; StoreBusy if another
    batch holds it. The lock is a POSIX record lock: it belongs to this process alone (the
    grader processes it forks do not hold it) and ends with it, however it ends."""
    lock_path = Path(path).with_suffix(".lock")
    with open(lock_path, "a") as lock:
        try:
            fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            message = f"another batch is grading into {path}: wait for it, or choose another -o"
            raise StoreBusy(message) from None
        store = Store(path, assignment)
        try:
            yield store
        finally:
            store.close()
            fcntl.lockf(lock, fcntl.LOCK_UN)
