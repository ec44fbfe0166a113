"""Calling student code as a black box.

The tests never call a student function directly: `call` finds it by name in the student's
environment, passes deep copies of plain arguments, and turns anything that goes wrong
(missing name, not a function, an exception, even SystemExit) into a Feedback message.
When grading, `env` holds proxies that run the call in the submission's sandboxed process
(autograder.engine); a proxy that cannot get an answer (the call timed out, ended its
process) raises Feedback itself, which passes through unchanged. In the student's own
kernel (grader.check), a call that runs longer than time_limit() seconds is stopped, so that
a check never hangs without saying which function did not return.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import hashlib
import inspect
import os
import signal
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from typing import Any, TextIO

import numpy as np

from .feedback import Feedback
from .messages import say

# A student's exception message is shown to the student; a huge one is cut to this length.
MAX_DETAIL = 300
# Seconds one call of a student function may take in a check: the reference takes
# milliseconds, a slow but correct loop well under a second. RNNCHECK_TIME_LIMIT overrides it.
TIME_LIMIT = 10.0
# Seconds past its time limit after which a call that is still running, stuck in one operation
# of C that no stop can interrupt (a huge numpy product), is said to be, once, with the notebook
# function it is in: the stop is repeated every second, so by then it did not land.
NOTICE_AFTER = 1.0
# Where that is said: None for sys.stdout as it is then (the notebook's cell, the terminal);
# `python -m rnncheck --json` sets its stream of progress lines.
notices: TextIO | None = None


class TimeUp(BaseException):
    """Raised into a student function that ran past the time limit (a BaseException, so that
    the function's own `except Exception` does not swallow it)."""


def time_limit() -> float:
    """Seconds a call may take: RNNCHECK_TIME_LIMIT if set, else TIME_LIMIT."""
    try:
        return float(os.environ.get("RNNCHECK_TIME_LIMIT", TIME_LIMIT))
    except ValueError:
        return TIME_LIMIT


def _alarm_here() -> bool:
    """Whether SIGALRM can stop this thread: on Unix, in the main thread (Windows has none)."""
    return (
        hasattr(signal, "SIGALRM")
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )


@functools.cache
def _async_raise() -> Callable[[int, Any], int] | None:
    """CPython's documented PyThreadState_SetAsyncExc(thread id, exception type or None), which
    raises the exception in that thread at its next Python instruction (None clears one not yet
    raised); None where there is no CPython C API (another implementation of Python)."""
    try:
        import ctypes

        address = ctypes.cast(ctypes.pythonapi.PyThreadState_SetAsyncExc, ctypes.c_void_p).value
    except (ImportError, AttributeError):
        return None
    if not address:
        return None
    # prototypes of our own (PYFUNCTYPE: called with the GIL held), so that the shared
    # ctypes.pythonapi entry keeps whatever argument types other code gave it
    raise_ = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.py_object)(address)
    clear = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p)(address)

    def send(thread: int, error: Any) -> int:
        return int(raise_(thread, error) if error is not None else clear(thread, None))

    return send


@contextlib.contextmanager
def _alarm(seconds: float, error: type[BaseException]) -> Iterator[None]:
    def stop(signum: int, frame: Any) -> None:
        raise error

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        # A stop that came while the code blocked SIGALRM (as a student's code may, or a C
        # library while it computes) is still pending: with the previous handler back, often the
        # default one, which ends the process, it would end the notebook's kernel as soon as the
        # code unblocked the signal. Ignoring a signal discards it where it is pending (POSIX).
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _timer_thread(seconds: float, error: type[BaseException]) -> Iterator[None]:
    send = _async_raise()
    if send is None:
        yield
        return
    target, done, lock = threading.get_ident(), threading.Event(), threading.Lock()
    armed = [True]

    def watch() -> None:
        wait = seconds
        while not done.wait(wait):
            with lock:
                if armed[0]:
                    send(target, error)
            wait = 1.0

    threading.Thread(target=watch, name="rnncheck time limit", daemon=True).start()
    try:
        yield
    finally:
        disarmed = False
        while not disarmed:  # an exception sent just now may land here: disarm again
            try:
                with lock:
                    armed[0] = False
                    send(target, None)  # clear one sent but not yet raised
                done.set()
                disarmed = True
            except error:
                pass


def stopped_after(
    seconds: float, error: type[BaseException] = TimeUp
) -> contextlib.AbstractContextManager[None]:
    """Within this block, `error` is raised into the running code once `seconds` have passed,
    then again every second until the block ends (code that catches it is stopped again).

    Where there is SIGALRM (Unix) and this is the main thread, an interval timer raises it from
    its signal handler, which also interrupts a sleep. Elsewhere (Windows; a thread other than
    the main one, as some front ends use) a timer thread raises it through CPython's
    documented PyThreadState_SetAsyncExc, which every platform has: it stops Python code, such
    as a loop, at its next instruction; a single call that blocks in C (a sleep) ends first."""
    return _alarm(seconds, error) if _alarm_here() else _timer_thread(seconds, error)


