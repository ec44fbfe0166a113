"""Feedback worth sending: one Markdown and one HTML file per student, in the release's language.

What a file says (`contents`): the total; the points of each question with the function it
grades; for each question that lost points, what engine.explain tells of it (the same as
Gradescope's results.json): the message of every failed public check, the hidden checks by name
and pass or fail (never their message: it can quote a hidden input's expected output), the
common mistakes the failures show and the question's hint; why the submission scored nothing or
could not be graded; the errors its cells raised.

`rnngrade grade` writes them into `feedback_folder(gradebook)`, named by `safe_names`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .engine.explain import as_markdown as markdown_list
from .engine.explain import explain, hidden_line
from .engine.outcome import ERROR, Outcome, Question
from .page import document, inline, language_of, markdown, points, wording

MAX_CHARACTERS = 120
# A safe name's UTF-8 bytes: with a collision tag (9) and ".html" (5) a file name stays well
# within the 255 bytes that Linux, macOS and Windows allow.
MAX_BYTES = 200
MAX_EXTENSION = 16  # a longer ".something" is not an extension, just part of the name
KEPT = "._-"
# Names Windows will not open as files, whatever their extension.
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def _split(name: str) -> tuple[str, str]:
    """name -> (stem, extension): "ana.ipynb" -> ("ana", ".ipynb"); no extension -> (name, "")."""
    dot = name.rfind(".")
    if dot > 0 and 1 < len(name) - dot <= MAX_EXTENSION:
        return name[:dot], name[dot:]
    return name, ""


def _fits(name: str) -> bool:
    return len(name) <= MAX_CHARACTERS and len(name.encode("utf-8")) <= MAX_BYTES


def _join(stem: str, extension: str) -> str:
    """stem + extension, the stem shortened until the whole fits the limits."""
    while stem and not _fits(stem + extension):
        stem = stem[:-1]
    return (stem or "_") + extension


def safe_name(submission: str) -> str:
    """A file-name-safe form of a submission's identifier ("ana.ipynb", a folder "Ana López").

    Letters and digits of any script (accents included), ".", "-" and "_" are kept, anything
    else (a slash, a space, a control character) becomes "_"; it never starts with "." or "-"
    (nor with = + @, which are replaced), is never empty or a name Windows reserves, and has
    at most MAX_CHARACTERS characters and MAX_BYTES bytes, the extension kept: "ana.ipynb"
    and "ana.zip" stay apart. Distinct identifiers may still meet: see safe_names.
    """
    text = unicodedata.normalize("NFC", submission)  # "o" + combining accent -> "ó", one letter
    name = "".join(c if c.isalnum() or c in KEPT else "_" for c in text)
    if name[:1] in (".", "-"):
        name = "_" + name[1:]
    stem, extension = _split(name or "_")
    if stem.split(".")[0].upper() in RESERVED:
        stem = "_" + stem
    return _join(stem, extension)


def _tagged(name: str, submission: str, digits: int) -> str:
    """name with a short hash of submission before its extension: "ana_.ipynb" -> "ana_-1f0c2a9b.ipynb"."""
    stem, extension = _split(name)
    tag = "-" + hashlib.sha256(submission.encode("utf-8", "surrogatepass")).hexdigest()[:digits]
    while len(stem) > 1 and not _fits(stem + tag + extension):
        stem = stem[:-1]
    return stem + tag + extension


def safe_names(submissions: list[str]) -> dict[str, str]:
    """Submission -> its file name: safe_name, distinct for distinct submissions.

    Submissions whose safe names meet (compared without case, as macOS and Windows compare
    file names) each get a short hash of their identifier before the extension, so that
    "ana/1.ipynb" and "ana 1.ipynb" become "ana_1-….ipynb" and "ana_1-….ipynb", two files.
    """
    plain = {s: safe_name(s) for s in dict.fromkeys(submissions)}
    meetings = Counter(name.casefold() for name in plain.values())
    taken = {name.casefold() for name in plain.values() if meetings[name.casefold()] == 1}
    chosen: dict[str, str] = {}
    for submission, name in plain.items():
        if meetings[name.casefold()] > 1:
            digits = 8
            name = _tagged(name, submission, digits)
            while name.casefold() in taken and digits < 64:  # a hash prefix that meets, or a name
                digits += 8
                name = _tagged(plain[submission], submission, digits)
            taken.add(name.casefold())
        chosen[submission] = name
    return chosen


def feedback_folder(gradebook: str | Path) -> Path:
    """Where the feedback files of a gradebook go: notas.csv -> notas-feedback/."""
    gradebook = Path(gradebook)
    return gradebook.parent / f"{gradebook.stem}-feedback"


@dataclasses.dataclass(frozen=True)
class Section:
    """A question that lost points, and what to tell about it (plain text, not yet escaped)."""

    heading: str
    failures: tuple[str, ...]  # the failed public checks' messages, each once
    hidden: str  # how many hidden cases failed, and each by name with ✔ or ✘; "" if none
    mistakes: tuple[str, ...]  # "Common mistake: ...", each once
    hint: str


@dataclasses.dataclass(frozen=True)
class Contents:
    """What one feedback file says, before it is written as Markdown or as HTML."""

    language: str
    title: str
    submission: str
    total: str
    notes: tuple[str, ...]  # why it could not be graded or scored nothing
    heading_scores: str
    columns: tuple[str, str, str]
    scores: tuple[tuple[str, str, str, bool], ...]  # question, function, "4 / 5.5", lost points
    heading_details: str
    sections: tuple[Section, ...]
    all_passed: str  # said when no question lost points
    heading_cell_errors: str
    cell_errors: tuple[str, ...]


def _label(question: str, function: str) -> str:
    return f"{question} · `{function}`" if function else question


def _section(question: Question, manifest: Mapping[str, Any], say: Callable[..., str]) -> Section:
    """What the file says of a question that lost points: engine.explain's Explanation, the same
    that Gradescope's results.json shows."""
    explanation = explain(question, manifest)
    hidden = explanation.part(hidden=True)
    return Section(
        heading=say(
            "feedback_question",
            question=_label(question.name, manifest.get("questions", {}).get(question.name, "")),
            score=points(question.score),
            possible=points(question.possible),
        ),
        failures=explanation.failures,
        hidden=hidden_line(hidden, say) if hidden is not None else "",
        mistakes=tuple(say("feedback_mistake", mistake=m) for m in explanation.mistakes),
        hint=explanation.hint,
    )


