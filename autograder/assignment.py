"""Where each assignment's pieces live, read from `assignments/<name>/notebook.yaml`.

One assignment is: a notebook source (bilingual prose, given code, function cells and
check cells), data files, support modules shipped beside the notebook, the reference
solution `solutions/<name>.py`, the otter tests `autograder/otter_tests/<name>/q*.py` and
the catalogue `tests/catalogue/<name>/`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS_DIR = ROOT / "assignments"
SOLUTIONS_DIR = ROOT / "solutions"
OTTER_TESTS_DIR = Path(__file__).resolve().parent / "otter_tests"
CATALOGUE_DIR = ROOT / "tests" / "catalogue"
SUPPORT_PACKAGE = ROOT / "rnncheck"
LANGUAGES = ("es", "en")


@dataclasses.dataclass(frozen=True)
class Assignment:
    """One assignment's sources.

    name -- e.g. "word_representation"
    spec -- the parsed notebook.yaml
    """

    name: str
    spec: dict[str, Any]

    @property
    def folder(self) -> Path:
        return ASSIGNMENTS_DIR / self.name

    @property
    def notebook_name(self) -> str:
        return f"{self.name}.ipynb"

    @property
    def solution_path(self) -> Path:
        return SOLUTIONS_DIR / f"{self.name}.py"

    @property
    def tests_dir(self) -> Path:
        return OTTER_TESTS_DIR / self.name

    @property
    def test_files(self) -> list[Path]:
        return sorted(self.tests_dir.glob("q*.py"), key=lambda p: int(p.stem[1:]))

    @property
    def requirements(self) -> list[str]:
        """Extra pip requirements of the grading environment (numpy is always there)."""
        return list(self.spec.get("requirements", []))

    @property
    def data_files(self) -> list[Path]:
        return [self.folder / f for f in self.spec.get("data", [])]

    @property
    def support_modules(self) -> dict[str, tuple[str, list[str]]]:
        """Given code the notebook imports: module name -> (the assignment whose reference it
        is taken from, the functions taken), e.g. bptt's rnn_utils from rnn_forward's."""
        return {
            module: (str(spec["from"]), list(spec["functions"]))
            for module, spec in self.spec.get("support", {}).items()
        }

    @property
    def questions(self) -> dict[str, str]:
        """Question -> the function it grades ("" for a question on the notebook as a whole),
        one per test file, in order."""
        graded = {
            cell["question"]: cell["function"]
            for cell in self.spec["cells"]
            if "function" in cell and "question" in cell
        }
        return {path.stem: graded.get(path.stem, "") for path in self.test_files}

    @property
    def uses(self) -> dict[str, set[str]]:
        """Question -> the functions its tests call: its own, or those its check cell lists in `uses`."""
        listed = {cell["check"]: set(cell.get("uses", [])) for cell in self.spec["cells"] if "check" in cell}
        return {q: ({f} if f else set()) | listed.get(q, set()) for q, f in self.questions.items()}

    def docstrings(self, language: str) -> dict[str, str]:
        """Function -> its docstring in `language`, where notebook.yaml gives one (the reference
        solution's docstrings are the English ones)."""
        return {
            cell["function"]: str(cell["docstring"][language])
            for cell in self.spec["cells"]
            if "function" in cell and language in cell.get("docstring", {})
        }

    def given_code_phrases(self, language: str) -> dict[str, str]:
        """English text in the reference's code (comments, error messages) -> the same in
        `language`, for the functions later assignments ship as given code (`support`)."""
        return {str(k): str(v) for k, v in self.spec.get("given_code", {}).get(language, {}).items()}

    @property
    def functions(self) -> list[str]:
        return [cell["function"] for cell in self.spec["cells"] if "function" in cell]

    def catalogue(self, kind: str) -> list[Path]:
        """The catalogue files of `kind` ("mistakes" or "correct"), sorted by name."""
        return sorted((CATALOGUE_DIR / self.name / kind).glob("*.py"))


# libyaml's safe loader where PyYAML was built with it (its wheels are), ten times faster than
# the pure Python one that stands in otherwise; both read the same documents
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(name: str) -> Assignment:
    """The assignment `name`; ValueError naming the known ones if there is no such assignment."""
    path = ASSIGNMENTS_DIR / name / "notebook.yaml"
    if not path.is_file():
        raise ValueError(f"unknown assignment {name!r}; known: {', '.join(names())}")
    with open(path, encoding="utf-8") as f:
        return Assignment(name, yaml.load(f, Loader=_SAFE_LOADER))


def names() -> list[str]:
    """Every assignment that has a notebook source, in course order."""
    order = ["word_representation", "rnn_forward", "bptt", "rnn_types", "gated_units"]
    found = [p.parent.name for p in ASSIGNMENTS_DIR.glob("*/notebook.yaml")]
    return sorted(found, key=lambda n: (order.index(n) if n in order else len(order), n))
