"""The student process: runs the notebook's cells, then the calls the tests make.

It is forked from the zygote (through a keeper, see engine.zygote), confines itself with
engine.confine before any student code runs, and from then on only answers messages:

    ("cell", source)                 -> ("done", None) or ("done", "TypeError: ...")
    ("names",)                       -> ("names", {name: ["function", [parameters]] or ["value", type]})
    ("random_state",)                -> ("random_state", a digest of numpy's global random state)
    ("call", name, args, kwargs)     -> ("return", value, (args, kwargs) after the call)
                                        or ("raise", type, builtin base, message, (args, kwargs));
                                        None instead of (args, kwargs) when the call left them as
                                        they came
    ("call", name, args, kwargs, callees)  the same, with each name of the dict callees bound,
                                        in the notebook's namespace and for this call only, to
                                        the grader's object it stands for (isolation: a graded
                                        function runs with the reference of the graded
                                        functions it calls, computed in the grader)
    ("call", name, args, kwargs, callees, seconds)  the same, with a warning `seconds` after
                                        the call begins (a little before the grader's own
                                        deadline): if the call is still running then, it is
                                        stopped and the reply is ("timeout", the innermost
                                        notebook function that was running, or ""); the
                                        warning also writes the traceback of the running code
                                        to the notes pipe, if there is one, for a call stuck
                                        in C that Python cannot stop (see Student.warned)

While a call runs, the student's code may call an object the test passed (a handle): that
sends ("callback", handle, method, args, kwargs, (call args, call kwargs) as they are now) and
waits for its ("return", value) or ("raise", ...). Nothing here is secret: this module is
imported by the zygote before any test or answer exists anywhere in its memory.
"""

from __future__ import annotations

import builtins
import contextlib
import faulthandler
import hashlib
import os
import random
import re
import signal
import socket
import sys
import types
import warnings
from typing import Any, NoReturn

import numpy as np

from . import codec, confine
from .channel import Channel

MAX_MESSAGE = 1000  # characters of an exception's message sent back
MAX_NAMES = 10_000  # names of the notebook sent to the grader
# A line that only IPython understands: it starts with % or !, or ends with ?.
MAGIC = re.compile(r"^\s*[%!]|\?\s*$", re.MULTILINE)
CELL_FILES = ("<celda>", "<magic>")  # the file names the notebook's code is compiled under


class TimeUp(BaseException):
    """Raised into a call that ran past its warning (see Student.call)."""


def innermost(frame: types.FrameType | None) -> str:
    """The name of the innermost function of the notebook running in frame or one that called
    it, or ''. Comprehensions and lambdas count as the function around them."""
    while frame is not None:
        code = frame.f_code
        if code.co_filename in CELL_FILES and not code.co_name.startswith("<"):
            return code.co_name
        frame = frame.f_back
    return ""


def builtin_base(error: BaseException) -> str:
    """The name of the nearest built-in exception class of error."""
    for kind in type(error).__mro__:
        if kind.__module__ == "builtins":
            return kind.__name__
    return "Exception"


def describe(error: BaseException) -> tuple[str, str, str]:
    try:
        message = str(error)[:MAX_MESSAGE]
    except BaseException:  # a hostile __str__
        message = "?"
    return type(error).__name__[:80], builtin_base(error), message


class Remote:
    """Stands in the student process for an object of the grader's: calling it, or one of its
    public methods, calls the grader's object with plain data and returns plain data."""

    def __init__(self, student: Student, handle: int, with_state: bool = True) -> None:
        self._student, self._handle, self._with_state = student, handle, with_state

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._student.callback(self._handle, "__call__", args, kwargs, self._with_state)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self._student.callback(
            self._handle, name, args, kwargs, self._with_state
        )

    def __deepcopy__(self, memo: dict) -> Remote:
        return self

    def __copy__(self) -> Remote:
        return self

    def __repr__(self) -> str:
        return f"<remote object {self._handle}>"


_GET_STATE = np.random.get_state  # numpy's own, whatever the notebook does to np.random


def random_state_digest() -> str:
    """A digest of numpy's global random state ('' if it cannot be read): the tests compare
    it before and after a call that must not touch that state."""
    try:
        state: Any = _GET_STATE()
        return hashlib.sha256(np.asarray(state[1]).tobytes() + repr(state[2:]).encode()).hexdigest()
    except Exception:
        return ""


