"""Reading one big JSON object a member at a time, and one array member an item at a time.

A 200 MB report decoded whole by orjson is a tree of dicts, lists and strings several times
the file's size, and the entities built from it stand beside the tree until the end. Read
here, the file is taken in chunks; every top-level member but one is decoded on its own,
and the one big array member (a program report's ``tasks``) is decoded an item at a time,
each item handed to ``read_item`` (which builds its entity) and dropped. So the whole
tree never lives at once, and the bytes are let go as they are read.

This road never explains a fault. Anything unusual (invalid JSON, a key held twice, an item
``read_item`` refuses, more than ``max_size`` bytes) makes :func:`read_members` return
``None``, and the caller reads the file whole with :func:`~municipal_reports.io.loads`,
which says what is wrong with the same error and path as ever.

The scanner only finds where each value ends (brackets outside strings); orjson decodes
and validates every value it cuts out, so what is accepted is what orjson accepts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import IO, Any, Final

import orjson

__all__ = ["read_members", "share_texts"]

#: How much of the file is read at a time.
CHUNK: Final = 1024 * 1024

_SPACE: Final = re.compile(rb"[ \t\n\r]*")
# Everything up to the next bracket outside a string: strings are skipped whole (a string
# cut by the end of the buffer stops the match at its opening quote).
_TO_BRACKET: Final = re.compile(rb'(?:[^"\[\]{}]++|"(?:[^"\\]++|\\.)*+")*+', re.DOTALL)
_STRING: Final = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
# A number, true, false or null: everything up to what may follow a value (orjson judges it).
_SCALAR: Final = re.compile(rb"[^ \t\n\r,\]}]*")
_OPEN: Final = frozenset(b"[{")


class _Unusual(Exception):
    """Not read here: the caller reads the whole file."""


class _Buffer:
    """The unread part of a file: bytes from ``pos`` on, more read when asked."""

    def __init__(self, handle: IO[bytes], max_size: int, chunk: int) -> None:
        self.handle = handle
        self.chunk = chunk
        self.left = max_size  # bytes the limit still allows
        self.data = b""
        self.pos = 0
        self.eof = False

    def more(self) -> None:
        """Read another chunk, dropping what was consumed; refuse past the limit or the end."""
        if self.eof:
            raise _Unusual
        # A value longer than a chunk doubles the read: the copies stay linear in its size.
        chunk = self.handle.read(max(self.chunk, len(self.data) - self.pos))
        if not chunk:
            self.eof = True
            raise _Unusual  # the file ends inside a value
        self.left -= len(chunk)
        if self.left < 0:
            raise _Unusual  # over the size limit: the whole read refuses it, with the message
        self.data = self.data[self.pos :] + chunk
        self.pos = 0

    def peek(self) -> int:
        """The next byte that is not white space (reading on as needed)."""
        while True:
            self.pos = _SPACE.match(self.data, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.data):
                return self.data[self.pos]
            self.more()

    def expect(self, byte: bytes) -> None:
        if self.peek() != byte[0]:
            raise _Unusual
        self.pos += 1

    def value(self) -> bytes:
        """The bytes of the JSON value starting at the next byte that is not white space."""
        first = self.peek()
        while True:
            end = self._end(first)
            if end is not None:
                raw = self.data[self.pos : end]
                self.pos = end
                return raw
            self.more()

    def _end(self, first: int) -> int | None:
        """Where the value at ``pos`` ends, or ``None`` when the buffer holds only its start."""
        data, start = self.data, self.pos
        if first == 0x22:  # a string
            found = _STRING.match(data, start)
            return None if found is None else found.end()
        if first not in _OPEN:
            end = _SCALAR.match(data, start).end()  # type: ignore[union-attr]
            return None if end == len(data) else end  # (a scalar never ends a document)
        depth, at = 0, start
        while True:
            at = _TO_BRACKET.match(data, at).end()  # type: ignore[union-attr]
            if at == len(data) or data[at] == 0x22:
                return None  # the buffer ends inside the value (or inside a string)
            depth += 1 if data[at] in _OPEN else -1
            at += 1
            if depth == 0:
                return at
            if depth < 0:
                raise _Unusual


# Figures, dates and numbers start so: they become values (or are short), and a memo of
# them would keep every distinct amount's text alive.
_FIGURE_START: Final = frozenset("0123456789-")


def share_texts(value: Any, texts: dict[str, str]) -> Any:
    """``value`` (decoded JSON, changed in place) with every text that equals one in
    ``texts`` replaced by that one, and the others added: a big report repeats its
    executors, notes and measure wordings thousands of times, and one string each is
    several times less memory (a 60-letter Cyrillic text costs about 190 bytes)."""
    items = value.items() if type(value) is dict else enumerate(value)
    for key, item in items:
        kind = type(item)
        if kind is str:
            if item and item[0] not in _FIGURE_START:
                value[key] = texts.setdefault(item, item)
        elif kind is dict or kind is list:
            share_texts(item, texts)
    return value


def _decode(raw: bytes, duplicated: Callable[[bytes, Any], bool]) -> Any:
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise _Unusual from None
    if duplicated(raw, value):
        raise _Unusual
    return value


def _items(
    buffer: _Buffer, read_item: Callable[[Any], Any], duplicated: Callable[[bytes, Any], bool]
) -> tuple[Any, ...]:
    """The array at the buffer's position, each item decoded and given to ``read_item``."""
    buffer.expect(b"[")
    items: list[Any] = []
    if buffer.peek() == 0x5D:  # "]"
        buffer.pos += 1
        return ()
    while True:
        items.append(read_item(_decode(buffer.value(), duplicated)))
        following = buffer.peek()
        buffer.pos += 1
        if following == 0x5D:
            return tuple(items)
        if following != 0x2C:  # ","
            raise _Unusual


