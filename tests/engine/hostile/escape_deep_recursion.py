"""Overflow the C stack in a cell: the cell is left out as ending the process, full marks otherwise.

Overflow the C stack (the recursion limit lifted, repr of a list nested a million deep): the
cell is left out as "ended the process" (or, on a loaded machine, as one that ran past its time
limit first), and a correct notebook still gets full marks.
"""

import sys

sys.setrecursionlimit(10**8)
deep = []
for _ in range(1_000_000):
    deep = [deep]
repr(deep)
