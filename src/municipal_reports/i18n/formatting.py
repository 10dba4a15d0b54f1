"""Locale-aware formatting: the only module of the library that calls babel's formatting.

Every function takes an explicit ``locale`` («uk» or «en»): nothing here reads the machine's
locale settings or babel's default. Rounding is half-up everywhere (babel rounds half-even
unless told otherwise): each value is quantized half-up here, to exactly the decimals it
will show, before babel lays it out with an explicit pattern.

>>> from decimal import Decimal
>>> from municipal_reports import Money, MoneyUnit, Percent
>>> format_money(Money("400000"), "uk")
'400\\xa0000,00\\xa0грн'
>>> format_money(Money("20000"), "uk", unit=MoneyUnit.THOUSAND, decimals=1)
'20,0\\xa0тис.\\xa0грн'
>>> format_money(Money("400000"), "en")
'400,000.00\\xa0UAH'
>>> format_percent(Percent("51.88"), "uk"), format_percent(Percent("64"), "en")
('51,88%', '64%')
>>> format_number(Decimal("2.5"), "uk", decimals=0)  # half-up, not half-even
'3'
>>> plural(5, "meeting", "uk"), format_count(21, "meeting", "uk")
('засідань', '21\\xa0засідання')
>>> amount_in_words(Money("400000"), "uk")
'чотириста тисяч гривень 00 копійок'

The output is meant to be read back: the parsers turn every string these functions make
into the value it came from (at the precision shown).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Final, Literal

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import NumberPattern, parse_pattern
from num2words import num2words

from municipal_reports.domain import (
    Money,
    MoneyUnit,
    Percent,
    PeriodKind,
    Qualifier,
    Quantity,
    ReportingPeriod,
)
from municipal_reports.errors import InvalidTypeError, InvalidValueError, Problem

__all__ = [
    "LOCALES",
    "NBSP",
    "WORDS",
    "amount_in_words",
    "check_locale",
    "format_count",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "format_period",
    "format_quantity",
    "plural",
    "unit_label",
]

#: The locales the library formats for: Ukrainian first, English second.
LOCALES: Final = ("uk", "en")

#: The non-breaking space: the Ukrainian group separator, and the glue before a unit.
NBSP: Final = "\u00a0"

# Enough digits for any Money (17) or Percent (25) and any int a caller may pass; the
# rounding is the one the documents use.
_CONTEXT: Final = Context(prec=200, rounding=ROUND_HALF_UP)
_MAX_DECIMALS: Final = 12
_QUANTA: Final = tuple(Decimal(1).scaleb(-d) for d in range(_MAX_DECIMALS + 1))

_UNIT_LABELS: Final = {
    ("uk", MoneyUnit.HRYVNIA): "грн",
    ("uk", MoneyUnit.THOUSAND): f"тис.{NBSP}грн",
    ("uk", MoneyUnit.MILLION): f"млн{NBSP}грн",
    ("uk", MoneyUnit.BILLION): f"млрд{NBSP}грн",
    ("en", MoneyUnit.HRYVNIA): "UAH",
    ("en", MoneyUnit.THOUSAND): f"thousand{NBSP}UAH",
    ("en", MoneyUnit.MILLION): f"million{NBSP}UAH",
    ("en", MoneyUnit.BILLION): f"billion{NBSP}UAH",
}

_QUALIFIERS: Final = {
    "uk": {
        Qualifier.ABOUT: "близько",
        Qualifier.MORE_THAN: "більше",
        Qualifier.AT_LEAST: "не менше",
        Qualifier.UP_TO: "до",
        Qualifier.ALMOST: "майже",
    },
    "en": {
        Qualifier.ABOUT: "about",
        Qualifier.MORE_THAN: "more than",
        Qualifier.AT_LEAST: "at least",
        Qualifier.UP_TO: "up to",
        Qualifier.ALMOST: "almost",
    },
}

_DATE_PATTERNS: Final = {
    ("uk", "table"): "dd.MM.yyyy",
    ("uk", "prose"): "d MMMM y 'р.'",
    ("en", "table"): "yyyy-MM-dd",
    ("en", "prose"): "d MMMM y",
}

#: Plural forms of the words the renderers count, by locale: Ukrainian (one, few, many)
#: as in 1 засідання, 3 засідання, 5 засідань; English (one, other).
WORDS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "meeting": {"uk": ("засідання", "засідання", "засідань"), "en": ("meeting", "meetings")},
    "session": {"uk": ("сесія", "сесії", "сесій"), "en": ("session", "sessions")},
    "decision": {"uk": ("рішення", "рішення", "рішень"), "en": ("decision", "decisions")},
    "measure": {"uk": ("захід", "заходи", "заходів"), "en": ("measure", "measures")},
    "task": {"uk": ("завдання", "завдання", "завдань"), "en": ("task", "tasks")},
    "item": {"uk": ("позиція", "позиції", "позицій"), "en": ("item", "items")},
    "finding": {"uk": ("зауваження", "зауваження", "зауважень"), "en": ("finding", "findings")},
    "hryvnia": {"uk": ("гривня", "гривні", "гривень"), "en": ("hryvnia", "hryvnias")},
    "kopeck": {"uk": ("копійка", "копійки", "копійок"), "en": ("kopeck", "kopecks")},
}

_CATEGORY_INDEX: Final = {
    "uk": {"one": 0, "few": 1, "many": 2, "other": 2},
    "en": {"one": 0, "other": 1},
}


def check_locale(locale: object) -> str:
    """Return ``locale`` if the library formats for it, else raise InvalidValueError.

    >>> check_locale("en")
    'en'
    """
    if locale not in LOCALES:
        raise InvalidValueError(
            [Problem("$.locale", locale, f"must be one of {', '.join(LOCALES)}")],
            subject="locale",
        )
    assert isinstance(locale, str)
    return locale


@functools.cache
def _locale(locale: str) -> Locale:
    # Parsing a Locale costs more than formatting with it: one per process and locale.
    return Locale.parse(check_locale(locale))


@functools.cache
def _pattern(decimals: int) -> NumberPattern:
    # Exactly ``decimals`` fraction digits, grouped by thousands.
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


def _decimal_of(value: object, name: str) -> Decimal:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidValueError([Problem(f"$.{name}", value, "must be a finite number")])
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    raise InvalidTypeError(
        [Problem(f"$.{name}", value, "must be Decimal or int, never float or bool", True)]
    )


def _check_decimals(decimals: object) -> int:
    if not isinstance(decimals, int) or isinstance(decimals, bool):
        raise InvalidTypeError([Problem("$.decimals", decimals, "must be int", True)])
    if not 0 <= decimals <= _MAX_DECIMALS:
        raise InvalidValueError(
            [Problem("$.decimals", decimals, f"must be from 0 to {_MAX_DECIMALS}")]
        )
    return decimals


@functools.cache
def _symbols(locale: str) -> dict[int, int] | None:
    """The locale's group and decimal symbols as a translation of Python's «,» and «.», or
    None when its numbers are not grouped by threes (then babel lays out every number)."""
    loc = _locale(locale)
    if loc.decimal_formats[None].grouping != (3, 3):
        return None
    symbols = loc.number_symbols["latn"]
    if symbols["minusSign"] != "-":
        return None
    return str.maketrans({",": symbols["group"], ".": symbols["decimal"]})


def _babel_format(rounded: Decimal, decimals: int, locale: str) -> str:
    """babel's layout of an already rounded value, with an explicit pattern."""
    with localcontext(_CONTEXT):
        return str(_pattern(decimals).apply(rounded, _locale(locale)))


