"""The quick pre-test of mixed_script_words never hides a mixed word."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from municipal_reports.domain.text import may_mix_scripts, mixed_script_words

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


@given(st.text(alphabet="abzQRабвгґєїЖЯαβ'’ʼ`´ ,.-_1²Ⅻ\u00a0\n", max_size=40))
def test_may_mix_scripts_never_clears_a_text_with_a_mixed_word(text: str) -> None:
    """The screen says «may mix» for every text that holds a word mixing Latin and Cyrillic."""
    if _reference(text):
        assert may_mix_scripts(text)


@given(
    st.text(alphabet="abzQRабвгґєїЖЯ'’ʼ`´ ,.-_1²\n", max_size=20),
    st.text(alphabet="abzабв ,.'\n", max_size=20),
)
def test_two_texts_joined_by_a_line_break_mix_as_either_does(first: str, second: str) -> None:
    """The fused audit screens a measure's content and note as one text: a line break between
    them makes no mixed word, and hides none."""
    joined = f"{first}\n{second}"
    assert bool(_reference(joined)) == bool(_reference(first) or _reference(second))
    if _reference(first) or _reference(second):
        assert may_mix_scripts(joined)


def test_latin_touching_cyrillic_or_an_apostrophe_may_mix_and_apart_does_not() -> None:
    """At the boundary: a Latin letter right before or after a Cyrillic one, or an apostrophe,
    may mix; one space apart, or a digit between, does not."""
    assert may_mix_scripts("Конкуrentне")
    assert may_mix_scripts("rЖ")
    assert may_mix_scripts("Жr")
    assert may_mix_scripts("a'b")
    assert may_mix_scripts("Ж’r")
    assert not may_mix_scripts("Ж r")
    assert not may_mix_scripts("Ж1r")
    assert not may_mix_scripts("r_Ж")
    assert not may_mix_scripts("Prozorro, економія")
    assert not may_mix_scripts("")
