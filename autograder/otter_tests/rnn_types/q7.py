"""q7 · architecture_for: the type of RNN of tasks the notebook has not built; ValueError for any other task.

The public answers are written out, one task of each architecture (a wrong one is told what
decides it); the lecture's other three tasks are hidden and compared with the reference.
"""

from otter.test_files import test_case

from rnncheck import (
    Feedback,
    assert_raises_value_error,
    assert_same,
    call,
    check_against_reference,
    hidden_rng,
    reference,
    say,
)
from rnncheck.compare import hinted
from rnncheck.student import limited, student_function

OK_FORMAT = False
name = "q7"

ARCHITECTURES = ["one-to-one", "one-to-many", "many-to-one", "many-to-many", "encoder-decoder"]
# One task of each architecture, none of them built in this notebook, then the three other
# tasks of the lecture (the four it built name their architectures in the section titles).
SHOWN = {
    "image_classification": "one-to-one",
    "image_captioning": "one-to-many",
    "spam_detection": "many-to-one",
    "part_of_speech_tagging": "many-to-many",
    "text_summarization": "encoder-decoder",
}
TASKS = [*SHOWN, "speech_recognition", "dna_sequence_analysis", "video_activity_recognition"]


@test_case(points=0.5)
def test_every_task_gets_an_architecture(env):
    for task in TASKS:
        answer = call(env, "architecture_for", task)
        if type(answer) is not str or answer not in ARCHITECTURES:
            shown = repr(answer) if len(repr(answer)) < 80 else repr(answer)[:80] + "…"
            raise Feedback(
                say("types_not_architecture", task=task, value=shown, choices=", ".join(ARCHITECTURES))
            )


def value_error_message(env, task):
    """str() of the ValueError that the student's architecture_for(task) raises. Feedback, from
    assert_raises_value_error, when it raises none; the grading engine passes a student's
    exception back with its type and message, so this reads the same there."""
    assert_raises_value_error(env, "architecture_for", f"task = {task!r}", task)
    function = student_function(env, "architecture_for")
    try:
        with limited(function):
            function(task)
    except ValueError as error:
        return str(error)
    except BaseException:  # it raised ValueError a moment ago: only a flaky function gets here
        pass
    return ""


@test_case(points=1)
def test_one_task_of_each_architecture(env):
    for task, architecture in SHOWN.items():
        answer = call(env, "architecture_for", task)
        # what sets the architecture apart: is the input a sequence, the output, are they aligned
        with hinted("types_why_" + architecture.replace("-", "_")):
            assert_same(answer, architecture, f"architecture_for({task!r})")


@test_case(points=0.5)
def test_unknown_task_is_a_value_error(env):
    assert_raises_value_error(env, "architecture_for", "task = 'weather_forecasting'", "weather_forecasting")


@test_case(points=0.5)
def test_value_error_names_the_task_and_lists_the_known_ones(env):
    task = "weather_forecasting"
    message = value_error_message(env, task)
    missing = [repr(name) for name in [task] + TASKS if name not in message]
    if missing:
        shown = message if len(message) < 200 else message[:200] + "…"
        raise Feedback(say("types_error_message", task=task, message=shown, missing=", ".join(missing)))


# A transcript is shorter than its audio (T_y != T_x) and in the same order: reading the whole
# audio before writing (encoder-decoder) and an output at each audio step, merged afterwards
# into the transcript (many-to-many, as CTC does), are both defensible.
SPEECH_RECOGNITION = ["encoder-decoder", "many-to-many"]


@test_case(points=1.5, hidden=True)
def test_the_lecture_tasks_not_built_here(env):
    for task in ["dna_sequence_analysis", "video_activity_recognition"]:
        with hinted("types_why_" + reference("architecture_for", task).replace("-", "_")):
            check_against_reference(env, "architecture_for", task, what=f"architecture_for({task!r})")
    answer = call(env, "architecture_for", "speech_recognition")
    if type(answer) is not str or answer not in SPEECH_RECOGNITION:
        shown = repr(answer) if len(repr(answer)) < 80 else repr(answer)[:80] + "…"
        choices = ", ".join(map(repr, SPEECH_RECOGNITION))
        raise Feedback(
            say("types_architecture_choices", task="speech_recognition", value=shown, choices=choices)
        )


@test_case(points=0.5, hidden=True)
def test_other_unknown_tasks_are_value_errors(env):
    rng = hidden_rng("q7 unknown tasks")
    # Near misses of known tasks: a letter in upper case, other separators, a stray blank,
    # one word of the name; and the empty string.
    first, second, third, fourth = (str(task) for task in rng.permutation(TASKS)[:4])
    letter = int(rng.choice([i for i, character in enumerate(first) if character != "_"]))
    tasks = [
        "",
        first[:letter] + first[letter].upper() + first[letter + 1 :],
        second.replace("_", str(rng.choice([" ", "-", ""]))),
        str(rng.choice(["", " ", "\t"])) + third + str(rng.choice([" ", "\n", "."])),
        str(rng.choice(fourth.split("_"))),
    ]
    for task in rng.permutation(tasks).tolist():
        assert_raises_value_error(env, "architecture_for", f"task = {task!r}", task)
