"""The folders an instructor downloads, built from each platform's documented naming (see
autograder/identity.py): a Canvas "Download submissions", a Moodle "Download all submissions",
a Gradescope "Export submissions" with its submission_metadata.yml; each with ids, a late
marker or time, a student of the class list who handed in nothing, and a stray file. And a
stand-in for the engine, so that what is tested is who gets which grade, not the grading."""

import json
import zipfile
from pathlib import Path

from autograder import grade
from autograder.engine.outcome import Outcome, Question, zero

ASSIGNMENT = "rnn_forward"
QUESTIONS = {"q1": "softmax", "q2": "initialize_parameters", "q3": "rnn_cell_forward", "q4": "rnn_forward"}
POSSIBLE = {"q1": 5.0, "q2": 5.0, "q3": 7.5, "q4": 8.0}  # rnn_forward's test files (grade.points)
NOTEBOOK = "{}"  # what the stand-in engine is given: its content is never read


def autograder_zip(folder: Path, language: str = "es") -> Path:
    """A zip that `rnngrade grade` takes for rnn_forward's (its manifest); the stand-in grades."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{ASSIGNMENT}-autograder.zip"
    manifest = {
        "assignment": ASSIGNMENT,
        "language": language,
        "notebook": f"{ASSIGNMENT}.ipynb",
        "questions": QUESTIONS,
        "hints": {},
    }
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("rnngrade.json", json.dumps(manifest))
    return path


def scored(submission: str, scores: dict[str, float]) -> Outcome:
    return Outcome(submission, {q: Question(q, scores.get(q, p), p) for q, p in POSSIBLE.items()})


def outcome_of(submission: str) -> Outcome:
    """The stand-in engine's grade: full marks, but 2.5 of q3 for a name with "nunez"/"núñez"
    in it, and nothing (not gradable) for a name with "roto" in it."""
    if "roto" in submission:
        return zero(submission, POSSIBLE, "no se encontró ningún notebook")
    if "núñez" in submission or "nunez" in submission.lower():
        return scored(submission, {"q3": 2.5})
    return scored(submission, {})


def stand_in(asked: list | None = None):
    """A grade_all that grades each submission at once with outcome_of (and notes what it was asked)."""

    def grade_all(autograder_zip, submissions, options, on_outcome, on_sandbox, on_progress=None):
        if asked is not None:
            asked.append([name for name, _ in submissions])
        for name, _ in submissions:
            on_outcome(outcome_of(name))

    return grade_all


def write(path: Path, text: str = NOTEBOOK) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- Canvas: <lastfirst>[_LATE]_<user id>_<file id>_<original name> ---------------------------

CANVAS_ROSTER = (
    "Student,ID,SIS User ID,SIS Login ID,Section,email\n"
    '"García, María",10037,A001,mgarcia,Grupo 1,maria.garcia@uni.mx\n'
    '"Núñez, José",10041,A002,jnunez,Grupo 1,jose.nunez@uni.mx\n'
    '"Ortega, Ana Lucía",10050,A003,aortega,Grupo 2,ana.ortega@uni.mx\n'
)


def canvas(folder: Path) -> Path:
    """María late (Canvas's marker); José re-uploaded (two files: the newer is graded); Ana
    handed in nothing; a stray notebook that is no one's; a text file that is no submission."""
    write(folder / "garcíamaría_LATE_10037_670011_rnn_forward.ipynb")
    write(folder / "núñezjosé_10041_670019_rnn_forward.ipynb")
    write(folder / "núñezjosé_10041_670020_rnn_forward-1.ipynb")
    write(folder / "copia_profesor.ipynb")
    write(folder / "leeme.txt", "nada")
    return folder


# -- Moodle: <Full Name>_<participant id>_assignsubmission_file_/ -----------------------------

MOODLE_ROSTER = (
    "\ufeffNombre completo;Dirección de correo;Número de ID\n"
    "Ana Lucía Ortega;ana.ortega@uni.mx;2026001\n"
    "Beto Ramírez;beto.ramirez@uni.mx;2026002\n"
    "Carla Díaz;carla.diaz@uni.mx;2026003\n"
)


def moodle(folder: Path) -> Path:
    """Ana's file folder and her online text; Beto's notebook named his way; Carla nothing;
    a stray folder that is no one's."""
    write(folder / "Ana Lucía Ortega_50026_assignsubmission_file_" / "rnn_forward.ipynb")
    write(folder / "Ana Lucía Ortega_50026_assignsubmission_onlinetext_" / "onlinetext.html", "<p>hola</p>")
    write(folder / "Beto Ramírez_50031_assignsubmission_file_" / "mi tarea.ipynb")
    write(folder / "sin_nombre" / "rnn_forward.ipynb")
    return folder


# -- Gradescope: submission_metadata.yml and submission_<id>/ ---------------------------------

GRADESCOPE_METADATA = """\
submission_111:
  :submitters:
  - :name: María García
    :sid: A001
    :email: maria.garcia@uni.mx
  :created_at: 2026-03-03 01:30:00.000000000 -06:00
  :score: 0.0
  :history: []
submission_222:
  :submitters:
  - :name: José Núñez
    :sid: A002
    :email: jose.nunez@uni.mx
  - :name: Beto Ramírez
    :sid: A004
    :email: beto.ramirez@uni.mx
  :created_at: 2026-03-01 20:00:00.000000000 -06:00
  :score: 0.0
  :history: []
"""

GRADESCOPE_ROSTER = (
    "id,name,email\nA001,María García,maria.garcia@uni.mx\nA002,José Núñez,jose.nunez@uni.mx\n"
    "A003,Ana Lucía Ortega,ana.ortega@uni.mx\nA004,Beto Ramírez,beto.ramirez@uni.mx\n"
)
DUE = "2026-03-01T23:59-06:00"


def gradescope(folder: Path) -> Path:
    """María alone, a day and 1 h 31 min late (2 started days); José and Beto as a group, on
    time; submission_333 that the metadata does not describe; Ana on the list, nothing handed in."""
    write(folder / "submission_metadata.yml", GRADESCOPE_METADATA)
    write(folder / "submission_111" / "rnn_forward.ipynb")
    write(folder / "submission_222" / "rnn_forward.ipynb")
    write(folder / "submission_333" / "rnn_forward.ipynb")
    return folder


def run(tmp_path: Path, folder: Path, language: str = "es", **options):
    """grade.run on folder, into tmp_path/out/notas.csv, with the zip of autograder_zip."""
    return grade.run(
        assignment=ASSIGNMENT,
        submissions=folder,
        output=tmp_path / "out" / "notas.csv",
        autograder=autograder_zip(tmp_path / "dist", language),
        **options,
    )
