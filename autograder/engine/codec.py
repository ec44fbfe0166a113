"""Plain data across the trust boundary, both ways, in a format that runs no code when read.

A frame is two big-endian lengths (header, body), the header as JSON and the body: the raw
bytes of every array in it. JSON values stand for themselves (None, bool, int, float, str);
everything else is a one-key object:

    {"l": [...]} list        {"t": [...]} tuple        {"d": [[key, value], ...]} dict
    {"a": [dtype, shape, offset]} numeric or boolean ndarray, its bytes in the body
    {"s": [dtype, value]} numpy scalar                {"g": [name, state]} numpy Generator
    {"h": id} an object held by the other side (a handle: calls on it go back there)
    {"o": type name} an object that cannot cross (it arrives as an inert stand-in)

A range, and a dict's keys() or values(), cross as the list of their items (a correct
`rng.choice(range(n_y), p=probs)` on a test's generator works as with a list), within the
same bounds as a list: a huge range is Unsendable, never a grader that iterates it.

Decoding trusts nothing: dtypes come from a fixed list, sizes are checked against the body,
nesting, frame size and the number of nodes are bounded, and an unknown shape of node is a
ProtocolError. It keeps to the deadline of the request it answers (TimeoutError past it), builds
no dict whose keys the sender could choose to collide (keys other than str are few), and keeps
nothing once the frame is decoded: the stand-in types it makes belong to one Decoder, a bounded
number of them.
"""

from __future__ import annotations

import json
import re
import socket
import struct
import time
from collections.abc import Callable
from typing import Any

import numpy as np

MAX_HEADER = 8 * 2**20  # bytes of JSON in one frame
MAX_BODY = 64 * 2**20  # bytes of array data in one frame
MAX_DEPTH = 64  # nesting of lists, tuples and dicts
MAX_NODES = 2**19  # values of any kind in one frame
MAX_HASHED = 4096  # dict keys that are not str in one frame (their hashes are the sender's choice)
MAX_TYPES = 256  # distinct type names of stand-ins one Decoder makes; later ones are "object"
CHECK_EVERY = 4096  # nodes decoded between two looks at the deadline
DTYPES = frozenset({"|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8", "<f2", "<f4", "<f8"})
_PREFIX = struct.Struct(">II")
_TYPE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]{0,79}")


class ProtocolError(Exception):
    """A frame that is not what this protocol sends: too large, malformed or of an unknown kind."""


class Unsendable(Exception):
    """A value that cannot be encoded (nested too deeply, too large); its message is one of
    UNSENDABLE's, which the grader says again in the release's language (why_unsendable)."""


# Why a value cannot be encoded: kind -> the message, {limit} the bound it passed.
UNSENDABLE = {
    "depth": "nested more than {limit} levels deep",
    "values": "more than {limit} values",
    "keys": "more than {limit} dict keys that are not text",
    "arrays": "more than {limit} MiB of arrays",
    "structure": "more than {limit} MiB of structure",
}


def unsendable(kind: str, limit: int) -> Unsendable:
    return Unsendable(UNSENDABLE[kind].format(limit=limit))


def why_unsendable(message: str) -> tuple[str, int] | None:
    """(kind, limit) of an Unsendable's message (it may come from the student process: only a
    message of UNSENDABLE's form is read), or None."""
    for kind, template in UNSENDABLE.items():
        found = re.fullmatch(re.escape(template).replace(re.escape("{limit}"), "([0-9]{1,12})"), message)
        if found:
            return kind, int(found.group(1))
    return None


class Gone(Exception):
    """The other side closed the channel (it ended, or was killed)."""


class StandIn:
    """An inert object standing for one that could not cross: its type's name, nothing else."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


class StandIns:
    """Makes inert objects named after types: one type per distinct name, at most `limit` names
    (later ones are named "object"), kept by this object only, so that what one submission
    sends is forgotten with its session."""

    def __init__(self, limit: int = MAX_TYPES) -> None:
        self.limit = limit
        self.types: dict[str, type] = {}

    def __call__(self, type_name: str) -> StandIn:
        """A new inert object whose type is named `type_name` (a sanitized name)."""
        name = type_name if _TYPE_NAME.fullmatch(type_name) else "object"
        name = name.rsplit(".", 1)[-1]
        if name not in self.types:
            if len(self.types) >= self.limit:
                name = "object"
            if name not in self.types:
                self.types[name] = type(name, (StandIn,), {"__slots__": ()})
        return self.types[name]()


class GeneratorState(StandIn):
    """A numpy Generator's state as sent back by the child: applied, never called."""

    __slots__ = ("name", "state")

    def __init__(self, name: str, state: Any) -> None:
        self.name, self.state = name, state


GeneratorState.__name__ = "Generator"
_SCALARS = {np.dtype(d).type for d in DTYPES}
# Plain built-ins that a correct student may pass or return where a list would do: they cross
# as the list of their items.
AS_LIST: tuple[type, ...] = (range, type({}.keys()), type({}.values()))


