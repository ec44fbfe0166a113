"""engine.outcome: one result type for the gradebook, the feedback, the audit and Gradescope;
engine.explain and engine.gradescope: what a student is told of it on Gradescope (the same as
the feedback file), results.json in Gradescope's documented format, written even when the
engine cannot start."""

import io
import json
import shutil

from autograder.engine.explain import explain
from autograder.engine.gradescope import not_started, results
from autograder.engine.outcome import ERROR, GRADED, Case, Outcome, Question, zero
from autograder.engine.process import last_error
from autograder.page import wording
from rnncheck import messages

OUTCOME = Outcome(
    "ana.ipynb",
    {
        "q1": Question(
            "q1",
            1.5,
            3.0,
            (
                Case("q1 - 1", 1.0, False, True),
                Case("q1 - 2", 1.0, False, False, "softmax no suma 1"),
                Case("q1 - 3", 0.5, True, True),
                Case("q1 - 4", 0.5, True, False, "softmax no suma 1"),
            ),
        ),
        "q2": Question("q2", 2.0, 2.0, (Case("q2 - 1", 2.0, False, True),)),
    },
    cell_errors=("celda 4: NameError: name 'x' is not defined",),
)


def test_scores_possible_total_and_feedback_come_from_the_questions():
    assert OUTCOME.scores == {"q1": 1.5, "q2": 2.0} and OUTCOME.possible == {"q1": 3.0, "q2": 2.0}
    assert (OUTCOME.total, OUTCOME.total_possible) == (3.5, 5.0)
    assert OUTCOME.feedback == {"q1": ["softmax no suma 1"]}  # each message once, passing questions left out


def test_outcome_survives_the_trip_between_processes():
    assert Outcome.from_dict(OUTCOME.to_dict()) == OUTCOME


def test_a_submission_that_could_not_be_graded_has_zero_points_and_its_reason():
    outcome = zero("x.zip", {"q1": 3.0, "q2": 2.0}, "el archivo .zip está dañado")
    assert outcome.status == ERROR and outcome.total == 0 and outcome.total_possible == 5.0
    assert zero("y.ipynb", {"q1": 1.0}, "se trabó", GRADED).status == GRADED


MANIFEST = {
    "language": "es",
    "questions": {"q1": "softmax", "q2": "rnn_cell_forward"},
    "hints": {"q1": "Resta el máximo antes de exponenciar.", "q2": "Mira las formas."},
    "points": {"q1": 3.0, "q2": 2.0},
}
SECRET = "esperaba [0.25 0.75] para la entrada oculta"
PARTIAL = Outcome(
    "ana.ipynb",
    {
        "q1": Question(
            "q1",
            1.5,
            3.0,
            (
                Case("q1 - 1", 1.0, False, True),
                Case("q1 - 2", 1.0, False, False, "softmax no suma 1 <b>*", "olvidó restar el máximo"),
                Case("q1 - 3", 0.5, True, True, ""),
                Case("q1 - 4", 0.5, True, False, SECRET, "usó exp sin normalizar"),
            ),
        ),
        "q2": Question("q2", 2.0, 2.0, (Case("q2 - 1", 2.0, False, True),)),
    },
    cell_errors=("celda 4: NameError: name 'x' is not defined",),
)
# Gradescope's results.json (its autograder specifications): what a test and the whole may hold
TOP = {
    "score",
    "execution_time",
    "output",
    "output_format",
    "test_output_format",
    "stdout_visibility",
    "tests",
}
TEST = {"name", "score", "max_score", "status", "output", "output_format", "visibility"}
VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}
FORMATS = {"text", "html", "simple_format", "md", "ansi"}


def assert_gradescope_format(payload):
    assert set(payload) <= TOP and isinstance(payload["tests"], list)
    assert payload["output_format"] in FORMATS and payload["stdout_visibility"] in ("hidden", "visible")
    for test in payload["tests"]:
        assert set(test) <= TEST and {"name", "score", "max_score"} <= set(test)
        assert test["visibility"] in VISIBILITY and test["output_format"] in FORMATS
        assert test["status"] in ("passed", "failed") and 0 <= test["score"] <= test["max_score"]
    assert payload["score"] == sum(t["score"] for t in payload["tests"])
    json.dumps(payload)  # plain data


