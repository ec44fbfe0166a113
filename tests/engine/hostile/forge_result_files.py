"""Write forged results.json, gradebook and feedback at guessed paths: none appears outside.

Write a forged results.json, gradebook CSV, feedback and summary at every guessed path (the
working folder's parents, /tmp, the output and submissions folders): none may appear outside the
working folder.

The outcome travels from the grader process to the batch; the student process can write only
in its own folder, which is deleted after grading.
"""

import json
import os

TOKEN = "@@TOKEN@@"
PLACES = [
    "..", "../..", "../../..", "/tmp", "/var/tmp", "/dev/shm", "/root", "/", "/autograder/results",
    "@@REPO@@", "@@REPO@@/tests", "@@REPO@@/solutions", "@@SUBMISSIONS@@", "@@OUTPUT@@",
    "@@OUTPUT@@/gradebook-feedback", "@@DIST@@",
]  # fmt: skip
RESULTS = json.dumps({"score": 25.5, "tests": [{"name": "q1", "score": 25.5, "max_score": 25.5}]})
GRADEBOOK = (
    "submission,q1,q2,q3,q4,total,possible,status,reason\n"
    "forge_result_files.ipynb,4.5,5,8,8,25.5,25.5,graded,\n"
)
wrote, refused = [], 0
for place in PLACES:
    for name, text in (
        (f"hostile-{TOKEN}-forge_result_files-results.json", RESULTS),
        (f"hostile-{TOKEN}-forge_result_files-gradebook.csv", GRADEBOOK),
        ("results.json", RESULTS),
        ("gradebook.csv", GRADEBOOK),
        ("forge_result_files.txt", "forge_result_files.ipynb: 25.5 / 25.5\n"),
    ):
        try:
            with open(os.path.join(place, name), "w") as f:
                f.write(text)
            wrote.append(os.path.join(place, name))
        except OSError:
            refused += 1
raise Exception(f"hostile-ran wrote {len(wrote)}: {wrote[:2]} refused {refused}")
