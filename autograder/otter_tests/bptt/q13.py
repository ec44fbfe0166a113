"""q13 · gradient_norms_through_time: ||g<t>|| going back, g<t-1> = Waa^T (g<t> * (1 - a<t>**2))."""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_close,
    assert_inputs_unchanged,
    call,
    check_against_reference,
    hidden_rng,
    say,
)
from rnncheck.hidden import size
from rnncheck.rnn_checks import float64_array, random_parameters

OK_FORMAT = False
name = "q13"

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
    norms = float64_array(
        call(env, "gradient_norms_through_time", x, a0, parameters),
        "gradient_norms_through_time(...)",
        shape=(6,),
    )
    assert_close(norms, expected, "gradient_norms_through_time(...) (rho = 0.5)")


@test_case(points=0.5)
def test_inputs_and_a_waa_that_is_not_normal(env):
    # n_a = 3, n_x = 2, n_y = 2, m = 2, T_x = 5. Nonzero inputs, biases and a0 make every a<t>
    # different, so 1 - a<t>**2 matters and must be that of the right step; Waa Waa^T differs
    # from Waa^T Waa, so Waa^T g and Waa g have different norms.
    parameters = {
        "Wax": np.array([[0.8, -0.5], [0.3, 0.9], [-0.6, 0.4]]),
        "Waa": np.array([[0.5, 1.2, 0.0], [0.0, -0.4, 0.9], [0.2, 0.0, 0.6]]),
        "Wya": np.array([[0.2, -0.1, 0.4], [-0.3, 0.5, 0.1]]),
        "ba": np.array([[0.1], [-0.2], [0.3]]),
        "by": np.zeros((2, 1)),
    }
    x = np.array(
        [
            [[1.0, -0.5, 0.8, 0.0, 1.5], [0.3, 1.2, -1.0, 0.6, -0.2]],
            [[-0.7, 0.9, 0.4, -1.3, 0.5], [1.1, -0.6, 0.2, 0.8, -0.9]],
        ]
    )
    a0 = np.array([[0.5, -0.3], [0.1, 0.7], [-0.4, 0.2]])
    check_against_reference(
        env,
        "gradient_norms_through_time",
        x,
        a0,
        parameters,
        what="gradient_norms_through_time(x, a0, parameters)",
    )


@test_case(points=1, hidden=True)
def test_powers_of_rho_vanish_below_one_and_explode_above(env):
    rng = hidden_rng("q13 powers of rho")

    n_a, n_x = size(rng, 3, 6), size(rng, 2, 4)
    q, r = np.linalg.qr(rng.normal(size=(n_a, n_a)))
    q = q * np.sign(np.diag(r))  # a random orthogonal matrix
    cases = [  # rho, T_x, m
        (round(rng.uniform(1.2, 2.0), 2), size(rng, 8, 12), size(rng, 1, 3)),  # explodes
        (round(rng.uniform(0.5, 0.9), 2), size(rng, 6, 10), size(rng, 1, 3)),  # vanishes
        (1.0, size(rng, 3, 6), size(rng, 1, 4)),  # neither
        (round(rng.uniform(1.5, 2.5), 2), 1, size(rng, 1, 3)),  # one step: nothing to carry back
    ]
    for rho, T_x, m in cases:
        parameters = {
            "Wax": rng.normal(size=(n_a, n_x)),
            "Waa": rho * q,
            "Wya": rng.normal(size=(2, n_a)),
            "ba": np.zeros((n_a, 1)),
            "by": np.zeros((2, 1)),
        }
        expected = rho ** (T_x - np.arange(1, T_x + 1)) * np.sqrt(n_a * m)
        what = f"gradient_norms_through_time(...) (rho = {rho:g}, T_x = {T_x})"
        norms = float64_array(
            call(env, "gradient_norms_through_time", np.zeros((n_x, m, T_x)), np.zeros((n_a, m)), parameters),
            what,
            shape=(T_x,),
        )
        assert_close(norms, expected, what)