def _generator(name: str, state: Any) -> np.random.Generator:
    bit_generator = getattr(np.random, name, None)
    if not (isinstance(bit_generator, type) and issubclass(bit_generator, np.random.BitGenerator)):
        raise codec.ProtocolError(f"unknown bit generator {name!r}")
    generator = np.random.Generator(bit_generator())
    generator.bit_generator.state = state
    return generator


class Shell:
    """What a notebook cell may call on get_ipython() outside Jupyter: magics do nothing, except
    %time and %%time, %%capture, which run their code."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.namespace = namespace
        self.user_ns = namespace

    def run_line_magic(self, name: str, line: str, *args: Any) -> None:
        if name in ("time", "timeit"):
            exec(compile(line, "<magic>", "exec"), self.namespace)

    def run_cell_magic(self, name: str, line: str, cell: str) -> None:
        if name in ("time", "timeit", "capture"):
            exec(compile(cell, "<magic>", "exec"), self.namespace)

    def system(self, *args: Any, **kwargs: Any) -> None:
        return None

    def getoutput(self, *args: Any, **kwargs: Any) -> list[str]:
        return []


def grader_stand_ins() -> dict[str, types.ModuleType]:
    """Modules for the notebook's first cell (`from rnncheck.notebook import Notebook`, or
    otter's `otter.Notebook` in older notebooks) whose Notebook does nothing: the grade is
    decided elsewhere, and the real checker, with its answers, is not readable from here."""

    class Notebook:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pass

        def __getattr__(self, name: str) -> Any:
            return lambda *args, **kwargs: None

    modules = {name: types.ModuleType(name) for name in ("otter", "rnncheck", "rnncheck.notebook")}
    for module in modules.values():
        module.Notebook = Notebook  # type: ignore[attr-defined]
    modules["rnncheck"].notebook = modules["rnncheck.notebook"]  # type: ignore[attr-defined]
    modules["rnncheck"].__path__ = []  # type: ignore[attr-defined]  # a package: nothing more to import
    return modules


class Student:
    """The serving loop of one student process."""

    def __init__(self, sock: socket.socket, notes: int | None = None) -> None:
        from IPython.core.inputtransformer2 import TransformerManager

        self.channel = Channel(
            sock, self.unknown, codec.Decoder(self.remote, _generator), self.serve, keep=True
        )
        self.namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins}
        self.namespace["get_ipython"] = lambda: Shell(self.namespace)
        self.namespace["display"] = lambda *args, **kwargs: None
        self.given = {"get_ipython", "display"}  # ours, not the notebook's
        self.transform = TransformerManager().transform_cell
        self.current: tuple[Any, Any] = ((), {})
        self.synced = False
        self.stopped: TimeUp | None = None  # raised into the current call at its warning
        self.inside = ""  # the notebook function that was running then
        self.calling_back = self.pending = False  # a warning during a callback waits for its end
        self.notes = notes  # where the warning also writes the traceback at once (see warned)
        if notes is not None:
            os.set_blocking(notes, False)  # a full pipe loses a traceback, never blocks

    def unknown(self, value: Any) -> Any:
        if isinstance(value, Remote):
            return {"h": value._handle}
        return {"o": type(value).__name__}

    def remote(self, handle: int) -> Remote:
        return Remote(self, handle)

    def callback(self, handle: int, method: str, args: tuple, kwargs: dict, with_state: bool = True) -> Any:
        """Call the grader's object `handle`; with_state: send the call's arguments as they are
        now (a test's object may read them), else None (a callee's reference needs only its own)."""
        self.synced = self.synced or with_state  # the grader saw the arguments mid-call: send them again
        try:
            state = self.current if with_state else None
            self.calling_back = True  # the channel's exchange is never cut in half
            try:
                reply = self.channel.request(("callback", handle, method, args, kwargs, state))
            finally:
                self.calling_back = False
        except codec.Unsendable as error:
            raise TypeError(f"cannot pass this to the test's object: {error}") from None
        if self.pending:
            self.pending = False
            self.stop()
        if reply[0] == "return":
            return reply[1]
        kind = getattr(builtins, str(reply[2]), RuntimeError) if reply[0] == "raise" else TypeError
        if not (isinstance(kind, type) and issubclass(kind, Exception)):
            kind = RuntimeError
        raise kind(reply[-1])

    def serve(self, message: tuple) -> tuple:
        kind = message[0]
        if kind == "cell":
            return ("done", self.cell(message[1]))
        if kind == "names":
            return ("names", self.names())
        if kind == "random_state":
            return ("random_state", random_state_digest())
        if kind == "call":
            return self.call(*message[1:])
        raise codec.ProtocolError(f"unknown request {kind!r}")

    def cell(self, source: str) -> str | None:
        try:
            if MAGIC.search(source):  # IPython syntax: %magic, !command, help?
                source = self.transform(source)
            code = compile(source, "<celda>", "exec")
            exec(code, self.namespace)
        except BaseException as error:  # as Jupyter: note it, go on with the next cell
            kind, _, message = describe(error)
            return f"{kind}: {message[:200]}"
        finally:
            plt = sys.modules.get("matplotlib.pyplot")
            if plt is not None:
                plt.close("all")
        return None

    def names(self) -> dict[str, list]:
        """The notebook's names: functions with their parameters, other values with their type;
        at most MAX_NAMES of them, functions first."""
        found: dict[str, list] = {}
        values: dict[str, list] = {}
        for name, value in list(self.namespace.items()):
            if len(found) >= MAX_NAMES:
                break
            if type(name) is not str or len(name) > 200 or name.startswith("__") or name in self.given:
                continue
            if isinstance(value, types.FunctionType):
                code = value.__code__
                count = code.co_argcount + code.co_kwonlyargcount
                found[name] = ["function", list(code.co_varnames[:count])]
            elif callable(value):
                found[name] = ["function", []]
            elif len(values) < MAX_NAMES:
                values[name] = ["value", str(type(value).__name__)[:80]]
        for name, value in values.items():
            if len(found) >= MAX_NAMES:
                break
            found[name] = value
        return found

    def call(self, name: str, args: tuple, kwargs: dict, callees: Any = None, seconds: Any = None) -> tuple:
        """Run the call, with callees bound (see bound); the arguments go back only if the
        function changed them. With seconds, the call is stopped (TimeUp) when it runs longer
        and the reply names the notebook function it was in then; a function that catches
        TimeUp and goes on is left to the grader's own deadline."""
        received = self.channel.last_frame  # the call as the grader encoded it
        function = self.namespace.get(name)
        self.current, self.synced = (args, kwargs), False
        extra = (callees, seconds) if seconds is not None else () if callees is None else (callees,)
        self.stopped, self.inside, self.pending = None, "", False
        try:
            with self.bound(callees), self.warned(seconds):
                value = function(*args, **kwargs)  # type: ignore[misc]
        except BaseException as error:
            if self.stopped is not None and error is self.stopped:
                return ("timeout", self.inside)
            return ("raise", *describe(error), self.changed(name, received, extra))
        return ("return", value, self.changed(name, received, extra))

    @contextlib.contextmanager
    def warned(self, seconds: Any) -> Any:
        """Within this block, SIGALRM after `seconds` (a positive number) notes the innermost
        notebook function running and raises TimeUp there.

        Python runs that handler only between two instructions of Python code: a call stuck in
        one long operation of C (a huge matrix product, sum(range(10**14))) is not stopped by it
        before the grader's deadline. So the same signal first writes, from C and at once, the
        traceback of the running code to the notes pipe (the standard faulthandler), where the
        grader reads which notebook function it was in (engine.process.StudentProcess.inside)."""
        if type(seconds) not in (int, float) or not 0 < seconds < 10**6:
            yield
            return
        signal.signal(signal.SIGALRM, self.alarm)
        if self.notes is not None:
            faulthandler.register(signal.SIGALRM, file=self.notes, all_threads=False, chain=True)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if self.notes is not None:
                faulthandler.unregister(signal.SIGALRM)
            signal.signal(signal.SIGALRM, signal.SIG_IGN)

    def alarm(self, signum: int, frame: types.FrameType | None) -> None:
        self.inside = innermost(frame)
        if self.calling_back:
            self.pending = True
        else:
            self.stop()

    def stop(self) -> NoReturn:
        self.stopped = TimeUp()
        raise self.stopped

    @contextlib.contextmanager
    def bound(self, callees: Any) -> Any:
        """Within this block, each name of callees (a dict of the grader's objects) is bound in
        the notebook's namespace to a stand-in that calls the object back without the call's
        arguments; afterwards each name is what it was (or absent again)."""
        if type(callees) is not dict:
            yield
            return
        remotes = {
            name: Remote(self, value._handle, with_state=False)
            for name, value in callees.items()
            if type(name) is str and name.isidentifier() and type(value) is Remote
        }
        missing = object()
        saved = {name: self.namespace.get(name, missing) for name in remotes}
        self.namespace.update(remotes)
        try:
            yield
        finally:
            for name, value in saved.items():
                if value is missing:
                    self.namespace.pop(name, None)
                else:
                    self.namespace[name] = value

    def changed(self, name: str, received: bytes | bytearray, extra: tuple = ()) -> tuple | None:
        """The call's arguments as they are now, or None if they are as they came: encoding the
        call again gives the very bytes the grader sent (the encoding is deterministic)."""
        try:
            again = codec.encode(("call", name, *self.current, *extra), self.unknown)
            if not self.synced and again == received:
                return None
        except codec.Unsendable:
            pass
        return self.current

    def run(self) -> NoReturn:
        while True:
            try:
                message = self.channel.receive()
            except (codec.Gone, codec.ProtocolError):
                os._exit(0)
            if message[0] == "end":
                os._exit(0)
            self.channel.send_reply(self.serve(message))


