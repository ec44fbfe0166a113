"""Leave 1,500 nested folders, some chmod 000, in the working folder: the next submission is graded as usual.

Make 1,500 folders, each inside the last, in the working folder; put a file in the deepest one
and take every permission away from it and from every tenth folder: the grader removes all of
it (no recursion, permissions restored) and the submissions graded after it in the same slot
keep their exact scores.

shutil.rmtree recursed once per level and raised RecursionError, in the cleanup of this
submission and again when the next one's folder was prepared: every later row of the slot
became an error.
"""

import os

top = os.open(".", os.O_RDONLY)
for _ in range(1500):
    os.mkdir("d")
    os.chdir("d")
with open("deepest.txt", "w") as f:
    f.write("x")
os.chmod("deepest.txt", 0)
os.chdir("..")
for level in range(1499):
    if level % 10 == 0:
        os.chmod("d", 0)
    os.chdir("..")
os.fchdir(top)
raise Exception("hostile-ran nested 1500 folders")
