"""Read other processes' memory (/proc/<pid>/mem, ptrace, process_vm_readv): nothing is read.

Read other processes' memory: /proc/<pid>/mem and maps of the parent and of pids 1..4999,
process_vm_readv and ptrace through ctypes: nothing is read.

seccomp denies ptrace and process_vm_readv; Landlock and the separate uid close /proc/<pid>/mem.
"""

import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
read, attempts = [], 0
for pid in [os.getppid(), 1, *range(2, 5000)]:
    for name in ("maps", "mem"):
        attempts += 1
        try:
            with open(f"/proc/{pid}/{name}", "rb") as f:
                read.append(f.read(64))
        except OSError:
            pass
for pid in (1, os.getppid(), 2, 3):
    attempts += 2
    if libc.ptrace(16, pid, None, None) == 0:  # PTRACE_ATTACH
        read.append(b"ptrace %d" % pid)
    buffer = ctypes.create_string_buffer(64)

    class IoVec(ctypes.Structure):
        _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]

    local, remote = IoVec(ctypes.addressof(buffer), 64), IoVec(0x400000, 64)
    if libc.process_vm_readv(pid, ctypes.byref(local), 1, ctypes.byref(remote), 1, 0) > 0:
        read.append(buffer.raw)
raise Exception(f"hostile-ran tried {attempts} read {len(read)}: {read[:2]!r}"[:190])
