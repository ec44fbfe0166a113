"""rnncheck.gated_examples: GRU and LSTM parameters of the contract's shapes, drawn from a generator."""

import numpy as np
import pytest

from rnncheck.gated_examples import GRU_GATES, LSTM_GATES, gate_parameters


@pytest.mark.parametrize("gates", [GRU_GATES, LSTM_GATES], ids=["gru", "lstm"])
def test_gate_parameters_have_the_contract_shapes(gates):
    parameters = gate_parameters(np.random.default_rng(0), gates, 3, 2, 4)
    expected = (
        {"W" + g: (3, 5) for g in gates} | {"b" + g: (3, 1) for g in gates} | {"Wy": (4, 3), "by": (4, 1)}
    )
    assert {key: value.shape for key, value in parameters.items()} == expected


def test_gate_parameters_are_deterministic_and_centre_the_forget_bias():
    first = gate_parameters(np.random.default_rng(1), LSTM_GATES, 200, 1, 2, forget_bias=5.0)
    second = gate_parameters(np.random.default_rng(1), LSTM_GATES, 200, 1, 2, forget_bias=5.0)
    assert all(np.array_equal(first[key], second[key]) for key in first)
    assert 4.5 < first["bf"].mean() < 5.5 and abs(first["bi"].mean()) < 0.5
