"""engine.session and engine.process: a submission's functions called from the grader, in a
confined process, with time limits that cost only the call that hung and restarts after it."""

import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest

from autograder.engine import confine, process
from autograder.engine.batch import UID_BASE
from autograder.engine.process import Zygote
from autograder.engine.session import Budget, Session
from rnncheck import Feedback, assert_global_random_untouched, assert_raises_value_error, call

UID = UID_BASE + 990 if os.geteuid() == 0 else None
# A test that waits out a call's whole time limit (2 or 4 s, far above what it times, so that a
# busy machine cannot reorder the events): slow, so that `make check` leaves them to `make test`.
WAITS = pytest.mark.slow


@pytest.fixture(scope="module")
def zygote():
    server = Zygote()
    yield server
    server.close()


@pytest.fixture
def folder():
    """A folder the slot's user can reach (pytest's own temporary folders are closed to others)."""
    path = Path(tempfile.mkdtemp(prefix="rnngrade-test-"))
    os.chmod(path, 0o711)
    yield path
    shutil.rmtree(path)


@pytest.fixture
def start(zygote, folder):
    """start(cells, **budget) -> a started Session over those cells, in its own folder."""
    workdir = folder / "trabajo"
    workdir.mkdir(mode=0o700)
    if UID is not None:
        os.chown(workdir, UID, UID)
    sessions = []

    def started(cells, **budget):
        session = Session(list(cells), lambda: zygote.spawn(workdir, UID, confine.Limits()), Budget(**budget))
        session.start()
        sessions.append(session)
        return session

    yield started
    for session in sessions:
        session.close()


def test_this_machine_has_every_sandbox_mechanism(start):
    # CI and Gradescope run as root on a kernel with Landlock: nothing may be missing there
    session = start(["x = 1"])
    assert session.missing == {} if os.geteuid() == 0 else "user" in session.missing


def test_functions_become_proxies_and_other_names_inert_stand_ins(start):
    env = start(["import numpy as np\ndef double(a, times=2):\n    return a * times", "table = {1: 2}"]).env()
    assert call(env, "double", np.arange(3.0)).tolist() == [0.0, 2.0, 4.0]
    assert call(env, "double", 4, times=3) == 12
    assert list(__import__("inspect").signature(env["double"]).parameters) == ["a", "times"]
    with pytest.raises(Feedback, match="debería ser una función, pero es un dict"):
        call(env, "table")
    with pytest.raises(Feedback, match="No encuentro la función `nothing`"):
        call(env, "nothing")


def test_a_call_that_hangs_fails_alone_and_the_next_call_gets_a_new_process(start):
    cells = ["import os\ndef f(x):\n    while x:\n        pass\n    return os.getpid()"]
    session = start(cells, call=1.0)
    env = session.env()
    first = call(env, "f", 0)
    with pytest.raises(Feedback, match="`f` no terminó en 1 s"):
        call(env, "f", 1)
    assert call(env, "f", 0) == first == 1  # a fresh process, pid 1 of its own namespace again
    with pytest.raises(Feedback, match="no terminó"):
        call(env, "f", 1)
    with pytest.raises(Feedback, match="no se volvió a llamar"):  # two strikes: not run again
        call(env, "f", 0)


LOOPS_INSIDE = [
    "def tokenize(text):\n    while True:\n        pass",
    "def encode(text):\n    return [len(word) for word in tokenize(text)]",
]


@WAITS
def test_a_call_stopped_at_its_time_limit_names_the_function_it_was_still_inside(start, monkeypatch):
    # the student process is warned halfway through the call's 4 s, so that a busy machine
    # still has 2 s to say where it was before the grader's deadline
    monkeypatch.setattr(process, "WARNING_MARGIN", 2.0)
    env = start(LOOPS_INSIDE, call=4.0).env()
    with pytest.raises(Feedback) as stopped:
        call(env, "encode", "hola mundo")
    assert "`encode` no terminó en 4 s: seguía dentro de `tokenize`" in str(stopped.value)
    with pytest.raises(Feedback, match="seguía dentro de `tokenize`"):
        call(env, "encode", "otra vez")
    with pytest.raises(Feedback, match="no se volvió a llamar"):  # a strike each time, as before
        call(env, "encode", "y otra")


