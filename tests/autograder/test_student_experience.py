"""What a student meets: grader.check shows our feedback and only it, the export cell asks to
save and refuses a notebook whose saved file is not what ran, and `make demo`'s samples grade
as they should. Every filled notebook running top to bottom, in both languages, and its export
cell making the file to submit are proven in the release's own environment
(test_release_environment.py)."""

import shutil

import nbformat
import pytest

from autograder import grade, samples
from autograder.fill import fill
from rnncheck.cells import cell_name
from rnncheck.messages import say
from tests.autograder.kernel import execute

pytestmark = pytest.mark.slow


def test_export_cell_asks_to_save_when_the_file_is_not_what_ran(builds, tmp_path):
    build = builds["word_representation"]
    folder = tmp_path / "release"
    shutil.copytree(build.student, folder)
    path = folder / build.assignment.notebook_name  # the skeleton stays on disk
    nb = execute(fill(nbformat.read(path, 4), [build.assignment.solution_path]), folder)
    shown = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert say("export_unsaved", functions="`build_vocabulary`")[:40] in shown
    assert not list(folder.glob("*.zip"))


def test_export_refuses_a_fix_run_last_above_the_wrong_cell_and_names_that_cell(builds, tmp_path):
    # The saved notebook holds the fix of q1's function and, further down, the wrong version;
    # the kernel ran the wrong one first and the fix last, so it passes every check, but the
    # saved file, run top to bottom as grading runs it, ends with the wrong one.
    build = builds["rnn_types"]
    folder = tmp_path / "release"
    shutil.copytree(build.student, folder)
    path = folder / build.assignment.notebook_name
    function = build.assignment.questions["q1"]
    skeleton = nbformat.read(path, 4)
    wrong = next(c for c in skeleton.cells if c.source.startswith(f"def {function}("))
    saved = fill(nbformat.read(path, 4), [build.assignment.solution_path])
    check = next(i for i, c in enumerate(saved.cells) if c.source.startswith('grader.check("q1")'))
    saved.cells.insert(check + 1, nbformat.v4.new_code_cell(wrong.source))
    nbformat.write(saved, path)
    stale = folder / f"{path.stem}{say('export_suffix')}.zip"
    stale.write_bytes(b"an earlier export")
    ran = nbformat.read(path, 4)  # the order the student ran the cells in: the wrong one first
    fix = next(i for i, c in enumerate(ran.cells) if c.source.startswith(f"def {function}("))
    ran.cells.insert(fix, ran.cells.pop(check + 1))
    nb = execute(ran, folder)
    shown = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert (
        say("check_summary", passed=len(build.assignment.questions), count=len(build.assignment.questions))[
            :20
        ]
        in shown
    )
    named = say("export_redefined", question="q1", function=function, cell=cell_name(wrong.source))
    assert named in shown, shown
    assert say("export_refused") in shown
    assert not stale.exists() and not list(folder.glob("*.zip"))


def test_grader_check_in_the_skeleton_shows_our_message(builds, tmp_path):
    build = builds["word_representation"]
    folder = tmp_path / "release"
    shutil.copytree(build.student, folder)
    nb = execute(nbformat.read(folder / build.assignment.notebook_name, 4), folder)
    check_q1 = next(c for c in nb.cells if c.source.startswith('grader.check("q1")'))
    shown = str(check_q1.outputs)
    assert say("not_implemented", name="tokenize") in shown
    for otters_framing in ("Traceback", "Error at line", "results:", "call(env"):
        assert otters_framing not in shown


def test_demo_samples_grade_as_their_names_say(builds, tmp_path):
    build = builds["word_representation"]
    written = samples.write(build.assignment, tmp_path / "samples")
    assert len(written) == 6
    rows = {
        r.submission: r
        for r in grade.main(
            assignment="word_representation",
            submissions=tmp_path / "samples",
            output=tmp_path / "gb.csv",
            autograder=build.autograder_zip,
            jobs=2,
        )
    }
    full = sum(grade.points(build.assignment).values())
    assert rows["alumno_correcto.ipynb"].total == full == rows["alumno_exportado.zip"].total
    assert 0 < rows["alumno_con_errores.ipynb"].total < full
    assert rows["alumno_sin_empezar.ipynb"].reason == say("reason_nothing_done")
    assert rows["alumno_archivo_danado.ipynb"].status == "error"
    assert rows["alumno_script.py"].scores == rows["alumno_con_errores.ipynb"].scores
