"""The corpus of real cases (tests/real/cases): every file is well-formed, and the verdict it
records is the one the arithmetic written here gives, so the corpus cannot be silently wrong.

The arithmetic follows the one percent rule and the one band rule of shared/DOMAIN.md, with
exact fractions: a figure written rounded stands for every value within half its step, an
approximate count for its qualifier's interval; a percentage is consistent when the exact
share rounds half-up to it, or, failing that, when some values the written figures allow
give a share within half a unit of its last decimal.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

CASES_DIR = Path(__file__).parent / "real" / "cases"
CASE_FILES = sorted(CASES_DIR.glob("*.json"))

KINDS = {
    "appeals",
    "awards",
    "budget",
    "council-work",
    "deputy-fund",
    "participatory-budget",
    "program",
}
RELATIONS = {"complete", "partial", "sub-part", "share", "shares-sum", "percent", "same-amount"}
VERDICTS = ("exact", "band", "truncated", "wrong")  # from best to worst
#: What one of each unit is, in its base (hryvnias, items or percent points).
UNITS = {
    "count": 1,
    "грн": 1,
    "тис. грн": 1000,
    "млн грн": 10**6,
    "млрд грн": 10**9,
    "%": 1,
}
QUALIFIERS = {"about", "more_than", "at_least", "up_to", "almost"}
CASE_KEYS = {"id", "source", "kind", "relation", "whole", "parts", "expected"}
SOURCE_KEYS = {"url", "council", "year", "period"}
FIGURE_KEYS = {"label", "written", "number", "unit", "decimals"}
# A number as documents write it: digits, group spaces (or dots), one decimal comma; or a
# lone dash standing for «none».
PLAIN = re.compile(r"(?:\d[\d \u00a0.]*(?:,\d+)?|[-–—])(?: ?%)?")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*-(?:\d{4}|nd)-[a-z0-9]+(?:-[a-z0-9]+)*")


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _figures(case: dict[str, Any]) -> list[dict[str, Any]]:
    whole = [case["whole"]] if case["whole"] is not None else []
    return whole + list(case["parts"])


# -- arithmetic ------------------------------------------------------------------------------

INF = None  # an unbounded upper end


def _value(fig: dict[str, Any]) -> Fraction:
    """The figure in its base unit, exactly as written."""
    return Fraction(Decimal(fig["number"])) * UNITS[fig["unit"]]


def _half_step(fig: dict[str, Any]) -> Fraction:
    """Half the step a figure was rounded to; counts and kopeck-exact hryvnias have none."""
    if fig["unit"] == "count" or (fig["unit"] == "грн" and fig["decimals"] >= 2):
        return Fraction(0)
    return Fraction(UNITS[fig["unit"]], 10 ** fig["decimals"]) / 2


def _interval(fig: dict[str, Any]) -> tuple[Fraction, Fraction | None]:
    """Every value the written figure allows: its rounding, or its qualifier's meaning."""
    x = _value(fig)
    q = fig.get("qualifier")
    if q == "about":
        return x * Fraction(9, 10), x * Fraction(11, 10)
    if q in ("more_than", "at_least"):
        return x, INF
    if q == "up_to":
        return Fraction(0), x
    if q == "almost":
        return x * Fraction(9, 10), x
    h = _half_step(fig)
    return x - h, x + h


def _sum_interval(figs: list[dict[str, Any]]) -> tuple[Fraction, Fraction | None]:
    lo, hi = Fraction(0), Fraction(0)
    for fig in figs:
        a, b = _interval(fig)
        lo += a
        hi = None if hi is None or b is None else hi + b
    return lo, hi


def _overlap(a: tuple[Fraction, Fraction | None], b: tuple[Fraction, Fraction | None]) -> bool:
    return (a[1] is None or b[0] <= a[1]) and (b[1] is None or a[0] <= b[1])


def _round_half_up(x: Fraction, decimals: int) -> Fraction:
    scale = 10**decimals
    return Fraction(int(x * scale + Fraction(1, 2)), scale)  # x >= 0 here


def _truncate(x: Fraction, decimals: int) -> Fraction:
    scale = 10**decimals
    return Fraction(int(x * scale), scale)


def _percent_verdict(part: dict[str, Any], whole: dict[str, Any]) -> str:
    """A declared percent of ``whole``: exact, within the figures' band, truncated or wrong."""
    declared = Fraction(Decimal(part["share"]["number"]))
    k = part["share"]["decimals"]
    exact = _value(part) / _value(whole) * 100
    if _round_half_up(exact, k) == declared:
        return "exact"
    half_unit = Fraction(1, 10**k) / 2
    p_lo, p_hi = _interval(part)
    w_lo, w_hi = _interval(whole)
    low = p_lo / w_hi * 100 if w_hi is not None else Fraction(0)
    high = p_hi / w_lo * 100 if p_hi is not None and w_lo > 0 else None
    if _overlap((low, high), (declared - half_unit, declared + half_unit)):
        return "band"
    if _truncate(exact, k) == declared:
        return "truncated"
    return "wrong"


