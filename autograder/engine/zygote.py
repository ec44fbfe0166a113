"""The warm server that forks student processes: numpy and the notebook machinery imported
once, nothing secret ever loaded.

Started by engine.process.Zygote with a fresh interpreter (`python -I`), so it inherits no
memory of the grader: no test, no answer, no gradebook. It takes requests on a SOCK_SEQPACKET
socket, each a JSON object (workdir, uid, limits) with the student end of a new socket pair
as an attached descriptor, and forks a keeper per request (see engine.child), answering with
the keeper's pid. Its first message says which sandbox mechanisms this machine lacks.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys


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


def main(control_fd: int, parent: int) -> None:
    from . import child, confine

    confine.die_with_parent(parent)
    missing = confine.isolate_zygote()
    readable = confine.readable_paths()
    view = confine.open_view(readable)
    if view:
        missing["view"] = view
    preload()
    confine.prebuild_seccomp()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # keepers are reaped by the kernel
    control = socket.socket(fileno=control_fd)
    control.send(json.dumps({"missing": missing, "readable": readable}).encode())
    me = os.getpid()
    while True:
        data, fds, _, _ = socket.recv_fds(control, 1 << 16, 1)
        if not data or not fds:
            sys.exit(0)
        pid = os.fork()
        if pid == 0:
            control.close()
            child.keeper(fds[0], json.loads(data), readable, missing, me)
        for fd in fds:
            os.close(fd)
        control.send(json.dumps({"pid": pid}).encode())


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
