"""The arrows between packages that must not exist (ARCHITECTURE.md), read from the imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "municipal_reports"


def _imports(package: str) -> set[tuple[str, str]]:
    """(file, imported module) for every import in ``package``, lazy ones included."""
    found = set()
    for file in (SRC / package).rglob("*.py"):
        rel = file.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add((rel, node.module))
            elif isinstance(node, ast.Import):
                found.update((rel, alias.name) for alias in node.names)
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("parse", "municipal_reports.render"),
        ("audit", "municipal_reports.render"),
        ("domain", "municipal_reports.i18n"),
        ("domain", "municipal_reports.render"),
        ("i18n", "municipal_reports.render"),
        ("i18n", "municipal_reports.audit"),
        ("i18n", "municipal_reports.parse"),
        ("io", "municipal_reports.audit"),
        ("audit", "municipal_reports.io"),
        ("audit", "municipal_reports.parse"),
        ("audit", "municipal_reports.bulk"),
        ("audit", "municipal_reports.cli"),
        ("testing", "municipal_reports.audit.rules"),
    ],
)
def test_no_forbidden_arrow(package: str, forbidden: str) -> None:
    """No module of ``package`` imports ``forbidden`` or anything beneath it."""
    bad = sorted(
        (file, module)
        for file, module in _imports(package)
        if module == forbidden or module.startswith(forbidden + ".")
    )
    assert bad == []


def test_the_domain_imports_only_itself_errors_and_paths() -> None:
    """The ground floor stands alone: the domain imports nothing of the package but errors
    and paths."""
    allowed = ("municipal_reports.domain", "municipal_reports.errors", "municipal_reports.paths")
    bad = sorted(
        (file, module)
        for file, module in _imports("domain")
        if module.startswith("municipal_reports") and not module.startswith(allowed)
    )
    assert bad == []


def test_only_i18n_imports_babel() -> None:
    """babel is imported by the i18n package alone (the one home of formatting)."""
    bad = sorted(
        (file, module)
        for package in ("domain", "audit", "parse", "render", "io", "bulk", "cli", "testing")
        for file, module in _imports(package)
        if module == "babel" or module.startswith("babel.")
    )
    assert bad == []


def test_words_have_one_home() -> None:
    """The old homes of i18n (render/i18n.py, render/labels.py, audit/messages.py) are gone."""
    assert [
        p for p in ("render/i18n.py", "render/labels.py", "audit/messages.py") if (SRC / p).exists()
    ] == []
