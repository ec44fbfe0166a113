"""`rnngrade`: a thin command line over the library; each command forwards to one main().

Every command takes its output as `-o/--out` (a folder for build and demo, a file for grade
and report; `--output` still works, unlisted). Bad values are refused by the option's type
(exit status 2, click's usage message); an unknown assignment, or input a command cannot use,
is one line and exit status 2; Ctrl-C is one line and exit status 130.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import click

from rnncheck.messages import MESSAGES

from . import assignment as assignments
from . import audit as audit_module
from . import build as build_module
from . import check as check_module
from . import grade as grade_module
from . import report as report_module
from . import samples as samples_module
from .engine.process import InfrastructureError
from .page import language_of
from .store import StoreError

INTERRUPTED = 130  # the shell's status for a command ended by SIGINT (128 + 2)
MIN_MEMORY = 512  # MiB: with less, numpy and the tests cannot load in a submission's process
SEED = click.IntRange(0, 2**32 - 1)
DAY = 24 * 3600


class Seconds(click.FloatRange):
    """A time limit in seconds: more than 0, at most a day, a number (nan passes a range)."""

    def __init__(self) -> None:
        super().__init__(0, DAY, min_open=True)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        seconds = super().convert(value, param, ctx)
        if not math.isfinite(seconds):
            self.fail(f"{value!r} is not a number of seconds.", param, ctx)
        return seconds


class BadInput(click.ClickException):
    """Input a command cannot use: one line, exit status 2, nothing written."""

    exit_code = 2


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class Known(click.Choice):
    """One of a list of names (of `what`); an unknown one is a BadInput line naming the known ones."""

    def __init__(self, names: list[str], what: str) -> None:
        super().__init__(names)
        self.what = what

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            known = ", ".join(map(str, self.choices))
            raise BadInput(f"unknown {self.what} {value!r}; known: {known}") from None


ASSIGNMENT = Known(assignments.names(), "assignment")


class Out(click.Option):
    """`-o/--out`, which also answers to the old spelling `--output`, left out of --help."""

    OLD = "--output"

    def __init__(self, param_decls: Any = None, **kwargs: Any) -> None:
        super().__init__(["-o", "--out", self.OLD, "out"], **kwargs)

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        shown, self.opts = self.opts, [name for name in self.opts if name != self.OLD]
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts = shown


def out_option(**kwargs: Any) -> Any:
    return click.option(cls=Out, show_default=True, **kwargs)


class Commands(click.Group):
    """The commands; Ctrl-C in any of them is one line on stderr and exit status 130 (`grade`
    says what it kept)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(INTERRUPTED)


JOBS = click.option(
    "--jobs", type=click.IntRange(1), default=None, help="Submissions graded at once (default: one per core)."
)
LANGUAGE = click.option(
    "--lang",
    "language",
    type=click.Choice(assignments.LANGUAGES),
    default="es",
    show_default=True,
    help="Language of the notebooks and the feedback.",
)


@click.group(cls=Commands)
@click.version_option(package_name="rnn-course-kit", prog_name="rnngrade")
def main() -> None:
    """Build, check and grade the RNN course assignments."""


