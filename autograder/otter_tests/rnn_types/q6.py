"""q6 · encoder_decoder_forward: (n_y, m, T_y), the encoder's last state starts the self-fed decoder.

Expected values are the reference's, recorded at build time (rnncheck.reference); the small
translation is written out by hand (the encoder is rnncheck.rnn_examples' parameters_x2_a3_y2),
the other models are drawn from fixed seeds (_pair).
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    assert_changes,
    assert_close,
    assert_inputs_unchanged,
    assert_no_change,
    call,
    check_against_reference,
    hidden_rng,
    reference,
    say,
    to_array,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.hidden import size
from rnncheck.rnn_checks import random_parameters
from rnncheck.rnn_examples import parameters_x2_a3_y2

OK_FORMAT = False
name = "q6"

# Encoder: n_x = 2, n_a = 3 (its outputs, of size 2, are not used)
ENCODER = parameters_x2_a3_y2()
# Decoder: n_a = 3, n_y = 3, and its input is its previous output, so Wax is (n_a, n_y)
DECODER = {
    "Wax": np.array([[1.2, -0.8, 0.3], [-0.5, 1.0, 0.7], [0.9, 0.4, -1.1]]),
    "Waa": np.array([[0.6, -0.2, 0.1], [0.2, 0.5, -0.3], [-0.4, 0.3, 0.7]]),
    "Wya": np.array([[1.1, 0.3, -0.9], [-0.4, 1.3, 0.2], [0.5, -1.0, 1.2]]),
    "ba": np.array([[0.0], [0.1], [-0.1]]),
    "by": np.array([[0.1], [0.0], [-0.2]]),
}
X = np.array([[[1.0, 0.5, -1.0], [0.0, 2.0, 1.0]], [[0.2, -0.4, 0.8], [1.0, 0.0, -1.0]]])  # m = 2, T_x = 3
A0 = np.array([[0.0, 0.1], [0.0, 0.3], [0.0, -0.1]])


def _y(env, x, a0, encoder, decoder, T_y):
    what = f"encoder_decoder_forward(x {x.shape}, a0, encoder, decoder, T_y={T_y})"
    shape = (decoder["Wya"].shape[0], x.shape[1], T_y)
    return to_array(call(env, "encoder_decoder_forward", x, a0, encoder, decoder, T_y), what, shape=shape)


def _pair(seed, n_x=3, n_a=4, n_y=5):
    """An encoder (n_x -> n_a, outputs of size 2) and a decoder (n_y -> n_a -> n_y) drawn from a seed."""
    rng = np.random.default_rng(seed)
    encoder = random_parameters(rng, n_a, n_x, 2)
    return encoder, random_parameters(rng, n_a, n_y, n_y)


@test_case(points=1)
def test_small_translation_with_T_y_greater_than_T_x(env):
    # T_y = 4 output steps: expected[:, i, t] = y<t+1> of example i
    expected = reference("encoder_decoder_forward", X, A0, ENCODER, DECODER, 4)
    what = "encoder_decoder_forward(x, a0, encoder, decoder, T_y=4)"
    given = answer(env, "encoder_decoder_forward", X, A0, ENCODER, DECODER, 4)
    with naming_mistake(given):
        assert_close(to_array(given.value, what, shape=(3, 2, 4)), expected, what)


@test_case(points=1)
def test_shapes(env):
    encoder, decoder = _pair(5501)
    rng = np.random.default_rng(5502)
    for m, T_x, T_y in [(4, 6, 2), (3, 2, 7), (1, 5, 3), (1, 1, 1), (2, 3, 0)]:  # T_y = 0: (n_y, m, 0)
        _y(env, rng.standard_normal((3, m, T_x)), rng.standard_normal((4, m)), encoder, decoder, T_y)


@test_case(points=1)
def test_depends_on_the_input_only_through_the_encoders_last_state(env):
    encoder, decoder = _pair(5503)
    encoder["Waa"] = np.zeros((4, 4))  # the last state is then tanh(Wax x<T_x> + ba)
    rng = np.random.default_rng(5504)
    x, a0 = rng.standard_normal((3, 2, 5)), rng.standard_normal((4, 2))
    y = _y(env, x, a0, encoder, decoder, 3)
    earlier = x.copy()
    earlier[:, :, :-1] = rng.standard_normal((3, 2, 4))
    outputs_unused = dict(encoder, Wya=-encoder["Wya"], by=encoder["by"] + 5.0)
    for change, arguments in [
        ("x[:, :, :-1]", (earlier, a0, encoder)),
        ("a0", (x, np.ones((4, 2)), encoder)),
        ("encoder['Wya'], encoder['by']", (x, a0, outputs_unused)),
    ]:
        assert_no_change(
            y, _y(env, *arguments, decoder, 3), say("types_encoder_extra_dependence", change=change)
        )
    last = x.copy()
    last[:, :, -1] += 1.0
    assert_changes(y, _y(env, last, a0, encoder, decoder, 3), say("types_encoder_ignored"))


@test_case(points=1)
def test_decoder_is_fed_zeros_then_its_previous_output(env):
    encoder, decoder = _pair(5505)
    rng = np.random.default_rng(5506)
    x, a0 = rng.standard_normal((3, 3, 4)), rng.standard_normal((4, 3))
    y = _y(env, x, a0, encoder, decoder, 4)
    other = dict(decoder, Wax=decoder["Wax"] + 1.0)
    y_other = _y(env, x, a0, encoder, other, 4)
    assert_no_change(y[:, :, 0], y_other[:, :, 0], say("types_decoder_first_input"))
    for step in range(1, 4):
        assert_changes(y[:, :, step], y_other[:, :, step], say("types_decoder_feedback", step=step + 1))


@test_case(points=1.5, hidden=True)
def test_unseen_translations(env):
    rng = hidden_rng("q6 unseen translations")

    T = size(rng, 3, 6)
    cases = [  # n_x, n_a, n_o, n_y, m, T_x, T_y
        (
            size(rng, 3, 5),
            size(rng, 4, 6),
            size(rng, 2, 4),
            size(rng, 5, 7),
            size(rng, 2, 4),
            size(rng, 6, 8),
            size(rng, 3, 5),
        ),  # T_y < T_x
        (
            size(rng, 2, 3),
            size(rng, 2, 4),
            size(rng, 1, 3),
            size(rng, 3, 5),
            size(rng, 2, 3),
            size(rng, 2, 4),
            size(rng, 6, 9),
        ),  # T_y > T_x
        (size(rng, 2, 4), size(rng, 3, 5), size(rng, 3, 6), 3, 1, T, T),  # one example, T_y = T_x
        (1, size(rng, 2, 3), 1, 2, size(rng, 3, 5), 1, 1),  # one step each
        (size(rng, 4, 6), size(rng, 5, 7), 2, size(rng, 6, 8), 1, size(rng, 1, 3), size(rng, 8, 10)),
    ]
    for n_x, n_a, n_o, n_y, m, T_x, T_y in cases:
        encoder = random_parameters(rng, n_a, n_x, n_o)
        decoder = random_parameters(rng, n_a, n_y, n_y, Wax=2.0, Wya=2.0)
        x = rng.standard_normal((n_x, m, T_x))
        a0 = rng.standard_normal((n_a, m))
        check_against_reference(
            env,
            "encoder_decoder_forward",
            x,
            a0,
            encoder,
            decoder,
            T_y,
            what=f"encoder_decoder_forward(x {x.shape}, a0, encoder, decoder, T_y={T_y})",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = hidden_rng("q6 inputs unchanged")
    n_x, n_a, n_o, n_y, m, T_x, T_y = (int(s) for s in rng.integers(2, 5, size=7))
    encoder = random_parameters(rng, n_a, n_x, n_o)
    decoder = random_parameters(rng, n_a, n_y, n_y)
    x, a0 = rng.standard_normal((n_x, m, T_x)), rng.standard_normal((n_a, m))
    assert_inputs_unchanged(env, "encoder_decoder_forward", x, a0, encoder, decoder, T_y)
