"""What a student is told about one question, wherever it is shown: the feedback files
(autograder.feedback) and Gradescope's results.json (engine.gradescope) are both made from
`explain`, so that they say the same thing.

    public cases   the message of each one that failed
    hidden cases   their names, whether each passed, and the catalogued mistake a failure shows;
                   never their messages (a message can quote a hidden input or the output it
                   expects), before or after the grades are published
    the hint       of a question that lost points

Every piece of text here came from a submission's grading (messages quote what a student's
function returned): `markdown` makes it safe to show as Markdown, after engine.text.clean.
The engine ships alone in the autograder zip, so this module imports nothing of the kit.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from typing import Any

from .outcome import Case, Question
from .text import clean

MAX_MESSAGE = 2000  # characters of one message, as shown

# `code` in a message, as the tests write function names: one line, no backtick inside, no
# space at either end (Markdown would drop it)
CODE = re.compile(r"`([^`\s](?:[^`\n]*[^`\s])?)`")
# What Markdown could read as markup outside code spans: HTML and autolinks (<), entities (&),
# links ([ ]), emphasis (*), tables (|), escapes (\\) and code (`). Underscores are left alone:
# inside a word (a_prev) they are never emphasis; so is ">", which quotes only at a line's start.
MARKDOWN_MARKUP = re.compile(r"([\\`*\[\]<&|])")


def one_line(text: str) -> str:
    """text on one line, its control and format characters dropped, its spaces collapsed."""
    return " ".join(clean(text, MAX_MESSAGE).split())


def markdown(text: str) -> str:
    """text as one line of Markdown that shows exactly text: its `code` spans kept, and
    anything else that Markdown would take for HTML, a link or emphasis escaped."""
    pieces = CODE.split(one_line(text))  # even: plain text, odd: the inside of a code span
    return "".join(
        f"`{piece}`" if i % 2 else MARKDOWN_MARKUP.sub(r"\\\1", piece) for i, piece in enumerate(pieces)
    )


@dataclasses.dataclass(frozen=True)
class Part:
    """The public or the hidden cases of a question, as a student is told of them (plain text).

    failures -- public: the messages of the cases that failed, each once; hidden: always ()
    cases -- hidden: (name, passed) of each case, in order; public: always ()
    mistakes -- the catalogued mistakes the failed cases show, each once
    """

    hidden: bool
    score: float
    possible: float
    failures: tuple[str, ...]
    cases: tuple[tuple[str, bool], ...]
    mistakes: tuple[str, ...]

    @property
    def lost(self) -> bool:
        return (
            any(not passed for _, passed in self.cases) or bool(self.failures) or self.score < self.possible
        )


def _part(cases: list[Case], hidden: bool) -> Part:
    failed = [c for c in cases if not c.passed]
    return Part(
        hidden=hidden,
        score=sum(c.points for c in cases if c.passed),
        possible=sum(c.points for c in cases),
        failures=()
        if hidden
        else tuple(dict.fromkeys(one_line(c.message) for c in failed if c.message.strip())),
        cases=tuple((one_line(c.name), c.passed) for c in cases) if hidden else (),
        mistakes=tuple(dict.fromkeys(one_line(c.mistake) for c in failed if c.mistake.strip())),
    )


@dataclasses.dataclass(frozen=True)
class Explanation:
    """One question, as a student is told of it.

    label -- "q3 · rnn_cell_forward": the question and the function it grades
    parts -- the public cases' Part, then the hidden cases'; a kind with no case is left out
    hint -- the question's hint (the one its notebook cell gives) when it lost points, else ''
    """

    question: str
    label: str
    score: float
    possible: float
    parts: tuple[Part, ...]
    hint: str

    def part(self, hidden: bool) -> Part | None:
        return next((p for p in self.parts if p.hidden == hidden), None)

    @property
    def failures(self) -> tuple[str, ...]:
        public = self.part(hidden=False)
        return public.failures if public else ()

    @property
    def mistakes(self) -> tuple[str, ...]:
        """The mistakes every part shows, each once."""
        return tuple(dict.fromkeys(m for p in self.parts for m in p.mistakes))

    @property
    def hint_part(self) -> Part | None:
        """Where the hint is told: with the public cases when they lost points, else with the
        hidden ones (a public part that passed gives away nothing of the hidden cases)."""
        public, hidden = self.part(hidden=False), self.part(hidden=True)
        if not self.hint:
            return None
        if public is not None and public.lost:
            return public
        return hidden if hidden is not None and hidden.lost else None


def label(question: str, function: str) -> str:
    """ "q3 · rnn_cell_forward", or "q3" for a question that grades no one function."""
    return f"{question} · {function}" if function else question


def explain(question: Question, manifest: Mapping[str, Any]) -> Explanation:
    """What a student is told about question; manifest -- the autograder's rnngrade.json (its
    "questions": question -> function, and "hints": question -> hint)."""
    function = str(manifest.get("questions", {}).get(question.name, "") or "")
    parts = tuple(
        _part(cases, hidden)
        for hidden in (False, True)
        if (cases := [c for c in question.cases if c.hidden == hidden])
    )
    lost = question.score < question.possible
    hint = str(manifest.get("hints", {}).get(question.name, "") or "") if lost else ""
    return Explanation(
        question=question.name,
        label=label(question.name, function),
        score=question.score,
        possible=question.possible,
        parts=parts,
        hint=clean(hint, MAX_MESSAGE).strip(),
    )


def hidden_line(part: Part, say: Callable[..., str]) -> str:
    """What a student reads of a question's hidden cases: how many failed, and each by name with
    ✔ or ✘ ("A hidden test failed. Hidden tests: q3 - 8 ✘, q3 - 9 ✔.")."""
    failed = sum(not passed for _, passed in part.cases)
    listed = say("explain_hidden_cases", cases=", ".join(f"{n} {'✔' if ok else '✘'}" for n, ok in part.cases))
    if failed == 0:
        return listed
    count = say("feedback_hidden_failed") if failed == 1 else say("feedback_hidden_failed_many", count=failed)
    return f"{count} {listed}"


def items(part: Part, say: Callable[..., str]) -> list[str]:
    """A part's lines, in plain text: the failed public cases' messages, or the hidden cases'
    line; then the mistakes ("Common mistake: ...")."""
    lines = list(part.failures)
    if part.hidden:
        lines.append(hidden_line(part, say))
    return lines + [say("feedback_mistake", mistake=m) for m in part.mistakes]


def as_markdown(lines: list[str], hint: str) -> str:
    """Lines as a Markdown list, the hint quoted below them; every piece escaped."""
    text = [f"- {markdown(line)}" for line in lines]
    if hint:
        text += ["", f"> {markdown(hint)}"] if text else [f"> {markdown(hint)}"]
    return "\n".join(text)
