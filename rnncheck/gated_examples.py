"""Input builders for the gated_units tests (GRU and LSTM parameters).

A gated cell's parameter dict holds, for each gate g, Wg (n_a, n_a + n_x), which multiplies
the stack [a<t-1>; x<t>], and bg (n_a, 1); and the output layer Wy (n_y, n_a), by (n_y, 1).
Tests import it as `from rnncheck.gated_examples import gate_parameters`.
"""

from __future__ import annotations

import numpy as np

from rnncheck.hidden import size

GRU_GATES = "ruc"  # relevance (reset), update, candidate
LSTM_GATES = "fico"  # forget, input, candidate, output


def gate_parameters(
    rng: np.random.Generator,
    gates: str,
    n_a: int,
    n_x: int,
    n_y: int,
    weights: float = 0.9,
    forget_bias: float = 0.0,
) -> dict[str, np.ndarray]:
    """Wg (n_a, n_a + n_x) normal(0, weights) and bg (n_a, 1) normal(0, 0.6) for each gate g in
    `gates` (in that order), then Wy (n_y, n_a) normal(0, 0.9) and by (n_y, 1) normal(0, 0.6),
    all drawn from rng; bf, when "f" is a gate, is centred on forget_bias instead of 0.

    The default weights are large enough that the gates are far from 1/2 and differ from one
    another, so that a gate used in another's place changes the numbers.
    """
    parameters = {}
    for gate in gates:
        parameters["W" + gate] = rng.normal(0.0, weights, (n_a, n_a + n_x))
        parameters["b" + gate] = rng.normal(forget_bias if gate == "f" else 0.0, 0.6, (n_a, 1))
    parameters["Wy"] = rng.normal(0.0, 0.9, (n_y, n_a))
    parameters["by"] = rng.normal(0.0, 0.6, (n_y, 1))
    return parameters


def cell_sizes(rng: np.random.Generator) -> list[tuple[int, int, int, int]]:
    """(n_a, n_x, n_y, m) of a cell's hidden cases, drawn from rng: any sizes, a square
    stack with one example, and one unit."""
    square = size(rng, 2, 4)
    return [
        (size(rng, 2, 5), size(rng, 2, 5), size(rng, 2, 4), size(rng, 2, 5)),
        (square, square, size(rng, 2, 4), 1),
        (1, size(rng, 1, 3), 2, size(rng, 2, 4)),
    ]


def sequence_sizes(rng: np.random.Generator) -> list[tuple[int, int, int, int, int]]:
    """(n_a, n_x, n_y, m, T_x) of a forward pass's hidden cases, drawn from rng: any sizes,
    one example, and one step."""
    return [
        (size(rng, 2, 5), size(rng, 2, 4), size(rng, 2, 4), size(rng, 2, 4), size(rng, 4, 8)),
        (size(rng, 2, 4), size(rng, 2, 4), 2, 1, size(rng, 2, 5)),  # one example
        (size(rng, 2, 4), size(rng, 1, 3), size(rng, 2, 3), size(rng, 2, 4), 1),  # one step
    ]
