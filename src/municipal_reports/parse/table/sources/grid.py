"""Plain-text grids: tables drawn with ``+---+`` rules and ``|`` borders, their cells
wrapped to each column's width (what our text renderer and many terminal tools print).

A grid with a rule under every row (our text renderer's; tabulate's «grid») is
read exactly: a row is the lines between two rules, and a cell's lines are joined by a
space, except a line that fills its column and ends with :data:`BREAK`, which ended
inside a broken word and joins the next line without the mark. A grid of a single body row is read the same way.

A grid whose body rows have no rule between them is read by the shape of the wrap: a row
ends where a column starts again after it had ended, a number starts in a number column,
or a cell's next line begins with a word that would have fitted on its previous line (a
wrap never leaves room for the next word). A cell's lines are joined back as the wrap
split them: at a space, or inside a word too long for the column, whichever re-wraps to
the lines shown.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from typing import Final

from municipal_reports.parse.table.model import SourceRow

__all__ = ["BREAK", "is_rule", "join_marked", "rows_from_grid", "unwrap"]

#: Ends a cell's line where the text renderer broke a word too long for the column (the
#: same mark as render.text.BREAK; parse does not import render).
BREAK: Final = "¬"

_RULE: Final = re.compile(r"^\+(?:[-=]+\+)+$")
_FIGURE: Final = re.compile(r"^[-−]?\d[\d\u00a0\u202f ]*(?:[,.]\d+)?%?$")
_GROUPED: Final = re.compile(r"^[-−]?\d{1,3}(?: \d{3})+(?:,\d+)?%?$")
_MAX_AMBIGUOUS: Final = 10


def is_rule(line: str) -> bool:
    """Whether a line is a grid's rule («+----+-----+», «+====+»)."""
    return _RULE.match(line.strip()) is not None


def _widths(rule: str) -> list[int]:
    return [len(segment) - 2 for segment in rule.strip().strip("+").split("+")]


def _fragments(line: str, widths: list[int]) -> list[str] | None:
    body = line.rstrip()
    if not (body.startswith("| ") and body.endswith("|")):
        return None
    inner = body[2:]
    out, pos = [], 0
    for w in widths:
        out.append(inner[pos : pos + w].rstrip())
        pos += w + 3
    return out


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)


def unwrap(fragments: list[str], width: int) -> str:
    """The text that wraps to ``fragments`` at ``width``.

    A line shorter than the column ended at a space. A full line may end inside a word too
    long for the column (the wrap filled the line with its start) or at a space; the join
    inside the word is tried first where the word would be longer than the column, and the
    first joining whose wrap gives back the lines shown is kept.
    """
    if not fragments:
        return ""
    choices: list[tuple[str, ...]] = []
    for k in range(1, len(fragments)):
        previous, following = fragments[k - 1], fragments[k]
        if len(previous) < width:
            choices.append((" ",))
            continue
        merged = len(previous.rsplit(" ", 1)[-1]) + len(following.split(" ", 1)[0])
        choices.append(("", " ") if merged > width else (" ", ""))

    def joined(seps: tuple[str, ...]) -> str:
        return fragments[0] + "".join(s + f for s, f in zip(seps, fragments[1:], strict=True))

    preferred = tuple(c[0] for c in choices)
    if sum(len(c) > 1 for c in choices) > _MAX_AMBIGUOUS:
        return joined(preferred)
    for seps in itertools.product(*choices):
        text = joined(seps)
        if _wrap(text, width) == fragments:
            return text
    return joined(preferred)


def join_marked(fragments: list[str], width: int) -> str:
    """A cell's text from its lines in a ruled grid: joined by spaces, except after a line
    that fills the column's ``width`` and ends with :data:`BREAK`, which joins the next line
    without the mark (the renderer never lets a word of the text end such a line)."""

    def broken(k: int) -> bool:
        f = fragments[k]
        return k + 1 < len(fragments) and len(f) == width and f.endswith(BREAK)

    text = ""
    for k, fragment in enumerate(fragments):
        if k and not broken(k - 1):
            text += " "
        text += fragment[: -len(BREAK)] if broken(k) else fragment
    return text


def _segments(lines: list[tuple[int, str]], widths: list[int]) -> list[list[tuple[int, list[str]]]]:
    """The grid's lines between rules, each line as its column fragments."""
    segments: list[list[tuple[int, list[str]]]] = [[]]
    for no, line in lines[1:]:
        if is_rule(line):
            segments.append([])
            continue
        frags = _fragments(line, widths)
        if frags is not None:
            segments[-1].append((no, frags))
    return [s for s in segments if s]


def _continues(previous: str, fragment: str, width: int) -> bool:
    """Whether ``fragment`` can be the next wrapped line of a cell whose last line is
    ``previous``: its first word did not fit there."""
    first = fragment.split(" ", 1)[0]
    # A figure goes on only where its groups of thousands do («133 712» / «518,81»).
    figures = _FIGURE.match(previous) and _FIGURE.match(fragment)
    if figures and _GROUPED.match(f"{previous} {fragment}") is None:
        return False
    return len(previous) >= width or len(previous) + 1 + len(first) > width


def rows_from_grid(lines: list[tuple[int, str]]) -> list[SourceRow]:
    """The rows of one grid: its header row, then its body rows, each cell unwrapped.
    ``lines`` are the grid's lines with their line numbers, first rule to last."""
    widths = _widths(lines[0][1])
    segments = _segments(lines, widths)
    marked = any(
        len(f) == w and f.endswith(BREAK)
        for s in segments
        for _, frags in s
        for f, w in zip(frags, widths, strict=True)
    )
    if len(segments) != 2 or marked:
        return _ruled_rows(segments, widths)
    rows = _unruled_rows(lines, widths)
    # A single body row: nothing to tell apart, read as a ruled grid.
    return rows if len(rows) > 2 else _ruled_rows(segments, widths)


def _ruled_rows(segments: list[list[tuple[int, list[str]]]], widths: list[int]) -> list[SourceRow]:
    rows: list[SourceRow] = []
    for segment in segments:
        columns = zip(*(frags for _, frags in segment), strict=True)
        cells = tuple(
            join_marked([f for f in column if f], w)
            for column, w in zip(columns, widths, strict=True)
        )
        if any(cells):
            rows.append(SourceRow(segment[0][0], cells))
    return rows


def _unruled_rows(lines: list[tuple[int, str]], widths: list[int]) -> list[SourceRow]:
    rows: list[SourceRow] = []
    current: list[list[str]] = []
    last_seen: list[int] = []
    start = 0
    physical = 0

    def flush() -> None:
        if current and any(current):
            cells = tuple(unwrap(frags, w) for frags, w in zip(current, widths, strict=True))
            rows.append(SourceRow(start, cells))

    in_header = True
    for no, line in lines[1:]:
        if is_rule(line):
            flush()
            current, last_seen = [], []
            in_header = False
            continue
        frags = _fragments(line, widths)
        if frags is None:
            continue
        physical += 1
        new_row = not current or (
            not in_header
            and any(
                frag
                and (
                    not current[c]
                    or last_seen[c] < physical - 1
                    or not _continues(current[c][-1], frag, widths[c])
                )
                for c, frag in enumerate(frags)
            )
        )
        if new_row:
            flush()
            current = [[] for _ in widths]
            last_seen = [0] * len(widths)
            start = no
        for c, frag in enumerate(frags):
            if frag:
                current[c].append(frag)
                last_seen[c] = physical
    flush()
    return rows