class Encoder:
    """Turns a value into a JSON-able header and a list of byte buffers.

    unknown -- called with any value that is not plain data; returns its node, e.g. a handle
    """

    def __init__(self, unknown: Callable[[Any], Any]) -> None:
        self.unknown = unknown
        self.buffers: list[bytes] = []
        self.size = 0
        self.nodes = self.hashed = 0

    def node(self, value: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise unsendable("depth", MAX_DEPTH)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise unsendable("values", MAX_NODES)
        kind = type(value)
        if value is None or kind in (bool, int, float, str):
            return value
        if kind is list:
            return {"l": [self.node(v, depth + 1) for v in value]}
        if kind in AS_LIST:  # items counted one by one: a huge range stops at MAX_NODES
            return {"l": [self.node(v, depth + 1) for v in value]}
        if kind is tuple:
            return {"t": [self.node(v, depth + 1) for v in value]}
        if kind is dict:
            self.hashed += sum(type(k) is not str for k in value)
            if self.hashed > MAX_HASHED:
                raise unsendable("keys", MAX_HASHED)
            return {"d": [[self.node(k, depth + 1), self.node(v, depth + 1)] for k, v in value.items()]}
        if kind is np.ndarray and value.dtype.newbyteorder("<").str in DTYPES:
            data = np.ascontiguousarray(value, dtype=value.dtype.newbyteorder("<")).tobytes()
            self.size += len(data)
            if self.size > MAX_BODY:
                raise unsendable("arrays", MAX_BODY // 2**20)
            self.buffers.append(data)
            return {"a": [value.dtype.newbyteorder("<").str, list(value.shape), len(self.buffers) - 1]}
        if kind in _SCALARS:
            return {"s": [np.dtype(kind).newbyteorder("<").str, value.item()]}
        if kind is np.random.Generator:
            return {"g": [type(value.bit_generator).__name__, value.bit_generator.state]}
        return self.unknown(value)


def encode(value: Any, unknown: Callable[[Any], Any]) -> bytes:
    """One frame holding value."""
    encoder = Encoder(unknown)
    tree = encoder.node(value)
    offsets, position = [], 0
    for data in encoder.buffers:
        offsets.append(position)
        position += len(data)
    header = json.dumps([offsets, tree], separators=(",", ":")).encode("utf-8")
    if len(header) > MAX_HEADER:
        raise unsendable("structure", MAX_HEADER // 2**20)
    return _PREFIX.pack(len(header), encoder.size) + header + b"".join(encoder.buffers)


class _Tagged:
    """A JSON object of one key, as the parser hands it to the Decoder (no dict is built)."""

    __slots__ = ("tag", "value")

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Pairs(list):
    """A JSON object of other than one key (only a generator's state has them): its pairs."""


class Decoder:
    """Turns a frame back into values.

    handle -- called with the id of a {"h": id} node; returns what stands for it on this side
    generator -- called with (bit generator name, state) of a {"g": ...} node
    """

    def __init__(
        self,
        handle: Callable[[int], Any],
        generator: Callable[[str, Any], Any] = GeneratorState,
    ) -> None:
        self.handle = handle
        self.generator = generator
        self.stand_in = StandIns()
        self.deadline: float | None = None
        self.nodes = self.hashed = 0

    def frame(self, header: bytes, body: bytes | memoryview, deadline: float | None = None) -> Any:
        """The value of a frame's header and body; ProtocolError if it is not one this protocol
        sends, TimeoutError if decoding it would go past deadline (time.monotonic())."""
        self.deadline, self.nodes, self.hashed = deadline, 0, 0
        try:
            offsets, tree = json.loads(header, object_pairs_hook=self._object)
        except (ValueError, RecursionError, TypeError) as error:
            raise ProtocolError(f"unreadable header: {type(error).__name__}") from None
        if type(offsets) is not list or not all(type(o) is int and 0 <= o <= len(body) for o in offsets):
            raise ProtocolError("bad offsets")
        self.body, self.offsets = body, offsets
        try:
            return self.node(tree, 0)
        finally:
            self.body = b""

    def _count(self) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ProtocolError(f"more than {MAX_NODES} values")
        if self.deadline is not None and self.nodes % CHECK_EVERY == 0 and time.monotonic() > self.deadline:
            raise TimeoutError

    def _object(self, pairs: list[tuple[str, Any]]) -> _Tagged | _Pairs:
        self._count()
        return _Tagged(*pairs[0]) if len(pairs) == 1 else _Pairs(pairs)

    def node(self, node: Any, depth: int) -> Any:
        if depth > MAX_DEPTH + 1:
            raise ProtocolError("nested too deeply")
        self._count()
        kind = type(node)
        if node is None or kind in (bool, int, float, str):
            return node
        if kind is not _Tagged:
            raise ProtocolError(f"unexpected {kind.__name__}")
        tag, value = node.tag, node.value
        if tag in ("l", "t") and type(value) is list:
            items = [self.node(v, depth + 1) for v in value]
            return items if tag == "l" else tuple(items)
        if tag == "d" and type(value) is list:
            return self.dict(value, depth)
        if tag == "a":
            return self.array(value)
        if tag == "s" and type(value) is list and len(value) == 2 and value[0] in DTYPES:
            if type(value[1]) not in (bool, int, float):
                raise ProtocolError("bad scalar")
            try:
                return np.dtype(value[0]).type(value[1])
            except (OverflowError, ValueError):
                raise ProtocolError("bad scalar") from None
        if tag == "g" and type(value) is list and len(value) == 2 and type(value[0]) is str:
            return self.generator(value[0], _plain(value[1]))
        if tag == "h" and type(value) is int:
            return self.handle(value)
        if tag == "o" and type(value) is str:
            return self.stand_in(value)
        raise ProtocolError(f"unknown node {tag!r}")

    def dict(self, pairs: list, depth: int) -> dict:
        """A dict of the decoded pairs; keys other than str (whose hashes the sender chooses,
        all alike if it wants) are at most MAX_HASHED in a frame."""
        result = {}
        for pair in pairs:
            if type(pair) is not list or len(pair) != 2:
                raise ProtocolError("bad dict item")
            key = self.node(pair[0], depth + 1)
            if type(key) is not str:
                self.hashed += 1
                if self.hashed > MAX_HASHED:
                    raise ProtocolError(f"more than {MAX_HASHED} dict keys that are not text")
            try:
                result[key] = self.node(pair[1], depth + 1)
            except TypeError:
                raise ProtocolError("unhashable dict key") from None
        return result

    def array(self, value: Any) -> np.ndarray:
        if not (type(value) is list and len(value) == 3 and value[0] in DTYPES):
            raise ProtocolError("bad array")
        dtype_name, shape, index = value
        if type(shape) is not list or len(shape) > 32 or not all(type(n) is int and n >= 0 for n in shape):
            raise ProtocolError("bad array shape")
        if type(index) is not int or not 0 <= index < len(self.offsets):
            raise ProtocolError("bad array buffer")
        dtype = np.dtype(dtype_name)
        count = 1
        for n in shape:
            count *= n
        start = self.offsets[index]
        if count * dtype.itemsize > len(self.body) - start:
            raise ProtocolError("array larger than its data")
        flat = np.frombuffer(self.body, dtype=dtype, count=count, offset=start)
        return flat.reshape(shape).astype(dtype.newbyteorder("="), copy=True)


def _plain(value: Any) -> Any:
    """A generator's state as JSON gave it (objects back to dicts, of str keys: numpy reads it)."""
    if type(value) is _Tagged:
        return {value.tag: _plain(value.value)}
    if type(value) is _Pairs:
        return {key: _plain(item) for key, item in value}
    if type(value) is list:
        return [_plain(v) for v in value]
    return value


def send(sock: socket.socket, frame: bytes) -> None:
    sock.sendall(frame)


def _receive_into(sock: socket.socket, buffer: memoryview, deadline: float | None) -> None:
    """Fill buffer from sock (one copy of the data, however large)."""
    done = 0
    while done < len(buffer):
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            sock.settimeout(left)
        else:
            sock.settimeout(None)
        try:
            count = sock.recv_into(buffer[done:], min(len(buffer) - done, 2**20))
        except TimeoutError:
            raise
        except OSError as error:  # reset by a peer that died
            raise Gone(str(error)) from None
        if not count:
            raise Gone("closed")
        done += count


def read_frame(sock: socket.socket, deadline: float | None = None) -> bytearray:
    """The next frame from sock, as encode() made it; TimeoutError past deadline
    (time.monotonic()), Gone at its end, ProtocolError if it is too large."""
    prefix = bytearray(_PREFIX.size)
    _receive_into(sock, memoryview(prefix), deadline)
    header_size, body_size = _PREFIX.unpack(prefix)
    if header_size > MAX_HEADER or body_size > MAX_BODY:
        raise ProtocolError(f"frame too large ({header_size + body_size} bytes)")
    frame = bytearray(_PREFIX.size + header_size + body_size)
    frame[: _PREFIX.size] = prefix
    _receive_into(sock, memoryview(frame)[_PREFIX.size :], deadline)
    return frame


def decode(frame: bytes | bytearray, decoder: Decoder, deadline: float | None = None) -> Any:
    """The value of a frame read by read_frame; TimeoutError if decoding it would go past deadline."""
    header_size, _ = _PREFIX.unpack_from(frame)
    start = _PREFIX.size
    view = memoryview(frame)
    return decoder.frame(bytes(view[start : start + header_size]), view[start + header_size :], deadline)
