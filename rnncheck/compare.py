"""Turning what student code returns into plain values, and comparing them with what we expect.

Conversion is strict: an array must be exactly a numpy.ndarray (not a subclass or an object
that merely claims to be one), a float a real number, a list a real list. Comparison
messages name the output, the expected and actual shape, the largest error and where.
assert_changes and assert_no_change compare two outputs of student code with each other, for
the checks "this input must matter" and "this input must not matter".
"""

from __future__ import annotations

import contextlib
import numbers
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from .feedback import Feedback
from .messages import say
from .numerics import ATOL, GRADIENT_ATOL, GRADIENT_RTOL, ROUNDOFF_ATOL, ROUNDOFF_RTOL, RTOL


def _kind(value: Any) -> str:
    return type(value).__name__


def to_array(
    value: Any, what: str, shape: tuple[int, ...] | None = None, dtype: Any = np.float64
) -> np.ndarray:
    """value as a fresh array of `dtype`, checked to be a real ndarray of the given shape."""
    if type(value) is not np.ndarray:
        raise Feedback(say("wrong_type", what=what, expected="numpy.ndarray", kind=_kind(value)))
    if value.dtype.kind not in "biuf":
        raise Feedback(say("wrong_dtype", what=what, expected=np.dtype(dtype).name, actual=value.dtype))
    if np.dtype(dtype).kind in "iu" and value.dtype.kind not in "biu":
        raise Feedback(say("wrong_dtype", what=what, expected="int", actual=value.dtype))
    if shape is not None and value.shape != tuple(shape):
        raise Feedback(say("wrong_shape", what=what, expected=tuple(shape), actual=value.shape))
    return np.array(value, dtype=dtype, copy=True)


def to_float(value: Any, what: str) -> float:
    """value as a Python float; a real number (Python or numpy scalar, or a 0-d array)."""
    if type(value) is np.ndarray and value.shape == ():
        value = value[()]
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        raise Feedback(say("wrong_type", what=what, expected="float", kind=_kind(value)))
    return float(value)


def to_str_list(value: Any, what: str) -> list[str]:
    """value as a list of str (a real list whose items are all str)."""
    if type(value) is not list or any(type(item) is not str for item in value):
        raise Feedback(say("wrong_type", what=what, expected="list[str]", kind=_kind(value)))
    return list(value)


def to_str(value: Any, what: str) -> str:
    if type(value) is not str:
        raise Feedback(say("wrong_type", what=what, expected="str", kind=_kind(value)))
    return value


