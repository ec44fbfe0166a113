"""engine.outcome: one result type for the gradebook, the feedback, the audit and Gradescope."""

from autograder.engine.outcome import ERROR, GRADED, Case, Outcome, Question, zero

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


def test_gradescope_shows_public_cases_now_and_hidden_ones_once_published():
    results = OUTCOME.gradescope("pruebas ocultas")
    assert [(t["name"], t["score"], t["max_score"], t["visibility"]) for t in results["tests"]] == [
        ("q1", 1.0, 2.0, "visible"),
        ("q1 (pruebas ocultas)", 0.5, 1.0, "after_published"),
        ("q2", 2.0, 2.0, "visible"),
    ]
    assert results["tests"][0]["output"] == "- softmax no suma 1" and results["score"] == 3.5
    assert results["output"] == "celda 4: NameError: name 'x' is not defined"


def test_a_submission_that_could_not_be_graded_has_zero_points_and_its_reason():
    outcome = zero("x.zip", {"q1": 3.0, "q2": 2.0}, "el archivo .zip está dañado")
    assert outcome.status == ERROR and outcome.total == 0 and outcome.total_possible == 5.0
    assert outcome.gradescope("ocultas") == {
        "tests": [],
        "score": 0.0,
        "output": "el archivo .zip está dañado",
    }
    assert zero("y.ipynb", {"q1": 1.0}, "se trabó", GRADED).status == GRADED
