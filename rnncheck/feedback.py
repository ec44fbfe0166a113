"""The one exception the tests raise: a message for the student, never a traceback."""


class Feedback(AssertionError):
    """A test case failed; str(self) says why, in the student's terms."""
