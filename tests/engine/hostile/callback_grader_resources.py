"""rnn_types q5: make the grader work and hold memory for us: it must keep to the call and memory limits.

rnn_types q5: make the grader spend resources through the recording generator: (1) one heavy
callback with small arguments (multinomial over 10**5 categories, 200 times: under the engine's
CALLBACK_LIMIT) started just before the call's 4 s limit (test_hostile.SmallBudget); (2)
rng.choice over one 1 MB string, 60 times, builds a 229 MiB str array in the grader that comes
back as a handle and stays there, one per call; four exceed the student's 768 MiB limit. A call
must not run much past its limit, and the grader must hold no more than the student's limit.

Callbacks run in the grader process, which has no memory limit; a call's deadline is checked
only between messages, and a result that is not plain data is kept as a handle.
"""

# %% start
import time

BOOT = time.monotonic()  # the first cell: when this process started, near enough

# %%
import os  # noqa: E402

import numpy as np  # noqa: E402

BIG = "x" * 1_000_000
STAMP = "callback-stamp.txt"  # in the working folder, which outlives a restart of the process
pinned = []


def one_to_many_sample(parameters, T_y, rng, eos_index=None, greedy=False):
    if type(rng).__name__ != "Remote":
        return None
    if not os.path.exists(STAMP):  # (1) once per submission: the working folder remembers
        with open(STAMP, "w") as f:
            f.write(repr(time.monotonic()))
        start = time.monotonic()
        while time.monotonic() - start < 3.9:
            pass
        rng.multinomial(10**7, np.full(10**5, 1e-5), size=200)
        return None
    pinned.append(rng.choice([BIG], size=60))  # (2)
    if len(pinned) == 1:  # the first call of the process started after (1) ended its predecessor
        with open(STAMP) as f:
            stamp = float(f.read())
        ran = f"{BOOT - stamp:.1f} s" if BOOT > stamp else "no longer than its limit"
        raise Exception(f"hostile-ran the grader let one call run {ran}")
    if len(pinned) == 4:
        raise Exception(f"hostile-ran the grader holds {len(pinned) * 229} MiB for us")
    return None