def _format(value: Decimal, decimals: int, locale: str) -> str:
    rounded = value.quantize(_QUANTA[decimals], context=_CONTEXT)
    if rounded.is_zero():
        rounded = rounded.copy_abs()  # «-0,00» means nothing to a reader
    table = _symbols(locale)
    if table is None:
        return _babel_format(rounded, decimals, locale)
    # The locale's symbols from babel, laid out by Python: ten times cheaper than babel's
    # pattern.apply (18 µs a call), and equal to it (tests/test_i18n.py checks).
    return f"{rounded:,f}".translate(table)


def format_number(value: Decimal | int, locale: str, *, decimals: int | None = None) -> str:
    """``value`` grouped by thousands, with ``decimals`` decimals (rounded half-up).

    Without ``decimals`` a Decimal keeps the decimals it was written with and an int has
    none.

    >>> format_number(Decimal("2080000.00"), "uk"), format_number(2080000, "en")
    ('2\\xa0080\\xa0000,00', '2,080,000')
    >>> format_number(Decimal("0.125"), "uk", decimals=2)
    '0,13'
    """
    number = _decimal_of(value, "value")
    if decimals is None:
        exponent = number.as_tuple().exponent
        assert isinstance(exponent, int)  # finite, checked above
        decimals = min(max(0, -exponent), _MAX_DECIMALS)
    return _format(number, _check_decimals(decimals), locale)


