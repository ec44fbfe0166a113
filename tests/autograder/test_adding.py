"""docs/adding.md works as written: a new question is its reference function, its block in
notebook.yaml, one otter test file and its catalogue entries, with no change to the tooling.
The question is added to a copy of word_representation, built in both languages, and
audited through the grading engine."""

import shutil
import textwrap

import nbformat
import pytest
import yaml

from autograder import assignment as assignments
from autograder import audit
from autograder.build import build_assignment

pytestmark = pytest.mark.slow

FUNCTION = '''

def count_unknown(indices):
    """How many of the indices are <UNK>'s, index 0.

    Arguments:
    indices -- int array (T,), the indices of a text's words

    Returns:
    count -- int, the number of entries equal to 0
    """
    return int(np.sum(np.asarray(indices) == 0))
'''

BLOCK = {
    "markdown": {"es": "## 10. Palabras desconocidas", "en": "## 10. Unknown words"},
}
FUNCTION_CELL = {
    "function": "count_unknown",
    "question": "q10",
    "docstring": {
        "es": textwrap.dedent(
            """\
            Cuántos de los índices son el de <UNK>, el índice 0.

            Argumentos:
            indices -- arreglo de enteros (T,), los índices de las palabras de un texto

            Devuelve:
            count -- int, el número de entradas iguales a 0
            """
        )
    },
}

TESTS = '''"""q10 · count_unknown: how many indices are 0."""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_same, call, check_against_reference, hidden_rng

OK_FORMAT = False
name = "q10"


@test_case(points=1)
def test_small_example(env):
    assert_same(call(env, "count_unknown", np.array([0, 3, 0, 1])), 2, "count_unknown([0, 3, 0, 1])")


@test_case(points=1, hidden=True)
def test_unseen_indices(env):
    rng = hidden_rng("q10 unseen indices")
    indices = rng.integers(0, 4, size=int(rng.integers(5, 20)))
    check_against_reference(env, "count_unknown", indices, what="count_unknown(indices)")
'''

MISTAKE = '''"""count_unknown counts <EOS> (index 1) instead of <UNK>."""

import numpy as np

FEEDBACK = {"es": "cuenta <EOS> en vez de <UNK>", "en": "counts <EOS> instead of <UNK>"}


def count_unknown(indices):
    return int(np.sum(np.asarray(indices) == 1))
'''

CORRECT = '''"""count_unknown with a loop."""


def count_unknown(indices):
    return sum(1 for index in indices if index == 0)
'''


@pytest.fixture
def copy_of_the_kit(tmp_path, monkeypatch):
    """The kit's sources copied to tmp_path, and autograder.assignment reading them there."""
    for folder, attribute in [
        ("assignments", "ASSIGNMENTS_DIR"),
        ("solutions", "SOLUTIONS_DIR"),
        ("otter_tests", "OTTER_TESTS_DIR"),
        ("catalogue", "CATALOGUE_DIR"),
    ]:
        shutil.copytree(getattr(assignments, attribute), tmp_path / folder)
        monkeypatch.setattr(assignments, attribute, tmp_path / folder)
    return tmp_path


def test_a_question_added_as_the_guide_says_is_built_graded_and_audited(copy_of_the_kit, tmp_path):
    root = copy_of_the_kit
    solution = root / "solutions" / "word_representation.py"
    solution.write_text(solution.read_text(encoding="utf-8") + FUNCTION, encoding="utf-8")
    spec_path = root / "assignments" / "word_representation" / "notebook.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    export = next(i for i, cell in enumerate(spec["cells"]) if "export" in cell)
    spec["cells"][export - 1 : export - 1] = [BLOCK, FUNCTION_CELL, {"check": "q10"}]  # before "## Entrega"
    spec_path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "otter_tests" / "word_representation" / "q10.py").write_text(TESTS, encoding="utf-8")
    catalogue = root / "catalogue" / "word_representation"
    (catalogue / "mistakes" / "count_unknown_counts_eos.py").write_text(MISTAKE, encoding="utf-8")
    (catalogue / "correct" / "count_unknown_loop.py").write_text(CORRECT, encoding="utf-8")

    assignment = assignments.load("word_representation")
    assert assignment.questions["q10"] == "count_unknown"
    for language in assignments.LANGUAGES:
        build = build_assignment(assignment, tmp_path / f"dist-{language}", language, seed=5)
        nb = nbformat.read(build.student / assignment.notebook_name, 4)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert "def count_unknown(indices):" in code and 'grader.check("q10")' in code
        assert (build.student / "tests" / "q10.py").is_file()
    verdicts = audit.audit_assignment(assignment, tmp_path / "audit", seed=5)
    assert [v.line() for v in verdicts if not v.ok] == []
    mistake = next(v for v in verdicts if v.entry == "count_unknown_counts_eos")
    assert mistake.row.scores["q10"] == 0 and "cuenta <EOS> en vez de <UNK>" in " ".join(
        mistake.row.feedback["q10"]
    )
