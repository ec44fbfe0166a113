"""q2 · numerical_gradient: central differences of f(), one entry of array at a time, restored after."""

import copy

import numpy as np
from otter.test_files import test_case

from rnncheck import CENTRAL_TOLERANCE, Feedback, assert_close, call, hidden_rng, matches, say
from rnncheck.rnn_checks import float64_array

OK_FORMAT = False
name = "q2"

# numerical_gradient's default step, as its signature gives it
DEFAULT_EPS = 1e-5


class ReadsArray:
    """f() = formula(array): a function with no arguments that reads `array`, as in the notebook.

    The tests pass f and array together; the copies the student's function receives share
    the copied array, so f sees every change made to it. The shared `log` keeps the array
    the student received ("given") and a copy of what f saw at every call ("seen").
    """

    def __init__(self, formula, array, log=None):
        self.formula = formula
        self.array = array
        self.log = {"given": [], "seen": []} if log is None else log

    def __call__(self):
        self.log["seen"].append(np.array(self.array, dtype=np.float64, copy=True))
        return float(self.formula(self.array))

    def __deepcopy__(self, memo):
        array = copy.deepcopy(self.array, memo)  # the same copy as the `array` argument
        self.log["given"].append(array)
        return ReadsArray(self.formula, array, self.log)


def position(index):
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def assert_derivative(got, expected, one_sided, what):
    """got ~ expected within CENTRAL_TOLERANCE (rnncheck.numerics: central differences against the
    exact derivative); name one-sided differences when got is one of those."""
    if matches(got, expected, rtol=CENTRAL_TOLERANCE, atol=CENTRAL_TOLERANCE):
        return
    if any(matches(got, value, rtol=CENTRAL_TOLERANCE, atol=CENTRAL_TOLERANCE) for value in one_sided):
        raise Feedback(say("bptt_one_sided"))
    assert_close(got, expected, what, rtol=CENTRAL_TOLERANCE, atol=CENTRAL_TOLERANCE)


@test_case(points=1)
def test_sum_of_squares_gives_twice_the_array(env):
    array = np.array([[0.3, -1.2, 2.0, 0.7], [1.5, -0.4, 0.0, -2.5], [0.9, 1.1, -0.6, 0.2]])
    eps = DEFAULT_EPS
    f = ReadsArray(lambda a: np.sum(a**2), array)
    got = float64_array(
        call(env, "numerical_gradient", f, array), "numerical_gradient(f, array)", shape=(3, 4)
    )
    # d/dx sum(x**2) = 2x; one-sided differences give 2x + eps or 2x - eps instead.
    assert_derivative(got, 2 * array, [2 * array + eps, 2 * array - eps], "numerical_gradient(f, array)")


@test_case(points=0.5)
def test_sum_of_sines_gives_cosines(env):
    array = np.array([[0.5, -1.0, 2.0], [3.0, -0.25, 1.25]])
    eps = DEFAULT_EPS
    f = ReadsArray(lambda a: np.sum(np.sin(a)), array)
    got = float64_array(
        call(env, "numerical_gradient", f, array), "numerical_gradient(f, array)", shape=(2, 3)
    )
    one_sided = [np.cos(array) - eps / 2 * np.sin(array), np.cos(array) + eps / 2 * np.sin(array)]
    assert_derivative(got, np.cos(array), one_sided, "numerical_gradient(f, array)")


@test_case(points=1)
def test_array_restored_and_one_entry_changed_at_a_time(env):
    array = np.array([[0.3, -1.2], [2.0, 0.7], [-0.1, 1.9]])
    f = ReadsArray(lambda a: np.sum(np.sin(a)) + np.prod(a), array)
    call(env, "numerical_gradient", f, array)
    after = f.log["given"][-1]
    if not np.array_equal(after, array):
        where = tuple(np.argwhere(after != array)[0])
        raise Feedback(
            say(
                "bptt_not_restored",
                where=position(where),
                actual=repr(float(after[where])),
                expected=repr(float(array[where])),
            )
        )
    for number, seen in enumerate(f.log["seen"], start=1):
        changed = int(np.count_nonzero(seen != array))
        if changed > 1:
            raise Feedback(say("bptt_not_one_at_a_time", changed=changed, call=number))


@test_case(points=0.5, hidden=True)
def test_uses_eps(env):
    rng = hidden_rng("q2 uses eps")
    # Central differences of x**3 with step h give 3 x**2 + h**2 exactly; the default eps
    # gives 3 x**2 instead, and one-sided differences 3 x**2 +- 3 x h + h**2.
    n = int(rng.integers(3, 6))
    array = rng.uniform(0.3, 2.0, n) * rng.choice([-1.0, 1.0], n)
    eps = round(float(rng.uniform(0.2, 0.8)), 2)
    f = ReadsArray(lambda a: np.sum(a**3), array)
    what = f"numerical_gradient(f, array, eps={eps:g})"
    got = float64_array(call(env, "numerical_gradient", f, array, eps=eps), what, shape=(n,))
    expected = 3 * array**2 + eps**2
    one_sided = [expected + 3 * eps * array, expected - 3 * eps * array]
    assert_derivative(got, expected, one_sided, what)


@test_case(points=0.5, hidden=True)
def test_coupled_function_of_a_three_dimensional_array(env):
    rng = hidden_rng("q2 coupled function")
    # f = (sum x)**2 has the gradient 2 sum(x) in every entry, if every entry is put back
    # before the next one moves.
    shape = tuple(int(s) for s in rng.integers(2, 4, size=3))
    array = rng.uniform(-1.5, 1.5, shape)
    f = ReadsArray(lambda a: np.sum(a) ** 2, array)
    what = f"numerical_gradient(f, array {shape})"
    got = float64_array(call(env, "numerical_gradient", f, array), what, shape=shape)
    expected = np.full(shape, 2 * np.sum(array))
    assert_derivative(got, expected, [expected + DEFAULT_EPS, expected - DEFAULT_EPS], what)