def _check_money(money: object) -> Money:
    if not isinstance(money, Money):
        raise InvalidTypeError([Problem("$.money", money, "must be Money", True)])
    return money


def format_money(
    money: Money,
    locale: str,
    *,
    unit: MoneyUnit = MoneyUnit.HRYVNIA,
    decimals: int = 2,
    with_unit: bool = True,
) -> str:
    """``money`` as a table in ``unit`` shows it, with ``decimals`` decimals (half-up).

    >>> format_money(Money("513537.84"), "uk", unit=MoneyUnit.THOUSAND, decimals=1, with_unit=False)
    '513,5'
    >>> format_money(Money("2148300"), "uk", unit=MoneyUnit.MILLION, decimals=1)
    '2,1\xa0млн\xa0грн'
    """
    if not isinstance(unit, MoneyUnit):
        raise InvalidTypeError([Problem("$.unit", unit, "must be MoneyUnit", True)])
    # Exact: the kopecks shifted by the unit's power of ten.
    amount = Decimal(_check_money(money).kopecks).scaleb(-unit.max_decimals)
    text = _format(amount, _check_decimals(decimals), locale)
    return f"{text}{NBSP}{_UNIT_LABELS[locale, unit]}" if with_unit else text


def unit_label(unit: MoneyUnit, locale: str) -> str:
    """The unit as a table header writes it: «грн», «тис. грн», "thousand UAH".

    >>> unit_label(MoneyUnit.THOUSAND, "uk")
    'тис.\\xa0грн'
    """
    if not isinstance(unit, MoneyUnit):
        raise InvalidTypeError([Problem("$.unit", unit, "must be MoneyUnit", True)])
    return _UNIT_LABELS[check_locale(locale), unit]


def format_percent(p: Percent, locale: str) -> str:
    """The percentage with the decimals it was written with: «51,88%», «64%».

    >>> format_percent(Percent("24.69"), "uk")
    '24,69%'
    """
    if not isinstance(p, Percent):
        raise InvalidTypeError([Problem("$.percent", p, "must be Percent", True)])
    return _format(p.value, p.decimals, locale) + "%"


def format_date(
    d: datetime.date, locale: str, *, style: Literal["table", "prose"] = "table"
) -> str:
    """The date as a table («24.12.2020») or as prose («24 грудня 2020 р.») writes it.

    >>> import datetime
    >>> format_date(datetime.date(2020, 12, 24), "uk", style="prose")
    '24 грудня 2020 р.'
    >>> format_date(datetime.date(2020, 12, 24), "en", style="prose")
    '24 December 2020'
    """
    if not isinstance(d, datetime.date):
        raise InvalidTypeError([Problem("$.date", d, "must be datetime.date", True)])
    if isinstance(d, datetime.datetime):
        d = d.date()
    try:
        pattern = _DATE_PATTERNS[check_locale(locale), style]
    except KeyError:
        raise InvalidValueError([Problem("$.style", style, "must be 'table' or 'prose'")]) from None
    return str(_babel_format_date(d, pattern, locale=_locale(locale)))


def format_quantity(q: Quantity, locale: str) -> str:
    """The count with its qualifier: «близько 3 000», "more than 11,854", «12».

    >>> format_quantity(Quantity(3000, Qualifier.ABOUT), "en")
    'about 3,000'
    """
    if not isinstance(q, Quantity):
        raise InvalidTypeError([Problem("$.quantity", q, "must be Quantity", True)])
    number = _format(Decimal(q.value), 0, locale)
    if q.is_exact:
        return number
    return f"{_QUALIFIERS[locale][q.qualifier]} {number}"


def _forms(forms: str | Sequence[str], locale: str) -> Sequence[str]:
    if isinstance(forms, str):
        try:
            return WORDS[forms][locale]
        except KeyError:
            raise InvalidValueError([Problem("$.forms", forms, "is not a word of WORDS")]) from None
    expected = len(_CATEGORY_INDEX[locale]) if locale == "en" else 3
    if len(forms) != expected:
        raise InvalidValueError(
            [Problem("$.forms", forms, f"must give {expected} forms for {locale!r}")]
        )
    return forms


