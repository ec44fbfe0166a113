"""autograder.report: the class report counts students, not failed cases; escapes what students
control; speaks the release's language; reads a gradebook's grades from the store beside it
and refuses, in one line, what it cannot use; and a real graded batch's page loads in
Chromium without errors, with its figures drawn and its counts those of the outcomes."""

import json
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import nbformat
import numpy as np
import pytest

from autograder import feedback, grade, report
from autograder.engine.outcome import Case
from autograder.fill import fill
from autograder.notebook import render
from autograder.page import POLICY
from autograder.store import Store, store_path
from tests.autograder import chromium
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


class Page(HTMLParser):
    """What a report page says, read from its markup: its cards (id -> value), its table rows
    that have a class (class -> [(attributes, cell texts)]) and its links."""

    def __init__(self, markup: str):
        super().__init__()
        self.cards: dict[str, str] = {}
        self.rows: dict[str, list[tuple[dict, list[str]]]] = {}
        self.links: list[str] = []
        self._row: list[str] | None = None
        self._card: str | None = None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "tr" and "class" in attributes:
            self._row = []
            self.rows.setdefault(attributes["class"], []).append((attributes, self._row))
        elif tag == "td" and self._row is not None:
            self._row.append("")
        elif tag == "div" and attributes.get("class") == "card":
            self._card = attributes["id"]
            self.cards[self._card] = ""
        elif tag == "a":
            self.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None
        elif tag == "div" and self._card is not None and self.cards[self._card]:
            self._card = None

    def handle_data(self, data):
        if self._row:
            self._row[-1] += data
        elif self._card is not None and not self.cards[self._card]:
            self.cards[self._card] = data.strip()


def held(outcomes) -> dict[tuple[str, str], set[str]]:
    """(question, mistake) -> the students whose failed cases show it: the report's count, done
    independently of autograder.report."""
    found: dict[tuple[str, str], set[str]] = {}
    for outcome in outcomes:
        for name, q in outcome.questions.items():
            for case in q.cases:
                if case.mistake and not case.passed:
                    found.setdefault((name, case.mistake), set()).add(outcome.submission)
    return found


def shown(page: Page) -> dict[tuple[str, str], int]:
    """(question, mistake) -> the number of students the page says hold it."""
    return {
        (a["data-question"], cells[1]): int(a["data-students"]) for a, cells in page.rows.get("mistake", [])
    }


CLASS = [
    full_marks("ana.ipynb"),
    missing_bias("beto.ipynb"),
    wrong_axis("carla.ipynb"),
    missing_bias("dani.ipynb"),
    not_gradable("roto.ipynb", "el archivo no es un notebook válido"),
]


def test_mistakes_count_each_student_once_however_many_cases_show_it():
    found = report.mistakes(CLASS)
    assert found == {
        "q1": [report.Mistake("q1", "softmax sobre el eje equivocado", ("carla.ipynb",))],
        "q2": [  # beto and dani show it in three cases each, carla in one: three students
            report.Mistake("q2", "olvidó el sesgo ba", ("beto.ipynb", "carla.ipynb", "dani.ipynb")),
            report.Mistake("q2", "softmax sobre el eje equivocado", ("carla.ipynb",)),
        ],
    }


def test_mistakes_leave_out_passed_cases_and_blank_mistakes():
    odd = graded(
        "x.ipynb",
        question(
            "q1",
            Case("q1 - 1", 1.0, False, True, "", "olvidó el sesgo ba"),
            failed("q1 - 2", "m", mistake="  "),
        ),
    )
    assert report.mistakes([odd]) == {}


def written(tmp_path, outcomes, language="es", links=None) -> str:
    path = report.write(
        outcomes=outcomes, manifest=manifest(language), path=tmp_path / "r.html", feedback=links
    )
    return path.read_text(encoding="utf-8")


