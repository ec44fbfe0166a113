"""The grader's side of student processes: the zygote that forks them, and one process's calls.

Everything here runs in the trusted process. A student process is reached only through its
channel; what comes back is plain data (engine.codec), and objects the tests pass that are
not plain data stay here as handles that the student process can call back.
"""

from __future__ import annotations

import builtins
import contextlib
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from . import codec
from .channel import Channel
from .confine import Limits
from .zygote import receive_json, send_json

PACKAGE = Path(__file__).resolve().parent
BOOT = (
    "import sys; sys.path.insert(0, sys.argv[3]); "
    f"from {PACKAGE.name}.zygote import main; main(int(sys.argv[1]), int(sys.argv[2]))"
)
STARTUP = 120.0  # seconds for the zygote to import numpy and matplotlib (a first run builds caches)
SPAWN = 30.0  # seconds for a forked student process to confine itself and say it is ready
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,79}")


class InfrastructureError(Exception):
    """The sandbox could not be started: not the submission's fault; retried, then reported."""


def exception_from(kind: str, base: str, message: str) -> Exception:
    """An exception of the built-in family `base`, its type named `kind`, for what student code
    raised in its own process (a fresh class each time: nothing of the student's crosses, and
    nothing named by a student outlives the exception)."""
    family = getattr(builtins, base, None)
    if not (isinstance(family, type) and issubclass(family, Exception)):
        family = Exception
    name = kind if _NAME.fullmatch(kind) else family.__name__
    with contextlib.suppress(Exception):
        return _family_class(name, family)(message)
    return _family_class(name, Exception)(message)


def _family_class(name: str, family: type) -> type:
    return family if name == family.__name__ else type(name, (family,), {})


def apply_state(target: Any, state: Any) -> None:
    """Make target (our copy of a call's arguments) what the student process's copy is now:
    arrays are written in place, lists and dicts changed in place, generators' states set."""
    if isinstance(target, np.ndarray) and type(state) is np.ndarray:
        if target.shape != state.shape:
            with contextlib.suppress(ValueError):
                target.resize(state.shape, refcheck=False)
        with contextlib.suppress(ValueError, TypeError):
            np.copyto(target, state, casting="unsafe")
    elif isinstance(target, dict) and type(state) is dict:
        for key in [k for k in target if k not in state]:
            del target[key]
        for key, value in state.items():
            if key in target and _mutable(target[key]):
                apply_state(target[key], value)
            else:
                target[key] = value
    elif isinstance(target, list) and type(state) is list:
        if len(target) != len(state):
            target[:] = state
        else:
            for i, value in enumerate(state):
                if _mutable(target[i]):
                    apply_state(target[i], value)
                else:
                    target[i] = value
    elif isinstance(target, tuple) and type(state) is tuple and len(target) == len(state):
        for item, value in zip(target, state):
            apply_state(item, value)
    elif isinstance(target, np.random.Generator) and isinstance(state, codec.GeneratorState):
        with contextlib.suppress(Exception):
            target.bit_generator.state = state.state


# A callback runs in the grader, where no time limit can stop numpy midway: its arguments may
# ask for only this much (a test's own objects are called with a few numbers each).
CALLBACK_NUMBER = 10**6  # the largest integer (a count, a size, a bound)
CALLBACK_VALUES = 10**4  # numbers in all its arguments together
# ... and for a graded function's reference (isolation: the arguments of a student's call of
# it, e.g. rnn_backward's caches), which does work in proportion to them
CALLBACK_REFERENCE_VALUES = 2 * 10**5
CALLBACK_OUTPUT = 10**6  # the product of a size tuple
# What all the callbacks of one call may bring the grader: the bytes of their arguments and of
# the call's arguments as they come with each (a test's object may keep a copy of each), and
# their number.
CALLBACK_BYTES = 64 * 2**20
CALLBACKS = 100_000


CALLBACK_MEMORY = 256 * 2**20  # bytes of address space one callback may add to the grader's

# A call still running this long before its deadline is stopped by the student process itself,
# which then says which of the notebook's functions it was in (engine.child, Student.call): at
# least WARNING_MARGIN seconds, or WARNING_SHARE of the time the call has, before the deadline.
WARNING_MARGIN = 0.5
WARNING_SHARE = 0.1


def warning_after(seconds: float) -> float:
    """Seconds after which a call with `seconds` to go is stopped in the student process (0:
    too little time to warn; the deadline alone stops it)."""
    early = seconds - max(WARNING_MARGIN, seconds * WARNING_SHARE)
    return round(early, 3) if early > 0 else 0.0


