"""engine.codec: plain data crosses the boundary unchanged; anything else arrives inert; a
malformed or hostile frame is refused without running anything."""

import json
import struct

import numpy as np
import pytest

from autograder.engine import codec
from autograder.engine.process import apply_state


def child_side(value):
    return {"o": type(value).__name__}


def round_trip(value):
    frame = codec.encode(value, child_side)
    header_size, body_size = struct.unpack(">II", frame[:8])
    return codec.Decoder(lambda n: ("handle", n)).frame(frame[8 : 8 + header_size], frame[8 + header_size :])


PLAIN = {
    "scalars": [None, True, False, 0, -3, 2**62, 1.5, float("inf"), "ñandú ⟨t⟩"],
    "containers": {"a": [1, (2, 3)], 4: {"x": ()}, (1, "b"): [], None: [[[]]]},
    "numpy scalars": (np.float64(0.25), np.int64(-7), np.bool_(True), np.float32(1.5), np.uint8(255)),
}


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_plain_data_crosses_unchanged(name):
    value = PLAIN[name]
    back = round_trip(value)
    assert back == value and type(back) is type(value)


@pytest.mark.parametrize(
    "array",
    [
        np.arange(12.0).reshape(3, 4),
        np.asfortranarray(np.arange(6.0).reshape(2, 3)),
        np.arange(5, dtype=">i4"),
        np.array([[True, False]]),
        np.zeros((0, 3)),
        np.array(3.5),
        np.arange(10, dtype=np.uint16)[::3],
    ],
    ids=["float64", "fortran-order", "big-endian", "bool", "empty", "0-d", "strided"],
)
def test_arrays_cross_with_their_shape_dtype_and_values(array):
    back = round_trip(array)
    assert type(back) is np.ndarray and back.shape == array.shape
    assert back.dtype == array.dtype.newbyteorder("=") and np.array_equal(back, array)
    assert back.flags.writeable


def test_ranges_and_dict_views_cross_as_lists_within_the_bounds():
    # a correct rng.choice(range(n_y), p=probs) on a test's generator (rnn_types' sampler)
    assert round_trip((range(2, 9, 3), {"a": 1}.keys(), {"a": 1}.values())) == ([2, 5, 8], ["a"], [1])
    with pytest.raises(codec.Unsendable):
        codec.encode(range(10**12), child_side)


def test_nan_crosses_as_nan():
    assert np.isnan(round_trip(float("nan"))) and np.isnan(round_trip(np.array([np.nan]))[0])


class Lies(np.ndarray):
    def __eq__(self, other):
        return True


@pytest.mark.parametrize(
    ("value", "type_name"),
    [
        (np.zeros(3).view(Lies), "Lies"),
        (np.array(["a", "b"]), "ndarray"),
        (np.array([object()], dtype=object), "ndarray"),
        ({1, 2}, "set"),
        ((x for x in range(3)), "generator"),
        (type("Sneaky", (), {"__array__": lambda self: np.ones(3)})(), "Sneaky"),
    ],
    ids=["ndarray subclass", "str array", "object array", "set", "generator", "__array__"],
)
def test_anything_else_arrives_as_an_inert_stand_in_named_by_its_type(value, type_name):
    back = round_trip([value])[0]
    assert isinstance(back, codec.StandIn) and type(back).__name__ == type_name
    assert back != back.__class__() and not isinstance(back, np.ndarray)


def test_numpy_generator_crosses_as_its_state():
    generator = np.random.default_rng(5)
    state = round_trip(generator)
    assert isinstance(state, codec.GeneratorState) and state.state == generator.bit_generator.state


def test_handles_are_resolved_by_the_receiver():
    frame = codec.encode(["x", object()], lambda value: {"h": 7})
    header_size = struct.unpack(">II", frame[:8])[0]
    decoder = codec.Decoder(lambda n: ("resolved", n))
    decoded = decoder.frame(frame[8 : 8 + header_size], frame[8 + header_size :])
    assert decoded == ["x", ("resolved", 7)]


