"""chmod 000 the working folder, then end the process: it is repaired, the notebook graded on its code.

The first cell takes every permission away from the working folder and ends its process: the
grader gives the folder back (its user's, 0700) before the process starts again without that
cell, and the correct notebook keeps full marks.

The next student process could not enter its folder: three starts failed and the row became an
error ("no se pudo iniciar el entorno de corrección … avisa a tu profesor").
"""

# %% start
import os

os.chmod(".", 0)
os._exit(0)
