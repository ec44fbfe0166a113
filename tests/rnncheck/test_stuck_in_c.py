"""A check of a function stuck in one long call of C (a huge numpy product), which no stop can
interrupt until it returns: the student is told, once, which notebook function it is in, and the
progress lines of `python -m rnncheck` name it too. The call of C here is a read from a pipe
that the test itself ends once the line is said: nothing depends on the machine's speed."""

import contextlib
import io
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

import rnncheck
from rnncheck import student
from rnncheck.__main__ import progress
from rnncheck.feedback import Feedback
from rnncheck.messages import say
from tests.rnncheck.test_portable import windows  # noqa: F401 - the simulated Windows fixture

STUCK = "def tokenize(text):\n    {block}\n    os.read(pipe, 1)\n    return [text]"
ENCODE = "def encode(text):\n    return [0 for word in tokenize(text)]"


@contextlib.contextmanager
def stuck_notebook(block="pass"):
    """A notebook's globals whose tokenize blocks in os.read until the test writes to its pipe;
    a thread writes there once a notice is said; the stream that notices go to."""
    reading, writing = os.pipe()
    said = io.StringIO()
    env = {"os": os, "signal": signal, "pipe": reading}
    exec(compile(STUCK.format(block=block) + "\n" + ENCODE, "<notebook>", "exec"), env)

    def release():
        for _ in range(6000):  # at most 10 minutes, however busy the machine
            if "`tokenize`" in said.getvalue():
                break
            time.sleep(0.1)
        os.write(writing, b"x")

    releaser = threading.Thread(target=release, daemon=True)
    os.environ["RNNCHECK_TIME_LIMIT"] = "0.2"
    previous, student.notices = student.notices, said
    releaser.start()
    try:
        yield env, said
    finally:
        releaser.join()
        student.notices = previous
        del os.environ["RNNCHECK_TIME_LIMIT"]
        os.close(reading)
        os.close(writing)


def test_a_call_stuck_in_c_without_sigalrm_is_said_to_be_inside_its_function(windows):  # noqa: F811
    with stuck_notebook() as (env, said), pytest.raises(Feedback) as stopped:
        rnncheck.call(env, "encode", "hola")
    assert said.getvalue().strip() == say("call_stuck_inside", name="encode", inner="tokenize", seconds="0.2")
    assert str(stopped.value) == say("call_time_inside", name="encode", inner="tokenize", seconds="0.2")


def test_a_function_stuck_in_c_itself_is_said_to_be_stuck_without_naming_it_twice(windows):  # noqa: F811
    with stuck_notebook() as (env, said), pytest.raises(Feedback) as stopped:
        rnncheck.call(env, "tokenize", "hola")
    assert said.getvalue().strip() == say("call_stuck", name="tokenize", seconds="0.2")
    assert str(stopped.value) == say("engine_call_time", name="tokenize", seconds="0.2")


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="Unix only")
def test_a_call_stuck_in_c_where_sigalrm_cannot_land_is_said_to_be_inside_its_function():
    # SIGALRM blocked in the call's thread: its handler cannot run until the read returns, as
    # during a long numpy operation
    block = "signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})"
    try:
        with stuck_notebook(block) as (env, said), pytest.raises(Feedback) as stopped:
            rnncheck.call(env, "encode", "hola")
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})
    assert said.getvalue().strip() == say("call_stuck_inside", name="encode", inner="tokenize", seconds="0.2")
    assert str(stopped.value) == say("call_time_inside", name="encode", inner="tokenize", seconds="0.2")


def test_a_call_that_ends_in_time_is_never_said_to_be_stuck():
    said = io.StringIO()
    previous, student.notices = student.notices, said
    try:
        assert rnncheck.call({"f": lambda: 1}, "f") == 1
        with student.limited(lambda: None, "g"):
            pass
        time.sleep(0.05)
    finally:
        student.notices = previous
    assert student._watch.armed is None and said.getvalue() == ""