def plural(n: int, forms: str | Sequence[str], locale: str) -> str:
    """The form of a word that goes with the count ``n``, by the locale's plural rules.

    ``forms`` is a word of :data:`WORDS` or the forms themselves: Ukrainian (one, few,
    many), English (one, other).

    >>> [plural(n, ("засідання", "засідання", "засідань"), "uk") for n in (1, 3, 5, 11, 21)]
    ['засідання', 'засідання', 'засідань', 'засідань', 'засідання']
    >>> plural(2, "meeting", "en")
    'meetings'
    """
    if not isinstance(n, int) or isinstance(n, bool):
        raise InvalidTypeError([Problem("$.n", n, "must be int", True)])
    words = _forms(forms, check_locale(locale))
    return words[_category_index(locale, abs(n))]


@functools.lru_cache(maxsize=4096)
def _category_index(locale: str, n: int) -> int:
    # babel evaluates the CLDR rule each time (≈15 µs); counts repeat, so remember them.
    category = _locale(locale).plural_form(n)
    return _CATEGORY_INDEX[locale].get(category, max(_CATEGORY_INDEX[locale].values()))


def format_count(n: int, forms: str | Sequence[str], locale: str) -> str:
    """The count and its word: «1 засідання», «5 засідань», "2 meetings".

    >>> format_count(3000, "decision", "uk")
    '3\\xa0000\\xa0рішень'
    """
    word = plural(n, forms, locale)
    return f"{_format(Decimal(n), 0, locale)}{NBSP}{word}"


def amount_in_words(money: Money, locale: str) -> str:
    """The hryvnias in words and the kopecks in digits, as payment documents write them.

    >>> amount_in_words(Money("21.05"), "uk")
    'двадцять одна гривня 05 копійок'
    >>> amount_in_words(Money("2080000.01"), "en")
    'two million, eighty thousand hryvnias 01 kopeck'
    """
    kopecks = _check_money(money).kopecks
    check_locale(locale)
    whole, kop = divmod(abs(kopecks), 100)
    sign = ("мінус " if locale == "uk" else "minus ") if kopecks < 0 else ""
    if locale == "uk":
        # num2words knows the hryvnia's gender (одна гривня, дві гривні); with a Decimal,
        # never an int (an int would be read as kopecks).
        hryvnias = num2words(
            Decimal(whole), lang="uk", to="currency", currency="UAH", cents=False, separator=""
        )
        words = str(hryvnias).rsplit(" ", 2)[0]  # drop its «00 копійок»: ours follows
    else:
        words = f"{num2words(Decimal(whole), lang='en')} {plural(whole, 'hryvnia', 'en')}"
    return f"{sign}{words} {kop:02d} {plural(kop, 'kopeck', locale)}"


_ROMAN: Final = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MONTHS_UK: Final = (
    "січень", "лютий", "березень", "квітень", "травень", "червень",
    "липень", "серпень", "вересень", "жовтень", "листопад", "грудень",
)  # fmt: skip
_MONTHS_EN: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_period(period: ReportingPeriod, locale: str) -> str:
    """The period as a report's title names it after «за»: «9 місяців 2022 року»,
    «II квартал 2023 року»; "9 months of 2022", "Q2 2023".

    >>> format_period(ReportingPeriod.nine_months(2022), "uk")
    '9 місяців 2022 року'
    >>> format_period(ReportingPeriod.half_year(2023, 2), "uk"), format_period(ReportingPeriod.quarter(2023, 2), "en")
    ('II півріччя 2023 року', 'Q2 2023')
    """
    if not isinstance(period, ReportingPeriod):
        raise InvalidTypeError([Problem("$.period", period, "must be ReportingPeriod", True)])
    uk = check_locale(locale) == "uk"
    y, kind, n = period.start.year, period.kind, period.number
    if kind is PeriodKind.YEAR:
        return f"{y} рік" if uk else str(y)
    if kind is PeriodKind.NINE_MONTHS:
        return f"9 місяців {y} року" if uk else f"9 months of {y}"
    if kind is PeriodKind.HALF_YEAR:
        return f"{_ROMAN[n]} півріччя {y} року" if uk else f"H{n} {y}"
    if kind is PeriodKind.QUARTER:
        return f"{_ROMAN[n]} квартал {y} року" if uk else f"Q{n} {y}"
    if kind is PeriodKind.MONTH:
        return f"{_MONTHS_UK[n - 1]} {y} року" if uk else f"{_MONTHS_EN[n - 1]} {y}"
    if uk:
        return f"період з {period.start:%d.%m.%Y} по {period.end:%d.%m.%Y}"
    return f"{period.start.isoformat()} to {period.end.isoformat()}"
