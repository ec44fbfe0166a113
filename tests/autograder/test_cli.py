"""rnngrade: each command forwards its arguments to one library function; bad values,
unknown names, empty folders and Ctrl-C get one line and an exit status, never a traceback."""

import importlib.metadata
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from click.testing import CliRunner

from autograder import cli, grade
from autograder.engine.grading import MANIFEST
from autograder.fill import fill
from autograder.notebook import render
from autograder.policy import Policy
from autograder.store import StoreBusy
from rnncheck.messages import MESSAGES
from tests.autograder.lms.test_lms_grade import gradebook


@pytest.fixture
def calls(monkeypatch):
    seen = {}

    def recorder(name, result):
        def fake(**kwargs):
            seen[name] = kwargs
            return result

        return fake

    monkeypatch.setattr(cli.build_module, "main", recorder("build", []))
    monkeypatch.setattr(cli.check_module, "main", recorder("check", []))
    monkeypatch.setattr(cli.grade_module, "main", recorder("grade", []))
    nothing = cli.grade_module.Gradebook([], [], [], {}, Policy(), [], [], [], {})
    monkeypatch.setattr(cli.grade_module, "run", recorder("grade", nothing))
    monkeypatch.setattr(cli.report_module, "main", recorder("report", Path("r.html")))
    monkeypatch.setattr(
        cli.audit_module, "main", recorder("audit", [SimpleNamespace(ok=False, line=lambda: "FAIL x")])
    )
    return seen


def test_build_forwards_out_language_and_only(calls):
    result = CliRunner().invoke(cli.main, ["build", "--out", "elsewhere", "--lang", "en", "--only", "bptt"])
    assert result.exit_code == 0, result.output
    assert calls["build"] == {"out": "elsewhere", "language": "en", "only": ["bptt"], "seed": None}


def test_build_defaults_to_dist_and_spanish(calls):
    assert CliRunner().invoke(cli.main, ["build"]).exit_code == 0
    assert calls["build"] == {"out": "dist", "language": "es", "only": None, "seed": None}


def test_build_forwards_the_seed_of_hidden_inputs(calls):
    assert CliRunner().invoke(cli.main, ["build", "--seed", "12"]).exit_code == 0
    assert calls["build"]["seed"] == 12


def test_check_forwards_the_path(calls, tmp_path):
    path = tmp_path / "t.ipynb"
    path.write_text("{}")
    result = CliRunner().invoke(cli.main, ["check", str(path), "--assignment", "word_representation"])
    assert result.exit_code == 0, result.output
    tell = calls["check"].pop("on_progress")
    assert calls["check"] == {"path": str(path), "assignment": "word_representation", "language": None}
    assert callable(tell)


