"""What a grader process is doing for the submission in hand, said every few seconds while it lasts.

The grading thread notes each step as it begins (a cell, a question, a call of a student
function: plain assignments, nothing more), and a thread of the grader process, every `every`
seconds while one submission lasts, turns the latest note into a line in the autograder's
language and passes it to `tell` (the batch process prints it). A submission graded in less
than `every` seconds gets no line at all.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

PROGRESS_EVERY = 10.0  # seconds between two lines about one submission still being graded


class Progress:
    """The submission in hand and its step now.

    tell -- receives each line; it is called with this object's lock held, so that end() returns
            only once a line being told has been told (no line about a submission after its end)
    """

    def __init__(self, tell: Callable[[str], None], every: float = PROGRESS_EVERY) -> None:
        self.tell = tell
        self.every = every
        self.cell = ""  # the source of the cell running now, or ''
        self.question = ""  # the question whose tests run now, or ''
        self.function = ""  # the student function a test is calling now, or ''
        self._job: tuple[str, float] | None = None  # (submission, when it began)
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def begin(self, name: str) -> None:
        """The submission `name` is graded from now on."""
        with self._changed:
            self.cell = self.question = self.function = ""
            self._job = (name, time.monotonic())
            self._changed.notify()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="rnngrade progress", daemon=True)
            self._thread.start()

    def end(self) -> None:
        """The submission in hand is graded: nothing more is said of it."""
        with self._changed:
            self._job = None
            self._changed.notify()

    def line(self, name: str, seconds: float) -> str:
        """What is running now, for a submission graded for `seconds` so far."""
        from rnncheck import say  # the checker of the autograder in use: its language
        from rnncheck.cells import cell_name

        if self.function and self.question:
            what = say("engine_progress_call", function=self.function, question=self.question)
        elif self.question:
            what = say("check_question_running", question=self.question)
        else:
            what = cell_name(self.cell) if self.cell else say("engine_progress_start")
        return say("engine_progress", name=name, what=what, seconds=int(seconds))

    def _run(self) -> None:
        with self._changed:
            while True:
                while self._job is None:
                    self._changed.wait()
                job, told = self._job, 1
                while self._job is job:
                    left = job[1] + told * self.every - time.monotonic()
                    if left > 0:
                        self._changed.wait(left)
                        continue
                    try:
                        self.tell(self.line(job[0], time.monotonic() - job[1]))
                    except Exception:  # a line that cannot be told is left out; grading goes on
                        pass
                    told += 1
