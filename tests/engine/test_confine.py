"""engine.confine's view and probe: a student process's root holds Python's folders, /dev/null and
its own folder, nothing else; the zygote's probe says what this machine lacks before any
student code runs."""

import errno
import json
import os
import sys
from collections.abc import Callable

import pytest

from autograder.engine import confine

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="a root of its own is made as root here")


@pytest.fixture(autouse=True)
def as_the_zygote():
    """What the zygote has loaded before it probes or forks: the bindings (libseccomp is found
    by a search that a view makes impossible), and the prebuilt filter."""
    pytest.importorskip("landlock")
    pytest.importorskip("pyseccomp")
    confine.prebuild_seccomp()


def in_child(work: Callable[[], object]) -> object:
    """What work() returns, run in a forked process (whatever it changes ends with it)."""
    ours, theirs = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(ours)
            try:
                result = work()
            except BaseException as error:
                result = {"error": repr(error)}
            os.write(theirs, json.dumps(result).encode())
        finally:
            os._exit(0)
    os.close(theirs)
    data = b""
    while chunk := os.read(ours, 1 << 16):
        data += chunk
    os.close(ours)
    os.waitpid(pid, 0)
    return json.loads(data)


def test_own_root_holds_python_devnull_and_its_folder_only(tmp_path):
    work, other = tmp_path / "slot-0" / "trabajo", tmp_path / "slot-1" / "trabajo"
    work.mkdir(parents=True)
    other.mkdir(parents=True)
    (work / "mine.txt").write_text("mío")
    (other / "theirs.txt").write_text("suyo")
    looked_at = [str(work / "mine.txt"), sys.prefix, sys.base_prefix, os.devnull, str(other / "theirs.txt")]
    looked_at += [str(other), "/etc/passwd", "/etc", "/proc/self", "/home", os.path.expanduser("~/.bashrc")]

    def look() -> object:
        confine.own_root(str(work))
        with open("/dev/null", "w") as f:
            f.write("x")
        return {"exists": {p: os.path.exists(p) for p in looked_at}, "top": sorted(os.listdir("/"))}

    seen = in_child(look)
    assert "error" not in seen, seen
    assert seen["exists"] == {p: p in looked_at[:4] for p in looked_at}
    tops = {p.split(os.sep)[1] for p in [*confine.python_paths(), os.devnull, str(work)]}
    assert set(seen["top"]) <= tops


def test_probe_finds_every_mechanism_of_this_machine():
    # CI and Gradescope run as root on a kernel with Landlock: nothing may be missing there
    assert confine.probe(confine.readable_paths()) == {}


def test_probe_without_a_view_says_so_and_whether_the_slots_user_reaches_python(monkeypatch):
    def no_view(workdir):
        raise OSError(errno.EPERM, "mount: not permitted")

    monkeypatch.setattr(confine, "own_root", no_view)  # the probe's process is forked: it has it too
    readable = confine.readable_paths()
    missing = confine.probe(readable)
    assert set(missing) <= {"view", "user"} and missing["view"] == "no root of its own (mount: not permitted)"
    closed = [f for f in map(confine.first_closed_folder, readable) if f]
    assert ("user" in missing) == bool(closed)