def test_report_counts_submissions_full_marks_and_the_students_holding_each_mistake(tmp_path):
    page = Page(written(tmp_path, CLASS))
    assert (
        page.cards["submissions"] == "5" and page.cards["graded"] == "4" and page.cards["not-gradable"] == "1"
    )
    assert shown(page) == {key: len(students) for key, students in held(CLASS).items()}
    assert [cells[0] for _, cells in page.rows["mistake"]] == [
        "1 de 4",
        "3 de 4",
        "1 de 4",
    ]  # most held first
    assert {a["data-question"]: int(a["data-full"]) for a, _ in page.rows["question"]} == {"q1": 3, "q2": 1}
    assert [cells for _, cells in page.rows["not-gradable"]] == [
        ["roto.ipynb", "el archivo no es un notebook válido"]
    ]
    assert [cells[0] for _, cells in page.rows["grade"]] == [o.submission for o in CLASS]


def test_report_escapes_what_students_control(tmp_path):
    hostile = graded(
        f"{HOSTILE}.ipynb",
        question("q1", failed("q1 - 1", "m", mistake=f"{HOSTILE}<img src=x onerror=alert(2)>")),
        reason=f"una celda lanzó {HOSTILE}",
    )
    broken = not_gradable(f"{HOSTILE}.zip", HOSTILE)
    text = written(tmp_path, [hostile, broken], links={broken.submission: "a/<b>.html"})
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.ipynb" in text
    assert 'href="a/%3Cb%3E.html"' in text  # a link target percent-encoded


def test_report_links_a_student_to_their_feedback_only_when_given(tmp_path):
    links = {"beto.ipynb": "notas-feedback/beto.ipynb.html", "roto.ipynb": "notas-feedback/roto.ipynb.html"}
    page = Page(written(tmp_path, CLASS, links=links))
    assert set(page.links) == set(links.values())
    linked = [cells[0] for _, cells in page.rows["grade"] if cells[-1]]
    assert linked == ["beto.ipynb", "roto.ipynb"]


def test_report_is_one_page_that_fetches_nothing_and_runs_nothing(tmp_path):
    text = written(tmp_path, CLASS)
    assert f'content="{POLICY}"' in text
    assert "<script" not in text and not re.search(r"""\b(src|href)=["']?(https?:|//)""", text)
    assert text.count("<svg") == 2  # the totals and the questions' levels, inline


@pytest.mark.parametrize(
    "language, expected, other",
    [
        ("es", ["Reporte del grupo: rnn_forward", "Estudiantes", "sin puntos", "3 de 4"], "Class report"),
        ("en", ["Class report: rnn_forward", "Students", "no points", "3 of 4"], "Reporte del grupo"),
    ],
)
def test_report_is_in_the_language_of_the_release(tmp_path, language, expected, other):
    text = written(tmp_path, CLASS, language)
    for words in expected:
        assert words in text, words
    assert other not in text and f'<html lang="{language}">' in text


def test_report_of_a_batch_with_nothing_graded_still_says_what_happened(tmp_path):
    page = Page(text := written(tmp_path, [not_gradable("roto.ipynb", "el archivo .zip está dañado")]))
    assert "Ninguna entrega se pudo calificar." in text and "<svg" not in text
    assert page.cards == {"submissions": "1", "graded": "0", "not-gradable": "1"}


def stored(gradebook: Path, outcomes, assignment_manifest: dict) -> None:
    """The store that `rnngrade grade` keeps beside gradebook, holding outcomes."""
    store = Store(store_path(gradebook), assignment_manifest["assignment"])
    for i, outcome in enumerate(outcomes):
        store.put(f"hash-{i}", "zip", outcome)
    store.manifest = assignment_manifest
    store.close()


def gradebook_of(folder: Path, outcomes) -> Path:
    """A gradebook of manifest()'s questions, written by the gradebook writer, its store beside it."""
    path = folder / "notas.csv"
    stored(path, outcomes, manifest())
    grade.write_gradebook(outcomes, list(manifest()["questions"]), path)
    return path


