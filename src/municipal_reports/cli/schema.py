"""``municipal-reports schema``: print the JSON Schema of the report file format."""

from __future__ import annotations

import argparse
import json
import sys

from municipal_reports import json_schema

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``schema`` command."""
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of report files",
        description="Print the JSON Schema (draft 2020-12) that report files validate against.",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write here, not to stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print (or write) the schema; return 0, or 2 when OUT cannot be written."""
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        print(f"municipal-reports schema: error: {exc}", file=sys.stderr)
        return 2
    return 0