def verdict(case: dict[str, Any]) -> str:
    """The verdict the figures of ``case`` call for, computed from scratch."""
    relation, whole, parts = case["relation"], case["whole"], case["parts"]
    if relation == "complete":
        total = sum((_value(p) for p in parts), Fraction(0))
        if total == _value(whole):
            return "exact"
        return "band" if _overlap(_sum_interval(parts), _interval(whole)) else "wrong"
    if relation in ("partial", "sub-part"):
        total = sum((_value(p) for p in parts), Fraction(0))
        if total <= _value(whole):
            return "exact"
        low_sum = _sum_interval(parts)[0]
        high_whole = _interval(whole)[1]
        return "band" if high_whole is None or low_sum <= high_whole else "wrong"
    if relation == "same-amount":
        first, second = parts
        if _value(first) == _value(second):
            return "exact"
        # The band of the coarser writing: the larger half-step of the two.
        h = max(_half_step(first), _half_step(second))
        return "band" if abs(_value(first) - _value(second)) <= h else "wrong"
    if relation in ("share", "percent"):
        found = [_percent_verdict(p, whole) for p in parts]
        return max(found, key=VERDICTS.index)
    assert relation == "shares-sum"
    total = sum((_value(p) for p in parts), Fraction(0))
    if total == 100:
        return "exact"
    band = sum((_half_step(p) for p in parts), Fraction(0))
    return "band" if abs(total - 100) <= band else "wrong"


# -- the arithmetic itself, on made-up figures -----------------------------------------------


def _fig(number: str, unit: str = "count", **extra: Any) -> dict[str, Any]:
    decimals = max(0, -Decimal(number).as_tuple().exponent)  # type: ignore[operator]
    return {"number": number, "unit": unit, "decimals": decimals, **extra}


def _share(number: str) -> dict[str, Any]:
    decimals = max(0, -Decimal(number).as_tuple().exponent)  # type: ignore[operator]
    return {"number": number, "decimals": decimals}


def _case(relation: str, whole: dict[str, Any] | None, *parts: dict[str, Any]) -> dict[str, Any]:
    return {"relation": relation, "whole": whole, "parts": list(parts)}


def test_band_of_a_total_is_every_figures_half_step() -> None:
    """Two parts and a total in тис. грн with one decimal may miss by 3 × 50 грн, not more;
    a total written with two decimals narrows the band to 50 + 50 + 5 грн."""
    t = "тис. грн"
    assert verdict(_case("complete", _fig("10.0", t), _fig("5.0", t), _fig("5.0", t))) == "exact"
    assert verdict(_case("complete", _fig("10.1", t), _fig("5.0", t), _fig("5.0", t))) == "band"
    assert verdict(_case("complete", _fig("10.10", t), _fig("5.0", t), _fig("5.0", t))) == "band"
    assert verdict(_case("complete", _fig("10.11", t), _fig("5.0", t), _fig("5.0", t))) == "wrong"
    assert verdict(_case("complete", _fig("10.2", t), _fig("5.0", t), _fig("5.0", t))) == "wrong"


def test_counts_and_kopecks_have_no_band() -> None:
    """Counts and hryvnias written to the kopeck must add up exactly."""
    assert verdict(_case("complete", _fig("3"), _fig("1"), _fig("1"))) == "wrong"
    g = "грн"
    assert verdict(_case("complete", _fig("2.01", g), _fig("1.00", g), _fig("1.00", g))) == "wrong"


def test_percent_exact_band_truncated_wrong() -> None:
    """2/3 is 66,67 %: 66,67 exact, 66,6 truncated, 66,5 wrong; rounded operands widen it."""
    part, whole = _fig("2"), _fig("3")
    assert _percent_verdict({**part, "share": _share("66.67")}, whole) == "exact"
    assert _percent_verdict({**part, "share": _share("66.6")}, whole) == "truncated"
    assert _percent_verdict({**part, "share": _share("66.5")}, whole) == "wrong"
    # 2,0 of 3,0 млн: anything from 1,95/3,05 (63,9 %) to 2,05/2,95 (69,5 %) is possible.
    m = "млн грн"
    assert _percent_verdict({**_fig("2.0", m), "share": _share("69")}, _fig("3.0", m)) == "band"
    assert _percent_verdict({**_fig("2.0", m), "share": _share("70")}, _fig("3.0", m)) == "wrong"


