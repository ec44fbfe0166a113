"""rnncheck.answers.wrong_term: a gradient that differs from the reference is told which term is
wrong, and which function holds it, from variants the build records (autograder.gradient_variants)."""

import numpy as np
import pytest

import solutions.bptt
from autograder.recorder import Recorder
from rnncheck import Feedback, answers, check_against_reference, reference
from rnncheck.answers import answer, naming_mistake, wrong_term
from rnncheck.rnn_checks import random_parameters

REFERENCE = {name: getattr(solutions.bptt, name) for name in dir(solutions.bptt) if not name.startswith("_")}

_rng = np.random.default_rng(5)
PARAMETERS = random_parameters(_rng, 3, 2, 4, scale=0.8, ba=0.5, by=0.5)
X = _rng.normal(0.0, 1.0, (2, 2, 4))
A0 = _rng.normal(0.0, 0.5, (3, 2))
Y = np.array([[3, 0, 2, 1], [1, 1, 0, 2]])
DA = _rng.normal(0.0, 1.0, (3, 2, 4))
CACHES = solutions.bptt.rnn_forward(X, A0, PARAMETERS)[2]
DA_NEXT, CACHE = DA[:, :, 1], CACHES[0][1]


def cell(da_next, cache, power=1, transposed=True, flip=False):
    """A student's rnn_cell_backward: tanh' raised to `power` (0: left out), Waa^T or Waa."""
    a_next, a_prev, xt, parameters = cache
    dz = (-1 if flip else 1) * da_next * (1 - a_next**2) ** power
    Waa = parameters["Waa"].T if transposed else parameters["Waa"]
    return {
        "dxt": parameters["Wax"].T @ dz,
        "da_prev": Waa @ dz,
        "dWax": dz @ xt.T,
        "dWaa": dz @ a_prev.T,
        "dba": dz.sum(axis=1, keepdims=True),
    }


def backward_calling(env, pre=False, overwrite=False, carry=True, flip=False):
    """A student's rnn_backward that calls env's rnn_cell_backward: pre applies tanh' before the
    call as well, overwrite keeps one step's weight gradients, carry=False drops da_prev, flip
    flips the sign of every gradient."""

    def rnn_backward(da, caches):
        steps, x = caches
        n_a, m, T_x = da.shape
        grads = {"dx": np.zeros((x.shape[0], m, T_x)), "dWax": 0.0, "dWaa": 0.0, "dba": 0.0}
        da_prev = np.zeros((n_a, m))
        for t in reversed(range(T_x)):
            da_next = da[:, :, t] + (da_prev if carry else 0)
            if pre:
                da_next = da_next * (1 - steps[t][0] ** 2)
            step = env["rnn_cell_backward"](da_next, steps[t])
            grads["dx"][:, :, t], da_prev = step["dxt"], step["da_prev"]
            for key in ("dWax", "dWaa", "dba"):
                grads[key] = step[key] if overwrite else grads[key] + step[key]
        return {key: -value if flip else value for key, value in {**grads, "da0": da_prev}.items()}

    return rnn_backward


def loss_and_gradients_calling(env, divide=1):
    """A student's rnn_loss_and_gradients that calls env's rnn_backward; divide is the power of m."""

    def rnn_loss_and_gradients(x, y, a0, parameters):
        a, y_pred, caches = solutions.bptt.rnn_forward(x, a0, parameters)
        m = x.shape[1]
        dz = y_pred.copy()
        for i in range(m):
            for t in range(x.shape[2]):
                dz[y[i, t], i, t] -= 1
        dz = dz / m**divide
        da = np.einsum("ca,cmt->amt", parameters["Wya"], dz)
        grads = env["rnn_backward"](da, caches)
        loss = solutions.bptt.cross_entropy_loss(y_pred, y)
        return loss, {
            "dWax": grads["dWax"],
            "dWaa": grads["dWaa"],
            "dWya": np.einsum("cmt,amt->ca", dz, a),
            "dba": grads["dba"],
            "dby": dz.sum(axis=(1, 2)).reshape(-1, 1),
            "da0": grads["da0"],
        }

    return rnn_loss_and_gradients