def test_results_name_each_question_with_its_function_and_keep_hidden_cases_for_publication():
    payload = results(PARTIAL, MANIFEST, wording("es"), seconds=12.4)
    assert_gradescope_format(payload)
    assert [
        (t["name"], t["score"], t["max_score"], t["visibility"], t["status"]) for t in payload["tests"]
    ] == [
        ("q1 · softmax", 1.0, 2.0, "visible", "failed"),
        ("q1 · softmax (pruebas ocultas)", 0.5, 1.0, "after_published", "failed"),
        ("q2 · rnn_cell_forward", 2.0, 2.0, "visible", "passed"),
    ]
    public, hidden, passed = (t["output"] for t in payload["tests"])
    assert public.splitlines() == [
        "- softmax no suma 1 \\<b>\\*",  # Markdown escaped: shown as written, never as markup
        "- Error frecuente: olvidó restar el máximo.",
        "",
        "> Resta el máximo antes de exponenciar.",
    ]
    assert hidden.splitlines() == [
        "- Una prueba oculta falló. Pruebas ocultas: q1 - 3 ✔, q1 - 4 ✘.",
        "- Error frecuente: usó exp sin normalizar.",
    ]
    assert passed == ""  # nothing failed: nothing to say
    assert payload["score"] == 3.5 and payload["execution_time"] == 12
    assert "NameError: name 'x' is not defined" in payload["output"]


def test_no_hidden_message_reaches_results_json_before_or_after_publication():
    text = json.dumps(results(PARTIAL, MANIFEST, wording("es")), ensure_ascii=False)
    assert SECRET not in text and "0.25" not in text
    assert "usó exp sin normalizar" in text  # the mistake a hidden case shows is named


def test_hint_goes_with_the_hidden_cases_when_only_they_lost_points():
    question = Question(
        "q1", 2.5, 3.0, (Case("q1 - 1", 2.0, False, True), Case("q1 - 2", 1.0, True, False, SECRET))
    )
    outcome = Outcome("a.ipynb", {"q1": question})
    public, hidden = results(outcome, MANIFEST, wording("en"))["tests"]
    assert "Resta el máximo" not in public["output"] and "Resta el máximo" in hidden["output"]
    assert public["output"] == "" and SECRET not in hidden["output"]


def test_explanation_is_what_both_results_json_and_the_feedback_file_tell():
    explanation = explain(PARTIAL.questions["q1"], MANIFEST)
    assert explanation.label == "q1 · softmax" and explanation.failures == ("softmax no suma 1 <b>*",)
    assert explanation.mistakes == ("olvidó restar el máximo", "usó exp sin normalizar")
    assert explanation.hint == "Resta el máximo antes de exponenciar."
    assert explanation.part(hidden=True).cases == (("q1 - 3", True), ("q1 - 4", False))
    assert explain(PARTIAL.questions["q2"], MANIFEST).hint == ""  # full marks: no hint


def test_a_submission_that_could_not_be_graded_gives_every_question_a_zero_that_says_why():
    outcome = zero("x.ipynb", {"q1": 3.0, "q2": 2.0}, "el archivo no es un notebook válido")
    payload = results(outcome, MANIFEST, wording("es"))
    assert_gradescope_format(payload)
    assert [(t["name"], t["score"], t["max_score"]) for t in payload["tests"]] == [
        ("q1 · softmax", 0.0, 3.0),
        ("q2 · rnn_cell_forward", 0.0, 2.0),
    ]
    why = "No se pudo calificar tu entrega: el archivo no es un notebook válido."
    assert all(t["output"] == why for t in payload["tests"]) and payload["output"] == why


def test_an_engine_that_cannot_start_still_gives_results_with_the_real_exception(tmp_path):
    (tmp_path / "rnngrade.json").write_text(json.dumps(MANIFEST))
    (tmp_path / "files" / "rnncheck").mkdir(parents=True)
    shutil.copyfile(messages.__file__, tmp_path / "files" / "rnncheck" / "messages.py")
    error = ModuleNotFoundError("No module named 'matplotlib'")
    payload = not_started(tmp_path, error, 3.2)
    assert_gradescope_format(payload)
    assert [(t["name"], t["score"], t["max_score"]) for t in payload["tests"]] == [
        ("q1 · softmax", 0.0, 3.0),
        ("q2 · rnn_cell_forward", 0.0, 2.0),
    ]
    for text in (payload["output"], *(t["output"] for t in payload["tests"])):
        assert "no se pudo iniciar el entorno de corrección" in text  # the release's language
        assert "ModuleNotFoundError: No module named 'matplotlib'" in text
    shutil.rmtree(tmp_path / "files")  # the zip's own messages gone too: still said, in English
    payload = not_started(tmp_path, error, 0)
    assert "ModuleNotFoundError: No module named 'matplotlib'" in payload["tests"][0]["output"]


def test_the_sandbox_servers_last_exception_is_taken_from_its_stderr():
    stderr = io.BytesIO(
        b'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n'
        b"    import matplotlib\nModuleNotFoundError: No module named 'matplotlib'\n"
    )
    assert last_error(stderr) == ": ModuleNotFoundError: No module named 'matplotlib'"
    assert last_error(io.BytesIO(b"a warning, no exception\n")) == ""
