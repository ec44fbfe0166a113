"""Patch numpy's comparisons (np.allclose, np.testing) from a cell: a blank notebook still scores 0.

Patch numpy's comparisons from a cell (np.allclose, np.testing, ndarray helpers): a blank
notebook must still score 0.

The tests compare in the grader's process, with the grader's numpy: nothing a cell changes in
the student process's numpy reaches them.
"""

import numpy as np
import numpy.testing

always = lambda *args, **kwargs: True  # noqa: E731
silent = lambda *args, **kwargs: None  # noqa: E731
patched = []
for name in ("allclose", "isclose", "array_equal", "array_equiv", "all", "any", "isfinite", "shape"):
    setattr(np, name, always)
    patched.append(name)
for name in dir(numpy.testing):
    if name.startswith("assert"):
        setattr(numpy.testing, name, silent)
        patched.append(name)
np.ndarray = type("ndarray", (), {})
raise Exception(f"hostile-ran patched {len(patched)}")
