"""Values from the text of real documents: numbers, money, percentages, counts, dates,
decision references, periods, terms and names.

Each value has a stdnum-style pair: ``parse_*`` returns the value or raises
:class:`~municipal_reports.errors.ParseError` naming the text and the position; ``is_*``
never raises. Every pattern here is anchored or starts with a literal, and none nests
quantifiers, so matching is linear in the length of the text.

>>> parse_number("1 243 280,57")
Decimal('1243280.57')
>>> parse_money("15 млн 219 тис 100 грн 73 коп.")
Money('15219100.73')
>>> parse_percent("51,88%")
Percent('51.88')
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Final, TypeVar

from municipal_reports.domain import (
    Decision,
    Money,
    MoneyFormat,
    MoneyUnit,
    Percent,
    Person,
    Qualifier,
    Quantity,
    ReportingPeriod,
    YearSpan,
)
from municipal_reports.errors import InvalidValueError, MunicipalReportsError, ParseError, Problem

__all__ = [
    "find_decisions",
    "is_as_of",
    "is_date",
    "is_decision",
    "is_money",
    "is_money_unit",
    "is_number",
    "is_percent",
    "is_period",
    "is_person",
    "is_placeholder",
    "is_quantity",
    "is_written_money",
    "is_year_span",
    "parse_as_of",
    "parse_date",
    "parse_date_range",
    "parse_decision",
    "parse_money",
    "parse_money_unit",
    "parse_number",
    "parse_optional_number",
    "parse_percent",
    "parse_period",
    "parse_person",
    "parse_quantity",
    "parse_written_money",
    "parse_year_span",
]

T = TypeVar("T")

#: The locales the parsers read: Ukrainian (the documents) and English (the second locale).
LOCALES: Final = ("uk", "en")

# Spaces documents use between groups of digits: ordinary, non-breaking, narrow
# non-breaking, thin.
_SPACES: Final = " \u00a0\u202f\u2009"
_SP: Final = f"[{_SPACES}]"
# A dash standing alone in a cell is a placeholder («—»), never a minus.
_DASHES: Final = frozenset("-‐‑‒–—―−")
_MINUS: Final = "[-−]"
#: No document writes a number of more digits (Money stops at 10**15 hryvnias).
_MAX_DIGITS: Final = 60

_NUMBER_UK: Final = re.compile(
    rf"(?P<sign>{_MINUS}?)(?P<int>\d{{1,3}}(?:{_SP}\d{{3}})+|\d+)"
    rf"(?:{_SP}?[,.]{_SP}?(?P<frac>\d+))?"
)
_NUMBER_EN: Final = re.compile(
    rf"(?P<sign>{_MINUS}?)(?P<int>\d{{1,3}}(?:[,{_SPACES}]\d{{3}})+|\d+)(?:\.(?P<frac>\d+))?"
)


def _locale(locale: str) -> str:
    lang = locale.replace("-", "_").split("_")[0].lower()
    if lang not in LOCALES:
        raise InvalidValueError([Problem("$.locale", locale, f"must be one of {LOCALES}")])
    return lang


def _first_bad(text: str, allowed: str) -> int:
    """The position of the first character outside ``allowed`` (else of the first non-space)."""
    for i, ch in enumerate(text):
        if not ch.isdigit() and ch not in allowed:
            return i
    stripped = len(text) - len(text.lstrip())
    return min(stripped, len(text))


def _never_raises(parse: Callable[[str], object], text: object) -> bool:
    if not isinstance(text, str):
        return False
    try:
        parse(text)
    except MunicipalReportsError:
        return False
    return True


F = TypeVar("F", bound=Callable[..., object])


def _for_caller(exc: ParseError, shown: str, expected: str) -> ParseError | None:
    """The error as the caller of a parser sees it: about the text it passed, in one line;
    ``None`` when ``exc`` already is. A helper that read a part of the text (a stripped
    body, one date of a period) named that part, at its own place, and its own kind."""
    reason = exc.reason.splitlines()[-1].strip()
    if exc.text == shown:
        if reason == exc.reason:
            return None
        return ParseError(shown, exc.position, reason, expected=exc.expected)
    at = max(shown.find(exc.text), 0)  # the first place the part stands
    return ParseError(shown, at + exc.position, reason, expected=expected)


def _refusing(expected: str) -> Callable[[F], F]:
    """Turn a domain refusal of what was read (a percentage too large for a Percent, a year
    outside the calendar) into a ParseError naming the text: parsers raise nothing else, and
    every ParseError names the caller's text and what it asked for, in one line.

    Applied by assignment (``parse_x = _refusing(...)(_parse_x)``), not as a decorator:
    mutmut 3 skips decorated functions, and the parsers' bodies must be mutation-tested. The
    wrapper takes the public name (``_parse_x`` → ``parse_x``).
    """

    def wrap(parse: F) -> F:
        @functools.wraps(parse)
        def wrapper(text: object, *args: object, **kwargs: object) -> object:
            try:
                return parse(text, *args, **kwargs)
            except ParseError as exc:
                normal = _for_caller(exc, text if isinstance(text, str) else repr(text), expected)
                if normal is None:
                    raise
                raise normal from None
            except MunicipalReportsError as exc:
                shown = text if isinstance(text, str) else repr(text)
                raise ParseError(
                    shown, 0, str(exc).splitlines()[-1].strip(), expected=expected
                ) from None

        wrapper.__name__ = wrapper.__qualname__ = parse.__name__.removeprefix("_")
        return wrapper  # type: ignore[return-value]

    return wrap


# A digit of another script (Arabic-Indic «٣», full-width «３»), or a letter that looks like
# a digit touching a digit and no other letter («№З1», «1О0», «5О%»).
_NOT_A_DIGIT: Final = re.compile(
    r"(?P<digit>(?![0-9])\d)"
    r"|(?P<letter>(?<![^\W\d_])[ЗОOІIl](?=\d)|(?<=\d)[ЗОOІIl](?![^\W\d_]))"
)


def _require_str(text: object, expected: str) -> str:
    """``text`` when it is a str whose digits are all 0–9, else a ParseError.

    The one rule for every reader: a digit of another script or a letter standing for a
    digit is refused, naming the character and its place, never read as a number (Python
    and ``re`` would read «٣» as 3; a «З» in «№З1» would silently drop the number).
    """
    if not isinstance(text, str):
        raise ParseError(
            repr(text), 0, f"must be str, not {type(text).__name__}", expected=expected
        )
    bad = _NOT_A_DIGIT.search(text)
    if bad is not None:
        ch = bad.group()
        name = unicodedata.name(ch, f"U+{ord(ch):04X}")
        reason = (
            f"«{ch}» ({name}) is a digit of another script: write 0–9"
            if bad["digit"]
            else f"«{ch}» ({name}) stands where a digit is expected: write the digit"
        )
        raise ParseError(text, bad.start(), reason, expected=expected)
    return text


def _decimal(m: re.Match[str]) -> Decimal:
    digits = "".join(ch for ch in m["int"] if ch.isdigit())
    frac = m["frac"]
    sign = "-" if m["sign"] else ""
    return Decimal(f"{sign}{digits}.{frac}" if frac is not None else f"{sign}{digits}")


# -- numbers ---------------------------------------------------------------------------------


def _parse_number(text: str, *, locale: str = "uk") -> Decimal:
    """A number as tables write it, with the precision it was written with.

    Groups of three digits may be separated by ordinary, non-breaking or narrow spaces; the
    decimal separator is a comma (a dot too, for raw values beside comma-decimal ones;
    ``locale="en"`` reads «1,243,280.57»). Stray spaces around the comma are tolerated
    («2 080 000, 00»).

    >>> parse_number("2 080 000, 00"), parse_number("28719468.00"), parse_number("00,0")
    (Decimal('2080000.00'), Decimal('28719468.00'), Decimal('0.0'))
    """
    text = _require_str(text, "a number")
    pattern = _NUMBER_EN if _locale(locale) == "en" else _NUMBER_UK
    body = text.strip()
    m = pattern.fullmatch(body)
    if m is not None and len(m["int"]) + len(m["frac"] or "") > _MAX_DIGITS:
        # Far beyond any amount or percentage (and Decimal conversion is not linear).
        raise ParseError(text, 0, f"has more than {_MAX_DIGITS} digits", expected="a number")
    if m is None:
        offset = len(text) - len(text.lstrip())
        if not body:
            raise ParseError(text, 0, "is empty", expected="a number")
        if body in _DASHES or (len(body) == 1 and body in "-–—"):
            raise ParseError(
                text, offset, "is a placeholder dash, not a number", expected="a number"
            )
        pos = offset + _first_bad(body, _SPACES + ",.-−")
        raise ParseError(text, pos, "is not a number as documents write it", expected="a number")
    return _decimal(m)


parse_number = _refusing("a number")(_parse_number)


def is_number(text: object, *, locale: str = "uk") -> bool:
    """Whether :func:`parse_number` reads ``text``; never raises."""
    return _never_raises(lambda t: parse_number(t, locale=locale), text)


def is_placeholder(text: str) -> bool:
    """Whether a cell is empty or holds only a dash standing for «nothing».

    >>> is_placeholder(" – "), is_placeholder("-5")
    (True, False)
    """
    body = text.strip() if isinstance(text, str) else "x"
    return body == "" or (len(body) <= 3 and all(ch in _DASHES for ch in body))


def parse_optional_number(text: str, *, locale: str = "uk") -> Decimal | None:
    """``None`` for an empty cell or a placeholder dash, else :func:`parse_number`."""
    if is_placeholder(text):
        return None
    return parse_number(text, locale=locale)


# -- percentages -----------------------------------------------------------------------------


def _parse_percent(text: str, *, locale: str = "uk") -> Percent:
    """A percentage with the precision it was written with; the sign «%» may be missing.

    >>> parse_percent("51,88%"), parse_percent("64 %"), parse_percent("0")
    (Percent('51.88'), Percent('64'), Percent('0'))
    """
    text = _require_str(text, "a percentage")
    body = text.rstrip()
    if body.endswith("%"):
        body = body[:-1]
    try:
        value = parse_number(body, locale=locale)
    except ParseError as exc:
        raise ParseError(text, exc.position, exc.reason, expected="a percentage") from None
    return Percent(value)


parse_percent = _refusing("a percentage")(_parse_percent)


def is_percent(text: object, *, locale: str = "uk") -> bool:
    """Whether :func:`parse_percent` reads ``text``; never raises."""
    return _never_raises(lambda t: parse_percent(t, locale=locale), text)


# -- money -----------------------------------------------------------------------------------

# Magnitude words, each with its multiplier in kopecks. Ukrainian and Russian forms. A word
# ends where no letter follows (so «тис» is not taken for the start of «тисяч», and the
# pattern tries the longer form), or at its dot («тис.грн»).
_WORD_END: Final = r"(?![^\W\d_])\.?"
_MAGNITUDES: Final = (
    (re.compile(rf"(?:млрд|мільярд(?:ів|и|а)?|миллиард(?:ов|а)?|billion){_WORD_END}", re.I), 100 * 10**9),
    (re.compile(rf"(?:млн|мільйон(?:ів|и|а)?|миллион(?:ов|а)?|million){_WORD_END}", re.I), 100 * 10**6),
    (re.compile(rf"(?:тис|тисяч[іаи]?|тыс|тысяч[иа]?|thousand){_WORD_END}", re.I), 100 * 10**3),
    (re.compile(rf"(?:грн|гривень|гривні|гривня|гривен|гривны|uah|₴){_WORD_END}", re.I), 100),
    (re.compile(rf"(?:коп|копійок|копійки|копійка|копеек|копейки|копейка){_WORD_END}", re.I), 1),
)  # fmt: skip
_CURRENCY: Final = re.compile(r"(?:грн|гривень|гривні|гривня|гривен|гривны|uah|₴)\.?", re.I)
_NUM_ANY: Final = re.compile(rf"\d[\d{_SPACES},.]*")
_WS: Final = re.compile(rf"[{_SPACES}\t]*")


def _skip(text: str, pos: int) -> int:
    m = _WS.match(text, pos)
    return pos if m is None else m.end()


def _word_amount(text: str, locale: str) -> Money:
    """«15 млн 219 тис 100 грн 73 коп.»: numbers each followed by a decreasing unit word;
    «UAH 400,000.00» or «₴ 400,00»: a currency sign before a bare number."""
    pos = _skip(text, 0)
    lead = _CURRENCY.match(text, pos)
    if lead is not None:
        pos = _skip(text, lead.end())
    sign = 1
    if text[pos : pos + 1] in {"-", "−"} and text[pos + 1 : pos + 2].isdigit():
        sign, pos = -1, pos + 1
    total = 0
    last_scale: int | None = None
    while pos < len(text):
        num = _NUM_ANY.match(text, pos)
        if num is None:
            # A currency word after a magnitude («722,9 тис. грн») ends the amount.
            cur = _CURRENCY.match(text, pos)
            if cur is not None and last_scale is not None and last_scale > 100:
                pos = _skip(text, cur.end())
                if pos == len(text):
                    break
            raise ParseError(text, pos, "expected a number or a unit word", expected="an amount")
        raw = num.group().rstrip(_SPACES + ",.")
        try:
            value = parse_number(raw, locale=locale)
        except ParseError as exc:
            raise ParseError(text, pos + exc.position, exc.reason, expected="an amount") from None
        pos = _skip(text, pos + len(raw))
        scale = None
        for word, kopecks in _MAGNITUDES:
            unit = word.match(text, pos)
            if unit is not None:
                scale = kopecks
                pos = _skip(text, unit.end())
                break
        if scale is not None and lead is not None:
            raise ParseError(
                text, pos, "a leading currency sign takes a bare number", expected="an amount"
            )
        if scale is None:
            if lead is not None and last_scale is None and pos == len(text):
                scale = 100  # «UAH 400,000.00»: the leading sign names the unit
            else:
                raise ParseError(text, pos, "expected a unit word", expected="an amount")
        if last_scale is not None and scale >= last_scale:
            raise ParseError(
                text,
                pos,
                "units must decrease («млн», «тис», «грн», «коп»)",
                expected="an amount",
            )
        last_scale = scale
        try:
            total += Money.from_decimal(value, scale).kopecks  # exact, whatever the digits
        except InvalidValueError as exc:
            raise ParseError(text, pos, exc.problems[0].reason, expected="an amount") from None
    if last_scale is None:
        raise ParseError(text, pos, "holds no amount", expected="an amount")
    return Money.from_kopecks(sign * total)


def _parse_money(text: str, *, unit: MoneyUnit = MoneyUnit.HRYVNIA, locale: str = "uk") -> Money:
    """An amount of money: a bare number in ``unit`` («20,0» in a «тис. грн» column is
    20 000,00 грн), or an amount with unit words, which then decide.

    >>> parse_money("1 млн. 722,9 тис."), parse_money("20,0", unit=MoneyUnit.THOUSAND)
    (Money('1722900.00'), Money('20000.00'))
    >>> parse_money("400 000,00 грн.")
    Money('400000.00')
    """
    text = _require_str(text, "an amount")
    lang = _locale(locale)
    body = text.strip()
    if is_number(body, locale=lang):
        value = parse_number(body, locale=lang)
        try:
            return Money.from_decimal(value, unit.kopecks)  # exact, whatever the digits
        except InvalidValueError as exc:
            raise ParseError(text, 0, exc.problems[0].reason, expected="an amount") from None
    try:
        money = _word_amount(text, lang)
    except MunicipalReportsError as exc:
        if isinstance(exc, ParseError):
            raise
        raise ParseError(text, 0, str(exc), expected="an amount") from None
    return money


parse_money = _refusing("an amount")(_parse_money)


def is_money(text: object, *, unit: MoneyUnit = MoneyUnit.HRYVNIA, locale: str = "uk") -> bool:
    """Whether :func:`parse_money` reads ``text``; never raises."""
    return _never_raises(lambda t: parse_money(t, unit=unit, locale=locale), text)


# -- money as written: the amount and its precision --------------------------------------------

_SCALE_UNITS: Final = {
    100: MoneyUnit.HRYVNIA,
    100 * 10**3: MoneyUnit.THOUSAND,
    100 * 10**6: MoneyUnit.MILLION,
    100 * 10**9: MoneyUnit.BILLION,
}
_ABBREVIATION: Final = r"(?:тис|тыс|млн|млрд)"
# «тис.гривень», «млн.грн»: a magnitude's dot glued to the currency word.
_GLUED: Final = re.compile(rf"(?<![^\W\d_]){_ABBREVIATION}\.(?=[^\W\d_])", re.I)
# «3 тис. 415»: a bare number after a magnitude is hryvnias.
_BARE_TAIL: Final = re.compile(
    rf"(?<![^\W\d_]){_ABBREVIATION}\.?{_SP}+\d[\d{_SPACES}]*(?:,\d+)?{_SP}*$", re.I
)
# «238.932.555,4»: groups of three separated by dots, as laws and some tables print them.
_DOT_GROUPS: Final = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?=,\d)|\d{1,3}(?:\.\d{3}){2,}(?![\d.,]))"
)
# The last number of an amount and the word after it decide how it was written.
_WORD_AFTER: Final = rf"{_SP}*(?P<word>[^\W\d_]*|₴)"
_LAST_FIGURE: Final = {
    "uk": re.compile(rf"\d(?:[\d{_SPACES}]*\d)?(?:{_SP}?[,.]{_SP}?(?P<frac>\d+))?{_WORD_AFTER}"),
    "en": re.compile(rf"\d(?:[\d,{_SPACES}]*\d)?(?:\.(?P<frac>\d+))?{_WORD_AFTER}"),
}


def _tidy_written(text: str, lang: str) -> str:
    """Mend the habits :func:`parse_money` does not read, without changing the amount."""
    text = _GLUED.sub(lambda m: m.group() + " ", text)
    if lang == "uk":
        text = _DOT_GROUPS.sub(lambda m: m.group().replace(".", " "), text)
    if _BARE_TAIL.search(text):
        text = text.rstrip() + " грн"
    return text


def _written_format(text: str, default: MoneyUnit, lang: str) -> MoneyFormat:
    """The unit of the last figure of an amount and the decimals it was written with."""
    last = None
    for last in _LAST_FIGURE[lang].finditer(text):  # noqa: B007 - the last match is wanted
        pass
    if last is None:  # pragma: no cover - parse_money read a number already
        return MoneyFormat(default, 0)
    decimals = len(last["frac"] or "")
    word = last["word"]
    unit = default
    for pattern, kopecks in _MAGNITUDES:
        if word and pattern.fullmatch(word):
            if kopecks == 1:  # kopecks: the amount is exact to the kopeck
                return MoneyFormat(MoneyUnit.HRYVNIA, 2)
            unit = _SCALE_UNITS[kopecks]
            break
    else:
        if _CURRENCY.match(text.strip()):
            unit = MoneyUnit.HRYVNIA  # «UAH 400,000.00»: the leading sign names the unit
    if decimals > unit.max_decimals:
        raise ParseError(text, last.start(), "has a fraction of a kopeck", expected="an amount")
    return MoneyFormat(unit, decimals)


def _parse_written_money(
    text: str, *, unit: MoneyUnit = MoneyUnit.HRYVNIA, locale: str = "uk"
) -> tuple[Money, MoneyFormat]:
    """An amount and how it was written: the unit of its last figure and the decimals shown,
    so the step it was rounded to (``MoneyFormat.step``). A bare number is in ``unit``.

    Reads everything :func:`parse_money` reads, and the habits of running text besides:
    mixed units («3 тис. 415», «2 млн 148,3 тис.»), «млн» and «млрд» with decimals («4,7
    млн», «1,2 млрд»), Russian words («7 млн 600 тыс. грн», «1 миллион гривен»), a dot glued
    to the currency («3278,1 тис.гривень») and groups of digits separated by dots
    («238.932.555,4 тис. гривень»).

    >>> money, written = parse_written_money("2 млн 148,3 тис.")
    >>> money, written.unit, written.decimals, written.step
    (Money('2148300.00'), <MoneyUnit.THOUSAND: 'thousand UAH'>, 1, Money('100.00'))
    >>> parse_written_money("4,7 млн")[1].step
    Money('100000.00')
    """
    text = _require_str(text, "an amount")
    lang = _locale(locale)
    tidy = _tidy_written(text, lang)
    try:
        money = parse_money(tidy, unit=unit, locale=lang)
    except ParseError as exc:
        position = min(exc.position, len(text))
        raise ParseError(text, position, exc.reason, expected="an amount") from None
    return money, _written_format(tidy, unit, lang)


parse_written_money = _refusing("an amount")(_parse_written_money)


def is_written_money(
    text: object, *, unit: MoneyUnit = MoneyUnit.HRYVNIA, locale: str = "uk"
) -> bool:
    """Whether :func:`parse_written_money` reads ``text``; never raises."""
    return _never_raises(lambda t: parse_written_money(t, unit=unit, locale=locale), text)


# A caption naming the unit of a column or a table: «тис. грн», «(тис. гривень)», «млн грн».
_CAPTION: Final = re.compile(
    r"(?:(?P<mag>тис|тисяч[аі]?|тыс|тысяч[аи]?|thousand|млн|мільйон(?:ів|и|а)?|миллион(?:ов|а)?"
    r"|million|млрд|мільярд(?:ів|и|а)?|миллиард(?:ов|а)?|billion) ?)?"
    r"(?:грн|гривень|гривні|гривня|гривен|гривны|uah|₴)(?: (?P<after>thousand|million|billion))?",
    re.I,
)


def _parse_money_unit(text: str) -> MoneyUnit:
    """The unit a caption names: «грн», «тис. грн», «тис. гривень», «(млн грн)», «тыс.
    грн», "thousand UAH".

    >>> parse_money_unit("тис. гривень"), parse_money_unit("(млн грн)")
    (<MoneyUnit.THOUSAND: 'thousand UAH'>, <MoneyUnit.MILLION: 'million UAH'>)
    """
    text = _require_str(text, "a unit of money")
    if len(text) > 60:
        raise ParseError(text, 60, "is too long for a unit caption", expected="a unit of money")
    body = " ".join(text.replace(".", " ").replace(",", " ").split()).strip("()[] ")
    m = _CAPTION.fullmatch(body)
    if m is None:
        offset = len(text) - len(text.lstrip())
        raise ParseError(text, offset, "is not a unit of money", expected="a unit of money")
    magnitude = (m["mag"] or m["after"] or "").lower()
    if not magnitude:
        return MoneyUnit.HRYVNIA
    if magnitude.startswith(("млрд", "мільярд", "миллиард", "billion")):
        return MoneyUnit.BILLION
    if magnitude.startswith(("млн", "мільйон", "миллион", "million")):
        return MoneyUnit.MILLION
    return MoneyUnit.THOUSAND


parse_money_unit = _refusing("a unit of money")(_parse_money_unit)


def is_money_unit(text: object) -> bool:
    """Whether :func:`parse_money_unit` reads ``text``; never raises."""
    return _never_raises(parse_money_unit, text)


# -- approximate counts ----------------------------------------------------------------------

_QUALIFIERS: Final = (
    (re.compile(r"(?:близько|приблизно|орієнтовно|около|примерно|about|approximately)\b", re.I), Qualifier.ABOUT),
    (re.compile(r"(?:не менше ніж|не менше|щонайменше|не менее|at least)\b", re.I), Qualifier.AT_LEAST),
    (re.compile(r"(?:понад як|більш як|більше ніж|більше|понад|более|больше|свыше|more than|over)\b", re.I), Qualifier.MORE_THAN),
    (re.compile(r"(?:не більше ніж|не більше|до|не более|up to)\b", re.I), Qualifier.UP_TO),
    (re.compile(r"(?:майже|почти|almost|nearly)\b", re.I), Qualifier.ALMOST),
)  # fmt: skip
_THOUSAND_WORD: Final = re.compile(r"(?:тисяч[іаи]?|тис\.?|тысяч[аи]?|тыс\.?|thousand)$", re.I)


def _parse_quantity(text: str, *, locale: str = "uk") -> Quantity:
    """A count with its qualifier: «близько 3000», «більше 11 854», «понад 10», «до 10»,
    «майже 100», or a plain «12 527». «близько 9 тисяч» is 9000.

    >>> parse_quantity("більше 11 854")
    Quantity(value=11854, qualifier=<Qualifier.MORE_THAN: 'more_than'>)
    """
    text = _require_str(text, "a count")
    lang = _locale(locale)
    body = text.strip()
    offset = len(text) - len(text.lstrip())
    qualifier = Qualifier.EXACT
    for pattern, q in _QUALIFIERS:
        m = pattern.match(body)
        if m is not None:
            qualifier = q
            rest = body[m.end() :]
            offset += m.end() + len(rest) - len(rest.lstrip())
            body = rest.strip()
            break
    factor = 1
    word = _THOUSAND_WORD.search(body[-10:]) if body else None
    if word is not None:
        factor = 1000
        body = body[: len(body) - 10 + word.start()] if len(body) > 10 else body[: word.start()]
        body = body.strip()
    try:
        value = parse_number(body, locale=lang) * factor
    except ParseError as exc:
        raise ParseError(text, offset + exc.position, exc.reason, expected="a count") from None
    if value != value.to_integral_value() or value < 0:
        raise ParseError(
            text, offset, "a count must be a whole non-negative number", expected="a count"
        )
    return Quantity(int(value), qualifier)


parse_quantity = _refusing("a count")(_parse_quantity)


def is_quantity(text: object, *, locale: str = "uk") -> bool:
    """Whether :func:`parse_quantity` reads ``text``; never raises."""
    return _never_raises(lambda t: parse_quantity(t, locale=locale), text)


# -- dates -----------------------------------------------------------------------------------

_MONTHS_UK: Final = (
    ("січня", "січень"), ("лютого", "лютий"), ("березня", "березень"), ("квітня", "квітень"),
    ("травня", "травень"), ("червня", "червень"), ("липня", "липень"), ("серпня", "серпень"),
    ("вересня", "вересень"), ("жовтня", "жовтень"), ("листопада", "листопад"),
    ("грудня", "грудень"),
)  # fmt: skip
_MONTHS_EN: Final = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# Russian-language sources (and quotes in Ukrainian ones) write months in Russian.
_MONTHS_RU: Final = (
    ("января", "январь"), ("февраля", "февраль"), ("марта", "март"), ("апреля", "апрель"),
    ("мая", "май"), ("июня", "июнь"), ("июля", "июль"), ("августа", "август"),
    ("сентября", "сентябрь"), ("октября", "октябрь"), ("ноября", "ноябрь"),
    ("декабря", "декабрь"),
)  # fmt: skip
_MONTH_NUMBER: Final = {
    **{form: i + 1 for i, forms in enumerate(_MONTHS_UK) for form in forms},
    **{form: i + 1 for i, forms in enumerate(_MONTHS_RU) for form in forms},
    **{name: i + 1 for i, name in enumerate(_MONTHS_EN)},
    **{name[:3]: i + 1 for i, name in enumerate(_MONTHS_EN)},
}
_YEAR_WORD: Final = rf"(?:{_SP}*(?:року|рік|р\.?|года|г\.|year))?"
_NUMERIC_DATE: Final = re.compile(
    rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}){_YEAR_WORD}"
)
_ISO_DATE: Final = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_WORD_DATE: Final = re.compile(
    rf"(?P<d>\d{{1,2}}){_SP}+(?P<month>[^\W\d_]+)(?:{_SP}+(?P<y>\d{{4}}){_YEAR_WORD})?", re.I
)
_EN_DATE: Final = re.compile(
    rf"(?P<month>[A-Za-z]+)\.?{_SP}+(?P<d>\d{{1,2}}),?{_SP}+(?P<y>\d{{4}})", re.I
)


def _make_date(text: str, pos: int, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ParseError(text, pos, f"is not a calendar date ({exc})", expected="a date") from None


def _match_date(text: str, pos: int, year: int | None) -> tuple[dt.date, int] | None:
    """The date that starts at ``pos`` and where it ends, or ``None``."""
    for pattern in (_NUMERIC_DATE, _ISO_DATE):
        m = pattern.match(text, pos)
        if m is not None:
            return _make_date(text, pos, int(m["y"]), int(m["m"]), int(m["d"])), m.end()
    for pattern in (_WORD_DATE, _EN_DATE):
        m = pattern.match(text, pos)
        if m is None:
            continue
        month = _MONTH_NUMBER.get(m["month"].lower())
        if month is None:
            continue
        if m["y"] is not None:
            the_year = int(m["y"])
        elif year is not None:
            the_year = year
        else:
            raise ParseError(text, pos, "has no year; pass year=", expected="a date")
        return _make_date(text, pos, the_year, month, int(m["d"])), m.end()
    return None


def _parse_date(text: str, *, year: int | None = None) -> dt.date:
    """A date: «24.12.2020», «24.12.2020 р.», «14 травня 2018 року», «2020-12-24»,
    «December 24, 2020»; a day and month in words take ``year`` when the text has none.

    >>> parse_date("02.12.2020 р."), parse_date("1 жовтня", year=2022)
    (datetime.date(2020, 12, 2), datetime.date(2022, 10, 1))
    """
    text = _require_str(text, "a date")
    body = text.strip()
    offset = len(text) - len(text.lstrip())
    found = _match_date(body, 0, year)
    if found is None:
        raise ParseError(text, offset, "is not a date as documents write it", expected="a date")
    date, end = found
    if end != len(body):
        raise ParseError(text, offset + end, "has text after the date", expected="a date")
    return date


parse_date = _refusing("a date")(_parse_date)


def is_date(text: object, *, year: int | None = None) -> bool:
    """Whether :func:`parse_date` reads ``text``; never raises."""
    return _never_raises(lambda t: parse_date(t, year=year), text)


_AS_OF: Final = re.compile(
    rf"(?:(?:станом{_SP}+)?на|(?:по{_SP}+состоянию{_SP}+)?на|as{_SP}+(?:of|at)){_SP}+", re.I
)


def _parse_as_of(text: str, *, year: int | None = None) -> dt.date:
    """The date a figure is given at: «станом на 01.10.2022», «Станом на 01 липня 2017
    року», «на 1 січня» (with ``year``), «по состоянию на 30.08.2017», "as of 2022-10-01".

    A point in time, not a period: what happened before it is the document's to say.

    >>> parse_as_of("станом на 01.10.2022"), parse_as_of("Станом на 01 липня 2017 року")
    (datetime.date(2022, 10, 1), datetime.date(2017, 7, 1))
    """
    text = _require_str(text, "a date a figure stands at")
    body = text.strip()
    offset = len(text) - len(text.lstrip())
    lead = _AS_OF.match(body)
    if lead is None:
        raise ParseError(
            text, offset, "is not «станом на» and a date", expected="«станом на» a date"
        )
    try:
        return parse_date(body[lead.end() :], year=year)
    except ParseError as exc:
        where = offset + lead.end() + exc.position
        raise ParseError(text, where, exc.reason, expected="«станом на» a date") from None


parse_as_of = _refusing("a date a figure stands at")(_parse_as_of)


def is_as_of(text: object, *, year: int | None = None) -> bool:
    """Whether :func:`parse_as_of` reads ``text``; never raises."""
    return _never_raises(lambda t: parse_as_of(t, year=year), text)


_RANGE_DAYS: Final = re.compile(
    rf"(?:з{_SP}+)?(?P<d1>\d{{1,2}}){_SP}*(?:[-–—]|{_SP}по){_SP}*(?P<d2>\d{{1,2}}){_SP}+"
    rf"(?P<month>[^\W\d_]+)(?:{_SP}+(?P<y>\d{{4}}){_YEAR_WORD})?",
    re.I,
)
_RANGE_LEAD: Final = re.compile(rf"(?:з|from){_SP}+", re.I)
_RANGE_SEP: Final = re.compile(rf"{_SP}*(?:[-–—]|по|to|until){_SP}*", re.I)


def _parse_date_range(text: str, *, year: int | None = None) -> tuple[dt.date, dt.date]:
    """A range of dates: «23.06.2022 - 27.06.2022», «з 1 по 10 жовтня» (with ``year``),
    «з 1 вересня по 10 жовтня 2022 року».

    >>> parse_date_range("з 1 по 10 жовтня", year=2022)
    (datetime.date(2022, 10, 1), datetime.date(2022, 10, 10))
    """
    text = _require_str(text, "a range of dates")
    body = text.strip()
    m = _RANGE_DAYS.fullmatch(body)
    if m is not None:
        month = _MONTH_NUMBER.get(m["month"].lower())
        if month is not None:
            the_year = int(m["y"]) if m["y"] else year
            if the_year is None:
                raise ParseError(text, 0, "has no year; pass year=", expected="a range of dates")
            start = _make_date(text, 0, the_year, month, int(m["d1"]))
            end = _make_date(text, 0, the_year, month, int(m["d2"]))
            return _ordered(text, start, end)
    pos = 0
    lead = _RANGE_LEAD.match(body)
    if lead is not None:
        pos = lead.end()
    # «з 1 вересня по 10 жовтня 2022 року»: the year written once, at the end, serves both.
    years = _YEAR.findall(body[-40:])
    hint = year if year is not None else (int(years[-1]) if years else None)
    first = _match_date(body, pos, hint)
    if first is None:
        raise ParseError(text, pos, "does not start with a date", expected="a range of dates")
    sep = _RANGE_SEP.match(body, first[1])
    if sep is None or sep.end() == first[1]:
        raise ParseError(
            text,
            first[1],
            "expected «-» or «по» between the dates",
            expected="a range of dates",
        )
    second = _match_date(body, sep.end(), hint)
    if second is None or second[1] != len(body):
        raise ParseError(
            text, sep.end(), "expected a date to end the range", expected="a range of dates"
        )
    return _ordered(text, first[0], second[0])


parse_date_range = _refusing("a range of dates")(_parse_date_range)


def _ordered(text: str, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    if end < start:
        raise ParseError(text, 0, "the range ends before it starts", expected="a range of dates")
    return start, end


# -- decisions -------------------------------------------------------------------------------

_DEC_NUMBER: Final = re.compile(rf"№{_SP}*(?P<n>[0-9][0-9A-Za-zА-Яа-яІіЇїЄєҐґ/\-]*)")
_DEC_DATE: Final = re.compile(rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?:{_SP}*р\.)?")
_TOKEN_START: Final = re.compile(r"№|\d{1,2}\.\d{1,2}\.\d{4}")
_GAP_NUMBER_DATE: Final = re.compile(rf"[{_SPACES},]*(?:від|вiд|from|of)?[{_SPACES}]*$", re.I)
_GAP_DATE_NUMBER: Final = re.compile(rf"[{_SPACES},]*$")


def _tokens(text: str) -> list[tuple[str, int, int, str | dt.date]]:
    """The decision numbers and dates in ``text``: (kind, start, end, value)."""
    out: list[tuple[str, int, int, str | dt.date]] = []
    for m in _TOKEN_START.finditer(text):
        if m.group() == "№":
            n = _DEC_NUMBER.match(text, m.start())
            if n is not None:
                out.append(("number", n.start(), n.end(), n["n"].rstrip("-/")))
            continue
        d = _DEC_DATE.match(text, m.start())
        if d is not None and (m.start() == 0 or not text[m.start() - 1].isdigit()):
            date = _make_date(text, m.start(), int(d["y"]), int(d["m"]), int(d["d"]))
            out.append(("date", d.start(), d.end(), date))
    return out


def _find_decisions(text: str, *, body: str = "") -> list[Decision]:
    """Every decision reference in ``text``, in order: «від 24.12.2020 №31», «№31 від
    24.12.2020», «24.12.2020 №31», a lone «№ 279» or a lone date («зміни … 02.09.2022»).

    >>> [str(d) for d in find_decisions("№31 від 24.12.2020, зміни - №279 від 23.09.2021; 02.09.2022")]
    ['№31 від 24.12.2020', '№279 від 23.09.2021', 'від 02.09.2022']
    """
    text = _require_str(text, "decision references")
    tokens = _tokens(text)
    decisions: list[Decision] = []
    i = 0
    while i < len(tokens):
        kind, _start, end, value = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt[0] != kind:
            gap = text[end : nxt[1]]
            pattern = _GAP_NUMBER_DATE if kind == "number" else _GAP_DATE_NUMBER
            if len(gap) <= 12 and pattern.match(gap):
                number, date = (value, nxt[3]) if kind == "number" else (nxt[3], value)
                assert isinstance(number, str)
                assert isinstance(date, dt.date)
                decisions.append(Decision(date, number, body=body))
                i += 2
                continue
        if isinstance(value, str):
            decisions.append(Decision(None, value, body=body))
        else:
            decisions.append(Decision(value, body=body))
        i += 1
    return decisions


find_decisions = _refusing("decision references")(_find_decisions)


def _parse_decision(text: str, *, body: str = "") -> Decision:
    """Exactly one decision reference, with any words around it («рішення … від 18.10.2017
    № 975 «Про …»»).

    >>> str(parse_decision("рішення від 18.10.2017 № 975"))
    '№975 від 18.10.2017'
    """
    text = _require_str(text, "a decision reference")
    found = find_decisions(text, body=body)
    if len(found) != 1:
        where = 0 if not found else len(text)
        reason = (
            "holds no decision number or date" if not found else f"holds {len(found)} references"
        )
        raise ParseError(text, where, reason, expected="a decision reference")
    return found[0]


parse_decision = _refusing("a decision reference")(_parse_decision)


def is_decision(text: object) -> bool:
    """Whether :func:`parse_decision` reads ``text``; never raises."""
    return _never_raises(parse_decision, text)


# -- periods and terms -----------------------------------------------------------------------

_ROMAN: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR: Final = re.compile(r"(?<!\d)(?P<y>\d{4})(?!\d)")
_P_PREFIX: Final = re.compile(r"(?:за|for) ", re.I)
_P_YEAR_TAIL: Final = re.compile(r"(?:^| )(?:of )?(?P<y>\d{4})(?: (?:року|рік|р\.?|year))?$", re.I)
_P_NINE: Final = re.compile(r"9 (?:місяців|месяцев|months)", re.I)
_P_HALF: Final = re.compile(
    r"(?P<n>I{1,2}|[12])(?:-?е)? (?:півріччя|полугодие|half)|H(?P<h>[12])", re.I
)
_P_QUARTER: Final = re.compile(r"(?P<n>IV|I{1,3}|[1-4])(?:-?й)? квартал|Q(?P<q>[1-4])", re.I)
_P_RANGE_UK: Final = re.compile(r"період з (\S+) по (\S+)", re.I)
_P_RANGE_EN: Final = re.compile(r"(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})", re.I)


# Roman numerals typed with Cyrillic «І» (and «і»), alone or mixed with Latin «V».
_ROMAN_TOKEN: Final = re.compile(r"(?<![^\W\d_])[IІіiVv]{1,4}(?![^\W\d_])")
_ORDINALS: Final = (
    (re.compile(r"перш(?:е|ий|ого|ому)\b", re.I), "I"),
    (re.compile(r"друг(?:е|ий|ого|ому)\b", re.I), "II"),
    (re.compile(r"трет(?:ій|ього|ьому)\b", re.I), "III"),
    (re.compile(r"четверт(?:ий|ого|ому)\b", re.I), "IV"),
)
_QUARTER_WORD: Final = re.compile(r"\b(?:квартал[уіа]?|кв)\b\.?", re.I)
_HALF_WORD: Final = re.compile(r"\bпівріччі\b", re.I)
_RU_YEAR_WORD: Final = re.compile(r"(?<=\d{4}) (?:года|год|г\.?)$", re.I)
_P_MONTHS: Final = re.compile(r"(?P<n>\d{1,2}) (?:місяців|місяці|месяцев|месяца|months)", re.I)
_P_MONTH_RANGE: Final = re.compile(r"(?P<a>[^\W\d_]+) ?[-‐‑–—] ?(?P<b>[^\W\d_]+)")
_P_RANGE_WORDS: Final = re.compile(r"(?:період )?(з .+ по .+)", re.I)


def _period_words(body: str) -> str:
    """The ways of writing a period that name the same thing, made one: «ІІІ», «ІV» and
    «друге» become Latin numerals, «кварталу» and «кв.» become «квартал», «року» replaces
    the Russian «года»."""
    body = _ROMAN_TOKEN.sub(lambda m: m.group().upper().replace("І", "I"), body)
    for pattern, numeral in _ORDINALS:
        body = pattern.sub(numeral, body)
    body = _QUARTER_WORD.sub("квартал", body)
    body = _HALF_WORD.sub("півріччя", body)
    return _RU_YEAR_WORD.sub(" року", body)


def _month_of(word: str) -> int | None:
    lowered = word.lower()
    return _MONTH_NUMBER.get(lowered) or _NOMINATIVE.get(lowered)


def _months_period(body: str, year: int) -> ReportingPeriod | None:
    """«7 місяців» (from January) and «січень–серпень»: whole months of ``year``."""
    m = _P_MONTHS.fullmatch(body)
    if m is not None:
        return ReportingPeriod.months(year, 1, int(m["n"]))
    m = _P_MONTH_RANGE.fullmatch(body)
    if m is not None:
        first, last = _month_of(m["a"]), _month_of(m["b"])
        if first is not None and last is not None:
            return ReportingPeriod.months(year, first, last)
    return None


def _parse_period(text: str, *, year: int | None = None) -> ReportingPeriod:
    """A reporting period as a title writes it: «за 9 місяців 2022 року», «за 2023 рік»,
    «за I півріччя» (``year`` from context), «I квартал 2022 року», «березень 2022 року»,
    and the English names («9 months of 2022», «H1 2022», «Q3 2022»).

    Roman numerals may be typed in Cyrillic («І півріччя 2021 року», «ІV кв.») or named
    («друге півріччя»); months may be a range («січень–серпень 2023 року», «січня-червня»)
    or counted from January («за 7 місяців»); dates may be spelled («за період з 27 квітня
    по 3 травня 2020 року»). A span of whole months that makes a named period is that
    period (January to June is the first half-year).

    >>> str(parse_period("за 9 місяців 2022 року")), str(parse_period("за I півріччя", year=2021))
    ('9 months of 2022', 'H1 2021')
    >>> parse_period("січень–серпень 2023 року").name_uk, str(parse_period("ІV кв. 2022 року"))
    ('період з 01.01.2023 по 31.08.2023', 'Q4 2022')
    """
    text = _require_str(text, "a reporting period")
    if len(text) > 200:
        raise ParseError(text, 200, "is too long for a period", expected="a reporting period")
    body = _period_words(" ".join(text.split()).rstrip("."))
    prefix = _P_PREFIX.match(body)
    if prefix is not None:
        body = body[prefix.end() :]
    try:
        for pattern in (_P_RANGE_UK, _P_RANGE_EN):
            m = pattern.fullmatch(body)
            if m is not None:
                return ReportingPeriod.between(parse_date(m[1]), parse_date(m[2]))
        m = _P_RANGE_WORDS.fullmatch(body)
        if m is not None:
            return ReportingPeriod.between(*parse_date_range(m[1], year=year))
        tail = _P_YEAR_TAIL.search(body)
        the_year = year
        if tail is not None:
            the_year = int(tail["y"])
            body = body[: tail.start()]
        if the_year is None:
            raise ParseError(text, 0, "has no year; pass year=", expected="a reporting period")
        if not body and tail is not None:
            return ReportingPeriod.year(the_year)
        if _P_NINE.fullmatch(body):
            return ReportingPeriod.nine_months(the_year)
        months = _months_period(body, the_year)
        if months is not None:
            return months
        m = _P_HALF.fullmatch(body)
        if m is not None:
            return ReportingPeriod.half_year(the_year, _ROMAN[(m["n"] or m["h"]).lower()])
        m = _P_QUARTER.fullmatch(body)
        if m is not None:
            return ReportingPeriod.quarter(the_year, _ROMAN[(m["n"] or m["q"]).lower()])
        month = _MONTH_NUMBER.get(body.lower()) or _NOMINATIVE.get(body.lower())
        if month is not None:
            return ReportingPeriod.month(the_year, month)
    except ParseError:
        raise
    except MunicipalReportsError as exc:
        raise ParseError(text, 0, str(exc), expected="a reporting period") from None
    raise ParseError(text, 0, "is not a reporting period", expected="a reporting period")


parse_period = _refusing("a reporting period")(_parse_period)


_NOMINATIVE: Final = {forms[1]: i + 1 for i, forms in enumerate(_MONTHS_UK)}


def is_period(text: object, *, year: int | None = None) -> bool:
    """Whether :func:`parse_period` reads ``text``; never raises."""
    return _never_raises(lambda t: parse_period(t, year=year), text)


_SPAN: Final = re.compile(
    rf"(?:на{_SP}+)?(?P<a>\d{{4}}){_SP}*[-–—]{_SP}*(?P<b>\d{{4}})(?:{_SP}*(?:роки|рр\.?|років|years))?\.?",
    re.I,
)


def _parse_year_span(text: str) -> YearSpan:
    """A program's term: «2021-2025», «2017–2026», «на 2021-2025 роки».

    >>> parse_year_span("2017–2026")
    YearSpan(first=2017, last=2026)
    """
    text = _require_str(text, "a term in years")
    body = text.strip()
    m = _SPAN.fullmatch(body)
    if m is None:
        offset = len(text) - len(text.lstrip())
        raise ParseError(text, offset, "is not a span of years like «2021-2025»", expected="a term")
    try:
        return YearSpan(int(m["a"]), int(m["b"]))
    except MunicipalReportsError as exc:
        raise ParseError(text, 0, str(exc), expected="a term") from None


parse_year_span = _refusing("a term")(_parse_year_span)


def is_year_span(text: object) -> bool:
    """Whether :func:`parse_year_span` reads ``text``; never raises."""
    return _never_raises(parse_year_span, text)


# -- names -----------------------------------------------------------------------------------

_L: Final = r"[^\W\d_]"
_NAME_PART: Final = rf"{_L}+(?:['’ʼ]{_L}+)*(?:-{_L}+(?:['’ʼ]{_L}+)*)*"
_INITIAL: Final = rf"{_L}\."
_SIGNATURE: Final = re.compile(
    rf"(?P<given>{_NAME_PART})(?: (?P<patronymic>{_NAME_PART}))? (?P<surname>{_NAME_PART})"
)
_INITIALS_AFTER: Final = re.compile(
    rf"(?P<surname>{_NAME_PART}) ?(?P<given>{_INITIAL}) ?(?P<patronymic>{_INITIAL})?"
)
_INITIALS_BEFORE: Final = re.compile(
    rf"(?P<given>{_INITIAL}) ?(?P<patronymic>{_INITIAL})? ?(?P<surname>{_NAME_PART})"
)


def _title_case(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _is_upper_word(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)


def _parse_person(text: str) -> Person:
    """A name as a signature line writes it: «Лілія СТЕПАНЮК» (the surname in capitals),
    «Віктор Антонович КЛІМІНСЬКИЙ», «Ахмедова О.В.», «О.В. Ахмедова».

    >>> parse_person("Віра РАЧКОВСЬКА-ДОЛГИХ")
    Person(given_name='Віра', surname='Рачковська-Долгих', patronymic='')
    >>> parse_person("Ахмедова О.В.")
    Person(given_name='О.', surname='Ахмедова', patronymic='В.')
    """
    text = _require_str(text, "a name")
    body = " ".join(text.split())
    if len(body) > 120:
        raise ParseError(text, 120, "is too long for a name", expected="a name")
    for pattern in (_INITIALS_AFTER, _INITIALS_BEFORE):
        m = pattern.fullmatch(body)
        if m is not None:
            return Person(m["given"], m["surname"], m["patronymic"] or "")
    m = _SIGNATURE.fullmatch(body)
    if m is None or not _is_upper_word(m["surname"]) or _is_upper_word(m["given"]):
        raise ParseError(text, 0, "is not «Ім'я ПРІЗВИЩЕ» nor «Прізвище І.Б.»", expected="a name")
    return Person(m["given"], _title_case(m["surname"]), m["patronymic"] or "")


parse_person = _refusing("a name")(_parse_person)


def is_person(text: object) -> bool:
    """Whether :func:`parse_person` reads ``text``; never raises."""
    return _never_raises(parse_person, text)
