"""Gradescope's run_autograder: the submission in /autograder/submission, graded by the same
engine as `rnngrade grade`, into /autograder/results/results.json.

The submission folder is graded as one student's folder (engine.submission.choose): only the
notebook is graded (or the single .ipynb inside an uploaded .zip, or a .py); any other file
the student uploads beside it (a `rnncheck/`, `tests/`, `numpy.py`) is never read,
copied or put on a path. The tests and answers in /autograder/source are made readable by
root only before anything of the student's runs.

results.json (Gradescope's documented format) says what the feedback file says
(engine.explain): per question a test named for the question and its function, visible, with
the public cases; and one for its hidden cases, shown once the grades are published, by name
and pass or fail, never their messages. It is written whatever happens: when the engine
cannot start (a package missing from the zip's environment, a sandbox server that dies),
every question gets a test at 0 whose output holds the real exception.

This module imports only the standard library until it grades, so that it can still write
results.json when numpy, otter or rnncheck cannot be imported.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

MANIFEST = "rnngrade.json"


def results(
    outcome: Any, manifest: Mapping[str, Any], say: Callable[..., str], seconds: float | None = None
) -> dict[str, Any]:
    """Gradescope's results.json of an engine.outcome.Outcome, in Markdown ("md").

    Per question: "q3 · rnn_cell_forward", visible, the messages of its public cases that failed
    and the mistakes they show; "q3 · rnn_cell_forward (hidden tests)", after publication, its
    hidden cases by name with ✔ or ✘ and the mistakes they show; the hint goes with the first
    of the two that lost points. An outcome with no cases (not graded, or it stopped its own
    grading) gives each question one test at 0 that says why. The submission's reason and its
    cells' errors are the top-level output.
    """
    from .explain import as_markdown, explain, items, label, markdown
    from .outcome import ERROR

    functions: Mapping[str, str] = manifest.get("questions", {})
    why = ""
    if outcome.status == ERROR:
        why = markdown(say("feedback_not_graded", reason=outcome.reason))
    elif outcome.reason:
        why = markdown(say("feedback_reason", reason=outcome.reason))
    tests = []
    for question in outcome.questions.values():
        explanation = explain(question, manifest)
        if not explanation.parts:  # not graded, or it stopped its own grading: the reason says why
            tests.append(
                _test(label(question.name, functions.get(question.name, "")), 0.0, question.possible, why)
            )
            continue
        for part in explanation.parts:
            name = explanation.label
            if part.hidden:
                name = f"{name} ({say('hidden_tests')})"
            lines = items(part, say)
            hint = explanation.hint if explanation.hint_part is part else ""
            test = _test(name, part.score, part.possible, as_markdown(lines, hint))
            test["visibility"] = "after_published" if part.hidden else "visible"
            tests.append(test)
    output = [why] if why else []
    if outcome.cell_errors:
        errors = "\n".join(f"- {markdown(error)}" for error in outcome.cell_errors)
        output.append(f"**{markdown(say('feedback_cell_errors'))}**\n\n{errors}")
    payload: dict[str, Any] = {
        "score": sum(t["score"] for t in tests),
        "output": "\n\n".join(output),
        "output_format": "md",
        "test_output_format": "md",
        "stdout_visibility": "hidden",
        "tests": tests,
    }
    if seconds is not None:
        payload["execution_time"] = max(0, round(seconds))
    return payload


def _test(name: str, score: float, possible: float, output: str) -> dict[str, Any]:
    return {
        "name": name,
        "score": score,
        "max_score": possible,
        "status": "passed" if score >= possible else "failed",
        "output": output,
        "output_format": "md",
        "visibility": "visible",
    }


def main(root: str | Path = "/autograder") -> None:
    """Grade /autograder/submission into /autograder/results/results.json, whatever happens."""
    root = Path(root)
    source = root / "source"
    results_file = root / "results" / "results.json"
    results_file.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        os.chmod(source, 0o700)
        payload = _grade(root)
    except BaseException as error:  # noqa: BLE001 - results.json is written whatever happens
        traceback.print_exc()
        payload = not_started(source, error, time.monotonic() - started)
    else:
        payload["execution_time"] = max(0, round(time.monotonic() - started))
    results_file.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")


def _grade(root: Path) -> dict[str, Any]:
    from rnncheck import say

    from .batch import Options, grade_all
    from .grading import Autograder

    source = root / "source"
    autograder = Autograder(source)
    outcome = grade_all(
        source,
        [(autograder.manifest["notebook"], root / "submission")],  # one student's folder
        Options(jobs=1),
        on_sandbox=lambda missing: print("sandbox:", missing, file=sys.stderr),
    )[0]
    return results(outcome, autograder.manifest, say)


def not_started(source: Path, error: BaseException, seconds: float) -> dict[str, Any]:
    """results.json when the engine cannot grade at all: every question at 0 (its points from
    rnngrade.json), and why, with the exception that stopped it ("ModuleNotFoundError: No
    module named 'matplotlib'")."""
    from .outcome import zero
    from .text import clean

    manifest: dict[str, Any] = {}
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    say = _wording(source, str(manifest.get("language", "es")))
    kind = type(error).__name__
    # the engine's own InfrastructureError says it all ("the sandbox server ended (exit code 1):
    # ModuleNotFoundError: ..."); any other exception is named
    detail = clean(str(error) if kind == "InfrastructureError" else f"{kind}: {error}".rstrip(": "), 1000)
    points = {str(q): float(p) for q, p in (manifest.get("points") or {}).items()}
    outcome = zero("", points, say("engine_infrastructure", detail=detail))
    return results(outcome, manifest, say, seconds)


def _wording(source: Path, language: str) -> Callable[..., str]:
    """say(key, **values) from the zip's rnncheck/messages.py alone (it imports nothing but the
    standard library, where rnncheck's package imports numpy); English words if it is gone."""
    try:
        spec = importlib.util.spec_from_file_location(
            "_rnngrade_messages", source / "files" / "rnncheck" / "messages.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        messages = module.MESSAGES.get(language, module.MESSAGES["es"])
    except Exception:  # noqa: BLE001 - the zip itself is broken: say it plainly
        messages = {
            "engine_infrastructure": "the grading environment could not start ({detail})",
            "feedback_not_graded": "Your submission could not be graded: {reason}.",
        }

    def say(key: str, **values: Any) -> str:
        return str(messages[key]).format(**values)

    return say
