"""`rnngrade build`: the student release and the otter autograder zip of every assignment.

For each assignment the steps below run in order, each writing one part of the output:

    dist/student/<name>/                 the student release, ready to hand out
        <name>.ipynb                     skeleton notebook             (write_notebook)
        tests/q*.py                      public test cases only        (write_public_tests)
        data/..., support packages       what the notebook reads       (copy_student_files)
        rnncheck/                        the checking library, with the public answers
                                                                       (write_checker)
        requirements.txt                 what the notebook needs       (write_requirements)
    dist/student/<name>.zip              the same folder, zipped       (zip_student_release)
    dist/autograder/<name>-autograder.zip  otter generate's zip: all test cases, the
                                         checker with every answer, the data (write_autograder)

write_checker needs the public tests in place; zip_student_release needs the whole
student folder; write_autograder is independent of the student folder.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import os
import re
import secrets
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import nbformat

from rnncheck.isolation import MODULE as REFERENCE_MODULE
from rnncheck.messages import MESSAGES

from . import assignment as assignments
from .assignment import SUPPORT_PACKAGE, Assignment
from .fill import extract
from .notebook import render, with_docstrings, without_bodies
from .testfiles import has_hidden_cases, public_cases, public_source, record_answers, with_header
from .versions import NUMPY

PYTHON_VERSION = "3.11"
DIST = Path("dist")  # where `rnngrade build` writes unless told otherwise
# Fixed timestamp for the student zip, so the same sources give the same bytes.
ZIP_DATE = (2024, 1, 1, 0, 0, 0)
IGNORED = shutil.ignore_patterns(
    "__pycache__", "*.pyc", "answers", "language.txt", "seed.txt", f"{REFERENCE_MODULE}.py"
)


@dataclasses.dataclass(frozen=True)
class Build:
    """One assignment built in one language; seed draws the hidden test inputs (rnncheck.hidden)."""

    assignment: Assignment
    language: str
    out: Path
    seed: int = 0

    @property
    def student(self) -> Path:
        return self.out / "student" / self.assignment.name

    @property
    def autograder_zip(self) -> Path:
        return autograder_zip_in(self.out, self.assignment.name)


def autograder_zip_in(out: Path, name: str) -> Path:
    """Where a build into `out` puts the autograder zip of assignment `name`."""
    return out / "autograder" / f"{name}-autograder.zip"


def write_notebook(build: Build) -> None:
    nb = render(build.assignment, build.language)
    nbformat.validate(nb)
    nbformat.write(nb, build.student / build.assignment.notebook_name)


def public_tests_header(build: Build, question: str, source: str) -> str:
    """The docstring of a shipped public test file, in the release's language: the question, the
    first line of its function's docstring, and its public cases with their points."""
    messages = MESSAGES[build.language]
    function = build.assignment.questions.get(question, "")
    if function:
        summary = build.assignment.docstrings(build.language).get(function, "").strip().split("\n")[0]
        title = f"`{function}`" + (f": {summary}" if summary else "")
    else:
        title = messages["tests_notebook_question"]
    cases = "\n".join(f"- {name} ({points:g})" for name, points in public_cases(source))
    return messages["tests_header"].format(question=question, title=title, cases=cases)


def write_public_tests(build: Build) -> None:
    """The public test cases, their English notes replaced by a header in the release's language."""
    tests = build.student / "tests"
    tests.mkdir(parents=True, exist_ok=True)
    for path in build.assignment.test_files:
        source = public_source(path.read_text(encoding="utf-8"))
        header = public_tests_header(build, path.stem, source)
        (tests / path.name).write_text(with_header(source, header), encoding="utf-8")


def shipped_files(assignment: Assignment) -> dict[Path, Path]:
    """Data file -> its path relative to the notebook's folder."""
    return {path: path.relative_to(assignment.folder) for path in assignment.data_files}


def support_source(assignment: Assignment, module: str, language: str) -> str:
    """The given module `module`: working functions of an earlier assignment's reference.

    It ships as the package `module/__init__.py`: the notebook says `from module import ...`,
    and no .py file sits beside a submission (otter would take it for a .py submission). It
    is in the release's language: the docstrings of the source assignment's notebook, and its
    `given_code` phrases for the comments and error messages.
    """
    source_name, functions = assignment.support_modules[module]
    source = assignments.load(source_name)
    code = extract(source.solution_path.read_text(encoding="utf-8"), functions)
    code = with_docstrings(code, source.docstrings(language))
    for english, translated in source.given_code_phrases(language).items():
        code = code.replace(english, translated)
    header = MESSAGES[language]["support_doc"].format(functions=", ".join(functions))
    return f'"""{header}"""\n\n' + code


