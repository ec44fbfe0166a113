"""Checks of functions that sample from a model: a generator that records its calls, and the
structure of a sampled sequence of indices (rnn_types' one_to_many_sample).

A sampler is asked to make exactly one `rng.choice(n_y, p=probs)` per step. RecordingRng
stands in for the numpy Generator the test passes and keeps every call made on it, with the
probabilities given to `choice`; with a script it returns chosen indices instead of drawing,
so that the test knows every input the model sees. When grading, it stays in the grader
process as a handle: the student process calls it back (docs/grading.md), and only its
public methods can be reached. None of this computes what a student function computes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .feedback import Feedback
from .messages import say

# The methods of a Generator that draw values (not spawn, which makes new generators, nor the
# bit generator itself), and how many calls one RecordingRng records: a sampler makes one per
# step, and each call is kept (with its p) until the test ends.
DRAWS = frozenset(
    name
    for name in dir(np.random.Generator)
    if not name.startswith("_") and name not in ("spawn", "bit_generator")
)
MAX_CALLS = 10_000


class RecordingRng:
    """Stands in for a numpy Generator and records every call made on it.

    seed -- int, the seed of the real Generator that draws what the script does not give
    script -- sequence of ints or None: the first len(script) calls of choice return these
              indices in order, whatever p is (an int, or an array of `size` copies of it)

    choice(a, size=None, replace=True, p=None) draws with the real Generator once the script
    is used up; any other method of a Generator that draws (random, integers, ...) is recorded
    and passed on to it; others (spawn, bit_generator) are refused, and so is any call past
    MAX_CALLS. `calls` holds (method name, the p given to choice as float64, or None).
    A deep copy is the object itself: `rnncheck.call` copies its arguments, and the calls
    must land on the test's object.
    """

    def __init__(self, seed: int = 0, script: Sequence[int] | None = None) -> None:
        self._rng = np.random.default_rng(seed)
        self._script = list(script or [])
        self.calls: list[tuple[str, np.ndarray | None]] = []

    def __deepcopy__(self, memo: dict[int, Any]) -> RecordingRng:
        return self

    def _record(self, method: str, p: Any = None) -> None:
        if len(self.calls) >= MAX_CALLS:
            raise ValueError(say("sampling_too_many_calls", count=MAX_CALLS))
        self.calls.append((method, None if p is None else np.array(p, dtype=np.float64)))

    def choice(self, a: Any, size: Any = None, replace: bool = True, p: Any = None, **kwargs: Any) -> Any:
        self._record("choice", p)
        if len(self.calls) <= len(self._script):
            index = np.int64(self._script[len(self.calls) - 1])
            return index if size is None else np.full(size, index)
        return self._rng.choice(a, size=size, replace=replace, p=p, **kwargs)

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("_"):
            raise AttributeError(attribute)
        method = getattr(self._rng, attribute)
        if attribute not in DRAWS:
            if callable(method):
                raise AttributeError(say("sampling_not_a_draw", method=attribute))
            return method

        def passed_on(*args: Any, **kwargs: Any) -> Any:
            self._record(attribute)
            return method(*args, **kwargs)

        return passed_on

    def methods(self) -> list[str]:
        """The names of the methods called, in order, e.g. ["choice", "choice", "random"]."""
        return [method for method, _ in self.calls]

    def summary(self) -> str:
        """The calls made, e.g. "12 × choice" or "5 × choice, 1 × random"; "-" for none."""
        methods = self.methods()
        return ", ".join(f"{methods.count(m)} × {m}" for m in dict.fromkeys(methods)) or "-"


def index_list(value: Any, what: str, n_y: int) -> list[int]:
    """value checked to be a list of Python ints, each in [0, n_y); returns it."""
    if type(value) is not list:
        raise Feedback(say("wrong_type", what=what, expected="list", kind=type(value).__name__))
    for position, index in enumerate(value):
        if type(index) is not int:
            raise Feedback(
                say("wrong_type", what=f"{what}[{position}]", expected="int", kind=type(index).__name__)
            )
        if not 0 <= index < n_y:
            raise Feedback(
                say("not_equal", what=f"{what}[{position}]", expected=f"0 <= i < {n_y}", actual=index)
            )
    return value


def assert_one_draw_per_step(rng: RecordingRng, indices: Sequence[int], eos_index: int | None = None) -> None:
    """Fail unless rng saw exactly one call, choice, per returned index; name drawing twice a
    step (twice per index, or one less when the last index is eos_index) and drawing nothing."""
    methods, steps = rng.methods(), len(indices)
    if methods == ["choice"] * steps:
        return
    message = say("types_generator_calls", count=len(methods), methods=rng.summary(), steps=steps)
    stopped_at_eos = eos_index is not None and steps > 0 and indices[-1] == eos_index
    if (
        steps
        and set(methods) == {"choice"}
        and (len(methods) == 2 * steps or (stopped_at_eos and len(methods) == 2 * steps - 1))
    ):
        message += " " + say("types_draws_twice")
    elif steps and not methods:
        message += " " + say("types_no_draws")
    raise Feedback(message)


def transition_frequencies(indices: Sequence[int], n_y: int) -> np.ndarray:
    """(n_y, n_y) array: row j holds how often each index follows index j in the sequence, as
    fractions of the times j is followed by anything (a row of zeros when it never is)."""
    counts = np.zeros((n_y, n_y))
    np.add.at(counts, (list(indices[:-1]), list(indices[1:])), 1.0)
    return counts / np.maximum(counts.sum(axis=1, keepdims=True), 1.0)


def one_hot_inputs(indices: Sequence[int], n_y: int) -> np.ndarray:
    """(n_y, 1, len(indices)) array: the inputs a one-to-many model sees when these indices are
    drawn, x<1> = 0 and x<t+1> the one-hot of the index drawn at step t (the last one unused)."""
    x = np.zeros((n_y, 1, len(indices)))
    for step, index in enumerate(indices[:-1]):
        x[index, 0, step + 1] = 1.0
    return x