def test_progress_names_the_notebook_function_the_check_is_inside():
    # a line told before the thread reached tokenize names encode, or no function: true then,
    # and a busy machine can make it so; tokenize waits (at most 30 s) for the line about it
    expected = "… sigue corriendo la revisión de q2, dentro de `tokenize` ("
    stream = io.StringIO()
    env = {"time": time, "stream": stream, "expected": expected}
    waits = (
        "def tokenize():\n    end = time.monotonic() + 30\n"
        "    while expected not in stream.getvalue() and time.monotonic() < end:\n        time.sleep(0.01)"
    )
    exec(compile(waits + "\ndef encode():\n    tokenize()", "<notebook>", "exec"), env)
    with progress("la revisión de q2", stream, every=0.01, env=env):
        env["encode"]()
    lines = stream.getvalue().splitlines()
    assert any(line.startswith(expected) for line in lines), lines


def test_a_stop_repeated_while_the_first_unwinds_still_names_where_the_first_was_raised():
    # the stop comes again every second: under load the next one can land while the first is
    # still unwinding, outside the notebook's code (this made the kernel test below say
    # "`encode` no terminó" without naming tokenize); the order is made certain here
    env = {"TimeUp": student.TimeUp}
    exec(
        compile("def tokenize():\n    raise TimeUp\ndef encode():\n    tokenize()", "<notebook>", "exec"), env
    )
    try:
        try:
            env["encode"]()
        finally:
            raise student.TimeUp  # the repeat, raised here while the first unwinds
    except student.TimeUp as stopped:
        again = stopped
    assert student.innermost(again.__context__, env) == "tokenize"  # the first stop
    assert str(student._time_up("encode", env["encode"], again)) == say(
        "call_time_inside", name="encode", inner="tokenize", seconds=f"{student.time_limit():g}"
    )


PENDING_ALARM = """import signal
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # before numpy's threads start
from rnncheck import student
with student.stopped_after(0.01):  # the stop comes while the signal is blocked: it stays pending
    while signal.SIGALRM not in signal.sigpending():
        pass
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})
print("vivo")"""


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="Unix only")
def test_a_stop_left_pending_by_code_that_blocked_it_does_not_end_the_process_later():
    # a kernel's SIGALRM handler is the default one, which ends the process: the stop that came
    # while every thread blocked the signal (a long call of C) must not be delivered once the
    # check has put that handler back and the code unblocks it (this ended a notebook's kernel)
    done = subprocess.run([sys.executable, "-c", PENDING_ALARM], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "vivo\n"), done


PLUMBING = """import os, signal, threading
from rnncheck import student
os.environ["RNNCHECK_TIME_LIMIT"] = "0.2"
reading, writing = os.pipe()
said = threading.Event()


class Watched:  # the cell's own output, and an Event once the notice is in it
    def write(self, text):
        print(text, end="")
        if "`tokenize`" in text:
            said.set()

    def flush(self):
        pass


student.notices = Watched()


def release():  # the test's end of the long call of C: once the notice is said
    said.wait(600)
    os.write(writing, b"x")


threading.Thread(target=release, daemon=True).start()"""
STUCK_IN_KERNEL = (
    "def tokenize(text):\n    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})\n"
    "    os.read(reading, 1)\n    return text.lower().split()"
)


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="Unix only")
def test_a_check_stuck_in_c_says_so_in_the_notebook_cell(tmp_path):
    import nbformat

    from tests.autograder.kernel import execute, shown
    from tests.rnncheck.test_portable import ENCODE, SETUP, release

    path = release(tmp_path / "tarea")
    sources = [SETUP, PLUMBING, STUCK_IN_KERNEL, ENCODE, 'grader.check("q2")']
    sources.append("signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    done = execute(nb, path.parent)
    output = shown(done.cells[4])
    assert say("call_stuck_inside", name="encode", inner="tokenize", seconds="0.2") in output, output
    assert say("call_time_inside", name="encode", inner="tokenize", seconds="0.2") in output, output