@contextlib.contextmanager
def memory_cap(extra: int) -> Iterator[None]:
    """Within this block, this process may map at most `extra` more bytes than it has now: a
    larger allocation fails at once (MemoryError) instead of growing the grader."""
    try:
        with open("/proc/self/statm") as statm:
            size = int(statm.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = min([size + extra] + [v for v in (soft, hard) if v != resource.RLIM_INFINITY])
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError):  # no /proc here: the grader's own limit stands
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def weight(value: Any) -> int:
    """Bytes a value holds, near enough: its arrays' and strings' sizes, 16 per other item."""
    total, pending = 0, [value]
    while pending:
        item = pending.pop()
        if isinstance(item, np.ndarray):
            total += item.nbytes
        elif isinstance(item, (str, bytes)):
            total += len(item)
        elif isinstance(item, (list, tuple)):
            pending.extend(item)
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        total += 16
    return total


def too_large(arguments: Any, values: int = CALLBACK_VALUES) -> bool:
    """Whether a callback's arguments ask the grader for more work than the bounds above, with
    at most `values` numbers in all."""
    count = 0

    def walk(value: Any, depth: int) -> bool:
        nonlocal count
        if isinstance(value, np.ndarray):
            count += value.size
            return count > values or (
                value.dtype.kind in "iu" and bool(np.any(np.abs(value) > CALLBACK_NUMBER))
            )
        if isinstance(value, (bool, np.bool_, float, np.floating)):
            count += 1
            return count > values
        if isinstance(value, (int, np.integer)):
            count += 1
            return count > values or abs(int(value)) > CALLBACK_NUMBER
        if isinstance(value, (list, tuple)):
            sizes = [
                abs(int(v)) for v in value if isinstance(v, (int, np.integer)) and not isinstance(v, bool)
            ]
            if sizes and float(np.prod(sizes, dtype=float)) > CALLBACK_OUTPUT:
                return True
            return depth > 8 or any(walk(v, depth + 1) for v in value)
        if isinstance(value, dict):
            return depth > 8 or any(walk(v, depth + 1) for v in value.values())
        if isinstance(value, str):
            count += len(value)
            return count > values
        return False

    return walk(arguments, 0)


def _mutable(value: Any) -> bool:
    return isinstance(value, (np.ndarray, dict, list, tuple, np.random.Generator))


