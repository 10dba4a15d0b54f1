"""The quick pre-test of mixed_script_words never hides a mixed word."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from municipal_reports.domain.text import mixed_script_words

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ‘`´][^\W\d_]+)*")


def _reference(text: str) -> list[str]:
    """The words that mix scripts, by splitting every text into words (no pre-test)."""
    return [
        w
        for w in _WORD.findall(text)
        if re.search("[A-Za-z]", w) and re.search("[\u0400-\u04ff]", w)
    ]


texts = st.text(alphabet="abzQRабвгґєїЖЯαβ'’ʼ`´ ,.-_1\u00a0", max_size=40)


@given(texts)
def test_the_pre_test_gives_the_words_a_full_split_gives(text: str) -> None:
    """For any mix of Latin, Cyrillic, Greek, apostrophes and separators, the result is the full split's."""
    assert mixed_script_words(text) == _reference(text)


def test_latin_words_apart_from_cyrillic_ones_are_not_mixed() -> None:
    """«Prozorro» and «ЦНАП Online» are words of one script each."""
    assert mixed_script_words("Prozorro, економія; ЦНАП Online") == []
    assert mixed_script_words("Конку rentне") == ["rentне"]
