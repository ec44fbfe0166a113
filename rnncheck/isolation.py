"""Isolation: each question grades its own function.

A student function that calls another graded function (rnn_cell_forward calls softmax,
most_similar calls cosine_similarity) would otherwise lose points for the callee's mistakes
as well as its own. When grading, every call a test makes of a graded function runs with the
names of the other graded functions bound, in the notebook and for that call only, to
handles of their reference (autograder.engine.session, Session.callees): the reference runs
in the grader process, the student process only holds a stand-in that calls it back.

The references come from the grader-only module `rnncheck/reference_code.py`, which the build
writes into the autograder zip alone (autograder.build.write_reference_code): the student
release never holds it, and the student process cannot read the unpacked zip. Where it is
absent (the student's own check, the build's recording) there is nothing to bind and each
function calls the notebook's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .messages import say
from .student import received

MODULE = "reference_code"  # the grader-only module's name in this package


def references() -> dict[str, Callable[..., Any]]:
    """Graded function -> its reference function (see refusing); {} where the grader-only
    module is absent."""
    try:
        from . import reference_code  # type: ignore[attr-defined]  # written into the zip only
    except ImportError:
        return {}
    graded = getattr(reference_code, "GRADED", ())
    return {
        name: refusing(name, getattr(reference_code, name))
        for name in graded
        if callable(getattr(reference_code, name, None))
    }


def refusing(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """function, whose exceptions say in the release's language, with the shapes it received,
    that the reference refused the arguments (the reference's own messages are English), in
    the same built-in family (a ValueError stays a ValueError for the student's code)."""

    def reference(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except Exception as error:
            family = next(k for k in type(error).__mro__ if k.__module__ == "builtins")
            shapes = received(function, args, kwargs) or "…"
            raise family(say("isolation_refused", name=name, shapes=shapes)) from None

    reference.__name__ = name
    reference.graded_reference = True  # type: ignore[attr-defined]  # its callbacks may bring more (engine.process)
    return reference
