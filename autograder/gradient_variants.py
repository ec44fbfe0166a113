"""Wrong variants of the reference's gradients, one wrong term each, for feedback that names it.

When the build records the reference's result of a gradient function (autograder.recorder),
it also records what the same computation gives with one term wrong: tanh' applied twice or
missing or taken at a_prev, Waa instead of its transpose, a transposed product, the weight
gradients of one step only, the gradient from step t + 1 not carried back, dz_y not divided
by m or divided twice, the sign flipped, the output gradients of the last step only. When
grading (or in the student's own check) a gradient that differs from the reference is
compared with them entry by entry, and the message says which term is wrong
(rnncheck.terms). Build-only, like the recorder: only the numbers ship.

Dimensions: n_x inputs, n_a hidden units, n_y outputs, m examples, T_x steps. Each variant
is computed from the reference's pieces (its forward pass, its caches), never from a
student's code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np


class Variant(NamedTuple):
    """term -- the wrong term, a key of rnncheck.terms (e.g. "tanh_twice")
    value -- what the function returns with that term wrong
    callee -- the graded function that the function calls and that may hold the term instead
              (the blame goes there when the student's callee shows the same term), or None
    probe -- the arguments to call callee with to see whether it shows the term, or None
    """

    term: str
    value: Any
    callee: str | None = None
    probe: tuple | None = None


# Terms of one step's backward pass: (term, options of _cell_backward), likeliest first.
CELL_TERMS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("tanh_twice", {"derivative": "twice"}),
    ("tanh_missing", {"derivative": "missing"}),
    ("tanh_of_a_prev", {"derivative": "a_prev"}),
    ("waa_not_transposed", {"waa_transposed": False}),
    ("dwaa_transposed", {"dwaa_transposed": True}),
    ("sign_flipped", {"flip": True}),
)
# Terms of the loop over time in rnn_backward.
TIME_TERMS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("not_accumulated", {"accumulate": False}),
    ("not_carried", {"carry": False}),
)


def _cell_backward(
    da_next: np.ndarray,
    cache: tuple,
    derivative: str = "once",
    waa_transposed: bool = True,
    dwaa_transposed: bool = False,
    flip: bool = False,
) -> dict[str, np.ndarray]:
    """rnn_cell_backward's gradients, with the term named by the options wrong."""
    a_next, a_prev, xt = (np.asarray(v, dtype=np.float64) for v in cache[:3])
    parameters = cache[3]
    Wax = np.asarray(parameters["Wax"], dtype=np.float64)
    Waa = np.asarray(parameters["Waa"], dtype=np.float64)
    tanh_prime = {
        "once": 1.0 - a_next**2,
        "twice": (1.0 - a_next**2) ** 2,
        "missing": np.ones_like(a_next),
        "a_prev": 1.0 - a_prev**2,
    }[derivative]
    dz = (-1.0 if flip else 1.0) * np.asarray(da_next, dtype=np.float64) * tanh_prime
    dWaa = dz @ a_prev.T
    return {
        "dxt": Wax.T @ dz,
        "da_prev": (Waa.T if waa_transposed else Waa) @ dz,
        "dWax": dz @ xt.T,
        "dWaa": dWaa.T if dwaa_transposed else dWaa,
        "dba": np.sum(dz, axis=1, keepdims=True),
    }


def _backward(
    da: np.ndarray, caches: tuple, accumulate: bool = True, carry: bool = True, **cell: Any
) -> dict[str, np.ndarray]:
    """rnn_backward's gradients, with the term named by the options wrong: accumulate=False
    keeps the weight gradients of the step processed last (t = 1) only, carry=False never adds
    the gradient from step t + 1; cell options as _cell_backward's."""
    step_caches, x = caches
    da = np.asarray(da, dtype=np.float64)
    n_a, m, T_x = da.shape
    n_x = np.asarray(x).shape[0]
    dx = np.zeros((n_x, m, T_x))
    weights = {"dWax": np.zeros((n_a, n_x)), "dWaa": np.zeros((n_a, n_a)), "dba": np.zeros((n_a, 1))}
    da_prev = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        step = _cell_backward(da[:, :, t] + (da_prev if carry else 0.0), step_caches[t], **cell)
        dx[:, :, t] = step["dxt"]
        da_prev = step["da_prev"]
        for key in weights:
            weights[key] = weights[key] + step[key] if accumulate else step[key]
    return {"dx": dx, "da0": da_prev, **weights}


def _loss_and_gradients(
    reference: dict[str, Any],
    x: np.ndarray,
    y: np.ndarray,
    a0: np.ndarray,
    parameters: dict[str, np.ndarray],
    divide: str = "once",
    sign: float = 1.0,
    last_step_only: bool = False,
    **backward: Any,
) -> tuple[tuple[float, dict[str, np.ndarray]], np.ndarray, tuple]:
    """rnn_loss_and_gradients' (loss, gradients) with the term named by the options wrong, and
    the da and caches it hands to rnn_backward."""
    a, y_pred, caches = reference["rnn_forward"](x, a0, parameters)
    n_y, m, T_x = y_pred.shape
    y = np.asarray(y)
    examples, steps = np.meshgrid(np.arange(m), np.arange(T_x), indexing="ij")
    loss = float(-np.sum(np.log(y_pred[y, examples, steps])) / m)
    dz_y = y_pred.copy()
    dz_y[y, examples, steps] -= 1.0
    dz_y = sign * dz_y / {"once": m, "none": 1, "twice": m * m}[divide]
    Wya = np.asarray(parameters["Wya"], dtype=np.float64)
    kept = dz_y[:, :, -1:] if last_step_only else dz_y
    dWya = np.einsum("cmt,amt->ca", kept, a[:, :, -kept.shape[2] :])
    dby = np.sum(kept, axis=(1, 2)).reshape(n_y, 1)
    da = np.einsum("ca,cmt->amt", Wya, dz_y)
    grads = _backward(da, caches, **backward)
    gradients = {"dWax": grads["dWax"], "dWaa": grads["dWaa"], "dWya": dWya, "dba": grads["dba"]}
    gradients.update({"dby": dby, "da0": grads["da0"]})
    return (loss, gradients), da, caches


def _cell_variants(reference: dict[str, Any], da_next: Any, cache: Any) -> list[Variant]:
    return [Variant(term, _cell_backward(da_next, cache, **options)) for term, options in CELL_TERMS]


def _backward_variants(reference: dict[str, Any], da: Any, caches: Any) -> list[Variant]:
    # A wrong term of one step may be the cell's (rnn_cell_backward, which rnn_backward may call):
    # the probe is the last step, whose da_next is da<T_x> alone.
    probe = (np.asarray(da, dtype=np.float64)[:, :, -1].copy(), caches[0][-1])
    found = [
        Variant(term, _backward(da, caches, **options), "rnn_cell_backward", probe)
        for term, options in CELL_TERMS
    ]
    return found + [Variant(term, _backward(da, caches, **options)) for term, options in TIME_TERMS]


def _loss_variants(reference: dict[str, Any], x: Any, y: Any, a0: Any, parameters: Any) -> list[Variant]:
    _, da, caches = _loss_and_gradients(reference, x, y, a0, parameters)
    own = (
        ("not_divided_by_m", {"divide": "none"}),
        ("divided_by_m_twice", {"divide": "twice"}),
        ("output_sign_flipped", {"sign": -1.0}),
        ("output_last_step_only", {"last_step_only": True}),
    )
    found = [Variant(term, _loss_and_gradients(reference, x, y, a0, parameters, **o)[0]) for term, o in own]
    # A wrong term of the backward pass may be rnn_backward's, which it may call: the probe is
    # the da and caches the reference hands to rnn_backward.
    for term, options in CELL_TERMS + TIME_TERMS:
        value = _loss_and_gradients(reference, x, y, a0, parameters, **options)[0]
        found.append(Variant(term, value, "rnn_backward", (da, caches)))
    return found


# The gradient functions whose wrong terms the build records, by name.
VARIANTS: dict[str, Callable[..., list[Variant]]] = {
    "rnn_cell_backward": _cell_variants,
    "rnn_backward": _backward_variants,
    "rnn_loss_and_gradients": _loss_variants,
}


def variants(reference: dict[str, Any], name: str, args: tuple, kwargs: dict) -> list[Variant]:
    """The wrong variants of name(*args, **kwargs) (VARIANTS), [] for another function or for
    arguments the variants cannot take (a test of bad input)."""
    if name not in VARIANTS or kwargs:
        return []
    try:
        with np.errstate(all="ignore"):
            return VARIANTS[name](reference, *args)
    except Exception:  # arguments a test passes to see a ValueError: there is nothing to name
        return []