def test_main_reports_the_gradebook_rows_from_the_store_beside_it(tmp_path):
    formula = missing_bias("=1+1.ipynb")  # kept as "'=1+1.ipynb" in the gradebook
    gradebook = gradebook_of(tmp_path, [*CLASS, formula])
    assert "'=1+1.ipynb" in gradebook.read_text(encoding="utf-8")
    feedback.write(CLASS[1], manifest(), feedback.feedback_folder(gradebook), "beto.ipynb")

    path = report.main(gradebook=gradebook)

    assert path == tmp_path / "notas-report.html"
    page = Page(path.read_text(encoding="utf-8"))
    assert [cells[0] for _, cells in page.rows["grade"]] == [*(o.submission for o in CLASS), "=1+1.ipynb"]
    assert page.links.count("notas-feedback/beto.ipynb.html") == 2  # in the roster and beside the mistake
    assert (path.parent / "notas-feedback/beto.ipynb.html").is_file()


def test_main_writes_where_it_is_told(tmp_path):
    gradebook = gradebook_of(tmp_path, CLASS)
    assert (
        report.main(gradebook=gradebook, output=tmp_path / "otro" / "r.html") == tmp_path / "otro" / "r.html"
    )
    assert (tmp_path / "otro" / "r.html").is_file()


def bptt_manifest() -> dict:
    return {"assignment": "bptt", "language": "es", "questions": {f"q{i}": "" for i in range(1, 13)}}


@pytest.mark.parametrize(
    "situation, message",
    [
        ("no-gradebook", "no gradebook at"),
        ("no-store", "no grade store beside"),
        (
            "other-assignment",
            "holds the grades of 'bptt' (questions q1–q12), but notas.csv has the questions q1–q2",
        ),
        ("rows-not-stored", "has no grades for 1 of the 6 rows of notas.csv ('nueva.ipynb')"),
        ("not-a-gradebook", "is not a gradebook"),
        ("not-a-store", "is not a grade store"),
    ],
)
def test_main_refuses_what_it_cannot_use_in_one_line(tmp_path, situation, message):
    gradebook = tmp_path / "notas.csv"
    if situation == "no-store":
        grade.write_gradebook(CLASS, ["q1", "q2"], gradebook)
    elif situation == "other-assignment":
        stored(gradebook, CLASS, bptt_manifest())
        grade.write_gradebook(CLASS, ["q1", "q2"], gradebook)
    elif situation == "rows-not-stored":
        stored(gradebook, CLASS, manifest())
        grade.write_gradebook([*CLASS, full_marks("nueva.ipynb")], ["q1", "q2"], gradebook)
    elif situation == "not-a-gradebook":
        stored(gradebook, CLASS, manifest())
        gradebook.write_text("nombre,calificación\nana,10\n", encoding="utf-8")
    elif situation == "not-a-store":
        grade.write_gradebook(CLASS, ["q1", "q2"], gradebook)
        store_path(gradebook).write_text("no soy una base de datos", encoding="utf-8")
    with pytest.raises(ValueError) as refused:
        report.main(gradebook=gradebook)
    assert message in str(refused.value) and "\n" not in str(refused.value)
    assert not (tmp_path / "notas-report.html").exists()


# ---- a real batch, in a real browser --------------------------------------------------------

needs_chromium = pytest.mark.skipif(
    not chromium.CHROMIUM.is_file(), reason=f"no {chromium.CHROMIUM}: apt-get install chromium (see .ci/run)"
)
# a name a spreadsheet would run, that HTML would read as markup
HOSTILE_FILE = "=dani <img src=x onerror=alert(1)>.ipynb"


