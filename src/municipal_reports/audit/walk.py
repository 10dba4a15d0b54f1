"""Walking an entity tree: which rule runs on which node, at which path.

The walk only descends into fields that can lead to a node some rule applies to; a program
report's measures are reached, its signatory's name is not (unless a rule wants it). Where
the rule set holds every built-in rule a class's fused audit stands in for
(:mod:`municipal_reports.audit.fused`), the walk runs that one function for them; other
rules of the class run as usual, and the findings keep the rule set's order.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Iterable

import attrs

from municipal_reports.audit.failed import rule_failed
from municipal_reports.audit.finding import Finding
from municipal_reports.audit.fused import FUSED, Kernel
from municipal_reports.audit.registry import ENTRY_POINT_GROUP, Hit, Rule, RuleSet
from municipal_reports.errors import PluginRuntimeError
from municipal_reports.paths import Path

__all__ = ["applies_within", "walk"]


def _attrs_classes_in(annotation: object) -> set[type]:
    found: set[type] = set()
    stack = [annotation]
    while stack:
        tp = stack.pop()
        if isinstance(tp, type) and attrs.has(tp):
            found.add(tp)
        origin = typing.get_origin(tp)
        if origin is not None or isinstance(tp, types.UnionType):
            stack.extend(typing.get_args(tp))
    return found


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, frozenset[type]], ...]:
    attrs.resolve_types(cls)
    return tuple((f.name, frozenset(_attrs_classes_in(f.type))) for f in attrs.fields(cls))


@functools.cache
def _reachable(cls: type) -> frozenset[type]:
    seen: set[type] = set()
    stack = [cls]
    while stack:
        c = stack.pop()
        if c in seen:
            continue
        seen.add(c)
        for _, classes in _fields(c):
            stack.extend(classes)
    return frozenset(seen)


def applies_within(rule_: Rule, root: type) -> bool:
    """Whether ``rule_`` can run on some node of a tree rooted at a ``root``."""
    return any(issubclass(cls, rule_.applies_to) for cls in _reachable(root))


class _Plan:
    """For one rule set: the rules of each class and the fields worth descending into."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self._by_class: dict[type, tuple[Rule, ...]] = {}
        self._descend: dict[type, tuple[str, ...]] = {}
        self._runners: dict[type, Runner | None] = {}
        #: For each class met in a sequence: the fused audit's screen when the fused audit
        #: runs every rule of the class and no rule looks below it, else ``None``.
        self.screens: dict[type, Callable[[object], bool] | None] = {}

    def runner_for(self, cls: type) -> Runner | None:
        """The function that runs every rule of ``cls`` on a node (``None``: no rule)."""
        if cls in self._runners:
            return self._runners[cls]
        rules = self.rules_for(cls)
        fused = FUSED.get(cls)
        runner: Runner | None = None
        if fused is not None and set(fused.functions) <= {
            r.code for r in rules if fused.covers(r.code, r.function)
        }:
            runner = _fused_runner(rules, fused.kernel, frozenset(fused.functions))
        elif rules:
            runner = _plain_runner(rules)
        self._runners[cls] = runner
        return runner

    def screen_for(self, cls: type) -> Callable[[object], bool] | None:
        """A test that a node of ``cls`` could give a finding (``False``: skip it), when
        the class has one; ``None`` otherwise (visit every node)."""
        if cls in self.screens:
            return self.screens[cls]
        fused = FUSED.get(cls)
        screen = None
        if fused is not None and fused.screen is not None and not self.fields_for(cls):
            rules = self.rules_for(cls)
            if {r.code for r in rules} == set(fused.functions) and all(
                fused.covers(r.code, r.function) for r in rules
            ):
                # Every rule of the class is one the fused audit stands in for, and it
                # stands in for all of them (no plugin rule, no partial selection).
                screen = fused.screen
        self.screens[cls] = screen
        return screen

    def rules_for(self, cls: type) -> tuple[Rule, ...]:
        found = self._by_class.get(cls)
        if found is None:
            found = tuple(r for r in self.rules if issubclass(cls, r.applies_to))
            self._by_class[cls] = found
        return found

    def fields_for(self, cls: type) -> tuple[str, ...]:
        found = self._descend.get(cls)
        if found is None and not attrs.has(cls):
            found = self._descend[cls] = ()  # a value (Money, Percent, str): nothing below
        if found is None:
            wanted = []
            for name, classes in _fields(cls):
                if any(self.rules_for(r) for c in classes for r in _reachable(c)):
                    wanted.append(name)
            found = tuple(wanted)
            self._descend[cls] = found
        return found


