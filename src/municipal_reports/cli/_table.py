"""The one table printer of the command line: columns padded by the width a terminal shows.

``len()`` counts code points, not the cells a terminal draws: a combining accent takes none
(«й» written as и + ◌̆), a wide CJK character takes two. Padding by ``len()`` misaligns any
column holding such text; :func:`display_width` measures as the terminal does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence

__all__ = ["display_width", "format_table"]


def display_width(text: str) -> int:
    """The number of terminal cells ``text`` takes.

    >>> display_width("Всього"), display_width("и\\u0306"), display_width("表")
    (6, 1, 2)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def format_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Collection[int] = (),
    last_free: bool = False,
) -> str:
    """``header`` and ``rows`` as aligned columns two spaces apart, without trailing spaces.

    Columns whose index is in ``right`` are aligned right (numbers); with ``last_free`` the
    last column is not padded (a message that may be long).

    >>> print(format_table(["a", "bb"], [["ї", "1"], ["ab", "22"]], right={1}))
    a   bb
    ї    1
    ab  22
    """
    table = [list(header), *(list(r) for r in rows)]
    count = len(header)
    widths = [max(display_width(row[i]) for row in table) for i in range(count)]
    lines = []
    for row in table:
        cells = [
            row[i] if last_free and i == count - 1 else _pad(row[i], widths[i], i in right)
            for i in range(count)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
