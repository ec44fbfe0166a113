"""Hold memory that RLIMIT_AS does not count (memfd): the process must stay within its limit.

Hold more memory than the memory limit where RLIMIT_AS does not count it: 200 memfd files of 4
MiB (each under the file-size limit), written with write() and never mapped: the process must
not hold more than its 768 MiB memory limit.

The address-space limit counts mappings only; a memfd's pages belong to no mapping.
"""

import os

CHUNK = 4 * 2**20  # the file-size limit of this batch
held, fds = 0, []
for n in range(200):
    try:
        fd = os.memfd_create(f"hoard-{n}")
        os.write(fd, b"\1" * CHUNK)
    except OSError:
        break
    fds.append(fd)
    held += CHUNK
raise Exception(f"hostile-ran held {held // 2**20} MiB")
