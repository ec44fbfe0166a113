"""`rnngrade grade` as instructors run it: stopped and run again, on the folders LMS downloads
give, into a gradebook that spreadsheets and otter's scripts read; bad input refused at once."""

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from autograder import grade
from autograder.fill import fill
from autograder.notebook import render
from autograder.store import Store, StoreBusy, StoreError, store_path
from rnncheck.messages import say

pytestmark = pytest.mark.slow
NAMES = [f"alumno{n}.ipynb" for n in range(6)]


def notebooks(build, folder: Path, names=NAMES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    mistake = build.assignment.catalogue("mistakes")[0]
    for number, name in enumerate(names):
        extra = [mistake] if number % 2 else []
        nbformat.write(
            fill(render(build.assignment), [build.assignment.solution_path, *extra]), folder / name
        )
    return folder


@pytest.fixture
def counted(monkeypatch):
    """The submissions each call of the engine was asked to grade."""
    asked: list[list[str]] = []
    real = grade.grade_all

    def counting(autograder_zip, submissions, *args, **kwargs):
        asked.append([name for name, _ in submissions])
        return real(autograder_zip, submissions, *args, **kwargs)

    monkeypatch.setattr(grade, "grade_all", counting)
    return asked


def kept(output: Path) -> int:
    """How many outcomes the store beside output holds, read without writing to it."""
    if not store_path(output).exists():
        return 0
    try:
        with sqlite3.connect(f"file:{store_path(output)}?mode=ro", uri=True) as db:
            return db.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0]
    except sqlite3.OperationalError:  # created, its tables not yet
        return 0


def run(build, folder, output, **options):
    return grade.main(
        assignment="rnn_forward",
        submissions=folder,
        output=output,
        autograder=build.autograder_zip,
        **options,
    )


def test_a_batch_killed_midway_resumes_with_what_is_missing_and_writes_the_same_gradebook(
    builds, tmp_path, counted
):
    build = builds["rnn_forward"]
    folder = notebooks(build, tmp_path / "entregas")
    run(build, folder, tmp_path / "sin_parar" / "notas.csv")  # the gradebook of an uninterrupted run
    killed = tmp_path / "parado" / "notas.csv"
    command = [
        str(Path(sys.executable).parent / "rnngrade"),
        "grade",
        "rnn_forward",
        str(folder),
        "-o",
        str(killed),
    ]
    command += ["--autograder", str(build.autograder_zip), "--jobs", "1"]
    batch = subprocess.Popen(
        command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and kept(killed) < 2:
        time.sleep(0.02)
    os.killpg(batch.pid, signal.SIGKILL)  # no chance to clean up
    batch.wait()
    graded = kept(killed)
    assert 2 <= graded < len(NAMES)
    run(build, folder, killed)
    assert len(counted[-1]) == len(NAMES) - graded  # only what the killed run had not kept
    assert killed.read_bytes() == (tmp_path / "sin_parar" / "notas.csv").read_bytes()


def test_a_changed_submission_a_rebuilt_zip_and_fresh_are_graded_again(builds, tmp_path, counted):
    build = builds["rnn_forward"]
    folder = notebooks(build, tmp_path / "entregas")
    output = tmp_path / "notas.csv"
    run(build, folder, output)
    run(build, folder, output)
    assert counted == [NAMES]  # the second run graded nothing
    nbformat.write(render(build.assignment), folder / NAMES[0])  # the student submits again: blank
    rows = run(build, folder, output)
    assert counted[-1] == [NAMES[0]] and rows[0].total == 0
    run(build, folder, output, fresh=True)
    assert counted[-1] == NAMES


def test_the_progress_bar_stays_quiet_when_the_output_is_not_a_terminal(builds, tmp_path, capfd):
    build = builds["rnn_forward"]
    run(build, notebooks(build, tmp_path / "entregas", NAMES[:2]), tmp_path / "notas.csv")
    assert "nb/s" not in capfd.readouterr().err


def test_two_batches_cannot_write_to_one_gradebook(builds, tmp_path):
    build = builds["rnn_forward"]
    folder = notebooks(build, tmp_path / "entregas", NAMES[:1])
    output = tmp_path / "notas.csv"
    holder = (  # another batch: a process that holds the store until told to stop
        "import sys\nfrom autograder.store import writing\n"
        f"with writing({str(store_path(output))!r}, 'rnn_forward'):\n"
        "    print('held', flush=True)\n    sys.stdin.read()\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout.readline() == "held\n"
        with pytest.raises(StoreBusy, match="another batch"):
            run(build, folder, output)
    finally:
        other.communicate("")
    assert run(build, folder, output)[0].total > 0  # free again once the other batch ends


def test_one_folder_per_student_is_graded_by_its_notebook(builds, tmp_path):
    build = builds["rnn_forward"]
    folder = tmp_path / "descarga"
    notebooks(build, folder / "Ana López", [build.assignment.notebook_name])
    (folder / "Ana López" / "notas.txt").write_text("se ignora")
    notebooks(build, folder / "=Beto", ["mi_tarea.ipynb"])
    notebooks(build, folder / "Carla", ["a.ipynb", "b.ipynb"])
    (folder / "Dani").mkdir()
    (folder / "Dani" / "leeme.txt").write_text("nada")
    output = tmp_path / "notas.csv"
    rows = {row.submission: row for row in run(build, folder, output)}
    assert sorted(rows) == ["=Beto", "Ana López", "Carla", "Dani"]
    assert rows["Ana López"].total == rows["Ana López"].total_possible
    assert rows["Carla"].reason == say("reason_many_notebooks", names="a.ipynb, b.ipynb")
    assert rows["Dani"].reason == say("reason_no_notebook")
    names = [row[0] for row in csv.reader(output.open(encoding="utf-8"))][1:]
    assert names == ["'=Beto", "Ana López", "Carla", "Dani"]  # never a spreadsheet formula


def test_final_grades_export_has_otters_columns(builds, tmp_path):
    build = builds["rnn_forward"]
    folder = notebooks(build, tmp_path / "entregas", NAMES[:2])
    rows = run(build, folder, tmp_path / "notas.csv")
    table = list(csv.reader((tmp_path / "notas-final_grades.csv").open(encoding="utf-8")))
    questions = sorted(rows[0].questions)
    assert table[0] == ["file", *questions, "total_points_earned", "percent_correct", "grading_status"]
    assert table[1][0] == "points-per-question" and float(table[1][-3]) == rows[0].total_possible
    assert [(r[0], float(r[-3]), r[-1]) for r in table[2:]] == [
        (o.submission, o.total, "Completed") for o in rows
    ]


@pytest.mark.parametrize("case", ["output under a file", "zip of another assignment", "store of another"])
def test_bad_input_is_refused_before_anything_is_written(builds, tmp_path, case):
    build = builds["rnn_forward"]
    folder = notebooks(build, tmp_path / "entregas", NAMES[:1])
    out = tmp_path / "salida"
    out.mkdir()
    output, autograder = out / "notas.csv", build.autograder_zip
    if case == "output under a file":
        (out / "archivo").write_text("")
        output = out / "archivo" / "notas.csv"
    elif case == "zip of another assignment":
        autograder = builds["word_representation"].autograder_zip
    else:
        Store(store_path(output), "bptt").close()
    before = sorted(out.rglob("*"))
    with pytest.raises((ValueError, StoreError)) as refused:
        grade.main(assignment="rnn_forward", submissions=folder, output=output, autograder=autograder)
    assert "\n" not in str(refused.value)
    assert sorted(out.rglob("*")) == before or case == "store of another"
