"""Readings that only the domain may state (ARCHITECTURE.md), checked over the source with
ast: no package restates the plan, walks a report's program reports by hand, or restates
the fields the loader reads. (The arrows between packages are in test_layers.py.)"""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import attrs

SRC = Path(__file__).resolve().parent.parent / "src" / "municipal_reports"


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(path.relative_to(SRC.parent)), ast.parse(path.read_text("utf-8")))
        for path in sorted(SRC.rglob("*.py"))
    ]


def _package(relative: str) -> str:
    parts = Path(relative).with_suffix("").parts  # ("municipal_reports", "io", "json")
    return parts[1] if len(parts) > 2 else parts[1].removesuffix(".py")


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


def _entities_of_a_document() -> set[type]:
    """Every attrs class a document can hold, from the Report down."""
    from municipal_reports.domain import Report

    seen: set[type] = set()
    stack: list[type] = [Report]
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        attrs.resolve_types(cls)
        for f in attrs.fields(cls):
            args = [f.type, *typing.get_args(f.type)]
            for t in list(args):
                args.extend(typing.get_args(t))
            stack.extend(t for t in args if isinstance(t, type) and attrs.has(t))
    return seen


def test_every_field_of_a_document_declares_its_check() -> None:
    """Each field of each entity a document holds declares its construction check, so the
    loader, the schema and the strategies have a declaration to read for it."""
    from municipal_reports.domain import declared_checks

    entities = _entities_of_a_document()
    assert len(entities) > 20  # the walk found the entities (Report, Measure, facts…)
    undeclared = [
        f"{cls.__name__}.{f.name}"
        for cls in entities
        for f in attrs.fields(cls)
        if f.name not in dict(declared_checks(cls))
    ]
    assert undeclared == []