def _copy_shipped(build: Build, folder: Path) -> list[str]:
    """Write the data files and support packages into folder; their top-level names."""
    top = set()
    for source, relative in shipped_files(build.assignment).items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / relative)
        top.add(relative.parts[0])
    for module in build.assignment.support_modules:
        (folder / module).mkdir(parents=True, exist_ok=True)
        (folder / module / "__init__.py").write_text(
            support_source(build.assignment, module, build.language), encoding="utf-8"
        )
        top.add(module)
    return sorted(top)


def copy_student_files(build: Build) -> None:
    _copy_shipped(build, build.student)


BUILD_TIME_ONLY = 'raise RuntimeError("this function runs only when the autograder is built")'


def _write_checker(target: Path, build: Build, test_sources: dict[str, str]) -> None:
    """rnncheck with the answers the tests need; its numerics keep only their signatures.

    The seed of hidden inputs is written only where hidden tests go (the autograder zip)."""
    shutil.copytree(SUPPORT_PACKAGE, target, ignore=IGNORED)
    numerics = target / "numerics.py"
    numerics.write_text(
        without_bodies(numerics.read_text(encoding="utf-8"), BUILD_TIME_ONLY), encoding="utf-8"
    )
    (target / "language.txt").write_text(build.language + "\n", encoding="utf-8")
    recorder = record_answers(build.assignment, test_sources, build.seed)
    recorder.save(str(target / "answers" / f"{build.assignment.name}.json"))
    if any(has_hidden_cases(source) for source in test_sources.values()):
        (target / "seed.txt").write_text(f"{build.seed}\n", encoding="utf-8")


def messages_of(source: str, language: str) -> str:
    """rnncheck/messages.py's source with the MESSAGES of `language` only (the other languages'
    dictionaries taken out, line for line)."""
    dropped: set[int] = set()
    for node in ast.parse(source).body:
        if not isinstance(node, ast.AnnAssign) or not isinstance(node.value, ast.Dict):
            continue
        if isinstance(node.target, ast.Name) and node.target.id == "MESSAGES":
            for key, value in zip(node.value.keys, node.value.values):
                if isinstance(key, ast.Constant) and key.value != language:
                    dropped.update(range(key.lineno - 1, value.end_lineno or value.lineno))
    lines = source.splitlines(keepends=True)
    return "".join(line for i, line in enumerate(lines) if i not in dropped)


def write_checker(build: Build) -> None:
    """The student release's rnncheck: the public answers, and the messages of its language only.
    (The autograder zip keeps every language: Gradescope's start-up reads them, engine.gradescope.)"""
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted((build.student / "tests").glob("q*.py"))}
    target = build.student / "rnncheck"
    _write_checker(target, build, sources)
    messages = target / "messages.py"
    messages.write_text(messages_of(messages.read_text(encoding="utf-8"), build.language), encoding="utf-8")


REFERENCE_CODE_DOC = (
    "Grader only: the reference of every graded function, which a graded function a test calls "
    "runs with in place of the notebook's other graded functions (rnncheck.isolation). Written "
    "into the autograder zip alone, never into the student release."
)


def reference_code_source(assignment: Assignment) -> str:
    """The grader-only module of rnncheck.isolation: the reference's graded functions, with what
    they use, and `GRADED`, their names. An import from another assignment's reference
    (`from solutions.rnn_forward import ...`) becomes that reference's functions."""
    graded = [function for function in assignment.questions.values() if function]
    code = extract(assignment.solution_path.read_text(encoding="utf-8"), graded)
    while True:
        imports = [
            node
            for node in ast.parse(code).body
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("solutions.")
        ]
        if not imports:
            break
        node, lines = imports[0], code.splitlines()
        source = assignments.load(str(node.module).removeprefix("solutions.")).solution_path
        taken = extract(source.read_text(encoding="utf-8"), [alias.name for alias in node.names])
        code = "\n".join(lines[: node.lineno - 1] + [taken] + lines[node.end_lineno or node.lineno :])
    return f'"""{REFERENCE_CODE_DOC}"""\n\n{code}\n\nGRADED = {graded!r}\n'


def write_reference_code(checker: Path, assignment: Assignment) -> None:
    """The grader-only module into the checker folder `checker` (of an autograder, never of
    the student release)."""
    (checker / f"{REFERENCE_MODULE}.py").write_text(reference_code_source(assignment), encoding="utf-8")


