"""One submission in its sandbox: its cells run once, then the tests call its functions.

The tests receive `env`, a dict whose functions are proxies: calling one sends the call to the
student process and brings back plain data. A call that does not return within its time
limit, or that ends the process, fails only the test case that made it: the process is
started again (the cells run again, without any cell that ended or hung it) for the next
call. A function that times out STRIKES times is not called again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import keyword
import time
from collections.abc import Callable
from typing import Any

from . import codec
from .process import Exited, InfrastructureError, StoppedInside, StudentProcess
from .progress import Progress
from .text import clean

STRIKES = 2
SPAWN_TRIES = 3


def fail(key: str, **values: Any) -> Exception:
    """A failed check with message `key`, as the tests' own checker raises it (the checker of
    the autograder in use, imported when needed: its language, its Feedback class)."""
    from rnncheck import Feedback, say

    return Feedback(say(key, **values))


def say(key: str, **values: Any) -> str:
    from rnncheck import say

    return say(key, **values)


def references() -> dict[str, Callable[..., Any]]:
    """Graded function -> its reference, from the checker in use (rnncheck.isolation): what
    a graded function calls of the others while a test calls it; {} where the checker has none
    (the student's release, a checker of before isolation)."""
    try:
        from rnncheck.isolation import references
    except ImportError:
        return {}
    return references()


@dataclasses.dataclass(frozen=True)
class Budget:
    """Time limits, in seconds: per cell, per call of a student function, per submission."""

    cell: float = 60.0
    call: float = 10.0
    submission: float = 300.0
    restarts: int = 8


class Proxy:
    """Stands in the tests' env for a student function that lives in the student process."""

    runs_elsewhere = True  # rnncheck.call leaves the time limit to the session

    def __init__(self, session: Session, name: str, parameters: list[str]) -> None:
        self.session, self.__name__ = session, name
        usable = [p for p in parameters if p.isidentifier() and not keyword.iskeyword(p)]
        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        self.__signature__ = inspect.Signature([inspect.Parameter(p, kind) for p in dict.fromkeys(usable)])

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.session.call(self.__name__, args, kwargs)

    def random_state(self) -> str:
        """A digest of numpy's global random state in the student process (rnncheck compares
        it around a call)."""
        return self.session.random_state()


class Session:
    """A submission's cells and the student process that runs them.

    spawn -- starts a confined student process in the submission's folder (a Zygote's spawn)
    progress -- where each cell and each call is noted as it begins (engine.progress), if anywhere
    """

    def __init__(
        self,
        cells: list[str],
        spawn: Callable[[], tuple[StudentProcess, dict[str, str]]],
        budget: Budget,
        progress: Progress | None = None,
    ) -> None:
        self.cells = cells
        self.progress = progress
        self.spawn = spawn
        self.budget = budget
        self.deadline = time.monotonic() + budget.submission
        self.process: StudentProcess | None = None
        self.missing: dict[str, str] | None = None
        self.broken: dict[int, str] = {}  # cell -> why it was left out
        self.cell_errors: dict[int, str] = {}
        self.names: dict[str, list] = {}
        self.strikes: dict[str, int] = {}
        self.restarts = -1
        self.stand_ins = codec.StandIns()  # this submission's, forgotten with it
        self.references = references()  # graded function -> its reference, in this process
        self.hidden = False  # hidden cases have begun: what the cells say is no longer kept
        self.shown: dict[int, str] = {}  # the cells left out before then

    def start(self) -> None:
        """Run the cells in a new student process; InfrastructureError if none will start."""
        while self.process is None:
            self.restarts += 1
            if self.restarts > self.budget.restarts:
                raise fail("engine_too_many_restarts")
            self.process = self._spawn()
            for number, source in enumerate(self.cells):
                if number in self.broken:
                    continue
                deadline = min(time.monotonic() + self.budget.cell, self.deadline)
                if self.progress is not None:
                    self.progress.cell = source
                try:
                    reply = self.process.request(("cell", source), deadline)
                except TimeoutError:
                    self._end()
                    if time.monotonic() >= self.deadline:
                        raise fail("engine_submission_time", seconds=int(self.budget.submission)) from None
                    self.broken[number] = say("engine_cell_time", seconds=int(self.budget.cell))
                    break
                except (codec.Gone, codec.ProtocolError, codec.Unsendable):
                    self._end()
                    self.broken[number] = say("engine_cell_ended")
                    break
                if reply[0] == "done" and reply[1] and number not in self.cell_errors and not self.hidden:
                    self.cell_errors[number] = clean(reply[1], 300)
            else:
                try:
                    self.names = self._names()
                except (TimeoutError, codec.Gone, codec.ProtocolError, codec.Unsendable):
                    self._end()  # listing the names ran student code that hung or ended the process
                    self.names = {}
                    raise fail("engine_too_many_restarts") from None

    def hide(self) -> None:
        """From now on the tests' hidden cases run: what the cells do in a later restart (an
        error that could quote what the notebook saw in them, which cells hang or end the
        process) is not reported, since the student is shown it."""
        self.hidden = True
        self.shown = dict(self.broken)

    def errors(self) -> dict[int, str]:
        """Cell -> its error or why it was left out, as the student may see them: what the cells
        did before the hidden cases began."""
        broken = self.shown if self.hidden else self.broken
        return dict(sorted({**self.cell_errors, **broken}.items()))

    def _spawn(self) -> StudentProcess:
        for attempt in range(SPAWN_TRIES):
            try:
                process, missing = self.spawn()
            except InfrastructureError:
                if attempt == SPAWN_TRIES - 1:
                    raise
                continue
            if self.missing is None:
                self.missing = missing
            return process
        raise AssertionError("unreachable")

    def _names(self) -> dict[str, list]:
        assert self.process is not None
        reply = self.process.request(("names",), min(time.monotonic() + self.budget.cell, self.deadline))
        found = reply[1] if reply[0] == "names" and type(reply[1]) is dict else {}
        return {
            str(k): v
            for k, v in found.items()
            if type(v) is list and len(v) == 2 and v[0] in ("function", "value")
        }

    def _end(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process = None

    def close(self) -> None:
        if self.process is not None:
            with contextlib.suppress(Exception):
                self.process.channel.send(("end",))
        self._end()

    def env(self) -> dict[str, Any]:
        """What the tests see: a proxy per student function, a stand-in per other value."""
        found: dict[str, Any] = {}
        for name, (kind, detail) in self.names.items():
            if kind == "function":
                found[name] = Proxy(self, name, [str(p) for p in detail] if type(detail) is list else [])
            else:
                found[name] = self.stand_ins(str(detail))
        return found

    def random_state(self) -> str:
        """A digest of numpy's global random state in the student process; '' if it cannot be had."""
        self.start()
        assert self.process is not None
        try:
            reply = self.process.request(
                ("random_state",), min(time.monotonic() + self.budget.call, self.deadline)
            )
        except (TimeoutError, codec.Gone, codec.ProtocolError, codec.Unsendable):
            self._end()
            return ""
        return reply[1] if reply[0] == "random_state" and type(reply[1]) is str else ""

    def callees(self, name: str) -> dict[str, Callable[..., Any]]:
        """What a call of name runs with (isolation): when name is a graded function, every other
        graded function's name stands, in the notebook and for that call only, for the
        reference, which runs here; a question then grades its own function only. {} for
        other names (given code, a training loop: they use the student's functions)."""
        if name not in self.references:
            return {}
        return {other: reference for other, reference in self.references.items() if other != name}

    def call(self, name: str, args: tuple, kwargs: dict) -> Any:
        """The student's name(*args, **kwargs), run in the student process with its callees
        (see callees); Feedback when it does not return in time, ends its process, or returns
        what cannot cross."""
        if self.strikes.get(name, 0) >= STRIKES:
            raise fail("engine_call_skipped", name=name, seconds=int(self.budget.call))
        if time.monotonic() >= self.deadline:
            raise fail("engine_submission_time", seconds=int(self.budget.submission))
        self.start()
        assert self.process is not None
        deadline = min(time.monotonic() + self.budget.call, self.deadline)
        caller = self.progress.function if self.progress is not None else ""
        if self.progress is not None:
            self.progress.function = name
        try:
            return self.process.call(name, args, kwargs, deadline, self.callees(name))
        except TimeoutError as error:
            self._end()
            self.strikes[name] = self.strikes.get(name, 0) + 1
            seconds = int(self.budget.call)
            inner = clean(str(error), 80) if isinstance(error, StoppedInside) else ""
            if inner and inner != name:  # the function it called that was still running
                raise fail("call_time_inside", name=name, inner=inner, seconds=seconds) from None
            raise fail("engine_call_time", name=name, seconds=seconds) from None
        except Exited as exited:
            raise fail("exited", name=name, error=str(exited)) from None
        except codec.Unsendable as error:
            why = codec.why_unsendable(str(error))
            detail = say(f"engine_unsendable_{why[0]}", limit=why[1]) if why else clean(str(error), 200)
            raise fail("engine_unsendable", name=name, detail=detail) from None
        except (codec.Gone, codec.ProtocolError):
            self._end()
            raise fail("engine_call_ended", name=name) from None
        finally:
            if self.progress is not None:
                self.progress.function = caller  # a call made from a callback returns to its caller