@main.command()
@out_option(default=str(build_module.DIST), type=click.Path(file_okay=False), help="The folder to write.")
@click.option(
    "--lang",
    "languages",
    type=click.Choice(assignments.LANGUAGES),
    multiple=True,
    help="Language of the notebooks and the feedback (default es); repeat it to build several "
    "at once, each into OUT/<lang>/, with the same hidden inputs.",
)
@click.option("--only", multiple=True, type=ASSIGNMENT, help="Build only this assignment (repeatable).")
@click.option(
    "--seed",
    type=SEED,
    default=None,
    help="Seed of the hidden test inputs (default: a fresh one, printed and kept in the zip).",
)
def build(out: str, languages: tuple[str, ...], only: tuple[str, ...], seed: int | None) -> None:
    """Student releases and one otter autograder zip per assignment (and language)."""
    language = list(languages) if len(languages) > 1 else (languages or ("es",))[0]
    done = build_module.main(out=out, language=language, only=list(only) or None, seed=seed)
    for one in done:
        click.echo(f"{one.assignment.name}: {one.student}/  {one.autograder_zip}")
    if done:
        click.echo(f"seed of the hidden test inputs: {done[0].seed}")


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--assignment", type=ASSIGNMENT, default=None, help="Needed only when the file does not say it."
)
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
        results = check_module.main(
            path=path,
            assignment=assignment,
            language=language,
            on_progress=lambda line: click.echo(line, err=True),
        )
    except check_module.Refused as error:  # the machine, not the input: status 1
        raise click.ClickException(str(error)) from None
    except (ValueError, OSError) as error:
        raise BadInput(_first_line(error)) from None
    except InfrastructureError as error:
        raise click.ClickException(str(error)) from None
    for result in results:
        click.echo(result.line())
    scored, possible = sum(r.score for r in results), sum(r.possible for r in results)
    click.echo(f"{'total':<27} {scored:g}/{possible:g}")


CSV_FILE = click.Path(exists=True, dir_okay=False)
PERCENT = click.FloatRange(0, 100)


@main.command()
@click.argument("assignment", type=ASSIGNMENT)
@click.argument("submissions", type=click.Path(exists=True, file_okay=False, readable=True))
@out_option(default="gradebook.csv", type=click.Path(dir_okay=False), help="The gradebook to write.")
@click.option(
    "--autograder",
    default=None,
    type=click.Path(exists=True, dir_okay=False),
    help="The otter zip (default: dist/autograder/<assignment>-autograder.zip).",
)
@click.option(
    "--timeout",
    type=Seconds(),
    default=grade_module.DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds per submission.",
)
@click.option(
    "--memory",
    type=click.IntRange(MIN_MEMORY),
    default=grade_module.DEFAULT_MEMORY,
    show_default=True,
    help="MiB of memory per submission.",
)
@JOBS
@click.option("--fresh", is_flag=True, help="Grade everything again, even what an earlier run graded.")
@click.option(
    "--roster",
    type=CSV_FILE,
    help="Class list (CSV: id, name, email): who is missing, which submissions match nobody.",
)
@click.option("--due", default=None, help="Due date-time with its zone, e.g. 2026-03-01T23:59-06:00.")
@click.option(
    "--late-penalty", type=PERCENT, help="Percent taken per started day late (default 0, or the last run's)."
)
@click.option(
    "--late-cap", type=PERCENT, help="The most percent the late rule takes (default 100, or the last run's)."
)
@click.option("--extensions", type=CSV_FILE, help="CSV of (id, due): a student's own due date-time.")
@click.option(
    "--overrides",
    type=CSV_FILE,
    help="CSV of (id, question, points, reason): scores set by hand; kept across regrades.",
)
@click.option(
    "--submitted",
    type=CSV_FILE,
    help="CSV of (id, submitted), or Moodle's grading worksheet: when each handed in, where the "
    "download does not say.",
)
@click.option(
    "--clear-policy", is_flag=True, help="Forget the course policy and class list the last run kept."
)
@click.option(
    "--lms-column",
    default=None,
    help='Assignment column of the Canvas and Moodle exports (default: the assignment\'s name; "Title (123)" '
    "updates Canvas's assignment 123).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print a machine-readable summary (JSON) and nothing else."
)
def grade(
    assignment: str,
    submissions: str,
    out: str,
    autograder: str | None,
    timeout: float,
    memory: int,
    jobs: int | None,
    fresh: bool,
    roster: str | None,
    due: str | None,
    late_penalty: float | None,
    late_cap: float | None,
    extensions: str | None,
    overrides: str | None,
    submitted: str | None,
    clear_policy: bool,
    lms_column: str | None,
    as_json: bool,
) -> None:
    """Grade a folder of submissions (.ipynb/.zip/.py files, one folder per student, or the
    downloads of Canvas, Moodle and Gradescope) into a gradebook CSV, LMS imports, feedback
    files and a summary; a run stopped midway resumes where it stopped."""
    try:
        book = grade_module.run(
            assignment=assignment,
            submissions=submissions,
            output=out,
            autograder=autograder,
            timeout=timeout,
            memory=memory,
            jobs=jobs,
            fresh=fresh,
            roster=roster,
            due=due,
            late_penalty=late_penalty,
            late_cap=late_cap,
            extensions=extensions,
            overrides=overrides,
            submitted=submitted,
            clear_policy=clear_policy,
            lms_column=lms_column,
        )
    except grade_module.Interrupted as stop:  # the outcomes kept, which a new run does not grade again
        messages = MESSAGES.get(stop.language, MESSAGES["en"])
        click.echo(messages["cli_interrupted"].format(kept=stop.kept), err=True)
        sys.exit(INTERRUPTED)
    except (ValueError, StoreError) as error:
        raise BadInput(str(error)) from None
    except (InfrastructureError, OSError) as error:  # the machine, not the input: status 1
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(grade_module.as_json(book), ensure_ascii=False, indent=1))
        return
    language = language_of(book.manifest)
    click.echo(grade_module.table(book.lines, book.questions, language=language))
    if book.lines:
        text = grade_module.summary(
            book.lines,
            book.questions,
            language=language,
            unmatched=book.unmatched,
            ignored=book.ignored,
            unused=book.unused,
            policy=book.policy,
        )
        click.echo("\n" + text)
    click.echo("\n" + "\n".join(str(path) for path in book.files.values()))


