"""rnn_types q5: abuse the recording generator: private parts refused, no undue points.

rnn_types q5: abuse the recording generator the test passes (rnncheck.sampling.RecordingRng, a
handle to the grader's object):
rng.standard_normal(size=10**11), rng.bit_generator, rng._rng, raw callbacks to __reduce__,
__getattribute__, __dict__, __init__: private attributes are refused, the 800 GB draw fails, and
no more points than a notebook whose functions return None.

Only public methods of the grader's object can be called, with plain data.
"""


def one_to_many_sample(parameters, T_y, rng, eos_index=None, greedy=False):
    if type(rng).__name__ != "Remote":
        return None
    tried = []

    def attempt(name, action):
        try:
            value = action()
            tried.append(f"{name}=ok:{type(value).__name__}")
        except Exception as error:
            tried.append(f"{name}={type(error).__name__}")

    raw = rng._student.callback
    attempt("huge", lambda: rng.standard_normal(size=10**11))
    attempt("bit_generator", lambda: rng.bit_generator())
    attempt("_rng", lambda: rng._rng)
    attempt("calls", lambda: rng.calls())
    attempt("raw_rng", lambda: raw(rng._handle, "_rng", (), {}))
    attempt("reduce", lambda: raw(rng._handle, "__reduce_ex__", (2,), {}))
    attempt("getattribute", lambda: raw(rng._handle, "__getattribute__", ("_rng",), {}))
    attempt("dict", lambda: raw(rng._handle, "__dict__", (), {}))
    attempt("init", lambda: raw(rng._handle, "__init__", (0, [9, 9, 9]), {}))
    attempt("class", lambda: raw(rng._handle, "__class__", (), {}))
    attempt("spawn", lambda: rng.spawn(1000))
    raise Exception("hostile-ran " + " ".join(tried))
