"""The one helper that writes paths: ``$.sections[1].facts[0].items[3].amount``.

Construction errors, structuring errors and audit findings all name the offending value
with a path built here, so that a path read in one place can be looked up in another.
"""

from __future__ import annotations

from typing import TypeVar

_T = TypeVar("_T")

__all__ = ["ROOT", "Path", "join"]


def join(base: str, key: str | int) -> str:
    """Extend a path string by an attribute name or a sequence index.

    >>> join(join("$", "tasks"), 2)
    '$.tasks[2]'
    """
    if isinstance(key, int):
        return f"{base}[{key}]"
    return f"{base}.{key}"


class Path:
    """An immutable, cheaply extended path; it is only written out when asked.

    The audit walks hundreds of thousands of measures; building a string for each would cost
    more than the checks themselves, so a path is a chain of (parent, key) links.

    >>> str(Path().attr("tasks").index(2).attr("measures"))
    '$.tasks[2].measures'
    """

    __slots__ = ("_key", "_node", "_parent")

    def __init__(
        self, parent: Path | None = None, key: str | int | None = None, node: object = None
    ) -> None:
        self._parent = parent
        self._key = key
        # The object this path points at, when the walk knows it: rules use it to find
        # their context (the program report a measure belongs to) without a second walk.
        self._node = node

    def nearest(self, cls: type[_T]) -> _T | None:
        """The closest object of type ``cls`` at this path or above it, if the walk knows one.

        >>> Path(None, None, node=3).attr("x").nearest(int)
        3
        """
        node: Path | None = self
        while node is not None:
            if isinstance(node._node, cls):
                return node._node
            node = node._parent
        return None

    def attr(self, name: str) -> Path:
        """The path of attribute ``name`` below this one."""
        return Path(self, name)

    def index(self, i: int) -> Path:
        """The path of item ``i`` of the sequence at this path."""
        return Path(self, i)

    def __truediv__(self, key: str | int) -> Path:
        return Path(self, key)

    def keys(self) -> tuple[str | int, ...]:
        """The keys from the root down to this path."""
        keys: list[str | int] = []
        node: Path | None = self
        while node is not None and node._key is not None:
            keys.append(node._key)
            node = node._parent
        return tuple(reversed(keys))

    def __str__(self) -> str:
        text = "$"
        for key in self.keys():
            text = join(text, key)
        return text

    def __repr__(self) -> str:
        return f"Path({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Path):
            return self.keys() == other.keys()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.keys())


ROOT = Path()