@WAITS
def test_a_call_stopped_while_it_calls_back_the_grader_names_its_function(start, monkeypatch):
    # the warning that comes during a callback waits for the callback's reply: the channel's
    # exchange is never cut in half, and the call is then stopped where it was
    monkeypatch.setattr(process, "WARNING_MARGIN", 2.0)
    cells = [
        "def tokenize(text, step):\n    while True:\n        step(1)",
        "def encode(text, step):\n    return tokenize(text, step)",
    ]
    env = start(cells, call=4.0).env()
    with pytest.raises(Feedback, match="`encode` no terminó en 4 s: seguía dentro de `tokenize`"):
        call(env, "encode", "hola", lambda n: n + 1)


@WAITS
def test_a_function_that_catches_the_stop_is_ended_by_the_grader_deadline_and_still_named(start, monkeypatch):
    monkeypatch.setattr(process, "WARNING_MARGIN", 1.0)
    cells = [
        "def tokenize(text):\n    while True:\n        try:\n            while True:\n                pass\n"
        "        except BaseException:\n            pass",
        "def encode(text):\n    return tokenize(text)",
    ]
    env = start(cells, call=2.0).env()
    with pytest.raises(Feedback) as stopped:
        call(env, "encode", "hola")
    # the traceback written at the warning names it, though the stop itself was caught
    assert str(stopped.value).startswith("`encode` no terminó en 2 s: seguía dentro de `tokenize`")


@WAITS
@pytest.mark.parametrize(
    "stuck",
    [
        "sum(range(10**15))",  # one call of C that never returns to Python
        "np.broadcast_to(1.0, (10**7, 10**6)).sum()",  # 10**13 additions in numpy, no memory
    ],
    ids=["builtin", "numpy"],
)
def test_a_call_stuck_in_one_long_operation_of_c_names_the_function_it_was_inside(start, monkeypatch, stuck):
    # Python cannot stop it at the warning (2 s into the call's 4 s): the grader's deadline
    # ends it, and the traceback written from C at the warning says where it was
    monkeypatch.setattr(process, "WARNING_MARGIN", 2.0)
    cells = [
        f"import numpy as np\ndef tokenize(text):\n    return {stuck}",
        "def encode(text):\n    return tokenize(text)",
    ]
    env = start(cells, call=4.0).env()
    with pytest.raises(Feedback) as stopped:
        call(env, "encode", "hola mundo")
    assert "`encode` no terminó en 4 s: seguía dentro de `tokenize`" in str(stopped.value)


@WAITS
def test_a_forged_traceback_changes_only_the_message_of_the_call_that_forged_it(start, monkeypatch):
    # the student process may write anything to its notes pipe, and stop the warning's own
    # traceback: a lie names another function in the failure message of a call that fails
    # either way, and nothing else
    monkeypatch.setattr(process, "WARNING_MARGIN", 2.0)
    forge = (
        "import faulthandler, os, signal, stat\n"
        "def encode(text):\n"
        "    faulthandler.unregister(signal.SIGALRM)\n"
        "    forged = b'Stack (most recent call first):\\n  File \"<celda>\", line 1 in someone_else\\n'\n"
        "    for fd in range(3, 64):\n"
        "        try:\n"
        "            if stat.S_ISFIFO(os.fstat(fd).st_mode):\n"
        "                os.write(fd, forged)\n"
        "        except OSError:\n"
        "            pass\n"
        "    return sum(range(10**15))"
    )
    env = start([forge, "def fine():\n    return 1"], call=4.0).env()
    with pytest.raises(Feedback, match="`encode` no terminó en 4 s: seguía dentro de `someone_else`"):
        call(env, "encode", "hola")
    assert call(env, "fine") == 1  # the next call: a new process, with notes of its own


def test_innermost_in_reads_the_last_traceback_and_trusts_only_a_name():
    first = 'Stack (most recent call first):\n  File "<celda>", line 2 in old\n'
    last = (
        "Stack (most recent call first):\n"
        '  File "/usr/lib/numpy/_methods.py", line 49 in _sum\n'
        '  File "<celda>", line 3 in <listcomp>\n'
        '  File "<celda>", line 3 in tokenize\n'
        '  File "<celda>", line 5 in encode\n'
    )
    assert process.innermost_in(first + last) == "tokenize"
    assert process.innermost_in(last.replace("tokenize", "x; rm -rf /")) == "encode"
    assert process.innermost_in("anything a student wrote") == ""


def test_a_call_that_finishes_in_time_leaves_no_warning_behind(start, monkeypatch):
    monkeypatch.setattr(process, "WARNING_MARGIN", 1.0)
    env = start(["import os\ndef f():\n    return os.getpid()"], call=2.0).env()
    first = call(env, "f")
    time.sleep(1.2)  # past the first call's warning (1 s after it began), had it stayed armed
    assert call(env, "f") == first  # the same process, not stopped nor ended


