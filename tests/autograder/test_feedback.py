"""autograder.feedback: safe file names, and feedback files that tell a student what failed
without giving away a hidden test, in the release's language, whatever the student named
their file or made their code raise."""

import html
import re

import pytest
from markdown_it import MarkdownIt

from autograder import feedback, page
from tests.autograder.outcomes import (
    HOSTILE,
    failed,
    full_marks,
    graded,
    manifest,
    missing_bias,
    not_gradable,
    question,
    wrong_axis,
)


@pytest.mark.parametrize(
    "submission, expected",
    [
        ("ana.ipynb", "ana.ipynb"),
        ("ana.zip", "ana.zip"),
        ("Ana López", "Ana_López"),
        ("José Núñez Peña.ipynb", "José_Núñez_Peña.ipynb"),
        ("Jose\u0301.ipynb", "José.ipynb"),  # a combining accent is one letter with its vowel
        ("lote-2_v1.2.ipynb", "lote-2_v1.2.ipynb"),
    ],
    ids=["notebook", "zip", "folder-with-space", "accents", "combining-accent", "dots-dashes"],
)
def test_safe_name_keeps_letters_accents_digits_and_the_extension(submission, expected):
    assert feedback.safe_name(submission) == expected


@pytest.mark.parametrize(
    "submission, expected",
    [
        ("../../etc/passwd", "_._.._etc_passwd"),
        ("a/b\\c.ipynb", "a_b_c.ipynb"),
        ("tab\there\n.ipynb", "tab_here_.ipynb"),
        ("nul\x00byte\x7f.ipynb", "nul_byte_.ipynb"),
        ("rtl\u202egnp.exe.ipynb", "rtl_gnp.exe.ipynb"),
        ("<script>alert(1)</script>.ipynb", "_script_alert_1___script_.ipynb"),
    ],
    ids=["parent-dirs", "slashes", "whitespace", "control", "bidi-override", "markup"],
)
def test_safe_name_turns_anything_else_into_underscores(submission, expected):
    assert feedback.safe_name(submission) == expected


@pytest.mark.parametrize(
    "submission, expected",
    [
        ("=1+1.ipynb", "_1_1.ipynb"),
        ("+52 55.ipynb", "_52_55.ipynb"),
        ("-rf.ipynb", "_rf.ipynb"),
        ("@ana.ipynb", "_ana.ipynb"),
        (".bashrc", "_bashrc"),
        ("CON.ipynb", "_CON.ipynb"),
        ("", "_"),
    ],
    ids=["equals", "plus", "dash", "at", "dot", "windows-device", "empty"],
)
def test_safe_name_never_starts_with_a_formula_character_or_a_dot_and_is_never_empty(submission, expected):
    assert feedback.safe_name(submission) == expected


@pytest.mark.parametrize("letter", ["a", "é", "語"], ids=["ascii", "accented", "cjk"])
def test_safe_name_of_a_long_identifier_fits_and_keeps_its_extension(letter):
    name = feedback.safe_name(letter * 500 + ".ipynb")
    assert name.endswith(".ipynb") and name.startswith(letter)
    assert len(name) <= feedback.MAX_CHARACTERS and len(name.encode()) <= feedback.MAX_BYTES


@pytest.mark.parametrize(
    "submission", ["ana.ipynb", "=1+1.ipynb", "Ana López", "x" * 300 + ".zip", "CON", "../a", ""]
)
def test_safe_name_leaves_a_safe_name_as_it_is(submission):
    once = feedback.safe_name(submission)
    assert feedback.safe_name(once) == once


def test_safe_names_tell_apart_identifiers_that_would_meet():
    meeting = [
        "ana/1.ipynb",
        "ana 1.ipynb",
        "ana_1.ipynb",
        "Ana_1.ipynb",
        "a" * 300 + "1.zip",
        "a" * 300 + "2.zip",
    ]
    names = feedback.safe_names([*meeting, "beto.ipynb"])
    assert names["beto.ipynb"] == "beto.ipynb"  # a name that meets none stays as safe_name gives it
    folded = [n.casefold() for n in names.values()]
    assert len(set(folded)) == len(folded)  # distinct even where file names ignore case
    for submission, name in names.items():
        assert feedback.safe_name(name) == name and len(name) <= feedback.MAX_CHARACTERS
        assert name.endswith(".zip" if submission.endswith(".zip") else ".ipynb")
    assert names == feedback.safe_names(list(reversed([*meeting, "beto.ipynb"])))  # not order-dependent


def test_write_gives_one_markdown_and_one_html_file_named_after_the_safe_name(tmp_path):
    paths = feedback.write(full_marks("Ana López"), manifest(), tmp_path / "notas-feedback", "Ana_López")
    assert paths == [
        tmp_path / "notas-feedback" / "Ana_López.md",
        tmp_path / "notas-feedback" / "Ana_López.html",
    ]
    assert all(p.is_file() for p in paths)


@pytest.mark.parametrize("name", ["../fuera", "a/b", "", ".oculto"], ids=["parent", "slash", "empty", "dot"])
def test_write_refuses_a_name_that_is_not_safe(tmp_path, name):
    with pytest.raises(ValueError, match="not a safe file name"):
        feedback.write(full_marks("ana.ipynb"), manifest(), tmp_path, name)


def written(tmp_path, outcome, language="es") -> tuple[str, str]:
    md, page_ = feedback.write(outcome, manifest(language), tmp_path, "x")
    return md.read_text(encoding="utf-8"), page_.read_text(encoding="utf-8")


