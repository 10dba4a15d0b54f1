"""MR7xx: text quality."""

from __future__ import annotations

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.document import ReportMeta, Section
from municipal_reports.domain.program import Measure, Program, Task
from municipal_reports.domain.text import (
    fold_latin_lookalikes,
    may_mix_scripts,
    mixed_script_words,
)
from municipal_reports.i18n.messages import N_
from municipal_reports.paths import Path

__all__ = ["RULES"]

_TEXT_FIELDS: dict[type, tuple[str, ...]] = {
    ReportMeta: ("title",),
    Section: ("title", "paragraphs"),
    Program: ("title",),
    Task: ("title",),
    Measure: ("content", "note"),
}


def mixed_script_word(obj: object, path: Path) -> list[Hit]:
    """A word mixes Latin and Cyrillic letters.

    Why: such words do not match in search, sort wrongly, and usually come from OCR or a
    keyboard left in the wrong layout. ``expected`` is the word with Latin look-alike
    letters made Cyrillic, where that leaves one script.

    Example: «Конку rentне місто» (the «rent» is Latin).
    """
    hits: list[Hit] = []
    for name in _TEXT_FIELDS[type(obj)]:
        value = getattr(obj, name)
        texts = value if isinstance(value, tuple) else (value,)
        for k, text in enumerate(texts):
            if not may_mix_scripts(text):
                continue  # the common case: one scan in C, no word splitting
            at = path / name / k if isinstance(value, tuple) else path / name
            for word in mixed_script_words(text):
                folded = fold_latin_lookalikes(word)
                hits.append(Hit(at, folded if not mixed_script_words(folded) else None, word))
    return hits


# Registered here, not by decorating the checks: mutmut 3 skips decorated functions, and the
# checks' arithmetic must be mutation-tested (docs/contributing.md).
RULES = (
    rule(
        "MR701",
        "mixed-script-word",
        Severity.WARNING,
        tuple(_TEXT_FIELDS),
        N_("the word «{found}» mixes Latin and Cyrillic letters"),
    )(mixed_script_word),
)
