"""A caption line above a table names the unit of its money columns."""

from __future__ import annotations

import pytest

from municipal_reports import MoneyUnit
from municipal_reports.parse.table.model import SourceRow
from municipal_reports.parse.table.title import caption_unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("тис. грн", MoneyUnit.THOUSAND),
        ("(грн)", MoneyUnit.HRYVNIA),
        ("млн грн", MoneyUnit.MILLION),
        ("(млн. грн)", MoneyUnit.MILLION),
        ("у мільйонах гривень", MoneyUnit.MILLION),
        ("у тисячах гривень", MoneyUnit.THOUSAND),
        ("Одиниця виміру: грн", MoneyUnit.HRYVNIA),
        ("Одиниця виміру: млн грн", MoneyUnit.MILLION),
        ("Одиниця виміру:", None),
        ("млн", None),
        ("млрд грн", None),
    ],
)
def test_caption_names_the_unit(text: str, unit: MoneyUnit | None) -> None:
    """«тис. грн», «грн», «млн грн», with or without «Одиниця виміру:», name their unit;
    a caption without «грн», or a unit the captions do not use, names none."""
    found, row = caption_unit([SourceRow(1, (text,))])
    assert found is unit
    assert (row is None) is (unit is None)
