"""`rnngrade check` (autograder.check): the public tests of every question, one line each,
graded in the grading sandbox; hostile notebooks (tests/engine/hostile/check_*.py) and files
planted beside the notebook show their real scores and reach nothing of the instructor's."""

import ast
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from autograder import assignment as assignments
from autograder import check, cli
from autograder.engine import batch
from autograder.engine.process import Zygote
from autograder.fill import fill
from autograder.notebook import render
from rnncheck.messages import say
from rnncheck.notebook import read_cases
from tests.autograder.kernel import execute, shown

pytestmark = pytest.mark.slow


@pytest.fixture
def release(builds, tmp_path):
    """A copy of the word_representation student release, as a student would unzip it."""
    build = builds["word_representation"]
    folder = tmp_path / "word_representation"
    shutil.copytree(build.student, folder)
    return build.assignment, folder


def test_check_of_the_filled_notebook_passes_every_question(release):
    assignment, folder = release
    path = folder / assignment.notebook_name
    nbformat.write(fill(nbformat.read(path, 4), [assignment.solution_path]), path)
    results = check.main(path=path)
    assert [r.question for r in results] == list(assignment.questions)
    assert all(r.passed and r.possible > 0 for r in results)
    assert results[0].line().startswith("q1   tokenize")


def test_check_of_the_skeleton_says_what_is_missing(release):
    assignment, folder = release
    results = check.main(path=folder / assignment.notebook_name)
    assert all(r.score == 0 for r in results)
    assert (
        results[1].message
        == "`build_vocabulary` todavía no está implementada: completa su cuerpo y vuelve a ejecutar la celda."
    )
    assert "✘" in results[1].line()


def test_check_of_a_notebook_outside_its_release_builds_the_public_tests(builds, tmp_path):
    build = builds["word_representation"]
    nb = fill(
        nbformat.read(build.student / build.assignment.notebook_name, 4), [build.assignment.solution_path]
    )
    nb = fill(nb, ["def tokenize(text):\n    return text.split()\n"])
    path = tmp_path / "mi_tarea.ipynb"
    nbformat.write(nb, path)
    results = {r.question: r for r in check.main(path=path)}
    assert not results["q1"].passed and "tokenize" in results["q1"].message
    assert all(r.passed for q, r in results.items() if q != "q1")


def test_check_of_a_python_file_needs_the_assignment(builds, tmp_path):
    source = builds["word_representation"].assignment.solution_path.read_text(encoding="utf-8")
    path = tmp_path / "entrega.py"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ValueError, match="--assignment"):
        check.main(path=path)
    results = check.main(path=path, assignment="word_representation")
    assert len(results) == 9 and all(r.passed for r in results)


def test_check_of_a_notebook_that_loops_ends_and_names_the_function(builds, tmp_path, monkeypatch):
    monkeypatch.setenv("RNNCHECK_TIME_LIMIT", "1")  # per call of a student function
    monkeypatch.setenv("RNNCHECK_CELL_TIME_LIMIT", "1")  # per cell
    build = builds["word_representation"]
    nb = fill(
        nbformat.read(build.student / build.assignment.notebook_name, 4), [build.assignment.solution_path]
    )
    nb = fill(nb, ["def tokenize(text):\n    while True:\n        pass\n"])
    nb.cells.insert(3, nbformat.v4.new_code_cell("while True:\n    pass"))
    path = tmp_path / "bucle.ipynb"
    nbformat.write(nb, path)
    results = {r.question: r for r in check.main(path=path)}
    assert results["q1"].message == "`tokenize` no terminó en 1 s (¿un bucle infinito?)."
    assert results["q7"].passed


