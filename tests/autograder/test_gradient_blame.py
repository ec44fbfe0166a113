"""In the student's own check, where nothing is isolated, a wrong rnn_cell_backward makes q4's and
q6's gradients wrong too: their messages name the term and blame the cell, not its callers."""

import pytest

from autograder import assignment as assignments
from autograder.testfiles import namespace, public_source, record_answers, run
from rnncheck import answers

# A student's rnn_backward that is right and calls the notebook's rnn_cell_backward at every step.
BACKWARD_CALLING_THE_CELL = """
def rnn_backward(da, caches):
    step_caches, x = caches
    n_a, m, T_x = da.shape
    gradients = {"dx": np.zeros((x.shape[0], m, T_x)), "dWax": 0, "dWaa": 0, "dba": 0}
    da_prev = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        step = rnn_cell_backward(da[:, :, t] + da_prev, step_caches[t])
        gradients["dx"][:, :, t] = step["dxt"]
        da_prev = step["da_prev"]
        for key in ("dWax", "dWaa", "dba"):
            gradients[key] = gradients[key] + step[key]
    gradients["da0"] = da_prev
    return gradients
"""


@pytest.fixture(scope="module")
def bptt_public_answers(tmp_path_factory):
    """The public answers of bptt's q3, q4 and q6, as the student release ships them."""
    bptt = assignments.load("bptt")
    sources = {
        path.name: public_source(path.read_text(encoding="utf-8"))
        for path in bptt.test_files
        if path.stem in ("q3", "q4", "q6")
    }
    folder = tmp_path_factory.mktemp("answers")
    record_answers(bptt, sources).save(str(folder / "bptt.json"))
    return bptt, sources, folder


@pytest.mark.parametrize("question", ["q3", "q4", "q6"])
def test_a_cell_without_tanh_derivative_is_blamed_in_every_question_it_reaches(
    bptt_public_answers, monkeypatch, question
):
    bptt, sources, folder = bptt_public_answers
    monkeypatch.setattr(answers, "ANSWERS_DIR", str(folder))
    monkeypatch.setattr(answers, "_answers", None)
    monkeypatch.setenv("RNNCHECK_LANG", "es")
    (mistake,) = [path for path in bptt.catalogue("mistakes") if path.stem == "tanh_derivative_missing"]
    env = namespace(
        bptt.solution_path.read_text(encoding="utf-8"),
        mistake.read_text(encoding="utf-8"),
        BACKWARD_CALLING_THE_CELL,
    )
    result = run(sources[f"{question}.py"], env, path=f"{question}.py")
    failed = " ".join(r.message for r in result.test_case_results if not r.passed)
    assert "se obtiene al omitir la derivada de tanh" in failed
    if question == "q3":
        assert "corrige ese término en `rnn_cell_backward`" in failed
    else:
        caller = {"q4": "rnn_backward", "q6": "rnn_loss_and_gradients"}[question]
        assert f"corrige `rnn_cell_backward`; `{caller}` solo la usa" in failed
