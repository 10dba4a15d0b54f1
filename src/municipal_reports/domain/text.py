"""Text habits of real documents: mixed scripts, apostrophes, and identity of titles."""

from __future__ import annotations

import re

__all__ = [
    "APOSTROPHES",
    "BLANK",
    "fold_latin_lookalikes",
    "has_latin",
    "is_blank",
    "may_mix_scripts",
    "mixed_script_words",
    "title_key",
]

#: Every character documents use as the Ukrainian apostrophe; the first is canonical.
APOSTROPHES = "'’ʼ‘`´"


def _chars(*ranges: tuple[int, int]) -> str:
    return "".join(chr(c) for first, last in ranges for c in range(first, last + 1))


#: Every character that shows nothing: white space, control characters, and the invisible
#: format characters (zero-width spaces and joiners, bidi marks and overrides, the BOM, soft
#: hyphen, variation selectors, fillers, tags). Text made only of these is empty.
BLANK = _chars(
    (0x00, 0x20),  # C0 controls and the space
    (0x7F, 0xA0),  # DEL, C1 controls, NBSP
    (0xAD, 0xAD),  # soft hyphen
    (0x34F, 0x34F),  # combining grapheme joiner
    (0x61C, 0x61C),  # Arabic letter mark
    (0x115F, 0x1160),  # Hangul fillers
    (0x1680, 0x1680),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),  # Mongolian selectors and vowel separator
    (0x2000, 0x200F),  # spaces, zero-width space and joiners, LRM/RLM
    (0x2028, 0x202F),  # line/paragraph separators, bidi embeddings and overrides, NNBSP
    (0x205F, 0x206F),  # word joiner, invisible operators, bidi isolates
    (0x3000, 0x3000),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
    (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB),
    (0xE0000, 0xE007F),  # tags
)


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only white space and invisible characters.

    >>> is_blank(" \u200b\ufeff\u202e"), is_blank("\u200bА")
    (True, False)
    """
    return not text.strip(BLANK)


_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ‘`´][^\W\d_]+)*")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# A Latin letter with, before or after it, a letter of another script (a word character
# that is no digit, underscore or Latin letter) or an apostrophe. It starts with the Latin
# letter so that the search skips to the Latin letters (few, in Ukrainian text) at once.
_OTHER = f"(?:[^\\W\\d_A-Za-z]|[{APOSTROPHES}])"
_TOUCHING = re.compile(f"[A-Za-z](?:(?={_OTHER})|(?<={_OTHER}[A-Za-z]))")

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


def may_mix_scripts(text: str) -> bool:
    """False when no Latin letter touches a letter of another script or an apostrophe: then
    no word of ``text`` mixes scripts, and the word split is skipped. «Prozorro,» or «ЦНАП
    Online» are cleared by one search; a mixed word always has a Latin letter touching one
    of its other letters (or an apostrophe between them). Conservative: a number written as
    a letter («²», «Ⅻ») counts as a letter here.

    >>> may_mix_scripts("Закупівля через Prozorro, економія"), may_mix_scripts("Конкуrentне")
    (False, True)
    """
    return _TOUCHING.search(text) is not None


_may_mix = may_mix_scripts


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
