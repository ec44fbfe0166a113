"""Print 100 MB and raise a 10 MB message: rows and files stay small, full marks otherwise.

Print 100 MB (print, sys.stdout, sys.stderr, os.write to fd 1 and 2, display) and raise an
exception with a 10 MB message: the row's cell errors stay short, the gradebook and feedback
files small, and a correct notebook still gets full marks.
"""

import os
import sys

block = "x" * (100 * 2**20)
print(block)
sys.stdout.write(block)
sys.stderr.write(block)
os.write(1, block.encode()[: 10 * 2**20])
os.write(2, block.encode()[: 10 * 2**20])
display = globals().get("display")
if display is not None:
    for _ in range(1000):
        display(block[:100_000])
del block
raise Exception("hostile-ran " + "y" * (10 * 2**20))
