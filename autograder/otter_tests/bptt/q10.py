"""q10 · gradient_norms_through_time: ||g<t>|| going back, g<t-1> = Waa^T (g<t> * (1 - a<t>**2))."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_close,
    assert_inputs_unchanged,
    call,
    check_against_reference,
    say,
    to_array,
)
from rnncheck.rnn import random_parameters

OK_FORMAT = False
name = "q10"

# An orthogonal matrix (a permutation with signs): Q^T Q = I, so ||Q^T g|| = ||g||.
Q = np.array([[0.0, 1.0, 0.0, 0.0], [0.0, 0.0, -1.0, 0.0], [1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, -1.0]])


@test_case(points=1)
def test_contracting_waa_vanishes_like_powers_of_rho(env):
    # n_a = 4, n_x = 2, n_y = 2, m = 3, T_x = 6. With zero inputs, zero biases and a0 = 0,
    # every a<t> is 0, so 1 - a<t>**2 = 1 and each step back multiplies the norm by rho.
    rho = 0.5
    parameters = {
        "Wax": np.array([[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2], [0.6, 0.1]]),
        "Waa": rho * Q,
        "Wya": np.array([[0.2, -0.1, 0.4, 0.3], [-0.3, 0.5, 0.1, -0.2]]),
        "ba": np.zeros((4, 1)),
        "by": np.zeros((2, 1)),
    }
    x, a0 = np.zeros((2, 3, 6)), np.zeros((4, 3))
    expected = rho ** (6 - np.arange(1, 7)) * np.sqrt(4 * 3)  # ||g<T_x>|| = ||ones (4, 3)|| = sqrt(12)
    norms = to_array(
        call(env, "gradient_norms_through_time", x, a0, parameters),
        "gradient_norms_through_time(...)",
        shape=(6,),
    )
    assert_close(norms, expected, "gradient_norms_through_time(...) (rho = 0.5)")


@test_case(points=1, hidden=True)
def test_powers_of_rho_vanish_below_one_and_explode_above(env):
    rng = np.random.default_rng(10301)
    q, r = np.linalg.qr(rng.normal(size=(5, 5)))
    q = q * np.sign(np.diag(r))  # a random orthogonal matrix
    for rho, T_x, m in [(1.5, 12, 2), (0.8, 9, 1), (1.0, 5, 3), (2.0, 1, 2)]:
        parameters = {
            "Wax": rng.normal(size=(5, 3)),
            "Waa": rho * q,
            "Wya": rng.normal(size=(2, 5)),
            "ba": np.zeros((5, 1)),
            "by": np.zeros((2, 1)),
        }
        expected = rho ** (T_x - np.arange(1, T_x + 1)) * np.sqrt(5 * m)
        what = f"gradient_norms_through_time(...) (rho = {rho:g}, T_x = {T_x})"
        norms = to_array(
            call(env, "gradient_norms_through_time", np.zeros((3, m, T_x)), np.zeros((5, m)), parameters),
            what,
            shape=(T_x,),
        )
        assert_close(norms, expected, what)


@test_case(points=1, hidden=True)
def test_saturated_tanh_vanishes_even_above_one(env):
    rng = np.random.default_rng(10302)
    q, r = np.linalg.qr(rng.normal(size=(4, 4)))
    # rho = 1.5, but Wax x = 6 in every unit and |Waa a| <= 1.5 * 2: the pre-activations lie
    # in [3, 9], so every 1 - a**2 is below 1e-2 and each step back shrinks the norm.
    parameters = {
        "Wax": np.ones((4, 3)),
        "Waa": 1.5 * q * np.sign(np.diag(r)),
        "Wya": rng.normal(size=(2, 4)),
        "ba": np.zeros((4, 1)),
        "by": np.zeros((2, 1)),
    }
    x, a0 = np.full((3, 3, 10), 2.0), np.zeros((4, 3))
    what = "gradient_norms_through_time(...) (rho = 1.5, tanh saturada)"
    norms = to_array(call(env, "gradient_norms_through_time", x, a0, parameters), what, shape=(10,))
    for t in range(1, 10):
        if not norms[t - 1] < norms[t]:
            raise Feedback(
                say("bptt_not_vanishing", what=what, t=t, earlier=norms[t - 1], t_next=t + 1, later=norms[t])
            )
    check_against_reference(env, "gradient_norms_through_time", x, a0, parameters, what=what)


@test_case(points=1, hidden=True)
def test_unseen_recurrences(env):
    rng = np.random.default_rng(10303)
    for n_a, n_x, m, T_x in [(4, 3, 2, 7), (3, 2, 1, 5), (5, 4, 3, 1), (2, 2, 4, 9)]:
        parameters = {  # a Waa that is not orthogonal, nor even normal: Waa^T differs from Waa
            "Wax": rng.normal(0.0, 1.0, (n_a, n_x)),
            "Waa": rng.normal(0.0, 0.8, (n_a, n_a)),
            "Wya": rng.normal(size=(2, n_a)),
            "ba": rng.normal(0.0, 0.5, (n_a, 1)),
            "by": np.zeros((2, 1)),
        }
        x, a0 = rng.normal(size=(n_x, m, T_x)), rng.normal(0.0, 0.5, (n_a, m))
        check_against_reference(
            env,
            "gradient_norms_through_time",
            x,
            a0,
            parameters,
            what=f"gradient_norms_through_time(x {x.shape}, a0, parameters)",
        )


@test_case(points=0.5, hidden=True)
def test_inputs_unchanged(env):
    rng = np.random.default_rng(10304)
    parameters = random_parameters(rng, 3, 2, 2)  # n_a, n_x, n_y
    assert_inputs_unchanged(
        env, "gradient_norms_through_time", rng.normal(size=(2, 2, 4)), rng.normal(size=(3, 2)), parameters
    )