def test_nesting_deeper_than_the_limit_cannot_be_sent():
    deep: list = []
    for _ in range(codec.MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(codec.Unsendable):
        codec.encode(deep, child_side)
    itself: list = []
    itself.append(itself)
    with pytest.raises(codec.Unsendable):
        codec.encode(itself, child_side)


def decode(header, body=b""):
    return codec.Decoder(lambda n: n).frame(json.dumps(header).encode(), body)


@pytest.mark.parametrize(
    ("header", "body"),
    [
        ([[0], {"a": ["|O", [1], 0]}], b"\x00" * 8),
        ([[0], {"a": ["<f8", [10**6], 0]}], b"\x00" * 8),
        ([[0], {"a": ["<f8", [-1], 0]}], b""),
        ([[0], {"a": ["<f8", [1], 5]}], b"\x00" * 8),
        ([[], {"pickle": "cos\nsystem\n(S'id'\ntR."}], b""),
        ([[], {"l": [1], "t": [2]}], b""),
        ([[], {"s": ["<f8", "1e400"]}], b""),
        ([[], {"d": [[{"l": []}, 1]]}], b""),
        ([[], [1, 2]], b""),
        ([[5], None], b""),
        ("not a frame", b""),
    ],
    ids=[
        "object dtype",
        "shape larger than data",
        "negative shape",
        "bad buffer index",
        "unknown tag",
        "two tags",
        "scalar from a string",
        "unhashable key",
        "bare JSON list",
        "offset past the body",
        "not a list",
    ],
)
def test_malformed_frames_are_refused(header, body):
    with pytest.raises(codec.ProtocolError):
        decode(header, body)


def test_header_that_is_not_json_is_refused():
    with pytest.raises(codec.ProtocolError):
        codec.Decoder(lambda n: n).frame(b"[[], {", b"")
    with pytest.raises(codec.ProtocolError):
        codec.Decoder(lambda n: n).frame(b"[" * 100_000, b"")


def test_apply_state_changes_the_callers_copies_in_place():
    array, rows = np.zeros(3), [np.zeros(2), 5]
    arguments = ((array, {"W": np.ones(2), "gone": 1}, rows), {"k": np.zeros(1)})
    state = ((np.arange(3.0), {"W": np.full(2, 7.0), "new": 2}, [np.ones(2), 6]), {"k": np.ones(1)})
    apply_state(arguments, state)
    assert array.tolist() == [0.0, 1.0, 2.0] and arguments[0][1] == {"W": pytest.approx([7.0, 7.0]), "new": 2}
    assert rows[0].tolist() == [1.0, 1.0] and rows[1] == 6 and arguments[1]["k"][0] == 1.0


def test_dict_keys_that_are_not_text_are_bounded_where_their_hashes_could_collide():
    prime = 2**61 - 1  # every multiple hashes alike
    many = {"d": [[prime * k, 0] for k in range(1, codec.MAX_HASHED + 2)]}
    with pytest.raises(codec.ProtocolError, match="not text"):
        decode([[], many])
    with pytest.raises(codec.Unsendable, match="not text"):
        codec.encode({prime * k: 0 for k in range(1, codec.MAX_HASHED + 2)}, child_side)
    words = {f"w{n}": n for n in range(codec.MAX_HASHED * 2)}  # str keys: hashes no sender chooses
    assert round_trip(words) == words


def test_a_frame_of_too_many_values_is_refused_both_ways():
    with pytest.raises(codec.ProtocolError, match="values"):
        decode([[], {"l": [0] * (codec.MAX_NODES + 1)}])
    with pytest.raises(codec.Unsendable, match="values"):
        codec.encode([0] * (codec.MAX_NODES + 1), child_side)


def test_decoding_keeps_to_its_deadline():
    header = json.dumps([[], {"l": [{"l": []}] * (codec.CHECK_EVERY * 2)}]).encode()
    with pytest.raises(TimeoutError):
        codec.Decoder(lambda n: n).frame(header, b"", deadline=0.0)  # long past
    assert len(codec.Decoder(lambda n: n).frame(header, b"")) == codec.CHECK_EVERY * 2


def test_stand_in_types_are_few_and_belong_to_their_decoder():
    names = [{"o": f"Kind{n}"} for n in range(codec.MAX_TYPES + 50)]
    decoder = codec.Decoder(lambda n: n)
    values = decoder.frame(json.dumps([[], {"l": names}]).encode(), b"")
    kinds = {type(v) for v in values}
    assert len(kinds) == codec.MAX_TYPES + 1  # the first MAX_TYPES names, then "object"
    assert type(values[0]).__name__ == "Kind0" and type(values[-1]).__name__ == "object"
    again = codec.Decoder(lambda n: n).frame(json.dumps([[], {"l": names[:1]}]).encode(), b"")
    assert type(again[0]) is not type(values[0])  # nothing shared between decoders


def test_a_generator_state_decodes_as_numpy_reads_it():
    generator = np.random.default_rng(7)
    state = round_trip([generator])[0]
    twin = np.random.default_rng(0)
    twin.bit_generator.state = state.state
    assert twin.random() == generator.random()


def test_why_a_value_cannot_cross_is_read_back_to_be_said_in_the_release_language():
    deep: list = []
    for _ in range(codec.MAX_DEPTH + 2):
        deep = [deep]
    with pytest.raises(codec.Unsendable) as raised:
        codec.encode(deep, child_side)
    assert codec.why_unsendable(str(raised.value)) == ("depth", codec.MAX_DEPTH)
    assert codec.why_unsendable("nested more than 64 levels deep, or so I say") is None  # only its own form
    from rnncheck.messages import MESSAGES

    assert set(codec.UNSENDABLE) == {
        k.removeprefix("engine_unsendable_") for k in MESSAGES["es"] if k.startswith("engine_unsendable_")
    }
