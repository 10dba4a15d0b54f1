"""Text to values and entities: numbers, money, dates, references, and the official table.

Users write ``from municipal_reports.parse import parse_money``; every ``parse_*`` returns
the value or raises :class:`~municipal_reports.errors.ParseError`, every ``is_*`` never raises.
"""

from municipal_reports.parse.table import (
    Cell,
    ImportFinding,
    ImportResult,
    import_table,
    import_tables,
)
from municipal_reports.parse.text import NormalizedText, TextChange, normalize_text
from municipal_reports.parse.values import (
    find_decisions,
    is_date,
    is_decision,
    is_money,
    is_number,
    is_percent,
    is_period,
    is_person,
    is_placeholder,
    is_quantity,
    is_year_span,
    parse_date,
    parse_date_range,
    parse_decision,
    parse_money,
    parse_number,
    parse_optional_number,
    parse_percent,
    parse_period,
    parse_person,
    parse_quantity,
    parse_year_span,
)

__all__ = [
    "Cell",
    "ImportFinding",
    "ImportResult",
    "NormalizedText",
    "TextChange",
    "find_decisions",
    "import_table",
    "import_tables",
    "is_date",
    "is_decision",
    "is_money",
    "is_number",
    "is_percent",
    "is_period",
    "is_person",
    "is_placeholder",
    "is_quantity",
    "is_year_span",
    "normalize_text",
    "parse_date",
    "parse_date_range",
    "parse_decision",
    "parse_money",
    "parse_number",
    "parse_optional_number",
    "parse_percent",
    "parse_period",
    "parse_person",
    "parse_quantity",
    "parse_year_span",
]
