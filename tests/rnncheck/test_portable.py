"""The student's side on a machine that is not Linux, in this process and in every process it
starts (a sitecustomize on PYTHONPATH):

    windows  no SIGALRM, no setitimer, no fork, multiprocessing's spawn start method, no
             `resource`: time limits take the timer thread's path (rnncheck.student)
    macos    sys.platform 'darwin', the spawn start method (macOS's default), no /proc (every
             open or listing of it fails); SIGALRM and setitimer are there, as on macOS, so time
             limits take the same path as on Linux, now with spawn and without /proc

A small release of two questions stands in for a built one: the loop time limit,
`python -m rnncheck` and export work there, name cells by their first line and blame the
function that loops. tests/autograder/test_release_terminal.py runs every public check of
every built assignment under the simulated Windows."""

import ast
import contextlib
import io
import json
import linecache
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import nbformat
import pytest

import rnncheck
from rnncheck import notebook as rnncheck_notebook
from rnncheck import student
from rnncheck.__main__ import progress
from rnncheck.cells import cell_name
from rnncheck.feedback import Feedback
from rnncheck.messages import say

PACKAGE = Path(rnncheck.__file__).parent

# What a Windows Python lacks, taken away at startup in every process the test starts.
WINDOWS = """
import multiprocessing, os, signal, sys
for name in ("SIGALRM", "setitimer", "ITIMER_REAL", "alarm"):
    if hasattr(signal, name):
        delattr(signal, name)
if hasattr(os, "fork"):
    del os.fork
sys.modules["resource"] = None  # import resource raises ImportError, as on Windows
multiprocessing.set_start_method("spawn", force=True)
"""


@contextlib.contextmanager
def simulated(folder, monkeypatch, sitecustomize):
    """Within this block, the processes this one starts run sitecustomize at startup (its folder
    on PYTHONPATH, yielded), and this one's multiprocessing uses spawn, as Windows and macOS do."""
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(sitecustomize, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(folder))
    method = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method("spawn", force=True)
    try:
        yield folder
    finally:
        multiprocessing.set_start_method(method, force=True)


@pytest.fixture
def windows(tmp_path, monkeypatch):
    """This process and its children as on Windows, as far as Linux allows; the folder of the
    sitecustomize that does it to children."""
    for name in ("SIGALRM", "setitimer", "ITIMER_REAL", "alarm"):
        monkeypatch.delattr(signal, name, raising=False)
    monkeypatch.delattr(os, "fork", raising=False)
    monkeypatch.setitem(sys.modules, "resource", None)
    with simulated(tmp_path / "windows", monkeypatch, WINDOWS) as site:
        yield site


# What macOS is, as far as Linux can show it, set at startup in every process the test starts:
# its platform name, its default start method, and no /proc (an audit hook refuses it).
MACOS = """
import sys
sys.platform = "darwin"
import multiprocessing
multiprocessing.set_start_method("spawn", force=True)


def _no_proc(event, args):
    if event in ("open", "os.listdir", "os.scandir") and args and str(args[0]).startswith("/proc"):
        raise FileNotFoundError(2, "No such file or directory (simulated macOS)", str(args[0]))


sys.addaudithook(_no_proc)
"""
_NO_PROC = [False]  # whether this process's own audit hook (added once, never removed) refuses /proc


def _no_proc_here(event, args):
    if (
        _NO_PROC[0]
        and event in ("open", "os.listdir", "os.scandir")
        and args
        and str(args[0]).startswith("/proc")
    ):
        raise FileNotFoundError(2, "No such file or directory (simulated macOS)", str(args[0]))


@pytest.fixture
def macos(tmp_path, monkeypatch):
    """This process and its children as on macOS, as far as Linux allows; the folder of the
    sitecustomize that does it to children."""
    monkeypatch.setattr(sys, "platform", "darwin")
    if not _NO_PROC[1:]:
        sys.addaudithook(_no_proc_here)
        _NO_PROC.append(True)
    _NO_PROC[0] = True
    try:
        with simulated(tmp_path / "macos", monkeypatch, MACOS) as site:
            yield site
    finally:
        _NO_PROC[0] = False


@pytest.fixture(params=["windows", "macos"])
def elsewhere(request):
    """Each simulated machine in turn (windows, macos): its sitecustomize's folder."""
    return request.getfixturevalue(request.param)


