"""engine.grading's handling of a submission's folder, and the grader's bounds on callbacks: what
a submission leaves or asks for never costs the grader or the next submission."""

import os
import stat

import numpy as np
import pytest

from autograder.engine import grading, process
from autograder.engine.process import CALLBACK_BYTES, StudentProcess, memory_cap


def nest(folder, depth):
    """depth folders, each inside the last, made without ever naming a long path."""
    top = os.open(folder, os.O_RDONLY)
    here = os.getcwd()
    try:
        os.chdir(folder)
        for _ in range(depth):
            os.mkdir("d")
            os.chdir("d")
        with open("deepest.txt", "w") as f:
            f.write("x")
        os.chmod("deepest.txt", 0)
        for level in range(depth):
            os.chdir("..")
            if level % 7 == 0:
                os.chmod("d", 0)
    finally:
        os.chdir(here)
        os.close(top)


def test_remove_tree_removes_any_depth_permissions_and_no_link_target(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    work = tmp_path / "trabajo"
    work.mkdir()
    nest(work, 1500)  # shutil.rmtree: RecursionError
    (work / "link").symlink_to(outside)
    (work / "link-to-folder").symlink_to(tmp_path)
    (work / ".rm0").mkdir()  # a name the removal itself might use
    os.chmod(work, 0)
    grading.remove_tree(work)
    assert not work.exists() and outside.read_text() == "keep"
    grading.remove_tree(work)  # nothing there: nothing to do


def test_repair_workdir_gives_the_folder_back_to_its_owner(tmp_path):
    work = tmp_path / "trabajo"
    work.mkdir(mode=0o700)
    os.chmod(work, 0)
    grading.repair_workdir(work, None)
    assert stat.S_IMODE(work.stat().st_mode) == 0o700
    with pytest.raises(FileNotFoundError):
        grading.repair_workdir(tmp_path / "gone", None)


class Reads:
    """A test's f that keeps a copy of what it reads at every call, as bptt q2's does."""

    def __init__(self, array):
        self.array, self.seen = array, []

    def __call__(self):
        self.seen.append(self.array.copy())
        return float(self.array.sum())


def test_callbacks_of_one_call_bring_the_grader_a_bounded_amount(monkeypatch):
    student = StudentProcess.__new__(StudentProcess)  # no process: only its callback side
    student.objects, student.ids, student.spent, student.callbacks = [], {}, 0, 0
    array = np.zeros(3)
    f = Reads(array)
    student.objects.append(f)
    student.current = ((f, array), {})
    grown = np.ones(2**20)  # 8 MiB with every callback, as a student's in-place resize sends it
    replies = [student.callback(("callback", 0, "__call__", (), {}, ((f, grown), {}))) for _ in range(12)]
    accepted = [r for r in replies if r[0] == "return"]
    assert len(accepted) * grown.nbytes <= CALLBACK_BYTES < (len(accepted) + 1) * grown.nbytes + 2**20
    assert replies[-1][:2] == ("raise", "ValueError") and len(f.seen) == len(accepted)


def test_a_callback_may_not_map_much_more_memory():
    with memory_cap(64 * 2**20), pytest.raises(MemoryError):
        np.ones(2**28)  # 2 GiB
    assert np.ones(2**24).nbytes == 2**27  # the cap is gone after the block


def test_exception_classes_are_made_afresh(monkeypatch):
    one, two = (
        process.exception_from("Mine", "ValueError", "a"),
        process.exception_from("Mine", "ValueError", "b"),
    )
    assert type(one).__name__ == "Mine" and isinstance(one, ValueError) and type(one) is not type(two)


def test_the_recording_generator_draws_only_and_records_a_bounded_number_of_calls():
    from rnncheck.sampling import MAX_CALLS, RecordingRng

    rng = RecordingRng(seed=1)
    with pytest.raises(AttributeError, match="spawn"):
        rng.spawn(10**6)  # a million generators: seconds of the grader's time for one callback
    for _ in range(MAX_CALLS):
        rng.random()
    with pytest.raises(ValueError, match=str(MAX_CALLS)):
        rng.choice(3)
    assert len(rng.calls) == MAX_CALLS
