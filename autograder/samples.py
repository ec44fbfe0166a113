"""Sample submissions for the demo, made from the skeleton, the reference and the catalogue.

alumno_correcto.ipynb       the reference solution filled in
alumno_con_errores.ipynb    the reference with catalogued mistakes in two functions
alumno_sin_empezar.ipynb    the untouched skeleton
alumno_archivo_danado.ipynb the first bytes of a notebook: not valid JSON
alumno_exportado.zip        otter's export: a zip holding the correct notebook
alumno_script.py            the notebook with the two mistakes saved as a .py script (percent
                            format, as VS Code and jupytext save it): graded as that notebook
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import nbformat

from .assignment import Assignment
from .build import ZIP_DATE
from .fill import defined_functions, fill
from .notebook import render


def _two_mistakes(assignment: Assignment) -> list[Path]:
    """The first catalogued mistakes of two different functions."""
    chosen: dict[frozenset[str], Path] = {}
    for path in assignment.catalogue("mistakes"):
        functions = frozenset(defined_functions(path))
        if not any(functions & seen for seen in chosen):
            chosen[functions] = path
    return list(chosen.values())[:2]


def write(assignment: Assignment, folder: Path, language: str = "es") -> list[Path]:
    """Write the sample submissions of `assignment` into folder; their paths."""
    import jupytext  # here: importing autograder must not need it

    folder.mkdir(parents=True, exist_ok=True)
    skeleton = render(assignment, language)
    correct = fill(skeleton, [assignment.solution_path])
    buggy = fill(skeleton, [assignment.solution_path, *_two_mistakes(assignment)])
    written = []
    for name, nb in [
        ("alumno_correcto", correct),
        ("alumno_con_errores", buggy),
        ("alumno_sin_empezar", skeleton),
    ]:
        written.append(folder / f"{name}.ipynb")
        nbformat.write(nb, written[-1])
    damaged = folder / "alumno_archivo_danado.ipynb"
    damaged.write_bytes(nbformat.writes(correct).encode("utf-8")[:400])
    exported = folder / "alumno_exportado.zip"
    with zipfile.ZipFile(exported, "w") as archive:
        archive.writestr(zipfile.ZipInfo(assignment.notebook_name, ZIP_DATE), nbformat.writes(correct))
    script = folder / "alumno_script.py"
    script.write_text(jupytext.writes(buggy, fmt="py:percent"), encoding="utf-8")
    return [*written, damaged, exported, script]
