"""Allocate 50 GB four ways: each fails within the memory limit, full marks otherwise.

Allocate 50 GB four ways (numpy, bytearray, mmap, a growing list): each fails within the memory
limit, and a correct notebook still gets full marks.
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
    while True:
        hoard.append(bytearray(64 * 2**20))
except MemoryError:
    failed.append(f"list of {len(hoard) * 64} MiB: MemoryError")
del hoard
raise Exception(f"hostile-ran {failed}")
