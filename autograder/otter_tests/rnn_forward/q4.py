"""q4 · rnn_forward: the cell over T_x steps from a0, the same parameters at every step;
returns a (n_a, m, T_x), y_pred (n_y, m, T_x) and caches = (list_of_step_caches, x).

Expected values are the reference's, recorded at build time (rnncheck.reference). The inputs
are written out by hand (the parameters are shared with q3: rnncheck.rnn_examples).
"""

import numpy as np
from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_changes,
    assert_close,
    assert_inputs_unchanged,
    assert_same,
    call,
    hidden_rng,
    matches,
    reference,
    say,
)
from rnncheck.answers import answer, naming_mistake
from rnncheck.compare import hinted
from rnncheck.hidden import size
from rnncheck.rnn_checks import (
    assert_columns_sum_to_one,
    assert_examples_independent,
    entries_of,
    float64_array,
    random_parameters,
    tuple_of,
)
from rnncheck.rnn_examples import parameters_x3_a2_y3

OK_FORMAT = False
name = "q4"

# n_x = 3, n_a = 2, n_y = 3, m = 2, T_x = 3; Waa is not symmetric, biases and a0 are not zero.
PARAMETERS = parameters_x3_a2_y3()
X = np.array(
    [
        [[1.0, 0.0, -1.0], [0.5, 0.5, 0.0]],
        [[0.0, 2.0, 1.0], [-1.0, 0.0, 1.5]],
        [[0.5, -0.5, 0.0], [1.0, 1.0, -2.0]],
    ]
)
A0 = np.array([[0.2, -0.4], [0.0, 0.6]])


STEP_CACHE = ("a_next", "a_prev", "xt", "parameters")


def forward_outputs(value, n_a, n_y, m, T_x, what="rnn_forward(...)"):
    """value read as (a, y_pred, caches) with float64 arrays of the contract's shapes; returns
    (a, y_pred, caches). The caches are not looked at: their form and their content are cases of
    their own, so that a cache in another form costs those cases only."""
    a, y_pred, caches = entries_of(value, what, ("a", "y_pred", "caches"))
    a, y_pred = float64_array(a, "a", (n_a, m, T_x)), float64_array(y_pred, "y_pred", (n_y, m, T_x))
    return a, y_pred, caches


def step_caches(caches, T_x, strict):
    """caches read as (list of T_x step caches of 4 entries, x); strict: in the contract's form
    (a tuple holding a list of tuples), else any tuple or list of the same entries passes."""
    read = tuple_of if strict else entries_of
    steps, x = read(caches, "caches", ("list_of_step_caches", "x"))
    if strict and type(steps) is not list:
        raise Feedback(say("wrong_type", what="caches[0]", expected="list", kind=type(steps).__name__))
    if type(steps) not in (list, tuple):
        raise Feedback(say("wrong_type", what="caches[0]", expected="list", kind=type(steps).__name__))
    if len(steps) != T_x:
        raise Feedback(
            say("wrong_length", what="caches[0] (list_of_step_caches)", expected=T_x, actual=len(steps))
        )
    return [read(cache, f"caches[0][{t}]", STEP_CACHE) for t, cache in enumerate(steps)], x


def run(env, x, a0, parameters, what="rnn_forward(...)"):
    """The student's (a, y_pred) for these inputs, checked by forward_outputs."""
    value = call(env, "rnn_forward", x, a0, parameters)
    a, y_pred, _ = forward_outputs(
        value, a0.shape[0], parameters["Wya"].shape[0], x.shape[1], x.shape[2], what
    )
    return a, y_pred


@test_case(points=0.5)
def test_output_shapes_and_dtypes(env):
    tuple_of(call(env, "rnn_forward", X, A0, PARAMETERS), "rnn_forward(...)", ("a", "y_pred", "caches"))
    run(env, X, A0, PARAMETERS)
    run(env, X[:, :1, :], A0[:, :1], PARAMETERS, what="rnn_forward(...) [m = 1]")
    run(env, X[:, :, :1], A0, PARAMETERS, what="rnn_forward(...) [T_x = 1]")


@test_case(points=0.5)
def test_caches_in_contract_form(env):
    # caches = (list_of_step_caches, x), each step's cache the tuple rnn_cell_forward returns
    _, _, caches = forward_outputs(call(env, "rnn_forward", X, A0, PARAMETERS), 2, 3, 2, 3)
    steps, cached_x = step_caches(caches, 3, strict=True)
    assert_close(cached_x, X, "caches[1] (x)")
    with hinted("rnn_hint_first_a_prev"):
        assert_same(steps[0][1], A0, "caches[0][0][1] (a_prev)")


@test_case(points=1.5)
def test_small_example(env):
    with naming_mistake(answer(env, "rnn_forward", X, A0, PARAMETERS)) as given:
        a, y_pred, _ = forward_outputs(given.value, 2, 3, 2, 3)
        assert_columns_sum_to_one(y_pred, "y_pred")
        expected_a, expected_y, _ = reference("rnn_forward", X, A0, PARAMETERS)
        assert_close(a, expected_a, "a")
        assert_close(y_pred, expected_y, "y_pred")