def test_partial_lists_and_qualifiers() -> None:
    """A partial list holds while its parts do not exceed the whole; «близько» widens by 10 %."""
    assert verdict(_case("partial", _fig("10"), _fig("4"), _fig("6"))) == "exact"
    assert verdict(_case("partial", _fig("10"), _fig("4"), _fig("7"))) == "wrong"
    about = _fig("10", qualifier="about")
    assert verdict(_case("partial", about, _fig("4"), _fig("7"))) == "band"
    assert verdict(_case("partial", about, _fig("4"), _fig("8"))) == "wrong"


def test_shares_sum_band() -> None:
    """Three whole-percent shares may sum to 98,5–101,5 %."""
    p = "%"
    assert (
        verdict(_case("shares-sum", None, _fig("33", p), _fig("33", p), _fig("34", p))) == "exact"
    )
    assert verdict(_case("shares-sum", None, _fig("33", p), _fig("33", p), _fig("33", p))) == "band"
    assert (
        verdict(_case("shares-sum", None, _fig("33", p), _fig("33", p), _fig("32", p))) == "wrong"
    )


def test_same_amount_uses_the_coarser_step() -> None:
    """17,5 млн and 17 440 тис.: the 0,05 млн half-step of «17,5» decides (60 000 is too far)."""
    m = "млн грн"
    assert verdict(_case("same-amount", None, _fig("17.5", m), _fig("17.460", m))) == "band"
    assert verdict(_case("same-amount", None, _fig("17.5", m), _fig("17.440", m))) == "wrong"


# -- every case file -------------------------------------------------------------------------


def test_there_is_a_corpus() -> None:
    """The corpus holds at least 25 cases from at least 15 councils."""
    assert len(CASE_FILES) >= 25
    councils = {_load(p)["source"]["council"] for p in CASE_FILES}
    assert len(councils) >= 15


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_case_is_well_formed(path: Path) -> None:
    """A case file has the documented fields, a name matching its id, and figures whose
    recorded number and decimals are what the written figure says."""
    case = _load(path)
    assert set(case) == CASE_KEYS
    assert case["id"] == path.stem
    assert ID.fullmatch(case["id"]), case["id"]
    source = case["source"]
    assert SOURCE_KEYS <= set(source) <= SOURCE_KEYS | {"note"}
    assert source["url"].startswith(("http://", "https://"))
    assert isinstance(source["council"], str)
    assert source["council"].strip()
    year = source["year"]
    assert year is None or (isinstance(year, int) and 1990 <= year <= 2030)
    assert (f"-{year}-" in case["id"]) if year is not None else ("-nd-" in case["id"])
    assert source["period"] is None or isinstance(source["period"], str)
    assert case["kind"] in KINDS
    relation = case["relation"]
    assert relation in RELATIONS
    assert case["expected"]["verdict"] in VERDICTS
    assert case["expected"]["why"].strip()
    if relation in ("shares-sum", "same-amount"):
        assert case["whole"] is None
    else:
        assert isinstance(case["whole"], dict)
    parts = case["parts"]
    assert len(parts) == 2 if relation == "same-amount" else len(parts) >= 1
    for fig in _figures(case):
        assert FIGURE_KEYS <= set(fig) <= FIGURE_KEYS | {"qualifier", "share"}
        assert fig["label"].strip()
        assert fig["unit"] in UNITS
        number = Decimal(fig["number"])
        assert number.is_finite()
        assert number >= 0
        assert fig["decimals"] == max(0, -number.as_tuple().exponent)  # type: ignore[operator]
        assert fig.get("qualifier") in QUALIFIERS | {None}
        written = fig["written"]
        if PLAIN.fullmatch(written):
            # The recorded number is the written one, precision included.
            body = written.rstrip("% ").replace(" ", "").replace("\u00a0", "")
            if body in ("-", "–", "—"):
                body = "0"
            elif "," in body:
                body = body.replace(".", "").replace(",", ".")
            assert body == fig["number"], (written, fig["number"])
        if relation in ("share", "percent") and fig is not case["whole"]:
            share = fig["share"]
            assert set(share) == {"written", "number", "decimals"}
            declared = Decimal(share["number"])
            assert share["decimals"] == max(0, -declared.as_tuple().exponent)  # type: ignore[operator]
            assert share["written"].rstrip("% ").replace(",", ".") == share["number"]
        else:
            assert "share" not in fig
    if relation == "shares-sum":
        assert all(p["unit"] == "%" for p in parts)


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_recorded_verdict_is_the_arithmetic(path: Path) -> None:
    """The verdict a case records is the one its figures call for."""
    case = _load(path)
    assert verdict(case) == case["expected"]["verdict"]


def test_corpus_spans_every_verdict_and_relation() -> None:
    """The corpus has cases of every relation and every verdict, wrong ones included."""
    cases = [_load(p) for p in CASE_FILES]
    assert {c["relation"] for c in cases} == RELATIONS
    assert set(Counter(c["expected"]["verdict"] for c in cases)) == set(VERDICTS)
