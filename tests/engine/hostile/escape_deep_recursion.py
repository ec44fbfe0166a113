"""Overflow the C stack in a cell: the cell is left out as ending the process, full marks otherwise.

Overflow the C stack (the recursion limit lifted, repr of a list nested 200,000 deep) in a
thread whose stack is 1 MiB, so that the overflow comes within milliseconds however busy the
machine is, long before the cell's time limit: the process ends (SIGSEGV), the cell is left
out as "ended the process", and a correct notebook still gets full marks.
"""

import sys
import threading

sys.setrecursionlimit(10**8)
deep = []
for _ in range(200_000):
    deep = [deep]
threading.stack_size(2**20)
overflow = threading.Thread(target=repr, args=(deep,))
overflow.start()
overflow.join()
