"""Fresh Python environments for the tests that prove an artefact runs on what it declares.

Made with uv (a development dependency): a virtual environment of a given interpreter holding
only the requirements asked for, taken from uv's cache or the package index, and nothing of the
project's own environment. uv links installed files from its cache and compiles no bytecode up
front, so an environment costs seconds of CPU where pip spent about a minute per environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from uv import find_uv_bin

# This interpreter itself, not the project's venv: what `python -m venv` would start from.
PYTHON = Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}"


def _uv(*arguments: str) -> None:
    done = subprocess.run(
        [find_uv_bin(), *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_NO_PROGRESS": "1"},
    )
    assert done.returncode == 0, f"uv {' '.join(arguments)}\n{done.stdout}{done.stderr}"


def create(
    folder: Path,
    *requirements: str,
    python: Path | str = PYTHON,
    pip: bool = False,
    imports: tuple[str, ...] = (),
) -> Path:
    """A fresh virtual environment in folder, of that interpreter, holding requirements (as pip
    takes them: names, ranges, `-r file`) and nothing else; with pip in it where asked (code that
    installs packages itself needs it). Its python.

    The modules in imports are imported once, which writes their bytecode as pip's install
    would have: the first import in a fresh environment then costs no compiling inside a test's
    time-limited cell or engine start, however busy the machine."""
    _uv("venv", "--quiet", "--python", str(python), *(["--seed"] if pip else []), str(folder))
    made = folder / "bin" / "python"
    if requirements:
        install(made, *requirements)
    if imports:
        done = subprocess.run(
            [str(made), "-c", f"import {', '.join(imports)}"], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    return made


def install(python: Path, *requirements: str) -> None:
    """requirements installed into the environment of python (replacing other versions)."""
    _uv("pip", "install", "--quiet", "--python", str(python), *requirements)
