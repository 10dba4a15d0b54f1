"""``municipal-reports audit FILE...``: what is wrong with each report file.

Exit status: 0 when no finding is an error, 1 when any is, 2 when a file cannot be read or
is not a valid report (its problems are printed to stderr; the other files are still
audited).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from municipal_reports import (
    Finding,
    MunicipalReportsError,
    PluginError,
    PluginRuntimeError,
    Severity,
    StructureError,
    audit,
    default_rules,
    load,
)
from municipal_reports.bulk import audit_many
from municipal_reports.cli._files import add_max_size_argument, expand_each
from municipal_reports.cli._jobs import add_jobs_arguments, executor_for, progress_bar
from municipal_reports.cli._say import cannot_read, error, file_problem, not_a_report, shown
from municipal_reports.io import finding_data

__all__ = ["add_parser", "run"]

COLUMNS = ("file", "severity", "code", "name", "path", "expected", "found", "message")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``audit`` command."""
    parser = subparsers.add_parser(
        "audit",
        help="audit report files and print what contradicts itself",
        description="Audit report files (JSON) and print every finding. Exit 0 when no "
        "finding is an error, 1 when any is, 2 when a file is unreadable or not a report.",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="a report file (JSON), a directory of them (recursive), or a .jsonl file",
    )
    parser.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="a readable table (default) or one JSON list of findings",
    )
    parser.add_argument(
        "--select",
        type=_codes,
        default=None,
        metavar="CODES",
        help="only these rules: comma-separated codes, code prefixes or names (MR1,MR201)",
    )
    parser.add_argument(
        "--ignore",
        type=_codes,
        default=[],
        metavar="CODES",
        help="leave out these rules (same form as --select)",
    )
    parser.add_argument(
        "--locale", choices=("uk", "en"), default="en", help="the language of the messages"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="a broken plugin (a rule pack that cannot load, a rule that fails) is an error "
        "(exit 2) instead of an MR000 finding",
    )
    add_jobs_arguments(parser)
    add_max_size_argument(parser)
    parser.set_defaults(func=run)


def _codes(text: str) -> list[str]:
    codes = [c.strip() for c in text.split(",") if c.strip()]
    if not codes:
        raise argparse.ArgumentTypeError("expected comma-separated rule codes or names")
    return codes


def _check_selectors(selectors: list[str]) -> str | None:
    rules = list(default_rules())
    for s in selectors:
        if s in ("MR0", "MR000", "rule-failed"):
            continue  # the finding of a failed rule or rule pack, selected like a rule
        if not any(r.name == s or r.code.startswith(s) for r in rules):
            return s
    return None


def run(args: argparse.Namespace) -> int:
    """Audit every file; print the findings; return the exit status."""
    unknown = _check_selectors([*(args.select or []), *args.ignore])
    if unknown is not None:
        print(
            f"municipal-reports audit: error: no rule has the code or name {unknown!r}",
            file=sys.stderr,
        )
        return 2
    if args.jobs > 1 or not all(_is_plain_file(name) for name in args.files):
        return _run_many(args)
    status = 0
    rows: list[tuple[str, Finding]] = []
    for name in args.files:
        try:
            document = load(name, max_size=args.max_size)
            findings = audit(document, select=args.select, ignore=args.ignore, strict=args.strict)
        except (PluginError, PluginRuntimeError) as exc:
            error("municipal-reports audit", exc)
            return 2
        except StructureError as exc:
            not_a_report(name, exc)
            status = 2
            continue
        except OSError as exc:
            cannot_read(name, exc)
            status = 2
            continue
        except MunicipalReportsError as exc:
            file_problem(name, exc)
            status = 2
            continue
        rows.extend((name, f) for f in findings)
    if args.format == "json":
        data = [_as_json(name, f, args.locale) for name, f in rows]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(_table(rows, args.locale, len(args.files)))
    if status == 0 and any(f.severity is Severity.ERROR for _, f in rows):
        status = 1
    return status


def _is_plain_file(name: str) -> bool:
    return not (os.path.isdir(name) or name.endswith(".jsonl"))


def _run_many(args: argparse.Namespace) -> int:
    """Directories, JSON Lines or ``--jobs N``: the documents through ``audit_many``."""
    files = expand_each(args.files)
    executor = executor_for(args.jobs)
    try:
        with progress_bar(len(files), wanted=args.progress) as progress:
            results = audit_many(
                files,
                executor,
                select=args.select,
                ignore=args.ignore,
                progress=progress,
                strict=args.strict,
                max_size=args.max_size,
            )
    except (PluginError, PluginRuntimeError) as exc:
        error("municipal-reports audit", exc)
        return 2
    except OSError as exc:
        error("municipal-reports audit", exc)
        return 2
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    status = 0
    rows: list[tuple[str, Finding]] = []
    for result in results:
        if result.error:
            file_problem(result.source, result.error)
            status = 2
        elif not result.loaded:
            not_a_report(result.source, StructureError(result.problems))
            status = 2
        rows.extend((result.source, f) for f in result.findings)
    if args.format == "json":
        data = [_as_json(name, f, args.locale) for name, f in rows]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(_table(rows, args.locale, len(results)))
    if status == 0 and any(f.severity is Severity.ERROR for _, f in rows):
        status = 1
    return status


def _as_json(name: str, finding: Finding, locale: str) -> dict[str, Any]:
    return {"file": name, **finding_data(finding, locale)}


def _text(value: object) -> str:
    return "—" if value is None else str(value)


def _table(rows: list[tuple[str, Finding]], locale: str, files: int) -> str:
    errors = sum(f.severity is Severity.ERROR for _, f in rows)
    summary = f"{len(rows)} finding(s), {errors} error(s), in {files} file(s)"
    if not rows:
        return summary
    cells = [
        tuple(
            map(
                shown,
                (
                    name,
                    f.severity.value,
                    f.code,
                    f.name,
                    f.path,
                    _text(f.expected),
                    _text(f.found),
                    f.message(locale),
                ),
            )
        )
        for name, f in rows
    ]
    # Pad every column but the last (the message) to its widest cell.
    widths = [max(len(row[i]) for row in [COLUMNS, *cells]) for i in range(len(COLUMNS) - 1)]
    lines = []
    for row in [COLUMNS, *cells]:
        padded = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*padded, row[-1]]))
    lines.append(summary)
    return "\n".join(lines)
