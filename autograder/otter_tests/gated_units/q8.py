"""q8 · forget_gate_memory: sigma(bf) ** d, the share of each cell-state unit that survives d
steps when the forget gate is its bias alone.

Expected values are the reference's (rnncheck.reference); the public biases are written out.
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_close, assert_inputs_unchanged, hidden_rng, reference
from rnncheck.answers import answer, naming_mistake
from rnncheck.rnn_checks import float64_array

OK_FORMAT = False
name = "q8"

BF = np.array([[0.0], [1.0], [3.0], [-1.0]])  # (n_a, 1) = (4, 1): the usual 0 and 1, and more


@test_case(points=0.25)
def test_shape_and_dtype(env):
    given = answer(env, "forget_gate_memory", BF, 5)
    with naming_mistake(given):
        float64_array(given.value, "forget_gate_memory(bf, 5)", (4, 1))


@test_case(points=1)
def test_small_example(env):
    for d in (1, 20):
        given = answer(env, "forget_gate_memory", BF, d)
        with naming_mistake(given):
            kept = float64_array(given.value, f"forget_gate_memory(bf, {d})", (4, 1))
            assert_close(kept, reference("forget_gate_memory", BF, d), f"forget_gate_memory(bf, {d})")


@test_case(points=0.25)
def test_no_steps_keeps_everything(env):
    given = answer(env, "forget_gate_memory", BF, 0)
    with naming_mistake(given):
        kept = float64_array(given.value, "forget_gate_memory(bf, 0)", (4, 1))
        assert_close(kept, reference("forget_gate_memory", BF, 0), "forget_gate_memory(bf, 0)")


@test_case(points=0.25)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "forget_gate_memory", BF, 5)


@test_case(points=0.75, hidden=True)
def test_unseen_biases(env):
    rng = hidden_rng("q8 unseen biases")
    for n_a, d in [(int(rng.integers(2, 7)), int(rng.integers(2, 40))), (1, int(rng.integers(1, 10)))]:
        bf = rng.normal(1.0, 1.5, (n_a, 1))
        given = answer(env, "forget_gate_memory", bf, d)
        with naming_mistake(given):
            kept = float64_array(given.value, f"forget_gate_memory(bf {bf.shape}, {d})", (n_a, 1))
            assert_close(
                kept, reference("forget_gate_memory", bf, d), f"forget_gate_memory(bf {bf.shape}, {d})"
            )
