"""engine.batch: many submissions through grader processes, each slot with its own disk, user
and zygote; what goes wrong in one row stays in that row."""

import os
import time

import nbformat
import pytest

from autograder.engine import batch, grading
from autograder.engine.batch import Options, grade_all
from autograder.engine.confine import MECHANISMS, Limits
from autograder.engine.outcome import zero
from autograder.engine.session import Budget
from autograder.fill import fill
from autograder.notebook import render
from rnncheck.messages import say

pytestmark = pytest.mark.slow


def notebook(build, folder, name, *cells, filled=True):
    nb = (
        fill(render(build.assignment), [build.assignment.solution_path])
        if filled
        else render(build.assignment)
    )
    nb.cells[1:1] = [nbformat.v4.new_code_cell(source) for source in cells]
    path = folder / name
    nbformat.write(nb, path)
    return (name, path)


def test_the_sandbox_report_names_every_mechanism_this_machine_has(builds, tmp_path):
    build = builds["rnn_forward"]
    reports = []
    grade_all(
        build.autograder_zip,
        [notebook(build, tmp_path, "a.ipynb")],
        Options(jobs=1),
        on_sandbox=reports.append,
    )
    assert len(reports) == 1
    if os.geteuid() == 0:  # CI and Gradescope: nothing may be missing
        assert reports[0] == {}, reports[0]
    assert set(reports[0]) <= set(MECHANISMS)


def test_a_submission_cannot_write_more_than_its_slots_disk(builds, tmp_path):
    build = builds["rnn_forward"]
    fill_disk = (
        "written = 0\ntry:\n    for n in range(40):\n        with open(f'relleno{n}', 'wb') as f:\n"
        "            f.write(b'x' * 2**20 * 4)\n        written += 4\nexcept OSError as error:\n"
        "    raise RuntimeError(f'{written} MiB: {error.strerror}')"
    )
    options = Options(jobs=1, limits=Limits(disk=32 * 2**20))
    (outcome,) = grade_all(build.autograder_zip, [notebook(build, tmp_path, "a.ipynb", fill_disk)], options)
    if os.geteuid() != 0:
        pytest.skip("a private tmpfs needs root")
    assert outcome.total == outcome.total_possible  # the notebook's functions still work
    assert any("No space left on device" in e for e in outcome.cell_errors), outcome.cell_errors


def test_a_memory_limit_too_small_to_start_the_notebook_is_named(builds, tmp_path):
    build = builds["rnn_forward"]
    options = Options(jobs=1, limits=Limits(memory=64 * 2**20))  # numpy alone takes more
    (outcome,) = grade_all(build.autograder_zip, [notebook(build, tmp_path, "a.ipynb")], options)
    assert outcome.status == "error" and outcome.total == 0
    start = say("reason_memory_too_small", limit=64, needed=0).split(", ")[0]
    assert outcome.reason.startswith(start) and "MiB" in outcome.reason.split(start)[1], outcome.reason


def test_a_grader_error_costs_only_its_own_row(builds, tmp_path, monkeypatch):
    build = builds["rnn_forward"]
    real = grading.grade_file

    def fails_on_b(autograder, slot, path, name):
        if name == "b.ipynb":
            raise KeyError("a bug of ours")
        return real(autograder, slot, path, name)

    monkeypatch.setattr(batch, "grade_file", fails_on_b)  # the grader processes are forked from here
    files = [notebook(build, tmp_path, n) for n in ("a.ipynb", "b.ipynb", "c.ipynb")]
    a, b, c = grade_all(build.autograder_zip, files, Options(jobs=1))
    assert a.total == c.total == a.total_possible
    assert b.status == "error" and b.reason == say("reason_grader_error", detail="KeyError('a bug of ours')")