@test_case(points=1)
def test_starts_from_a0(env):
    from_a0, _ = run(env, X, A0, PARAMETERS)
    from_zeros, _ = run(env, X, np.zeros((2, 2)), PARAMETERS)
    assert_changes(from_a0[:, :, 0], from_zeros[:, :, 0], say("rnn_a0_unused"))


@test_case(points=1)
def test_same_parameters_carry_the_state(env):
    x = np.concatenate([X, X[:, :, ::-1]], axis=2)  # T_x = 6
    a, y_pred = run(env, x, A0, PARAMETERS)
    for step in (0, 3):
        rest_a, rest_y = run(env, x[:, :, step + 1 :], a[:, :, step].copy(), PARAMETERS)
        for label, full, rest in (("a", a, rest_a), ("y_pred", y_pred, rest_y)):
            if not matches(rest, full[:, :, step + 1 :]):
                raise Feedback(say("rnn_state_not_carried", step=step, next=step + 1, what=label))


@test_case(points=0.5)
def test_examples_are_independent(env):
    x = np.concatenate([X, X[:, :1, :] * 3.0], axis=1)  # m = 3
    a0 = np.concatenate([A0, np.array([[-0.8], [0.5]])], axis=1)
    a, y_pred = run(env, x, a0, PARAMETERS)

    def alone(i):
        a_one, y_one = run(
            env, x[:, i : i + 1, :], a0[:, i : i + 1], PARAMETERS, what="rnn_forward(...) [m = 1]"
        )
        return {"a": a_one, "y_pred": y_one}

    assert_examples_independent({"a": a, "y_pred": y_pred}, alone)


@test_case(points=0.25)
def test_inputs_unchanged(env):
    assert_inputs_unchanged(env, "rnn_forward", X, A0, PARAMETERS)


@test_case(points=1.5, hidden=True)
def test_unseen_inputs(env):
    rng = hidden_rng("q4 unseen inputs")

    for n_a, n_x, n_y, m, T_x in [
        (size(rng, 2, 5), size(rng, 2, 6), size(rng, 2, 5), size(rng, 2, 5), size(rng, 3, 6)),
        (size(rng, 1, 3), size(rng, 1, 3), size(rng, 2, 4), 1, size(rng, 2, 5)),  # one example
        (size(rng, 2, 5), size(rng, 2, 5), size(rng, 2, 4), size(rng, 2, 4), 1),  # one step
        (1, 1, size(rng, 2, 4), 1, 1),
        (size(rng, 3, 6), size(rng, 3, 7), size(rng, 2, 5), size(rng, 1, 3), size(rng, 6, 9)),
    ]:
        parameters = random_parameters(rng, n_a, n_x, n_y, scale=0.7, ba=0.5, by=0.5)
        x, a0 = rng.normal(size=(n_x, m, T_x)), np.tanh(rng.normal(size=(n_a, m)))
        expected_a, expected_y, _ = reference("rnn_forward", x, a0, parameters)
        what = f"(x {x.shape}, a0 {a0.shape}, Wya {parameters['Wya'].shape})"
        a, y_pred = run(env, x, a0, parameters, what=f"rnn_forward{what}")
        assert_close(a, expected_a, f"a {what}")
        assert_close(y_pred, expected_y, f"y_pred {what}")


@test_case(points=1, hidden=True)
def test_unseen_caches_hold_every_step(env):
    rng = hidden_rng("q4 caches")
    n_a, n_y, m = (int(s) for s in rng.integers(1, 6, size=3))
    n_x = int(rng.choice([n for n in range(1, 7) if n != n_a]))  # a cell mixing up x and a breaks here
    T_x = int(rng.integers(2, 7))  # from the second step on, a_prev is a state of the student's
    parameters = random_parameters(rng, n_a, n_x, n_y, scale=0.7, ba=0.5, by=0.5)
    x, a0 = rng.normal(size=(n_x, m, T_x)), np.tanh(rng.normal(size=(n_a, m)))
    a, _, caches = forward_outputs(call(env, "rnn_forward", x, a0, parameters), n_a, n_y, m, T_x)
    steps, cached_x = step_caches(caches, T_x, strict=False)
    assert_close(cached_x, x, "caches[1] (x)")
    for t, cache in enumerate(steps):
        # Step t's cache is what rnn_cell_forward returns there: (a<t>, a<t-1>, x<t>, parameters).
        expected = (a[:, :, t], a0 if t == 0 else a[:, :, t - 1], x[:, :, t], parameters)
        for i, label in enumerate(("a_next", "a_prev", "xt", "parameters")):
            assert_same(cache[i], expected[i], f"caches[0][{t}][{i}] ({label})")


@test_case(points=0.25, hidden=True)
def test_unseen_inputs_unchanged(env):
    rng = hidden_rng("q4 inputs unchanged")
    n_a, n_x, n_y, m, T_x = (int(s) for s in rng.integers(2, 5, size=5))
    parameters = random_parameters(rng, n_a, n_x, n_y, scale=0.7, ba=0.5, by=0.5)
    x, a0 = rng.normal(size=(n_x, m, T_x)), np.tanh(rng.normal(size=(n_a, m)))
    assert_inputs_unchanged(env, "rnn_forward", x, a0, parameters)
