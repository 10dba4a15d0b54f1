"""``municipal-reports schema``: print the JSON Schema of the report file format."""

from __future__ import annotations

import argparse
import json

from municipal_reports import json_schema

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``schema`` command."""
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of report files",
        description="Print the JSON Schema (draft 2020-12) that report files validate against.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema; return 0."""
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0
