"""Input files for the commands: the size limit (``--max-size``), and the listing of paths
that keeps going past a missing one (it is then reported by name, with the others done)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from decimal import Decimal

from municipal_reports.bulk import expand
from municipal_reports.io import DEFAULT_MAX_SIZE

__all__ = ["add_max_size_argument", "expand_each", "parse_size"]

_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def parse_size(text: str) -> int:
    """A size in bytes from ``512M``, ``2G``, ``1.5G``, ``1000`` (K, M, G, T are powers of
    1024; a trailing «B» or «iB» is allowed)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*", text, re.IGNORECASE)
    if m is None or Decimal(m[1]) <= 0:
        raise argparse.ArgumentTypeError(f"expected a size such as 512M or 2G, not {text!r}")
    number, unit = m[1], m[2].upper()
    whole, _, frac = number.partition(".")
    scale = _UNITS[unit]
    return int(whole) * scale + (int(frac) * scale // 10 ** len(frac) if frac else 0)


def add_max_size_argument(parser: argparse.ArgumentParser) -> None:
    """``--max-size SIZE``: the largest document a command reads."""
    parser.add_argument(
        "--max-size",
        type=parse_size,
        default=DEFAULT_MAX_SIZE,
        metavar="SIZE",
        help=f"refuse a report file larger than SIZE (default {DEFAULT_MAX_SIZE // 1024**2}M; "
        "e.g. 2G)",
    )


def expand_each(paths: Iterable[str]) -> list[str]:
    """The files that ``paths`` name (directories walked), a missing path kept as given so
    that reading it reports it by name while every other path is still done."""
    found: list[str] = []
    for path in paths:
        try:
            found.extend(expand([path]))
        except FileNotFoundError:
            found.append(path)
    return found