# What the student release needs, with the range it is tested in (tests/autograder/test_release_environment.py
# installs the oldest and the newest numpy allowed); the notebook's first cell checks them. The
# autograder zip installs the same (write_autograder); numpy's range is versions.NUMPY.
STUDENT_REQUIREMENTS = [NUMPY, "matplotlib>=3.7,<4"]


def _package(requirement: str) -> str:
    """The package a pip requirement names: "numpy" for "numpy>=1.26,<3"."""
    return re.split(r"[<>=!~;\[ ]", requirement)[0]


def write_requirements(build: Build) -> None:
    """requirements.txt: what the notebook needs, and the assignment's extra packages."""
    header = MESSAGES[build.language]["requirements_header_pinned"].format(
        assignment=build.assignment.name, numpy=NUMPY.removeprefix("numpy")
    )
    given = {_package(r) for r in STUDENT_REQUIREMENTS}
    extra = [r for r in build.assignment.requirements if _package(r) not in given]
    text = "\n".join([header, *STUDENT_REQUIREMENTS, *extra]) + "\n"
    (build.student / "requirements.txt").write_text(text, encoding="utf-8")


def zip_student_release(build: Build) -> None:
    _zip_folder(build.student, build.student.with_suffix(".zip"))


def write_autograder(build: Build) -> None:
    """otter generate, run in a staging folder that holds exactly what the zip must carry."""
    from otter.generate import main as otter_generate

    build.autograder_zip.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as staging_name:
        staging = Path(staging_name)
        tests = staging / "tests"
        tests.mkdir()
        sources = {}
        for path in build.assignment.test_files:
            shutil.copyfile(path, tests / path.name)
            sources[path.name] = path.read_text(encoding="utf-8")
        _write_checker(staging / "rnncheck", build, sources)
        write_reference_code(staging / "rnncheck", build.assignment)
        student_files = _copy_shipped(build, staging)
        files = ["rnncheck", *student_files]
        (staging / "requirements.txt").write_text(
            "\n".join(autograder_requirements(build.assignment)) + "\n", encoding="utf-8"
        )
        config = {"lang": "python", "assignment_name": build.assignment.name}
        (staging / "otter_config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
        cwd = os.getcwd()
        os.chdir(staging)
        try:
            otter_generate(
                tests_dir="tests",
                output_path=str(build.autograder_zip.resolve()),
                config="otter_config.json",
                requirements="requirements.txt",
                no_environment=True,
                python_version=PYTHON_VERSION,
                files=files,
            )
        finally:
            os.chdir(cwd)
    _add_engine(build, student_files)


ENGINE = Path(__file__).resolve().parent / "engine"
# Installed on Gradescope next to otter (which otter generate adds, pinned to its version) and
# the notebook's packages: what the engine imports itself. IPython turns cells into Python,
# jupytext reads .py submissions, Landlock and seccomp confine student code.
ENGINE_REQUIREMENTS = ["ipython>=8", "jupytext>=1.16", "landlock==1.0.0.dev5", "pyseccomp==0.1.2"]


def autograder_requirements(assignment: Assignment) -> list[str]:
    """The pip requirements of the autograder zip's environment (besides otter): the student
    release's (the same numpy range), the engine's and the assignment's own."""
    given = {_package(r) for r in [*STUDENT_REQUIREMENTS, *ENGINE_REQUIREMENTS]}
    extra = [r for r in assignment.requirements if _package(r) not in given]
    return [*STUDENT_REQUIREMENTS, *ENGINE_REQUIREMENTS, *extra]


RUN_AUTOGRADER = '''"""Gradescope's entry point: grade the submission with the kit's sandboxed engine."""

import sys

ROOT = "/autograder"
sys.path[:0] = [f"{ROOT}/source", f"{ROOT}/source/files"]

from engine.gradescope import main  # noqa: E402

main(ROOT)
'''
# The sandbox user must reach Python, which otter's setup.sh installs under /root: let other
# users through /root (not list it). Landlock still limits what student code may read.
SETUP_ADDITION = (
    "\n# rnngrade: the sandbox's unprivileged user must reach Python under /root\nchmod o+x /root\n"
)


def manifest(build: Build, student_files: list[str]) -> dict[str, object]:
    """What the engine needs to know of the assignment, written into the zip as rnngrade.json."""
    return {
        "assignment": build.assignment.name,
        "language": build.language,
        "notebook": build.assignment.notebook_name,
        "functions": build.assignment.functions,
        "questions": build.assignment.questions,
        "points": points(build.assignment),
        "hints": hints(build.assignment, build.language),
        "student_files": student_files,
    }


def points(assignment: Assignment) -> dict[str, float]:
    """Question -> points possible, as otter counts them: what results.json gives each question
    when the engine cannot start (engine.gradescope.not_started)."""
    from otter.test_files.exception_test import ExceptionTestFile

    return {p.stem: float(ExceptionTestFile.from_file(str(p)).possible) for p in assignment.test_files}


def hints(assignment: Assignment, language: str) -> dict[str, str]:
    """Question -> the hint its function cell gives, in the release's language (for feedback)."""
    return {
        cell["question"]: cell["hint"][language].strip()
        for cell in assignment.spec["cells"]
        if "question" in cell and isinstance(cell.get("hint"), dict) and language in cell["hint"]
    }


def _add_engine(build: Build, student_files: list[str]) -> None:
    """The grading engine, its manifest and Gradescope's entry point, into otter's zip."""
    with zipfile.ZipFile(build.autograder_zip) as archive:
        entries = {info.filename: (info, archive.read(info)) for info in archive.infolist()}

    def put(name: str, data: bytes) -> None:
        info = entries[name][0] if name in entries else zipfile.ZipInfo(name, ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        entries[name] = (info, data)

    put("run_otter.py", RUN_AUTOGRADER.encode())
    put("setup.sh", entries["setup.sh"][1] + SETUP_ADDITION.encode())
    put("rnngrade.json", json.dumps(manifest(build, student_files), indent=2).encode())
    for path in sorted(ENGINE.glob("*.py")):
        put(f"engine/{path.name}", path.read_bytes())
    with zipfile.ZipFile(build.autograder_zip, "w") as archive:
        for info, data in entries.values():
            archive.writestr(info, data)


STEPS = [
    write_notebook,
    write_public_tests,
    copy_student_files,
    write_checker,
    write_requirements,
    zip_student_release,
    write_autograder,
]


FILE_MODE, FOLDER_MODE = 0o100644, 0o040755  # readable by all once unpacked, as on a lab machine


def _zip_folder(folder: Path, target: Path) -> None:
    """folder zipped under its own name, each folder with an entry of its own, with Unix modes
    0644 for files and 0755 for folders whatever the files' own modes (a temporary folder's
    0600 would leave the release unreadable to others where it is unpacked for a class)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in [folder, *sorted(folder.rglob("*"))]:
            name = str(Path(folder.name) / path.relative_to(folder)).replace(os.sep, "/")
            if path.is_dir():
                info = zipfile.ZipInfo(name + "/", ZIP_DATE)
                info.create_system, info.external_attr = 3, FOLDER_MODE << 16 | 0x10  # MS-DOS folder bit
                zf.writestr(info, b"")
            elif path.is_file():
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.create_system, info.external_attr = 3, FILE_MODE << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())


def fresh_seed() -> int:
    """A new seed of hidden test inputs, for a build that is not given one."""
    return secrets.randbelow(2**32)


def build_assignment(
    assignment: Assignment, out: Path, language: str = "es", seed: int | None = None
) -> Build:
    """Run every step for one assignment; the student folder is made anew.

    seed -- draws the hidden test inputs; a fresh one when None (see Build.seed)"""
    seed = fresh_seed() if seed is None else seed
    build = Build(assignment, language, Path(out).resolve(), seed)  # steps change directory
    shutil.rmtree(build.student, ignore_errors=True)
    build.student.mkdir(parents=True)
    for step in STEPS:
        step(build)
    return build


def main(
    *,
    out: str | Path = DIST,
    language: str | Sequence[str] = "es",
    only: list[str] | None = None,
    seed: int | None = None,
) -> list[Build]:
    """Build the student release and autograder zip of each assignment (all, or `only`).

    language -- one language, or several: each then goes into `out/<language>/`, and all have
                the same hidden inputs (one seed), so that a class graded in two languages is
                graded on the same cases
    seed -- of the hidden test inputs, the same for every assignment and language of this
            build; a fresh one when None. Public tests and the student release do not depend on it."""
    languages = [language] if isinstance(language, str) else list(dict.fromkeys(language))
    for chosen_language in languages:
        if chosen_language not in assignments.LANGUAGES:
            raise ValueError(f"language must be one of {assignments.LANGUAGES}, not {chosen_language!r}")
    chosen = only or assignments.names()
    seed = fresh_seed() if seed is None else seed
    return [
        build_assignment(
            assignments.load(name), Path(out) / lang if len(languages) > 1 else Path(out), lang, seed
        )
        for lang in languages
        for name in chosen
    ]