@main.command()
@click.argument("gradebook", type=click.Path(dir_okay=False))
@out_option(default=None, type=click.Path(dir_okay=False), help="Default: <gradebook>-report.html.")
def report(gradebook: str, out: str | None) -> None:
    """The class report of a gradebook: distributions, full marks, the class's misconceptions."""
    try:
        path = report_module.main(gradebook=gradebook, output=out)
    except ValueError as error:
        raise BadInput(str(error)) from None
    click.echo(path)


@main.command()
@click.argument("assignment", required=False, type=ASSIGNMENT)
@JOBS
@click.option(
    "--seed", type=SEED, default=None, help="Seed of the hidden test inputs (default: a fresh one)."
)
def audit(assignment: str | None, jobs: int | None, seed: int | None) -> None:
    """Grade the catalogues of mistakes and correct versions; exit 1 if any verdict fails."""
    verdicts = audit_module.main(assignment=assignment, jobs=jobs, seed=seed)
    for verdict in verdicts:
        click.echo(verdict.line())
    failed = [v for v in verdicts if not v.ok]
    click.echo(f"{len(verdicts) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


DEMO = "demo"  # never dist/, which holds the term's own zips


@main.command()
@out_option(default=DEMO, type=click.Path(file_okay=False), help="The folder to write.")
@LANGUAGE
@click.option(
    "--seed", type=SEED, default=None, help="Seed of the hidden test inputs (default: a fresh one)."
)
def demo(out: str, language: str, seed: int | None) -> None:
    """Build everything, write sample submissions and grade them into gradebooks."""
    built = build_module.main(out=out, language=language, seed=seed)
    if built:
        click.echo(f"seed of the hidden test inputs: {built[0].seed}")
    for done in built:
        name = done.assignment.name
        folder = Path(out) / "samples" / name
        samples_module.write(done.assignment, folder, language)
        gradebook = Path(out) / f"gradebook-{name}.csv"
        rows = grade_module.main(
            assignment=name, submissions=folder, output=gradebook, autograder=done.autograder_zip
        )
        questions = list(done.assignment.questions)
        click.echo(f"\n== {name} ==  ({gradebook})")
        click.echo(grade_module.table(rows, questions, language=language))
        click.echo(grade_module.summary(rows, questions, language=language))
        click.echo(f"class report: {report_module.report_path(gradebook)}")
