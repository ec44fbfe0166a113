"""Signal everyone (parent, group, -1, every pid): nothing is signalled, the batch completes.

Signal everyone: the parent, the process group, kill(-1), pids 1..32767, through os.kill,
os.killpg, signal.pthread_kill and the raw syscall: the batch completes and every neighbour
keeps its score.

seccomp lets the student process signal only itself, and it runs as its own uid in its own PID namespace.
"""

import ctypes
import os
import signal

libc = ctypes.CDLL(None, use_errno=True)
sent = []
for pid, how in [(os.getppid(), "parent"), (0, "group"), (-1, "everyone")]:
    try:
        os.kill(pid, signal.SIGKILL)
        sent.append(how)
    except OSError:
        pass
for group in (0, os.getpgid(0), 1):
    try:
        os.killpg(group, signal.SIGKILL)
        sent.append(f"killpg {group}")
    except OSError:
        pass
for pid in range(2, 32768):
    if libc.kill(pid, signal.SIGKILL) == 0:
        sent.append(pid)
for big in (-1, 0x1_0000_0001, 0xFFFF_FFFF):  # the upper half of the register must not fool the filter
    if libc.syscall(62, ctypes.c_long(big), signal.SIGKILL) == 0:  # SYS_kill on x86-64
        sent.append(hex(big))
raise Exception(f"hostile-ran signalled {len(sent)}: {sent[:4]} as uid {os.getuid()}")
