"""Overflow the C stack in a cell: the cell is left out as ending the process, full marks otherwise.

Overflow the C stack: the recursion limit lifted, the stack limited to 1 MiB, then the hash of
a tuple nested 100,000 deep (C recursion with no check and no other work at each level; about
30,000 levels fill 1 MiB). Building it is 100,000 steps of Python, about 10 ms of CPU, and the
overflow follows at once: the event costs hundreds of times less than the cell's time limit,
however busy the machine is (a tuple a million deep under an 8 MiB stack cost 0.2 s, and met
the 5 s limit first under a quota of half a core). The process ends (SIGSEGV), the cell is left
out as "ended the process", and a correct notebook still gets full marks.
"""

import resource
import sys

resource.setrlimit(resource.RLIMIT_STACK, (2**20, resource.getrlimit(resource.RLIMIT_STACK)[1]))
sys.setrecursionlimit(10**8)
deep = ()
for _ in range(100_000):
    deep = (deep,)
hash(deep)