def to_dict(value: Any, what: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise Feedback(say("wrong_type", what=what, expected="dict", kind=_kind(value)))
    return dict(value)


def _position(index: Sequence[Any]) -> str:
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def assert_close(
    actual: Any, expected: Any, what: str, rtol: float = RTOL, atol: float = ATOL, message: str = "not_close"
) -> None:
    """Fail with the largest error and its position unless actual ~ expected elementwise."""
    actual = to_array(actual, what, shape=np.shape(expected))
    expected = np.asarray(expected, dtype=np.float64)
    bad = ~np.isfinite(actual) & np.isfinite(expected)
    if bad.any():
        where = tuple(np.argwhere(bad)[0])
        shown = "NaN" if np.isnan(actual[where]) else say("infinity")
        raise Feedback(say("not_finite", what=what, bad=shown, where=_position(where)))
    error = np.abs(actual - expected)
    excess = error - (atol + rtol * np.abs(expected))
    if excess.size and excess.max() > 0:
        where = np.unravel_index(int(np.argmax(excess)), excess.shape)
        raise Feedback(
            say(
                message,
                what=what,
                where=_position(where),
                expected=f"{expected[where]:.6g}",
                actual=f"{actual[where]:.6g}",
                error=float(error[where]),
            )
        )
    return actual


def assert_gradient(analytic: Any, numeric: Any, what: str) -> None:
    """Fail, saying where, unless an analytic gradient matches central differences entry by entry."""
    return assert_close(analytic, numeric, what, rtol=GRADIENT_RTOL, atol=GRADIENT_ATOL, message="gradient")


def assert_same(actual: Any, expected: Any, what: str, rtol: float = RTOL, atol: float = ATOL) -> None:
    """Fail unless `actual` has the structure of `expected` and the same values.

    Arrays are compared with assert_close (integer arrays exactly), floats with the same
    tolerances, tuples and dicts item by item (named what[0], what['key']), anything else
    with ==. `expected` is always built by us; `actual` comes from student code.
    """
    if isinstance(expected, np.ndarray):
        if expected.dtype.kind in "biu":
            got = to_array(actual, what, shape=expected.shape, dtype=np.int64)
            if not np.array_equal(got, expected):
                where = tuple(np.argwhere(got != expected)[0])
                raise Feedback(
                    say(
                        "first_difference",
                        what=what,
                        where=_position(where),
                        expected=expected[where],
                        actual=got[where],
                    )
                )
            return
        assert_close(actual, expected, what, rtol=rtol, atol=atol)
    elif isinstance(expected, tuple):
        if type(actual) is not tuple:
            raise Feedback(say("wrong_type", what=what, expected="tuple", kind=_kind(actual)))
        if len(actual) != len(expected):
            raise Feedback(say("wrong_length", what=what, expected=len(expected), actual=len(actual)))
        for i, (a, e) in enumerate(zip(actual, expected)):
            assert_same(a, e, f"{what}[{i}]", rtol=rtol, atol=atol)
    elif isinstance(expected, dict):
        found = to_dict(actual, what)
        if set(found) != set(expected):
            raise Feedback(
                say(
                    "wrong_keys",
                    what=what,
                    expected=sorted(map(str, expected)),
                    actual=sorted(map(str, found)),
                )
            )
        for key in expected:
            assert_same(found[key], expected[key], f"{what}[{key!r}]", rtol=rtol, atol=atol)
    elif isinstance(expected, float):
        number = to_float(actual, what)
        if not np.isclose(number, expected, rtol=rtol, atol=atol, equal_nan=True):
            raise Feedback(say("not_equal", what=what, expected=f"{expected:.6g}", actual=f"{number:.6g}"))
    elif isinstance(expected, list):
        if type(actual) is not list:
            raise Feedback(say("wrong_type", what=what, expected="list", kind=_kind(actual)))
        if len(actual) != len(expected):
            raise Feedback(say("not_equal", what=what, expected=_short(expected), actual=_short(actual)))
        for i, (a, e) in enumerate(zip(actual, expected)):
            if isinstance(e, (np.ndarray, tuple, list, dict, float)):
                assert_same(a, e, f"{what}[{i}]", rtol=rtol, atol=atol)
            elif type(a) is not type(e) or a != e:
                raise Feedback(
                    say("first_difference", what=what, where=f"[{i}]", expected=repr(e), actual=_short(a))
                )
    else:
        if type(actual) is not type(expected) or actual != expected:
            raise Feedback(say("not_equal", what=what, expected=repr(expected), actual=_short(actual)))


def _short(value: Any, limit: int = 120) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[:limit] + "…"


def matches(actual: Any, expected: Any, rtol: float = RTOL, atol: float = ATOL) -> bool:
    """True when assert_same would pass."""
    try:
        assert_same(actual, expected, "", rtol=rtol, atol=atol)
    except Feedback:
        return False
    return True


def assert_changes(before: Any, after: Any, message: str) -> None:
    """Fail with `message` unless the arrays before and after (of one shape) differ somewhere by
    more than another order of the same sums (RTOL, ATOL): an output computed twice, once with
    an input it must depend on changed (a_prev, a bias, the last input step)."""
    if np.allclose(after, before, rtol=RTOL, atol=ATOL):
        raise Feedback(message)


def assert_no_change(before: Any, after: Any, message: str) -> None:
    """Fail with `message` unless the arrays before and after (of one shape) are equal up to
    round-off of the same computation (ROUNDOFF_RTOL, ROUNDOFF_ATOL): an output computed twice,
    once with an input it must not depend on changed (padding, Waa of a single step)."""
    if not np.allclose(after, before, rtol=ROUNDOFF_RTOL, atol=ROUNDOFF_ATOL):
        raise Feedback(message)


@contextlib.contextmanager
def hinted(key: str, **values: Any) -> Iterator[None]:
    """Within this block, a failed check (Feedback) also says the hint `key` (rnncheck.say),
    which names the likely cause; a failure that names a catalogued mistake already is left as it is.
    Call the student's function before the block: a call that fails (not implemented, raised) is
    not the misconception the hint names."""
    try:
        yield
    except Feedback as failure:
        if failure.mistake is not None:
            raise
        raise Feedback(f"{failure} {say(key, **values)}") from None
