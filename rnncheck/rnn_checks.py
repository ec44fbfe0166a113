"""Input builders and checks shared by the RNN assignments' tests (rnn_forward, bptt, rnn_types).

Dimensions: n_x inputs, n_a hidden units, n_y outputs, m examples, T_x steps. A parameter
dict of the contract holds Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1) and
by (n_y, 1); its gradients dict holds the same arrays under "d" + name.

Helpers to build inputs (random parameters, one entry changed), to check the structure of
what student code returns (tuples, dicts of arrays, float64 arrays) and to check properties
of its values (columns that sum to 1, examples of a batch independent of one another,
gradients against central differences). None of them computes what a student function
computes. Tests import them as `from rnncheck.rnn_checks import ...`; the fixed inputs that
several public tests share are in rnncheck.rnn_examples.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any

import numpy as np

from .answers import Answer, naming_mistake
from .compare import assert_gradient, matches, to_array, to_dict
from .feedback import Feedback
from .messages import say
from .numerics import central_differences

# Entries that differ from 1 by at most this are "a column that sums to 1": a float64 sum of a
# few dozen terms in [0, 1] is off by 1e-15 or so; a missing or wrong normalisation by 1e-2.
SUM_TOLERANCE = 1e-9


def parameter_shapes(n_a: int, n_x: int, n_y: int) -> dict[str, tuple[int, int]]:
    """The contract's parameter names, in their order, and shapes: Wax (n_a, n_x), Waa (n_a, n_a),
    Wya (n_y, n_a), ba (n_a, 1), by (n_y, 1)."""
    return {"Wax": (n_a, n_x), "Waa": (n_a, n_a), "Wya": (n_y, n_a), "ba": (n_a, 1), "by": (n_y, 1)}


def _draw(
    rng: np.random.Generator, shapes: dict[str, tuple[int, int]], scale: float, scales: dict[str, float]
) -> dict[str, np.ndarray]:
    unknown = set(scales) - set(shapes)
    if unknown:
        raise TypeError(f"no such entry: {', '.join(sorted(unknown))} (entries: {', '.join(shapes)})")
    return {key: rng.normal(0.0, scales.get(key, scale), shape) for key, shape in shapes.items()}


def random_parameters(
    rng: np.random.Generator, n_a: int, n_x: int, n_y: int, scale: float = 1.0, **scales: float
) -> dict[str, np.ndarray]:
    """A parameter dict of the contract drawn from the numpy Generator rng.

    Each entry is normal(0, s) of its shape (see parameter_shapes), drawn in the order Wax,
    Waa, Wya, ba, by, with s = scales[name] when given (e.g. Wya=2.0, ba=0.5), else `scale`.
    rng.normal(0, s, shape) draws the same numbers as s * rng.standard_normal(shape).

    Returns:
    parameters -- dict of float64 arrays: Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a),
                  ba (n_a, 1), by (n_y, 1)
    """
    return _draw(rng, parameter_shapes(n_a, n_x, n_y), scale, scales)


def random_gradients(
    rng: np.random.Generator, n_a: int, n_x: int, n_y: int, scale: float = 1.0, **scales: float
) -> dict[str, np.ndarray]:
    """A gradients dict (dWax (n_a, n_x), dWaa, dWya, dba, dby) drawn from rng as random_parameters
    draws the parameters; scales are named by gradient, e.g. dby=50.0."""
    shapes = {"d" + key: shape for key, shape in parameter_shapes(n_a, n_x, n_y).items()}
    return _draw(rng, shapes, scale, scales)


def with_entry(parameters: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """A new dict: parameters with parameters[key] replaced by value (the other arrays are shared,
    not copied; `call` passes copies to student code anyway)."""
    changed = dict(parameters)
    changed[key] = value
    return changed


def float64_array(value: Any, what: str, shape: tuple[int, ...] | None = None) -> np.ndarray:
    """value as a plain array, checked to be a numpy.ndarray of dtype float64 (and of `shape`)."""
    array = to_array(value, what, shape=shape)
    if value.dtype != np.float64:
        raise Feedback(say("wrong_dtype", what=what, expected="float64", actual=value.dtype))
    return array


def array_dict(
    value: Any, what: str, shapes: dict[str, tuple[int, ...]], exact: bool = True, float64: bool = False
) -> dict[str, np.ndarray]:
    """value checked to be a dict of arrays of the given shapes; returns key -> plain float64 array.

    shapes -- dict, key -> shape of that entry, e.g. parameter_shapes(n_a, n_x, n_y)
    exact -- True: value has exactly the keys of shapes; False: at least those (others ignored)
    float64 -- True: every entry must have dtype float64; False: any real dtype, converted
    """
    found = to_dict(value, what)
    if (set(found) != set(shapes)) if exact else not set(shapes) <= set(found):
        raise Feedback(say("wrong_keys", what=what, expected=sorted(shapes), actual=sorted(map(str, found))))
    check = float64_array if float64 else to_array
    return {key: check(found[key], f"{what}[{key!r}]", shape=shape) for key, shape in shapes.items()}


def tuple_of(value: Any, what: str, names: Sequence[str]) -> tuple[Any, ...]:
    """value checked to be a tuple of len(names) entries; names, e.g. ("a_next", "yt_pred",
    "cache"), describe the entries in the messages. Returns value."""
    described = f"({', '.join(names)})"
    if type(value) is not tuple:
        raise Feedback(say("wrong_type", what=what, expected=f"tuple {described}", kind=type(value).__name__))
    if len(value) != len(names):
        raise Feedback(
            say("wrong_length", what=f"{what} {described}", expected=len(names), actual=len(value))
        )
    return value


def entries_of(value: Any, what: str, names: Sequence[str]) -> tuple[Any, ...]:
    """The entries of value, a tuple or a list of len(names) entries (the values cases read a
    result as leniently as the kit's own code does; tuple_of, in a case of its own, checks the
    contract's form)."""
    if type(value) is list:
        value = tuple(value)
    return tuple_of(value, what, names)


def assert_columns_sum_to_one(s: np.ndarray, what: str) -> None:
    """Fail unless every column of s (n_y, m) or (n_y, m, T_x) sums to 1 over axis 0; say so when
    s (all entries > 0) is normalised over another axis or set of axes instead."""
    sums = s.sum(axis=0)
    wrong = ~(np.abs(sums - 1.0) <= SUM_TOLERANCE)  # NaN counts as wrong
    if not wrong.any():
        return
    column = tuple(int(i) for i in np.argwhere(wrong)[0])
    shown = column[0] if len(column) == 1 else list(column)
    others = [axes for r in range(1, s.ndim + 1) for axes in combinations(range(s.ndim), r) if axes != (0,)]
    other_axis = np.all(s > 0) and any(
        np.allclose(s.sum(axis=axes), 1.0, rtol=0, atol=SUM_TOLERANCE) for axes in others
    )
    key = "rnn_softmax_wrong_axis" if other_axis else "rnn_columns_not_normalized"
    raise Feedback(say(key, what=what, column=shown, total=float(sums[column])))


def assert_examples_independent(
    batch: dict[str, np.ndarray], alone: Callable[[int], dict[str, np.ndarray]]
) -> None:
    """Fail unless each example of a batch gets what it gets on its own.

    batch -- dict, output name -> float64 array whose axis 1 is the example (n, m) or (n, m, T),
             what student code returned for the whole batch
    alone -- callable taking an example's index i and returning the same dict for a batch of
             that example alone (m = 1), e.g. from the student's function on x[:, i : i + 1]

    batch[name][:, i] must equal alone(i)[name][:, 0] for every name and example i, up to
    another order of the same sums (RTOL, ATOL): a batched matrix product may add in another
    order, but nothing of one example may leak into another (a sum over axis 1, a softmax
    over the wrong axis, a state shared across the batch).
    """
    m = next(iter(batch.values())).shape[1]
    for i in range(m):
        single = alone(i)
        for name, values in batch.items():
            if not matches(single[name][:, 0], values[:, i]):
                raise Feedback(say("rnn_batch_dependence", what=name, example=i))


def parameter_central_differences(
    loss: Callable[[dict[str, np.ndarray]], float], parameters: dict[str, np.ndarray], keys: Sequence[str]
) -> dict[str, np.ndarray]:
    """Central differences of loss(parameters) with respect to each parameters[key], key in keys.

    loss -- callable taking a parameter dict and returning a float
    Returns: dict, "d" + key -> float64 array of parameters[key].shape
    Runs only when the build records answers (wrap it in `recorded`), like
    rnncheck.numerics.central_differences, which it calls.
    """

    def loss_of(key: str) -> Callable[[np.ndarray], float]:
        return lambda value: loss(with_entry(parameters, key, value))

    return {"d" + key: central_differences(loss_of(key), parameters[key]) for key in keys}


def assert_gradients(
    analytic: dict[str, Any], numeric: dict[str, np.ndarray], given: Answer | None = None
) -> None:
    """Fail at the first key of numeric whose analytic[key] differs from the central differences
    numeric[key] (both dicts of arrays of the same shapes), naming the key and the entry.

    given -- the Answer (rnncheck.answers.answer) of the student call that returned analytic:
             the failure then also names the catalogued mistake whose result it equals, if any
    """
    with naming_mistake(given) if given is not None else contextlib.nullcontext():
        for key, value in numeric.items():
            assert_gradient(analytic[key], value, key)