@test_case(points=1, hidden=True)
def test_saturated_tanh_vanishes_even_above_one(env):
    rng = hidden_rng("q13 saturated tanh")

    n_a, n_x, m, T_x = size(rng, 3, 4), 4, size(rng, 2, 4), size(rng, 8, 12)
    # A random orthogonal Q that is not symmetric (Q^T differs from Q): the product of the
    # reflections about n_a integer vectors u, each I - 2 u u^T / (u^T u), computed in integers
    # with one division at the end so that every machine computes the same matrix.
    while True:
        product, denominator = np.eye(n_a, dtype=np.int64), 1
        for _ in range(n_a):
            u = rng.integers(-3, 4, n_a)
            if u.any():
                product = product @ (int(u @ u) * np.eye(n_a, dtype=np.int64) - 2 * np.outer(u, u))
                denominator *= int(u @ u)
        if not np.array_equal(product, product.T):
            break
    rho = round(rng.uniform(1.2, 1.8), 2)
    # |(Waa a)_i| <= rho * sqrt(n_a) <= 3.6, |ba_i| <= 0.2 and |(Wax x)_i| lies in [4.8, 5.72]:
    # every pre-activation lies in +-[1.0, 9.52], so every 1 - a**2 is below 0.42 and each step
    # back shrinks the norm (rho * 0.42 < 1), whatever the sign of each unit, while no tanh
    # rounds to exactly +-1 (past 19 or so) and the norms stay positive.
    signs = rng.choice([-1.0, 1.0], (n_a, 1))
    parameters = {
        "Wax": signs * rng.uniform(0.6, 0.65, (n_a, n_x)),
        "Waa": rho * (product / denominator),
        "Wya": rng.normal(size=(2, n_a)),
        "ba": rng.uniform(-0.2, 0.2, (n_a, 1)),
        "by": np.zeros((2, 1)),
    }
    x, a0 = rng.uniform(2.0, 2.2, (n_x, m, T_x)), np.zeros((n_a, m))
    what = f"gradient_norms_through_time(...) (rho = {rho:g})"
    norms = float64_array(call(env, "gradient_norms_through_time", x, a0, parameters), what, shape=(T_x,))
    for t in range(1, T_x):
        if not norms[t - 1] < norms[t]:
            raise Feedback(
                say("bptt_not_vanishing", what=what, t=t, earlier=norms[t - 1], t_next=t + 1, later=norms[t])
            )
    check_against_reference(env, "gradient_norms_through_time", x, a0, parameters, what=what)


@test_case(points=0.5, hidden=True)
def test_unseen_recurrences(env):
    rng = hidden_rng("q13 unseen recurrences")

    cases = [  # n_a, n_x, n_y, m, T_x
        (size(rng, 3, 5), size(rng, 2, 4), size(rng, 2, 3), size(rng, 2, 3), size(rng, 5, 8)),
        (size(rng, 2, 4), size(rng, 2, 3), size(rng, 2, 3), 1, size(rng, 4, 6)),  # one example
        (size(rng, 4, 6), size(rng, 3, 5), size(rng, 2, 3), size(rng, 2, 4), 1),  # one step
        (2, 2, 2, size(rng, 3, 5), size(rng, 7, 10)),
    ]
    for n_a, n_x, n_y, m, T_x in cases:
        parameters = {  # a Waa that is not orthogonal, nor even normal: Waa^T differs from Waa
            "Wax": rng.normal(0.0, 1.0, (n_a, n_x)),
            "Waa": rng.normal(0.0, 0.8, (n_a, n_a)),
            "Wya": rng.normal(size=(n_y, n_a)),
            "ba": rng.normal(0.0, 0.5, (n_a, 1)),
            "by": np.zeros((n_y, 1)),
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
    rng = hidden_rng("q13 inputs unchanged")
    n_a, n_x, n_y, m, T_x = (int(s) for s in rng.integers(2, 5, size=5))
    parameters = random_parameters(rng, n_a, n_x, n_y)
    assert_inputs_unchanged(
        env,
        "gradient_norms_through_time",
        rng.normal(size=(n_x, m, T_x)),
        rng.normal(size=(n_a, m)),
        parameters,
    )
