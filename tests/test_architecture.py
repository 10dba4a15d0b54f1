"""The arrows between packages, and readings that only the domain may state, checked over
the source with ast (see ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import attrs
import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "municipal_reports"


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(path.relative_to(SRC.parent)), ast.parse(path.read_text("utf-8")))
        for path in sorted(SRC.rglob("*.py"))
    ]


def _package(relative: str) -> str:
    parts = Path(relative).with_suffix("").parts  # ("municipal_reports", "io", "json")
    return parts[1] if len(parts) > 2 else parts[1].removesuffix(".py")


def _imports(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


FORBIDDEN = {
    "io": ("municipal_reports.audit",),
    "audit": (
        "municipal_reports.render",
        "municipal_reports.io",
        "municipal_reports.parse",
        "municipal_reports.bulk",
        "municipal_reports.cli",
    ),
    "testing": ("municipal_reports.audit.rules",),
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_forbidden_arrow_leaves_a_package(package: str) -> None:
    """io never imports audit; audit imports no outer package; testing no rule internals."""
    bad = [
        (name, imported)
        for name, tree in _modules()
        if _package(name) == package
        for imported in _imports(tree)
        if imported.startswith(FORBIDDEN[package])
    ]
    assert bad == []


def test_the_domain_imports_only_itself_errors_and_paths() -> None:
    """The ground floor stands alone: domain imports nothing of the package but errors, paths."""
    allowed = ("municipal_reports.domain", "municipal_reports.errors", "municipal_reports.paths")
    bad = [
        (name, imported)
        for name, tree in _modules()
        if _package(name) == "domain"
        for imported in _imports(tree)
        if imported.startswith("municipal_reports") and not imported.startswith(allowed)
    ]
    assert bad == []


def _restated_plans(tree: ast.Module) -> list[int]:
    """Lines that choose between the annual and the indicative amount by themselves."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.IfExp):
            names = {n.attr for n in (node.body, node.orelse) if isinstance(n, ast.Attribute)} | {
                n.id for n in (node.body, node.orelse) if isinstance(n, ast.Name)
            }
            if {"annual", "indicative"} <= names:
                lines.append(node.lineno)
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "percentage"
            and any(
                isinstance(a, ast.Attribute) and a.attr in ("annual", "indicative")
                for a in node.args
            )
        ):
            lines.append(node.lineno)
    return lines


def test_only_the_domain_says_which_plan_a_percentage_is_measured_against() -> None:
    """No package outside the domain restates «annual, else indicative» or divides by a
    column of its own choosing: they ask ``Financing.plan``."""
    restated = [
        (name, line)
        for name, tree in _modules()
        if _package(name) != "domain"
        for line in _restated_plans(tree)
    ]
    assert restated == []


def test_the_detector_of_restated_plans_finds_one() -> None:
    """The check above can fail: it finds both spellings of a restated plan."""
    source = (
        "plan = f.annual if f.annual is not None else f.indicative\n"
        "p = percentage(f.actual, f.annual)\n"
    )
    assert _restated_plans(ast.parse(source)) == [1, 2]


def test_only_the_domain_and_the_layout_walk_sections_and_facts() -> None:
    """The program reports inside a report are found by the domain; only the layout, which
    draws every fact, walks sections and facts itself."""
    walkers = []
    for name, tree in _modules():
        if _package(name) == "domain" or name.endswith("render/layout.py"):
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, (ast.For, ast.comprehension))
                and isinstance(node.iter, ast.Attribute | ast.Call)
                and "facts" in ast.unparse(node.iter).split(".")[-1]
            ):
                walkers.append((name, ast.unparse(node.iter)))
    assert walkers == []


def test_the_fast_loader_restates_no_field() -> None:
    """io/fast.py names no field of the entities it reads: its readers are generated from
    the attrs fields and their declared checks."""
    from municipal_reports.domain import Financing, Measure, ProgramReport, Task

    names = {f.name for cls in (Financing, Measure, ProgramReport, Task) for f in attrs.fields(cls)}
    tree = ast.parse((SRC / "io" / "fast.py").read_text("utf-8"))
    literals = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert literals & names == set()
