"""Write into other slots, delete and chmod the submissions: all neighbours and files intact.

Harm the others: write into other slots' working folders, overwrite the notebook's data files
there, delete, rename and chmod the submissions, chmod the batch's folders: every neighbour
keeps its exact score and the submissions folder is unchanged.

Each slot has its own uid; Landlock allows writes in the student's own folder only.
"""

import glob
import os
import shutil

TOKEN = "@@TOKEN@@"
here = os.getcwd()
done = []


def attempt(what, action, *args):
    try:
        action(*args)
        done.append(what)
    except (OSError, shutil.Error):
        pass


def scribble(path):
    with open(path, "w") as f:
        f.write(f"hostile-{TOKEN}-harm_other_slots_and_submissions")


for n in range(10):
    slot = os.path.join(here, f"../../slot-{n}/trabajo")
    if os.path.realpath(slot) == os.path.realpath(here):
        continue  # its own folder
    attempt(f"slot-{n}", scribble, f"{slot}/hostile-{TOKEN}-harm_other_slots_and_submissions")
    attempt(f"data-{n}", scribble, f"{slot}/data/frases_es.txt")
    attempt(f"rmtree-{n}", shutil.rmtree, slot)
for path in glob.glob("@@SUBMISSIONS@@/*") + [f"@@SUBMISSIONS@@/{n}.ipynb" for n in ("reference", "blank")]:
    attempt(f"chmod {path}", os.chmod, path, 0)
    attempt(f"utime {path}", os.utime, path, (0, 0))
    attempt(f"rename {path}", os.rename, path, path + ".gone")
    attempt(f"remove {path}", os.remove, path)
for folder in ("@@SUBMISSIONS@@", "..", "../..", "/tmp", "@@OUTPUT@@"):
    attempt(f"chmod {folder}", os.chmod, folder, 0)
    attempt(f"scribble {folder}", scribble, f"{folder}/hostile-{TOKEN}-harm_other_slots_and_submissions")
raise Exception(f"hostile-ran harmed {len(done)}: {done[:3]}")
