"""Text normalisation mends apostrophes, look-alike letters and stray spaces, and says so."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from municipal_reports.parse import normalize_text

PIECES = st.sampled_from(
    ["Конкурс", "Кoнкурс", "rentне", "зв’язок", "зв'язок", "пʼять", " ", "  ", "\u00a0", ",", ".",
     "«", "»", "Віче", "a", "1", "\u202f", "\t", "Ефективна", "Рада"]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=100), st.lists(PIECES, max_size=30).map("".join))


def test_apostrophe_variants_become_one() -> None:
    """’ and ʼ between letters become the canonical ', each change reported."""
    result = normalize_text("зв’язок і пʼять")
    assert result.text == "зв'язок і п'ять"
    assert [(c.kind, c.before) for c in result.changes] == [
        ("apostrophe", "’"),
        ("apostrophe", "ʼ"),
    ]


def test_latin_lookalikes_inside_cyrillic_words_are_folded() -> None:
    """«Кoнкурс» with a Latin «o» becomes Cyrillic throughout, and the word is reported."""
    result = normalize_text("Кoнкурс")
    assert result.text == "Конкурс"
    assert [(c.kind, c.before, c.after) for c in result.changes] == [
        ("latin-lookalike", "Кoнкурс", "Конкурс")
    ]


def test_latin_letters_without_twins_are_reported_not_guessed() -> None:
    """«Конку rentне»: «r», «n», «t» have no Cyrillic twin, so the word stays and is reported."""
    result = normalize_text("Ефективна влада. Конку rentне місто")
    assert result.text == "Ефективна влада. Конку rentне місто"
    assert [(c.kind, c.before) for c in result.changes] == [("mixed-script", "rentне")]
    assert not result.changed


def test_stray_spaces_are_mended() -> None:
    """Spaces before a comma go, a non-breaking space becomes a plain one, ends are trimmed."""
    result = normalize_text("  «Віче»  ,\u00a0рада ")
    assert result.text == "«Віче», рада"
    assert [(c.kind, c.position, c.before) for c in result.changes] == [
        ("trimmed", 0, "   "),
        ("space-before-punctuation", 8, "  "),
        ("spaces", 11, "\u00a0"),
    ]


@given(text=TEXTS)
def test_each_change_names_what_stood_at_its_position(text: str) -> None:
    """Every reported change points at the text it replaced in the original."""
    for change in normalize_text(text).changes:
        if change.kind != "trimmed":
            assert text[change.position : change.position + len(change.before)] == change.before


@given(text=TEXTS)
def test_normalising_twice_changes_nothing_more(text: str) -> None:
    """Normalisation is idempotent: the mended text needs no further mending."""
    once = normalize_text(text).text
    assert normalize_text(once).text == once