def _prepare_interpreter(workdir: str) -> None:
    """As a fresh kernel started in the submission's folder would be."""
    os.chdir(workdir)
    os.environ.clear()
    os.environ.update(
        {"HOME": workdir, "TMPDIR": workdir, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MPLBACKEND": "Agg"}
    )
    import tempfile

    tempfile.tempdir = workdir
    sys.path[:] = [workdir] + [p for p in sys.path if "-packages" in p or p.startswith(sys.base_prefix)]
    sys.argv[:] = [""]
    sys.modules.update(grader_stand_ins())
    np.random.seed()  # a fresh random state, as a new kernel has
    random.seed()
    warnings.resetwarnings()
    warnings.simplefilter("default")


def student(
    fd: int,
    request: dict,
    readable: list[str],
    missing: dict[str, str],
    keeper: int,
    notes: int | None = None,
) -> NoReturn:
    """Confine this process, tell the grader what it has, then serve (never returns)."""
    sock = None
    try:
        os.setsid()
        kept = sorted({fd} if notes is None else {fd, notes})
        for low, high in zip([3] + [k + 1 for k in kept], kept + [1 << 16]):
            os.closerange(low, high)
        null = os.open(os.devnull, os.O_RDWR)
        for standard in (0, 1, 2):
            os.dup2(null, standard)
        os.close(null)
        sock = socket.socket(fileno=fd)
        limits = confine.Limits(**request["limits"])
        missing = {**missing, **confine.confine(request["workdir"], request["uid"], limits, readable)}
        confine.die_with_parent(keeper)
        _prepare_interpreter(request["workdir"])
        student = Student(sock, notes)
        student.channel.send(("ready", missing))
        student.run()
    except BaseException as error:  # before any student code: say why, for the grader's report
        if sock is not None:
            with contextlib.suppress(BaseException):
                kind, _, message = describe(error)
                sock.sendall(codec.encode(("failed", f"{kind}: {message}"), lambda value: None))
    finally:
        os._exit(70)


def keeper(
    fd: int,
    request: dict,
    readable: list[str],
    missing: dict[str, str],
    zygote: int,
    notes: int | None = None,
) -> NoReturn:
    """Fork the student process in a PID namespace of its own, and end when it ends."""
    try:
        import signal

        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        confine.die_with_parent(zygote)
        missing = {**missing, **confine.isolate_keeper()}
        me = os.getpid()
        pid = os.fork()
        if pid == 0:
            student(fd, request, readable, missing, 0 if "pids" not in missing else me, notes)
        os.close(fd)
        if notes is not None:
            os.close(notes)
        os.waitpid(pid, 0)
    finally:
        os._exit(0)