def test_check_prints_the_engines_progress_lines_on_stderr(monkeypatch, tmp_path):
    path = tmp_path / "t.ipynb"
    path.write_text("{}")

    def slow(**kwargs):
        kwargs["on_progress"]("t.ipynb: sigue corriendo `encode`, en la revisión de q2 (10 s)")
        return []

    monkeypatch.setattr(cli.check_module, "main", slow)
    result = CliRunner().invoke(cli.main, ["check", str(path), "--assignment", "word_representation"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "t.ipynb: sigue corriendo `encode`, en la revisión de q2 (10 s)\n"
    assert "sigue corriendo" not in result.stdout


def test_grade_forwards_its_options(calls, tmp_path):
    result = CliRunner().invoke(
        cli.main,
        [
            "grade",
            "word_representation",
            str(tmp_path),
            "-o",
            "g.csv",
            "--timeout",
            "9",
            "--memory",
            "512",
            "--jobs",
            "2",
            "--fresh",
        ],
    )
    assert result.exit_code == 0, result.output
    assert calls["grade"] == {
        "assignment": "word_representation",
        "submissions": str(tmp_path),
        "output": "g.csv",
        "autograder": None,
        "timeout": 9.0,
        "memory": 512,
        "jobs": 2,
        "fresh": True,
        "roster": None,
        "due": None,
        "late_penalty": None,
        "late_cap": None,
        "extensions": None,
        "overrides": None,
        "submitted": None,
        "clear_policy": False,
        "lms_column": None,
    }


@pytest.mark.parametrize(
    "error",
    [
        ValueError("cannot write g.csv"),
        StoreBusy("another batch is grading"),
    ],
    ids=["bad input", "store in use"],
)
def test_grade_says_why_it_cannot_start_in_one_line_with_status_2(monkeypatch, tmp_path, error):
    def refuse(**kwargs):
        raise error

    monkeypatch.setattr(cli.grade_module, "run", refuse)
    result = CliRunner().invoke(cli.main, ["grade", "word_representation", str(tmp_path)])
    assert result.exit_code == 2 and result.output == f"Error: {error}\n"


def test_grade_rejects_an_unknown_assignment(calls, tmp_path):
    result = CliRunner().invoke(cli.main, ["grade", "nope", str(tmp_path)])
    assert result.exit_code == 2 and "nope" in result.output


def test_audit_exits_1_when_a_verdict_fails(calls):
    result = CliRunner().invoke(cli.main, ["audit", "--seed", "3"])
    assert result.exit_code == 1 and "FAIL x" in result.output and "0 passed, 1 failed" in result.output
    assert calls["audit"] == {"assignment": None, "jobs": None, "seed": 3}


def test_check_reports_a_missing_assignment_in_one_line_with_status_2(monkeypatch, tmp_path):
    def refuse(**kwargs):
        raise ValueError("cannot tell the assignment; pass --assignment")

    monkeypatch.setattr(cli.check_module, "main", refuse)
    path = tmp_path / "a.py"
    path.write_text("x = 1")
    result = CliRunner().invoke(cli.main, ["check", str(path)])
    assert result.exit_code == 2 and result.output == "Error: cannot tell the assignment; pass --assignment\n"


def test_report_forwards_the_gradebook_and_refuses_bad_input_with_status_2(monkeypatch, tmp_path):
    seen = {}

    def fake(**kwargs):
        seen.update(kwargs)
        if kwargs["gradebook"] == "otra.csv":
            raise ValueError("otra.sqlite holds the grades of 'bptt'")
        return tmp_path / "notas-report.html"

    monkeypatch.setattr(cli.report_module, "main", fake)
    result = CliRunner().invoke(cli.main, ["report", "notas.csv"])
    assert result.exit_code == 0 and seen == {"gradebook": "notas.csv", "output": None}
    assert result.output.strip().endswith("notas-report.html")
    refused = CliRunner().invoke(cli.main, ["report", "otra.csv"])
    assert refused.exit_code == 2 and refused.output == "Error: otra.sqlite holds the grades of 'bptt'\n"


# ---------------------------------------------------------------- one spelling of the output


@pytest.mark.parametrize(
    "command, called, forwarded",
    [
        (["build"], "build", "out"),
        (["demo"], "build", "out"),
        (["grade", "word_representation", "."], "grade", "output"),
        (["report", "notas.csv"], "report", "output"),
    ],
    ids=["build", "demo", "grade", "report"],
)
def test_out_o_and_the_old_output_forward_the_same(calls, command, called, forwarded):
    seen = []
    for spelling in ("-o", "--out", "--output"):
        result = CliRunner().invoke(cli.main, [*command, spelling, "elsewhere"])
        assert result.exit_code == 0, result.output
        seen.append(dict(calls.pop(called)))
    assert seen[0] == seen[1] == seen[2] and seen[0][forwarded] == "elsewhere"


@pytest.mark.parametrize("command", ["build", "demo", "grade", "report"])
def test_help_shows_out_and_hides_the_old_spelling(command):
    shown = CliRunner().invoke(cli.main, [command, "--help"]).output
    assert "-o, --out" in shown and "--output" not in shown


def test_demo_writes_to_its_own_folder_never_dist(calls):
    assert CliRunner().invoke(cli.main, ["demo"]).exit_code == 0
    assert calls["build"]["out"] == "demo" != cli.build_module.DIST


def test_demo_prints_the_seed_it_used_first(monkeypatch):
    monkeypatch.setattr(cli.samples_module, "write", lambda *args: None)
    monkeypatch.setattr(cli.grade_module, "main", lambda **kwargs: [])
    monkeypatch.setattr(cli.grade_module, "table", lambda *args, **kwargs: "")
    monkeypatch.setattr(cli.grade_module, "summary", lambda *args, **kwargs: "")
    for given, used in ((None, 77), (5, 5)):

        def built(given=given, used=used, **kwargs):
            assert kwargs["seed"] == given
            one = SimpleNamespace(name="bptt", questions={"q1": "f"})
            return [SimpleNamespace(seed=used, assignment=one, autograder_zip="z.zip")]

        monkeypatch.setattr(cli.build_module, "main", built)
        result = CliRunner().invoke(
            cli.main, ["demo"] + (["--seed", str(given)] if given is not None else [])
        )
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[0] == f"seed of the hidden test inputs: {used}"


def test_version_is_the_packages():
    result = CliRunner().invoke(cli.main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"rnngrade, version {importlib.metadata.version('rnn-course-kit')}\n"


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "arguments",
    [
        ["grade", "word_representation", ".", "--timeout", "0"],
        ["grade", "word_representation", ".", "--timeout", "-5"],
        ["grade", "word_representation", ".", "--timeout", "nan"],
        ["grade", "word_representation", ".", "--timeout", "inf"],
        ["grade", "word_representation", ".", "--jobs", "0"],
        ["grade", "word_representation", ".", "--memory", str(cli.MIN_MEMORY - 1)],
        ["audit", "--jobs", "0"],
        ["audit", "--seed", "-1"],
        ["build", "--seed", str(2**32)],
        ["demo", "--seed", "-1"],
    ],
    ids=lambda arguments: " ".join(arguments[:1] + arguments[-2:]),
)
def test_bad_values_are_refused_by_the_options_type(calls, arguments):
    result = CliRunner().invoke(cli.main, arguments)
    assert result.exit_code == 2 and f"Invalid value for '{arguments[-2]}'" in result.output
    assert "Traceback" not in result.output and not calls


@pytest.mark.parametrize(
    "arguments",
    [
        ["build", "--only", "nonexistent"],
        ["grade", "nonexistent", "."],
        ["check", "--assignment", "nonexistent", "pyproject.toml"],
        ["audit", "nonexistent"],
    ],
    ids=["build --only", "grade", "check --assignment", "audit"],
)
def test_an_unknown_assignment_is_one_line_with_status_2(calls, arguments):
    result = CliRunner().invoke(cli.main, arguments)
    known = ", ".join(cli.assignments.names())
    assert result.exit_code == 2 and not calls
    assert result.output == f"Error: unknown assignment 'nonexistent'; known: {known}\n"


def fake_autograder(path: Path, assignment: str = "word_representation") -> Path:
    """A zip that passes for an autograder of assignment: its manifest, and nothing to grade with."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            MANIFEST, f'{{"assignment": "{assignment}", "language": "es", "notebook": "{assignment}.ipynb"}}'
        )
    return path


def test_an_empty_folder_of_submissions_is_one_line_with_status_2_and_nothing_written(tmp_path):
    folder = tmp_path / "entregas"
    folder.mkdir()
    (folder / "notas.txt").write_text("not a submission")
    (folder / ".ipynb_checkpoints").mkdir()
    zip_path = fake_autograder(tmp_path / "ag.zip")
    out = tmp_path / "out" / "notas.csv"
    result = CliRunner().invoke(
        cli.main, ["grade", "word_representation", str(folder), "-o", str(out), "--autograder", str(zip_path)]
    )
    assert result.exit_code == 2
    assert (
        result.output
        == f"Error: no submissions in {folder}: no .ipynb, .zip, .py file and no student folder\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "content",
    ['{"cells": [', "[1]", '{"metadata": {"otter": 5}}', '{"metadata": {"otter": {"assignment_name": 7}}}'],
    ids=["broken JSON", "a list", "otter not an object", "a name not text"],
)
def test_check_of_a_file_that_names_no_assignment_is_one_line_with_status_2(tmp_path, content):
    path = tmp_path / "tarea.ipynb"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["check", str(path)])
    assert result.exit_code == 2
    assert result.output == f"Error: {path}: cannot tell the assignment; pass --assignment\n"


# ---------------------------------------------------------------- Ctrl-C


@pytest.mark.parametrize("language", ["es", "en"])
def test_ctrl_c_while_grading_says_what_was_kept_in_one_line_and_exits_130(monkeypatch, tmp_path, language):
    def interrupted(**kwargs):
        raise grade.Interrupted(3, language)

    monkeypatch.setattr(cli.grade_module, "run", interrupted)
    result = CliRunner().invoke(cli.main, ["grade", "word_representation", str(tmp_path)])
    assert result.exit_code == 130 and result.stdout == ""
    assert result.stderr == MESSAGES[language]["cli_interrupted"].format(kept=3) + "\n"


def test_the_english_line_is_the_issues():
    assert MESSAGES["en"]["cli_interrupted"].format(kept=4) == (
        "interrupted: 4 graded and kept; run the same command again to finish"
    )


@pytest.mark.parametrize(
    "command, where, stop",
    [
        (["build"], "build_module", KeyboardInterrupt()),
        (["demo"], "build_module", KeyboardInterrupt()),
        (["demo"], "build_module", grade.Interrupted(2, "en")),  # a new demo grades all again
        (["audit"], "audit_module", KeyboardInterrupt()),
        (["check", "pyproject.toml"], "check_module", KeyboardInterrupt()),
        (["report", "notas.csv"], "report_module", KeyboardInterrupt()),
    ],
    ids=["build", "demo", "demo while grading", "audit", "check", "report"],
)
def test_ctrl_c_in_any_other_command_is_one_line_and_exits_130(monkeypatch, command, where, stop):
    def interrupted(**kwargs):
        raise stop

    monkeypatch.setattr(getattr(cli, where), "main", interrupted)
    result = CliRunner().invoke(cli.main, command)
    assert result.exit_code == 130 and result.stderr == "interrupted\n" and result.stdout == ""


def test_grade_says_in_one_line_when_the_machine_fails_it_with_status_1(monkeypatch, tmp_path):
    def fail(**kwargs):
        raise FileNotFoundError(2, "No such file or directory", "/proc/notas.lock")

    monkeypatch.setattr(cli.grade_module, "run", fail)
    result = CliRunner().invoke(cli.main, ["grade", "word_representation", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == "Error: [Errno 2] No such file or directory: '/proc/notas.lock'\n"


def stored(store: Path) -> int:
    """How many outcomes the store holds (0 while it does not exist yet)."""
    try:
        db = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
        try:
            return int(db.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def grade_command(build, folder: Path, out: Path, timeout: int) -> list[str]:
    """`rnngrade grade` of folder into out, one submission at a time (in name order)."""
    return [
        *(str(Path(sys.executable).parent / "rnngrade"), "grade", build.assignment.name, str(folder)),
        *(
            "-o",
            str(out),
            "--autograder",
            str(build.autograder_zip),
            "--jobs",
            "1",
            "--timeout",
            str(timeout),
        ),
    ]


def ctrl_c_once_one_is_stored(
    command: list[str], out: Path, *, ctrl_c: signal.Handlers
) -> tuple[int, str, str]:
    """command started in a session (process group) of its own with SIGINT set to ctrl_c,
    whatever this test inherited: SIG_DFL as a terminal starts a job in the foreground, SIG_IGN
    as a script without job control starts one in the background (`rnngrade grade ... &`), and
    as it passes to everything it starts. Once the store beside out holds an outcome, SIGINT to
    that group, as a terminal's Ctrl-C sends it: the command's status, stdout and stderr."""
    reset = "import os, signal, sys; signal.signal(signal.SIGINT, signal.Handlers(int(sys.argv[1])))"
    batch = subprocess.Popen(
        [sys.executable, "-c", f"{reset}; os.execv(sys.argv[2], sys.argv[2:])", str(int(ctrl_c)), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        while stored(out.with_suffix(".sqlite")) == 0:
            assert batch.poll() is None, batch.communicate()
            time.sleep(0.05)
        os.killpg(batch.pid, signal.SIGINT)
        stdout, stderr = batch.communicate(timeout=300)
    finally:
        if batch.poll() is None:
            os.killpg(batch.pid, signal.SIGKILL)
    return batch.returncode, stdout, stderr


@pytest.mark.slow
def test_ctrl_c_of_a_real_batch_keeps_what_was_graded_and_the_same_command_finishes(builds, tmp_path):
    """SIGINT to the command's process group, as a terminal's Ctrl-C sends it, once one outcome
    is stored while the other submission hangs: one line that counts what the store holds,
    status 130; then the same command grades only what is missing."""
    build = builds["word_representation"]
    folder = tmp_path / "entregas"
    folder.mkdir()
    nbformat.write(fill(render(build.assignment), [build.assignment.solution_path]), folder / "a.ipynb")
    # graded second (--jobs 1), and for minutes: each cell hangs until the cell limit stops it
    (folder / "b.py").write_text("# %%\nwhile True:\n    pass\n\n" * 20, encoding="utf-8")
    out = tmp_path / "notas.csv"
    command = grade_command(build, folder, out, timeout=3600)
    status, stdout, stderr = ctrl_c_once_one_is_stored(command, out, ctrl_c=signal.SIG_DFL)
    assert status == 130, stderr
    assert stdout == "" and "Traceback" not in stderr
    kept = stored(out.with_suffix(".sqlite"))
    said = [line for line in stderr.splitlines() if not line.startswith("sandbox:")]
    assert said == [MESSAGES["es"]["cli_interrupted"].format(kept=kept)] and kept >= 1
    assert out.is_file()  # the gradebook of what was kept

    (folder / "b.py").write_text("x = 1\n", encoding="utf-8")  # the hang mended; the same command
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    rows = out.read_text(encoding="utf-8").splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == ["a.ipynb", "b.py"]
    assert stored(out.with_suffix(".sqlite")) == 2  # a.ipynb was not graded again


@pytest.mark.slow
def test_a_batch_that_ignores_ctrl_c_grades_on_and_loses_no_submission_to_it(builds, tmp_path):
    """A batch started where SIGINT is ignored (the background of a script) is not interrupted
    by a Ctrl-C at the terminal, and neither are its graders: the submission being graded when
    it comes gets its own row, not a grader's error."""
    build = builds["word_representation"]
    folder = tmp_path / "entregas"
    folder.mkdir()
    (folder / "a.py").write_text("x = 1\n", encoding="utf-8")  # graded first, in a moment
    # graded second: its one cell sleeps until the cell limit (--timeout) stops it, using no CPU
    (folder / "b.py").write_text("import time\ntime.sleep(3600)\n", encoding="utf-8")
    out = tmp_path / "notas.csv"
    # the Ctrl-C comes while b.py sleeps, or as it starts
    status, _, stderr = ctrl_c_once_one_is_stored(
        grade_command(build, folder, out, timeout=5), out, ctrl_c=signal.SIG_IGN
    )
    assert status == 0, stderr
    rows = {row["submission"]: row for row in gradebook(out)}
    assert list(rows) == ["a.py", "b.py"]
    assert rows["b.py"]["status"] == "graded", rows["b.py"]["reason"]  # not "error": its grader lived on
    assert rows["b.py"]["reason"] == MESSAGES["es"]["engine_submission_time"].format(seconds=5)


def test_build_in_several_languages_at_once_forwards_them_all(calls):
    result = CliRunner().invoke(cli.main, ["build", "--lang", "es", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert calls["build"] == {"out": "dist", "language": ["es", "en"], "only": None, "seed": None}
