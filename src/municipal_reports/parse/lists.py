"""List items as reports write them: a marker, a label, a dash, a figure.

Reports list parts of a whole line by line: «- надійшло поштою – 58», «· вирішено
позитивно –26;», «- Екологія -2». The dash that starts an item is a marker and the dash
between the label and the figure a separator: neither is a minus sign, so the figure is
what follows them («2», not «-2»). A dash glued to a digit at the start of the text, with
no label before it («-5»), stays a minus: :func:`strip_list_marker` leaves it alone.

>>> split_list_item("- Екологія, охорона навколишнього природного середовища -2")
('Екологія, охорона навколишнього природного середовища', '2')
>>> strip_list_marker("– 917 198 тис. грн податку"), strip_list_marker("-5")
('917 198 тис. грн податку', '-5')
"""

from __future__ import annotations

import re
from typing import Final

from municipal_reports.errors import ParseError
from municipal_reports.parse.values import _require_str as require_text

__all__ = ["split_list_item", "strip_list_marker"]

#: Longer than any list item a report writes; refusing more keeps the work bounded.
MAX_ITEM_LENGTH: Final = 2000

_DASHES: Final = "-‐‑‒–—―−"
# A marker: a dash or bullet followed by a space or a letter (never by a digit: «-5» is a
# number), or a letter or number closed by a bracket («а)», «1)»).
_MARKER: Final = re.compile(
    rf"[ \t\u00a0]*(?:[{_DASHES}•·●▪◦‣∙*=](?=[ \t\u00a0]|[^\W\d_]|$)|o(?=[ \t\u00a0])"
    r"|(?:\d{1,2}|[^\W\d_])\))[ \t\u00a0]*"
)
# A separator before the figure that ends the item: a dash after a space, or a colon.
_SEPARATOR: Final = re.compile(
    rf"[ \t\u00a0](?:[{_DASHES}]|:)[ \t\u00a0]*(?=\d)|:[ \t\u00a0]*(?=\d)"
)
_END: Final = " \t\u00a0;,."


def _require_str(text: object, what: str) -> str:
    # The one rule for digits of every reader: a digit of another script, or a letter
    # standing for one, is refused rather than split off as a figure.
    text = require_text(text, what)
    if len(text) > MAX_ITEM_LENGTH:
        raise ParseError(text, MAX_ITEM_LENGTH, "is too long for a list item", expected=what)
    return text


def strip_list_marker(text: str) -> str:
    """The item without the marker that starts it («- », «– », «• », «· », «= », «а) »);
    text without a marker comes back stripped, and a minus glued to a digit stays."""
    text = _require_str(text, "a list item")
    # A marker may be doubled («• o «Безпека»»): strip them all.
    start = 0
    while True:
        m = _MARKER.match(text, start)
        if m is None or m.end() == start:
            break
        start = m.end()
    return text[start:].strip()


def split_list_item(text: str) -> tuple[str, str]:
    """The label and the figure of a list item: «- одержано на особистому прийомі – 31» is
    ``("одержано на особистому прийомі", "31")``. The figure is what follows the last
    separator (a dash after a space, or a colon) when a digit follows it, without the
    trailing «;» or «.»; an item with no figure gives an empty one.

    >>> split_list_item("· вирішено позитивно –26;"), split_list_item("- на освіту – 5049,5 тис.гривень;")
    (('вирішено позитивно', '26'), ('на освіту', '5049,5 тис.гривень'))
    """
    item = strip_list_marker(text)
    last = None
    for last in _SEPARATOR.finditer(item):  # noqa: B007 - the last separator is wanted
        pass
    if last is None:
        return item.rstrip(_END), ""
    return item[: last.start()].strip(), item[last.end() :].rstrip(_END).strip()
