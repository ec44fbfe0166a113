"""autograder.testfiles: the public part of a test file, and recording the reference's answers."""

import ast

import pytest

from autograder import assignment as assignments
from autograder.recorder import DuplicateLabel, Recorder
from autograder.testfiles import (
    ReferenceFailed,
    public_cases,
    public_source,
    record_answers,
    run,
    with_header,
    without_notes,
)
from rnncheck import answers
from tests.conftest import ASSIGNMENTS

SOURCE = """\
from otter.test_files import test_case

OK_FORMAT = False
name = "q1"


@test_case(points=1)
def test_public(env):
    assert env["f"](1) == 2


@test_case(points=2, hidden=True)
def test_secret(env):
    secret_input = 12345
    assert env["f"](secret_input) == 24690


@test_case(points=1, hidden=False)
def test_also_public(env):
    assert env["f"](0) == 0
"""


def test_public_source_drops_hidden_cases_and_nothing_else():
    public = public_source(SOURCE)
    assert "test_secret" not in public and "12345" not in public and "points=2" not in public
    assert "def test_public" in public and "def test_also_public" in public
    result = run(public, {"f": lambda x: 2 * x})
    assert [r.passed for r in result.test_case_results] == [True, True]
    assert result.possible == 2


def test_run_scores_cases_like_otter():
    result = run(SOURCE, {"f": lambda x: x + 1})
    assert [r.passed for r in result.test_case_results] == [True, False, False]
    assert result.score == 1 and result.possible == 4


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_test_file_has_public_and_hidden_cases_with_points(name):
    for path in assignments.load(name).test_files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        public, hidden = run(public_source(path.read_text(encoding="utf-8")), {}), run(path.read_text(), {})
        assert 0 < public.possible < hidden.possible, path.name
        assert any(isinstance(n, ast.Assign) and n.targets[0].id == "name" for n in tree.body)


def test_record_answers_refuses_a_reference_that_fails_its_tests(tmp_path, monkeypatch):
    broken = tmp_path / "solutions"
    broken.mkdir()
    assignment = assignments.load("word_representation")
    (broken / "word_representation.py").write_text(
        assignment.solution_path.read_text(encoding="utf-8").replace(".lower()", ""), encoding="utf-8"
    )
    monkeypatch.setattr(assignments, "SOLUTIONS_DIR", broken)
    with pytest.raises(ReferenceFailed, match="q1"):
        record_answers(assignment, {p.name: p.read_text(encoding="utf-8") for p in assignment.test_files})


def test_a_recorded_label_used_for_two_values_fails_the_build():
    recorder = Recorder({})
    assert recorder.computed("q1 central differences", lambda: 1.5) == 1.5
    assert recorder.computed("q1 central differences", lambda: 1.5) == 1.5  # the same value again
    with pytest.raises(DuplicateLabel, match="q1 central differences"):
        recorder.computed("q1 central differences", lambda: 2.5)


def test_reference_answers_asked_while_computing_a_recorded_value_are_not_kept():
    recorder = Recorder({"double": lambda x: 2 * x})
    with answers.recording(recorder):
        chosen = answers.recorded(
            "q1 the inputs whose double is 4",
            lambda: [x for x in (1, 2, 3) if answers.reference("double", x) == 4],
        )
        assert answers.reference("double", 5) == 10
    assert chosen == [2]
    assert sorted(entry["name"] for entry in recorder.entries.values()) == [
        "double",
        "q1 the inputs whose double is 4",
    ]


def test_a_mistake_of_the_called_function_itself_is_named_before_one_of_a_callee():
    # "rank" calls "score"; a wrong score and a wrong rank give the same ranking. The feedback
    # blames rank, the function whose answer is checked, though the callee's file sorts first.
    def score(x):
        return x

    def rank(xs):
        return sorted(xs, key=score)

    reference = {"score": score, "rank": rank}
    wrong_score = dict(reference, score=lambda x: -x)
    wrong_rank = dict(reference, rank=lambda xs: sorted(xs, reverse=True))
    wrong_score["rank"] = lambda xs: sorted(xs, key=wrong_score["score"])
    recorder = Recorder(
        reference,
        [("score negates", wrong_score, {"score"}), ("rank reverses", wrong_rank, {"rank"})],
    )
    with answers.recording(recorder):
        answers.reference("rank", [2, 1, 3])
    (entry,) = recorder.entries.values()
    assert [m["feedback"] for m in entry["mistakes"]] == ["rank reverses", "score negates"]


def _without_docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node):
            node.body = node.body[1:] or [ast.Expr(ast.Constant(...))]
    return ast.dump(tree)


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_shipped_test_files_keep_their_code_without_notes(name):
    for path in assignments.load(name).test_files:
        source = public_source(path.read_text(encoding="utf-8"))
        shipped = with_header(source, 'q · `f`: \\langle a """ b')
        assert "#" not in "".join(line.split('"')[0] for line in without_notes(source).splitlines())
        assert ast.get_docstring(ast.parse(shipped)) == 'q · `f`: \\langle a """ b'
        assert _without_docstrings(ast.parse(shipped)) == _without_docstrings(ast.parse(source))
        assert [case for case, _ in public_cases(source)] == [
            node.name
            for node in ast.parse(source).body
            if isinstance(node, ast.FunctionDef) and "test_" in node.name
        ]