def test_macos_fixture_is_darwin_with_spawn_and_no_proc_in_children_too(macos):
    probe = "import os, signal, sys, multiprocessing\n"
    probe += "try:\n    open('/proc/self/status').close()\n    p = True\nexcept OSError:\n    p = False\n"
    probe += "print(sys.platform, multiprocessing.get_start_method(), p, hasattr(signal, 'SIGALRM'))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["darwin", "spawn", "False", "True"]
    with pytest.raises(FileNotFoundError):
        open("/proc/self/status").close()
    assert student._alarm_here()  # macOS has SIGALRM: the same path as Linux, not the timer thread


def test_windows_fixture_takes_away_what_windows_lacks_in_children_too(windows):
    probe = "import os, signal, multiprocessing\n"
    probe += "try:\n    import resource\n    r = True\nexcept ImportError:\n    r = False\n"
    probe += "print(hasattr(signal, 'SIGALRM'), hasattr(os, 'fork'), r, multiprocessing.get_start_method())"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False", "False", "spawn"]
    assert not hasattr(signal, "SIGALRM")


TESTS = {
    "q1": """from otter.test_files import test_case
from rnncheck import call, assert_same

name = "q1"

@test_case(points=1)
def test_tokenize(env):
    assert_same(call(env, "tokenize", "Hola mundo"), ["hola", "mundo"], "tokenize('Hola mundo')")
""",
    "q2": """from otter.test_files import test_case
from rnncheck import call, assert_same

name = "q2"

@test_case(points=1)
def test_encode(env):
    assert_same(call(env, "encode", "hola hola"), [0, 0], "encode('hola hola')")
""",
}
SETUP = (
    "import sys, os\nsys.path.insert(0, os.getcwd())\n"
    'from rnncheck.notebook import Notebook\ngrader = Notebook("tarea.ipynb")'
)
TOKENIZE = "def tokenize(text):\n    return text.lower().split()"
WRONG_TOKENIZE = "def tokenize(text):\n    return text.split()"
LOOPING_TOKENIZE = "def tokenize(text):\n    words = []\n    while True:\n        words.append(text)"
ENCODE = "def encode(text):\n    return [0 for word in tokenize(text)]"


def release(folder, *cells):
    """A release of two questions in folder: rnncheck, tests/q1.py and q2.py, and tarea.ipynb
    made of the setup cell, then `cells`, each followed by its check, then the export cell."""
    shutil.copytree(PACKAGE, folder / "rnncheck", ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "tests").mkdir()
    for question, text in TESTS.items():
        (folder / "tests" / f"{question}.py").write_text(text, encoding="utf-8")
    sources = [SETUP]
    for source in cells:
        sources.append(source)
        if source.startswith("def tokenize"):
            sources.append('grader.check("q1")')
        if source.startswith("def encode"):
            sources.append('grader.check("q2")')
    sources.append("grader.export()")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nbformat.write(nb, folder / "tarea.ipynb")
    return folder / "tarea.ipynb"


def run_check(path, **environment):
    done = subprocess.run(
        [sys.executable, "-m", "rnncheck", str(path)],
        cwd=path.parent,
        capture_output=True,
        text=True,
        env={**os.environ, **environment},
        timeout=300,
    )
    return done.returncode, done.stdout + done.stderr


def test_call_time_limit_stops_a_loop_and_blames_the_function_that_loops_without_linux(elsewhere):
    env = {}
    exec(compile(LOOPING_TOKENIZE + "\n" + ENCODE, "<notebook>", "exec"), env)
    os.environ["RNNCHECK_TIME_LIMIT"] = "0.2"
    try:
        with pytest.raises(Feedback) as stopped:
            rnncheck.call(env, "encode", "hola")
        with pytest.raises(Feedback) as direct:
            rnncheck.call(env, "tokenize", "hola")
    finally:
        del os.environ["RNNCHECK_TIME_LIMIT"]
    assert str(stopped.value) == say("call_time_inside", name="encode", inner="tokenize", seconds="0.2")
    assert str(direct.value) == say("engine_call_time", name="tokenize", seconds="0.2")


def test_time_limit_stops_code_that_swallows_the_stop_and_leaves_nothing_behind(elsewhere):
    def stubborn():  # catches the first stop, then loops again
        try:
            while True:
                pass
        except BaseException:
            pass
        while True:
            pass

    with pytest.raises(student.TimeUp):
        with student.stopped_after(0.1):
            stubborn()
    # a block that ends in time is never interrupted afterwards: the timer is disarmed
    with student.stopped_after(0.05):
        pass
    total = 0
    for number in range(3_000_000):  # longer than the limit above, outside its block
        total += number
    assert total > 0