def test_warning_after_leaves_a_margin_before_the_deadline():
    assert process.warning_after(10.0) == 9.0
    assert process.warning_after(2.0) == 1.5
    assert process.warning_after(0.4) == 0.0  # too little time: the deadline alone stops it


def test_a_function_that_ends_its_process_costs_only_that_call(start):
    env = start(["import os\ndef f(x):\n    if x:\n        os._exit(3)\n    return 'vivo'"]).env()
    with pytest.raises(Feedback, match="terminó el proceso"):
        call(env, "f", 1)
    assert call(env, "f", 0) == "vivo"


def test_sys_exit_in_a_function_is_reported_as_exiting(start):
    env = start(["import sys\ndef f():\n    sys.exit(0)"]).env()
    with pytest.raises(Feedback, match="intentó terminar el programa"):
        call(env, "f")


def test_a_cell_that_hangs_or_exits_is_left_out_and_the_others_run(start):
    session = start(
        ["def f():\n    return 1", "while True:\n    pass", "import os\nos._exit(1)", "g = f"], cell=1.0
    )
    assert call(session.env(), "g") == 1
    assert sorted(session.broken) == [1, 2] and "1 s" in session.broken[1]


def test_exceptions_keep_their_family_and_name(start):
    cells = [
        "class MiError(ValueError):\n    pass\n",
        "def bad(kind):\n    if kind == 'mine':\n        raise MiError('índice fuera')\n"
        "    raise NotImplementedError",
    ]
    env = start(cells).env()
    assert_raises_value_error(env, "bad", "un caso", "mine")  # a ValueError subclass counts
    with pytest.raises(Feedback, match="lanzó MiError: «índice fuera»"):
        call(env, "bad", "mine")
    with pytest.raises(Feedback, match="todavía no está implementada"):
        call(env, "bad", "other")


def test_arguments_changed_in_place_are_seen_by_the_grader(start):
    env = start(["def grow(a, d):\n    a += 1\n    d['new'] = 1"]).env()
    array, mapping = np.zeros(2), {"old": 0}
    env["grow"](array, mapping)
    assert array.tolist() == [1.0, 1.0] and mapping == {"old": 0, "new": 1}


def test_objects_the_test_passes_are_called_back_in_the_grader(start):
    seen = []

    class Reads:
        """f() reads the array the student changes in place, as bptt's numerical_gradient test does."""

        def __init__(self, array):
            self.array = array

        def __call__(self):
            seen.append(self.array.copy())
            return float(self.array.sum())

        def secret(self):
            return "lo que sea"

    cells = [
        "def probe(f, array):\n    array[0] = 5.0\n    total = f()\n    array[0] = 0.0\n    return total",
        "def peek(f):\n    return f._private()",
        "def ask(f):\n    return f.secret()",
    ]
    env = start(cells).env()
    array = np.zeros(3)
    f = Reads(array)
    assert env["probe"](f, array) == 5.0 and seen[0].tolist() == [5.0, 0.0, 0.0]
    assert array.tolist() == [0.0, 0.0, 0.0]
    assert env["ask"](f) == "lo que sea"  # public methods of the test's object may be called
    with pytest.raises(AttributeError):  # nothing else of it may be reached
        env["peek"](f)


def test_a_graded_function_runs_with_the_reference_of_the_graded_functions_it_calls(start):
    grader_side = []

    def inner(x):
        grader_side.append(x)  # runs here, in the grader: the student process holds a stand-in
        if x < 0:
            raise ValueError("x must be positive")
        return 10 * x

    cells = [
        "def inner(x):\n    return -1",
        "def outer(x):\n    try:\n        return inner(x) + 1\n"
        "    except ValueError as error:\n        return str(error)",
        "def helper(x):\n    return inner(x)",
        "def peek():\n    return 'unused' in globals()",
        "def uses_unused(x):\n    return unused(x)",
    ]
    session = start(cells)
    session.references = {
        "inner": inner,
        "outer": lambda x: 0,
        "unused": lambda x: 2 * x,
        "uses_unused": None,
    }
    env = session.env()
    assert env["outer"](3) == 31 and grader_side == [3]  # the reference inner, not the notebook's
    assert env["outer"](-1) == "x must be positive"  # its exceptions keep their family
    assert env["inner"](3) == -1  # the graded function itself is the notebook's
    assert env["helper"](3) == -1  # a function that is not graded calls the notebook's own
    assert env["uses_unused"](4) == 8  # a graded name the notebook never defined is bound too...
    assert env["peek"]() is False  # ...for that call only