def test_feedback_never_shows_a_hidden_message_but_names_the_mistake_it_shows(tmp_path):
    for text in written(tmp_path, wrong_axis("carla.ipynb")):
        assert "SECRETO" not in text
        assert text.count("Una prueba oculta falló.") == 2  # one line per question, each with one
        assert "Error frecuente: softmax sobre el eje equivocado." in text
        assert "Error frecuente: olvidó el sesgo ba." in text  # shown by a hidden case alone


def test_feedback_shows_the_scores_every_public_failure_and_the_hint_where_points_were_lost(tmp_path):
    md, page_ = written(tmp_path, missing_bias("beto.ipynb"))
    assert "Calificación: 2 de 5 puntos" in md and "Calificación: 2 de 5 puntos" in page_
    assert "| q2 | `rnn_cell_forward` | **0 / 3** |" in md
    assert "a_next no cambia al cambiar ba: falta el sesgo ba." in md
    assert "2 pruebas ocultas fallaron." in md
    assert md.count("Error frecuente: olvidó el sesgo ba.") == 1  # three cases, one mistake
    assert r"Pista: a\<t> = tanh(Waa a\<t-1> + ...)." in md  # q2 lost points: its hint, escaped
    assert "Pista: resta el máximo" not in md  # q1 did not
    assert "Pista: a&lt;t&gt; = tanh(Waa a&lt;t-1&gt; + ...)." in page_


def test_feedback_with_every_point_says_so_and_gives_no_hint(tmp_path):
    md, _ = written(tmp_path, full_marks("ana.ipynb"))
    assert "Todas las pruebas pasaron." in md and "Pista" not in md


def test_feedback_of_a_submission_that_could_not_be_graded_says_why(tmp_path):
    md, page_ = written(tmp_path, not_gradable("roto.ipynb", "el archivo no es un notebook válido (línea 1)"))
    for text in (md, page_):
        assert "No se pudo calificar tu entrega: el archivo no es un notebook válido (línea 1)." in text
        assert "Todas las pruebas pasaron" not in text


def test_feedback_lists_the_cells_that_raised_and_why_nothing_scored(tmp_path):
    outcome = graded(
        "vacio.ipynb",
        question("q1", failed("q1 - 1", "`softmax` todavía no está implementada")),
        reason="ninguna función está implementada",
        cell_errors=("celda 6: NotImplementedError: Completa `softmax`",),
    )
    md, page_ = written(tmp_path, outcome)
    assert "> Observación: ninguna función está implementada." in md
    assert (
        "## Errores al ejecutar tu notebook" in md
        and "- celda 6: NotImplementedError: Completa `softmax`" in md
    )
    assert "<li>celda 6: NotImplementedError: Completa <code>softmax</code></li>" in page_


def hostile_outcome():
    return graded(
        f"{HOSTILE}.ipynb",
        question(
            "q1", failed("q1 - 1", f"`softmax` lanzó ValueError: «{HOSTILE}<img src=x onerror=alert(2)>»")
        ),
        question("q2", failed("q2 - 1", "[pincha](javascript:alert(3)) & <b>negritas</b>", mistake=HOSTILE)),
        reason=f"una celda lanzó {HOSTILE}",
        cell_errors=(f"celda 1: Exception: {HOSTILE}",),
    )


def test_feedback_html_escapes_what_the_student_controls(tmp_path):
    _, page_ = written(tmp_path, hostile_outcome())
    assert "<script" not in page_ and "<img" not in page_ and "<b>" not in page_
    assert "<a " not in page_  # no link made of a student's message
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.ipynb" in page_
    assert f'<meta http-equiv="Content-Security-Policy" content="{page.POLICY}">' in page_


def test_feedback_markdown_renders_what_the_student_controls_as_text(tmp_path):
    md, _ = written(tmp_path, hostile_outcome())
    rendered = MarkdownIt("commonmark").render(md)  # raw HTML allowed, as many viewers do
    assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert "<a " not in rendered  # no link made of a student's message
    assert html.escape(f"{HOSTILE}.ipynb", quote=False) in rendered


@pytest.mark.parametrize(
    "text",
    [
        "a<t> = tanh(Waa a<t-1> + ba) & [0, 1]",
        "`softmax` lanzó *ValueError*: \\ | # !",
        "un ` suelto y `código con <b>`",
    ],
    ids=["lecture-notation", "markup-characters", "stray-backtick"],
)
def test_page_markdown_shows_exactly_the_text(text):
    rendered = MarkdownIt("commonmark").renderInline(page.markdown(text))
    assert "<" not in re.sub(r"</?code>", "", rendered)  # no markup but the code spans
    assert html.unescape(re.sub(r"</?code>", "`", rendered)) == text


@pytest.mark.parametrize(
    "language, expected",
    [
        ("es", ["Retroalimentación: rnn_forward", "Calificación: 0 de 5 puntos", "Una prueba oculta falló."]),
        ("en", ["Feedback: rnn_forward", "Grade: 0 of 5 points", "A hidden test failed.", "Common mistake:"]),
    ],
)
def test_feedback_is_in_the_language_of_the_release(tmp_path, language, expected):
    md, page_ = written(tmp_path, wrong_axis("carla.ipynb"), language)
    for text in expected:
        assert text in md and html.escape(text, quote=False) in page_
    assert f'<html lang="{language}">' in page_
    other = {"es": "Grade:", "en": "Calificación:"}[language]
    assert other not in md and other not in page_
