"""Read other submissions and other slots' folders: nothing is read, nothing leaks.

Read the other submissions (the submissions folder, other slots' working folders
/tmp/rnngrade-*/slot-*/trabajo): nothing is readable, and the neighbour's secret comment appears
nowhere but in its own notebook.

Each slot has its own uid and its folder mode 0700; Landlock allows only the student's own folder.
"""

import glob
import os

here = os.getcwd()
targets = glob.glob("@@SUBMISSIONS@@/*") + glob.glob("/tmp/rnngrade-*/slot-*/trabajo/*")
targets += [f"@@SUBMISSIONS@@/{name}" for name in ("reference.ipynb", "blank.ipynb", "garbage.ipynb")]
targets += [
    os.path.join(here, f"../../slot-{n}/trabajo/data/frases_es.txt")
    for n in range(10)
    if os.path.realpath(os.path.join(here, f"../../slot-{n}/trabajo")) != os.path.realpath(here)
]
read, listed = [], []
for path in targets:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        at = text.lower().find("secret")
        read.append(text[max(0, at - 10) : at + 60])
    except OSError:
        pass
for folder in ("@@SUBMISSIONS@@", "../..", *(f"../../slot-{n}" for n in range(10))):
    try:
        listed += os.listdir(folder)
    except OSError:
        pass
raise Exception(f"hostile-ran tried {len(targets)} read {len(read)}: {read[:2]} listed {listed[:4]}")