class _Watch:
    """One thread that watches the call being checked, NOTICE_AFTER seconds past its time limit:
    if it is still running then, it reads where from the frames of the thread that runs it
    (sys._current_frames, which works while that thread is inside numpy or any other C code)
    and says once which notebook function it is in (call_stuck_inside)."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.armed: tuple[float, int, str, Any, float] | None = None  # due, thread, name, globals, limit
        self.thread: threading.Thread | None = None

    def arm(self, seconds: float, name: str, code_globals: Any) -> None:
        with self.changed:
            due = time.monotonic() + seconds + NOTICE_AFTER
            self.armed = (due, threading.get_ident(), name, code_globals, seconds)
            self.changed.notify()
        if self.thread is None or not self.thread.is_alive():  # none yet, or a forked process
            self.thread = threading.Thread(target=self.run, name="rnncheck notice", daemon=True)
            self.thread.start()

    def disarm(self) -> None:
        with self.changed:
            self.armed = None
            self.changed.notify()

    def run(self) -> None:
        with self.changed:
            while True:
                armed = self.armed
                if armed is None:
                    self.changed.wait()
                    continue
                left = armed[0] - time.monotonic()
                if left > 0:
                    self.changed.wait(left)
                    continue
                _, thread, name, code_globals, seconds = armed
                inner = innermost_frame(sys._current_frames().get(thread), code_globals)
                with contextlib.suppress(Exception):  # a closed stream: nothing to say it on
                    if inner and inner != name:
                        line = say("call_stuck_inside", name=name, inner=inner, seconds=f"{seconds:g}")
                    else:
                        line = say("call_stuck", name=name, seconds=f"{seconds:g}")
                    print(line, file=notices or sys.stdout, flush=True)
                self.armed = None  # said once


_watch = _Watch()


@contextlib.contextmanager
def limited(function: Any, name: str = "") -> Iterator[None]:
    """Within this block, TimeUp interrupts a call of function that runs past time_limit(),
    again every second until it stops (stopped_after); if it is still running NOTICE_AFTER
    seconds later, stuck in C, a line says which notebook function it is in (name: what the
    notebook calls it, default its __name__). A function that runs elsewhere (the grading
    engine's proxies, which keep their own limit) is not timed."""
    if getattr(function, "runs_elsewhere", False):
        yield
        return
    seconds = time_limit()
    _watch.arm(seconds, name or getattr(function, "__name__", "?"), getattr(function, "__globals__", None))
    try:
        with stopped_after(seconds):
            yield
    finally:
        _watch.disarm()


def innermost_frame(frame: types.FrameType | None, code_globals: Any) -> str:
    """The name of the innermost function running in frame, or in one of its callers, whose
    code belongs to code_globals (the notebook's functions share their globals), or ''.
    Comprehensions and lambdas (`<listcomp>`, `<lambda>`) count as the function around them."""
    while frame is not None:
        code = frame.f_code
        if frame.f_globals is code_globals and not code.co_name.startswith("<"):
            return code.co_name
        frame = frame.f_back
    return ""


def innermost(stopped: BaseException, code_globals: Any) -> str:
    """innermost_frame of the frame where `stopped` was raised (the innermost function of
    code_globals still running then), or ''. A stop raised again (every second) while the first
    was still unwinding, outside the notebook's code, names where the first one was raised: its
    __context__, the stop it interrupted."""
    seen: set[int] = set()
    stop: BaseException | None = stopped
    while stop is not None and id(stop) not in seen:
        seen.add(id(stop))
        trace = stop.__traceback__
        while trace is not None and trace.tb_next is not None:
            trace = trace.tb_next
        if trace is not None and (inner := innermost_frame(trace.tb_frame, code_globals)):
            return inner
        earlier = stop.__context__
        stop = earlier if isinstance(earlier, type(stopped)) else None
    return ""


def _time_up(name: str, function: Any, stopped: BaseException) -> Feedback:
    """The feedback of a call of `name` stopped at the time limit: it names the function of the
    notebook that was running then, when that is not `name` itself but one that it called."""
    inner = innermost(stopped, getattr(function, "__globals__", None))
    seconds = f"{time_limit():g}"
    if inner and inner != name:
        return Feedback(say("call_time_inside", name=name, inner=inner, seconds=seconds))
    return Feedback(say("engine_call_time", name=name, seconds=seconds))


def student_function(env: Any, name: str) -> Callable[..., Any]:
    """The callable `name` from the student's environment `env` (a dict), or Feedback."""
    function = env.get(name) if isinstance(env, dict) else None
    if function is None:
        raise Feedback(say("missing", name=name))
    if not callable(function):
        raise Feedback(say("not_callable", name=name, kind=type(function).__name__))
    return function


def call(env: Any, name: str, *args: Any, **kwargs: Any) -> Any:
    """Call the student's `name` on deep copies of the arguments; Feedback if it fails."""
    function = student_function(env, name)
    args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    try:
        with limited(function, name):
            return function(*args, **kwargs)
    except Feedback:
        raise
    except TimeUp as stopped:
        raise _time_up(name, function, stopped) from None
    except NotImplementedError:
        raise Feedback(say("not_implemented", name=name)) from None
    except BaseException as error:  # student code may raise anything
        raise _raised(name, error, received(function, args, kwargs)) from None


def received(function: Any, args: tuple, kwargs: dict) -> str:
    """The shapes of the arrays a call received, by argument: "xt (3, 2), parameters {Wax (2, 3),
    ...}" ('' when it received none), so that numpy's own message ("matmul: Input operand 1 has a
    mismatch...") is read against what the function was given."""
    named = list(zip(_argument_names(function, len(args)), args)) + list(kwargs.items())
    shown = []
    for argument, value in named:
        if isinstance(value, np.ndarray):
            shown.append(f"{argument} {value.shape}")
        elif isinstance(value, dict):
            arrays = [f"{k} {v.shape}" for k, v in value.items() if isinstance(v, np.ndarray)][:6]
            if arrays:
                shown.append(f"{argument} {{{', '.join(arrays)}}}")
    return ", ".join(shown)


def _raised(name: str, error: BaseException, shapes: str = "") -> Feedback:
    """The failure of a call of the student's name that raised error; shapes: what it received."""
    if isinstance(error, (SystemExit, KeyboardInterrupt)):
        return Feedback(say("exited", name=name, error=type(error).__name__))
    detail = str(error)
    if len(detail) > MAX_DETAIL:
        detail = detail[:MAX_DETAIL] + "…"
    if shapes:
        return Feedback(
            say("raised_given", name=name, error=type(error).__name__, detail=detail, shapes=shapes)
        )
    return Feedback(say("raised", name=name, error=type(error).__name__, detail=detail))


def _same(before: Any, after: Any) -> bool:
    if isinstance(before, np.ndarray):
        return (
            type(after) is np.ndarray
            and before.shape == after.shape
            and before.dtype == after.dtype
            and np.array_equal(before, after, equal_nan=True)
        )
    if isinstance(before, dict):
        return (
            isinstance(after, dict)
            and before.keys() == after.keys()
            and all(_same(before[k], after[k]) for k in before)
        )
    if isinstance(before, (list, tuple)):
        return (
            type(after) is type(before)
            and len(before) == len(after)
            and all(_same(b, a) for b, a in zip(before, after))
        )
    return type(before) is type(after) and before == after


def _argument_names(function: Callable[..., Any], count: int) -> list[str]:
    try:
        names = list(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        names = []
    return names[:count] + [f"#{i + 1}" for i in range(len(names), count)]


def assert_inputs_unchanged(env: Any, name: str, *args: Any) -> None:
    """Call `name` on copies of args and fail if it changed any of them in place, or if it
    raised (a call that ends in an exception has not done its job, in place or not)."""
    function = student_function(env, name)
    given = copy.deepcopy(args)
    raised = None
    try:
        with limited(function, name):
            function(*given)
    except Feedback:
        raise
    except TimeUp as stopped:
        raise _time_up(name, function, stopped) from None
    except NotImplementedError:
        raise Feedback(say("not_implemented", name=name)) from None
    except BaseException as error:  # reported after a change in place, which says more
        raised = _raised(name, error, received(function, args, {}))
    for argument, before, after in zip(_argument_names(function, len(args)), args, given):
        if not _same(before, after):
            raise Feedback(say("modified_input", name=name, argument=argument))
    if raised is not None:
        raise raised


def assert_raises_value_error(env: Any, name: str, case: str, *args: Any, **kwargs: Any) -> None:
    """Fail unless the student's `name` raises ValueError on these arguments."""
    function = student_function(env, name)
    args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    try:
        with limited(function, name):
            value = function(*args, **kwargs)
    except Feedback:
        raise
    except TimeUp as stopped:
        raise _time_up(name, function, stopped) from None
    except NotImplementedError:
        raise Feedback(say("not_implemented", name=name)) from None
    except ValueError:
        return
    except BaseException as error:
        outcome = say("raised_other", error=type(error).__name__)
    else:
        shown = repr(value)
        outcome = say("returned", value=shown if len(shown) < 80 else shown[:80] + "…")
    raise Feedback(say("no_value_error", name=name, case=case, outcome=outcome))


def _random_state(function: Any) -> str:
    """A digest of numpy's global random state where function runs."""
    if getattr(function, "runs_elsewhere", False):
        return function.random_state()  # the grading engine's proxy asks the student process
    state: Any = np.random.get_state()
    return hashlib.sha256(np.asarray(state[1]).tobytes() + repr(state[2:]).encode()).hexdigest()


def assert_global_random_untouched(env: Any, name: str, *args: Any, **kwargs: Any) -> Any:
    """Call `name` (as `call` does) and fail if it changed numpy's global random state
    (np.random.seed, np.random.randn ...); its result, for further checks."""
    function = student_function(env, name)
    before = _random_state(function)
    value = call(env, name, *args, **kwargs)
    if _random_state(function) != before:
        raise Feedback(say("global_random_changed", name=name), mistake=say("global_random_mistake"))
    return value
