"""The command line: ``municipal-reports COMMAND …`` (also ``python -m municipal_reports``).

Thin: each command lives in its own module of this package, exposes
``add_parser(subparsers)`` which registers it and sets ``func(args) -> int``, and calls the
public API only.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

__all__ = ["main"]

#: The modules of this package that each add one command.
COMMAND_MODULES: tuple[str, ...] = ("audit", "percent", "schema", "importer", "render", "summary")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    from municipal_reports import __version__

    parser = argparse.ArgumentParser(
        prog="municipal-reports",
        description="Audit, render and convert the activity reports of Ukrainian city councils.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"municipal_reports.cli.{name}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        args = build_parser().parse_args(argv)
        code: int = args.func(args)
    except KeyboardInterrupt:
        # Ctrl-C: one line and the conventional status; -o writes are atomic, so nothing
        # is left half-written.
        print("municipal-reports: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``… | head``): stop quietly, as Unix tools do, and keep
        # Python from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    return code
