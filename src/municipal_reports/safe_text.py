"""Text that leaves the library for a terminal, a file or a spreadsheet: never raw controls.

A report's text comes from documents and files anyone can write. Control characters in it
(ESC sequences that rewrite a terminal, BEL, NUL, the C1 controls, bidi overrides that
reorder what a reader sees) must never reach a terminal or a rendered file raw, and a
newline in a key or a value must not forge a line of an error report. One rule, used by
the renderers, the error messages and the command line:

* :func:`visible` writes each such character as a visible escape, ``\\u`` and four hex
  digits (ESC becomes ``\\u001b``): the reader sees that something was there, and what.
  Tabs and newlines stay unless the text must hold one line.
* :func:`spreadsheet_cell` defuses a cell a spreadsheet would run as a formula.

>>> visible("Звіт\\x1b[2J")
'Звіт\\\\u001b[2J'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["spreadsheet_cell", "visible"]

# C0 controls but tab and line ends, DEL and the C1 controls, the bidi marks, embeddings,
# overrides and isolates, and the Unicode line and paragraph separators.
_CONTROLS: Final = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
)
_MULTI_LINE: Final = re.compile(f"[{_CONTROLS}]")
_ONE_LINE: Final = re.compile(f"[{_CONTROLS}\t\n\r]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: str, *, single_line: bool = False) -> str:
    """``text`` with every control character written as a visible ``\\uXXXX`` escape.

    Tabs and line ends are kept unless ``single_line``, which escapes them too (a table
    cell, an error line). Everything else, letters, spaces and punctuation of any script,
    is left as it is.

    >>> visible("a\\u202eb\\nc", single_line=True)
    'a\\\\u202eb\\\\u000ac'
    """
    pattern = _ONE_LINE if single_line else _MULTI_LINE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


# What a spreadsheet starts a formula with, in ASCII and full width; a cell whose first
# visible character is one of these (after any spaces, tabs or line ends, which
# spreadsheets skip) is a formula to Excel or LibreOffice.
_FORMULA: Final = re.compile("[\\s]*[=+\\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n]")


def spreadsheet_cell(text: str) -> str:
    """``text`` for a CSV cell: a leading apostrophe when a spreadsheet would read it as a
    formula (``=``, ``+``, ``-``, ``@``, their full-width forms, after any white space;
    or a leading tab or line end). A hostile report could otherwise run a command on the
    reader's machine.

    >>> spreadsheet_cell(" =HYPERLINK()"), spreadsheet_cell("Захід")
    ("' =HYPERLINK()", 'Захід')
    """
    return "'" + text if _FORMULA.match(text) else text
