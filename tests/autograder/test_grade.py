"""Grading with the built autograder zip: `rnngrade grade` on a batch where some submissions
cannot run, and agreement with otter's own runner (Gradescope: tests/autograder/test_gradescope.py)."""

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from autograder import grade
from autograder.fill import fill
from autograder.notebook import render
from rnncheck.messages import say

pytestmark = pytest.mark.slow


def filled(build, folder: Path, name: str, *extra: Path) -> Path:
    nb = fill(render(build.assignment), [build.assignment.solution_path, *extra])
    path = folder / name
    nbformat.write(nb, path)
    return path


def test_batch_grade_gives_a_row_and_a_reason_to_every_submission(builds, tmp_path):
    build = builds["word_representation"]
    folder = tmp_path / "submissions"
    folder.mkdir()
    mistakes = build.assignment.catalogue("mistakes")
    filled(build, folder, "bueno.ipynb")
    filled(build, folder, "con_error.ipynb", next(m for m in mistakes if "no_accumulation" in m.name))
    shutil.copyfile(build.student / build.assignment.notebook_name, folder / "vacio.ipynb")
    (folder / "corrupto.ipynb").write_text('{"cells": [', encoding="utf-8")
    raises = render(build.assignment)
    raises.cells.insert(1, nbformat.v4.new_code_cell("1 / 0"))
    nbformat.write(raises, folder / "celda_con_error.ipynb")
    (folder / "notas.txt").write_text("not a submission")

    rows = grade.main(
        assignment="word_representation",
        submissions=folder,
        output=tmp_path / "gb.csv",
        autograder=build.autograder_zip,
        jobs=2,
    )

    by_name = {row.submission: row for row in rows}
    assert sorted(by_name) == [
        "bueno.ipynb",
        "celda_con_error.ipynb",
        "con_error.ipynb",
        "corrupto.ipynb",
        "vacio.ipynb",
    ]
    full = sum(grade.points(build.assignment).values())
    assert by_name["bueno.ipynb"].total == full and by_name["bueno.ipynb"].reason == ""
    buggy = by_name["con_error.ipynb"]
    assert buggy.scores["q6"] < buggy.possible["q6"] and buggy.total == full - (
        buggy.possible["q6"] - buggy.scores["q6"]
    )
    assert by_name["vacio.ipynb"].total == 0 and by_name["vacio.ipynb"].reason == say("reason_nothing_done")
    assert (
        by_name["corrupto.ipynb"].status == "error"
        and "no es un notebook válido" in by_name["corrupto.ipynb"].reason
    )
    assert by_name["celda_con_error.ipynb"].cell_errors[0].endswith("ZeroDivisionError: division by zero")
    lines = (tmp_path / "gb.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("submission,q1,") and len(lines) == 6
    feedback = (tmp_path / "gb-feedback" / "con_error.ipynb.md").read_text(encoding="utf-8")
    assert "q6" in feedback and "dE" in feedback
    assert (tmp_path / "gb-feedback" / "con_error.ipynb.html").is_file()
    assert (tmp_path / "gb-report.html").is_file()
    summary = (tmp_path / "gb-summary.txt").read_text(encoding="utf-8")
    assert summary.startswith(say("summary_counts", count=5, graded=4, errors=1))  # the release's language
    final = next(line for line in summary.splitlines() if line.startswith(say("table_final")))
    assert final.endswith(" 1/4")  # only bueno.ipynb has every point
    assert say("summary_ignored", count=1, names="notas.txt") in summary


def test_batch_grade_takes_the_notebook_out_of_an_export_zip_and_grades_scripts(builds, tmp_path):
    build = builds["word_representation"]
    folder = tmp_path / "submissions"
    folder.mkdir()
    notebook = filled(build, tmp_path, "x.ipynb")
    with zipfile.ZipFile(folder / "exportado.zip", "w") as archive:
        archive.write(notebook, build.assignment.notebook_name)
        archive.writestr("rnncheck/__init__.py", "raise SystemExit")  # ignored: only the notebook is graded
    with zipfile.ZipFile(folder / "sin_notebook.zip", "w") as archive:
        archive.writestr("leeme.txt", "hola")
    (folder / "script.py").write_text("import modulo_que_no_existe\n", encoding="utf-8")
    (folder / "otra_tarea.ipynb").write_text(
        nbformat.writes(nbformat.v4.new_notebook(metadata={"otter": {"assignment_name": "bptt"}})),
        encoding="utf-8",
    )
    rows = {
        r.submission: r
        for r in grade.main(
            assignment="word_representation",
            submissions=folder,
            output=tmp_path / "gb.csv",
            autograder=build.autograder_zip,
            jobs=2,
        )
    }
    assert rows["exportado.zip"].total == sum(grade.points(build.assignment).values())
    assert rows["sin_notebook.zip"].reason == say("reason_no_notebook")
    assert "ModuleNotFoundError" in rows["script.py"].reason and rows["script.py"].total == 0
    assert rows["otra_tarea.ipynb"].reason == say("reason_other_assignment", found="bptt")


def test_an_interrupted_batch_keeps_the_rows_it_graded(builds, tmp_path, monkeypatch):
    build = builds["word_representation"]
    folder = tmp_path / "submissions"
    folder.mkdir()
    for name in ("a.ipynb", "b.ipynb", "c.ipynb"):
        (folder / name).write_text("{}")
    points = grade.points(build.assignment)

    def grade_until_b(autograder_zip, submissions, options, on_outcome, on_sandbox, on_progress):
        from autograder.engine.outcome import zero

        on_outcome(zero("a.ipynb", points, "", "graded"))
        raise KeyboardInterrupt

    monkeypatch.setattr(grade, "grade_all", grade_until_b)
    with pytest.raises(KeyboardInterrupt):
        grade.main(
            assignment="word_representation",
            submissions=folder,
            output=tmp_path / "gb.csv",
            autograder=build.autograder_zip,
        )
    lines = (tmp_path / "gb.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and lines[1].startswith("a.ipynb,0,")
    assert (tmp_path / "gb-feedback" / "a.ipynb.md").is_file()


def otter_run(notebook: Path, autograder_zip: Path, out: Path) -> dict:
    out.mkdir(exist_ok=True)
    command = ["otter", "run", "--no-logo", "-a", str(autograder_zip), "-o", str(out), str(notebook)]
    subprocess.run([sys.executable, "-m", *command], check=True, capture_output=True)
    return json.loads((out / "results.json").read_text())


def test_engine_gives_otters_scores_on_a_sample(builds, tmp_path):
    build = builds["rnn_forward"]
    folder = tmp_path / "sample"
    folder.mkdir()
    filled(build, folder, "a-reference.ipynb")
    # A mistake in a function no other graded function calls: where one does (the cell, called
    # by rnn_forward), the engine grades each question with the reference of the callees
    # (isolation, docs/grading.md) and otter, which runs the notebook's own, takes points twice.
    mistake = next(
        p for p in build.assignment.catalogue("mistakes") if p.name.startswith("initialize_parameters")
    )
    filled(build, folder, "b-mistake.ipynb", mistake)
    shutil.copyfile(build.student / build.assignment.notebook_name, folder / "c-skeleton.ipynb")
    rows = grade.main(
        assignment="rnn_forward",
        submissions=folder,
        output=tmp_path / "gb.csv",
        autograder=build.autograder_zip,
    )
    for row in rows:
        results = otter_run(folder / row.submission, build.autograder_zip, tmp_path / row.submission)
        by_question = {t["name"]: t["score"] for t in results["tests"] if t.get("max_score")}
        assert row.scores == pytest.approx(by_question), row.submission


def test_relative_paths_to_the_submissions_and_the_zip_are_graded(builds, tmp_path, monkeypatch):
    build = builds["rnn_forward"]
    (tmp_path / "entregas").mkdir()
    filled(build, tmp_path / "entregas", "a.ipynb")
    shutil.copyfile(build.autograder_zip, tmp_path / "ag.zip")
    monkeypatch.chdir(tmp_path)
    rows = grade.main(assignment="rnn_forward", submissions="entregas", output="gb.csv", autograder="ag.zip")
    assert rows[0].total == sum(grade.points(build.assignment).values())
