"""The one exception the tests raise: a message for the student, never a traceback."""

from __future__ import annotations


class Feedback(AssertionError):
    """A test case failed; str(self) says why, in the student's terms.

    mistake -- the catalogued misconception the failure shows, in a few words, when the tests
               recognise one (e.g. "olvidó el sesgo ba"); the class report counts them
    """

    def __init__(self, message: str = "", mistake: str | None = None) -> None:
        super().__init__(message)
        self.mistake = mistake
