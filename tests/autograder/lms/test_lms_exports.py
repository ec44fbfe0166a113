"""autograder.exports, each format checked against what the LMS documents and its importer
reads (cited in autograder/exports.py): header names and order, the points-possible row,
quoting, UTF-8 with accents, identifiers, and never a spreadsheet formula."""

import csv
import datetime as dt
import io
import re
import zipfile

from autograder import exports
from autograder.identity import Student
from autograder.page import wording
from autograder.policy import Policy, line
from tests.autograder.lms import folders

say = wording("es")


def rows(*students, scores=None):
    return [
        line(
            Policy(),
            s,
            folders.scored(s.submission, scores or {}) if s.submission else None,
            folders.POSSIBLE,
        )
        for s in students
    ]


def read(path):
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # UTF-8, no BOM: Canvas's CSV pages
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_canvas_import_has_the_documented_columns_and_points_possible_row(tmp_path):
    lines = rows(
        Student("a.ipynb", None, id="10037", name="García, María", platform="canvas",
                extra=(("sis user id", "A001"), ("sis login id", "mgarcia"), ("section", "Grupo 1"))),
        Student("b.ipynb", None, id="10041", name="=HYPERLINK(1)", platform="canvas"),
        Student("", None, id="10050", name="Ortega, Ana Lucía", extra=(("section", ""),)),  # missing: 0
        Student("stray.ipynb", None),  # names nobody: left out
    )  # fmt: skip
    path = exports.write_canvas(lines, tmp_path / "c.csv", "Tarea RNN (4521)", 25.5)
    table = read(path)
    header = table[0]
    # GradebookImporter#header?: Student, then ID, then SIS User ID and SIS Login ID, last Section
    assert header == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Tarea RNN (4521)"]
    assert re.fullmatch(r"(.*)\s\((\d+)\)", header[5])  # Assignment.title_and_id: updates 4521
    assert table[1][0] == "Points Possible" and table[1][5] == "25.5"  # check_for_non_student_row
    assert table[2] == ["García, María", "10037", "A001", "mgarcia", "Grupo 1", "25.5"]
    assert table[3][0] == "'=HYPERLINK(1)"  # never a formula
    assert table[4][1:] == ["10050", "", "", "", "0"] and len(table) == 5
    assert '"García, María"' in path.read_text(encoding="utf-8")  # quoted: it holds a comma


def test_moodle_worksheet_has_the_offline_grading_columns_and_participant_identifiers(tmp_path):
    folder = "Ana Lucía Ortega_50026_assignsubmission_file_"
    ana = Student(folder, None, id="50026", name="Ana Lucía Ortega", email="ana@uni.mx", platform="moodle")
    when = dt.datetime(2026, 3, 2, 14, 5)
    path = exports.write_worksheet(rows(ana, scores={"q3": 2.5}), tmp_path / "w.csv", say, when)
    table = read(path)
    assert table[0] == [
        "Identifier", "Full name", "Email address", "Status", "Grade", "Maximum Grade",
        "Grade can be changed", "Last modified (submission)", "Last modified (grade)", "Feedback comments",
    ]  # fmt: skip
    record = dict(zip(table[0], table[1]))
    # importgradeslib.php: the id is what follows get_string('hiddenuser', 'assign') = "Participant "
    assert (
        record["Identifier"] == "Participant 50026" and record["Identifier"][len("Participant ") :] == "50026"
    )
    assert (record["Full name"], record["Grade"], record["Maximum Grade"]) == (
        "Ana Lucía Ortega",
        "20.5",
        "25.5",
    )
    assert (
        record["Last modified (grade)"] == "2 March 2026, 2:05 PM"
    )  # as Moodle writes it; strtotime reads it
    assert "q3 2.5/7.5" in record["Feedback comments"]


def test_moodle_gradebook_csv_maps_by_email_or_id_number(tmp_path):
    ana = Student("x", None, id="50026", name="Ana", email="ana@uni.mx", platform="moodle",
                  extra=(("list id", "2026001"),))  # fmt: skip
    table = read(exports.write_moodle(rows(ana, Student("y", None)), tmp_path / "m.csv", "Tarea", say))
    assert table[0] == ["Full name", "Email address", "ID number", "Tarea", "Feedback"]
    assert table[1][:4] == ["Ana", "ana@uni.mx", "2026001", "25.5"] and len(table) == 2


def test_moodle_feedback_zip_puts_each_page_in_the_folder_moodle_downloaded(tmp_path):
    folder = "Ana Lucía Ortega_50026_assignsubmission_file_"
    page = folders.write(tmp_path / "pages" / "ana.html", "<p>bien</p>")
    ana = Student(folder, None, id="50026", name="Ana Lucía Ortega", platform="moodle", folder=folder)
    path = exports.write_feedback_zip(rows(ana), tmp_path / "f.zip", {folder: page}, "rnn_forward")
    with zipfile.ZipFile(path) as archive:
        (entry,) = archive.infolist()
        assert entry.flag_bits & 0x800  # the name is UTF-8 (accents survive)
        assert archive.read(entry) == b"<p>bien</p>"
    assert entry.filename == f"{folder}/feedback-rnn_forward.html"
    # importziplib.php: explode('_', part, 5) -> fullname, participant id, plugin type and name
    name, participant, plugin_type, plugin_name, rest = entry.filename.split("/")[0].split("_", 4)
    assert (name, participant, plugin_type, plugin_name, rest) == (
        "Ana Lucía Ortega", "50026", "assignsubmission", "file", ""
    )  # fmt: skip


def test_canvas_ids_come_only_from_canvas_never_from_another_number(tmp_path):
    listed = (("sis user id", ""), ("section", ""), ("list id", "10037"))
    lines = rows(
        Student("s1", None, id="20231234", name="Eva", platform="gradescope"),  # a student number
        Student("s2", None, id="20231235", name="Flor", platform="gradescope", extra=listed),
        Student("", None, id="10050", name="Ana", extra=(("section", "1"),)),  # Canvas's list, missing
    )
    table = read(exports.write_canvas(lines, tmp_path / "c.csv", "Tarea", 25.5))
    assert [(row[0], row[1]) for row in table[2:]] == [("Eva", ""), ("Flor", "10037"), ("Ana", "10050")]


def test_a_missing_student_whose_extension_has_not_passed_gets_no_grade_yet(tmp_path):
    due = dt.datetime(2026, 3, 1, 23, 59, tzinfo=dt.UTC)
    later = (("10050", due + dt.timedelta(days=3)),)
    policy = Policy(due=due, extensions=later)
    canvas_list = (("section", ""),)
    lines = [
        line(policy, Student("", None, id="10050", name="Ana", extra=canvas_list), None, folders.POSSIBLE),
        line(policy, Student("", None, id="10051", name="Beto", extra=canvas_list), None, folders.POSSIBLE),
    ]
    now = due + dt.timedelta(days=1)  # after the course's deadline, before Ana's
    table = read(exports.write_canvas(lines, tmp_path / "c.csv", "Tarea", 25.5, now))
    assert [(row[0], row[5]) for row in table[2:]] == [("Ana", ""), ("Beto", "0")]  # blank: Canvas keeps it
