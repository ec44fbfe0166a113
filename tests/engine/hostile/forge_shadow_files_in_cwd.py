"""Write rnncheck/, otter/, numpy.py, tests/ into the working folder: a blank notebook still scores 0.

Write rnncheck/, otter/, numpy.py, tests/q*.py, rnngrade.json and results.json into the working
folder: a blank notebook must still score 0.

The grader never reads the submission's folder: its tests, checker and answers come from the
autograder zip, unpacked where the student process cannot write.
"""

import json
import os

FORGED_TEST = """from otter.test_files import test_case
OK_FORMAT = False
name = "{q}"

@test_case(points=100)
def test_forged(env):
    pass
"""
written = []
for folder in ("rnncheck", "otter", "tests", "files/rnncheck", "files/rnncheck/answers", "results"):
    os.makedirs(folder, exist_ok=True)
for path, text in {
    "rnncheck/__init__.py": "def call(*a, **k):\n    return None\nclass Feedback(Exception):\n    pass\n",
    "otter/__init__.py": "class Notebook:\n    def __init__(self, *a, **k):\n        pass\n",
    "numpy.py": "allclose = lambda *a, **k: True\n",
    "files/rnncheck/answers/rnn_forward.json": "{}",
    "files/rnncheck/seed.txt": "1",
    "rnngrade.json": json.dumps({"assignment": "rnn_forward", "functions": [], "questions": {}}),
    "results/results.json": json.dumps({"score": 25.5, "tests": []}),
    "results.json": json.dumps({"score": 25.5, "tests": []}),
    **{f"tests/q{n}.py": FORGED_TEST.format(q=f"q{n}") for n in range(1, 5)},
}.items():
    with open(path, "w") as f:
        f.write(text)
    written.append(path)
raise Exception(f"hostile-ran shadow files {len(written)}")
