"""Grading with the built autograder zip: through otter's own runner, the Gradescope layout,
and `rnngrade grade` on a batch where some submissions cannot run."""

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from autograder import fastgrade, grade
from autograder.fill import fill
from autograder.notebook import render
from rnncheck.messages import say
from tests.conftest import ASSIGNMENTS

pytestmark = pytest.mark.slow


def filled(build, folder: Path, name: str, *extra: Path) -> Path:
    nb = fill(render(build.assignment), [build.assignment.solution_path, *extra])
    path = folder / name
    nbformat.write(nb, path)
    return path


def otter_run(notebook: Path, autograder_zip: Path, out: Path) -> dict:
    out.mkdir(exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "otter",
            "run",
            "--no-logo",
            "-a",
            str(autograder_zip),
            "-o",
            str(out),
            str(notebook),
        ],
        check=True,
        capture_output=True,
    )
    return json.loads((out / "results.json").read_text())


def scored(results: dict) -> tuple[float, float]:
    tests = [t for t in results["tests"] if t.get("max_score")]
    return sum(t["score"] for t in tests), sum(t["max_score"] for t in tests)


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_reference_scores_full_marks_through_otter_run(builds, name, tmp_path):
    build = builds[name]
    results = otter_run(
        filled(build, tmp_path, build.assignment.notebook_name), build.autograder_zip, tmp_path / "out"
    )
    score, possible = scored(results)
    assert possible > 0 and score == possible


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_skeleton_scores_zero_and_every_failure_says_not_implemented(builds, name, tmp_path):
    build = builds[name]
    notebook = build.student / build.assignment.notebook_name
    results = otter_run(notebook, build.autograder_zip, tmp_path / "out")
    assert scored(results)[0] == 0
    for test in results["tests"]:
        if test.get("max_score"):
            assert "Traceback" not in test["output"]
            assert test["output"].count("❌") == test["output"].count("todavía no está implementada")


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_zip_grades_in_the_gradescope_layout(builds, name, tmp_path):
    build = builds[name]
    root = tmp_path / "autograder"
    for folder in ("source", "submission", "results"):
        (root / folder).mkdir(parents=True)
    with zipfile.ZipFile(build.autograder_zip) as archive:
        archive.extractall(root / "source")
    (root / "submission_metadata.json").write_text("{}")
    filled(build, root / "submission", build.assignment.notebook_name)
    entry = (root / "source" / "run_otter.py").read_text().replace('"/autograder"', repr(str(root)))
    subprocess.run([sys.executable, "-c", entry], check=True, capture_output=True, cwd=root)
    results = json.loads((root / "results" / "results.json").read_text())
    points = sum(grade.points(build.assignment).values())
    assert scored(results) == (pytest.approx(points), pytest.approx(points))


def test_batch_grade_gives_a_row_and_a_reason_to_every_submission(builds, tmp_path):
    build = builds["word_representation"]
    folder = tmp_path / "submissions"
    folder.mkdir()
    mistakes = build.assignment.catalogue("mistakes")
    filled(build, folder, "bueno.ipynb")
    filled(build, folder, "con_error.ipynb", next(m for m in mistakes if "no_accumulation" in m.name))
    shutil.copyfile(build.student / build.assignment.notebook_name, folder / "vacio.ipynb")
    (folder / "corrupto.ipynb").write_text('{"cells": [', encoding="utf-8")
    loop = render(build.assignment)
    loop.cells.insert(1, nbformat.v4.new_code_cell("while True:\n    pass"))
    nbformat.write(loop, folder / "bucle.ipynb")
    (folder / "notas.txt").write_text("not a submission")

    rows = grade.main(
        assignment="word_representation",
        submissions=folder,
        output=tmp_path / "gb.csv",
        autograder=build.autograder_zip,
        timeout=20,
        jobs=2,
    )

    by_name = {row.submission: row for row in rows}
    assert sorted(by_name) == [
        "bucle.ipynb",
        "bueno.ipynb",
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
    assert by_name["bucle.ipynb"].status == "error" and "20 s" in by_name["bucle.ipynb"].reason
    lines = (tmp_path / "gb.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("submission,q1,") and len(lines) == 6
    feedback = (tmp_path / "gb-feedback" / "con_error.txt").read_text(encoding="utf-8")
    assert "q6:" in feedback and "dE" in feedback
    summary = (tmp_path / "gb-summary.txt").read_text(encoding="utf-8")
    assert summary.startswith("5 submissions, 3 graded, 2 not gradable")
    assert "full marks 1/3" in summary.splitlines()[-1]  # only bueno.ipynb has every point


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


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_fast_path_gives_otters_scores(builds, name, tmp_path):
    build = builds[name]
    folder = tmp_path / "sample"
    folder.mkdir()
    filled(build, folder, "a-reference.ipynb")
    for mistake in build.assignment.catalogue("mistakes")[:3]:
        filled(build, folder, f"b-{mistake.stem}.ipynb", mistake)
    shutil.copyfile(build.student / build.assignment.notebook_name, folder / "c-skeleton.ipynb")
    notebooks = grade.submissions_in(folder)
    fast = fastgrade.grade_all(notebooks, build.autograder_zip)
    slow = {p.name: grade.grade_one(p, build.assignment, build.autograder_zip, 120) for p in notebooks}
    for notebook in notebooks:
        expected = slow[notebook.name]
        row = grade.row_from(notebook.name, build.assignment, fast[notebook.name])
        assert row.scores == expected.scores, notebook.name
        assert row.feedback == expected.feedback, notebook.name


def test_an_interrupted_batch_keeps_the_rows_it_graded(builds, tmp_path, monkeypatch):
    build = builds["word_representation"]
    folder = tmp_path / "submissions"
    folder.mkdir()
    for name in ("a.ipynb", "b.ipynb", "c.ipynb"):
        (folder / name).write_text("{}")

    def grade_until_b(path, assignment, autograder_zip, timeout):
        if path.name == "b.ipynb":
            raise KeyboardInterrupt
        return grade.Row(path.name, {q: 1.0 for q in assignment.questions}, grade.points(assignment))

    monkeypatch.setattr(grade, "grade_one", grade_until_b)
    with pytest.raises(KeyboardInterrupt):
        grade.main(
            assignment="word_representation",
            submissions=folder,
            output=tmp_path / "gb.csv",
            autograder=build.autograder_zip,
            jobs=1,
        )
    lines = (tmp_path / "gb.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and lines[1].startswith("a.ipynb,1,")
    assert (tmp_path / "gb-feedback" / "a.txt").is_file()