def record(tmp_path, monkeypatch):
    recorder = Recorder(REFERENCE)
    with answers.recording(recorder):  # as a public case records: with the probes of callees
        answer(REFERENCE, "rnn_cell_backward", DA_NEXT, CACHE)
        answer(REFERENCE, "rnn_backward", DA, CACHES)
        answer(REFERENCE, "rnn_loss_and_gradients", X, Y, A0, PARAMETERS)
    recorder.save(str(tmp_path / "answers" / "bptt.json"))
    monkeypatch.setattr(answers, "ANSWERS_DIR", str(tmp_path / "answers"))
    monkeypatch.setattr(answers, "_answers", None)
    monkeypatch.setenv("RNNCHECK_LANG", "es")


@pytest.fixture(autouse=True)
def answers_recorded(tmp_path, monkeypatch):
    record(tmp_path, monkeypatch)


def term_of(env, name, *args):
    return wrong_term(answer(env, name, *args))


@pytest.mark.parametrize(
    ("options", "term"),
    [
        ({"power": 2}, "tanh_twice"),
        ({"power": 0}, "tanh_missing"),
        ({"transposed": False}, "waa_not_transposed"),
        ({"flip": True}, "sign_flipped"),
    ],
    ids=["tanh-twice", "tanh-missing", "waa-not-transposed", "sign"],
)
def test_a_cell_with_one_wrong_term_is_told_that_term(options, term):
    env = {"rnn_cell_backward": lambda da_next, cache: cell(da_next, cache, **options)}
    assert term_of(env, "rnn_cell_backward", DA_NEXT, CACHE)[1:] == (term, "rnn_cell_backward")


def test_the_right_gradients_and_unrelated_wrong_ones_name_no_term():
    assert term_of({"rnn_cell_backward": cell}, "rnn_cell_backward", DA_NEXT, CACHE) is None
    noisy = {"rnn_cell_backward": lambda d, c: {k: v + 0.01 for k, v in cell(d, c).items()}}
    assert term_of(noisy, "rnn_cell_backward", DA_NEXT, CACHE) is None
    doubled = {"rnn_cell_backward": lambda d, c: {k: 2 * v for k, v in cell(d, c).items()}}
    assert term_of(doubled, "rnn_cell_backward", DA_NEXT, CACHE) is None


def test_rnn_backward_is_blamed_for_its_own_term_even_when_it_calls_a_right_cell():
    env = {"rnn_cell_backward": cell}
    env["rnn_backward"] = backward_calling(env, pre=True)
    assert term_of(env, "rnn_backward", DA, CACHES)[1:] == ("tanh_twice", "rnn_backward")
    env["rnn_backward"] = backward_calling(env, overwrite=True)
    assert term_of(env, "rnn_backward", DA, CACHES)[1:] == ("not_accumulated", "rnn_backward")
    env["rnn_backward"] = backward_calling(env, carry=False)
    assert term_of(env, "rnn_backward", DA, CACHES)[1:] == ("not_carried", "rnn_backward")


def test_a_wrong_cell_is_blamed_not_the_rnn_backward_that_calls_it():
    env = {"rnn_cell_backward": lambda da_next, cache: cell(da_next, cache, power=0)}
    env["rnn_backward"] = backward_calling(env)
    assert term_of(env, "rnn_backward", DA, CACHES)[1:] == ("tanh_missing", "rnn_cell_backward")


