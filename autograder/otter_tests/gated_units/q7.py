"""q7 · cell_state_gradient_norms: ‖g<1>‖, ..., ‖g<T_x>‖ with g<T_x> = ones and
g<t-1> = Gamma_f<t> * g<t>, the gradient of c<T_x> along the cell state's additive path.

The caches are the reference lstm_forward's, recorded at build time; the expected norms are
the reference's (rnncheck.reference).
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import assert_close, assert_inputs_unchanged, hidden_rng, reference
from rnncheck.answers import answer, naming_mistake
from rnncheck.gated_examples import LSTM_GATES, gate_parameters
from rnncheck.hidden import size
from rnncheck.rnn_checks import float64_array

OK_FORMAT = False
name = "q7"


# n_a = 3, n_x = 2, m = 2, T_x = 6: the forget gates differ from step to step.
_rng = np.random.default_rng(57)
PARAMETERS = gate_parameters(_rng, LSTM_GATES, 3, 2, 2, weights=0.5, forget_bias=1.0)
X, A0 = _rng.normal(0.0, 1.0, (2, 2, 6)), np.tanh(_rng.normal(0.0, 1.0, (3, 2)))


def norms_of(env, caches, T_x, what="cell_state_gradient_norms(caches)"):
    given = answer(env, "cell_state_gradient_norms", caches)
    with naming_mistake(given):
        return given, float64_array(given.value, what, (T_x,))


@test_case(points=0.25)
def test_shape_and_dtype(env):
    norms_of(env, reference("lstm_forward", X, A0, PARAMETERS)[3], 6)


@test_case(points=1)
def test_small_example(env):
    caches = reference("lstm_forward", X, A0, PARAMETERS)[3]
    given, norms = norms_of(env, caches, 6)
    with naming_mistake(given):
        assert_close(norms, reference("cell_state_gradient_norms", caches), "norms")


@test_case(points=0.25)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "cell_state_gradient_norms", reference("lstm_forward", X, A0, PARAMETERS)[3])


@test_case(points=1, hidden=True)
def test_unseen_sequences(env):
    rng = hidden_rng("q7 unseen sequences")
    for n_a, m, T_x, forget_bias in [
        (size(rng, 2, 5), size(rng, 2, 4), size(rng, 5, 12), 2.0),
        (size(rng, 2, 4), 1, size(rng, 3, 8), -1.0),
        (size(rng, 2, 4), size(rng, 2, 3), 1, 0.0),  # one step: only g<T_x> = ones
    ]:
        parameters = gate_parameters(rng, LSTM_GATES, n_a, 2, 2, weights=0.5, forget_bias=forget_bias)
        caches = reference(
            "lstm_forward", rng.normal(size=(2, m, T_x)), np.tanh(rng.normal(size=(n_a, m))), parameters
        )[3]
        given, norms = norms_of(
            env, caches, T_x, what=f"cell_state_gradient_norms [n_a = {n_a}, m = {m}, T_x = {T_x}]"
        )
        with naming_mistake(given):
            assert_close(norms, reference("cell_state_gradient_norms", caches), f"norms [T_x = {T_x}]")
