"""A notebook saved as a Python script, read back into its code cells.

Three kinds of script reach a course:

    percent   `# %%` before each cell (`# %% [markdown]` for prose, `# %% tags=[...]` for
              tags): jupytext's percent format, and what VS Code's "Export as Python Script"
              writes
    light     jupytext's light format: `# +` / `# -` around a cell, otherwise cells split at
              blank lines, prose as comments; a plain script is read as this format
    Jupyter   Jupyter's own "Download as Python" (nbconvert): `# In[ ]:` or `# In[7]:` before
              each code cell, two blank lines around its code, the markdown as comments

Jupyter's export is read here: its code cells, without the markdown comments that follow them
(it keeps no tags). The other formats are read by jupytext. Without jupytext (a student's
computer needs only numpy and matplotlib), a small reader splits at `# %%` lines instead: a
percent-format file gives the same cells, and a light-format file is one cell.
"""

from __future__ import annotations

import json
import re

JUPYTER_MARKER = re.compile(r"^# In\[[ 0-9]*\]:[ \t]*$")
PERCENT_MARKER = re.compile(r"^# ?%%(\s.*)?$")  # "# %%", not a commented cell magic "# %%time"
PROSE = re.compile(r"^\s*\[(markdown|md|raw)\]")
TAGS = re.compile(r"\btags\s*=\s*(\[[^\]]*\])")

Cell = tuple[str, list[str]]  # (source, tags) of one code cell


def _is_blank(line: str) -> bool:
    return not line.strip()


def _is_code(line: str) -> bool:
    return not _is_blank(line) and not line.lstrip().startswith("#")


def _trimmed(lines: list[str]) -> str:
    """The lines joined, without the blank lines before and after them."""
    kept = [i for i, line in enumerate(lines) if not _is_blank(line)]
    return "\n".join(lines[kept[0] : kept[-1] + 1]) if kept else ""


def _chunks(lines: list[str], marker: re.Pattern[str]) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The lines before the first marker, and (marker line, its lines) of each marker."""
    before: list[str] = []
    chunks: list[tuple[str, list[str]]] = []
    for line in lines:
        if marker.match(line):
            chunks.append((line, []))
        elif chunks:
            chunks[-1][1].append(line)
        else:
            before.append(line)
    return before, chunks


def _jupyter_cells(lines: list[str]) -> list[Cell]:
    """The code cells of Jupyter's script export. After a cell's code come two blank lines and,
    where markdown cells follow it, their text as comments: after the last line of code, what
    follows the first two blank lines in a row is that markdown, and is left out."""
    cells: list[Cell] = []
    for _, chunk in _chunks(lines, JUPYTER_MARKER)[1]:
        chunk = chunk[next((i for i, line in enumerate(chunk) if not _is_blank(line)), len(chunk)) :]
        after = 1 + max((i for i, line in enumerate(chunk) if _is_code(line)), default=-1)
        gaps = [i for i in range(after, len(chunk) - 1) if _is_blank(chunk[i]) and _is_blank(chunk[i + 1])]
        cells.append((_trimmed(chunk[: gaps[0]] if gaps else chunk), []))
    return cells


def _strings(tags: object) -> list[str]:
    """The tags of a cell's metadata that are text (a malformed file may hold anything)."""
    return [tag for tag in tags if isinstance(tag, str)] if isinstance(tags, list) else []


def _tags(header: str) -> list[str]:
    found = TAGS.search(header)
    try:
        return _strings(json.loads(found.group(1)) if found else [])
    except ValueError:
        return []


def _percent_cells(lines: list[str]) -> list[Cell]:
    """The code cells of a percent-format script, without jupytext: the code before the first
    `# %%` (if any) is a cell, and each `# %%` that is not prose starts one."""
    before, chunks = _chunks(lines, PERCENT_MARKER)
    cells: list[Cell] = [(_trimmed(before), [])] if any(_is_code(line) for line in before) else []
    for header, chunk in chunks:
        rest = PERCENT_MARKER.match(header).group(1) or ""  # type: ignore[union-attr]
        if not PROSE.match(rest):
            cells.append((_trimmed(chunk), _tags(rest)))
    return cells


def _jupytext_cells(text: str) -> list[Cell]:
    import jupytext  # only here: the student release does not need it

    cells: list[Cell] = []
    for cell in jupytext.reads(text, fmt="py").cells:
        if cell.cell_type == "code":
            cells.append((str(cell.source), _strings(cell.metadata.get("tags"))))
    return cells


def most_cells(text: str) -> int:
    """At most how many cells any reader finds in text (every paragraph and every marker line
    may start one), counted without reading it: jupytext takes about a millisecond a cell."""
    count, blank = 0, True
    for line in text.splitlines():
        empty = _is_blank(line)
        count += (not empty and blank) or bool(PERCENT_MARKER.match(line) or JUPYTER_MARKER.match(line))
        blank = empty
    return count


def cells(text: str, *, need_jupytext: bool = False) -> list[Cell]:
    """(source, tags) of each code cell of a notebook saved as a Python script, in order.

    need_jupytext -- raise ImportError when jupytext is missing, instead of splitting at
                     `# %%` lines only (the grader must read every format)
    Whatever jupytext raises on a malformed file is raised."""
    lines = text.removeprefix("\ufeff").splitlines()
    jupyter = any(JUPYTER_MARKER.match(line) for line in lines)
    if jupyter and not any(PERCENT_MARKER.match(line) for line in lines):
        return _jupyter_cells(lines)
    try:
        return _jupytext_cells("\n".join(lines) + "\n")
    except ImportError:
        if need_jupytext:
            raise
    return _percent_cells(lines)