def contents(outcome: Outcome, manifest: Mapping[str, Any]) -> Contents:
    """What the feedback file of outcome says, in the language of the release's manifest."""
    language = language_of(manifest)
    say = wording(language)
    functions: Mapping[str, str] = manifest.get("questions", {})
    notes = []
    if outcome.status == ERROR:
        notes.append(say("feedback_not_graded", reason=outcome.reason))
    elif outcome.reason:
        notes.append(say("feedback_reason", reason=outcome.reason))
    # an outcome that could not be graded has no cases: its note says it all
    lost = [] if outcome.status == ERROR else [q for q in outcome.questions.values() if q.score < q.possible]
    return Contents(
        language=language,
        title=say("feedback_title", assignment=manifest.get("assignment", "")),
        submission=say("feedback_submission", submission=outcome.submission),
        total=say("feedback_total", score=points(outcome.total), possible=points(outcome.total_possible)),
        notes=tuple(notes),
        heading_scores=say("feedback_scores"),
        columns=(say("column_question"), say("column_function"), say("column_points")),
        scores=tuple(
            (
                q.name,
                functions.get(q.name, ""),
                f"{points(q.score)} / {points(q.possible)}",
                q.score < q.possible,
            )
            for q in outcome.questions.values()
        ),
        heading_details=say("feedback_details"),
        sections=tuple(_section(q, manifest, say) for q in lost),
        all_passed=say("feedback_all_passed") if outcome.status != ERROR and not lost else "",
        heading_cell_errors=say("feedback_cell_errors"),
        cell_errors=outcome.cell_errors,
    )