def test_rnn_loss_and_gradients_is_told_its_own_term_and_blames_a_wrong_backward_pass_below_it():
    env = {"rnn_cell_backward": cell}
    env["rnn_backward"] = backward_calling(env)
    env["rnn_loss_and_gradients"] = loss_and_gradients_calling(env, divide=0)
    found = term_of(env, "rnn_loss_and_gradients", X, Y, A0, PARAMETERS)
    assert found[1:] == ("not_divided_by_m", "rnn_loss_and_gradients")
    env["rnn_loss_and_gradients"] = loss_and_gradients_calling(env, divide=2)
    found = term_of(env, "rnn_loss_and_gradients", X, Y, A0, PARAMETERS)
    assert found[1:] == ("divided_by_m_twice", "rnn_loss_and_gradients")
    # two levels down: the cell that rnn_backward calls takes Waa instead of its transpose
    env["rnn_cell_backward"] = lambda da_next, cache: cell(da_next, cache, transposed=False)
    env["rnn_loss_and_gradients"] = loss_and_gradients_calling(env)
    found = term_of(env, "rnn_loss_and_gradients", X, Y, A0, PARAMETERS)
    assert found[1:] == ("waa_not_transposed", "rnn_cell_backward")


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("es", "coincide con lo que se obtiene al aplicar dos veces la derivada de tanh"),
        ("en", "matches what you get if you apply the tanh derivative, (1 − a<t>**2), twice"),
    ],
)
def test_a_failed_gradient_check_says_the_term_in_the_release_language(monkeypatch, language, says):
    monkeypatch.setenv("RNNCHECK_LANG", language)
    env = {"rnn_cell_backward": lambda da_next, cache: cell(da_next, cache, power=2)}
    given = answer(env, "rnn_cell_backward", DA_NEXT, CACHE)
    with pytest.raises(Feedback) as caught, naming_mistake(given):
        raise Feedback("dWaa …")
    assert says in str(caught.value) and "`rnn_cell_backward`" in str(caught.value)
    assert caught.value.mistake


def test_a_callee_is_named_with_its_caller(monkeypatch):
    env = {"rnn_cell_backward": lambda da_next, cache: cell(da_next, cache, power=0)}
    env["rnn_backward"] = backward_calling(env)
    given = answer(env, "rnn_backward", DA, CACHES)
    with pytest.raises(Feedback) as caught, naming_mistake(given):
        raise Feedback("dWaa …")
    assert "corrige `rnn_cell_backward`; `rnn_backward` solo la usa" in str(caught.value)


def test_a_hidden_case_records_no_probes_and_names_the_term_without_asking_callees(tmp_path, monkeypatch):
    recorder = Recorder(REFERENCE)
    with answers.recording(recorder):
        reference("rnn_backward", DA, CACHES)
    (entry,) = recorder.entries.values()
    assert entry["variants"] and not any("probe" in variant for variant in entry["variants"])


def test_check_against_reference_names_the_term_of_the_function_it_checks():
    # grading runs rnn_backward with the reference cell (isolation): the term is its own
    env = {"rnn_cell_backward": lambda da_next, cache: cell(da_next, cache, power=0)}
    env["rnn_backward"] = backward_calling(env)
    says = "omitir la derivada de tanh .* corrige ese término en `rnn_backward`"
    with pytest.raises(Feedback, match=says):
        check_against_reference(env, "rnn_backward", DA, CACHES, what="rnn_backward(...)")


def test_the_entry_the_failure_names_is_the_one_explained():
    env = {"rnn_cell_backward": cell}
    env["rnn_backward"] = backward_calling(env)
    env["rnn_loss_and_gradients"] = loss_and_gradients_calling(env, divide=0)
    given = answer(env, "rnn_loss_and_gradients", X, Y, A0, PARAMETERS)
    assert wrong_term(given)[0] == "dWax"
    assert wrong_term(given, first="El gradiente dWya no coincide")[0] == "dWya"
    with (
        pytest.raises(Feedback, match=r"\. dby coincide con lo que se obtiene al no dividir"),
        naming_mistake(given),
    ):
        raise Feedback("El gradiente dby no coincide con las diferencias centrales.")


def test_a_term_that_would_change_a_right_entry_is_not_the_one_named():
    # a sign flipped below dz_y changes dWax as a flip of dz_y would, but leaves dWya right:
    # it is not the output gradient's
    env = {"rnn_cell_backward": lambda da_next, cache: cell(da_next, cache, flip=True)}
    env["rnn_backward"] = backward_calling(env)
    env["rnn_loss_and_gradients"] = loss_and_gradients_calling(env)
    found = term_of(env, "rnn_loss_and_gradients", X, Y, A0, PARAMETERS)
    assert found[1:] == ("sign_flipped", "rnn_cell_backward")
    # every result of rnn_backward negated is no recorded term: nothing is named, rather than
    # the output gradient's sign
    env = {"rnn_cell_backward": cell}
    env["rnn_backward"] = backward_calling(env, flip=True)
    env["rnn_loss_and_gradients"] = loss_and_gradients_calling(env)
    assert term_of(env, "rnn_loss_and_gradients", X, Y, A0, PARAMETERS) is None
