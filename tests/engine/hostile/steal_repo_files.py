"""Read solutions/ and the otter tests of the course repository: nothing is read, nothing leaks.

Find the course repository through the editable install's finder in site-packages, then read
solutions/*.py and the otter tests (open, import, os.walk, glob): nothing is readable, and no
line of them appears in any outcome or feedback file.

Landlock lets the student process read Python and its packages only, whatever the files' modes.
"""

import glob
import importlib
import os
import re
import site
import sys

roots = {"@@REPO@@"}
for folder in site.getsitepackages() + [p for p in sys.path if "-packages" in p]:
    for finder in glob.glob(os.path.join(folder, "__editable__*finder.py")):
        with open(finder) as f:
            roots.update(os.path.dirname(p) for p in re.findall(r"'(/[^']+)'", f.read()))
targets = []
for root in sorted(roots):
    targets += [f"{root}/solutions/rnn_forward.py", f"{root}/solutions/__init__.py"]
    targets += [f"{root}/autograder/otter_tests/rnn_forward/q{n}.py" for n in range(1, 5)]
    targets += glob.glob(f"{root}/solutions/*.py") + glob.glob(f"{root}/**/q1.py", recursive=True)
    for folder, _, files in os.walk(root):
        targets += [os.path.join(folder, name) for name in files if name.endswith(".py")][:5]
read = []
for path in targets:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            read.append(f.read(400))
    except OSError:
        pass
for module in ("solutions.rnn_forward", "solutions", "autograder.otter_tests", "rnncheck.answers"):
    try:
        read.append(str(importlib.import_module(module).__doc__)[:400])
    except Exception:
        pass
raise Exception(f"hostile-ran tried {len(targets)} read {len(read)}: {' | '.join(read)[:150]}")