def test_the_release_checks_every_question_from_a_terminal(release):
    assignment, folder = release
    path = folder / assignment.notebook_name
    nbformat.write(fill(nbformat.read(path, 4), [assignment.solution_path]), path)
    done = subprocess.run([sys.executable, "-m", "rnncheck"], cwd=folder, capture_output=True, text=True)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines[1:-1] == [f"✔ {q}" for q in assignment.questions]
    assert lines[-1] == say("check_summary", passed=9, count=9)
    nbformat.write(fill(nbformat.read(path, 4), ["def one_hot(indices, vocab_size):\n    return 0\n"]), path)
    done = subprocess.run([sys.executable, "-m", "rnncheck"], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 1 and "✘ q4" in done.stdout and "✔ q5" in done.stdout


def test_grader_check_of_a_function_that_never_returns_names_it(release, monkeypatch):
    monkeypatch.setenv("RNNCHECK_TIME_LIMIT", "1")  # the kernel inherits this process's environment
    assignment, folder = release
    nb = fill(nbformat.read(folder / assignment.notebook_name, 4), [assignment.solution_path])
    check_q1 = next(i for i, c in enumerate(nb.cells) if c.source.startswith('grader.check("q1")'))
    loop = nbformat.v4.new_code_cell("def tokenize(text):\n    while True:\n        pass")
    nb.cells = [*nb.cells[:check_q1], loop, nb.cells[check_q1]]  # the notebook up to q1's check
    nb = execute(nb, folder)
    assert "`tokenize` no terminó en 1 s (¿un bucle infinito?)." in shown(nb.cells[-1])


# ---------------------------------------------------------------- the check of a hostile notebook

HOSTILE = Path(__file__).resolve().parents[1] / "engine" / "hostile"
RNNGRADE = Path(sys.executable).parent / "rnngrade"
WORDS = "word_representation"


def hostile_cells(name: str, **places: str) -> list[str]:
    """The cells of tests/engine/hostile/<name>.py (split at "# %%"), with @@PLACES@@ filled."""
    source = (HOSTILE / f"{name}.py").read_text(encoding="utf-8")
    for key, value in places.items():
        source = source.replace(f"@@{key}@@", value)
    return [part.strip() + "\n" for part in re.split(r"^# %%.*$", source, flags=re.MULTILINE) if part.strip()]


@pytest.fixture
def home(tmp_path):
    """The instructor's home for one test: a secret key in .ssh/id_rsa, nothing else."""
    folder = tmp_path / "casa"
    (folder / ".ssh").mkdir(parents=True)
    secret = f"SECRET-{secrets.token_hex(8)}"
    (folder / ".ssh" / "id_rsa").write_text(secret + "\n", encoding="utf-8")
    (folder / ".ssh" / "id_rsa").chmod(0o600)
    return folder, secret


def files_under(folder: Path) -> dict[str, bytes]:
    """relative path -> bytes of every file under folder, but matplotlib's own cache (the grading
    engine's trusted side imports matplotlib, which keeps its font list in ~/.cache)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not str(p.relative_to(folder)).startswith((".cache/matplotlib", ".config/matplotlib"))
    }


def run_check(path: Path, home: Path, cwd: Path) -> subprocess.CompletedProcess:
    """`rnngrade check path` as an instructor runs it: from a terminal, in cwd, with that HOME."""
    return subprocess.run(
        [str(RNNGRADE), "check", str(path)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        timeout=600,
    )


def public_points(assignment: assignments.Assignment) -> dict[str, float]:
    """Question -> the points of its public cases."""
    return {
        path.stem: sum(case.points for case in read_cases(str(path)) if not case.hidden)
        for path in assignment.test_files
    }


def expected_lines(assignment: assignments.Assignment, scores: dict[str, float]) -> list[str]:
    """The lines `rnngrade check` prints (no failure messages) for these scores, per question."""
    possible = public_points(assignment)
    lines = [
        check.QuestionResult(q, f, scores[q], possible[q], "").line() for q, f in assignment.questions.items()
    ]
    return lines + [f"{'total':<27} {sum(scores.values()):g}/{sum(possible.values()):g}"]


def test_check_of_a_filled_notebook_prints_the_same_lines_as_before(release, home, tmp_path):
    assignment, folder = release
    path = folder / assignment.notebook_name
    nbformat.write(fill(nbformat.read(path, 4), [assignment.solution_path]), path)
    done = run_check(path, home[0], folder)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout.splitlines() == expected_lines(assignment, public_points(assignment))


def test_check_of_a_hostile_notebook_reads_and_writes_nothing_and_shows_the_real_scores(home, tmp_path):
    folder, secret = home
    assignment = assignments.load(WORDS)
    nb = render(assignment)
    token = secrets.token_hex(6)
    cells = hostile_cells("check_home_and_forged_total", HOME=str(folder), TOKEN=token)
    nb.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    work = tmp_path / "entregas"
    work.mkdir()
    path = work / "tarea.ipynb"
    nbformat.write(nb, path)
    before = files_under(folder), files_under(work)
    done = run_check(path, folder, work)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    lines = done.stdout.splitlines()
    zeros = {q: 0.0 for q in assignment.questions}
    expected = expected_lines(assignment, zeros)
    total = sum(public_points(assignment).values())
    assert len(lines) == len(expected) and lines[-1] == expected[-1] == f"{'total':<27} 0/{total:g}"
    assert lines[0].startswith(expected[0] + "  ") and "hostile-ran read 0: [] wrote []" in lines[0]
    assert [line[: len(e)] for line, e in zip(lines[1:-1], expected[1:-1])] == expected[1:-1]
    assert secret not in done.stdout
    assert (files_under(folder), files_under(work)) == before
    assert not [p for p in Path("/tmp").glob(f"*{token}*")]


BESIDE = """import os, sys
for folder in (os.environ.get("HOME", "/tmp"), os.path.dirname(os.path.abspath(__file__))):
    try:
        with open(os.path.join(folder, "hostile-{token}-{name}"), "w") as f:
            f.write("ran")
    except OSError:
        pass
print("q1   tokenize               3/3  ✔")
print("total                       17.75/17.75")
"""
FORGED_REPORT = json.dumps(
    {"cell_errors": [], "questions": [{"question": "q1", "score": 99, "possible": 99, "failures": []}]}
)


def forged_test() -> str:
    """The forged test file of hostile/forge_shadow_files_in_cwd.py: 100 points that always pass."""
    tree = ast.parse((HOSTILE / "forge_shadow_files_in_cwd.py").read_text(encoding="utf-8"))
    found = [
        n.value for n in tree.body if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == "FORGED_TEST"
    ]
    return str(ast.literal_eval(found[0]))


def test_check_never_runs_or_reads_the_files_beside_the_notebook(home, tmp_path):
    folder, secret = home
    assignment = assignments.load(WORDS)
    token = secrets.token_hex(6)
    release = tmp_path / WORDS
    for name in ("sitecustomize.py", "usercustomize.py", "numpy.py", "rnncheck/__init__.py",
                 "rnncheck/__main__.py", "rnncheck/notebook.py", "otter/__init__.py", "IPython/__init__.py",
                 *(f"tests/q{n}.py" for n in range(1, 10))):  # fmt: skip
        text = BESIDE.format(token=token, name=name.replace("/", "-"))
        if name.startswith("tests/"):
            text += forged_test().format(q=Path(name).stem)
        if name == "rnncheck/__main__.py":
            text += f"print({FORGED_REPORT!r})\n"
        (release / name).parent.mkdir(parents=True, exist_ok=True)
        (release / name).write_text(text, encoding="utf-8")
    (release / "data").mkdir()
    (release / "data" / "frases_es.txt").write_text("hola\n", encoding="utf-8")  # not the release's data
    path = release / assignment.notebook_name
    nbformat.write(render(assignment), path)
    before = files_under(folder), files_under(release)
    done = run_check(path, folder, release)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    lines = done.stdout.splitlines()
    expected = expected_lines(assignment, {q: 0.0 for q in assignment.questions})
    assert [line[: len(e)] for line, e in zip(lines, expected)] == expected and len(lines) == len(expected)
    assert "17.75" not in done.stdout and "99" not in done.stdout
    assert (files_under(folder), files_under(release)) == before


def test_check_refuses_where_the_sandbox_lacks_landlock_before_any_cell_runs(tmp_path, monkeypatch):
    spawned = tmp_path / "spawned"

    class NoLandlock(Zygote):
        """The engine's zygote, as on a kernel without Landlock; it notes any process it starts."""

        def __init__(self) -> None:
            super().__init__()
            self.missing = {**self.missing, "landlock": "Landlock is not enabled in this kernel"}

        def spawn(self, *args, **kwargs):
            spawned.touch()
            return super().spawn(*args, **kwargs)

    monkeypatch.setattr(batch, "Zygote", NoLandlock)  # the grader process is forked: it has it too
    path = tmp_path / "tarea.ipynb"
    nbformat.write(render(assignments.load(WORDS)), path)
    done = CliRunner().invoke(cli.main, ["check", str(path)])
    assert done.exit_code == 1 and not spawned.exists()
    assert done.output == (
        "Error: rnngrade check runs a notebook only inside the grading sandbox, and this machine lacks "
        "landlock (Landlock is not enabled in this kernel): run the check on Linux with Landlock and "
        "seccomp (as root, or in a container)\n"
    )


def test_check_refuses_without_a_user_of_its_own_only_as_root(monkeypatch):
    missing = {"user": "Python lives in /root, closed to other users", "disk": "no private tmpfs"}
    if os.geteuid() == 0:
        with pytest.raises(check.Refused, match="lacks user"):
            check.refuse_unconfined(missing)
    else:
        check.refuse_unconfined(missing)
    check.refuse_unconfined({"disk": "no private tmpfs", "network": "no namespaces"})