def test_time_limit_uses_sigalrm_in_the_main_thread_where_unix_has_it():
    assert student._alarm_here() == hasattr(signal, "SIGALRM")
    with pytest.raises(student.TimeUp):
        with student.stopped_after(0.1):
            while True:
                pass


@pytest.mark.slow  # python -m rnncheck in a fresh process
def test_python_m_rnncheck_without_linux_names_cells_by_their_first_line_and_the_looping_function(
    elsewhere, tmp_path
):
    top_level_loop = "# usa tokenize\nwords = tokenize('una frase')"
    path = release(tmp_path / "tarea", LOOPING_TOKENIZE, ENCODE, top_level_loop)
    code, shown = run_check(path, RNNCHECK_TIME_LIMIT="0.2", RNNCHECK_CELL_TIME_LIMIT="0.5")
    assert code == 1 and "Traceback" not in shown
    stopped_cell = say(
        "check_cell_stopped_inside",
        cell=cell_name(top_level_loop, capital=True),
        seconds="0.5",
        inner="tokenize",
    )
    assert stopped_cell in shown
    assert say("engine_call_time", name="tokenize", seconds="0.2") in shown
    assert say("call_time_inside", name="encode", inner="tokenize", seconds="0.2") in shown
    assert "celda 4" not in shown and "celda 6" not in shown


@pytest.mark.slow  # python -m rnncheck in a fresh process
def test_python_m_rnncheck_without_linux_passes_a_correct_notebook(elsewhere, tmp_path):
    path = release(tmp_path / "tarea", TOKENIZE, ENCODE)
    code, shown = run_check(path)
    assert code == 0, shown
    assert say("check_summary", passed=2, count=2) in shown


def test_cell_name_is_its_first_line_and_the_function_it_holds():
    assert cell_name("\n\ndef tokenize(text):\n    pass") == say("cell_named", first="def tokenize(text):")
    commented = "# Paso 2\ndef encode(text):\n    pass"
    assert cell_name(commented) == say("cell_named_function", function="encode", first="# Paso 2")
    assert cell_name("%time x = `1`" + "y" * 100).endswith("…`")
    assert cell_name("x = 1", capital=True).startswith("La celda")


def kernel_env(path, order, monkeypatch):
    """The globals of a kernel that ran the saved notebook's cells in `order` (numbers of its
    code cells, from 0) in its folder, each cell's source where inspect finds it, as IPython
    keeps it."""
    monkeypatch.chdir(path.parent)
    monkeypatch.setattr(sys, "path", list(sys.path))
    env = {"__name__": "__main__"}
    cells = [c.source for c in nbformat.read(path, 4).cells]
    for number in order:
        filename = f"<kernel cell {number}>"
        linecache.cache[filename] = (len(cells[number]), None, cells[number].splitlines(True), filename)
        exec(compile(cells[number], filename, "exec"), env)
    return env


def export(path, env, monkeypatch, capsys):
    monkeypatch.setattr(rnncheck_notebook, "RELEASE", str(path.parent))
    env["grader"].export(env)
    return capsys.readouterr().out


def test_export_refuses_a_fix_run_last_above_the_wrong_cell_and_names_that_cell(
    elsewhere, tmp_path, monkeypatch, capsys
):
    path = release(tmp_path / "tarea", TOKENIZE, WRONG_TOKENIZE, ENCODE)
    stale = path.parent / f"tarea{say('export_suffix')}.zip"
    stale.write_bytes(b"an earlier export")
    # cells: 0 setup, 1 fixed tokenize, 2 check, 3 wrong tokenize, 4 check, 5 encode, 6 check
    env = kernel_env(path, [0, 3, 1, 5], monkeypatch)
    assert env["tokenize"]("A b") == ["a", "b"]  # the kernel holds the fix
    shown = export(path, env, monkeypatch, capsys)
    assert say("check_summary", passed=2, count=2) in shown  # the live kernel passes
    wrong = cell_name(WRONG_TOKENIZE)
    assert say("export_redefined", question="q1", function="tokenize", cell=wrong) in shown
    assert say("export_refused") in shown
    assert not stale.exists(), "an earlier export stays beside the notebook"
    assert say("export_stale_removed", path=str(stale)) in shown


def test_export_of_a_notebook_that_runs_top_to_bottom_writes_the_file(
    elsewhere, tmp_path, monkeypatch, capsys
):
    path = release(tmp_path / "tarea", WRONG_TOKENIZE, TOKENIZE, ENCODE)
    env = kernel_env(path, [0, 1, 3, 5], monkeypatch)
    shown = export(path, env, monkeypatch, capsys)
    target = path.parent / f"tarea{say('export_suffix')}.zip"
    assert say("export_done", path=str(target), notebook=str(path)) in shown, shown
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == ["tarea.ipynb"]


