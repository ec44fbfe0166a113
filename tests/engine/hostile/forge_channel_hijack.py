"""Hijack the student end of the channel: score stays 0 and feedback messages stay short.

Take over the student process's end of the channel (patch the engine's Student class found in
sys.modules): reply with handles to the grader's objects, a forged "raise" whose type name is 1
MB long: the score stays 0 and no feedback message is longer than a few hundred characters.

Whatever the student process says is data: a handle it invents is a protocol error, and what
it sends back is never trusted to be short.
"""

import sys

engine = next(
    module
    for module in list(sys.modules.values())
    if getattr(module, "Student", None) is not None and hasattr(module, "Remote")
)
Student = engine.Student
calls = {"n": 0}


def hijacked_call(self, name, args, kwargs):
    calls["n"] += 1
    if calls["n"] % 2:
        return ("raise", "X" * 2**20, "SystemExit", "forged", (args, kwargs))
    return ("return", engine.Remote(self, 10**6), (args, kwargs))


Student.call = hijacked_call
raise Exception("hostile-ran hijacked the channel")
