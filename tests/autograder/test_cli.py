"""rnngrade: each command forwards its arguments to one library function."""

from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from autograder import cli
from autograder.store import StoreBusy


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
    assert calls["check"] == {"path": str(path), "assignment": "word_representation", "language": None}


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

    monkeypatch.setattr(cli.grade_module, "main", refuse)
    result = CliRunner().invoke(cli.main, ["grade", "word_representation", str(tmp_path)])
    assert result.exit_code == 2 and result.output == f"Error: {error}\n"


def test_grade_rejects_an_unknown_assignment(calls, tmp_path):
    result = CliRunner().invoke(cli.main, ["grade", "nope", str(tmp_path)])
    assert result.exit_code == 2 and "nope" in result.output


def test_audit_exits_1_when_a_verdict_fails(calls):
    result = CliRunner().invoke(cli.main, ["audit", "--seed", "3"])
    assert result.exit_code == 1 and "FAIL x" in result.output and "0 passed, 1 failed" in result.output
    assert calls["audit"] == {"assignment": None, "jobs": None, "seed": 3}


def test_check_reports_a_missing_assignment_without_a_traceback(monkeypatch, tmp_path):
    def refuse(**kwargs):
        raise ValueError("cannot tell the assignment; pass --assignment")

    monkeypatch.setattr(cli.check_module, "main", refuse)
    path = tmp_path / "a.py"
    path.write_text("x = 1")
    result = CliRunner().invoke(cli.main, ["check", str(path)])
    assert result.exit_code == 1 and "Error: cannot tell the assignment" in result.output


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
