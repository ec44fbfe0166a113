"""rnn_types q5: rng.spawn(10**6) through the recording generator: refused at once.

rnn_types q5: ask the recording generator the test passes for a million child generators (one
small argument, 24-31 s of work in the grader per call before): spawn is not a method that draws,
so it is refused at once, and the submissions graded after it keep their exact scores.
"""


def one_to_many_sample(parameters, T_y, rng, eos_index=None, greedy=False):
    if type(rng).__name__ != "Remote":
        return None
    try:
        rng.spawn(10**6)
        spawned = "ok"
    except Exception as error:
        spawned = f"{type(error).__name__}: {error}"
    raise Exception(f"hostile-ran spawn {spawned}")
