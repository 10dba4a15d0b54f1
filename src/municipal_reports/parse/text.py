"""Text normalisation that says what it changed.

Text pasted out of Word and PDF files carries three habits: apostrophes in several
characters, Latin letters inside Cyrillic words («Кoнкурс» with a Latin «o», «Конку
rentне»), and stray spaces (doubled, non-breaking, before punctuation). :func:`normalize_text`
mends what it can mend without guessing and reports every change; a word whose Latin
letters have no Cyrillic look-alike is reported and left as it is.

>>> result = normalize_text("Кoнкурс  «Віче» , зв’язок")
>>> result.text
"Конкурс «Віче», зв'язок"
>>> [c.kind for c in result.changes]
['latin-lookalike', 'spaces', 'space-before-punctuation', 'apostrophe']
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from municipal_reports.domain.text import APOSTROPHES, fold_latin_lookalikes

__all__ = ["NormalizedText", "TextChange", "normalize_text"]

_CANONICAL_APOSTROPHE: Final = APOSTROPHES[0]
_LATIN: Final = re.compile(r"[A-Za-z]")
_CYRILLIC: Final = re.compile(r"[\u0400-\u04FF]")
# One pass over the text finds every place that may need mending: runs of spaces, a space
# before punctuation, an apostrophe variant between letters, and words with Latin letters.
_SPACE: Final = "[ \t\u00a0\u202f\u2009]"
_SPOTS: Final = re.compile(
    rf"(?P<before>{_SPACE}+(?=[,.;:!?»)]))"
    rf"|(?P<spaces>{_SPACE}{{2,}}|[\t\u00a0\u202f\u2009])"
    rf"|(?P<apostrophe>(?<=[^\W\d_])[{APOSTROPHES[1:]}](?=[^\W\d_]))"
    # «ʼ» (U+02BC) is a letter to Unicode; here it is an apostrophe, never part of a word.
    r"|(?P<word>[^\W\d_\u02bc]+)"
)


@attrs.frozen
class TextChange:
    """One change made (or, for ``mixed-script``, one fault found) at ``position`` of the
    original text: what stood there and what stands now."""

    kind: str
    position: int
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.kind} at {self.position}: {self.before!r} -> {self.after!r}"


@attrs.frozen
class NormalizedText:
    """The mended text and every change, in order of position in the original."""

    text: str
    changes: tuple[TextChange, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether the text was changed at all."""
        return any(c.before != c.after for c in self.changes)


def normalize_text(text: str) -> NormalizedText:
    """Mend apostrophes, Latin look-alike letters in Cyrillic words and stray spaces.

    Changes of kind ``apostrophe``, ``latin-lookalike``, ``spaces`` (a run of spaces or a
    non-breaking space made one ordinary space), ``space-before-punctuation`` and
    ``trimmed`` are made; ``mixed-script`` marks a word whose Latin letters have no
    Cyrillic twin («rentне»), reported but not changed: mending it would be a guess.
    """
    out: list[str] = []
    changes: list[TextChange] = []
    last = 0
    stripped = text.strip()
    start = len(text) - len(text.lstrip())
    end = start + len(stripped)
    if start or end != len(text):
        changes.append(TextChange("trimmed", 0, text[:start] + text[end:], ""))
    for m in _SPOTS.finditer(text, start, end):
        kind = m.lastgroup
        found = m.group()
        if kind == "word":
            if not (_LATIN.search(found) and _CYRILLIC.search(found)):
                continue
            replaced = fold_latin_lookalikes(found)
            if _LATIN.search(replaced):
                changes.append(TextChange("mixed-script", m.start(), found, found))
                continue
            kind = "latin-lookalike"
        elif kind == "spaces":
            replaced = " "
        elif kind == "before":
            replaced = ""
            kind = "space-before-punctuation"
        else:
            replaced = _CANONICAL_APOSTROPHE
        assert kind is not None
        if replaced == found:
            continue
        out.append(text[last : m.start()])
        out.append(replaced)
        last = m.end()
        changes.append(TextChange(kind, m.start(), found, replaced))
    out.append(text[last:end])
    return NormalizedText("".join(out).strip(), tuple(changes))
