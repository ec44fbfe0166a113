"""autograder.fill: functions go into the notebook by name, with what they need."""

import nbformat
import pytest

from autograder.fill import FillError, fill


def notebook(*sources):
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])


SKELETON = notebook(
    "import numpy as np",
    'def double(x):\n    """Twice x."""\n    raise NotImplementedError\n\nSHOWN = True',
    "def halve(x):\n    raise NotImplementedError",
)


def run(nb):
    env = {}
    for cell in nb.cells:
        exec(cell.source, env)
    return env


def test_fill_replaces_the_function_and_keeps_the_rest_of_the_cell():
    filled = fill(SKELETON, ["def double(x):\n    return 2 * x\n"])
    assert filled.cells[1].source.endswith("SHOWN = True")
    assert run(filled)["double"](4) == 8
    assert "NotImplementedError" in SKELETON.cells[1].source  # the original is untouched


def test_fill_later_modules_win():
    filled = fill(SKELETON, ["def double(x):\n    return 2 * x\n", "def double(x):\n    return x + x + 1\n"])
    assert run(filled)["double"](4) == 9


def test_fill_brings_imports_and_helpers_the_function_uses():
    module = (
        "import math\nimport numpy as np\n\nFACTOR = 2\n\n"
        "def _scale(x):\n    return FACTOR * math.floor(x)\n\n"
        "def double(x):\n    return _scale(x)\n"
    )
    filled = fill(SKELETON, [module])
    assert "import math" in filled.cells[1].source and "import numpy" not in filled.cells[1].source
    assert run(filled)["double"](4.7) == 8


def test_fill_leaves_other_notebook_functions_to_the_notebook():
    module = "def halve(x):\n    return x / 2\n\ndef double(x):\n    return 4 * halve(x)\n"
    filled = fill(SKELETON, [module])
    assert filled.cells[1].source.count("def halve") == 0
    assert run(filled)["double"](3) == 6


def test_fill_refuses_a_module_that_fills_nothing():
    with pytest.raises(FillError, match="none of the notebook's functions"):
        fill(SKELETON, ["def triple(x):\n    return 3 * x\n"])


def test_fill_refuses_a_file_name_given_as_text(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def double(x):\n    return 2 * x\n")
    with pytest.raises(FillError, match="pass pathlib.Path"):
        fill(SKELETON, [str(module)])
    assert run(fill(SKELETON, [module]))["double"](5) == 10