def test_a_range_reaches_the_tests_generator_as_the_list_it_stands_for(start):
    from rnncheck.sampling import RecordingRng

    cells = ["def draw(rng, n):\n    return int(rng.choice(range(n), p=[0.0, 1.0, 0.0]))"]
    rng = RecordingRng(seed=3)
    assert start(cells).env()["draw"](rng, 3) == 1 and [c[0] for c in rng.calls] == ["choice"]


def test_a_numpy_generator_is_used_in_the_student_process_and_its_state_comes_back(start):
    env = start(["def draw(rng):\n    return rng.integers(0, 10**6, size=3)"]).env()
    rng, twin = np.random.default_rng(4), np.random.default_rng(4)
    assert env["draw"](rng).tolist() == twin.integers(0, 10**6, size=3).tolist()
    assert rng.integers(0, 10**6) == twin.integers(0, 10**6)  # both advanced by the same draws


def test_what_cannot_cross_arrives_inert(start):
    cells = [
        "import numpy as np\nclass Lies(np.ndarray):\n    def __eq__(self, other):\n        return True",
        "def lie():\n    return np.zeros(2).view(Lies)",
    ]
    value = start(cells).env()["lie"]()
    assert type(value).__name__ == "Lies" and not isinstance(value, np.ndarray)


def test_each_process_starts_with_a_fresh_random_state(start):
    cells = ["import numpy as np\ndef draw():\n    return float(np.random.random())"]
    assert start(cells).env()["draw"]() != start(cells).env()["draw"]()


def test_the_submission_time_limit_stops_what_is_left(start):
    session = start(["def f():\n    return 1"], submission=0.5)
    __import__("time").sleep(0.6)
    with pytest.raises(Feedback, match="pasó de 0 s"):
        call(session.env(), "f")


def test_cells_run_with_ipython_syntax_and_an_inert_grader(start):
    cells = [
        "%matplotlib inline\nfrom rnncheck.notebook import Notebook\ngrader = Notebook('x.ipynb')",
        "!pip install nada\ngrader.check('q1')\ndef f():\n    return 2",
        "import otter\nold = otter.Notebook('x.ipynb')\nold.check('q1')\ngrader.export()",
        "import rnncheck\nfrom rnncheck import answers",  # the real checker is not there
    ]
    session = start(cells)
    assert call(session.env(), "f") == 2
    assert list(session.cell_errors) == [3] and "ImportError" in session.cell_errors[3]


def test_the_student_process_works_in_its_own_folder_with_nothing_else(start, folder):
    (folder / "secreto.txt").write_text("respuestas")
    cells = [
        "import os\ndef where():\n    return os.getcwd(), sorted(os.listdir('.'))",
        f"def read():\n    return open({str(folder / 'secreto.txt')!r}).read()",
    ]
    env = start(cells).env()
    folder, listing = env["where"]()
    assert Path(folder).name == "trabajo" and listing == []
    with pytest.raises(Feedback, match="FileNotFoundError"):  # nothing outside exists for it
        call(env, "read")


def test_a_call_that_touches_numpy_global_random_state_is_seen_from_the_grader(start):
    cells = [
        "import numpy as np",
        "def seeds(n):\n    np.random.seed(n)\n    return 1",
        "def own(n):\n    return float(np.random.default_rng(n).random())",
        "np.random.get_state = lambda: ('MT19937', np.zeros(624, np.uint32), 0, 0, 0.0)",  # a lie
    ]
    env = start(cells).env()
    with pytest.raises(Feedback, match="estado aleatorio global de numpy"):
        assert_global_random_untouched(env, "seeds", 1)
    assert assert_global_random_untouched(env, "own", 1) == np.random.default_rng(1).random()


def test_what_the_cells_do_once_hidden_cases_run_is_not_reported(start):
    cells = [
        "import os\nif os.path.exists('seen.txt'):\n    raise ValueError(open('seen.txt').read())",
        "def f(x):\n    open('seen.txt', 'w').write(str(x))\n    while x:\n        pass\n    return 0",
    ]
    session = start(cells, call=1.0)
    session.hide()
    env = session.env()
    with pytest.raises(Feedback, match="no terminó"):
        call(env, "f", 7)
    assert call(env, "f", 0) == 0  # a new process, whose first cell raised what f saw: not kept
    assert session.errors() == {}
    assert start(cells).errors() == {0: "ValueError: 0"}  # before the hidden cases, it is
