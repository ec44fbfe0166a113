"""Overflow the C stack in a cell: the cell is left out as ending the process, full marks otherwise.

Overflow the C stack: the recursion limit lifted, the stack limited to 8 MiB, then the hash of
a tuple nested a million deep (C recursion with no check and no other work at each level), so
that the overflow comes within milliseconds however busy the machine is, long before the
cell's time limit: the process ends (SIGSEGV), the cell is left out as "ended the process",
and a correct notebook still gets full marks.
"""

import resource
import sys

resource.setrlimit(resource.RLIMIT_STACK, (8 * 2**20, resource.getrlimit(resource.RLIMIT_STACK)[1]))
sys.setrecursionlimit(10**8)
deep = ()
for _ in range(1_000_000):
    deep = (deep,)
hash(deep)
