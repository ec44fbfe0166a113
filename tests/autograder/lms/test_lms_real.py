"""A tiny Canvas download graded for real, end to end: the engine's grades, Canvas's ids and
late marker, a class list with a student who handed in nothing, an override and a late rule,
into the gradebook and the Canvas import."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder import grade
from autograder.fill import fill
from autograder.notebook import render
from tests.autograder.lms import folders

pytestmark = pytest.mark.slow


def test_a_canvas_download_graded_for_real_reaches_the_canvas_import(builds, tmp_path):
    build = builds["rnn_forward"]
    download = tmp_path / "canvas"
    download.mkdir()
    solved = fill(render(build.assignment), [build.assignment.solution_path])
    nbformat.write(solved, download / "garcíamaría_LATE_10037_670011_rnn_forward.ipynb")
    (download / "núñezjosé_10041_670020_rnn_forward.ipynb").write_text(
        "{ no es un notebook", encoding="utf-8"
    )
    (download / "leeme.txt").write_text("nada", encoding="utf-8")
    listed = folders.write(tmp_path / "lista.csv", folders.CANVAS_ROSTER)
    overrides = folders.write(
        tmp_path / "ajustes.csv", "id,question,points,reason\n10041,q1,5,entregó por correo\n"
    )
    book = grade.run(
        assignment="rnn_forward",
        submissions=download,
        output=tmp_path / "notas.csv",
        autograder=build.autograder_zip,
        roster=listed,
        due=folders.DUE,
        late_penalty=10,
        overrides=overrides,
    )
    possible = sum(grade.points(build.assignment).values())
    maria, jose, ana = book.lines
    assert (maria.status, maria.raw, maria.late, maria.days) == ("graded", possible, "yes", 1)
    assert maria.final == pytest.approx(possible * 0.9)
    assert (jose.status, jose.raw, jose.final) == ("error", 0, 5)  # not gradable; 5 given by hand
    assert (ana.status, ana.final) == ("missing", 0)
    canvas = list(csv.reader((tmp_path / "notas-canvas.csv").open(encoding="utf-8")))
    assert canvas[1][5] == f"{possible:g}"
    assert [row[1] for row in canvas[2:]] == ["10037", "10041", "10050"]
    assert [float(row[5]) for row in canvas[2:]] == pytest.approx([possible * 0.9, 5, 0])


def test_grade_json_on_a_real_batch_is_the_only_thing_on_stdout(builds, tmp_path):
    build = builds["rnn_forward"]
    export = tmp_path / "export"
    folders.write(export / "submission_metadata.yml", folders.GRADESCOPE_METADATA)
    solved = fill(render(build.assignment), [build.assignment.solution_path])
    nbformat.write(solved, folders.write(export / "submission_111" / "rnn_forward.ipynb"))
    command = [str(Path(sys.executable).parent / "rnngrade"), "grade", "rnn_forward", str(export)]
    command += ["-o", str(tmp_path / "notas.csv"), "--autograder", str(build.autograder_zip), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [(s["id"], s["status"]) for s in data["students"]] == [("A001", "graded")]
    assert data["students"][0]["final"] == sum(grade.points(build.assignment).values())
