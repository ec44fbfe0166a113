"""Climb to the unpacked autograder zip (tests, answers, seed): nothing is read or listed.

Climb from the working folder to the unpacked autograder zip (../../autograder/tests,
files/rnncheck/answers/*.json, seed.txt) and read the built zip in dist/: nothing is readable or
listed, and no answer key appears in any outcome.

The batch unpacks the zip into a folder only root may enter; Landlock adds that nothing outside
the working folder is readable anyway.
"""

import glob
import os
import zipfile

here = os.getcwd()
targets = []
for up in ("..", "../..", "../../.."):
    base = os.path.join(here, up)
    targets += [
        f"{base}/autograder/tests/q1.py",
        f"{base}/autograder/files/rnncheck/answers/rnn_forward.json",
        f"{base}/autograder/files/rnncheck/seed.txt",
        f"{base}/autograder/rnngrade.json",
        f"{base}/files/rnncheck/answers/rnn_forward.json",
    ]
targets += glob.glob("/tmp/rnngrade-*/autograder/**/*", recursive=True)
targets += ["@@DIST@@/rnn_forward-autograder.zip"]
read, listed = [], []
for path in targets:
    try:
        if path.endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                read.append(archive.read("files/rnncheck/answers/rnn_forward.json")[:200].decode())
        else:
            with open(path, encoding="utf-8", errors="replace") as f:
                read.append(f.read(200))
    except Exception:
        pass
for folder in ("..", "../..", "/tmp", "@@DIST@@"):
    try:
        listed += os.listdir(folder)
    except OSError:
        pass
raise Exception(
    f"hostile-ran tried {len(targets)} read {len(read)}: {' | '.join(read)[:120]} listed {listed[:5]}"
)
