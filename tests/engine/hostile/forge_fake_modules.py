"""Inject fake rnncheck and otter into sys.modules: a blank notebook still scores 0.

Inject fake `rnncheck`, `otter` and `otter.test_files` into sys.modules and call otter's checks:
a blank notebook must still score 0.

The tests import rnncheck and otter in the grader process, never in the student's.
"""

import sys
import types

fake = types.ModuleType("rnncheck")
fake.call = lambda env, name, *args, **kwargs: None
fake.Feedback = Exception
fake.assert_close = fake.check_against_reference = fake.assert_inputs_unchanged = fake.call
sys.modules["rnncheck"] = fake
otter = types.ModuleType("otter")
otter.Notebook = lambda *args, **kwargs: types.SimpleNamespace(
    check=lambda *a, **k: "q1 results: All test cases passed!",
    check_all=lambda *a, **k: "All tests passed! 100/100",
    export=lambda *a, **k: None,
)
sys.modules["otter"] = otter
sys.modules["otter.test_files"] = types.ModuleType("otter.test_files")
grader = sys.modules["otter"].Notebook("rnn_forward.ipynb")
grader.check_all()
raise Exception("hostile-ran injected modules")
