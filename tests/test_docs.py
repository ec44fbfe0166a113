"""The docs say what the code is: the contract tables list exactly the graded questions, and
the README and docs point only at files that exist inside the repository."""

import re

import pytest

from autograder import assignment as assignments
from autograder.assignment import ROOT
from tests.conftest import ASSIGNMENTS

DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]


def contract_rows(name):
    """question -> function name (or '' for a question on the notebook) in design.md's table."""
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    section = text.split(f"`{name}`", 1)[1].split("\n### ", 1)[0]
    rows = {}
    for question, cell in re.findall(r"^\| (q\d+) \| ([^|]*) \|", section, re.MULTILINE):
        found = re.match(r"`(\w+)\(", cell.strip())
        rows[question] = found.group(1) if found else ""
    return rows


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_design_lists_every_graded_question_with_its_function(name):
    assert contract_rows(name) == assignments.load(name).questions


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_docs_point_only_at_files_inside_the_repository(path):
    text = path.read_text(encoding="utf-8")
    assert "../" not in text and "shared/" not in text
    for target in re.findall(r"\]\(([^)#]+)\)", text):  # Markdown links
        if not target.startswith(("http://", "https://")):
            assert (path.parent / target).exists(), f"{path.name} links to missing {target}"
    mentioned = set(re.findall(r"`((?:docs|benchmarks|autograder|rnncheck|tests|solutions)/[\w./]+)`", text))
    for relative in mentioned:
        if "<" not in relative and "*" not in relative:
            assert (ROOT / relative.rstrip("/")).exists(), f"{path.name} names missing {relative}"
