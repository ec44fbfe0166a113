"""Allocate 50 GB four ways: each fails within the memory limit, full marks otherwise.

Allocate 50 GB four ways (numpy, bytearray, mmap, a growing list): each fails within the memory
limit, and a correct notebook still gets full marks. The list grows by 64 MiB arrays that are
never written: the limit bounds address space, so the list fails at the same size as one whose
pages are all touched, in milliseconds (touching them took about 0.5 s of CPU, which met the
cell's 5 s limit first under a quota of half a core). It stops at 50 GB: without the limit the
row lacks the list's MemoryError, which the test expects.
"""

import mmap

import numpy as np

failed = []
for name, allocate in [
    ("numpy", lambda: np.ones(50 * 2**30 // 8)),
    ("bytearray", lambda: bytearray(50 * 2**30)),
    ("mmap", lambda: mmap.mmap(-1, 50 * 2**30)),
]:
    try:
        allocate()
    except (MemoryError, OSError, ValueError) as error:
        failed.append(f"{name}: {type(error).__name__}")
hoard = []
try:
    while len(hoard) < 50 * 2**30 // (64 * 2**20):
        hoard.append(np.empty(64 * 2**20, dtype=np.uint8))
except MemoryError:
    failed.append(f"list of {len(hoard) * 64} MiB: MemoryError")
del hoard
raise Exception(f"hostile-ran {failed}")
