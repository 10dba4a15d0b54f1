"""Text habits of real documents: mixed scripts, apostrophes, and identity of titles."""

from __future__ import annotations

import re

__all__ = ["APOSTROPHES", "fold_latin_lookalikes", "has_latin", "mixed_script_words", "title_key"]

#: Every character documents use as the Ukrainian apostrophe; the first is canonical.
APOSTROPHES = "'’ʼ‘`´"

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ‘`´][^\W\d_]+)*")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN_RUN = re.compile(r"[A-Za-z]+")

# Latin letters that look like Cyrillic ones, as OCR and careless typing swap them.
_LOOKALIKES = str.maketrans(
    "aceiopxyABCEHIKMOPTXy",
    "асеіорхуАВСЕНІКМОРТХу",
)


def has_latin(text: str) -> bool:
    """Whether ``text`` holds any Latin letter (a cheap test before splitting into words)."""
    return _LATIN.search(text) is not None


def mixed_script_words(text: str) -> list[str]:
    """The words of ``text`` that mix Latin and Cyrillic letters.

    >>> mixed_script_words("Ефективна влада. Конку rentне місто")
    ['rentне']
    """
    if not _may_mix(text):
        return []
    return [w for w in _WORD.findall(text) if _LATIN.search(w) and _CYRILLIC.search(w)]


def _may_mix(text: str) -> bool:
    """False when no run of Latin letters touches another letter or an apostrophe: then no
    word mixes scripts, and the word split is skipped. «Prozorro,» or «ЦНАП Online» are
    cleared in one linear scan; a mixed word always has a Latin run touching its other
    letters (or an apostrophe between them)."""
    for run in _LATIN_RUN.finditer(text):
        start, end = run.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before in APOSTROPHES or after in APOSTROPHES or before.isalpha() or after.isalpha():
            return True
    return False


def fold_latin_lookalikes(word: str) -> str:
    """``word`` with Latin letters that look Cyrillic replaced by the Cyrillic ones.

    >>> fold_latin_lookalikes("Кoнкурс")  # a Latin 'o'
    'Конкурс'
    """
    return word.translate(_LOOKALIKES)


def title_key(title: str) -> str:
    """A key under which two spellings of one title compare equal: case, spaces,
    punctuation, apostrophes and Latin look-alike letters are ignored.

    >>> title_key("«Ефективна влада. Конку rentне місто»") == title_key("Ефективна влада. Конкуrentне місто")
    True
    """
    folded = fold_latin_lookalikes(title).casefold()
    # «ʼ» (U+02BC) is a letter to Unicode, but an apostrophe to Ukrainian text.
    return "".join(ch for ch in folded if ch.isalnum() and ch not in APOSTROPHES)
