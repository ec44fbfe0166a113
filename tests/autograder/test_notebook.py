"""autograder.notebook: the skeleton notebook, in each language, from one source."""

import ast
import inspect

import nbformat
import pytest

from autograder import assignment as assignments
from autograder.notebook import render, skeleton
from rnncheck.messages import MESSAGES
from tests.conftest import ASSIGNMENTS


@pytest.mark.parametrize("name", ASSIGNMENTS)
@pytest.mark.parametrize("language", assignments.LANGUAGES)
def test_render_is_a_valid_notebook_tagged_with_its_assignment(name, language):
    nb = render(assignments.load(name), language)
    nbformat.validate(nb)
    assert nb.metadata["otter"]["assignment_name"] == name
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert first_code.source.endswith(f"grader = Notebook({name + '.ipynb'!r})")
    start = MESSAGES[language]["notebook_start"].format(assignment=name, notebook=f"{name}.ipynb")
    assert [c.source for c in nb.cells[1:3]] == [
        start,
        MESSAGES[language]["notebook_grading"],
    ]  # after the title


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_render_twice_gives_the_same_notebook(name):
    assignment = assignments.load(name)
    assert nbformat.writes(render(assignment)) == nbformat.writes(render(assignment))


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_spanish_and_english_share_code_and_differ_in_prose(name):
    assignment = assignments.load(name)
    es, en = render(assignment, "es"), render(assignment, "en")
    assert [c.cell_type for c in es.cells] == [c.cell_type for c in en.cells]
    prose = [(a.source, b.source) for a, b in zip(es.cells, en.cells) if a.cell_type == "markdown"]
    assert prose and all(a != b for a, b in prose)


@pytest.mark.parametrize("language", assignments.LANGUAGES)
@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_function_has_a_skeleton_with_its_docstring_in_the_language_and_a_check(name, language):
    assignment = assignments.load(name)
    solution = ast.parse(assignment.solution_path.read_text(encoding="utf-8"))
    docstrings = {n.name: ast.get_docstring(n) for n in solution.body if isinstance(n, ast.FunctionDef)}
    docstrings.update({f: inspect.cleandoc(text) for f, text in assignment.docstrings(language).items()})
    if language == "es":  # every function has its Spanish docstring
        assert set(assignment.docstrings("es")) == set(assignment.functions)
    code = [c.source for c in render(assignment, language).cells if c.cell_type == "code"]
    in_notebook = {
        node.name: node
        for source in code
        for node in ast.parse(
            "\n".join(line for line in source.splitlines() if not line.startswith("%"))
        ).body
        if isinstance(node, ast.FunctionDef)
    }
    for question, function in assignment.questions.items():
        assert any(source.startswith(f'grader.check("{question}")  #') for source in code)
        if not function:  # a question on the notebook as a whole, such as training
            continue
        node = in_notebook[function]
        assert ast.get_docstring(node) == docstrings[function]
        assert isinstance(node.body[-1], ast.Raise), f"{function} has a body in the skeleton"


@pytest.mark.parametrize("language", assignments.LANGUAGES)
def test_a_check_run_before_the_setup_cell_says_which_cell_to_run_first(language):
    nb = render(assignments.load("word_representation"), language)
    setup = next(c for c in nb.cells if c.cell_type == "code")
    check = next(c for c in nb.cells if c.source.startswith("grader.check("))
    with pytest.raises(NameError, match="grader"):  # what the student's kernel runs into
        exec(check.source, {})
    comment = MESSAGES[language]["check_cell_comment"]
    assert check.source.endswith(comment)  # shown on the line the NameError points at
    quoted = comment.split("«")[-1].split("»")[0] if "«" in comment else comment.split("“")[1].split("”")[0]
    assert setup.source.startswith(quoted)


def test_an_unfilled_function_says_so_plainly():
    assignment = assignments.load("word_representation")
    env = {}
    exec(skeleton(assignment.solution_path.read_text(encoding="utf-8"), "tokenize", "es"), env)
    with pytest.raises(
        NotImplementedError, match="Completa `tokenize`: esta función todavía no está implementada"
    ):
        env["tokenize"]("hola")
