"""The warm server that forks student processes: numpy and the notebook machinery imported
once, nothing secret ever loaded.

Started by engine.process.Zygote with a fresh interpreter (`python -I`), so it inherits no
memory of the grader: no test, no answer, no gradebook. It takes requests on a Unix socket,
each a JSON object (workdir, uid, limits) with the student end of a new socket pair as an
attached descriptor (and the writing end of a pipe for the tracebacks a call's warning writes,
see engine.child, Student.warned), and forks a keeper per request (see engine.child), answering with the
keeper's pid; or {"sweep": uid}, to end every process of that user. Each keeper is given, as
it is forked, a root of its own (engine.confine.own_root: Python's folders, /dev/null and its
workdir, nothing else). Its first message says which sandbox mechanisms this machine lacks,
tried once before it serves (engine.confine.probe).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import struct
import sys
from typing import Any

_LENGTH = struct.Struct(">I")


def send_json(sock: socket.socket, value: Any, fds: list[int] | None = None) -> None:
    """One JSON message, length first, with descriptors attached to it."""
    data = json.dumps(value).encode()
    socket.send_fds(sock, [_LENGTH.pack(len(data)) + data], fds or [])


def receive_json(sock: socket.socket) -> tuple[Any, list[int]]:
    """The next JSON message and the descriptors attached to it; EOFError when the peer is gone."""
    head, fds, _, _ = socket.recv_fds(sock, _LENGTH.size, 4)
    while len(head) < _LENGTH.size:
        more = sock.recv(_LENGTH.size - len(head))
        if not more:
            raise EOFError
        head += more
    (size,) = _LENGTH.unpack(head)
    data = b""
    while len(data) < size:
        more = sock.recv(size - len(data))
        if not more:
            raise EOFError
        data += more
    return json.loads(data), fds


def preload() -> None:
    """What every student process would import or set up anyway, done once here: numpy and its
    global random state, matplotlib with its fonts loaded, IPython's cell transformer."""
    import random

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy
    from IPython.core.inputtransformer2 import TransformerManager

    numpy.random.seed(0)
    random.seed(0)
    figure, axes = plt.subplots()
    axes.plot([0, 1], [0, 1], label="x")
    axes.set_title("título")
    axes.legend()
    figure.canvas.draw()
    plt.close("all")
    TransformerManager().transform_cell("%matplotlib inline\n")
    for optional in ("landlock", "pyseccomp"):
        try:
            __import__(optional)
        except ImportError:
            pass


def sweep(uid: int) -> None:
    """End every process of uid, from a child that becomes uid (kill(-1) reaches only its own)."""
    pid = os.fork()
    if pid == 0:
        try:
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    with contextlib.suppress(ChildProcessError):  # children are reaped by the kernel here
        os.waitpid(pid, 0)


def main(control_fd: int, parent: int) -> None:
    from . import child, confine

    confine.die_with_parent(parent)
    missing = confine.isolate_zygote()
    readable = confine.readable_paths()
    preload()
    confine.prebuild_seccomp()
    missing.update(confine.probe(readable))
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # keepers are reaped by the kernel
    control = socket.socket(fileno=control_fd)
    send_json(control, {"missing": missing, "readable": readable})
    me = os.getpid()
    while True:
        try:
            request, fds = receive_json(control)
        except (EOFError, OSError, ValueError):
            sys.exit(0)
        if "sweep" in request:
            sweep(int(request["sweep"]))
            send_json(control, {"swept": True})
            continue
        if len(fds) not in (1, 2):
            sys.exit(0)
        pid = os.fork()
        if pid == 0:
            control.close()
            if "view" not in missing:
                try:
                    confine.own_root(str(request["workdir"]))
                except BaseException:  # no student code may run in a view half made
                    os._exit(70)
            child.keeper(fds[0], request, readable, missing, me, *fds[1:])
        for fd in fds:
            os.close(fd)
        send_json(control, {"pid": pid})


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
