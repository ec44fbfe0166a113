"""A submission's file name is the student's text: its control characters (a terminal's escape
sequences, a newline that would forge a CSV row, a bidirectional override) never reach the
gradebook, the terminal's table, the summary or the class report, and `rnngrade report` still
finds every row's grade (issue 23, item 6). The engine is a stand-in (lms/folders.stand_in)."""

import csv

from autograder import grade, report
from tests.autograder.lms import folders

HOSTILE = "ana\x1b[2K\x1b[1A\rforged,99,99\n\u202eevil\x07.ipynb"


def test_a_hostile_file_name_reaches_no_output_with_its_control_characters(tmp_path, monkeypatch):
    monkeypatch.setattr(grade, "grade_all", folders.stand_in())
    submissions = tmp_path / "entregas"
    folders.write(submissions / HOSTILE)
    folders.write(submissions / "beto.ipynb")
    book = folders.run(tmp_path, submissions)
    gradebook = tmp_path / "out" / "notas.csv"
    written = [gradebook, *(path for path in book.files.values() if path.suffix in (".csv", ".txt", ".html"))]
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert not any(c in text for c in "\x1b\x07\r\u202e"), path.name
    with open(gradebook, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 3  # the header and two students: the newline forged no row
    assert sorted(row[0] for row in rows[1:]) == ["ana[2K[1A forged,99,99 evil.ipynb", "beto.ipynb"]
    table = grade.table(book.lines, book.questions)
    assert "\x1b" not in table and "\n".join(table.splitlines()) == table and len(table.splitlines()) == 3
    assert report.main(gradebook=gradebook).is_file()  # the report finds the grade behind the cleaned name
