"""Who handed in what: the student behind each submission, read from the names and metadata
that Canvas, Moodle and Gradescope give their downloads, and a class list joined to them.

    Canvas "Download submissions"   <lastfirst>[_LATE]_<user id>_<file id>_<original name>
        (canvas-lms lib/content_zipper.rb, `get_filename` and `add_upload_submission`: the name part is
        the sortable name "Last, First" lowercased with every non-word character dropped, so
        "García, María" gives "garcíamaría"; "anon_<id>" instead of name and user id when the
        assignment is anonymous; Canvas adds "-1", "-2" to the original name of a re-upload.
        The second number is the uploaded file's id.) `_LATE` is Canvas's late marker; the
        file name carries no time.
    Moodle "Download all submissions"   <Full Name>_<participant id>_assignsubmission_file_/
        a folder per student and plugin (or, flattened, <Full Name>_<participant id>_
        assignsubmission_file_<original name>); `..._assignsubmission_onlinetext_` holds typed
        text. Moodle writes the full name with spaces and accents and replaces "_" in it by a
        space; the participant id is the number mod/assign/feedback/file/importziplib.php reads
        back from the folder name of an uploaded feedback zip (explode('_', part, 5)[1]). No
        submission time.
    Gradescope "Export submissions"   submission_metadata.yml and one submission_<id>/ folder a
        submission; the YAML maps "submission_<id>" to Ruby-symbol keys: ":submitters:" (a list
        of {":name:", ":sid:", ":email:"}), ":created_at:" (the submission's time, with zone),
        ":score:", ":history:" ... (yaml.safe_load reads the keys as ":submitters" and so on).
        A group submission has several submitters: it is graded once, and each submitter gets
        a row of the gradebook with its grade, since an LMS (and a class list) takes one grade
        per student; the group's rows share one feedback file.
    anything else   a file's or a folder's name is the identifier; nothing else is known.

Everything read here came from a submission (a file name, a name in the metadata): it is made
safe with engine.text.clean before it is kept.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
import unicodedata
from pathlib import Path
from typing import Any

from .engine.submission import SUFFIXES
from .engine.text import clean

METADATA = "submission_metadata.yml"
MAX_METADATA = 20 * 2**20  # bytes of submission_metadata.yml read at most

CANVAS = re.compile(
    r"^(?:(?P<name>.*?)_)??(?:(?P<late>LATE)_)?(?P<user>\d+|anon_[A-Za-z0-9]+)_(?P<file>\d+)_(?P<original>.+)$"
)
MOODLE = re.compile(
    r"^(?P<name>[^_]+)_(?P<participant>\d+)_(?P<plugin>assignsubmission_[a-z]+)_?(?P<rest>.*)$", re.DOTALL
)
GRADESCOPE_FOLDER = re.compile(r"^submission_\d+$")
RESUBMITTED = re.compile(r"-\d+(?=\.[^.]+$)")  # "tarea-1.ipynb": Canvas's name for a re-upload


class BadList(ValueError):
    """A class list, an extensions or an overrides file that cannot be read; one line."""


@dataclasses.dataclass(frozen=True)
class Student:
    """A submission and the student (or students) it belongs to, as far as the download says.

    submission -- its identifier, the key of its grade in the store: the file's or folder's name
    path -- what is graded (a file, or a folder whose notebook is chosen)
    id -- Canvas's user id, Moodle's participant id, Gradescope's SID, a class list's id; "" if unknown
    late -- the LMS's late marker: True (Canvas's _LATE), False (Canvas without it), None (not said)
    submitted -- when it was handed in (Gradescope's created_at), None when the download does not say
    platform -- "canvas", "moodle", "gradescope" or "plain"
    folder -- Moodle's folder name for this student (the name its feedback must be uploaded under)
    """

    submission: str
    path: Path | None
    id: str = ""
    name: str = ""
    email: str = ""
    late: bool | None = None
    submitted: dt.datetime | None = None
    platform: str = "plain"
    folder: str = ""
    # a class list's other columns (SIS ids, section) and its id when the LMS's differs ("list id")
    extra: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["path"] = None
        data["submitted"] = self.submitted.isoformat() if self.submitted else None
        data["extra"] = [list(pair) for pair in self.extra]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Student:
        submitted = dt.datetime.fromisoformat(data["submitted"]) if data.get("submitted") else None
        fields = {k: v for k, v in data.items() if k in {f.name for f in dataclasses.fields(cls)}}
        fields.update(path=None, submitted=submitted, extra=tuple(tuple(p) for p in data.get("extra", ())))
        return cls(**fields)


def _gradable(path: Path) -> bool:
    return (path.is_file() and path.suffix in SUFFIXES) or (path.is_dir() and not path.name.startswith("."))


def canvas(path: Path) -> Student | None:
    """The student of a file named as Canvas's "Download submissions" names it; None if it is not."""
    found = CANVAS.match(path.name)
    if found is None or not path.is_file():
        return None
    user = found["user"]
    return Student(
        submission=path.name,
        path=path,
        id=user,
        name=clean(found["name"] or "", 200),
        late=found["late"] is not None,
        platform="canvas",
    )


def moodle(path: Path) -> Student | None:
    """The student of a folder (or flattened file) named as Moodle's "Download all
    submissions" names it; None if it is not."""
    found = MOODLE.match(path.name)
    if found is None:
        return None
    if path.is_dir() and found["rest"]:
        return None
    folder = path.name if path.is_dir() else f"{found['name']}_{found['participant']}_{found['plugin']}_"
    return Student(
        submission=path.name,
        path=path,
        id=found["participant"],
        name=clean(found["name"], 200),
        platform="moodle",
        folder=clean(folder, 300),
    )


def _when(value: Any) -> dt.datetime | None:
    """A YAML time (a datetime, or text in ISO form) as an aware datetime; a naive one is UTC
    (PyYAML gives UTC when it drops the zone); None if it is no time."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _text(record: dict, key: str) -> str:
    value = record.get(f":{key}", record.get(key, ""))
    return clean(value, 200) if isinstance(value, str | int | float) and value is not None else ""


def gradescope(folder: Path) -> list[Student] | None:
    """The students of a Gradescope submission export (None if folder is not one): one per
    submitter of each submission_<id>/ folder, in the folder's order; a folder the metadata
    does not describe is kept with its name only."""
    import yaml

    metadata = folder / METADATA
    if not metadata.is_file():
        return None
    try:
        if metadata.stat().st_size > MAX_METADATA:
            raise BadList(f"{metadata} is larger than {MAX_METADATA // 2**20} MiB")
        data = yaml.safe_load(metadata.read_text(encoding="utf-8", errors="replace"))
    except yaml.YAMLError as error:
        raise BadList(f"{metadata} is not YAML: {clean(str(error).splitlines()[0], 160)}") from None
    records = data if isinstance(data, dict) else {}
    students = []
    for path in sorted(p for p in folder.iterdir() if p.is_dir() and GRADESCOPE_FOLDER.match(p.name)):
        record = records.get(path.name)
        record = record if isinstance(record, dict) else {}
        when = _when(record.get(":created_at", record.get("created_at")))
        submitters = record.get(":submitters", record.get("submitters"))
        people = [s for s in submitters if isinstance(s, dict)] if isinstance(submitters, list) else []
        for person in people or [{}]:
            students.append(
                Student(
                    submission=path.name,
                    path=path,
                    id=_text(person, "sid"),
                    name=_text(person, "name"),
                    email=_text(person, "email"),
                    submitted=when,
                    platform="gradescope",
                )
            )
    return students


def _preferred(students: list[Student], notebook: str) -> Student:
    """Of one student's several files, the one to grade: the notebook named as the
    assignment's (without Canvas's "-1" of a re-upload), else by kind (.ipynb, .zip, .py, a
    folder), else the newest upload (Canvas's larger file id)."""

    def original(s: Student) -> str:
        found = CANVAS.match(s.submission) if s.platform == "canvas" else None
        return RESUBMITTED.sub("", found["original"]) if found else s.submission

    def rank(s: Student) -> tuple:
        path = s.path or Path(s.submission)
        kind = SUFFIXES.index(path.suffix) if path.suffix in SUFFIXES else len(SUFFIXES)
        found = CANVAS.match(s.submission) if s.platform == "canvas" else None
        plugin = 0 if "_assignsubmission_file" in s.submission else 1
        return (original(s) != notebook, plugin, kind, -int(found["file"]) if found else 0, s.submission)

    return min(students, key=rank)


@dataclasses.dataclass(frozen=True)
class Found:
    """What a folder of submissions holds: the students to grade, in order, and the files
    set aside (another of a student's files, a file that is no submission)."""

    students: list[Student]
    ignored: list[str]

    @property
    def submissions(self) -> list[tuple[str, Path]]:
        """(identifier, path) of each submission to grade, each once."""
        seen: dict[str, Path] = {}
        for s in self.students:
            if s.path is not None:
                seen.setdefault(s.submission, s.path)
        return list(seen.items())


def read_folder(folder: Path, notebook: str) -> Found:
    """The students of a folder of submissions as an LMS gives it (see the module's docstring).

    A Gradescope export is known by its submission_metadata.yml (in folder, or in the one
    folder that folder holds, as its zip unpacks). Elsewhere each gradable entry
    (a .ipynb, .zip or .py file, a subfolder) is Canvas's or Moodle's if named so, else plain;
    a student with several entries (Canvas files of one user id, Moodle folders of one
    participant) is graded by one of them (_preferred), the others are listed as ignored.
    """
    folder = Path(folder)
    inside = [p for p in folder.iterdir() if not p.name.startswith(".")]
    if len(inside) == 1 and (inside[0] / METADATA).is_file():  # the export's zip unpacked as one folder
        folder = inside[0]
    exported = gradescope(folder)
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    if exported is not None:
        graded = {s.submission for s in exported}
        others = [p.name for p in entries if p.name not in graded and p.name != METADATA]
        return Found(exported, [clean(n, 200) for n in others])
    students: list[Student] = []
    ignored: list[str] = []
    for path in entries:
        if path.name.startswith(".") or path.name == "__MACOSX":  # macOS's zip leaves the latter
            continue
        if not _gradable(path):
            ignored.append(clean(path.name, 200))
            continue
        students.append(canvas(path) or moodle(path) or Student(submission=path.name, path=path))
    by_person: dict[tuple[str, str], list[Student]] = {}
    for s in students:
        if s.platform in ("canvas", "moodle"):
            by_person.setdefault((s.platform, s.id), []).append(s)
    chosen = []
    for s in students:
        group = by_person.get((s.platform, s.id), [s])
        best = _preferred(group, notebook) if len(group) > 1 else s
        if best is s:
            chosen.append(s)
        else:
            ignored.append(clean(s.submission, 200))
    return Found(chosen, ignored)


# -- a class list -------------------------------------------------------------------------

HEADERS = {
    "id": ("id", "sid", "student id", "student_id", "identifier", "id number", "idnumber", "matricula",
           "matrícula", "número de id", "numero de id", "user id", "participant id"),
    "name": ("name", "full name", "fullname", "student", "nombre", "nombre completo", "student name"),
    "email": ("email", "e-mail", "email address", "mail", "correo", "correo electrónico",
              "dirección de correo", "dirección email"),
}  # fmt: skip
KEPT = ("sis user id", "sis login id", "section")  # carried to the Canvas export when a list has them


def read_table(path: Path, what: str) -> tuple[list[str], list[list[str]]]:
    """A small CSV that people edit: (header, rows), the header lowercased and stripped, the
    rows as written, the header line first; a UTF-8 BOM, ";" or tab separators (as
    spreadsheets in Spanish save them) and blank lines taken in stride; BadList, in one line,
    if it cannot be read."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise BadList(f"cannot read the {what} {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise BadList(f"the {what} {path} is not UTF-8 text: save it as CSV UTF-8") from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count) if first else ","
    rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    rows = [row for row in rows if any(row)]
    if not rows:
        raise BadList(f"the {what} {path} is empty")
    return [" ".join(c.lower().split()) for c in rows[0]], rows


def read_roster(path: Path) -> list[Student]:
    """The students of a class list (CSV: id, name, email, in any order under a header that
    names them; or those three columns without a header). Columns named SIS User ID, SIS
    Login ID and Section (as Canvas's gradebook export has them) are kept for the Canvas export."""
    header, lines = read_table(path, "class list")
    rows = lines[1:]
    columns = {
        key: next((i for i, h in enumerate(header) if h in names), None) for key, names in HEADERS.items()
    }
    if all(i is None for i in columns.values()):  # no header: id, name, email
        rows = lines
        header = []
        columns = {"id": 0, "name": 1, "email": 2}
    kept = {h: i for i, h in enumerate(header) if h in KEPT}

    def cell(row: list[str], i: int | None) -> str:
        return clean(row[i], 200) if i is not None and i < len(row) else ""

    students = []
    for row in rows:
        student = Student(
            submission="",
            path=None,
            id=cell(row, columns["id"]),
            name=cell(row, columns["name"]),
            email=cell(row, columns["email"]),
            extra=tuple((h, cell(row, i)) for h, i in kept.items()),
        )
        if student.id or student.email or student.name:
            students.append(student)
    if not students:
        raise BadList(f"the class list {path} has no student (columns: id, name, email)")
    return students


def normal(name: str) -> str:
    """A name as compared: no accents, no case, letters and digits only ("García, María" ->
    "garciamaria")."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain.casefold() if c.isalnum())


def name_forms(name: str) -> set[str]:
    """A person's name in every order an LMS writes it: "María García López" also as
    "garcíalópezmaría" (Canvas's lastfirst) and "lópezmaríagarcía", all normalized."""
    words = [normal(w) for w in name.replace(",", " ").split()]
    words = [w for w in words if w]
    return {"".join(words[k:] + words[:k]) for k in range(len(words))} if words else set()


@dataclasses.dataclass(frozen=True)
class Joined:
    """A class list joined to the submissions: every row of the gradebook in order.

    rows -- (student, matched): the list's students with their submission, or without one
            (submission ""), in the list's order, then the submissions that matched nobody
    unmatched -- those submissions' identifiers
    """

    rows: list[tuple[Student, bool]]
    unmatched: list[str]


def join(roster: list[Student], students: list[Student]) -> Joined:
    """Each student of the class list with their submission, matched by id, else email, else
    name (normal, in any order of its words). A submission goes to one student at most; the
    identity a row shows is the LMS's, completed by the list (name, email, id, its SIS columns)."""
    free = list(students)
    rows: list[tuple[Student, bool]] = []
    for person in roster:
        found = _match(person, free)
        if found is None:
            rows.append((person, True))
            continue
        free.remove(found)
        shown_id = found.id if found.platform != "plain" or not person.id else person.id
        listed = (("list id", person.id),) if person.id and person.id != shown_id else ()
        rows.append(
            (
                dataclasses.replace(
                    found,
                    id=shown_id,
                    name=person.name or found.name,
                    email=found.email or person.email,
                    extra=person.extra + listed,
                ),
                True,
            )
        )
    rows += [(s, False) for s in free]
    return Joined(rows, list(dict.fromkeys(s.submission for s in free)))


def _match(person: Student, free: list[Student]) -> Student | None:
    """The first of free that is person: by id, else email, else name, else (a plain file)
    its name without extension is the person's id."""
    forms = name_forms(person.name)
    tests = (
        lambda s: bool(person.id) and s.id == person.id,
        lambda s: bool(person.email) and s.email.casefold() == person.email.casefold(),
        lambda s: bool(forms & (name_forms(s.name) | _stem_forms(s))),
        lambda s: bool(person.id) and _stem(s) == person.id,
    )
    for test in tests:
        found = next((s for s in free if test(s)), None)
        if found is not None:
            return found
    return None


def _stem(student: Student) -> str:
    return Path(student.submission).stem if student.platform == "plain" else ""


def _stem_forms(student: Student) -> set[str]:
    stem = _stem(student)
    return {normal(stem)} if stem else set()
