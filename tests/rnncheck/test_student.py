"""rnncheck.student: student code is called as a black box and never crashes the grader."""

import signal
import time

import numpy as np
import pytest

from rnncheck import (
    Feedback,
    assert_global_random_untouched,
    assert_inputs_unchanged,
    assert_raises_value_error,
    call,
)


def test_call_returns_the_result_and_passes_copies():
    seen = []

    def scale(x):
        seen.append(x)
        x *= 2
        return x

    x = np.ones(3)
    result = call({"scale": scale}, "scale", x)
    np.testing.assert_array_equal(result, 2 * np.ones(3))
    np.testing.assert_array_equal(x, np.ones(3))
    assert seen[0] is not x


def test_call_of_a_missing_function_says_so():
    with pytest.raises(Feedback, match="No encuentro la función `tokenize`"):
        call({}, "tokenize", "hola")


def test_call_of_a_non_function_says_what_it_is():
    with pytest.raises(Feedback, match="debería ser una función, pero es un int"):
        call({"tokenize": 3}, "tokenize", "hola")


def test_call_of_an_unfilled_function_says_it_is_not_implemented():
    def tokenize(text):
        raise NotImplementedError("Completa")

    with pytest.raises(Feedback, match="todavía no está implementada"):
        call({"tokenize": tokenize}, "tokenize", "hola")


@pytest.mark.parametrize("error", [SystemExit(3), KeyboardInterrupt()], ids=["exit", "interrupt"])
def test_call_turns_exit_into_feedback(error):
    def leave(text):
        raise error

    with pytest.raises(Feedback, match="exit"):
        call({"leave": leave}, "leave", "x")


def test_call_reports_a_student_exception_and_cuts_long_messages():
    def noisy(text):
        raise IndexError("x" * 10_000)

    with pytest.raises(Feedback) as caught:
        call({"noisy": noisy}, "noisy", "x")
    message = str(caught.value)
    assert message.startswith("`noisy` lanzó IndexError: «xxx") and message.endswith("…».")
    assert len(message) < 400


def test_assert_inputs_unchanged_names_the_modified_argument():
    def normalize(E, k):
        E /= 2
        return E

    with pytest.raises(Feedback, match="modificó su argumento `E`"):
        assert_inputs_unchanged({"normalize": normalize}, "normalize", np.ones(2), 3)


def test_assert_inputs_unchanged_gives_nothing_to_a_call_that_raises():
    def fails(E):
        raise ValueError("shapes do not match")

    with pytest.raises(Feedback, match="ValueError"):
        assert_inputs_unchanged({"fails": fails}, "fails", np.ones(2))


def test_assert_inputs_unchanged_passes_a_pure_function():
    assert_inputs_unchanged({"f": lambda E, d: E * 2}, "f", np.ones(2), {"a": [1, 2]})


def test_assert_raises_value_error_accepts_value_error_only():
    def strict(i):
        raise ValueError("bad i")

    assert_raises_value_error({"f": strict}, "f", "an index", 3)
    with pytest.raises(Feedback, match="debería lanzar ValueError para an index, pero devolvió 3"):
        assert_raises_value_error({"f": lambda i: i}, "f", "an index", 3)
    with pytest.raises(Feedback, match="pero lanzó IndexError"):
        assert_raises_value_error({"f": lambda i: [][i]}, "f", "an index", 3)


LOOPS = (
    "def loops(x, *rest):\n"
    "    while True:\n"
    "        try:\n"
    "            sum(range(1000))\n"
    "        except Exception:\n"  # a loop that swallows ordinary exceptions is stopped too
    "            pass\n"
)


@pytest.mark.parametrize(
    "check",
    [
        lambda env: call(env, "loops", 1),
        lambda env: assert_inputs_unchanged(env, "loops", [1]),
        lambda env: assert_raises_value_error(env, "loops", "un caso", 1),
    ],
    ids=["call", "assert_inputs_unchanged", "assert_raises_value_error"],
)
def test_a_function_that_never_returns_is_stopped_with_a_message_naming_it(monkeypatch, check):
    monkeypatch.setenv("RNNCHECK_TIME_LIMIT", "0.2")
    env = {}
    exec(LOOPS, env)
    with pytest.raises(Feedback, match=r"`loops` no terminó en 0.2 s"):
        check(env)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left behind


def test_functions_that_run_elsewhere_keep_their_own_time_limit(monkeypatch):
    monkeypatch.setenv("RNNCHECK_TIME_LIMIT", "0.05")

    class Remote:
        runs_elsewhere = True

        def __call__(self):
            time.sleep(0.2)  # the engine's proxy waits for its process; no alarm interrupts it
            return "listo"

    assert call({"f": Remote()}, "f") == "listo"


def test_a_function_that_touches_numpy_global_random_state_is_caught():
    def seeds(n):
        np.random.seed(n)
        return np.random.randn(2)

    def draws(n):
        return np.random.normal(size=n)

    def own_generator(n):
        return np.random.default_rng(n).standard_normal(2)

    env = {"seeds": seeds, "draws": draws, "own_generator": own_generator}
    for name in ("seeds", "draws"):
        with pytest.raises(Feedback, match="estado aleatorio global de numpy") as failure:
            assert_global_random_untouched(env, name, 3)
        assert failure.value.mistake == "usa el estado aleatorio global de numpy"
    value = assert_global_random_untouched(env, "own_generator", 3)
    np.testing.assert_array_equal(value, np.random.default_rng(3).standard_normal(2))


def test_an_exception_is_told_with_the_shapes_the_function_received():
    def cell(xt, a_prev, parameters):
        return parameters["Waa"] @ xt  # numpy's own message: a mismatch in its core dimension

    parameters = {"Waa": np.ones((2, 2)), "ba": np.zeros((2, 1))}
    with pytest.raises(Feedback) as failure:
        call({"cell": cell}, "cell", np.ones((3, 4)), np.ones((2, 4)), parameters)
    message = str(failure.value)
    assert "`cell`" in message and "matmul" in message
    assert "xt (3, 4), a_prev (2, 4), parameters {Waa (2, 2), ba (2, 1)}" in message
