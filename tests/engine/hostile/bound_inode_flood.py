"""Create 20,000 empty files: the slot's disk runs out of inodes, the batch goes on.

Create 20,000 empty files in the working folder: creation stops at the slot's inode limit
(4,096 in these batches) with "No space left on device", and the submissions graded after it in
the same slot keep their exact scores.

The slot's tmpfs bounded bytes only: 3 million empty files took the kernel's slab memory from
1.8 to 4.9 GB until they were removed.
"""

made, error = 0, "none"
try:
    for n in range(20_000):
        open(f"empty-{n}", "w").close()
        made += 1
except OSError as refused:
    error = refused.strerror
raise Exception(f"hostile-ran made {'all' if made == 20_000 else 'fewer'} files: {error}")