def as_markdown(text: Contents) -> str:
    """The feedback as Markdown; every piece of outcome text escaped (page.markdown)."""
    lines = [f"# {markdown(text.title)}", "", f"**{markdown(text.submission)}**", ""]
    lines += [f"**{markdown(text.total)}**", ""]
    lines += [f"> {markdown(note)}\n" for note in text.notes]
    lines += [
        f"## {markdown(text.heading_scores)}",
        "",
        "| {} | {} | {} |".format(*map(markdown, text.columns)),
    ]
    lines.append("|---|---|---:|")
    lines += [
        f"| {markdown(q)} | {f'`{f}`' if f else '—'} | {'**' + s + '**' if lost else s} |"
        for q, f, s, lost in text.scores
    ]
    lines.append("")
    if text.sections or text.all_passed:
        lines += [f"## {markdown(text.heading_details)}", ""]
    if text.all_passed:
        lines += [markdown(text.all_passed), ""]
    for section in text.sections:
        lines += [f"### {markdown(section.heading)}", ""]
        items = [*section.failures, *([section.hidden] if section.hidden else []), *section.mistakes]
        lines += [markdown_list(items, section.hint), ""]
    if text.cell_errors:
        lines += [f"## {markdown(text.heading_cell_errors)}", ""]
        lines += [f"- {markdown(error)}" for error in text.cell_errors]
        lines.append("")
    return "\n".join(lines)


def as_html(text: Contents) -> str:
    """The feedback as one self-contained HTML page; every piece of outcome text escaped."""
    body = [
        f"<h1>{inline(text.title)}</h1>",
        f'<p class="lead">{inline(text.submission)}</p>',
        f'<p class="total">{inline(text.total)}</p>',
        *(f'<p class="box bad">{inline(note)}</p>' for note in text.notes),
        f"<h2>{inline(text.heading_scores)}</h2>",
        "<table>",
        "<tr><th>{}</th><th>{}</th><th class='num'>{}</th></tr>".format(*map(inline, text.columns)),
        *(
            f"<tr><td>{inline(q)}</td><td>{f'<code>{inline(f)}</code>' if f else '—'}</td>"
            f"<td class='num{' lost' if lost else ''}'>{inline(s)}</td></tr>"
            for q, f, s, lost in text.scores
        ),
        "</table>",
    ]
    if text.sections or text.all_passed:
        body.append(f"<h2>{inline(text.heading_details)}</h2>")
    if text.all_passed:
        body.append(f'<p class="box">{inline(text.all_passed)}</p>')
    for section in text.sections:
        body.append(f"<h3>{inline(section.heading)}</h3>")
        items = [f"<li>{inline(m)}</li>" for m in section.failures]
        if section.hidden:
            items.append(f'<li class="hidden">{inline(section.hidden)}</li>')
        if items:
            body.append('<ul class="failures">' + "".join(items) + "</ul>")
        body += [f'<p class="box bad">{inline(m)}</p>' for m in section.mistakes]
        if section.hint:
            body.append(f'<p class="box hint">{inline(section.hint)}</p>')
    if text.cell_errors:
        body.append(f"<h2>{inline(text.heading_cell_errors)}</h2>")
        body.append('<ul class="failures">' + "".join(f"<li>{inline(e)}</li>" for e in text.cell_errors))
        body.append("</ul>")
    return document(title=f"{text.title} · {text.submission}", body="\n".join(body), language=text.language)


def write(outcome: Outcome, manifest: Mapping[str, Any], folder: str | Path, name: str) -> list[Path]:
    """Write <name>.md and <name>.html, the feedback of outcome, into folder; their paths.

    manifest -- the autograder's (language, questions' functions, hints); Store.manifest
    name -- a safe name (safe_name, or safe_names for a whole batch); ValueError otherwise
    """
    if not name or safe_name(name) != name:
        raise ValueError(f"{name!r} is not a safe file name: make it with safe_name or safe_names")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    text = contents(outcome, manifest)
    written = []
    for extension, render in ((".md", as_markdown), (".html", as_html)):
        path = folder / f"{name}{extension}"
        path.write_text(render(text), encoding="utf-8")
        written.append(path)
    return written
