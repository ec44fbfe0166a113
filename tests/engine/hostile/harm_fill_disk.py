"""Fill the disk with files under the size limit: the per-file limit holds, the batch completes.

Fill the disk with many files, each just under the file-size limit: the per-file limit holds (a
larger write is refused), the batch completes and the working folder is deleted afterwards.

No engine limit covers the total written but the slot's tmpfs: 24 files of the 4 MiB limit
here (96 MiB, about 0.3 s of CPU, far from the cell's 5 s limit on a busy machine).
"""

LIMIT = 4 * 2**20
chunk = b"\0" * LIMIT
written = 0
for n in range(24):
    with open(f"fill-{n}.bin", "wb") as f:
        f.write(chunk)
    written += LIMIT
try:
    with open("one-more-byte.bin", "wb") as f:
        f.write(chunk + b"!")
    over = "accepted"
except OSError as error:
    over = error.strerror
raise Exception(f"hostile-ran wrote {written // 2**20} MiB; one file over the limit: {over}")
