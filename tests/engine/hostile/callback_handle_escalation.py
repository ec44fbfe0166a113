"""rnn_types q5: call tofile() on a grader-side ndarray handle: nothing written, later neighbours intact.

rnn_types q5: turn a callback's result into a handle to a grader-side ndarray (rng.choice over
strings gives a str array, which is not plain data) and call its public methods: tofile() would
write files as root outside the sandbox (markers in /tmp and the submissions folder, the
autograder's seed.txt). Nothing may be written, and neighbours graded later in the same slot
keep their exact scores.

A correct notebook otherwise: the wrapper samples with the reference after trying.
"""

_sample = globals()["one_to_many_sample"]
TOKEN = "@@TOKEN@@"
TARGETS = {
    f"/tmp/hostile-{TOKEN}-callback_handle_escalation": "marker",
    f"@@SUBMISSIONS@@/hostile-{TOKEN}-callback_handle_escalation": "marker",
    "rnncheck/seed.txt": "7",  # relative to the grader's working folder: the unpacked zip's files/
}
tried = []


def one_to_many_sample(parameters, T_y, rng, eos_index=None, greedy=False):
    if type(rng).__name__ == "Remote" and not tried:
        for path, text in TARGETS.items():
            try:
                handle = rng.choice([text], size=1)
                handle.tofile(path, sep="\n", format="%s")
                tried.append(f"{path}: written")
            except Exception as error:
                tried.append(f"{path}: {type(error).__name__}")
    return _sample(parameters, T_y, rng, eos_index, greedy)