#: Runs a class's rules on one node at a path, adding the findings to the walk's run.
Runner = Callable[[object, Path, "_Run"], None]


def _add(r: Rule, hits: Iterable[Hit], path: Path, run: _Run) -> None:
    """Add the findings of ``r``'s hits (from its own run or a fused audit); a rule that
    fails to make them becomes MR000 like one that fails to run."""
    try:
        found = r.findings(hits)
        if r.distribution:
            for f in found:
                f.message("en")  # a plugin's message must be one its hits can fill
        run.out.extend(found)
    except Exception as exc:
        run.fail(r, path, exc)


def _run_rule(r: Rule, obj: object, path: Path, run: _Run) -> None:
    try:
        hits = r.function(obj, path)
        if hits and hits.__class__ is not tuple and hits.__class__ is not list:
            # A generator is always true: run it here, so that no hit costs no findings.
            hits = tuple(hits)
    except Exception as exc:
        run.fail(r, path, exc)
        return
    if hits:
        _add(r, hits, path, run)


def _plain_runner(rules: tuple[Rule, ...]) -> Runner:
    def run_all(obj: object, path: Path, run: _Run) -> None:
        for r in rules:
            _run_rule(r, obj, path, run)

    return run_all


def _fused_runner(rules: tuple[Rule, ...], kernel: Kernel, codes: frozenset[str]) -> Runner:
    others = any(r.code not in codes for r in rules)

    def run_fused(obj: object, path: Path, run: _Run) -> None:
        try:
            found = kernel(obj, path)
        except Exception:
            # One of the fused rules failed: run each alone, so that the failure is that
            # rule's own finding (MR000) and the others still report theirs.
            for r in rules:
                _run_rule(r, obj, path, run)
            return
        if found is None and not others:
            return  # the common case: nothing to report
        for r in rules:
            if r.code not in codes:
                _run_rule(r, obj, path, run)
                continue
            hits = found.get(r.code) if found is not None else None
            if hits:
                _add(r, hits, path, run)

    return run_fused


# One plan per rule set, built on first use: a plan only caches what it derives from its
# immutable rule set, so sharing it is safe; the bound keeps filtered sets from piling up.
@functools.lru_cache(maxsize=64)
def _plan(rules: RuleSet) -> _Plan:
    return _Plan(rules)


class _Run:
    """One walk's findings, the rules that failed in it, and whether a failure raises."""

    __slots__ = ("failed", "out", "strict")

    def __init__(self, strict: bool) -> None:
        self.out: list[Finding] = []
        self.failed: set[str] = set()
        self.strict = strict

    def fail(self, r: Rule, path: Path, exc: Exception) -> None:
        if self.strict:
            raise PluginRuntimeError(ENTRY_POINT_GROUP, r.code, r.distribution, exc) from exc
        if r.code not in self.failed:  # one finding per rule, at the first failure
            self.failed.add(r.code)
            self.out.append(rule_failed(r.code, r.distribution, str(path), exc))


def walk(
    obj: object, rules: RuleSet, path: Path | None = None, *, strict: bool = False
) -> list[Finding]:
    """Every finding of every applicable rule on ``obj`` and on every node below it.

    A rule that fails (raises, returns something that is not hits, or, for a plugin's rule,
    has a message its hits cannot fill) gives one MR000 finding and the walk goes on; with
    ``strict`` it raises :class:`~municipal_reports.errors.PluginRuntimeError` instead.
    """
    run = _Run(strict)
    _visit(obj, path or Path(None, None, obj), _plan(rules), run)
    return run.out


def _visit(obj: object, path: Path, plan: _Plan, run: _Run) -> None:
    cls = type(obj)
    runner = plan.runner_for(cls)
    if runner is not None:
        runner(obj, path, run)
    for name in plan.fields_for(cls):
        value = getattr(obj, name)
        if value is None:
            continue
        if value.__class__ is tuple:
            child = Path(path, name)
            screens = plan.screens
            for i, item in enumerate(value):
                kind = item.__class__
                screen = screens[kind] if kind in screens else plan.screen_for(kind)
                try:
                    clean = screen is not None and not screen(item)
                except Exception:
                    clean = False  # the visit's rules say what is wrong
                if clean:
                    continue  # the common case: a clean measure, passed without a path
                _visit(item, Path(child, i, item), plan, run)
        else:
            _visit(value, Path(path, name, value), plan, run)
