"""Open 100 000 descriptors: the open-files limit stops them, full marks otherwise.

Open 100 000 descriptors (files, dup, pipes, eventfds; memfd_create is denied outright): the
open-files limit stops them ("Too many open files"), and a correct notebook still gets full marks.
"""

import os

fds, error = [], ""
try:
    for n in range(100_000):
        kind = n % 4
        if kind == 0:
            fds.append(os.open(os.devnull, os.O_RDONLY))
        elif kind == 1:
            fds.append(os.dup(0))
        elif kind == 2:
            fds.extend(os.pipe())
        else:
            fds.append(os.eventfd(0))
except OSError as failure:
    error = failure.strerror
count = len(fds)
for fd in fds:
    os.close(fd)
raise Exception(f"hostile-ran opened {count}: {error}")