@pytest.fixture(scope="module")
def real_batch(builds, tmp_path_factory):
    """rnn_forward graded by `rnngrade grade`: the reference, four submissions with catalogued
    mistakes that have FEEDBACK phrases (two with the same), the skeleton and a broken file;
    each student's feedback written; the report of the gradebook. (outcomes, report's path)"""
    build = builds["rnn_forward"]
    root = tmp_path_factory.mktemp("report")
    folder = root / "entregas"
    folder.mkdir()
    catalogue = {p.stem: p for p in build.assignment.catalogue("mistakes")}
    for name, mistake in [
        ("Ana López.ipynb", None),
        ("beto.ipynb", "cell_missing_ba"),
        ("carla.ipynb", "softmax_axis_1"),
        (HOSTILE_FILE, "cell_no_recurrent_term"),
        ("eva.ipynb", "cell_missing_ba"),
    ]:
        sources = [build.assignment.solution_path] + ([catalogue[mistake]] if mistake else [])
        nbformat.write(fill(render(build.assignment), sources), folder / name)
    shutil.copyfile(build.student / build.assignment.notebook_name, folder / "vacío.ipynb")
    (folder / "roto.ipynb").write_text('{"cells": [', encoding="utf-8")
    gradebook = root / "notas.csv"
    outcomes = grade.main(
        assignment="rnn_forward",
        submissions=folder,
        output=gradebook,
        autograder=build.autograder_zip,
        jobs=4,
    )
    with zipfile.ZipFile(build.autograder_zip) as archive:
        release = json.loads(archive.read("rnngrade.json"))
    names = feedback.safe_names([o.submission for o in outcomes])
    for outcome in outcomes:
        feedback.write(outcome, release, feedback.feedback_folder(gradebook), names[outcome.submission])
    return outcomes, report.main(gradebook=gradebook)


@pytest.fixture(scope="module")
def seen(real_batch, tmp_path_factory) -> chromium.Look:
    return chromium.look(real_batch[1], tmp_path_factory.mktemp("chromium"))


@pytest.mark.slow
@needs_chromium
def test_report_page_loads_in_chromium_without_console_errors(seen):
    assert seen.problems == []


@pytest.mark.slow
@needs_chromium
def test_report_page_figures_render_in_chromium(seen):
    assert len(seen.figures) == 2  # the totals' histogram and the questions' score levels
    for figure in seen.figures:
        assert figure["width"] > 400 and figure["height"] > 150 and figure["shapes"] > 10, figure
        pixels = seen.pixels(figure)
        drawn = np.any(np.abs(pixels - 1.0) > 0.1, axis=-1).mean()  # share of pixels not white
        colours = len(np.unique((pixels * 255).astype(np.uint8).reshape(-1, 3), axis=0))
        assert drawn > 0.05 and colours > 20, (figure, drawn, colours)


@pytest.mark.slow
@needs_chromium
def test_report_page_counts_in_chromium_are_those_of_the_outcomes(real_batch, seen):
    outcomes, path = real_batch
    page = Page(seen.dom)
    graded_ = [o for o in outcomes if o.status == "graded"]
    assert page.cards["submissions"] == str(len(outcomes)) == "7"
    assert page.cards["graded"] == str(len(graded_)) == "6"
    assert page.cards["not-gradable"] == "1"
    assert shown(page) == {key: len(students) for key, students in held(outcomes).items()}
    assert [cells[0] for _, cells in page.rows["not-gradable"]] == ["roto.ipynb"]
    assert sorted(cells[0] for _, cells in page.rows["grade"]) == sorted(o.submission for o in outcomes)
    assert HOSTILE_FILE in [cells[0] for _, cells in page.rows["grade"]]  # shown as text, "=" and all
    assert len([cells for _, cells in page.rows["grade"] if cells[-1]]) == len(outcomes)  # each linked
    assert all((path.parent / unquote(link)).is_file() for link in page.links)  # as a browser reads it


@pytest.mark.slow
def test_real_batch_carries_the_mistakes_its_hidden_tests_recognise(real_batch):
    found = held(real_batch[0])
    assert found.get(("q1", "softmax sobre el eje equivocado")) == {"carla.ipynb"}
    assert found.get(("q3", "falta el sesgo")) == {"beto.ipynb", "eva.ipynb"}
    assert found.get(("q3", "no usa a_prev")) == {HOSTILE_FILE}
