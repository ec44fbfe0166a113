"""Hand-made outcomes and manifests for the feedback and report tests: small, and each case
saying what it is, so that a test reads as the situation it checks."""

from autograder.engine.outcome import ERROR, Case, Outcome, Question

HOSTILE = "<script>alert(1)</script>"


def passed(name: str, points: float = 1.0, *, hidden: bool = False) -> Case:
    return Case(name, points, hidden, True)


def failed(name: str, message: str, points: float = 1.0, *, hidden: bool = False, mistake: str = "") -> Case:
    return Case(name, points, hidden, False, message, mistake)


def question(name: str, *cases: Case) -> Question:
    """A question scored as otter scores it: the points of its passed cases."""
    return Question(name, sum(c.points for c in cases if c.passed), sum(c.points for c in cases), cases)


def graded(
    submission: str, *questions: Question, reason: str = "", cell_errors: tuple[str, ...] = ()
) -> Outcome:
    return Outcome(submission, {q.name: q for q in questions}, reason=reason, cell_errors=cell_errors)


def not_gradable(submission: str, reason: str) -> Outcome:
    """What the engine gives a file it cannot read: every question at 0, no cases."""
    return Outcome(
        submission,
        {"q1": Question("q1", 0.0, 2.0), "q2": Question("q2", 0.0, 3.0)},
        status=ERROR,
        reason=reason,
    )


def manifest(language: str = "es") -> dict:
    """rnn_forward's manifest, cut to two questions, with hints in the release's language."""
    hints = {
        "es": {
            "q1": "Pista: resta el máximo de cada columna.",
            "q2": "Pista: a<t> = tanh(Waa a<t-1> + ...).",
        },
        "en": {"q1": "Hint: subtract each column's maximum.", "q2": "Hint: a<t> = tanh(Waa a<t-1> + ...)."},
    }[language]
    return {
        "assignment": "rnn_forward",
        "language": language,
        "notebook": "rnn_forward.ipynb",
        "functions": ["softmax", "rnn_cell_forward"],
        "questions": {"q1": "softmax", "q2": "rnn_cell_forward"},
        "hints": hints,
    }


def full_marks(submission: str) -> Outcome:
    return graded(
        submission,
        question("q1", passed("q1 - 1"), passed("q1 - 2", hidden=True)),
        question("q2", passed("q2 - 1", 2.0), passed("q2 - 2", hidden=True)),
    )


def missing_bias(submission: str) -> Outcome:
    """q2 wrong in three cases, all showing the same mistake: one public, two hidden (whose
    messages quote a hidden input's expected output)."""
    return graded(
        submission,
        question("q1", passed("q1 - 1"), passed("q1 - 2", hidden=True)),
        question(
            "q2",
            failed(
                "q2 - 1",
                "a_next no cambia al cambiar ba: falta el sesgo ba.",
                2.0,
                mistake="olvidó el sesgo ba",
            ),
            failed("q2 - 2", "esperado 0.4242 (SECRETO-1)", hidden=True, mistake="olvidó el sesgo ba"),
            failed("q2 - 3", "esperado 0.1717 (SECRETO-2)", 0.0, hidden=True, mistake="olvidó el sesgo ba"),
        ),
    )


def wrong_axis(submission: str) -> Outcome:
    """The softmax over the wrong axis: q1 fails with its mistake, and so does q2 that uses it."""
    return graded(
        submission,
        question(
            "q1",
            failed("q1 - 1", "las columnas no suman 1", mistake="softmax sobre el eje equivocado"),
            failed(
                "q1 - 2", "esperado 0.99 (SECRETO-3)", hidden=True, mistake="softmax sobre el eje equivocado"
            ),
        ),
        question(
            "q2",
            failed(
                "q2 - 1", "yt_pred: las columnas no suman 1", 2.0, mistake="softmax sobre el eje equivocado"
            ),
            failed("q2 - 2", "esperado 0.5 (SECRETO-4)", hidden=True, mistake="olvidó el sesgo ba"),
        ),
    )