class StudentProcess:
    """One confined student process, as the grader sees it."""

    def __init__(self, sock: socket.socket, keeper: int, notes: int | None = None) -> None:
        """notes -- the reading end of the pipe where the student process writes the traceback
        of a call at its warning (engine.child, Student.warned), if there is one"""
        self.keeper = keeper
        self.notes = notes
        if notes is not None:
            os.set_blocking(notes, False)
        self.pidfd: int | None = None
        with contextlib.suppress(OSError, AttributeError):
            self.pidfd = os.pidfd_open(keeper)
        self.objects: list[Any] = []
        self.ids: dict[int, int] = {}
        self.current: tuple[Any, Any] = ((), {})
        self.spent = self.callbacks = 0  # what the current call's callbacks brought, and how many
        self.channel = Channel(sock, self.inert, codec.Decoder(self.handle), self.callback)

    def inert(self, value: Any) -> dict[str, str]:
        """What a callback returns that is not plain data crosses as a stand-in, never a handle:
        only the objects a test itself passes to a student function may be called back."""
        return {"o": type(value).__name__}

    def unknown(self, value: Any) -> dict[str, int]:
        """A handle for an object of ours: it stays here, the student process may call it."""
        if id(value) not in self.ids:
            self.ids[id(value)] = len(self.objects)
            self.objects.append(value)
        return {"h": self.ids[id(value)]}

    def handle(self, number: int) -> Any:
        if not 0 <= number < len(self.objects):
            raise codec.ProtocolError(f"no object {number}")
        return self.objects[number]

    def callback(self, message: tuple) -> tuple:
        """Run a call the student process makes on one of our objects."""
        if message[0] != "callback" or len(message) != 6:
            raise codec.ProtocolError(f"unexpected {message[0]!r}")
        _, number, method, args, kwargs, state = message
        if (
            type(number) is not int
            or type(method) is not str
            or type(args) is not tuple
            or type(kwargs) is not dict
        ):
            raise codec.ProtocolError("bad callback")
        target = self.handle(number)
        self.callbacks += 1
        self.spent += weight((args, kwargs, state))
        if self.callbacks > CALLBACKS or self.spent > CALLBACK_BYTES:
            from rnncheck import say

            refusal = say("engine_callback_budget", calls=CALLBACKS, size=CALLBACK_BYTES // 2**20)
            return ("raise", "ValueError", "ValueError", refusal)
        if type(state) is tuple and len(state) == 2:
            apply_state(self.current, state)
        if method != "__call__" and (method.startswith("_") or not _NAME.fullmatch(method)):
            return ("raise", "AttributeError", "AttributeError", method)
        function = target if method == "__call__" else getattr(target, method, None)
        if not callable(function) or not all(type(k) is str for k in kwargs):
            return ("raise", "TypeError", "TypeError", f"{method} cannot be called")
        limit = CALLBACK_REFERENCE_VALUES if getattr(target, "graded_reference", False) else CALLBACK_VALUES
        if too_large((args, kwargs), limit):
            refusal = f"arguments of {method} too large for the test's object"
            return ("raise", "ValueError", "ValueError", refusal)
        try:
            with memory_cap(CALLBACK_MEMORY):
                return ("return", function(*args, **kwargs))
        except Exception as error:
            base = next((k.__name__ for k in type(error).__mro__ if k.__module__ == "builtins"), "Exception")
            return ("raise", type(error).__name__, base, str(error)[:300])

    def request(self, message: tuple, deadline: float) -> tuple:
        return self.channel.request(message, deadline)

    def call(
        self, name: str, args: tuple, kwargs: dict, deadline: float, callees: dict[str, Any] | None = None
    ) -> Any:
        """The student's name(*args, **kwargs); args and kwargs become what the call left them.

        callees -- name -> an object of ours (a graded function's reference): while the call
                   runs, each name in the notebook stands for it (engine.child, Student.bound)

        Raises TimeoutError (StoppedInside when the student process stopped the call itself,
        see warning_after), codec.Gone, codec.ProtocolError (the process must then be ended),
        exception_from(...) for what the function raised, codec.Unsendable for what it returned.
        """
        self.current, self.spent, self.callbacks = (args, kwargs), 0, 0
        warning = warning_after(deadline - time.monotonic())
        message = ("call", name, args, kwargs, callees or None, warning)
        self.read_notes()  # what an earlier call's warning wrote is not this call's
        try:
            reply = self.channel.request(message, deadline, self.unknown)
        except TimeoutError:
            inner = self.inside()
            if inner:  # stuck in C past its warning: its traceback says where
                raise StoppedInside(inner) from None
            raise
        if reply[0] == "unsendable":
            raise codec.Unsendable(str(reply[1]))
        if reply[0] == "timeout" and len(reply) == 2:
            inner = str(reply[1])
            raise StoppedInside(inner if _NAME.fullmatch(inner) else "")
        state = reply[-1]  # None: the call left its arguments as they came
        if type(state) is tuple and len(state) == 2:
            apply_state((args, kwargs), state)
        if reply[0] == "raise" and len(reply) == 5:
            _, kind, base, message, _ = reply
            if base in ("SystemExit", "KeyboardInterrupt", "GeneratorExit"):
                raise Exited(str(kind) if _NAME.fullmatch(str(kind)) else str(base))
            raise exception_from(str(kind), str(base), str(message))
        if reply[0] != "return" or len(reply) != 3:
            raise codec.ProtocolError("bad reply")
        return reply[1]

    def read_notes(self) -> str:
        """What the student process wrote to the notes pipe since it was last read (at most
        NOTES bytes of it, the latest; a few reads at most, however fast it writes)."""
        if self.notes is None:
            return ""
        text = b""
        with contextlib.suppress(OSError):
            for _ in range(4):  # the pipe holds 64 KiB: more is a process that keeps writing
                chunk = os.read(self.notes, NOTES)
                if not chunk:
                    break
                text = (text + chunk)[-NOTES:]
        return text.decode("utf-8", "replace")

    def inside(self) -> str:
        """The innermost notebook function of the last traceback the student process wrote to
        the notes pipe, or '' (what the student process says: used for the message only)."""
        return innermost_in(self.read_notes())

    def kill(self) -> None:
        """End the process (its keeper, whose death takes it and its PID namespace along)."""
        with contextlib.suppress(OSError):
            if self.pidfd is not None:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            else:
                os.kill(self.keeper, signal.SIGKILL)
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.channel.sock.close()
        if self.notes is not None:
            with contextlib.suppress(OSError):
                os.close(self.notes)
            self.notes = None
        if self.pidfd is not None:
            with contextlib.suppress(OSError):
                os.close(self.pidfd)
            self.pidfd = None


NOTES = 64 * 2**10  # bytes of the notes pipe read at most (a traceback is a few hundred)
_TRACEBACK = re.compile(r"^(?:Stack|Current thread \S+) \(most recent call first\):$", re.MULTILINE)
_CELL_LINE = re.compile(
    r'^\s*File "(?:<celda>|<magic>)", line \d+ in ([A-Za-z_][A-Za-z0-9_]{0,79})$', re.MULTILINE
)


def innermost_in(notes: str) -> str:
    """The innermost notebook function of the last traceback in notes, as faulthandler writes
    them (most recent call first; the notebook's code is compiled as `<celda>`), or ''.
    Comprehensions and lambdas (`<listcomp>`) count as the function around them."""
    last = _TRACEBACK.split(notes)[-1]
    found = _CELL_LINE.search(last)
    return found.group(1) if found else ""


class Exited(Exception):
    """The student's function tried to end its process (sys.exit, KeyboardInterrupt)."""


class StoppedInside(TimeoutError):
    """The student process stopped a call that was running out of time: the message is the
    notebook function it was in then ('' if none), as the student process says (not trusted)."""


def _zygote_environment() -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_") and k != "OPENBLAS_NUM_THREADS"}
    return {
        **keep,
        "PATH": "/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/"),
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


class Zygote:
    """A warm server, started afresh, that forks confined student processes on request.

    missing -- sandbox mechanism -> why this machine lacks it (see engine.confine)
    """

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.control = ours
        # what the server prints when it fails (student processes write to /dev/null instead)
        self.stderr = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-I",
                    "-c",
                    BOOT,
                    str(theirs.fileno()),
                    str(os.getpid()),
                    str(PACKAGE.parent),
                ],
                pass_fds=[theirs.fileno()],
                env=_zygote_environment(),
                cwd="/",
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self.stderr,
            )
        finally:
            theirs.close()
        hello = self._reply(STARTUP)
        self.missing: dict[str, str] = dict(hello["missing"])

    def _reply(self, timeout: float) -> dict[str, Any]:
        self.control.settimeout(timeout)
        try:
            reply, _ = receive_json(self.control)
        except (OSError, ValueError) as error:
            raise InfrastructureError(f"the sandbox server did not answer ({error})") from None
        except EOFError:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(5)
            ended = f"the sandbox server ended (exit code {self.process.poll()})"
            raise InfrastructureError(ended + last_error(self.stderr)) from None
        return dict(reply)

    def spawn(self, workdir: Path, uid: int | None, limits: Limits) -> tuple[StudentProcess, dict[str, str]]:
        """A new confined student process working in workdir, and what its sandbox lacks."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        notes, written = os.pipe()
        request = {"workdir": str(workdir), "uid": uid, "limits": limits.__dict__}
        try:
            send_json(self.control, request, [theirs.fileno(), written])
            keeper = int(self._reply(SPAWN)["pid"])
        except (OSError, ValueError, KeyError) as error:
            ours.close()
            os.close(notes)
            raise InfrastructureError(f"the sandbox server failed ({error})") from None
        finally:
            theirs.close()
            os.close(written)
        student = StudentProcess(ours, keeper, notes)
        try:
            ready = student.channel.receive(time.monotonic() + SPAWN)
        except (TimeoutError, codec.Gone, codec.ProtocolError) as error:
            student.kill()
            raise InfrastructureError(f"a student process did not start ({type(error).__name__})") from None
        if ready[0] != "ready" or type(ready[1]) is not dict:
            student.kill()
            raise InfrastructureError(f"a student process did not start: {str(ready[-1])[:200]}")
        return student, {str(k): str(v) for k, v in ready[1].items()}

    def sweep(self, uid: int) -> None:
        """End every process of uid that is left (where there is no PID namespace to do it)."""
        try:
            send_json(self.control, {"sweep": uid})
            self._reply(SPAWN)
        except OSError as error:
            raise InfrastructureError(f"the sandbox server failed ({error})") from None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.control.close()
        with contextlib.suppress(OSError):
            self.process.kill()
        self.process.wait()
        self.stderr.close()


def last_error(stderr: Any) -> str:
    """ ": ModuleNotFoundError: No module named 'matplotlib'": the last line of a traceback the
    sandbox server printed to stderr (a file), for the reason of its end; '' if it printed none."""
    with contextlib.suppress(OSError, ValueError):
        stderr.seek(0, os.SEEK_END)
        stderr.seek(max(0, stderr.tell() - 8192))
        lines = stderr.read().decode("utf-8", "replace").splitlines()
        errors = [
            line.strip() for line in lines if re.match(r"[A-Za-z_][\w.]*(Error|Exception|Exit)\b", line)
        ]
        if errors:
            return f": {errors[-1][:500]}"
    return ""
