"""The grader against its catalogues: every realistic mistake loses points on its own
question and nowhere it should not; every correct alternative gets full marks.

Entries are graded by the grading engine, as students' submissions are, with the suite's
fixed seed of hidden inputs (`rnngrade audit --seed N` tries others).
"""

from pathlib import Path

import pytest

from autograder import assignment as assignments
from autograder import audit, grade
from autograder.engine.outcome import Case, Outcome, Question
from tests.conftest import ASSIGNMENTS, SEED

ENTRIES = [
    pytest.param(name, kind, entry, id=f"{name}/{kind}/{entry}")
    for name in ASSIGNMENTS
    for kind, entry, _ in audit.entries(assignments.load(name))
]


@pytest.fixture(scope="session")
def verdicts(builds, tmp_path_factory):
    cache = {}

    def of(name):
        if name not in cache:
            found = audit.audit_assignment(
                assignments.load(name), tmp_path_factory.mktemp(name), seed=SEED, build=builds[name]
            )
            cache[name] = {(v.kind, v.entry): v for v in found}
        return cache[name]

    return of


@pytest.mark.slow  # four whole batches through the engine, about a minute
@pytest.mark.parametrize(("name", "kind", "entry"), ENTRIES)
def test_catalogue_entry_is_graded_as_expected(verdicts, name, kind, entry):
    verdict = verdicts(name)[(kind, entry)]
    assert verdict.ok, verdict.line()


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_catalogue_is_big_enough(name):
    assignment = assignments.load(name)
    assert len(assignment.catalogue("mistakes")) >= 10
    assert len(assignment.catalogue("correct")) >= 3
    covered = set().union(*(audit.defined_functions(p) for p in assignment.catalogue("mistakes")))
    assert covered >= set(assignment.functions), f"no mistake for {set(assignment.functions) - covered}"


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_the_shorter_audit_keeps_every_correct_version_and_a_mistake_of_each_function(name):
    assignment = assignments.load(name)
    every, chosen = audit.entries(assignment), audit.one_mistake_per_function(assignment)
    assert [e for e in every if e[0] != "mistakes"] == [e for e in chosen if e[0] != "mistakes"]
    mistakes = [path for kind, _, path in chosen if kind == "mistakes"]
    assert set().union(*(audit.defined_functions(p) for p in mistakes)) >= set(assignment.functions)
    assert len(chosen) < len(every)


def fake_row(assignment, lost=(), message="falló"):
    """An outcome with no points on the questions `lost` (their one case failed with message)."""
    questions = {
        q: Question(q, 0.0 if q in lost else p, p, (Case(f"{q} - 1", p, False, q not in lost, message),))
        for q, p in grade.points(assignment).items()
    }
    return Outcome("x.ipynb", questions)


def mistake_file(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "mistake.py"
    path.write_text(source, encoding="utf-8")
    return path


def test_judge_flags_a_mistake_that_keeps_full_marks(tmp_path):
    assignment = assignments.load("word_representation")
    path = mistake_file(tmp_path, "def tokenize(text):\n    return text.split()\n")
    assert audit.judge(assignment, "mistakes", path, fake_row(assignment)) == [
        "q1 (tokenize) kept full marks"
    ]
    assert audit.judge(assignment, "mistakes", path, fake_row(assignment, lost={"q1"})) == []


def test_judge_flags_points_lost_on_a_question_that_does_not_use_the_mistake(tmp_path):
    assignment = assignments.load("word_representation")
    path = mistake_file(tmp_path, "def tokenize(text):\n    return text.split()\n")
    problems = audit.judge(assignment, "mistakes", path, fake_row(assignment, lost={"q1", "q7"}))
    assert problems == ["q7 (cosine_similarity) lost points but does not use ['tokenize']"]


def test_judge_requires_the_feedback_phrase(tmp_path):
    assignment = assignments.load("word_representation")
    path = mistake_file(
        tmp_path, 'FEEDBACK = "no pasa a minúsculas"\n\ndef tokenize(text):\n    return text.split()\n'
    )
    row = fake_row(assignment, lost={"q1"})
    assert audit.judge(assignment, "mistakes", path, row) == [
        "feedback does not name the mistake ('no pasa a minúsculas')"
    ]
    named = "tokens no coincide. Pista: tu resultado coincide con un error frecuente: no pasa a minúsculas."
    row = fake_row(assignment, lost={"q1"}, message=named)
    assert audit.judge(assignment, "mistakes", path, row) == []


def test_judge_expects_full_marks_from_correct_versions_and_zero_from_the_skeleton():
    assignment = assignments.load("word_representation")
    assert audit.judge(assignment, "correct", None, fake_row(assignment, lost={"q3"}))
    assert audit.judge(assignment, "skeleton", None, fake_row(assignment))


def test_judge_flags_a_caller_that_lost_points_for_its_callee(tmp_path):
    # isolation: rnn_cell_forward runs with the reference softmax, so a wrong softmax costs q1 only
    assignment = assignments.load("rnn_forward")
    path = mistake_file(tmp_path, "def softmax(z):\n    return z\n")
    assert audit.judge(assignment, "mistakes", path, fake_row(assignment, lost={"q1"})) == []
    assert audit.judge(assignment, "mistakes", path, fake_row(assignment, lost={"q1", "q3"})) == [
        "q3 (rnn_cell_forward) lost points but does not use ['softmax']"
    ]


def test_judge_lets_a_question_on_the_whole_notebook_lose_points_for_what_it_uses(tmp_path):
    assignment = assignments.load("bptt")
    path = mistake_file(
        tmp_path, "def sgd_step(parameters, gradients, learning_rate):\n    return parameters\n"
    )
    assert audit.judge(assignment, "mistakes", path, fake_row(assignment, lost={"q9", "q10"})) == []
