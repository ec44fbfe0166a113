"""Messages between the grader and a student process, with calls that may call back.

Both ends speak in tuples such as ("call", name, args, kwargs), encoded by engine.codec. A
request waits for its reply ("return" or "raise"), serving in the meantime whatever the other
end asks of it, so a student function may call back an object the test passed to it (a
function, a recording random generator) and that object may call student code again.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from . import codec

REPLIES = ("return", "raise", "unsendable", "done", "names", "random_state", "timeout")


class Channel:
    """One end of a socket pair.

    unknown -- how this end encodes a value that is not plain data (see codec.Encoder)
    decoder -- how this end decodes what it receives
    serve -- answers a message that is not a reply (a nested call or callback)
    keep -- whether to keep the bytes of the last message received (`last_frame`); the grader
            does not, so that no frame outlives its decoding there
    """

    def __init__(
        self,
        sock: socket.socket,
        unknown: Callable[[Any], Any],
        decoder: codec.Decoder,
        serve: Callable[[tuple], tuple] | None = None,
        keep: bool = False,
    ) -> None:
        self.sock = sock
        self.unknown = unknown
        self.decoder = decoder
        self.serve = serve
        self.keep = keep
        self.last_frame: bytes | bytearray = b""  # the bytes of the last message received, if kept

    def send(self, message: tuple, unknown: Callable[[Any], Any] | None = None) -> None:
        """Send message; values that are not plain data are encoded by unknown (default: this
        end's own rule)."""
        codec.send(self.sock, codec.encode(message, unknown or self.unknown))

    def receive(self, deadline: float | None = None) -> tuple:
        """The next message; TimeoutError if it is not received and decoded by deadline."""
        frame = codec.read_frame(self.sock, deadline)
        if self.keep:
            self.last_frame = frame
        message = codec.decode(frame, self.decoder, deadline)
        del frame
        if type(message) is not tuple or not message or type(message[0]) is not str:
            raise codec.ProtocolError("a message is a tuple that starts with its kind")
        return message

    def request(
        self, message: tuple, deadline: float | None = None, unknown: Callable[[Any], Any] | None = None
    ) -> tuple:
        """Send message (encoded with unknown, see send) and return its reply, serving nested
        requests until it comes."""
        self.send(message, unknown)
        while True:
            reply = self.receive(deadline)
            if reply[0] in REPLIES:
                return reply
            if self.serve is None:
                raise codec.ProtocolError(f"unexpected {reply[0]!r}")
            self.send_reply(self.serve(reply))

    def send_reply(self, reply: tuple) -> None:
        try:
            self.send(reply)
        except codec.Unsendable as error:
            self.send(("unsendable", str(error)))
