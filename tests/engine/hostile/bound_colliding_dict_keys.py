"""Reply with a dict of 200,000 int keys that all hash alike: the grader refuses it at once.

Patch the student process's encoder (found in sys.modules) so that initialize_parameters' reply
is a forged frame: a dict of 200,000 int keys, every one a multiple of 2**61 - 1 (the same hash),
about 6 MB of JSON. The grader refuses it after a few thousand keys, costing only the call that
sent it; the submissions graded after it in the same slot keep their exact scores.

Decoding built a dict of the keys as they came: quadratic, with no deadline checked (450,000
keys: the grader spun until replaced, 186 s).
"""

import json
import struct
import sys

codec = next(m for m in list(sys.modules.values()) if hasattr(m, "Decoder") and hasattr(m, "encode"))
real_encode = codec.encode
PRIME = 2**61 - 1
pairs = ",".join(f"[{PRIME * k},0]" for k in range(1, 200_001))
header = ('[[],{"t":["return",{"d":[' + pairs + "]},null]}]").encode()
FORGED = struct.pack(">II", len(header), 0) + header
json.loads(header)  # well-formed


def forged_encode(value, unknown):
    if type(value) is tuple and len(value) == 3 and value[0] == "return" and type(value[1]) is str:
        return FORGED
    return real_encode(value, unknown)


codec.encode = forged_encode


def initialize_parameters(n_a, n_x, n_y, seed=0):
    return "collide"
