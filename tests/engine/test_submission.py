"""engine.submission reads a notebook saved as a .py script into the notebook's code cells, in
each format a student's tools save it in; a script it cannot read is a reason, never a crash.
The slow test at the end grades one piece of work in every format and gets one score."""

import sys
import zipfile
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbconvert import PythonExporter

from autograder import assignment as assignments
from autograder import grade
from autograder.build import ZIP_DATE
from autograder.engine import submission
from autograder.engine.submission import Rejected, read_cells
from autograder.fill import extract, fill
from autograder.notebook import render
from rnncheck import script
from rnncheck.__main__ import cells_to_run
from rnncheck.messages import say
from rnncheck.notebook import code_cells

IGNORED = "otter_ignore"


def notebook(name: str = "word_representation") -> nbformat.NotebookNode:
    chosen = assignments.load(name)
    return fill(render(chosen), [chosen.solution_path])


def vscode_script(nb: nbformat.NotebookNode) -> str:
    """What VS Code's "Export as Python Script" writes: `# %%` before each code cell, `# %%
    [markdown]` and commented lines for prose, no tags."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            parts.append(f"# %%\n{cell.source}\n")
        else:
            prose = "\n".join(f"# {line}".rstrip() for line in cell.source.splitlines())
            parts.append(f"# %% [markdown]\n{prose}\n")
    return "\n".join(parts)


SCRIPTS = {
    "percent": lambda nb: jupytext.writes(nb, fmt="py:percent"),
    "light": lambda nb: jupytext.writes(nb, fmt="py:light"),
    "jupyter": lambda nb: PythonExporter().from_notebook_node(nb)[0],
    "vscode": vscode_script,
}
KEEP_TAGS = {"percent", "light"}  # Jupyter's and VS Code's exports drop the cells' tags


def expected_cells(nb: nbformat.NotebookNode, tags_kept: bool) -> list[str]:
    """The code cells a grader runs: all of them, but those tagged otter_ignore where the
    format keeps tags."""
    return [
        c.source
        for c in nb.cells
        if c.cell_type == "code" and not (tags_kept and IGNORED in c.metadata.get("tags", []))
    ]


@pytest.mark.parametrize("flavour", sorted(SCRIPTS))
@pytest.mark.parametrize("name", ["word_representation", "bptt"])
def test_read_cells_of_a_script_are_the_notebooks_code_cells(tmp_path, flavour, name):
    nb = notebook(name)
    path = tmp_path / "entrega.py"
    path.write_text(SCRIPTS[flavour](nb), encoding="utf-8")
    cells = read_cells(path, name)
    assert cells == expected_cells(nb, flavour in KEEP_TAGS)
    assert len(cells) > 20  # split into cells, not one


def test_read_cells_of_a_notebook_file_agree_with_its_scripts(tmp_path):
    nb = notebook()
    nbformat.write(nb, tmp_path / "entrega.ipynb")
    (tmp_path / "entrega.py").write_text(SCRIPTS["percent"](nb), encoding="utf-8")
    assert read_cells(tmp_path / "entrega.ipynb", "word_representation") == read_cells(
        tmp_path / "entrega.py", "word_representation"
    )


def test_a_percent_cell_tagged_otter_ignore_is_skipped(tmp_path):
    path = tmp_path / "a.py"
    path.write_text('# %%\nx = 1\n\n# %% tags=["otter_ignore"]\nslow()\n\n# %%\ny = 2\n', encoding="utf-8")
    assert read_cells(path, "word_representation") == ["x = 1", "y = 2"]


def test_a_plain_script_is_read_in_cells_split_at_blank_lines(tmp_path):
    """A script without markers is jupytext's light format: an error in its first lines no
    longer costs the rest of the file."""
    path = tmp_path / "a.py"
    path.write_text("import modulo_que_no_existe\n\ndef f(x):\n    return x\n", encoding="utf-8")
    assert read_cells(path, "word_representation") == [
        "import modulo_que_no_existe",
        "def f(x):\n    return x",
    ]


def test_jupyters_export_keeps_no_markdown_and_every_code_cell(tmp_path):
    text = (
        "#!/usr/bin/env python\n# coding: utf-8\n\n# # Title\n# \n# prose\n\n"
        "# In[1]:\n\n\nx = 1\n# a comment of the code\n\n\n# ## prose after it\n\n"
        "# In[ ]:\n\n\n\n\n\n# In[12]:\n\n\ndef f():\n    pass\n\n\n    # still f\n"
    )
    assert script.cells(text) == [
        ("x = 1\n# a comment of the code", []),
        ("", []),
        ("def f():\n    pass", []),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "# ---\n# jupyter:\n#   a: [\n# ---\nx = 1\n",  # a header that is not YAML
        "# ---\n# jupyter:\n#   jupytext:\n#     formats: 12\n# ---\nx = 1\n",  # YAML of the wrong shape
    ],
    ids=["broken header", "header of the wrong shape"],
)
def test_a_script_jupytext_cannot_read_is_rejected_with_a_reason(tmp_path, text):
    path = tmp_path / "a.py"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Rejected) as rejected:
        read_cells(path, "word_representation")
    assert str(rejected.value).startswith(say("reason_bad_script", detail="")[:-2])
    assert "\n" not in str(rejected.value)


def test_any_exception_of_the_reader_is_a_reason_not_a_crash(tmp_path, monkeypatch):
    def explode(text, **kwargs):
        raise RecursionError("maximum recursion depth exceeded\n\x1b[2Jcleared")

    monkeypatch.setattr(script, "cells", explode)
    path = tmp_path / "a.py"
    path.write_text("x = 1\n", encoding="utf-8")
    with pytest.raises(Rejected) as rejected:
        read_cells(path, "word_representation")
    assert str(rejected.value) == say("reason_bad_script", detail="maximum recursion depth exceeded")


def test_the_grader_without_jupytext_says_so_and_the_student_release_reads_percent_cells(
    tmp_path, monkeypatch
):
    monkeypatch.setitem(sys.modules, "jupytext", None)  # import jupytext raises ImportError
    nb = notebook()
    path = tmp_path / "entrega.py"
    path.write_text(SCRIPTS["percent"](nb), encoding="utf-8")
    with pytest.raises(Rejected, match="jupytext"):
        read_cells(path, "word_representation")
    assert [source for source, tags in script.cells(path.read_text()) if IGNORED not in tags] == (
        expected_cells(nb, True)
    )
    jupyter = tmp_path / "jupyter.py"
    jupyter.write_text(SCRIPTS["jupyter"](nb), encoding="utf-8")
    assert [source for source, _ in script.cells(jupyter.read_text())] == expected_cells(nb, False)
    assert script.cells("x = 1\n\ny = 2\n") == [("x = 1\n\ny = 2", [])]  # light: one cell


@pytest.mark.parametrize("flavour", sorted(SCRIPTS))
def test_python_m_rnncheck_runs_the_cells_the_grader_runs(tmp_path, flavour):
    nb = notebook()
    path = tmp_path / "entrega.py"
    path.write_text(SCRIPTS[flavour](nb), encoding="utf-8")
    ran = [source for _, source in cells_to_run(str(path))]
    assert ran == [s for s in read_cells(path, "word_representation") if not s.startswith("grader.check")]
    assert [source for _, source, _ in code_cells(str(path))] == expected_cells(nb, False)


def test_rnncheck_says_a_script_it_cannot_read_is_not_a_notebook(tmp_path):
    path = tmp_path / "a.py"
    path.write_text("# ---\n# jupyter:\n#   a: [\n# ---\n", encoding="utf-8")
    with pytest.raises(ValueError, match="ParserError"):
        code_cells(str(path))


def test_a_script_too_large_to_read_quickly_is_rejected_before_jupytext_reads_it(tmp_path, monkeypatch):
    """The grader reads a script before any time limit applies, and jupytext takes about a
    millisecond a cell: a script is bounded in bytes and in cells."""
    monkeypatch.setattr(script, "cells", lambda *a, **k: pytest.fail("read"))
    large = tmp_path / "large.py"
    large.write_bytes(b"x = 1\n" * (submission.MAX_SCRIPT // 6 + 1))
    with pytest.raises(Rejected) as rejected:
        read_cells(large, "word_representation")
    assert str(rejected.value) == say("reason_too_large", size=2, limit=2)
    many = tmp_path / "many.py"
    many.write_text("x = 1\n\n" * (submission.MAX_CELLS + 1), encoding="utf-8")
    with pytest.raises(Rejected) as rejected:
        read_cells(many, "word_representation")
    assert str(rejected.value) == say("reason_too_many_cells", limit=submission.MAX_CELLS)


@pytest.mark.parametrize("flavour", sorted(SCRIPTS))
def test_most_cells_is_at_least_what_is_read(flavour):
    text = SCRIPTS[flavour](notebook("bptt"))
    assert len(script.cells(text)) <= script.most_cells(text) < submission.MAX_CELLS


# ---------------------------------------------------------------- one work, one score


def partial(name: str) -> nbformat.NotebookNode:
    """Half the functions filled in with the reference, one with a catalogued mistake, the
    rest left as the skeleton's."""
    chosen = assignments.load(name)
    half = chosen.functions[: len(chosen.functions) // 2]
    mistake = next(
        path
        for path in chosen.catalogue("mistakes")
        if any(path.name.startswith(function + "_") for function in half)
    )
    reference = extract(chosen.solution_path.read_text(encoding="utf-8"), half)
    return fill(render(chosen), [reference, mistake])


def write_every_format(nb: nbformat.NotebookNode, folder: Path, stem: str, notebook_name: str) -> None:
    nbformat.write(nb, folder / f"{stem}.ipynb")
    with zipfile.ZipFile(folder / f"{stem}.zip", "w") as archive:
        archive.writestr(zipfile.ZipInfo(notebook_name, ZIP_DATE), nbformat.writes(nb))
    for flavour, write in SCRIPTS.items():
        (folder / f"{stem}_{flavour}.py").write_text(write(nb), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["word_representation", "bptt"])
def test_one_work_scores_the_same_as_ipynb_zip_and_every_py(builds, tmp_path, name):
    build = builds[name]
    folder = tmp_path / "entregas"
    folder.mkdir()
    write_every_format(notebook(name), folder, "lleno", build.assignment.notebook_name)
    write_every_format(partial(name), folder, "parcial", build.assignment.notebook_name)
    rows = grade.main(
        assignment=name, submissions=folder, output=tmp_path / "notas.csv", autograder=build.autograder_zip
    )
    assert len(rows) == 2 * (2 + len(SCRIPTS))
    full = sum(grade.points(build.assignment).values())
    for stem in ("lleno", "parcial"):
        same = {row.submission: row.scores for row in rows if row.submission.startswith(stem)}
        notebook_scores = same[f"{stem}.ipynb"]
        differ = {name: scores for name, scores in same.items() if scores != notebook_scores}
        reasons = {row.submission: (row.reason, row.cell_errors) for row in rows if row.submission in differ}
        assert differ == {}, (notebook_scores, differ, reasons)
    by_name = {row.submission: row for row in rows}
    assert by_name["lleno.ipynb"].total == full
    assert 0 < by_name["parcial.ipynb"].total < full


def test_the_small_reader_splits_at_percent_markers_only(monkeypatch):
    """Without jupytext: `# %%` and `#%%` start cells (with their tags), `# %% [markdown]` is
    prose, and a cell magic jupytext commented out (`# %%time`) is not a marker."""
    monkeypatch.setitem(sys.modules, "jupytext", None)
    text = (
        "import numpy as np\n\n# %%\nx = 1\n\n# %% [markdown]\n# prose\n\n"
        '# %% tags=["otter_ignore"]\n# %%time\ny = 2\n#%%\nz = 3\n'
    )
    assert script.cells(text) == [
        ("import numpy as np", []),
        ("x = 1", []),
        ("# %%time\ny = 2", ["otter_ignore"]),
        ("z = 3", []),
    ]
