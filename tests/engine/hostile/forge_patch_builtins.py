"""Patch builtins (isinstance, float, __import__) from a cell: a blank notebook still scores 0.

Patch builtins (isinstance, type checks, float, repr, __import__) from a cell: a blank notebook
must still score 0.

Student code may break its own process this way; the grader's builtins are another process's.
"""

import builtins

original_import = builtins.__import__


def lying_import(name, *args, **kwargs):
    module = original_import(name, *args, **kwargs)
    if name in ("rnncheck", "otter"):
        module.__dict__.update(call=lambda *a, **k: True, Feedback=Exception)
    return module


builtins.isinstance = lambda *args: True
builtins.issubclass = lambda *args: True
builtins.float = lambda *args: 1.0
builtins.__import__ = lying_import
builtins.AssertionError = type("AssertionError", (Exception,), {})
builtins.NotImplementedError = type("NotImplementedError", (KeyboardInterrupt,), {})
raise Exception("hostile-ran patched builtins")