def read_members(
    handle: IO[bytes],
    *,
    stream_key: str,
    read_item: Callable[[Any], Any],
    duplicated: Callable[[bytes, Any], bool],
    max_size: int,
    expect: Mapping[str, object] | None = None,
    chunk: int = CHUNK,
) -> dict[str, Any] | None:
    """The members of the JSON object in the binary file ``handle``, each decoded by orjson,
    except the array ``stream_key``: a tuple of ``read_item`` of each of its items, read
    and dropped one at a time.

    ``duplicated(raw, decoded)`` says whether a value's text holds a key twice in one
    object (orjson keeps the last without a word). ``None`` on anything unusual (see the
    module's docstring): invalid JSON, a key held twice, ``stream_key`` not an array, an
    exception from ``read_item``, more than ``max_size`` bytes, a member of ``expect`` with
    another value (the read stops there). The file is read ``chunk`` bytes at a time.
    """
    buffer = _Buffer(handle, max_size, chunk)
    members: dict[str, Any] = {}
    try:
        buffer.expect(b"{")
        if buffer.peek() == 0x7D:  # "}"
            buffer.pos += 1
        else:
            while True:
                key = _decode(buffer.value(), duplicated)
                if type(key) is not str or key in members:
                    raise _Unusual
                buffer.expect(b":")
                if key == stream_key:
                    members[key] = _items(buffer, read_item, duplicated)
                else:
                    members[key] = _decode(buffer.value(), duplicated)
                    if expect is not None and expect.get(key, members[key]) != members[key]:
                        raise _Unusual
                following = buffer.peek()
                buffer.pos += 1
                if following == 0x7D:
                    break
                if following != 0x2C:
                    raise _Unusual
        # Only white space may follow the object.
        try:
            buffer.peek()
        except _Unusual:
            if buffer.eof:
                return members
            raise
        raise _Unusual
    except Exception:
        # Anything at all (a reader's own exception too): the whole read says what it is.
        return None
