"""`rnngrade`: a thin command line over the library; each command forwards to one main()."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import assignment as assignments
from . import audit as audit_module
from . import build as build_module
from . import check as check_module
from . import grade as grade_module
from . import report as report_module
from . import samples as samples_module
from .engine.process import InfrastructureError
from .store import StoreError

LANGUAGE = click.option(
    "--lang",
    "language",
    type=click.Choice(assignments.LANGUAGES),
    default="es",
    show_default=True,
    help="Language of the notebooks and the feedback.",
)


@click.group()
def main() -> None:
    """Build, check and grade the RNN course assignments."""


@main.command()
@click.option("--out", default=str(build_module.DIST), show_default=True, type=click.Path(file_okay=False))
@LANGUAGE
@click.option("--only", multiple=True, help="Build only this assignment (repeatable).")
@click.option(
    "--seed",
    type=click.IntRange(0, 2**32 - 1),
    default=None,
    help="Seed of the hidden test inputs (default: a fresh one, printed and kept in the zip).",
)
def build(out: str, language: str, only: tuple[str, ...], seed: int | None) -> None:
    """Student releases and one otter autograder zip per assignment."""
    done = build_module.main(out=out, language=language, only=list(only) or None, seed=seed)
    for one in done:
        click.echo(f"{one.assignment.name}: {one.student}/  {one.autograder_zip}")
    if done:
        click.echo(f"seed of the hidden test inputs: {done[0].seed}")


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--assignment", default=None, help="Needed only when the file does not say it.")
@click.option(
    "--lang",
    "language",
    type=click.Choice(assignments.LANGUAGES),
    default=None,
    help="Language of the messages (default: the notebook's own, else es).",
)
def check(path: str, assignment: str | None, language: str | None) -> None:
    """Public tests of every question of a notebook or .py file, one line each, graded in the
    grading sandbox (it refuses to run where this machine has none)."""
    try:
        results = check_module.main(path=path, assignment=assignment, language=language)
    except (ValueError, FileNotFoundError) as error:
        raise click.ClickException(str(error)) from None
    for result in results:
        click.echo(result.line())
    scored, possible = sum(r.score for r in results), sum(r.possible for r in results)
    click.echo(f"{'total':<27} {scored:g}/{possible:g}")


class BadInput(click.ClickException):
    """Input a command cannot use: one line, exit status 2, nothing written."""

    exit_code = 2


@main.command()
@click.argument("assignment", type=click.Choice(assignments.names()))
@click.argument("submissions", type=click.Path(exists=True, file_okay=False, readable=True))
@click.option("-o", "--output", default="gradebook.csv", show_default=True, type=click.Path(dir_okay=False))
@click.option(
    "--autograder",
    default=None,
    type=click.Path(exists=True, dir_okay=False),
    help="The otter zip (default: dist/autograder/<assignment>-autograder.zip).",
)
@click.option(
    "--timeout", default=grade_module.DEFAULT_TIMEOUT, show_default=True, help="Seconds per submission."
)
@click.option(
    "--memory", default=grade_module.DEFAULT_MEMORY, show_default=True, help="MiB of memory per submission."
)
@click.option("--jobs", type=int, default=None, help="Submissions graded at once (default: one per core).")
@click.option("--fresh", is_flag=True, help="Grade everything again, even what an earlier run graded.")
def grade(
    assignment: str,
    submissions: str,
    output: str,
    autograder: str | None,
    timeout: float,
    memory: int,
    jobs: int | None,
    fresh: bool,
) -> None:
    """Grade a folder of submissions (.ipynb/.zip/.py files, or one folder per student) into a
    gradebook CSV, feedback files and a summary; a run stopped midway resumes where it stopped."""
    try:
        rows = grade_module.main(
            assignment=assignment,
            submissions=submissions,
            output=output,
            autograder=autograder,
            timeout=timeout,
            memory=memory,
            jobs=jobs,
            fresh=fresh,
        )
    except (ValueError, StoreError) as error:
        raise BadInput(str(error)) from None
    except InfrastructureError as error:
        raise click.ClickException(str(error)) from None
    questions = list(assignments.load(assignment).questions)
    click.echo(grade_module.table(rows, questions))
    if rows:
        click.echo("\n" + grade_module.summary(rows, questions))
    click.echo(f"\n{output}\n{report_module.report_path(Path(output))}")


@main.command()
@click.argument("gradebook", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", default=None, type=click.Path(dir_okay=False), help="Default: <gradebook>-report.html."
)
def report(gradebook: str, output: str | None) -> None:
    """The class report of a gradebook: distributions, full marks, the class's misconceptions."""
    try:
        path = report_module.main(gradebook=gradebook, output=output)
    except ValueError as error:
        raise BadInput(str(error)) from None
    click.echo(path)


@main.command()
@click.argument("assignment", required=False, type=click.Choice(assignments.names()))
@click.option("--jobs", type=int, default=None, help="Submissions graded at once (default: one per core).")
@click.option("--seed", type=int, default=None, help="Seed of the hidden test inputs (default: a fresh one).")
def audit(assignment: str | None, jobs: int | None, seed: int | None) -> None:
    """Grade the catalogues of mistakes and correct versions; exit 1 if any verdict fails."""
    verdicts = audit_module.main(assignment=assignment, jobs=jobs, seed=seed)
    for verdict in verdicts:
        click.echo(verdict.line())
    failed = [v for v in verdicts if not v.ok]
    click.echo(f"{len(verdicts) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--out", default=str(build_module.DIST), show_default=True, type=click.Path(file_okay=False))
@LANGUAGE
def demo(out: str, language: str) -> None:
    """Build everything, write sample submissions and grade them into gradebooks."""
    for done in build_module.main(out=out, language=language):
        name = done.assignment.name
        folder = Path(out) / "samples" / name
        samples_module.write(done.assignment, folder, language)
        gradebook = Path(out) / f"gradebook-{name}.csv"
        rows = grade_module.main(
            assignment=name, submissions=folder, output=gradebook, autograder=done.autograder_zip
        )
        questions = list(done.assignment.questions)
        click.echo(f"\n== {name} ==  ({gradebook})")
        click.echo(grade_module.table(rows, questions))
        click.echo(grade_module.summary(rows, questions))
        click.echo(f"class report: {report_module.report_path(gradebook)}")