def test_a_grader_grown_past_its_bound_is_replaced_and_the_row_stays_its_own(builds, tmp_path, monkeypatch):
    build = builds["rnn_forward"]
    real = grading.grade_file
    grown = {"yes": False}  # per grader process: each is forked from here with False

    def grows_on_b(autograder, slot, path, name):
        outcome = real(autograder, slot, path, name)
        grown["yes"] = grown["yes"] or name == "b.ipynb"
        return outcome

    monkeypatch.setattr(batch, "grade_file", grows_on_b)
    monkeypatch.setattr(batch, "resident", lambda: 2**40 if grown["yes"] else 0)
    files = [notebook(build, tmp_path, n) for n in ("a.ipynb", "b.ipynb", "c.ipynb")]
    measures = {}
    rows = grade_all(
        build.autograder_zip,
        files,
        Options(jobs=1, grader_memory=2**30),
        on_measure=lambda name, measured: measures.__setitem__(name, measured),
    )
    assert [r.total for r in rows] == [rows[0].total_possible] * 3  # b keeps its own score
    assert [measures[n]["replaced"] for n in ("a.ipynb", "b.ipynb", "c.ipynb")] == [False, True, False]
    assert measures["a.ipynb"]["pid"] == measures["b.ipynb"]["pid"] != measures["c.ipynb"]["pid"]


def test_a_submission_that_ends_its_grader_gets_an_error_row_and_is_not_tried_again(
    builds, tmp_path, monkeypatch
):
    build = builds["rnn_forward"]
    real = grading.grade_file
    tries = tmp_path / "tries"

    def ends_on_b(autograder, slot, path, name):
        if name == "b.ipynb":
            with open(tries, "a") as f:
                f.write("b\n")
            os._exit(3)
        return real(autograder, slot, path, name)

    monkeypatch.setattr(batch, "grade_file", ends_on_b)
    files = [notebook(build, tmp_path, n) for n in ("a.ipynb", "b.ipynb", "c.ipynb")]
    a, b, c = grade_all(build.autograder_zip, files, Options(jobs=1))
    assert a.total == c.total == a.total_possible
    assert b.status == "error" and b.reason == say("reason_crashed", detail=say("grader_ended"))
    assert tries.read_text() == "b\n"


def test_a_grader_that_outlasts_its_submission_is_replaced_and_the_row_says_so_in_its_language(
    builds, tmp_path, monkeypatch
):
    """A grader stuck past the submission's limit and GRACE (here a grade_file that never
    returns for b) is replaced; b's row says for how long, in the autograder's language, and
    the next submission is graded by the new grader."""
    build = builds["rnn_forward"]

    def stuck_on_b(autograder, slot, path, name):
        if name == "b.ipynb":
            time.sleep(3600)
        return zero(name, autograder.possible(), "")  # at once, however busy the machine

    monkeypatch.setattr(batch, "grade_file", stuck_on_b)
    monkeypatch.setattr(batch, "GRACE", 1.0)
    files = [notebook(build, tmp_path, n) for n in ("a.ipynb", "b.ipynb", "c.ipynb")]
    a, b, c = grade_all(build.autograder_zip, files, Options(jobs=1, budget=Budget(submission=2.0)))
    assert a.reason == c.reason == ""  # their own rows, from the grader before b and the one after
    assert b.status == "error" and b.reason == say(
        "reason_crashed", detail=say("grader_overtime", seconds="3")
    )


def _claim_in_another_process(first, folder, answer):
    batch.USERS_FOLDER = folder
    answer.send(batch.claim_user(first)[0])


def test_two_graders_on_one_machine_never_share_a_slot_user(tmp_path, monkeypatch):
    """Slot.sweep ends every process of a slot's user after each submission: a second batch
    running at the same time (another assignment, another instructor) must claim other users,
    or each would kill the other's student processes."""
    import multiprocessing

    monkeypatch.setattr(batch, "USERS_FOLDER", tmp_path)
    first = batch.UID_BASE + 700_000 + os.getpid() % 1000 * 10
    mine, lock = batch.claim_user(first)
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    other = context.Process(target=_claim_in_another_process, args=(first, tmp_path, theirs))
    other.start()
    other.join(60)
    assert (mine, ours.recv()) == (first, first + 1)
    lock.close()  # a grader that ends frees its user for the next
    other = context.Process(target=_claim_in_another_process, args=(first, tmp_path, theirs))
    other.start()
    other.join(60)
    assert ours.recv() == first