def test_export_names_the_cell_when_the_saved_notebook_fails_for_another_reason(
    windows, tmp_path, monkeypatch, capsys
):
    # the kernel defined `stopwords` in a cell since deleted: the saved file, run top to bottom,
    # has no `stopwords`, and encode fails there
    encode = "def encode(text):\n    return [0 for word in tokenize(text) if word not in STOP]"
    path = release(tmp_path / "tarea", TOKENIZE, encode)
    env = kernel_env(path, [0, 1, 3], monkeypatch)
    env["STOP"] = set()
    shown = export(path, env, monkeypatch, capsys)
    assert say("export_differs", question="q2", saved=0, live=1, cell=cell_name(encode)) in shown
    assert not list(path.parent.glob("*.zip"))


def test_student_side_builds_no_path_with_a_slash():
    """Paths are joined with os.path (`\\` on Windows), never with a '/' written in the code."""
    for module in PACKAGE.glob("*.py"):
        if module.name == "messages.py":
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        slashes = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "/" in node.value
            and id(node) not in docstrings
            and not node.value.startswith(("text/", "image/", "#"))
            and "<" not in node.value
        ]
        assert slashes == [], module.name


def test_fresh_run_answer_is_json_with_every_question(windows, tmp_path):
    path = release(tmp_path / "tarea", TOKENIZE, ENCODE)
    done = subprocess.run(
        [sys.executable, "-m", "rnncheck", "--json", str(path)],
        cwd=path.parent,
        capture_output=True,
        text=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert [q["question"] for q in found["questions"]] == ["q1", "q2"]


def test_progress_says_what_is_still_running_until_it_ends():
    stream = io.StringIO()
    with progress("la celda X", stream, every=0.01):
        while "la celda X" not in stream.getvalue():  # however long the first line takes
            time.sleep(0.01)
    said = stream.getvalue()
    assert said.startswith(say("check_still_running", what="la celda X", seconds=0)[:10])
    time.sleep(0.05)
    assert stream.getvalue() == said  # nothing more once the block ended


def test_export_refuses_a_redefinition_further_down_even_when_the_public_tests_agree(
    windows, tmp_path, monkeypatch, capsys
):
    # both versions pass the public test; the hidden tests would grade the one further down
    other = "def tokenize(text):\n    return text.lower().split(' ')"
    path = release(tmp_path / "tarea", TOKENIZE, other, ENCODE)
    env = kernel_env(path, [0, 3, 1, 5], monkeypatch)
    shown = export(path, env, monkeypatch, capsys)
    assert say("export_redefined", question="q1", function="tokenize", cell=cell_name(other)) in shown
    assert not list(path.parent.glob("*.zip"))


def test_redefined_sees_a_decorated_function_as_saved(tmp_path, monkeypatch):
    decorated = "def keep(f):\n    return f\n\n\n@keep\ndef tokenize(text):\n    return text.lower().split()"
    path = release(tmp_path / "tarea", decorated)
    env = kernel_env(path, [0, 1], monkeypatch)
    assert env["tokenize"].__name__ == "tokenize" and hasattr(env["tokenize"], "__code__")
    assert rnncheck_notebook.redefined(env, str(path)) == {}


@pytest.mark.parametrize("python", ["missing", "broken"])
def test_export_whose_fresh_run_cannot_start_warns_what_and_what_to_do_and_still_writes(
    windows, tmp_path, monkeypatch, capsys, python
):
    # the kernel's checks passed: the file is packed, with a warning that names the Python that
    # could not run the saved notebook, why, and what the student should do before submitting
    path = release(tmp_path / "tarea", TOKENIZE, ENCODE)
    env = kernel_env(path, [0, 1, 3], monkeypatch)
    executable = tmp_path / "python"
    if python == "broken":  # starts, then ends at once, as a Python without its packages would
        executable.write_text(
            "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'numpy'\" >&2\nexit 1\n"
        )
        executable.chmod(0o755)
        detail = "exit status 1: ModuleNotFoundError: No module named 'numpy'"
    else:
        detail = f"[Errno 2] No such file or directory: '{executable}'"
    monkeypatch.setattr(sys, "executable", str(executable))
    shown = export(path, env, monkeypatch, capsys)
    assert say("export_fresh_failed_run", python=str(executable), detail=detail) in shown, shown
    target = path.parent / f"tarea{say('export_suffix')}.zip"
    assert say("export_done", path=str(target), notebook=str(path)) in shown
    assert target.is_file()
