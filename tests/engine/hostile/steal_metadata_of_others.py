"""Stat and watch what is not its own: nothing of it exists, nothing about others leaks.

Stat (stat, lstat, access, readlink) a classmate's notebook in the submissions folder, the
gradebook's store and its -wal beside the gradebook, /etc/shadow, /root, the other slots'
folders and the unpacked autograder, and watch the submissions and output folders with inotify
and fanotify; echo all it learned in its own failure messages: none of those paths exists for
it (what does exist, a folder on the way to Python or to its own folder, is not the real one),
no watch can be made, and the feedback and gradebook hold nothing about the others.

Each student process has a root of its own (Python's folders, /dev/null and its own folder, no
other path) and seccomp refuses inotify and fanotify.
"""

import ctypes
import errno
import os
import time

here = os.getcwd()
TARGETS = [
    "@@SUBMISSIONS@@", "@@SUBMISSIONS@@/reference.ipynb", "@@SUBMISSIONS@@/blank.ipynb",
    "@@SUBMISSIONS@@/garbage.ipynb", "@@OUTPUT@@", "@@OUTPUT@@/gradebook.sqlite",
    "@@OUTPUT@@/gradebook.sqlite-wal", "@@OUTPUT@@/gradebook.csv", "/etc/shadow", "/root",
    "/root/.ssh", "/tmp", "@@REPO@@", "@@DIST@@", os.path.normpath(os.path.join(here, "../../autograder")),
]  # fmt: skip
TARGETS += [
    os.path.normpath(os.path.join(here, f"../../slot-{n}{tail}"))
    for n in range(10)
    for tail in ("", "/trabajo", "/trabajo/data")
    if os.path.normpath(os.path.join(here, f"../../slot-{n}")) != os.path.dirname(here)
]


def seen(path):
    """What this process can tell of path: device:inode:size:mode:owner, "exists", or None."""
    for look in (os.stat, os.lstat):
        try:
            info = look(path)
            return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{oct(info.st_mode)}:{info.st_uid}"
        except OSError:
            pass
    if os.access(path, os.F_OK):
        return "exists"
    try:
        os.readlink(path)
        return "exists"
    except OSError as error:
        return "exists" if error.errno == errno.EINVAL else None


found = {path: seen(path) for path in TARGETS}
SAW = "; ".join(f"{path}={what}" for path, what in found.items() if what)
SAW = f"hostile-ran saw {sum(1 for w in found.values() if w)} of {len(TARGETS)}: {SAW} |"

libc = ctypes.CDLL(None, use_errno=True)


def outcome(value):
    return "ok" if value >= 0 else errno.errorcode.get(ctypes.get_errno(), "?")


names = []
watches = {}
descriptor = libc.inotify_init1(os.O_NONBLOCK)
watches["inotify_init1"] = outcome(descriptor)
watches["inotify_init"] = outcome(libc.inotify_init())
if descriptor >= 0:
    for folder in ("@@SUBMISSIONS@@", "@@OUTPUT@@", os.path.dirname(here)):
        watches[f"watch {folder}"] = outcome(libc.inotify_add_watch(descriptor, folder.encode(), 0xFFF))
    time.sleep(2)
    try:
        data = os.read(descriptor, 1 << 16)
    except OSError:
        data = b""
    while len(data) >= 16:
        length = int.from_bytes(data[12:16], "little")
        names.append(data[16 : 16 + length].rstrip(b"\0").decode(errors="replace"))
        data = data[16 + length :]
watches["fanotify_init"] = outcome(libc.fanotify_init(0, 0))
WATCHED = "hostile-ran watched: " + " ".join(f"{k}={v}" for k, v in watches.items()) + f" names {names[:20]}"


def softmax(z):
    raise Exception(SAW)


def rnn_cell_forward(xt, a_prev, parameters):
    raise Exception(WATCHED)
