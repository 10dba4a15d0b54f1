"""A title line that gives a date instead of a period («станом на 01.07.2024», «станом на
1 жовтня 2023 року») gives the period from 1 January up to it, with an import finding."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import ReportingPeriod, import_table
from municipal_reports.parse import import_tables
from municipal_reports.parse.table.title import period_before

TABLES = Path(__file__).parent / "real" / "tables"
BODY = (
    "№ з/п\tЗміст заходів\tРічний обсяг, тис. грн\tФактично профінансовано, тис. грн\n"
    "1\tЗахід\t100,0\t50,0\n"
)


def _title(line: str) -> str:
    return f"Інформація про виконання програми «Програма» {line}\n" + BODY


@pytest.mark.parametrize(
    ("line", "period"),
    [
        ("станом на 01.07.2024", ReportingPeriod.half_year(2024, 1)),
        ("станом на 1 жовтня 2023 року", ReportingPeriod.nine_months(2023)),
        ("станом на 01.04.2023", ReportingPeriod.quarter(2023, 1)),
        # The first of January closes the whole previous year…
        ("станом на 01.01.2024", ReportingPeriod.year(2023)),
        # …the last of December closes its own year…
        ("станом на 31.12.2023", ReportingPeriod.year(2023)),
        # …and the second of January holds one day.
        ("станом на 02.01.2024", ReportingPeriod.between(dt.date(2024, 1, 1), dt.date(2024, 1, 1))),
        (
            "станом на 15.05.2024",
            ReportingPeriod.between(dt.date(2024, 1, 1), dt.date(2024, 5, 14)),
        ),
    ],
)
def test_as_of_title_line_gives_the_period_up_to_it(line: str, period: ReportingPeriod) -> None:
    """The period read from «станом на» runs from 1 January to the day before the date (to
    the date itself on a month's last day), and a finding names the title line."""
    result = import_table(_title(line))
    assert result.report.period == period
    (finding,) = [f for f in result.findings if f.code == "IMP303"]
    assert finding.path == "$.period"
    assert line in finding.cells[0].text


def test_a_za_period_before_an_as_of_date_governs_without_a_finding() -> None:
    """«за 2023 рік станом на 01.01.2024»: the two agree, the «за» period is read, and
    neither IMP303 nor a conflict is reported."""
    result = import_table(_title("за 2023 рік станом на 01.01.2024"))
    assert result.report.period == ReportingPeriod.year(2023)
    assert not [f for f in result.findings if f.code in {"IMP301", "IMP303"}]


def test_a_caller_period_against_an_as_of_date_is_a_conflict() -> None:
    """A caller's 9 months against «станом на 01.07.2024» (the first half-year): the
    caller's period governs and IMP301 says so."""
    (result,) = import_tables(
        _title("станом на 01.07.2024"), period=ReportingPeriod.nine_months(2024)
    )
    assert result.report.period == ReportingPeriod.nine_months(2024)
    assert [f.code for f in result.findings if f.code.startswith("IMP3")] == ["IMP301"]


@pytest.mark.parametrize("date", ["31.02.2024", "01.01.1900", "31.12.9999"])
def test_an_as_of_date_that_makes_no_period_asks_for_one(date: str) -> None:
    """«станом на 31.02.2024» is no date; 01.01.1900 would close 1899, before the first
    year a period may have; 31.12.9999 is past the last: no period is read and the import
    asks for one with a ParseError, never another error."""
    from municipal_reports import ParseError

    with pytest.raises(ParseError, match="no reporting period"):
        import_table(_title(f"станом на {date}"))


def test_the_first_year_closes_on_its_first_day_after() -> None:
    """«станом на 01.01.1901» is the whole of 1900, the first year a period may have."""
    assert import_table(_title("станом на 01.01.1901")).report.period == ReportingPeriod.year(1900)


def test_chortkiv_passport_reads_its_year_from_the_as_of_title() -> None:
    """Chortkiv's passport report, titled «станом на 01 січня 2018 року», covers 2017 with
    no period passed."""
    name = "chortkiv-uszn-2017-passport"
    meta = json.loads((TABLES / f"{name}.json").read_text(encoding="utf-8"))
    assert "pass_period" not in meta
    (result,) = import_tables((TABLES / f"{name}.tsv").read_text(encoding="utf-8"))
    assert result.report.period == ReportingPeriod.year(2017)
    assert "IMP303" in [f.code for f in result.findings]


@given(st.dates(min_value=dt.date(1991, 1, 2), max_value=dt.date(2099, 12, 31)))
def test_period_before_any_date(day: dt.date) -> None:
    """Any date: the period starts on 1 January of its end's year and ends the day before
    the date, or on the date when the date is a month's last day."""
    month_end = (day + dt.timedelta(days=1)).day == 1
    end = day if month_end else day - dt.timedelta(days=1)
    period = period_before(day)
    assert (period.start, period.end) == (dt.date(end.year, 1, 1), end)
