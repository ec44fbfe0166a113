"""Start processes every way (fork, spawn, subprocess, exec, clone): none starts or remains.

Start other processes every way (os.fork, forkpty, posix_spawn, subprocess, os.system,
multiprocessing, raw clone and vfork syscalls, execv): none starts, no process is left behind,
no marker appears, and a correct notebook still gets full marks.
"""

import ctypes
import multiprocessing
import os
import pty
import subprocess
import time

MARKER = "/tmp/hostile-@@TOKEN@@-escape_fork_and_exec"
libc = ctypes.CDLL(None, use_errno=True)
started = []


def child():
    with open(MARKER, "w") as f:
        f.write("forked")
    time.sleep(3600)
    os._exit(0)


def attempt(name, start):
    try:
        pid = start()
    except Exception:
        return
    if pid == 0:
        child()
    if pid is not None and pid > 0:
        started.append(name)


attempt("fork", os.fork)
attempt("forkpty", lambda: pty.fork()[0])
attempt("posix_spawn", lambda: os.posix_spawn("/bin/sh", ["sh", "-c", f"touch {MARKER}; sleep 3600"], {}))
attempt("subprocess", lambda: subprocess.Popen(["sh", "-c", f"touch {MARKER}; sleep 3600"]).pid)
attempt("system", lambda: 1 if os.system(f"touch {MARKER}") == 0 else None)
attempt("multiprocessing", lambda: multiprocessing.Process(target=child).start() or 1)
attempt("clone", lambda: libc.syscall(56, 17, 0, 0, 0, 0))  # SYS_clone(SIGCHLD)
attempt("vfork", lambda: libc.syscall(58))  # SYS_vfork
for _ in range(100):  # a fork bomb
    attempt("fork bomb", os.fork)
attempt("execv", lambda: os.execv("/bin/sh", ["sh", "-c", f"touch {MARKER}"]))
raise Exception(f"hostile-ran started {started}")
